"""PostgreSQL backend of the ``Store`` protocol: a shared server, one writer at a time.

Chosen by a ``postgresql://`` URL for ``--db``. It stores the same rows as the SQLite
store (``migrations/pg_*.sql`` mirror ``migrations/[0-9]*.sql``), decodes them and finds
near-duplicates with the same code (``rasd.store.shared``), and searches words cut and
ranked as SQLite's FTS5 does (``rasd.store.pgsearch``), so ``rasd analyze`` and
``rasd search`` give the same output on either backend.

Writers take a session advisory lock on open and keep it until ``close``: a second writer
waits up to ``lock_timeout_s`` and then fails with ``StoreBusy``, never interleaving
batches (the near-duplicate index in memory assumes it sees every insert). Readers take
no lock and run read-only transactions (``default_transaction_read_only``).
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from rasd.store import pgsearch, shared
from rasd.store.base import SEARCH_BUDGET_S, StoreBusy, StoreUnavailable
from rasd.store.prepare import index_fingerprint
from rasd.store.sqlstore import PAGE, SQLStore

MIGRATION_PATTERN = r"^pg_(\d{3})_[\w-]+\.sql$"
LOCK_TIMEOUT_S = 30.0  # how long a second writer waits for the first
CONNECT_TIMEOUT_S = 10
FTS_VERSION = "pg1"  # bump when pgsearch.fts_row changes: the index is rebuilt on open


def migrations() -> list[tuple[int, str, str]]:
    """``(version, name, sql)`` of every PostgreSQL migration script, in order."""
    return shared.migrations(MIGRATION_PATTERN)


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise StoreUnavailable(
            "the PostgreSQL store needs psycopg 3, which is not installed: pip install 'rasd[postgres]'"
        ) from None
    return psycopg


def redact(url: str) -> str:
    """``url`` without its password, for messages."""
    url = re.sub(r"(://[^:/@?]*):[^@/?]*@", r"\1:***@", url)
    return re.sub(r"(password=)[^&\s]*", r"\1***", url)


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]


class PostgresStore(SQLStore):
    """``Store`` on a PostgreSQL database (the tables of the URL's ``search_path`` schema).

    ``readonly=True`` opens read-only transactions: no migration, no reindexing, no lock,
    and every writing method raises ``PermissionError``. ``search_budget_s`` bounds one
    search (``None``: unbounded); ``lock_timeout_s`` how long a writer waits for another.
    Everything but the PostgreSQL dialect below is ``SQLStore``'s.
    """

    MIGRATION_PATTERN = MIGRATION_PATTERN

    def __init__(
        self,
        url: str,
        *,
        batch_size: int = 500,
        dedup: bool = True,
        readonly: bool = False,
        search_budget_s: float | None = SEARCH_BUDGET_S,
        lock_timeout_s: float = LOCK_TIMEOUT_S,
    ) -> None:
        super().__init__(
            url,
            redact(url),
            batch_size=batch_size,
            dedup=dedup,
            readonly=readonly,
            search_budget_s=search_budget_s,
        )
        self.lock_timeout_s = lock_timeout_s
        self._pg = _psycopg()
        kw: dict[str, Any] = {"autocommit": True, "application_name": "rasd"}
        if "connect_timeout" not in url:
            kw["connect_timeout"] = CONNECT_TIMEOUT_S
        try:
            self.db = self._pg.connect(url, **kw)
        except self._pg.Error as e:
            raise StoreUnavailable(
                f"cannot connect to PostgreSQL at {self.where}: {_first_line(e)}"
            ) from None
        self._open()

    # ------------------------------------------------------------------ locking

    def _start_session(self) -> None:
        """Readers get read-only transactions; a writer becomes the one writer first."""
        if self.readonly:
            self.db.execute("SET default_transaction_read_only = on")
        else:
            self._lock(self.lock_timeout_s)

    def _lock_key(self) -> int:
        """Advisory lock key of this database's rasd tables (one per schema)."""
        schema = self.db.execute("SELECT current_schema()").fetchone()[0] or ""
        return int.from_bytes(
            hashlib.blake2b(f"rasd:{schema}".encode(), digest_size=8).digest(), "big", signed=True
        )

    def _lock(self, timeout_s: float) -> None:
        """Become the one writer, waiting up to ``timeout_s``; ``StoreBusy`` past it.

        A session lock: ``close`` ends the session and the lock with it.
        """
        key = self._lock_key()
        self.db.execute(
            "SELECT set_config('lock_timeout', %s, false)", (f"{max(1, int(timeout_s * 1000))}ms",)
        )
        try:
            self.db.execute("SELECT pg_advisory_lock(%s)", (key,))
        except self._pg.errors.LockNotAvailable:
            raise StoreBusy(
                f"database {self.where} is busy: another rasd writer has held it for over {timeout_s:g} s; "
                "try again when it finishes"
            ) from None
        finally:
            if not self.db.closed:
                self.db.execute("RESET lock_timeout")

    # ------------------------------------------------------------------ dialect

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")

    def _x(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.db.execute(self._sql(sql), params or None)  # None: no placeholders parsed

    def _in(self, column: str, values: Sequence[str]) -> tuple[str, list[Any]]:
        return f"{column} = ANY(?)", [list(values)]

    def _scan(self, select: str, key: str) -> Iterator[Sequence[Any]]:
        """In pages of ``key``: streamed without holding a transaction open between pages."""
        last = None
        while True:
            if last is None:
                rows = self._x(f"{select} ORDER BY {key} LIMIT ?", (PAGE,)).fetchall()
            else:
                rows = self._x(f"{select} WHERE {key} > ? ORDER BY {key} LIMIT ?", (last, PAGE)).fetchall()
            if not rows:
                return
            yield from rows
            last = rows[-1][0]

    def _tx(self) -> Any:
        return self.db.transaction()

    def _rollback(self) -> None:
        if not self.db.closed:
            self.db.execute("ROLLBACK")

    def _insert_seq(self, sql: str, params: Sequence[Any]) -> int:
        return int(self._x(sql + " RETURNING seq", params).fetchone()[0])

    def _fts_fingerprint(self) -> str:
        return f"{index_fingerprint()}:{FTS_VERSION}"

    def _has_table(self, name: str) -> bool:
        return self.db.execute("SELECT to_regclass(%s)", (name,)).fetchone()[0] is not None

    def _apply_migration(self, version: int, name: str, sql: str) -> None:
        with self._tx():
            self.db.execute(sql)
            self.db.execute(
                "INSERT INTO schema_version VALUES (%s, %s, %s)", (version, name, shared.utc_now())
            )

    def _upsert(self, table: str, columns: Sequence[str]) -> str:
        key, *rest = columns
        sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in rest)
        return (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
            f"ON CONFLICT ({key}) DO UPDATE SET {sets}"
        )

    def _clear_fts(self) -> None:
        self.db.execute("DELETE FROM documents_fts")

    def _insert_fts(self, seq: int, title: str, body: str, light_text: str) -> None:
        self.db.execute(
            "INSERT INTO documents_fts (seq, title, body, light, ntok, tf) "
            "VALUES (%s, %s::tsvector, %s::tsvector, %s::tsvector, %s, %s::jsonb)",
            (seq, *pgsearch.fts_row(title, body, light_text)),
        )

    # ------------------------------------------------------------------ search

    def _fts_query(self, terms: list[str]) -> list[list[pgsearch.Phrase]] | None:
        return pgsearch.query_phrases(terms)

    @contextmanager
    def _budget(self, deadline: float | None) -> Iterator[None]:
        """One transaction, so ``statement_timeout`` set in it (``_budget_left``) ends with it."""
        try:
            with self._tx():
                yield
        except self._pg.errors.QueryCanceled:
            raise self._timeout() from None

    def _budget_left(self, deadline: float | None) -> None:
        """Give the next statement what is left of the budget; ``SearchTimeout`` when none is."""
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise self._timeout()
            self.db.execute(
                "SELECT set_config('statement_timeout', %s, true)", (f"{max(1, int(left * 1000))}ms",)
            )

    def _count_rows(self, query: Any, deadline: float | None, only: list[str] | None) -> int:
        where, wparams = _restricted(*pgsearch.where_sql(query), only)
        self._budget_left(deadline)
        return int(
            self.db.execute(
                f"SELECT COUNT(*) FROM documents_fts f JOIN documents d ON d.seq = f.seq WHERE {where}",
                wparams,
            ).fetchone()[0]
        )

    def _search_rows(
        self, query: Any, limit: int, offset: int, deadline: float | None, only: list[str] | None
    ) -> list[Sequence[Any]]:
        """The ``limit`` rows from ``offset`` on (score, id); bodies are read for those rows only."""
        self._budget_left(deadline)
        n_rows, n_tok = self.db.execute(
            "SELECT COUNT(*), COALESCE(SUM(ntok), 0) FROM documents_fts"
        ).fetchone()
        if not n_rows:
            return []
        phrases = [p for alts in query for p in alts]
        idfs = []
        for p in phrases:  # rows holding each phrase, for its idf (as FTS5 counts them)
            cond, params = p.match_sql()
            self._budget_left(deadline)
            n_hit = self.db.execute(f"SELECT COUNT(*) FROM documents_fts f WHERE {cond}", params).fetchone()[
                0
            ]
            idfs.append(pgsearch.idf(int(n_rows), int(n_hit)))
        where, wparams = _restricted(*pgsearch.where_sql(query), only)
        score, sparams = pgsearch.score_sql(phrases, idfs, float(n_tok) / float(n_rows))
        sql = (
            f"WITH top AS (SELECT f.seq, d.id, {score} AS score FROM documents_fts f JOIN documents d ON d.seq = f.seq "
            f"WHERE {where} ORDER BY score DESC, d.id LIMIT %s OFFSET %s) "
            "SELECT d.id, d.title, d.source, d.pub_value, d.text, top.score "
            "FROM top JOIN documents d ON d.seq = top.seq ORDER BY top.score DESC, top.id"
        )
        self._budget_left(deadline)
        rows = self.db.execute(sql, [*sparams, *wparams, limit, offset]).fetchall()
        return [(*r[:5], float(r[5])) for r in rows]


def _restricted(where: str, params: list[Any], only: list[str] | None) -> tuple[str, list[Any]]:
    """``where`` limited to the documents ``only`` (one array parameter) when given."""
    if only is None:
        return where, params
    return f"({where}) AND d.id = ANY(%s)", [*params, only]


__all__ = ["LOCK_TIMEOUT_S", "PostgresStore", "migrations", "redact"]
