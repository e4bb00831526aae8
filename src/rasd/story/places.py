"""Whether two place entities can name the scene of one incident.

Facts come from entity linking: a country code (``attributes['country']``) and a point
(``geo``). A city is inside its country; two points of one country closer than ``NEAR_KM``
are one area (a village and its province, a district and its city). Places the linker
could not geocode are unknown: they neither confirm nor exclude a match.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from rasd.models import Entity

NEAR_KM = 200.0
SAME, CONTAINED, UNKNOWN, APART = 3, 2, 0, -1


def country(e: Entity | None) -> str | None:
    if e is None:
        return None
    c = e.attributes.get("country")
    return str(c) if c else None


def _km(a: Entity, b: Entity) -> float:
    assert a.geo is not None and b.geo is not None
    la1, lo1, la2, lo2 = map(math.radians, (a.geo.lat, a.geo.lon, b.geo.lat, b.geo.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def relation(a: str, b: str, ents: Mapping[str, Entity]) -> int:
    """SAME, CONTAINED (one inside or beside the other), UNKNOWN, or APART."""
    if a == b:
        return SAME
    ea, eb = ents.get(a), ents.get(b)
    ca, cb = country(ea), country(eb)
    if ea is None or eb is None or ca is None or cb is None:
        return UNKNOWN
    if ca != cb:
        return APART
    kinds = {ea.geo.kind if ea.geo else None, eb.geo.kind if eb.geo else None}
    if "country" in kinds or "region" in kinds or ea.geo is None or eb.geo is None:
        return CONTAINED
    return CONTAINED if _km(ea, eb) <= NEAR_KM else APART


def best_relation(xs: set[str] | frozenset[str], ys: set[str] | frozenset[str], ents: Mapping[str, Entity]) -> int | None:
    """The closest relation between any two places of the two sets; ``None`` when one is empty.

    APART only when every pair is apart: a report naming the city and its country meets
    one naming the city."""
    if not xs or not ys:
        return None
    return max(relation(x, y, ents) for x in sorted(xs) for y in sorted(ys))


def block_keys(places: set[str] | frozenset[str], ents: Mapping[str, Entity]) -> list[str]:
    """Blocking keys of a place set: each place's country, else the place itself."""
    return sorted({country(ents.get(p)) or p for p in places})
