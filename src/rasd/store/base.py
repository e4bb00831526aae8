"""The storage interface every backend implements.

The pipeline, the CLI and the export talk to a ``Store`` and never to SQL, so a
PostgreSQL backend can be added beside ``sqlite.py`` without touching annotators or
views: it only has to honour this protocol (and its own migrations).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from rasd.annotators import DocAnalysis
from rasd.models import Claim, Commitment, Conflict, Document, Entity, Event, Mentions

if TYPE_CHECKING:  # prepare pulls in numpy/datasketch: only the writers need it
    from rasd.store.prepare import Prepared


@dataclass
class SearchHit:
    """One full-text search result; ``snippet`` is original text, not folded text."""

    doc_id: str
    title: str
    source: str
    published: str | None
    snippet: str
    score: float  # higher is better (negated bm25)
    match: tuple[int, int] | None = None  # the matched words inside ``snippet``


@dataclass
class AddStats:
    """What ``add_documents`` did: ``new`` stored, ``existing`` skipped as already stored."""

    new: int = 0
    existing: int = 0
    duplicates: int = 0  # new documents linked to an earlier near-duplicate
    new_ids: list[str] = field(default_factory=list)


@runtime_checkable
class Store(Protocol):
    """Documents, their mentions and the corpus-level views, by content-derived id."""

    def add_documents(self, docs: Iterable[Document | Prepared], stats: AddStats | None = None) -> int:
        """Store ``docs`` (streamed, committed in batches); return how many were new.

        A document whose ``content_hash`` is already stored is skipped (idempotent
        re-runs). A new document close to an earlier one gets ``duplicate_of`` set on
        the stored row and on the object passed in. ``Prepared`` items (see
        ``rasd.store.prepare``) skip the folding and hashing done here otherwise.
        """
        ...

    def get_document(self, doc_id: str) -> Document | None: ...

    def find_ids(self, prefix: str, limit: int = 10) -> list[str]:
        """Ids starting with ``prefix``, sorted: how ``rasd show`` accepts short ids."""
        ...

    def iter_documents(self, ids: Sequence[str] | None = None) -> Iterator[Document]:
        """Stored documents sorted by id (all, or those in ``ids``), streamed."""
        ...

    def count_documents(self) -> int: ...

    def id_for_hash(self, content_hash: str) -> str | None: ...

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Full-text search on folded title+body; spelling variants of hamza etc. match."""
        ...

    def duplicate_groups(self) -> list[list[str]]:
        """Groups of near-duplicate document ids, first-seen first; sorted."""
        ...

    def save_mentions(self, das: Iterable[DocAnalysis]) -> None:
        """Replace the stored mentions of each analysed document."""
        ...

    def load_mentions(self, ids: Sequence[str] | None = None) -> Mentions: ...

    def save_views(
        self,
        entities: Sequence[Entity],
        events: Sequence[Event],
        claims: Sequence[Claim],
        commitments: Sequence[Commitment],
        conflicts: Sequence[Conflict],
    ) -> None:
        """Upsert corpus-level items by id."""
        ...

    def load_views(
        self,
    ) -> tuple[list[Entity], list[Event], list[Claim], list[Commitment], list[Conflict]]: ...

    def record_run(self, inputs: Sequence[str], counts: dict[str, Any], errors: Sequence[tuple[str, str]]) -> str:
        """Log one run (inputs, counts, error lines); return the run id."""
        ...

    def runs(self) -> list[dict[str, Any]]:
        """Logged runs, oldest first: ``id``, ``started``, ``inputs``, ``counts``, ``errors``."""
        ...

    def schema_version(self) -> int: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...


def open_store(path: str, **kwargs: Any) -> Store:
    """Open the backend for ``path``: a ``postgresql://`` URL later, a SQLite file now."""
    if path.startswith(("postgres://", "postgresql://")):
        raise ValueError("PostgreSQL backend is not implemented yet; use a SQLite file path")
    from rasd.store.sqlite import SQLiteStore

    return SQLiteStore(path, **kwargs)
