"""Incident resolution: the reports of one happening, across outlets and days, as one incident.

Every story event is a *report* (the types: ``story.reports``). A report has a kind (from
its trigger, ``story/kinds.tsv``: a fire never joins a crash; an arrest report naming a
bombing may join the bombing, an undated one naming a death the killing), a
window of days when the happening may have taken place (its own date at its precision; a
report dated only by its article gets the ``REACH`` days up to its publication date,
``BACKREF_DAYS`` with a back-reference phrase, ``story/backrefs.txt``), its places (entity
ids: its scene, the places it hits; else the article's lead's, which never exclude), its
participants and the words of its sentence (``story.report_words``).

A report joins an incident when the kinds are compatible, the windows are at most
``MAX_GAP`` days apart (a follow-up — new toll, arrests, funeral — up to ``FOLLOW_DAYS``
later with a shared place and ``FOLLOW_JOIN`` evidence, ``DAY_APART`` more when both sides
tell their own day: two days told are mostly two happenings), the places are not apart
(``places.best_relation``: the finest places both name decide; two districts of one city,
``places.spots``, are two happenings, and so are a town the linker could not place, named
after a settlement word, and another town of its country, ``places.towns``), and the evidence reaches
``JOIN``: the place relation (same, one area, a province, one country, two towns), the
idf-weighted share of its telling words the incident's articles use, equal figures,
shared participants, the same article (unless the sentence moves on to another item). Such a
side item of a round-up joins another article's incident only on a place both name or on its
own words: a shared country or province would make it a bridge between two happenings.
Kinds with the ``person`` trait (a death, ``story/kind_traits.tsv``) join on the person who
died alone (the event's PER target), whatever dates and places the reports give, when both
sides name him; a report naming nobody is judged as other kinds are.

Blocking, never all pairs. A report is filed under ``(kind, ISO week, key)`` for each week
its window touches and each key among its places' countries, its ``TOP_WORDS`` rarest
shared words, its article and one shared key per kind and week (a by-person kind: under
the words of the person's name). Pass one takes the reports that date themselves first,
then the others, each in date order; each joins the best-scoring incident met in its
blocks (scored against the incident's running profile, never against every member) or
opens one. A block holds at most ``MAX_BLOCK`` incidents (the latest). Pass two merges an
incident into another met in its reports' blocks when its reports would, on average, join
it (``_merge``): it repairs the order effects of pass one (a vague report that opened an
incident before the precise one it belongs with). Each pass costs
``O(n · keys · MAX_BLOCK)`` score calls, each linear in a report's ``TOP_SHARE`` words and
places; ``n`` reports, ``keys`` per report bounded by the weeks (at most 8) times the keys
per week (places, ``TOP_WORDS``, 2).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from functools import cache

from rasd.annotators.events.recall import RECALL_DAYS
from rasd.models import Entity, Event
from rasd.story import places as pl
from rasd.story import report_words as rw
from rasd.story.joins import (  # the join evidence (``score``: tests and tools patch it here)
    JOIN,
    MAX_GAP,
    _follow_days,
    _gap,
    _name_words,
    score,
)
from rasd.story.report_words import Group, followup_words, telling
from rasd.story.reports import (
    WIDE_DAYS,
    Incident,
    Report,
    Told,
    _kinds,
    by_person,
    has_trait,
    parse_day,
    told,
)
from rasd.temporal import TimeValue

REACH = 3  # days before its article an undated report may be about
BACKREF_DAYS = 7  # … with a back-reference phrase ("the attack that took place …")
TOP_WORDS = 4
LEAD_REACH = 300  # characters before a placeless report where its scene may be named
DATELINE = 80  # characters of an article's opening that a dateline place falls in
MAX_BLOCK = 64
GROUP_FOLLOW_JOIN = 2.5  # … the mean a group of follow-up reports needs to join days later
MERGE_FLOOR = 0.0  # the least a report of a merged incident may score: none speaks against it


def window(ev: Event, pub: date | None, backref: bool) -> tuple[date, date, bool] | None:
    """``(first, last, dated)``: the days the happening may fall on; ``dated`` when the
    report's own words date it (not its article)."""
    v = ev.date.value or ""
    if ev._date_source != "article" and v:
        d = parse_day(v)
        if d is not None:
            return d, d, True
        tv = TimeValue.parse(v)
        r = tv.range()
        if r is not None and tv.week is not None:
            return r[0], r[1], True
        if r is not None and tv.plain and tv.precision == "month":
            first, last = r
            if pub is not None and first <= pub <= last:  # this month, per the report: up to its article
                return max(first, pub - timedelta(days=BACKREF_DAYS)), pub, False
            return first, last, True
    if pub is None:
        return None
    return pub - timedelta(days=BACKREF_DAYS if backref else REACH), pub, False


