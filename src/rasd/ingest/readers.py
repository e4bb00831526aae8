"""Reading inputs into ``RawPage``s: files, directories, stdin, HTML, JSON/JSONL/zip records.

Everything streams: directories are walked lazily, JSON arrays are decoded one record at a
time (``raw_decode`` over a sliding buffer), zip members are read as streams, and a single
page is capped at ``MAX_PAGE_BYTES`` with a warning. A bad input becomes an ``IngestError``
(one clear line) and the batch goes on; nothing is raised out of ``iter_pages``.

Hostile inputs are bounded: only regular files are opened (a FIFO, socket or device, or a
symlink to one, is reported, never opened, so nothing blocks or reads forever), a stream
past the cap is counted only up to ``MAX_COUNT_BYTES``, and every string that reaches a
page (names that are not UTF-8, lone surrogates from JSON escapes) is made storable.
"""

from __future__ import annotations

import io
import json
import os
import stat
import sys
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO, NoReturn

from rasd.ingest.langid import arabic_ratio
from rasd.ingest.rawio import (
    BOMS,
    CHUNK,
    MAX_PAGE_BYTES,
    Bad,
    IngestError,
    decode,
    display_name,
    first_line,
    open_regular,
    read_capped,
    reason,
    scrub,
    stat_error,
)
from rasd.models import RawPage

TEXT_EXT = (".txt", ".text", ".md")
HTML_EXT = (".html", ".htm", ".xhtml")
JSON_EXT = (".json", ".jsonl", ".ndjson")
RECORD_EXT = (*JSON_EXT, ".zip")
KNOWN_EXT = TEXT_EXT + HTML_EXT + RECORD_EXT
BODY_FIELDS = ("content", "text", "body", "article", "content_text")
DATE_FIELDS = ("date", "date_extracted", "published", "published_at", "pubdate", "datePublished")
OUTLET_FIELDS = ("source", "outlet", "site", "sitename", "publisher")
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
        raise Bad("no article text found in HTML")
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
        raise Bad("empty file")
    if arabic_ratio(text[:20000]) == 0.0:
        warnings.append("no Arabic text on the page")
    return RawPage(source=source, text=text, kind="text", encoding=enc, warnings=warnings)


# --------------------------------------------------------------------------- records


def _first(rec: dict[str, Any], names: Sequence[str]) -> Any:
    for n in names:
        v = rec.get(n)
        if v not in (None, "", []):
            return v
    return None


_JSON_TYPES = {dict: "object", list: "array", bool: "boolean"}


def _text(value: Any, what: str, warnings: list[str], sep: str = " ") -> str | None:
    """A record field as text: a string, a number, or a list of strings joined with ``sep``.

    Anything else (an object, a list of objects) is dropped with a warning rather than
    stored as its Python repr.
    """
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and all(isinstance(x, str) for x in value):
        return sep.join(x.strip() for x in value if x.strip()) or None
    kind = _JSON_TYPES.get(type(value), type(value).__name__)
    warnings.append(f"record {what} ignored: a JSON {kind}" + (" with non-text items" if kind == "array" else "") + ", not text")
    return None


def record_page(source: str, rec: Any) -> RawPage | IngestError:
    """A record ``{title, content|text|body, date, url, source}`` as a page."""
    if not isinstance(rec, dict):
        return IngestError(source, f"record is a JSON {_JSON_TYPES.get(type(rec), type(rec).__name__)}, not an object")
    warnings: list[str] = []
    body = _text(_first(rec, BODY_FIELDS), "content", warnings, sep="\n\n")
    if not body or not body.strip():
        return IngestError(source, "; ".join(warnings) if warnings else "record has no content/text/body")
    title = _text(rec.get("title"), "title", warnings)
    date = _text(_first(rec, DATE_FIELDS), "date", warnings)
    outlet = _text(_first(rec, OUTLET_FIELDS), "source", warnings)
    url = _text(rec.get("url") or rec.get("link"), "url", warnings)
    if len(body) > MAX_PAGE_BYTES:
        body = body[:MAX_PAGE_BYTES]
        warnings.append(f"record content cut to {MAX_PAGE_BYTES} characters")
    return RawPage(
        source=source,
        text=body,
        kind="record",
        title=(title.strip() or None) if title else None,
        date=date or None,
        outlet=outlet or None,
        url=url or None,
        warnings=warnings,
    )


