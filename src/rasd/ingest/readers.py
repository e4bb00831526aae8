"""Reading inputs into ``RawPage``s: files, directories, stdin, HTML, JSON/JSONL/zip records.

Everything streams: directories are walked lazily, JSON arrays are decoded one record at a
time (``raw_decode`` over a sliding buffer), zip members are read as streams, and a single
page is capped at ``MAX_PAGE_BYTES`` with a warning. A bad input becomes an ``IngestError``
(one clear line) and the batch goes on; nothing is raised out of ``iter_pages``.
"""

from __future__ import annotations

import io
import json
import os
import sys
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from rasd.ingest.langid import arabic_ratio
from rasd.models import RawPage

MAX_PAGE_BYTES = 2_000_000  # a news article is < 100 KB; beyond this a page is cut, with a warning
CHUNK = 1 << 20
TEXT_EXT = (".txt", ".text", ".md")
HTML_EXT = (".html", ".htm", ".xhtml")
RECORD_EXT = (".json", ".jsonl", ".ndjson", ".zip")
KNOWN_EXT = TEXT_EXT + HTML_EXT + RECORD_EXT
BODY_FIELDS = ("content", "text", "body", "article", "content_text")
DATE_FIELDS = ("date", "date_extracted", "published", "published_at", "pubdate", "datePublished")
OUTLET_FIELDS = ("source", "outlet", "site", "sitename", "publisher")


@dataclass
class IngestError:
    """A bad input, reported and skipped, never raised out of ``iter_pages``."""

    source: str
    message: str  # one clear line, e.g. "binary file (not text)", "empty file"

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class _Bad(Exception):
    """Internal: an input that becomes an ``IngestError``."""


# --------------------------------------------------------------------------- decoding


def decode(data: bytes, *, truncated: bool = False) -> tuple[str, str, list[str]]:
    """``(text, encoding, warnings)`` of raw bytes; raises ``_Bad`` for empty/binary data.

    UTF-8 (BOM or not) and UTF-16 with a BOM are read directly; otherwise Windows-1256 is
    tried when it yields Arabic text (the usual legacy encoding of Arabic sites) and then
    charset-normalizer's guess. ``truncated``: the bytes were cut by the size cap, so an
    incomplete final character is expected and silently dropped.
    """
    if not data.strip():
        raise _Bad("empty file")
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = "utf-16"
        text = data.decode(enc, errors="replace")
        return text, enc, ["encoding utf-16 (converted)"]
    if b"\x00" in data[:8192]:
        raise _Bad("binary file (not text)")
    sample = data[:8192]
    ctrl = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if ctrl > len(sample) * 0.05:
        raise _Bad("binary file (not text)")
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError as e:
        if e.start >= len(data) - 3 and e.reason in ("unexpected end of data",):
            if not truncated:
                warnings.append(f"truncated UTF-8: incomplete last character dropped (byte {e.start})")
            return data[: e.start].decode("utf-8"), "utf-8", warnings
        bad_at = e.start
    try:
        text = data.decode("cp1256")
        if arabic_ratio(text[:20000]) >= 0.5:
            return text, "windows-1256", ["encoding windows-1256 (detected, converted)"]
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is not None and best.encoding not in ("utf_8", "ascii") and not best.encoding.startswith("utf_16"):
        try:
            text = data.decode(best.encoding)
            return text, best.encoding, [f"encoding {best.encoding} (detected, converted)"]
        except (UnicodeDecodeError, LookupError):
            pass
    text = data.decode("utf-8", errors="replace")
    return text, "utf-8", [f"invalid UTF-8 bytes replaced (first at byte {bad_at})"]


def _read_capped(fh: IO[bytes], name: str) -> tuple[bytes, list[str]]:
    data = fh.read(MAX_PAGE_BYTES + 1)
    if len(data) <= MAX_PAGE_BYTES:
        return data, []
    total = MAX_PAGE_BYTES + 1
    while True:  # count the rest without keeping it
        more = fh.read(CHUNK)
        if not more:
            break
        total += len(more)
    return data[:MAX_PAGE_BYTES], [f"page cut to the first {MAX_PAGE_BYTES // 1_000_000} MB (input is {total / 1e6:.1f} MB)"]


# --------------------------------------------------------------------------- pages


