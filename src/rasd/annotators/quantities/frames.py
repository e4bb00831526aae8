"""Small readers around a number (a range frame ``بين X و Y``, a label before it, brackets,
an ambiguous number word), kept apart from ``engine.py`` so that it stays the scanner."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from rasd.annotators.quantities.numbers import Lex, Num, word_readings
from rasd.annotators.quantities.objects import is_definite, is_plural
from rasd.resources.arabic import cardinals
from rasd.text import Token, fold


def frame_words(window: Sequence[Token]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words before a number as a range frame is matched: the first without its
    proclitics, and all as they stand."""
    got = tuple(word_readings(t.norm)[-1] if idx == 0 else t.norm for idx, t in enumerate(window))
    return got, tuple(t.norm for t in window)


def same_object(first: tuple[int, int, str], second: tuple[int, int, str] | None) -> bool:
    """``بين مائة ألف ريال ومليون ريال``: a unit written after the first end makes a range only
    when the second end names the same one (else two amounts of different things)."""
    return second is not None and second[2] == first[2]


def label_before(lex: Lex, toks: Sequence[Token], i: int) -> bool:
    """A definite singular noun right before the number (not عدد، إجمالي …) names a unit,
    a law article or a flight by it."""
    if i == 0 or not is_definite(toks[i - 1].text) or not toks[i - 1].norm[:1].isalpha():
        return False
    prev = toks[i - 1]
    if any(r in lex.count_nouns for r in word_readings(prev.norm, definite=True)):
        return False
    return is_plural(prev.text) is None and toks[i - 1].end < toks[i].start


def in_brackets(toks: Sequence[Token], num: Num) -> bool:
    """``الشمراني (61)``, ``عطيف «19»``: the number alone in brackets or quotation marks (a minute, a rank).

    Guillemets fold to ``"``; a quoted number that counts writes its noun after the marks (``«51» نقطة``)."""
    if num.i == 0 or num.j >= len(toks):
        return False
    if (toks[num.i - 1].norm, toks[num.j].norm) in (("(", ")"), ('"', '"')):
        return True
    return toks[num.j].norm == '"' and _quoted_name(toks, num.i)


_NAME_WORDS = 3  # «آيزك 4», "تي في 3": at most this many words open the quoted name


def _quoted_name(toks: Sequence[Token], i: int) -> bool:
    """Only words between an opening mark and the number closing the quotation: the number
    ends a name (``"تي في 3"``, ``«آيزك 4»``), it counts nothing."""
    for k in range(i - 1, max(-1, i - _NAME_WORDS - 2), -1):
        if toks[k].norm == '"':
            return k < i - 1
        if not toks[k].norm.isalpha():
            return False
    return False


@cache
def _ambiguous_words() -> frozenset[str]:
    """The number words that are also other words (``ar/numbers/cardinals.tsv``'s homographs)."""
    return frozenset(fold(c.form) for c in cardinals() if c.homograph)


def needs_object(tok: Token) -> bool:
    """A number word that is also another word (``ست``: six or lady; ``وست``: West)."""
    return any(r in _ambiguous_words() for r in word_readings(tok.norm))