def _weeks(lo: date, hi: date, back: int = MAX_GAP) -> list[str]:
    """ISO weeks of the days from ``back`` days before ``lo`` to ``MAX_GAP`` after ``hi`` (at most 8)."""
    out: list[str] = []
    d, end = lo - timedelta(days=back), hi + timedelta(days=MAX_GAP)
    while d <= end and len(out) < 8:
        y, w, _ = d.isocalendar()
        out.append(f"{y}-W{w:02d}")
        d += timedelta(days=7 - d.weekday())  # next Monday
    if len(out) < 8:
        y, w, _ = end.isocalendar()
        if f"{y}-W{w:02d}" not in out:
            out.append(f"{y}-W{w:02d}")
    return out


def make_reports(
    events: Sequence[Event],
    texts: Mapping[str, str],
    pubs: Mapping[str, date | None],
    outlets: Mapping[str, str],
    ents: Mapping[str, Entity],
    doc_places: Mapping[str, Sequence[tuple[int, str]]] | None = None,
    known: Mapping[int, Told] | None = None,
) -> list[Report]:
    """One report per event; ``doc_places``: each document's ``(offset, place id)`` in text
    order, the scene of a report whose sentence names none (the dateline, the lead);
    ``known``: ``told`` of events by ``id()``, read already (else read here)."""
    out = []
    spot = pl.spots(doc_places or {}, texts, ents)
    town = pl.towns(doc_places or {}, texts, ents)
    for ev in events:
        e0 = ev.evidence[0]
        t = known.get(id(ev)) if known is not None else None
        if t is None:
            t = told(ev, texts.get(e0.doc, ""))
        backref = t.backref
        w = window(ev, pubs.get(e0.doc), backref)
        if w is None:
            continue
        kind, word = t.kind, t.word
        # places it names: its scene, the places it hits, places among its actors but
        # countries (a country among the actors is a party to it, not its scene)
        named = [x for x in ev.targets if ents.get(x) is not None and ents[x].type in ("GPE", "LOC", "FAC")]
        named += [
            x
            for x in ev.actors
            if ents.get(x) is not None
            and ents[x].type in ("GPE", "LOC", "FAC")
            and not pl.is_country(ents[x])
        ]
        geo = frozenset(x for x in [ev.place, *named] if x and not x.startswith("?"))
        inferred = not geo and bool(doc_places)
        if inferred and doc_places:
            # a country named nearby is not a scene (a border named in a report on a trial abroad)
            geo = lead_place(
                [(at, p) for at, p in doc_places.get(e0.doc, ()) if not pl.is_country(ents.get(p))], e0.start, e0.end
            )
        parts = frozenset(x for x in [*ev.actors, *ev.targets] if x not in geo and not x.startswith("?"))
        groups = t.groups
        words = frozenset(w for g in groups for w in g)
        follow = backref or bool(words & followup_words()) or has_trait(kind, "lasting")
        # an arrest of those behind a bombing is a report of the bombing (a follow-up), and so
        # is a death its sentence says the bombing caused ("قتل في هجوم صاروخي"): of the
        # happenings its sentence names (kinds with the ``arrested`` trait); see also ``_tolls``
        about = (
            frozenset(k for w in words if w in _kinds() and _causes(k := _kinds()[w][0], kind))
            - {kind}
            if kind == "arrest" or by_person(kind)
            else frozenset()
        )
        if has_trait(kind, "deadly"):
            # a fall whose sentence tells the death ("لقيت مصرعها إثر سقوطها") reports that
            # death too: it may join the incident another outlet opened on the death alone
            about |= {k for x in words if x in _kinds() and by_person(k := _kinds()[x][0])}
        dates_itself = ev._date_source != "article" and bool(ev.date.value)
        if kind == "arrest" and not dates_itself and any(by_person(_kinds()[x][0]) for x in words if x in _kinds()):
            # the arrest of a man "who killed his neighbour" reports the killing (the ``killing``
            # trait); one that dates itself (a day, a year) tells the arrest's time, not the killing's
            about |= _with_trait("killing")
        # the person a death is about: its PER targets (``annotators.events.deaths``: who died,
        # never the killer or the speaker who announced it)
        persons = frozenset(x for x in ev.targets if ents.get(x) is not None and ents[x].type == "PER")
        out.append(Report(ev, e0.doc, outlets.get(e0.doc, ""), pubs.get(e0.doc), kind, word, w[0], w[1], w[2], geo, parts, words,
                          follow, about, persons, groups, t.moves_on, inferred and bool(geo), t.other,
                          t.context or recalled(w, pubs.get(e0.doc)),
                          frozenset() if inferred else frozenset(spot[p] for p in geo if p in spot),
                          frozenset() if inferred else frozenset((p, c) for p, c in town.get(e0.doc, {}).items() if p in geo)))  # fmt: skip
    return _tolls(out)


