"""``rasd timex``: a quick look at the temporal expressions of a text."""

from __future__ import annotations

import json
import sys

import typer

from rasd.annotators.time import tag
from rasd.interfaces.cli.app import app
from rasd.interfaces.dates import calendar_date
from rasd.models import to_dict


@app.command()
def timex(
    text: str = typer.Argument(..., help='Arabic text, or "-" to read it from stdin.'),
    dct: str | None = typer.Option(None, "--dct", help="Publication date: YYYY-MM-DD, YYYY-MM or YYYY."),
    as_json: bool = typer.Option(False, "--json", help="Print the mentions as JSON instead of a table."),
) -> None:
    """Tag and normalise the temporal expressions of TEXT against the publication date."""
    if dct is not None and not calendar_date(dct):
        sys.stderr.write(f"rasd timex: --dct must look like 2024-09-28, 2024-09 or 2024, not {dct!r}\n")
        raise typer.Exit(2)
    if text == "-":
        text = sys.stdin.read()
    found = tag(text, dct)
    if as_json:
        sys.stdout.write(json.dumps([to_dict(t) for t in found], ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("span", "text", "type", "value", "mod", "deadline")
    for t in found:
        value = t.value or "null"
        if t.range_end:
            value += f" → {t.range_end}"
        if t.calendar:
            value += f" ({t.calendar} {t.original})"
        table.add_row(f"{t.start}-{t.end}", t.text, t.type, value, t.mod or "", "yes" if t.deadline else "")
    Console().print(table)
