"""Whether two place entities can name the scene of one incident.

Facts come from entity linking: a country code (``attributes['country']``) and a point
(``geo``). A city is inside its country or region; two points of one country closer than
``LOCAL_KM`` are one area (a district and its city), closer than ``NEAR_KM`` NEAR (two
towns of one province: near, not the same place). Places the linker could not geocode
are unknown: they neither confirm nor exclude a match (and so is a town the linker knows
the country of but neither a point nor a province, beside another town of that country: it
may lie in any of its provinces), but a town named after a settlement
word ("قرية العكر", ``towns``) is a town of its article's country, apart from its other towns.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import cache, lru_cache

from rasd.models import Entity
from rasd.resources import load_lines, load_table
from rasd.text import fold
from rasd.text.clitics import conjunctions, proclitic

NEAR_KM = 200.0
LOCAL_KM = 30.0  # a district and its city, a city and its twin (الجيزة، القاهرة): one area
SAME, CONTAINED, REGION, COUNTRY, NEAR, UNKNOWN, APART = 6, 5, 4, 3, 2, 0, -1


@cache
def _regions() -> dict[str, str]:
    return {fold(r[0]): r[1] for r in load_table("story/regions.tsv") if len(r) >= 2}


def region_of(e: Entity) -> str | None:
    """The country of a region the linker left without one (``story/regions.tsv``)."""
    return _region_of_names((e.name, *e.aliases))


@lru_cache(maxsize=1 << 16)
def _region_of_names(names: tuple[str, ...]) -> str | None:
    """Remembered by the names: incident scoring asks for the same places many thousand
    times, and folding every alias each time was a tenth of the clustering's time."""
    return next((c for n in names if (c := _regions().get(fold(n)))), None)


def country(e: Entity | None) -> str | None:
    if e is None:
        return None
    c = e.attributes.get("country") or region_of(e)
    return str(c) if c else None


