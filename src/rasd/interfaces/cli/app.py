"""The one Typer application that every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="rasd",
    help="rasd (رصد): Arabic news monitoring — clean articles, time, entities, quotes, events, commitments, conflicts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DEFAULT_DB = "rasd.db"
