"""Incident, disagreement and commitment-thread pages.

An incident page puts its reports side by side and its slots in a table with one column
per source: values are never merged, and a row where the sources differ is marked (and
so is each value that differs from the one most sources give). A thread page shows its
deadline history and its status as of a chosen date (``thread_status``).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rasd.interfaces.report import date_range
from rasd.interfaces.report.labels import on_or_before
from rasd.interfaces.webapp.charts import deadline_chart
from rasd.interfaces.webapp.common import doc_href, evidence_links, excerpt, label, shorten, when
from rasd.interfaces.webapp.corpus import Corpus
from rasd.models import Claim, Conflict, Deadline, Document, Evidence, Incident, Side, SlotValue, Thread
from rasd.story.commitments import status

SLOT_ORDER = ("date", "place", "killed", "injured", "rockets", "drones", "intercepted", "arrested",
              "perpetrator", "target", "origin", "destination")  # fmt: skip


def _name(corpus: Corpus, eid: str | None) -> dict[str, Any] | None:
    if not eid:
        return None
    e = corpus.entity.get(eid)
    return {"id": eid, "name": e.name if e else eid, "href": f"/entities/{eid}" if e else None}


def _number(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def slot_text(corpus: Corpus, slot: str, sv: SlotValue) -> str:
    """How a reader sees a slot value: a number with its range, a date, an entity's name."""
    if sv.text:
        return sv.text
    v = sv.value
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (int, float)):
        out = _number(v)
        if sv.value_max is not None and sv.value_max != v:
            out += f"–{_number(sv.value_max)}"
        return out
    if isinstance(v, str) and v in corpus.entity:
        return corpus.entity[v].name
    if isinstance(v, str) and date_range(v) is not None and slot == "date":
        return when(v)
    return str(v)


def _key(sv: SlotValue) -> str:
    return f"{sv.value}|{sv.value_max}"


def incident_view(corpus: Corpus, inc: Incident) -> dict[str, Any]:
    """The incident page: reports side by side, the slot table by source, its disagreements."""
    reports = [corpus.event[r] for r in inc.reports if r in corpus.event]
    docs_needed = [ev.doc for e in reports for ev in e.evidence[:1]]
    docs_needed += [sv.source for values in inc.slots.values() for sv in values]
    texts = corpus.documents(docs_needed)
    sources: list[str] = []
    for doc_id in docs_needed:
        if doc_id not in sources:
            sources.append(doc_id)
    sources.sort(key=lambda s: (corpus.doc[s].date or "" if s in corpus.doc else "", s))
    columns = [_source(corpus, d) for d in sources]
    side = []
    for e in reports:
        ev = e.evidence[0] if e.evidence else None
        d = texts.get(ev.doc) if ev else None
        side.append({
            "id": e.id, "type": e.type, "summary": shorten(e.summary, 200), "date": e.date.value,
            "date_display": when(e.date.value) if e.date.value else "", "modality": label("modality", e.modality),
            "source": _source(corpus, ev.doc) if ev else None,
            "excerpt": excerpt(d.text, ev.start, ev.end) if d and ev else None,
            "href": doc_href(ev.doc, ev) if ev else None,
        })  # fmt: skip
    slots = []
    for slot in sorted(inc.slots, key=lambda s: (SLOT_ORDER.index(s) if s in SLOT_ORDER else 99, s)):
        values = inc.slots[slot]
        common = Counter(_key(sv) for sv in values).most_common(1)[0][0] if values else ""
        differs = len({_key(sv) for sv in values}) > 1
        cells = []
        for src in sources:
            mine = [sv for sv in values if sv.source == src]
            cells.append([{
                "value": sv.value, "display": slot_text(corpus, slot, sv),
                "qualifier": label("qualifier", sv.qualifier) if sv.qualifier else "",
                "speaker": sv.speaker_text or (_name(corpus, sv.speaker) or {}).get("name") or "",
                "odd": differs and _key(sv) != common,
                "evidence": evidence_links(sv.evidence),
            } for sv in mine])  # fmt: skip
        slots.append({"slot": slot, "label": label("slot", slot), "differs": differs, "cells": cells})
    conflicts = [conflict_brief(corpus, k) for k in corpus.views.conflicts if k.incident == inc.id]
    return {
        "id": inc.id, "type": inc.type, "type_label": label("event", inc.type), "label": inc.label,
        "date": inc.date.value, "date_display": when(inc.date.value) if inc.date.value else label("ui", "no_date"),
        "place": _name(corpus, inc.place), "actors": [_name(corpus, a) for a in inc.actors],
        "targets": [_name(corpus, t) for t in inc.targets], "sources": inc.sources, "confidence": inc.confidence,
        "columns": columns, "reports": side, "slots": slots, "conflicts": conflicts,
    }  # fmt: skip


