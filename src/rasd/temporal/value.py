"""``TimeValue``: one parsed TimeML ``value`` (plus its ``mod``), the only reader of those strings.

Why one reader: the tagger writes values (``2015-07``, ``2015-W30``, ``2015-SU``, ``198``,
``P3Y``, ``PRESENT_REF``) and every later stage asks the same questions of them (which
year, which month, which first and last day, how precise). Parsing is lenient the way the
stages always were: a value is read from its start and what cannot be read is kept in
``rest`` (``exact`` says there was none), so ``2015-07-23TMO`` is a day whatever follows.
Only four-digit years take the finer parts; a value with an unknown year (``XXXX-07``,
``XXXX-WXX-3``) keeps the parts it has, but no calendar range. No language words here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# coarse to fine; ``finer(a, b)`` compares by this order
PRECISIONS = (
    "century", "decade", "year", "half", "season", "quarter", "month", "week", "day",
    "part_of_day", "hour", "minute", "second",
)  # fmt: skip
REFS = {"PRESENT_REF": "present", "PAST_REF": "past", "FUTURE_REF": "future"}
# months a season covers in its own year: winter is the year's first months
SEASON_MONTHS = {"WI": (1, 3), "SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "AU": (9, 12)}
PARTS_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")
_DURATION_UNITS = {
    "Y": "year", "M": "month", "W": "week", "D": "day", "DE": "decade", "CE": "century",
    "H": "hour", "MIN": "minute", "S": "second",
}  # fmt: skip

_DATE = re.compile(
    r"(?P<year>\d{4})(?:-(?:"
    r"(?P<month>\d{2})(?:-(?P<day>\d{2})(?:T(?:"
    r"(?P<hour>\d{2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?(?![\d:])"
    rf"|(?P<pod>{'|'.join(PARTS_OF_DAY)})))?)?"
    r"|Q(?P<quarter>[1-4])|H(?P<half>[12])|W(?P<week>\d{2})(?:-(?P<weekday>[1-7])(?!\d))?"
    rf"|(?P<season>{'|'.join(SEASON_MONTHS)})"
    r"))?"
)
# a year written as XXXX: the parts the tagger knew without it
_UNDATED = re.compile(
    r"XXXX(?:-(?:"
    r"(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX)(?:T(?:"
    r"(?P<hour>\d{2})(?::(?P<minute>\d{2}))?|(?P<pod>" + "|".join(PARTS_OF_DAY) + r")))?)?"
    r"|W(?:XX|(?P<week>\d{2}))(?:-(?P<weekday>[1-7]))?"
    rf"|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>{'|'.join(SEASON_MONTHS)})"
    r"))?"
)
_DECADE = re.compile(r"(?P<decade>\d{3})X?")
_CENTURY = re.compile(r"(?P<century>\d{2})(?:XX)?")
_DURATION = re.compile(
    r"P(?:(?P<n>\d+(?:\.\d+)?|X)(?P<unit>DE|CE|Y|M|W|D)|T(?P<tn>\d+(?:\.\d+)?|X)(?P<tunit>H|M|S))"
)


@dataclass(frozen=True)
class TimeValue:
    """A TimeML value, parsed. ``kind``: ``date`` (any calendar value, times of day
    included), ``duration``, ``set`` (``R…``), ``present``/``past``/``future`` (the ``*_REF``
    values) or ``unknown``. ``precision`` is one of ``PRECISIONS`` (None when not a date or
    a duration). ``year``, ``month``, ``day`` are the Gregorian fields written in the value,
    as written (``2015-13`` has month 13: ``range()`` is None then)."""

    value: str
    mod: str | None = None
    kind: str = "unknown"
    precision: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    part_of_day: str | None = None
    week: int | None = None
    weekday: int | None = None
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    decade: int | None = None  # 198 for the 1980s
    century: int | None = None  # 19 for the 1900s
    amount: float | None = None  # a duration's count (None: X, unknown)
    unit: str | None = None  # a duration's unit: Y M W D DE CE H MIN S
    rest: str = ""  # what could not be read after the parts above

    # ----------------------------------------------------------------- reading

    @classmethod
    def parse(cls, value: str | None, mod: str | None = None) -> TimeValue:
        """The value read from its start; kind ``unknown`` for None, "" or anything else."""
        if not value:
            return cls(value or "", mod)
        if value in REFS:
            return cls(value, mod, REFS[value])
        if value[0] == "P":
            return _duration(value, mod)
        if value[0] == "R":
            return cls(value, mod, "set", rest=value[1:])
        if value.startswith("XXXX"):
            return _undated(value, mod)
        m = _DATE.match(value)
        return _dated(m, value, mod) if m else _coarse(value, mod)

    @property
    def exact(self) -> bool:
        """Whether the whole string was read (``2015-07`` yes, ``2015-07x`` no)."""
        return self.kind != "unknown" and not self.rest

    @property
    def plain(self) -> bool:
        """Exactly ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (not checked against the calendar)."""
        return (
            self.exact
            and self.year is not None
            and self.week is None
            and self.precision in ("year", "month", "day")
        )

    @property
    def ymd(self) -> tuple[int | None, int | None, int | None]:
        """``(year, month, day)`` cut at the first part that is no real date: ``2015-13`` →
        ``(2015, None, None)``, ``2015-02-30`` → ``(2015, 2, None)`` (a document date as far
        as it can be trusted)."""
        y, mo, d = self.year, self.month, self.day
        if y is None:
            return None, None, None
        if mo is None or not 1 <= mo <= 12:
            return y, None, None
        if d is None or not 1 <= d <= calendar.monthrange(y, mo)[1]:
            return y, mo, None
        return y, mo, d

    def date_precision(self) -> str | None:
        """``day``, ``month`` or ``year``: the finest Gregorian field written (a week, season
        or quarter counts as its year); None without a four-digit year."""
        if self.year is None:
            return None
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    @property
    def calendar_year(self) -> str | None:
        """The year as four digits (``2015-07`` → ``"2015"``); None for a decade or no year."""
        return f"{self.year:04d}" if self.year is not None else None

    @property
    def year_label(self) -> str | None:
        """The year digits the value is written with: ``"2015"`` for any value in 2015,
        ``"198"`` for the 1980s, ``"19"`` for the 1900s (values of different stretches
        never share one); None without them."""
        if self.year is not None:
            return f"{self.year:04d}"
        if self.decade is not None:
            return f"{self.decade:03d}"
        return f"{self.century:02d}" if self.century is not None else None

    @property
    def month_key(self) -> str | None:
        """``YYYY-MM`` of a value at month precision or finer; a week, quarter, half or season
        keeps its own label (``2015-W30``, ``2015-SU``); None for a year or coarser."""
        if self.year is None:
            return None
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        label = self._period_label()
        return f"{self.year:04d}-{label}" if label else None

    def _period_label(self) -> str | None:
        if self.week is not None:
            return f"W{self.week:02d}"
        if self.quarter is not None:
            return f"Q{self.quarter}"
        if self.half is not None:
            return f"H{self.half}"
        return self.season

    # ----------------------------------------------------------------- writing

    def format(self) -> str:
        """The canonical string of the parsed parts (the tagger's forms: a decade ``198``,
        a century ``19``); ``value`` itself when the parts do not say it all."""
        if self.kind in ("present", "past", "future"):
            return next(k for k, v in REFS.items() if v == self.kind)
        if self.kind == "duration" and self.unit:
            n = "X" if self.amount is None else _num(self.amount)
            if self.unit in ("H", "MIN", "S"):
                return f"PT{n}{'M' if self.unit == 'MIN' else self.unit}"
            return f"P{n}{self.unit}"
        if self.kind != "date":
            return self.value
        if self.century is not None:
            return f"{self.century:02d}{self.rest}"
        if self.decade is not None:
            return f"{self.decade:03d}{self.rest}"
        return self._date_string() + self.rest

    def _date_string(self) -> str:
        x = self.year is None
        out = "XXXX" if x else f"{self.year:04d}"
        p = self.precision
        if self.week is not None or self.weekday is not None or p == "week":
            out += "-WXX" if self.week is None else f"-W{self.week:02d}"
            return out + (f"-{self.weekday}" if self.weekday is not None else "")
        label = self._period_label()
        if label:
            return f"{out}-{label}"
        if p == "year":
            return out
        out += "-XX" if self.month is None else f"-{self.month:02d}"
        if p == "month":
            return out
        out += "-XX" if self.day is None else f"-{self.day:02d}"
        if self.part_of_day:
            return f"{out}T{self.part_of_day}"
        if self.hour is not None:
            out += f"T{self.hour:02d}"
            if self.minute is not None:
                out += f":{self.minute:02d}"
                if self.second is not None:
                    out += f":{self.second:02d}"
        return out

    def __str__(self) -> str:
        return self.value

    # ----------------------------------------------------------------- ranges

    def range(self) -> tuple[dt.date, dt.date] | None:
        """First and last day the value covers, narrowed by ``mod`` (START/MID/END: a month's
        first, middle or last ten days, a year's January, June-July or December); None when it
        is no calendar date, names no year, or names an impossible day."""
        try:
            return self._range()
        except (ValueError, OverflowError):
            return None

    def _range(self) -> tuple[dt.date, dt.date] | None:
        if self.kind != "date":
            return None
        if self.century is not None:
            y0 = self.century * 100
            return dt.date(max(y0, 1), 1, 1), dt.date(y0 + 99, 12, 31)
        if self.decade is not None:
            y0 = self.decade * 10
            return dt.date(max(y0, 1), 1, 1), dt.date(y0 + 9, 12, 31)
        y = self.year
        if y is None:
            return None
        if self.day is not None:
            if self.month is None:
                return None
            d = dt.date(y, self.month, self.day)
            return d, d
        if self.week is not None:
            if self.weekday is not None:
                d = dt.date.fromisocalendar(y, self.week, self.weekday)
                return d, d
            return dt.date.fromisocalendar(y, self.week, 1), dt.date.fromisocalendar(y, self.week, 7)
        if self.month is not None:
            return _narrow_month(y, self.month, self.mod)
        if self.quarter is not None:
            return _months(y, 3 * self.quarter - 2, 3 * self.quarter)
        if self.half is not None:
            return _months(y, 6 * self.half - 5, 6 * self.half)
        if self.season is not None:
            return _months(y, *SEASON_MONTHS[self.season])
        if self.precision == "year":
            lo, hi = {"START": (1, 1), "MID": (6, 7), "END": (12, 12)}.get(self.mod or "", (1, 12))
            return _months(y, lo, hi)
        return None

    def iso_range(self) -> tuple[str, str] | None:
        """``range()`` as ISO strings (what string comparisons with ``as_of`` dates need)."""
        r = self.range()
        return (r[0].isoformat(), r[1].isoformat()) if r else None

    # ----------------------------------------------------------------- comparing

    def overlaps(self, other: TimeValue) -> bool | None:
        """Whether the two ranges share a day; None when either has no range."""
        a, b = self.range(), other.range()
        if a is None or b is None:
            return None
        return spans_overlap(a, b)

    def contains(self, other: TimeValue) -> bool | None:
        """Whether ``other``'s range lies inside this one's; None when either has none."""
        a, b = self.range(), other.range()
        if a is None or b is None:
            return None
        return a[0] <= b[0] and b[1] <= a[1]

    def before(self, other: TimeValue) -> bool | None:
        """Whether this range ends before ``other``'s begins; None when either has none."""
        a, b = self.range(), other.range()
        if a is None or b is None:
            return None
        return a[1] < b[0]

    def finer_than(self, other: TimeValue) -> bool:
        """Whether this value is more precise than ``other`` (a value without precision is never)."""
        if self.precision is None:
            return False
        if other.precision is None:
            return True
        return PRECISIONS.index(self.precision) > PRECISIONS.index(other.precision)


def spans_overlap(
    a: tuple[dt.date, dt.date] | tuple[str, str], b: tuple[dt.date, dt.date] | tuple[str, str]
) -> bool:
    """Whether two ``(first, last)`` spans (dates, or ISO strings) share a day."""
    return not (a[1] < b[0] or b[1] < a[0])  # type: ignore[operator]


# --------------------------------------------------------------------------- builders


def month_value(year: int, month: int, shift: int = 0) -> str:
    """``YYYY-MM`` of the month ``shift`` months after ``year-month`` (no calendar check:
    the caller decides what a year outside 1-9999 means)."""
    k = year * 12 + month - 1 + shift
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


def week_value(day: dt.date) -> str:
    """``YYYY-Wnn``: the ISO week of ``day``."""
    y, w, _ = day.isocalendar()
    return f"{y:04d}-W{w:02d}"


def day_value(year: int, month: int | None = None, day: int | None = None) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` from the fields given."""
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


# --------------------------------------------------------------------------- module helpers


def parse(value: str | None, mod: str | None = None) -> TimeValue:
    """``TimeValue.parse``."""
    return TimeValue.parse(value, mod)


def calendar_year(value: str | None) -> str | None:
    """The four-digit year a value starts with (``2015-SU`` → ``"2015"``), else None."""
    return TimeValue.parse(value).calendar_year


def month_key(value: str | None) -> str | None:
    """``TimeValue.month_key`` of a value."""
    return TimeValue.parse(value).month_key


def date_precision(value: str | None) -> str | None:
    """``TimeValue.date_precision`` of a value."""
    return TimeValue.parse(value).date_precision()


# --------------------------------------------------------------------------- internals


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _int(s: str | None) -> int | None:
    return int(s) if s is not None and s.isdigit() else None


def _months(y: int, lo: int, hi: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, lo, 1), dt.date(y, hi, calendar.monthrange(y, hi)[1])


def _narrow_month(y: int, mo: int, mod: str | None) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(y, mo)[1]
    lo, hi = {"START": (1, 10), "MID": (11, 20), "END": (max(1, last - 9), last)}.get(mod or "", (1, last))
    return dt.date(y, mo, lo), dt.date(y, mo, hi)


def _precision(g: dict[str, str | None]) -> str:
    for name, prec in (
        ("second", "second"), ("minute", "minute"), ("hour", "hour"), ("pod", "part_of_day"), ("day", "day"),
        ("weekday", "day"), ("week", "week"), ("month", "month"), ("quarter", "quarter"), ("season", "season"),
        ("half", "half"),
    ):  # fmt: skip
        if g.get(name) is not None:
            return prec
    return "year"


def _dated(m: re.Match[str], value: str, mod: str | None) -> TimeValue:
    g = m.groupdict()
    return TimeValue(
        value, mod, "date", _precision(g), int(m.group("year")), _int(g["month"]), _int(g["day"]),
        _int(g["hour"]), _int(g["minute"]), _int(g["second"]), g["pod"], _int(g["week"]), _int(g["weekday"]),
        _int(g["quarter"]), _int(g["half"]), g["season"], rest=value[m.end():],
    )  # fmt: skip


def _undated(value: str, mod: str | None) -> TimeValue:
    m = _UNDATED.match(value)
    assert m is not None  # "XXXX" alone matches
    g = dict(m.groupdict())
    precision = _precision(g)
    if value[m.start() : m.end()].startswith("XXXX-WXX") and g["weekday"] is None and g["week"] is None:
        precision = "week"
    if g.get("day") == "XX" and precision == "day":
        g["day"] = None
    if g.get("month") == "XX":
        g["month"] = None
    return TimeValue(
        value, mod, "date", precision, None, _int(g["month"]), _int(g.get("day")), _int(g["hour"]),
        _int(g["minute"]), None, g["pod"], _int(g["week"]), _int(g["weekday"]), _int(g["quarter"]),
        _int(g["half"]), g["season"], rest=value[m.end():],
    )  # fmt: skip


def _coarse(value: str, mod: str | None) -> TimeValue:
    """A decade (``198``, ``198X``) or a century (``19``, ``19XX``), else unknown."""
    if m := _DECADE.fullmatch(value):
        return TimeValue(value, mod, "date", "decade", decade=int(m.group("decade")))
    if m := _CENTURY.fullmatch(value):
        return TimeValue(value, mod, "date", "century", century=int(m.group("century")))
    return TimeValue(value, mod, rest=value)


def _duration(value: str, mod: str | None) -> TimeValue:
    m = _DURATION.match(value)
    if m is None:
        return TimeValue(value, mod, "duration", rest=value[1:])
    n, unit = (m.group("n"), m.group("unit")) if m.group("unit") else (m.group("tn"), m.group("tunit"))
    if m.group("tunit"):
        unit = "MIN" if unit == "M" else unit
    amount = None if n == "X" else float(n)
    return TimeValue(
        value, mod, "duration", _DURATION_UNITS[unit], amount=amount, unit=unit, rest=value[m.end() :]
    )
