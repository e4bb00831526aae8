"""Incidents across outlets and days, and the slot disagreements inside one incident."""

from __future__ import annotations

import re

from test_events import ent, make_da, qty, tmx

from rasd.annotators import DocAnalysis
from rasd.models import Entity, Geo
from rasd.story.assemble import date_words
from rasd.story.slots import Value, compatible
from rasd.story.stage import build

AS_OF = "2026-11-22"
CITY = Entity("e_tala", "GPE", "تلعفر", geo=Geo(36.37, 42.45, "city"), attributes={"country": "IQ"})
COUNTRY = Entity("e_iq", "GPE", "العراق", geo=Geo(33.0, 44.0, "country"), attributes={"country": "IQ"})
FAR = Entity("e_kw", "GPE", "الكويت", geo=Geo(29.5, 45.75, "country"), attributes={"country": "KW"})
ENTS = [CITY, COUNTRY, FAR]


def _report(doc_id: str, outlet: str, text: str, published: str, killed: str | None = None) -> DocAnalysis:
    da = make_da(text, doc_id=doc_id, published=published)
    da.doc.outlet = outlet
    for name, eid in (("تلعفر", "e_tala"), ("العراق", "e_iq"), ("الكويت", "e_kw")):
        if name in text:
            ent(da, name, "GPE", eid)
    if killed:  # the number and its counted noun, as the quantities annotator marks them
        qty(da, killed, float(re.findall(r"\d+", killed)[0]), "قتيل" if "قتيل" in killed else "شخص")
    return da


def _incidents() -> list[DocAnalysis]:
    one = _report("d_a", "صحيفة أ", "قتل 12 شخصا في تفجير سيارة مفخخة استهدف سوقا شعبية في تلعفر يوم 3 آذار 2025.",
                  "2025-03-03", "12 شخصا")  # fmt: skip
    tmx(one, "3 آذار 2025", "2025-03-03")
    # a day later, another outlet: "the explosion that hit the market", no date of its own
    two = _report("d_b", "صحيفة ب", "ارتفعت حصيلة التفجير الذي استهدف السوق الشعبية في العراق إلى 15 قتيلا.",
                  "2025-03-04", "15 قتيلا")  # fmt: skip
    # the first outlet updates its own figure: an update, not a disagreement
    three = _report("d_c", "صحيفة أ", "وأعلنت السلطات أن حصيلة تفجير السوق في تلعفر بلغت 14 قتيلا.", "2025-03-04", "14 قتيلا")
    # another happening: an explosion in another country the same week
    other = _report("d_d", "صحيفة ج", "قتل 3 أشخاص في انفجار داخل مستودع في الكويت يوم 3 آذار 2025.", "2025-03-03", "3 أشخاص")
    tmx(other, "3 آذار 2025", "2025-03-03")
    return [one, two, three, other]


def test_reports_across_outlets_and_days_are_one_incident_and_another_country_is_not() -> None:
    events, _, _, _ = build(_incidents(), ENTS, AS_OF)
    market = [e for e in events if {x.doc for x in e.evidence} >= {"d_a", "d_b", "d_c"}]
    assert len(market) == 1
    assert "d_d" not in {x.doc for x in market[0].evidence}
    assert market[0].sources == 3
    assert market[0].date.value == "2025-03-03"
    assert market[0].label == "تفجير في تلعفر — 3 آذار 2025"


def test_slot_disagreements_name_both_values_and_never_mix_incidents() -> None:
    _, _, _, conflicts = build(_incidents(), ENTS, AS_OF)
    nums = [k for k in conflicts if k.kind == "number" and k.slot == "killed"]
    pairs = {frozenset(re.findall(r"\d+", k.explanation.split(":", 1)[1])) for k in nums}
    # 12 vs 15 and 14 vs 15 come from different outlets; 12 vs 14 is one outlet updating itself
    assert pairs == {frozenset({"12", "15"}), frozenset({"14", "15"})}
    for k in nums:
        assert {e.doc for e in k.evidence} <= {"d_a", "d_b", "d_c"} and len({e.doc for e in k.evidence}) == 2
        assert "القتلى" in k.explanation and k.incident
        assert not any("a" <= ch.lower() <= "z" for ch in k.explanation)


def test_qualified_figures_are_compatible_but_still_differ() -> None:
    def v(x: float, q: str | None) -> Value:
        return Value("killed", x, q, None, None, None)  # type: ignore[arg-type]

    assert compatible(v(5, "at_least"), v(7, None))
    assert not compatible(v(5, None), v(7, None))
    assert not compatible(v(8, "at_most"), v(9, None))


def test_labels_write_dates_in_words() -> None:
    assert date_words("2015-08-06") == "6 آب 2015"
    assert date_words("2015-08") == "آب 2015"
    assert date_words(None) == ""


def test_a_total_given_in_parts_is_summed_and_the_next_sentence_is_read() -> None:
    one = _report("d_p", "صحيفة أ", "تلعفر – وقع تفجير في سوق المدينة يوم 3 آذار 2025. وأسفر عن مقتل 10 من الجنود إضافة إلى 3 من المدنيين.",
                  "2025-03-03")  # fmt: skip
    tmx(one, "3 آذار 2025", "2025-03-03")
    qty(one, "10", 10.0, None)
    qty(one, "3 من", 3.0, None)
    two = _report("d_q", "صحيفة ب", "قتل 15 شخصا في تفجير استهدف سوقا في تلعفر يوم 3 آذار 2025.", "2025-03-03", "15 شخصا")
    tmx(two, "3 آذار 2025", "2025-03-03")
    _, _, _, conflicts = build([one, two], ENTS, AS_OF)
    nums = [k for k in conflicts if k.kind == "number" and k.slot == "killed"]
    # 10 + 3 is one figure (13) from the first outlet, read in the sentence after the trigger
    assert [sorted(re.findall(r"\d+", k.explanation.split(":", 1)[1])) for k in nums] == [["13", "15"]]


def test_a_follow_up_days_later_joins_but_a_new_blast_there_does_not() -> None:
    first = _report("d_a", "صحيفة أ", "قتل 12 شخصا في تفجير سيارة مفخخة استهدف سوقا شعبية في تلعفر يوم 3 آذار 2025.",
                    "2025-03-03", "12 شخصا")  # fmt: skip
    tmx(first, "3 آذار 2025", "2025-03-03")
    # five days later, dated by its own "today": a new toll of the same bombing
    later = _report("d_f", "صحيفة ب", "ارتفعت اليوم حصيلة تفجير سيارة مفخخة استهدف سوقا شعبية في تلعفر إلى 20 قتيلا.",
                    "2025-03-08", "20 قتيلا")  # fmt: skip
    tmx(later, "اليوم", "2025-03-08")
    # the same day, the same city: another blast, no word of a follow-up
    other = _report("d_g", "صحيفة ج", "قتل 4 أشخاص اليوم في انفجار عبوة ناسفة قرب مستشفى تلعفر.", "2025-03-08", "4 أشخاص")
    tmx(other, "اليوم", "2025-03-08")
    events, _, _, _ = build([first, later, other], ENTS, AS_OF)
    docs = sorted(sorted({x.doc for x in e.evidence}) for e in events if e.type == "ATTACK")
    assert docs == [["d_a", "d_f"], ["d_g"]]
