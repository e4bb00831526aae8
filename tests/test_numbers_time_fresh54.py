"""Time: batch rn1370–rn1377 (a fraction of an hour written with the article in a match report).

docs/benchmarks/realnews_fresh.md ("Quantities and time, batch rn1370–rn1377") lists the
classes. Every sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import timexes

DCT = "2015-07-31"


def test_definite_fraction_before_an_hour_is_a_duration() -> None:
    # duration_fractions.tsv: "الربع ساعة" / "النصف ساعة" (rn1373) were read as the year's quarter
    # (2015-Q3) or missed; with the article they still measure a stretch of the match
    assert timexes("وعادل الضيوف النتيجة مطلع الربع ساعة الأخيرة من المباراة.", DCT) == [
        ("مطلع الربع ساعة", "DURATION", "PT15M")
    ]
    assert timexes("لعب الفريق النصف ساعة الأولى بحذر.", DCT) == [("النصف ساعة", "DURATION", "PT30M")]


def test_quarter_and_half_of_a_year_stay_dates() -> None:
    # guard: without an hour after it, "الربع"/"النصف" is still a part of the year
    assert timexes("تراجعت الأرباح في الربع الثاني.", DCT) == [("الربع الثاني", "DATE", "2015-Q2")]
    assert timexes("ارتفعت المبيعات في النصف الأول من العام الحالي.", DCT) == [
        ("النصف الأول من العام الحالي", "DATE", "2015-H1")
    ]
