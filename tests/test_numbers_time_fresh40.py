"""Quantities and time: the rules added for the fresh real-news batch rn1150–rn1157.

docs/benchmarks/realnews_fresh.md ("Batch rn1150–rn1157") lists the error classes. Every
sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import timexes, value_objects

DCT = "2015-08-11"  # a Tuesday


def _q(text: str) -> list[tuple[float | None, str | None]]:
    return value_objects(text, DCT)


def _t(text: str) -> list[tuple[str, str, str | None]]:
    return timexes(text, DCT)


# --------------------------------------------------------------------------- time


def test_bare_afternoon_takes_the_day_named_in_an_earlier_sentence() -> None:
    # F7: a bare part of the day is that part of the day the article is about
    text = "وافتتح الوزير المعرض يوم الأحد. وبعد الظهر زار الوزير مستشفى المدينة"
    assert ("بعد الظهر", "TIME", "2015-08-09TAF") in _t(text)
    text = "وخاض الفريق مرانه الأربعاء الماضي. وتدرب اللاعبون صباحا، ثم خلدوا إلى الراحة"
    assert ("صباحا", "TIME", "2015-08-05TMO") in _t(text)


def test_paired_parts_of_day_stay_a_habit() -> None:
    text = "وفتح المتجر أبوابه الأحد. ويعمل المتجر صباحا ومساء"
    assert [t for t in _t(text) if t[1] == "TIME"] == []


def test_clock_time_after_noon_is_not_split() -> None:
    text = "وفي تمام الساعة الثانية بعد الظهر وصل الوفد أمس"
    assert [t[0] for t in _t(text)] == ["الساعة الثانية بعد الظهر", "أمس"]


def test_age_as_ordinal_of_life_is_a_duration() -> None:
    # F8: ages are durations wherever written
    assert _t("ونقل المصاب وهو في الـ40 من العمر إلى المستشفى") == [("الـ40 من العمر", "DURATION", "P40Y")]
    assert _t("وتوفي الشاعر عن 80 من عمره") == [("80 من عمره", "DURATION", "P80Y")]
    assert _q("ونقل المصاب وهو في الـ40 من العمر إلى المستشفى") == []


# --------------------------------------------------------------------------- quantities


def test_dual_of_text_is_two() -> None:
    assert _q("وأقر المجلس نصين جديدين") == [(2.0, "نص")]


def test_real_estate_adjective_is_not_a_dual() -> None:
    assert _q("وعمل سنوات في مكتب عقاري صغير قرب السوق") == []


def test_youth_hostel_is_one_object() -> None:
    # F5: the compound noun names the thing
    assert _q("ويوجد في المنطقة 12 بيت شباب") == [(12.0, "بيت شباب")]
