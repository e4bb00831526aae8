"""Acceptance of the ingest stage on the five real seed pages (read at run time from ../shared)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rasd.ingest import IngestError, content_hash, documents_from_page, iter_pages
from rasd.ingest.document import SEP
from rasd.models import Document, RawPage

# For each seed: (part, 0-based line number of the page whose text is that part's headline).
TITLE_LINES = {
    "000": [(0, 2)],
    "001": [(0, 0)],
    "002": [(0, 0)],
    "003": [(0, 0)],
    "004": [(0, 0), (1, 90)],
}

# Lines (0-based) that are page furniture: none of them may appear as a body line.
FURNITURE_LINES = {
    "000": [0, 4, 39, 40, 41],
    "001": [2, 3, 84, 86, 88, 90, 91, 93, 96],
    "002": [2, 34, 46, 52, 53],
    "003": [2],
    "004": [2 + 2, 5, 6, 8, 10, 11, 19, 37, *range(50, 89), 92, 93, 94, 96, 98, 99],
}


@pytest.fixture(scope="module")
def seeds(shared_dir: Path) -> dict[str, tuple[RawPage, list[Document]]]:
    out: dict[str, tuple[RawPage, list[Document]]] = {}
    for page in iter_pages([str(shared_dir / "seeds")]):
        assert not isinstance(page, IngestError), page
        out[page.source[:3]] = (page, documents_from_page(page))
    return out


def _lines(page: RawPage) -> list[str]:
    return page.text.split("\n")


def test_five_pages_six_documents(seeds: dict[str, tuple[RawPage, list[Document]]]) -> None:
    assert len(seeds) == 5
    assert sum(len(docs) for _, docs in seeds.values()) == 6
    assert [d.part for d in seeds["004"][1]] == [0, 1]


def test_titles_are_the_headlines(seeds: dict[str, tuple[RawPage, list[Document]]]) -> None:
    for key, expected in TITLE_LINES.items():
        page, docs = seeds[key]
        for part, line_no in expected:
            assert docs[part].title == _lines(page)[line_no].strip(), (key, part)
            assert "skip" not in docs[part].title.lower()


def test_outlets_found(seeds: dict[str, tuple[RawPage, list[Document]]]) -> None:
    found = [key for key, (_, docs) in seeds.items() if docs[0].outlet]
    assert len(found) >= 4
    assert seeds["001"][1][0].outlet == "الجبال"
    assert seeds["002"][1][0].outlet == "الحل نت"
    assert seeds["004"][1][0].outlet == "الشرق الأوسط"


def _day(value: str) -> date:
    return date.fromisoformat(value)


def test_dates(seeds: dict[str, tuple[RawPage, list[Document]]]) -> None:
    p0 = seeds["000"][1][0].published
    assert (p0.value, p0.method) == ("2021-06-05", "dateline")
    p2 = seeds["002"][1][0].published
    assert p2.value is not None and p2.value.startswith("2021-12") and p2.method == "content"
    p3 = seeds["003"][1][0].published
    assert p3.value is not None and abs((_day(p3.value) - date(2024, 9, 28)).days) <= 1
    p4 = seeds["004"][1][0].published
    assert p4.value is not None and abs((_day(p4.value) - date(2024, 9, 7)).days) <= 1
    for p in (p2, p3, p4):
        assert 0 < p.confidence < 0.9  # estimates are less sure than a printed date


def test_contradicted_printed_date(seeds: dict[str, tuple[RawPage, list[Document]]]) -> None:
    p1 = seeds["001"][1][0].published
    assert p1.method == "content"
    assert p1.value is not None and p1.value.startswith("2024-08")
    assert any("2024-01-01" in w and "contradicts" in w for w in p1.warnings)
    # pages whose printed date holds are not flagged
    assert not seeds["000"][1][0].published.warnings


def test_no_furniture_left(seeds: dict[str, tuple[RawPage, list[Document]]]) -> None:
    for key, line_numbers in FURNITURE_LINES.items():
        page, docs = seeds[key]
        body_lines = {ln for d in docs for ln in d.text.split(SEP)}
        for n in line_numbers:
            text = _lines(page)[n].strip()
            if text:
                assert text not in body_lines, (key, n, text)
        for d in docs:
            assert d.title not in body_lines
    # and the bodies still hold the article: the first paragraph after each headline
    assert seeds["004"][1][1].text.split(SEP)[0] == _lines(seeds["004"][0])[101].strip()


def test_body_traceable_to_page(seeds: dict[str, tuple[RawPage, list[Document]]]) -> None:
    for page, docs in seeds.values():
        for d in docs:
            covered = 0
            prev_end = 0
            for sp in d.page_spans:
                assert d.text[sp.doc_start : sp.doc_start + sp.length] == page.text[sp.page_start : sp.page_start + sp.length]
                assert d.text[prev_end : sp.doc_start] in ("", SEP)
                prev_end = sp.doc_start + sp.length
                covered += sp.length
            assert prev_end == len(d.text)
            assert covered + len(SEP) * (len(d.page_spans) - 1) == len(d.text)
            for r in d.removed:
                assert page.text[r.start : r.end] == r.text
            assert d.content_hash == content_hash(d.text)
            assert d.language == "ar"


def test_ids_stable_and_distinct(seeds: dict[str, tuple[RawPage, list[Document]]], shared_dir: Path) -> None:
    ids = [d.id for _, docs in seeds.values() for d in docs]
    assert len(set(ids)) == len(ids)
    again = [d.id for p in iter_pages([str(shared_dir / "seeds")]) if isinstance(p, RawPage) for d in documents_from_page(p)]
    assert sorted(again) == sorted(ids)


def test_saudinewsnet_zip_loads(shared_dir: Path) -> None:
    zips = sorted((shared_dir / "data" / "saudinewsnet").glob("*.zip"))
    if not zips:
        pytest.skip("SaudiNewsNet not present")
    pages = 0
    errors: list[IngestError] = []
    for item in iter_pages([str(zips[0])]):
        if isinstance(item, IngestError):
            errors.append(item)
            continue
        pages += 1
        if pages <= 200:
            docs = documents_from_page(item)
            assert len(docs) == 1
            d = docs[0]
            assert d.title == item.title
            assert d.published.method == "given" and d.published.value == (item.date or "")[:10]
            assert d.outlet  # the record's source, mapped to the outlet name
    assert pages > 1000
    assert all(e.message == "record has no content/text/body" for e in errors)
