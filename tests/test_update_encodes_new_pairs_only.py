"""An update encodes ahead only the claim texts of pairs the store has not answered yet.

The claim comparison sends the texts of every candidate pair to the sentence encoder ahead
of time (``story.ahead.Reader``). In an update most pairs were compared by an earlier run
and their answers come from the store (``incremental.StoryCache.comparisons``): encoding
their texts again was a whole-store cost of every update. Our own sentences."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace, TracebackType
from typing import Any

from rasd.incremental import StoryCache
from rasd.store import open_store
from rasd.story import stance
from rasd.story.ahead import Reader

OLD = ("أكد الوزير أن القوات ستغادر البلاد قبل نهاية العام.", "نفى المتحدث أن تغادر القوات البلاد هذا العام.")
NEW = ("قال القائد إن الانسحاب اكتمل من القاعدة الشمالية.", "أفاد مصدر بأن الانسحاب من القاعدة لم يكتمل بعد.")


class _Recorder:
    """A ``story.ahead.Fill`` that only records what it is given."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def put(self, item: list[str]) -> None:
        self.texts.extend(item)

    def finish(self) -> None:
        pass

    def __enter__(self) -> _Recorder:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        pass


def _model(answered: Any) -> Any:
    return SimpleNamespace(
        disagree_bound=lambda pairs: [1.0] * len(pairs), uses_encoder=lambda: True, answered=answered
    )


def test_the_reader_sends_only_unanswered_pairs() -> None:
    rec = _Recorder()

    def answered(pairs: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
        return {p for p in pairs if p == OLD}

    with Reader(_model(answered), lambda enc: rec) as reader:
        reader.bounds([OLD, NEW], lambda k, b: True)
    assert rec.texts == list(NEW)
    # without the store's answers every kept pair is read ahead, as before
    rec2 = _Recorder()
    with Reader(_model(None), lambda enc: rec2) as reader:
        reader.bounds([OLD, NEW], lambda k, b: True)
    assert rec2.texts == [*OLD, *NEW]


def test_the_story_cache_says_which_pairs_it_answers(tmp_path: Path) -> None:
    if stance.load_model() is None:  # no shipped model: nothing is compared, nothing cached
        return
    with open_store(str(tmp_path / "rasd.db")) as store:
        first = StoryCache(store)
        with first.comparisons():
            model = stance.load_model()
            assert model is not None
            assert model.answered([OLD, NEW]) == set()  # type: ignore[attr-defined]
            model.predict_proba([OLD])
            assert model.answered([OLD, NEW]) == {OLD}  # type: ignore[attr-defined]  # kept, not yet saved
        first.flush()
        second = StoryCache(store)
        with second.comparisons():
            model = stance.load_model()
            assert model is not None
            assert model.answered([NEW, OLD]) == {OLD}  # type: ignore[attr-defined]
        assert not hasattr(model, "answered")  # the class's behaviour again once closed
        assert second.counts == {}  # asking which are answered reads nothing
