"""Quantities and time, batch rn1450-rn1457 (issue 12; docs/benchmarks/realnews_fresh.md). Every
sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-11"
_q, _t = readers(DCT)


def test_the_new_school_year_is_a_date_without_a_value() -> None:
    """``split_years.txt`` rows ``الدراسي الجديد`` …: the coming school year on its own, a DATE
    whose value the text does not fix (as ``العام الدراسي القادم``)."""
    assert _t("بدأت المدارس استعداداتها للعام الدراسي الجديد") == [("للعام الدراسي الجديد", "DATE", None)]
    assert _t("تسلم الطلاب الكتب قبل بدء السنة الدراسية الجديدة") == [("السنة الدراسية الجديدة", "DATE", None)]


def test_a_school_year_or_a_new_year_alone_stays_untagged() -> None:
    """Controls: ``العام الدراسي`` with no direction, and ``العام الجديد`` with no school word."""
    assert _t("يتكرر الازدحام كلما انطلق العام الدراسي في المدينة") == []
    assert _t("احتفل السكان بالعام الجديد في الساحة") == []


def test_duals_of_two_listed_nouns_count_two() -> None:
    """``plurals.tsv`` rows ``حصص``/``حصة`` and ``أركان``/``ركن``: their duals are counts."""
    assert _q("يؤدي المنتخب حصتي تدريب قبل السفر") == [("حصتي", 2.0, None, "حصة")]
    assert _q("تقوم الخطة على ركنين أساسيين هما التعليم والصحة") == [("ركنين", 2.0, None, "ركن")]


def test_my_share_is_no_dual() -> None:
    """Control: ``حصتي من`` is "my share", no construct dual before a preposition."""
    assert _q("قال التاجر إن حصتي من الأرباح لم تصل بعد") == []
