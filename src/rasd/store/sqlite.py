"""SQLite backend of the ``Store`` protocol: one file, WAL, batched transactions.

Plain ``sqlite3`` rather than an ORM because the two things that matter here are SQLite
specific and speed critical: the FTS5 full-text index over folded text, and bulk inserts
committed in batches (an ORM's per-object unit of work costs several times the insert
itself on a 31k-document ingest). All SQLite SQL stays in this file and in
``migrations/``; a PostgreSQL backend implements ``rasd.store.base.Store`` beside it.

Readers (``readonly=True``) open the file with a ``mode=ro`` URI and ``query_only`` on,
so ``rasd serve`` and ``rasd search`` work on a database in a directory they cannot write
and can never change it.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rasd.annotators import DocAnalysis
from rasd.models import Document, Mentions, Views
from rasd.store import shared
from rasd.store.base import SEARCH_BUDGET_S, AddStats, SearchHit, SearchTimeout, check_offset, query_terms
from rasd.store.prepare import (
    DOC_COLUMNS as _DOC_COLUMNS,
)
from rasd.store.prepare import (
    MIN_WORDS,
    NUM_PERM,
    Prepared,
    content_hash,
    doc_row,
    index_fingerprint,
    light,
    prepare,
    signature,
)
from rasd.store.snippet import snippet
from rasd.text import fold

DUP_THRESHOLD = shared.DUP_THRESHOLD
PROGRESS_STEPS = 10_000  # SQLite VM steps between two looks at a search's time budget
MIGRATION_PATTERN = r"^(\d{3})_[\w-]+\.sql$"
_log = logging.getLogger(__name__)
_STALE_WARNED: set[str] = set()

_MENTION_KINDS = shared.MENTION_KINDS
_VIEW_TABLES = shared.VIEW_TABLES


def migrations() -> list[tuple[int, str, str]]:
    """``(version, name, sql)`` of every SQLite migration script, in order."""
    return shared.migrations(MIGRATION_PATTERN)


def _connect_readonly(path: str) -> sqlite3.Connection:
    """A connection that cannot write: ``mode=ro`` URI, ``query_only`` on.

    A WAL database needs its ``-shm`` file; in a directory we cannot write SQLite cannot
    create it and the first read fails. Then the file is opened ``immutable=1`` (no
    locking, no WAL): right for a database nobody can be writing, since a writer would
    have to create those files in that same directory.
    """
    if path == ":memory:":
        raise ValueError("a read-only store needs a database file")
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"database not found: {path}")
    uri = p.resolve().as_uri() + "?mode=ro"
    error: sqlite3.Error | None = None
    for extra in ("", "&immutable=1"):
        try:
            con = sqlite3.connect(uri + extra, uri=True, isolation_level=None)
        except sqlite3.Error as e:
            error = e
            continue
        try:
            con.execute("PRAGMA query_only=ON")
            con.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as e:  # e.g. "unable to open database file": no -shm
            con.close()
            error = e
            continue
        except sqlite3.DatabaseError as e:  # not a database: no retry helps
            con.close()
            raise ValueError(f"cannot open database {path}: {e}") from None
        if extra:
            wal = Path(path + "-wal")
            if wal.is_file() and wal.stat().st_size > 0:
                _log.warning("%s: opened immutable; changes still in %s are not seen", path, wal.name)
        return con
    raise ValueError(f"cannot open database {path} read-only: {error}")


class SQLiteStore:
    """``Store`` on one SQLite file. Not thread-safe; one writer at a time (WAL lets readers in).

    ``readonly=True`` opens the file without write access (see ``_connect_readonly``):
    no migration, no reindexing, and every writing method raises ``PermissionError``.
    ``search_budget_s`` bounds one search (``None``: unbounded).
    """

    def __init__(
        self,
        path: str | Path,
        *,
        batch_size: int = 500,
        dedup: bool = True,
        readonly: bool = False,
        search_budget_s: float | None = SEARCH_BUDGET_S,
    ) -> None:
        self.path = str(path)
        self.batch_size = batch_size
        self.dedup = dedup
        self.readonly = readonly
        self.search_budget_s = search_budget_s
        self._dups = shared.DupIndex(lambda: self.db.execute("SELECT seq, sig FROM minhash"))
        if readonly:
            self.db = _connect_readonly(self.path)
            try:
                self._check_readable_schema()
            except BaseException:
                self.db.close()
                raise
            return
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
        except sqlite3.DatabaseError as e:
            raise ValueError(f"cannot open database {self.path}: {e}") from None
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.migrate()
        self.reindex(only_if_stale=True)

    # ------------------------------------------------------------------ schema

    def _writable(self) -> None:
        if self.readonly:
            raise PermissionError(f"database {self.path} is open read-only")

    def _check_readable_schema(self) -> None:
        """A reader cannot migrate: refuse a file whose schema is not this rasd's."""
        current, known = self.schema_version(), migrations()[-1][0]
        if current > known:
            raise ValueError(
                f"database {self.path} has schema version {current}, newer than this rasd ({known})"
            )
        if current < known:
            raise ValueError(
                f"database {self.path} has schema version {current}, older than this rasd ({known}); "
                "run a writing command on it once (e.g. `rasd ingest`) to upgrade it"
            )
        row = self.db.execute("SELECT value FROM meta WHERE key='fts_fingerprint'").fetchone()
        if (not row or row[0] != index_fingerprint()) and self.path not in _STALE_WARNED:
            _STALE_WARNED.add(self.path)  # once per file: the web API opens a reader per search
            _log.warning(
                "%s: full-text index built with other folding rules; a writing command rebuilds it", self.path
            )

    def schema_version(self) -> int:
        if self.readonly:
            exists = self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'"
            )
            if exists.fetchone() is None:
                return 0
        else:
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)"
            )
        row = self.db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> int:
        """Apply every migration newer than the file's version, each in its own transaction."""
        self._writable()
        current = self.schema_version()
        scripts = migrations()
        known = scripts[-1][0] if scripts else 0
        if current > known:
            raise ValueError(
                f"database {self.path} has schema version {current}, newer than this rasd ({known})"
            )
        for version, name, sql in scripts:
            if version <= current:
                continue
            now = shared.utc_now()
            name_sql = name.replace("'", "''")
            self.db.executescript(
                f"BEGIN;\n{sql}\nINSERT INTO schema_version VALUES ({version}, '{name_sql}', '{now}');\nCOMMIT;"
            )
        return self.schema_version()

    def reindex(self, *, only_if_stale: bool = False) -> int:
        """Rebuild the full-text index from the stored documents; return how many were indexed.

        Run on open when the folding resources changed since the index was built (or a
        migration recreated it), so a new spelling rule applies to old documents too.
        """
        self._writable()
        fp = index_fingerprint()
        row = self.db.execute("SELECT value FROM meta WHERE key='fts_fingerprint'").fetchone()
        if only_if_stale and row and row[0] == fp:
            return 0
        n = 0
        self.db.execute("BEGIN")
        try:
            self.db.execute("INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')")
            rows = self.db.cursor().execute("SELECT seq, title, text FROM documents ORDER BY seq")
            for seq, title, text in rows:  # streamed: never the whole corpus in memory
                t, b = fold(title), fold(text)
                self.db.execute(
                    "INSERT INTO documents_fts (rowid, title, body, light) VALUES (?, ?, ?, ?)",
                    (seq, t, b, light(t + "\n" + b)),
                )
                n += 1
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('fts_fingerprint', ?)", (fp,))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return n

    # ------------------------------------------------------------------ documents

    def add_documents(self, docs: Iterable[Document | Prepared], stats: AddStats | None = None) -> int:
        self._writable()
        stats = stats if stats is not None else AddStats()
        before = stats.new
        pending = 0
        self.db.execute("BEGIN")
        try:
            for doc in docs:
                self._add_one(doc, stats)
                pending += 1
                if pending >= self.batch_size:
                    self.db.execute("COMMIT")
                    self.db.execute("BEGIN")
                    pending = 0
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            self._dups.reset()  # it may hold rolled-back rows: reload lazily
            raise
        return stats.new - before

    def _add_one(self, item: Document | Prepared, stats: AddStats) -> None:
        doc = item.doc if isinstance(item, Prepared) else item
        if not doc.content_hash:
            doc.content_hash = content_hash(doc)
        if self.db.execute(
            "SELECT 1 FROM documents WHERE content_hash=? OR id=?", (doc.content_hash, doc.id)
        ).fetchone():
            stats.existing += 1
            return
        p = item if isinstance(item, Prepared) else prepare(doc, signature=self.dedup)
        sig = p.signature if self.dedup else None
        if sig is not None and doc.duplicate_of is None:
            doc.duplicate_of = self._find_duplicate(sig)
        row = p.row if p.row is not None else doc_row(doc)
        row["duplicate_of"] = doc.duplicate_of  # decided here, against everything stored
        cur = self.db.execute(
            f"INSERT INTO documents ({', '.join(_DOC_COLUMNS)}) VALUES ({', '.join('?' * len(_DOC_COLUMNS))})",
            [row[c] for c in _DOC_COLUMNS],
        )
        seq = int(cur.lastrowid or 0)
        self.db.execute(
            "INSERT INTO documents_fts (rowid, title, body, light) VALUES (?, ?, ?, ?)",
            (seq, p.folded_title, p.folded_body, p.light),
        )
        if sig is not None:
            self.db.execute("INSERT INTO minhash (seq, sig) VALUES (?, ?)", (seq, sig.tobytes()))
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
        did, dup = self.db.execute("SELECT id, duplicate_of FROM documents WHERE seq=?", (seq,)).fetchone()
        return str(dup or did)

    _doc_from_row = staticmethod(shared.doc_from_row)

    _SELECT = f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents"

    def get_document(self, doc_id: str) -> Document | None:
        row = self.db.execute(f"{self._SELECT} WHERE id=?", (doc_id,)).fetchone()
        return self._doc_from_row(row) if row else None

    def find_ids(self, prefix: str, limit: int = 10) -> list[str]:
        esc = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.db.execute(
            "SELECT id FROM documents WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?", (esc + "%", limit)
        )
        return [r[0] for r in rows]

    def iter_documents(self, ids: Sequence[str] | None = None) -> Iterator[Document]:
        if ids is None:
            for row in self.db.execute(f"{self._SELECT} ORDER BY id"):
                yield self._doc_from_row(row)
            return
        wanted = sorted(set(ids))
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            q = f"{self._SELECT} WHERE id IN ({', '.join('?' * len(chunk))}) ORDER BY id"
            for row in self.db.execute(q, chunk).fetchall():
                yield self._doc_from_row(row)

    def count_documents(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def doc_dates(self) -> dict[str, str | None]:
        return dict(self.db.execute("SELECT id, pub_value FROM documents ORDER BY id").fetchall())

    def id_for_hash(self, content_hash: str) -> str | None:
        row = self.db.execute("SELECT id FROM documents WHERE content_hash=?", (content_hash,)).fetchone()
        return str(row[0]) if row else None

    def duplicate_groups(self) -> list[list[str]]:
        groups: dict[str, list[str]] = {}
        for root, did in self.db.execute(
            "SELECT duplicate_of, id FROM documents WHERE duplicate_of IS NOT NULL ORDER BY seq"
        ):
            groups.setdefault(root, [root]).append(did)
        return sorted(groups.values())

    # ------------------------------------------------------------------ search

    # The ``limit`` rows from ``offset`` on (score, id) are chosen without the bodies, which are
    # read for those rows only: sorting every match with its text costs seconds on common words.
    _SEARCH = (
        "WITH top AS (SELECT d.seq, d.id, bm25(documents_fts, 2.0, 1.0, 0.5) AS score "
        "FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid "
        "WHERE documents_fts MATCH ? ORDER BY score, d.id LIMIT ? OFFSET ?) "
        "SELECT d.id, d.title, d.source, d.pub_value, d.text, top.score "
        "FROM top JOIN documents d ON d.seq = top.seq ORDER BY top.score, top.id"
    )
    _COUNT = (
        "SELECT COUNT(*) FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid "
        "WHERE documents_fts MATCH ?"
    )

    def search(self, query: str, limit: int = 10, offset: int = 0) -> list[SearchHit]:
        terms = query_terms(query)  # distinct words; QueryError past the limits
        check_offset(offset)
        if not terms:
            return []
        match = " AND ".join(_term_query(t) for t in terms)
        deadline = None if self.search_budget_s is None else time.monotonic() + self.search_budget_s
        hits = []
        with self._budget(deadline):
            for r in self.db.execute(self._SEARCH, (match, limit, offset)).fetchall():
                if deadline is not None and time.monotonic() >= deadline:
                    raise self._timeout()
                snip, span = snippet(r[4], terms)
                hits.append(
                    SearchHit(doc_id=r[0], title=r[1], source=r[2], published=r[3], snippet=snip,
                              score=-float(r[5]), match=span)
                )  # fmt: skip
        return hits

    def count_hits(self, query: str) -> int:
        terms = query_terms(query)
        if not terms:
            return 0
        match = " AND ".join(_term_query(t) for t in terms)
        deadline = None if self.search_budget_s is None else time.monotonic() + self.search_budget_s
        with self._budget(deadline):
            return int(self.db.execute(self._COUNT, (match,)).fetchone()[0])

    def _timeout(self) -> SearchTimeout:
        return SearchTimeout(
            f"search stopped after its {self.search_budget_s:g} s budget; use fewer or rarer words"
        )

    @contextmanager
    def _budget(self, deadline: float | None) -> Iterator[None]:
        """Interrupt SQLite once ``deadline`` passes (checked every ``PROGRESS_STEPS`` steps)."""
        if deadline is None:
            yield
            return
        fired = []

        def past_deadline() -> bool:
            if time.monotonic() < deadline:
                return False
            fired.append(True)
            return True

        self.db.set_progress_handler(past_deadline, PROGRESS_STEPS)
        try:
            yield
        except sqlite3.OperationalError:
            if fired:  # "interrupted", or e.g. "vtable constructor failed" when stopped inside FTS5
                raise self._timeout() from None
            raise
        finally:
            self.db.set_progress_handler(None, 0)

    # ------------------------------------------------------------------ mentions and views

    def save_mentions(self, das: Iterable[DocAnalysis]) -> None:
        self._writable()
        with self._tx():
            self._write_mentions(das)

    @contextmanager
    def _tx(self) -> Iterator[None]:
        self.db.execute("BEGIN")
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _write_mentions(self, das: Iterable[DocAnalysis]) -> None:
        """Replace each document's mention rows, skipping those whose rows did not change."""
        known = dict(self.db.execute("SELECT doc, digest FROM mention_digests").fetchall())
        for da in das:
            rows = shared.mention_rows(da)
            dg = shared.mentions_digest(rows)
            if known.get(da.doc.id) == dg:
                continue
            self.db.execute("DELETE FROM mentions WHERE doc=?", (da.doc.id,))
            self.db.executemany('INSERT INTO mentions (doc, kind, start, "end", json) VALUES (?, ?, ?, ?, ?)', rows)
            self.db.execute("INSERT OR REPLACE INTO mention_digests (doc, digest) VALUES (?, ?)", (da.doc.id, dg))

    def _write_views(self, views: Views, *, replace: bool) -> None:
        for table, _cls in _VIEW_TABLES:
            if replace:
                self.db.execute(f"DELETE FROM {table}")
            self.db.executemany(f"INSERT OR REPLACE INTO {table} (id, json) VALUES (?, ?)", shared.view_rows(getattr(views, table)))

    def load_mentions(self, ids: Sequence[str] | None = None, kinds: Sequence[str] | None = None) -> Mentions:
        out = Mentions()
        q = 'SELECT kind, json FROM mentions{} ORDER BY doc, kind, start, "end", json'
        if ids is None:
            chunks: list[list[str]] = [[]]
        else:
            wanted = sorted(set(ids))
            chunks = [wanted[i : i + 500] for i in range(0, len(wanted), 500)]
        for chunk in chunks:
            if ids is not None and not chunk:
                continue
            where = f" WHERE doc IN ({', '.join('?' * len(chunk))})" if ids is not None else ""
            for kind, js in self.db.execute(q.format(where), chunk):
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

    def load_annotations(self, docs: Sequence[Document], fingerprint: str) -> dict[str, DocAnalysis]:
        by_hash = {d.content_hash: d for d in docs if d.content_hash}
        hashes = sorted(by_hash)
        out: dict[str, DocAnalysis] = {}
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            q = f"SELECT content_hash, data FROM annotations WHERE fingerprint=? AND content_hash IN ({', '.join('?' * len(chunk))})"
            for h, blob in self.db.execute(q, [fingerprint, *chunk]).fetchall():
                d = by_hash[h]
                out[d.id] = shared.analysis_from_blob(d, blob)
        return out

    def save_annotations(self, das: Iterable[DocAnalysis], fingerprint: str) -> None:
        self._writable()
        rows = [(da.doc.content_hash, fingerprint, shared.annotation_blob(da)) for da in das if da.doc.content_hash]
        with self._tx():
            self.db.executemany("INSERT OR REPLACE INTO annotations (content_hash, fingerprint, data) VALUES (?, ?, ?)", rows)

    def load_results(self, keys: Sequence[str], mark: str) -> dict[str, bytes]:
        wanted = sorted(set(keys))
        out: dict[str, bytes] = {}
        with self._tx():
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                marks = ", ".join("?" * len(chunk))
                out.update(self.db.execute(f"SELECT key, data FROM results WHERE key IN ({marks})", chunk).fetchall())
                self.db.execute(f"UPDATE results SET used=? WHERE key IN ({marks})", [mark, *chunk])
        return out

    def save_results(self, items: dict[str, bytes], mark: str) -> None:
        self._writable()
        with self._tx():
            self.db.executemany(
                "INSERT OR REPLACE INTO results (key, data, used) VALUES (?, ?, ?)", [(k, v, mark) for k, v in sorted(items.items())]
            )

    def sweep_results(self, mark: str) -> int:
        self._writable()
        with self._tx():
            return int(self.db.execute("DELETE FROM results WHERE used != ?", (mark,)).rowcount)

    def load_views(self) -> Views:
        res: list[list[Any]] = []
        for table, cls in _VIEW_TABLES:
            res.append(
                [
                    shared.view_from_json(cls, js)
                    for (js,) in self.db.execute(f"SELECT json FROM {table} ORDER BY id")
                ]
            )
        return Views(*res)

    # ------------------------------------------------------------------ runs

    def record_run(
        self, inputs: Sequence[str], counts: dict[str, Any], errors: Sequence[tuple[str, str]]
    ) -> str:
        self._writable()
        row = shared.run_row(inputs, counts, errors)
        self.db.execute(
            "INSERT OR REPLACE INTO runs (id, started, inputs, counts, errors) VALUES (?, ?, ?, ?, ?)", row
        )
        return row[0]

    def runs(self) -> list[dict[str, Any]]:
        return [
            shared.run_from_row(r)
            for r in self.db.execute("SELECT id, started, inputs, counts, errors FROM runs ORDER BY started")
        ]

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _quote(t: str) -> str:
    return '"' + t.replace('"', '""') + '"'


def _term_query(term: str) -> str:
    """FTS5 query for one folded word: as written, or with its proclitics cut (``light``).

    The unqualified form also meets the ``light`` column, so ``وزير`` finds ``بالوزير``
    (cut to ``وزير``) even though the query itself is cut to ``زير``; the cut form finds
    ``وبغداد`` for ``بغداد`` (both cut to ``غداد``).
    """
    lt = light(term)
    return _quote(term) if lt == term or not lt else f"({_quote(term)} OR light : {_quote(lt)})"


__all__ = ["MIN_WORDS", "NUM_PERM", "SQLiteStore", "content_hash", "migrations", "signature", "snippet"]
