"""Core commands: ``analyze``, ``ingest``, ``search``, ``show``, ``export``.

Every command catches errors at its boundary and prints one line on stderr with exit
code 1 (Typer gives 2 for usage errors): users see what went wrong, never a traceback.
``analyze``/``ingest`` store every document they can read; each rejected input is one
``error: SOURCE: MESSAGE`` line at the end, and any rejected input makes the exit
status 1 (0 only when every input was processed; see docs/ingest.md), as does a corpus
stage (linking, the story step) that raised: its sections are empty, said on the last line.
"""

from __future__ import annotations

import datetime as _dt
import functools
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TextIO, TypeVar

import click
import typer
from rich.console import Console
from rich.text import Text
from typer.exceptions import TyperException

from rasd.interfaces import exports as ex
from rasd.interfaces.cli.app import DEFAULT_DB, app
from rasd.interfaces.cli.common import Interrupted, from_interrupt
from rasd.interfaces.dates import calendar_date, typed_date
from rasd.interfaces.export import (
    jsonl_records,
    open_atomic,
    store_analysis,
    views_analysis,
    write_csv,
    write_json,
    write_jsonl,
)
from rasd.store import QueryError, SearchTimeout, is_url, open_store, query_terms

F = TypeVar("F", bound=Callable[..., Any])

DbOpt = Annotated[str, typer.Option("--db", envvar="RASD_DB", help="The store: a SQLite file, or a postgresql:// URL.")]
PagesArg = Annotated[list[str], typer.Argument(help="Files, directories, zip/json/jsonl files; '-' for stdin.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress (bars on a terminal, else one line per stage) and no summary.")]
KEPT = "documents stored so far are kept; run the same command again to finish"
WorkersOpt = Annotated[int, typer.Option("--workers", min=1, help="Processes for cleaning pages.")]
AnalyzeWorkersOpt = Annotated[
    int,
    typer.Option("--workers", min=1, help="Processes for cleaning, annotating and the per-article story step (same output for any number)."),
]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Log debug lines.")]


class CliError(Exception):
    """An expected failure, reported as one line."""


def _fail(msg: str) -> typer.Exit:
    sys.stderr.write(f"rasd: error: {msg}\n")
    return typer.Exit(1)