def _source(corpus: Corpus, doc: str) -> dict[str, Any]:
    m = corpus.doc.get(doc)
    return {"doc": doc, "title": m.title if m else doc, "outlet": m.outlet if m else None,
            "date": m.date if m else None, "href": f"/documents/{doc}"}  # fmt: skip


def incident_brief(inc: Incident) -> dict[str, Any]:
    return {"id": inc.id, "type": inc.type, "type_label": label("event", inc.type), "label": inc.label,
            "date": inc.date.value, "sources": inc.sources, "href": f"/incidents/{inc.id}"}  # fmt: skip


# --------------------------------------------------------------------------- disagreements


def _claim_side(corpus: Corpus, claim: Claim | None, evidence: list[Evidence]) -> Side | None:
    """A schema-1 conflict's side, read from its claim (stores built before sides were kept)."""
    if claim is None:
        return None
    ev = claim.evidence or [x for x in evidence if x.doc]
    doc = ev[0].doc if ev else ""
    m = corpus.doc.get(doc)
    value = " ".join(x for x in (claim.subject, claim.predicate, claim.object) if x)
    return Side(value, doc, list(claim.evidence), m.outlet if m else None, claim.attributed_to, claim.speaker,
                claim.id)  # fmt: skip


def _side(corpus: Corpus, side: Side | None, ref: str, evidence: list[Evidence]) -> Side | None:
    """A side as saved, or read from its claim when it carries no value (schema-1 conflicts,
    and their schema-2 export, whose sides name only the claim)."""
    if side is not None and side.value not in ("", None):
        return side
    claim = corpus.claim.get((side.claim if side else None) or ref)
    return _claim_side(corpus, claim, evidence) or side


def sides(corpus: Corpus, k: Conflict) -> list[Side]:
    found = (_side(corpus, k.side_a, k.a, k.evidence), _side(corpus, k.side_b, k.b, k.evidence))
    return [s for s in found if s is not None]


def conflict_date(corpus: Corpus, k: Conflict) -> str:
    """The latest publication date among a disagreement's sources (for "latest" lists)."""
    dates = [corpus.doc[s.source].date or "" for s in sides(corpus, k) if s.source in corpus.doc]
    return max(dates, default="")


def conflict_brief(corpus: Corpus, k: Conflict) -> dict[str, Any]:
    ss = sides(corpus, k)
    inc = corpus.incident.get(k.incident or "")
    thr = corpus.thread.get(k.thread or "")
    return {
        "id": k.id, "kind": k.kind, "kind_label": label("conflict", k.kind), "relation": k.relation,
        "relation_label": label("relation", k.relation), "slot": k.slot, "slot_label": label("slot", k.slot),
        "explanation": k.explanation, "confidence": k.confidence, "href": f"/disagreements/{k.id}",
        "incident": {"id": inc.id, "label": inc.label, "href": f"/incidents/{inc.id}"} if inc else None,
        "thread": {"id": thr.id, "label": thr.what, "href": f"/threads/{thr.id}"} if thr else None,
        "values": [s.value for s in ss], "date": conflict_date(corpus, k),
    }  # fmt: skip


