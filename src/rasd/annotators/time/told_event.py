""""وبعدها بثلاثة أيام": a count after "بعدها/قبلها ب" is a date counted from a told event.

Why a pass of its own: the engine reads "ثلاثة أيام" after the attached ب as a duration,
but the pronoun points back to an event the text told, so the whole phrase names a day
(the guidelines' "durations with an anchor are DATEs") whose value the text does not fix:
null, never guessed. The anchor words are ``resources/time/told_event_anchors.txt``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from rasd.annotators.time.base import Cand, Ctx
from rasd.annotators.time.lexicon import alt, word_set
from rasd.text.clitics import proclitic

__all__ = ["told_event"]


@cache
def _before() -> re.Pattern[str]:
    """The anchor word (after an optional و/ف) and an attached ب right before a count."""
    conj = "|".join(re.escape(proclitic(c)) for c in ("and", "so"))
    return re.compile(rf"(?<!\w)(?:{conj})?(?P<cue>{alt(word_set('told_event_anchors.txt'))})\s+{re.escape(proclitic('by'))}$")


def told_event(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """Turn "بعدها ب" + a duration into one DATE with a null value."""
    out: list[Cand] = []
    for c in cands:
        head = ctx.before(c.start, 30)
        # minutes and hours after an event stay durations ("بعدها بدقيقتين" in a match report)
        days = c.type == "DURATION" and not c.mod and re.fullmatch(r"P\d+[DWMY]", c.value or "")
        m = _before().search(head) if days else None
        if m is not None:
            c = replace(c, start=c.start - len(head) + m.start("cue"), type="DATE", value=None, anchor="previous", confidence=0.6)
        out.append(c)
    return out
