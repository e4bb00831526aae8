"""Quantities and time: the rules added for the fresh real-news batch rn1110–rn1117.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-07-26"  # a Sunday

_q, _t = readers(DCT)


def test_a_percent_sign_before_its_digits_is_their_unit() -> None:
    """``engine._percent_before``: ``%3.5`` (the sign left before the digits by a change of
    writing direction) is 3.5 ``%``, not a count of the noun after it (before: ``هدف``, rn1110);
    a sign that closes an earlier number still belongs to that one."""
    got = _q("يرى الخبراء أن %3.5 هدفا أفضل، وتقل النفقات عن %1 من الدخل، وارتفع المؤشر 20%30 نقطة.")
    assert [(m, v, o) for m, v, _, o in got] == [
        ("%3.5", 3.5, "%"),
        ("%1", 1.0, "%"),
        ("20%", 20.0, "%"),
        ("30", 30.0, "نقطة"),
    ]


def test_kaf_after_wa_is_no_hundred() -> None:
    """``numbers._lookup``: ``وكمية`` is و + ``كمية`` (an amount), not و + ك + ``مية`` (100), as
    ``كمية`` alone already was (before: a spurious 100, rn1113); ``ومية`` is still 100."""
    assert _q("يتغير الطعم بحسب الحرارة وكمية الماء المستخدم.") == []
    assert [(m, v, o) for m, v, _, o in _q("حضر الحفل ومية شخص.")] == [("مية شخص", 100.0, "شخص")]


def test_construct_duals_of_state_and_organisation_name_two_members() -> None:
    """``plurals.tsv`` rows for ``ولاية`` and ``تنظيم``: ``ولايتي X وY``, ``تنظيمي X وY`` count two
    (before: missed, and the agreeing adjective ``الأمريكيتين`` read as a dual of its own; rn1112,
    rn1117); the definite nisba ``التنظيمي`` stays an adjective."""
    got = _q("ضربت العاصفة ولايتي فلوريدا وجورجيا الأمريكيتين، وتقاتل القوات تنظيمي داعش والقاعدة.")
    assert [(m, v, o) for m, v, _, o in got] == [("ولايتي", 2.0, "ولاية"), ("تنظيمي", 2.0, "تنظيم")]
    assert _q("نجح العمل التنظيمي والحضور الجماهيري في المهرجان.") == []
