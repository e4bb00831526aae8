"""``اليوم (أمس)``, ``فجر اليوم «أمس»``: a paper's own relative day after an agency's.

Why a pass of its own: a daily that prints an agency story the day after it was written keeps
the agency's ``اليوم`` and puts its own day right after it in brackets or quotation marks; the
reader's day is the bracketed one. The engine reads the two words apart (two dates a day
apart, the first one wrong), so here they become one expression with the bracketed day's date,
keeping the first one's part of the day (``فجر``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from rasd.annotators.time.base import Cand, Ctx

__all__ = ["restated"]

_OPEN = re.compile(r'\s*[("]\s*')  # the folded text writes « » “ ” as "
_CLOSE = re.compile(r'\s*[)"]')
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def restated(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """Join a relative day and the bracketed relative day right after it."""
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        n = cands[i + 1] if i + 1 < len(cands) else None
        close = _CLOSE.match(ctx.text, n.end) if n is not None else None
        if (
            n is not None
            and close is not None
            and c.family == n.family == "relday"
            and c.type in ("DATE", "TIME")
            and n.type == "DATE"
            and _DAY.fullmatch(n.value or "")
            and _DAY.match(c.value or "")
            and _OPEN.fullmatch(ctx.text[c.end : n.start])
        ):
            value = (n.value or "") + (c.value or "")[10:]  # the day moves, a part of it stays
            out.append(replace(c, end=close.end(), value=value, confidence=min(c.confidence, 0.8)))
            i += 2
            continue
        out.append(c)
        i += 1
    return out
