""""في وقت سابق من هذا الشهر": a vague part of a date is that date, in one expression.

Why a pass of its own: the engine reads "وقت سابق" as a vague reference (PAST_REF) and the
date after "من" apart, so the expression the reader sees ("earlier this month") came out as
two, the first with a vague value. TimeML gives the whole phrase the date's value; the
phrases are ``resources/time/within_cues.txt``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from rasd.annotators.time.base import Cand, Ctx
from rasd.annotators.time.lexicon import alt, key, word_set

__all__ = ["week_of_month", "within"]


@cache
def _before() -> re.Pattern[str]:
    """A cue phrase and من right before a date (folded text, read backwards from the date);
    the news style drops من before a day word ("في وقت سابق اليوم"), see ``within``."""
    return re.compile(rf"(?<!\w)(?P<cue>{alt(word_set('within_cues.txt'))})\s+(?P<min>من\s+)?$")


def within(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """Join "وقت سابق من" + a date into one expression with the date's value."""
    out: list[Cand] = []
    for c in cands:
        m = _before().search(ctx.before(c.start, 40)) if c.type in ("DATE", "TIME") else None
        if m is not None and not m.group("min") and (c.anchor != "dct" or len(c.value or "") != 10):
            m = None  # without من only a day counted from the publication date (اليوم, أمس)
        if m is not None and c.value and not c.value.endswith("_REF"):
            start = c.start - len(ctx.before(c.start, 40)) + m.start("cue")
            while out and out[-1].end > start:
                out.pop()  # the cue read alone as PAST_REF/FUTURE_REF
            c = replace(c, start=start)
        out.append(c)
    return out


def week_of_month(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """"الأسبوع الأول من رمضان": the ordinal is the week's, not the day's (the engine read
    "الأول من رمضان" as the first). The week of a month is no calendar week, and the
    guidelines fix no value for it: one DATE from the week word, value null."""
    lex = ctx.lex
    weeks = [k for k, v in lex.definite_units.items() if v == "W"]
    out: list[Cand] = []
    for c in cands:
        first = ctx.text[c.start : c.end].split(" ", 1)[0]
        head = ctx.before(c.start, 20)
        m = re.search(rf"(?<!\w){alt(weeks)}\s+$", head) if c.type == "DATE" and key(first) in lex.ordinals else None
        if m is not None:
            start = c.start - len(head) + m.start()
            while out and out[-1].end > start:
                out.pop()  # the week word read alone
            c = replace(c, start=start, value=None, anchor="absolute", confidence=0.6)
        out.append(c)
    return out
