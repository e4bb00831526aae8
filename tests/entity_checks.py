"""What the entity tests read: ``(text, type)`` of every name ``tag`` finds in a sentence,
each checked against its offsets (``text[start:end] == text``)."""

from __future__ import annotations

import rasd.annotators.entities as ents


def found(text: str) -> list[tuple[str, str]]:
    ms = ents.tag(text)
    assert all(text[m.start : m.end] == m.text for m in ms)
    return [(m.text, m.type) for m in ms]
