"""A side item of a round-up ("وفي حادث منفصل …": a sentence that moves on to another
happening) shares only a country with the other articles' incidents of that country: it joins
one of them on a place both name or on its own words and figures, never on the country alone,
so it cannot bridge two happenings. In its own article it still joins as any sentence does.
Our own sentences; ``story.incidents.score``."""

from __future__ import annotations

from datetime import date

from rasd.models import Entity, Event, EventDate, Evidence, Geo
from rasd.story.incidents import JOIN, score
from rasd.story.report_words import moves_on, word_groups
from rasd.story.reports import Incident, Report

IRAQ = Entity("e_iq", "GPE", "العراق", geo=Geo(33.0, 44.0, "country"), attributes={"country": "IQ"})
ENTS = {IRAQ.id: IRAQ}
MAIN = "انفجرت عبوة ناسفة قرب سوق شعبي وسط المدينة وقتل عشرة أشخاص"
SIDE = "وفي حادث منفصل قتل شرطيان بانفجار عبوة عند حاجز للتفتيش"
PLAIN = "قتل شرطيان بانفجار عبوة عند حاجز للتفتيش"  # the same item, told as an article's own
RETOLD = "وفي حادث منفصل انفجرت عبوة ناسفة قرب سوق شعبي وسط المدينة"  # a side item in the main one's words


def _report(doc: str, text: str) -> Report:
    ev = Event(f"v_{doc}", "ATTACK", EventDate("2025-03-03", "day"), trigger="انفجار", evidence=[Evidence(doc, 0, 5)])
    day = date(2025, 3, 3)
    groups = word_groups(text)
    return Report(ev, doc, "صحيفة", day, "violence", "انفجار", day, day, True, frozenset({IRAQ.id}), frozenset(),
                  frozenset(w for g in groups for w in g), groups=groups, moves_on=moves_on(text))  # fmt: skip


def _score(doc: str, text: str) -> float | None:
    inc = Incident("violence")
    inc.add(_report("d_main", MAIN))
    r = _report(doc, text)
    idf = dict.fromkeys({w for g in r.groups for w in g} | inc.words, 1.0)
    return score(r, inc, idf, ENTS, list(r.groups))


def test_a_side_item_does_not_join_another_articles_incident_on_its_country() -> None:
    assert moves_on(SIDE) and not moves_on(PLAIN)
    assert _score("d_side", SIDE) is None
    # the controls: the same item told as an article's own sentence joins on the country …
    plain = _score("d_side", PLAIN)
    assert plain is not None and plain >= JOIN
    # … a side sentence joins its own article's incident …
    own = _score("d_main", SIDE)
    assert own is not None and own >= JOIN
    # … and a side item that another article tells in the same words joins it
    retold = _score("d_side", RETOLD)
    assert retold is not None and retold >= JOIN

