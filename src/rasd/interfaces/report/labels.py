"""Arabic labels for export codes, and readable Arabic dates.

Labels are data (``resources/report/labels.tsv``); codes the report's list lacks (slots,
qualifiers, relations, thread statuses) are read from the web app's list
(``resources/web/labels.tsv``) so each label lives in one file and both interfaces agree.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from rasd.resources import load_table


@cache
def _labels() -> dict[tuple[str, str], str]:
    rows = [*load_table("web/labels.tsv"), *load_table("report/labels.tsv")]  # the report's own win
    return {(r[0], r[1]): r[2] for r in rows if len(r) >= 3}


def label(kind: str, code: str | None) -> str:
    """Arabic label for an export code (``label("event", "ATTACK")``); the code itself if unknown."""
    if code is None:
        return ""
    return _labels().get((kind, code), code)


_SEASON_MONTHS = {"WI": (1, 3), "SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "AU": (9, 12)}


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


def date_range(value: str | None) -> tuple[dt.date, dt.date, str] | None:
    """First and last day a TimeML date value covers, and its precision; None when not a date.

    Handles ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Qn``, ``YYYY-Hn``, ``YYYY-Wnn``,
    seasons (``YYYY-SU``) and times (``YYYY-MM-DDTHH:MM``); ``PAST_REF``/durations give None.
    """
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    try:
        year = int(value[:4])
        rest = value[4:]
        if not rest:
            return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
        if rest[0] != "-":
            return None
        part = rest[1:]
        if len(part) >= 5 and part[2] == "-" and part[:2].isdigit() and part[3:5].isdigit():
            d = dt.date(year, int(part[:2]), int(part[3:5]))
            return d, d, "day"
        if part.isdigit() and len(part) == 2:
            m = int(part)
            return dt.date(year, m, 1), _month_end(year, m), "month"
        if len(part) == 2 and part[0] in "QH" and part[1].isdigit():
            n = int(part[1])
            span = 3 if part[0] == "Q" else 6
            m0 = (n - 1) * span + 1
            m1 = m0 + span - 1
            if not 1 <= m0 <= 12 or m1 > 12:
                return None
            return dt.date(year, m0, 1), _month_end(year, m1), "month"
        if part[:1] == "W" and part[1:3].isdigit():
            start = dt.date.fromisocalendar(year, int(part[1:3]), 1)
            return start, start + dt.timedelta(days=6), "day"
        if part[:2] in _SEASON_MONTHS:
            m0, m1 = _SEASON_MONTHS[part[:2]]
            return dt.date(year, m0, 1), _month_end(year, m1), "month"
    except ValueError:
        return None
    return None


def format_date(value: str | None) -> str:
    """Readable Arabic form of a TimeML value: ``5 يونيو 2021``, ``أغسطس 2024``, ``2014``."""
    if not value:
        return "غير محدد"
    r = date_range(value)
    if r is None:
        return value
    start, _end, precision = r
    if precision == "year":
        return str(start.year)
    if precision == "month" and len(value) == 7:
        return f"{label('month', f'{start.month:02d}')} {start.year}"
    if precision == "day" and len(value) >= 10:
        return f"{start.day} {label('month', f'{start.month:02d}')} {start.year}"
    return value


@cache
def _mod_words() -> dict[str, str]:
    # the story stage's own words for END/START/MID, so a deadline reads the same everywhere
    return {r[0]: r[1] for r in load_table("story/thread_templates.tsv") if len(r) >= 2 and r[0].isupper()}


def deadline_text(value: str | None, mod: str | None = None) -> str:
    """A deadline as a reader says it: ``2025-09`` END → ``نهاية سبتمبر 2025``."""
    out = format_date(value)
    word = _mod_words().get(mod or "")
    return f"{word} {out}" if word and value and date_range(value) is not None and len(value) < 10 else out


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
