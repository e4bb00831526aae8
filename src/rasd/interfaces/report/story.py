"""Incidents, commitment threads and disagreements as the report shows them.

An incident's slots are never merged: its table has one column per source, and a value
that differs from what most sources give is highlighted. A thread lists every deadline in
the order it was stated, with who stated it and when; deadlines a later statement replaced
are struck through, and its status is seen from the report's date. A disagreement shows
its two sides side by side. The web app's incident and thread pages follow the same rules
(``webapp/story.py``); this module stays free of the web app so the report keeps loading
light.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from rasd.interfaces.report.charts import EVENT_COLORS
from rasd.interfaces.report.context import Ctx
from rasd.interfaces.report.labels import date_range, deadline_text, format_date, label, number, on_or_before
from rasd.models import Analysis, Claim, Conflict, Deadline, Evidence, Incident, Side, SlotValue, Thread
from rasd.story.commitments import period, status

SLOT_ORDER = ("date", "place", "killed", "injured", "rockets", "drones", "intercepted", "arrested",
              "perpetrator", "target", "origin", "destination")  # fmt: skip
KIND_ORDER = ("slot", "deadline", "polarity", "number", "date", "other")  # schema 2 first, then schema 1
INCIDENTS_SHOWN = 30  # incidents open on the page; the rest fold into a <details>
CONFLICTS_SHOWN = 15  # disagreements open per kind; the rest fold into a <details>
SETTLED = ("kept", "broken", "superseded")  # thread statuses a later report decided


# --------------------------------------------------------------------------- incidents


def slot_text(ctx: Ctx, slot: str, sv: SlotValue) -> str:
    """How a reader sees a slot value: a number with its range, a date, an entity's name."""
    if sv.text:
        return sv.text
    v = sv.value
    if v is None or v == "":
        return "—"
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (int, float)):
        out = number(v)
        if isinstance(sv.value_max, (int, float)) and sv.value_max != v:
            out += f"–{number(sv.value_max)}"
        return out
    if isinstance(v, str) and v in ctx.entities:
        return ctx.entities[v].name
    if isinstance(v, str) and slot == "date" and date_range(v) is not None:
        return format_date(v)
    return str(v)


def _value_key(sv: SlotValue) -> str:
    """Equal values give equal keys: ``5`` and ``5.0`` (an export round trip) are one figure."""
    v, m = sv.value, sv.value_max
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return f"n{float(v)!r}-{float(m) if isinstance(m, (int, float)) else ''}"
    return f"s{v}"


def _published(ctx: Ctx, doc: str) -> str:
    d = ctx.docs.get(doc)
    return (d.published.value or "") if d else ""


def _column(ctx: Ctx, doc: str) -> dict[str, Any]:
    d = ctx.docs.get(doc)
    return {
        "doc": doc,
        "outlet": (d.outlet or d.title or d.source) if d else doc,
        "date": format_date(d.published.value) if d and d.published.value else "",
        "href": ctx.doc_href(doc),
    }


def _slot_value(ctx: Ctx, slot: str, sv: SlotValue, odd: bool) -> dict[str, Any]:
    first = sv.evidence[0] if sv.evidence else None
    return {
        "display": slot_text(ctx, slot, sv),
        "qualifier": label("qualifier", sv.qualifier) if sv.qualifier and sv.qualifier != "exact" else "",
        "speaker": sv.speaker_text or ctx.name(sv.speaker),
        "odd": odd,
        "href": ctx.href(first) if first else ctx.doc_href(sv.source),
        "excerpt": ctx.excerpt(first, 40) if first else "",
        "more": [ctx.href(e) for e in sv.evidence[1:]],
    }


