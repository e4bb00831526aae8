"""What every export format reads: a ``Corpus`` over a store or an ``Analysis``.

The writers never see the store itself, so the same code serves ``rasd export`` (a SQLite
store, documents streamed in id order) and tests or notebooks that hold an ``Analysis``
in memory. Small per-document facts (outlet, URL, body) are gathered in one pass when a
writer first needs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from rasd.interfaces.export import views_analysis
from rasd.models import Analysis, Document, Entity, Event, Evidence, Incident, Mentions, SlotValue


class MissingExtra(RuntimeError):
    """An export needs an optional dependency that is not installed."""


@dataclass(frozen=True)
class DocInfo:
    """The few document facts that items cite: body text, outlet, URL, publication date."""

    text: str
    outlet: str | None
    url: str | None
    published: str | None


@dataclass
class Corpus:
    """Documents (streamed in id order), their mentions and the corpus-level views."""

    documents: Callable[[], Iterable[Document]]
    mentions_of: Callable[[Sequence[str] | None], Mentions]
    views: Analysis = field(default_factory=Analysis)

    @classmethod
    def from_store(cls, store: Any) -> Corpus:
        return cls(store.iter_documents, store.load_mentions, views_analysis(store.load_views()))

    @classmethod
    def from_analysis(cls, analysis: Analysis) -> Corpus:
        docs = sorted(analysis.documents, key=lambda d: d.id)

        def mentions_of(ids: Sequence[str] | None) -> Mentions:
            m = analysis.mentions
            if ids is None:
                return m
            keep = set(ids)
            return Mentions(
                timex=[x for x in m.timex if x.doc in keep],
                entities=[x for x in m.entities if x.doc in keep],
                quantities=[x for x in m.quantities if x.doc in keep],
                quotes=[x for x in m.quotes if x.doc in keep],
            )

        return cls(lambda: iter(docs), mentions_of, analysis)

    @cached_property
    def docs(self) -> dict[str, DocInfo]:
        return {d.id: DocInfo(d.text, d.outlet, d.url, d.published.value) for d in self.documents()}

    @cached_property
    def entities(self) -> dict[str, Entity]:
        return {e.id: e for e in self.views.entities}

    @cached_property
    def events(self) -> dict[str, Event]:
        return {e.id: e for e in self.views.events}

    @cached_property
    def incidents(self) -> list[Incident]:
        """The analysis's incidents by id; an analysis saved before incidents existed (schema
        1) gets one per event, so every writer reads incidents either way."""
        if self.views.incidents:
            return sorted(self.views.incidents, key=lambda i: i.id)
        return sorted((lone_incident(ev) for ev in self.views.events), key=lambda i: i.id)

    def happened(self, inc: Incident) -> bool:
        """Whether one of the incident's reports says it happened (not planned, expected, denied)."""
        evs = [self.events[r] for r in inc.reports if r in self.events]
        return not evs or any(e.modality == "happened" for e in evs)

    def name_of(self, entity_id: str | None) -> str | None:
        e = self.entities.get(entity_id or "")
        return e.name if e is not None else None

    def text_of(self, ev: Evidence) -> str:
        info = self.docs.get(ev.doc)
        return info.text[ev.start : ev.end] if info is not None else ""

    def evidence_json(self, ev: Evidence) -> dict[str, Any]:
        """``{doc, start, end, url}``: a citation an analyst can open (url null when unknown)."""
        info = self.docs.get(ev.doc)
        return {"doc": ev.doc, "start": ev.start, "end": ev.end, "url": info.url if info else None}

    def sources(self, doc_ids: Iterable[str]) -> dict[str, list[str]]:
        """Outlets and document ids behind an item, each sorted and without repeats."""
        ids = sorted(set(doc_ids))
        outlets = sorted({o for i in ids if (o := self.docs[i].outlet if i in self.docs else None)})
        return {"outlets": outlets, "documents": ids}


def lone_incident(ev: Event) -> Incident:
    """An incident of one report, for analyses made before incidents: its counts become slot
    values of its one source."""
    doc = ev.evidence[0].doc if ev.evidence else ""
    slots = {k: [SlotValue(v, doc, list(ev.evidence[:1]), report=ev.id)] for k, v in sorted(ev.counts.items())}
    return Incident(ev.id, ev.type, ev.label, ev.date, ev.place, [ev.id], slots, ev.confidence,
                    list(ev.actors), list(ev.targets), 1, list(ev.evidence))  # fmt: skip


def lowest(values: Iterable[SlotValue]) -> float | None:
    """The most conservative of a slot's numeric values (ACLED's rule for fatalities)."""
    nums = [float(v.value) for v in values if isinstance(v.value, (int, float)) and not isinstance(v.value, bool)]
    return min(nums) if nums else None


def sorted_evidence(evidence: Iterable[Evidence]) -> list[Evidence]:
    return sorted(evidence, key=lambda e: (e.doc, e.start, e.end))


def number(v: float | None) -> float | int | None:
    """3.0 -> 3: counts are stored as floats but are whole numbers almost always."""
    if v is None:
        return None
    return int(v) if float(v).is_integer() else float(v)
