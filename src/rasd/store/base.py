"""The storage interface every backend implements.

The pipeline, the CLI and the export talk to a ``Store`` and never to SQL, so a
PostgreSQL backend can be added beside ``sqlite.py`` without touching annotators or
views: it only has to honour this protocol (and its own migrations).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from rasd.models import DocAnalysis, Document, Mentions, Views
from rasd.text import fold

if TYPE_CHECKING:  # prepare pulls in numpy/datasketch: only the writers need it
    from rasd.store.prepare import Prepared


# Search limits, in one place (the API, the CLI and every backend apply these). The cost of
# a full-text query grows with its number of words, so a query is cut down to its distinct
# words and refused beyond these bounds instead of running for minutes.
MAX_QUERY_CHARS = 1000  # characters of the query as typed
MAX_QUERY_TERMS = 32  # distinct words after folding
SEARCH_BUDGET_S = 3.0  # wall-clock seconds one query may run before it is interrupted
MAX_SEARCH_OFFSET = 10_000  # deepest ranked hit a page may start at: deeper is refused, not slow

_WORD = re.compile(r"\w+")


class QueryError(ValueError):
    """A search query refused before it runs (too long, too many distinct words)."""


class SearchTimeout(RuntimeError):
    """A search query interrupted because it ran past its time budget."""


class StoreUnavailable(ValueError):
    """A backend that cannot be used here: its driver is not installed, or no server answers."""


class StoreBusy(RuntimeError):
    """Another writer holds the database and did not let go within the wait allowed."""


def query_terms(query: str) -> list[str]:
    """The distinct folded words of ``query``, in order; ``QueryError`` when over the limits.

    Repeating a word adds nothing to an AND query, so repeats are dropped before the word
    count is checked: ``عين عين عين`` is one term, whatever its length in words.
    """
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long: {len(query):,} characters (at most {MAX_QUERY_CHARS:,})")
    terms = list(dict.fromkeys(_WORD.findall(fold(query))))
    if len(terms) > MAX_QUERY_TERMS:
        raise QueryError(f"query has too many different words: {len(terms)} (at most {MAX_QUERY_TERMS})")
    return terms


def check_offset(offset: int) -> None:
    """``QueryError`` for an ``offset`` below 0 or past ``MAX_SEARCH_OFFSET``.

    Skipping ``offset`` ranked hits still ranks them, so deep pages cost as much as one
    big page; past the bound the query should be refined instead.
    """
    if not 0 <= offset <= MAX_SEARCH_OFFSET:
        raise QueryError(
            f"search offset {offset:,} out of range (0 to {MAX_SEARCH_OFFSET:,}); add words or filters"
        )


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
        re-runs), unless the stored one has another URL: that copy is another outlet's
        and is stored under a key of its text and URL (``prepare.elsewhere``). A new document close to an earlier one gets ``duplicate_of`` set on
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

    def doc_dates(self) -> dict[str, str | None]:
        """Publication date (TimeML value) of every stored document, by id, without the texts."""
        ...

    def id_for_hash(self, content_hash: str) -> str | None: ...

    def search(
        self, query: str, limit: int = 10, offset: int = 0, only: Collection[str] | None = None
    ) -> list[SearchHit]:
        """Full-text search on folded title+body; spelling variants of hamza etc. match.

        ``only``: search among these document ids alone (the web app's filters, computed
        from its document list), so filtered hits are ranked, counted and paged exactly.

        All distinct words must match. Hits ``offset`` to ``offset + limit`` of the ranking
        (score, then id), so pages are disjoint and in the order of one big page. Raises
        ``QueryError`` for a query over the limits (see ``query_terms``, ``check_offset``)
        and ``SearchTimeout`` past ``SEARCH_BUDGET_S``.
        """
        ...

    def count_hits(self, query: str, only: Collection[str] | None = None) -> int:
        """How many documents ``search`` would find for ``query`` with no limit (same limits)."""
        ...

    def duplicate_groups(self) -> list[list[str]]:
        """Groups of near-duplicate document ids, first-seen first; sorted."""
        ...

    def save_mentions(self, das: Iterable[DocAnalysis]) -> None:
        """Replace the stored mentions of each analysed document."""
        ...

    def load_mentions(self, ids: Sequence[str] | None = None, kinds: Sequence[str] | None = None) -> Mentions:
        """Mentions of ``ids`` (all documents when None); only the ``Mentions`` fields named in
        ``kinds`` (``"quotes"`` …) when given, the others left empty."""
        ...

    def save_views(self, views: Views) -> None:
        """Upsert corpus-level items by id (rows not in ``views`` stay; see ``replace_views``)."""
        ...

    def replace_views(self, views: Views) -> None:
        """Make ``views`` the only corpus-level items: rows not in it go, in one transaction."""
        ...

    def save_analysis(self, das: Iterable[DocAnalysis], views: Views) -> None:
        """``save_mentions(das)`` and ``replace_views(views)`` in one transaction, so a reader
        (or a run killed midway) never sees the mentions of one analysis with the views of another.
        Documents whose mention rows did not change are not rewritten."""
        ...

    def load_annotations(self, docs: Sequence[Document], fingerprint: str) -> dict[str, DocAnalysis]:
        """Cached annotations of ``docs`` made by annotators with this ``fingerprint``, by document id.

        Each is a new ``DocAnalysis`` holding the annotators' output before linking.
        """
        ...

    def annotation_blobs(self, docs: Sequence[Document], fingerprint: str) -> dict[str, bytes]:
        """``load_annotations`` before decoding: each cached document's stored bytes, by id
        (``store.shared.analysis_from_blob`` decodes one), so a caller can decode them
        elsewhere, e.g. while the new documents are annotated."""
        ...

    def save_annotations(self, das: Iterable[DocAnalysis], fingerprint: str) -> None:
        """Cache each document's annotations (as the annotators left them) by content hash."""
        ...

    def load_results(self, keys: Sequence[str], mark: str) -> dict[str, bytes]:
        """Cached results of the ``keys`` that have one (``rasd.incremental``); each is marked
        as used by run ``mark``."""
        ...

    def has_results(self, keys: Sequence[str]) -> set[str]:
        """Which of ``keys`` have a cached result; nothing is read or marked (a caller that
        only needs to know whether work is left, e.g. texts to encode ahead)."""
        ...

    def save_results(self, items: dict[str, bytes], mark: str) -> None:
        """Cache results (key → bytes), marked as used by run ``mark``."""
        ...

    def sweep_results(self, mark: str) -> int:
        """Delete the cached results run ``mark`` did not use; return how many."""
        ...

    def load_views(self) -> Views: ...

    def record_run(
        self, inputs: Sequence[str], counts: dict[str, Any], errors: Sequence[tuple[str, str]]
    ) -> str:
        """Log one run (inputs, counts, error lines); return the run id."""
        ...

    def runs(self) -> list[dict[str, Any]]:
        """Logged runs, oldest first: ``id``, ``started``, ``inputs``, ``counts``, ``errors``."""
        ...

    def schema_version(self) -> int: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...


def is_url(path: str) -> bool:
    """Whether ``--db`` names a PostgreSQL server (a URL) rather than a SQLite file."""
    return path.startswith(("postgres://", "postgresql://"))


def open_store(path: str, *, readonly: bool = False, **kwargs: Any) -> Store:
    """Open the backend for ``path``: PostgreSQL for a ``postgresql://`` URL, else a SQLite file.

    ``readonly=True`` is for commands that only read (``serve``, ``search``): the store is
    opened without write access (a read-only file, or read-only transactions), so it can
    never change the database; writes through it raise. A writer to PostgreSQL waits for
    (or gives up on, ``StoreBusy``) another writer; see ``docs/store.md``.
    """
    if is_url(path):
        from rasd.store.postgres import PostgresStore

        return PostgresStore(path, readonly=readonly, **kwargs)
    from rasd.store.sqlite import SQLiteStore

    return SQLiteStore(path, readonly=readonly, **kwargs)
