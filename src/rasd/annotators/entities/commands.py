"""Armed commands named by an ordinal: ``[المنطقة العسكرية الثانية]``, ``[للمنطقة العسكرية
الثالثة]``.

The model reads ``المنطقة`` as a place word and leaves the phrase out; the ordinal is what
names the command (decision 6 of docs/entities_gold.md), so a head of
``numbered_commands.txt`` right before a units ordinal (``ar/numbers/ordinals.tsv``) is
one ORG. With لـ the article's alif is elided and the letters cannot be split: the whole
token is the span, as the gold's span rule 1 has it.
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.cand import Cand
from rasd.resources import load_lines, load_table
from rasd.text.clitics import article, chain
from rasd.text.tokens import Token

_ART = gz.key_of(article())
_TO_ART = gz.key_of(chain("to", "the"))  # لل


@cache
def _heads() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(gz.key_of(h).split()) for h in load_lines("entities/numbered_commands.txt"))


@cache
def _ordinals() -> frozenset[str]:
    return frozenset(
        gz.key_of(r[0])
        for r in load_table("ar/numbers/ordinals.tsv")
        if len(r) > 2 and r[2] in ("units", "single")
    )


def _start(tok: Token, first: str) -> int | None:
    """Characters of ``tok`` before the head word ``first`` (0 for ``للمنطقة``), or None."""
    if tok.norm == first:
        return 0
    for k, f, cut in gz.proclitic_readings(tok.text):
        if not cut and f == first:
            return k
        if cut and _ART + f == first and gz.key_of(tok.text[:k]) == _TO_ART:
            return 0
    return None


def command_cands(toks: list[Token], run: list[int]) -> list[Cand]:
    """Numbered commands as ``pattern`` ORG candidates."""
    out: list[Cand] = []
    ords = _ordinals()
    for i, t in enumerate(toks):
        if not t.is_word:
            continue
        for head in _heads():
            k = _start(t, head[0])
            last = i + len(head)
            if k is None or last >= len(toks) or run[last] != run[i]:
                continue
            if tuple(x.norm for x in toks[i + 1 : last]) == head[1:] and toks[last].norm in ords:
                out.append(Cand(i, last, t.start + k, toks[last].end, "ORG", "pattern", 0.8))
                break
    return out


__all__ = ["command_cands"]
