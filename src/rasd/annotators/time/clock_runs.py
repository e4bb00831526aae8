"""Clock times told in a row on one day: the afternoon carries over (a pass of ``passes.refine``).

Kept apart so that ``passes.py`` stays short; it needs only the candidates and the lexicon.
"""

from __future__ import annotations

from dataclasses import replace

from rasd.annotators.time.base import Cand, Ctx, clock_value_of
from rasd.annotators.time.lexicon import key
from rasd.temporal import day_value


def afternoon(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """"الساعة ٧:٠٦ مساءً … الساعة (٧:٤٣) … الساعة الثامنة والنصف": clock times told in order
    on one day stay in the afternoon once one of them is; a morning word keeps a time early."""
    lex = ctx.lex
    morning = {k for k, v in lex.parts_of_day.items() if v[0] == "MO"} | {
        k for k, v in lex.clock_suffixes.items() if v == "am"
    }
    last: tuple[str, int, int] | None = None  # day, hour, end offset
    out: list[Cand] = []
    for c in cands:
        tv = clock_value_of(c.value) if c.type == "TIME" else None
        if tv and tv.year is not None and tv.hour is not None:
            day, h = day_value(tv.year, tv.month, tv.day), tv.hour
            words = set(key(ctx.text[c.start : c.end]).split(" "))
            if (
                last and last[0] == day and last[1] >= 12 and h < 12 and h + 12 >= last[1]
                and not words & morning and "\n" not in ctx.text[last[2] : c.start]
            ):  # fmt: skip
                h += 12
                c = replace(c, value=f"{day}T{h:02d}:{tv.minute:02d}", confidence=min(c.confidence, 0.7))
            last = (day, h, c.end)
        out.append(c)
    return out
