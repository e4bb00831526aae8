"""Look-ups the time engine makes once per candidate, kept logarithmic.

A 2 MB page has tens of thousands of candidates. The engine used to answer "is there a
future cue in this sentence?", "does this candidate overlap one already chosen?" and
"where does this folded offset fall in the original?" by scanning lists, so its cost grew
with the square of the page. These helpers answer the same questions by bisection and
give exactly the same answers. They also hold the guard that keeps values inside the
calendar a TIMEX3 value can name (years 0001-9999).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable
from typing import Any, TypeVar

from rasd.temporal import month_value, week_value

T = TypeVar("T")

_BREAK = re.compile(r"[.!?\n]")


class Sentences:
    """Which sentence (between ``.!?`` and newlines) holds an offset, and its cues."""

    def __init__(self, text: str, cues: re.Pattern[str]) -> None:
        self.n = len(text)
        self.bounds = [m.start() for m in _BREAK.finditer(text)]
        self.cues = [m.start() for m in cues.finditer(text) if not m.groupdict().get("no")]  # "no": a non-cue

    def has_cue(self, pos: int) -> bool:
        """A cue starts strictly between the break before ``pos`` and the one at or after it."""
        i = bisect_left(self.bounds, pos)
        lo = self.bounds[i - 1] if i > 0 else -1
        hi = self.bounds[i] if i < len(self.bounds) else self.n
        j = bisect_right(self.cues, lo)
        return j < len(self.cues) and self.cues[j] < hi


class Disjoint:
    """Non-overlapping ``[start, end)`` spans (all non-empty), kept sorted."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        """No kept span overlaps ``[start, end)``: the kept span starting last before
        ``end`` has the largest end among those (they are disjoint), so it decides."""
        j = bisect_left(self.starts, end) - 1
        return j < 0 or self.ends[j] <= start

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def select(cands: list[T], span: Callable[[T], tuple[int, int]], order: Callable[[T], Any]) -> list[T]:
    """Greedy non-overlapping choice of ``cands`` in ``order``, returned by start."""
    taken = Disjoint()
    out: list[T] = []
    for c in sorted(cands, key=order):
        s, e = span(c)
        if taken.free(s, e):
            taken.add(s, e)
            insort(out, c, key=lambda x: span(x)[0])
    return out


class Covered:
    """Is an offset inside one of some (possibly overlapping) ``[start, end)`` spans?"""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach: list[int] = []  # reach[i]: the largest end among spans 0..i
        top = -1
        for _, e in spans:
            top = max(top, e)
            self.reach.append(top)

    def __contains__(self, pos: int) -> bool:
        k = bisect_right(self.starts, pos)
        return k > 0 and self.reach[k - 1] > pos


def original_index(deleted: list[int], i: int) -> int:
    """Original offset of folded offset ``i`` when the characters at the sorted offsets
    ``deleted`` were dropped: the smallest ``j`` with ``j - #{d <= j} >= i`` (a binary
    search; stepping to that fixed point took one step per character of a tatweel run)."""
    lo, hi = i, i + len(deleted)
    while lo < hi:
        mid = (lo + hi) // 2
        if mid - bisect_right(deleted, mid) >= i:
            hi = mid
        else:
            lo = mid + 1
    return lo


_YEAR = re.compile(r"^(-|\d{5,}|0000(?!\d))")


def in_calendar(value: str | None) -> str | None:
    """``value`` unless it names a year outside 0001-9999 (``10000-03``, ``0000``,
    ``-004``: what relative arithmetic gives at the calendar's edges), then ``None``."""
    if value is None or _YEAR.match(value) is None:
        return value
    return None


def shifted(base: dt.date, k: int, unit: str) -> str | None:
    """``base`` moved ``k`` days, weeks, months or years, as a TIMEX3 value; ``""`` when
    that leaves the calendar, ``None`` for any other unit."""
    try:
        if unit == "D":
            return (base + dt.timedelta(days=k)).isoformat()
        if unit == "W":
            return week_value(base + dt.timedelta(days=7 * k))
    except OverflowError:
        return ""
    if unit == "M":
        t = base.year * 12 + base.month - 1 + k
        return month_value(base.year, base.month, k) if 1 <= t // 12 <= 9999 else ""
    if unit == "Y":
        return f"{base.year + k:04d}" if 1 <= base.year + k <= 9999 else ""
    return None
