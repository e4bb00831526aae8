"""Word matching shared by the annotators and the story stage: stem readings of a token and
the word and phrase lists of resource files.

Moved here from ``annotators/events`` so the story stage reads words without importing the
event extractor; ``rasd.annotators.events`` re-exports them for its own callers.
"""

from __future__ import annotations

from collections.abc import Container, Iterator, Sequence
from functools import cache, lru_cache

from rasd.resources import load_lines
from rasd.text.normalize import fold
from rasd.text.tokens import Token, strip_proclitics


def stems(tok: Token, known: frozenset[str] | set[str] | None = None) -> tuple[tuple[int, str], ...]:
    """Readings of a token as ``(chars stripped, folded stem)``; first is the whole token.

    Remembered per word (events and the claim and commitment views ask for the same words
    millions of times on a big page)."""
    if known is None or isinstance(known, frozenset):
        return _stems(tok.text, known)
    return tuple((k, fold(s)) for k, s in strip_proclitics(tok.text, known))


@lru_cache(maxsize=1 << 18)  # a corpus of a few thousand articles has ~10^5 distinct words
def _stems(word: str, known: frozenset[str] | None) -> tuple[tuple[int, str], ...]:
    return tuple((k, fold(s)) for k, s in strip_proclitics(word, known))


MEMO_LIMIT = 1 << 18  # distinct words a ``StemHits`` remembers before it starts afresh


class StemHits:
    """The readings (``stems(tok)``, in order) of a word whose stem is a key of ``keys``,
    remembered per word: a matcher that scans every token of every sentence for a few
    hundred first words pays one dictionary look-up per token instead of a stem walk.
    Same readings as filtering ``stems(tok)`` (or ``stems(tok, frozenset(keys))``) by
    ``keys``, so a matcher's results do not change."""

    def __init__(self, keys: Container[str]) -> None:
        self.keys = keys
        self._memo: dict[str, tuple[tuple[int, str], ...]] = {}

    def __call__(self, tok: Token) -> tuple[tuple[int, str], ...]:
        got = self._memo.get(tok.text)
        if got is None:
            if len(self._memo) >= MEMO_LIMIT:
                self._memo.clear()
            got = self._memo[tok.text] = tuple((k, s) for k, s in _stems(tok.text, None) if s in self.keys)
        return got


@cache
def word_list(name: str) -> frozenset[str]:
    """The folded words of a resource line file (one word or stem a line)."""
    return frozenset(fold(w) for w in load_lines(name))


@cache
def phrase_list(name: str) -> tuple[tuple[str, ...], ...]:
    """The folded multi-word phrases of a resource line file, longest first, without repeats."""
    return tuple(sorted({tuple(fold(w) for w in p.split()) for p in load_lines(name)}, key=lambda p: (-len(p), p)))


def phrase_starts(norms: Sequence[str], phrases: Sequence[tuple[str, ...]]) -> Iterator[int]:
    """Indexes of ``norms`` (folded words) where one of ``phrases`` starts, in order.

    Phrases are looked up by their first word (one dictionary look-up per word, not one
    comparison per phrase); an empty phrase starts everywhere, as a slice comparison says."""
    by_first = _by_first(phrases)
    if by_first is None:
        yield from range(len(norms))
        return
    for i, w in enumerate(norms):
        cands = by_first.get(w)
        if cands is not None and any(len(p) == 1 or tuple(norms[i : i + len(p)]) == p for p in cands):
            yield i


_FIRST: dict[int, tuple[Sequence[tuple[str, ...]], dict[str, list[tuple[str, ...]]] | None]] = {}


def _by_first(phrases: Sequence[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]] | None:
    """``phrases`` by first word (``None`` when one is empty), built once per phrase list
    (keyed by identity: the lists come from the cached ``phrase_list``)."""
    got = _FIRST.get(id(phrases))
    if got is not None and got[0] is phrases:
        return got[1]
    idx: dict[str, list[tuple[str, ...]]] | None = None
    if all(phrases):
        idx = {}
        for p in phrases:
            idx.setdefault(p[0], []).append(p)
    if len(_FIRST) > 256:
        _FIRST.clear()
    _FIRST[id(phrases)] = (phrases, idx)  # holding the list keeps its id from being reused
    return idx
