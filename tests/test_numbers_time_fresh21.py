"""Quantities and time: the rules added for the fresh real-news batch rn412–rn419.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-11"  # a Tuesday


_q, _t = readers(DCT)


def test_a_construct_dual_of_a_compound_counts_two() -> None:
    """``ضابطا شرطة``, ``رجلي دفاع مدني``: the dual of a compound object (objects.tsv) is two
    of it; the singular compound counts nothing."""
    assert _q("أصيب ضابطا شرطة في الحادث.") == [("ضابطا شرطة", 2.0, None, "ضابط شرطة")]
    assert _q("نقل المسعفون رجلي دفاع مدني إلى المستشفى.") == [("رجلي دفاع مدني", 2.0, None, "رجل دفاع مدني")]
    assert _q("أصيب ضابط شرطة في الحادث.") == []


def test_data_units_are_their_own_object() -> None:
    """``جيجا بايت``, ``ميجابايت``: a unit of data is the counted object, written split or joined."""
    assert _q("ارتفعت السعة إلى 640 جيجا بايت في الثانية.") == [("640 جيجا بايت", 640.0, None, "جيجا بايت")]
    assert _q("لا يتجاوز حجم الملف 20 ميجابايت.") == [("20 ميجابايت", 20.0, None, "ميجا بايت")]


def test_a_few_recent_weeks_are_a_vague_reference() -> None:
    """``الفترة القليلة الماضية/المقبلة``: like ``الفترة الماضية``, a vague reference time."""
    assert _t("تراجعت الأسعار خلال الفترة القليلة الماضية.") == [("الفترة القليلة الماضية", "DATE", "PAST_REF")]
    assert _t("ستعلن النتائج في الفترة القليلة المقبلة.") == [("الفترة القليلة المقبلة", "DATE", "FUTURE_REF")]


def test_a_political_camp_named_by_a_date_is_no_date() -> None:
    """``فريق (8 آذار)``, ``قوى 14 آذار``: a camp's name (names_before_dates.txt); a date written
    elsewhere, or with its year after a camp word, stays a date."""
    assert _t("رفض نواب فريق (8 آذار) المشروع وأيدته قوى 14 آذار.") == []
    assert _t("عقد الاجتماع في 8 آذار.") == [("8 آذار", "DATE", "2015-03-08")]
    assert _t("تأسس تحالف 14 آذار 2005 بعد الاغتيال.") == [("14 آذار 2005", "DATE", "2005-03-14")]
