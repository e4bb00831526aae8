"""Outlet names: which news outlet or agency published a page.

The names and their variants are data (``resources/entities/outlets.tsv``, the one outlet
list: entity typing and the map export read it too, through :func:`variants`). The engine only
knows *where* an outlet name is trustworthy on a page: a copyright line ("© 2025 X"), a
source line ("المصادر: X، وكالات"), a line that is nothing but the name (a signature or
masthead), "محتوى X" in a newsletter prompt (the words before the name are
``resources/ingest/self_reference_words.txt``), and self-references such as "لـ«X»" ("told X").
Names mentioned in running text (an agency being quoted) are never taken as the outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rasd.resources import load_lines, load_table
from rasd.text import fold
from rasd.text.clitics import proclitic

_PUNCT = re.compile(r"[\"'«»“”()\[\].:،,؛;!?\-–—]+")


def key(s: str) -> str:
    """How outlet names are compared: folded, lower case, punctuation as spaces."""
    return " ".join(_PUNCT.sub(" ", fold(s).lower()).split())


@dataclass(frozen=True)
class _Outlets:
    strong: dict[str, str]  # key -> canonical name
    weak: dict[str, str]
    self_ref: re.Pattern[str]
    content_ref: re.Pattern[str]


OUTLETS_FILE = "entities/outlets.tsv"
SELF_REFERENCE_FILE = "ingest/self_reference_words.txt"  # "محتوى X": the page names its own outlet


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
        target.setdefault(key(variant), canonical)
    names = sorted(strong, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    # "لـ«X»" / "لـ "X"" : told to the outlet; folded text turns «» into " and drops the tatweel
    self_ref = re.compile(rf'(?<!\w){proclitic("to")}\s*"\s*({alt})\s*"')
    words = sorted({key(w) for w in load_lines(SELF_REFERENCE_FILE)}, key=lambda w: (-len(w), w))
    content_ref = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})\s+({alt})(?!\w)")
    return _Outlets(strong, weak, self_ref, content_ref)


def canonical(name: str, *, allow_weak: bool = True) -> str | None:
    """Canonical outlet for a name or code (``aawsat`` -> ``الشرق الأوسط``), or ``None``."""
    o = _outlets()
    k = key(name)
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


_SOURCE_SPLIT = re.compile(rf"[،,؛;/|]| {proclitic('and')}(?=\S)")  # "العربي، صحافة أجنبية ووكالات"


def from_sources(line: str) -> str | None:
    """The first known outlet of a source list ("العربي، صحافة أجنبية، وكالات")."""
    for part in _SOURCE_SPLIT.split(line):
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
            return o.strong.get(key(m.group(1)))
    return None
