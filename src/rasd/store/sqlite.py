"""SQLite backend of the ``Store`` protocol: one file, WAL, batched transactions.

Plain ``sqlite3`` rather than an ORM because the two things that matter here are SQLite
specific and speed critical: the FTS5 full-text index over folded text, and bulk inserts
committed in batches (an ORM's per-object unit of work costs several times the insert
itself on a 31k-document ingest). This file is only the SQLite dialect of the shared
``rasd.store.sqlstore.SQLStore`` (connection, upsert, FTS5 queries, time budget); its
schema is ``migrations/NNN_*.sql``.

Readers (``readonly=True``) open the file with a ``mode=ro`` URI and ``query_only`` on,
so ``rasd serve`` and ``rasd search`` work on a database in a directory they cannot write
and can never change it.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rasd.store import shared
from rasd.store.base import SEARCH_BUDGET_S
from rasd.store.prepare import MIN_WORDS, NUM_PERM, content_hash, light, signature
from rasd.store.snippet import snippet
from rasd.store.sqlstore import SQLStore

PROGRESS_STEPS = 10_000  # SQLite VM steps between two looks at a search's time budget
MIGRATION_PATTERN = r"^(\d{3})_[\w-]+\.sql$"
_log = logging.getLogger(__name__)


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


class SQLiteStore(SQLStore):
    """``Store`` on one SQLite file. Not thread-safe; one writer at a time (WAL lets readers in).

    ``readonly=True`` opens the file without write access (see ``_connect_readonly``):
    no migration, no reindexing, and every writing method raises ``PermissionError``.
    ``search_budget_s`` bounds one search (``None``: unbounded). Everything but the SQLite
    dialect below is ``SQLStore``'s.
    """

    MIGRATION_PATTERN = MIGRATION_PATTERN
    db: sqlite3.Connection

    def __init__(
        self,
        path: str | Path,
        *,
        batch_size: int = 500,
        dedup: bool = True,
        readonly: bool = False,
        search_budget_s: float | None = SEARCH_BUDGET_S,
    ) -> None:
        path = str(path)
        super().__init__(
            path, path, batch_size=batch_size, dedup=dedup, readonly=readonly, search_budget_s=search_budget_s
        )
        if readonly:
            self.db = _connect_readonly(path)
        else:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            try:
                self.db = sqlite3.connect(path, isolation_level=None)
                self.db.execute("PRAGMA journal_mode=WAL")
            except sqlite3.DatabaseError as e:
                raise ValueError(f"cannot open database {path}: {e}") from None
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
        self._open()

    # ------------------------------------------------------------------ dialect

    def _has_table(self, name: str) -> bool:
        return (
            self.db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone()
            is not None
        )

    def _apply_migration(self, version: int, name: str, sql: str) -> None:
        # One script, its own BEGIN/COMMIT: executescript commits whatever is open first.
        now = shared.utc_now()
        name_sql = name.replace("'", "''")
        self.db.executescript(
            f"BEGIN;\n{sql}\nINSERT INTO schema_version VALUES ({version}, '{name_sql}', '{now}');\nCOMMIT;"
        )

    def _upsert(self, table: str, columns: Sequence[str]) -> str:
        return (
            f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        )

    def _clear_fts(self) -> None:
        self.db.execute("INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')")

    def _insert_fts(self, seq: int, title: str, body: str, light_text: str) -> None:
        self.db.execute(
            "INSERT INTO documents_fts (rowid, title, body, light) VALUES (?, ?, ?, ?)",
            (seq, title, body, light_text),
        )

    # The ``limit`` rows from ``offset`` on (score, id) are chosen without the bodies, which are
    # read for those rows only: sorting every match with its text costs seconds on common words.
    # A restriction to some documents is one JSON array parameter (no limit on its length).
    _SEARCH = (
        "WITH top AS (SELECT d.seq, d.id, bm25(documents_fts, 2.0, 1.0, 0.5) AS score "
        "FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid "
        "WHERE documents_fts MATCH ?{only} ORDER BY score, d.id LIMIT ? OFFSET ?) "
        "SELECT d.id, d.title, d.source, d.pub_value, d.text, top.score "
        "FROM top JOIN documents d ON d.seq = top.seq ORDER BY top.score, top.id"
    )
    _COUNT = (
        "SELECT COUNT(*) FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid "
        "WHERE documents_fts MATCH ?{only}"
    )
    _ONLY = " AND d.id IN (SELECT value FROM json_each(?))"

    def _fts_query(self, terms: list[str]) -> str:
        return " AND ".join(_term_query(t) for t in terms)

    def _search_rows(
        self, query: Any, limit: int, offset: int, deadline: float | None, only: list[str] | None
    ) -> list[Sequence[Any]]:
        sql, params = self._restricted(self._SEARCH, query, only)
        rows = self.db.execute(sql, (*params, limit, offset)).fetchall()
        return [(*r[:5], -float(r[5])) for r in rows]  # bm25: lower is better

    def _count_rows(self, query: Any, deadline: float | None, only: list[str] | None) -> int:
        sql, params = self._restricted(self._COUNT, query, only)
        return int(self.db.execute(sql, params).fetchone()[0])

    def _restricted(self, sql: str, query: str, only: list[str] | None) -> tuple[str, tuple[Any, ...]]:
        if only is None:
            return sql.format(only=""), (query,)
        return sql.format(only=self._ONLY), (query, json.dumps(only))

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
