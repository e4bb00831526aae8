"""Command-line interface. Each capability registers its commands in its own module here.

Modules in this package are imported for their side effect of adding commands to
``app``; a new capability adds a file, not an edit to a shared one.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

from rasd.interfaces.cli.app import app


def _load_commands() -> None:
    for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if mod.name != "app":
            importlib.import_module(f"{__name__}.{mod.name}")


def main() -> None:
    _load_commands()
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("rasd: interrupted\n")
        raise SystemExit(130) from None


__all__ = ["app", "main"]
