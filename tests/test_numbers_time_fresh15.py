"""Quantities and time: the rules added for the fresh real-news batch rn950–rn957.

An ordinary news mix, scored once held out and only then read. Every sentence here was
written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-07-23"  # a Thursday


_q, _t = readers(DCT)


# --------------------------------------------------------------------------- quantities


def test_an_accusative_before_a_preposition_is_no_construct_dual() -> None:
    assert _q("وعين الرئيس مدير المعهد وزيرا للشباب والرياضة خلفا لسلفه") == []
    assert _q("سمي الرجل سفيرا بالرياض والمنامة") == []
    # a construct dual names its two members without a preposition
    assert _q("تأهل منتخبا السعودية والكويت إلى النهائي") == [("منتخبا", 2.0, None, "منتخب")]


def test_cases_of_death_and_units_of_blood_are_compound_objects() -> None:
    assert _q("سجلت المستشفيات ثلاث حالات وفاة أمس") == [("ثلاث حالات وفاة", 3.0, None, "حالة وفاة")]
    assert _q("جمعت الحملة 300 وحدة دم من المتبرعين") == [("300 وحدة دم", 300.0, None, "وحدة دم")]


def test_two_after_or_counts_any_noun_before_it() -> None:
    assert _q("يحتاج الفريق إلى مهاجم أو اثنين قبل بدء الدوري") == [("اثنين", 2.0, None, "مهاجم")]
    assert _q("لم تعد القرية عائلة أو اثنتين") == [("اثنتين", 2.0, None, "عائلة")]


# --------------------------------------------------------------------------- time


def test_since_an_unwritten_count_is_a_duration() -> None:
    assert _t("يرقد اللاعب في المستشفى منذ عدة أسابيع") == [("منذ عدة أسابيع", "DURATION", "PXW")]
    assert _t("تعيش الأسرة في الحي منذ سنوات") == [("منذ سنوات", "DURATION", "PXY")]
    # a verb of beginning still places a start in time, and قبل stays a date
    assert _t("بدأت المفاوضات منذ عدة أشهر") == [("منذ عدة أشهر", "DATE", "PAST_REF")]
    assert _t("وصل الوفد قبل عدة أيام") == [("قبل عدة أيام", "DATE", "PAST_REF")]
