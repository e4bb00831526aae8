"""Is a speaker word written with the article? ``والدة`` (mother) and ``والي`` (governor) open
like و+ال but are single nouns: read as definite, ``والدة اللاعب`` split into a role and a
name and the mother was credited to her son (quotes/article_lookalikes.txt).
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.quotes.history import DEF
from rasd.resources import load_lines
from rasd.text import fold


@cache
def _lookalikes() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/article_lookalikes.txt"))


def definite(w: str) -> bool:
    """Written with the article (or a particle glued before it)."""
    return w not in _lookalikes() and any(w.startswith(p) for p in DEF)
