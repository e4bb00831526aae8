"""Quotes annotator: reported statements with speaker, role, medium, cue and polarity.

Runs after entities so a speaker phrase can be tied to an entity mention by span overlap;
``speaker.start/end`` always point at the speaker's words so the corpus-level linker can
re-map ``speaker.entity`` later.
"""

from __future__ import annotations

from rasd.annotators.quotes.engine import extract_quotes, lexicon, quote_pairs
from rasd.models import DocAnalysis

__all__ = ["annotate", "extract_quotes", "lexicon", "quote_pairs"]


def annotate(da: DocAnalysis) -> None:
    """Fill ``da.quotes`` for an Arabic document (others are left alone)."""
    if da.doc.language not in ("ar", "", None):
        return
    da.quotes = extract_quotes(da.doc.text, da.doc.id, da.entities, da.doc.published.value, da.timex)
