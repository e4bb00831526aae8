"""Tolls an article says are none ("ولم يصب أحد"، "دون وقوع إصابات"): a slot value of 0.

A phrase of ``story/zero_tolls.tsv`` says the happening left no one of its slot; the figure
reader (``story.figures``) gives 0 to the report that owns the phrase's sentence, as it would
own a figure said there. An outlet that gives a number for that slot disagrees (docs/
incidents_gold.md records such a 0). A phrase followed by a word that leaves some of the slot
("دون إصابات خطيرة"، "إصابات بشرية تذكر") says no zero. A sentence whose folded text holds no phrase's last word is
not read word by word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from rasd.resources import load_table
from rasd.story import SLOT_KEYS
from rasd.story.figure_text import Phrase, Word, _hit
from rasd.text import fold

_PARTIAL, _SKIP = "-", "~"
PARTIAL_REACH = 2  # words after a phrase where a word leaving some of the slot is looked for


@cache
def _phrases() -> dict[str, tuple[tuple[str, Phrase], ...]]:
    """``first folded word -> ((slot, phrase), …)``, longest phrase first."""
    out: dict[str, list[tuple[str, Phrase]]] = {}
    for r in load_table("story/zero_tolls.tsv"):
        if len(r) >= 2 and r[0] in SLOT_KEYS:
            p = tuple(fold(w) for w in r[1].split())
            out.setdefault(p[0], []).append((r[0], p))
    return {k: tuple(sorted(v, key=lambda x: -len(x[1]))) for k, v in out.items()}


@cache
def _marked(mark: str) -> frozenset[str]:
    """The folded words of the rows with ``mark`` for a slot (``-``: leaves some; ``~``: skipped)."""
    return frozenset(fold(r[1]) for r in load_table("story/zero_tolls.tsv") if len(r) >= 2 and r[0] == mark)


def _match(words: Sequence[Word], k: int, p: Phrase) -> int:
    """The index after ``p`` read from word ``k`` (skipped words allowed after its first), else -1."""
    for n, w in enumerate(p):
        while n and k < len(words) and w not in words[k][2] and _hit(words[k], _marked(_SKIP)):
            k += 1
        if k >= len(words) or w not in words[k][2]:
            return -1
        k += 1
    return k


@cache
def screen() -> re.Pattern[str] | None:
    """Any phrase's last word as a substring of a folded sentence (``None``: no phrases)."""
    keys = sorted({p[-1] for v in _phrases().values() for _, p in v}, key=lambda k: (-len(k), k))
    return re.compile("|".join(map(re.escape, keys))) if keys else None


def zero_tolls(words: Sequence[Word]) -> list[tuple[str, int, int]]:
    """``(slot, start, end)`` of each phrase of a sentence's words that says no one of a slot."""
    out: list[tuple[str, int, int]] = []
    k = 0
    while k < len(words):
        ends = [(_match(words, k, p), s) for h in sorted(words[k][2]) for s, p in _phrases().get(h, ())]
        end, slot = max(ends, default=(-1, ""))
        if end < 0:
            k += 1
            continue
        if not any(_hit(w, _marked(_PARTIAL)) for w in words[end : end + PARTIAL_REACH]):
            out.append((slot, words[k][0], words[end - 1][1]))
        k = end
    return out
