"""From per-document reports to incidents, with every source's slot values and disagreements.

``assemble`` is what ``story.stage.build`` calls. Reports of happenings (attacks, air
strikes, arrests, fires, crashes …: ``story.incident_types``) go through incident resolution
(``story.incidents.resolve``); other reports (agreements, meetings, statements,
withdrawals …) and happenings with no date at all are grouped by the blocked merge of
``resolve.events``. Either way each group becomes one ``models.Incident``, so every report
belongs to exactly one. An incident's id hashes its sorted report ids: the same reports
give the same id whatever the input order. Reports are never changed: the incident holds
the chosen date and place, a short Arabic label and each source's slot values (never
merged into one), and its slot disagreements become ``slot`` conflicts (``story.slots``).
The figures of an article are read once for all its resolved reports and each is given to
one report (``story.figures.article_values``), so a figure lands in exactly one incident.

Complexity: the grouping steps are blocked (see their modules); everything else is linear
in the reports and the text, plus a logarithmic lookup per value of the quote that says it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from rasd.ids import make_id
from rasd.models import (
    Conflict,
    DocAnalysis,
    Entity,
    EntityMention,
    Event,
    EventDate,
    Evidence,
    Incident,
    Quantity,
    Quote,
    Side,
    SlotValue,
    Timex,
)
from rasd.resolve.events import merge
from rasd.resources import load_table
from rasd.story import incident_types, types_with
from rasd.story import incidents as rinc
from rasd.story.figure_cache import FigureReader, read_all
from rasd.story.incidents import Parts, Report, by_person, make_reports, parse_day, resolve
from rasd.story.openings import Openings
from rasd.story.perpetrators import perpetrators, targets
from rasd.story.places import APART, NEAR, UNKNOWN, best_relation, is_country, level, relation
from rasd.story.places import Relations as PlaceRelations
from rasd.story.reports import Told, kind_of
from rasd.story.slots import Article, Value, disagreements, shown, templates
from rasd.story.strong_pairs import Links
from rasd.temporal import TimeValue
from rasd.text import sentences

_PREC_RANK = {"day": 3, "month": 2, "year": 1}
QUOTE_BACK = 8  # quotes before a figure looked at for the one whose content holds it
ARTICLE_WINDOW = 4  # earlier mentions of one type in an article a mention may join


@cache
def _months() -> dict[int, str]:
    return {int(r[0]): r[1] for r in load_table("story/months.tsv") if len(r) >= 2 and r[0].isdigit()}


def date_words(v: str | None) -> str:
    """``2015-08-06`` → ``6 آب 2015``; a month → ``آب 2015``; a year as it is; a part of day or
    a clock time in words too (``2015-07-23TMO`` → ``صباح 23 تموز 2015``, ``story/templates.tsv``)."""
    tv = TimeValue.parse(v)
    if tv.year_label is None:
        return ""
    if tv.year is None or tv.month is None:
        return tv.year_label  # a year, or the year of a week or season; a decade's digits
    m = _months().get(tv.month, f"{tv.month:02d}")
    if tv.day is None:
        return f"{m} {tv.year:04d}"
    day = f"{tv.day} {m} {tv.year:04d}"
    part = templates().get(f"T{tv.part_of_day}") if tv.part_of_day and tv.exact else None
    if part:
        return part.format(day=day)
    if tv.minute is not None and tv.second is None and tv.exact:
        return templates()["clock"].format(day=day, time=f"{tv.hour:02d}:{tv.minute:02d}")
    return day


def label(word: str, place: str, when: str | None) -> str:
    """``تفجير في أبها — 6 آب 2015``: kind word, place, date, all from resources."""
    out = templates()["label_place"].format(word=word, place=place) if place else word
    day = date_words(when)
    return f"{out} — {day}" if day else out


_SPECIFIC = {"site": 0, "city": 1, None: 1, "region": 2, "country": 3}  # Geo.kind: a base before its province


def best_place(counts: Counter[str], ents: Mapping[str, Entity]) -> str | None:
    """The most specific place the reports name (a base before its province, a city before
    its country), the most named among equals, as an entity id."""
    known = [p for p in counts if p in ents]
    if not known:
        return None

    def rank(p: str) -> tuple[int, int, str]:
        e = ents[p]
        kind = "site" if e.type == "FAC" else (e.geo.kind if e.geo is not None else None)
        return (_SPECIFIC.get(kind, 1), -counts[p], e.name)

    return min(known, key=rank)


def best_date(reports: Sequence[Event], dated: Sequence[Event]) -> EventDate:
    """The day most dated reports give, else the most precise date among them (the first
    report read when equal): one misread "yesterday" does not move an incident."""
    pool = list(dated) or list(reports)
    days = Counter(r.date.value for r in pool if r.date.precision == "day" and r.date.value)
    if days:
        return EventDate(min(days, key=lambda v: (-days[v], v)), "day")
    top = max(pool, key=lambda r: (_PREC_RANK.get(r.date.precision or "", 0), r.confidence))
    return EventDate(top.date.value, top.date.precision)


@dataclass
class DocInfo:
    """What slot values and sides cite of one article."""

    text: str
    pub: date | None
    published: str | None
    outlet: str
    quantities: list[Quantity]
    sents: list[tuple[int, int]] | None  # ``None`` until ``article`` needs them (most articles have no incident)
    quotes: list[Quote] = field(default_factory=list)  # by content start
    quote_starts: list[int] = field(default_factory=list)
    timex: list[Timex] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)  # by start: who a cue points to
    title: str = ""
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, da: DocAnalysis) -> DocInfo:
        quotes = sorted(da.quotes, key=lambda q: (q.content.start, q.content.end))
        return cls(da.doc.text, parse_day(da.doc.published.value), da.doc.published.value, da.doc.outlet or "",
                   sorted(da.quantities, key=lambda q: q.start), None, quotes,
                   [q.content.start for q in quotes], sorted(da.timex, key=lambda t: t.start),
                   sorted(da.entities, key=lambda e: (e.start, e.end)), da.doc.title or "")  # fmt: skip

    def article(self, doc: str) -> Article:
        if self.sents is None:
            self.sents = sentences(self.text)
        return Article(doc, self.text, self.quantities, self.sents, self.timex)

    def starts(self) -> list[int]:
        """Where each sentence starts (once ``article`` has split them)."""
        if len(self._starts) != len(self.sents or ()):
            self._starts = [lo for lo, _ in self.sents or ()]
        return self._starts

    def speaker_at(self, pos: int) -> tuple[str | None, str | None]:
        """``(entity, text)`` of the speaker whose quoted words hold ``pos``, else ``(None, None)``."""
        i = bisect_right(self.quote_starts, pos)
        for q in reversed(self.quotes[max(0, i - QUOTE_BACK) : i]):
            if q.content.start <= pos < q.content.end and not q.speaker.anonymous:
                return q.speaker.entity, q.speaker.text or None
        return None, None


@dataclass
class Assembled:
    incidents: list[Incident]
    conflicts: list[Conflict]  # slot disagreements inside incidents
    incident_of: dict[str, str]  # report (event) id -> incident id


def _plain(v: float | str) -> float | int | str:
    return int(v) if isinstance(v, float) and v.is_integer() else v


class _Builder:
    """Turns groups of reports into incidents (see module doc)."""

    def __init__(
        self,
        das: Sequence[DocAnalysis],
        ents: Mapping[str, Entity],
        claim_at: Callable[[Evidence], str | None],
    ):
        self.docs = {da.doc.id: DocInfo.of(da) for da in das}
        self.ents = ents
        self.names = {k: e.name for k, e in ents.items()}
        self.claim_at = claim_at
        self.incidents: list[Incident] = []
        self.conflicts: list[Conflict] = []
        self.incident_of: dict[str, str] = {}
        self.places: Mapping[str, Sequence[tuple[int, str]]] = {}  # doc -> (start, place entity) by start
        self.openings = Openings({}, 0, self.title_text)  # ``assemble`` sets the word counts
        self.counts: tuple[Mapping[str, int], int] = ({}, 1)  # … and these (``incidents.doc_counts``)
        self._idf: dict[str, float] | None = None
        self.relate = PlaceRelations(ents)

    def value(self, slot: str, value: float | str, ev: Event, evidence: Evidence, qualifier: str | None = None,
              value_max: float | None = None, text: str | None = None) -> SlotValue:  # fmt: skip
        info = self.docs.get(evidence.doc)
        speaker, speaker_text = info.speaker_at(evidence.start) if info else (None, None)
        return SlotValue(_plain(value), evidence.doc, [evidence], value_max, qualifier, speaker, speaker_text,
                         info.published if info else None, (info.outlet or None) if info else None, ev.id, text)  # fmt: skip

    def argument_values(self, ev: Event, lead: frozenset[str] = frozenset()) -> list[tuple[str, SlotValue]]:
        """Place, perpetrator and target a report names (entity ids, names shown); a report
        whose sentence names no place gives the places of its article's lead it was read
        with (``lead``: ``Report.inferred``), each cited where the article first names it."""
        e0 = ev.evidence[0]
        out: list[tuple[str, SlotValue]] = []
        info = self.docs.get(e0.doc)
        if not ev.place and lead and info is not None:
            first = {m.entity: m for m in reversed(info.mentions) if m.entity in lead}
            for eid in sorted(first, key=lambda x: (first[x].start, x)):
                if eid in self.ents:
                    at = Evidence(e0.doc, first[eid].start, first[eid].end)
                    out.append(("place", self.value("place", eid, ev, at, text=self.ents[eid].name)))
        named = [("place", [ev.place] if ev.place else [])]
        if ev.type in types_with("perpetrators") and info is not None:  # story/kinds.tsv: an attack's
            groups = ev.type not in types_with("struck_groups")
            for p in perpetrators(info.text, e0.start, e0.end, info.mentions, self.names, groups):
                out.append(("perpetrator", self.value("perpetrator", p.value, ev, Evidence(e0.doc, p.start, p.end),
                                                      text=p.text)))  # fmt: skip
            trig = info.text.find(ev.trigger, e0.start, e0.end) if ev.trigger else -1
            for t in targets(info.text, e0.start, e0.end, trig if trig >= 0 else e0.start, info.mentions):
                out.append(("target", self.value("target", t.value, ev, Evidence(e0.doc, t.start, t.end), text=t.text)))
        for slot, ids in named:
            for x in ids:
                if x in self.ents:
                    out.append((slot, self.value(slot, x, ev, e0, text=self.ents[x].name)))
        return out

    def side(self, v: Value) -> Side:
        info = self.docs.get(v.evidence.doc)
        speaker, speaker_text = info.speaker_at(v.evidence.start) if info else (None, None)
        return Side(shown(v), v.evidence.doc, [v.evidence], (info.outlet or None) if info else None, speaker,
                    speaker_text, self.claim_at(v.report.ev.evidence[0]))  # fmt: skip

    def add(self, evs: Sequence[Event], dated: Sequence[Event], words: Sequence[str], places: Counter[str],
            slots: Sequence[tuple[str, SlotValue]]) -> Incident:  # fmt: skip
        """One incident of ``evs``; ``words[i]`` is the label word of ``evs[i]``."""
        types = Counter(e.type for e in evs)
        if len(types) > 1 and (main := Counter({t: n for t, n in types.items() if t not in types_with("follow_up")})):
            types = main  # the attack and the arrest of its attackers: an attack
        typ = min(types, key=lambda t: (-types[t], t))
        kinds = Counter(w for e, w in zip(evs, words, strict=True) if w and e.type == typ)
        word = min(kinds, key=lambda w: (-kinds[w], w)) if kinds else kind_of(evs[0])[1] or typ
        own = [e for e in evs if e.type == typ]  # the attack's date, not the day its attackers were caught
        when = best_date(own, [e for e in dated if e.type == typ]) if own else best_date(evs, dated)
        place = best_place(places, self.ents)
        by_slot: dict[str, list[SlotValue]] = {}
        seen: set[tuple[str, str, int, int, str]] = set()
        for slot, sv in slots:  # two reports of one sentence read its figures once
            at = sv.evidence[0] if sv.evidence else Evidence(sv.source, -1, -1)
            if (key := (slot, sv.source, at.start, at.end, str(sv.value))) not in seen:
                seen.add(key)
                by_slot.setdefault(slot, []).append(sv)
        for vals in by_slot.values():
            vals.sort(
                key=lambda s: (
                    s.reported_on or "",
                    s.source,
                    s.evidence[0].start if s.evidence else 0,
                    str(s.value),
                )
            )
        inc = Incident(
            id=make_id("i", *sorted(e.id for e in evs)), type=typ,
            label=label(word, self.ents[place].name if place else "", when.value), date=when, place=place,
            reports=[e.id for e in evs], slots=dict(sorted(by_slot.items())),
            confidence=round(min(0.95, max(e.confidence for e in evs) + 0.05 * (len(evs) - 1)), 2),
            actors=list(dict.fromkeys(a for e in evs for a in e.actors if a in self.ents)),
            targets=list(dict.fromkeys(t for e in evs for t in e.targets if t in self.ents)),
            sources=len({e.evidence[0].doc for e in evs}), evidence=sorted((e.evidence[0] for e in evs), key=_ev_key),
        )  # fmt: skip
        self.incidents.append(inc)
        for e in evs:
            self.incident_of[e.id] = inc.id
        return inc

    def from_reports(self, reports: Sequence[Report], values: Sequence[Value]) -> None:
        """One resolved incident and the slot values its articles give it (``slots.article_values``);
        the figures of a round-up's side item (a report whose sentence moves on to another item,
        ``story/other_items.tsv``) are shown but never set against other sources, nor are those of
        a report in another town than the scene and its article's lead (``elsewhere``); a figure
        said in a later sentence naming another town is neither shown nor compared
        (``told_elsewhere``)."""
        reports = sorted(reports, key=lambda r: _report_key(r.ev))
        places = Counter(p for r in reports for p in r.places)
        scene = best_place(places, self.ents)
        values = sorted((replace(v, aside=True) if self.told_elsewhere(v, scene) else v for v in values),
                        key=lambda v: (_ev_key(v.evidence), v.slot, str(v.value)))  # fmt: skip
        slots = [(v.slot, self.value(v.slot, v.value, v.report.ev, v.evidence, v.qualifier, v.value_max, _text(v)))
                 for v in values if not v.aside]  # fmt: skip
        for r in reports:
            slots.extend(self.argument_values(r.ev, r.places if r.inferred else frozenset()))
        evs = [r.ev for r in reports]
        inc = self.add(
            evs, [r.ev for r in reports if r.dated], [r.label_word for r in reports], places, slots
        )
        if len({r.doc for r in reports}) > 1:
            leads: dict[str, Report] = {}  # each article's first report of the incident with places of its own
            for r in reports:  # sorted by position
                if r.places and not r.inferred:
                    leads.setdefault(r.doc, r)
            kept = [replace(v, aside=True) if self.elsewhere(v.report, leads, inc.place) else v
                    for v in values if not v.report.other]
            if self._idf is None:
                self._idf = rinc.word_weights(*self.counts)
            links = Links(reports, self.counts[0], self._idf, self.ents, self.relate)
            self.conflicts.extend(
                disagreements(inc.id, inc.label, kept, self.report_claim, self.side, self.entity_type, date_words,
                              self.not_one_story, links.weak)  # fmt: skip
            )

    def told_elsewhere(self, v: Value, scene: str | None) -> bool:
        """Whether a figure said in a later sentence than its report's names, in its own
        sentence (else the place named last before it), a place apart from the report's own
        places, or from the incident's ``scene`` when those cannot be placed ("… in Agri. A
        soldier was killed in Mardin when a mine went off. Eight soldiers were wounded"):
        another happening's, set aside."""
        r, info = v.report, self.docs.get(v.evidence.doc)
        if v.slot == "date" or r.inferred or not r.places or info is None or not info.sents:
            return False
        starts = info.starts()
        si, ri = bisect_right(starts, v.evidence.start) - 1, bisect_right(starts, r.ev.evidence[0].start) - 1
        if si < 0 or si == ri:
            return False
        places = self.places.get(v.evidence.doc, ())
        lo, hi = info.sents[si]
        said = places[bisect_left(places, (lo, "")) : bisect_left(places, (hi, ""))]
        if not said:  # else the place named last before it since its report's sentence
            said = places[bisect_left(places, (info.sents[ri][1], "")) : bisect_left(places, (lo, ""))][-1:]
        named = sorted({p for _, p in said} - r.places)
        for p in named:
            rel = best_relation(frozenset([p]), r.places, self.ents)
            if rel in (APART, NEAR) or (rel == UNKNOWN and scene and relation(p, scene, self.ents) in (APART, NEAR)):
                return True
        return False

    def elsewhere(self, r: Report, leads: Mapping[str, Report], place: str | None) -> bool:
        """Whether a report is a round-up's item in another town: its own places are apart
        from both its incident's scene and its article's first placed report of the incident
        (``leads``: the item the article leads with). Its figures are that town's happening's:
        set aside, not compared. An article that leads with a country alone leads with the
        first town it names."""
        if r.inferred or not r.places or by_person(r.kind):
            return False
        scene = frozenset([place] if place else [])
        if best_relation(r.places, scene, self.ents) not in (APART, NEAR):
            return False
        lead = leads.get(r.doc)
        if lead is None or lead is r:
            return False
        known = self._known(lead.places)
        if known and all(is_country(self.ents.get(p)) for p in known):  # "… في تركيا": no town to set it against
            town = next((p for _, p in self.places.get(r.doc, ()) if level(self.ents.get(p)) is not None
                         and not is_country(self.ents.get(p))), None)  # fmt: skip
            return town is not None and best_relation(frozenset([town]), r.places, self.ents) in (APART, NEAR)
        return self.apart(lead, r)

    def apart(self, a: Report, b: Report) -> bool:
        """Whether two reports' own places (not the ones inferred from a lead) cannot be one
        scene: two towns, or two countries (``story.places``)."""
        pa, pb = (frozenset() if a.inferred else a.places), (frozenset() if b.inferred else b.places)
        # places of unknown country (a road, a village the gazetteer lacks) cannot tell two
        # scenes apart, nor may they hide the known ones doing so ("طريق العويقيلة، عرعر" / "تبوك")
        ka, kb = self._known(pa), self._known(pb)
        if ka and kb:
            pa, pb = ka, kb
        return best_relation(pa, pb, self.ents) in (APART, NEAR)

    def _known(self, places: frozenset[str]) -> frozenset[str]:
        return frozenset(p for p in places if level(self.ents.get(p)) is not None)

    def title_text(self, doc: str) -> tuple[str, str]:
        info = self.docs.get(doc)
        return (info.title, info.text) if info is not None else ("", "")

    def not_one_story(self, a: Report, b: Report) -> bool:
        """Whether two reports' values must not be compared: their places are ``apart``, or
        their articles do not open on one story (``story.openings``: an incident grouped
        from a campaign's many reports may hold several happenings)."""
        return self.apart(a, b) or not self.openings.alike(a.doc, b.doc)

    def entity_type(self, eid: str | None) -> str | None:
        return self.ents[eid].type if eid and eid in self.ents else None

    def report_claim(self, r: Report) -> str:
        return self.claim_at(r.ev.evidence[0]) or r.ev.id

    def from_events(self, evs: Sequence[Event]) -> None:
        """One merged group of other reports: their counts, own dates and arguments."""
        evs = sorted(evs, key=_report_key)
        slots: list[tuple[str, SlotValue]] = []
        for ev in evs:
            e0 = ev.evidence[0]
            slots.extend((k, self.value(k, float(v), ev, e0)) for k, v in sorted(ev.counts.items()))
            if ev._date_source == "own" and ev.date.value:
                slots.append(
                    (
                        "date",
                        self.value("date", ev.date.value, ev, e0, text=date_words(ev.date.value) or None),
                    )
                )
            slots.extend(self.argument_values(ev))
        places = Counter(ev.place for ev in evs if ev.place)
        self.add(evs, evs, [kind_of(ev)[1] for ev in evs], places, slots)


