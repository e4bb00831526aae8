"""The title phrases the entity rules know (``ar/people/titles.tsv``, use ``name``), read once:
a title before a name opens a person (``الوزير``، ``الشيخ``); the tagger's own title signal is
a fixed subset of them (use ``tagger``, see ``features.title_words``)."""

from __future__ import annotations

from functools import cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.features import title_words, triggers
from rasd.resources import arabic


def _title_lines() -> tuple[str, ...]:
    """Titles said before a name (``ar/people/titles.tsv``, use ``name``): the tagger's
    title signal is a fixed subset of them (use ``tagger``, see ``features.title_words``)."""
    return arabic.titles("name")


@cache
def _titles() -> dict[tuple[str, ...], str]:
    return {tuple(gz.key_of(t).split()): t for t in _title_lines()}


@cache
def rule_title_words() -> frozenset[str]:
    """Folded single words of every title phrase the rules know (the tagger's plus the extra list)."""
    return title_words() | frozenset(w for t in _title_lines() for w in gz.key_of(t).split())


@cache
def _title_firsts() -> frozenset[str]:
    """First words of the title phrases (most tokens open none)."""
    return frozenset(k[0] for k in _titles())


@cache
def _title_blocked() -> frozenset[str]:
    return rule_title_words() | frozenset(triggers())


@cache
def _title_max() -> int:
    return max((len(k) for k in _titles()), default=1)
