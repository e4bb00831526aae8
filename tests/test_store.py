"""SQLite store: round-trips, idempotency, full-text search on folded text, near-duplicates, migrations."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
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
    PageSpan,
    Published,
    Quantity,
    Quote,
    Removed,
    Span,
    Speaker,
    Timex,
    Views,
)
from rasd.store import AddStats, Store, open_store
from rasd.store.sqlite import SQLiteStore, migrations, snippet
from rasd.text import fold

BASE = (
    "قالت مصادر أمنية إن قاعدة عين الأسد الجوية في محافظة الأنبار تعرضت مساء الثلاثاء لهجوم بثلاثة صواريخ "
    "لم يسفر عن إصابات بين العسكريين، وأضافت المصادر أن منظومة الدفاع الجوي اعترضت صاروخين بينما سقط الثالث "
    "في أرض خالية قرب السياج الخارجي، وفتحت الأجهزة المختصة تحقيقا لتحديد مكان الإطلاق والجهة المسؤولة عنه."
)
OTHER = (
    "افتتح وزير الزراعة معرضا للتمور في مدينة البصرة بمشاركة عشرات المزارعين من المحافظات الجنوبية، "
    "وقال في كلمته إن الوزارة ستدعم تصدير الأصناف الممتازة إلى الأسواق المجاورة خلال الموسم المقبل "
    "وإنها تعمل على إنشاء مخازن مبردة جديدة تحفظ المحصول من التلف وتقلل الخسائر التي يتكبدها الفلاحون."
)


def doc(i: str, text: str = BASE, title: str = "هجوم صاروخي على عين الأسد", **kw: object) -> Document:
    return Document(
        id=i, source=f"{i}.txt", part=0, title=title, outlet=kw.pop("outlet", None),  # type: ignore[arg-type]
        published=Published("2024-08-06", "day", "dateline", 0.9), language="ar", text=text, **kw,  # type: ignore[arg-type]
    )  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    s = SQLiteStore(tmp_path / "t.db")
    yield s
    s.close()


def test_backend_satisfies_protocol(store: SQLiteStore) -> None:
    assert isinstance(store, Store)


def test_backends_write_only_their_dialect() -> None:
    """Every ``Store`` method comes from ``SQLStore``: a backend re-implementing one is a second copy."""
    from rasd.store.postgres import PostgresStore  # psycopg itself is imported only on connect
    from rasd.store.sqlstore import SQLStore

    methods = [n for n in vars(Store) if not n.startswith("_") or n in ("__enter__", "__exit__")]
    assert {"add_documents", "search", "count_hits", "save_analysis", "record_run", "close"} <= set(methods)
    for cls in (SQLiteStore, PostgresStore):
        assert issubclass(cls, SQLStore)
        assert [n for n in methods if n in vars(cls)] == [], cls.__name__


def test_document_round_trip(store: SQLiteStore) -> None:
    d = doc(
        "d_1", outlet="وكالة الأنباء", url="https://example.org/a", encoding="windows-1256",
        warnings=["encoding windows-1256"], removed=[Removed("footer", "جميع الحقوق محفوظة", 900, 918)],
        page_spans=[PageSpan(0, 40, 120), PageSpan(121, 170, 80)],
    )  # fmt: skip
    d.published.warnings.append("printed date contradicts content")
    assert store.add_documents([d]) == 1
    got = store.get_document("d_1")
    assert got == d
    assert got is not None and isinstance(got.published, Published) and isinstance(got.page_spans[0], PageSpan)


def test_same_article_twice_is_stored_once(store: SQLiteStore) -> None:
    stats = AddStats()
    assert store.add_documents([doc("d_1"), doc("d_1")], stats) == 1
    assert (stats.new, stats.existing) == (1, 1)
    # same content under another id (e.g. read from another file): still the same article
    assert store.add_documents([doc("d_other")]) == 0
    assert store.count_documents() == 1
    d = doc("d_2")
    store.add_documents([d])
    assert store.id_for_hash(d.content_hash) == "d_1"


def test_search_folds_hamza_and_maps_snippet_back(store: SQLiteStore) -> None:
    store.add_documents([doc("d_1"), doc("d_2", text=OTHER, title="معرض للتمور في البصرة")])
    hits = store.search("عين الاسد")
    assert [h.doc_id for h in hits] == ["d_1"]
    h = hits[0]
    assert h.match is not None
    assert h.snippet[h.match[0] : h.match[1]] == "عين الأسد"
    # diacritics and alef variants in the query fold too
    assert [x.doc_id for x in store.search("البَصْرة")] == ["d_2"]
    assert store.search("كلمة_غير_موجودة") == []


def test_search_sees_through_attached_proclitics(store: SQLiteStore) -> None:
    text = "وصل الوفد إلى بغداد صباحا، ثم انتقل من بغداد إلى أربيل بعد لقاء قصير بالوزير."
    store.add_documents([doc("d_1"), doc("d_2", text=text, title="زيارة الوفد")])
    assert [h.doc_id for h in store.search("الأنبار")] == ["d_1"]  # written "محافظة الأنبار"
    assert [h.doc_id for h in store.search("والأنبار")] == ["d_1"]  # query carries the clitic
    assert [h.doc_id for h in store.search("وزير")] == ["d_2"]  # text has "بالوزير"
    h = store.search("اربيل")[0]
    assert h.match is not None and h.snippet[h.match[0] : h.match[1]] == "أربيل"


@pytest.mark.parametrize("query", ['"', "AND", "عين OR", "NEAR(", "*", "a:b", "()", "   ", "-"])
def test_search_never_raises_on_fts_syntax(store: SQLiteStore, query: str) -> None:
    store.add_documents([doc("d_1")])
    assert isinstance(store.search(query), list)


def test_the_same_text_at_another_address_is_another_publication(store: SQLiteStore) -> None:
    """A wire story two outlets print word for word: the second outlet's copy is kept as a
    document of its own, linked to the first as a duplicate; the same address again, or a
    copy with no address, is the article already stored."""
    first = doc("d_1", url="https://first.example/a/1", outlet="صحيفة الأولى")
    second = doc("d_1", url="https://second.example/b/9", outlet="صحيفة الثانية")
    again = doc("d_1", url="https://first.example/a/1", outlet="صحيفة الأولى")
    bare = doc("d_1")
    stats = AddStats()
    assert store.add_documents([first, second, again, bare], stats) == 2
    assert (stats.new, stats.existing) == (2, 2)
    assert second.id != "d_1" and second.content_hash != first.content_hash
    kept = store.get_document(second.id)
    assert kept is not None and kept.outlet == "صحيفة الثانية" and kept.duplicate_of == "d_1"
    # a re-run stores nothing new: the copy is found under its own key
    rerun = doc("d_1", url="https://second.example/b/9", outlet="صحيفة الثانية")
    assert store.add_documents([rerun]) == 0 and rerun.id == second.id
    assert store.count_documents() == 2


def test_near_duplicates_are_linked_not_lost(store: SQLiteStore) -> None:
    syndicated = BASE.replace("قالت مصادر أمنية", "ذكرت مصادر أمنية")  # an outlet's light edit
    copy = doc("d_2", text=syndicated, title="صواريخ على قاعدة في الأنبار", outlet="وكالة أخرى")
    stats = AddStats()
    store.add_documents([doc("d_1"), doc("d_3", text=OTHER), copy], stats)
    assert store.count_documents() == 3
    assert copy.duplicate_of == "d_1"
    stored = store.get_document("d_2")
    assert stored is not None and stored.duplicate_of == "d_1"
    other = store.get_document("d_3")
    assert other is not None and other.duplicate_of is None
    assert store.duplicate_groups() == [["d_1", "d_2"]]
    assert stats.duplicates == 1


def test_duplicate_index_survives_reopen(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.db") as s:
        s.add_documents([doc("d_1")])
    with SQLiteStore(tmp_path / "t.db") as s:
        later = doc("d_9", text=BASE + " وأكدت المصادر ذلك.")
        s.add_documents([later])
        assert later.duplicate_of == "d_1"


def test_migrations_from_empty(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    latest = migrations()[-1][0]
    assert [v for v, _, _ in migrations()] == list(range(1, latest + 1))
    with SQLiteStore(path) as s:
        assert s.schema_version() == latest
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "documents_fts", "mentions", "entities", "events", "claims", "commitments", "conflicts", "runs", "meta"} <= tables
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == latest
    con.execute("INSERT INTO schema_version VALUES (999, 'future', 'x')")
    con.commit()
    con.close()
    with pytest.raises(ValueError, match="newer"):
        SQLiteStore(path)


def test_upgrade_from_version_1_keeps_documents_searchable(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    con = sqlite3.connect(path)
    con.executescript(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL);"
        + migrations()[0][2]
        + "INSERT INTO schema_version VALUES (1, '001_initial.sql', 'then');"
    )
    con.execute(
        "INSERT INTO documents (id, content_hash, source, title, text) VALUES ('d_old', 'h', 'old.txt', 'قديم', ?)",
        (BASE,),
    )
    con.commit()
    con.close()
    with SQLiteStore(path) as s:
        assert s.schema_version() == migrations()[-1][0]
        assert [h.doc_id for h in s.search("عين الاسد")] == ["d_old"]


def test_changed_folding_rules_trigger_reindex(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "f.db") as s:
        s.add_documents([doc("d_1"), doc("d_2", text=OTHER)])
        assert s.reindex(only_if_stale=True) == 0  # up to date: nothing to do
        s.db.execute("UPDATE meta SET value='rules-of-another-day' WHERE key='fts_fingerprint'")
        assert s.reindex(only_if_stale=True) == 2
        assert [h.doc_id for h in s.search("البصرة")] == ["d_2"]
        assert s.reindex(only_if_stale=True) == 0


def test_reopen_does_not_reapply(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "m.db") as s:
        s.add_documents([doc("d_1")])
    with SQLiteStore(tmp_path / "m.db") as s:
        assert s.count_documents() == 1
        assert s.search("الأنبار")[0].doc_id == "d_1"


def test_batches_commit_and_failure_keeps_committed(tmp_path: Path) -> None:
    texts = [f"{OTHER} الفقرة رقم {i} تخص موضوعا مختلفا {'كلمة ' * i}" for i in range(5)]

    def docs() -> object:
        for i, t in enumerate(texts):
            if i == 3:
                raise RuntimeError("reader died")
            yield doc(f"d_{i}", text=t, title=f"عنوان {i}")

    s = SQLiteStore(tmp_path / "b.db", batch_size=2, dedup=False)
    with pytest.raises(RuntimeError):
        s.add_documents(docs())  # type: ignore[arg-type]
    assert s.count_documents() == 2  # the first batch was committed, the open one rolled back
    s.close()


def test_duplicate_index_consistent_after_rollback(tmp_path: Path) -> None:
    s = SQLiteStore(tmp_path / "r.db", batch_size=100)

    def docs() -> object:
        yield doc("d_1")
        raise RuntimeError("reader died")

    with pytest.raises(RuntimeError):
        s.add_documents(docs())  # type: ignore[arg-type]
    assert s.count_documents() == 0
    again = doc("d_2", text=BASE + " وأكدت المصادر ذلك.")
    assert s.add_documents([again]) == 1  # the rolled-back d_1 is not a duplicate root
    assert again.duplicate_of is None
    s.close()


def test_mentions_round_trip(store: SQLiteStore) -> None:
    d = doc("d_1")
    store.add_documents([d])
    da = DocAnalysis(d)
    s = d.text.index("عين الأسد")
    da.entities.append(EntityMention("d_1", s, s + 9, "عين الأسد", "FAC", entity="e_1", source="gazetteer"))
    q = d.text.index("بثلاثة صواريخ")
    da.quantities.append(
        Quantity("d_1", q, q + 13, "بثلاثة صواريخ", 3.0, object="صاروخ", object_span=Span(q + 7, q + 13))
    )
    t = d.text.index("مساء الثلاثاء")
    da.timex.append(Timex("d_1", t, t + 13, "مساء الثلاثاء", "TIME", "2024-08-06TEV", anchor="dct"))
    da.quotes.append(Quote("d_1", 0, 40, Speaker("مصادر أمنية", anonymous=True, start=5, end=16), "قالت", Span(17, 40), False))
    store.save_mentions([da])
    store.save_mentions([da])  # replacing, not appending
    m = store.load_mentions(["d_1"])
    assert m.entities == da.entities and m.quantities == da.quantities
    assert m.timex == da.timex and m.quotes == da.quotes
    assert isinstance(m.quotes[0].speaker, Speaker) and isinstance(m.quantities[0].object_span, Span)
    assert store.load_mentions(["d_nope"]).entities == []


def test_views_round_trip(store: SQLiteStore) -> None:
    ent = Entity("e_1", "FAC", "عين الأسد", aliases=["قاعدة عين الأسد"], docs=["d_1"], mentions=2)
    ev = Event("v_1", "ATTACK", EventDate("2024-08-06", "day"), place="e_1", counts={"rockets": 3},
               evidence=[Evidence("d_1", 0, 10)])  # fmt: skip
    cl = Claim("c_1", "الدفاع الجوي", "اعترض", "صاروخين", "2024-08-06", evidence=[Evidence("d_1", 5, 9)])
    store.save_views(Views([ent], [ev], [cl]))
    store.save_views(Views([ent], [ev], [cl]))
    v = store.load_views()
    ents, evs, cls, coms, cons = v.entities, v.events, v.claims, v.commitments, v.conflicts
    assert (ents, evs, cls, coms, cons) == ([ent], [ev], [cl], [], [])
    assert isinstance(evs[0].date, EventDate) and isinstance(evs[0].evidence[0], Evidence)


def test_find_ids_by_prefix_and_iter_sorted(store: SQLiteStore) -> None:
    store.add_documents([doc("d_b2", text=OTHER), doc("d_a1"), doc("d_%x", text=OTHER + " نص آخر")])
    assert store.find_ids("d_a") == ["d_a1"]
    assert store.find_ids("d_%") == ["d_%x"]  # LIKE wildcards are literal
    assert [d.id for d in store.iter_documents()] == ["d_%x", "d_a1", "d_b2"]
    assert [d.id for d in store.iter_documents(["d_b2", "d_a1", "d_zz"])] == ["d_a1", "d_b2"]


def test_runs_are_recorded(store: SQLiteStore) -> None:
    rid = store.record_run(["pages/"], {"new": 2}, [("x.txt", "empty file")])
    runs = store.runs()
    assert runs[0]["id"] == rid and runs[0]["errors"] == [["x.txt", "empty file"]] and runs[0]["counts"] == {"new": 2}


def test_open_store_rejects_postgres_for_now() -> None:
    with pytest.raises(ValueError, match="PostgreSQL"):
        open_store("postgresql://localhost/rasd")


def test_not_a_database(tmp_path: Path) -> None:
    p = tmp_path / "junk.db"
    p.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ValueError, match="cannot open"):
        SQLiteStore(p)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300), query=st.text(min_size=1, max_size=20))
def test_snippet_never_raises_and_marks_original(text: str, query: str) -> None:
    import re

    terms = re.findall(r"\w+", fold(query))
    if not terms:
        return
    snip, match = snippet(text, terms)
    assert isinstance(snip, str)
    if match is not None:
        hit = snip[match[0] : match[1]]
        assert hit and hit in text
        assert terms[0] in fold(hit)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(body=st.text(min_size=1, max_size=200), query=st.text(max_size=30))
def test_store_accepts_arbitrary_unicode(store: SQLiteStore, body: str, query: str) -> None:
    d = doc("d_" + str(abs(hash(body))), text=body, title=body[:20])
    store.add_documents([d])
    got = store.get_document(d.id) if store.id_for_hash(d.content_hash) == d.id else None
    if got is not None:
        assert got.text == body
    assert isinstance(store.search(query), list)


@settings(max_examples=80)
@given(
    text=st.text(max_size=80),
    title=st.text(max_size=20),
    warnings=st.lists(st.text(max_size=10), max_size=3),
    conf=st.floats(0, 1),
    spans=st.lists(st.tuples(st.integers(0, 99), st.integers(0, 99), st.integers(0, 99)), max_size=3),
)
def test_codec_round_trips_documents(text: str, title: str, warnings: list[str], conf: float, spans: list[tuple[int, int, int]]) -> None:
    from rasd.models import to_dict
    from rasd.store.codec import from_dict

    d = Document("d_x", "s", 1, title, None, Published("2024", "year", "content", conf, warnings), "ar", text,
                 removed=[Removed("footer", text[:5], 0, 5)], page_spans=[PageSpan(*s) for s in spans])  # fmt: skip
    assert from_dict(Document, json.loads(json.dumps(to_dict(d)))) == d


def test_prepared_ahead_is_stored_like_a_plain_document(tmp_path: Path) -> None:
    from rasd.store.prepare import prepare

    syndicated = BASE.replace("قالت مصادر أمنية", "ذكرت مصادر أمنية")
    with SQLiteStore(tmp_path / "a.db") as a, SQLiteStore(tmp_path / "b.db") as b:
        plain = [doc("d_1"), doc("d_2", text=syndicated, removed=[Removed("footer", "حقوق", 3, 7)])]
        ahead = [prepare(doc("d_1"), row=True), prepare(doc("d_2", text=syndicated, removed=[Removed("footer", "حقوق", 3, 7)]), row=True)]
        assert a.add_documents(plain) == b.add_documents(ahead) == 2
        assert list(a.iter_documents()) == list(b.iter_documents())
        got = b.get_document("d_2")
        assert got is not None and got.duplicate_of == "d_1"  # decided by the writer, not the worker
        assert b.search("ذكرت")[0].doc_id == "d_2"