def conflict_view(corpus: Corpus, k: Conflict) -> dict[str, Any]:
    """One disagreement: both sides with who said what, where, and the words around it."""
    ss = sides(corpus, k)
    texts = corpus.documents([ev.doc for s in ss for ev in s.evidence] + [s.source for s in ss])
    out = []
    for s in ss:
        ev = next((e for e in s.evidence if e.doc in texts), None)
        d: Document | None = texts.get(ev.doc) if ev else None
        out.append({
            "value": s.value, "source": _source(corpus, s.source) if s.source else None, "outlet": s.outlet,
            "speaker": _name(corpus, s.speaker), "speaker_text": s.speaker_text, "claim": s.claim,
            "evidence": evidence_links(s.evidence),
            "excerpt": excerpt(d.text, ev.start, ev.end) if d and ev else None,
        })  # fmt: skip
    return {**conflict_brief(corpus, k), "sides": out}


def filter_conflicts(corpus: Corpus, kind: str | None, slot: str | None, incident: str | None,
                     thread: str | None) -> list[Conflict]:  # fmt: skip
    """Disagreements matching the filters, newest sources first."""
    out = [
        k for k in corpus.views.conflicts
        if (not kind or k.kind == kind) and (not slot or k.slot == slot)
        and (not incident or k.incident == incident) and (not thread or k.thread == thread)
    ]  # fmt: skip
    dates = {k.id: conflict_date(corpus, k) for k in out}
    return sorted(out, key=lambda k: (dates[k.id], k.id), reverse=True)


# --------------------------------------------------------------------------- threads


def thread_status(corpus: Corpus, t: Thread, as_of: str) -> tuple[str, Deadline | None, list[Deadline]]:
    """Status of ``t`` seen from ``as_of``, its deadline then, and the deadlines stated by then.

    Only deadlines stated on or before ``as_of`` count; the latest of them is the one in
    force. A kept or broken thread is so from the date of its latest source on; before
    that, the deadline in force gives pending, due or passed (the story stage's rule).
    """
    known = [d for d in t.deadlines if not d.stated_on or on_or_before(d.stated_on, as_of) is not False]
    current = known[-1] if known else None
    if t.status in ("kept", "broken"):
        settled = max((corpus.doc[e.doc].date or "" for e in t.evidence if e.doc in corpus.doc), default="")
        if settled and on_or_before(settled, as_of):
            return t.status, current, known
    if current is None:
        return "unstated", None, known
    return status(current.value, as_of, current.mod), current, known


def thread_brief(corpus: Corpus, t: Thread, as_of: str) -> dict[str, Any]:
    st, current, _ = thread_status(corpus, t, as_of)
    return {
        "id": t.id, "what": t.what, "actors": [_name(corpus, a) for a in t.actors], "status": st,
        "status_label": label("thread_status", st), "deadline": current.value if current else None,
        "deadline_display": when(current.value) if current and current.value else "", "changes": len(t.deadlines),
        "href": f"/threads/{t.id}",
    }  # fmt: skip


def thread_view(corpus: Corpus, t: Thread, as_of: str) -> dict[str, Any]:
    """The thread page: every deadline stated (later ones supersede earlier), charted, and
    the status as of ``as_of``."""
    st, current, known = thread_status(corpus, t, as_of)
    rows = []
    for d in t.deadlines:
        rows.append({
            "value": d.value, "display": when(d.value) if d.value else label("ui", "no_date"), "mod": d.mod,
            "stated_by": _name(corpus, d.stated_by), "stated_by_text": d.stated_by_text, "stated_on": d.stated_on,
            "known": d in known, "current": d is current, "superseded": d in known and d is not current,
            "evidence": evidence_links(d.evidence), "commitment": d.commitment,
        })  # fmt: skip
    points = []
    for d in t.deadlines:
        by = _name(corpus, d.stated_by)
        points.append({"stated_on": d.stated_on, "value": d.value, "current": d is current,
                       "by": (by or {}).get("name") or d.stated_by_text or ""})  # fmt: skip
    chart = deadline_chart(points, as_of)
    return {
        **thread_brief(corpus, t, as_of), "as_of": as_of, "stored_status": t.status, "stored_as_of": t.as_of,
        "stored_status_label": label("thread_status", t.status), "deadlines": rows, "chart": chart,
        "commitments": list(t.commitments), "evidence": evidence_links(t.evidence),
        "conflicts": [conflict_brief(corpus, k) for k in corpus.views.conflicts if k.thread == t.id],
    }  # fmt: skip
