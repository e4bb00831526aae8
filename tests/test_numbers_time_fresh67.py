"""Glued grouped numbers and day ranges joined by ``وحتى`` (issue 12; docs/benchmarks/realnews_fresh.md).
Every sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-04"
_q, _t = readers(DCT)


def test_a_grouped_number_glued_to_the_word_before_is_read_whole() -> None:
    """``quantities/numbers.unglue`` with ``_grouped_end``: the tokenizer cuts ``التشغيلية1,901``
    into ``التشغيلية1`` ``,`` ``901``; the word is split off and the whole number read, its unit
    being the word after the groups."""
    assert _q("وبلغت أرباح الشركة التشغيلية1,901 مليون ريال في الربع الثاني.") == [
        ("1,901 مليون", 1901000000.0, None, "ريال")
    ]
    assert _q("بلغ عدد المستفيدين1,250 طالبا من المدارس.") == [("1,250", 1250.0, None, "طالب")]
    assert _q("وسجلت المبيعات الإجمالية2.75 مليار ريال.") == [("2.75 مليار", 2750000000.0, None, "ريال")]


def test_a_spaced_number_and_a_glued_name_are_unchanged() -> None:
    """Controls: the spaced number reads the same; a glued number with no unit or counted noun
    after it (a model's name) is not split off its word."""
    assert _q("وبلغت أرباح الشركة التشغيلية 1,901 مليون ريال في الربع الثاني.") == [
        ("1,901 مليون", 1901000000.0, None, "ريال")
    ]
    assert _q("عرضت الشركة سيارة سوناتا2 في المعرض.") == []


def test_a_day_range_joined_by_a_join_dates_word_dates_its_first_day() -> None:
    """``time/base.DAY_RANGE`` reads the ``join_dates`` words of ``range_words.tsv`` (``وحتى``,
    ``لغاية``): the bare first day takes the month of the second, as with ``إلى``."""
    assert _t("تقام الدورة التدريبية من 10 وحتى 14 ذي القعدة المقبل.") == [
        ("10", "DATE", "2015-08-25"),
        ("14 ذي القعدة المقبل", "DATE", "2015-08-29"),
    ]
    assert _t("يستمر المعرض من 12 وحتى 18 أغسطس الجاري.") == [
        ("12", "DATE", "2015-08-12"),
        ("18 أغسطس الجاري", "DATE", "2015-08-18"),
    ]
    assert _t("يستقبل المركز الطلبات من 5 لغاية 9 سبتمبر المقبل.") == [
        ("5", "DATE", "2015-09-05"),
        ("9 سبتمبر المقبل", "DATE", "2015-09-09"),
    ]
    assert _q("يستمر المعرض من 12 وحتى 18 أغسطس الجاري.") == []


def test_a_range_of_counts_joined_by_hatta_is_no_date() -> None:
    """Control: with no date after the second number, the two numbers stay counts."""
    assert _t("يتراوح عدد المشاركين من 12 وحتى 18 لاعبا.") == []
    assert _t("يستمر المعرض من 12 إلى 18 أغسطس الجاري.") == [
        ("12", "DATE", "2015-08-12"),
        ("18 أغسطس الجاري", "DATE", "2015-08-18"),
    ]
