"""Quote rules of the rn1470 round (docs/benchmarks/realnews_fresh.md, "Quotes, batch
rn1470–rn1477").

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_attributing_participle_continues_the_speaker() -> None:
    # "مرجعا ذلك إلى …": the speaker gives the cause; a quote of its own (as rn1262's gold)
    text = "وقال التاجر إن الأسعار ارتفعت هذا الأسبوع، مرجعا ذلك إلى قلة المعروض في السوق."
    assert _quotes(text) == [
        ("قال", "التاجر", "الأسعار ارتفعت هذا الأسبوع"),
        ("مرجعا", "التاجر", "قلة المعروض في السوق"),
    ]


def test_reference_noun_is_no_cue() -> None:
    # control: the noun "مرجعا" (a reference work) with no إلى reports nothing
    assert _quotes("ويعد الكتاب مرجعا مهما للباحثين.") == []
