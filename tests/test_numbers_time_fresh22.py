"""Quantities and time: the rules added for the fresh real-news batch rn448–rn455.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-11"  # a Tuesday


_q, _t = readers(DCT)


def test_seconds_are_a_time_unit() -> None:
    """``41.13 ثانية``, ``ثلاث ثوان``, ``ثانيتين`` (units.tsv, unit S): a race time or a pause is a
    duration in seconds; the ordinal ``الثانية``/``ثانية`` without a number stays nothing."""
    assert _t("قطعت العداءة المسافة في 12.45 ثانية متأخرة بنحو 3 ثوان.") == [
        ("12.45 ثانية", "DURATION", "PT12.45S"),
        ("نحو 3 ثوان", "DURATION", "PT3S"),
    ]
    assert _t("توقف المحرك ثانيتين ثم عاد.") == [("ثانيتين", "DURATION", "PT2S")]
    assert _t("فاز الفريق للمرة الثانية وحاول مرة ثانية.") == []
    assert _q("قطعت العداءة المسافة في 12.45 ثانية.") == []


def test_a_place_named_after_a_day_is_no_date() -> None:
    """``قصر 22 مايو``, ``جسر 6 أكتوبر`` (names_before_dates.txt): a place named by a day and month;
    the definite noun before a date (``افتتح القصر 22 مايو``) leaves the date."""
    assert _t("تجمع المتظاهرون أمام قصر 22 مايو ثم عبروا جسر 6 أكتوبر.") == []
    assert _t("افتتح المحافظ القصر 22 مايو الماضي.") == [("22 مايو الماضي", "DATE", "2015-05-22")]


def test_a_bare_year_after_starting_from_is_a_year() -> None:
    """``اعتبارا/بدءا/ابتداء من 2016`` (starting_from.txt): the bare year is a date, while a bare
    ``من`` before a number still counts (``أكثر من 2016 شخصا``)."""
    assert _t("تطبق الرسوم الجديدة اعتبارا من 2016 على جميع الشركات.") == [("2016", "DATE", "2016")]
    assert _t("تعود الرحلات بدءا من 2017.") == [("2017", "DATE", "2017")]
    assert _t("حضر أكثر من 2016 شخصا.") == []


def test_a_construct_dual_of_a_listed_feminine_noun() -> None:
    """``علامتي إطار`` (plurals.tsv: علامات → علامة): a construct dual of the noun before an
    indefinite genitive is two of it; the same word with a possessive meaning alone is nothing."""
    assert _q("وجد الفني علامتي احتكاك على الباب.") == [("علامتي", 2.0, None, "علامة")]
    assert _q("كانت علامتي في الامتحان مرتفعة.") == []
