"""Arabic labels for export codes, and readable Arabic dates.

Labels are data (``resources/report/labels.tsv``); codes the report's list lacks (slots,
qualifiers, relations, thread statuses) are read from the web app's list
(``resources/web/labels.tsv``) so each label lives in one file and both interfaces agree.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from rasd.resources import load_table
from rasd.temporal import TimeValue


@cache
def _labels() -> dict[tuple[str, str], str]:
    rows = [*load_table("web/labels.tsv"), *load_table("report/labels.tsv")]  # the report's own win
    return {(r[0], r[1]): r[2] for r in rows if len(r) >= 3}


def label(kind: str, code: str | None) -> str:
    """Arabic label for an export code (``label("event", "ATTACK")``); the code itself if unknown."""
    if code is None:
        return ""
    return _labels().get((kind, code), code)


# the report's three precisions: a quarter, half or season reads as months, a week as days
_SHOWN_PRECISION = {"year": "year", "half": "month", "quarter": "month", "season": "month", "month": "month"}


def date_range(value: str | None) -> tuple[dt.date, dt.date, str] | None:
    """First and last day a TimeML date value covers (``TimeValue.range``), and its precision
    (year, month or day); None when not a date.

    Handles ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Qn``, ``YYYY-Hn``, ``YYYY-Wnn``,
    seasons (``YYYY-SU``) and times (``YYYY-MM-DDTHH:MM``); ``PAST_REF``, durations, decades
    and values with an unreadable tail (``2024-05x``) give None.
    """
    tv = TimeValue.parse(value)
    if tv.year is None:
        return None
    if not tv.exact and tv.day is None and tv.week is None and tv.season is None:
        return None  # "2024-05x": only a day, week or season may carry a tail
    r = tv.range()
    if r is None:
        return None
    return r[0], r[1], _SHOWN_PRECISION.get(tv.precision or "", "day")


def format_date(value: str | None) -> str:
    """Readable Arabic form of a TimeML value: ``5 يونيو 2021``, ``أغسطس 2024``, ``2014``,
    ``الربع الأول 2024``, ``صيف 2024``; a week or an unreadable tail stays as written."""
    if not value:
        return label("ui", "no_date")
    r = date_range(value)
    if r is None:
        return value
    start, _end, precision = r
    tv = TimeValue.parse(value)
    if precision == "year":
        return str(start.year)
    if precision == "month" and tv.exact:
        if tv.month is not None:
            return f"{label('month', f'{start.month:02d}')} {start.year}"
        for kind, code in (("quarter", tv.quarter), ("half", tv.half), ("season", tv.season)):
            if code is not None:
                return f"{label(kind, str(code))} {start.year}"
    if precision == "day" and _within_day(tv):
        return f"{start.day} {label('month', f'{start.month:02d}')} {start.year}"
    return value


def _within_day(tv: TimeValue) -> bool:
    """A day or a time of day (``2024-W05-3`` included), not a whole week."""
    return tv.day is not None or tv.weekday is not None


def on_or_before(value: str | None, as_of: str) -> bool | None:
    """Whether the period of ``value`` (a statement's or a report's date) begins on or before
    the day ``as_of``; None when either is no calendar date."""
    after = TimeValue.parse(as_of).before(TimeValue.parse(value))
    return None if after is None else not after


@cache
def _mod_words() -> dict[str, str]:
    # the story stage's own words for END/START/MID, so a deadline reads the same everywhere
    return {r[0]: r[1] for r in load_table("story/thread_templates.tsv") if len(r) >= 2 and r[0].isupper()}


def deadline_text(value: str | None, mod: str | None = None) -> str:
    """A deadline as a reader says it: ``2025-09`` END → ``نهاية سبتمبر 2025``."""
    out = format_date(value)
    word = _mod_words().get(mod or "")
    coarse = value and date_range(value) is not None and not _within_day(TimeValue.parse(value))
    return f"{word} {out}" if word and coarse else out


def counted(n: int, noun: str) -> str:
    """``n`` things with the Arabic number agreement: ``مصدر واحد``, ``مصدران``, ``3 مصادر``, ``12 مصدراً``.

    The four forms are data (``counted`` rows of ``labels.tsv``); an unknown noun gives ``n noun``.
    """
    forms = label("counted", noun).split("|")
    if len(forms) != 4:
        return f"{n} {noun}"
    if n in (1, 2):
        return forms[n - 1]
    return f"{n} {forms[2] if 3 <= n % 100 <= 10 else forms[3]}"


def number(v: float) -> str:
    """``5`` rather than ``5.0``; other figures as ``%g`` writes them."""
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def shorten(text: str, n: int = 240) -> str:
    """At most ``n`` characters, cut at a space, with an ellipsis: long summaries stay scannable."""
    if len(text) <= n:
        return text
    cut = text.rfind(" ", 0, n)
    return text[: cut if cut > n // 2 else n] + " …"
