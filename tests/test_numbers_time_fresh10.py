"""Quantities and time: the rules added for the fresh real-news batch rn870–rn877.

An ordinary news mix, scored once held out and only then read. Every sentence here was
written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-04"  # a Tuesday


_q, _t = readers(DCT)



# --------------------------------------------------------------------------- quantities


def test_mabayn_in_one_word_opens_a_range_written_high_to_low() -> None:
    assert _q("تراوحت المكاسب مابين 6.15% إلى 1.08% في جلسة الأحد") == [
        ("مابين 6.15% إلى 1.08%", 1.08, 6.15, "%")
    ]
    assert _q("يدفع الزائر مابين 20 و35 ريالا") == [("مابين 20 و35", 20.0, 35.0, "ريال")]


def test_plurals_of_suburbs_and_leaders() -> None:
    assert _q("افتتح المتحف في إحدى ضواحي العاصمة") == [("إحدى", 1.0, None, "ضاحية")]
    assert _q("اعتقلت الشرطة أحد قيادات الحزب") == [("أحد", 1.0, None, "قيادي")]


def test_a_definite_number_after_a_plural_and_its_adjective() -> None:
    assert _q("جلس المفاوضون مع القوى الكبرى ثم مع القوى الدولية الست في فيينا") == [
        ("ست", 6.0, None, "قوة")
    ]
    assert _q("اجتمع وزراء الدول العربية الخمس في القاهرة") == [("خمس", 5.0, None, "دولة")]


def test_no_count_through_an_adjective_to_a_guessed_singular() -> None:
    assert _q("زادت الأرباح خلال السنوات المالية الثلاث الماضية") == []


def test_the_edition_of_a_gulf_cup_is_no_count() -> None:
    assert _q("أعلن الاتحاد تأجيل بطولة (خليجي 24) لمدة عام") == []


def test_a_number_glued_after_a_word_is_counted_when_its_object_follows() -> None:
    assert _q("وزعت الجمعية الهدايا وبلغ عدد المستفيدين300 طفل") == [("300", 300.0, None, "طفل")]
    assert _q("تلقت الغرفة أمس45 بلاغا") == [("45", 45.0, None, "بلاغ")]


def test_a_digit_glued_to_a_name_stays_with_it() -> None:
    assert _q("جذب مشروع جازان2 استثمارات كبيرة") == []


# --------------------------------------------------------------------------- time


def test_a_bare_plural_of_years_before_min_is_a_stretch_of_them() -> None:
    assert _t("أنهى الاتفاق عقودا من القطيعة بين البلدين") == [("عقودا", "DURATION", "PXDE")]
    assert _t("احتاج المشروع لسنوات من التخطيط") == [("سنوات", "DURATION", "PXY")]


def test_shorter_units_and_subcontracts_are_no_stretch() -> None:
    assert _t("يتدرب الفريق أيام من الأسبوع") == []
    assert _t("وقعت الشركة عقود من الباطن مع موردين") == []


def test_decades_of_unknown_count_keep_the_timeml_decade_unit() -> None:
    assert _t("ظلت القرية معزولة على مدى عقود") == [("عقود", "DURATION", "PXDE")]


def test_the_first_end_of_a_range_of_durations_in_words() -> None:
    assert _t("قضت المحكمة بالسجن بين خمس و15 سنة على المدانين") == [
        ("خمس", "DURATION", "P5Y"),
        ("15 سنة", "DURATION", "P15Y"),
    ]


def test_a_revolution_named_by_its_date_keeps_its_year() -> None:
    assert _t("تحدث الكاتب عن مصر بعد ثورة 25 يناير") == [("25 يناير", "DATE", "2011-01-25")]
    assert _t("أشاد الوزير بدور لثورتي 25 يناير و30 يونيو") == [
        ("25 يناير", "DATE", "2011-01-25"),
        ("30 يونيو", "DATE", "2013-06-30"),
    ]
    assert _t("تغير العالم بعد أحداث 11 سبتمبر") == [("11 سبتمبر", "DATE", "2001-09-11")]


def test_an_unnamed_day_and_month_keep_the_nearest_year() -> None:
    assert _t("أعلنت الوزارة النتائج في 30 يونيو") == [("30 يونيو", "DATE", "2015-06-30")]
