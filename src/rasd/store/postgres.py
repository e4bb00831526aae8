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
import logging
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from rasd.annotators import DocAnalysis
from rasd.models import Document, Mentions, Views
from rasd.store import pgsearch, shared
from rasd.store.base import (
    SEARCH_BUDGET_S,
    AddStats,
    SearchHit,
    SearchTimeout,
    StoreBusy,
    StoreUnavailable,
    check_offset,
    query_terms,
)
from rasd.store.prepare import DOC_COLUMNS, Prepared, content_hash, doc_row, index_fingerprint, light, prepare
from rasd.store.snippet import snippet
from rasd.text import fold

MIGRATION_PATTERN = r"^pg_(\d{3})_[\w-]+\.sql$"
LOCK_TIMEOUT_S = 30.0  # how long a second writer waits for the first
CONNECT_TIMEOUT_S = 10
FTS_VERSION = "pg1"  # bump when pgsearch.fts_row changes: the index is rebuilt on open
_PAGE = 500
_log = logging.getLogger(__name__)
_STALE_WARNED: set[str] = set()


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


class PostgresStore:
    """``Store`` on a PostgreSQL database (the tables of the URL's ``search_path`` schema).

    ``readonly=True`` opens read-only transactions: no migration, no reindexing, no lock,
    and every writing method raises ``PermissionError``. ``search_budget_s`` bounds one
    search (``None``: unbounded); ``lock_timeout_s`` how long a writer waits for another.
    """

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
        self.path = url
        self.where = redact(url)
        self.batch_size = batch_size
        self.dedup = dedup
        self.readonly = readonly
        self.search_budget_s = search_budget_s
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
        self._dups = shared.DupIndex(lambda: self.db.execute("SELECT seq, sig FROM minhash").fetchall())
        try:
            if readonly:
                self.db.execute("SET default_transaction_read_only = on")
                self._check_readable_schema()
            else:
                self._lock(lock_timeout_s)
                self.migrate()
                self.reindex(only_if_stale=True)
        except BaseException:
            self.db.close()
            raise

    # ------------------------------------------------------------------ locking and schema

    def _lock_key(self) -> int:
        """Advisory lock key of this database's rasd tables (one per schema)."""
        schema = self.db.execute("SELECT current_schema()").fetchone()[0] or ""
        return int.from_bytes(
            hashlib.blake2b(f"rasd:{schema}".encode(), digest_size=8).digest(), "big", signed=True
        )

    def _lock(self, timeout_s: float) -> None:
        """Become the one writer, waiting up to ``timeout_s``; ``StoreBusy`` past it."""
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

    def _writable(self) -> None:
        if self.readonly:
            raise PermissionError(f"database {self.where} is open read-only")

    def _check_readable_schema(self) -> None:
        """A reader cannot migrate: refuse a database whose schema is not this rasd's."""
        current, known = self.schema_version(), migrations()[-1][0]
        if current > known:
            raise ValueError(
                f"database {self.where} has schema version {current}, newer than this rasd ({known})"
            )
        if current < known:
            raise ValueError(
                f"database {self.where} has schema version {current}, older than this rasd ({known}); "
                "run a writing command on it once (e.g. `rasd ingest`) to upgrade it"
            )
        row = self.db.execute("SELECT value FROM meta WHERE key='fts_fingerprint'").fetchone()
        if (not row or row[0] != _fingerprint()) and self.path not in _STALE_WARNED:
            _STALE_WARNED.add(self.path)
            _log.warning(
                "%s: full-text index built with other folding rules; a writing command rebuilds it",
                self.where,
            )

    def schema_version(self) -> int:
        if self.readonly:
            if self.db.execute("SELECT to_regclass('schema_version')").fetchone()[0] is None:
                return 0
        else:
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)"
            )
        row = self.db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> int:
        """Apply every migration newer than the database's version, each in its own transaction."""
        self._writable()
        current = self.schema_version()
        scripts = migrations()
        known = scripts[-1][0] if scripts else 0
        if current > known:
            raise ValueError(
                f"database {self.where} has schema version {current}, newer than this rasd ({known})"
            )
        for version, name, sql in scripts:
            if version <= current:
                continue
            with self._tx():
                self.db.execute(sql)
                self.db.execute(
                    "INSERT INTO schema_version VALUES (%s, %s, %s)", (version, name, shared.utc_now())
                )
        return self.schema_version()

    def _tx(self) -> Any:
        return self.db.transaction()

    def reindex(self, *, only_if_stale: bool = False) -> int:
        """Rebuild the full-text index from the stored documents; return how many were indexed."""
        self._writable()
        fp = _fingerprint()
        row = self.db.execute("SELECT value FROM meta WHERE key='fts_fingerprint'").fetchone()
        if only_if_stale and row and row[0] == fp:
            return 0
        n = 0
        with self._tx():
            self.db.execute("DELETE FROM documents_fts")
            last = 0
            while True:  # in pages of seq: never the whole corpus in memory
                rows = self.db.execute(
                    "SELECT seq, title, text FROM documents WHERE seq > %s ORDER BY seq LIMIT %s",
                    (last, _PAGE),
                ).fetchall()
                if not rows:
                    break
                for seq, title, text in rows:
                    t, b = fold(title), fold(text)
                    self._insert_fts(seq, t, b, light(t + "\n" + b))
                    n += 1
                last = rows[-1][0]
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES ('fts_fingerprint', %s) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                (fp,),
            )
        return n

    def _insert_fts(self, seq: int, title: str, body: str, light_text: str) -> None:
        self.db.execute(
            "INSERT INTO documents_fts (seq, title, body, light, ntok, tf) "
            "VALUES (%s, %s::tsvector, %s::tsvector, %s::tsvector, %s, %s::jsonb)",
            (seq, *pgsearch.fts_row(title, body, light_text)),
        )

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
            if not self.db.closed:
                self.db.execute("ROLLBACK")
            self._dups.reset()  # it may hold rolled-back rows: reload lazily
            raise
        return stats.new - before

    def _add_one(self, item: Document | Prepared, stats: AddStats) -> None:
        doc = item.doc if isinstance(item, Prepared) else item
        if not doc.content_hash:
            doc.content_hash = content_hash(doc)
        if self.db.execute(
            "SELECT 1 FROM documents WHERE content_hash=%s OR id=%s", (doc.content_hash, doc.id)
        ).fetchone():
            stats.existing += 1
            return
        p = item if isinstance(item, Prepared) else prepare(doc, signature=self.dedup)
        sig = p.signature if self.dedup else None
        if sig is not None and doc.duplicate_of is None:
            doc.duplicate_of = self._find_duplicate(sig)
        row = p.row if p.row is not None else doc_row(doc)
        row["duplicate_of"] = doc.duplicate_of  # decided here, against everything stored
        seq = int(
            self.db.execute(
                f"INSERT INTO documents ({', '.join(DOC_COLUMNS)}) VALUES ({', '.join(['%s'] * len(DOC_COLUMNS))}) "
                "RETURNING seq",
                [row[c] for c in DOC_COLUMNS],
            ).fetchone()[0]
        )
        self._insert_fts(seq, p.folded_title, p.folded_body, p.light)
        if sig is not None:
            self.db.execute("INSERT INTO minhash (seq, sig) VALUES (%s, %s)", (seq, sig.tobytes()))
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
        did, dup = self.db.execute("SELECT id, duplicate_of FROM documents WHERE seq=%s", (seq,)).fetchone()
        return str(dup or did)

    _SELECT = f"SELECT {', '.join(DOC_COLUMNS)} FROM documents"

    def get_document(self, doc_id: str) -> Document | None:
        row = self.db.execute(f"{self._SELECT} WHERE id=%s", (doc_id,)).fetchone()
        return shared.doc_from_row(row) if row else None

    def find_ids(self, prefix: str, limit: int = 10) -> list[str]:
        esc = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.db.execute(
            "SELECT id FROM documents WHERE id LIKE %s ESCAPE '\\' ORDER BY id LIMIT %s", (esc + "%", limit)
        )
        return [r[0] for r in rows]

    def iter_documents(self, ids: Sequence[str] | None = None) -> Iterator[Document]:
        if ids is None:  # pages by id: streamed without holding a transaction open between pages
            last = None
            while True:
                if last is None:
                    rows = self.db.execute(f"{self._SELECT} ORDER BY id LIMIT %s", (_PAGE,)).fetchall()
                else:
                    rows = self.db.execute(
                        f"{self._SELECT} WHERE id > %s ORDER BY id LIMIT %s", (last, _PAGE)
                    ).fetchall()
                if not rows:
                    return
                for row in rows:
                    yield shared.doc_from_row(row)
                last = rows[-1][0]
        wanted = sorted(set(ids))
        for i in range(0, len(wanted), _PAGE):
            chunk = wanted[i : i + _PAGE]
            for row in self.db.execute(f"{self._SELECT} WHERE id = ANY(%s) ORDER BY id", (chunk,)).fetchall():
                yield shared.doc_from_row(row)

    def count_documents(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def doc_dates(self) -> dict[str, str | None]:
        return {str(i): v for i, v in self.db.execute("SELECT id, pub_value FROM documents ORDER BY id")}

    def id_for_hash(self, content_hash: str) -> str | None:
        row = self.db.execute("SELECT id FROM documents WHERE content_hash=%s", (content_hash,)).fetchone()
        return str(row[0]) if row else None

    def duplicate_groups(self) -> list[list[str]]:
        groups: dict[str, list[str]] = {}
        for root, did in self.db.execute(
            "SELECT duplicate_of, id FROM documents WHERE duplicate_of IS NOT NULL ORDER BY seq"
        ):
            groups.setdefault(root, [root]).append(did)
        return sorted(groups.values())

    # ------------------------------------------------------------------ search

    def search(self, query: str, limit: int = 10, offset: int = 0) -> list[SearchHit]:
        terms = query_terms(query)  # distinct words; QueryError past the limits
        check_offset(offset)
        if not terms:
            return []
        groups = pgsearch.query_phrases(terms)
        if groups is None:
            return []
        deadline = None if self.search_budget_s is None else time.monotonic() + self.search_budget_s
        hits = []
        try:
            with self._tx():
                rows = self._search_rows(groups, limit, offset, deadline)
        except self._pg.errors.QueryCanceled:
            raise self._timeout() from None
        for r in rows:
            if deadline is not None and time.monotonic() >= deadline:
                raise self._timeout()
            snip, span = snippet(r[4], terms)
            hits.append(
                SearchHit(doc_id=r[0], title=r[1], source=r[2], published=r[3], snippet=snip,
                          score=float(r[5]), match=span)
            )  # fmt: skip
        return hits

    def count_hits(self, query: str) -> int:
        terms = query_terms(query)
        if not terms:
            return 0
        groups = pgsearch.query_phrases(terms)
        if groups is None:
            return 0
        deadline = None if self.search_budget_s is None else time.monotonic() + self.search_budget_s
        where, wparams = pgsearch.where_sql(groups)
        try:
            with self._tx():
                self._budget_left(deadline)
                row = self.db.execute(
                    f"SELECT COUNT(*) FROM documents_fts f JOIN documents d ON d.seq = f.seq WHERE {where}",
                    wparams,
                ).fetchone()
        except self._pg.errors.QueryCanceled:
            raise self._timeout() from None
        return int(row[0])

    def _budget_left(self, deadline: float | None) -> None:
        """Give the next statement what is left of the budget; ``SearchTimeout`` when none is."""
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise self._timeout()
            self.db.execute(
                "SELECT set_config('statement_timeout', %s, true)", (f"{max(1, int(left * 1000))}ms",)
            )

    def _search_rows(
        self, groups: list[list[pgsearch.Phrase]], limit: int, offset: int, deadline: float | None
    ) -> list[Any]:
        """The ``limit`` rows from ``offset`` on (score, id); bodies are read for those rows only."""
        self._budget_left(deadline)
        n_rows, n_tok = self.db.execute(
            "SELECT COUNT(*), COALESCE(SUM(ntok), 0) FROM documents_fts"
        ).fetchone()
        if not n_rows:
            return []
        phrases = [p for alts in groups for p in alts]
        idfs = []
        for p in phrases:  # rows holding each phrase, for its idf (as FTS5 counts them)
            cond, params = p.match_sql()
            self._budget_left(deadline)
            idfs.append(
                pgsearch.idf(
                    int(n_rows),
                    int(
                        self.db.execute(
                            f"SELECT COUNT(*) FROM documents_fts f WHERE {cond}", params
                        ).fetchone()[0]
                    ),
                )
            )
        where, wparams = pgsearch.where_sql(groups)
        score, sparams = pgsearch.score_sql(phrases, idfs, float(n_tok) / float(n_rows))
        sql = (
            f"WITH top AS (SELECT f.seq, d.id, {score} AS score FROM documents_fts f JOIN documents d ON d.seq = f.seq "
            f"WHERE {where} ORDER BY score DESC, d.id LIMIT %s OFFSET %s) "
            "SELECT d.id, d.title, d.source, d.pub_value, d.text, top.score "
            "FROM top JOIN documents d ON d.seq = top.seq ORDER BY top.score DESC, top.id"
        )
        self._budget_left(deadline)
        return self.db.execute(sql, [*sparams, *wparams, limit, offset]).fetchall()

    def _timeout(self) -> SearchTimeout:
        return SearchTimeout(
            f"search stopped after its {self.search_budget_s:g} s budget; use fewer or rarer words"
        )

    # ------------------------------------------------------------------ mentions and views

    def save_mentions(self, das: Iterable[DocAnalysis]) -> None:
        self._writable()
        with self._tx(), self.db.cursor() as cur:
            self._write_mentions(cur, das)

    def _write_mentions(self, cur: Any, das: Iterable[DocAnalysis]) -> None:
        """Replace each document's mention rows, skipping those whose rows did not change."""
        known = dict(cur.execute("SELECT doc, digest FROM mention_digests").fetchall())
        for da in das:
            rows = shared.mention_rows(da)
            dg = shared.mentions_digest(rows)
            if known.get(da.doc.id) == dg:
                continue
            cur.execute("DELETE FROM mentions WHERE doc=%s", (da.doc.id,))
            cur.executemany('INSERT INTO mentions (doc, kind, start, "end", json) VALUES (%s, %s, %s, %s, %s)', rows)
            cur.execute(
                "INSERT INTO mention_digests (doc, digest) VALUES (%s, %s) ON CONFLICT (doc) DO UPDATE SET digest = EXCLUDED.digest",
                (da.doc.id, dg),
            )

    def _write_views(self, cur: Any, views: Views, *, replace: bool) -> None:
        for table, _cls in shared.VIEW_TABLES:
            if replace:
                cur.execute(f"DELETE FROM {table}")
            cur.executemany(
                f"INSERT INTO {table} (id, json) VALUES (%s, %s) ON CONFLICT (id) DO UPDATE SET json = EXCLUDED.json",
                shared.view_rows(getattr(views, table)),
            )

    def load_mentions(self, ids: Sequence[str] | None = None, kinds: Sequence[str] | None = None) -> Mentions:
        out = Mentions()
        q = 'SELECT kind, json FROM mentions{} ORDER BY doc, kind, start, "end", json'
        if ids is None:
            batches: list[tuple[str, tuple[Any, ...]]] = [(q.format(""), ())]
        else:
            wanted = sorted(set(ids))
            batches = [
                (q.format(" WHERE doc = ANY(%s)"), (wanted[i : i + _PAGE],))
                for i in range(0, len(wanted), _PAGE)
            ]
        for sql, params in batches:
            for kind, js in self.db.execute(sql, params):
                if kinds is not None and kind not in kinds:
                    continue  # skipped before decoding: the JSON decode is the cost
                m = shared.mention_from_row(kind, js)
                if m is not None:
                    getattr(out, m[0]).append(m[1])
        return out

    def save_views(self, views: Views) -> None:
        self._writable()
        with self._tx(), self.db.cursor() as cur:
            self._write_views(cur, views, replace=False)

    def replace_views(self, views: Views) -> None:
        self.save_analysis((), views)

    def save_analysis(self, das: Iterable[DocAnalysis], views: Views) -> None:
        self._writable()
        with self._tx(), self.db.cursor() as cur:
            self._write_mentions(cur, das)
            self._write_views(cur, views, replace=True)

    def load_annotations(self, docs: Sequence[Document], fingerprint: str) -> dict[str, DocAnalysis]:
        by_hash = {d.content_hash: d for d in docs if d.content_hash}
        hashes = sorted(by_hash)
        out: dict[str, DocAnalysis] = {}
        for i in range(0, len(hashes), _PAGE):
            rows = self.db.execute(
                "SELECT content_hash, data FROM annotations WHERE fingerprint = %s AND content_hash = ANY(%s)",
                (fingerprint, hashes[i : i + _PAGE]),
            ).fetchall()
            for h, blob in rows:
                d = by_hash[h]
                out[d.id] = shared.analysis_from_blob(d, blob)
        return out

    def save_annotations(self, das: Iterable[DocAnalysis], fingerprint: str) -> None:
        self._writable()
        rows = [(da.doc.content_hash, fingerprint, shared.annotation_blob(da)) for da in das if da.doc.content_hash]
        with self._tx(), self.db.cursor() as cur:
            cur.executemany(
                "INSERT INTO annotations (content_hash, fingerprint, data) VALUES (%s, %s, %s) "
                "ON CONFLICT (content_hash) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, data = EXCLUDED.data",
                rows,
            )

    def load_results(self, keys: Sequence[str], mark: str) -> dict[str, bytes]:
        wanted = sorted(set(keys))
        out: dict[str, bytes] = {}
        with self._tx(), self.db.cursor() as cur:
            for i in range(0, len(wanted), _PAGE):
                chunk = wanted[i : i + _PAGE]
                rows = cur.execute("SELECT key, data FROM results WHERE key = ANY(%s)", (chunk,)).fetchall()
                out.update((str(k), bytes(v)) for k, v in rows)
                cur.execute("UPDATE results SET used = %s WHERE key = ANY(%s)", (mark, chunk))
        return out

    def save_results(self, items: dict[str, bytes], mark: str) -> None:
        self._writable()
        with self._tx(), self.db.cursor() as cur:
            cur.executemany(
                "INSERT INTO results (key, data, used) VALUES (%s, %s, %s) "
                "ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data, used = EXCLUDED.used",
                [(k, v, mark) for k, v in sorted(items.items())],
            )

    def sweep_results(self, mark: str) -> int:
        self._writable()
        with self._tx():
            return int(self.db.execute("DELETE FROM results WHERE used <> %s", (mark,)).rowcount)

    def load_views(self) -> Views:
        res: list[list[Any]] = []
        for table, cls in shared.VIEW_TABLES:
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
            "INSERT INTO runs (id, started, inputs, counts, errors) VALUES (%s, %s, %s, %s, %s) ON CONFLICT (id) DO UPDATE "
            "SET started = EXCLUDED.started, inputs = EXCLUDED.inputs, counts = EXCLUDED.counts, errors = EXCLUDED.errors",
            row,
        )
        return row[0]

    def runs(self) -> list[dict[str, Any]]:
        return [
            shared.run_from_row(r)
            for r in self.db.execute("SELECT id, started, inputs, counts, errors FROM runs ORDER BY started")
        ]

    def close(self) -> None:
        self.db.close()  # ends the session: its advisory lock goes with it

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _fingerprint() -> str:
    return f"{index_fingerprint()}:{FTS_VERSION}"


__all__ = ["LOCK_TIMEOUT_S", "PostgresStore", "migrations", "redact"]
