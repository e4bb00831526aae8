"""Offices written around a speaker: ``بوزارة``, ``بشرطة`` (the speaker's body, glued to بـ)
and ``محافظة``, ``منطقة`` without the article (a construct head whose next word is its name).

Kept apart from coref.py, which resolves descriptions (and asks ``titled_name`` whether a
title before a proper name is a construct); intros.py asks these when it reads the words
between a cue and its content.
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.quotes.history import bare, nodef
from rasd.annotators.quotes.lexicon import lexicon, org_head_words
from rasd.resources import load_lines
from rasd.text import fold
from rasd.text.clitics import article, prepositions, proclitic

_BY = proclitic("by")  # بشرطة: the speaker's office
_ART = article()
_BY_TO = prepositions(kaf=False)  # ب، ل


@cache
def _affiliation_words() -> frozenset[str]:
    return frozenset(nodef(fold(x)) for x in org_head_words()) | frozenset(nodef(fold(x)) for x in load_lines("quotes/affiliations.txt"))


def office_head(w: str) -> bool:
    """``محافظة``, ``منطقة`` written without the article: a construct head whose next word,
    even one starting with ب (``محافظة بدر``), is its name."""
    f = bare(fold(w))[-1]
    return nodef(f) == f and f in _affiliation_words()


def affiliation(w: str) -> bool:
    """``بشرطة``, ``بوزارة``, ``بمنطقة``: a ب-phrase naming the speaker's office or place."""
    f = bare(fold(w))[-1]
    return len(f) > 3 and f[0] == _BY and nodef(f[1:]) in _affiliation_words()


def titled_name(words: list[str]) -> bool:
    """A title before a proper name is a construct too (``مدرب برشلونة السابق``, ``متحدث هلال
    المنطقة``): the article shows on a later word of it, with no preposition between."""
    mid = [fold(x) for x in words[1:4]]
    for i, x in enumerate(mid):
        if bare(x)[-1].startswith(_ART):
            return i > 0
        if x in lexicon().left_blockers or x[:1] in _BY_TO:
            return False
    return False
