"""Document and entity pages: the annotated text with its layers, and everything about one entity.

The text is cut into segments at every annotation boundary; each segment carries the
classes of the layers covering it (``t`` time, ``e-PER`` … entities by type, ``n``
quantities, ``q`` quotes, ``v`` events, ``hl`` the span a link pointed at), so layers can
overlap and each is switched on or off by one class on the text's container. The
segments are plain strings: the template escapes them like any other value.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from rasd.interfaces.webapp.charts import month_bars
from rasd.interfaces.webapp.common import doc_href, label, page, shorten, when
from rasd.interfaces.webapp.corpus import Corpus
from rasd.models import Document, Evidence, Mentions, to_dict
from rasd.temporal import TimeValue, month_value

ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "FAC", "MISC")
LAYERS = ("time", *ENTITY_TYPES, "quantities", "quotes", "events")
DEFAULT_LAYERS = ("time", *ENTITY_TYPES)
MENTION_DOCS = 10  # an entity's latest documents whose mentions its page lists
_CLASS = {"time": "t", "quantities": "n", "quotes": "q", "events": "v", **{t: f"e-{t}" for t in ENTITY_TYPES}}


@dataclass
class Ann:
    start: int
    end: int
    cls: str
    title: str = ""
    href: str | None = None


def parse_layers(value: str | None) -> list[str]:
    """The layers switched on by ``?layers=time,PER,…`` (unknown names dropped); the default when absent."""
    if value is None:
        return list(DEFAULT_LAYERS)
    wanted = {x.strip() for x in value.split(",")}
    return [x for x in LAYERS if x in wanted]


def parse_span(value: str | None, n: int) -> tuple[int, int] | None:
    """``?hl=start-end`` as offsets inside a text of ``n`` characters, else None."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{1,9})-(\d{1,9})", value)
    if not m:
        return None
    s, e = int(m.group(1)), int(m.group(2))
    return (s, e) if 0 <= s < e <= n else None


def layer_spans(corpus: Corpus, doc: Document, ms: Mentions) -> list[Ann]:
    """Every span of every layer in ``doc`` (mentions, quotes, event evidence)."""
    out: list[Ann] = []
    for t in ms.timex:
        out.append(Ann(t.start, t.end, "t", f"{t.type} {t.value or ''}".strip()))
    for m in ms.entities:
        kind = m.type if m.type in ENTITY_TYPES else "MISC"
        href = f"/entities/{m.entity}" if m.entity and m.entity in corpus.entity else None
        out.append(Ann(m.start, m.end, _CLASS[kind], label("entity", kind) + (f" — {m.role}" if m.role else ""), href))
    for q in ms.quantities:
        what = " ".join(x for x in (q.text, q.object or "") if x)
        out.append(Ann(q.start, q.end, "n", what))
    for qu in ms.quotes:
        out.append(Ann(qu.start, qu.end, "q", f"{qu.speaker.text}: {qu.cue}"))
    for eid in corpus.by_doc.get(doc.id, {}).get("events", []):
        e = corpus.event[eid]
        inc = corpus.incident_of_event.get(eid)
        href = f"/incidents/{inc}" if inc else None
        for ev in e.evidence:
            if ev.doc == doc.id:
                out.append(Ann(ev.start, ev.end, "v", f"{label('event', e.type)}: {shorten(e.summary, 80)}", href))
    return out


