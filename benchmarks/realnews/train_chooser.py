"""Train the quote speaker chooser (``annotators/quotes/chooser.py``) on the real-news dev half.

Usage (repo root): python benchmarks/realnews/train_chooser.py [--cache DIR] [--write]

Rows: every candidate of every engine quote matched to a gold quote (the bench's matching),
labelled by the bench's ``speaker_ok``. Training articles: the dev articles with a quotes layer,
minus the held-out batches ``HELD_OUT`` (never read here). Models and the replacement margin
are picked by article-grouped cross-validation on the attribution the chooser would give;
``--write`` fits the pick on every training article and writes ``chooser.json``. Deterministic
(fixed folds and solver); the engine runs with the chooser off.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
from pathlib import Path
from typing import Any

os.environ["RASD_QUOTE_CHOOSER"] = "0"
ROOT = Path(__file__).resolve().parents[2]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]  # realnews/select.py is no stdlib select
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402
from realnews_bench import _match, load, run_rasd, speaker_ok  # noqa: E402
from sklearn.ensemble import HistGradientBoostingClassifier  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from rasd.annotators.quotes.chooser import MODEL, candidates, features  # noqa: E402
from rasd.annotators.quotes.context import build  # noqa: E402
from rasd.models import EntityMention, Quote, Span, Speaker  # noqa: E402
from realnews.records import LAYERS  # noqa: E402

HELD_OUT = range(1300, 1338)  # rn1300–rn1307 and rn1330–rn1337: scored once, at the end, by the bench
MARGINS = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0)
FOLDS = 5
ENGINE_FEATURES = frozenset({"is_engine", "src_engine", "overlaps_engine", "cont_x_engine", "x_engine_cont", "engine_in_prev", "engine_is_entity"})


def _pre_round(path: Path, doc: str) -> tuple[list[Quote], list[EntityMention]]:
    """Quotes and mentions an earlier commit wrote (``pre_round.py``), as today's records."""
    d = json.loads(path.read_text(encoding="utf-8"))
    qs = [Quote(doc=doc, start=q["start"], end=q["end"], speaker=Speaker(**q["speaker"]), cue=q["cue"],
                content=Span(*q["content"]), direct=q["direct"], polarity=q["polarity"]) for q in d["quotes"]]
    return qs, [EntityMention(doc=doc, **m) for m in d["entities"]]


def quote_rows(cache: Path | None, pre: Path | None = None) -> tuple[list[dict[str, Any]], int, int]:
    """Per matched quote: the article, whether the engine's speaker is right and its candidates
    (features, label); also the numbers of gold and predicted quotes, for F1. With ``pre``, the
    engine output is the one the commit before the article's annotation gave (unseen then)."""
    out: list[dict[str, Any]] = []
    n_gold = n_pred = 0
    for art in load("dev"):
        if "quotes" not in art.ref.get("layers", LAYERS) or int(art.id.removeprefix("rn")) in HELD_OUT:
            continue
        p = cache / f"{art.id}.pkl" if cache else None
        if pre is not None:
            if not (pre / f"{art.id}.json").exists():
                continue
            preds, ents = _pre_round(pre / f"{art.id}.json", art.id)
        elif p is not None and p.exists():
            _, da = pickle.loads(p.read_bytes())
            preds, ents = da.quotes, da.entities
        else:
            da = run_rasd(art)
            preds, ents = da.quotes, da.entities
            if p is not None:
                p.write_bytes(pickle.dumps((art, da)))
        gq = art.ref["quotes"]
        n_gold, n_pred = n_gold + len(gq), n_pred + len(preds)
        cx = build(art.text, ents)
        m = _match([tuple(g["content"]) for g in gq], [(q.content.start, q.content.end) for q in preds])
        for gi, pi in m.items():
            g = gq[gi]
            gsp = art.text[slice(*g["speaker"])] if g["speaker"] else ""
            cands = candidates(cx, preds, pi)
            eng = next((c for c in cands if c.src == "engine"), None)
            out.append({"art": art.id, "engine_ok": speaker_ok(gsp, preds[pi].speaker.text),
                        "feats": [features(cx, preds, pi, c, eng) for c in cands],
                        "labels": [speaker_ok(gsp, c.text) for c in cands],
                        "engine_at": cands.index(eng) if eng is not None else -1})  # fmt: skip
    return out, n_gold, n_pred


