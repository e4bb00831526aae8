"""Outlet names: which news outlet or agency published a page.

The names and their variants are data (``resources/entities/outlets.tsv``, the one outlet
list: entity typing and the map export read it too, through :func:`variants`). The engine only
knows *where* an outlet name is trustworthy on a page: a copyright line ("© 2025 X"), a
source line ("المصادر: X، وكالات"), a line that is nothing but the name (a signature or
masthead), "محتوى X" in a newsletter prompt, and self-references such as "لـ«X»" ("told X").
Names mentioned in running text (an agency being quoted) are never taken as the outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rasd.resources import load_table
from rasd.text import fold


def _key(s: str) -> str:
    s = fold(s).lower()
    s = re.sub(r"[\"'«»“”()\[\].:،,؛;!?\-–—]+", " ", s)
    return " ".join(s.split())


@dataclass(frozen=True)
class _Outlets:
    strong: dict[str, str]  # key -> canonical name
    weak: dict[str, str]
    self_ref: re.Pattern[str]
    content_ref: re.Pattern[str]


OUTLETS_FILE = "entities/outlets.tsv"


@cache
def variants() -> tuple[tuple[str, str, bool], ...]:
    """``(canonical, variant, weak)`` for every row of the outlet list, in file order."""
    return tuple((r[0], r[1], len(r) > 2 and r[2] == "weak") for r in load_table(OUTLETS_FILE) if len(r) >= 2)


@cache
def _outlets() -> _Outlets:
    strong: dict[str, str] = {}
    weak: dict[str, str] = {}
    for canonical, variant, is_weak in variants():
        target = weak if is_weak else strong
        target.setdefault(_key(variant), canonical)
    names = sorted(strong, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    # "لـ«X»" / "لـ "X"" : told to the outlet; folded text turns «» into "
    self_ref = re.compile(rf'(?<!\w)لـ?\s*"\s*({alt})\s*"')
    content_ref = re.compile(rf"(?<!\w)(?:محتوي|موقع|منصه|صحيفه|جريده)\s+({alt})(?!\w)")
    return _Outlets(strong, weak, self_ref, content_ref)


def canonical(name: str, *, allow_weak: bool = True) -> str | None:
    """Canonical outlet for a name or code (``aawsat`` -> ``الشرق الأوسط``), or ``None``."""
    o = _outlets()
    k = _key(name)
    return o.strong.get(k) or (o.weak.get(k) if allow_weak else None)


def from_line(line: str) -> str | None:
    """Outlet when a line is just its name (a masthead or signature line)."""
    if len(line) > 60:
        return None
    return canonical(line, allow_weak=False)


_COPY = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]?\s*)*(?:\d{4})?\s*(.+?)(?:[.,،]|$)", re.IGNORECASE)


def from_copyright(line: str) -> str | None:
    """"© 2025 X. كل الحقوق محفوظة" -> X (canonical when known, else as written)."""
    m = _COPY.match(line.strip())
    if not m:
        return None
    name = m.group(1).strip()
    return canonical(name) or (name if 0 < len(name) <= 40 else None)


def from_sources(line: str) -> str | None:
    """The first known outlet of a source list ("العربي، صحافة أجنبية، وكالات")."""
    for part in re.split(r"[،,؛;/|]| و(?=\S)", line):
        c = canonical(part.strip())
        if c:
            return c
    return None


def from_text(text: str) -> str | None:
    """Self-references in prose or furniture: "لـ«X»", "محتوى X"."""
    o = _outlets()
    f = fold(text).lower()
    for rx in (o.content_ref, o.self_ref):
        m = rx.search(f)
        if m:
            return o.strong.get(_key(m.group(1)))
    return None
