"""``rasd clean``: show what ingest makes of pages (documents, furniture, dates), no store.

Useful to check a new site's pages before analysing them: every removed block is listed
with its kind, and the publication date with how it was found.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from rasd.ingest import IngestError, documents_from_page, iter_pages
from rasd.interfaces.cli.app import app
from rasd.models import to_dict


@app.command()
def clean(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    date: Annotated[str | None, typer.Option(help="Publication date for a single input (YYYY-MM-DD).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document per line.")] = False,
    removed: Annotated[bool, typer.Option("--removed", help="Also list removed furniture.")] = False,
    text: Annotated[bool, typer.Option("--text", help="Print only the kept body of each document (a form-feed line between documents).")] = False,
) -> None:
    """Clean and segment pages and print the documents (nothing is stored)."""
    if text and (as_json or removed):
        sys.stderr.write("rasd: --text prints only the kept body; it does not combine with --json or --removed\n")
        raise typer.Exit(2)
    failures = 0
    bodies = 0
    for item in iter_pages(inputs, date=date):
        if isinstance(item, IngestError):
            failures += 1
            sys.stderr.write(f"rasd: {item}\n")
            continue
        try:
            docs = documents_from_page(item)
        except Exception as e:  # one odd page must not stop the batch
            failures += 1
            sys.stderr.write(f"rasd: {item.source}: cleaning failed: {e.__class__.__name__}\n")
            continue
        for d in docs:
            if text:
                sys.stdout.write(("\f\n" if bodies else "") + d.text.rstrip("\n") + "\n")
                bodies += 1
                continue
            if as_json:
                out = to_dict(d)
                out.pop("page_spans", None)
                sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
                continue
            p = d.published
            sys.stdout.write(f"== {d.source}#{d.part}  {d.id}\n")
            sys.stdout.write(f"title:     {d.title}\n")
            sys.stdout.write(f"outlet:    {d.outlet or '-'}\n")
            sys.stdout.write(f"published: {p.value or '-'} ({p.method}, {p.confidence:.2f})\n")
            for w in p.warnings + d.warnings:
                sys.stdout.write(f"warning:   {w}\n")
            sys.stdout.write(f"language:  {d.language}   body: {len(d.text)} chars\n")
            if removed:
                for r in d.removed:
                    first = r.text.split("\n", 1)[0]
                    sys.stdout.write(f"  - [{r.kind}] {first[:100]}\n")
            sys.stdout.write("\n")
    if failures:
        raise typer.Exit(1)
