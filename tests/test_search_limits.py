"""Search cost stays bounded: distinct terms only, length and word limits, a time budget, a linear snippet.

A query of a thousand repeated words once took minutes (one FTS term and one regex group
per word). These tests pin the behaviour that keeps it cheap, never a wall-clock figure.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import rasd.store.sqlite as sqlite_mod
from rasd.interfaces.web import create_app
from rasd.models import Document, Published
from rasd.store import MAX_QUERY_CHARS, MAX_QUERY_TERMS, QueryError, SearchTimeout, query_terms
from rasd.store.snippet import _find_phrase, snippet
from rasd.store.sqlite import SQLiteStore

TEXT = (
    "أعلنت بلدية المدينة الساحلية أن أعمال صيانة الجسر القديم ستبدأ الأسبوع المقبل، "
    "وأن حركة السير ستتحول إلى الطريق الموازي حتى نهاية الأشغال في فصل الربيع. "
    "وأوضح مدير المشروع للصحفيين صباح اليوم أن الفرق الهندسية فحصت الأعمدة الحديدية "
    "والقواعد الخرسانية ووجدت تشققات صغيرة تستدعي التدخل السريع قبل موسم الأمطار."
)
OTHER = "افتتحت وزارة الثقافة مكتبة عامة جديدة في الحي الشمالي تضم آلاف الكتب والمخطوطات."
# distinct words that all occur in TEXT, so a query made of them matches
WORDS = re.findall(r"\w+", TEXT)


def _doc(i: str, text: str, title: str) -> Document:
    return Document(id=i, source=f"{i}.txt", part=0, title=title, outlet=None,
                    published=Published("2024-03-01", "day", "dateline", 0.9), language="ar", text=text)  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.db"
    with SQLiteStore(path) as s:
        s.add_documents([_doc("d_1", TEXT, "صيانة الجسر"), _doc("d_2", OTHER, "مكتبة جديدة")])
    return path


def test_repeated_words_make_one_fts_term(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = sqlite_mod._term_query
    monkeypatch.setattr(sqlite_mod, "_term_query", lambda t: calls.append(t) or real(t))
    query = " ".join(["الجسر"] * 150)  # 150 words, under the character limit, one distinct word
    assert len(query) <= MAX_QUERY_CHARS
    with SQLiteStore(db, readonly=True) as s:
        hits = s.search(query)
    assert calls == ["الجسر"]
    assert [h.doc_id for h in hits] == ["d_1"]
    assert query_terms("الجسر الجسر القديم الجسر") == ["الجسر", "القديم"]  # first-seen order kept


def test_word_limit_counts_distinct_words(db: Path) -> None:
    assert len(set(WORDS)) >= MAX_QUERY_TERMS + 1
    distinct = list(dict.fromkeys(WORDS))
    with SQLiteStore(db, readonly=True) as s:
        assert [h.doc_id for h in s.search(" ".join(distinct[:MAX_QUERY_TERMS]))] == ["d_1"]  # at the limit: runs
        with pytest.raises(QueryError, match=f"at most {MAX_QUERY_TERMS}"):
            s.search(" ".join(distinct[: MAX_QUERY_TERMS + 1]))


def test_character_limit(db: Path) -> None:
    with SQLiteStore(db, readonly=True) as s:
        with pytest.raises(QueryError, match="too long"):
            s.search("ب" * (MAX_QUERY_CHARS + 1))
        assert s.search("ب" * MAX_QUERY_CHARS) == []  # at the limit: accepted, no match


def test_time_budget_interrupts_the_query(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_mod, "PROGRESS_STEPS", 1)  # look at the clock on every VM step
    with SQLiteStore(db, readonly=True, search_budget_s=0.0) as s:  # already past its budget
        with pytest.raises(SearchTimeout, match="budget"):
            s.search("الجسر")
        s.search_budget_s = None  # the handler is gone afterwards: the connection still works
        assert [h.doc_id for h in s.search("الجسر")] == ["d_1"]
        s.search_budget_s = 60.0
        assert [h.doc_id for h in s.search("الجسر")] == ["d_1"]


def _regex_phrase(folded: str, terms: list[str]) -> tuple[int, int] | None:
    """The snippet's former matcher, kept here as the reference for its meaning."""
    m = re.search(r"\W+".join(re.escape(t) for t in terms), folded)
    return (m.start(), m.end()) if m else None


@settings(max_examples=300)
@given(
    words=st.lists(st.sampled_from(["سد", "الاسد", "عين", "ال", "نهر"]), max_size=30),
    seps=st.lists(st.sampled_from([" ", "، ", "\n", "-", " . "]), min_size=30, max_size=30),
    terms=st.lists(st.sampled_from(["سد", "اسد", "عين", "ال", "نهر", "الاسد"]), min_size=1, max_size=4),
)
def test_phrase_finder_matches_the_regex_it_replaced(words: list[str], seps: list[str], terms: list[str]) -> None:
    folded = "".join(w + s for w, s in zip(words, seps, strict=False))
    assert _find_phrase(folded, terms) == _regex_phrase(folded, terms)


def test_snippet_builds_no_regex_from_the_query(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[str] = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda p, *a: compiled.append(str(p)) or real(p, *a))
    monkeypatch.setattr(re, "search", lambda p, *a: compiled.append(str(p)) or real(p).search(*a))
    terms = ["الجسر", "القديم", "ستبدا"]
    snip, span = snippet(TEXT * 50, terms)
    assert span is not None and snip[span[0] : span[1]] == "الجسر القديم ستبدأ"
    assert not [p for p in compiled if any(t in p for t in terms)]


