"""Store search paging (``offset``) and exact hit counts (``count_hits``), and the web search on top.

More documents match than the web app's old ranked window (``WINDOW``) held, so an exact
total and a page past that window are only possible with the store paging itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rasd.interfaces.web import create_app
from rasd.interfaces.webapp.search import WINDOW
from rasd.models import Document, Published
from rasd.store import open_store
from rasd.store.base import MAX_SEARCH_OFFSET, QueryError
from rasd.store.sqlite import SQLiteStore

N_MATCH = WINDOW + 30  # documents holding the query word
N_OTHER = 7  # documents without it
PLACES = ["الموصل", "البصرة", "كركوك", "النجف", "الرمادي", "تكريت", "الحلة", "الكوت", "السماوة", "العمارة", "بعقوبة"]


def _doc(i: int, match: bool) -> Document:
    # scores vary with how often the word occurs and the text's length; some rows tie (on id then)
    place = PLACES[i % len(PLACES)]
    word = "القافلة " * (1 + i % 4) if match else "الشحنة "
    text = f"وصلت {word}إلى {place} صباح اليوم بعد رحلة طويلة رقم {i} " + "وتوزعت المساعدات على الأسر " * (i % 5)
    return Document(
        id=f"d_{i:04d}", source=f"{i}.txt", part=0, title=f"خبر رقم {i} من {place}", outlet="وكالة الشمال",
        published=Published("2025-01-10", "day", "dateline", 0.9), language="ar", text=text.strip(),
    )  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("paging") / "rasd.db"
    with open_store(str(path)) as st:
        st.add_documents([_doc(i, True) for i in range(N_MATCH)] + [_doc(N_MATCH + i, False) for i in range(N_OTHER)])
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
    assert client.get("/api/search", params={"q": "قافلة", "offset": MAX_SEARCH_OFFSET + 1}).status_code == 400
    # a filter is applied to the ranked window: still correct below it
    filtered = client.get("/api/search", params={"q": "قافلة", "outlet": "وكالة الشمال", "limit": 20}).json()
    assert [h["doc"] for h in filtered["items"]] == ranked[:20]
