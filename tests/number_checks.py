"""What the real-news number and time tests read: counts and time expressions of a sentence,
each checked against its offsets (``text[start:end] == text``), as the pipeline reads them
(the time tagger first, then the quantities that skip its dates)."""

from __future__ import annotations

from collections.abc import Callable

from rasd.annotators.quantities import extract_quantities
from rasd.annotators.time import tag
from rasd.models import DocAnalysis, Document, Published, Quantity
from rasd.pipeline import annotate


def counts(text: str, dct: str) -> list[Quantity]:
    qs = extract_quantities(text, "d", tag(text, dct))
    for q in qs:
        assert text[q.start : q.end] == q.text
    return qs


def pipeline_counts(text: str, dct: str = "2015-08-06") -> list[tuple[str, float | None, str | None]]:
    """(text, value, object) of every count, through the pipeline's per-document stages (time,
    entities, quantities): for rules that read the document's entity mentions."""
    doc = Document(id="d", source="d", part=0, title="", outlet=None,
                   published=Published(value=dct, precision="day", method="given", confidence=1.0),
                   language="ar", text=text)  # fmt: skip
    da = DocAnalysis(doc=doc)
    errors: list[tuple[str, str]] = []
    annotate(da, errors)
    assert errors == []
    for q in da.quantities:
        assert text[q.start : q.end] == q.text
    return [(q.text, q.value, q.object) for q in da.quantities]


def value_objects(text: str, dct: str) -> list[tuple[float | None, str | None]]:
    """(value, object) of every count."""
    return [(q.value, q.object) for q in counts(text, dct)]


def timexes(text: str, dct: str) -> list[tuple[str, str, str | None]]:
    """(text, type, value) of every time expression."""
    out = tag(text, dct)
    for t in out:
        assert text[t.start : t.end] == t.text
    return [(t.text, t.type, t.value) for t in out]




Count = tuple[str, float | None, float | None, str | None]
Timex = tuple[str, str, str | None]


def readers(dct: str) -> tuple[Callable[..., list[Count]], Callable[..., list[Timex]]]:
    """``(_q, _t)`` of a test file whose sentences are dated ``dct`` unless a test gives
    another date: ``_q`` the (span, value, value_max, object) of every count, read after the
    time tagger; ``_t`` the (text, type, value) of every time expression."""

    def q(text: str, at: str = dct) -> list[Count]:
        return [(text[x.start : x.end], x.value, x.value_max, x.object) for x in counts(text, at)]

    def t(text: str, at: str = dct) -> list[Timex]:
        return timexes(text, at)

    return q, t