def json_text(raw: IO[bytes]) -> IO[str]:
    """A text stream over JSON bytes: UTF-8, or UTF-16/32 found by a BOM or by the NUL
    pattern of the first characters (JSON starts with ASCII, RFC 4627 §3)."""
    head = raw.read(4)
    enc, skip = "utf-8", 0
    for bom, name in BOMS:
        if head.startswith(bom):
            enc, skip = name, len(bom)
            break
    else:
        if len(head) == 4 and head[:3] == b"\0\0\0":
            enc = "utf-32-be"
        elif len(head) == 4 and head[1:] == b"\0\0\0":
            enc = "utf-32-le"
        elif head[:1] == b"\0":
            enc = "utf-16-be"
        elif head[1:2] == b"\0":
            enc = "utf-16-le"
    raw.seek(skip)
    return io.TextIOWrapper(raw, encoding=enc, errors="strict")  # type: ignore[arg-type]


class _JsonPos:
    """Where a sliding JSON buffer starts in the file, to report errors at line and column."""

    def __init__(self) -> None:
        self.chars = self.lines = self.col = 0  # dropped characters, newlines among them, chars after the last

    def drop(self, buf: str, n: int) -> str:
        nl = buf.rfind("\n", 0, n)
        self.chars += n
        self.lines += buf.count("\n", 0, n)
        self.col = n - nl - 1 if nl >= 0 else self.col + n
        return buf[n:]

    def fail(self, e: json.JSONDecodeError, buf: str) -> NoReturn:
        nl = buf.rfind("\n", 0, e.pos)
        col = e.pos - nl if nl >= 0 else self.col + e.pos + 1
        line = self.lines + buf.count("\n", 0, e.pos) + 1
        raise ValueError(f"{e.msg} at line {line} column {col} (char {self.chars + e.pos})") from None


def iter_json_array(fh: IO[str]) -> Iterator[Any]:
    """Items of a JSON array (or the one top-level object) read incrementally.

    Raises ``Bad("empty file")`` when there is nothing but blanks, and ``ValueError``
    with the error's line and column in the whole file on invalid JSON.
    """
    dec = json.JSONDecoder()
    at = _JsonPos()
    buf = fh.read(CHUNK)
    pos = 0
    eof = not buf

    def skip() -> None:
        nonlocal pos
        while pos < len(buf) and buf[pos] in " \t\r\n,\ufeff":
            pos += 1

    skip()
    while pos >= len(buf) and not eof:  # a file of blanks longer than a chunk
        buf, pos = at.drop(buf, pos) + fh.read(CHUNK), 0
        eof = len(buf) == 0
        skip()
    if pos >= len(buf):
        raise Bad("empty file")
    if buf[pos] != "[":
        buf, pos = at.drop(buf, pos) + fh.read(), 0
        try:
            obj = json.loads(buf)
        except json.JSONDecodeError as e:
            at.fail(e, buf)
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
            buf, pos = at.drop(buf, pos) + fh.read(CHUNK), 0
            eof = len(buf) == 0
            continue
        if pos < len(buf) and buf[pos] == "]":
            return
        if pos >= len(buf):
            raise ValueError(f"unterminated JSON array at line {at.lines + buf.count(chr(10)) + 1} (char {at.chars + len(buf)})")
        try:
            obj, end = dec.raw_decode(buf, pos)
        except json.JSONDecodeError as e:
            if eof:
                at.fail(e, buf)
            more = fh.read(CHUNK)
            eof = not more
            buf, pos = at.drop(buf, pos) + more, 0
            continue
        yield obj
        pos = end
        if pos > CHUNK:
            buf, pos = at.drop(buf, pos), 0


