"""``rasd report`` (write the HTML report from an analysis.json) and ``rasd serve`` (web UI/API)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from rasd.interfaces.cli.app import DEFAULT_DB, app


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


@app.command()
def report(
    analysis: Annotated[Path, typer.Option("--analysis", "-a", help="analysis.json written by `rasd analyze`.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path("report.html"),
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Date commitment statuses are seen from (default: the export's as_of, else today)."),
    ] = None,
    max_docs: Annotated[
        int, typer.Option("--max-docs", min=0, help="Documents shown whole; other cited ones only around their evidence.")
    ] = 300,
) -> None:
    """Write the self-contained right-to-left HTML report for an analysis."""
    from rasd.interfaces.report import load_analysis, render_report, restatus

    day = _as_of(as_of)
    if not analysis.is_file():
        raise _die(f"analysis file not found: {analysis}")
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
    db: Annotated[Path | None, typer.Option("--db", help=f"rasd database (e.g. {DEFAULT_DB}).")] = None,
    analysis: Annotated[Path | None, typer.Option("--analysis", "-a", help="analysis.json to serve.")] = None,
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    host: Annotated[str, typer.Option("--host", help="Address to bind; keep 127.0.0.1 unless you mean it.")] = "127.0.0.1",
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date for commitment status in the report.")] = None,
) -> None:
    """Serve the report at / and a read-only JSON API under /api/ (from analysis.json or a database)."""
    from rasd.interfaces.web import create_app

    day = _as_of(as_of)
    if analysis is None and db is None:
        db = Path(DEFAULT_DB)
    if analysis is not None and not analysis.is_file():
        raise _die(f"analysis file not found: {analysis}")
    if analysis is None and db is not None and not db.is_file():
        raise _die(f"database not found: {db} (give --db FILE or --analysis FILE)")
    try:
        web_app = create_app(db_path=db, analysis_path=analysis, as_of=day)
    except (ValueError, TypeError, KeyError, OSError) as e:
        raise _die(f"cannot load data: {e}") from None
    import uvicorn

    from rasd.interfaces.server import server_options

    typer.echo(f"rasd: serving on http://{host}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning", **server_options())
