"""Proclitic chains as data (``resources/ar/morphology/proclitics.tsv``), in the views the
annotators need, so that no stage keeps its own copy of و/ف/ب/ل/ك/س/ال in code.

Each chain is listed once with its parts (conj, prep, fut, art); a view is a filter on
the parts, folded, longest chain first (a chain is tried before a shorter one it ends with).
"""

from __future__ import annotations

from functools import cache

from rasd.resources.arabic import proclitic_chains
from rasd.text.normalize import fold


def _longest_first(chains: set[str]) -> tuple[str, ...]:
    return tuple(sorted(chains, key=lambda c: (-len(c), c)))


@cache
def proclitics() -> tuple[str, ...]:
    """Every proclitic chain, folded, longest first."""
    return _longest_first({fold(c) for c, _ in proclitic_chains()})


@cache
def definite_chains(*, kaf: bool = True) -> tuple[str, ...]:
    """Chains ending in the article (ال, وال, لل, وبال …), longest first. ``kaf=False`` leaves
    out ك + ال (كال, وكال): rare, and in speaker phrases they would cut the very common
    وكالة/وكالات ("agency") into وكال + ة."""
    return _longest_first(
        {
            fold(c)
            for c, parts in proclitic_chains()
            if parts[-1:] == ("art",) and (kaf or not c.endswith("كال"))
        }
    )


@cache
def particle_chains() -> tuple[str, ...]:
    """Chains of conjunctions and prepositions only (و, ب, وب, فل …), longest first."""
    return _longest_first({fold(c) for c, parts in proclitic_chains() if set(parts) <= {"conj", "prep"}})


@cache
def conjunctions() -> tuple[str, ...]:
    """The one-letter conjunctions (و, ف)."""
    return _longest_first({fold(c) for c, parts in proclitic_chains() if parts == ("conj",)})


@cache
def prepositions() -> tuple[str, ...]:
    """The one-letter prepositions (ب, ل, ك)."""
    return _longest_first({fold(c) for c, parts in proclitic_chains() if parts == ("prep",)})


@cache
def particle_pattern() -> str:
    """Regex of an optional conjunction then an optional preposition (``[وف]?[بلك]?``), for
    patterns that match folded text with the particles glued on ("وبعد", "لمدة")."""
    return f"(?:[{''.join(conjunctions())}]?[{''.join(prepositions())}]?)"