def _html_page(source: str, html: str, encoding: str, warnings: list[str]) -> RawPage:
    import trafilatura
    from htmldate import find_date

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta is not None else None
    date: str | None = None
    try:
        date = find_date(html, outputformat="%Y-%m-%d", extensive_search=False)
    except Exception:  # htmldate raises on odd markup; a missing date is not an error
        date = None
    if not text:
        raise _Bad("no article text found in HTML")
    return RawPage(
        source=source,
        text=text,
        kind="html",
        encoding=encoding,
        title=title.strip() if title else None,
        date=date,
        outlet=(meta.sitename if meta is not None and meta.sitename else None),
        url=(meta.url if meta is not None else None),
        warnings=warnings,
        html=html,
        date_method="metadata",
    )


def _looks_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def _page_from_bytes(source: str, data: bytes, warnings: list[str], *, html: bool | None = None) -> RawPage:
    text, enc, dec_warn = decode(data, truncated=bool(warnings))
    warnings = warnings + dec_warn
    if html or (html is None and _looks_html(text)):
        return _html_page(source, text, enc, warnings)
    if not text.strip():
        raise _Bad("empty file")
    if arabic_ratio(text[:20000]) == 0.0:
        warnings.append("no Arabic text on the page")
    return RawPage(source=source, text=text, kind="text", encoding=enc, warnings=warnings)


# --------------------------------------------------------------------------- records


def _first(rec: dict[str, Any], names: Sequence[str]) -> Any:
    for n in names:
        v = rec.get(n)
        if v not in (None, ""):
            return v
    return None


def record_page(source: str, rec: Any) -> RawPage | IngestError:
    """A record ``{title, content|text|body, date, url, source}`` as a page."""
    if not isinstance(rec, dict):
        return IngestError(source, f"record is a JSON {type(rec).__name__}, not an object")
    body = _first(rec, BODY_FIELDS)
    if not isinstance(body, str) or not body.strip():
        return IngestError(source, "record has no content/text/body")
    title = rec.get("title")
    date = _first(rec, DATE_FIELDS)
    outlet = _first(rec, OUTLET_FIELDS)
    url = rec.get("url") or rec.get("link")
    warnings = []
    if len(body) > MAX_PAGE_BYTES:
        body = body[:MAX_PAGE_BYTES]
        warnings.append(f"record content cut to {MAX_PAGE_BYTES} characters")
    return RawPage(
        source=source,
        text=body,
        kind="record",
        title=str(title).strip() if title else None,
        date=str(date) if date else None,
        outlet=str(outlet) if outlet else None,
        url=str(url) if url else None,
        warnings=warnings,
    )


def iter_json_array(fh: IO[str]) -> Iterator[Any]:
    """Items of a JSON array (or the one top-level object) read incrementally."""
    dec = json.JSONDecoder()
    buf = fh.read(CHUNK)
    pos = 0
    eof = not buf

    def skip() -> None:
        nonlocal pos
        while pos < len(buf) and buf[pos] in " \t\r\n,\ufeff":
            pos += 1

    skip()
    if pos >= len(buf):
        return
    if buf[pos] != "[":
        rest = buf[pos:] + fh.read()
        obj = json.loads(rest)
        if isinstance(obj, dict):
            for k in ("articles", "items", "data", "records", "documents"):
                if isinstance(obj.get(k), list):
                    yield from obj[k]
                    return
        yield obj
        return
    pos += 1
    while True:
        skip()
        if pos >= len(buf) and not eof:
            buf = buf[pos:] + fh.read(CHUNK)
            pos = 0
            eof = len(buf) == 0
            continue
        if pos < len(buf) and buf[pos] == "]":
            return
        if pos >= len(buf):
            raise ValueError("unterminated JSON array")
        try:
            obj, end = dec.raw_decode(buf, pos)
        except json.JSONDecodeError:
            if eof:
                raise
            more = fh.read(CHUNK)
            eof = not more
            buf = buf[pos:] + more
            pos = 0
            continue
        yield obj
        pos = end
        if pos > CHUNK:
            buf, pos = buf[pos:], 0


def _records(source: str, fh: IO[str], jsonl: bool) -> Iterator[RawPage | IngestError]:
    if jsonl:
        for i, line in enumerate(fh):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                yield IngestError(f"{source}#{i}", f"invalid JSON line: {e.msg}")
                continue
            yield record_page(f"{source}#{i}", rec)
        return
    i = 0
    try:
        for rec in iter_json_array(fh):
            yield record_page(f"{source}#{i}", rec)
            i += 1
    except (ValueError, UnicodeDecodeError) as e:
        msg = e.msg if isinstance(e, json.JSONDecodeError) else str(e).splitlines()[0]
        yield IngestError(source, f"invalid JSON after {i} records: {msg}")


