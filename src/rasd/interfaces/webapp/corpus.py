"""What the web app reads: the corpus-level views in memory, documents on demand.

At 31k documents the whole corpus with its mentions does not belong in a server's memory,
so a ``Corpus`` keeps the views (entities, events, incidents, threads, conflicts …), one
small ``DocMeta`` per document (title, outlet, date: what lists and filters need) and the
quotes, plus the indexes the pages use (by document, by entity). A document's text and
mentions are read from the store when its page is asked for. Serving an ``analysis.json``
keeps everything in memory and answers the same questions.

Ids: every lookup accepts the full id or a unique prefix of it, as ``rasd show`` does
(``resolve``); an ambiguous prefix is an error that lists the candidates.
"""

from __future__ import annotations

import bisect
import dataclasses
import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from rasd.models import (
    MENTION_KINDS,
    Analysis,
    Claim,
    Commitment,
    Conflict,
    Document,
    Entity,
    Event,
    Evidence,
    Incident,
    Mentions,
    Quote,
    Thread,
    Views,
)
from rasd.store import open_store
from rasd.story.commitments import status
from rasd.text import fold

KINDS = ("documents", "entities", "events", "incidents", "threads", "conflicts", "claims", "commitments")
QUOTE_CHUNK = 500  # documents whose mentions are read at once while collecting quotes


class NotFound(LookupError):
    """No item of that kind has that id or id prefix."""


class Ambiguous(LookupError):
    """An id prefix shared by several items; ``candidates`` lists some of them."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


@dataclass
class DocMeta:
    """The part of a document that lists, filters and links need (no text)."""

    id: str
    title: str
    outlet: str | None
    date: str | None  # the publication date's TimeML value
    precision: str | None
    method: str
    language: str
    chars: int
    source: str
    duplicate_of: str | None = None

    @staticmethod
    def of(d: Document) -> DocMeta:
        p = d.published
        return DocMeta(d.id, d.title, d.outlet, p.value, p.precision, p.method, d.language, len(d.text),
                       d.source, d.duplicate_of)  # fmt: skip


@dataclass
class QuoteRow:
    """A quote with what a list shows beside it: its words, its document's date and outlet."""

    quote: Quote
    content: str  # the quoted words (text[content.start:content.end])
    date: str | None
    outlet: str | None
    title: str
    folded: str = ""  # the words and the speaker, folded: what quote search matches


