"""Quantities and time: the rules added for the fresh real-news batch rn1400–rn1407.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-07-26"  # a Sunday

_q, _t = readers(DCT)


# --------------------------------------------------------------------------- quantities


def test_a_feminine_noun_in_waw_after_eleven_to_ninety_nine_is_the_counted_noun() -> None:
    """``45 وجبة``: its accusative is unwritten, so the و is the noun's own, not a conjunction."""
    assert _q("قدم المطعم 45 وجبة للعمال") == [("45", 45.0, None, "وجبة")]
    assert _q("عينت الوزارة 68 وكيلة") == [("68", 68.0, None, "وكيلة")]


def test_after_a_bracket_waw_still_opens_the_next_clause() -> None:
    """``(12) وإصابة (20)``: the first bracketed count has no noun of its own."""
    got = _q("أسفر الهجوم عن مقتل (12) وإصابة (20) من الجنود")
    assert ("20", 20.0, None, "جندي") in got
    assert all(obj != "إصابة" for *_, obj in got)


def test_broken_plurals_in_waw_name_their_singular() -> None:
    """``وكلاء``, ``وسطاء`` are plurals (plurals.tsv), not و + a word."""
    assert _q("نقلت الإدارة 9 وكلاء إلى مدارس أخرى") == [("9", 9.0, None, "وكيل")]
    assert _q("صرح أحد الوسطاء بأن المحادثات مستمرة") == [("أحد", 1.0, None, "وسيط")]


def test_the_two_mediators_refer_back() -> None:
    """Decision 7: ``الوسيطان`` names the mediators already named, no count."""
    assert _q("التقى الوسيطان بممثلي الحكومة") == []


# --------------------------------------------------------------------------- time


def test_a_comparison_with_a_forecast_is_no_future_cue() -> None:
    """``أفضل من المتوقع`` reports a result: the undated quarter is this year's, not next year's."""
    assert _t("جاءت عائدات المصرف خلال الربع الثاني أفضل من المتوقع") == [("الربع الثاني", "DATE", "2015-Q2")]
    assert _t("من المتوقع أن ترتفع الأرباح في الربع الأول") == [("الربع الأول", "DATE", "2016-Q1")]
