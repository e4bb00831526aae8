"""Whether two reports of one incident are surely one happening, on evidence of their own.

A disagreement is a strong claim. An incident grows through its profile (the places and words
all its reports pooled) and its merges, so a report of another happening of the same city,
or a round-up's item, may join it on what the incident holds rather than on what any one
report of it says: harmless for the grouping, but its figure set against another outlet's is
a wrong disagreement. ``Links.weak`` says two reports' values are not to be set against each
other: their articles are not linked by a chain of pairs of the incident's articles each of
which ``joins.score`` (one report against a one-report incident of the other, either way)
gives ``STRONG`` or more, or names one person of a by-person kind (one death per person).
A chain, not only the pair: two outlets' short reports of one happening often share few
words, while a third outlet's fuller report shares much with each.

Only asked for two values that would otherwise conflict; the links of one incident are
computed once, over ``PER_ARTICLE`` reports of each article, and an incident of more than
``MAX_ARTICLES`` articles is not gated (cost quadratic in its articles). Deterministic: the
articles are walked in sorted order, each article's reports in the incident's order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rasd.models import Entity
from rasd.story import places as pl
from rasd.story import report_words as rw
from rasd.story.joins import score
from rasd.story.reports import Incident, Report, by_person

STRONG = 2.0  # what a place both name gives alone (``joins._PLACE``); 1.75–2.0 measure the same on dev
PER_ARTICLE = 4  # reports of each article whose pairs are scored
MAX_ARTICLES = 40  # articles of an incident beyond which no pair is gated


class Links:
    """The strong links between the articles of one incident's reports (module doc)."""

    def __init__(
        self, reports: Sequence[Report], df: Mapping[str, int], idf: Mapping[str, float],
        ents: Mapping[str, Entity], relate: pl.Relations,
    ) -> None:  # fmt: skip
        self.by_doc: dict[str, list[Report]] = {}
        for r in reports:
            self.by_doc.setdefault(r.doc, []).append(r)
        self._docs = sorted(self.by_doc)  # the walk's order, sorted once
        self.df, self.idf, self.ents, self.relate = df, idf, ents, relate
        self._edges: dict[tuple[str, str], bool] = {}
        self._alone: dict[int, tuple[Incident, list[rw.Group]]] = {}

    def weak(self, a: Report, b: Report) -> bool:
        """Whether no chain of strong links joins the articles of ``a`` and ``b``."""
        if a.doc == b.doc or len(self.by_doc) > MAX_ARTICLES or a.doc not in self.by_doc or b.doc not in self.by_doc:
            return False
        seen, todo = {a.doc}, [a.doc]
        while todo:
            x = todo.pop()
            for y in self._docs:
                if y not in seen and self._edge(x, y):
                    if y == b.doc:
                        return False
                    seen.add(y)
                    todo.append(y)
        return True

    def _edge(self, x: str, y: str) -> bool:
        key = (x, y) if x < y else (y, x)
        if key not in self._edges:
            self._edges[key] = any(
                self._strong(p, q) for p in self.by_doc[x][:PER_ARTICLE] for q in self.by_doc[y][:PER_ARTICLE]
            )
        return self._edges[key]

    def _strong(self, p: Report, q: Report) -> bool:
        for r, other in ((p, q), (q, p)):
            inc, _ = self._one(other)
            s = score(r, inc, self.idf, self.ents, self._one(r)[1], relate=self.relate)
            if s is not None and (s >= STRONG or (by_person(r.kind) and r.persons and inc.persons)):
                return True
        return False

    def _one(self, r: Report) -> tuple[Incident, list[rw.Group]]:
        """A one-report incident of ``r`` and its telling words (``report_words.telling``)."""
        if id(r) not in self._alone:
            inc = Incident(r.kind)
            inc.add(r)
            self._alone[id(r)] = (inc, rw.telling(r.groups, self.df, self.idf))
        return self._alone[id(r)]
