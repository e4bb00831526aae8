"""Quantities annotator: counts with value, bounds, counted object, owner and place.

Runs after time and entities (``annotators.PIPELINE`` order) so it can skip what the
time tagger took and use place mentions; it guards years and dates itself as well.
"""

from __future__ import annotations

from rasd.annotators.quantities.engine import extract_quantities, lexicon
from rasd.models import DocAnalysis

__all__ = ["annotate", "extract_quantities", "lexicon"]


def annotate(da: DocAnalysis) -> None:
    """Fill ``da.quantities`` for an Arabic document (others are left alone)."""
    if da.doc.language not in ("ar", "", None):
        return
    da.quantities = extract_quantities(da.doc.text, da.doc.id, da.timex, da.entities)