def _f1(attr: int, n_gold: int, n_pred: int) -> float:
    p, r = attr / n_pred, attr / n_gold
    return 2 * p * r / (p + r) if p + r else 0.0


def _xy(rows: list[dict[str, Any]], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    x = [[f[n] for n in names] for r in rows for f in r["feats"]]
    y = [lab for r in rows for lab in r["labels"]]
    return np.array(x, dtype=float), np.array(y, dtype=int)


def _pairs(rows: list[dict[str, Any]], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Within-quote differences right − wrong (label 1) and wrong − right (label 0): a ranker,
    blind to how often a quote has any right candidate at all."""
    x: list[list[float]] = []
    for r in rows:
        v = [[f[n] for n in names] for f in r["feats"]]
        for a, la in zip(v, r["labels"], strict=True):
            for b, lb in zip(v, r["labels"], strict=True):
                if la and not lb:
                    x += [[p - q for p, q in zip(a, b, strict=True)], [q - p for p, q in zip(a, b, strict=True)]]
    return np.array(x, dtype=float), np.array([1, 0] * (len(x) // 2), dtype=int)


def _fit(kind: str, c: float, rows: list[dict[str, Any]], names: list[str]) -> Any:
    if kind == "pair":
        return LogisticRegression(C=c, max_iter=2000, fit_intercept=False).fit(*_pairs(rows, names))
    return _model(kind, c).fit(*_xy(rows, names))


def _model(kind: str, c: float) -> Any:
    if kind == "lr":
        return LogisticRegression(C=c, max_iter=2000)
    return HistGradientBoostingClassifier(max_depth=3, learning_rate=0.1, max_iter=int(c), random_state=0)


def _margin_scores(model: Any, x: np.ndarray) -> np.ndarray:
    return model.decision_function(x) if hasattr(model, "coef_") else model.decision_function(x)


def attributions(rows: list[dict[str, Any]], scores: list[np.ndarray], margin: float) -> int:
    """Right speakers after the chooser: the top candidate replaces the engine's when it wins by ``margin``."""
    n = 0
    for r, s in zip(rows, scores, strict=True):
        e = r["engine_at"]
        if e < 0 or not len(s):
            n += r["engine_ok"]
            continue
        top = int(np.argmax(s))
        n += r["labels"][top] if top != e and s[top] - s[e] > margin else r["engine_ok"]
    return n


def cross_validate(rows: list[dict[str, Any]], names: list[str], kind: str, c: float) -> list[np.ndarray]:
    """Out-of-fold candidate scores, folds grouped by article."""
    groups = [r["art"] for r in rows]
    scores: list[np.ndarray] = [np.zeros(0)] * len(rows)
    for tr, te in GroupKFold(n_splits=FOLDS).split(rows, groups=groups):
        model = _fit(kind, c, [rows[i] for i in tr], names)
        for i in te:
            scores[i] = _margin_scores(model, _xy([rows[i]], names)[0]) if rows[i]["feats"] else np.zeros(0)
    return scores


def nested(rows: list[dict[str, Any]], names: list[str], grid: tuple[float, ...] = (0.3, 1.0, 3.0, 10.0)) -> int:
    """Right speakers when C and the margin are picked inside each outer fold (an honest figure:
    the grid search in ``main`` sees the folds it is scored on)."""
    groups = [r["art"] for r in rows]
    total = 0
    for tr, te in GroupKFold(n_splits=FOLDS).split(rows, groups=groups):
        inner = [rows[i] for i in tr]
        pick = max(((attributions(inner, sc, m), -c, m, c) for c in grid
                    for sc in [cross_validate(inner, names, "lr", c)] for m in MARGINS), key=lambda t: t[:3])  # fmt: skip
        model = _fit("lr", pick[3], inner, names)
        outer = [rows[i] for i in te]
        total += attributions(outer, [model.decision_function(_xy([r], names)[0]) if r["feats"] else np.zeros(0) for r in outer], pick[2])
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=None, help="pickled engine output per article (outside the repo)")
    ap.add_argument("--write", action="store_true", help=f"fit the pick on every training article and write {MODEL.name}")
    ap.add_argument("--pre", type=Path, default=None, help="engine output of the commit before each article's annotation (pre_round.py)")
    ap.add_argument("--blind", action="store_true", help="rank without the engine's own choice as a feature")
    ap.add_argument("--nested", action="store_true", help="also the nested cross-validation figure")
    ap.add_argument("--reuse", action="store_true", help="reuse the cached rows (same features)")
    args = ap.parse_args()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    rows_at = args.cache / ("rows_pre.pkl" if args.pre else "rows.pkl") if args.cache else None
    if rows_at is not None and rows_at.exists() and args.reuse:
        rows, n_gold, n_pred = pickle.loads(rows_at.read_bytes())
    else:
        rows, n_gold, n_pred = quote_rows(args.cache, args.pre)
        if rows_at is not None:
            rows_at.write_bytes(pickle.dumps((rows, n_gold, n_pred)))
    names = sorted(n for n in next(r["feats"][0] for r in rows if r["feats"]) if not (args.blind and n in ENGINE_FEATURES))
    base = sum(r["engine_ok"] for r in rows)
    oracle = sum(any(r["labels"]) or r["engine_ok"] for r in rows)
    print(f"{len({r['art'] for r in rows})} articles, {n_gold} gold, {n_pred} predicted, {len(rows)} matched; "
          f"engine right {base} (attr F1 {_f1(base, n_gold, n_pred):.3f}); some candidate right {oracle} "
          f"(F1 ceiling {_f1(oracle, n_gold, n_pred):.3f})")  # fmt: skip
    best: tuple[int, str, float, float] | None = None
    best_lr: tuple[int, str, float, float] | None = None
    for kind, grid in (("lr", (0.1, 0.3, 1.0, 3.0, 10.0)), ("pair", (0.1, 0.3, 1.0)), ("gb", (100.0,))):
        for c in grid:
            scores = cross_validate(rows, names, kind, c)
            for margin in MARGINS:
                a = attributions(rows, scores, margin)
                print(f"{kind} C/iter={c:g} margin={margin:g}: attr {a} (F1 {_f1(a, n_gold, n_pred):.3f}, gain {a - base:+d})")
                if best is None or a > best[0]:
                    best = (a, kind, c, margin)
                if kind == "lr" and (best_lr is None or a > best_lr[0]):
                    best_lr = (a, kind, c, margin)
    if args.nested:
        a = nested(rows, names)
        print(f"nested CV (lr, C and margin picked inside each fold): attr {a} (F1 {_f1(a, n_gold, n_pred):.3f}, gain {a - base:+d})")
    assert best is not None
    a, kind, c, margin = best
    if args.write and kind != "lr":
        assert best_lr is not None
        a, kind, c, margin = best_lr  # the shipped model is logistic: weights in JSON, no pickle
    print(f"pick: {kind} {c:g} margin {margin:g}: CV attr F1 {_f1(base, n_gold, n_pred):.3f} -> {_f1(a, n_gold, n_pred):.3f}")
    if args.write:
        model = _fit(kind, c, rows, names)
        doc = {"weights": {n: round(float(w), 5) for n, w in zip(names, model.coef_[0], strict=True)},
               "intercept": round(float(model.intercept_[0]), 5) if kind == "lr" else 0.0, "kind": kind, "margin": margin, "C": c,
               "trained_on": f"{len({r['art'] for r in rows})} dev articles, {len(rows)} quotes"}  # fmt: skip
        MODEL.parent.mkdir(exist_ok=True)
        MODEL.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL}")


if __name__ == "__main__":
    main()
