"""What several commands share: Ctrl-C handling, the listing options, the trainers' ``--out`` rule.

Listing commands (``entities``, ``quotes``, ``timeline``, ``commitments``, ``conflicts``,
``search``) take ``--limit N`` and ``--json``; ``emit`` is the one place that applies the
limit and prints either the text view or one JSON list on stdout, so ``rasd X --json``
always parses with ``json.loads`` and holds exactly the rows the text view would show.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

import rasd

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

INTERRUPTED = 130  # the shell's status for a process stopped by SIGINT (128 + 2)

LimitOpt = Annotated[int | None, typer.Option("--limit", min=1, help="Show at most this many.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON list on stdout instead of text.")]


class Interrupted(KeyboardInterrupt):
    """Ctrl-C, with a word on what the interrupted command leaves behind."""


def interruptible(fn: F) -> F:
    """Ctrl-C anywhere in the command: one line on stderr and exit status 130, no traceback."""
    if getattr(fn, "_rasd_interruptible", False):
        return fn

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except KeyboardInterrupt as e:
            why = str(e) if isinstance(e, Interrupted) and str(e) else ""
            sys.stderr.write("rasd: interrupted" + (f"; {why}" if why else "") + "\n")
            raise typer.Exit(INTERRUPTED) from None

    wrapper._rasd_interruptible = True  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def from_interrupt(exc: BaseException) -> bool:
    """Whether ``exc`` was raised while handling Ctrl-C (e.g. a rollback that failed then)."""
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        if isinstance(e, KeyboardInterrupt):
            return True
        seen.add(id(e))
        e = e.__cause__ or e.__context__
    return False


def emit(
    rows: Sequence[T],
    *,
    limit: int | None,
    as_json: bool,
    to_json: Callable[[T], Any],
    render: Callable[[list[T]], None],
    empty: str,
) -> None:
    """Print the first ``limit`` of ``rows``: a JSON list with ``as_json``, else ``render`` them.

    With no rows the JSON form is ``[]`` and the text form says ``empty`` on stderr
    (exit status 0: an empty answer is an answer).
    """
    shown = list(rows[:limit] if limit is not None else rows)
    if as_json:
        sys.stdout.write(json.dumps([to_json(r) for r in shown], ensure_ascii=False, indent=1) + "\n")
        return
    if not shown:
        sys.stderr.write(f"{empty}\n")
        return
    render(shown)


def package_dir() -> Path:
    return Path(rasd.__file__).resolve().parent


def model_out(out: Path | None, shipped: Path, force: bool) -> Path:
    """Where a trainer may write: an explicit ``--out`` outside the installed package, or
    anywhere (the shipped model included) with ``--force``; never the shipped model by default."""
    if out is None and not force:
        raise ValueError(f"give --out FILE for the new model, or --force to overwrite the shipped one ({shipped})")
    target = (out or shipped).resolve()
    if not force and target.is_relative_to(package_dir()):
        raise ValueError(f"--out {out} is inside the installed package; choose a path outside it, or add --force")
    return out or shipped
