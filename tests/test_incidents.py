"""Incidents across outlets and days, the slot disagreements inside one incident, and the
rule that claims conflict only inside one incident or commitment thread."""

from __future__ import annotations

import json
import random
import re

from test_events import ent, make_da, qty, tmx
from test_views import compare, quote

from rasd.interfaces.export import analysis_to_json, views_analysis
from rasd.models import DocAnalysis, Entity, Geo, Views, to_dict
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


def _docs_of(v: Views) -> list[list[str]]:
    """Each incident's documents, sorted: what clustering decided."""
    doc = {e.id: e.evidence[0].doc for e in v.events}
    return sorted(sorted({doc[r] for r in i.reports}) for i in v.incidents)


def test_reports_across_outlets_and_days_are_one_incident_and_another_country_is_not() -> None:
    v = build(_incidents(), ENTS, AS_OF)
    market = [i for i in v.incidents if {x.doc for x in i.evidence} >= {"d_a", "d_b", "d_c"}]
    assert len(market) == 1
    assert "d_d" not in {x.doc for x in market[0].evidence}
    assert market[0].sources == 3 and market[0].id.startswith("i_")
    assert market[0].date.value == "2025-03-03"
    assert market[0].label == "تفجير في تلعفر — 3 آذار 2025"
    assert market[0].place == "e_tala"
    # each article keeps its own report (event), with its own evidence
    assert sorted({e.evidence[0].doc for e in v.events if e.id in market[0].reports}) == ["d_a", "d_b", "d_c"]
    killed = market[0].slots["killed"]
    assert sorted(x.value for x in killed) == [12, 14, 15]  # every source's value, never merged
    for x in killed:
        assert x.reported_on in ("2025-03-03", "2025-03-04") and x.outlet in ("صحيفة أ", "صحيفة ب") and x.report in market[0].reports


def test_every_report_is_in_exactly_one_incident() -> None:
    v = build(_incidents(), ENTS, AS_OF)
    owners = [r for i in v.incidents for r in i.reports]
    assert sorted(owners) == sorted(e.id for e in v.events) and len(owners) == len(set(owners))


def test_incident_ids_are_stable_across_runs_and_input_order() -> None:
    first = build(_incidents(), ENTS, AS_OF)
    das = _incidents()
    random.Random(7).shuffle(das)
    again = build(das, list(reversed(ENTS)), AS_OF)
    assert [i.id for i in first.incidents] == [i.id for i in again.incidents]
    assert json.dumps(to_dict(first.incidents), ensure_ascii=False) == json.dumps(to_dict(again.incidents), ensure_ascii=False)
    assert [k.id for k in first.conflicts] == [k.id for k in again.conflicts]


def test_slot_disagreements_name_both_values_and_never_mix_incidents() -> None:
    v = build(_incidents(), ENTS, AS_OF)
    nums = [k for k in v.conflicts if k.kind == "slot" and k.slot == "killed"]
    pairs = {(k.relation, frozenset(re.findall(r"\d+", k.explanation.split(":", 1)[1]))) for k in nums}
    # 12 vs 15 and 14 vs 15 come from different outlets; 12 then 14 is one outlet raising its own figure
    assert pairs == {("contradict", frozenset({"12", "15"})), ("contradict", frozenset({"14", "15"})),
                     ("update", frozenset({"12", "14"}))}  # fmt: skip
    [update] = [k for k in nums if k.relation == "update"]
    assert update.side_a and update.side_b and (update.side_a.value, update.side_b.value) == ("12", "14")  # earlier first
    for k in nums:
        assert {e.doc for e in k.evidence} <= {"d_a", "d_b", "d_c"} and len({e.doc for e in k.evidence}) == 2
        assert "القتلى" in k.explanation and k.incident in {i.id for i in v.incidents}
        assert not any("a" <= ch.lower() <= "z" for ch in k.explanation)
        assert k.side_a and k.side_b and {k.side_a.source, k.side_b.source} == {e.doc for e in k.evidence}


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
    conflicts = build([one, two], ENTS, AS_OF).conflicts
    nums = [k for k in conflicts if k.kind == "slot" and k.slot == "killed"]
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
    v = build([first, later, other], ENTS, AS_OF)
    assert _docs_of(v) == [["d_a", "d_f"], ["d_g"]]
    [toll] = [i for i in v.incidents if len(i.reports) == 2]
    [k] = [k for k in v.conflicts if k.incident == toll.id and k.slot == "killed"]
    assert k.relation == "contradict" and {k.side_a.value, k.side_b.value} == {"12", "20"}  # type: ignore[union-attr]


