"""Downloads: every ``rasd export`` format of the served data, at ``/export/FORMAT``.

Each route writes what ``rasd export`` writes for the same store, with the same writers
(``rasd.interfaces.exports``), so a download is byte for byte the command's file (JSON and
JSONL differ only in ``generated_at``). A database is opened afresh for each download, so
it holds everything committed when it was asked for, even before the live corpus
(``live``) has reloaded. The body is written to a spooled temporary file, then streamed:
memory stays bounded on a large store, a failure is an error answer instead of a cut-off
file, and the browser is told the size. TimeML and Parquet are one file per article or per
layer, so they come as a zip (fixed entry dates: the same data gives the same bytes);
``?doc=ID`` gives one article's TimeML file on its own.
"""

from __future__ import annotations

import importlib.util
import io
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TextIO

from fastapi import FastAPI, Request
from fastapi.responses import Response, StreamingResponse

from rasd.interfaces import exports as ex
from rasd.interfaces.export import jsonl_records, store_analysis, write_csv, write_json, write_jsonl
from rasd.interfaces.exports.timeml import file_name, timeml_document, timeml_documents
from rasd.interfaces.webapp.common import BadRequest, label
from rasd.interfaces.webapp.corpus import Corpus, NotFound
from rasd.models import Analysis, Mentions
from rasd.store import open_store

SPOOL = 8 * 1024 * 1024  # bytes kept in memory before the spool moves to a temporary file
CHUNK = 256 * 1024
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold: entries carry no clock time


@dataclass(frozen=True)
class Format:
    media: str
    filename: str  # ``{layer}`` filled in for csv


FORMATS: dict[str, Format] = {
    "json": Format("application/json", "rasd.json"),
    "jsonl": Format("application/x-ndjson", "rasd.jsonl"),
    "csv": Format("text/csv; charset=utf-8", "rasd-{layer}.csv"),
    "geojson": Format("application/geo+json", "rasd.geojson"),
    "acled": Format("text/csv; charset=utf-8", "rasd-acled.csv"),
    "timeml": Format("application/zip", "rasd-timeml.zip"),
    "parquet": Format("application/zip", "rasd-parquet.zip"),
}
TIMEML_ONE = Format("application/xml", "")  # ``?doc=ID``: that article's ``<id>.tml``
URLS = (
    "/export/json", "/export/jsonl", f"/export/csv?layer={'|'.join(ex.LAYERS)}", "/export/geojson",
    "/export/acled", "/export/timeml", "/export/timeml?doc={id}", "/export/parquet",
)  # fmt: skip


def parquet_ready() -> bool:
    """Whether the ``[parquet]`` extra (pyarrow) is installed; found without importing it."""
    try:
        return importlib.util.find_spec("pyarrow") is not None
    except (ImportError, ValueError):
        return False


def links() -> list[dict[str, Any]]:
    """The home page's download list: each format's address and Arabic label, csv one per layer."""
    out: list[dict[str, Any]] = []
    for fmt in FORMATS:
        if fmt == "parquet" and not parquet_ready():
            continue
        item: dict[str, Any] = {"format": fmt, "label": label("export", fmt), "href": f"/export/{fmt}"}
        if fmt == "csv":
            item["href"] = "/export/csv?layer=documents"
            item["layers"] = [{"layer": x, "label": label("export_layer", x), "href": f"/export/csv?layer={x}"}
                              for x in ex.LAYERS]  # fmt: skip
        out.append(item)
    return out


@contextmanager
def _reading(c: Corpus) -> Iterator[tuple[ex.Corpus, Callable[[], Analysis]]]:
    """The export corpus of what is served now, and a way to read all of it as an ``Analysis``."""
    if c.analysis is not None:
        a = c.analysis
        docs = sorted(a.documents, key=lambda d: d.id)

        def mentions_of(ids: Sequence[str] | None) -> Mentions:  # the app's per-document split: no scan per call
            return a.mentions if ids is None else c.mentions_of(list(ids))

        yield ex.Corpus(lambda: iter(docs), mentions_of, a), lambda: a
        return
    assert c.db_path is not None
    with open_store(c.db_path, readonly=True) as st:
        yield ex.Corpus.from_store(st), lambda: store_analysis(st)


def _text(out: IO[bytes], write: Callable[[TextIO], object]) -> None:
    """``write`` into ``out`` as UTF-8 with newlines untouched (the command's ``newline=""``)."""
    fp = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        write(fp)
        fp.flush()
    finally:
        fp.detach()


