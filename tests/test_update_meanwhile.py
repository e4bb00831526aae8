"""Work an update does beside the annotation of its new documents (issue 14, cheap updates):
the cached annotations decoded, the demonyms of every text read and the corpus stages'
resources loaded on a helper thread (``parallel.Meanwhile``, ``pipeline._meanwhile``). Only
caches are filled there, so what linking and the store give must not change."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from rasd import pipeline
from rasd.incremental import CachedCorpus, StoryCache
from rasd.models import DocAnalysis, Document, EntityMention, Published
from rasd.parallel import Meanwhile, can_fork
from rasd.resolve import demonyms
from rasd.resolve.demonyms import _demonym_hits, read_ahead
from rasd.store import open_store
from rasd.story import stance


def _doc(doc_id: str, text: str) -> Document:
    return Document(doc_id, doc_id + ".txt", 0, "", None, Published(), "ar", text, content_hash="h" + doc_id)


# --------------------------------------------------------------------------- the thread


def test_tasks_run_on_the_helper_thread_and_join_waits_for_them() -> None:
    where: list[str] = []
    m = Meanwhile([lambda: where.append(threading.current_thread().name)])
    m.start()
    m.start()  # a second tick starts nothing more
    m.join()
    assert where == ["rasd-meanwhile"]


def test_without_start_join_does_the_tasks_here_but_not_the_loads() -> None:
    done: list[str] = []
    m = Meanwhile([lambda: done.append("task")], [lambda: done.append("load")])
    m.join()
    assert done == ["task"]


def test_a_failing_task_is_raised_by_join_and_a_failing_load_is_skipped() -> None:
    def boom() -> None:
        raise ValueError("تالف")

    loaded: list[int] = []
    m = Meanwhile([], [boom, lambda: loaded.append(1)])
    m.start()
    m.join()  # a load that fails is loaded again where it is used
    assert loaded == [1]
    bad = Meanwhile([boom])
    bad.start()
    with pytest.raises(ValueError, match="تالف"):
        bad.join()


# --------------------------------------------------------------------------- cached annotations


def test_cached_corpus_decodes_what_load_annotations_decodes(tmp_path: Path) -> None:
    docs = [_doc("d1", "وصل الوزير إلى بغداد أمس."), _doc("d2", "قال المتحدث إن الاجتماع انتهى.")]
    with open_store(str(tmp_path / "r.db")) as store:
        store.add_documents(docs)
        cached = DocAnalysis(docs[0])
        cached.entities = [EntityMention("d1", 15, 20, "بغداد", "GPE")]
        store.save_annotations([cached], "fp")
        cc = CachedCorpus(store, docs, "fp")
        assert [da.doc.id for da in cc.todo] == ["d2"]  # known before anything is decoded
        todo = cc.todo[0]
        t = threading.Thread(target=cc.decode)  # as the helper thread does it
        t.start()
        t.join()
        das = cc.analyses()
        assert [da.doc.id for da in das] == ["d1", "d2"]
        assert das[1] is todo  # the one to annotate is the object annotation fills
        assert das[0].entities == cached.entities and das[0].doc is docs[0]
        assert das[0].entities[0].text == docs[0].text[15:20]
        assert store.load_annotations(docs, "fp") == {"d1": das[0]}  # as the store decodes it


# --------------------------------------------------------------------------- demonyms read ahead


def _das() -> list[DocAnalysis]:
    return [
        DocAnalysis(_doc("d1", "قال الوزير الفرنسي إن الوفد المصري وصل، وأكد المصريون ذلك.")),
        DocAnalysis(_doc("d2", "غاب الوفد الإيراني عن الاجتماع.")),
        DocAnalysis(_doc("d3", "لا ذكر لبلد هنا.")),
    ]


def test_demonyms_read_ahead_are_what_linking_would_read() -> None:
    fresh = _demonym_hits(_das())
    das = _das()
    read_ahead([da.doc for da in das])
    assert set(demonyms._AHEAD) == {"d1", "d2", "d3"}
    assert _demonym_hits(das) == fresh
    assert demonyms._AHEAD == {}  # taken once: a later run reads again


def test_a_text_that_changed_since_it_was_read_ahead_is_read_again() -> None:
    das = _das()
    read_ahead([da.doc for da in das])
    das[1].doc.text = "وصل الوفد العراقي."
    got = _demonym_hits(das)
    assert [iso for iso, _ in got["d2"]] == ["IQ"]
    assert got == _demonym_hits(das)


# --------------------------------------------------------------------------- the run


def test_the_update_thread_starts_only_where_annotation_runs_in_workers() -> None:
    assert pipeline._annotates_elsewhere(2 * pipeline.ANNOTATE_BATCH, workers=2)
    assert not pipeline._annotates_elsewhere(2 * pipeline.ANNOTATE_BATCH - 1, workers=2)
    assert not pipeline._annotates_elsewhere(1000, workers=1)


def _analysis(out: Path) -> dict[str, object]:
    data = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    data.pop("generated_at", None)
    return data


@pytest.mark.skipif(not can_fork(), reason="needs fork")
def test_an_update_with_the_thread_gives_the_full_run_s_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo corpus: three pages, then the others into the same store with workers (one
    document a task, so the thread runs), against one serial run over all of them."""
    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    pages = [str(p) for p in sorted(corpus.iterdir())]
    kw = {"as_of": "2024-09-01", "progress": False, "report": False}
    pipeline.analyze(pages, db_path=tmp_path / "full.db", out_dir=tmp_path / "full", workers=1, **kw)
    pipeline.analyze(pages[:3], db_path=tmp_path / "inc.db", out_dir=tmp_path / "inc", workers=1, **kw)
    started: list[int] = []
    real_start = Meanwhile.start

    def start(self: Meanwhile, *args: object) -> None:
        started.append(len(self.tasks))
        real_start(self, *args)

    monkeypatch.setattr(Meanwhile, "start", start)
    monkeypatch.setattr(pipeline, "ANNOTATE_BATCH", 1)
    pipeline.analyze(pages[3:], db_path=tmp_path / "inc.db", out_dir=tmp_path / "inc", workers=2, **kw)
    assert started  # the cached annotations were decoded, the demonyms read, on the thread
    assert _analysis(tmp_path / "inc") == _analysis(tmp_path / "full")


