"""Reading inputs: formats, encodings and bad files (generated in tmp_path)."""

from __future__ import annotations

import io
import json
import os
import signal
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from test_bad_input import ROOT_READS_ALL

from rasd.ingest import IngestError, documents_from_page, iter_pages
from rasd.ingest.rawio import MAX_COUNT_BYTES, decode, read_capped
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


# --------------------------------------------------------------------------- hostile inputs (hardening)


@contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """Fail (not hang) when the body runs past ``seconds``: a FIFO open or an endless read."""

    class Hang(BaseException):  # not an Exception: the readers' guards must not swallow it
        pass

    def ring(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _split(items: list[RawPage | IngestError]) -> tuple[dict[str, RawPage], dict[str, str]]:
    pages = {p.source: p for p in items if isinstance(p, RawPage)}
    errors = {e.source: e.message for e in items if isinstance(e, IngestError)}
    return pages, errors


def test_undecodable_file_name_is_escaped_and_stored(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path / "names")
    os.mkdir(folder)
    with open(os.path.join(folder, b"caf\xff.txt"), "wb") as fh:
        fh.write(ARTICLE.encode("utf-8"))
    (page,) = _pages([os.fsdecode(folder)])
    assert isinstance(page, RawPage)
    assert page.source == "caf\\xff.txt" and page.text == ARTICLE
    page.source.encode("utf-8")  # storable: this raised UnicodeEncodeError in the store's INSERT
    (direct,) = _pages([os.fsdecode(os.path.join(folder, b"caf\xff.txt"))])
    assert isinstance(direct, RawPage) and direct.source == "caf\\xff.txt"


def test_lone_surrogates_in_record_fields_are_replaced(tmp_path: Path) -> None:
    body = "افتتحت الجامعة كلية جديدة للهندسة الزراعية، وقال رئيسها إن الدراسة تبدأ في الخريف."
    raw = '[{"title": "\\ud83d كلية جديدة", "source": "\\udc80", "url": "http://example.org/\\ud800", "content": "%s \\ude00"}]'
    (tmp_path / "s.json").write_text(raw % body, encoding="utf-8")
    (page,) = _pages([str(tmp_path / "s.json")])
    assert isinstance(page, RawPage)
    for value in (page.title, page.outlet, page.url, page.text):
        assert value is not None and "\ufffd" in value
        value.encode("utf-8")
    assert page.title == "\ufffd كلية جديدة" and page.text.startswith(body)
    assert {"title", "outlet", "url", "content"} == {w.split()[4] for w in page.warnings if "invalid characters" in w}
    (doc,) = documents_from_page(page)
    assert doc.title == "\ufffd كلية جديدة"


def test_path_in_unreadable_folder_given_first_does_not_stop_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    locked = str(tmp_path / "locked" / "x.txt")
    real_stat = os.stat

    def stat(path: Any, *a: Any, **kw: Any) -> os.stat_result:
        if os.fspath(path) == locked:  # what a folder without search permission gives (as non-root)
            raise PermissionError(13, "Permission denied", locked)
        return real_stat(path, *a, **kw)

    monkeypatch.setattr(os, "stat", stat)
    pages, errors = _split(_pages([locked, str(tmp_path / "good.txt")]))
    assert errors == {locked: "cannot read: Permission denied"}
    assert list(pages) == ["good.txt"]


def test_unreadable_folder_inside_a_walk_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for sub in ("a", "b", "c"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / f"{sub}.txt").write_text(ARTICLE.replace("الموصل", f"الموصل {sub}"), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:
        if os.fspath(path) == str(tmp_path / "b"):  # as a folder with mode 000 does for non-root
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    pages, errors = _split(_pages([str(tmp_path)]))
    assert errors == {"b": "cannot read folder: Permission denied; skipped"}
    assert list(pages) == ["a/a.txt", "c/c.txt"]


@pytest.mark.skipif(ROOT_READS_ALL, reason="root reads folders whatever their mode")
def test_unreadable_folder_for_real(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "in.txt").write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    try:
        pages, errors = _split(_pages([str(locked / "in.txt"), str(tmp_path)]))
    finally:
        locked.chmod(0o755)
    assert errors[str(locked / "in.txt")].startswith("cannot read")
    assert errors["locked"].startswith("cannot read folder")
    assert "ok.txt" in pages


def test_fifo_and_symlink_to_device_are_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nothing-here")
    (tmp_path / "real.txt").write_text(ARTICLE, encoding="utf-8")
    with _deadline(60):  # before: open() of the FIFO blocked forever, /dev/zero was read forever
        pages, errors = _split(_pages([str(tmp_path), str(tmp_path / "pipe.txt")]))
    assert errors["pipe.txt"] == "not a regular file (named pipe): skipped, not opened"
    assert errors["zero.txt"] == "not a regular file (character device, through a symbolic link): skipped, not opened"
    assert errors["gone.txt"] == "no such file or directory (broken symbolic link)"
    assert list(pages) == ["real.txt"]


def test_read_cap_bounds_an_endless_stream() -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, b: Any) -> int:
            b[:] = b"\xd9\x86" * (len(b) // 2) + b"\xd9" * (len(b) % 2)
            return len(b)

    with _deadline(60):
        data, warnings = read_capped(io.BufferedReader(Endless()))
    assert len(data) == MAX_PAGE_BYTES
    assert warnings == [f"page cut to the first 2 MB (input is over {MAX_COUNT_BYTES / 1e6:.1f} MB)"]


def test_one_invalid_byte_keeps_utf8(tmp_path: Path) -> None:
    raw = ARTICLE.encode("utf-8")
    cut = raw.index("مطار الموصل الدولي".encode())
    (tmp_path / "one.txt").write_bytes(raw[:cut] + b"\xff" + raw[cut:])
    (tmp_path / "cp.txt").write_bytes(ARTICLE.encode("cp1256"))
    pages, errors = _split(_pages([str(tmp_path)]))
    assert not errors
    one = pages["one.txt"]
    assert one.encoding == "utf-8" and one.text == ARTICLE[: len(raw[:cut].decode())] + "\ufffd" + raw[cut:].decode()
    assert any("invalid UTF-8: 1 byte sequence(s) replaced" in w and f"byte {cut}" in w for w in one.warnings)
    assert pages["cp.txt"].encoding == "windows-1256" and pages["cp.txt"].text == ARTICLE  # still cp1256
    text, enc, _ = decode(ARTICLE.encode("cp1256")[:300])  # short legacy pages too
    assert enc == "windows-1256" and text == ARTICLE.encode("cp1256")[:300].decode("cp1256")


def test_empty_json_and_jsonl_are_errors(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(b"")
    (tmp_path / "b.jsonl").write_bytes(b"\n  \n")
    (tmp_path / "c.json").write_text(" [ ] ", encoding="utf-8")
    (tmp_path / "d.json").write_text('{"articles": []}', encoding="utf-8")
    pages, errors = _split(_pages([str(tmp_path)]))
    assert not pages
    assert errors == {
        "a.json": "empty file",
        "b.jsonl": "empty file",
        "c.json": "no records (the JSON holds an empty list)",
        "d.json": "no records (the JSON holds an empty list)",
    }


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_json_in_utf16_or_with_bom(tmp_path: Path, encoding: str) -> None:
    recs = [{"title": "عنوان الخبر", "content": "نص قصير عن افتتاح سوق جديدة للخضار في الحي القديم."}]
    (tmp_path / "r.json").write_bytes(json.dumps(recs, ensure_ascii=False).encode(encoding))
    (tmp_path / "r.jsonl").write_bytes((json.dumps(recs[0], ensure_ascii=False) + "\n").encode(encoding))
    pages, errors = _split(_pages([str(tmp_path)]))
    assert not errors
    assert {p.source: p.title for p in pages.values()} == {"r.json#0": "عنوان الخبر", "r.jsonl#0": "عنوان الخبر"}


def test_json_errors_give_the_full_reason_with_line_and_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import rasd.ingest.readers as readers

    good = {"title": "عنوان", "content": "نص الخبر عن معرض للكتاب في المدينة."}
    lines = [json.dumps(good, ensure_ascii=False) + "," for _ in range(5)]
    (tmp_path / "a.json").write_text("[\n" + "\n".join(lines) + '\n  {"title": "x" "content": "y"}]', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps(good, ensure_ascii=False) + '\n{"title": 1,, "content": "z"}\n', encoding="utf-8")
    (tmp_path / "c.json").write_text('{"title": "عنوان", "content": ', encoding="utf-8")
    at = (tmp_path / "a.json").read_text(encoding="utf-8").index('"content": "y"')
    for chunk in (readers.CHUNK, 16):  # the position is in the file, not in the sliding buffer
        monkeypatch.setattr(readers, "CHUNK", chunk)
        pages, errors = _split(_pages([str(tmp_path)]))
        assert errors == {
            "a.json": f"invalid JSON after 5 record(s): Expecting ',' delimiter at line 7 column 17 (char {at})",
            "b.jsonl#1": "invalid JSON on line 2: Expecting property name enclosed in double quotes at column 13",
            "c.json": "invalid JSON after 0 record(s): Expecting value at line 1 column 31 (char 30)",
        }
        assert len(pages) == 6


def test_record_fields_that_are_not_text(tmp_path: Path) -> None:
    body = "عقدت نقابة المعلمين اجتماعا لمناقشة الأجور، وقال رئيسها إن المطالب ستعرض على الوزارة."
    recs = [
        {"title": ["اجتماع", "نقابة المعلمين"], "content": body, "date": 20240115},
        {"title": {"ar": "عنوان"}, "content": ["الفقرة الأولى من الخبر.", "الفقرة الثانية منه."], "source": ["a", 1]},
        {"title": "بلا نص", "content": {"x": 1}},
    ]
    (tmp_path / "r.json").write_text(json.dumps(recs, ensure_ascii=False), encoding="utf-8")
    pages, errors = _split(_pages([str(tmp_path / "r.json")]))
    first, second = pages["r.json#0"], pages["r.json#1"]
    assert first.title == "اجتماع نقابة المعلمين" and first.date == "20240115" and not first.warnings
    assert documents_from_page(first)[0].published.value == "2024-01-15"
    assert second.title is None and second.outlet is None
    assert second.text == "الفقرة الأولى من الخبر.\n\nالفقرة الثانية منه."
    assert second.warnings == [
        "record title ignored: a JSON object, not text",
        "record source ignored: a JSON array with non-text items, not text",
    ]
    assert errors == {"r.json#2": "record content ignored: a JSON object, not text"}


def test_zip_with_a_corrupt_member(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "day.zip", "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("a.txt", ARTICLE)
        zf.writestr("b.txt", ARTICLE.replace("الموصل", "البصرة"))
    raw = bytearray((tmp_path / "day.zip").read_bytes())
    at = raw.index("البصرة".encode())
    raw[at] ^= 0xFF  # the stored bytes no longer match the member's CRC
    (tmp_path / "day.zip").write_bytes(bytes(raw))
    (tmp_path / "fake.zip").write_text("ليس ملفا مضغوطا", encoding="utf-8")
    pages, errors = _split(_pages([str(tmp_path)]))
    assert list(pages) == ["day.zip!a.txt"]
    assert errors == {"day.zip!b.txt": "corrupt zip member: Bad CRC-32 for file 'b.txt'",
                      "fake.zip": "not a readable zip file (File is not a zip file)"}  # fmt: skip
