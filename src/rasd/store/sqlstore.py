"""The one implementation of the ``Store`` protocol; each backend supplies only its SQL dialect.

SQLite and PostgreSQL store the same rows and must answer the same way, so everything
that is not dialect lives here once: documents and near-duplicates, mentions and views
(replaced in one transaction), the annotation and result caches, runs, search paging and
counting, schema checks and migration order. A backend subclasses ``SQLStore``, opens
``self.db`` (a DB-API connection with ``execute``) and fills in the hooks marked
*dialect* below; that is all a third backend has to write.

The SQL written here uses ``?`` placeholders and no literal ``?`` or ``%``, so a backend
whose driver wants another style rewrites it in ``_sql``; lists travel through ``_in``.
"""

from __future__ import annotations

import logging
import time
from abc import ABC, abstractmethod
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Self

from rasd.models import DocAnalysis, Document, Mentions, Views
from rasd.store import shared
from rasd.store.base import AddStats, SearchHit, SearchTimeout, check_offset, query_terms
from rasd.store.prepare import (
    DOC_COLUMNS,
    Prepared,
    content_hash,
    doc_row,
    elsewhere,
    index_fingerprint,
    light,
    prepare,
)
from rasd.store.snippet import snippet
from rasd.text import fold

PAGE = 500  # ids per IN-list, rows per streamed page
_log = logging.getLogger(__name__)
_STALE_WARNED: set[str] = set()  # stores warned about a stale index (the web API opens one per search)


def _chunks(values: Iterable[str]) -> list[list[str]]:
    """Distinct ``values``, sorted, in lists of ``PAGE``: one query each."""
    wanted = sorted(set(values))
    return [wanted[i : i + PAGE] for i in range(0, len(wanted), PAGE)]


