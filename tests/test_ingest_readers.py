"""Reading inputs: formats, encodings and bad files (generated in tmp_path)."""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import pytest

from rasd.ingest import IngestError, documents_from_page, iter_pages
from rasd.ingest.readers import MAX_PAGE_BYTES, iter_json_array
from rasd.models import RawPage

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

ARTICLE = (
    "وزارة النقل تعلن خطة لتوسيع مطار الموصل\n\n"
    "الأحد 3 نوفمبر 2024\n\n"
    "أعلنت وزارة النقل اليوم الأحد خطة لتوسيع مطار الموصل الدولي تشمل مدرجا جديدا وصالة للمسافرين، "
    "على أن يبدأ التنفيذ مطلع العام المقبل بعد استكمال إجراءات التعاقد مع الشركات المنفذة.\n\n"
    "وقال المتحدث باسم الوزارة إن المطار سيستقبل رحلات من عدة عواصم عربية فور انتهاء الأعمال، "
    "مشيرا إلى أن الطلب على السفر من المدينة تضاعف خلال السنتين الأخيرتين.\n"
)


def _pages(inputs: list[str], **kw: str) -> list[RawPage | IngestError]:
    return list(iter_pages(inputs, **kw))


def test_text_page_utf8_and_bom(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    pages = _pages([str(tmp_path)])
    assert [p.source for p in pages if isinstance(p, RawPage)] == ["a.txt", "b.txt"]
    a, b = pages
    assert isinstance(a, RawPage) and isinstance(b, RawPage)
    assert a.text == b.text == ARTICLE and not a.warnings and not b.warnings
    docs = documents_from_page(a)
    assert docs[0].title == "وزارة النقل تعلن خطة لتوسيع مطار الموصل"
    assert docs[0].published.value == "2024-11-03"


def test_utf16_and_windows_1256_warn(tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (tmp_path / "cp.txt").write_bytes(ARTICLE.encode("cp1256"))
    by_name = {p.source: p for p in _pages([str(tmp_path)]) if isinstance(p, RawPage)}
    assert by_name["u16.txt"].text == ARTICLE and any("utf-16" in w for w in by_name["u16.txt"].warnings)
    cp = by_name["cp.txt"]
    assert cp.text == ARTICLE and cp.encoding == "windows-1256"
    assert any("windows-1256" in w for w in cp.warnings)
    doc = documents_from_page(cp)[0]
    assert doc.encoding == "windows-1256" and any("windows-1256" in w for w in doc.warnings)


def test_bad_inputs_reported_and_batch_continues(tmp_path: Path) -> None:
    (tmp_path / "1_empty.txt").write_bytes(b"")
    (tmp_path / "2_binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "3_good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "4_truncated.txt").write_bytes(ARTICLE.encode("utf-8")[:-2] + "ع".encode()[:1])
    (tmp_path / "5_english.txt").write_text(
        "City council approves new budget\n\nThe council voted on Tuesday to approve the budget for the "
        "coming year, and the mayor said that the plan was a fair one for all residents.\n",
        encoding="utf-8",
    )
    (tmp_path / "6_bad.json").write_text('[{"title": "x", "content": "نص"}, {oops', encoding="utf-8")
    items = _pages([str(tmp_path), str(tmp_path / "missing.txt")])
    errors = {e.source: e.message for e in items if isinstance(e, IngestError)}
    pages = {p.source: p for p in items if isinstance(p, RawPage)}
    assert errors["1_empty.txt"] == "empty file"
    assert errors["2_binary.txt"] == "binary file (not text)"
    assert errors[str(tmp_path / "missing.txt")] == "no such file or directory"
    assert "invalid JSON" in errors["6_bad.json"]
    assert all("\n" not in m for m in errors.values())
    assert "3_good.txt" in pages and "6_bad.json#0" in pages  # the rest of the batch went through
    trunc = pages["4_truncated.txt"]
    assert any("truncated UTF-8" in w for w in trunc.warnings)
    assert trunc.text == ARTICLE[:-2]  # everything but the cut character
    eng = pages["5_english.txt"]
    assert any("no Arabic" in w for w in eng.warnings)
    d = documents_from_page(eng)[0]
    assert d.language == "en" and d.title == "City council approves new budget"


def test_huge_page_is_capped(tmp_path: Path) -> None:
    para = ("فقرة طويلة من نص تجريبي كتبناه لاختبار الصفحات الضخمة جدا دون أن تتوقف المعالجة. " * 4 + "\n\n").encode()
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        chunk = para * (1_000_000 // len(para) + 1)
        for _ in range(50):
            fh.write(chunk)
    assert path.stat().st_size >= 50_000_000
    (page,) = _pages([str(path)])
    assert isinstance(page, RawPage)
    assert len(page.text.encode()) <= MAX_PAGE_BYTES
    assert any("cut" in w and "50." in w for w in page.warnings)
    docs = documents_from_page(page)
    assert docs and docs[0].text


def test_html_with_scripts(tmp_path: Path) -> None:
    body = "".join(f"<p>{line}</p>" for line in ARTICLE.split("\n\n")[2:])
    html = (
        "<html><head><title>وزارة النقل تعلن خطة لتوسيع مطار الموصل</title>"
        '<meta property="article:published_time" content="2024-11-03T08:00:00Z">'
        "<script>var tracking = 'لا يجب أن يظهر هذا النص';</script></head>"
        f"<body><nav>الرئيسية</nav><article><h1>وزارة النقل تعلن خطة لتوسيع مطار الموصل</h1>{body}</article>"
        "<script>alert('script text')</script></body></html>"
    )
    (tmp_path / "p.html").write_text(html, encoding="utf-8")
    (page,) = _pages([str(tmp_path / "p.html")])
    assert isinstance(page, RawPage) and page.kind == "html" and page.html == html
    assert "tracking" not in page.text and "alert" not in page.text
    assert page.title == "وزارة النقل تعلن خطة لتوسيع مطار الموصل"
    (doc,) = documents_from_page(page)
    assert doc.title == page.title
    assert doc.published.value == "2024-11-03" and doc.published.method == "metadata"
    assert "مطار الموصل الدولي" in doc.text


def test_records_json_jsonl_zip_and_date_override(tmp_path: Path) -> None:
    recs = [
        {"title": "عنوان أول", "content": "نص الخبر الأول عن افتتاح جسر جديد في المدينة.", "date": "2020-05-01",
         "source": "okaz", "url": "http://example.org/1"},
        {"title": "عنوان ثان", "text": "نص الخبر الثاني عن مهرجان للكتاب.", "published": "2020-05-02 10:00:00"},
        {"title": "بلا نص"},
        "ليس كائنا",
    ]
    (tmp_path / "r.json").write_text(json.dumps(recs, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "r.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "r.zip", "w") as zf:
        zf.writestr("day.json", json.dumps(recs, ensure_ascii=False))
    items = _pages([str(tmp_path / "r.json"), str(tmp_path / "r.jsonl"), str(tmp_path / "r.zip")])
    pages = [p for p in items if isinstance(p, RawPage)]
    errors = [e for e in items if isinstance(e, IngestError)]
    assert len(pages) == 6 and len(errors) == 6
    assert {p.source for p in pages} >= {"r.json#0", "r.jsonl#1", "r.zip!day.json#0"}
    first = documents_from_page(pages[0])[0]
    assert (first.title, first.outlet, first.url) == ("عنوان أول", "عكاظ", "http://example.org/1")
    assert (first.published.value, first.published.method) == ("2020-05-01", "given")
    assert documents_from_page(pages[1])[0].published.value == "2020-05-02"
    over = [p for p in iter_pages([str(tmp_path / "r.json")], date="2021-01-02") if isinstance(p, RawPage)]
    assert {documents_from_page(p)[0].published.value for p in over} == {"2021-01-02"}
    # a directory is several inputs: --date does not apply
    multi = [p for p in iter_pages([str(tmp_path)], date="2021-01-02") if isinstance(p, RawPage)]
    assert "2020-05-01" in {p.date for p in multi}


def test_json_array_streams_small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    import rasd.ingest.readers as readers

    monkeypatch.setattr(readers, "CHUNK", 7)
    data = [{"i": i, "t": "نص " * i} for i in range(50)]
    assert list(iter_json_array(io.StringIO(json.dumps(data, ensure_ascii=False)))) == data


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(ARTICLE.encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    (page,) = _pages(["-"], date="2024-11-04")
    assert isinstance(page, RawPage) and page.source == "<stdin>" and page.text == ARTICLE
    assert documents_from_page(page)[0].published.value == "2024-11-04"


def test_fixture_directory_languages() -> None:
    langs = {p.source: documents_from_page(p)[0].language for p in iter_pages([str(FIXTURES)]) if isinstance(p, RawPage)}
    assert langs == {"persian.txt": "fa", "two_articles.txt": "ar"}
