"""A word's LSTM input projection is the same whatever other words share its batch.

The tagger caches projections per word across documents; before the fixed batch shape, the
rounding of a word's row depended on how many new words were projected with it, so a
document's labels and confidences could depend on what a worker had read before."""

from __future__ import annotations

import numpy as np
import pytest

from rasd.annotators.entities import neural


@pytest.fixture(scope="module")
def tagger() -> neural.NeuralTagger:
    t = neural.tagger()
    if t is None:
        pytest.skip("no neural model shipped")
    return t


def test_projection_independent_of_batch(tagger: neural.NeuralTagger) -> None:
    words = ["الرياض", "وزاره", "المتحدث", "بغداد", "قال", "الهجوم", "عشرين", "كتيبه"]
    alone = np.stack([tagger.project([w])[0] for w in words])
    together = tagger.project(words)
    crowded = tagger.project([f"كلمه{k}" for k in range(100)] + words)[-len(words) :]
    assert np.array_equal(alone, together)
    assert np.array_equal(alone, crowded)


def test_projection_shape(tagger: neural.NeuralTagger) -> None:
    assert tagger.project([]).shape == (0, tagger.w_ih.shape[1])
    assert tagger.project(["ا"] * (neural.PROJ_ROWS + 1)).shape == (neural.PROJ_ROWS + 1, tagger.w_ih.shape[1])
