"""Time: batch rn1320–rn1327 (an ordinary news mix, held out, then fixed).

docs/benchmarks/realnews_fresh.md ("Quantities and time, batch rn1320–rn1327") lists the
classes. Every sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import timexes

DCT = "2015-08-02"  # a Sunday


def test_in_the_past_is_a_vague_past_reference() -> None:
    # vague.tsv: "في الماضي" (in the past) beside "في السابق" (rn1320)
    assert timexes("كانت للشركة في الماضي فروع كثيرة في المدينة.", DCT) == [("في الماضي", "DATE", "PAST_REF")]
    # the adjective of a named period keeps its own reading
    assert timexes("زار الوفد المعرض في الأسبوع الماضي.", DCT) == [("الأسبوع الماضي", "DATE", "2015-W30")]


def test_earlier_today_without_min_is_the_day() -> None:
    # within._before: "في وقت سابق اليوم" (earlier today) is the day, as "وقت سابق من اليوم" (rn1324)
    assert timexes("ووصل الوزير في وقت سابق اليوم إلى الميناء.", DCT) == [("وقت سابق اليوم", "DATE", "2015-08-02")]
    assert timexes("وعاد الفريق في وقت متأخر أمس إلى النادي.", DCT) == [("وقت متأخر أمس", "DATE", "2015-08-01")]
    # a year after the cue without من stays apart: the cue keeps its vague value (rn917's gold)
    assert timexes("وسيبدأ العمل بالنظام في وقت لاحق هذا العام.", DCT) == [
        ("وقت لاحق", "DATE", "FUTURE_REF"),
        ("هذا العام", "DATE", "2015"),
    ]


def test_first_day_is_a_day_not_a_length() -> None:
    # handlers._h_duration: "أول يوم" / "آخر يوم" with no number is a day whose date the text
    # does not fix (DATE null), not P1D (rn1325, rn1032)
    assert timexes("وحضر المدير مع أول يوم عمل للمدرسة الجديدة.", DCT) == [("أول يوم", "DATE", None)]
    assert timexes("وغادر اللاعب في آخر يوم من المعسكر.", DCT)[0] == ("آخر يوم", "DATE", None)
    # a written number keeps the length
    assert timexes("وقضى الفريق أول عشرة أيام في التدريب البدني.", DCT) == [("أول عشرة أيام", "DURATION", "P10D")]
