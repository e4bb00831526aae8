"""Quantities: a ``-ين``/``-ان`` dual read from the two names after it (issue 12; the named
half of the dual class in docs/benchmarks/realnews_fresh.md, "Duals before named members").

The rule needs the document's entity mentions, so these sentences go through the pipeline's
per-document stages (time, entities, quantities) as the benchmark does. Every sentence here
was written for these tests.
"""

from __future__ import annotations

from number_checks import pipeline_counts as _counts


def test_dual_before_two_names_is_two() -> None:
    # named_duals.named_dual: الرئيسين reads as a dual that refers back (anaphoric_duals.txt)
    # alone; two names after it, each behind its gentilic, name two new members (rn553's class)
    text = "التقى الرئيسين الأمريكي باراك أوباما والفرنسي فرانسوا هولاند في باريس أمس."
    assert _counts(text) == [("الرئيسين", 2.0, "رئيس")]


def test_one_name_or_three_names_is_no_pair() -> None:
    # the control: one name, or a list of three, after the same word is no count of two
    assert _counts("استقبل الرئيسين محمد مرسي في القاهرة.") == []
    assert _counts("وصل الرئيسين محمد مرسي وحسني مبارك وعلي عبدالله صالح.") == []


def test_pair_named_before_refers_back() -> None:
    # both names already in the text: the dual points back at them (decision 7)
    text = "اجتمع باراك أوباما مع فرانسوا هولاند أمس. وقال الرئيسين باراك أوباما وفرانسوا هولاند إنهما اتفقا."
    assert _counts(text) == []
