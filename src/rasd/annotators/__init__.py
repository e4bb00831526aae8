"""Annotators: per-document stages that add mentions to a ``DocAnalysis``.

Each annotator module exposes ``annotate(da: DocAnalysis) -> None`` and fills its own
list. They run in the order of ``PIPELINE`` because later ones read earlier results
(quantities skip spans that time took; quotes link speakers to entity mentions).
Non-Arabic documents are left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rasd.models import Document, EntityMention, Quantity, Quote, Timex


@dataclass
class DocAnalysis:
    doc: Document
    timex: list[Timex] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
