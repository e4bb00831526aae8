"""Temporal tagger: Arabic TIMEX3 expressions normalised against the publication date.

``tag(text, dct)`` is the plain entry point (CLI, benchmarks, other annotators);
``annotate(da)`` fills ``da.timex`` from ``da.doc.published.value``. ``engine.py`` finds
and joins candidates, ``handlers.py`` (with ``periods.py`` and ``extra.py``) normalises
each pattern family, ``passes.py`` applies the context rules, ``base.py`` holds what they
share; every word the tagger knows is in ``resources/time/``.
"""

from __future__ import annotations

from rasd.annotators.time import extra as _extra  # noqa: F401  (registers its families)
from rasd.annotators.time import vague_counts as _vague_counts  # noqa: F401  (registers its families)
from rasd.annotators.time.engine import DCT, Found, find
from rasd.models import DocAnalysis, Timex

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


ESTIMATED_DCT_CONFIDENCE = 0.5  # ceiling for values that rest on a date read from the content


def annotate(da: DocAnalysis) -> None:
    """Fill ``da.timex`` for an Arabic document (others are left alone).

    A page with no printed date still gets values for ``أمس`` or ``الأحد الماضي``: ingest
    estimates the date from the content (``method == "content"``), and the values that
    rest on that estimate carry at most ``ESTIMATED_DCT_CONFIDENCE`` (ingest warns on the
    date itself), so a reader knows they are inferred rather than left empty.
    """
    doc = da.doc
    if doc.language and doc.language != "ar":
        return
    found = tag(doc.text, doc.published.value if doc.published else None, doc.id)
    if doc.published and doc.published.method == "content":
        for t in found:
            if t.anchor != "absolute" and t.value:
                t.confidence = min(
                    t.confidence, ESTIMATED_DCT_CONFIDENCE, max(doc.published.confidence, 0.1) * 2
                )
    da.timex.extend(found)
