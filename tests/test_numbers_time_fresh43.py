"""Quantities and time: the rules added for the fresh real-news batch rn1210–rn1217.

docs/benchmarks/realnews_fresh.md ("Quantities and time, batch rn1210–rn1217") lists the
error classes. Every sentence here was written for these tests, and each test names the
rule it guards.
"""

from __future__ import annotations

from number_checks import timexes, value_objects

DCT = "2015-08-04"  # a Tuesday


def _q(text: str) -> list[tuple[float | None, str | None]]:
    return value_objects(text, DCT)


# --------------------------------------------------------------------------- quantities


def test_a_third_before_a_definite_noun() -> None:
    # fractions.tsv "add|alone": ثلث on its own before a definite noun is a share (rn873, rn1215)
    assert _q("وتستحوذ الشركة على ثلث السوق المحلية") == [(0.333, "سوق")]
    assert _q("وتنتج المزرعة قرابة ثلث المحصول الوطني") == [(0.333, "محصول")]


def test_a_third_still_joins_its_scale_word() -> None:
    # the scale reading comes first: ثلث مليون is 333000, not a third of something
    assert _q("وتبرع التاجر بثلث مليون ريال للجمعية") == [(333000.0, "ريال")]
    assert _q("وبلغ عدد الزوار 7 ملايين وثلث") == [(7333000.0, None)]


def test_half_and_quarter_stay_out_alone() -> None:
    # نصف and ربع keep "add" only: نصف النهائي and الربع الثاني are no amounts
    assert _q("وتأهل المنتخب إلى نصف النهائي بعد فوز صعب") == []
    assert _q("وتراجعت الأرباح في الربع الثاني") == []


# --------------------------------------------------------------------------- time


def test_decades_and_centuries_back_are_years() -> None:
    # ago: قبل + عقد/قرن counts back from the paper's date like قبل عامين (a DATE)
    assert timexes("وافتتح المستشفى قبل عقدين في وسط المدينة", DCT) == [("قبل عقدين", "DATE", "1995")]
    assert timexes("وبني الجسر قبل ثلاثة عقود", DCT) == [("قبل ثلاثة عقود", "DATE", "1985")]
    assert timexes("وسيكتمل المشروع بعد عقد", DCT) == [("بعد عقد", "DATE", "2025")]


def test_a_fraction_of_a_unit_back_is_a_date() -> None:
    # ago: a fraction before the unit (قبل نصف قرن = 50 years back, rn1143)
    assert timexes("وبدأ النزاع قبل نصف قرن في الجبال", DCT) == [("قبل نصف قرن", "DATE", "1965")]
    assert timexes("وتأسست الرابطة قبل ربع قرن", DCT) == [("قبل ربع قرن", "DATE", "1990")]
    assert timexes("ووقع الاتفاق قبل نصف عام", DCT) == [("قبل نصف عام", "DATE", "2015-02")]
    # an hour's fraction stays a length, as before
    assert timexes("ووصل الوفد قبل نصف ساعة", DCT) == [("نصف ساعة", "DURATION", "PT30M")]


def test_since_with_a_fraction_or_decades_is_a_stretch() -> None:
    # F8 / _since: منذ + a count stays a DURATION, a fraction and decades too
    assert timexes("ويعيش الرجل في القرية منذ نصف قرن", DCT) == [("منذ نصف قرن", "DURATION", "P50Y")]
    assert timexes("ويعمل في المصنع منذ ثلاثة عقود", DCT) == [("منذ ثلاثة عقود", "DURATION", "P30Y")]
