"""Reproducible training and conlleval-style evaluation of the CRF entity model.

``rasd train ner`` calls :func:`train`: it derives the token gazetteer from ANETAC (names
and classes only), carves a dev split from the end of ANERcorp train, picks the
regularisation on dev, then retrains on all of train. The test file is never read here
except by :func:`evaluate`, which the benchmark calls once the model is fixed.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rasd.annotators.entities import features
from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.consistency import propagate
from rasd.annotators.entities.features import GAZ_FILE, sent_features
from rasd.annotators.entities.labels import chunks, to_bio, to_bioes
from rasd.resources import load_table
from rasd.text.normalize import fold

SEED = 13
MODEL_PATH = Path(__file__).parent / "model" / "ner.crfsuite"
GAZ_PATH = Path(__file__).resolve().parents[2] / "resources" / GAZ_FILE
# (c1, c2) grid tried on the dev split; small on purpose (2 shared cores).
GRID: tuple[tuple[float, float], ...] = ((0.01, 0.01), (0.001, 0.05))
DOC_WINDOW = 20  # sentences per pseudo-document when scoring the consistency pass
ITERATIONS = 150
ENCODING = "bio"  # BIOES scored lower on dev (0.689 vs 0.700)
ANETAC_CLASSES = {"PERSON": "P", "LOCATION": "L", "ORGANIZATION": "O"}

Sentence = tuple[list[str], list[str]]


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of a two-column CoNLL file (``TOKEN TAG``), blank line between sentences."""
    out: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if words:
                out.append((words, tags))
                words, tags = [], []
            continue
        words.append(parts[0])
        tags.append(parts[-1])
    if words:
        out.append((words, tags))
    return out


def build_gazetteer(anetac: Path, out: Path = GAZ_PATH) -> int:
    """Write folded name tokens with their ANETAC classes; returns the number of tokens.

    Only names and classes are kept (no sentences). Tokens of 1 letter and digits are dropped.
    """
    classes: dict[str, set[str]] = {}
    for line in anetac.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 3 or parts[0] not in ANETAC_CLASSES:
            continue
        cls = ANETAC_CLASSES[parts[0]]
        for w in parts[1:]:
            if not any("\u0621" <= ch <= "\u064a" for ch in w):
                continue  # the English side
            f = fold(w)
            if len(f) >= 2 and not f.isdigit():
                classes.setdefault(f, set()).add(cls)
    # places: countries, curated domain names and GeoNames cities (class C), curated (K)
    for e in (*gz.countries(), *gz.curated()):
        for n in (e.name, *e.aliases):
            for w in gz.key_of(n).split():
                if len(w) >= 2:
                    classes.setdefault(w, set()).add("C" if e.type in ("GPE", "LOC") else "K")
    for k in gz.cities():
        for w in k.split():
            if len(w) >= 3:
                classes.setdefault(w, set()).add("C")
    lines = [
        "# derived gazetteer, names only: folded Arabic name token<TAB>classes",
        "# P/L/O: ANETAC (Hadj Ameur et al. 2019) person/location/organisation;"
        " C: country or GeoNames city; K: curated domain name",
    ]
    lines += [f"{w}\t{''.join(sorted(c))}" for w, c in sorted(classes.items())]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(classes)


def dev_split(data: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """Train and dev parts of ANERcorp train: dev is its last 10%, as every trainer holds it out."""
    cut = len(data) - len(data) // 10
    return data[:cut], data[cut:]


def entities_of(tags: list[str]) -> set[tuple[int, int, str]]:
    """conlleval chunks ``(start, end, type)``; an ``I-`` after a different type starts a chunk."""
    return set(chunks(tags))


@dataclass
class Scores:
    per_type: dict[str, tuple[float, float, float, int]]  # precision, recall, f1, gold count
    overall: tuple[float, float, float, int]


def score(gold: Iterable[list[str]], pred: Iterable[list[str]]) -> Scores:
    """Exact-span precision/recall/F1 per type and overall (micro), as conlleval computes them."""
    tp: dict[str, int] = {}
    ng: dict[str, int] = {}
    np_: dict[str, int] = {}
    for g, p in zip(gold, pred, strict=True):
        ge, pe = entities_of(g), entities_of(p)
        for e in ge:
            ng[e[2]] = ng.get(e[2], 0) + 1
        for e in pe:
            np_[e[2]] = np_.get(e[2], 0) + 1
        for e in ge & pe:
            tp[e[2]] = tp.get(e[2], 0) + 1

    def prf(t: int, p: int, g: int) -> tuple[float, float, float, int]:
        pr = t / p if p else 0.0
        rc = t / g if g else 0.0
        return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0), g

    types = sorted(set(ng) | set(np_))
    per = {ty: prf(tp.get(ty, 0), np_.get(ty, 0), ng.get(ty, 0)) for ty in types}
    overall = prf(sum(tp.values()), sum(np_.values()), sum(ng.values()))
    return Scores(per, overall)


def _fit(
    data: list[Sentence], path: Path, c1: float, c2: float, iterations: int, algorithm: str = "lbfgs", encoding: str = "bio"
) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    for words, tags in data:
        trainer.append(sent_features(words), to_bioes(tags) if encoding == "bioes" else tags)
    if algorithm == "lbfgs":
        params: dict[str, object] = {"c1": c1, "c2": c2, "max_iterations": iterations}
    else:  # averaged perceptron / passive-aggressive: iterations are epochs
        params = {"max_iterations": iterations}
    params["feature.possible_transitions"] = True
    trainer.set_params(params)
    trainer.train(str(path))


