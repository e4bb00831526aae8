"""Store search paging (``offset``) and exact hit counts (``count_hits``), and the web search on top.

More documents match than the web app's old ranked window (100 hits) held, so an exact
total and a page past that window are only possible with the store paging itself; filters
reach the store as the documents to search among (``only=``), so filtered totals are exact.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rasd.interfaces.web import create_app
from rasd.models import Document, Published
from rasd.store import open_store
from rasd.store.base import MAX_SEARCH_OFFSET, QueryError
from rasd.store.sqlite import SQLiteStore

WINDOW = 100  # the web app's old window of ranked hits
N_MATCH = WINDOW + 30  # documents holding the query word
N_OTHER = 7  # documents without it
PLACES = [
    "الموصل",
    "البصرة",
    "كركوك",
    "النجف",
    "الرمادي",
    "تكريت",
    "الحلة",
    "الكوت",
    "السماوة",
    "العمارة",
    "بعقوبة",
]


def _outlet(i: int) -> str:
    return "وكالة الجنوب" if i % 3 == 0 else "وكالة الشمال"


def _doc(i: int, match: bool) -> Document:
    # scores vary with how often the word occurs and the text's length; some rows tie (on id then)
    place = PLACES[i % len(PLACES)]
    word = "القافلة " * (1 + i % 4) if match else "الشحنة "
    text = f"وصلت {word}إلى {place} صباح اليوم بعد رحلة طويلة رقم {i} " + "وتوزعت المساعدات على الأسر " * (
        i % 5
    )
    return Document(
        id=f"d_{i:04d}", source=f"{i}.txt", part=0, title=f"خبر رقم {i} من {place}", outlet=_outlet(i),
        published=Published(f"2025-01-{10 + i % 3}", "day", "dateline", 0.9), language="ar", text=text.strip(),
    )  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("paging") / "rasd.db"
    with open_store(str(path)) as st:
        st.add_documents(
            [_doc(i, True) for i in range(N_MATCH)] + [_doc(N_MATCH + i, False) for i in range(N_OTHER)]
        )
    return path


def test_offset_pages_are_disjoint_slices_of_one_big_page(db: Path) -> None:
    with SQLiteStore(db) as st:
        whole = [h.doc_id for h in st.search("قافلة", limit=N_MATCH + 50)]
        assert len(whole) == len(set(whole)) == N_MATCH
        pages = [[h.doc_id for h in st.search("قافلة", limit=17, offset=o)] for o in range(0, N_MATCH, 17)]
        assert [d for p in pages for d in p] == whole
        assert st.search("قافلة", limit=5) == st.search("قافلة", limit=5, offset=0)  # no offset: as before
        assert st.search("قافلة", limit=5, offset=N_MATCH) == []


def test_count_is_the_number_of_all_hits(db: Path) -> None:
    with SQLiteStore(db) as st:
        assert st.count_hits("قافلة") == len(st.search("قافلة", limit=10 * N_MATCH)) == N_MATCH
        assert st.count_hits("قافلة الموصل") == len(st.search("قافلة الموصل", limit=10 * N_MATCH))
        assert st.count_hits("الشحنة") == N_OTHER
        assert st.count_hits("كلمة_غير_موجودة") == 0 and st.count_hits("؟؟") == 0


def test_bad_offsets_and_oversized_queries_are_refused(db: Path) -> None:
    with SQLiteStore(db) as st:
        for off in (-1, MAX_SEARCH_OFFSET + 1):
            with pytest.raises(QueryError):
                st.search("قافلة", offset=off)
        with pytest.raises(QueryError):
            st.count_hits(" ".join(f"كلمة{i}" for i in range(100)))


def test_web_search_shows_the_exact_count_and_any_page(db: Path) -> None:
    client = TestClient(create_app(db_path=db, as_of="2025-01-15"))
    with SQLiteStore(db) as st:
        ranked = [h.doc_id for h in st.search("قافلة", limit=N_MATCH)]
    body = client.get("/api/search", params={"q": "قافلة", "limit": 20}).json()
    assert body["total"] == N_MATCH and body["exact"] is True
    assert [h["doc"] for h in body["items"]] == ranked[:20]
    page2 = client.get("/api/search", params={"q": "قافلة", "limit": 20, "offset": 20}).json()
    assert [h["doc"] for h in page2["items"]] == ranked[20:40]
    last = client.get("/api/search", params={"q": "قافلة", "limit": 20, "offset": WINDOW + 20}).json()
    assert [h["doc"] for h in last["items"]] == ranked[WINDOW + 20 :]  # past the old window
    html = client.get("/search", params={"q": "قافلة", "limit": 20, "offset": 20}).text
    assert f"{N_MATCH} نتيجة" in html and "أكثر من" not in html
    assert f"21–40 من {N_MATCH}" in html
    far = client.get("/api/search", params={"q": "قافلة", "offset": MAX_SEARCH_OFFSET}).json()
    assert far["total"] == N_MATCH and far["items"] == []
    assert (
        client.get("/api/search", params={"q": "قافلة", "offset": MAX_SEARCH_OFFSET + 1}).status_code == 400
    )
    # a filter restricts the store's query: exact totals and pages of the filtered ranking
    north = [d for d in ranked if _outlet(int(d[2:])) == "وكالة الشمال"]
    filtered = client.get("/api/search", params={"q": "قافلة", "outlet": "وكالة الشمال", "limit": 20}).json()
    assert filtered["total"] == len(north) and filtered["exact"] is True
    assert [h["doc"] for h in filtered["items"]] == north[:20]
    deep = client.get(
        "/api/search", params={"q": "قافلة", "outlet": "وكالة الشمال", "limit": 20, "offset": 60}
    ).json()
    assert [h["doc"] for h in deep["items"]] == north[60:80]
    day = [d for d in ranked if int(d[2:]) % 3 == 1]  # published 2025-01-11
    on_day = client.get(
        "/api/search", params={"q": "قافلة", "from": "2025-01-11", "to": "2025-01-11", "limit": 100}
    ).json()
    assert on_day["total"] == len(day) and [h["doc"] for h in on_day["items"]] == day
    none = client.get("/api/search", params={"q": "قافلة", "outlet": "وكالة غير موجودة"}).json()
    assert none["total"] == 0 and none["items"] == []


def test_only_restricts_ranking_and_count(db: Path) -> None:
    with SQLiteStore(db) as st:
        ranked = [h.doc_id for h in st.search("قافلة", limit=N_MATCH)]
        some = set(ranked[::4]) | {f"d_{N_MATCH + 1:04d}", "d_missing"}  # a non-match and an unknown id
        got = [h.doc_id for h in st.search("قافلة", limit=N_MATCH, only=some)]
        assert got == [d for d in ranked if d in some]
        assert st.count_hits("قافلة", only=some) == len(got)
        assert [h.doc_id for h in st.search("قافلة", limit=5, offset=5, only=some)] == got[5:10]
        assert st.search("قافلة", only=[]) == [] and st.count_hits("قافلة", only=[]) == 0