# --------------------------------------------------------------------------- the bounds of claim pairs

PAIR_A = ("أعلن المحافظ أن الجسر الجديد سيفتح أمام السيارات في الربيع.", "قال المحافظ إن افتتاح الجسر تأجل إلى الصيف.")
PAIR_B = ("ذكرت الوزارة أن المدارس ستغلق يومين بسبب العاصفة.", "أكدت الوزارة أن الدراسة مستمرة رغم العاصفة.")


def test_a_pair_bounded_once_is_not_bounded_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The claim comparison bounds every candidate pair on every run; an update takes the
    bounds of the pairs it met before from the store (``bnd:``), the same numbers."""
    model = stance.load_model()
    if model is None:  # no shipped model: nothing is bounded
        return
    direct = [float(x) for x in model.disagree_bound([PAIR_A, PAIR_B])]
    asked: list[tuple[str, str]] = []
    real = stance.StanceModel.disagree_bound

    def spy(self: stance.StanceModel, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        asked.extend(pairs)
        return real(self, pairs)

    monkeypatch.setattr(stance.StanceModel, "disagree_bound", spy)
    with open_store(str(tmp_path / "r.db")) as store:
        first = StoryCache(store)
        with first.comparisons():
            got = model.disagree_bound([PAIR_A, PAIR_A])
        first.flush()
        assert asked == [PAIR_A]  # each pair once
        second = StoryCache(store)
        with second.comparisons():
            got2 = model.disagree_bound([PAIR_B, PAIR_A])
        assert asked == [PAIR_A, PAIR_B]  # only the pair not met before
        assert second.counts["bnd reused"] == 1 and second.counts["bnd computed"] == 1
    assert isinstance(got2, np.ndarray) and got2.dtype == float
    assert [float(x) for x in got] == [direct[0], direct[0]]
    assert [float(x) for x in got2] == [direct[1], direct[0]]  # exactly the computed numbers
    assert "disagree_bound" not in vars(model)  # the class's method again once closed