def predict(model: Path, sents: list[list[str]]) -> list[list[str]]:
    """BIO labels per sentence, each sentence on its own (the bare CRF)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return [to_bio(list(tagger.tag(sent_features(w)))) for w in sents]


def predict_docs(model: Path, sents: list[list[str]], window: int = DOC_WINDOW) -> list[list[str]]:
    """CRF, then the document consistency pass over pseudo-documents of ``window`` sentences.

    ANERcorp has no document boundaries; 20 sentences (about 560 tokens) is the size of a
    typical news article in it. Windows may straddle two articles, which can only hurt.
    """
    pred = predict(model, sents)
    out: list[list[str]] = []
    for a in range(0, len(sents), window):
        out += propagate([[fold(w) for w in s] for s in sents[a : a + window]], pred[a : a + window])
    return out


def train(
    train_file: Path,
    anetac: Path | None = None,
    out: Path = MODEL_PATH,
    iterations: int = ITERATIONS,
    grid: tuple[tuple[float, float], ...] = GRID,
    log: bool = True,
    encoding: str = ENCODING,
) -> dict[str, object]:
    """Train the shipped model; returns what was chosen and the dev scores (for the report)."""
    random.seed(SEED)  # nothing below is random today; fixed anyway so additions stay reproducible
    if anetac is not None:
        n = build_gazetteer(anetac)
        if log:
            print(f"gazetteer: {n} name tokens from {anetac}")
        features.clear_caches()
        load_table.cache_clear()
    data = read_conll(train_file)
    tr, dev = dev_split(data)
    results: dict[tuple[float, float], float] = {}
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".dev.crfsuite")
    for c1, c2 in grid:
        t0 = time.perf_counter()
        _fit(tr, tmp, c1, c2, iterations, encoding=encoding)
        pred = predict(tmp, [w for w, _ in dev])
        f1 = score([t for _, t in dev], pred).overall[2]
        results[(c1, c2)] = f1
        if log:
            f1d = score([t for _, t in dev], predict_docs(tmp, [w for w, _ in dev])).overall[2]
            print(f"dev c1={c1} c2={c2}: F1={f1:.4f}, with document pass {f1d:.4f} ({time.perf_counter() - t0:.0f}s)")
    if tmp.exists():
        tmp.unlink()
    best = max(grid, key=lambda k: (results[k], -grid.index(k)))
    _fit(data, out, best[0], best[1], iterations, encoding=encoding)
    if log:
        print(f"chosen c1={best[0]} c2={best[1]}; model written to {out}")
    return {"best": best, "dev": {f"{k[0]},{k[1]}": v for k, v in results.items()}, "model": str(out)}


CLUSTER_PATH = Path(__file__).resolve().parents[2] / "resources" / "entities" / "clusters.tsv"


def news_contents(news_dir: Path) -> Iterator[str]:
    """The article texts of the SaudiNewsNet zips under ``news_dir``, in a fixed order
    (sorted zips, sorted members) so every model trained from them is reproducible."""
    import json
    import zipfile

    for z in sorted(news_dir.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for member in sorted(zf.namelist()):
                for rec in json.loads(zf.read(member)):
                    yield rec.get("content") or ""


def build_clusters(
    news_dir: Path,
    out: Path = CLUSTER_PATH,
    vocab_size: int = 40000,
    contexts: int = 1000,
    dims: int = 100,
    ks: tuple[int, ...] = (64, 256, 1024),
    log: bool = True,
) -> int:
    """Distributional word clusters from unlabeled news (SaudiNewsNet zips of JSON lists).

    Each frequent folded word gets a vector of its left/right neighbour counts over the
    most frequent words; log-scaled, reduced with truncated SVD and clustered with
    k-means at two granularities. Only words and cluster numbers are written, no text.
    Clusters let the CRF generalise from a name seen in training to unseen words that
    are used alike, which ANERcorp's 125k tokens alone cannot teach.
    """
    import re
    from collections import Counter

    import numpy as np
    from scipy.sparse import coo_matrix
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize as l2

    word_re = re.compile(r"\w+")
    docs = [word_re.findall(fold(text)) for text in news_contents(news_dir)]
    freq = Counter(w for d in docs for w in d)
    vocab = [w for w, c in sorted(freq.items(), key=lambda x: (-x[1], x[0])) if c >= 5][:vocab_size]
    vi = {w: i for i, w in enumerate(vocab)}
    ci = {w: i for i, w in enumerate(vocab[:contexts])}
    pair: Counter[tuple[int, int]] = Counter()
    for d in docs:
        ids = [vi.get(w, -1) for w in d]
        cs = [ci.get(w, -1) for w in d]
        for i in range(1, len(d) - 1):
            a = ids[i]
            if a < 0:
                continue
            if cs[i - 1] >= 0:
                pair[(a, cs[i - 1])] += 1
            if cs[i + 1] >= 0:
                pair[(a, contexts + cs[i + 1])] += 1
    if log:
        print(f"clusters: {len(docs)} documents, {len(vocab)} words, {len(pair)} pairs")
    rows = np.fromiter((k[0] for k in pair), dtype=np.int64, count=len(pair))
    cols = np.fromiter((k[1] for k in pair), dtype=np.int64, count=len(pair))
    vals = np.log1p(np.fromiter(pair.values(), dtype=np.float64, count=len(pair)))
    m = coo_matrix((vals, (rows, cols)), shape=(len(vocab), 2 * contexts)).tocsr()
    x = l2(TruncatedSVD(n_components=dims, random_state=SEED).fit_transform(l2(m)))
    labels = [KMeans(n_clusters=k, random_state=SEED, n_init=1).fit_predict(x) for k in ks]
    lines = ["# word clusters from SaudiNewsNet: folded word<TAB>" + "<TAB>".join(f"k{k}" for k in ks)]
    lines += [w + "\t" + "\t".join(str(int(lab[i])) for lab in labels) for i, w in enumerate(vocab)]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(vocab)
