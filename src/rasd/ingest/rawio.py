"""Low-level reading that hostile inputs cannot break: names, opening, size caps, decoding.

- ``scrub``/``display_name``: every string that reaches a page can be stored as UTF-8
  (a file name that is not UTF-8 is shown with ``\\xff`` escapes, a lone surrogate from a
  JSON escape becomes U+FFFD) — one such string used to abort the whole batch in SQLite;
- ``open_regular``: only regular files are opened (a FIFO blocks ``open`` forever, a
  symlink to ``/dev/zero`` never ends), checked on the path and again on the descriptor;
- ``read_capped``: a page is cut at ``MAX_PAGE_BYTES``, and the rest of a stream is
  counted only up to ``MAX_COUNT_BYTES``;
- ``decode``: UTF-8 (also with a few bad bytes), BOMs, Windows-1256, then a guess.
"""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO

from rasd.ingest.langid import arabic_ratio

MAX_PAGE_BYTES = 2_000_000  # a news article is < 100 KB; beyond this a page is cut, with a warning
MAX_COUNT_BYTES = 64 * MAX_PAGE_BYTES  # a stream past the cap is counted this far, never to an end that may not come
CHUNK = 1 << 20
# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one
BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
ALMOST_UTF8 = 10  # valid non-ASCII characters per invalid byte sequence above which text is UTF-8 with a few bad bytes



@dataclass
class IngestError:
    """A bad input, reported and skipped, never raised out of ``iter_pages``."""

    source: str
    message: str  # one clear line, e.g. "binary file (not text)", "empty file"

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class Bad(Exception):
    """Internal: an input that becomes an ``IngestError``."""


# --------------------------------------------------------------------------- names and strings


def scrub(s: str) -> str:
    """``s`` encodable as UTF-8 (SQLite and the export need it): lone surrogates become U+FFFD.

    Lone surrogates come from JSON escapes ("\\ud83d") and from file names that are not
    UTF-8 (Python keeps their bytes as U+DC80..U+DCFF). A valid pair is joined.
    """
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return s


def display_name(name: str) -> str:
    """A file name as shown and stored: bytes that are not UTF-8 written as ``\\xff``."""
    try:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    except UnicodeError:  # a surrogate that no byte name maps to
        return scrub(name)


def reason(e: OSError) -> str:
    return e.strerror or type(e).__name__


def first_line(e: BaseException) -> str:
    lines = str(e).splitlines()
    return lines[0] if lines else ""


def _kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "named pipe"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISDIR, "directory"),
    ):
        if test(mode):
            return kind
    return "special file"


def _not_regular(mode: int, path: str | Path) -> str:
    via = ", through a symbolic link" if os.path.islink(path) else ""
    return f"not a regular file ({_kind(mode)}{via}): skipped, not opened"


def open_regular(path: Path, st: os.stat_result | None = None) -> tuple[BinaryIO, int]:
    """``(binary file, size)`` of ``path``, opened only when it is (or links to) a regular file.

    Checked before opening (a FIFO would block ``open`` forever, ``/dev/zero`` never ends)
    and again on the open descriptor, which is opened non-blocking in case the path was
    swapped for a FIFO in between.
    """
    try:
        st = st or os.stat(path)
    except OSError as e:
        raise Bad(stat_error(path, e)) from None
    if not stat.S_ISREG(st.st_mode):
        raise Bad(_not_regular(st.st_mode, path))
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise Bad(f"cannot open: {reason(e)}") from None
    try:
        fst = os.fstat(fd)
        if not stat.S_ISREG(fst.st_mode):
            raise Bad(_not_regular(fst.st_mode, path))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb"), fst.st_size
    except BaseException:
        os.close(fd)
        raise


def stat_error(path: str | Path, e: OSError) -> str:
    if isinstance(e, FileNotFoundError):
        return "no such file or directory" + (" (broken symbolic link)" if os.path.islink(path) else "")
    return f"cannot read: {reason(e)}"


# --------------------------------------------------------------------------- decoding


def decode(data: bytes, *, truncated: bool = False) -> tuple[str, str, list[str]]:
    """``(text, encoding, warnings)`` of raw bytes; raises ``Bad`` for empty/binary data.

    UTF-8 (BOM or not) and UTF-16/32 with a BOM are read directly. Text that is UTF-8 but
    for a few bad bytes (at least ``ALMOST_UTF8`` valid non-ASCII characters per bad
    sequence) is UTF-8 with U+FFFD and a warning: one stray byte must not turn an Arabic
    page into Windows-1256 mojibake. Otherwise Windows-1256 is tried when it yields Arabic
    (the usual legacy encoding of Arabic sites), then charset-normalizer's guess.
    ``truncated``: the bytes were cut by the size cap, so an incomplete final character is
    expected and dropped silently (otherwise with a warning).
    """
    if not data.strip():
        raise Bad("empty file")
    for bom, enc in BOMS[1:]:
        if data.startswith(bom):
            text = data[len(bom) :].decode(enc, errors="replace")
            return text, enc[:6], [f"encoding {enc[:6]} (converted)"]
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    if b"\x00" in data[:8192]:
        raise Bad("binary file (not text)")
    sample = data[:8192]
    ctrl = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if ctrl > len(sample) * 0.05:
        raise Bad("binary file (not text)")
    dec = codecs.getincrementaldecoder("utf-8")("replace")
    text = dec.decode(data, final=False)
    tail = len(dec.getstate()[0])  # bytes of an incomplete last character, held back
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    warnings: list[str] = []
    if tail and not truncated:
        warnings.append(f"truncated UTF-8: incomplete last character dropped (byte {len(data) - tail})")
    if bad <= 0:
        return text, "utf-8", warnings
    bad_at = _first_bad(data)
    valid = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if valid >= ALMOST_UTF8 * bad:
        warnings.append(f"invalid UTF-8: {bad} byte sequence(s) replaced with U+FFFD (first at byte {bad_at})")
        return text, "utf-8", warnings
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


def _first_bad(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        return e.start
    return len(data)


def read_capped(fh: IO[bytes], size: int | None = None) -> tuple[bytes, list[str]]:
    """At most ``MAX_PAGE_BYTES`` of ``fh``, with a warning when there was more.

    ``size`` is the input's known size (a regular file, a zip member); a stream of unknown
    size (stdin) is counted on only up to ``MAX_COUNT_BYTES``, so the read always ends.
    """
    data = fh.read(MAX_PAGE_BYTES + 1)
    if len(data) <= MAX_PAGE_BYTES:
        return data, []
    more_than = ""
    if size is None:
        size = len(data)
        while size < MAX_COUNT_BYTES:  # count the rest without keeping it
            more = fh.read(min(CHUNK, MAX_COUNT_BYTES - size))
            if not more:
                break
            size += len(more)
        more_than = "over " if size >= MAX_COUNT_BYTES else ""
    size = max(size, len(data))
    return data[:MAX_PAGE_BYTES], [f"page cut to the first {MAX_PAGE_BYTES // 1_000_000} MB (input is {more_than}{size / 1e6:.1f} MB)"]
