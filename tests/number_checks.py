"""What the real-news number and time tests read: counts and time expressions of a sentence,
each checked against its offsets (``text[start:end] == text``), as the pipeline reads them
(the time tagger first, then the quantities that skip its dates)."""

from __future__ import annotations

from rasd.annotators.quantities import extract_quantities
from rasd.annotators.time import tag
from rasd.models import Quantity


def counts(text: str, dct: str) -> list[Quantity]:
    qs = extract_quantities(text, "d", tag(text, dct))
    for q in qs:
        assert text[q.start : q.end] == q.text
    return qs


def timexes(text: str, dct: str) -> list[tuple[str, str, str | None]]:
    """(text, type, value) of every time expression."""
    out = tag(text, dct)
    for t in out:
        assert text[t.start : t.end] == t.text
    return [(t.text, t.type, t.value) for t in out]



