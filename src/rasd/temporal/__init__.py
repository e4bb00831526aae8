"""One temporal core below every stage (like ``rasd.text``): TimeML values and the Hijri calendar.

``TimeValue`` (``value.py``) is the only reader of TimeML value strings: ingest, the time
tagger, events, the story stage, views and interfaces ask it for a value's year, month,
precision and first and last day. ``hijri.py`` is the only Hijri <-> Gregorian converter.
Month names and other words stay in ``rasd.resources``; nothing here is Arabic.
"""

from rasd.temporal.value import (
    PRECISIONS,
    SEASON_MONTHS,
    TimeValue,
    calendar_year,
    date_precision,
    day_value,
    month_key,
    month_value,
    parse,
    spans_overlap,
    week_value,
)

__all__ = [
    "PRECISIONS",
    "SEASON_MONTHS",
    "TimeValue",
    "calendar_year",
    "date_precision",
    "day_value",
    "month_key",
    "month_value",
    "parse",
    "spans_overlap",
    "week_value",
]
