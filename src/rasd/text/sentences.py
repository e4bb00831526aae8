"""Sentence splitting that keeps offsets.

Arabic news ends sentences with ``.``, ``!``, ``؟``/``?`` and paragraph breaks; full stops
inside numbers (2.5) and after known abbreviations (``resources/text/abbreviations.txt``)
do not end a sentence, and a quotation that is open continues the sentence.
"""

from __future__ import annotations

import re
from functools import cache

from rasd.resources import load_lines

SENTENCE_ENDS = ".!?؟"  # marks that end a sentence (the Arabic question mark among them)
CLAUSE_MARKS = frozenset(".,،;؛")  # marks that end a clause: the full stop, Latin and Arabic comma and semicolon
_END = re.compile(rf"[{re.escape(SENTENCE_ENDS)}]+[\"'»”’)\]]*|\n\s*\n|\n")


@cache
def _abbrev() -> frozenset[str]:
    return frozenset(load_lines("text/abbreviations.txt"))


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, whitespace trimmed, in order."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        tok = m.group()
        if tok.startswith(".") and len(tok) == 1:
            before = text[max(0, m.start() - 12) : m.start() + 1].split()[-1:] or [""]
            nxt = text[end : end + 1]
            if nxt.isdigit() and m.start() > 0 and text[m.start() - 1].isdigit():
                continue
            if before[0] in _abbrev():
                continue
        _push(text, start, end, out)
        start = end
    _push(text, start, len(text), out)
    return out


def _push(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))
