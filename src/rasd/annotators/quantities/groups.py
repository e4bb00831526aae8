"""Counts whose object is not written after the number: members of a group named after من
(``40 من تنظيم داعش``) and "others" (``وجرح 227 آخرون``); and names that look like duals.

Why apart from the open-object reader: the counted noun is not written at all; the group
word (``group_members.tsv``) says who its members are, and the group is no count itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from rasd.annotators.quantities.objects import (
    clean,
    is_definite,
    is_plural,
    nouns,
    open_object,
    strip_article,
)
from rasd.annotators.spans import SpanIndex
from rasd.models import EntityMention
from rasd.resources import load_lines, load_table
from rasd.text import Token, fold
from rasd.text.clitics import particle, without_accusative


@cache
def _groups() -> dict[str, str]:
    return {fold(r[0]): r[1] for r in load_table("quantities/group_members.tsv") if len(r) >= 2}


@cache
def _count_heads() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lines("quantities/count_heads.txt"))


@cache
def _count_links() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lines("quantities/count_links.txt"))


def unwritten_object(toks: Sequence[Token], i: int, j: int, value: float | None) -> str | None:
    """The object of a number at tokens ``i``–``j`` named around it, not after it: a group
    after من or a count head after it (``group_member``), or a count head before it when no
    noun follows the number (``إلى 29 منقذا`` keeps its own)."""
    got = group_member(toks, j)
    if got is not None:
        return got
    return head_before(toks, i) if open_object(toks, j, value) is None else None


def head_before(toks: Sequence[Token], i: int) -> str | None:
    """"ارتفاع العدد الإجمالي للقتلى إلى 3216": a count head (عدد، حصيلة) a few words before
    إلى and the number, then a definite plural (an adjective may come between) names it."""
    if i < 3 or toks[i - 1].norm not in _count_links():
        return None
    for k in range(i - 2, max(-1, i - 8), -1):
        if strip_article(clean(toks[k].text))[0] and fold(strip_article(clean(toks[k].text))[0]) in _count_heads():
            got = (is_plural(toks[m].text) for m in (k + 1, k + 2) if m < i - 1 and is_definite(toks[m].text))
            return next((g for g in got if g is not None), None)
    return None


def group_member(toks: Sequence[Token], j: int) -> str | None:
    """The member lemma when ``toks[j:]`` is من + a listed group word, or the singular when it
    is عدد + a definite plural (``إلى 8500 عدد الجنود``), else None."""
    if j + 1 >= len(toks):
        return None
    if toks[j].norm in _count_heads():
        return is_plural(toks[j + 1].text) if is_definite(toks[j + 1].text) else None
    if toks[j].norm != fold(particle("from")):
        return None
    word, _ = strip_article(clean(toks[j + 1].text))
    return _groups().get(fold(word))


@cache
def _not_inherited() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lines("quantities/not_inherited.txt"))


def others_lemma(inherited: str | None, default: str) -> str:
    """The object of "N آخرون": the one counted just before, unless that is an outcome of the
    event (``قتيل``: the others are wounded persons), then the default (``others.tsv``)."""
    return inherited if inherited and fold(inherited) not in _not_inherited() else default


def in_name(ents: SpanIndex[EntityMention], s: int, e: int) -> bool:
    """The word is (the end of) a name, so no dual: a mention starts before it or ends with
    it (``الأرجنتين``، ``منصور الحيان``; not ``شركتي آبل وجوجل``, whose mention it opens)."""
    return any(m.start < s or m.end == e for m in ents.overlapping(s, e))


def others(toks: Sequence[Token], j: int) -> tuple[int, str] | None:
    """``آخرون`` right after the number: (token index, default lemma)."""
    if j < len(toks):
        default = nouns().others.get(toks[j].norm)
        if default is not None:
            return j, default
    return None


OTHERS_BACK = 4  # words back from "N آخرين" to the one counted without a number (قتلت مسلحا واعتقلت)


def singular_before(toks: Sequence[Token], i: int) -> str | None:
    """The object of "N آخرين" when no count came before it: a known noun in the indefinite
    accusative a few words back in the same clause (``قتلت مسلحا واعتقلت 13 آخرين``: the
    others are gunmen too), else None."""
    known = nouns().singulars | nouns().sound_masc
    for k in range(i - 1, max(i - 1 - OTHERS_BACK, -1), -1):
        if not toks[k].norm[:1].isalpha():
            return None  # a comma or full stop: another clause
        stem = without_accusative(clean(toks[k].text))
        if stem is not None and fold(stem) in known:
            return stem
    return None