def _causes(k: str, kind: str) -> bool:
    """Whether a happening of kind ``k`` named in a ``kind`` report's sentence is what it reports:
    an arrest names a crime (``arrested``), a death also what killed (``deadly``: "غرقا")."""
    return has_trait(k, "arrested") or (by_person(kind) and has_trait(k, "deadly"))


def recalled(w: tuple[date, date, bool], pub: date | None) -> bool:
    """Whether a report's own words date it ``RECALL_DAYS`` or more before its article: a
    happening the article recalls ("وكانت المدينة قد شهدت هجوما في 20 يونيو"), told in passing
    like a context sentence's (``Report.context``): it may join its incident but never brings
    its article's other reports along."""
    return w[2] and pub is not None and w[1] <= pub - timedelta(days=RECALL_DAYS)


TOLL_REACH = 600  # characters between a death and the deadly happening it may be the toll of


@cache
def _with_trait(trait: str) -> frozenset[str]:
    """The kinds with ``trait`` (``story/kind_traits.tsv``)."""
    return frozenset(k for k in {v[0] for v in _kinds().values()} if has_trait(k, trait))

def _tolls(reports: list[Report]) -> list[Report]:
    """A death told near a deadly happening in one article (an attack, a crash: the kinds
    with the ``arrested`` trait; within ``TOLL_REACH`` characters) may be its toll ("مقتل
    الجنرال" a sentence after "هجوم صاروخي على سيارته"): it is about that kind too, so it
    may join its incident (dates, places and words still decide). An assassination recalled
    paragraphs away from an article's attacks stays apart."""
    deadly: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for r in reports:
        if has_trait(r.kind, "arrested") or has_trait(r.kind, "deadly"):
            deadly[r.doc].append((r.ev.evidence[0].start, r.kind))
    for r in reports:
        if by_person(r.kind) and r.doc in deadly:
            at = r.ev.evidence[0].start
            near = frozenset(k for start, k in deadly[r.doc] if abs(start - at) <= TOLL_REACH)
            r.about = r.about | near
    return reports


def lead_place(places: Sequence[tuple[int, str]], at: int, end: int | None = None) -> frozenset[str]:
    """The place named last before ``at`` within ``LEAD_REACH`` characters, else the
    article's first place when it opens the article (a dateline: "عين اليوم – المنامة"),
    unless it lies in the report's own sentence (``at``..``end``): the events annotator read
    that sentence and left it out (a town recalled from another happening, a source's seat)."""
    before = [p for s, p in places if at - LEAD_REACH <= s < at]
    if before:
        return frozenset(before[-1:])
    return frozenset(p for s, p in places[:1] if s < DATELINE and not (end is not None and at <= s < end))


def _keys(
    r: Report, kind: str, rare: Sequence[str], ents: Mapping[str, Entity]
) -> list[tuple[str, str, str]]:
    """Blocking keys of ``r`` among incidents of ``kind``: per week its window touches, its
    places' countries, its rare words, its article and the kind's shared key; a by-person
    kind also by the words of the person's name, whatever the week (a report naming nobody
    who died joins as other kinds do, and one naming him must meet it)."""
    named = [(kind, "", "per:" + w) for p in sorted(r.persons) for w in sorted(_name_words(p, ents))] if by_person(kind) else []
    return named + [(kind, wk, k) for wk in _weeks(r.lo, r.hi, _follow_days(kind) if r.follow else MAX_GAP)
            for k in [*("p:" + p for p in pl.block_keys(r.places, ents)), *("w:" + w for w in rare), "d:" + r.doc, "*"]]  # fmt: skip


# runs ``resolve_part`` on each kind group (``kind_groups``), wherever it likes (a Dask
# cluster: ``parallel_dask``): (reports, entities, word document counts, documents, groups)
# -> for each group, its incidents as lists of indices into the group, in order of adding
Parts = Callable[[Sequence[Report], Mapping[str, Entity], Mapping[str, int], int, list[list[int]]], list[list[list[int]]]]


