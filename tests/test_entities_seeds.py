"""Acceptance on the real seed pages (skipped when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.annotators.entities.corpus import load_documents
from rasd.models import Entity
from rasd.resolve.entities import analyse


@pytest.fixture(scope="module")
def seeds(shared_dir: Path) -> tuple[list, list[Entity]]:  # type: ignore[type-arg]
    return analyse(load_documents([shared_dir / "seeds"]))


def _forms(e: Entity) -> set[str]:
    return {e.name, *e.aliases}


def test_offsets_hold_on_real_pages(seeds: tuple[list, list[Entity]]) -> None:  # type: ignore[type-arg]
    das, _ = seeds
    assert sum(len(da.entities) for da in das) > 100
    for da in das:
        for m in da.entities:
            assert da.doc.text[m.start : m.end] == m.text
            assert m.entity is not None


def test_sudani_is_one_entity_under_all_forms(seeds: tuple[list, list[Entity]]) -> None:  # type: ignore[type-arg]
    _, ents = seeds
    hits = [e for e in ents if any("السوداني" in f for f in _forms(e))]
    assert len(hits) == 1
    assert {"محمد شياع السوداني", "السوداني", "محمد السوداني"} <= _forms(hits[0])
    assert hits[0].type == "PER" and len(hits[0].docs) >= 2


def test_bases_are_linked_and_geocoded(seeds: tuple[list, list[Entity]]) -> None:  # type: ignore[type-arg]
    _, ents = seeds
    asad = [e for e in ents if any("الأسد" in f or "الاسد" in f for f in _forms(e))]
    assert len(asad) == 1 and len(_forms(asad[0])) >= 3
    geo = asad[0].geo
    assert geo is not None and 33.5 < geo.lat < 34.1 and 42.2 < geo.lon < 42.7  # Anbar
    harir = [e for e in ents if any("حرير" in f for f in _forms(e))]
    assert len(harir) == 1 and harir[0].geo is not None
    assert abs(harir[0].geo.lat - 36.5) < 0.3 and abs(harir[0].geo.lon - 44.3) < 0.3  # near Erbil


def test_bodies_and_groups_under_their_names(seeds: tuple[list, list[Entity]]) -> None:  # type: ignore[type-arg]
    _, ents = seeds
    names = {e.name: e for e in ents}
    assert names["قيادة العمليات المشتركة"].type == "ORG"
    assert "التحالف" in names["التحالف الدولي"].aliases
    assert len(names["التحالف الدولي"].docs) >= 4
    assert "داعش" in names["تنظيم الدولة الإسلامية"].aliases
