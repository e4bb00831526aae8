"""Quantities and time: the rules added for the fresh real-news batch rn940–rn947.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-10"  # a Monday

_q, _t = readers(DCT)


# --------------------------------------------------------------------------- quantities


def test_one_after_a_noun_and_its_nisba_counts_the_noun() -> None:
    # واحدة after a feminine noun and its nisba adjective counts the noun (F5), not the adjective
    assert [g[1:] for g in _q("قررت الحكومة وضع المستشفيات تحت إدارة مركزية واحدة")] == [(1.0, None, "إدارة")]
    assert [g[3] for g in _q("عقد الاجتماع في قاعة جانبية واحدة")] == ["قاعة"]
    # a noun with no adjective keeps working
    assert [g[3] for g in _q("سجل الفريق هدفا في مباراة واحدة")] == ["مباراة"]


def test_a_multiple_is_no_count() -> None:
    # "twice / three times as much" is a ratio, not an amount of something (U4)
    assert _q("ارتفعت مبيعات الشركة بأكثر من الضعفين خلال العام") == []
    assert _q("زادت أرباح المصرف ثلاثة أضعاف") == []
    assert _q("قفزت أسعار الحديد بنحو أربعة أمثالها") == []
    assert [g[1:] for g in _q("قتل ثلاثة أشخاص وأصيب شخصان")] == [(3.0, None, "شخص"), (2.0, None, "شخص")]


def test_a_label_word_before_a_counted_tamyiz_is_no_name() -> None:
    # البطولة 13 is an edition (skip_before.txt); البطولة 12 منتخبا counts the teams
    assert [g[1:] for g in _q("يشارك في البطولة 12 منتخبا من آسيا")] == [(12.0, None, "منتخب")]
    assert [g[1:] for g in _q("يشارك في البطولة 16فريقا من آسيا")] == [(16.0, None, "فريق")]
    assert _q("انطلقت البطولة 13 في الدوحة") == []


def test_a_misspelt_kilometre() -> None:
    assert [g[1:] for g in _q("قطع الدراج 45 كليومترا في المرحلة")] == [(45.0, None, "كيلومتر")]


# --------------------------------------------------------------------------- time


def test_a_hijri_year_that_ends_in_the_next_gregorian_year_is_null() -> None:
    # 1428 AH runs from January 2007 into January 2008: two Gregorian years (decision 13)
    assert ("1428هـ", "DATE", None) in _t("اعتمدت الشهادة منذ ثماني سنوات (1428هـ) للتوظيف")
    # 1429 AH lies wholly inside 2008
    assert ("1429هـ", "DATE", "2008") in _t("صدر النظام عام (1429هـ) وما زال ساريا")


def test_a_clock_time_with_a_dot_after_saa() -> None:
    # الساعة 3.20 دقيقة: hour and minutes split by a dot, as military statements write them
    assert _t("وقع الانفجار في تمام الساعة 3.20 دقيقة عصر الخميس") == [
        ("الساعة 3.20 دقيقة عصر الخميس", "TIME", "2015-08-06T15:20")
    ]
    assert ("الساعة 9.45 صباح اليوم", "TIME", "2015-08-10T09:45") in _t("بدأ الهجوم الساعة 9.45 صباح اليوم")
    # a decimal with no الساعة before it is still an amount
    assert _t("ارتفع المؤشر 1.25 نقطة") == []