def segments(text: str, anns: list[Ann]) -> list[dict[str, Any]]:
    """``text`` cut at every boundary; each piece with the classes, titles and first link covering it."""
    n = len(text)
    anns = [Ann(max(0, a.start), min(n, a.end), a.cls, a.title, a.href) for a in anns if a.start < a.end]
    anns = [a for a in anns if a.start < a.end]
    points = sorted({0, n, *(a.start for a in anns), *(a.end for a in anns)})
    anns.sort(key=lambda a: (a.start, -a.end))
    out: list[dict[str, Any]] = []
    active: list[Ann] = []
    j = 0
    for a, b in zip(points, points[1:], strict=False):
        while j < len(anns) and anns[j].start <= a:
            active.append(anns[j])
            j += 1
        active = [x for x in active if x.end > a]
        if not active:
            out.append({"text": text[a:b]})
            continue
        classes = sorted({x.cls for x in active})
        href = next((x.href for x in active if x.href and x.cls.startswith("e-")), None)
        href = href or next((x.href for x in active if x.href), None)
        title = " · ".join(dict.fromkeys(x.title for x in active if x.title))
        seg: dict[str, Any] = {"text": text[a:b], "cls": " ".join(classes), "title": title, "href": href}
        if "hl" in classes and not any("id" in s for s in out):
            seg["id"] = "hl"
        out.append(seg)
    return out


def document_view(corpus: Corpus, doc: Document, layers: list[str], hl: tuple[int, int] | None) -> dict[str, Any]:
    """The document page: metadata, layered text, legend counts and every item found in it."""
    ms = corpus.mentions(doc.id)
    anns = layer_spans(corpus, doc, ms)
    if hl:
        anns.append(Ann(hl[0], hl[1], "hl", label("ui", "highlight")))
    counts = Counter(a.cls for a in anns)
    legend = [
        {"key": k, "cls": _CLASS[k], "label": label("entity", k) if k in ENTITY_TYPES else label("layer", k),
         "count": counts.get(_CLASS[k], 0), "on": k in layers}
        for k in LAYERS
    ]  # fmt: skip
    p = doc.published
    found = corpus.by_doc.get(doc.id, {})
    ents = Counter(m.entity for m in ms.entities if m.entity in corpus.entity)
    return {
        "id": doc.id, "title": doc.title, "outlet": doc.outlet, "source": doc.source, "url": doc.url,
        "language": doc.language, "language_label": label("language", doc.language), "chars": len(doc.text),
        "duplicate_of": doc.duplicate_of, "warnings": list(doc.warnings),
        "published": {"value": p.value, "display": when(p.value) if p.value else label("method", "unknown"),
                      "precision": p.precision, "method": p.method, "method_label": label("method", p.method),
                      "confidence": p.confidence, "warnings": list(p.warnings)},
        "layers": layers, "legend": legend, "highlight": list(hl) if hl else None,
        "segments": segments(doc.text, anns),
        "removed": [{"kind": r.kind, "label": label("removed", r.kind), "text": r.text} for r in doc.removed],
        "entities": [{"id": e, "name": corpus.entity[e].name, "type": corpus.entity[e].type, "count": c}
                     for e, c in sorted(ents.items(), key=lambda kv: (-kv[1], kv[0]))],
        "events": [{"id": e, "label": event_label(corpus, e), "href": _event_href(corpus, e, doc.id)}
                   for e in found.get("events", [])],
        "incidents": [{"id": i, "label": corpus.incident[i].label, "href": f"/incidents/{i}"}
                      for i in found.get("incidents", [])],
        "conflicts": [{"id": k, "label": shorten(corpus.conflict[k].explanation, 120), "href": f"/disagreements/{k}"}
                      for k in found.get("conflicts", [])],
        "threads": [{"id": t, "label": corpus.thread[t].what, "href": f"/threads/{t}"} for t in found.get("threads", [])],
        "quotes": [{"speaker": q.speaker.text, "speaker_entity": q.speaker.entity, "cue": q.cue,
                    "text": shorten(doc.text[q.content.start : q.content.end], 200),
                    "href": doc_href(doc.id, _span(q.start, q.end))} for q in ms.quotes],
    }  # fmt: skip


def _span(start: int, end: int) -> Evidence:
    return Evidence("", start, end)