def _entry(name: str, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = compress
    info.create_system = 3  # unix, whatever the server runs on
    info.external_attr = 0o644 << 16
    return info


def timeml_zip(files: Iterable[tuple[str, str]], out: IO[bytes]) -> int:
    """``<doc id>.tml`` entries, deflated, in the order given; returns how many."""
    n = 0
    with zipfile.ZipFile(out, "w") as z:
        for name, xml in files:
            z.writestr(_entry(name, zipfile.ZIP_DEFLATED), xml.encode("utf-8"))
            n += 1
    return n


def parquet_zip(corpus: ex.Corpus, out: IO[bytes]) -> None:
    """``LAYER.parquet`` for every layer, stored as they are (Parquet is compressed already)."""
    with tempfile.TemporaryDirectory(prefix="rasd-parquet-") as tmp:
        ex.write_parquet(corpus, Path(tmp))
        with zipfile.ZipFile(out, "w") as z:
            for layer in ex.LAYERS:
                path = Path(tmp) / f"{layer}.parquet"
                info = _entry(path.name, zipfile.ZIP_STORED)
                info.file_size = path.stat().st_size  # zip64 fields only when a file needs them
                with path.open("rb") as src, z.open(info, "w") as dst:
                    shutil.copyfileobj(src, dst, CHUNK)


def write_export(c: Corpus, fmt: str, layer: str, out: IO[bytes]) -> None:
    """Export ``fmt`` (csv: of ``layer``) of what ``c`` serves now into ``out``, as ``rasd export``
    writes it; raises ``MissingExtra`` for parquet without pyarrow."""
    with _reading(c) as (corpus, everything):
        if fmt == "json":
            _text(out, lambda fp: write_json(everything(), fp, c.as_of))
        elif fmt == "jsonl":
            docs = corpus.documents()
            _text(out, lambda fp: write_jsonl(jsonl_records(docs, lambda i: corpus.mentions_of([i]),
                                                            corpus.views, c.as_of), fp))  # fmt: skip
        elif fmt == "csv" and layer == "documents":
            _text(out, lambda fp: write_csv(corpus.documents(), fp))  # the command's own branch
        elif fmt in ex.TEXT_FORMATS and fmt != "timeml":  # timeml downloads as a zip of documents
            _text(out, lambda fp: ex.write_text(corpus, fmt, layer, fp))
        elif fmt == "timeml":
            timeml_zip(((file_name(d.id), xml) for d, xml in timeml_documents(corpus)), out)
        elif fmt == "parquet":
            parquet_zip(corpus, out)
        else:
            raise NotFound(f"no export format {fmt!r} ({', '.join(FORMATS)})")


def _attachment(spool: IO[bytes], media: str, filename: str) -> Response:
    """Stream ``spool`` from its start as a download named ``filename``; closes it when sent."""
    size = spool.tell()
    spool.seek(0)

    def chunks() -> Iterator[bytes]:
        try:
            while block := spool.read(CHUNK):
                yield block
        finally:
            spool.close()

    headers = {"Content-Disposition": f'attachment; filename="{filename}"', "Content-Length": str(size),
               "Cache-Control": "no-store"}  # fmt: skip
    return StreamingResponse(chunks(), media_type=media, headers=headers)


def _check(fmt: str, layer: str | None, doc: str | None) -> str:
    """The layer to write; ``NotFound``/``BadRequest`` for what ``rasd export`` would refuse too."""
    if fmt not in FORMATS:
        raise NotFound(f"no export format {fmt!r} ({', '.join(FORMATS)})")
    if layer is not None and fmt != "csv":
        raise BadRequest("layer applies to /export/csv only (parquet holds every layer)")
    if doc is not None and fmt != "timeml":
        raise BadRequest("doc applies to /export/timeml only")
    got = (layer or "documents").lower()
    if got not in ex.LAYERS:
        raise BadRequest(f"unknown layer {layer!r} (one of {', '.join(ex.LAYERS)})")
    return got


def install(app: FastAPI, corpus: Corpus, error: Callable[[Request, int, str], Response]) -> None:
    """``GET /export/{fmt}``; ``error`` answers as the app's other errors do (page or JSON)."""
    c = corpus

    @app.get("/export/{fmt}", response_class=Response, name="export")
    def export(request: Request, fmt: str, layer: str | None = None, doc: str | None = None) -> Response:
        """Everything served, as ``rasd export --format FMT`` writes it, as a download: json, jsonl,
        csv (``layer``: documents, timex, entities … conflicts), geojson, acled, timeml (a zip of one
        ``.tml`` per article, or ``doc=ID`` for one article's file), parquet (a zip of one file per layer)."""
        got = _check(fmt, layer, doc)
        if doc is not None:
            d = c.document(c.resolve("documents", doc))
            if d is None:
                raise NotFound(f"no document {doc!r}")
            xml = timeml_document(d, c.mentions(d.id).timex)
            return Response(xml.encode("utf-8"), media_type=TIMEML_ONE.media,
                            headers={"Content-Disposition": f'attachment; filename="{file_name(d.id)}"'})  # fmt: skip
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL)
        try:
            write_export(c, fmt, got, spool)
        except ex.MissingExtra as e:
            spool.close()
            return error(request, 501, str(e))
        except BaseException:
            spool.close()
            raise
        f = FORMATS[fmt]
        return _attachment(spool, f.media, f.filename.format(layer=got))
