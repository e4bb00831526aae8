"""Property tests: offsets round-trip and arbitrary input never raises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.ingest import documents_from_page
from rasd.ingest.dates import estimate, parse_dateline
from rasd.ingest.document import SEP
from rasd.ingest.langid import identify
from rasd.ingest.rawio import Bad, decode
from rasd.models import RawPage

ARABIC_BITS = st.sampled_from(
    ["قال", "الوزير", "2024", "يناير", "الماضي", "الجمعة", "(رويترز)", "©", "شارك", "\n", "\n\n", " ", ".", "«", "»",
     "مقالات ذات صلة", "TT", "\u064e", "\u0640", "ی", "\u00a0", "\r"]
)
TEXT = st.one_of(st.text(), st.lists(st.one_of(ARABIC_BITS, st.text(max_size=5)), max_size=60).map("".join))


@settings(max_examples=150, deadline=None)
@given(TEXT, st.sampled_from(["text", "record", "html"]))
def test_documents_never_raise_and_offsets_round_trip(text: str, kind: str) -> None:
    page = RawPage("p", text, kind=kind)
    for d in documents_from_page(page):
        pos = 0
        for sp in d.page_spans:
            assert d.text[sp.doc_start : sp.doc_start + sp.length] == text[sp.page_start : sp.page_start + sp.length]
            assert d.text[pos : sp.doc_start] in ("", SEP)
            pos = sp.doc_start + sp.length
        assert pos == len(d.text)
        for r in d.removed:
            assert text[r.start : r.end] == r.text
        assert d.id.startswith("d_")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_date_and_language_helpers_total(text: str) -> None:
    parse_dateline(text)
    estimate(text)
    assert isinstance(identify(text), str)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_decode_total(data: bytes) -> None:
    try:
        text, enc, warnings = decode(data)
    except Bad as e:
        assert str(e) in ("empty file", "binary file (not text)")
    else:
        assert isinstance(text, str) and enc


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".html", ".json", ".jsonl", ".zip", ".md"]))
def test_iter_pages_never_raises_on_arbitrary_files(data: bytes, ext: str) -> None:
    import tempfile
    from pathlib import Path

    from rasd.ingest import IngestError, iter_pages

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{ext}"
        path.write_bytes(data)
        for item in iter_pages([str(path)]):
            if isinstance(item, IngestError):
                assert item.message and "\n" not in item.message
            else:
                for d in documents_from_page(item):
                    assert isinstance(d.text, str)
