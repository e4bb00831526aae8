"""A ``-ين``/``-ان`` dual read from the two names that follow it (``الرئيسين المصري X والروسي
Y``): the same letters are a sound plural or a dual that refers back (decision 7), and only
the pair of names after it, the document's entity mentions, shows that it counts two new
members. Kept apart from ``open_duals``, which reads the word and its neighbours alone."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rasd.annotators.quantities.dual_context import MASC_DUAL
from rasd.annotators.quantities.later_pronoun import pair_stem, shows_two
from rasd.annotators.quantities.objects import WORD_MEMO, _cut, is_definite, nouns
from rasd.annotators.quantities.open_duals import dual_forms
from rasd.annotators.quantities.pronoun_duals import MIN_STEM
from rasd.annotators.spans import SpanIndex
from rasd.models import EntityMention
from rasd.text import Token, fold
from rasd.text.clitics import affixes, proclitic

_NISBA = tuple(fold(a) for a in affixes("nisba", "base"))  # ي: a gentilic (المصري، والروسي)
_AND = proclitic("and")
_CONSTRUCT = affixes("construct", "dual", "masc")  # ي: لاعبي (two players of, or players of)
_NAMES = frozenset({"PER", "ORG", "GPE"})
_GAP = 2  # agreeing adjectives or gentilics before a name (المحترفين البرازيليين X)


def named_dual(toks: Sequence[Token], i: int, ents: SpanIndex[EntityMention]) -> tuple[int, int, str] | None:
    """(start, end, singular lemma) of a dual at token ``i`` of a listed noun followed by
    exactly two names, the second after ``و``; a word a name covers is none. One name, or a
    list of three (``X وY وZ``, ``X، Y وZ``), leaves the plural reading, and two names both
    mentioned earlier in the text show a dual that refers back. A listed sound plural
    (``اللاعبين``, plurals.tsv) also needs a dual word after the names (``اللذين``, ``هما``)."""
    tok = toks[i]
    if ents.overlaps_any(tok.start, tok.end):
        return None
    got, at = pair_stem(tok.text), i + 1
    if got is None and (con := construct_stem(tok.text)) is not None and _genitive(toks, i + 1, ents):
        got, at = (con[0], con[1], False), i + 2  # ولاعبي الوسط X وY: the names after the genitive
    if got is None:
        return None
    first = _name_after(toks, at, ents, and_first=False)
    second = _name_after(toks, first, ents, and_first=True) if first is not None else None
    if first is None or second is None or _and_name(toks, second, ents):
        return None
    if got[2] and not (second < len(toks) and shows_two(toks[second].text)):
        return None  # برفقة اللاعبين X وY: a listed plural stays one unless اللذين or هما follows
    named = {m.text for m in ents.starting_in(tok.end, toks[second - 1].end) if m.type in _NAMES}
    if named <= {m.text for m in ents.starting_in(0, tok.start)}:
        return None  # اتفاق الناديين X وY after X and Y: the pair named before (decision 7)
    return tok.start + got[0], tok.end, got[1]


@lru_cache(maxsize=WORD_MEMO)
def construct_stem(text: str) -> tuple[int, str] | None:
    """(offset, singular lemma) of a word read as the construct ``-ي`` of a listed noun
    (``ولاعبي``, ``مهاجمي``): a dual or a sound plural, which only the pair of names after its
    genitive tells apart."""
    nl = nouns()
    for off, w, definite, f in dual_forms(text):
        if definite or not f.endswith(_CONSTRUCT):
            continue
        stem = _cut(w, f, _CONSTRUCT)
        fs = fold(stem)
        if len(fs) >= MIN_STEM and (fs in nl.singulars or fs in nl.sound_masc) and fs not in nl.not_objects:
            return off, nl.plurals.get(fs, stem)
    return None


def _genitive(toks: Sequence[Token], k: int, ents: SpanIndex[EntityMention]) -> bool:
    """``الوسط`` in ``لاعبي الوسط``: one definite word, no name, joined to the construct."""
    return k < len(toks) and is_definite(toks[k].text) and not ents.overlaps_any(toks[k].start, toks[k].end)


def _name_after(toks: Sequence[Token], j: int, ents: SpanIndex[EntityMention], *, and_first: bool) -> int | None:
    """The token after a name that starts at token ``j`` or behind up to ``_GAP`` adjectives
    (``-ي``, ``-ين``, ``-ان``); with ``and_first`` the first of those words carries ``و``
    (``والروسي Y``, ``وY``, ``و Y``). None when no name starts there."""
    gap = 0
    while j < len(toks) and gap <= _GAP:
        t = toks[j]
        glued = and_first and gap == 0 and t.norm.startswith(_AND)
        name = next((m for m in ents.starting_in(t.start, t.end) if m.type in _NAMES), None)
        if name is not None and (not and_first or gap > 0 or glued):
            k = j
            while k < len(toks) and toks[k].start < name.end:
                k += 1
            return k
        if (and_first and gap == 0 and not glued) or not (t.norm == _AND and glued or _adjective(t.norm)):
            return None
        gap += 1
        j += 1
    return None


def _adjective(norm: str) -> bool:
    """An agreeing adjective or gentilic (``البرازيليين``, ``المصري``), not a name."""
    return fold(norm).endswith((*_NISBA, *MASC_DUAL))


def _and_name(toks: Sequence[Token], k: int, ents: SpanIndex[EntityMention]) -> bool:
    """A third name after the second (``وZ``, ``و Z``): a list, not a pair."""
    return _name_after(toks, k, ents, and_first=True) is not None
