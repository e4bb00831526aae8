"""Dates of named events: a day and month after an event word is that event's year.

Why a pass of its own: the engine gives a day and month without a year the nearest year,
which is right for news (``في 15 يوليو``) but not for an event named by its date
(``ثورة 25 يناير`` is 2011 in any year's paper). The events are data
(``resources/time/named_events.tsv``); a second date joined to a named one by و
(``لثورتي 25 يناير و30 يونيو``) takes its own listed year.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from rasd.annotators.time.base import Cand, Ctx
from rasd.annotators.time.lexicon import key
from rasd.resources import load_table
from rasd.text.clitics import conjunctions, prepositions, proclitic

__all__ = ["named_events"]

_DAY = re.compile(r"\d{4}-(\d\d)-(\d\d)")
_AND_GAP = re.compile(rf"\s*{re.escape(proclitic('and'))}\s*")  # the و between two named dates


@cache
def _events() -> dict[tuple[int, int], tuple[frozenset[str], int]]:
    """(month, day) -> (folded head words, year)."""
    out: dict[tuple[int, int], tuple[frozenset[str], int]] = {}
    for heads, day, month, year in load_table("time/named_events.tsv"):
        out[(int(month), int(day))] = (frozenset(key(h) for h in heads.split("|")), int(year))
    return out


@cache
def _glued() -> frozenset[str]:
    return frozenset(key(p) for p in (*conjunctions(), *prepositions(kaf=False)))


def _head(word: str, heads: frozenset[str]) -> bool:
    return word in heads or (word[:1] in _glued() and word[1:] in heads)


def named_events(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """A listed day and month, written without a year, after its event word (or joined by و
    to such a date) gets the event's year."""
    out: list[Cand] = []
    named = False  # the previous candidate was a named event's date
    for c in cands:
        m = _DAY.fullmatch(c.value or "") if c.type == "DATE" and not c.range_end else None
        hit = _events().get((int(m.group(1)), int(m.group(2)))) if m else None
        joined = named and bool(out) and _AND_GAP.fullmatch(ctx.text[out[-1].end : c.start]) is not None
        named = False
        if hit and not re.search(r"\d{4}", ctx.text[c.start : c.end]):
            heads, year = hit
            if joined or _head(ctx.prev_word(c.start), heads):
                c = replace(c, value=f"{year}{(c.value or '')[4:]}", anchor="absolute")
                named = True
        out.append(c)
    return out
