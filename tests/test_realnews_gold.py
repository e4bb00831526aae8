"""The real-news gold set stays a set of references that point at the right characters.

It stores no article text, so these checks guard what it does store: every article still
resolves to the same shared record (URL and SHA-1), every span lies inside that record and
does not start or end on a space, values are well formed, and no string in a reference is
long enough to be copied text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from realnews.annotate import MODS, QMODS, TYPES, VALUE  # noqa: E402
from realnews.records import GOLD, articles, content, gold  # noqa: E402


def _spans(ref: dict) -> list[list[int]]:
    out = []
    for q in ref.get("quotes", []):
        out += [q[k] for k in ("content", "cue", "speaker", "role", "via") if q[k] is not None]
    out += [n["span"] for n in ref.get("quantities", [])]
    out += [n["object_span"] for n in ref.get("quantities", []) if n["object_span"]]
    out += [t["span"] for t in ref.get("timex", [])]
    return out


def test_selection_covers_outlets_and_splits() -> None:
    arts = articles()
    assert len(arts) >= 120
    assert len({a["source"] for a in arts}) >= 10
    assert {a["split"] for a in arts} == {"dev", "test"}
    assert len({a["id"] for a in arts}) == len(arts)


def test_references_hold_no_text() -> None:
    for path in sorted((GOLD / "refs").glob("*.json")):
        ref = json.loads(path.read_text(encoding="utf-8"))
        for n in ref.get("quantities", []):
            assert n["object"] is None or len(n["object"].split()) <= 3, (path.name, n["object"])
        strings = [v for q in ref.get("quotes", []) for v in q.values() if isinstance(v, str)]
        assert all(len(s) <= 12 for s in strings), path.name  # kind and polarity words only


def test_every_reference_points_into_its_record(shared_dir: Path) -> None:
    if not (shared_dir / "data" / "saudinewsnet").is_dir():
        pytest.skip("../shared/data/saudinewsnet is absent")
    refs = gold()
    assert refs, "no annotated article"
    by_id = {a["id"]: a for a in articles()}
    for art_id, ref in refs.items():
        art = by_id[art_id]
        assert ref["sha1"] == art["sha1"]
        text = content(art)  # raises when the shared record changed
        for s, e in _spans(ref):
            assert 0 <= s < e <= len(text), (art_id, s, e)
            assert not text[s].isspace() and not text[e - 1].isspace(), (art_id, text[s:e])
        for q in ref.get("quotes", []):
            assert q["polarity"] in ("assert", "deny")
        for n in ref.get("quantities", []):
            assert n["mod"] in QMODS
        for t in ref.get("timex", []):
            assert t["type"] in TYPES and t["mod"] in MODS, (art_id, t)
            assert t["value"] is None or VALUE.match(t["value"]), (art_id, t["value"])