def _zip(path: Path, name: str) -> Iterator[RawPage | IngestError]:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        yield IngestError(name, f"not a readable zip file ({e})")
        return
    with zf:
        members = sorted(m for m in zf.namelist() if not m.endswith("/"))
        for m in members:
            low = m.lower()
            src = f"{name}!{m}"
            if low.endswith((".json", ".jsonl", ".ndjson")):
                yield from _guard(src, lambda m=m, src=src, low=low: _member_records(zf, m, src, low))
            elif low.endswith(TEXT_EXT + HTML_EXT):
                with zf.open(m) as raw:
                    yield from _guard(src, lambda raw=raw, src=src, low=low: _page_from_fh(src, raw, low))
            else:
                yield IngestError(src, "zip member skipped (not .json/.jsonl/.txt/.html)")


def _member_records(zf: zipfile.ZipFile, member: str, src: str, low: str) -> Iterator[RawPage | IngestError]:
    with zf.open(member) as raw:
        fh = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict")
        yield from _records(src, fh, jsonl=not low.endswith(".json"))


def _page_from_fh(src: str, fh: IO[bytes], low: str) -> Iterator[RawPage]:
    data, warn = _read_capped(fh, src)
    yield _page_from_bytes(src, data, warn, html=True if low.endswith(HTML_EXT) else None)


def _guard(source: str, make: Any) -> Iterator[RawPage | IngestError]:
    """Run a page producer, turning any failure into one ``IngestError`` line."""
    try:
        yield from make()
    except _Bad as e:
        yield IngestError(source, str(e))
    except (OSError, UnicodeError) as e:
        yield IngestError(source, f"cannot read: {e.__class__.__name__}: {str(e).splitlines()[0] if str(e) else ''}".rstrip(": "))
    except Exception as e:  # a library failing on one odd page must not stop the batch
        yield IngestError(source, f"failed: {e.__class__.__name__}: {str(e).splitlines()[0] if str(e) else ''}".rstrip(": "))


def _file(path: Path, name: str) -> Iterator[RawPage | IngestError]:
    low = path.name.lower()
    if low.endswith(".zip"):
        yield from _zip(path, name)
        return
    if low.endswith((".json", ".jsonl", ".ndjson")):

        def recs() -> Iterator[RawPage | IngestError]:
            with open(path, encoding="utf-8-sig") as fh:
                yield from _records(name, fh, jsonl=not low.endswith(".json"))

        yield from _guard(name, recs)
        return

    def page() -> Iterator[RawPage]:
        with open(path, "rb") as fh:
            yield from _page_from_fh(name, fh, low)

    yield from _guard(name, page)


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for f in sorted(filenames):
            if not f.startswith(".") and f.lower().endswith(KNOWN_EXT):
                yield Path(dirpath) / f


def _stdin() -> Iterator[RawPage | IngestError]:
    src = "<stdin>"

    def run() -> Iterator[RawPage | IngestError]:
        data, warn = _read_capped(sys.stdin.buffer, src)
        head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
        if head[:1] in (b"[", b"{"):
            text, _, _ = decode(data)
            yield from _records(src, io.StringIO(text), jsonl=head[:1] == b"{" and b"\n{" in data)
            return
        yield _page_from_bytes(src, data, warn)

    return _guard(src, run)


def iter_pages(inputs: Sequence[str], *, date: str | None = None) -> Iterator[RawPage | IngestError]:
    """Pages of files, directories (recursive, sorted) and ``-`` (stdin), lazily.

    ``date`` (the CLI's ``--date``) overrides the page date when there is one single input
    that is not a directory (a file, or stdin).
    """
    single = len(inputs) == 1 and (inputs[0] == "-" or not Path(inputs[0]).is_dir())
    for item in _expand(inputs):
        if isinstance(item, RawPage) and date and single:
            item.date = date
            item.date_method = "given"
        yield item


def _expand(inputs: Iterable[str]) -> Iterator[RawPage | IngestError]:
    for inp in inputs:
        if inp == "-":
            yield from _stdin()
            continue
        p = Path(inp)
        if p.is_dir():
            root = p
            for f in _walk(p):
                yield from _file(f, str(f.relative_to(root)))
        elif p.is_file():
            yield from _file(p, p.name)
        elif p.exists():
            yield IngestError(inp, "not a regular file")
        else:
            yield IngestError(inp, "no such file or directory")
