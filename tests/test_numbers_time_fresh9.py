"""Quantities and time: the rules added for the fresh real-news batch rn840–rn847.

An ordinary news mix, scored once held out and only then read. Every sentence here was
written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-04"  # a Tuesday


_q, _t = readers(DCT)



# --------------------------------------------------------------------------- quantities


def test_a_bare_range_with_its_unit_after_the_second_end() -> None:
    assert _q("يتوقع المحللون أن ترتفع الأجور بنسبة 3 إلى 4.5 في المائة") == [
        ("3 إلى 4.5 في المائة", 3.0, 4.5, "%")
    ]
    assert _q("يدفع الزائر 40 إلى 60 ريالا للساعة") == [("40 إلى 60", 40.0, 60.0, "ريال")]


def test_a_year_before_to_opens_no_bare_range() -> None:
    got = _q("تراجعت الودائع 2010 إلى 640 مليون ريال")
    assert [g[:3] for g in got] == [("640 مليون", 640000000.0, None)]


def test_a_range_whose_second_end_is_a_duration_counts_nothing() -> None:
    assert _q("سيكتمل المشروع خلال أربعة إلى خمسة أشهر") == []


def test_one_of_a_listed_broken_plural() -> None:
    assert _q("تعلم الشاب إحدى المهن اليدوية") == [("إحدى", 1.0, None, "مهنة")]
    assert _q("وجد العمال الصخرة في أحد محاجر المنطقة") == [("أحد", 1.0, None, "محجر")]


def test_the_two_companies_refer_back_and_their_adjective_too() -> None:
    text = "وقعت شركة النور وشركة الأمل اتفاقا يعزز قدرة الشركتين المتعاقدتين على التوسع"
    assert [g[3] for g in _q(text)] == []


def test_my_before_a_preposition_is_no_construct_dual() -> None:
    assert _q("أحب ممارسة هوايتي في أوقات الفراغ") == []
    assert _q("زار الوزير محافظتي الخرج والدلم") == [("محافظتي", 2.0, None, "محافظة")]
    assert _q("شارك باحثون من جامعتي أم القرى والملك سعود") == [("جامعتي", 2.0, None, "جامعة")]


def test_contracts_in_digits_are_counted_not_decades() -> None:
    assert _q("وقعت الوزارة 38 عقدا لصيانة الطرق") == [("38 عقدا", 38.0, None, "عقد")]
    assert _t("وقعت الوزارة 38 عقدا لصيانة الطرق") == []
    assert _t("عمل في السلك الدبلوماسي قرابة 3 عقود") == [("قرابة 3 عقود", "DURATION", "P30Y")]


# --------------------------------------------------------------------------- time


def test_a_quoted_number_before_its_unit_is_a_duration() -> None:
    assert _t("رحيل الشاعر عن «74» عاما") == [("«74» عاما", "DURATION", "P74Y")]
    assert _q("رحيل الشاعر عن «74» عاما") == []
    assert _t("يعود عمر الصخور إلى «300» مليون سنة") == [("«300» مليون سنة", "DURATION", "P300000000Y")]


def test_a_definite_number_with_a_scale_before_its_unit() -> None:
    assert _t("يتجاوز عمر الحفرية الـ300 مليون عام") == [("الـ300 مليون عام", "DURATION", "P300000000Y")]


def test_a_year_joined_by_and_after_a_bracketed_aside() -> None:
    assert _t("يرتفع الإنفاق في عام 2016 (3 في المائة) و2017 (4 في المائة)") == [
        ("عام 2016", "DATE", "2016"),
        ("2017", "DATE", "2017"),
    ]
    assert _t("أقيمت البطولة في 2010 و2014 في البرازيل") == [
        ("2010", "DATE", "2010"),
        ("2014", "DATE", "2014"),
    ]


def test_an_aside_alone_links_no_year() -> None:
    assert ("2017", "DATE", "2017") not in _t("بلغ الإنفاق في عام 2016 (3 في المائة) 2017 مليون ريال")


def test_in_old_times_is_the_past() -> None:
    assert _t("كان الأهالي يصنعون السلال من سعف النخيل قديما") == [("قديما", "DATE", "PAST_REF")]
    assert _t("اشترى التاجر منزلا قديما في الحي") == []
    assert _t("لا يهم إن كان الجهاز جديدا أو قديما") == []
