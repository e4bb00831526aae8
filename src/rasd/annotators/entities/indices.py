"""Stock-market indices as MISC: ``[يورو ستوكس 50]``, ``[فايننشال تايمز 100]``, ``[داكس]``.

The model reads an index as the paper or place inside it (``فايننشال تايمز`` ORG, ``كاك``
nothing) and cuts the number that names it. The names are a list (``market_indices.tsv``);
one that is also a paper or a company counts only after a cue word (``المؤشر``) or with its
number; a number is part of the name unless a decimal point follows (``داكس 0.3`` is a value).
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.cand import Cand
from rasd.resources import load_lines, load_table
from rasd.text.tokens import Token


@cache
def _names() -> dict[tuple[str, ...], bool]:
    """Folded name tokens -> whether the name stands for the index on its own."""
    return {
        tuple(gz.key_of(r[0]).split()): len(r) > 1 and r[1] == "alone"
        for r in load_table("entities/market_indices.tsv")
    }


@cache
def _cues() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/market_index_cues.txt"))


def _number(toks: list[Token], i: int) -> bool:
    """``toks[i]`` is a whole number: digits not followed by a decimal point and digits."""
    if i >= len(toks) or not toks[i].text.isdigit():
        return False
    return not (
        i + 2 < len(toks)
        and toks[i + 1].text in ".,"
        and toks[i + 2].text.isdigit()
        and toks[i + 1].end == toks[i + 2].start
    )


def index_cands(toks: list[Token]) -> list[Cand]:
    """Index names (with their number) as ``pattern`` MISC candidates."""
    out: list[Cand] = []
    names = _names()
    firsts = {n[0] for n in names}
    i = 0
    while i < len(toks):
        t = toks[i]
        k, stem = (
            (0, t.norm)
            if t.norm in firsts
            else next(
                ((k, f) for k, f, cut in gz.proclitic_readings(t.text) if f in firsts and not cut), (None, "")
            )
        )
        hit = None
        if t.is_word and k is not None:
            for name in sorted((n for n in names if n[0] == stem), key=len, reverse=True):
                if tuple(x.norm for x in toks[i + 1 : i + len(name)]) == name[1:]:
                    hit = name
                    break
        if hit is None or k is None:
            i += 1
            continue
        last = i + len(hit) - 1
        numbered = _number(toks, last + 1)
        cued = i > 0 and toks[i - 1].norm in _cues() and k == 0
        if numbered or cued or names[hit]:
            last += 1 if numbered else 0
            out.append(Cand(i, last, t.start + k, toks[last].end, "MISC", "pattern", 0.8))
        i = last + 1
    return out


__all__ = ["index_cands"]
