"""``rasd timex``: a quick look at the temporal expressions of a text."""

from __future__ import annotations

import datetime
import json
import re
import sys

import typer

from rasd.annotators.time import tag
from rasd.interfaces.cli.app import app
from rasd.models import to_dict

_DCT = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _valid_dct(value: str) -> bool:
    if not _DCT.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


@app.command()
def timex(
    text: str = typer.Argument(..., help='Arabic text, or "-" to read it from stdin.'),
    dct: str | None = typer.Option(None, "--dct", help="Publication date: YYYY-MM-DD, YYYY-MM or YYYY."),
    as_json: bool = typer.Option(False, "--json", help="Print the mentions as JSON instead of a table."),
) -> None:
    """Tag and normalise the temporal expressions of TEXT against the publication date."""
    if dct is not None and not _valid_dct(dct):
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