def incident_view(ctx: Ctx, inc: Incident, conflicts: list[Conflict]) -> dict[str, Any]:
    """One incident: its label and facts, and its slot table with one column per source."""
    sources = list(dict.fromkeys([*(sv.source for vs in inc.slots.values() for sv in vs), *(e.doc for e in inc.evidence)]))
    sources.sort(key=lambda s: (_published(ctx, s) or "9999", s))
    rows = []
    for slot in sorted(inc.slots, key=lambda s: (SLOT_ORDER.index(s) if s in SLOT_ORDER else len(SLOT_ORDER), s)):
        values = inc.slots[slot]
        by_source: dict[str, list[SlotValue]] = defaultdict(list)
        for sv in values:
            by_source[sv.source].append(sv)
        # sources differ when they do not all give the same values (one source naming two
        # places is not a disagreement); a value is marked when it is not in what most
        # sources give (what the tied groups share, on a tie)
        given = {src: frozenset(_value_key(sv) for sv in svs) for src, svs in by_source.items()}
        differs = len(set(given.values())) > 1
        groups = Counter(given.values())
        top = max(groups.values(), default=0)
        common = frozenset.intersection(*[g for g, n in groups.items() if n == top]) if groups else frozenset()
        cells = [[_slot_value(ctx, slot, sv, differs and _value_key(sv) not in common) for sv in by_source[s]] for s in sources]
        rows.append({
            "slot": slot, "label": label("slot", slot), "differs": differs, "cells": cells,
            "conflicts": [k.id for k in conflicts if k.slot == slot],
        })  # fmt: skip
    return {
        "i": inc,
        "type": label("event", inc.type),
        "color": EVENT_COLORS.get(inc.type, "#555"),
        "date": format_date(inc.date.value),
        "place": ctx.name(inc.place),
        "actors": [ctx.name(x) for x in inc.actors],
        "targets": [ctx.name(x) for x in inc.targets],
        "n_sources": len({s for s in sources if s}) or inc.sources,
        "columns": [_column(ctx, s) for s in sources],
        "rows": rows,
        "n_differ": sum(r["differs"] for r in rows),
        "conflicts": [{"id": k.id, "text": k.explanation} for k in conflicts],
    }


def incident_views(ctx: Ctx, a: Analysis) -> list[dict[str, Any]]:
    """Every incident, those sources disagree about first, then by sources, then newest."""
    by_incident: dict[str, list[Conflict]] = defaultdict(list)
    for k in sorted(a.conflicts, key=lambda k: k.id):
        if k.incident:
            by_incident[k.incident].append(k)
    views = [incident_view(ctx, inc, by_incident.get(inc.id, [])) for inc in a.incidents]
    for v in views:
        v["sort"] = (-(bool(v["conflicts"]) or v["n_differ"] > 0), -v["n_sources"])
    # newest first inside each group: sort by date descending, then stably by group
    views.sort(key=lambda v: (v["i"].date.value or "", v["i"].id), reverse=True)
    views.sort(key=lambda v: v["sort"])
    return views


# --------------------------------------------------------------------------- threads


