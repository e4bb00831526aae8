"""Date lines, given dates and content estimates (on sentences we wrote)."""

from __future__ import annotations

import pytest

from rasd.ingest.dates import contradiction, estimate, parse_dateline, parse_given


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("السبت 5 يونيو 2021", "2021-06-05"),
        ("نُشرت في الاثنين 1 يناير 2024 12:00 ص", "2024-01-01"),
        ("الخميس ٨ آب ٢٠٢٤", "2024-08-08"),
        ("3 كانون الثاني 2023", "2023-01-03"),
        ("الأحد 14 جانفي 2024", "2024-01-14"),
        ("تاريخ النشر: 07/10/2023", "2023-10-07"),
        ("2022-03-09 14:30", "2022-03-09"),
        ("آخر تحديث: 2 تشرين الأول 2022 - 10:15", "2022-10-02"),
    ],
)
def test_dateline(line: str, value: str) -> None:
    assert parse_dateline(line) == value


@pytest.mark.parametrize(
    "line",
    ["قال الوزير إن الاتفاق وُقّع في 5 يونيو 2021 بحضور الطرفين", "31 فبراير 2023", "السبت", "عام 2021"],
)
def test_not_a_dateline(line: str) -> None:
    assert parse_dateline(line) is None


def test_parse_given() -> None:
    assert parse_given("2015-07-21 02:51:32") == "2015-07-21"
    assert parse_given("2021-06") == "2021-06"
    assert parse_given("السبت 5 يونيو 2021") == "2021-06-05"
    assert parse_given("غدا") is None


def test_current_month_and_past_relative_month() -> None:
    text = (
        "بدأت المفاوضات في آذار 2019 ثم توقفت. وعقدت الجولة الأخيرة في أيار الماضي، "
        "ومن المقرر أن تنتهي المهلة في 20 تشرين الثاني الجاري."
    )
    est = estimate(text)
    assert (est.value, est.precision, est.method) == ("2019-11", "month", "content")


def test_current_month_matches_explicit_date() -> None:
    text = "وقعت الحادثة يوم الاثنين 4 مارس 2024. وكانت هجمات سابقة قد وقعت في فبراير الماضي ومطلع مارس الحالي."
    assert estimate(text).value == "2024-03-04"


def test_weekday_picks_day_in_month_from_deadline() -> None:
    unconfirmed = "أعلنت الحكومة الثلاثاء خطة تنتهي بحلول يونيو 2026 لإصلاح شبكة الكهرباء."
    assert estimate(unconfirmed).value is None  # a deadline alone does not date the text
    text = unconfirmed + " وتبدأ المرحلة الأخيرة منها في يونيو من العام المقبل."
    est = estimate(text)
    assert est.value == "2025-06-03" and est.precision == "day"  # first Tuesday of June 2025
    late = estimate(text + " وفي وقت سابق من الشهر الجاري زار الوزير المحطة.")
    assert late.value == "2025-06-24"  # last Tuesday: "earlier this month" means late in it
    assert 0 < est.confidence < 0.5


def test_future_dates_do_not_count_as_past() -> None:
    text = "قالت الوزارة إن المشروع سيكتمل بحلول 5 مايو 2030، وإن العمل بدأ في 2 فبراير 2021."
    assert estimate(text).value == "2021-02-02"
    assert contradiction("2021-03-01", text) is None
    assert contradiction("2020-12-01", text) == "2021-02-02"


def test_no_dates() -> None:
    est = estimate("نص بلا أي تاريخ على الإطلاق.")
    assert est.value is None and est.method == "unknown" and est.confidence == 0.0


def test_future_verbs_and_plans_are_not_past_events() -> None:
    text = "وقال رئيس الاتحاد إن الجمعية العمومية ستنعقد في 12 مارس 2031، وستجري الانتخابات في 20 أبريل 2031."
    assert contradiction("2030-06-01", text) is None
    # look-alikes of "س" + verb are not future markers
    past = "قال المتحدث إن سيطرة القوات على المدينة تمت في 4 مايو 2030 بعد معارك عنيفة."
    assert contradiction("2030-01-01", past) == "2030-05-04"


def test_years_alone_give_no_estimate_and_no_contradiction() -> None:
    text = "تأسست الشركة عام 1990 وتوسعت عام 2005 ثم افتتحت فرعا في عام 2012."
    est = estimate(text)
    assert est.value is None and est.method == "unknown"
    assert contradiction("2003-01-01", text) is None


def test_latest_event_alone_is_a_low_confidence_lower_bound() -> None:
    est = estimate("وكانت الحكومة قد أعلنت الخطة في 9 أكتوبر 2022 يوم الأحد.")
    assert est.value == "2022-10-09" and est.confidence <= 0.25


def test_current_month_without_a_recent_dated_event_gives_no_year() -> None:
    # "this July" but only a year long past: the year cannot be fixed, so no estimate
    text = "ويستمر المهرجان حتى 26 يوليو الحالي، وكانت دورته الأولى قد أقيمت عام 1990."
    assert estimate(text).value is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20240115", "2024-01-15"),  # compact YYYYMMDD: was the year 2024 alone
        ("20240115T0930", "2024-01-15"),
        ("2021/06/05", "2021-06-05"),  # was the year 2021 alone
        ("2024-1-5", "2024-01-05"),
        ("2024", "2024"),
        ("20241345", None),  # compact, but no month 13: ignored, never "2024"
        ("2024-123", None),
        ("9999-99-99", None),
        ("2024-13-45", None),
        ("2023-02-29", None),
    ],
)
def test_parse_given_compact_and_invalid(value: str, expected: str | None) -> None:
    assert parse_given(value) == expected


def test_invalid_given_date_is_a_warning_not_silent() -> None:
    from rasd.ingest import documents_from_page
    from rasd.models import RawPage

    body = "افتتحت البلدية حديقة عامة جديدة في وسط المدينة، وقال رئيسها إن العمل استمر ستة أشهر."
    for bad in ("9999-99-99", "2024-13-45"):
        (doc,) = documents_from_page(RawPage("r.json#0", body, kind="record", title="حديقة جديدة", date=bad))
        assert doc.published.method != "given"
        assert any(bad in w and "not a valid date" in w for w in doc.published.warnings), doc.published.warnings
    (ok,) = documents_from_page(RawPage("r.json#1", body, kind="record", title="حديقة جديدة", date="20240115"))
    assert (ok.published.value, ok.published.method, ok.published.warnings) == ("2024-01-15", "given", [])


def test_an_estimated_date_says_so() -> None:
    from rasd.ingest.document import ESTIMATED_WARNING, _printed_or_estimated

    text = "قالت البلدية يوم الأحد 2 أغسطس 2015 إن الحديقة افتتحت أمس بعد أشهر من العمل."
    seg = type("Seg", (), {"lines": []})()
    pub = _printed_or_estimated(seg, [], text, True)  # type: ignore[arg-type]
    assert pub.method == "content" and pub.value == "2015-08-02"
    assert ESTIMATED_WARNING in pub.warnings
