"""Normalisation for matching, with a map back to the original characters.

Arabic news spells the same word many ways (أ/إ/ا, ى/ي, ة/ه, diacritics, tatweel,
Arabic-Indic digits). Every matcher works on the folded text; the map turns a match in
the folded text back into the exact original characters, so offsets stay sacred.
The folding rules are data (``resources/text/normalize.tsv`` and ``delete_ranges.txt``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasd.resources import load_lines, load_table


@cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for row in load_table("text/normalize.tsv"):
        src = row[0]
        dst = row[1] if len(row) > 1 else ""
        if len(src) != 1:
            raise ValueError(f"normalize.tsv: source must be one character, got {src!r}")
        table[ord(src)] = dst
    for line in load_lines("text/delete_ranges.txt"):
        lo, _, hi = line.partition("-")
        for cp in range(int(lo, 16), int(hi or lo, 16) + 1):
            table[cp] = ""
    return table


@dataclass(frozen=True)
class NormText:
    """Folded text plus ``map``: ``map[i]`` is the original index of folded char ``i``.

    ``map`` has one extra entry, the original length, so that ``span`` works for
    end offsets.
    """

    original: str
    text: str
    map: tuple[int, ...]

    def orig_index(self, i: int) -> int:
        return self.map[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` covering folded ``[start, end)``.

        The end maps to just past the original character of the last folded character,
        so deleted marks (diacritics) after it stay outside; an empty range stays empty.
        """
        if end <= start:
            o = self.map[start]
            return o, o
        o_start = self.map[start]
        last = self.map[end - 1]
        # extend over an expansion (one original char -> several folded chars)
        o_end = last + 1
        # include diacritics that directly follow the last kept character
        table = _table()
        n = len(self.original)
        while o_end < n and table.get(ord(self.original[o_end]), None) == "" and not self.original[o_end].isspace():
            o_end += 1
        return o_start, o_end


def normalize(text: str) -> NormText:
    """Fold ``text`` for matching and keep the offset map (see ``NormText``)."""
    table = _table()
    out: list[str] = []
    mp: list[int] = []
    for i, ch in enumerate(text):
        rep = table.get(ord(ch))
        if rep is None:
            out.append(ch)
            mp.append(i)
        elif rep:
            out.append(rep)
            mp.extend([i] * len(rep))
    mp.append(len(text))
    return NormText(text, "".join(out), tuple(mp))


def fold(text: str) -> str:
    """Folded text only, for keys and lookups where offsets are not needed."""
    return text.translate(_table())
