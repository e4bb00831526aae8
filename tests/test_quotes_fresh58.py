"""Gold decisions 6b and 6c applied (issue 12; docs/benchmarks/realnews_fresh.md, "Quotes: gold
decisions 6b/6c across the dev half").

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_outlet_after_a_cued_quote_of_its_sentence_is_the_quotes_medium() -> None:
    # decision 6b: "وجاء في X أن …، …، بحسب صحيفة Y": the paper carried X's words, no quote of its own
    text = "وجاء في قرار المحكمة أن المتهم أدين بتهريب الأموال، وطلب منه دفع غرامة كبيرة، بحسب صحيفة المدينة."
    got = _quotes(text)
    assert [c for c, _, _ in got] == ["جاء في"]
    assert got[0][1] == "قرار المحكمة"
    # control: with no cued quote in its sentence the phrase still names the source of the clause
    got = _quotes("وارتفعت أسعار الذهب في الأسواق المحلية هذا الأسبوع، بحسب صحيفة المدينة.")
    assert [(c, sp) for c, sp, _ in got] == [("بحسب", "صحيفة المدينة")]


def test_praising_with_a_noun_phrase_is_no_quote() -> None:
    # decision 6c: "منوها بـ + noun phrase" is praise; "منوها إلى أن + clause" is a quote of its own cue
    got = _quotes("وأكد المدير أن العمل يسير وفق الخطة، منوها بجهود الموظفين في المشروع.")
    assert [c for c, _, _ in got] == ["أكد"]
    got = _quotes("وأكد المدير أن العمل يسير وفق الخطة، منوها إلى أن المشروع سينتهي قبل موعده.")
    assert [c for c, _, _ in got] == ["أكد", "منوها"]
