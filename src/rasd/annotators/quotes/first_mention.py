"""A definite description that refers back to its first, indefinite mention.

Articles bring a source in with an indefinite phrase (``لجنة من الخبراء``, ``دراسة: "…"``,
``نتائج استطلاع للرأي``, ``إحدى المراجعات``) and then quote it by the same head noun with the
article (``اللجنة``, ``الدراسة``, ``نتائج الاستطلاع``, ``المراجعة``). The gold wants the first
mention (docs/realnews_gold.md, the anaphor rule). ``coref`` links titles, offices and named
bodies; this is the fallback it calls when none of those links held: the description's head
(folded, without the article, a plural read as its singular through ``plurals.tsv``) is looked
for among the earlier speakers (nearest first), then in the words of the same and the previous
paragraph (nearest first). Nothing is linked across a head that differs (``المصادر`` is not
``تقارير``): a different head is a different source as often as not.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from rasd.annotators.quotes.history import bare, nodef
from rasd.annotators.quotes.marks import OPENERS, STRAIGHT
from rasd.models import Speaker
from rasd.resources import load_lines, load_table
from rasd.text import Token, fold
from rasd.text.clitics import affix, affixes, article, particle, proclitic

MAX_DESCRIPTION = 3  # words of a definite description ("الشركة الصينية المتخصصة")
MAX_PHRASE = 8  # words of a plain-text first mention ("لجنة من الجهات المعنية بفحص العقود")
MAX_TITLE = 16  # tokens of a quoted title after the head ('دراسة: "…"')
PARAGRAPHS = 3  # the description's paragraph and the two before it, searched for a plain-text first mention
LOOKBACK = 30  # earlier speakers examined, nearest first: bounded, so a long page stays linear
_ART = article()
_NISBA = affixes("nisba", "apposition")
_SOUND_FEM = affixes("plural", "fem")[0]  # المراجعات → مراجعة: a sound feminine plural
_FEM = affix("feminine")
_PUNCT = ":،,."  # "دراسة:" as a speaker's first word
_LINKS = (particle("from"), particle("in"))  # "لجنة من الخبراء", "مكلفة في مراجعة …": a complement the phrase keeps
_CONJ = (proclitic("and"), proclitic("so"))  # a new "وال…" conjunct ends the phrase


@cache
def _singulars() -> dict[str, str]:
    return {fold(p): fold(s) for p, s in load_table("quantities/plurals.tsv")}


@cache
def _stops() -> frozenset[str]:
    """Words that end a first mention: a relative or a complementizer opens a clause."""
    return frozenset(
        fold(x) for f in ("relatives.txt", "complementizers.txt") for x in load_lines(f"quotes/{f}")
    )


@cache
def _statements() -> frozenset[str]:
    """``البيان``: a statement stands for the body that issued it (``statement_nouns.txt``), a
    link of its own, not a first mention."""
    return frozenset(fold(x) for x in load_lines("quotes/statement_nouns.txt"))


@cache
def _one_of() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/one_of.txt"))


def _definite(w: str) -> bool:
    return bare(fold(w))[-1].startswith(_ART)


def _forms(w: str) -> frozenset[str]:
    """The noun of ``w`` folded, without the article or a glued و/ف, and its singular."""
    out: set[str] = set()
    for x in bare(fold(w)):
        k = nodef(x)
        out.add(k)
        if k in _singulars():
            out.add(_singulars()[k])
        if k.endswith(_SOUND_FEM) and len(k) > 4:
            out.add(fold(k[: -len(_SOUND_FEM)] + _FEM))
    return frozenset(out)


def _description(words: list[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """(head forms, forms of a construct's second word) of a definite description: ``ال`` +
    head (+ adjectives), or a two-word construct (``نتائج الاستطلاع``); None otherwise."""
    if not 1 <= len(words) <= MAX_DESCRIPTION:
        return None
    if _definite(words[0]):
        return _forms(words[0]), frozenset()
    if len(words) == 2 and _definite(words[1]):
        return _forms(words[0]), _forms(words[1])
    return None


def _opening(words: list[str], head: frozenset[str]) -> bool:
    """An earlier phrase opens with the head written indefinite and not in a definite
    construct (``لجنة من …``, ``شركة "X"``; not ``إدارة النادي``, a description itself), or
    with ``أحد/إحدى`` + the head as a definite plural (``إحدى المراجعات``)."""
    if not words:
        return False
    if fold(words[0]) in _one_of() and len(words) > 1:
        return _definite(words[1]) and bool(_forms(words[1]) & head)
    construct = len(words) > 1 and _definite(words[1])
    return not _definite(words[0]) and not construct and bool(_forms(words[0].strip(_PUNCT)) & head)


def _phrase_end(toks: Sequence[Token], brk: Sequence[bool], k: int) -> int:
    """The token after the first mention whose head is ``toks[k]``: a quoted name or title
    right after it, else the words of its noun phrase (definite words, nisbas, a من/في
    complement) up to a relative, a complementizer or a new ``وال…`` conjunct."""
    e = k + 1
    q = e + 1 if e < len(toks) and toks[e].norm == ":" else e
    mark = toks[q].text if q < len(toks) else ""
    if mark in OPENERS or mark in STRAIGHT:
        close = OPENERS.get(mark, mark)
        for j in range(q + 1, min(q + MAX_TITLE, len(toks))):
            if toks[j].text == close:
                return j + 1 if j > q + 1 else e
    while e < len(toks) and e - k < MAX_PHRASE and toks[e].is_word and not brk[e - 1]:
        f = fold(toks[e].norm)
        if f in _stops() or (f[:1] in _CONJ and f[1:].startswith(_ART)):
            break
        after_link = fold(toks[e - 1].norm) in _LINKS
        if not (f in _LINKS or after_link or _definite(f) or nodef(f).endswith(_NISBA)):
            break
        e += 1
    while e > k + 1 and fold(toks[e - 1].norm) in _LINKS:
        e -= 1
    return e


def first_mention(
    text: str,
    toks: Sequence[Token],
    brk: Sequence[bool],
    sp: Speaker,
    earlier: list[Speaker],
    words: list[str],
) -> Speaker | None:
    """The earlier first mention a definite description ``sp`` (its ``words``) refers to."""
    desc = _description(words)
    if desc is None:
        return None
    head, second = desc
    if head & _statements():
        return None

    def fits(cand: list[str]) -> bool:
        rest = {f for x in cand[1:] for f in _forms(x)}
        return _opening(cand, head) and (not second or bool(rest & second))

    for x in reversed(earlier[-LOOKBACK:]):
        if x.end <= sp.start and x.text != sp.text and fits(x.text.split()):
            return dataclasses.replace(x, medium=sp.medium or x.medium)
    floor = sp.start
    for _ in range(PARAGRAPHS):
        floor = text.rfind("\n", 0, floor) if floor > 0 else -1
    floor += 1
    k = bisect_left(toks, sp.start, key=lambda t: t.start) - 1
    while k >= 0 and toks[k].start >= floor:
        t = toks[k]
        if t.is_word and _forms(t.norm) & head:
            s = k - 1 if k > 0 and fold(toks[k - 1].norm) in _one_of() and _definite(t.norm) else k
            e = _phrase_end(toks, brk, k)
            if e - s >= 2 and fits([x.norm for x in toks[s:e]]):  # a bare "تقرير" says no more
                glued = s == k and len(bare(fold(t.norm))) > 1 and nodef(fold(t.norm)) not in head  # ولجنة
                a, b = toks[s].start + (1 if glued else 0), toks[e - 1].end
                return Speaker(text=text[a:b], role=sp.role, start=a, end=b, medium=sp.medium)
        k -= 1
    return None
