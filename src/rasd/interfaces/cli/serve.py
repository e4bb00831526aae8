"""``rasd report`` (write the HTML report) and ``rasd serve`` (web UI/API).

Both read the database (``--db``, else ``RASD_DB``, else ``rasd.db``) or, given
``--analysis``, an ``analysis.json``, which then wins.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from rasd.interfaces.cli.app import DEFAULT_DB, app
from rasd.interfaces.export import store_analysis
from rasd.interfaces.report import load_analysis, render_report, restatus
from rasd.models import Analysis
from rasd.store import is_url, open_store


def _die(msg: str) -> typer.Exit:
    sys.stderr.write(f"rasd: {msg}\n")
    return typer.Exit(code=2)


def _as_of(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise _die(f"--as-of must be a date YYYY-MM-DD, got {value!r}") from None


DbOpt = Annotated[str, typer.Option("--db", envvar="RASD_DB", help="rasd database: a SQLite file or a postgresql:// URL (used unless --analysis is given).")]
AnalysisOpt = Annotated[Path | None, typer.Option("--analysis", "-a", help="analysis.json written by `rasd analyze` (instead of the database).")]


def _from_db(db: str) -> Analysis:
    """Everything the database holds, as one ``Analysis`` (what the report draws)."""
    if not is_url(db) and not Path(db).is_file():
        raise _die(f"database not found: {db} (give --db FILE, set RASD_DB, or pass --analysis FILE)")
    try:
        with open_store(str(db), readonly=True) as store:
            return store_analysis(store)
    except (ValueError, OSError, sqlite3.DatabaseError) as e:
        raise _die(f"cannot read the database {db}: {e}") from None


@app.command()
def report(
    analysis: AnalysisOpt = None,
    db: DbOpt = DEFAULT_DB,
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path("report.html"),
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Date commitment statuses are seen from (default: the export's as_of, else today)."),
    ] = None,
    max_docs: Annotated[
        int, typer.Option("--max-docs", min=0, help="Documents shown whole; other cited ones only around their evidence.")
    ] = 300,
) -> None:
    """Write the self-contained right-to-left HTML report of the database (or of --analysis)."""
    day = _as_of(as_of)
    meta: dict[str, Any] = {}
    if analysis is None:
        data = _from_db(db)  # a database keeps no as_of: statuses are computed for the day asked
        if day is None:
            day = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d")
    elif not analysis.is_file():
        raise _die(f"analysis file not found: {analysis}")
    else:
        try:
            data, meta = load_analysis(analysis)
        except (ValueError, TypeError, KeyError) as e:
            raise _die(f"cannot read {analysis}: {e}") from None
    if day and day != meta.get("as_of"):
        data = restatus(data, day)  # statuses in the export were computed for its own as_of
    html = render_report(data, day or meta.get("as_of") or dt.date.today().isoformat(), max_docs=max_docs)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
    except OSError as e:
        raise _die(f"cannot write {out}: {e.strerror or e}") from None
    typer.echo(f"wrote {out}")


@app.command()
def serve(
    db: DbOpt = DEFAULT_DB,
    analysis: Annotated[Path | None, typer.Option("--analysis", "-a", help="analysis.json to serve (instead of the database).")] = None,
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    host: Annotated[str, typer.Option("--host", help="Address to bind; keep 127.0.0.1 unless you mean it.")] = "127.0.0.1",
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date for commitment status in the report.")] = None,
    check: Annotated[bool, typer.Option("--check", help="Load the data and build the app, then exit without serving.")] = False,
) -> None:
    """Serve the web app (pages for documents, entities, incidents, disagreements, threads …) and its JSON API under /api/."""
    from rasd.interfaces.web import create_app  # fastapi, starlette, pydantic: only when serving

    day = _as_of(as_of)
    source = analysis if analysis is not None else db
    if analysis is not None and not analysis.is_file():
        raise _die(f"analysis file not found: {analysis}")
    if analysis is None and not is_url(db) and not Path(db).is_file():
        raise _die(f"database not found: {db} (give --db FILE, set RASD_DB, or pass --analysis FILE)")
    try:
        web_app = create_app(db_path=None if analysis is not None else db, analysis_path=analysis, as_of=day)
    except (ValueError, TypeError, KeyError, OSError, sqlite3.DatabaseError) as e:
        raise _die(f"cannot load data: {e}") from None
    if check:
        typer.echo(f"rasd: {source} loads; would serve it on http://{host}:{port}/ (--check: not started)")
        return
    import uvicorn

    from rasd.interfaces.server import server_options  # uvicorn, h11: only when serving

    typer.echo(f"rasd: serving {source} on http://{host}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning", **server_options())
