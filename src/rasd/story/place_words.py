"""Place evidence in words: a place one side names in its words rather than as an entity
(``named_in``), kept apart from incident resolution's rules (``story.incidents``)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from rasd.models import Entity
from rasd.story.places import PlaceNames, Relations, is_country
from rasd.story.report_words import match_key
from rasd.text import tokenize


@lru_cache(maxsize=1 << 16)
def name_keys(name: str) -> tuple[str, ...]:
    """The words of a name as report words are compared (``match_key`` of each folded word)."""
    return tuple(match_key(t.norm) for t in tokenize(name) if t.is_word)


def named_in(
    places: set[str] | frozenset[str], words: set[str] | frozenset[str], ents: Mapping[str, Entity],
    relate: Relations | None = None,
) -> bool:  # fmt: skip
    """Whether ``words`` name one of ``places`` below a country: every word of its name (or
    of an alias). ``relate``: where the names of a place set are remembered."""
    if relate is not None and isinstance(places, frozenset):
        names = relate.names.get(places)
        if names is None:
            names = relate.names[places] = _place_names(places, ents)
    else:
        names = _place_names(places, ents)
    singles, longer = names
    if not singles.isdisjoint(words):
        return True
    return bool(longer) and any(all(w in words for w in ws) for f in longer.keys() & words for ws in longer[f])


def _place_names(places: set[str] | frozenset[str], ents: Mapping[str, Entity]) -> PlaceNames:
    """The words of each name and alias of ``places`` below a country (``_name_keys``): the
    one-word names as a set, the longer ones by their first word, so that a scene with
    hundreds of aliases costs a set test against a report's words, not a loop over them."""
    singles: set[str] = set()
    longer: dict[str, dict[tuple[str, ...], None]] = {}
    for p in sorted(places):
        e = ents.get(p)
        if is_country(e):
            continue  # a country named is no sign of one scene
        for name in [e.name, *e.aliases] if e is not None else []:
            ws = name_keys(name)
            if len(ws) == 1:
                singles.add(ws[0])
            elif ws:
                longer.setdefault(ws[0], {})[ws] = None
    return frozenset(singles), {f: tuple(v) for f, v in longer.items()}