def _records(source: str, fh: IO[str], jsonl: bool) -> Iterator[RawPage | IngestError]:
    i = 0
    if jsonl:
        lines = 0
        try:
            for i, line in enumerate(fh):  # noqa: B007 (i is read after the loop)
                if not line.strip():
                    continue
                lines += 1
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    yield IngestError(f"{source}#{i}", f"invalid JSON on line {i + 1}: {e.msg} at column {e.colno}")
                    continue
                yield record_page(f"{source}#{i}", rec)
        except UnicodeDecodeError as e:
            yield IngestError(source, f"invalid {e.encoding} text after line {i + 1}: {e.reason}; the rest of the file skipped")
            return
        if not lines:
            raise Bad("empty file")
        return
    try:
        for rec in iter_json_array(fh):
            yield record_page(f"{source}#{i}", rec)
            i += 1
    except UnicodeDecodeError as e:
        yield IngestError(source, f"invalid {e.encoding} text after {i} record(s): {e.reason}")
        return
    except ValueError as e:
        yield IngestError(source, f"invalid JSON after {i} record(s): {first_line(e)}")
        return
    if i == 0:
        yield IngestError(source, "no records (the JSON holds an empty list)")


def _zip(fh: BinaryIO, name: str) -> Iterator[RawPage | IngestError]:
    try:
        zf = zipfile.ZipFile(fh)
    except Exception as e:  # BadZipFile, OSError, a member name that is not UTF-8, …
        yield IngestError(name, f"not a readable zip file ({first_line(e) or type(e).__name__})")
        return
    with zf:
        members = sorted((m for m in zf.infolist() if not m.is_dir()), key=lambda m: m.filename)
        if not members:
            yield IngestError(name, "empty zip file (no members)")
        for m in members:
            low = m.filename.lower()
            src = f"{name}!{display_name(m.filename)}"
            if low.endswith(JSON_EXT):
                yield from _guard(src, lambda m=m, src=src, low=low: _member_records(zf, m, src, low))
            elif low.endswith(TEXT_EXT + HTML_EXT):
                yield from _guard(src, lambda m=m, src=src, low=low: _member_page(zf, m, src, low))
            else:
                yield IngestError(src, "zip member skipped (not .json/.jsonl/.txt/.html)")


def _member_records(zf: zipfile.ZipFile, member: zipfile.ZipInfo, src: str, low: str) -> Iterator[RawPage | IngestError]:
    with zf.open(member) as raw:
        yield from _records(src, json_text(raw), jsonl=not low.endswith(".json"))


def _member_page(zf: zipfile.ZipFile, member: zipfile.ZipInfo, src: str, low: str) -> Iterator[RawPage]:
    with zf.open(member) as raw:
        yield from _page_from_fh(src, raw, low, member.file_size)


def _page_from_fh(src: str, fh: IO[bytes], low: str, size: int | None = None) -> Iterator[RawPage]:
    data, warn = read_capped(fh, size)
    yield _page_from_bytes(src, data, warn, html=True if low.endswith(HTML_EXT) else None)


def _guard(source: str, make: Any) -> Iterator[RawPage | IngestError]:
    """Run a page producer, turning any failure into one ``IngestError`` line."""
    try:
        yield from make()
    except Bad as e:
        yield IngestError(source, str(e))
    except zipfile.BadZipFile as e:
        yield IngestError(source, f"corrupt zip member: {first_line(e)}")
    except OSError as e:
        yield IngestError(source, f"cannot read: {reason(e)}")
    except UnicodeError as e:
        yield IngestError(source, f"cannot read: {e.__class__.__name__}: {first_line(e)}".rstrip(": "))
    except Exception as e:  # a library failing on one odd page must not stop the batch
        yield IngestError(source, f"failed: {e.__class__.__name__}: {first_line(e)}".rstrip(": "))


