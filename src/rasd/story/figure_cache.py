"""An article's figures (``figures.article_values``) as bytes and back, for the store's cache.

Reading the figures of every article with a resolved report is the story step's largest
per-article cost left after its per-document pass, and on an update almost every article
reads as before. ``incremental.StoryCache.figures`` keeps each article's values under a key
made of the article's ``doc:`` key (its text and annotations after linking, ``as_of`` and the
story code and resources) and ``report_parts`` of its reports (what ``article_values`` reads
of them, in the order given); ``encode`` writes a value's report as its index in that order,
so ``decode`` gives the same values, holding the same report objects, as reading again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from rasd.models import Evidence
from rasd.story.figures import Article, Value, article_values
from rasd.story.incidents import Report

FigureReader = Callable[[Sequence[tuple[Sequence[Report], Article]]], list[list[Value]]]


def read_all(arts: Sequence[tuple[Sequence[Report], Article]]) -> list[list[Value]]:
    """``article_values`` of each ``(reports, article)``, read now (no cache)."""
    return [article_values(reports, art) for reports, art in arts]


def report_parts(reports: Sequence[Report]) -> str:
    """Every field of its reports ``article_values`` reads (``Report.ev``'s id, type, trigger,
    evidence, date and date source; ``kind``, ``pub``, ``dated``), in order."""
    return repr([
        (r.ev.id, r.ev.type, r.ev.trigger, [(e.doc, e.start, e.end) for e in r.ev.evidence], r.ev._date_source,
         r.ev.date.value, r.ev.date.precision, r.kind, r.pub.isoformat() if r.pub else None, r.dated)
        for r in reports
    ])  # fmt: skip


def encode(values: Sequence[Value], reports: Sequence[Report]) -> bytes:
    """The values as JSON (floats round-trip exactly), each report by its index in ``reports``."""
    at = {id(r): k for k, r in enumerate(reports)}
    rows = [
        [v.slot, v.value, v.qualifier, v.value_max, at[id(v.report)], v.evidence.doc, v.evidence.start,
         v.evidence.end, v.deictic, v.main, v.wording, v.aside, v.counted]
        for v in values
    ]  # fmt: skip
    return json.dumps(rows, ensure_ascii=False).encode("utf-8")


def decode(data: bytes, reports: Sequence[Report]) -> list[Value]:
    """``encode``'s values again, each holding its report of ``reports``."""
    return [
        Value(slot, value, qual, vmax, reports[k], Evidence(doc, s, e), deictic, main, wording, aside, counted)
        for slot, value, qual, vmax, k, doc, s, e, deictic, main, wording, aside, counted in json.loads(data)
    ]
