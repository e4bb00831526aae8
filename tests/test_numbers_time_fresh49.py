"""Time: batch rn1310–rn1317 (an ordinary news mix, held out, then fixed).

docs/benchmarks/realnews_fresh.md ("Quantities and time, batch rn1310–rn1317") lists the
classes. Every sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import timexes

DCT = "2015-07-21"  # a Tuesday


def test_a_month_pair_joined_by_a_space_is_judged_by_its_first_name() -> None:
    # handlers._month_ok: the Gregorian name opens the pair, so an ambiguous Levantine name
    # after it (آب) no longer drops the whole date after a plain noun (rn1310)
    assert timexes("وتنتهي صلاحية عقد أغسطس آب بعد أيام.", DCT)[0] == ("أغسطس آب", "DATE", "2015-08")
    # an unambiguous pair now keeps both names in the span after a noun
    assert timexes("وارتفع سعر شحنات سبتمبر أيلول.", DCT) == [("سبتمبر أيلول", "DATE", "2015-09")]
    # an ambiguous name alone, or first in the pair, is still no month without a cue
    assert timexes("وعاد آب إلى بيته.", DCT) == []
    assert timexes("زار آب مارس صديقه.", DCT) == []
