"""Quantities and time: the rules added for the fresh real-news batch rn548–rn555.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-06"  # a Thursday

_q, _t = readers(DCT)


def test_clock_time_with_the_wire_decimal_comma() -> None:
    """``الساعة 30ر07 بتوقيت جرينتش`` (patterns.tsv ``clock_tz``): wire copy writes minutes, ``ر``,
    hour, as it writes ``8ر4`` for 4.8; the four-digit form is read as before."""
    assert _t("صعد الخام إلى 51 دولارا بحلول الساعة 30ر07 بتوقيت جرينتش اليوم.") == [
        ("الساعة 30ر07 بتوقيت جرينتش اليوم", "TIME", "2015-08-06T07:30")
    ]
    assert _t("تراجع الخام بحلول الساعة 1406 بتوقيت جرينتش اليوم.") == [
        ("الساعة 1406 بتوقيت جرينتش اليوم", "TIME", "2015-08-06T14:06")
    ]
    assert _q("صعد الخام بحلول الساعة 30ر07 بتوقيت جرينتش.") == []


def test_an_anniversary_number_is_no_count() -> None:
    """``بالذكرى السبعين`` (skip_before.txt ``الذكرى``, also for a definite number word read
    without a number: ``engine._wordless``): which anniversary, not seventy celebrations; a
    count after the same word with its noun is still one."""
    assert _q("شارك الرئيس في احتفالات بلاده بالذكرى السبعين لانتهاء الحرب.") == []
    assert _q("حضر الوزير فعاليات الذكرى الخمسين لتأسيس الجامعة.") == []
    assert _q("أحيت المدينة ذكرى سبعين شهيدا سقطوا في المعركة.") == [("سبعين شهيدا", 70.0, None, "شهيد")]
    assert _q("شاركت الدول الست في الاجتماع.") == [("ست", 6.0, None, "دولة")]


def test_an_accusative_unit_word_before_a_unit() -> None:
    """``واحدا بالمئة`` (numbers.accusative_unit): a unit word with its tanween alef counts before a
    listed unit; after a noun or before ``من`` (one of …) it is left alone."""
    assert _q("سجل المؤشر مكاسب بلغت واحدا بالمئة في الجلسة.") == [("واحدا بالمئة", 1.0, None, "%")]
    assert _q("ارتفعت الأسعار خمسا في المئة.") == [("خمسا في المئة", 5.0, None, "%")]
    assert _q("أصبح اللاعب واحدا من أبرز المهاجمين.") == []
    assert _q("سجل الفريق هدفا واحدا.") == []
