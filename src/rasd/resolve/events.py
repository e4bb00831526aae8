"""Merge reports of the same event across documents and outlets.

Never all pairs: each event is put in blocks keyed by ``(type, month, anchor)`` where the
anchor is its place or one of its actors/targets. Only events sharing a block are
compared, and a union-find joins the compatible ones, so the cost is
``O(n + sum of block_size²)``; a block larger than ``MAX_BLOCK`` is compared only between
neighbours in date order (``O(n·WINDOW)``), which keeps a flood of one generic event type
from going quadratic. Merged events keep all their evidence. When reports of one event
give different counts, the counts are *not* averaged: the merged event keeps the first
report's figure and ``merge`` returns a ``CountDisagreement`` for the conflict view.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from rasd.ids import make_id
from rasd.models import Event, EventDate
from rasd.temporal import month_key

log = logging.getLogger(__name__)

MAX_BLOCK = 64
WINDOW = 8
_PREC_RANK = {"day": 3, "month": 2, "year": 1, None: 0}


@dataclass
class CountDisagreement:
    """Two reports of one (merged) event that give different figures for ``key``."""

    event: str  # merged event id
    key: str
    a: Event  # the original per-document reports
    b: Event
    values: tuple[float, float] = (0.0, 0.0)


@dataclass
class MergeResult:
    events: list[Event]
    members: dict[str, list[Event]] = field(default_factory=dict)  # merged id -> reports
    disagreements: list[CountDisagreement] = field(default_factory=list)


def _month(ev: Event) -> str | None:
    """``YYYY-MM`` of a day or month; a week, quarter or season keeps its own label."""
    return month_key(ev.date.value)


def blocking_keys(ev: Event) -> list[tuple[str, str, str]]:
    """Blocks an event falls in; events without a month or an anchor are never merged."""
    month = _month(ev)
    if month is None:
        return []
    anchors = ([ev.place] if ev.place else []) + ev.actors + ev.targets
    return [(ev.type, month, a) for a in dict.fromkeys(anchors) if not a.startswith("?") or len(a) > 3]


def compatible(a: Event, b: Event) -> bool:
    """Same type, dates that do not exclude each other (two days must be the same day),
    the same modality, and a shared place, target or two shared actors. Reports dated
    only by their article's date merge only across articles."""
    if a.type != b.type:
        return False
    va, vb = a.date.value or "", b.date.value or ""
    if not (va.startswith(vb) or vb.startswith(va)):
        return False
    if a.modality != b.modality:
        return False  # a planned or postponed statement is not the one that was issued
    if a.date.precision == b.date.precision == "day" and va != vb:
        return False
    if a._date_source == b._date_source == "article" and _doc(a) == _doc(b):
        return False  # two undated sentences of one article: nothing says they are one event
    if a.place and b.place and a.place != b.place:
        return False
    # one shared capital ("Washington") is not enough: a place, a target or two actors are
    return bool(
        (a.place and a.place == b.place)
        or len(set(a.actors) & set(b.actors)) >= 2
        or set(a.targets) & set(b.targets)
        or (a.place and a.place in b.targets)
        or (b.place and b.place in a.targets)
    )


def _doc(ev: Event) -> str:
    return ev.evidence[0].doc if ev.evidence else ""