def _dates_meet(a: Event, b: Event) -> bool:
    va, vb = a.date.value or "", b.date.value or ""
    return va.startswith(vb) or vb.startswith(va)


def _one_thing(a: Event, b: Event) -> bool:
    """Two mentions in one article of one agreement, meeting, withdrawal …: dates that do
    not exclude each other and a shared participant (or none named on one side), or the
    same day."""
    pa = {*a.actors, *a.targets, *([a.place] if a.place else [])}
    pb = {*b.actors, *b.targets, *([b.place] if b.place else [])}
    same_day = a.date.precision == b.date.precision == "day" and a.date.value == b.date.value
    return _dates_meet(a, b) and (not pa or not pb or bool(pa & pb) or same_day)


def _denials(incs: Sequence[rinc.Incident], denied: Sequence[Report]) -> set[int]:
    """Denials told beside the happening they deny ("the ministry denied the abduction the
    observatory reported"): each joins the incident of the nearest report of its kind in its
    article, whose outlets then disagree on it. ``id()`` of the events joined."""
    by_doc: dict[str, list[tuple[Report, rinc.Incident]]] = defaultdict(list)
    for inc in incs:
        for r in inc.reports:
            by_doc[r.doc].append((r, inc))
    joined: set[int] = set()
    for d in denied:
        at = d.ev.evidence[0].start
        near = [(abs(r.ev.evidence[0].start - at), k, inc) for k, (r, inc) in enumerate(by_doc.get(d.doc, ())) if r.kind == d.kind]
        if near:
            min(near, key=lambda x: x[:2])[2].add(d)
            joined.add(id(d.ev))
    return joined


