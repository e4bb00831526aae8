"""What the words around a dual say about it.

An adjective agrees with the dual noun before it (``الشركتين المسؤولتين``): when that noun
refers back to parties already named (``quantities/anaphoric_duals.txt``, decision 7), its
adjective counts nothing either. A feminine construct dual (``لجنتي الرياض والقصيم``) is
always followed by the noun it is joined to; before a free particle (``في``, ``من``, ``على``:
``ar/morphology/particles.tsv``) the same letters are a noun with the pronoun "my" (``مهنتي
في``: my profession), no count. (The wider ``not_objects.txt`` would also stop ``جامعتي أم
القرى`` and ``جامعتي جنوب كاليفورنيا``: أم and the compass words open names.)
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

from rasd.annotators.quantities.objects import is_definite, nouns
from rasd.annotators.quantities.open_duals import dual_forms
from rasd.resources import load_lines
from rasd.resources.arabic import particle_forms
from rasd.text import Token, fold
from rasd.text.clitics import affix, affixes, article, proclitic
from rasd.text.sentences import CLAUSE_MARKS, SENTENCE_ENDS

_FEM_DUAL = affixes("dual", "fem")  # تان، تين
MASC_DUAL = (*affixes("dual", "masc", "nom"), *affixes("dual", "masc", "obl"))  # ان، ين (folded)
_FEM = affix("feminine")  # ة
_AND = proclitic("and")  # و
_ART = fold(article())  # ال
_NISBA = tuple(fold(a) for a in affixes("nisba", "sg"))  # ي، ية: the singular adjective of each member


@lru_cache(maxsize=4096)
def anaphoric_dual(text: str) -> bool:
    """Is ``text`` a definite dual of a noun that refers back (``الشركتين``, ``البلدين``)?"""
    back = nouns().anaphoric
    for _, w, definite, f in dual_forms(text):
        if not definite:
            continue
        for ends, tail in ((_FEM_DUAL, _FEM), (MASC_DUAL, "")):
            end = next((e for e in ends if f.endswith(e)), None)
            if end is not None and fold(w[: len(w) - len(end)] + tail) in back:
                return True
    return False


@cache
def not_joined() -> frozenset[str]:
    """Folded free particles: no construct dual is followed by one."""
    return frozenset(fold(f) for f in particle_forms().values())


@cache
def _demonstratives() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lines("quantities/dual_demonstratives.txt"))


def after_demonstrative(toks: Sequence[Token], i: int) -> bool:
    """A dual demonstrative stands before token ``i`` (``هذين المشروعين``): the dual points
    back at two things already named, like the definite duals of decision 7."""
    return i > 0 and toks[i - 1].norm in _demonstratives()


def names_members(toks: Sequence[Token], i: int) -> bool:
    """Two definite nisba adjectives joined by و after the dual at token ``i`` name its two
    members (``الجهازان الفني واللياقي``, ``المرحلتين المتوسطة والثانوية``; decision 7): a new
    pair, not one that refers back to an earlier count of two. Only ال + a stem, one of them
    in ي/ية: no preposition (``وللآمرين بالمعروف``), no ordinal (``الدرجتين الأولى والثانية``
    of burns), no noun pair after a dual subject (``خالفت الشركتان الأنظمة واللوائح``), no
    relative pronoun (``الماضيتين والذي``)."""
    if i + 2 >= len(toks):
        return False
    one, two = fold(toks[i + 1].text), fold(toks[i + 2].text)
    two = two[len(_AND) :] if two.startswith(_AND) else ""
    stems = [w[len(_ART) :] for w in (one, two) if w.startswith(_ART) and w not in nouns().ordinals]
    return len(stems) == 2 and all(len(s) >= 3 for s in stems) and any(s.endswith(_NISBA) for s in stems)


_CLAUSE_END = CLAUSE_MARKS | frozenset(SENTENCE_ENDS)


def refers_back(text: str, toks: Sequence[Token], i: int, end: int) -> bool:
    """The dual at token ``i`` (ending at ``end``) points back at two things already named: a
    dual demonstrative stands before it, or it is definite and ends its clause (``عن أي من
    الهجومين.``, ``الطبيعة الجغرافية للمحافظتين.``), so nothing after it names new members."""
    if after_demonstrative(toks, i):
        return True
    rest = text[end:].lstrip()
    return is_definite(toks[i].text) and (not rest or rest[0] in _CLAUSE_END)