class _UF:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, x: int) -> int:
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def merge(events: Sequence[Event]) -> MergeResult:
    """Merge compatible reports (see module doc); output order is by first evidence."""
    evs = list(events)
    blocks: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, ev in enumerate(evs):
        for k in blocking_keys(ev):
            blocks[k].append(i)
    uf = _UF(len(evs))
    for members in blocks.values():
        if len(members) <= MAX_BLOCK:
            pairs = ((members[x], members[y]) for x in range(len(members)) for y in range(x + 1, len(members)))
        else:
            order = sorted(members, key=lambda i: evs[i].date.value or "")
            pairs = ((order[x], order[y]) for x in range(len(order)) for y in range(x + 1, min(len(order), x + WINDOW)))
        for i, j in pairs:
            # evidence from the same sentence twice is not a second report
            if uf.find(i) != uf.find(j) and compatible(evs[i], evs[j]):
                uf.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(evs)):
        groups[uf.find(i)].append(i)
    out = MergeResult(events=[])
    for root in sorted(groups, key=lambda r: _first_key(evs[r])):
        reports = [evs[i] for i in groups[root]]
        merged = combine(reports)
        if merged.id in out.members:  # two reports with one id (one type at one evidence start)
            log.debug("merge: second group with id %s", merged.id)
            merged = replace(merged, id=make_id("v", merged.id, str(len(out.events))))
        out.events.append(merged)
        out.members[merged.id] = reports
        out.disagreements.extend(_disagreements(merged.id, reports))
    return out


def _first_key(ev: Event) -> tuple[str, int]:
    e = ev.evidence[0] if ev.evidence else None
    return (e.doc, e.start) if e else ("", 0)


def combine(reports: Sequence[Event], dated: Sequence[Event] | None = None) -> Event:
    """One event for reports of one happening: all evidence, the first figure per count,
    the most precise date among ``dated`` (default: all reports). Also used by
    ``story.assemble`` for incidents."""
    reports = list(reports)
    if len(reports) == 1:
        return reports[0]
    best_date = max(dated or reports, key=lambda r: (_PREC_RANK.get(r.date.precision, 0), r.confidence))
    counts: dict[str, float] = {}
    for r in reports:
        for k, v in r.counts.items():
            counts.setdefault(k, v)
    evidence = list({(e.doc, e.start, e.end): e for r in reports for e in r.evidence}.values())
    evidence.sort(key=lambda e: (e.doc, e.start))
    place = next((r.place for r in reports if r.place), None)
    first = reports[0]
    return Event(
        id=make_id("v", first.type, *[f"{e.doc}:{e.start}" for e in evidence]),
        type=first.type,
        date=EventDate(best_date.date.value, best_date.date.precision),
        place=place,
        actors=list(dict.fromkeys(a for r in reports for a in r.actors)),
        targets=list(dict.fromkeys(t for r in reports for t in r.targets)),
        counts=counts,
        modality=first.modality,
        summary=best_date.summary,
        trigger=first.trigger,
        evidence=evidence,
        confidence=round(min(0.95, max(r.confidence for r in reports) + 0.05 * (len(reports) - 1)), 2),
    )


def _disagreements(event_id: str, reports: list[Event]) -> list[CountDisagreement]:
    """One disagreement per pair of *distinct* figures for a key, not per pair of reports.

    Linear in the reports of the event plus the square of its distinct values per key
    (a handful), so a story syndicated by hundreds of outlets with the same figure costs
    nothing. Each value keeps its first two reports from different documents, so a pair
    from two articles is preferred when one article happens to name both figures.
    """
    out: list[CountDisagreement] = []
    by_key: dict[str, dict[float, list[Event]]] = defaultdict(dict)
    for r in reports:
        for k, v in r.counts.items():
            kept = by_key[k].setdefault(v, [])
            if len(kept) < 2 and all(_doc_of(x) != _doc_of(r) for x in kept):
                kept.append(r)
    for k in sorted(by_key):
        firsts = list(by_key[k].items())
        for x in range(len(firsts)):
            for y in range(x + 1, len(firsts)):
                (va, ra), (vb, rb) = firsts[x], firsts[y]
                pairs = [(a, b) for a in ra for b in rb]
                a, b = next(((a, b) for a, b in pairs if _doc_of(a) != _doc_of(b)), pairs[0])
                out.append(CountDisagreement(event_id, k, a, b, (va, vb)))
    return out


def _doc_of(ev: Event) -> str:
    return ev.evidence[0].doc if ev.evidence else ""
