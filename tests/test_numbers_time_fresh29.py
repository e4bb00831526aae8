"""Quantities and time: the rules added for the fresh real-news batch rn690–rn697.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-11"  # a Tuesday

_q, _t = readers(DCT)


def test_school_year_is_a_date_without_a_value() -> None:
    """``split_years.txt`` in ``rel_unit``: a school or university year runs over two calendar
    years, so ``العام الدراسي القادم`` is a DATE whose value the text does not fix (null), with
    its modifier; a plain ``العام القادم`` keeps its year."""
    assert _t("تصرف الميزانية للفصل الأول من العام الدراسي القادم.") == [
        ("العام الدراسي القادم", "DATE", None)
    ]
    assert _t("يفتتح المبنى مطلع العام الدراسي المقبل.") == [("مطلع العام الدراسي المقبل", "DATE", None)]
    assert _t("تنتهي الأعمال العام القادم.") == [("العام القادم", "DATE", "2016")]


def test_score_written_with_a_slash() -> None:
    """``skips._spaced_score``: ``2 / 1`` and ``صفر / 3`` with spaces are scores like ``2 - 1``,
    no counts; a count of goals next to them still is."""
    assert _q("فاز الفريق 2 / 1 بعد التمديد ثم خسر صفر / 3 في مباراته الثانية.") == []
    assert _q("خسر الفريق 1 / 3 وسجل مهاجمه هدفين.") == [("هدفين", 2.0, None, "هدف")]


def test_one_of_before_an_in_form_is_no_dual() -> None:
    """``open_duals.word_count``: after أحد/إحدى the -ين form is the plural it picks one from
    (``أحد المشتبهين``), not a dual of its own."""
    assert _q("عثر المحققون على الوثيقة في منزل أحد المشتبهين.") == [("أحد", 1.0, None, "مشتبه")]
    assert _q("وصل المشتبهان إلى المحكمة.") == [("المشتبهان", 2.0, None, "مشتبه")]


def test_others_after_a_noun_counted_without_a_number() -> None:
    """``groups.singular_before``: "N آخرين" after a known noun in the indefinite accusative in
    the same clause counts that noun (the others are gunmen too); with no such noun it stays
    ``شخص`` (``others.tsv``), and a count before it still wins."""
    assert _q("قتلت الشرطة مسلحا واعتقلت 7 آخرين في المدينة.") == [("7", 7.0, None, "مسلح")]
    assert _q("وقع الحادث صباحا، وأصيب 4 آخرون.") == [("4", 4.0, None, "شخص")]
    assert _q("أسرت القوات 20 متمردا وقتلت 5 آخرين.") == [
        ("20", 20.0, None, "متمرد"),
        ("5", 5.0, None, "متمرد"),
    ]


def test_construct_dual_after_kaf() -> None:
    """``open_duals.dual_forms``: a construct dual with a glued ك that names its two members
    (``كقطاعي الغاز والنفط``) is a count of two; after ك no other dual form is read
    (``كلاعبين``: like players), and ك stays part of words like ``كمية``."""
    assert _q("تعتمد البلاد على قطاعات منتجة كقطاعي الزراعة والصناعة.") == [("قطاعي", 2.0, None, "قطاع")]
    assert _q("يعمل أبناؤه كلاعبين في النادي.") == []