def _file(path: Path, name: str, st: os.stat_result | None = None) -> Iterator[RawPage | IngestError]:
    low = path.name.lower()

    def read() -> Iterator[RawPage | IngestError]:
        fh, size = open_regular(path, st)
        with fh:
            if low.endswith(".zip"):
                yield from _zip(fh, name)
            elif low.endswith(JSON_EXT):
                yield from _records(name, json_text(fh), jsonl=not low.endswith(".json"))
            else:
                yield from _page_from_fh(name, fh, low, size)

    yield from _guard(name, read)


def _walk(root: Path, root_name: str) -> Iterator[tuple[Path, str] | IngestError]:
    """Files with a known extension under ``root`` as ``(path, display name)``, sorted,
    depth first (as ``os.walk``); a folder that cannot be listed is an ``IngestError``.
    Hidden entries are skipped and symbolic links to folders are not followed (no loops)."""
    stack: list[tuple[Path, str]] = [(root, "")]
    while stack:
        folder, rel = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            yield IngestError(display_name(rel) if rel else root_name, f"cannot read folder: {reason(e)}; skipped")
            continue
        subdirs: list[tuple[Path, str]] = []
        for ent in entries:
            if ent.name.startswith("."):
                continue
            sub = os.path.join(rel, ent.name) if rel else ent.name
            try:
                is_dir = ent.is_dir()
                link = is_dir and ent.is_symlink()
            except OSError:
                is_dir = link = False
            if is_dir:
                if not link:
                    subdirs.append((Path(ent.path), sub))
            elif ent.name.lower().endswith(KNOWN_EXT):
                yield Path(ent.path), display_name(sub)
        stack.extend(reversed(subdirs))


def _stdin() -> Iterator[RawPage | IngestError]:
    src = "<stdin>"

    def run() -> Iterator[RawPage | IngestError]:
        data, warn = read_capped(sys.stdin.buffer)
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
    that is not a directory (a file, or stdin). Every string of what is yielded can be
    stored as UTF-8 (see ``_storable``).
    """
    single = len(inputs) == 1 and (inputs[0] == "-" or not os.path.isdir(inputs[0]))
    for item in _expand(inputs):
        if isinstance(item, RawPage) and date and single:
            item.date = date
            item.date_method = "given"
        yield _storable(item)


_PAGE_FIELDS = ("text", "title", "date", "outlet", "url", "html")


def _storable(item: RawPage | IngestError) -> RawPage | IngestError:
    """``item`` with every string encodable as UTF-8 (a lone surrogate made the store's
    INSERT raise and abort the whole batch); a replaced field is named in a warning."""
    item.source = scrub(item.source)
    if isinstance(item, IngestError):
        item.message = scrub(item.message)
        return item
    for f in _PAGE_FIELDS:
        v = getattr(item, f)
        if v is not None and (clean := scrub(v)) is not v:
            setattr(item, f, clean)
            item.warnings.append(f"invalid characters in the {'content' if f == 'text' else f} replaced with U+FFFD")
    item.warnings = [scrub(w) for w in item.warnings]
    return item


def _expand(inputs: Iterable[str]) -> Iterator[RawPage | IngestError]:
    for inp in inputs:
        if inp == "-":
            yield from _stdin()
            continue
        name = display_name(inp)
        try:
            st = os.stat(inp)
        except (OSError, ValueError) as e:  # ValueError: a NUL in the path
            yield IngestError(name, stat_error(inp, e) if isinstance(e, OSError) else "invalid path")
            continue
        if stat.S_ISDIR(st.st_mode):
            for item in _walk(Path(inp), name):
                if isinstance(item, IngestError):
                    yield item
                else:
                    yield from _file(*item)
        else:
            yield from _file(Path(inp), display_name(Path(inp).name), st)
