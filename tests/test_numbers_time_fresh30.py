"""Quantities and time: the rules added for the fresh real-news batch rn730–rn737.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-04"  # a Tuesday

_q, _t = readers(DCT)


def test_list_of_amounts_takes_the_unit_written_last() -> None:
    """``engine._listed_with_unit`` and ``neighbours.share_forward``: a number after a definite
    noun opens a list joined by و whose last member carries the unit, so it is an amount of
    that unit, not a label's number (``الفرقة 30``), and each member takes the unit."""
    assert _q("نمت الصادرات في المملكة والكويت والإمارات 4.1 و3.7 و2.2 في المائة على الترتيب.") == [
        ("4.1", 4.1, None, "%"),
        ("3.7", 3.7, None, "%"),
        ("2.2 في المائة", 2.2, None, "%"),
    ]
    assert _q("انتقل اللاعب إلى الفرقة 30 في الجيش.") == []


def test_change_from_one_amount_to_another_shares_the_unit() -> None:
    """``neighbours.share_forward`` across a range word (``من 4.2 إلى 3.9 في المائة``): a
    change from one amount to the next, both of the unit written after the second."""
    assert _q("خفض البنك توقعاته للنمو من 4.2 إلى 3.9 في المائة.") == [
        ("4.2", 4.2, None, "%"),
        ("3.9 في المائة", 3.9, None, "%"),
    ]


def test_dual_after_a_weekday_is_a_count() -> None:
    """``skip_before.txt`` makes a number after a weekday a date part (``الخميس 20``); a
    noun's dual there is still a count (``الخميس بحافلتين``), a number word is not."""
    assert _q("تنطلق القافلة يوم الخميس بحافلتين إلى المدينة.") == [("حافلتين", 2.0, None, "حافلة")]


def test_bare_month_takes_the_year_named_before_it() -> None:
    """``handlers._year_before``: a month written without a year in a sentence that named a
    year before it (``العام الماضي``, ``عام 2013``) is that year's month; in the next
    sentence, or with a future cue, the month is read against the DCT again."""
    assert _t("غمرت السيول القرى العام الماضي واستمرت من مطلع يونيو حتى نهاية سبتمبر.") == [
        ("العام الماضي", "DATE", "2014"),
        ("مطلع يونيو", "DATE", "2014-06"),
        ("نهاية سبتمبر", "DATE", "2014-09"),
    ]
    assert _t("افتتح المصنع في عام 2013 وبدأ الإنتاج في مارس.")[-1] == ("مارس", "DATE", "2013-03")
    assert _t("تراجعت المبيعات العام الماضي. وفي يونيو عادت إلى النمو.")[-1] == ("يونيو", "DATE", "2015-06")
