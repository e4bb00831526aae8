"""Duals before an attached pronoun: ``معسكريهما`` (their two camps), ``نجليه`` (his two sons).

The ن of the dual drops before the pronoun and leaves ي (masculine) or تي (feminine). A sound
masculine plural ends the same way (``لاعبيه``: his players), so the caller passes only the
singulars whose plural is broken or in -ات, which cannot be read so. After the dual pronoun
هما the pair is one each of two owners (``لم ينهيا برنامجيهما``: no count), and the inherent
pairs of a body (``جناحيه``, ``resources/quantities/body_pairs.txt``) count nothing (F2).
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from rasd.resources import load_lines
from rasd.text import fold
from rasd.text.clitics import affix, affixes

_PRONOUNS = affixes("pronoun", "plural_noun", "definite")  # ه ها هما هم نا كم
_OWNERS_TWO = fold(affix("pronoun", "two_owners"))  # هما: one each
_CONSTRUCT_FEM = affixes("construct", "fem")  # تي
_CONSTRUCT_DUAL = affixes("construct", "dual", "masc")  # ي
_FEM = affix("feminine")  # ة
MIN_STEM = 3  # folded letters of the singular: shorter stems are particles and verbs


def pronoun_dual(word: str, singulars: Collection[str]) -> str | None:
    """The singular, as written, of ``word`` (clean letters, no article or proclitic) read as
    a dual with a pronoun, when that singular is one of ``singulars`` (folded); else None."""
    f = fold(word)
    if len(f) != len(word):
        return None  # the cuts below count letters of the written word
    for p in _PRONOUNS:
        if not (f.endswith(p) and word.endswith(p)):  # as written: a folded ة is no pronoun ه
            continue
        if p == _OWNERS_TWO:
            return None
        base = word[: len(word) - len(p)]
        for end in _CONSTRUCT_FEM:
            if fold(base).endswith(end) and fold(base[: len(base) - len(end)] + _FEM) in singulars:
                return base[: len(base) - len(end)] + _FEM
        for end in _CONSTRUCT_DUAL:
            stem = base[: len(base) - len(end)]
            if fold(base).endswith(end) and len(fold(stem)) >= MIN_STEM and fold(stem) in singulars:
                return None if fold(stem) in _body_pairs() else stem
    return None


@cache
def _body_pairs() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lines("quantities/body_pairs.txt"))
