"""Quantities and time, batch rn1480-rn1487 (issue 12; docs/benchmarks/realnews_fresh.md). Every
sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-04"
_q, _t = readers(DCT)


def test_school_heads_are_one_compound_object() -> None:
    """``objects.tsv`` rows ``قائد مدرسة``/``قائدة مدرسة``: a head of a school is counted with the
    school (F5), after the number and after ``من`` with the definite plural."""
    assert _q("قررت الإدارة نقل 45 قائد مدرسة إلى مدن أخرى") == [("45 قائد مدرسة", 45.0, None, "قائد مدرسة")]
    assert _q("أنهت الوزارة تكليف 4 من قائدات المدارس") == [("4 من قائدات المدارس", 4.0, None, "قائدة مدرسة")]
    assert _q("اجتمع الوكيل مع 7 من قادة المدارس") == [("7 من قادة المدارس", 7.0, None, "قائد مدرسة")]


def test_relief_organisations_and_tv_stations_are_compound_objects() -> None:
    """``objects.tsv`` rows ``منظمة إغاثة`` and ``محطة تلفزيون``, also through ``إحدى`` + plural."""
    assert _q("يشارك في الحملة 12 منظمة إغاثة من دول مختلفة") == [
        ("12 منظمة إغاثة", 12.0, None, "منظمة إغاثة")
    ]
    assert _q("صرح الوزير لإحدى محطات التلفزيون المحلية") == [("إحدى", 1.0, None, "محطة تلفزيون")]


def test_a_head_or_an_organisation_alone_keeps_its_own_object() -> None:
    """Controls: without the second noun the object stays the single word."""
    assert _q("يضم التحالف 12 منظمة دولية") == [("12", 12.0, None, "منظمة")]
    assert _q("حضر الاجتماع ثلاثة من قادة الفرق") == [("ثلاثة", 3.0, None, "قائد")]


def test_the_adjective_individual_is_no_dual() -> None:
    """``not_duals.txt`` row ``فردي``: "an individual decision/effort", not "the two members of"."""
    assert _q("جاء الهدف الأول من مجهود فردي للجناح") == []
    assert _q("انتقد المدرب التأجيل بقرار فردي والاستضافة بقرار فردي.") == []


def test_a_listed_dual_of_members_still_counts_two() -> None:
    """Control: the nominative dual ``فردان`` of the same noun is still two (not listed as no dual)."""
    assert _q("أصيب فردان من أفراد الدورية في الحادث") == [("فردان", 2.0, None, "فرد")]
