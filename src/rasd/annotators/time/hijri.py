"""Hijri calendar arithmetic for the time tagger (``hijridate``; None when it cannot say).

Kept apart from ``engine.py`` so that the patterns built on Hijri dates (named months,
numeric ``25/10/1436هـ``, months counted from the publication date) share one converter.
"""

from __future__ import annotations

import datetime as dt


def to_gregorian(y: int, mo: int, d: int) -> dt.date | None:
    """The Gregorian day of Hijri ``y-mo-d``; None outside the converter's range."""
    try:
        from hijridate import Hijri

        return Hijri(y, mo, d).to_gregorian()  # type: ignore[no-any-return]
    except (ValueError, OverflowError, ImportError):
        return None


def month_length(y: int, mo: int) -> int | None:
    """Days in Hijri month ``y-mo``."""
    try:
        from hijridate import Hijri

        return int(Hijri(y, mo, 1).month_length())
    except (ValueError, OverflowError, ImportError):
        return None


def from_gregorian(d: dt.date) -> tuple[int, int, int] | None:
    """Hijri ``(year, month, day)`` of a Gregorian day."""
    try:
        from hijridate import Gregorian

        h = Gregorian(d.year, d.month, d.day).to_hijri()
        return int(h.year), int(h.month), int(h.day)
    except (ValueError, OverflowError, ImportError):
        return None
