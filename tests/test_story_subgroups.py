"""Figures limited to a part of the victims, figures of an open question, and a round-up's item
in another town of an article that leads with a country alone (issue 13, precision).

Self-written sentences only. A figure whose words limit it to one side's losses (في صفوفهم) or
to those hurt worst (في حالة خطيرة) is a part of the toll when its article gives a larger
figure of its slot: not that slot's value, never compared. Each case comes with its control.
"""

from __future__ import annotations

from test_events import qty
from test_story_other_figures import CITY, ENTS, _other, _report, _run
from test_story_precision import BLAST, _doc

from rasd.models import Entity, Geo
from rasd.story.assemble import _Builder


def test_those_hurt_worst_are_a_part_of_a_larger_toll() -> None:
    # the words limiting it come late in its clause, after a relative clause about the attack
    for said, compared in (("في حالة خطيرة", False), ("بجروح", True)):
        text = (f"قتل 12 شخصا وأصيب 20 آخرون {BLAST}. "
                f"وقال الجيش إن أربعة جنود أصيبوا خلال الاشتباك الذي شنه مسلحون على الحاجز {said}.")  # fmt: skip
        one = _doc("d_a", "صحيفة الشمال", text)
        qty(one, "12 شخصا", 12.0, "شخص")
        qty(one, "20 آخرون", 20.0, None)
        qty(one, "أربعة جنود", 4.0, "جندي")
        pairs, table = _run(one, _other())
        assert (("injured", "20", "4") in pairs) is compared, said
        assert ("4" in table["injured"]) is compared, said


def test_a_part_is_the_value_when_its_article_gives_no_larger_one() -> None:
    text = f"قتل 12 شخصا {BLAST}. وقال الجيش إن أربعة جنود أصيبوا خلال الاشتباك في حالة خطيرة."
    one = _doc("d_a", "صحيفة الشمال", text)
    qty(one, "12 شخصا", 12.0, "شخص")
    qty(one, "أربعة جنود", 4.0, "جندي")
    pairs, table = _run(one, _other())
    assert "4" in table["injured"] and ("injured", "20", "4") in pairs


def test_one_side_s_losses_are_a_part_of_a_larger_toll() -> None:
    # "قتيلين وأربعة جرحى في صفوفهم": both figures of the one side; the killed have a larger
    # toll in the article (12), the injured none: kept
    for said, part in (("في صفوفهم", True), ("في الهجوم", False)):
        text = f"قتل 12 شخصا {BLAST}. وأفاد الجنود عن «قتيلين وأربعة جرحى {said}» قرب السوق."
        one = _doc("d_a", "صحيفة الشمال", text)
        qty(one, "12 شخصا", 12.0, "شخص")
        qty(one, "أربعة جرحى", 4.0, "جريح")
        pairs, table = _run(one, _other())
        assert ("2" in table["killed"]) is not part, said
        assert (("killed", "12", "2") in pairs) is not part, said
        assert "4" in table["injured"], said


def test_a_figure_of_an_open_question_is_no_figure() -> None:
    for said, told in (("ولم يحسم الأطباء بعد ما إذا كان عدد الجرحى يتجاوز", False), ("وأصيب", True)):
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}. {said} خمسة أشخاص في السوق.")
        qty(one, "12 شخصا", 12.0, "شخص")
        qty(one, "خمسة أشخاص", 5.0, "شخص")
        _, table = _run(one, _other())
        assert ("5" in table.get("injured", [])) is told, said


def test_an_article_leading_with_a_country_alone_leads_with_the_first_town_it_names() -> None:
    country = Entity("e_iq", "GPE", "العراق", geo=Geo(33.0, 44.0, "country"), attributes={"country": "IQ"})
    b = _Builder([], {e.id: e for e in [*ENTS, country]}, lambda _: None)
    lead = _report("d_a", 0, frozenset({"e_iq"}))
    item = _report("d_a", 200, frozenset({CITY.id}))
    leads = {"d_a": lead}
    b.places = {"d_a": [(0, "e_iq"), (40, "e_town"), (210, CITY.id)]}
    assert b.elsewhere(item, leads, "e_town")  # "… في العراق … في تلعفر …. وأصيب ثمانية في البصرة"
    b.places = {"d_a": [(0, "e_iq"), (40, CITY.id)]}
    assert not b.elsewhere(item, leads, "e_town")  # the article's first town is the item's own
    b.places = {"d_a": [(0, "e_iq")]}
    assert not b.elsewhere(item, leads, "e_town")  # no town named: nothing to set it against