def _km(a: Entity, b: Entity) -> float:
    assert a.geo is not None and b.geo is not None
    la1, lo1, la2, lo2 = map(math.radians, (a.geo.lat, a.geo.lon, b.geo.lat, b.geo.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def is_country(e: Entity | None) -> bool:
    return e is not None and e.geo is not None and e.geo.kind == "country"


def relation(a: str, b: str, ents: Mapping[str, Entity]) -> int:
    """SAME; CONTAINED (one area: a district and its city); REGION (one may lie in the other:
    a city and a province of its country, which has no outline here, unless their provinces
    ``admin1`` say otherwise; a town with neither a point nor a province is UNKNOWN beside
    another town: it is no more in that town's province than in any other); COUNTRY (one country
    and no more: a country holds thousands of happenings a day); NEAR (two towns less than
    ``NEAR_KM`` apart); UNKNOWN; or APART."""
    ea, eb = ents.get(a), ents.get(b)
    if a == b:
        return COUNTRY if is_country(ea) else SAME
    ca, cb = country(ea), country(eb)
    if ea is None or eb is None or ca is None or cb is None:
        return UNKNOWN
    if ca != cb:
        return APART
    if is_country(ea) or is_country(eb):
        return COUNTRY
    kinds = {ea.geo.kind if ea.geo else None, eb.geo.kind if eb.geo else None}
    coarse = "region" in kinds or ea.geo is None or eb.geo is None
    pa, pb = ea.attributes.get("admin1"), eb.attributes.get("admin1")
    if coarse and pa and pb and pa != pb:
        return APART  # a province and a town of another one, or two towns of two provinces
    if (_placeless(ea, pa) and not _province(eb)) or (_placeless(eb, pb) and not _province(ea)):
        return UNKNOWN  # a town known by name only and another town: anywhere in their country
    if coarse:
        return REGION  # a region (or a place with no point) of the same country: perhaps inside
    km = _km(ea, eb)
    return CONTAINED if km <= LOCAL_KM else NEAR if km <= NEAR_KM else APART


def _placeless(e: Entity, province: object) -> bool:
    """A place the linker gave a country but neither a point nor a province: a town it
    knows by name only (a region of ``story/regions.tsv`` has no country of its own)."""
    return e.geo is None and not province and bool(e.attributes.get("country"))


def _province(e: Entity) -> bool:
    """A region: one with a point standing for an area, or one of ``story/regions.tsv``."""
    return e.geo.kind == "region" if e.geo is not None else not e.attributes.get("country")


def level(e: Entity | None) -> int | None:
    """How fine a place is: 2 a city or site, 1 a region (or a place with no point, in a
    known country), 0 a country; ``None`` when not even its country is known."""
    if e is None or country(e) is None:
        return None
    if is_country(e):
        return 0
    return 1 if e.geo is None or e.geo.kind == "region" else 2


def best_relation(
    xs: set[str] | frozenset[str], ys: set[str] | frozenset[str], ents: Mapping[str, Entity],
    level_of: Callable[[str], int | None] | None = None, relate: Callable[[str, str], int] | None = None,
) -> int | None:  # fmt: skip
    """The closest relation between the two sets' places; ``None`` when one is empty.

    The finest places both sides name decide: two cities of one country are near or apart
    even when both reports also name the country or the province ("العريش، شمال سيناء"
    and "رفح، شمال سيناء" are two towns); coarser places count only when one side names
    nothing finer, or the finer ones say nothing (not geocoded). Places of unknown country
    take part at every level (they can only be the same place or unknown). ``level_of`` and
    ``relate``: ``level`` and ``relation`` over ``ents`` by id, when remembered (``Relations``)."""
    if not xs or not ys:
        return None
    if level_of is None:
        level_of = lambda p: level(ents.get(p))  # noqa: E731
    if relate is None:
        relate = lambda a, b: relation(a, b, ents)  # noqa: E731
    return _best(_tiers(xs, level_of), _tiers(ys, level_of), relate)


Tiers = list[tuple[tuple[str, ...], bool]]


def _tiers(xs: set[str] | frozenset[str], level_of: Callable[[str], int | None]) -> Tiers:
    """For levels 2, 1, 0: the places taking part at that level (``best_relation``) and
    whether one of them is known at it; then all the places."""
    lx = {x: level_of(x) for x in sorted(xs)}
    out = [
        (tuple(x for x, v in lx.items() if v is None or v >= lv), any(v is not None and v >= lv for v in lx.values()))
        for lv in (2, 1, 0)
    ]  # fmt: skip
    out.append((tuple(lx), True))
    return out


def _best(tx: Tiers, ty: Tiers, relate: Callable[[str, str], int]) -> int:
    """``best_relation`` of two place sets' ``_tiers``: the finest level both know decides
    unless it says nothing (UNKNOWN); else the closest relation of all the places."""
    for (fx, hx), (fy, hy) in zip(tx[:3], ty[:3], strict=True):
        if hx and hy:
            rel = _closest(fx, fy, relate)
            if rel != UNKNOWN:
                return rel
    return _closest(tx[3][0], ty[3][0], relate)


def _closest(fx: Sequence[str], fy: Sequence[str], relate: Callable[[str, str], int]) -> int:
    """The closest ``relate`` between two lists of places (never empty), stopping at SAME."""
    best = APART
    for x in fx:
        for y in fy:
            rel = relate(x, y)
            if rel > best:
                if rel == SAME:
                    return rel
                best = rel
    return best


PlaceNames = tuple[frozenset[str], dict[str, tuple[tuple[str, ...], ...]]]  # one-word names, longer ones by first word


class Relations:
    """``best_relation`` over one ``ents``, remembered by the two place sets: incident
    scoring meets the same report places and incident scene many times."""

    def __init__(self, ents: Mapping[str, Entity]) -> None:
        self.ents = ents
        self._memo: dict[tuple[frozenset[str], frozenset[str]], int | None] = {}
        self._levels: dict[str, int | None] = {}
        self._pairs: dict[tuple[str, str], int] = {}
        self._sets: dict[frozenset[str], Tiers] = {}  # ``_tiers`` of a place set
        self.names: dict[frozenset[str], PlaceNames] = {}  # ``place_words.named_in``'s words of a place set
        self._cities: dict[frozenset[str], frozenset[str | None]] = {}  # ``city_countries`` of a place set

    def __call__(self, xs: frozenset[str], ys: frozenset[str]) -> int | None:
        key = (xs, ys)
        try:
            return self._memo[key]
        except KeyError:
            got = self._memo[key] = _best(self._tiers(xs), self._tiers(ys), self._relation) if xs and ys else None
            return got

    def _tiers(self, xs: frozenset[str]) -> Tiers:
        """``_tiers`` of a place set, once per set."""
        got = self._sets.get(xs)
        if got is None:
            got = self._sets[xs] = _tiers(xs, self._level)
        return got

    def _relation(self, a: str, b: str) -> int:
        rel = self._pairs.get((a, b))
        if rel is None:
            rel = self._pairs[(a, b)] = relation(a, b, self.ents)
        return rel

    def cities(self, xs: frozenset[str]) -> frozenset[str | None]:
        """``city_countries`` of a place set, once per set (every candidate asks ``town_apart``)."""
        got = self._cities.get(xs)
        if got is None:
            got = self._cities[xs] = city_countries(xs, self._level, self.ents)
        return got

    def level(self, p: str) -> int | None:
        """``level`` of a place, remembered."""
        return self._level(p)

    def _level(self, p: str) -> int | None:
        if p not in self._levels:
            self._levels[p] = level(self.ents.get(p))
        return self._levels[p]


def block_keys(places: set[str] | frozenset[str], ents: Mapping[str, Entity]) -> list[str]:
    """Blocking keys of a place set: each place's country, else the place itself."""
    return sorted({country(ents.get(p)) or p for p in places})


@cache
def _spot_words() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lines("story/spot_words.txt"))


@cache
def _lead_letters() -> str:
    """The proclitics a place word may carry before its name (ب، و، ف: "بحي", "وقرية")."""
    return proclitic("by") + "".join(conjunctions())


def _listed(w: str, words: frozenset[str]) -> bool:
    """``w`` (folded) is one of ``words``, bare or after one leading proclitic."""
    return w in words or (w[:1] in _lead_letters() and w[1:] in words)


def _word_before(text: str, at: int) -> str:
    """The folded word right before a mention at ``at``, a space between them ("" if none)."""
    before = fold(text[max(0, at - 12) : at]).split()
    return before[-1] if before and text[at - 1 : at].isspace() else ""


def _spot_word(w: str) -> bool:
    return _listed(w, _spot_words())


def spots(
    doc_places: Mapping[str, Sequence[tuple[int, str]]], texts: Mapping[str, str], ents: Mapping[str, Entity]
) -> dict[str, str]:
    """The places named as a spot of a city (``story/spot_words.txt``: "حي النزهة", "بحي
    الجرف") in any article, by id: the name's key, the spot word left out. One district
    named so once is a district wherever it is named."""
    out: dict[str, str] = {}
    for doc, named in sorted(doc_places.items()):
        text = texts.get(doc, "")
        for at, p in named:
            e = ents.get(p)
            if e is None or p in out:
                continue
            words = fold(e.name).split()
            if len(words) > 1 and _spot_word(words[0]):
                out[p] = " ".join(words[1:])
            elif _spot_word(_word_before(text, at)):
                out[p] = " ".join(words)
    return out


@cache
def _town_words() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lines("story/town_words.txt"))