def _event_href(corpus: Corpus, eid: str, doc: str) -> str:
    inc = corpus.incident_of_event.get(eid)
    if inc:
        return f"/incidents/{inc}"
    e = corpus.event[eid]
    ev = next((x for x in e.evidence if x.doc == doc), None)
    return doc_href(doc, ev)


def event_label(corpus: Corpus, eid: str) -> str:
    """A short label for an event: its incident label, else type, place and date."""
    e = corpus.event[eid]
    if e.label:
        return e.label
    place = corpus.entity.get(e.place or "")
    bits = [label("event", e.type)]
    if place:
        bits.append(label("ui", "event_place").format(place=place.name))
    if e.date.value:
        bits.append(f"— {when(e.date.value)}")
    return " ".join(bits)


def entity_view(corpus: Corpus, eid: str, limit: int, offset: int) -> dict[str, Any]:
    """The entity page: names, roles, documents per month, its quotes (newest first, paged),
    the incidents it took part in and the disagreements it is party to."""
    e = corpus.entity[eid]
    # per month of publication; a document dated only to its year (or undated) has no month
    months = Counter(k for d in e.docs if d in corpus.doc and (k := _month(corpus.doc[d].date)))
    rows = [corpus.quotes[i] for i in corpus.quotes_by_speaker.get(eid, [])]
    quotes = page(
        [{"doc": r.quote.doc, "title": r.title, "outlet": r.outlet, "date": r.date, "cue": r.quote.cue,
          "text": shorten(r.content, 300), "href": doc_href(r.quote.doc, _span(r.quote.start, r.quote.end))}
         for r in rows], limit, offset)  # fmt: skip
    linked = corpus.by_entity.get(eid, {})
    incs = sorted((corpus.incident[i] for i in linked.get("incidents", [])),
                  key=lambda i: (i.date.value or "", i.id), reverse=True)  # fmt: skip
    latest = sorted((corpus.doc[d] for d in e.docs if d in corpus.doc), key=lambda m: (m.date or "", m.id),
                    reverse=True)[:MENTION_DOCS]  # fmt: skip
    place_kind = e.attributes.get("place_kind") if isinstance(e.attributes, dict) else None
    recent = [m.id for m in latest[:MENTION_DOCS]]
    mention_list = [to_dict(m) for m in corpus.mentions_of(recent).entities if m.entity == eid]
    return {
        "id": e.id, "name": e.name, "type": e.type, "type_label": label("entity", e.type),
        "aliases": list(e.aliases), "roles": list(e.roles), "mentions": e.mentions, "documents": len(e.docs),
        "geo": {"lat": e.geo.lat, "lon": e.geo.lon, "kind": e.geo.kind} if e.geo else None,
        "on_map": bool(e.geo) and place_kind != "region",
        "months": [{"month": m, "count": c} for m, c in sorted(months.items())],
        "chart": month_bars(sorted(months.items())),
        "quotes": quotes,
        "incidents": [{"id": i.id, "label": i.label, "date": i.date.value, "href": f"/incidents/{i.id}"}
                      for i in incs],
        "conflicts": [{"id": k, "label": shorten(corpus.conflict[k].explanation, 140), "kind": corpus.conflict[k].kind,
                       "href": f"/disagreements/{k}"} for k in linked.get("conflicts", [])],
        "threads": [{"id": t, "label": corpus.thread[t].what, "href": f"/threads/{t}"}
                    for t in linked.get("threads", [])],
        "event_ids": linked.get("events", []),
        "mention_list": mention_list,
        "latest_documents": [{"id": m.id, "title": m.title, "outlet": m.outlet, "date": m.date,
                              "href": f"/documents/{m.id}"} for m in latest],
    }  # fmt: skip


def _month(value: str | None) -> str | None:
    """``YYYY-MM`` of a publication date known to its month or better, else ``None``."""
    tv = TimeValue.parse(value)
    return month_value(tv.year, tv.month) if tv.year is not None and tv.month is not None else None
