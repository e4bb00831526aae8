"""The dates a person types (command-line options, API parameters), read by the temporal core.

Every interface accepts the same forms, ``2024-09-28``, ``2024-09`` or ``2024`` in ASCII
digits (each option says which of them), and only real calendar periods: no month 13, no
30 February, no year 0. ``TimeValue`` reads them, as it reads every other date.
"""

from __future__ import annotations

from rasd.temporal import TimeValue

PLAIN = ("year", "month", "day")


def typed_date(value: str | None, *precisions: str) -> TimeValue | None:
    """``value`` read by the temporal core when it is written ``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD`` (those of ``precisions``; all three when none is given) in ASCII digits,
    else None. The calendar is not checked (``2024-13-45`` is read): see ``calendar_date``."""
    if not value or not value.isascii():
        return None
    tv = TimeValue.parse(value)
    return tv if tv.plain and tv.precision in (precisions or PLAIN) else None


def calendar_date(value: str | None, *precisions: str) -> bool:
    """Whether ``value`` is a ``typed_date`` naming a real period of the calendar."""
    tv = typed_date(value, *precisions)
    return tv is not None and tv.range() is not None