def doc_counts(reports: Sequence[Report]) -> tuple[Counter[str], int]:
    """In how many articles each report word occurs, and how many articles: corpus-wide, so a
    word weighs the same whichever group of reports is resolved."""
    df: Counter[str] = Counter()
    by_doc: dict[str, set[str]] = defaultdict(set)
    for r in reports:
        by_doc[r.doc] |= r.words
    for ws in by_doc.values():
        df.update(ws)
    return df, max(1, len(by_doc))


def word_weights(df: Mapping[str, int], n: int) -> dict[str, float]:
    """Each word's weight from ``doc_counts``: the rarer over the articles, the more it tells."""
    return {w: math.log((n + 1) / (c + 1)) for w, c in df.items()}


def kind_groups(reports: Sequence[Report]) -> list[list[int]]:
    """Indices of ``reports`` by group of kinds that can meet: a report looks for incidents of
    its kind and the kinds it is about (``compatible``), and blocking keys start with a kind,
    so two groups never share a candidate and each resolves alone to what ``resolve`` gives.
    The partition a cluster can run as tasks; largest group first (it takes longest)."""
    root: dict[str, str] = {}

    def find(k: str) -> str:
        root.setdefault(k, k)
        while root[k] != k:
            root[k] = root[root[k]]
            k = root[k]
        return k

    for r in reports:
        for k in r.about:
            a, b = sorted((find(r.kind), find(k)))
            root[b] = a
    groups: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(reports):
        groups[find(r.kind)].append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def resolve_part(reports: Sequence[Report], ents: Mapping[str, Entity], df: Mapping[str, int], n: int) -> list[list[int]]:
    """``resolve`` of one kind group with the corpus's word counts: its incidents as the
    indices of their reports in order of adding (what a task sends back: no objects)."""
    _, members = _resolve(reports, ents, df, n)
    return members


def resolve(
    reports: Sequence[Report], ents: Mapping[str, Entity], parts: Parts | None = None,
    counts: tuple[Mapping[str, int], int] | None = None,
) -> list[Incident]:  # fmt: skip
    """Group reports into incidents (see module doc); deterministic for a given input.
    ``parts`` resolves each kind group (``kind_groups``) on its own, elsewhere; the incidents
    are rebuilt here from the reports' indices, in the order one pass would have opened them,
    so the result is the same (``tests/test_incident_parts.py``). ``counts``: ``doc_counts``
    of ``reports`` when the caller has them already."""
    df, n = counts if counts is not None else doc_counts(reports)
    if parts is None:
        return _resolve(reports, ents, df, n)[0]
    groups = kind_groups(reports)
    rank = {i: k for k, i in enumerate(_order(reports))}
    opened: list[tuple[int, list[int]]] = []
    for group, incs in zip(groups, parts(reports, ents, df, n, groups), strict=True):
        opened.extend((rank[group[m[0]]], [group[i] for i in m]) for m in incs)
    out: list[Incident] = []
    for _, members in sorted(opened):
        inc = Incident(reports[members[0]].kind)
        for i in members:
            inc.add(reports[i])
        out.append(inc)
    return out


def _order(reports: Sequence[Report]) -> list[int]:
    """Reports that date themselves first: incidents are anchored on them, vaguer reports
    join; each in date order."""
    return sorted(
        range(len(reports)),
        key=lambda i: (not reports[i].dated, reports[i].lo, reports[i].doc, reports[i].ev.evidence[0].start, i),
    )


