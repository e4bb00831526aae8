"""Quantities: the rules added for the fresh real-news batch rn1230–rn1237.

docs/benchmarks/realnews_fresh.md ("Quantities and time, batch rn1230–rn1237") lists the
error classes. Every sentence here was written for these tests, and each test names the
rule it guards.
"""

from __future__ import annotations

from number_checks import value_objects

DCT = "2015-08-07"  # a Friday


def _q(text: str) -> list[tuple[float | None, str | None]]:
    return value_objects(text, DCT)


def test_a_label_number_after_an_adjective() -> None:
    # label_adjectives.txt: الرقم + مجاني/موحد + digits is the number dialled (rn1231)
    assert _q("وخصصت البلدية الرقم المجاني 19940 لتلقي البلاغات") == []
    assert _q("ويمكن الاتصال على الهاتف الموحد 1909 طوال اليوم") == []


def test_a_count_after_a_label_adjective_pattern_stays() -> None:
    # only the listed adjectives bridge: a count after another definite adjective stays a count
    assert _q("وسجلت الشركة في الربع الماضي 300 مليون ريال") == [(300000000.0, "ريال")]


def test_a_tier_and_banking_rules_are_labels() -> None:
    # names_before_digits.txt: فئة 1, بازل 3 (rn1234)
    assert _q("وأصدر المصرف سندات من الفئة 2 لدعم رأس ماله وفق معايير (بازل 3)") == []
    assert _q("وأصدر المصرف سندات بقيمة 500 مليون ريال") == [(500000000.0, "ريال")]


def test_the_kuwait_15_index_is_a_name() -> None:
    # skip_before.txt كويت: the index's number is its name (rn906, rn1235)
    assert _q("وارتفع مؤشر (كويت 15) بواقع 3.5 نقطة") == [(3.5, "نقطة")]


def test_qatari_riyal_is_one_object() -> None:
    # objects.tsv: ريال قطري as دينار كويتي (rn1235)
    assert _q("وبلغت قيمة التداول 240 مليون ريال قطري") == [(240000000.0, "ريال قطري")]


def test_rotation_is_no_dual() -> None:
    # not_duals.txt دوران: the verbal noun, not two roles (rn1236)
    assert _q("وتبدأ العجلة في الالتفاف والدوران حول محورها") == []


def test_the_nation_is_one() -> None:
    # same_one.txt وطن: a predicate واحد after it is no count (rn1236)
    assert _q("ويؤكد الناس أن الوطن واحد لا يتجزأ") == []
    assert _q("وزار الوفد مدينة واحدة فقط في جولته") == [(1.0, "مدينة")]


def test_a_tier_label_does_not_swallow_fihi() -> None:
    # فئة folds like فيه: only the definite الفئة is listed, so "فيه 12" still counts (rn049)
    assert _q("ووقع الحادث في مطعم أصيب فيه 14 شخصا") == [(14.0, "شخص")]
