"""Language knowledge lives in files beside the engines that use it.

``load_lines``/``load_table``/``load_json`` read them once and cache them, so adding a
synonym to a resource file never needs a code change. Files are UTF-8; in line files,
``#`` starts a comment and blank lines are ignored.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources as _res
from typing import Any

_PKG = "rasd.resources"


def read_text(name: str) -> str:
    """Raw text of a resource file, e.g. ``read_text("ar/calendar/months.tsv")``."""
    return _res.files(_PKG).joinpath(name).read_text(encoding="utf-8")


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a resource file, stripped."""
    out = []
    for line in read_text(name).splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return tuple(out)


@cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of a resource file (comments and blank lines skipped)."""
    rows = []
    for line in read_text(name).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.rstrip("\n").split("\t")))
    return tuple(rows)


def load_pairs(name: str) -> dict[str, str]:
    """``KEY<TAB>VALUE`` rows of a resource file as a dict (a later row wins; rows with no
    value skipped): the shape of every label, template and mapping table."""
    return {r[0]: r[1] for r in load_table(name) if len(r) >= 2}


@cache
def load_json(name: str) -> Any:
    return json.loads(read_text(name))