def guarded(fn: F) -> F:
    """Turn any exception into one stderr line and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, TyperException, click.ClickException, SystemExit, KeyboardInterrupt):
            raise  # usage errors keep click's message and exit code 2
        except CliError as e:
            raise _fail(str(e)) from None
        except Exception as e:
            if from_interrupt(e):  # e.g. a rollback that failed because Ctrl-C came mid-commit
                raise KeyboardInterrupt from None
            raise _fail(f"{type(e).__name__}: {e}") from None

    return wrapper  # type: ignore[return-value]


def _check_date(value: str | None) -> str | None:
    """A real calendar date in YYYY-MM-DD (the shape alone let "2024-13-45" through)."""
    if value is None:
        return None
    if typed_date(value, "day") is None:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}")
    if not calendar_date(value, "day"):
        raise typer.BadParameter(f"{value!r} is not a calendar date (month 01-12, day within the month)")
    return value


def _check_dask(value: str | None) -> str | None:
    """``local:N`` or a scheduler address, checked before anything runs (a usage error)."""
    if value is None:
        return None
    from rasd.parallel_dask import parse_target  # with the whole pipeline: loaded only when --dask is given

    try:
        parse_target(value)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None
    return value


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format="rasd: %(message)s")


def _existing_db(db: str) -> str:
    if db != ":memory:" and not is_url(db) and not Path(db).is_file():
        raise CliError(f"no database at {db} (run 'rasd ingest' or 'rasd analyze' first, or pass --db)")
    return db


def _report(result: Any, quiet: bool, wrote: str = "") -> None:
    """Error lines, the summary (and what was written), then the exit status of the run."""
    for source, message in result.errors:
        sys.stderr.write(f"error: {source}: {message}\n")
    if not quiet:
        c = result.counts()
        typer.echo(
            f"read {c['pages']} page(s), {c['documents']} document(s): {c['new']} new, "
            f"{c['existing']} already stored, {c['errors']} error(s), "
            f"{c['duplicate_groups']} duplicate group(s) in store [{result.seconds:.1f}s]"
        )
        if wrote:
            typer.echo(wrote)
    if getattr(result, "failed", None):  # a bug, not bad input: a script must not take empty sections as news
        sys.stderr.write(f"error: corpus stage(s) failed, their sections are empty: {', '.join(result.failed)}\n")
        raise typer.Exit(1)
    if getattr(result, "rejected", 0) or (result.documents == 0 and result.errors):
        raise typer.Exit(1)  # some input rejected (the good ones are stored), or nothing read


@app.command()
@guarded
def analyze(
    pages: PagesArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory for analysis.json (and report.html).")],
    db: DbOpt = DEFAULT_DB,
    date: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for undated single inputs.", callback=_check_date)] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Reference date YYYY-MM-DD for commitment status (default: today, UTC).", callback=_check_date)] = None,
    quiet: QuietOpt = False,
    workers: AnalyzeWorkersOpt = 1,
    verbose: VerboseOpt = False,
    dask: Annotated[
        str | None,
        typer.Option("--dask", metavar="local:N|tcp://HOST:PORT", callback=_check_dask,
                     help="Annotate and run the per-article story step on Dask: N local worker processes, or a running scheduler (needs rasd[dask]; same output)."),
    ] = None,
    dask_corpus: Annotated[
        bool | None,
        typer.Option("--dask-corpus/--no-dask-corpus",
                     help="With --dask: the story stage's corpus step too (incidents, claim blocks, encoder). Default: on for tcp://, off for local:N (slower on one machine)."),
    ] = None,
) -> None:
    """Read news pages, store them and write OUT/analysis.json (the export contract)."""
    from rasd.pipeline import StageUnavailable
    from rasd.pipeline import analyze as run  # numpy, scipy, datasketch, trafilatura…: only when a run starts

    _setup_logging(verbose)
    try:
        result = run(pages, db_path=db, out_dir=out, date=date, as_of=as_of, progress=not quiet, workers=workers, dask=dask,
                     dask_corpus=dask_corpus)
    except StageUnavailable as e:
        raise CliError(str(e)) from None
    except KeyboardInterrupt:
        raise Interrupted(KEPT) from None
    wrote = f"wrote {result.analysis_path}" + (f" and {result.report_path}" if result.report_path else "")
    _report(result, quiet, wrote if result.analysis_path else "")


@app.command()
@guarded
def ingest(
    pages: PagesArg,
    db: DbOpt = DEFAULT_DB,
    date: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for undated single inputs.", callback=_check_date)] = None,
    quiet: QuietOpt = False,
    workers: WorkersOpt = 1,
    verbose: VerboseOpt = False,
) -> None:
    """Read, clean, normalise and store pages (no analysis); print what was new."""
    from rasd.pipeline import StageUnavailable
    from rasd.pipeline import ingest as run  # numpy, datasketch, trafilatura…: only when a run starts

    _setup_logging(verbose)
    try:
        result = run(pages, db_path=db, date=date, progress=not quiet, workers=workers)
    except StageUnavailable as e:
        raise CliError(str(e)) from None
    except KeyboardInterrupt:
        raise Interrupted(KEPT) from None
    _report(result, quiet)


@app.command()
@guarded
def search(
    query: Annotated[str, typer.Argument(help="Words to find; hamza/alef/ya/ta-marbuta variants match.")],
    db: DbOpt = DEFAULT_DB,
    limit: Annotated[int, typer.Option(min=1, help="Maximum number of results.")] = 10,
) -> None:
    """Full-text search over stored titles and bodies (read-only: the database is never changed)."""
    try:
        query_terms(query)  # over the length or word limits: a usage error, before any I/O
    except QueryError as e:
        sys.stderr.write(f"rasd: error: {e}\n")
        raise typer.Exit(2) from None
    try:
        with open_store(_existing_db(db), readonly=True) as store:
            hits = store.search(query, limit=limit)
    except SearchTimeout as e:
        raise CliError(str(e)) from None
    if not hits:
        sys.stderr.write(f"no document matches {query!r}\n")
        raise typer.Exit(1)
    console = Console(highlight=False, soft_wrap=True)
    for h in hits:
        console.print(Text(f"{h.doc_id}  {h.published or '----------'}  {h.title}", style="bold"))
        snip = Text(h.snippet)
        if h.match:
            snip.stylize("reverse", *h.match)
        console.print(snip)
        console.print()


@app.command()
@guarded
def show(
    doc: Annotated[str, typer.Argument(help="Document id or a unique prefix of it.")],
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Print one stored document: title, outlet, date and how it was found, warnings, body."""
    with open_store(_existing_db(db), readonly=True) as store:
        ids = store.find_ids(doc, limit=6)
        if not ids:
            raise CliError(f"no document with id {doc!r}")
        if len(ids) > 1 and doc not in ids:
            more = "…" if len(ids) > 5 else ""
            raise CliError(f"id prefix {doc!r} is ambiguous: {', '.join(ids[:5])}{more}")
        d = store.get_document(doc if doc in ids else ids[0])
    if d is None:  # deleted between the two reads
        raise CliError(f"no document with id {doc!r}")
    p = d.published
    lines = [
        f"id:        {d.id}",
        f"title:     {d.title}",
        f"outlet:    {d.outlet or '-'}",
        f"published: {p.value or 'unknown'} ({p.precision or '-'}; method {p.method}, confidence {p.confidence:.2f})",
        f"source:    {d.source}" + (f" [part {d.part}]" if d.part else ""),
        f"language:  {d.language}",
    ]
    if d.url:
        lines.append(f"url:       {d.url}")
    if d.duplicate_of:
        lines.append(f"duplicate of: {d.duplicate_of}")
    for w in [*p.warnings, *d.warnings]:
        lines.append(f"warning:   {w}")
    if d.removed:
        lines.append(f"removed:   {len(d.removed)} block(s) of page furniture")
    typer.echo("\n".join(lines) + "\n\n" + d.text)


