"""Quantities and time, batch rn1440-rn1447 and decision 9's ``أحد/إحدى`` + pronoun (issue 12;
docs/benchmarks/realnews_fresh.md). Every sentence here was written for these tests, and each
test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-07-21"
_q, _t = readers(DCT)


def test_one_of_with_a_pronoun_counts_one_of_the_group_counted_before() -> None:
    """``one_of_pronoun``: ``أحدهم`` after ``12 مسلحا`` is one ``مسلح`` (decision 9)."""
    assert _q("اعتقلت القوات 12 مسلحا بينما تمكن أحدهم من الهرب") == [
        ("12 مسلحا", 12.0, None, "مسلح"),
        ("أحدهم", 1.0, None, "مسلح"),
    ]


def test_a_feminine_pronoun_takes_the_nearest_feminine_plural() -> None:
    """``إحداها`` skips the masculine plural between (``الجنود``) for the feminine ``قذائف``."""
    assert _q("سقطت قذائف على مواقع الجنود وأصابت إحداها مخزنا") == [("إحداها", 1.0, None, "قذيفة")]


def test_a_pronoun_after_a_dual_counts_one_of_the_pair() -> None:
    """``أحدهما`` after a dual: one of the two (the dual itself counts two, decision 7)."""
    assert _q("أصدر القاضي حكمين أحدهما بالسجن") == [("حكمين", 2.0, None, "حكم"), ("أحدهما", 1.0, None, "حكم")]


def test_one_of_with_a_pronoun_and_no_group_is_no_count() -> None:
    """Control: ``قال أحدهم`` (someone) names no group: nothing."""
    assert _q("قال أحدهم إن الطريق مزدحم") == []


def test_one_of_with_a_pronoun_before_a_superlative_is_no_count() -> None:
    """Control: ``إحداها أبرز`` is a superlative (decision 9), not one of the cities."""
    assert _q("زار الوفد المدن الساحلية وكانت إحداها أجمل ما رأى") == []
