"""GeoJSON (RFC 7946): geocoded places and the incidents that happened at them.

One ``FeatureCollection`` of ``Point`` features, coordinates ``[lon, lat]`` in WGS 84.
A place is a GPE, LOC or FAC entity with coordinates; an incident (one happening, however
many sources report it) is a feature when its place is one. Its ``counts`` give the lowest
figure any source gave per slot, ``slots`` every source's value. News outlets are not places: an entity all of whose mentions are outlet names
(``resources/entities/outlets.tsv``, the documents' own outlets) got its coordinates only
because a paper is called after a place, so it is left out, and so are incidents placed
there. Built and validated with the ``geojson`` package. Features are sorted (places by
entity id, then incidents by id).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from typing import TextIO

import geojson

from rasd.ingest.outlets import canonical as outlet_canonical
from rasd.ingest.outlets import key as _key  # the outlet list's own comparison key
from rasd.interfaces.exports.corpus import Corpus, lowest, number, sorted_evidence
from rasd.models import Entity, EntityMention, Evidence, Incident
from rasd.resources import load_lines
from rasd.text.clitics import conjunctions, proclitic

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
PLACE_EVIDENCE_MAX = 50  # a country named 10,000 times keeps its count, not 10,000 citations
_TO = proclitic("to")  # ل
_TOLD = re.compile(rf"(?<!\w){_TO}ـ?\s*[«\"“]\s*$")  # "لـ«": told to (ـ the tatweel)
_GLUED = (_TO, *conjunctions())  # ل و ف: a proclitic glued to a name ("لـ«الأفق»", "والأفق")


@cache
def _outlet_words() -> frozenset[str]:
    """Words that make the next name an outlet's (صحيفة، وكالة، قناة …)."""
    return frozenset(_key(w) for w in load_lines("exports/outlet_words.txt"))


def _is_outlet_name(name: str, outlets: frozenset[str]) -> bool:
    """A document's outlet or a known outlet (weak variants such as الرياض do not count)."""
    k = _key(name)
    forms = (k, k[1:].strip()) if k[:1] in _GLUED else (k,)  # "لـ«الأفق»": told to the paper
    return any(f in outlets or outlet_canonical(f, allow_weak=False) for f in forms)


def _outlet_mention(m: EntityMention, text: str, outlets: frozenset[str]) -> bool:
    """The mention names a paper: by its name, or right after "صحيفة/وكالة/قناة …"."""
    if _is_outlet_name(m.text, outlets):
        return True
    raw = text[max(0, m.start - 14) : m.start]
    if _TOLD.search(raw):  # "قال لـ«الأفق»": told to the paper
        return True
    before = _key(raw).split()
    return bool(before) and (before[-1] in _outlet_words() or before[-1][1:] in _outlet_words())


def is_place(e: Entity, mentions: list[EntityMention], corpus: Corpus, outlets: frozenset[str]) -> bool:
    """A geocoded GPE/LOC/FAC that is not only ever an outlet's name."""
    if e.type not in PLACE_TYPES or e.geo is None:
        return False
    if not (-90 <= e.geo.lat <= 90 and -180 <= e.geo.lon <= 180):
        return False
    if mentions:
        return not all(
            _outlet_mention(m, corpus.docs[m.doc].text if m.doc in corpus.docs else "", outlets)
            for m in mentions
        )
    return not all(_is_outlet_name(n, outlets) for n in (e.name, *e.aliases))


def _point(e: Entity) -> geojson.Point:
    assert e.geo is not None
    return geojson.Point((e.geo.lon, e.geo.lat))


def _place_feature(e: Entity, mentions: list[EntityMention], corpus: Corpus) -> geojson.Feature:
    ev = sorted_evidence(Evidence(m.doc, m.start, m.end) for m in mentions)
    docs = [m.doc for m in mentions] or list(e.docs)
    props = {
        "kind": "place",
        "id": e.id,
        "type": e.type,
        "label": e.name,
        "date": None,
        "counts": {},
        "sources": corpus.sources(docs),
        "evidence": [corpus.evidence_json(x) for x in ev[:PLACE_EVIDENCE_MAX]],
        "mentions": len(mentions) or e.mentions,
        "aliases": list(e.aliases),
        "country": e.attributes.get("country"),
        "modality": None,
        "confidence": None,
    }
    return geojson.Feature(id=e.id, geometry=_point(e), properties=props)


def event_label(inc: Incident, place: Entity) -> str:
    """The incident's label, else type, place and date ("ATTACK — قاعدة عين الأسد الجوية — 2024-08-05"), as a map tooltip."""
    return inc.label or " — ".join(x for x in (inc.type, place.name, inc.date.value) if x)


def _incident_feature(inc: Incident, place: Entity, corpus: Corpus) -> geojson.Feature:
    evidence = sorted_evidence(inc.evidence)
    counts = {k: number(low) for k, vals in sorted(inc.slots.items()) if (low := lowest(vals)) is not None}
    slots = {k: [{"value": v.value, "source": v.source, "outlet": v.outlet} for v in vals] for k, vals in sorted(inc.slots.items())}
    reports = [corpus.events[r] for r in inc.reports if r in corpus.events]
    props = {
        "kind": "incident",
        "id": inc.id,
        "type": inc.type,
        "label": event_label(inc, place),
        "date": inc.date.value,
        "counts": counts,
        "slots": slots,
        "sources": corpus.sources(x.doc for x in evidence),
        "evidence": [corpus.evidence_json(x) for x in evidence],
        "mentions": len(inc.reports),
        "place": place.id,
        "reports": list(inc.reports),
        "modality": "happened" if corpus.happened(inc) else (reports[0].modality if reports else None),
        "confidence": inc.confidence,
    }
    return geojson.Feature(id=inc.id, geometry=_point(place), properties=props)


def feature_collection(corpus: Corpus) -> geojson.FeatureCollection:
    """Places first (by id), then incidents (by id); raises if the result is not valid GeoJSON."""
    outlets = frozenset(_key(i.outlet) for i in corpus.docs.values() if i.outlet)
    by_entity: dict[str, list[EntityMention]] = defaultdict(list)
    for m in corpus.mentions_of(None).entities:
        if m.entity:
            by_entity[m.entity].append(m)
    places = {
        e.id: e for e in sorted(corpus.views.entities, key=lambda e: e.id)
        if is_place(e, by_entity.get(e.id, []), corpus, outlets)
    }  # fmt: skip
    features = [_place_feature(e, by_entity.get(e.id, []), corpus) for e in places.values()]
    for inc in corpus.incidents:
        if inc.place in places:
            features.append(_incident_feature(inc, places[inc.place], corpus))
    fc = geojson.FeatureCollection(features)
    if not fc.is_valid:
        raise ValueError(f"invalid GeoJSON: {fc.errors()}")
    return fc


def write_geojson(corpus: Corpus, fp: TextIO) -> int:
    """Write the FeatureCollection (UTF-8, not ASCII-escaped); returns the number of features."""
    fc = feature_collection(corpus)
    fp.write(geojson.dumps(fc, ensure_ascii=False, indent=1))
    fp.write("\n")
    return len(fc["features"])
