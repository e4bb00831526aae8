"""Train the small word vectors the stance model uses, from SaudiNewsNet (run once, offline).

Why our own vectors: no pretrained model may be downloaded, and the ANS pairs are too few
(3.4k) to learn that ``ارتفاع`` and ``انخفاض`` are related. Word2Vec on 31k Saudi news
articles gives every common news word a 50-number position; the stance features compare
the added and removed words of a pair in that space. Tokens are folded and stemmed exactly
as the stance features do (``rasd.story.stance.light_stem``), so lookups meet.

Deterministic: one worker thread, fixed seed, files read in sorted order. Output is an
``.npz`` with ``vocab`` (str array) and ``vectors`` (float16), a few MB. Usage::

    python -m rasd.story.stance_model.train_vectors [--data ../shared/data/saudinewsnet]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from rasd.story.stance import light_stem
from rasd.text import fold

VECTORS_PATH = Path(__file__).resolve().parent / "vectors.npz"
_WORD = re.compile(r"[\w]+")


def stem_tokens(text: str) -> list[str]:
    """Folded, article-stripped word tokens (same light stem as the stance features)."""
    out = []
    for w in _WORD.findall(fold(text)):
        out.append(light_stem(w))
    return out


def sentences(data: Path) -> Iterator[list[str]]:
    """Title and paragraph-sized chunks of every article, in sorted file order."""
    for zp in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(zp) as z:
            for name in sorted(z.namelist()):
                for art in json.loads(z.read(name)):
                    for part in [art.get("title") or "", *(art.get("content") or "").split("\n")]:
                        toks = stem_tokens(part)
                        if len(toks) >= 3:
                            yield toks


class _Corpus:
    """Re-iterable corpus (gensim walks it once per epoch plus once for the vocabulary)."""

    def __init__(self, data: Path) -> None:
        self.data = data

    def __iter__(self) -> Iterator[list[str]]:
        return sentences(self.data)


def train(data: Path, out: Path = VECTORS_PATH, dim: int = 50, max_vocab: int = 40000, epochs: int = 3) -> dict[str, int]:
    from gensim.models import Word2Vec

    model = Word2Vec(
        _Corpus(data), vector_size=dim, window=5, min_count=5, workers=1, seed=13, epochs=epochs, sg=0,
        max_final_vocab=max_vocab * 2,
    )
    kv = model.wv
    vocab = kv.index_to_key[:max_vocab]
    vecs = np.stack([kv[w] for w in vocab]).astype(np.float16)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, vocab=np.array(vocab), vectors=vecs)
    return {"vocab": len(vocab), "dim": dim}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[4].parent / "shared/data/saudinewsnet")
    ap.add_argument("--out", type=Path, default=VECTORS_PATH)
    args = ap.parse_args()
    if not any(args.data.glob("*.zip")):
        sys.stderr.write(f"train_vectors: no SaudiNewsNet zips in {args.data}\n")
        return 1
    info = train(args.data, args.out)
    print(f"wrote {args.out}: {info['vocab']} words x {info['dim']} dims")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