def article_groups(events: Sequence[Event]) -> list[list[Event]]:
    """Groups of reports that are not incident happenings: ``resolve.events.merge`` across
    articles, joined where one article tells of one thing several times: a mention joins an
    earlier one of its type and modality among the last ``ARTICLE_WINDOW`` (``_one_thing``),
    and two mentions of related types (trait ``one_sentence`` in ``story/kinds.tsv``) in one sentence are one happening
    ("they agreed at the meeting"). Linear in the reports besides ``merge``."""
    groups = list(merge(events).members.values())
    parent = list(range(len(groups)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: Event, y: Event) -> None:
        rx, ry = find(group_of[id(x)]), find(group_of[id(y)])
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    group_of = {id(ev): n for n, g in enumerate(groups) for ev in g}
    by_doc: dict[str, list[Event]] = {}
    for ev in events:
        by_doc.setdefault(ev.evidence[0].doc, []).append(ev)
    for evs in by_doc.values():
        evs.sort(key=_report_key)
        recent: dict[tuple[str, str], list[Event]] = {}
        sentence: list[Event] = []  # reports whose evidence overlaps, in text order
        for ev in evs:
            seen = recent.setdefault((ev.type, ev.modality), [])
            for prev in seen:
                if _one_thing(prev, ev):
                    union(prev, ev)
                    break
            seen.insert(0, ev)
            del seen[ARTICLE_WINDOW:]
            if sentence and ev.evidence[0].start >= max(x.evidence[0].end for x in sentence):
                sentence = []
            for prev in sentence[-ARTICLE_WINDOW:]:
                if (prev.type != ev.type and {prev.type, ev.type} <= types_with("one_sentence")
                        and prev.modality == ev.modality and _dates_meet(prev, ev)):  # fmt: skip
                    union(prev, ev)
            sentence.append(ev)
    joined: dict[int, list[Event]] = {}
    for n, g in enumerate(groups):
        joined.setdefault(find(n), []).extend(g)
    return list(joined.values())


def _text(v: Value) -> str:
    return date_words(str(v.value)) if v.slot == "date" else shown(v)


def _report_key(ev: Event) -> tuple[str, int, str]:
    e0 = ev.evidence[0] if ev.evidence else None
    return (e0.doc, e0.start, ev.id) if e0 else ("", 0, ev.id)


def _ev_key(e: Evidence) -> tuple[str, int, int]:
    return (e.doc, e.start, e.end)


def assemble(
    events: Sequence[Event], das: Sequence[DocAnalysis], entities: Sequence[Entity],
    claim_at: Callable[[Evidence], str | None] = lambda _: None, told: Mapping[int, Told] | None = None,
    parts: Parts | None = None, figures: FigureReader | None = None,
) -> Assembled:  # fmt: skip
    """Incidents of ``events`` (each report in exactly one), their slot conflicts, and which
    incident each report joined. ``claim_at(evidence)`` names the claim whose sentence holds
    a report (a conflict's ``a``/``b``), else the report's own id is used. ``told``: what the
    per-document step read of the reports' sentences (``story.reports.told``), by ``id()``.
    ``parts``: where incident resolution runs each kind group (``incidents.resolve``);
    ``figures``: what reads the articles' figures (``story.figure_cache``: the store's cache)."""
    ents = {e.id: e for e in entities}
    b = _Builder(das, ents, claim_at)
    evs = [ev for ev in events if ev.evidence]
    incident = incident_types()
    happen = [ev for ev in evs if ev.type in incident and ev.modality == "happened"]
    rest = [ev for ev in evs if not (ev.type in incident and ev.modality == "happened")]
    geo = ("GPE", "LOC", "FAC")  # filtered, then sorted by start (stable: the order sorting all mentions gives)
    doc_places = {da.doc.id: sorted([(m.start, m.entity) for m in da.entities if m.entity and m.type in geo and m.entity in ents],
                                    key=lambda x: x[0]) for da in das}  # fmt: skip
    b.places = doc_places
    texts = {k: v.text for k, v in b.docs.items()}
    pubs = {k: v.pub for k, v in b.docs.items()}
    outlets = {k: v.outlet for k, v in b.docs.items()}
    reports = make_reports(happen, texts, pubs, outlets, ents, doc_places, told)
    kept = {id(r.ev) for r in reports}
    rest.extend(ev for ev in happen if id(ev) not in kept)  # no date at all: not placed in time
    counts = rinc.doc_counts(reports)  # word weights of incident resolution, and of the articles' openings
    incs = resolve(reports, ents, parts, counts)
    denied = [ev for ev in rest if ev.type in incident and ev.modality == "denied"]
    joined = _denials(incs, make_reports(denied, texts, pubs, outlets, ents, doc_places, told))
    for group in article_groups([ev for ev in rest if id(ev) not in joined]):
        b.from_events(group)
    owner = {id(r): k for k, inc in enumerate(incs) for r in inc.reports}
    by_doc: dict[str, list[Report]] = defaultdict(list)
    for inc in incs:
        for r in inc.reports:
            by_doc[r.doc].append(r)
    b.openings = Openings(*counts, b.title_text)
    b.counts = counts
    values: dict[int, list[Value]] = defaultdict(list)
    arts = [(by_doc[doc], info.article(doc)) for doc in sorted(by_doc) if (info := b.docs.get(doc))]
    for vs in (figures or read_all)(arts):  # an article's figures are read once and each given to one report
        for v in vs:
            values[owner[id(v.report)]].append(v)
    for k, inc in enumerate(incs):
        b.from_reports(inc.reports, values[k])
    b.incidents.sort(key=lambda i: (_ev_key(i.evidence[0]) if i.evidence else ("", 0, 0), i.id))
    return Assembled(b.incidents, b.conflicts, b.incident_of)
