"""Dates of a yearly schedule: a day and month with no year before "من كل عام".

Why a pass of its own: the engine gives a day and month without a year the nearest year,
which is right for news ("في 15 يوليو") but not for a schedule that repeats ("بين 15 يوليو
وحتى 15 ديسمبر من كل عام"), where TimeML writes the year as ``XXXX``. The cue words are
``resources/time/recurring_cues.txt``; they must follow the date (or the end of its range)
right away.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from rasd.annotators.time.base import Cand, Ctx
from rasd.annotators.time.lexicon import literal_alt, word_set

__all__ = ["recurring"]


@cache
def _cue() -> re.Pattern[str]:
    return re.compile(rf"\s*[,،]?\s*(?:{literal_alt(word_set('recurring_cues.txt'))})(?!\w)")


_DAY = re.compile(r"\d{4}(-\d\d-\d\d)")


def recurring(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """Day-and-month dates written without a year and followed by a yearly cue: ``XXXX-MM-DD``."""
    out: list[Cand] = []
    for c in cands:
        m = _DAY.fullmatch(c.value or "") if c.type == "DATE" else None
        if m and not re.search(r"\d{4}", ctx.text[c.start : c.end]) and _cue().match(ctx.text, c.end):
            end = _DAY.fullmatch(c.range_end or "")
            c = replace(
                c,
                value="XXXX" + m.group(1),
                range_end="XXXX" + end.group(1) if end else c.range_end,
                anchor="absolute",
            )
        out.append(c)
    return out
