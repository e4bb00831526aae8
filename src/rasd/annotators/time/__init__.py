"""Temporal tagger: Arabic TIMEX3 expressions normalised against the publication date.

``tag(text, dct)`` is the plain entry point (CLI, benchmarks, other annotators);
``annotate(da)`` fills ``da.timex`` from ``da.doc.published.value``. The engine is in
``engine.py`` and every word it knows is in ``resources/time/``.
"""

from __future__ import annotations

from rasd.annotators import DocAnalysis
from rasd.annotators.time import extra as _extra  # noqa: F401  (registers its families)
from rasd.annotators.time.engine import DCT, Found, find
from rasd.models import Timex

__all__ = ["DCT", "Found", "annotate", "tag"]


def tag(text: str, dct: str | None, doc_id: str = "") -> list[Timex]:
    """Temporal expressions of ``text`` as ``Timex`` (``text[t.start:t.end] == t.text``)."""
    return [
        Timex(
            doc=doc_id,
            start=f.start,
            end=f.end,
            text=text[f.start : f.end],
            type=f.type,
            value=f.value,
            mod=f.mod,
            anchor=f.anchor,
            confidence=f.confidence,
            deadline=f.deadline,
            calendar=f.calendar,
            original=f.original,
            range_end=f.range_end,
        )
        for f in find(text, dct)
    ]


def annotate(da: DocAnalysis) -> None:
    """Fill ``da.timex`` for an Arabic document (others are left alone)."""
    doc = da.doc
    if doc.language and doc.language != "ar":
        return
    da.timex.extend(tag(doc.text, doc.published.value if doc.published else None, doc.id))
