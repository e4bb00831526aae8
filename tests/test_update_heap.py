"""The cyclic garbage collector during a run (issue 14, cheap updates): paused while the cached
annotations are decoded (``incremental.collector_paused``), and what the run holds settled after
each corpus stage (``pipeline._long_lived``). Only when collections happen changes, never what a
run gives, and the collector is left as the run found it."""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from rasd import incremental, pipeline
from rasd.incremental import CachedCorpus, collector_paused
from rasd.models import DocAnalysis, Document, EntityMention, Published
from rasd.store import open_store


def test_the_collector_is_off_inside_and_as_it_was_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the caller's choice stays
    finally:
        gc.enable()


def test_a_failure_inside_still_turns_the_collector_back_on() -> None:
    with pytest.raises(ValueError, match="تالف"), collector_paused():
        raise ValueError("تالف")
    assert gc.isenabled()


def test_settled_objects_are_released_when_the_run_ends() -> None:
    assert gc.get_freeze_count() == 0
    with pipeline._long_lived() as settle:
        held = [[i] for i in range(1000)]
        settle()
        assert gc.get_freeze_count() >= len(held)
        more = [[i] for i in range(1000)]
        gc.collect()  # a full collection's survivors are settled too
        assert gc.get_freeze_count() >= len(held) + len(more)
    assert gc.get_freeze_count() == 0
    assert pipeline._settle_survivors not in gc.callbacks


def test_objects_the_caller_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with pipeline._long_lived() as settle:
            settle()  # not this run's to settle, nor to undo
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_decoding_without_the_collector_gives_the_same_analyses(tmp_path: Path) -> None:
    text = "زار الوزير سامي الحربي مدينة جدة أمس."
    doc = Document("d1", "d1.txt", 0, "", None, Published(), "ar", text, content_hash="h1")
    ents = [EntityMention("d1", text.index(w), text.index(w) + len(w), w, t) for w, t in (("سامي الحربي", "PER"), ("جدة", "GPE"))]
    da = DocAnalysis(doc, entities=ents)
    with open_store(str(tmp_path / "r.db")) as store:
        store.add_documents([doc])
        store.save_annotations([da], "fp")
        paused = CachedCorpus(store, [doc], "fp").analyses()
        gc.disable()
        try:
            assert not gc.isenabled()
            direct = CachedCorpus(store, [doc], "fp").analyses()
        finally:
            gc.enable()
    assert paused == direct == [da]
    assert gc.isenabled()


def _analysis(out: Path) -> dict[str, object]:
    data = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    data.pop("generated_at", None)
    return data


@contextmanager
def _as_always() -> Iterator[Callable[[], None]]:
    yield lambda: None


@contextmanager
def _on() -> Iterator[None]:
    yield


def test_a_run_and_its_update_give_what_they_give_with_the_collector_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo corpus, three pages and then the rest into one store, with the collector's
    pauses and without them: the same ``analysis.json``, and nothing left frozen."""
    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    pages = [str(p) for p in sorted(corpus.iterdir())]
    kw = {"as_of": "2024-09-01", "progress": False, "report": False, "workers": 1}
    for name in ("settled", "plain"):
        if name == "plain":
            monkeypatch.setattr(pipeline, "_long_lived", _as_always)
            monkeypatch.setattr(incremental, "collector_paused", _on)
        pipeline.analyze(pages[:3], db_path=tmp_path / f"{name}.db", out_dir=tmp_path / name, **kw)
        pipeline.analyze(pages[3:], db_path=tmp_path / f"{name}.db", out_dir=tmp_path / name, **kw)
        assert gc.get_freeze_count() == 0 and gc.isenabled()
    assert _analysis(tmp_path / "settled") == _analysis(tmp_path / "plain")
