"""From per-document events to incidents (one merged ``Event`` each) and slot disagreements.

``incident_view`` is what ``story.stage.build`` calls: reports of happenings (attacks, air
strikes, arrests, fires, crashes …: ``INCIDENT_TYPES``) go through incident resolution;
other events (agreements, meetings, statements, withdrawals …) keep the blocked merge of
``resolve.events``. Each incident becomes one event carrying every report's evidence, the
most precise own date its reports give, a short Arabic label and the number of documents
behind it; its slot disagreements become ``number``/``date`` conflicts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache

from rasd.annotators import DocAnalysis
from rasd.models import Conflict, Entity, Event, EventDate, Quantity
from rasd.resolve.events import combine, merge
from rasd.resources import load_table
from rasd.story import INCIDENT_TYPES
from rasd.story.incidents import Incident, Report, make_reports, parse_day, resolve
from rasd.story.slots import disagreements, values_of
from rasd.text import sentences


@cache
def _months() -> dict[int, str]:
    return {int(r[0]): r[1] for r in load_table("story/months.tsv") if len(r) >= 2 and r[0].isdigit()}


def date_words(v: str | None) -> str:
    """``2015-08-06`` → ``6 آب 2015``; a month → ``آب 2015``; a year as it is."""
    if not v or not v[:4].isdigit():
        return ""
    if len(v) >= 7 and v[5:7].isdigit():
        m = _months().get(int(v[5:7]), v[5:7])
        return f"{int(v[8:10])} {m} {v[:4]}" if len(v) >= 10 and v[8:10].isdigit() else f"{m} {v[:4]}"
    return v[:4]


def _place_name(inc: Incident, ents: Mapping[str, Entity]) -> str:
    """The most specific place most reports name (a city before its country)."""
    counts: Counter[str] = Counter(p for r in inc.reports for p in r.places)
    if not counts:
        return ""

    def rank(p: str) -> tuple[int, int, str]:
        e = ents.get(p)
        broad = e is not None and e.geo is not None and e.geo.kind == "country"
        return (int(broad) + 2 * (e is None), -counts[p], e.name if e else p)

    best = min(counts, key=rank)
    return ents[best].name if best in ents else ""


def label(inc: Incident, ev: Event, ents: Mapping[str, Entity]) -> str:
    """``تفجير في أبها — 6 آب 2015``: kind word, place, date, all from resources."""
    word = Counter(r.label_word for r in inc.reports if r.label_word).most_common(1)
    head = word[0][0] if word else ev.type
    place = _place_name(inc, ents)
    out = f"{head} في {place}" if place else head
    when = date_words(ev.date.value)
    return f"{out} — {when}" if when else out


def _incident_event(inc: Incident) -> Event:
    reports = [r.ev for r in inc.reports]
    dated = [r.ev for r in inc.reports if r.dated] or reports
    merged = combine(reports, dated)
    if len(reports) > 1:
        days = Counter(r.date.value for r in dated if r.date.precision == "day" and r.date.value)
        if days:  # the day most reports give, not the first one read
            best = min(days, key=lambda v: (-days[v], v))
            merged.date = EventDate(best, "day")
        merged.type = Counter(r.type for r in reports).most_common(1)[0][0]
    merged.sources = len({r.doc for r in inc.reports})
    return merged


def incident_view(
    events: Sequence[Event], das: Sequence[DocAnalysis], entities: Sequence[Entity], claim_index: Mapping[str, Sequence[tuple[int, int, str]]]
) -> tuple[list[Event], list[Conflict]]:
    """``(events, slot conflicts)``: incidents merged, other events through ``merge``."""
    ents = {e.id: e for e in entities}
    texts = {da.doc.id: da.doc.text for da in das}
    pubs: dict[str, date | None] = {da.doc.id: parse_day(da.doc.published.value) for da in das}
    outlets = {da.doc.id: da.doc.outlet or "" for da in das}
    quantities: dict[str, list[Quantity]] = {da.doc.id: sorted(da.quantities, key=lambda q: q.start) for da in das}
    sents = {da.doc.id: sentences(da.doc.text) for da in das}
    happen = [ev for ev in events if ev.type in INCIDENT_TYPES and ev.modality == "happened"]
    rest = [ev for ev in events if not (ev.type in INCIDENT_TYPES and ev.modality == "happened")]
    doc_places = {da.doc.id: [(m.start, m.entity) for m in sorted(da.entities, key=lambda m: m.start)
                              if m.entity and m.type in ("GPE", "LOC", "FAC") and m.entity in ents] for da in das}  # fmt: skip
    reports = make_reports(happen, texts, pubs, outlets, ents, doc_places)
    kept = {id(r.ev) for r in reports}
    rest.extend(ev for ev in happen if id(ev) not in kept)  # no date at all: not placed in time
    out: list[Event] = list(merge(rest).events)
    conflicts: list[Conflict] = []

    def claim_of(r: Report) -> str:
        e0 = r.ev.evidence[0]
        for s, e, cid in claim_index.get(e0.doc, ()):
            if s <= e0.start < e:
                return cid
        return r.ev.id

    for inc in resolve(reports, ents):
        ev = _incident_event(inc)
        ev.label = label(inc, ev, ents)
        out.append(ev)
        if len(inc.docs) > 1:
            conflicts.extend(disagreements(ev.id, ev.label, inc, values_of(inc, texts, quantities, sents), claim_of))
    out.sort(key=lambda e: (e.evidence[0].doc, e.evidence[0].start, e.id) if e.evidence else ("", 0, e.id))
    return out, conflicts
