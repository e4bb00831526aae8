"""``rasd news --since D``: what is new in the store since a date (``rasd.interfaces.news``).

New incidents, new disagreements between sources, figures a later source updated, and
deadlines that passed or were replaced, newest first. ``--atom FILE`` writes the same items
as an Atom feed (what the web server serves at ``/feed.atom``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rasd.interfaces.cli.app import DEFAULT_DB, app
from rasd.interfaces.cli.common import JsonOpt, LimitOpt, emit
from rasd.interfaces.cli.core import CliError, DbOpt, _check_date, _existing_db, guarded
from rasd.interfaces.news import NewsItem, atom_feed, news_from_store, news_json
from rasd.store import open_store


@app.command()
@guarded
def news(
    since: Annotated[str, typer.Option("--since", help="First day YYYY-MM-DD of the news (by publication date).", callback=_check_date)],
    db: DbOpt = DEFAULT_DB,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Last day YYYY-MM-DD (default: today, UTC); deadlines pass relative to it.", callback=_check_date)] = None,
    atom: Annotated[Path | None, typer.Option("--atom", help="Also write the items as an Atom feed to this file.")] = None,
    limit: LimitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """What is new since --since: incidents, disagreements, updated figures, deadlines passed or replaced."""
    if as_of is not None and as_of < since:
        raise CliError(f"--as-of {as_of} is before --since {since}")
    with open_store(_existing_db(db), readonly=True) as store:
        items = news_from_store(store, since, as_of)
    if atom is not None:
        shown = items[:limit] if limit is not None else items
        tmp = atom.with_name(atom.name + ".tmp")
        tmp.write_bytes(atom_feed(shown, as_of=as_of))
        tmp.replace(atom)

    def render(rows: list[NewsItem]) -> None:
        for it in rows:
            typer.echo(f"{it.date}  [{it.kind}]  {it.title}")
            typer.echo(f"    {it.about}  " + " ".join(it.docs[:4]) + (" …" if len(it.docs) > 4 else ""))

    emit(items, limit=limit, as_json=as_json, to_json=lambda it: news_json([it])[0], render=render, empty=f"nothing new since {since}")
