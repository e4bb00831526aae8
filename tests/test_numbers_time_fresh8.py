"""Quantities and time: the rules added for the fresh real-news batch rn780–rn791.

An ordinary news mix, scored once held out and only then read. Every sentence here was
written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import counts, timexes

DCT = "2015-08-04"  # a Tuesday


def _q(text: str, dct: str = DCT) -> list[tuple[str, float | None, str | None, str | None]]:
    """(span, value, mod, object) of every count, read after the time tagger."""
    return [(text[q.start : q.end], q.value, q.mod, q.object) for q in counts(text, dct)]


def _t(text: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    return timexes(text, dct)


# --------------------------------------------------------------------------- time


def test_a_day_with_both_month_names_is_one_date() -> None:
    assert _t("تراجع المؤشر إلى أدنى مستوى منذ 12 فبراير شباط الماضي") == [
        ("12 فبراير شباط الماضي", "DATE", "2015-02-12")
    ]
    assert _t("ارتفعت المبيعات في مايو أيار بنسبة قليلة") == [("مايو أيار", "DATE", "2015-05")]


def test_a_bare_day_joined_by_and_to_a_date_is_a_date_of_its_own() -> None:
    assert _t("أرجئت الجلستان إلى 8 و9 أكتوبر المقبل في القاهرة") == [
        ("8", "DATE", "2015-10-08"),
        ("9 أكتوبر المقبل", "DATE", "2015-10-09"),
    ]


def test_a_larger_first_number_is_no_day_of_the_pair() -> None:
    assert _t("وصل 40 و9 أكتوبر المقبل موعد الحفل") == [("9 أكتوبر المقبل", "DATE", "2015-10-09")]


def test_after_noon_before_a_day_is_the_afternoon() -> None:
    assert _t("التقى الوفدان بعد ظهر اليوم الثلاثاء في الفندق") == [
        ("بعد ظهر اليوم الثلاثاء", "TIME", "2015-08-04TAF")
    ]


def test_two_years_with_a_slash_are_one_season() -> None:
    assert _t("تنطلق بطولة الموسم المقبل 2016 /2017 في سبتمبر 2016") == [
        ("2016 /2017", "DATE", None),
        ("سبتمبر 2016", "DATE", "2016-09"),
    ]


def test_the_verb_touched_is_no_yesterday() -> None:
    assert _t("بعدما لامس الذهب قمة جديدة عاد إلى الهبوط") == []


# --------------------------------------------------------------------------- quantities


def test_a_broken_plural_of_name_counts_names() -> None:
    assert _q("ظهرت أربعة أسماء جديدة في القائمة") == [("أربعة", 4.0, None, "اسم")]


def test_kilo_alone_is_a_kilogram() -> None:
    assert _q("خسر الملاكم 7 كيلو قبل النزال") == [("7 كيلو", 7.0, None, "كيلوجرام")]


def test_a_dual_before_a_pronoun_counts_two() -> None:
    assert _q("حضر الأمير الحفل برفقة نجليه") == [("نجليه", 2.0, None, "نجل")]
    assert _q("نقلت الشركة معسكريها إلى الشمال") == [("معسكريها", 2.0, None, "معسكر")]


def test_no_pronoun_dual_for_their_two_owners_a_body_or_a_feminine_ending() -> None:
    assert _q("أكمل الحارسان معسكريهما في الخارج") == []
    assert _q("رفع الصقر جناحيه فوق الوادي") == []
    assert _q("تلقت الشركة شهادة عالمية في الجودة") == []


def test_a_nominative_construct_dual_before_two_members_counts_two() -> None:
    assert _q("تحدث مدربا الأهلي والزمالك عن النهائي") == [("مدربا", 2.0, None, "مدرب")]
    assert _q("عين النادي مدربا للفريق الأول") == []
