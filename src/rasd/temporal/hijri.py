"""The one Hijri <-> Gregorian converter (Umm al-Qura tables of ``hijridate``).

Ingest reads Hijri datelines and the time tagger Hijri dates, holidays and months counted
from the publication date; both convert here, so a day is never converted two ways. Every
function answers None outside the tables (Hijri 1343-1500) or for a day that does not exist.
"""

from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri

_ERRORS = (ValueError, OverflowError, TypeError)


def to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of Hijri ``year-month-day``."""
    try:
        return Hijri(year, month, day).to_gregorian()  # type: ignore[no-any-return]
    except _ERRORS:
        return None


def from_gregorian(day: dt.date) -> tuple[int, int, int] | None:
    """Hijri ``(year, month, day)`` of a Gregorian day."""
    try:
        h = Gregorian(day.year, day.month, day.day).to_hijri()
        return int(h.year), int(h.month), int(h.day)
    except _ERRORS:
        return None


def month_length(year: int, month: int) -> int | None:
    """Days in Hijri month ``year-month`` (29 or 30)."""
    try:
        return int(Hijri(year, month, 1).month_length())
    except _ERRORS:
        return None
