"""Quantities and time: the rules added for the fresh real-news batch rn1140–rn1147.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-07-21"  # a Tuesday

_q, _t = readers(DCT)


def test_the_unit_before_the_last_is_two_steps_back() -> None:
    """``relative_words.tsv`` ``قبل الماضي``: the week, month or year before the last one
    (before: missed, rn1140 ×3); the calendar-unit reader counts two steps."""
    got = _t("تراجعت المبيعات مقارنة بالأسبوع قبل الماضي، وكانت أعلى في الشهر قبل الماضي وفي العام قبل الماضي.")
    assert got == [
        ("الأسبوع قبل الماضي", "DATE", "2015-W28"),
        ("الشهر قبل الماضي", "DATE", "2015-05"),
        ("العام قبل الماضي", "DATE", "2013"),
    ]


def test_a_weekday_before_the_last_is_a_week_earlier() -> None:
    """``_h_weekday``: ``الأحد قبل الماضي`` is the Sunday a week before the last one;
    ``الأحد الماضي`` stays the last one."""
    assert _t("عقد الاجتماع يوم الأحد قبل الماضي.") == [("يوم الأحد قبل الماضي", "DATE", "2015-07-12")]
    assert _t("عقد الاجتماع يوم الأحد الماضي.") == [("يوم الأحد الماضي", "DATE", "2015-07-19")]


def test_a_plural_before_the_last_is_still_past() -> None:
    """``_h_rel_unit``: a plural with a step of two is a vague past, not an error."""
    assert _t("تحسنت الأسعار خلال الأيام قبل الماضية.") == [("الأيام قبل الماضية", "DATE", "PAST_REF")]


def test_since_a_count_and_a_half_keeps_the_half() -> None:
    """``passes._count`` and the ``ago`` pattern: ``منذ عامين ونصف العام`` is P2.5Y with the
    repeated unit in its span (before: P2Y over ``منذ عامين ونصف``, rn1143)."""
    assert _t("تتواصل المفاوضات منذ عامين ونصف العام.") == [("منذ عامين ونصف العام", "DURATION", "P2.5Y")]
    assert _t("يعمل في الشركة منذ ثلاث سنوات ونصف.") == [("منذ ثلاث سنوات ونصف", "DURATION", "P3.5Y")]


def test_recently_after_issued_or_promoted() -> None:
    """``vague_needs_before.tsv``: ``حديثا`` after ``صدر`` or a definite ``الصاعد``/``الصادر`` is
    recently (before: missed, rn1140, rn334); after ``أجرى`` it is still an interview."""
    assert _t("وأشار تقرير صدر حديثا إلى نمو القطاع.") == [("حديثا", "DATE", "PAST_REF")]
    assert _t("يواجه الفريق الصاعد حديثاً إلى الدوري الممتاز خصما قويا.") == [("حديثاً", "DATE", "PAST_REF")]
    assert _t("وأجرى الوزير حديثا مع التلفزيون.") == []


def test_thousand_with_tanween_is_one_thousand() -> None:
    """``numbers`` dual-construct reading: ``ألفاً`` (fathatan) is an indefinite 1000, only a
    bare ``ألفا`` before its noun is the dual 2000 (before: 2000, rn1141)."""
    assert [(m, v) for m, v, _, _ in _q("تجاوز عدد المتطوعين ألفاً في اليوم الأول.")] == [("ألفاً", 1000.0)]
    assert [(m, v, o) for m, v, _, o in _q("وصل ألفا زائر إلى المعرض.")] == [("ألفا", 2000.0, "زائر")]
