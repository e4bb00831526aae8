"""Quantities and time: the rules added for the fresh real-news batch rn700–rn711.

An ordinary news mix, scored once held out and only then read. Every sentence here was
written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import counts, timexes

DCT = "2015-07-22"  # a Wednesday


def _q(text: str, dct: str = DCT) -> list[tuple[float | None, float | None, str | None, str | None]]:
    """(value, value_max, mod, object) of every count, read after the time tagger."""
    return [(q.value, q.value_max, q.mod, q.object) for q in counts(text, dct)]


def _t(text: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    return timexes(text, dct)


# --------------------------------------------------------------------------- quantities


def test_a_range_with_its_unit_written_after_both_ends() -> None:
    assert _q("فرضت المحكمة غرامات تراوحت بين خمسين ألف ريال ومليوني ريال على المتهمين") == [
        (50000.0, 2000000.0, "RANGE", "ريال")
    ]


def test_two_amounts_of_different_units_are_no_range() -> None:
    assert _q("دفع بين 4 دولارات و9 دنانير") == [(4.0, None, None, "دولار"), (9.0, None, None, "دينار")]


def test_a_unit_of_two_letters_glued_to_its_number() -> None:
    assert _q("يمتد الطريق الجديد على طول 85كم داخل الصحراء") == [(85.0, None, None, "كيلومتر")]


def test_a_scaled_sum_without_its_unit_takes_the_last_currency() -> None:
    got = _q("اشترت الشركة الأرض بمبلغ 9 ملايين درهم، وسيدفع الباقي وقدره 3 ملايين ونصف يتسلمها البائع لاحقا")
    assert got == [(9000000.0, None, None, "درهم"), (3500000.0, None, None, "درهم")]


def test_a_preposition_glued_to_the_word_after_a_scale_is_no_object() -> None:
    assert _q("رصدت الوزارة 40 مليون يورو ثم 12 مليونا لتطوير المدارس") == [
        (40000000.0, None, None, "يورو"),
        (12000000.0, None, None, "يورو"),
    ]


def test_a_listed_currency_in_ya_is_still_the_object() -> None:
    assert _q("بلغت الخسائر 6 ملايين ين") == [(6000000.0, None, None, "ين")]


def test_a_group_after_at_least_names_the_counted() -> None:
    assert _q("أسفرت المواجهات عن مقتل 315 على الأقل من تنظيم داعش") == [(315.0, None, "AT_LEAST", "مسلح")]


# --------------------------------------------------------------------------- time


def test_few_days_is_an_unknown_count_of_days() -> None:
    assert _t("يصل المدرب قبل انطلاق البطولة بأيام قليلة") == [("أيام قليلة", "DURATION", "PXD")]


def test_a_bare_plural_unit_after_a_cue_of_extent() -> None:
    assert _t("حافظ المهرجان على مدى سنوات على جمهوره") == [("سنوات", "DURATION", "PXY")]


def test_a_plural_unit_in_construct_is_no_vague_duration() -> None:
    assert ("أيام", "DURATION", "PXD") not in _t("يعرض البرنامج خلال أيام شهر رمضان")


def test_these_two_days_are_the_present() -> None:
    assert _t("تشهد الجبهة هدوءا حذرا هذين اليومين") == [("هذين اليومين", "DATE", "PRESENT_REF")]


def test_the_days_of_the_feast_are_its_first_day() -> None:
    assert _t("ازدحمت الحدائق طوال أيام العيد بالزوار") == [("أيام العيد", "DATE", "2015-07-17")]


def test_a_year_a_few_words_after_the_noun_it_names() -> None:
    assert _t("تنسجم المبادرة مع رؤية المملكة العربية 2030 في التعليم") == [("2030", "DATE", "2030")]


def test_a_definite_part_of_the_day_takes_the_day_named_before() -> None:
    got = _t("تدرب المنتخب أمس في ملعب الجامعة. وعاد اللاعبون إلى الفندق في المساء لتناول العشاء")
    assert got == [("أمس", "DATE", "2015-07-21"), ("المساء", "TIME", "2015-07-21TEV")]


def test_since_the_morning_keeps_its_cue() -> None:
    got = _t("ازدانت الشوارع يوم الجمعة الماضي بالأعلام منذ الصباح")
    assert got == [("يوم الجمعة الماضي", "DATE", "2015-07-17"), ("منذ الصباح", "TIME", "2015-07-17TMO")]
