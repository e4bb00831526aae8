"""Articles added to the real-news dev half for one layer say so, and the benchmark scores
each layer only on the articles annotated for it (an article annotated for quotes alone must
not count every number in it as a spurious quantity)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from realnews.annotate import _dump  # noqa: E402
from realnews.records import GOLD, LAYERS, articles  # noqa: E402


def _refs() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((GOLD / "refs").glob("rn*.json"))]


def test_a_reference_holds_exactly_the_layers_it_declares() -> None:
    for ref in _refs():
        declared = ref.get("layers", list(LAYERS))
        assert declared and all(x in LAYERS for x in declared), ref["id"]
        assert [x for x in LAYERS if x in ref] == [x for x in LAYERS if x in declared], ref["id"]


def test_added_articles_are_dev_only_and_keep_the_reference_format() -> None:
    split = {a["id"]: a["split"] for a in articles()}
    for ref in _refs():
        if int(ref["id"][2:]) >= 200:
            assert split[ref["id"]] == "dev", ref["id"]
        path = GOLD / "refs" / f"{ref['id']}.json"
        assert _dump(ref) == path.read_text(encoding="utf-8"), ref["id"]  # written by annotate.py


def test_the_benchmark_scores_a_layer_on_its_articles_only() -> None:
    import realnews_bench as rb

    both = rb.Art("a", "نص", "2015-08-01", {"quotes": [], "quantities": [], "timex": []})
    quotes_only = rb.Art("b", "نص", "2015-08-01", {"layers": ["quotes"], "quotes": []})  # type: ignore[dict-item]
    arts, das = rb.annotated([both, quotes_only], ["da", "db"], "quantities")  # type: ignore[list-item]
    assert [a.id for a in arts] == ["a"] and das == ["da"]
    arts, _ = rb.annotated([both, quotes_only], ["da", "db"], "quotes")  # type: ignore[list-item]
    assert [a.id for a in arts] == ["a", "b"]


def test_equal_overlaps_go_to_the_prediction_closest_in_extent() -> None:
    import realnews_bench as rb

    gold = [(40, 60)]
    outer, exact = (0, 80), (40, 60)  # a quote whose content holds another one, and that one
    assert rb._match(gold, [outer, exact]) == {0: 1}
    assert rb._match(gold, [exact, outer]) == {0: 0}
    assert rb._match([(0, 80), (40, 60)], [outer, exact]) == {0: 0, 1: 1}
