"""A disagreement only between reports surely of one happening (issue 13, disagreement precision).

Two outlets tell one bombing in a market with different tolls: a disagreement. A second
bombing of the same town a day later, told in other words, joins the incident on the town
alone (the place both name, a day apart): it stays in the incident and its figure is shown,
but it is not set against the others (``story.strong_pairs``). A person's death told by two
outlets in no words in common is still one happening (one death per person). Our own
sentences only."""

from __future__ import annotations

from collections.abc import Mapping

from test_events import ent, make_da, qty, tmx
from test_incident_joins import _doc, _reports
from test_story_persons import ENTS as PERSONS
from test_story_precision import AS_OF, ENTS

from rasd.models import Conflict, DocAnalysis, Entity
from rasd.story import places as pl
from rasd.story.incidents import Report, doc_counts, word_weights
from rasd.story.stage import build
from rasd.story.strong_pairs import Links

MARKET = "في انفجار عبوة ناسفة داخل سوق الخضار في تلعفر يوم 3 آذار 2025"


def _toll(doc_id: str, outlet: str, n: str, text: str, day: str = "3 آذار 2025", value: str = "2025-03-03") -> DocAnalysis:
    da = make_da(text, doc_id=doc_id, published=value)
    da.doc.outlet = outlet
    ent(da, "تلعفر", "GPE", "e_town")
    tmx(da, day, value)
    qty(da, f"{n} أشخاص", float(n), "شخص")
    return da


def _clashes(das: list[DocAnalysis]) -> list[tuple[str | None, str, str]]:
    got: list[Conflict] = build(das, ENTS, AS_OF).conflicts
    return sorted((k.slot, *sorted((k.side_a.value, k.side_b.value))) for k in got
                  if k.kind == "slot" and k.side_a and k.side_b)  # fmt: skip


def test_a_second_happening_of_the_town_joined_weakly_is_set_against_no_source() -> None:
    one = _toll("d_a", "صحيفة الشمال", "5", f"قتل 5 أشخاص {MARKET}.")
    two = _toll("d_b", "صحيفة الجنوب", "7", f"قتل 7 أشخاص {MARKET}.")
    assert _clashes([one, two]) == [("killed", "5", "7")]  # the two outlets alone: one disagreement
    other = _toll("d_c", "صحيفة الوسط", "2", "قتل 2 أشخاص في انفجار سيارة مفخخة قرب مدرسة البنات في تلعفر يوم 4 آذار 2025.",
                  "4 آذار 2025", "2025-03-04")  # fmt: skip
    got = build([one, two, other], ENTS, AS_OF)
    inc = [i for i in got.incidents if len(i.reports) == 3]
    assert inc, "the second bombing joins the incident (the town alone)"
    assert sorted(str(v.value) for v in inc[0].slots["killed"]) == ["2", "5", "7"]  # its figure is still shown
    # its toll and its day (a day later) are not the market bombing's: no clash with either
    assert _clashes([one, two, other]) == [("killed", "5", "7")]


def _links(das: list[DocAnalysis], ents: Mapping[str, Entity]) -> tuple[Links, dict[str, Report]]:
    """The strong links of the reports of ``das`` as one incident, and each article's report."""
    reports = _reports(das, ents)
    df, n = doc_counts(reports)
    return Links(reports, df, word_weights(df, n), ents, pl.Relations(ents)), {r.doc: r for r in reports}


def test_links_need_a_strong_pair_or_a_chain_of_them_or_one_person() -> None:
    town = {e.id: e for e in ENTS}
    marks = [("تلعفر", "GPE", "e_town")]
    das = [_doc("d_a", "صحيفة الشمال", "2025-03-03", f"قتل 5 أشخاص {MARKET}.", marks, [("3 آذار 2025", "2025-03-03")]),
           _doc("d_b", "صحيفة الجنوب", "2025-03-03", f"قتل 7 أشخاص {MARKET}.", marks, [("3 آذار 2025", "2025-03-03")]),
           _doc("d_c", "صحيفة الوسط", "2025-03-04", "قتل 2 أشخاص في انفجار سيارة مفخخة قرب مدرسة البنات في تلعفر يوم 4 آذار 2025.",
                marks, [("4 آذار 2025", "2025-03-04")])]  # fmt: skip
    got, by = _links(das, town)
    assert not got.weak(by["d_a"], by["d_b"]) and got.weak(by["d_a"], by["d_c"]) and got.weak(by["d_c"], by["d_b"])
    # a third outlet telling both the market and the car: a chain of strong pairs links them
    both = _doc("d_d", "صحيفة الساحل", "2025-03-04",
                "قتل 9 أشخاص في انفجار عبوة ناسفة داخل سوق الخضار وانفجار سيارة مفخخة قرب مدرسة البنات في تلعفر يوم 4 آذار 2025.",
                marks, [("4 آذار 2025", "2025-03-04")])  # fmt: skip
    got, by = _links([*das, both], town)
    assert not got._edge("d_a", "d_c") and not got.weak(by["d_a"], by["d_c"])
    # one person's death told by two outlets on two days, in no words in common: one happening
    victim = [("نزار العلي", "PER", "e_victim")]
    das = [_doc("d_p", "صحيفة أ", "2025-09-02", "لقي نزار العلي مصرعه فجر الاثنين.", victim, [("فجر الاثنين", "2025-09-01TMO")]),
           _doc("d_q", "صحيفة ب", "2025-09-03", "توفي نزار العلي متأثرا بجراحه.", victim)]  # fmt: skip
    got, by = _links(das, PERSONS)
    assert set(by) == {"d_p", "d_q"} and not got.weak(by["d_p"], by["d_q"])
