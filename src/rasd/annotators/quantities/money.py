"""The currency of a scaled amount that does not write its unit.

News states a sum once with its currency and then bare (``غرامة 5 ملايين ريال … وقدرها 7
ملايين``); a number with a scale word (ألف, مليون, مليار) and no counted noun takes the
currency of the latest amount of money counted before it in the article.
"""

from __future__ import annotations

from collections.abc import Sequence

from rasd.annotators.quantities.numbers import Lex, Num, lookup
from rasd.annotators.quantities.objects import currencies, nouns
from rasd.models import Quantity
from rasd.text import Token, fold
from rasd.text.clitics import affix, prepositions

_GLUED_PREPS = tuple(fold(p) for p in prepositions(kaf=False))  # ب ل
_IMPF = fold(affix("imperfect", "he"))  # يـ


def scaled(lex: Lex, toks: Sequence[Token], num: Num) -> bool:
    """Does the number carry a scale word (``300 ألف``, ``7 ملايين ونصف``)?"""
    return any((hit := lookup(lex, t)) is not None and hit[1] == "scale" for t in toks[num.i : num.j])


def last_currency(out: Sequence[Quantity]) -> str | None:
    """The currency of the latest amount of money found so far, else None."""
    for q in reversed(out):
        if q.object and fold(q.object) in currencies():
            return q.object
    return None


def not_counted(lex: Lex, tok: Token) -> bool:
    """After a scale word the counted noun stands bare in the genitive (``مليون ريال``): an
    unlisted word with a glued ب/ل (``62 مليونا لحماية``) or the prefix of an imperfect verb
    (``7 ملايين ونصف ينتقل``) starts the next phrase instead."""
    w = fold(tok.text)
    nl = nouns()
    if len(w) < 4 or (w,) in lex.objects or w in currencies() or w in nl.singulars or w in nl.plurals or w in nl.sound_masc:
        return False
    if tok.norm in lex.gentilics:
        return False  # 270 ألف برماوي: a listed people's name, though it starts like ب + a word
    return w.startswith(_GLUED_PREPS) or w.startswith(_IMPF)
