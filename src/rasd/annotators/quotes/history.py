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
from dataclasses import dataclass, field, replace
from functools import cache

from rasd.models import Speaker
from rasd.resources import load_lines
from rasd.text import fold
from rasd.text.clitics import article, chain, conjunctions, definite_chains, particle, proclitic

PER_HEAD = 64  # speakers kept per head word
CLITICS = conjunctions()
DEF = definite_chains(kaf=False)
_FROM = particle("from")
_ART, _TO, _TO_ART = article(), proclitic("to"), chain("to", "the")


def bare(w: str) -> list[str]:
    """``w`` and ``w`` without a leading و/ف."""
    out = [w]
    if len(w) > 2 and w[0] in CLITICS:
        out.append(w[1:])
    return out


def after_l(w: str) -> str:
    """``للمصدر`` → ``المصدر`` (ل before the article, whose alif it elides); ``لمصدر`` → ``مصدر``."""
    if w.startswith(_TO_ART):
        return _ART + w[len(_TO_ART) :]
    return w[len(_TO) :] if w.startswith(_TO) and len(w) > 3 else w


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
    _by_head: dict[str, deque[tuple[int, frozenset[str], Speaker]]] = field(default_factory=dict)

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
            q.append((idx, bag, spk))
        if (owner := _owner(spk)) is not None:  # "بيانات من إدارة X" … "وقالت الإدارة": the body
            q = self._by_head.setdefault(nodef(bare(fold(owner.text.split()[0]))[-1]), deque(maxlen=PER_HEAD))
            q.append((idx, bag, owner))

    def antecedent(self, head: str, extra: set[str]) -> Speaker | None:
        """The latest speaker filed under ``head`` that shares most words with ``extra``."""
        best: tuple[int, Speaker] | None = None
        for _, bag, spk in self._by_head.get(head, ()):
            score = len(extra & bag)
            if best is None or score >= best[0]:
                best = (score, spk)
        return None if best is None else best[1]


def _owner(spk: Speaker) -> Speaker | None:
    """The body that owns data quoted as a speaker (``بيانات من إدارة X``, ``أرقام وزارة Y``):
    a later definite mention of that body (``الإدارة``) refers to it, not to the data."""
    words = spk.text.split()
    if len(words) < 3 or spk.start < 0 or nodef(bare(fold(words[0]))[-1]) not in data_sources():
        return None
    skip = 2 if fold(words[1]) == _FROM else 1
    if len(words) <= skip:
        return None
    off = len(" ".join(words[:skip])) + 1
    if spk.text[off - 1] != " ":
        return None  # words split on other white space than one blank: offsets would drift
    return replace(spk, text=spk.text[off:], start=spk.start + off, role=None)


@cache
def data_sources() -> frozenset[str]:
    """Data and documents that can speak (``quotes/data_sources.txt``), folded, no article."""
    return frozenset(nodef(fold(x)) for x in load_lines("quotes/data_sources.txt"))
