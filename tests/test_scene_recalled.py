"""A report's scene is where its own happening took place, not a town its sentence recalls
(``annotators.events.recall``), and a happening its article dates weeks back is told in passing
(``story.incidents.recalled``). Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from test_events import ent, make_da, tmx
from test_incident_joins import ENTS, _doc, _reports

from rasd.annotators.events import extract
from rasd.annotators.events.recall import recalled
from rasd.story.incidents import recalled as recalled_report
from rasd.story.incidents import resolve
from rasd.text import tokenize


def _places(text: str, marks: list[tuple[str, str]], pub: str = "2025-03-04") -> dict[str, set[str]]:
    """Each event's trigger -> its place and actors (entity ids)."""
    da = make_da(text, published=pub)
    for surface, eid in marks:
        ent(da, surface, "GPE", eid)
    return {ev.trigger: {x for x in [ev.place, *ev.actors] if x} for ev in extract(da)}


def test_a_town_recalled_after_kana_qad_is_not_the_scene_and_a_town_told_as_the_scene_is() -> None:
    recalled_town = _places(
        "أصيب أربعة أشخاص في انفجار عبوة ناسفة استهدف سوقا شعبيا صباح اليوم، وكانت بلدة الخالص قد شهدت تفجيرا مماثلا أمس.",
        [("الخالص", "e_khalis")],
    )
    assert "e_khalis" not in recalled_town["انفجار"]
    own_town = _places("أصيب أربعة أشخاص في انفجار عبوة ناسفة استهدف سوقا شعبيا في بلدة الخالص صباح اليوم.",
                       [("الخالص", "e_khalis")])  # fmt: skip
    assert own_town["انفجار"] == {"e_khalis"}


def test_a_clause_dated_weeks_back_is_recalled_but_the_relative_clause_of_the_trigger_is_its_own() -> None:
    text = "قتل شخصان في انفجار سيارة مفخخة اليوم، فيما شهدت الخالص هجوما مماثلا في 2 شباط 2025."
    da = make_da(text, published="2025-03-04")
    ent(da, "الخالص", "GPE", "e_khalis")
    tmx(da, "2 شباط 2025", "2025-02-02")
    places = {ev.trigger: ev.place for ev in extract(da)}
    assert places["انفجار"] is None and places["هجوما"] == "e_khalis"  # the recalled attack keeps its town
    # the bombing "that hit X last month" is the trigger's own happening: X stays its scene
    text = "ارتفعت حصيلة قتلى التفجير الذي استهدف سوق الخالص في 2 شباط 2025 إلى عشرة."
    da = make_da(text, published="2025-03-04")
    ent(da, "الخالص", "GPE", "e_khalis")
    tmx(da, "2 شباط 2025", "2025-02-02")
    assert [ev.place for ev in extract(da) if ev.trigger == "التفجير"] == ["e_khalis"]


def test_recalled_spans_start_at_a_phrase_cue_after_the_trigger() -> None:
    words = [t for t in tokenize("وقع انفجار في السوق على غرار تفجير الخالص") if t.is_word]
    spans = recalled(words, [(0, len(words))], 1, 1)
    assert len(spans) == 1 and spans[0][0] == words[4].start  # from على غرار to the clause's end
    assert recalled(words, [(0, len(words))], 6, 6) == []  # the recalled bombing's own trigger


def test_two_bombings_in_one_town_stay_apart_when_the_second_report_recalls_the_first() -> None:
    old = _doc("d_old", "صحيفة أ", "2025-03-03", "قتل ثلاثة أشخاص في تفجير سيارة مفخخة في بلدة الخالص يوم 2 آذار 2025.",
               [("الخالص", "GPE", "e_khalis")], [("2 آذار 2025", "2025-03-02")])  # fmt: skip
    new = _doc("d_new", "صحيفة ب", "2025-03-04",
               "أصيب أربعة أشخاص في انفجار عبوة ناسفة استهدف سوقا شعبيا صباح اليوم، وكانت بلدة الخالص قد شهدت تفجيرا مماثلا أمس.",
               [("الخالص", "GPE", "e_khalis")], [("اليوم", "2025-03-04")])  # fmt: skip
    reps = _reports([old, new])
    market = next(r for r in reps if r.doc == "d_new" and r.ev.trigger == "انفجار")
    assert "e_khalis" not in market.places
    incs = resolve(reps, ENTS)
    assert not any(market in inc.reports and any(r.doc == "d_old" for r in inc.reports) for inc in incs)
    # control: the same report telling the town as its own scene joins the bombing there
    own = _doc("d_own", "صحيفة ج", "2025-03-03", "أصيب أربعة أشخاص في تفجير سيارة مفخخة في بلدة الخالص أمس.",
               [("الخالص", "GPE", "e_khalis")], [("أمس", "2025-03-02")])  # fmt: skip
    groups = [sorted({r.doc for r in inc.reports}) for inc in resolve(_reports([old, own]), ENTS)]
    assert ["d_old", "d_own"] in groups


def test_a_report_its_own_words_date_weeks_before_its_article_is_told_in_passing() -> None:
    pub = date(2025, 3, 20)
    assert recalled_report((date(2025, 3, 2), date(2025, 3, 2), True), pub)
    assert not recalled_report((date(2025, 3, 18), date(2025, 3, 18), True), pub)  # a follow-up's reach
    assert not recalled_report((date(2025, 3, 2), date(2025, 3, 20), False), pub)  # dated by its article only
    old = _doc("d_o", "صحيفة أ", "2025-03-20",
               "وكان تفجير سيارة مفخخة قد قتل ثلاثة أشخاص في بلدة الخالص يوم 2 آذار 2025.",
               [("الخالص", "GPE", "e_khalis")], [("2 آذار 2025", "2025-03-02")])  # fmt: skip
    (rep,) = [r for r in _reports([old]) if r.ev.trigger.startswith("تفجير")]
    assert rep.context and rep.places == {"e_khalis"}
