"""Interval look-ups over mention spans, so annotators never scan every mention per item.

An annotator that asks "which entity covers this token?" or "does a time expression
overlap this number?" once per item, by walking the whole mention list, is quadratic on a
big page. ``SpanIndex`` sorts the spans once and answers those questions with bisection.
Answers that list items keep the caller's original order, so rules that take "the first
mention that fits" choose exactly what a plain scan would.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Items with ``start``/``end`` offsets (``key`` reads them), sorted once by start."""

    def __init__(self, items: Iterable[T], key: Callable[[T], tuple[int, int]] | None = None) -> None:
        get = key or (lambda x: (x.start, x.end))  # type: ignore[attr-defined]
        rows = sorted(((*get(x), i, x) for i, x in enumerate(items)), key=lambda r: (r[0], r[2]))
        self._starts = [r[0] for r in rows]
        self._ends = [r[1] for r in rows]
        self._order = [r[2] for r in rows]
        self._items: list[T] = [r[3] for r in rows]
        self._reach: list[int] = []  # _reach[i]: the largest end among rows 0..i
        top = -(1 << 62)
        for e in self._ends:
            top = max(top, e)
            self._reach.append(top)

    def __len__(self) -> int:
        return len(self._items)

    def overlaps_any(self, start: int, end: int) -> bool:
        """Some item has ``item.start < end and start < item.end``."""
        k = bisect_left(self._starts, end)
        return k > 0 and self._reach[k - 1] > start

    def _back(self, k: int, floor: int) -> Iterator[int]:
        """Row indexes below ``k`` whose end may exceed ``floor``, walking back until no
        earlier row reaches past it."""
        i = k - 1
        while i >= 0 and self._reach[i] > floor:
            if self._ends[i] > floor:
                yield i
            i -= 1

    def overlapping(self, start: int, end: int) -> list[T]:
        """Items with ``item.start < end and start < item.end``, in the original order."""
        rows = sorted(self._back(bisect_left(self._starts, end), start), key=self._order.__getitem__)
        return [self._items[i] for i in rows]

    def containing(self, pos: int) -> list[T]:
        """Items with ``item.start <= pos < item.end``, in the original order."""
        rows = sorted(self._back(bisect_right(self._starts, pos), pos), key=self._order.__getitem__)
        return [self._items[i] for i in rows]

    def within(self, start: int, end: int) -> list[T]:
        """Items with ``start <= item.start`` and ``item.end <= end``, in the original order."""
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end + 1)
        rows = sorted((i for i in range(lo, hi) if self._ends[i] <= end), key=self._order.__getitem__)
        return [self._items[i] for i in rows]

    def starting_in(self, start: int, end: int) -> list[T]:
        """Items with ``start <= item.start < end``, in the original order."""
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [self._items[i] for i in sorted(range(lo, hi), key=self._order.__getitem__)]