@dataclass
class Corpus:
    """Views in memory, ``DocMeta`` per document, and access to text and mentions."""

    views: Views
    docs: list[DocMeta]
    as_of: str
    source: str
    analysis: Analysis | None = None  # serving an analysis.json: everything is here
    db_path: str | None = None  # serving a database: text and mentions are read from it
    quotes: list[QuoteRow] = field(default_factory=list)
    doc: dict[str, DocMeta] = field(default_factory=dict)
    entity: dict[str, Entity] = field(default_factory=dict)
    event: dict[str, Event] = field(default_factory=dict)
    incident: dict[str, Incident] = field(default_factory=dict)
    thread: dict[str, Thread] = field(default_factory=dict)
    conflict: dict[str, Conflict] = field(default_factory=dict)
    claim: dict[str, Claim] = field(default_factory=dict)
    commitment: dict[str, Commitment] = field(default_factory=dict)
    outlets: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    incident_of_event: dict[str, str] = field(default_factory=dict)
    by_doc: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # doc -> kind -> ids
    by_entity: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # entity -> kind -> ids
    quotes_by_speaker: dict[str, list[int]] = field(default_factory=dict)
    _ids: dict[str, list[str]] = field(default_factory=dict)
    _texts: dict[str, Document] = field(default_factory=dict)
    _mentions: dict[str, Mentions] = field(default_factory=dict)
    _folded: dict[str, str] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)  # derived tables the pages build once (timeline rows, places)
    _local: threading.local = field(default_factory=threading.local)

    def __post_init__(self) -> None:
        v = self.views
        self.doc = {d.id: d for d in self.docs}
        self.docs.sort(key=lambda d: d.id)
        for name, items in (("entity", v.entities), ("event", v.events), ("incident", v.incidents),
                            ("thread", v.threads), ("conflict", v.conflicts), ("claim", v.claims),
                            ("commitment", v.commitments)):  # fmt: skip
            setattr(self, name, {x.id: x for x in items})
        self.outlets = sorted({d.outlet for d in self.docs if d.outlet})
        self.languages = sorted({d.language for d in self.docs if d.language})
        self._ids = {"documents": [d.id for d in self.docs]}
        for kind, table in (("entities", self.entity), ("events", self.event), ("incidents", self.incident),
                            ("threads", self.thread), ("conflicts", self.conflict), ("claims", self.claim),
                            ("commitments", self.commitment)):  # fmt: skip
            self._ids[kind] = sorted(table)
        self._index()

    # ------------------------------------------------------------------ indexes

    def _link(self, table: dict[str, dict[str, list[str]]], key: str | None, kind: str, item: str) -> None:
        if key:
            ids = table.setdefault(key, {}).setdefault(kind, [])
            if not ids or ids[-1] != item:
                ids.append(item)

    def _index(self) -> None:
        v = self.views
        for inc in v.incidents:
            for r in inc.reports:
                self.incident_of_event.setdefault(r, inc.id)
            for who in {inc.place, *inc.actors, *inc.targets}:
                self._link(self.by_entity, who, "incidents", inc.id)
            for ev in _incident_evidence(inc):
                self._link(self.by_doc, ev.doc, "incidents", inc.id)
        for e in v.events:
            for ev in e.evidence:
                self._link(self.by_doc, ev.doc, "events", e.id)
            for ent in {e.place, *e.actors, *e.targets}:
                self._link(self.by_entity, ent, "events", e.id)
        for k in v.conflicts:
            for ev in k.evidence + [x for s in (k.side_a, k.side_b) if s for x in s.evidence]:
                self._link(self.by_doc, ev.doc, "conflicts", k.id)
            for ent in self._conflict_parties(k):
                self._link(self.by_entity, ent, "conflicts", k.id)
        for t in v.threads:
            for ev in t.evidence + [x for d in t.deadlines for x in d.evidence]:
                self._link(self.by_doc, ev.doc, "threads", t.id)
            for ent in {*t.actors, *(d.stated_by for d in t.deadlines)}:
                self._link(self.by_entity, ent, "threads", t.id)
        for c in v.commitments:
            for ev in c.evidence:
                self._link(self.by_doc, ev.doc, "commitments", c.id)
        for table in (self.by_doc, self.by_entity):
            for kinds in table.values():
                for kind, ids in kinds.items():
                    kinds[kind] = sorted(set(ids))
        self.quotes.sort(key=lambda r: (r.date or "", r.quote.doc, r.quote.start), reverse=True)
        for i, row in enumerate(self.quotes):
            if row.quote.speaker.entity:
                self.quotes_by_speaker.setdefault(row.quote.speaker.entity, []).append(i)

    def _conflict_parties(self, k: Conflict) -> set[str]:
        """Entities a disagreement is about or between: the speakers of its sides, the
        claims' sources, the incident's actors and place, the thread's actors."""
        out: set[str] = set()
        for s in (k.side_a, k.side_b):
            if s and s.speaker:
                out.add(s.speaker)
        for cid in (k.a, k.b):
            c = self.claim.get(cid)
            if c and c.attributed_to:
                out.add(c.attributed_to)
        inc = self.incident.get(k.incident or "")
        if inc:
            out.update(x for x in (inc.place, *inc.actors, *inc.targets) if x)
        t = self.thread.get(k.thread or "")
        if t:
            out.update(t.actors)
        return out

    # ------------------------------------------------------------------ ids

    def resolve(self, kind: str, ident: str) -> str:
        """The full id of ``kind`` (``documents``, ``entities`` …) for ``ident`` or a unique prefix of it."""
        ids = self._ids[kind]
        i = bisect.bisect_left(ids, ident)
        if i < len(ids) and ids[i] == ident:
            return ident
        found: list[str] = []
        while i < len(ids) and ids[i].startswith(ident) and len(found) < 6:
            found.append(ids[i])
            i += 1
        if not ident or not found:
            raise NotFound(f"no {kind[:-1]} {ident!r}")
        if len(found) > 1:
            more = " …" if len(found) > 5 else ""
            raise Ambiguous(f"id prefix {ident!r} is ambiguous: {', '.join(found[:5])}{more}", found[:5])
        return found[0]

    # ------------------------------------------------------------------ documents

    @contextmanager
    def store(self) -> Iterator[Any]:
        """A read-only store for this thread (SQLite connections cannot cross threads)."""
        assert self.db_path is not None
        st = getattr(self._local, "store", None)
        if st is None:
            st = open_store(self.db_path, readonly=True)
            self._local.store = st
        yield st

    def document(self, doc_id: str) -> Document | None:
        if self.analysis is not None:
            return self._texts.get(doc_id)
        with self.store() as st:
            d: Document | None = st.get_document(doc_id)
            return d

    def documents(self, ids: list[str]) -> dict[str, Document]:
        """Several documents at once (an incident's reports, a conflict's two sides)."""
        wanted = sorted({i for i in ids if i in self.doc})
        if self.analysis is not None:
            return {i: self._texts[i] for i in wanted if i in self._texts}
        with self.store() as st:
            return {d.id: d for d in st.iter_documents(wanted)}

    def folded(self, doc_id: str) -> str:
        """Folded text of a document (``analysis.json`` search), kept after the first use."""
        got = self._folded.get(doc_id)
        if got is None:
            d = self.document(doc_id)
            got = self._folded[doc_id] = fold(d.text) if d else ""
        return got

    def mentions(self, doc_id: str) -> Mentions:
        if self.analysis is not None:
            return self._mentions.get(doc_id, Mentions())
        with self.store() as st:
            m: Mentions = st.load_mentions([doc_id])
            return m

    def mentions_of(self, ids: list[str]) -> Mentions:
        """The mentions of several documents, read at once."""
        if self.analysis is None:
            with self.store() as st:
                got: Mentions = st.load_mentions(ids)
                return got
        out = Mentions()
        for i in sorted(set(ids)):
            m = self._mentions.get(i)
            if m is not None:
                for kind in MENTION_KINDS:
                    getattr(out, kind).extend(getattr(m, kind))
        return out

    def close(self) -> None:
        st = getattr(self._local, "store", None)
        if st is not None:
            st.close()
            self._local.store = None


