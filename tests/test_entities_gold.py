"""The real-news entity gold stays references that point at the right characters.

It stores no article text: offsets, a type and a cluster key per mention. These checks
guard that: each file names an article of the selection with its SHA-1, every span lies in
the record, starts and ends on a letter or digit, does not overlap another, and carries a
known type and an ASCII key; both halves hold at least 30 articles.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from realnews.records import GOLD, articles, content  # noqa: E402

ENT = GOLD / "entities"
TYPES = {"PER", "ORG", "GPE", "LOC", "FAC", "MISC"}


def _refs() -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(ENT.glob("rn*.json"))]


def test_both_halves_are_large_enough_and_hold_no_text() -> None:
    split = {a["id"]: a["split"] for a in articles()}
    refs = _refs()
    halves = [split[r["id"]] for r in refs if r["done"]]
    assert halves.count("dev") >= 30 and halves.count("test") >= 30
    for r in refs:
        assert set(r) == {"id", "sha1", "done", "entities"}
        for s, e, typ, key in r["entities"]:
            assert isinstance(s, int) and isinstance(e, int) and s < e
            assert typ in TYPES and re.fullmatch(r"[a-z0-9][a-z0-9-]*", key) and len(key) <= 60


def test_every_span_points_into_its_record(shared_dir: Path) -> None:
    if not (shared_dir / "data" / "saudinewsnet").is_dir():
        pytest.skip("../shared/data/saudinewsnet is absent")
    by_id = {a["id"]: a for a in articles()}
    for r in _refs():
        art = by_id[r["id"]]
        assert r["sha1"] == art["sha1"]
        text = content(art)
        last_end = -1
        for s, e, _, _ in sorted(r["entities"]):
            assert s >= last_end, (r["id"], s)  # flat: no overlap
            span = text[s:e]
            assert span[0].isalnum() and span[-1].isalnum(), (r["id"], s, e)
            last_end = e