def test_api_refuses_oversized_queries_with_400(db: Path, tmp_path: Path) -> None:
    from test_report_data import sample_analysis

    from rasd.interfaces.export import analysis_to_json

    src = tmp_path / "analysis.json"
    src.write_text(json.dumps(analysis_to_json(sample_analysis(), "2025-01-15"), ensure_ascii=False), encoding="utf-8")
    distinct = " ".join(dict.fromkeys(WORDS))
    for client in (TestClient(create_app(db_path=db)), TestClient(create_app(analysis_path=src))):
        r = client.get("/api/search", params={"q": distinct})
        assert r.status_code == 400 and r.headers["content-type"] == "application/json"
        assert f"at most {MAX_QUERY_TERMS}" in r.json()["detail"]
        r = client.get("/api/search", params={"q": "ج" * (MAX_QUERY_CHARS + 1)})
        assert r.status_code == 400 and "too long" in r.json()["detail"]
        assert client.get("/api/search", params={"q": " ".join(["الجسر"] * 150)}).status_code == 200


def test_api_search_timeout_is_503(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(self: SQLiteStore, query: str, limit: int = 10, offset: int = 0, only: object = None) -> list[object]:
        raise SearchTimeout("search stopped after its 3 s budget; use fewer or rarer words")

    monkeypatch.setattr(SQLiteStore, "search", slow)
    r = TestClient(create_app(db_path=db)).get("/api/search", params={"q": "الجسر"})
    assert r.status_code == 503 and "budget" in r.json()["detail"]


def test_cli_refuses_oversized_queries_in_one_line_with_exit_2(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rasd.interfaces.cli import _load_commands, app

    _load_commands()
    runner = CliRunner()
    for query, words in ((" ".join(dict.fromkeys(WORDS)), f"at most {MAX_QUERY_TERMS}"), ("د" * 5000, "too long")):
        res = runner.invoke(app, ["search", query, "--db", str(db)])
        assert res.exit_code == 2 and words in res.stderr
        assert res.stderr.count("\n") == 1 and res.stderr.startswith("rasd: error:")
    res = runner.invoke(app, ["search", " ".join(["الجسر"] * 150), "--db", str(db)])
    assert res.exit_code == 0 and "صيانة الجسر" in res.stdout

    def slow(self: SQLiteStore, query: str, limit: int = 10, offset: int = 0) -> list[object]:
        raise SearchTimeout("search stopped after its 3 s budget; use fewer or rarer words")

    monkeypatch.setattr(SQLiteStore, "search", slow)
    res = runner.invoke(app, ["search", "الجسر", "--db", str(db)])
    assert res.exit_code == 1 and res.stderr.count("\n") == 1 and "budget" in res.stderr


@settings(max_examples=400)
@given(
    text=st.text(alphabet="اأإآبةتيىلﻻﻷ ،.\u064b\u064e\u0650\u0651\u0652\u0640\u0670ـ0١", max_size=60),
    data=st.data(),
)
def test_snippet_offsets_equal_the_full_offset_map(text: str, data: st.DataObject) -> None:
    from rasd.store.snippet import _span
    from rasd.text import fold, normalize

    n = len(fold(text))
    if n == 0:
        return
    start = data.draw(st.integers(0, n - 1))
    end = data.draw(st.integers(start + 1, n))
    assert _span(text, (start, end)) == normalize(text).span(start, end)


def _old_snippet(text: str, terms: list[str], width: int = 80) -> tuple[str, tuple[int, int] | None]:
    """The snippet before the fix (regex over all terms, whole-text offset map): the reference."""
    from rasd.store.prepare import light
    from rasd.text import normalize

    nt = normalize(text)
    m = re.search(r"\W+".join(re.escape(t) for t in terms), nt.text)
    if m is None:
        m = re.search(re.escape(terms[0]), nt.text)
    if m is None and light(terms[0]):
        m = re.search(re.escape(light(terms[0])), nt.text)
    if m is None:
        return " ".join(text[: min(len(text), 2 * width)].split()), None
    s, e = nt.span(m.start(), m.end())
    lo, hi = max(0, s - width), min(len(text), e + width)
    while lo > 0 and not text[lo - 1].isspace() and s - lo < width + 15:
        lo -= 1
    while hi < len(text) and not text[hi].isspace() and hi - e < width + 15:
        hi += 1
    before, hit, after = text[lo:s], text[s:e], text[e:hi]
    before = ("… " if lo > 0 else "") + " ".join(before.split()) + (" " if before[-1:].isspace() else "")
    after = (" " if after[:1].isspace() else "") + " ".join(after.split()) + (" …" if hi < len(text) else "")
    return before + hit + after, (len(before), len(before) + len(hit))


@settings(max_examples=300)
@given(
    words=st.lists(st.sampled_from(["سد", "الأسد", "عَين", "ال", "نهر", "ﻻ", "وبالنهر"]), max_size=40),
    seps=st.lists(st.sampled_from([" ", "، ", "\n", "ـ", " . "]), min_size=40, max_size=40),
    terms=st.lists(st.sampled_from(["سد", "اسد", "عين", "ال", "نهر", "الاسد", "لا"]), min_size=1, max_size=4),
    head=st.sampled_from([3, 7, 2048]),
)
def test_snippet_is_the_same_as_before(words: list[str], seps: list[str], terms: list[str], head: int) -> None:
    import rasd.store.snippet as snippet_mod

    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    saved = snippet_mod.HEAD_CHARS
    snippet_mod.HEAD_CHARS = head  # a short head exercises the fall-back to the whole text
    try:
        assert snippet(text, terms, width=10) == _old_snippet(text, terms, width=10)
    finally:
        snippet_mod.HEAD_CHARS = saved
