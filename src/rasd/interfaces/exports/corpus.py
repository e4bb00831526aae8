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

from rasd.models import Analysis, Document, Entity, Evidence, Mentions


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
        v = store.load_views()
        entities, events, claims, commitments, conflicts = v.entities, v.events, v.claims, v.commitments, v.conflicts
        views = Analysis(
            entities=entities, events=events, claims=claims, commitments=commitments, conflicts=conflicts
        )
        return cls(store.iter_documents, store.load_mentions, views)

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


def sorted_evidence(evidence: Iterable[Evidence]) -> list[Evidence]:
    return sorted(evidence, key=lambda e: (e.doc, e.start, e.end))


def number(v: float | None) -> float | int | None:
    """3.0 -> 3: counts are stored as floats but are whole numbers almost always."""
    if v is None:
        return None
    return int(v) if float(v).is_integer() else float(v)
