"""Demonyms in entity linking: which countries each article is about, and the forms that
name their people (``الأميركية``), attached to the country entity (``resolve.entities``).

Reading the demonyms is a pass over every article's words that depends on the text alone,
so a run does it for all articles while the new ones are annotated (``read_ahead``, on the
``rasd.warm`` thread); linking then only looks the results up.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from rasd.annotators.entities import gazetteer as gz
from rasd.ids import make_id
from rasd.models import DocAnalysis, Document, Entity, EntityMention, Geo
from rasd.text import fold
from rasd.text.tokens import known_after_proclitics, strip_proclitics, token_texts

# documents read ahead (``read_ahead``: on the warm thread while new documents are
# annotated), by id, with the text read: ``_demonym_hits`` takes them instead of reading again
_AHEAD: dict[str, tuple[str, list[tuple[str, str]]]] = {}


class _Reader:
    """The ``(ISO, surface form)`` of every demonym in a text, in order.

    Words are read off the text without building tokens, and each distinct word is looked
    up once (``_demonym_of``): a corpus repeats its words, so the pass costs the regex."""

    def __init__(self) -> None:
        self.dem = gz.demonyms()
        self.known = frozenset(self.dem)
        self.hits: dict[str, tuple[str, str]] = {}
        self.misses: set[str] = set()

    def __call__(self, text: str) -> list[tuple[str, str]]:
        pairs: list[tuple[str, str]] = []
        for w in token_texts(text):
            if w in self.misses:
                continue
            hit = self.hits.get(w)
            if hit is None:
                hit = _demonym_of(w, self.dem, self.known)
                if hit is None:
                    self.misses.add(w)
                    continue
                self.hits[w] = hit
            pairs.append(hit)
        return pairs


def read_ahead(docs: Iterable[Document]) -> None:
    """Read the demonyms of ``docs`` now, for the next ``_demonym_hits`` (which drops them):
    the pass depends on the text alone, so it can run before the documents are annotated."""
    read = _Reader()
    for d in docs:
        _AHEAD[d.id] = (d.text, read(d.text))


def _demonym_hits(das: list[DocAnalysis]) -> dict[str, list[tuple[str, str]]]:
    """Per document, the ``(ISO, surface form)`` of every demonym in its text (one pass),
    taken from ``read_ahead`` where it read the same text."""
    read = _Reader()
    out: dict[str, list[tuple[str, str]]] = {}
    for da in das:
        got = _AHEAD.get(da.doc.id)
        out[da.doc.id] = got[1] if got is not None and got[0] == da.doc.text else read(da.doc.text)
    _AHEAD.clear()
    return out


def _demonym_of(word: str, dem: dict[str, str], known: frozenset[str]) -> tuple[str, str] | None:
    """``(ISO, surface form)`` when the token ``word`` is a demonym, else None."""
    norm = fold(word)  # the token's ``norm``
    if norm in dem:
        return dem[norm], " ".join(word.split())
    if known_after_proclitics(norm, dem):
        # with proclitics ("وبريطانية"): counted under the bare form
        stem = next((s for _, s in strip_proclitics(word, known)[1:]), None)
        if stem is not None:
            return dem[fold(stem)], " ".join(stem.split())
    return None


def _doc_countries(
    hits: dict[str, list[tuple[str, str]]], mentions: list[tuple[EntityMention, str]]
) -> dict[str, set[str]]:
    """ISO codes each document is about (named countries, curated places, demonyms)."""
    out: dict[str, set[str]] = defaultdict(set)
    for m, _ in mentions:
        e = gz.by_key().get(gz.key_of(m.text))
        if e is not None and (e.iso or e.country):
            out[m.doc].add(e.iso or e.country or "")
    for doc_id, pairs in hits.items():
        out[doc_id].update(iso for iso, _ in pairs)
    return out


def _attach_demonyms(hits: dict[str, list[tuple[str, str]]], entities: list[Entity]) -> None:
    """Demonyms become ``attributes['demonyms']`` of their country, created if never named."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    docs: dict[str, list[str]] = defaultdict(list)
    for doc_id, pairs in hits.items():
        for iso, form in pairs:
            seen[iso][form] += 1
            if doc_id not in docs[iso]:
                docs[iso].append(doc_id)
    by_iso = {e.attributes.get("country"): e for e in entities if e.type == "GPE" and e.name in _country_names()}
    for iso in sorted(seen):
        country = by_iso.get(iso)
        if country is None:
            c = gz.country_by_iso().get(iso)
            if c is None:
                continue
            geo = Geo(c.lat, c.lon, c.kind) if c.lat is not None and c.lon is not None else None
            country = Entity(
                id=make_id("e", "GPE", gz.key_of(c.name)),
                type="GPE",
                name=c.name,
                docs=list(docs[iso]),
                geo=geo,
                attributes={"country": iso, "geo_source": c.source},
            )
            entities.append(country)
            by_iso[iso] = country
        forms = seen[iso]
        country.attributes["demonyms"] = sorted(forms, key=lambda f: (-forms[f], f))
        country.attributes["demonym_docs"] = docs[iso]


def _country_names() -> frozenset[str]:
    return frozenset(c.name for c in gz.countries())