def test_compatible_figures_differ_rather_than_contradict() -> None:
    one = _report("d_a", "صحيفة أ", "قتل 5 أشخاص على الأقل في تفجير استهدف سوقا في تلعفر يوم 3 آذار 2025.", "2025-03-03")
    tmx(one, "3 آذار 2025", "2025-03-03")
    qty(one, "5 أشخاص على الأقل", 5.0, "شخص")
    one.quantities[-1].mod = "AT_LEAST"
    two = _report("d_b", "صحيفة ب", "قتل 7 أشخاص في تفجير استهدف سوقا في تلعفر يوم 3 آذار 2025.", "2025-03-03", "7 أشخاص")
    tmx(two, "3 آذار 2025", "2025-03-03")
    [k] = [k for k in build([one, two], ENTS, AS_OF).conflicts if k.slot == "killed"]
    assert k.relation == "differ" and {k.side_a.value, k.side_b.value} == {"5 على الأقل", "7"}  # type: ignore[union-attr]


def _denial_and_withdrawal() -> list[DocAnalysis]:
    """Two happenings in two places: a spokesman denies one withdrawal, an official asserts another."""
    one = _report("d_x", "صحيفة أ", "وقال المتحدث إن القوات لم تنسحب من تلعفر يوم 3 آذار 2025.", "2025-03-03")
    tmx(one, "3 آذار 2025", "2025-03-03")
    quote(one, "المتحدث", "القوات لم تنسحب من تلعفر يوم 3 آذار 2025")
    two = _report("d_y", "صحيفة ب", "وقال مسؤول إن القوات انسحبت من الكويت يوم 5 آذار 2025.", "2025-03-05")
    tmx(two, "5 آذار 2025", "2025-03-05")
    quote(two, "مسؤول", "القوات انسحبت من الكويت يوم 5 آذار 2025")
    return [one, two]


def test_a_polarity_conflict_across_two_incidents_is_not_produced() -> None:
    das = _denial_and_withdrawal()
    # the claims alone look like a denial against an assertion …
    assert [k for k in compare(das)[1] if k.kind == "polarity"]
    v = build(das, ENTS, AS_OF)
    # … but they are about two happenings (two incidents): the story stage does not pair them
    assert len({i.id for i in v.incidents}) >= 2
    assert [k for k in v.conflicts if k.kind == "polarity"] == []


def test_export_is_schema_2_with_both_sides_citing_real_text() -> None:
    das = _incidents()
    an = views_analysis(build(das, ENTS, AS_OF))
    an.documents = [d.doc for d in das]
    data = analysis_to_json(an, AS_OF)
    assert data["schema_version"] == "2"
    assert {r for i in data["incidents"] for r in i["reports"]} == {e["id"] for e in data["events"]}
    texts = {d["id"]: d["text"] for d in data["documents"]}
    assert data["conflicts"]
    for k in data["conflicts"]:
        assert k["kind"] in ("slot", "polarity", "deadline") and k["relation"] in ("differ", "contradict", "update")
        for side in (k["a"], k["b"]):
            assert side["value"] and side["source"] in texts and side["evidence"]
            for e in side["evidence"]:
                span = texts[e["doc"]][e["start"] : e["end"]]
                assert span and side["value"].split()[0] in span or k["slot"] == "date"
