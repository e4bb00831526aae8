"""Provinces as facts: the gazetteer's ``admin1`` column (and GeoNames' first-level code for
its cities) reaches the linked entity, and two provinces, or a town and another province,
are apart for incident resolution, while a town and its own province may be one scene.
The governorates GeoNames lacks keep their country and province with no point."""

from __future__ import annotations

from test_resolve_entities import by_name, doc

from rasd.annotators.entities import gazetteer as gz
from rasd.models import Entity, Geo
from rasd.resolve.entities import link
from rasd.story import places as pl


def test_a_listed_governorate_without_a_point_keeps_its_country_and_province() -> None:
    das = [doc("a", "وقع الحادث قرب الأفلاج ونقل المصابون إلى عرعر", ("الأفلاج", "GPE"), ("عرعر", "GPE"))]
    ents = link(das)
    aflaj, arar = by_name(ents, "الأفلاج"), by_name(ents, "عرعر")
    assert aflaj.geo is None and aflaj.attributes["country"] == "SA" and aflaj.attributes["admin1"] == "10"
    assert arar.geo is not None and arar.attributes["admin1"] == "15"  # GeoNames' code for its city


def test_every_listed_saudi_place_names_its_province() -> None:
    rows = [e for e in gz.curated() if e.country == "SA" and e.type in ("GPE", "LOC", "FAC")]
    assert len(rows) > 90
    assert all(e.admin1 for e in rows), [e.name for e in rows if not e.admin1]


def _ents() -> dict[str, Entity]:
    def sa(eid: str, name: str, admin1: str, geo: Geo | None) -> Entity:
        return Entity(eid, "GPE", name, geo=geo, attributes={"country": "SA", "admin1": admin1})

    return {
        "aflaj": sa("aflaj", "الأفلاج", "10", None),
        "bisha": sa("bisha", "بيشة", "11", None),
        "asir": sa("asir", "عسير", "11", Geo(18.22, 42.51, "region")),
        "abha": sa("abha", "أبها", "11", Geo(18.22, 42.5, "city")),
        "arar": sa("arar", "عرعر", "15", Geo(30.98, 41.04, "city")),
        "north": sa("north", "الحدود الشمالية", "15", Geo(30.98, 41.04, "region")),
        "nopro": Entity("nopro", "GPE", "بلدة", attributes={"country": "SA"}),  # no province known
    }


def test_a_town_and_another_province_are_apart_and_its_own_may_hold_it() -> None:
    ents = _ents()
    assert pl.relation("aflaj", "north", ents) == pl.APART
    assert pl.relation("bisha", "aflaj", ents) == pl.APART  # two governorates of two provinces
    assert pl.relation("bisha", "asir", ents) == pl.REGION
    assert pl.relation("arar", "north", ents) == pl.REGION
    assert pl.relation("nopro", "north", ents) == pl.REGION  # a province unknown on one side: perhaps inside
    assert pl.relation("nopro", "abha", ents) == pl.UNKNOWN  # … but not inside another town's province
    # two towns with points are judged by their distance, provinces aside
    assert pl.relation("abha", "arar", ents) == pl.APART
    assert pl.best_relation({"aflaj"}, {"arar", "north"}, ents) == pl.APART
