"""The claim-comparison model: features, training on self-written pairs, the shipped model."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.story.stance import (
    LABELS,
    MODEL_PATH,
    VECTORS_PATH,
    PairView,
    StanceModel,
    Vectors,
    dense_features,
    load_model,
    load_vectors,
    numbers,
)
from rasd.story.stance_train import macro_f1, read_pairs

AGREE = [
    ("ارتفاع أسعار النفط في الأسواق العالمية", "أسعار النفط ترتفع عالميا"),
    ("الحكومة تعلن خطة جديدة للإسكان", "خطة إسكان جديدة تعلنها الحكومة"),
    ("افتتاح مستشفى كبير في المدينة", "المدينة تشهد افتتاح مستشفى كبير"),
    ("فوز المنتخب في المباراة النهائية", "المنتخب يفوز بالمباراة النهائية"),
    ("انخفاض البطالة خلال العام الحالي", "البطالة تنخفض هذا العام"),
    ("زيادة عدد السياح إلى البلاد", "عدد السياح القادمين إلى البلاد يزداد"),
]
DISAGREE = [
    ("ارتفاع أسعار النفط في الأسواق العالمية", "انخفاض أسعار النفط في الأسواق العالمية"),
    ("الحكومة تعلن خطة جديدة للإسكان", "الحكومة لم تعلن أي خطة للإسكان"),
    ("افتتاح مستشفى كبير في المدينة", "إغلاق مستشفى كبير في المدينة"),
    ("فوز المنتخب في المباراة النهائية", "خسارة المنتخب في المباراة النهائية"),
    ("انخفاض البطالة خلال العام الحالي", "ارتفاع البطالة خلال العام الحالي"),
    ("زيادة عدد السياح إلى البلاد", "نقص عدد السياح إلى البلاد"),
]
OTHER = [
    ("ارتفاع أسعار النفط في الأسواق العالمية", "مهرجان للكتاب يفتح أبوابه للزوار"),
    ("الحكومة تعلن خطة جديدة للإسكان", "فريق كرة السلة يصل إلى النهائي"),
    ("افتتاح مستشفى كبير في المدينة", "أمطار غزيرة تضرب المناطق الساحلية"),
    ("فوز المنتخب في المباراة النهائية", "البنك المركزي يثبت سعر الفائدة"),
]


def _data() -> tuple[list[tuple[str, str]], list[str]]:
    pairs = AGREE + DISAGREE + OTHER
    labels = ["agree"] * len(AGREE) + ["disagree"] * len(DISAGREE) + ["other"] * len(OTHER)
    return pairs, labels


def test_pair_view_added_and_removed_words() -> None:
    v = PairView.of("ارتفاع أسعار النفط", "انخفاض أسعار النفط")
    assert v.added == ["انخفاض"] and v.removed == ["ارتفاع"]


def test_dense_features_see_negation_antonyms_and_numbers() -> None:
    same = dense_features("الحكومة تعلن خطة", "الحكومة تعلن خطة")
    neg = dense_features("الحكومة تعلن خطة", "الحكومة لم تعلن خطة")
    ant = dense_features("ارتفاع الأسعار", "انخفاض الأسعار")
    num = dense_features("مقتل 5 أشخاص", "مقتل 7 أشخاص")
    assert same[0] == 1.0 and neg[6] == 1.0 and same[6] == 0.0
    assert ant[8] >= 1.0 and same[8] == 0.0
    assert num[9] == 1.0 and same[9] == 0.0
    assert numbers("قتل ٥ و 2.5") == {5.0, 2.5}


def test_model_learns_contrast_on_own_pairs() -> None:
    pairs, labels = _data()
    model = StanceModel(c=10.0).fit(pairs, labels)
    assert model.predict(pairs) == labels  # separable training data is fitted
    probs = model.predict_proba([("ارتفاع أسعار الذهب في الأسواق", "انخفاض أسعار الذهب في الأسواق")])
    assert set(probs[0]) == set(LABELS)
    assert abs(sum(probs[0].values()) - 1.0) < 1e-6
    assert max(probs[0], key=probs[0].__getitem__) == "disagree"
    assert model.predict([]) == [] and model.predict_proba([]) == []


def test_tune_bias_recovers_a_shifted_class() -> None:
    import numpy as np

    from rasd.story.stance_train import tune_bias

    # "other" is always under-scored by a constant: an offset must bring it back
    labels = ["agree", "disagree", "other"] * 10
    rows = {"agree": [0.6, 0.3, 0.1], "disagree": [0.3, 0.6, 0.1], "other": [0.45, 0.35, 0.2]}
    oof = np.array([rows[lab] for lab in labels])
    bias, f1 = tune_bias(oof, labels)
    assert f1 == 1.0 and bias[2] > 0


def test_macro_f1() -> None:
    assert macro_f1(["agree", "disagree", "other"], ["agree", "disagree", "other"]) == 1.0
    assert macro_f1(["agree", "agree"], ["disagree", "disagree"]) == 0.0


def test_read_pairs(tmp_path: Path) -> None:
    p = tmp_path / "x.csv"
    p.write_text('s1,s2,stance\n"أ، ب",ج,agree\nد,هـ,other\n', encoding="utf-8")
    pairs, labels = read_pairs(p)
    assert pairs == [("أ، ب", "ج"), ("د", "هـ")] and labels == ["agree", "other"]


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_features_never_raise_on_arbitrary_text(a: str, b: str) -> None:
    f = dense_features(a, b)
    assert len(f) == len(dense_features("", ""))
    assert all(x == x for x in f)  # no NaN


def test_shipped_model_is_small_and_loads() -> None:
    if not MODEL_PATH.is_file():
        pytest.skip("stance model not trained yet (run `rasd train stance`)")
    assert MODEL_PATH.stat().st_size < 20_000_000
    model = load_model()
    assert model is not None
    (p,) = model.predict_proba([("الجيش يعلن انسحاب قواته من المدينة", "الجيش ينفي انسحاب قواته من المدينة")])
    assert set(p) == set(LABELS)


def test_shipped_model_on_ans_test(shared_dir: Path) -> None:
    """Regression guard on the figure the benchmark reports: 66.4 for the LR × trees model
    (chosen by grouped CV on train+dev, 0.773 vs 0.756 for the LR alone, which scored 69.1 on
    test); the 72 target is not reached, see docs/benchmarks/stance.md. The test split is only
    read, never fitted or used to choose."""
    model = load_model()
    if model is None:
        pytest.skip("stance model not trained yet (run `rasd train stance`)")
    pairs, gold = read_pairs(shared_dir / "data/ans/stance/test.csv")
    assert macro_f1(gold, model.predict(pairs)) >= 0.66


def _tiny_vectors(tmp_path: Path) -> Path:
    """Hand-made 3-d vectors: rise/fall close together, a festival far away."""
    import numpy as np

    vocab = ["ارتفاع", "انخفاض", "اسعار", "نفط", "مهرجان"]
    vecs = np.array([[1, 0.2, 0], [0.9, 0.3, 0], [0, 1, 0], [0, 0.9, 0.1], [0, 0, 1]], dtype=np.float16)
    p = tmp_path / "v.npz"
    np.savez_compressed(p, vocab=np.array(vocab), vectors=vecs)
    return p


def test_vector_features_align_swapped_words(tmp_path: Path) -> None:
    from rasd.story.stance import load_vectors, vector_features

    vectors = load_vectors(_tiny_vectors(tmp_path))
    assert vectors is not None
    swap = vector_features("ارتفاع أسعار النفط", "انخفاض أسعار النفط", vectors)
    off = vector_features("ارتفاع أسعار النفط", "مهرجان أسعار النفط", vectors)
    same = vector_features("ارتفاع أسعار النفط", "ارتفاع أسعار النفط", vectors)
    assert swap.shape == off.shape == same.shape == (9,)
    # [cos(a, b), cos(added, removed), align mean, align min, align max, ...]
    assert swap[1] > 0.9 and off[1] < 0.1 and same[1] == 0.0
    assert swap[2] > off[2] and swap[0] > off[0]
    assert load_vectors(tmp_path / "missing.npz") is None


def test_model_with_vectors_fits_own_pairs(tmp_path: Path) -> None:
    from rasd.story.stance import load_vectors

    pairs, labels = _data()
    model = StanceModel(c=10.0, vectors=load_vectors(_tiny_vectors(tmp_path))).fit(pairs, labels)
    assert model.predict(pairs) == labels


@cache
def _shipped_or_tiny_vectors() -> Vectors:
    import numpy as np

    return load_vectors(VECTORS_PATH) or ({"x": 0}, np.ones((1, 4), dtype=np.float32))


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_vector_features_never_raise(a: str, b: str) -> None:
    import numpy as np

    from rasd.story.stance import vector_features

    vectors = _shipped_or_tiny_vectors()
    f = vector_features(a, b, vectors)
    assert f.shape == vector_features("", "", vectors).shape and np.isfinite(f).all()


def test_vector_tokens_match_feature_tokens() -> None:
    """The vectors are trained on the same folded, stemmed tokens the features look up."""
    from rasd.story.stance import light_stem, words
    from rasd.story.stance_model.train_vectors import stem_tokens

    s = "وارتفعت أسعار النفط بنسبة ٣٪ في الأسواق العالمية، بحسب المصادر"
    assert stem_tokens(s) == [light_stem(w) for w in words(s)]


def test_shipped_vectors_place_related_words_close() -> None:
    from rasd.story.stance import VECTORS_PATH, load_vectors

    if not VECTORS_PATH.is_file():
        pytest.skip("word vectors not trained (python -m rasd.story.stance_model.train_vectors)")
    assert VECTORS_PATH.stat().st_size < 20_000_000
    vectors = load_vectors()
    assert vectors is not None
    idx, vecs = vectors
    rise, fall, fest = (vecs[idx[w]] for w in ("ارتفاع", "انخفاض", "مهرجان"))
    assert float(rise @ fall) > float(rise @ fest) + 0.2


def test_align_features_find_the_swapped_word(tmp_path: Path) -> None:
    import numpy as np

    from rasd.story.stance import align_features

    vectors = load_vectors(_tiny_vectors(tmp_path))
    assert vectors is not None
    idx, vecs = vectors
    same = align_features("ارتفاع أسعار النفط", "ارتفاع أسعار النفط", vectors)
    swap = align_features("ارتفاع أسعار النفط", "انخفاض أسعار النفط", vectors)
    off = align_features("ارتفاع أسعار النفط", "مهرجان أسعار النفط", vectors)
    assert same.shape == swap.shape == (16 + vecs.shape[1],)
    # [mean, min, unmatched, related share, related count] a→b, then b→a, then best, second, lengths, offset
    assert same[0] == same[5] == 1.0 and same[1] == 1.0 and not same[16:].any()
    assert swap[0] > 0.9 and swap[2] == 0.0 and swap[10] > 0.9  # every word matched, one by a swap
    assert off[1] < 0.3 and off[2] > 0.3 and off[10] < 0.1
    assert np.allclose(swap[16:], vecs[idx["انخفاض"]] - vecs[idx["ارتفاع"]])


def test_trees_blend_with_linear_model(tmp_path: Path) -> None:
    import numpy as np

    pairs, labels = _data()
    model = StanceModel(c=10.0, vectors=load_vectors(_tiny_vectors(tmp_path)), use_encoder=False).fit(pairs, labels)
    assert model.gbm is not None and hasattr(model.gbm, "classes_") and not model.uses_encoder()
    blended = np.array([[p[lab] for lab in LABELS] for p in model.predict_proba(pairs)])
    model.blend = 0.0
    linear = np.array([[p[lab] for lab in LABELS] for p in model.predict_proba(pairs)])
    assert np.allclose(blended.sum(1), 1.0) and np.allclose(linear.sum(1), 1.0)
    model.blend = 1.0
    trees = np.array([[p[lab] for lab in LABELS] for p in model.predict_proba(pairs)])
    assert not np.allclose(blended, linear)  # the trees change the probabilities
    # a plain average: neither model can veto a class the other gives weight to
    assert np.allclose(blended, (linear + trees) / 2)
    assert StanceModel(c=10.0).gbm is None  # without vectors: the linear model alone


def test_repeated_cross_validation_stacks_out_of_fold_rows() -> None:
    import numpy as np

    from rasd.story.stance_train import cross_validate

    pairs, labels = _data()
    score, oof, oof_base = cross_validate(pairs, labels, 10.0, folds=2, seeds=(1, 2))
    assert oof.shape == oof_base.shape == (2 * len(labels), len(LABELS)) and 0.0 <= score <= 1.0
    assert abs(float(oof.sum()) - 2 * len(labels)) < 1e-6  # every row filled with probabilities
    assert abs(float(oof_base.sum()) - 2 * len(labels)) < 1e-6
    assert not np.allclose(oof, oof_base)  # the encoder model takes part in the full average
