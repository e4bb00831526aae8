"""The one Typer application that every command module registers on."""

from __future__ import annotations

import typer

from rasd.resources import load_pairs

LABELS = "cli/labels.tsv"  # the Arabic words the command line prints


def label(key: str) -> str:
    """An Arabic word the command line prints (``label("article_text")`` is نص الخبر)."""
    return load_pairs(LABELS)[key]


app = typer.Typer(
    name="rasd",
    help=f"rasd ({label('name')}): Arabic news monitoring — clean articles, time, entities, quotes, events, commitments, conflicts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DEFAULT_DB = "rasd.db"