class SQLStore(ABC):
    """``Store`` over one connection ``self.db``; subclasses are the dialects.

    ``readonly=True``: no migration, no reindexing, and every writing method raises
    ``PermissionError``. ``search_budget_s`` bounds one search (``None``: unbounded).
    ``path`` is what was opened, ``where`` the same fit for messages (no password).
    """

    MIGRATION_PATTERN: str  # dialect: file names of its scripts in ``migrations/``, version as group 1
    db: Any

    def __init__(
        self,
        path: str,
        where: str,
        *,
        batch_size: int,
        dedup: bool,
        readonly: bool,
        search_budget_s: float | None,
    ) -> None:
        self.path = path
        self.where = where
        self.batch_size = batch_size
        self.dedup = dedup
        self.readonly = readonly
        self.search_budget_s = search_budget_s
        self._dups = shared.DupIndex(lambda: self._x("SELECT seq, sig FROM minhash"))

    def _open(self) -> None:
        """After connecting: a reader checks the schema, a writer migrates and reindexes.

        On failure the connection is closed (a writer's lock goes with it).
        """
        try:
            self._start_session()
            if self.readonly:
                self._check_readable_schema()
            else:
                self.migrate()
                self.reindex(only_if_stale=True)
        except BaseException:
            self.db.close()
            raise

    # ------------------------------------------------------------------ dialect hooks

    def _start_session(self) -> None:
        """Dialect: set the session up before the schema is touched (read-only mode, locks)."""
        return None  # nothing to do by default

    def _sql(self, sql: str) -> str:
        """Dialect: ``sql`` with its ``?`` placeholders in the driver's style."""
        return sql

    def _in(self, column: str, values: Sequence[str]) -> tuple[str, list[Any]]:
        """Dialect: condition that ``column`` is one of ``values``, and its parameters."""
        return f"{column} IN ({', '.join('?' * len(values))})", list(values)

    def _scan(self, select: str, key: str) -> Iterator[Sequence[Any]]:
        """Dialect: every row of ``select`` (no WHERE; ``key`` its first column) by ``key``, streamed."""
        yield from self._x(f"{select} ORDER BY {key}")

    def _tx(self) -> AbstractContextManager[Any]:
        """Dialect: one transaction, committed on success and rolled back on any exception."""
        return self._plain_tx()

    @contextmanager
    def _plain_tx(self) -> Iterator[None]:
        self._x("BEGIN")
        try:
            yield
            self._x("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        self._x("ROLLBACK")

    def _insert_seq(self, sql: str, params: Sequence[Any]) -> int:
        """Dialect: run the ``INSERT INTO documents`` ``sql``; the new row's ``seq``."""
        return int(self._x(sql, params).lastrowid or 0)

    def _fts_fingerprint(self) -> str:
        """Dialect: identity of how the full-text rows are built; a change means reindex."""
        return index_fingerprint()

    @abstractmethod
    def _has_table(self, name: str) -> bool:
        """Dialect: whether table ``name`` exists (asked without creating anything)."""

    @abstractmethod
    def _apply_migration(self, version: int, name: str, sql: str) -> None:
        """Dialect: run one migration script and record it in ``schema_version``, atomically."""

    @abstractmethod
    def _upsert(self, table: str, columns: Sequence[str]) -> str:
        """Dialect: INSERT of ``columns`` (``?`` each) replacing the row with the same first column."""

    @abstractmethod
    def _clear_fts(self) -> None:
        """Dialect: empty the full-text index."""

    @abstractmethod
    def _insert_fts(self, seq: int, title: str, body: str, light_text: str) -> None:
        """Dialect: index document ``seq`` by its folded title and body and their ``light`` text."""

    @abstractmethod
    def _fts_query(self, terms: list[str]) -> Any | None:
        """Dialect: the full-text query for the distinct folded ``terms``; ``None``: nothing can match."""

    @abstractmethod
    def _budget(self, deadline: float | None) -> AbstractContextManager[Any]:
        """Dialect: where the search statements run; ``SearchTimeout`` once ``deadline`` passes."""

    @abstractmethod
    def _search_rows(
        self, query: Any, limit: int, offset: int, deadline: float | None, only: list[str] | None
    ) -> list[Sequence[Any]]:
        """Dialect: ``(id, title, source, pub_value, text, score)`` of the hits ``offset`` to
        ``offset + limit`` ranked by score (higher is better), then id; among ``only`` when
        given (sorted document ids, never empty)."""

    @abstractmethod
    def _count_rows(self, query: Any, deadline: float | None, only: list[str] | None) -> int:
        """Dialect: how many documents match ``query`` (among ``only`` when given)."""

    # ------------------------------------------------------------------ statements

    def _x(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement (``?`` placeholders); the driver's cursor."""
        return self.db.execute(self._sql(sql), params)

    def _many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        cur = self.db.cursor()
        try:
            cur.executemany(self._sql(sql), rows)
        finally:
            cur.close()

    # ------------------------------------------------------------------ schema

    def _writable(self) -> None:
        if self.readonly:
            raise PermissionError(f"database {self.where} is open read-only")

    def _migrations(self) -> list[tuple[int, str, str]]:
        return shared.migrations(self.MIGRATION_PATTERN)

    def _check_readable_schema(self) -> None:
        """A reader cannot migrate: refuse a database whose schema is not this rasd's."""
        current, known = self.schema_version(), self._migrations()[-1][0]
        if current > known:
            raise ValueError(
                f"database {self.where} has schema version {current}, newer than this rasd ({known})"
            )
        if current < known:
            raise ValueError(
                f"database {self.where} has schema version {current}, older than this rasd ({known}); "
                "run a writing command on it once (e.g. `rasd ingest`) to upgrade it"
            )
        row = self._x("SELECT value FROM meta WHERE key='fts_fingerprint'").fetchone()
        if (not row or row[0] != self._fts_fingerprint()) and self.path not in _STALE_WARNED:
            _STALE_WARNED.add(self.path)
            _log.warning(
                "%s: full-text index built with other folding rules; a writing command rebuilds it",
                self.where,
            )

    def schema_version(self) -> int:
        if self.readonly:
            if not self._has_table("schema_version"):
                return 0
        else:
            self._x(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)"
            )
        row = self._x("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> int:
        """Apply every migration newer than the database's version, each in its own transaction."""
        self._writable()
        current = self.schema_version()
        scripts = self._migrations()
        known = scripts[-1][0] if scripts else 0
        if current > known:
            raise ValueError(
                f"database {self.where} has schema version {current}, newer than this rasd ({known})"
            )
        for version, name, sql in scripts:
            if version > current:
                self._apply_migration(version, name, sql)
        return self.schema_version()

    def reindex(self, *, only_if_stale: bool = False) -> int:
        """Rebuild the full-text index from the stored documents; return how many were indexed.

        Run on open when the folding resources changed since the index was built (or a
        migration recreated it), so a new spelling rule applies to old documents too.
        """
        self._writable()
        fp = self._fts_fingerprint()
        row = self._x("SELECT value FROM meta WHERE key='fts_fingerprint'").fetchone()
        if only_if_stale and row and row[0] == fp:
            return 0
        n = 0
        with self._tx():
            self._clear_fts()
            for seq, title, text in self._scan("SELECT seq, title, text FROM documents", "seq"):
                t, b = fold(title), fold(text)  # streamed: never the whole corpus in memory
                self._insert_fts(seq, t, b, light(t + "\n" + b))
                n += 1
            self._x(self._upsert("meta", ("key", "value")), ("fts_fingerprint", fp))
        return n

    # ------------------------------------------------------------------ documents

    def add_documents(self, docs: Iterable[Document | Prepared], stats: AddStats | None = None) -> int:
        self._writable()
        stats = stats if stats is not None else AddStats()
        before = stats.new
        pending = 0
        self._x("BEGIN")
        try:
            for doc in docs:
                self._add_one(doc, stats)
                pending += 1
                if pending >= self.batch_size:
                    self._x("COMMIT")
                    self._x("BEGIN")
                    pending = 0
            self._x("COMMIT")
        except BaseException:
            self._rollback()
            self._dups.reset()  # it may hold rolled-back rows: reload lazily
            raise
        return stats.new - before

    _INSERT_DOC = (
        f"INSERT INTO documents ({', '.join(DOC_COLUMNS)}) VALUES ({', '.join('?' * len(DOC_COLUMNS))})"
    )

    def _add_one(self, item: Document | Prepared, stats: AddStats) -> None:
        doc = item.doc if isinstance(item, Prepared) else item
        if not doc.content_hash:
            doc.content_hash = content_hash(doc)
        rekeyed = False
        while hit := self._x(
            "SELECT url FROM documents WHERE content_hash=? OR id=?", (doc.content_hash, doc.id)
        ).fetchone():
            if rekeyed or not (doc.url and hit[0] and hit[0] != doc.url):
                stats.existing += 1  # the same text at the same (or an unknown) address: stored already
                return
            elsewhere(doc)  # the same text at another address: another outlet's copy, a document of its own
            rekeyed = True
        p = item if isinstance(item, Prepared) else prepare(doc, signature=self.dedup)
        sig = p.signature if self.dedup else None
        if sig is not None and doc.duplicate_of is None:
            doc.duplicate_of = self._find_duplicate(sig)
        row = p.row if p.row is not None and not rekeyed else doc_row(doc)
        row["duplicate_of"] = doc.duplicate_of  # decided here, against everything stored
        seq = self._insert_seq(self._INSERT_DOC, [row[c] for c in DOC_COLUMNS])
        self._insert_fts(seq, p.folded_title, p.folded_body, p.light)
        if sig is not None:
            self._x("INSERT INTO minhash (seq, sig) VALUES (?, ?)", (seq, sig.tobytes()))
            self._dups.add(seq, sig)
        stats.new += 1
        stats.new_ids.append(doc.id)
        if doc.duplicate_of:
            stats.duplicates += 1

    def _find_duplicate(self, sig: Any) -> str | None:
        """Id of the group root of the earliest stored document resembling ``sig``."""
        seq = self._dups.closest(sig)
        if seq is None:
            return None
        did, dup = self._x("SELECT id, duplicate_of FROM documents WHERE seq=?", (seq,)).fetchone()
        return str(dup or did)

    _SELECT = f"SELECT {', '.join(DOC_COLUMNS)} FROM documents"

    def get_document(self, doc_id: str) -> Document | None:
        row = self._x(f"{self._SELECT} WHERE id=?", (doc_id,)).fetchone()
        return shared.doc_from_row(row) if row else None

    def find_ids(self, prefix: str, limit: int = 10) -> list[str]:
        esc = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._x(
            "SELECT id FROM documents WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?", (esc + "%", limit)
        )
        return [r[0] for r in rows]

    def iter_documents(self, ids: Sequence[str] | None = None) -> Iterator[Document]:
        if ids is None:
            for row in self._scan(self._SELECT, "id"):
                yield shared.doc_from_row(row)
            return
        for chunk in _chunks(ids):
            cond, params = self._in("id", chunk)
            for row in self._x(f"{self._SELECT} WHERE {cond} ORDER BY id", params).fetchall():
                yield shared.doc_from_row(row)

    def count_documents(self) -> int:
        return int(self._x("SELECT COUNT(*) FROM documents").fetchone()[0])

    def doc_dates(self) -> dict[str, str | None]:
        return {str(i): v for i, v in self._x("SELECT id, pub_value FROM documents ORDER BY id").fetchall()}

    def id_for_hash(self, content_hash: str) -> str | None:
        row = self._x("SELECT id FROM documents WHERE content_hash=?", (content_hash,)).fetchone()
        return str(row[0]) if row else None

    def duplicate_groups(self) -> list[list[str]]:
        groups: dict[str, list[str]] = {}
        for root, did in self._x(
            "SELECT duplicate_of, id FROM documents WHERE duplicate_of IS NOT NULL ORDER BY seq"
        ):
            groups.setdefault(root, [root]).append(did)
        return sorted(groups.values())

    # ------------------------------------------------------------------ search

    def search(
        self, query: str, limit: int = 10, offset: int = 0, only: Collection[str] | None = None
    ) -> list[SearchHit]:
        terms = query_terms(query)  # distinct words; QueryError past the limits
        check_offset(offset)
        q = self._fts_query(terms) if terms else None
        ids = _only(only)
        if q is None or ids == []:
            return []
        deadline = self._deadline()
        with self._budget(deadline):
            rows = self._search_rows(q, limit, offset, deadline, ids)
        hits = []
        for r in rows:  # snippets cost time too: the budget covers them
            if deadline is not None and time.monotonic() >= deadline:
                raise self._timeout()
            snip, span = snippet(r[4], terms)
            hits.append(
                SearchHit(doc_id=r[0], title=r[1], source=r[2], published=r[3], snippet=snip,
                          score=float(r[5]), match=span)
            )  # fmt: skip
        return hits

    def count_hits(self, query: str, only: Collection[str] | None = None) -> int:
        terms = query_terms(query)
        q = self._fts_query(terms) if terms else None
        ids = _only(only)
        if q is None or ids == []:
            return 0
        deadline = self._deadline()
        with self._budget(deadline):
            return self._count_rows(q, deadline, ids)

    def _deadline(self) -> float | None:
        return None if self.search_budget_s is None else time.monotonic() + self.search_budget_s

    def _timeout(self) -> SearchTimeout:
        return SearchTimeout(
            f"search stopped after its {self.search_budget_s:g} s budget; use fewer or rarer words"
        )

    # ------------------------------------------------------------------ mentions and views

    def save_mentions(self, das: Iterable[DocAnalysis]) -> None:
        self._writable()
        with self._tx():
            self._write_mentions(das)

    def _write_mentions(self, das: Iterable[DocAnalysis]) -> None:
        """Replace each document's mention rows, skipping those whose rows did not change
        (``shared.mentions_digest``: the rows are encoded only for the documents that did)."""
        known = dict(self._x("SELECT doc, digest FROM mention_digests").fetchall())
        for da in das:
            dg = shared.mentions_digest(da)
            if known.get(da.doc.id) == dg:
                continue
            self._x("DELETE FROM mentions WHERE doc=?", (da.doc.id,))
            self._many('INSERT INTO mentions (doc, kind, start, "end", json) VALUES (?, ?, ?, ?, ?)', shared.mention_rows(da))
            self._x(self._upsert("mention_digests", ("doc", "digest")), (da.doc.id, dg))

    def _write_views(self, views: Views, *, replace: bool) -> None:
        """Add (upsert) the view rows, or with ``replace`` make each table hold exactly them:
        only the rows that changed are written and those no longer there deleted, so an
        update that changes a few items does not rewrite every table (same content)."""
        for table, _cls in shared.VIEW_TABLES:
            rows = shared.view_rows(getattr(views, table))
            if replace:
                new = dict(rows)  # one row per id, the last: what INSERT OR REPLACE keeps
                old = dict(self._x(f"SELECT id, json FROM {table}").fetchall())
                for chunk in _chunks(k for k in old if k not in new):
                    cond, params = self._in("id", chunk)
                    self._x(f"DELETE FROM {table} WHERE {cond}", params)
                rows = [(k, v) for k, v in new.items() if old.get(k) != v]
                del old, new
            self._many(self._upsert(table, ("id", "json")), rows)

    def load_mentions(self, ids: Sequence[str] | None = None, kinds: Sequence[str] | None = None) -> Mentions:
        out = Mentions()
        q = 'SELECT kind, json FROM mentions{} ORDER BY doc, kind, start, "end", json'
        batches: list[tuple[str, list[Any]]] = []
        if ids is None:
            batches.append((q.format(""), []))
        for chunk in _chunks(ids or ()):
            cond, params = self._in("doc", chunk)
            batches.append((q.format(f" WHERE {cond}"), params))
        for sql, params in batches:
            for kind, js in self._x(sql, params):
                if kinds is not None and kind not in kinds:
                    continue  # skipped before decoding: the JSON decode is the cost
                m = shared.mention_from_row(kind, js)
                if m is not None:
                    getattr(out, m[0]).append(m[1])
        return out

    def save_views(self, views: Views) -> None:
        self._writable()
        with self._tx():
            self._write_views(views, replace=False)

    def replace_views(self, views: Views) -> None:
        self.save_analysis((), views)

    def save_analysis(self, das: Iterable[DocAnalysis], views: Views) -> None:
        self._writable()
        with self._tx():
            self._write_mentions(das)
            self._write_views(views, replace=True)

    def load_views(self) -> Views:
        return Views(
            *(
                [shared.view_from_json(cls, js) for (js,) in self._x(f"SELECT json FROM {table} ORDER BY id")]
                for table, cls in shared.VIEW_TABLES
            )
        )

    # ------------------------------------------------------------------ caches

    def load_annotations(self, docs: Sequence[Document], fingerprint: str) -> dict[str, DocAnalysis]:
        return shared.analyses_from_blobs(docs, self.annotation_blobs(docs, fingerprint))

    def annotation_blobs(self, docs: Sequence[Document], fingerprint: str) -> dict[str, bytes]:
        by_hash = {d.content_hash: d for d in docs if d.content_hash}
        out: dict[str, bytes] = {}
        for chunk in _chunks(by_hash):
            cond, params = self._in("content_hash", chunk)
            q = f"SELECT content_hash, data FROM annotations WHERE fingerprint=? AND {cond}"
            for h, blob in self._x(q, [fingerprint, *params]).fetchall():
                out[by_hash[h].id] = bytes(blob)
        return out

    def save_annotations(self, das: Iterable[DocAnalysis], fingerprint: str) -> None:
        self._writable()
        rows = [
            (da.doc.content_hash, fingerprint, shared.annotation_blob(da))
            for da in das
            if da.doc.content_hash
        ]
        with self._tx():
            self._many(self._upsert("annotations", ("content_hash", "fingerprint", "data")), rows)

    def load_results(self, keys: Sequence[str], mark: str) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        with self._tx():
            for chunk in _chunks(keys):
                cond, params = self._in("key", chunk)
                out.update(
                    (str(k), bytes(v))
                    for k, v in self._x(f"SELECT key, data FROM results WHERE {cond}", params).fetchall()
                )
                self._x(f"UPDATE results SET used=? WHERE {cond}", [mark, *params])
        return out

    def has_results(self, keys: Sequence[str]) -> set[str]:
        out: set[str] = set()
        for chunk in _chunks(keys):
            cond, params = self._in("key", chunk)
            out.update(str(k) for (k,) in self._x(f"SELECT key FROM results WHERE {cond}", params).fetchall())
        return out

    def save_results(self, items: dict[str, bytes], mark: str) -> None:
        self._writable()
        with self._tx():
            self._many(
                self._upsert("results", ("key", "data", "used")),
                [(k, v, mark) for k, v in sorted(items.items())],
            )

    def sweep_results(self, mark: str) -> int:
        self._writable()
        with self._tx():
            return int(self._x("DELETE FROM results WHERE used <> ?", (mark,)).rowcount)

    # ------------------------------------------------------------------ runs

    def record_run(
        self, inputs: Sequence[str], counts: dict[str, Any], errors: Sequence[tuple[str, str]]
    ) -> str:
        self._writable()
        row = shared.run_row(inputs, counts, errors)
        self._x(self._upsert("runs", ("id", "started", "inputs", "counts", "errors")), row)
        return row[0]

    def runs(self) -> list[dict[str, Any]]:
        return [
            shared.run_from_row(r)
            for r in self._x("SELECT id, started, inputs, counts, errors FROM runs ORDER BY started")
        ]

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _only(ids: Collection[str] | None) -> list[str] | None:
    """A search restriction as a sorted list (the statements take it as one parameter)."""
    return None if ids is None else sorted(set(ids))