@contextmanager
def _output(path: str) -> Iterator[TextIO]:
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with open_atomic(Path(path), newline="") as fp:  # a failed export never leaves a half-written file behind
        yield fp


@app.command()
@guarded
def export(
    format: Annotated[
        str, typer.Option("--format", "-f", help="json | jsonl | csv | geojson | timeml | parquet | acled (docs/exports.md)")
    ] = "json",
    db: DbOpt = DEFAULT_DB,
    out: Annotated[
        str, typer.Option("--out", "-o", help="Output file ('-' for stdout); a directory for parquet, and for timeml unless '-'.")
    ] = "-",
    as_of: Annotated[str | None, typer.Option("--as-of", help="as_of written in the header.", callback=_check_date)] = None,
    layer: Annotated[
        str | None,
        typer.Option("--layer", help="csv only: documents (default) | timex | entities | quantities | quotes | events | incidents | claims | commitments | threads | conflicts."),
    ] = None,
) -> None:
    """Write everything stored: json (the analysis.json shape), jsonl (one record a line), csv (one layer,
    documents by default), geojson (places and incidents), timeml, parquet (every layer) or acled (incidents)."""
    fmt = format.lower()
    if fmt not in ex.FORMATS:
        raise typer.BadParameter(f"unknown format {format!r} ({', '.join(ex.FORMATS)})", param_hint="--format")
    if layer is not None and fmt != "csv":
        raise typer.BadParameter("--layer applies to --format csv only (parquet writes every layer)", param_hint="--layer")
    layer = (layer or "documents").lower()
    if layer not in ex.LAYERS:
        raise typer.BadParameter(f"unknown layer {layer!r} ({', '.join(ex.LAYERS)})", param_hint="--layer")
    if fmt == "parquet" and out == "-":
        raise typer.BadParameter("parquet writes one file per layer: give --out DIR", param_hint="--out")
    if fmt in ex.DIR_FORMATS and out != "-" and Path(out).exists() and not Path(out).is_dir():
        raise CliError(f"{out} is a file; --format {fmt} writes a directory of files")
    as_of = as_of or _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d")
    with open_store(_existing_db(db), readonly=True) as store:
        if fmt in ex.DIR_FORMATS and out != "-":
            corpus = ex.Corpus.from_store(store)
            try:
                n = len(ex.write_parquet(corpus, Path(out))) if fmt == "parquet" else ex.write_timeml_dir(corpus, Path(out))
            except ex.MissingExtra as e:
                raise CliError(str(e)) from None
            sys.stderr.write(f"wrote {n} {'Parquet' if fmt == 'parquet' else 'TimeML'} file(s) to {out}\n")
            return
        with _output(out) as fp:
            if fmt == "csv" and layer == "documents":
                write_csv(store.iter_documents(), fp)
                return
            if fmt in ex.TEXT_FORMATS:
                ex.write_text(ex.Corpus.from_store(store), fmt, layer, fp)
                return
            if fmt == "jsonl":
                views = views_analysis(store.load_views())
                write_jsonl(jsonl_records(store.iter_documents(), lambda i: store.load_mentions([i]), views, as_of), fp)
                return
            write_json(store_analysis(store), fp, as_of)
