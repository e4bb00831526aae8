"""Quantities and time: the rules added for the fresh real-news batch rn1270–rn1277.

docs/benchmarks/realnews_fresh.md ("Quantities and time, batch rn1270–rn1277") lists the
error classes. Every sentence here was written for these tests, and each test names the
rule it guards.
"""

from __future__ import annotations

from number_checks import timexes, value_objects

DCT = "2015-07-27"  # a Monday


def test_a_dollar_sign_after_digits_is_the_unit() -> None:
    # objects.tsv: "$" is a form of دولار; around.match_seq reads a listed sign alone (rn1272)
    assert value_objects("وهبط سعر البرميل إلى 48$ بعد أن كان 60 $ الشهر الماضي.", DCT) == [
        (48.0, "دولار"),
        (60.0, "دولار"),
    ]


def test_a_year_like_amount_before_a_currency_is_no_year() -> None:
    # years._h_year_bare: a currency sign or دولارا right after 19xx/20xx makes it an amount (rn1272)
    text = "وقد يصعد سعر الأوقية إلى 1950$ أو إلى 2010 دولارا قبل نهاية العام."
    assert [t[0] for t in timexes(text, DCT)] == ["نهاية العام"]
    assert value_objects(text, DCT) == [(1950.0, "دولار"), (2010.0, "دولار")]


def test_a_year_after_a_preposition_is_still_a_year() -> None:
    # the sign check only looks at the characters right after the number
    assert timexes("وعاد الفريق إلى 2010 بذاكرة مثقلة.", DCT) == [("2010", "DATE", "2010")]


def test_a_broken_plural_of_factor_takes_its_singular() -> None:
    # plurals.tsv: عوامل -> عامل (rn1272)
    assert value_objects("وتقف أربعة عوامل وراء هذا التراجع.", DCT) == [(4.0, "عامل")]


def test_the_tens_of_a_definite_compound_are_no_count() -> None:
    # skips.is_skipped: عشر after a definite unit (دور الستة عشر) is part of a round's name (rn1270)
    assert value_objects("وودع المنتخب البطولة من دور الستة عشر أمس.", DCT) == []
    assert value_objects("وشارك في المعسكر خمسة عشر لاعبا.", DCT) == [(15.0, "لاعب")]


def test_an_age_group_is_no_present_reference() -> None:
    # not_time.txt: هذه المرحلة العمرية names an age group (rn1274)
    assert timexes("وتتراجع اللياقة في هذه المرحلة العمرية بسرعة.", DCT) == []
    assert timexes("ولا نملك في هذه المرحلة إلا الانتظار.", DCT) == [("هذه المرحلة", "DATE", "PRESENT_REF")]
