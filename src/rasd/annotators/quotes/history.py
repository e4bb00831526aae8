"""Earlier speakers of a document, indexed so a definite mention finds its antecedent fast.

``وقال المسؤول`` refers back to the latest speaker whose head word is ``مسؤول``; among
several, the one sharing most of the mention's other words. Comparing every mention with
every earlier speaker made a long page quadratic (a 2 MB page ran for minutes). Here each
speaker's words are folded once, when it is remembered, and filed under its head words; a
look-up reads only the speakers filed under its own head, and only the latest ``PER_HEAD``
of them (a bounded look-back: a news article never has that many speakers sharing a head
word, so ordinary documents get exactly the answer of a full scan).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from rasd.models import Speaker
from rasd.text import fold
from rasd.text.clitics import conjunctions, definite_chains

PER_HEAD = 64  # speakers kept per head word
CLITICS = conjunctions()
DEF = definite_chains(kaf=False)


def bare(w: str) -> list[str]:
    """``w`` and ``w`` without a leading و/ف."""
    out = [w]
    if len(w) > 2 and w[0] in CLITICS:
        out.append(w[1:])
    return out


def nodef(w: str) -> str:
    """``w`` without the article and the particles glued before it."""
    for p in DEF:
        if w.startswith(p) and len(w) - len(p) >= 2:
            return w[len(p) :]
    return w


@dataclass
class SpeakerIndex:
    """Speakers in the order they were quoted, with their head-word index."""

    items: list[tuple[int, Speaker]] = field(default_factory=list)  # (cue token, speaker)
    named: set[int] = field(default_factory=set)  # start offsets of speakers named so far
    _by_head: dict[str, deque[tuple[int, frozenset[str]]]] = field(default_factory=dict)

    def add(self, k: int, spk: Speaker) -> None:
        """Remember ``spk``, quoted by the cue at token ``k``."""
        idx = len(self.items)
        self.items.append((k, spk))
        self.named.add(spk.start)
        words = [nodef(bare(fold(w))[-1]) for w in spk.text.split() if not w.isdigit()]
        role_words = [nodef(fold(w)) for w in (spk.role or "").split()]
        bag = frozenset((*words, *role_words))
        for head in {*words[:1], *role_words[:1]}:
            q = self._by_head.setdefault(head, deque(maxlen=PER_HEAD))
            q.append((idx, bag))

    def antecedent(self, head: str, extra: set[str]) -> Speaker | None:
        """The latest speaker filed under ``head`` that shares most words with ``extra``."""
        best: tuple[int, int] | None = None
        for idx, bag in self._by_head.get(head, ()):
            score = len(extra & bag)
            if best is None or score >= best[0]:
                best = (score, idx)
        return None if best is None else self.items[best[1]][1]
