"""Dates as the interfaces read and show them: through the temporal core, labels from files.

Periods coarser than a month (quarters, halves, seasons) read as such, not as their first
month; typed dates (CLI options, API parameters) are real calendar days; every label the
interfaces ask for by code is in a label file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd.interfaces.cli import _load_commands, app
from rasd.interfaces.dates import calendar_date, typed_date
from rasd.interfaces.news import check_day
from rasd.interfaces.report import deadline_text, format_date, label, render_report
from rasd.interfaces.report.labels import on_or_before
from rasd.interfaces.webapp.charts import month_bars
from rasd.interfaces.webapp.common import label as web_label
from rasd.interfaces.webapp.routes import NAV
from rasd.models import Analysis

SRC = Path(__file__).resolve().parents[1] / "src" / "rasd" / "interfaces"


def test_quarters_halves_and_seasons_read_as_such() -> None:
    # the bug: "2024-Q1" showed its first month (January), "2024-SU" June
    assert format_date("2024-Q1") == f"{label('quarter', '1')} 2024"
    assert format_date("2024-H2") == f"{label('half', '2')} 2024"
    assert format_date("2024-SU") == f"{label('season', 'SU')} 2024"
    assert label("month", "01") not in format_date("2024-Q1")
    assert label("month", "06") not in format_date("2024-SU")
    assert all(label(k, c) != c for k, c in [("quarter", "4"), ("half", "1"), ("season", "WI"), ("season", "FA")])
    # months, days, years and weeks are as they were
    assert format_date("2024-08") == f"{label('month', '08')} 2024"
    assert format_date("2024-W05") == "2024-W05"  # a week stays as written
    assert format_date("2024-W05-3") == f"31 {label('month', '01')} 2024"  # a day of a week is that day
    assert format_date("2024-SUx") == "2024-SUx"  # an unread tail stays as written


def test_a_deadline_word_before_a_period_not_before_a_day() -> None:
    end = deadline_text("2025-09", "END")
    assert end.endswith(format_date("2025-09")) and end != format_date("2025-09")
    assert deadline_text("2025-Q3", "END").endswith(format_date("2025-Q3"))
    assert deadline_text("2025-Q3", "END") != format_date("2025-Q3")
    assert deadline_text("2025-09-30", "END") == format_date("2025-09-30")
    assert deadline_text("2025-W05-3", "END") == format_date("2025-W05-3")


def test_on_or_before_compares_first_days() -> None:
    assert on_or_before("2024-05", "2024-05-20") is True  # a month that began by then
    assert on_or_before("2024", "2024-01-01") is True
    assert on_or_before("2024-05-21", "2024-05-20") is False
    assert on_or_before("2024-06", "2024-05-20") is False
    assert on_or_before("2024-05-20T10:00", "2024-05-20") is True
    assert on_or_before("PAST_REF", "2024-05-20") is None and on_or_before("2024-05", "2024-02-30") is None


def test_typed_dates_are_calendar_dates() -> None:
    assert typed_date("2024") and typed_date("2024-09") and typed_date("2024-09-28")
    assert typed_date("2024-09", "day") is None and typed_date("2024-09-28", "day") is not None
    for bad in ("", None, "2024-9-1", "20240901", "2024-W05", "2024-Q1", "٢٠٢٤-٠٩-٢٨", "2024-09-28\n", "2024-09-28T10"):
        assert typed_date(bad) is None, bad
    assert typed_date("2024-02-30") is not None  # the shape is read; the calendar says no
    for bad in ("2024-02-30", "2023-02-29", "2024-13", "0000", "2024-00-10"):
        assert not calendar_date(bad), bad
    assert calendar_date("2024-02-29") and calendar_date("2024-12") and calendar_date("1999")
    assert check_day("2024-02-29") == "2024-02-29"
    for bad in ("2024-02-30", "2024-02", "2024/02/01"):
        with pytest.raises(ValueError):
            check_day(bad)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["timeline", "--from", "2024-02-30"], "--from expects"),
        (["timeline", "--to", "2024-13"], "--to expects"),
        (["commitments", "--as-of", "2024-05"], "--as-of expects"),
        (["commitments", "--as-of", "2023-02-29"], "--as-of expects"),
    ],
)
def test_story_commands_refuse_dates_off_the_calendar(args: list[str], message: str, tmp_path: Path) -> None:
    _load_commands()
    r = CliRunner().invoke(app, [*args, "--analysis", str(tmp_path / "none.json")])
    assert r.exit_code == 1 and message in r.output


def test_month_bars_run_over_the_new_year() -> None:
    chart = month_bars([("2023-11", 2), ("2024-02", 1)])
    assert [b["key"] for b in chart["bars"]] == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert [b["count"] for b in chart["bars"]] == [2, 0, 0, 1]


def test_every_label_asked_for_by_code_is_in_a_label_file() -> None:
    """A typo in a code (``label("ui", "no_dat")``) would show the code itself on the page."""
    asked = set()
    for p in SRC.rglob("*.py"):
        asked |= set(re.findall(r"""\blabel\(\s*["'](\w+)["']\s*,\s*["'](\w+)["']\s*\)""", p.read_text(encoding="utf-8")))
    assert ("ui", "no_date") in asked and ("about", "incident") in asked  # the scan sees the calls
    missing = sorted((k, c) for k, c in asked if web_label(k, c) == c)
    assert missing == []
    # codes held in variables: the report's counts and the web app's menu
    page = render_report(Analysis(), "2024-05-20")
    assert all(f"<span>{label('stat', k)}</span>" in page for k in ("documents", "outlets", "events", "conflicts"))
    assert all(text and not text.isascii() for _path, text in NAV)
