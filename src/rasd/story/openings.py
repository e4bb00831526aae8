"""Whether two articles open on one story: the idf-weighted cosine of the words of their
titles and first lines.

Incidents are grouped report by report against each incident's running profile, so a long
campaign (a week of attacks in one country, a front line's daily shelling) can gather
reports of several happenings into one incident. Their figures must not be set against each
other: two sources disagree only when their articles also open alike (``SAME_STORY``), as
two outlets' stories on one happening do — a title and lead name its place, its kind and its
victims in the same rare words. Words weigh by the articles whose report sentences use them
(``incidents.doc_counts``, what incident resolution weighs by), so the same store gives the
same answer however its pages arrived; smoothed (``1 + log``) so that in a store of a few
articles the words two of them share still count. An article's opening is read when a
disagreement first asks for it; one cosine per pair of reports looked at.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from rasd.story.report_words import content_words

OPENING = 300  # characters of an article's text read after its title
SAME_STORY = 0.08  # cosine two articles' openings reach when they tell one happening


def opening_words(title: str, text: str) -> frozenset[str]:
    """The content words of a title and an article's first ``OPENING`` characters, every
    reading of each (``report_words.content_words``: "التفجير" and "تفجير" meet)."""
    return content_words(f"{title}\n{text[:OPENING]}")


class Openings:
    """How alike the openings of two articles are (see module doc)."""

    def __init__(self, df: Mapping[str, int], n: int, article: Callable[[str], tuple[str, str]]):
        """``df``: in how many of ``n`` articles each word occurs; ``article(doc)``: its
        ``(title, text)``."""
        self.df, self.n, self.article = df, n, article
        self._words: dict[str, tuple[dict[str, float], float]] = {}

    def idf(self, w: str) -> float:
        return 1.0 + math.log((self.n + 1) / (self.df.get(w, 0) + 1))

    def _of(self, doc: str) -> tuple[dict[str, float], float]:
        """An opening's words with their squared weights, and its norm."""
        if doc not in self._words:
            sq = {w: self.idf(w) ** 2 for w in opening_words(*self.article(doc))}
            self._words[doc] = (sq, math.sqrt(sum(sq.values())))
        return self._words[doc]

    def similarity(self, a: str, b: str) -> float:
        """Cosine of the two openings' idf-weighted words (1.0 for one article)."""
        if a == b:
            return 1.0
        (wa, na), (wb, nb) = self._of(a), self._of(b)
        if not na or not nb:
            return 0.0
        small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
        return sum(x for w, x in small.items() if w in large) / (na * nb)

    def alike(self, a: str, b: str) -> bool:
        return self.similarity(a, b) >= SAME_STORY
