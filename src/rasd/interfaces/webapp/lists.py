"""Home, the lists (documents, entities, incidents, quotes, threads), the timeline and the map."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rasd.ingest.outlets import key as outlet_key
from rasd.interfaces.exports.geo import PLACE_TYPES, _is_outlet_name
from rasd.interfaces.report import date_range
from rasd.interfaces.webapp.charts import bars, map_geometry
from rasd.interfaces.webapp.common import bound, label, overlaps, page, shorten, when
from rasd.interfaces.webapp.corpus import Corpus, DocMeta
from rasd.interfaces.webapp.docview import event_label
from rasd.interfaces.webapp.story import conflict_brief, conflict_date, incident_brief, thread_brief
from rasd.text import fold

LATEST = 8  # incidents and disagreements on the home page
DENSE = 40  # timeline items above which they are counted per week or month
BUCKET_ITEMS = 6  # labels listed under one week or month; the rest are a link to that period


def doc_brief(m: DocMeta) -> dict[str, Any]:
    return {"id": m.id, "title": m.title, "outlet": m.outlet, "date": m.date, "language": m.language,
            "chars": m.chars, "href": f"/documents/{m.id}", "duplicate_of": m.duplicate_of}  # fmt: skip


def home(corpus: Corpus) -> dict[str, Any]:
    """Counts that link to their lists, the latest incidents, disagreements and documents."""
    v = corpus.views
    counts = [
        ("documents", len(corpus.docs), "/documents"), ("entities", len(v.entities), "/entities"),
        ("incidents", len(v.incidents), "/incidents"), ("conflicts", len(v.conflicts), "/disagreements"),
        ("threads", len(v.threads), "/threads"), ("quotes", len(corpus.quotes), "/quotes"),
        ("events", len(v.events), "/timeline"),
    ]  # fmt: skip
    incs = sorted(v.incidents, key=lambda i: (i.date.value or "", i.id), reverse=True)[:LATEST]
    dates = {k.id: conflict_date(corpus, k) for k in v.conflicts}
    ks = sorted(v.conflicts, key=lambda k: (dates[k.id], k.id), reverse=True)[:LATEST]
    docs = sorted(corpus.docs, key=lambda m: (m.date or "", m.id), reverse=True)[:LATEST]
    return {
        "source": corpus.source, "as_of": corpus.as_of,
        "counts": [{"kind": k, "label": label("kind", k), "count": n, "href": h} for k, n, h in counts],
        "incidents": [incident_brief(i) for i in incs],
        "conflicts": [conflict_brief(corpus, k) for k in ks],
        "documents": [doc_brief(m) for m in docs],
    }  # fmt: skip


def documents(corpus: Corpus, outlet: str | None, language: str | None, date_from: str | None,
              date_to: str | None, limit: int, offset: int) -> dict[str, Any]:  # fmt: skip
    """Documents, newest first, filtered by outlet, language and publication date."""
    lo, hi = bound(date_from, False), bound(date_to, True)
    docs = [m for m in corpus.docs if (not outlet or m.outlet == outlet) and (not language or m.language == language)
            and overlaps(m.date, lo, hi)]  # fmt: skip
    docs.sort(key=lambda m: (m.date or "", m.id), reverse=True)
    out = page(docs, limit, offset)
    out["items"] = [doc_brief(m) for m in out["items"]]
    return out


def entities(corpus: Corpus, type: str | None, q: str | None, limit: int, offset: int) -> dict[str, Any]:
    ents = sorted(corpus.views.entities, key=lambda e: (-e.mentions, e.id))
    if type:
        ents = [e for e in ents if e.type == type.upper()]
    if q:
        fq = fold(q)
        ents = [e for e in ents if any(fq in fold(n) for n in [e.name, *e.aliases])]
    out = page(ents, limit, offset)
    out["items"] = [{"id": e.id, "name": e.name, "type": e.type, "type_label": label("entity", e.type),
                     "mentions": e.mentions, "documents": len(e.docs), "href": f"/entities/{e.id}"}
                    for e in out["items"]]  # fmt: skip
    return out


def incidents(corpus: Corpus, type: str | None, entity: str | None, date_from: str | None, date_to: str | None,
              limit: int, offset: int) -> dict[str, Any]:  # fmt: skip
    lo, hi = bound(date_from, False), bound(date_to, True)
    incs = [i for i in corpus.views.incidents
            if (not type or i.type == type.upper()) and (not entity or entity in {i.place, *i.actors, *i.targets})
            and overlaps(i.date.value, lo, hi)]  # fmt: skip
    incs.sort(key=lambda i: (i.date.value or "", i.id), reverse=True)
    out = page(incs, limit, offset)
    out["items"] = [incident_brief(i) for i in out["items"]]
    return out


def quotes(corpus: Corpus, speaker: str | None, doc: str | None, limit: int, offset: int) -> dict[str, Any]:
    """Quotes newest first, optionally by one speaker (entity id) or from one document."""
    rows = corpus.quotes
    if speaker:
        rows = [corpus.quotes[i] for i in corpus.quotes_by_speaker.get(speaker, [])]
    if doc:
        rows = [r for r in rows if r.quote.doc == doc]
    out = page(rows, limit, offset)
    out["items"] = [{
        "doc": r.quote.doc, "start": r.quote.start, "end": r.quote.end, "title": r.title, "outlet": r.outlet,
        "date": r.date, "speaker": r.quote.speaker.text, "speaker_entity": r.quote.speaker.entity,
        "cue": r.quote.cue, "direct": r.quote.direct, "polarity": r.quote.polarity, "text": r.content,
        "href": f"/documents/{r.quote.doc}?hl={r.quote.start}-{r.quote.end}#hl",
    } for r in out["items"]]  # fmt: skip
    return out


def threads(corpus: Corpus, status: str | None, entity: str | None, as_of: str, limit: int,
            offset: int) -> dict[str, Any]:  # fmt: skip
    items = [thread_brief(corpus, t, as_of) for t in corpus.views.threads if not entity or entity in t.actors]
    if status:
        items = [t for t in items if t["status"] == status]
    items.sort(key=lambda t: (t["deadline"] or "9999", t["id"]))
    out = page(items, limit, offset)
    out["as_of"] = as_of
    return out


# --------------------------------------------------------------------------- timeline


@dataclass
class Row:
    kind: str  # incident | event
    id: str
    type: str
    label: str
    date: str | None
    start: dt.date | None
    outlets: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)


def _rows(corpus: Corpus) -> list[Row]:
    """Incidents, and the events no incident groups: one row each, labelled briefly (built once)."""
    if "timeline" not in corpus.memo:
        corpus.memo["timeline"] = _build_rows(corpus)
    rows: list[Row] = corpus.memo["timeline"]
    return rows


def _build_rows(corpus: Corpus) -> list[Row]:
    rows = []
    for inc in corpus.views.incidents:
        outs = {corpus.doc[ev.doc].outlet or "" for ev in inc.evidence if ev.doc in corpus.doc}
        r = date_range(inc.date.value)
        rows.append(Row("incident", inc.id, inc.type, shorten(inc.label, 90), inc.date.value, r[0] if r else None,
                        outs - {""}, {x for x in (inc.place, *inc.actors, *inc.targets) if x}))  # fmt: skip
    for e in corpus.views.events:
        if e.id in corpus.incident_of_event:
            continue
        outs = {corpus.doc[ev.doc].outlet or "" for ev in e.evidence if ev.doc in corpus.doc}
        r = date_range(e.date.value)
        rows.append(Row("event", e.id, e.type, shorten(event_label(corpus, e.id), 90), e.date.value,
                        r[0] if r else None, outs - {""}, {x for x in (e.place, *e.actors, *e.targets) if x}))  # fmt: skip
    return rows


def _bucket(d: dt.date, grain: str) -> tuple[str, dt.date, dt.date]:
    if grain == "month":
        first = d.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return first.strftime("%Y-%m"), first, last
    if grain == "week":
        first = d - dt.timedelta(days=d.weekday())
        return f"{first.isocalendar()[0]}-W{first.isocalendar()[1]:02d}", first, first + dt.timedelta(days=6)
    return d.isoformat(), d, d


def timeline(corpus: Corpus, type: str | None, outlet: str | None, entity: str | None, date_from: str | None,
             date_to: str | None, limit: int, offset: int) -> dict[str, Any]:  # fmt: skip
    """Dated rows in order, grouped by day, or by week or month when there are more than
    ``DENSE`` of them; each group lists a few labels and links to itself (zooming in)."""
    lo, hi = bound(date_from, False), bound(date_to, True)
    rows = [r for r in _rows(corpus)
            if (not type or r.type == type.upper()) and (not outlet or outlet in r.outlets)
            and (not entity or entity in r.entities)]  # fmt: skip
    undated = [r for r in rows if r.start is None]
    dated = sorted((r for r in rows if r.start is not None and overlaps(r.date, lo, hi)),
                   key=lambda r: (r.start or dt.date.min, r.id))  # fmt: skip
    span = (dated[-1].start - dated[0].start).days if dated and dated[0].start and dated[-1].start else 0
    grain = "day" if len(dated) <= DENSE else ("week" if span <= 180 else "month")
    groups: dict[str, dict[str, Any]] = {}
    for r in dated:
        assert r.start is not None
        key, first, last = _bucket(r.start, grain)
        g = groups.setdefault(key, {"key": key, "from": first.isoformat(), "to": last.isoformat(), "count": 0,
                                    "label": _period_label(first, grain), "items": []})  # fmt: skip
        g["count"] += 1
        if len(g["items"]) < BUCKET_ITEMS or grain == "day":
            g["items"].append({"kind": r.kind, "id": r.id, "type": r.type, "type_label": label("event", r.type),
                               "label": r.label, "date": r.date,
                               "href": f"/incidents/{r.id}" if r.kind == "incident" else _event_href(corpus, r.id)})  # fmt: skip
    buckets = list(groups.values())
    for g in buckets:
        g["more"] = g["count"] - len(g["items"])
    out = page(buckets, limit, offset)
    out.update({
        "grain": grain, "items_total": len(dated), "undated": len(undated),
        "chart": bars([(g["key"], g["label"], g["count"]) for g in buckets[-120:]]),
        "types": sorted({r.type for r in rows}), "outlets": corpus.outlets,
    })  # fmt: skip
    return out


def _period_label(first: dt.date, grain: str) -> str:
    if grain == "month":
        return f"{label('month', f'{first.month:02d}')} {first.year}"
    if grain == "week":
        return label("ui", "week").format(date=when(first.isoformat()))
    return when(first.isoformat())


def _event_href(corpus: Corpus, eid: str) -> str:
    e = corpus.event[eid]
    ev = e.evidence[0] if e.evidence else None
    return f"/documents/{ev.doc}?hl={ev.start}-{ev.end}#hl" if ev else "/timeline"


# --------------------------------------------------------------------------- map


def is_place(corpus: Corpus, eid: str, outlets: frozenset[str]) -> bool:
    """A geocoded GPE/LOC/FAC, not a region too large for a point, not a newspaper's name
    (``outlets``: the documents' outlets, folded as ``exports.geo`` folds them)."""
    e = corpus.entity[eid]
    if e.type not in PLACE_TYPES or e.geo is None or not (-90 <= e.geo.lat <= 90 and -180 <= e.geo.lon <= 180):
        return False
    if isinstance(e.attributes, dict) and e.attributes.get("place_kind") == "region":
        return False
    return not all(_is_outlet_name(n, outlets) for n in (e.name, *e.aliases))


def map_view(corpus: Corpus, date_from: str | None, date_to: str | None) -> dict[str, Any]:
    """Places (sized by the documents in the period that name them) and incidents at their place."""
    lo, hi = bound(date_from, False), bound(date_to, True)
    if "places" not in corpus.memo:
        outlets = frozenset(outlet_key(o) for o in corpus.outlets)
        corpus.memo["places"] = {e.id for e in corpus.views.entities if is_place(corpus, e.id, outlets)}
    place_ids: set[str] = corpus.memo["places"]
    in_range = {m.id for m in corpus.docs if overlaps(m.date, lo, hi)} if (lo or hi) else None
    places = []
    for e in corpus.views.entities:
        if e.id not in place_ids:
            continue
        n = len(e.docs) if in_range is None else sum(1 for d in e.docs if d in in_range)
        if n and e.geo:
            places.append({"id": e.id, "name": e.name, "type": e.type, "lat": e.geo.lat, "lon": e.geo.lon,
                           "count": n, "href": f"/entities/{e.id}"})  # fmt: skip
    at: Counter[str] = Counter()
    marks = []
    for inc in corpus.views.incidents:
        place = corpus.entity.get(inc.place or "")
        if place is None or place.geo is None or not overlaps(inc.date.value, lo, hi) or place.id not in place_ids:
            continue
        at[place.id] += 1
        marks.append({"id": inc.id, "label": inc.label, "lat": place.geo.lat, "lon": place.geo.lon,
                      "type": inc.type, "href": f"/incidents/{inc.id}", "count": 1})  # fmt: skip
    geo = map_geometry(places, marks)
    return {"from": date_from, "to": date_to, **geo, "place_count": len(places), "incident_count": len(marks)}
