"""Word matching shared by the annotators and the story stage: stem readings of a token and
the word and phrase lists of resource files.

Moved here from ``annotators/events`` so the story stage reads words without importing the
event extractor; ``rasd.annotators.events`` re-exports them for its own callers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
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


@lru_cache(maxsize=1 << 16)
def _stems(word: str, known: frozenset[str] | None) -> tuple[tuple[int, str], ...]:
    return tuple((k, fold(s)) for k, s in strip_proclitics(word, known))


@cache
def word_list(name: str) -> frozenset[str]:
    """The folded words of a resource line file (one word or stem a line)."""
    return frozenset(fold(w) for w in load_lines(name))


@cache
def phrase_list(name: str) -> tuple[tuple[str, ...], ...]:
    """The folded multi-word phrases of a resource line file, longest first, without repeats."""
    return tuple(sorted({tuple(fold(w) for w in p.split()) for p in load_lines(name)}, key=lambda p: (-len(p), p)))


def phrase_starts(norms: Sequence[str], phrases: Sequence[tuple[str, ...]]) -> Iterator[int]:
    """Indexes of ``norms`` (folded words) where one of ``phrases`` starts, in order."""
    for i in range(len(norms)):
        if any(tuple(norms[i : i + len(p)]) == p for p in phrases):
            yield i