def thread_state(t: Thread, as_of: str, published: Callable[[str], str]) -> tuple[str, list[str], Deadline | None]:
    """Status of ``t`` seen from ``as_of``, each deadline's mark, and the deadline in force.

    A mark is ``current`` (the deadline in force), ``phase`` (an earlier step of that
    plan), ``superseded`` (replaced by a later statement) or ``future`` (stated after
    ``as_of``). Seen from the story stage's own day with every deadline stated, its marks
    and status are shown as they are. Otherwise only deadlines stated by ``as_of`` count:
    the newest statement's plan is in force, its latest deadline the current one; a thread
    a later report settled (kept, broken, superseded) is so from that report's date on,
    and before that the calendar gives pending or due (the story stage's rule).
    """
    known = [not d.stated_on or on_or_before(d.stated_on, as_of) is not False for d in t.deadlines]
    stored = [d.status if d.status in ("current", "phase", "superseded") else "" for d in t.deadlines]
    if all(known) and all(stored):
        marks = stored
    elif all(known):  # no marks saved: the last deadline stated is in force
        marks = ["superseded"] * len(t.deadlines)
        if marks:
            marks[-1] = "current"
    else:
        seen = [d for d, k in zip(t.deadlines, known, strict=True) if k]
        newest = max((d.stated_on or "" for d in seen), default="")
        plan = [d for d in seen if (d.stated_on or "") == newest]
        pick = max(plan, key=lambda d: ((period(d.value, d.mod) or ("", d.value or ""))[1], d.value or "")) if plan else None
        values = {(d.value, d.mod) for d in plan}
        marks = [
            "future" if not k else "current" if d is pick else "phase" if (d.value, d.mod) in values else "superseded"
            for d, k in zip(t.deadlines, known, strict=True)
        ]
    current = next((d for d, m in zip(reversed(t.deadlines), reversed(marks), strict=True) if m == "current"), None)
    if all(known) and t.as_of == as_of and t.status:
        return t.status, marks, current
    if t.status in SETTLED:
        decided = [published(e.doc) for e in t.reports] or [d.stated_on or "" for d in t.deadlines]
        on = max(decided, default="")
        if on and on_or_before(on, as_of):
            return t.status, marks, current
    if current is None:
        return "unstated", marks, None
    return ("pending" if status(current.value, as_of, current.mod) == "pending" else "due"), marks, current


def thread_view(ctx: Ctx, t: Thread, as_of: str, conflicts: list[Conflict]) -> dict[str, Any]:
    """One thread: its deadline history in the order stated and its status as of ``as_of``."""
    state, marks, current = thread_state(t, as_of, lambda doc: _published(ctx, doc))
    rows = []
    for d, mark in zip(t.deadlines, marks, strict=True):
        doc = d.source or (d.evidence[0].doc if d.evidence else "")
        dd = ctx.docs.get(doc)
        rows.append({
            "text": deadline_text(d.value, d.mod), "mark": mark, "mark_label": label("deadline", mark),
            "who": d.stated_by_text or ctx.name(d.stated_by), "on": format_date(d.stated_on) if d.stated_on else "",
            "outlet": d.outlet or (dd.outlet if dd else "") or "",
            "href": ctx.href(d.evidence[0]) if d.evidence else ctx.doc_href(doc) if doc else "",
            "quote": ctx.excerpt(d.evidence[0], 40) if d.evidence else "",
        })  # fmt: skip
    passed = current is not None and state == "due" and status(current.value, as_of, current.mod) == "passed"
    return {
        "t": t,
        "status": state,
        "status_label": label("thread_status", state),
        "passed": passed,
        "current": deadline_text(current.value, current.mod) if current else "",
        "actors": [ctx.name(x) for x in t.actors],
        "places": [ctx.name(x) for x in t.places],
        "deadlines": rows,
        "reports": ctx.evidence_links(t.reports),
        "conflicts": [{"id": k.id, "text": k.explanation} for k in conflicts],
    }


def thread_views(ctx: Ctx, a: Analysis, as_of: str) -> list[dict[str, Any]]:
    """Every thread, the one stated about most recently first."""
    by_thread: dict[str, list[Conflict]] = defaultdict(list)
    for k in sorted(a.conflicts, key=lambda k: k.id):
        if k.thread:
            by_thread[k.thread].append(k)
    latest = {t.id: max((d.stated_on or "" for d in t.deadlines), default="") for t in a.threads}
    ordered = sorted(a.threads, key=lambda t: (latest[t.id], t.id), reverse=True)
    return [thread_view(ctx, t, as_of, by_thread.get(t.id, [])) for t in ordered]


# --------------------------------------------------------------------------- disagreements


