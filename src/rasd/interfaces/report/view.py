"""The report's view model and rendering: one dict of plain values and escaped markup
that ``templates/report.html.j2`` draws, with Jinja's autoescaping on for every string."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from rasd.interfaces.report.charts import EVENT_COLORS, Mark, map_svg, outline, timeline_svg
from rasd.interfaces.report.context import Ctx, all_evidence
from rasd.interfaces.report.labels import counted, date_range, format_date, label, number, shorten
from rasd.interfaces.report.story import (
    CONFLICTS_SHOWN,
    INCIDENTS_SHOWN,
    conflict_groups,
    incident_views,
    thread_views,
)
from rasd.interfaces.report.text import render_excerpts, render_text
from rasd.models import Analysis, Event, Incident

ENTITY_ORDER = ["PER", "ORG", "GPE", "LOC", "FAC", "MISC"]
ENTITIES_SHOWN = 25  # rows per entity type before the rest fold into <details>


def timeline_events(a: Analysis) -> list[Event]:
    """The timeline's rows: one per incident (its label as summary, its reports' evidence,
    the lowest figure any source gave per slot), or the events of an analysis without incidents."""
    if not a.incidents:
        return list(a.events)
    reports = {e.id: e for e in a.events}
    out = []
    for inc in a.incidents:
        evs = [reports[r] for r in inc.reports if r in reports]
        modality = "happened" if not evs or any(e.modality == "happened" for e in evs) else evs[0].modality
        counts = {k: min(float(v.value) for v in vals) for k, vals in inc.slots.items()
                  if vals and all(isinstance(v.value, (int, float)) and not isinstance(v.value, bool) for v in vals)}  # fmt: skip
        out.append(Event(inc.id, inc.type, inc.date, inc.place, list(inc.actors), list(inc.targets), counts, modality,
                         inc.label, "", list(inc.evidence), inc.confidence, label=inc.label, sources=inc.sources))  # fmt: skip
    return out


def _counts(ev: Event, inc: Incident | None) -> list[tuple[str, str]]:
    """An event's figures; an incident's as the range its sources give (``5–7``), never one pick."""
    out: dict[str, str] = {k: number(v) for k, v in ev.counts.items()}
    if inc is not None:
        for k, values in inc.slots.items():
            nums = [v.value for v in values if isinstance(v.value, (int, float)) and not isinstance(v.value, bool)]
            if nums and len(nums) == len(values):
                tops = [float(v.value_max) if isinstance(v.value_max, (int, float)) else float(v.value) for v in values]
                lo, hi = min(float(x) for x in nums), max(tops)
                out[k] = number(lo) if lo == hi else f"{number(lo)}–{number(hi)}"
    names = {k: label("count", k) for k in out}
    return [(names[k] if names[k] != k else label("slot", k), out[k]) for k in sorted(out)]


def _event_row(ctx: Ctx, ev: Event, incidents: dict[str, Incident]) -> dict[str, Any]:
    """One timeline row: an incident (linking to its slot table) or, without incidents, an event."""
    inc = incidents.get(ev.id)
    return {
        "e": ev,
        "date": format_date(ev.date.value if ev.date else None),
        "type": label("event", ev.type),
        "color": EVENT_COLORS.get(ev.type, "#555"),
        "modality": label("modality", ev.modality),
        "place": ctx.name(ev.place),
        "actors": [ctx.name(x) for x in ev.actors],
        "targets": [ctx.name(x) for x in ev.targets],
        "counts": _counts(ev, inc),
        "summary": shorten(ev.summary or ev.trigger or "—"),
        "sources": ctx.sources(ev.evidence),
        "incident": f"#{ev.id}" if inc is not None else "",
        "n_sources": inc.sources if inc is not None else 0,
    }


def _commitments(ctx: Ctx, a: Analysis) -> list[dict[str, Any]]:
    """Commitments no thread holds (all of them for an analysis without threads), by deadline."""
    threaded = {m for t in a.threads for m in t.commitments}
    out = []
    for c in sorted(
        (c for c in a.commitments if c.id not in threaded),
        key=lambda c: ((date_range(c.deadline) or (dt.date.max, dt.date.max, ""))[1], c.id),
    ):
        out.append({
            "c": c,
            "deadline": format_date(c.deadline),
            "status": label("status", c.status),
            "who": c.who or "، ".join(ctx.name(x) for x in c.actors),
            "evidence": ctx.evidence_links(c.evidence),
            "sources": ctx.sources(c.evidence),
            "postponed": bool(getattr(c, "postponed", False)),
            "what": shorten(c.what, 200),
            # quote the source only when ``what`` is a paraphrase, not the sentence itself
            "quote": ctx.excerpt(c.evidence[0], 40) if c.evidence and not ctx.quotes(c.what, c.evidence[0]) else "",
        })  # fmt: skip
    return out


def _entity_groups(ctx: Ctx, a: Analysis, full: set[str]) -> tuple[list[dict[str, Any]], dict[str, list[tuple[int, int]]]]:
    """Entities by type, each linking to its first mention in a document shown whole (whose
    position becomes an anchor there), and those anchors by document."""
    first_mention: dict[str, str] = {}
    anchors_by_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for em in sorted(a.mentions.entities, key=lambda m: (m.doc not in full, m.doc, m.start)):
        d = ctx.docs.get(em.doc)
        if em.entity and em.entity not in first_mention and em.doc in full and d and 0 <= em.start < em.end <= len(d.text):
            first_mention[em.entity] = f"#{em.doc}-{em.start}-{em.end}"
            anchors_by_doc[em.doc].append((em.start, em.end))
    groups = []
    for t in ENTITY_ORDER + sorted({e.type for e in a.entities} - set(ENTITY_ORDER)):
        ents = sorted((e for e in a.entities if e.type == t), key=lambda e: (-e.mentions, e.name, e.id))
        if ents:
            rows = [
                {"e": e, "first": first_mention.get(e.id) or (f"#{e.docs[0]}" if e.docs and e.docs[0] in ctx.rendered else "")}
                for e in ents
            ]
            groups.append({"type": t, "label": label("entity", t), "rows": rows})
    return groups, anchors_by_doc


def _documents(
    ctx: Ctx, a: Analysis, documents: list[Any], full: set[str], anchors_by_doc: dict[str, list[tuple[int, int]]]
) -> list[dict[str, Any]]:
    """Each document's row, and its text (whole, or around its evidence) with every cited span marked."""
    marks_by_doc: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for evd in all_evidence(a):
        if ctx.valid(evd):
            marks_by_doc[evd.doc].add((evd.start, evd.end))
    layers: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for em in a.mentions.entities:
        title = f"{label('entity', em.type)}: {ctx.name(em.entity) if em.entity else em.text}"
        layers[em.doc].append((em.start, em.end, f"ent ent-{em.type}", title))
    for tx in a.mentions.timex:
        layers[tx.doc].append((tx.start, tx.end, "tmx", f"{tx.type}: {tx.value or '؟'}"))
    rows = []
    for d in documents:
        body = None
        if d.id in full:
            body = render_text(d.text, marks_by_doc.get(d.id, ()), layers.get(d.id, ()), d.id, anchors=anchors_by_doc.get(d.id, ()))
        elif d.id in ctx.rendered:
            body = render_excerpts(d.text, marks_by_doc.get(d.id, ()), layers.get(d.id, ()), d.id)
        rows.append({
            "d": d, "partial": d.id not in full, "date": format_date(d.published.value),
            "method": label("method", d.published.method), "body": body, "n_marks": len(marks_by_doc.get(d.id, ())),
        })  # fmt: skip
    return rows


