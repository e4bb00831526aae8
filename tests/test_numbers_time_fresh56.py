"""Quantities and time: the rules added for the fresh real-news batch rn1380–rn1387.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-09"  # a Sunday

_q, _t = readers(DCT)


# --------------------------------------------------------------------------- quantities


def test_abbreviated_centimetres_and_millimetres_take_the_full_lemma() -> None:
    """F5: an abbreviated unit takes its full lemma (``سم`` → سنتيمتر, as ``كجم`` → كيلوجرام)."""
    assert _q("يبلغ طول الشتلة 45 سم ووزنها 3 كجم") == [
        ("45 سم", 45.0, None, "سنتيمتر"),
        ("3 كجم", 3.0, None, "كيلوجرام"),
    ]
    assert _q("سجلت المحطة أمطارا بلغت 12 ملم") == [("12 ملم", 12.0, None, "مليمتر")]


# --------------------------------------------------------------------------- time


def test_a_plural_unit_with_an_adjective_of_extent_is_an_unknown_count() -> None:
    """``سنوات عديدة``, ``ساعات طويلة`` are durations of an unwritten count, as ``أيام قليلة``."""
    assert _t("عمل المهندس في الشركة لسنوات عديدة") == [("سنوات عديدة", "DURATION", "PXY")]
    assert _t("انتظر المسافرون ساعات طويلة في المطار") == [("ساعات طويلة", "DURATION", "PTXH")]


def test_ago_with_an_unknown_count_and_its_adjective_is_a_vague_date() -> None:
    """``قبل سنوات طويلة`` is PAST_REF like ``قبل سنوات``: the adjective does not make it a duration."""
    assert _t("بنيت القلعة قبل سنوات طويلة") == [("قبل سنوات طويلة", "DATE", "PAST_REF")]
    assert _t("انتقل الطبيب إلى المدينة قبل أيام قليلة") == [("قبل أيام قليلة", "DATE", "PAST_REF")]
    assert _t("ستفتتح المكتبة بعد أسابيع قليلة") == [("بعد أسابيع قليلة", "DATE", "FUTURE_REF")]
