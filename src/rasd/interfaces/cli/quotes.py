"""``rasd quotes``: everything one person said across the corpus, oldest first.

Reads the store (``--db``, the default) or an ``analysis.json`` (``--analysis``). A speaker
matches when the folded query occurs in the speaker's name, role or linked entity name, so
``--speaker السوداني`` finds "محمد شياع السوداني" and "رئيس الوزراء السوداني".
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

from rasd.interfaces.cli.app import DEFAULT_DB, app
from rasd.interfaces.cli.common import JsonOpt, LimitOpt, emit
from rasd.models import to_dict
from rasd.store import is_url, open_store
from rasd.text import fold


def _fail(msg: str, code: int = 1) -> None:
    sys.stderr.write(f"rasd quotes: {msg}\n")
    raise typer.Exit(code)


def _from_analysis(path: Path) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]], dict[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        _fail(f"no such file: {path}")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        _fail(f"cannot read {path} as analysis JSON: {exc}")
    if not isinstance(data, dict):
        _fail(f"{path} is not an analysis.json object")
    docs = {d["id"]: d for d in data.get("documents", []) if isinstance(d, dict) and "id" in d}
    names = {e["id"]: e.get("name", "") for e in data.get("entities", []) if isinstance(e, dict) and "id" in e}
    quotes = [q for q in (data.get("mentions") or {}).get("quotes", []) if isinstance(q, dict)]
    return quotes, docs, names


def _from_store(db: str) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]], dict[str, str]]:
    if not is_url(db) and not Path(db).exists():
        _fail(f"no database at {db} (run `rasd analyze … --db {db}` first, or pass --analysis FILE)")
    try:
        with open_store(db, readonly=True) as store:
            mentions = store.load_mentions()
            docs = {d.id: to_dict(d) for d in store.iter_documents()}
            names = {e.id: e.name for e in store.load_views().entities}
    except Exception as exc:  # a broken or foreign file
        _fail(f"cannot read the database {db}: {exc}")
    return [to_dict(q) for q in mentions.quotes], docs, names


def _matches(q: dict[str, Any], key: str, names: dict[str, str]) -> bool:
    spk = q.get("speaker") or {}
    hay = [spk.get("text") or "", spk.get("role") or "", names.get(spk.get("entity") or "", "")]
    return any(key in fold(h) for h in hay if h)


def select(
    quotes: list[dict[str, Any]], docs: dict[str, dict[str, Any]], names: dict[str, str], speaker: str | None
) -> list[dict[str, Any]]:
    """Quotes by ``speaker`` (all when None) with their text, sorted oldest first."""
    key = fold(speaker).strip() if speaker else ""
    rows = []
    for q in quotes:
        if key and not _matches(q, key, names):
            continue
        doc = docs.get(q.get("doc", ""), {})
        text = doc.get("text", "")
        c = q.get("content") or {}
        date = q.get("date") or ((doc.get("published") or {}).get("value")) or ""
        rows.append(
            {
                "date": date,
                "doc": q.get("doc", ""),
                "speaker": (q.get("speaker") or {}).get("text", ""),
                "role": (q.get("speaker") or {}).get("role"),
                "cue": q.get("cue", ""),
                "polarity": q.get("polarity", "assert"),
                "direct": q.get("direct", False),
                "content": text[c.get("start", 0) : c.get("end", 0)] if text else "",
                "start": q.get("start", 0),
            }
        )
    rows.sort(key=lambda r: (r["date"] == "", r["date"], r["doc"], r["start"]))
    return rows


@app.command()
def quotes(
    speaker: str | None = typer.Option(None, "--speaker", "-s", help="Name, part of a name or role to match."),
    db: str = typer.Option(DEFAULT_DB, "--db", envvar="RASD_DB", help="SQLite database written by `rasd analyze`."),
    analysis: str | None = typer.Option(None, "--analysis", help="Read an analysis.json instead of the database."),
    limit: LimitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List what SPEAKER said across the corpus, oldest first (everyone when omitted)."""
    if speaker is not None and not fold(speaker).strip():
        _fail("--speaker is empty", 2)
    quotes_, docs, names = _from_analysis(Path(analysis)) if analysis is not None else _from_store(db)
    rows = select(quotes_, docs, names, speaker)

    def render(shown: list[dict[str, Any]]) -> None:
        from rich.console import Console
        from rich.table import Table

        table = Table("date", "speaker", "cue", "polarity", "said")
        for r in shown:
            who = r["speaker"] + (f" ({r['role']})" if r["role"] else "")
            said = ("«" + r["content"] + "»") if r["direct"] else r["content"]
            table.add_row(r["date"] or "?", who, r["cue"], r["polarity"], said)
        Console().print(table)

    empty = "rasd quotes: no quotes found" + (f" for {speaker!r}" if speaker else "")
    emit(rows, limit=limit, as_json=as_json, to_json=lambda r: r, render=render, empty=empty)
