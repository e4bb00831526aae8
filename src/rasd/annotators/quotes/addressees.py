"""Whom a calling verb (دعا، حث، طالب) calls on, cut off its subject.

"دعا رئيس الجمهورية القوى السياسية إلى …": after the title and its complement, the addressee;
"ودعت الصحيفة … المواطنين إلى …": an oblique plural right after the verb, the subject elided.
Split from ``speakers`` (the speaker phrase), which it uses for titles and role words.
"""

from __future__ import annotations

from rasd.annotators.quotes.articles import definite
from rasd.annotators.quotes.context import NP, Ctx
from rasd.annotators.quotes.history import nodef as _nodef
from rasd.annotators.quotes.speakers import role_word, title_np
from rasd.text.clitics import affixes, article, particle

_ART = article()
_FROM = particle("from")
_NISBA = affixes("nisba", "describes")
_OBLIQUE = affixes("dual", "obl")  # ين، تين: oblique endings of duals and sound masculine plurals


def _nisba(w: str) -> bool:
    """Relational adjectives (عماني، عسكريين، محلية): they describe, they name no addressee."""
    return len(w) > 3 and w.endswith(_NISBA)


def addressee_cut(cx: Ctx, np_: NP) -> NP:
    """The subject of a calling verb without its addressee: after a title and its complement,
    the first definite noun that is no nisba, title, organisation word or part of a name opens
    the addressee (``دعا رئيس الجمهورية | القوى السياسية إلى …``)."""
    for j in range(np_.first + 1, np_.last + 1):  # "… X من جميع اللاعبين", "… X كافة الأطراف"
        w = cx.toks[j].norm
        nxt = cx.toks[j + 1].norm if j + 1 <= np_.last else ""
        t, prev = cx.toks[j], cx.toks[j - 1]  # "ودعت المدينة | الراغبين": an oblique plural, no adjective
        if w in cx.lex.addressees or (w == _FROM and nxt in cx.lex.addressees) or (
                w.startswith(_ART) and definite(prev.norm) and oblique_object(cx, NP(j, j))):  # fmt: skip
            return NP(np_.first, j - 1)
        if any(m.start == t.start and m.type != "PER" for m in cx.ents.overlapping(t.start, t.end)) and any(
            m.end == prev.end for m in cx.ents.overlapping(prev.start, prev.end)
        ):
            return NP(np_.first, j - 1)  # "دعت الولايات المتحدة | باكستان إلى …": a place or body right after a name
    if not title_np(cx, np_) or definite(cx.toks[np_.first].norm):
        return np_
    for j in (x for x in range(np_.first + 2, np_.last + 1) if not any(o <= x <= c for o, c in cx.open_at.items())):
        t = cx.toks[j]  # a name in quotation marks ("رئيس حزب «الوحدة» X") is the complement, no addressee
        if definite(t.norm) and not _nisba(_nodef(t.norm)) and not role_word(cx, t.norm):
            if not any(m.type == "PER" for m in cx.ents.overlapping(t.start, t.end)):
                return NP(np_.first, j - 1)
    return np_


def oblique_object(cx: Ctx, np_: NP) -> bool:
    """The phrase opens with a definite noun in the oblique case (``المواطنين``, ``الطرفين``):
    a subject is nominative (ون/ان), so after a calling verb this is whom it calls on
    (``ودعت الصحيفة … المواطنين إلى …`` with the subject elided). Names and places that end
    in the same letters (البحرين، حسين) are mentions and are left alone."""
    t = cx.toks[np_.first]
    w = t.norm
    if not (t.is_word and definite(w) and w.endswith(_OBLIQUE) and len(_nodef(w)) >= 5):
        return False
    return not any(m.type in ("PER", "ORG", "GPE", "LOC") for m in cx.ents.overlapping(t.start, t.end))
