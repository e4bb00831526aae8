"""The claim comparison judged block group by block group (what ``--dask`` runs as tasks, on
copies of the claims) gives the conflicts of one pass; a pair met in two blocks is settled
by the first block that settles it, as one pass does."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence

import pytest
from test_story_ahead import AS_OF, SOURCES, _doc

from rasd.models import to_dict
from rasd.parallel_dask import _block_groups, _judge_task
from rasd.story import ahead
from rasd.story import conflicts as cf
from rasd.story.claims import ClaimRecord
from rasd.story.stage import _per_document
from rasd.text import encoder as enc

TEXTS = [*SOURCES, "نفى المتحدث أن يكون 300 جندي قد غادروا القاعدة الجوية."]  # and a denial (self-written)


@pytest.fixture(scope="module")
def recs() -> list[ClaimRecord]:
    das = [_doc(f"d{i}", t) for i, t in enumerate(TEXTS)]
    out = [r for da in das for r in _per_document(da, {}, AS_OF)[1]]
    assert len(out) >= 5
    return out


def _copy(x: object) -> object:
    return pickle.loads(pickle.dumps(x))  # what a task receives: copies, not the caller's objects


def _here(parts: int, seen: list[int]) -> cf.JudgeOn:
    """``parallel_dask.judge_on_dask`` without a cluster: the same groups and task function."""

    def on(records: Sequence[ClaimRecord], scope: cf.Scope | None, blocks: cf.Blocks,
           admits: Callable[[ClaimRecord], bool] | None) -> tuple[list[list[cf.Judged]], dict[tuple[str, str], float]]:  # fmt: skip
        admitted = None if admits is None else frozenset(r.claim.id for r in records if admits(r))
        judged: list[list[cf.Judged]] = []
        bounds: dict[tuple[str, str], float] = {}
        groups = _block_groups(blocks, parts)
        seen.append(len(groups))
        for g in groups:
            got, b = _judge_task(_copy({i: records[i] for _, m in g for i in m}), scope, g, admitted)  # type: ignore[arg-type]
            judged.extend(got)
            bounds.update(b)
        return judged, bounds

    return on


def test_block_groups_keep_every_block_in_order(recs: list[ClaimRecord]) -> None:
    blocks = cf.blocks_of(recs)
    assert len(blocks) >= 3
    for parts in (1, 2, 5, 100):
        groups = _block_groups(blocks, parts)
        assert [b for g in groups for b in g] == blocks
        assert all(groups) and len(groups) <= max(parts, 1) + 1


def test_conflicts_judged_by_block_group_on_copies_are_the_ones_of_one_pass(recs: list[ClaimRecord]) -> None:
    plain = [to_dict(k) for k in cf.find_conflicts(recs, use_model=False)]
    assert plain  # the sources disagree
    for parts in (1, 3, 50):
        seen: list[int] = []
        got = [to_dict(k) for k in cf.find_conflicts(recs, use_model=False, judge_on=_here(parts, seen))]
        assert got == plain and seen


def test_with_the_model_bounds_from_the_tasks_are_used_and_the_result_is_the_same(recs: list[ClaimRecord]) -> None:
    model = cf.load_model()
    if model is None:
        pytest.skip("stance model not trained yet (run `rasd train stance`)")
    plain = [to_dict(k) for k in cf.find_conflicts(recs)]
    told: list[int] = []

    class Told(ahead.Reader):
        def know(self, bounds: dict[tuple[str, str], float]) -> None:  # type: ignore[override]
            told.append(len(bounds))
            super().know(bounds)

    enc.get_encoder.cache_clear()
    with Told(model) as reader:
        cf.read_ahead(recs, lambda a, b: (None, None), reader, lambda r: "d1" not in r.doc, _here(2, []))
        got = [to_dict(k) for k in cf.find_conflicts(recs, reader=reader, judge_on=_here(2, []))]
    assert got == plain
    assert len(told) == 2 and told[-1] > 0  # the tasks' bounds reached the reader (read ahead, then the full pass)


def test_a_pair_is_settled_by_the_first_block_that_settles_it(recs: list[ClaimRecord]) -> None:
    a, b = recs[0], recs[1]
    first = cf.Candidate(a, b, "polarity", "أ", 1.0)
    later = cf.Candidate(a, b, "number", "ب", 2.0)
    cands, pending, seen = cf._replay(recs, [[(0, 1, "topic-a")], [(0, 1, first)], [(0, 1, later)], [(0, 2, cf.OUT)], [(0, 2, later)]])
    assert cands == [first] and first.a is recs[0] and first.b is recs[1]
    assert pending == [(0, 1, "topic-a")]  # left to the model first, settled later: the model's pass drops it
    assert seen == {(0, 1), (0, 2)}  # out of scope in its first block: never a candidate later
