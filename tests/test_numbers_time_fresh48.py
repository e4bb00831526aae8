"""Time: open classes of earlier dev rounds, fixed without a new batch.

docs/benchmarks/realnews_fresh.md ("Time, open classes (no new batch)") lists the classes.
Every sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import timexes

from rasd.annotators.time import tag

DCT = "2015-08-11"  # a Tuesday


def test_the_month_before_the_one_just_named() -> None:
    # relative_words.tsv + sequence_back_words.txt: الذي سبقه counts back from the month named
    # before it, also across a decimal point (rn1215, rn1274)
    text = "وارتفع المؤشر في مايو بنسبة 0.4 في المائة مقارنة بالشهر الذي سبقه."
    assert timexes(text, DCT)[-1] == ("الشهر الذي سبقه", "DATE", "2015-04")
    assert timexes("وتراجع الإنتاج في 2013 عن العام الذي سبقه.", DCT)[-1] == ("العام الذي سبقه", "DATE", "2012")
    # without it the month stands alone
    assert timexes("وارتفع المؤشر في مايو بنسبة 0.4 في المائة.", DCT) == [("مايو", "DATE", "2015-05")]


def test_a_count_after_a_told_event_is_a_date_without_value() -> None:
    # told_event_anchors.txt: بعدها/قبلها ب + days is a day counted from the event (rn1256)
    assert timexes("ووقع الانفجار وبعدها بثلاثة أيام أعلنت الشرطة النتائج.", DCT) == [("بعدها بثلاثة أيام", "DATE", None)]
    assert timexes("وعاد إلى منزله وقبلها بيومين زار المستشفى.", DCT) == [("قبلها بيومين", "DATE", None)]
    # minutes after an event stay a duration, and a plain count is still a duration
    assert timexes("وسجل الهدف الأول وبعدها بدقيقتين أضاف الثاني.", DCT) == [("دقيقتين", "DURATION", "PT2M")]
    assert timexes("واستمر الاجتماع ثلاثة أيام.", DCT) == [("ثلاثة أيام", "DURATION", "P3D")]


def test_that_day_is_a_date_without_value() -> None:
    # vague.tsv: يومها (null) is a told day (rn1143); before an adjective it is "its day", a noun
    assert timexes("وكان الطقس يومها حارا جدا.", DCT) == [("يومها", "DATE", None)]
    assert timexes("وفي يومها الأول زارت الوفود المعرض.", DCT) == []
    assert timexes("لكل مسابقة يومها المحدد.", DCT) == []


def test_the_first_week_of_a_month_is_one_expression_without_value() -> None:
    # within.week_of_month: the ordinal after الأسبوع is the week's, not the first day (rn003)
    assert timexes("وتبدأ الحملة في الأسبوع الأول من شهر رمضان.", "2015-06-11") == [
        ("الأسبوع الأول من شهر رمضان", "DATE", None)
    ]
    assert timexes("وتبدأ الحملة في الأول من شهر رمضان.", "2015-06-11") == [("الأول من شهر رمضان", "DATE", "2015-06-18")]


def test_a_weekday_at_the_calendars_edge_is_no_crash() -> None:
    # a print date of year 1 (bad input): the weekday rule cannot move before it and keeps the day
    text = "أمس أمس غدا السبت"
    got = tag(text, "0001-01-01")
    assert [(t.text, t.value) for t in got if t.text == "غدا السبت"] == [("غدا السبت", "0001-01-01")]
    assert all(text[t.start : t.end] == t.text for t in got)
