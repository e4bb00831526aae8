"""Command-line interface. Each capability registers its commands in its own module here.

Modules in this package are imported for their side effect of adding commands to
``app``; a new capability adds a file, not an edit to a shared one.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

from rasd.interfaces.cli.app import app
from rasd.interfaces.cli.common import INTERRUPTED, interruptible


def _load_commands() -> None:
    for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if mod.name != "app":
            importlib.import_module(f"{__name__}.{mod.name}")
    _interruptible(app)


def _interruptible(group: typer.Typer) -> None:
    """Every command, in groups too: Ctrl-C gives one line and exit status 130.

    Done here, not per command, because click turns a ``KeyboardInterrupt`` that leaves a
    command into "Aborted!" with status 1 before ``main`` could see it.
    """
    for cmd in group.registered_commands:
        if cmd.callback is not None:
            cmd.callback = interruptible(cmd.callback)
    for g in group.registered_groups:
        if g.typer_instance is not None:
            _interruptible(g.typer_instance)


def main() -> None:
    _load_commands()
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("rasd: interrupted\n")
        raise SystemExit(INTERRUPTED) from None


__all__ = ["app", "main"]