def _doc_country(named: Sequence[tuple[int, str]], ents: Mapping[str, Entity]) -> str | None:
    """The country most of an article's geocoded place mentions lie in; ``None`` on a tie."""
    got = Counter(c for _, p in named if (c := country(ents.get(p))))
    top = got.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


def towns(
    doc_places: Mapping[str, Sequence[tuple[int, str]]], texts: Mapping[str, str], ents: Mapping[str, Entity]
) -> dict[str, dict[str, str]]:
    """Towns the linker could not geocode (no country), named right after a settlement word
    (``story/town_words.txt``: "قرية العكر", "ببلدة كفريا") in any article: by article, each
    such town it names with the country its geocoded places mostly lie in (articles of no
    such country, or a tie, are left out). A name so cued is a place of its own, not a common
    word mistagged as one; one named so once is a town wherever it is named."""
    words = _town_words()
    known: set[str] = set()
    for doc, named in sorted(doc_places.items()):
        text = texts.get(doc, "")
        for at, p in named:
            e = ents.get(p)
            if e is None or p in known or country(e) is not None:
                continue
            if _listed(_word_before(text, at), words):
                known.add(p)
    out: dict[str, dict[str, str]] = {}
    for doc, named in sorted(doc_places.items()):
        mine = sorted({p for _, p in named if p in known})
        c = _doc_country(named, ents) if mine else None
        if c:
            out[doc] = {p: c for p in mine}
    return out


def town_apart(
    towns_of: frozenset[tuple[str, str]], scene: frozenset[str], level_of: Callable[[str], int | None], ents: Mapping[str, Entity],
    cities: frozenset[str | None] | None = None,
) -> bool:  # fmt: skip
    """A town of a report (``towns``: id, country) that the scene does not name, against a city
    of that country the scene names: two towns of one country, two happenings. ``cities``:
    ``city_countries`` of the scene when known (``Relations.cities``)."""
    if cities is None:
        cities = city_countries(scene, level_of, ents)
    return any(t not in scene and c in cities for t, c in towns_of)


def city_countries(
    places: frozenset[str], level_of: Callable[[str], int | None], ents: Mapping[str, Entity]
) -> frozenset[str | None]:  # fmt: skip
    """The countries of the cities and sites (level 2) among ``places``, as ``town_apart``
    compares a town's country with them."""
    return frozenset(country(ents.get(p)) for p in places if level_of(p) == 2)


def spots_apart(xs: frozenset[str] | set[str], ys: frozenset[str] | set[str]) -> bool:
    """Both sides name spots of a city and none is the other (one name the start of the
    other is one spot told two ways: "الخالدي", "الخالدية")."""
    return bool(xs and ys) and not any(x.startswith(y) or y.startswith(x) for x in xs for y in ys)
