"""Event types and their traits, read once from the ``TYPE:`` rows of ``story/kinds.tsv``.

Here rather than in ``rasd.story`` because the events annotator reads them too (only a lead
sentence's noun of an incident type leaves the background), and annotators come before the
story stage; ``rasd.story`` re-exports them for its own modules.
"""

from __future__ import annotations

from functools import cache

from rasd.resources import load_table

KINDS = "story/kinds.tsv"


@cache
def type_traits() -> dict[str, frozenset[str]]:
    """Event type -> its traits, from the ``TYPE:`` rows of ``story/kinds.tsv`` (fourth
    column): a new type is data, so what the story stage does with it is data too."""
    return {
        r[0].removeprefix("TYPE:"): frozenset(t for t in r[3].split(",") if t) if len(r) > 3 else frozenset()
        for r in load_table(KINDS)
        if r[0].startswith("TYPE:")
    }


@cache
def types_with(trait: str) -> frozenset[str]:
    """Event types with ``trait`` (incident, perpetrators, one_sentence, follow_up)."""
    return frozenset(t for t, traits in type_traits().items() if trait in traits)


def incident_types() -> frozenset[str]:
    """Event types that report a happening (an incident: ATTACK, ARREST, OTHER …); the
    other types keep ``resolve.events.merge``."""
    return types_with("incident")
