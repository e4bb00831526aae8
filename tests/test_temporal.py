"""The temporal core: TimeML values (``rasd.temporal.TimeValue``) and the Hijri converter."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.temporal import (
    PRECISIONS,
    TimeValue,
    calendar_year,
    date_precision,
    month_key,
    month_value,
    week_value,
)
from rasd.temporal.hijri import from_gregorian, month_length, to_gregorian

# ----------------------------------------------------------------------------- strategies

YEARS = st.integers(min_value=1000, max_value=2999)
MONTHS = st.integers(min_value=1, max_value=12)
MODS = st.sampled_from([None, "START", "MID", "END"])


@st.composite
def days(draw: st.DrawFn) -> dt.date:
    return draw(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2999, 12, 31)))


@st.composite
def values(draw: st.DrawFn) -> str:
    """A canonical TimeML value of one of the forms the tagger writes (with a real day)."""
    y = draw(YEARS)
    d = draw(days())
    form = draw(st.sampled_from(["year", "month", "day", "pod", "clock", "week", "weekday", "quarter", "half",
                                 "season", "decade", "century"]))  # fmt: skip
    iy, iw, iwd = d.isocalendar()
    return {
        "year": f"{y:04d}",
        "month": f"{d.year:04d}-{d.month:02d}",
        "day": d.isoformat(),
        "pod": f"{d.isoformat()}T{draw(st.sampled_from(['MO', 'MI', 'AF', 'EV', 'NI', 'DT']))}",
        "clock": f"{d.isoformat()}T{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}",
        "week": f"{iy:04d}-W{iw:02d}",
        "weekday": f"{iy:04d}-W{iw:02d}-{iwd}",
        "quarter": f"{y:04d}-Q{draw(st.integers(1, 4))}",
        "half": f"{y:04d}-H{draw(st.integers(1, 2))}",
        "season": f"{y:04d}-{draw(st.sampled_from(['SP', 'SU', 'FA', 'WI']))}",
        "decade": f"{draw(st.integers(100, 299)):03d}",
        "century": f"{draw(st.integers(10, 29)):02d}",
    }[form]


# ----------------------------------------------------------------------------- properties


@settings(max_examples=400, deadline=None)
@given(values(), MODS)
def test_every_date_value_has_an_ordered_range(value: str, mod: str | None) -> None:
    tv = TimeValue.parse(value, mod)
    assert tv.kind == "date" and tv.exact
    r = tv.range()
    assert r is not None
    assert r[0] <= r[1]
    plain = TimeValue.parse(value).range()
    assert plain is not None and plain[0] <= r[0] and r[1] <= plain[1]  # a mod only narrows


@settings(max_examples=400, deadline=None)
@given(values())
def test_parse_then_format_gives_the_value_back(value: str) -> None:
    tv = TimeValue.parse(value)
    assert tv.format() == value
    assert TimeValue.parse(tv.format()) == tv


@settings(max_examples=300, deadline=None)
@given(days())
def test_a_day_lies_in_its_month_week_quarter_and_year(d: dt.date) -> None:
    day = TimeValue.parse(d.isoformat())
    assert day.range() == (d, d)
    for outer in (f"{d.year:04d}-{d.month:02d}", week_value(d), f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}",
                  f"{d.year:04d}-H{1 if d.month <= 6 else 2}", f"{d.year:04d}", f"{d.year // 10:03d}"):  # fmt: skip
        tv = TimeValue.parse(outer)
        assert tv.contains(day), outer
        assert tv.overlaps(day) and day.overlaps(tv)
        assert day.finer_than(tv) and not tv.finer_than(day)


@settings(max_examples=300, deadline=None)
@given(YEARS, MONTHS, st.integers(min_value=-400, max_value=400))
def test_month_value_shifts_by_whole_months(y: int, m: int, k: int) -> None:
    tv = TimeValue.parse(month_value(y, m, k))
    assert tv.year is not None and tv.month is not None
    assert (tv.year * 12 + tv.month - 1) - (y * 12 + m - 1) == k
    assert month_value(tv.year, tv.month, -k) == f"{y:04d}-{m:02d}"


@settings(max_examples=300, deadline=None)
@given(days(), days())
def test_before_and_overlap_agree_with_the_days(a: dt.date, b: dt.date) -> None:
    x, y = TimeValue.parse(a.isoformat()), TimeValue.parse(b.isoformat())
    assert x.before(y) == (a < b)
    assert x.overlaps(y) == (a == b)


# ----------------------------------------------------------------------------- examples


@pytest.mark.parametrize(
    ("value", "mod", "first", "last", "precision"),
    [
        ("2024", None, "2024-01-01", "2024-12-31", "year"),
        ("2024", "END", "2024-12-01", "2024-12-31", "year"),
        ("2024", "START", "2024-01-01", "2024-01-31", "year"),
        ("2024-02", None, "2024-02-01", "2024-02-29", "month"),
        ("2025-09", "END", "2025-09-21", "2025-09-30", "month"),
        ("2025-09", "START", "2025-09-01", "2025-09-10", "month"),
        ("2025-09", "MID", "2025-09-11", "2025-09-20", "month"),
        ("2015-07-23", None, "2015-07-23", "2015-07-23", "day"),
        ("2015-07-23TMO", None, "2015-07-23", "2015-07-23", "part_of_day"),
        ("2015-07-23T10:30", None, "2015-07-23", "2015-07-23", "minute"),
        ("2024-W01", None, "2024-01-01", "2024-01-07", "week"),
        ("2020-W53", None, "2020-12-28", "2021-01-03", "week"),
        ("2024-W05-3", None, "2024-01-31", "2024-01-31", "day"),
        ("2024-Q2", None, "2024-04-01", "2024-06-30", "quarter"),
        ("2024-H2", None, "2024-07-01", "2024-12-31", "half"),
        ("2024-SU", None, "2024-06-01", "2024-09-30", "season"),
        ("2024-WI", None, "2024-01-01", "2024-03-31", "season"),
        ("198", None, "1980-01-01", "1989-12-31", "decade"),
        ("201X", None, "2010-01-01", "2019-12-31", "decade"),
        ("19", None, "1900-01-01", "1999-12-31", "century"),
    ],
)
def test_ranges_of_known_values(value: str, mod: str | None, first: str, last: str, precision: str) -> None:
    tv = TimeValue.parse(value, mod)
    assert tv.precision == precision and precision in PRECISIONS
    assert tv.iso_range() == (first, last)


@pytest.mark.parametrize(
    ("value", "kind", "precision"),
    [
        ("PRESENT_REF", "present", None),
        ("PAST_REF", "past", None),
        ("FUTURE_REF", "future", None),
        ("P3Y", "duration", "year"),
        ("PXDE", "duration", "decade"),
        ("PT2H", "duration", "hour"),
        ("PT30M", "duration", "minute"),
        ("XXXX-07", "date", "month"),
        ("XXXX-WXX-3", "date", "day"),
        ("XXXX-XX-XXT10:00", "date", "minute"),
        ("", "unknown", None),
        ("soon", "unknown", None),
    ],
)
def test_values_without_a_range(value: str, kind: str, precision: str | None) -> None:
    tv = TimeValue.parse(value)
    assert (tv.kind, tv.precision, tv.range()) == (kind, precision, None)
    if kind != "unknown":
        assert tv.format() == value


def test_durations_keep_their_amount_and_unit() -> None:
    assert (TimeValue.parse("P1.5Y").amount, TimeValue.parse("P1.5Y").unit) == (1.5, "Y")
    assert (TimeValue.parse("PT30M").amount, TimeValue.parse("PT30M").unit) == (30.0, "MIN")
    assert TimeValue.parse("PXW").amount is None


def test_impossible_days_have_fields_but_no_range() -> None:
    tv = TimeValue.parse("2024-02-30")
    assert (tv.year, tv.month, tv.day, tv.precision) == (2024, 2, 30, "day")
    assert tv.range() is None and tv.ymd == (2024, 2, None)
    assert TimeValue.parse("2024-13").ymd == (2024, None, None)
    assert TimeValue.parse("2021-W60").range() is None


def test_a_value_is_read_from_its_start() -> None:
    tv = TimeValue.parse("2024-05x")
    assert (tv.year, tv.month, tv.rest, tv.exact) == (2024, 5, "x", False)
    assert TimeValue.parse("2024-05-06T9").rest == "T9"  # no one-digit hour is read, the day is
    assert TimeValue.parse("2024-05-06T9").precision == "day"


def test_module_helpers() -> None:
    assert calendar_year("2015-SU") == "2015" and calendar_year("198") is None and calendar_year(None) is None
    assert TimeValue.parse("198").year_label == "198" and TimeValue.parse("2015-07").year_label == "2015"
    assert month_key("2015-07-23TEV") == "2015-07" and month_key("2015-W30") == "2015-W30"
    assert month_key("2015") is None and month_key("PAST_REF") is None
    assert [date_precision(v) for v in ("2015", "2015-07", "2015-07-23T10:00", "2015-W30", "P3Y")] == [
        "year", "month", "day", "year", None,
    ]  # fmt: skip
    assert week_value(dt.date(2021, 1, 1)) == "2020-W53"
    assert TimeValue.parse("2015-07-23").plain and not TimeValue.parse("2015-W30").plain
    assert not TimeValue.parse("2015-07-23TMO").plain


# ----------------------------------------------------------------------------- Hijri

# the tables' first decades hold a few 28- and 31-day months (1343-1364); from 1365 on every
# month has 29 or 30 days
HIJRI_DAYS = st.tuples(st.integers(1365, 1499), st.integers(1, 12), st.integers(1, 30))


@pytest.mark.parametrize(
    ("hijri", "gregorian"),
    [
        ((1436, 9, 1), dt.date(2015, 6, 18)),  # 1 Ramadan 1436, a Thursday
        ((1440, 1, 1), dt.date(2018, 9, 11)),  # 1 Muharram 1440
        ((1441, 10, 1), dt.date(2020, 5, 24)),  # Eid al-Fitr 1441, a Sunday
        ((1444, 12, 10), dt.date(2023, 6, 28)),  # Eid al-Adha 1444, a Wednesday
    ],
)
def test_known_hijri_days(hijri: tuple[int, int, int], gregorian: dt.date) -> None:
    assert to_gregorian(*hijri) == gregorian
    assert from_gregorian(gregorian) == hijri


@settings(max_examples=300, deadline=None)
@given(HIJRI_DAYS)
def test_hijri_to_gregorian_and_back(h: tuple[int, int, int]) -> None:
    y, m, d = h
    n = month_length(y, m)
    assert n in (29, 30)
    g = to_gregorian(y, m, d)
    if d > n:
        assert g is None  # no 30th in a 29-day month
        return
    assert g is not None and from_gregorian(g) == h
    if d < n:
        assert to_gregorian(y, m, d + 1) == g + dt.timedelta(days=1)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1924, 8, 1), max_value=dt.date(2077, 11, 16)))
def test_gregorian_to_hijri_and_back(g: dt.date) -> None:
    h = from_gregorian(g)
    assert h is not None and to_gregorian(*h) == g


def test_outside_the_tables_is_none() -> None:
    assert to_gregorian(1200, 1, 1) is None
    assert to_gregorian(1436, 13, 1) is None
    assert from_gregorian(dt.date(1800, 1, 1)) is None
    assert month_length(1600, 1) is None
