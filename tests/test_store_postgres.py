"""PostgreSQL store: same schema, same results as SQLite, one writer at a time, read-only readers.

Needs a server: ``RASD_TEST_PG`` (default ``postgresql:///rasd_test?host=/var/run/postgresql``)
names a database the tests may create schemas in; each test gets its own schema, dropped
afterwards. Without psycopg or a reachable server these tests skip and say why (``.ci/run``
starts one). The tests of the word cutter and of the missing driver need no server.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.models import (
    Claim,
    DocAnalysis,
    Document,
    Entity,
    EntityMention,
    Event,
    EventDate,
    Evidence,
    Published,
    Quote,
    Speaker,
    Views,
    to_dict,
)
from rasd.store import AddStats, Store, StoreBusy, StoreUnavailable, open_store
from rasd.store.sqlite import SQLiteStore
from rasd.store.sqlite import migrations as sqlite_migrations
from rasd.store.words import words

DEFAULT_URL = "postgresql:///rasd_test?host=/var/run/postgresql"
CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"

# Written for these tests: a report, an outlet's light rewrite of it, and an unrelated one.
REPORT = (
    "أعلنت وزارة الموارد المائية أن منسوب نهر دجلة ارتفع خلال الأسبوع الماضي بعد أمطار غزيرة هطلت على "
    "المناطق الشمالية، وأوضحت في بيان أن السدود الرئيسية قادرة على استيعاب الكميات الإضافية وأن فرقها "
    "الفنية تتابع الوضع على مدار الساعة لمنع أي فيضان في القرى القريبة من ضفاف النهر في محافظة نينوى."
)
REWRITE = REPORT.replace("أعلنت وزارة", "قالت وزارة")
UNRELATED = (
    "استضافت جامعة البصرة مؤتمرا علميا عن زراعة النخيل شارك فيه باحثون من عدة دول عربية، وناقش المؤتمر "
    "طرق مكافحة الآفات التي تصيب الأشجار وسبل رفع إنتاج التمور وتحسين جودتها للتصدير إلى الخارج، "
    "واختتم أعماله بتوصيات لإنشاء مختبر مركزي يخدم المزارعين في المحافظات الجنوبية بأسعار مدعومة."
)


def _doc(i: str, text: str = REPORT, title: str = "ارتفاع منسوب دجلة", **kw: Any) -> Document:
    return Document(
        id=i, source=f"{i}.txt", part=0, title=title, outlet=kw.pop("outlet", None), published=Published("2024-03-02", "day", "dateline", 0.9),
        language="ar", text=text, **kw,
    )  # fmt: skip


def _with_schema(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The test server's URL; skip (saying why) when psycopg is missing or nothing answers."""
    import os

    psycopg = pytest.importorskip("psycopg", reason="psycopg not installed (pip install -e '.[postgres]')")
    url = os.environ.get("RASD_TEST_PG") or DEFAULT_URL
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error as e:
        pytest.skip(f"no PostgreSQL server for the tests at {url} (set RASD_TEST_PG): {str(e).strip().splitlines()[0]}")
    return url


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A URL whose tables live in a fresh schema of their own, dropped after the test."""
    import psycopg

    schema = f"rasd_t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{schema}"')
    yield _with_schema(pg_server, schema)
    with psycopg.connect(pg_server, autocommit=True) as con:
        con.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def pg(pg_url: str) -> Iterator[Store]:
    s = open_store(pg_url)
    yield s
    s.close()


# ----------------------------------------------------------------------------- no server needed


def test_missing_driver_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import fails as if not installed
    with pytest.raises(StoreUnavailable, match=re.escape("pip install 'rasd[postgres]'")):
        open_store("postgresql://localhost/rasd")


def test_unreachable_server_is_one_clear_line() -> None:
    pytest.importorskip("psycopg", reason="psycopg not installed")
    with pytest.raises(StoreUnavailable, match="cannot connect to PostgreSQL") as e:
        open_store("postgresql://someone:secret@127.0.0.1:1/rasd?connect_timeout=2")
    assert "secret" not in str(e.value) and "\n" not in str(e.value)


def test_migrations_are_kept_in_step() -> None:
    from rasd.store.postgres import migrations as pg_migrations

    assert [(v, "pg_" + n) for v, n, _ in sqlite_migrations()] == [(v, n) for v, n, _ in pg_migrations()]


_FTS = sqlite3.connect(":memory:", check_same_thread=False)
_FTS.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
_FTS.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=80))
def test_words_are_cut_as_fts5_cuts_them(text: str) -> None:
    _FTS.execute("DELETE FROM t")
    _FTS.execute("INSERT INTO t (rowid, x) VALUES (1, ?)", (text,))
    assert words(text) == [w for (w,) in _FTS.execute("SELECT term FROM v ORDER BY offset")]


# ----------------------------------------------------------------------------- schema


def test_schema_matches_sqlite(tmp_path: Path, pg: Store) -> None:
    """Same tables and columns; FTS5 keeps seq (its rowid), ntok and tf in its own tables."""
    with SQLiteStore(tmp_path / "s.db") as s:
        names = [r[0] for r in s.db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        lite = {
            t: {r[1] for r in s.db.execute(f"PRAGMA table_info({t})")}
            for t in names
            if not t.startswith(("sqlite_", "documents_fts_"))  # SQLite's and FTS5's internal tables
        }
    rows = pg.db.execute(  # type: ignore[attr-defined]
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
    ).fetchall()
    post: dict[str, set[str]] = {}
    for t, c in rows:
        post.setdefault(t, set()).add(c)
    post["documents_fts"] -= {"seq", "ntok", "tf"}
    assert post == lite
    assert pg.schema_version() == sqlite_migrations()[-1][0]


# ----------------------------------------------------------------------------- same results as SQLite


def _scenario(s: Store) -> dict[str, Any]:
    """Everything a store answers after the same writes: compared between the backends."""
    out: dict[str, Any] = {}
    stats = AddStats()
    rewrite = _doc("d_2", text=REWRITE, title="دجلة يرتفع")
    s.add_documents([_doc("d_1"), _doc("d_1"), _doc("d_%x", text=UNRELATED, title="مؤتمر النخيل"), rewrite], stats)
    out["stats"] = (stats.new, stats.existing, stats.duplicates, stats.new_ids)
    out["rewrite_of"] = rewrite.duplicate_of
    out["groups"] = s.duplicate_groups()
    out["count"] = s.count_documents()
    out["docs"] = [to_dict(d) for d in s.iter_documents()]
    out["some"] = [d.id for d in s.iter_documents(["d_2", "d_zz", "d_1"])]
    out["get"] = s.get_document("d_1") == _doc("d_1")
    out["prefix"] = (s.find_ids("d_"), s.find_ids("d_%"), s.find_ids("x"))
    d = _doc("d_1")
    da = DocAnalysis(d)
    i = d.text.index("نهر دجلة")
    da.entities.append(EntityMention("d_1", i, i + 8, "نهر دجلة", "LOC", entity="e_1", source="gazetteer"))
    da.quotes.append(Quote("d_1", 0, 30, Speaker("وزارة الموارد", start=6, end=19), "أعلنت", None, False))
    s.save_mentions([da])
    s.save_mentions([da])  # replaces, not appends
    out["mentions"] = (repr(s.load_mentions(["d_1"])), repr(s.load_mentions()), repr(s.load_mentions(["d_zz"])))
    ent = Entity("e_1", "LOC", "نهر دجلة", aliases=["دجلة"], docs=["d_1"], mentions=1)
    ev = Event("v_1", "FLOOD", EventDate("2024-03-01", "day"), evidence=[Evidence("d_1", 0, 5)])
    cl = Claim("c_1", "الوزارة", "أعلنت", "ارتفاع المنسوب", "2024-03-02", evidence=[Evidence("d_1", 0, 5)])
    s.save_views(Views([ent], [ev], [cl]))
    s.save_views(Views([ent], [ev], [cl]))
    out["views"] = repr(s.load_views())
    for q in ("دجلة", "نهر دجلة", "ودجلة", "النخيل", "البصره", "وزارة", "كلمة_غائبة", '"', "NEAR(", "*"):
        out[f"search {q}"] = [(h.doc_id, h.score, h.snippet, h.match) for h in s.search(q)]
        out[f"count {q}"] = s.count_hits(q)
        out[f"page 2 {q}"] = [h.doc_id for h in s.search(q, limit=1, offset=1)]
        out[f"only {q}"] = ([h.doc_id for h in s.search(q, only=["d_2", "d_zz"])], s.count_hits(q, only=["d_2"]))
    s.record_run(["in/"], {"new": 3}, [("x.txt", "empty file")])
    out["runs"] = [(r["inputs"], r["counts"], r["errors"]) for r in s.runs()]
    return out


def test_same_answers_as_sqlite(tmp_path: Path, pg: Store) -> None:
    with SQLiteStore(tmp_path / "s.db") as lite:
        want = _scenario(lite)
    got = _scenario(pg)
    assert want["rewrite_of"] == "d_1" and want["search دجلة"]  # the scenario exercises dedup and search
    assert got == want


def test_analyze_gives_identical_output(tmp_path: Path, pg_url: str) -> None:
    """The demo corpus through the whole pipeline: same analysis.json, same search hits."""
    from rasd.pipeline import analyze

    out = {}
    for name, db in (("sqlite", str(tmp_path / "s.db")), ("postgres", pg_url)):
        analyze([str(CORPUS)], db_path=db, out_dir=tmp_path / name, as_of="2024-06-01", progress=False, report=False)
        data = json.loads((tmp_path / name / "analysis.json").read_text(encoding="utf-8"))
        data.pop("generated_at")
        out[name] = data
    assert out["postgres"] == out["sqlite"]
    assert any(d.get("duplicate_of") for d in out["sqlite"]["documents"])  # near-duplicates were found

    queries = sorted({w for d in out["sqlite"]["documents"] for w in re.findall(r"\w+", d["title"])})
    queries += [" ".join(p) for p in zip(queries, queries[7:], strict=False)][:40]
    with open_store(str(tmp_path / "s.db"), readonly=True) as a, open_store(pg_url, readonly=True) as b:
        for q in queries:
            want = [(h.doc_id, h.score, h.snippet) for h in a.search(q, limit=5)]
            assert [(h.doc_id, h.score, h.snippet) for h in b.search(q, limit=5)] == want, q


def test_index_rebuilt_when_folding_rules_change(pg_url: str) -> None:
    with open_store(pg_url) as s:
        s.add_documents([_doc("d_1")])
        s.db.execute("UPDATE meta SET value = 'old rules'")  # type: ignore[attr-defined]
        s.db.execute("DELETE FROM documents_fts")  # type: ignore[attr-defined]
    with open_store(pg_url) as s:
        assert [h.doc_id for h in s.search("دجلة")] == ["d_1"]


def test_failed_batch_keeps_committed_and_forgets_the_rest(pg_url: str) -> None:
    def docs() -> Iterator[Document]:
        yield _doc("d_1")
        yield _doc("d_2", text=UNRELATED)
        yield _doc("d_3", text=UNRELATED + " وفي ختام المؤتمر وزعت الشهادات.")
        raise RuntimeError("reader died")

    with open_store(pg_url, batch_size=2) as s:
        with pytest.raises(RuntimeError):
            s.add_documents(docs())
        assert s.count_documents() == 2  # the first batch committed, the open one rolled back
        again = _doc("d_4", text=UNRELATED + " وفي ختام المؤتمر وزعت الشهادات.")
        s.add_documents([again])
        assert again.duplicate_of == "d_2"  # d_3 was rolled back: not a group root


# ----------------------------------------------------------------------------- writers and readers


def test_second_writer_fails_with_one_line_then_gets_in(pg_url: str) -> None:
    first = open_store(pg_url)
    try:
        first.add_documents([_doc("d_1")])
        t0 = time.monotonic()
        with pytest.raises(StoreBusy, match="busy: another rasd writer") as e:
            open_store(pg_url, lock_timeout_s=0.5)
        assert time.monotonic() - t0 >= 0.4 and "\n" not in str(e.value)
        with open_store(pg_url, readonly=True) as reader:  # readers are never locked out
            assert reader.count_documents() == 1
    finally:
        first.close()
    with open_store(pg_url, lock_timeout_s=0.5) as second:
        second.add_documents([_doc("d_2", text=UNRELATED)])
        assert second.count_documents() == 2


def test_second_writer_waits_for_the_first(pg_url: str) -> None:
    first = open_store(pg_url)
    first.add_documents([_doc("d_1")])
    timer = threading.Timer(0.5, first.close)
    timer.start()
    try:
        t0 = time.monotonic()
        with open_store(pg_url, lock_timeout_s=20) as second:  # blocks until the first closes
            assert time.monotonic() - t0 >= 0.4
            rewrite = _doc("d_2", text=REWRITE)
            second.add_documents([rewrite])
            assert rewrite.duplicate_of == "d_1"  # sees everything the first committed
    finally:
        timer.join()


def test_reader_cannot_write(pg_url: str) -> None:
    import psycopg

    with open_store(pg_url) as w:
        w.add_documents([_doc("d_1")])
    with open_store(pg_url, readonly=True) as r:
        assert [h.doc_id for h in r.search("دجلة")] == ["d_1"]
        with pytest.raises(PermissionError):
            r.add_documents([_doc("d_2", text=UNRELATED)])
        with pytest.raises(PermissionError):
            r.record_run([], {}, [])
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):  # the server refuses too
            r.db.execute("DELETE FROM documents")  # type: ignore[attr-defined]
    with open_store(pg_url, readonly=True) as r:
        assert r.count_documents() == 1


def test_reader_refuses_a_database_without_rasd_tables(pg_url: str) -> None:
    with pytest.raises(ValueError, match="schema version 0, older"):
        open_store(pg_url, readonly=True)


def test_search_past_its_budget_stops(pg: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from rasd.store import SearchTimeout, postgres, sqlstore

    pg.add_documents([_doc("d_1")])
    clock = iter(range(0, 1000, 10))  # every look at the clock is 10 s later
    fake = SimpleNamespace(monotonic=lambda: float(next(clock)))
    for mod in (sqlstore, postgres):  # the deadline (shared) and the statement_timeout (dialect)
        monkeypatch.setattr(mod, "time", fake)
    with pytest.raises(SearchTimeout, match="budget"):
        pg.search("دجلة")