def side_view(
    ctx: Ctx, side: Side | None, claim: Claim | None, fallback: list[Evidence], dated: bool = False
) -> dict[str, Any]:
    """One side of a disagreement: its value, who said it, in which outlet, and the words.

    Schema-2 sides carry all of it; a schema-1 conflict (a store made before sides were
    kept) is read from its claim, or from its own evidence when the claim is gone.
    """
    evs = (side.evidence if side and side.evidence else None) or (claim.evidence if claim and claim.evidence else None) or fallback
    first = evs[0] if evs else None
    doc_id = (side.source if side and side.source else "") or (first.doc if first else "")
    doc = ctx.docs.get(doc_id)
    who = (side.speaker_text or ctx.name(side.speaker)) if side else ""
    who = who or (ctx.name(claim.attributed_to) if claim and claim.attributed_to else "") or (ctx.speaker(first) if first else "")
    value = side.value if side is not None and side.value not in ("", None) else ""
    if value and isinstance(value, str) and dated and date_range(value) is not None:
        value = format_date(value)  # a deadline or an incident's date given as a TimeML value
    return {
        "claim": claim,
        "value": str(value),
        "text": " · ".join(
            x for x in (ctx.name(claim.subject), label("predicate", claim.predicate), ctx.name(claim.object)) if x
        )
        if claim and not value
        else "",
        "who": who,
        "outlet": (side.outlet if side and side.outlet else "") or (doc.outlet if doc else "") or "",
        "polarity": label("polarity", claim.polarity) if claim and not value else "",
        "deny": bool(claim and claim.polarity == "deny"),
        "modality": label("claim_modality", claim.modality) if claim else "",
        "time": format_date(claim.time) if claim and claim.time else "",
        "doc": doc,
        "doc_href": ctx.doc_href(doc.id) if doc else "",
        "doc_date": format_date(doc.published.value) if doc else "",
        "evidence": ctx.evidence_links(evs),
    }


def _real(side: Side | None) -> Side | None:
    """``side`` unless it is the empty stand-in an export writes for a schema-1 conflict."""
    return side if side is not None and (side.value not in ("", None) or side.evidence) else None


def conflict_view(ctx: Ctx, k: Conflict, about: dict[str, Any] | None) -> dict[str, Any]:
    sa, sb = _real(k.side_a), _real(k.side_b)
    ca = ctx.claims.get((k.side_a.claim if k.side_a and k.side_a.claim else "") or k.a)
    cb = ctx.claims.get((k.side_b.claim if k.side_b and k.side_b.claim else "") or k.b)
    # no claim and no side evidence: split the conflict's own evidence, one span a side
    ev_a = [e for e in k.evidence if not cb or e not in cb.evidence][:1] if not ca else []
    ev_b = [e for e in k.evidence if e not in ev_a][:1] if not cb else []
    dated = k.kind == "deadline" or k.slot == "date"
    return {
        "k": k,
        "kind": label("conflict", k.kind),
        "relation": label("relation", k.relation) if k.relation else "",
        "slot": label("slot", k.slot) if k.slot else "",
        "about": about,
        "a": side_view(ctx, sa, ca, ev_a, dated),
        "b": side_view(ctx, sb, cb, ev_b, dated),
    }


def conflict_groups(ctx: Ctx, a: Analysis) -> list[dict[str, Any]]:
    """Disagreements grouped by kind (incident details, deadlines, denials …), each group
    highest confidence first, each item with what it is about (incident or thread)."""
    incidents = {i.id: i for i in a.incidents}
    threads = {t.id: t for t in a.threads}
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for k in sorted(a.conflicts, key=lambda k: (-k.confidence, k.id)):
        about = None
        if k.incident and k.incident in incidents:
            about = {"href": f"#{k.incident}", "text": incidents[k.incident].label, "what": label("about", "incident")}
        elif k.thread and k.thread in threads:
            about = {"href": f"#{k.thread}", "text": threads[k.thread].what, "what": label("about", "thread")}
        groups[k.kind].append(conflict_view(ctx, k, about))
    order = sorted(groups, key=lambda kind: (KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER), kind))
    return [{"kind": kind, "label": label("conflict", kind), "rows": groups[kind]} for kind in order]