def _resolve(
    reports: Sequence[Report], ents: Mapping[str, Entity], df: Mapping[str, int], n: int
) -> tuple[list[Incident], list[list[int]]]:
    """Both passes over ``reports``: the incidents kept and their reports' indices."""
    idf = word_weights(df, n)
    order = _order(reports)
    incidents: list[Incident] = []
    members: list[list[int]] = []
    blocks: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    tops: dict[int, list[Group]] = {}
    weights: dict[int, rw.Weights] = {}
    relate = pl.Relations(ents)
    lookups: dict[int, list[tuple[str, str, str]]] = {}
    for i in order:
        r = reports[i]
        top = tops[i] = telling(r.groups, df, idf)
        wts = weights[i] = rw.weigh(top, idf)
        rare = [min(g, key=lambda w: (idf[w], w)) for g in top[:TOP_WORDS]]
        kinds = (r.kind, *sorted(r.about))
        keys_of = {kind: _keys(r, kind, rare, ents) for kind in kinds}  # once per kind, for the blocks below too
        lookup = lookups[i] = [k for kind in kinds for k in keys_of[kind]]
        cands = sorted({c for k in lookup for c in blocks.get(k, [])[-MAX_BLOCK:]})
        best, best_s = None, JOIN
        for c in cands:
            floor = best_s + (1e-9 if best is not None else 0.0)
            s = score(r, incidents[c], idf, ents, top, None, wts, relate, floor)
            if s is not None and s >= best_s + (1e-9 if best is not None else 0.0):
                best, best_s = c, s
        if best is None:
            best = len(incidents)
            incidents.append(Incident(r.kind))
            members.append([])
        inc = incidents[best]
        inc.add(r)
        members[best].append(i)
        for kind in sorted({inc.kind, *r.about}):  # where later reports of its kinds look
            for k in keys_of[kind] if kind in keys_of else _keys(r, kind, rare, ents):
                if not blocks[k] or blocks[k][-1] != best:
                    blocks[k].append(best)
    return _merge(incidents, members, blocks, lookups, tops, reports, idf, ents, weights, relate)


def _merge(
    incidents: list[Incident],
    members: list[list[int]],
    blocks: Mapping[tuple[str, str, str], list[int]],
    lookups: Mapping[int, list[tuple[str, str, str]]],
    tops: Mapping[int, list[Group]],
    reports: Sequence[Report],
    idf: Mapping[str, float],
    ents: Mapping[str, Entity],
    weights: Mapping[int, rw.Weights] | None = None,
    relate: pl.Relations | None = None,
) -> tuple[list[Incident], list[list[int]]]:
    """Second pass: an incident whose reports, on average, would join another incident met in
    their blocks is merged into it. One pass in reading order fixes the first pass's order
    effects (a vague report that opened an incident before the precise one it belongs
    with); each incident meets at most ``MAX_BLOCK`` others per key, as in the first pass."""
    root = list(range(len(incidents)))

    def find(x: int) -> int:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    for b in range(len(incidents)):
        if find(b) != b:
            continue
        mine = members[b]
        ib = incidents[b]
        follow = any(reports[i].follow for i in mine)
        cands = sorted(
            {find(c) for i in mine for k in lookups[i] for c in blocks.get(k, [])[-MAX_BLOCK:]} - {b}
        )
        best, best_s = None, 0.0
        for c in cands:
            ic = incidents[c]
            assert ib.lo is not None and ib.hi is not None and ic.lo is not None and ic.hi is not None
            # the incidents' windows decide (not each report's: one misdated report of
            # either must not keep them apart), as they decide a report's join
            gap = _gap(ib.lo, ib.hi, ic.lo, ic.hi)
            wide = max((ib.hi - ib.lo).days, (ic.hi - ic.lo).days) > WIDE_DAYS and not has_trait(ic.kind, "lasting")
            reach = _follow_days(ic.kind) if ib.lo > ic.hi and follow else MAX_GAP
            if not (by_person(ib.kind) and ib.persons and ic.persons) and ((gap and (ib.dated or ic.dated) and wide) or gap > reach):
                continue
            span = (ic.lo, ic.hi, ic.dated, False)
            vals: list[float] = []
            for i in mine:
                # a report scoring below MERGE_FLOOR keeps them apart as one excluded does
                x = score(reports[i], ic, idf, ents, tops[i], span, weights.get(i) if weights else None, relate, MERGE_FLOOR)
                if x is None or x < MERGE_FLOOR:
                    break  # a report of it excluded (another place, another kind) or below the floor: kept apart
                vals.append(x)
            if len(vals) < len(mine):
                continue
            mean = sum(vals) / len(vals)
            # on average as a report would join (days later: as a group of follow-ups, whose
            # agreement is itself evidence), and none of them speaking against it
            s = mean - 0.5 * min(gap, MAX_GAP)
            ok = s >= JOIN if gap <= MAX_GAP else mean >= GROUP_FOLLOW_JOIN
            if ok and min(vals) >= MERGE_FLOOR and s > best_s + 1e-9:
                best, best_s = c, s
        if best is not None:
            for i in mine:
                incidents[best].add(reports[i])
            members[best].extend(mine)
            root[b] = best
    kept = [k for k in range(len(incidents)) if find(k) == k]
    return [incidents[k] for k in kept], [members[k] for k in kept]