def build(analysis: Analysis, as_of: str, max_docs: int) -> dict[str, Any]:
    """Everything the template draws, for ``analysis`` seen from ``as_of``."""
    a = analysis
    docs = {d.id: d for d in a.documents}
    ctx = Ctx(a, docs, {e.id: e for e in a.entities}, {c.id: c for c in a.claims})

    # documents by publication date then id: the order of the input never shows
    documents = sorted(a.documents, key=lambda d: (d.published.value or "9999", d.id))
    cited = {ev.doc for ev in all_evidence(a) if ev.doc in docs}
    order = [d for d in documents if d.id in cited] + [d for d in documents if d.id not in cited]
    full = {d.id for d in order[:max_docs]}  # rendered whole
    ctx.rendered = full | cited  # cited documents past max_docs are rendered as excerpts

    # --- timeline: incidents (or events), dated ones by year, undated apart
    dated: list[Mark] = []
    undated: list[Event] = []
    for event in timeline_events(a):
        r = date_range(event.date.value if event.date else None)
        if r is None:
            undated.append(event)
        else:
            dated.append(Mark(event, r[0], r[1], event.date.precision or r[2]))
    dated.sort(key=lambda m: (m.start, m.end, m.event.id))
    undated.sort(key=lambda e: e.id)
    incident_ids = {i.id: i for i in a.incidents}
    years: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for mk in dated:
        years[mk.start.year].append(_event_row(ctx, mk.event, incident_ids))

    groups, anchors_by_doc = _entity_groups(ctx, a, full)
    places = [e for e in a.entities if e.geo is not None]
    map_markup, outside = map_svg(ctx, places) if places else (Markup(""), [])
    status_counts = Counter(c.status for c in a.commitments)
    pub = sorted(r[0] for d in a.documents if (r := date_range(d.published.value)))
    outlets = sorted({d.outlet for d in a.documents if d.outlet})
    counts = [
        ("documents", len(a.documents)), ("outlets", len(outlets)), ("incidents", len(a.incidents)),
        ("events", len(a.events)), ("entities", len(a.entities)), ("claims", len(a.claims)),
        ("threads", len(a.threads)), ("commitments", len(a.commitments)), ("conflicts", len(a.conflicts)),
    ]  # fmt: skip
    # an analysis without incidents or threads (schema 1) shows no zero for them
    stats = [(label("stat", k), n) for k, n in counts if n or k not in ("incidents", "threads")]
    commitments = _commitments(ctx, a)
    return {
        "as_of": as_of,
        "as_of_h": format_date(as_of),
        "stats": stats,
        "outlets": outlets,
        "period": (format_date(pub[0].isoformat()), format_date(pub[-1].isoformat())) if pub else None,
        "timeline": timeline_svg(ctx, dated),
        "legend": [(label("event", t), c) for t, c in EVENT_COLORS.items() if any(m.event.type == t for m in dated)],
        "years": sorted(years.items()),
        "undated": [_event_row(ctx, e, incident_ids) for e in undated],
        "incidents": incident_views(ctx, a),
        "incidents_shown": INCIDENTS_SHOWN,
        "threads": thread_views(ctx, a, as_of),
        "commitments": commitments,
        "threaded": len(a.commitments) - len(commitments),
        "status_counts": [(s, label("status", s), status_counts[s]) for s in ("passed", "due", "pending") if status_counts[s]],
        "conflict_groups": conflict_groups(ctx, a),
        "n_conflicts": len(a.conflicts),
        "conflicts_shown": CONFLICTS_SHOWN,
        "entities_shown": ENTITIES_SHOWN,
        "groups": groups,
        "map": map_markup,
        "n_places": len(places),
        "outside": outside,
        "map_source": outline()["source"],
        "documents": _documents(ctx, a, documents, full, anchors_by_doc),
        "n_hidden_docs": len(a.documents) - len(ctx.rendered),
        "n_excerpt_docs": len(ctx.rendered - full),
        "label": label,
        "counted": counted,
    }


@cache
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("rasd.interfaces", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates ship with the package; don't stat them on every include
    )


def render_report(analysis: Analysis, as_of: str, max_docs: int = 300, api: bool = False) -> str:
    """The report as one HTML string.

    The first ``max_docs`` documents (cited ones first, then by date) are rendered whole;
    other cited documents only around their evidence; the rest are listed. So a
    30,000-article corpus stays openable in a browser and every link still lands.
    ``api=True`` (only when ``rasd serve`` serves it) adds a search box that queries
    ``/api/search`` on the same server; the file written to disk never makes a request.
    """
    return _env().get_template("report.html.j2").render(**build(analysis, as_of, max_docs), api=api)


def write_report(analysis: Analysis, path: Path, as_of: str) -> None:
    """Write the report (UTF-8) to ``path``, creating parent folders."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(analysis, as_of), encoding="utf-8")
