"""Look-ups around a number: listed word sequences, the object, unit or place after it and
the modifier phrases before and after it (``نحو``, ``أكثر من``), split out of ``engine``
so that the scanning loop reads apart from the tables it consults."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rasd.annotators.quantities.numbers import Lex, strip_def, word_readings
from rasd.annotators.quantities.objects import open_object
from rasd.annotators.quantities.skim import first_words
from rasd.annotators.spans import SpanIndex
from rasd.models import EntityMention
from rasd.text import Token
from rasd.text.clitics import conjunctions, particle, particle_chains, proclitic

_BY = proclitic("by")
_FROM, _IN = particle("from"), particle("in")
_GLUED = ("", *particle_chains())  # و ف ب ل وب فل …, or nothing
_OPENING = frozenset("([")
_CONJS = tuple(c for c in conjunctions() if c)  # و ف


def match_seq(
    toks: Sequence[Token], i: int, table: dict[tuple[str, ...], str], maxlen: int
) -> tuple[int, str] | None:
    """Longest entry of ``table`` at token ``i`` (first word may carry proclitics/ال)."""
    firsts = first_words(table)
    readings = word_readings(toks[i].norm, definite=True)
    if not any(r in firsts for r in readings):
        return None
    for n in range(min(maxlen, len(toks) - i), 0, -1):
        words = [t.norm for t in toks[i : i + n]]
        if not all(w and w[0].isalpha() or w == "%" for w in words) and not (n == 1 and (words[0],) in table):
            continue  # a listed sign alone is a unit too: 681$ (objects.tsv)
        for first in word_readings(words[0], definite=True):
            key = (first, *(strip_def(w) for w in words[1:]))
            if key in table:
                return n, table[key]
    return None


def gentilic(lex: Lex, tok: Token) -> str | None:
    for r in word_readings(tok.norm, definite=True):
        if r in lex.gentilics:
            return lex.gentilics[r]
    return None


def object_after(lex: Lex, toks: Sequence[Token], j: int) -> tuple[int, int, str] | None:
    """Counted object right after the number (optionally after من): (first, end, lemma)."""
    k = j
    while k < len(toks) and toks[k].norm in ('"', "'") and toks[k].start == toks[k - 1].end:
        k += 1  # "بين 1500 و3000" عنصر: the closing mark of a quoted range
    if k < len(toks) and toks[k].norm == _FROM:
        k += 1
    hit = match_seq(toks, k, lex.objects, lex.max_obj_len) if k < len(toks) else None
    if hit is None:
        return None
    return k, k + hit[0], hit[1]


def unit_after(lex: Lex, toks: Sequence[Token], j: int, value: float | None) -> tuple[int, int, str] | None:
    """The listed or open counted noun right after a number ending at ``j``."""
    return object_after(lex, toks, j) or (open_object(toks, j, value) if j < len(toks) else None)


def place_after(lex: Lex, toks: Sequence[Token], j: int, ents: SpanIndex[EntityMention]) -> str | None:
    """``في X`` / ``بـX`` within two tokens of ``j``: X a GPE/LOC mention or a listed place."""
    for k in range(j, min(j + 3, len(toks))):
        t = toks[k]
        if t.norm == _IN and k + 1 < len(toks):
            cand = k + 1
            skip = 0
        elif t.norm.startswith(_BY) and len(t.norm) > 3:
            cand, skip = k, 1
        else:
            continue
        ct = toks[cand]
        for e in ents.containing(ct.start + skip):
            if e.type in ("GPE", "LOC"):
                return e.text
        hit = match_seq(toks, cand, lex.places, 3)
        if hit is not None:
            return hit[1]
    return None


@lru_cache(maxsize=4)
def mods_by_last(lex: Lex) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Indexes into ``lex.mods_before`` by last word: one-word phrases, longer phrases."""
    single: dict[str, list[int]] = {}
    multi: dict[str, list[int]] = {}
    for k, (words, _) in enumerate(lex.mods_before):
        (single if len(words) == 1 else multi).setdefault(words[-1], []).append(k)
    return single, multi


def mods_ending(lex: Lex, last: str) -> list[int]:
    """Indexes into ``lex.mods_before`` (in its order) of the phrases that may end with the
    folded word ``last``: a longer phrase ends with it exactly, a one-word phrase may be
    ``last`` after a glued conjunction or preposition. The others cannot match there."""
    single, multi = mods_by_last(lex)
    idx = [*single.get(last, ()), *multi.get(last, ())]
    # "وأكثر", "بنحو", "بحوالي": a one-word phrase may carry a glued conjunction or preposition
    idx += [k for c in _GLUED if c and last.startswith(c) for k in single.get(last[len(c) :], ())]
    return sorted(set(idx))


def before_mod(lex: Lex, toks: Sequence[Token], i: int) -> tuple[int, str] | None:
    """Modifier phrase ending right before token ``i`` (a count noun may sit between, and an
    opening bracket: ``نحو (128) مليار``)."""
    if i >= 2 and toks[i - 1].text in _OPENING:
        i -= 1
    for gap in (0, 1):
        end = i - gap
        if gap and (end < 1 or not any(r in lex.count_nouns for r in word_readings(toks[end].norm))):
            continue
        if end < 1:
            continue  # no word before: no phrase ends there
        for m in mods_ending(lex, toks[end - 1].norm):
            words, mod = lex.mods_before[m]
            n = len(words)
            if end - n < 0:
                continue
            got = [t.norm for t in toks[end - n : end]]
            first = got[0]
            # "وأكثر من", "لأكثر من 2000": the phrase may carry a glued conjunction or preposition
            if tuple(got[1:]) == words[1:] and any(first == c + words[0] for c in _GLUED):
                return end - n, mod
    return None


def glued_len(lex: Lex, tok: Token) -> int:
    """Letters of a conjunction glued to the first word of a modifier phrase (``وأكثر من``): the
    quantity's span starts after them; a glued preposition stays in it (``بأكثر من``, ``بنحو``)."""
    firsts = {w[0] for w, _ in lex.mods_before}
    return next((len(c) for c in _CONJS if tok.norm.startswith(c) and tok.norm[len(c) :] in firsts), 0)


def after_mod(lex: Lex, toks: Sequence[Token], j: int) -> tuple[int, str] | None:
    for words, mod in lex.mods_after:
        n = len(words)
        if tuple(t.norm for t in toks[j : j + n]) == words:
            return j + n, mod
    return None