def _incident_evidence(inc: Incident) -> list[Evidence]:
    out = list(inc.evidence)
    for values in inc.slots.values():
        for sv in values:
            out.extend(sv.evidence)
    return out


def _quote_rows(mentions: Mentions, docs: dict[str, DocMeta], texts: dict[str, str]) -> list[QuoteRow]:
    rows = []
    for q in mentions.quotes:
        meta = docs.get(q.doc)
        text = texts.get(q.doc, "")
        words = text[q.content.start : q.content.end]
        rows.append(QuoteRow(q, words, q.date or (meta.date if meta else None), meta.outlet if meta else None,
                             meta.title if meta else "", fold(words + " " + q.speaker.text)))  # fmt: skip
    return rows


def from_analysis(analysis: Analysis, as_of: str, source: str) -> Corpus:
    """A corpus over an in-memory ``Analysis`` (``analysis.json``)."""
    a = analysis
    views = Views(a.entities, a.events, a.claims, a.commitments, a.conflicts, a.incidents, a.threads)
    metas = [DocMeta.of(d) for d in a.documents]
    by_id = {m.id: m for m in metas}
    texts = {d.id: d for d in a.documents}
    split: dict[str, Mentions] = defaultdict(Mentions)
    for kind in MENTION_KINDS:
        for m in getattr(a.mentions, kind):
            getattr(split[m.doc], kind).append(m)
    quotes = _quote_rows(a.mentions, by_id, {d.id: d.text for d in a.documents})
    corpus = Corpus(views, metas, as_of, source, analysis=a, quotes=quotes)
    corpus._texts = texts
    corpus._mentions = dict(split)
    return corpus


def from_store(db_path: str, as_of: str | None) -> Corpus:
    """A corpus over a database: views and document summaries now, text on demand.

    Quotes are collected once here (their words need the text): the mentions are read
    ``QUOTE_CHUNK`` documents at a time, so memory stays bounded on a large store.
    """
    with open_store(db_path, readonly=True) as st:
        views = st.load_views()
        metas: list[DocMeta] = []
        quotes: list[QuoteRow] = []
        chunk: list[Document] = []

        def flush() -> None:
            ms = st.load_mentions([d.id for d in chunk], kinds=("quotes",))
            if ms.quotes:
                local = {d.id: d.text for d in chunk}
                quotes.extend(_quote_rows(ms, {m.id: m for m in metas[-len(chunk) :]}, local))
            chunk.clear()

        for d in st.iter_documents():
            metas.append(DocMeta.of(d))
            chunk.append(d)
            if len(chunk) >= QUOTE_CHUNK:
                flush()
        if chunk:
            flush()
    if as_of:
        views = dataclasses.replace(views, commitments=restatus_commitments(views.commitments, as_of))
    from datetime import date

    return Corpus(views, metas, as_of or date.today().isoformat(), db_path, db_path=db_path, quotes=quotes)


def restatus_commitments(commitments: list[Commitment], as_of: str) -> list[Commitment]:
    """Commitments with their status seen from ``as_of`` (the story stage's own rule)."""
    return [dataclasses.replace(c, status=status(c.deadline, as_of)) for c in commitments]
