"""Entities on real news: span F1 and cross-document linking on the SaudiNewsNet entity gold.

Usage (repo root, venv active; ``../shared`` beside the checkout):

    python benchmarks/entities_bench.py                      # test half -> docs/benchmarks/entities_realnews.md
    python benchmarks/entities_bench.py --split dev --errors # tuning: dev half, every error
    python benchmarks/entities_bench.py --split dev --ids rn440-rn447  # fresh dev articles only

The gold set and its guidelines are docs/entities_gold.md (files in
``benchmarks/data/realnews/entities/``). Each article is tagged as ``rasd analyze`` tags
it: the entity annotator with the record's outlet (``source`` code, made canonical as
ingest does), then ``resolve.entities.link`` over all articles of the half at once.

Spans: exact match of start, end and type (also reported: exact span ignoring the type,
and any-overlap with the right type). Linking: every gold mention is aligned with the
predicted mention that overlaps it most (one-to-one); a *gold pair* is two gold mentions
in different documents with the same cluster key; a *predicted pair* is two aligned gold
mentions in different documents whose predictions carry the same entity id. Link
precision = correct predicted pairs / predicted pairs; recall = correct / gold pairs
(pairs of unfound mentions count as missed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from machine import markdown_lines  # noqa: E402
from realnews.records import GOLD, SNN, articles, content  # noqa: E402

from rasd.annotators.entities import annotate  # noqa: E402
from rasd.ingest.outlets import canonical  # noqa: E402
from rasd.models import DocAnalysis, Document, EntityMention, Published  # noqa: E402
from rasd.resolve.entities import link  # noqa: E402

OUT = ROOT / "docs" / "benchmarks" / "entities_realnews.md"
TYPES = ("PER", "ORG", "GPE", "LOC", "FAC", "MISC")


@dataclass
class Art:
    id: str
    text: str
    dct: str
    outlet: str | None
    gold: list[tuple[int, int, str, str]]  # start, end, type, key


def load(split: str) -> list[Art]:
    out = []
    for a in articles(split):
        path = GOLD / "entities" / f"{a['id']}.json"
        if not path.exists():
            continue
        ref = json.loads(path.read_text(encoding="utf-8"))
        if not ref.get("done") or ref["sha1"] != a["sha1"]:
            continue
        gold = [(s, e, t, k) for s, e, t, k in ref["entities"]]
        out.append(Art(a["id"], content(a), a["dct"], canonical(a["source"]) or a["source"], gold))
    return out


def run(arts: list[Art]) -> list[DocAnalysis]:
    das = []
    for a in arts:
        doc = Document(id=a.id, source=a.id, part=0, title="", outlet=a.outlet,
                       published=Published(value=a.dct, precision="day", method="given", confidence=1.0),
                       language="ar", text=a.text)  # fmt: skip
        da = DocAnalysis(doc=doc)
        annotate(da)
        das.append(da)
    link(das)
    return das


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "pred": n_pred, "gold": n_gold}


def score_spans(arts: list[Art], das: list[DocAnalysis]) -> dict[str, Any]:
    """Exact typed F1 overall and per type, untyped exact F1 and typed overlap F1."""
    tp: Counter[str] = Counter()
    npred: Counter[str] = Counter()
    ngold: Counter[str] = Counter()
    untyped = overlap_g = overlap_p = 0
    for a, da in zip(arts, das, strict=True):
        gold = {(s, e, t) for s, e, t, _ in a.gold}
        pred = {(m.start, m.end, m.type) for m in da.entities}
        for s, e, t in gold:
            ngold[t] += 1
            tp[t] += (s, e, t) in pred
            overlap_g += any(t == pt and s < pe and ps < e for ps, pe, pt in pred)
        for _, _, t in pred:
            npred[t] += 1
        for ps, pe, pt in pred:
            overlap_p += any(t == pt and s < pe and ps < e for s, e, t in gold)
        untyped += len({(s, e) for s, e, _ in gold} & {(s, e) for s, e, _ in pred})
    out: dict[str, Any] = {t: _prf(tp[t], npred[t], ngold[t]) for t in TYPES}
    n_p, n_g = sum(npred.values()), sum(ngold.values())
    out["all"] = _prf(sum(tp.values()), n_p, n_g)
    out["untyped"] = _prf(untyped, n_p, n_g)
    op, og = (overlap_p / n_p if n_p else 0.0), (overlap_g / n_g if n_g else 0.0)
    out["overlap"] = {"p": op, "r": og, "f": 2 * op * og / (op + og) if op + og else 0.0}
    return out


def align(gold: list[tuple[int, int, str, str]], pred: list[EntityMention]) -> dict[int, EntityMention]:
    """Gold index -> the predicted mention overlapping it most, one-to-one, greedy by overlap."""
    cands = []
    for gi, (s, e, _, _) in enumerate(gold):
        for pi, m in enumerate(pred):
            ov = min(e, m.end) - max(s, m.start)
            if ov > 0:
                cands.append((-ov, gi, pi))
    out: dict[int, EntityMention] = {}
    used: set[int] = set()
    for _, gi, pi in sorted(cands):
        if gi not in out and pi not in used:
            out[gi] = pred[pi]
            used.add(pi)
    return out


def score_links(arts: list[Art], das: list[DocAnalysis]) -> dict[str, Any]:
    """Pairwise cross-document link precision and recall over gold mentions."""
    items: list[tuple[str, str, str | None]] = []  # doc, gold key, predicted entity id
    for a, da in zip(arts, das, strict=True):
        al = align(a.gold, da.entities)
        for gi, (_, _, _, key) in enumerate(a.gold):
            m = al.get(gi)
            items.append((a.id, key, m.entity if m is not None else None))
    gold_pairs = pred_pairs = correct = 0
    merged: Counter[tuple[str, str]] = Counter()  # wrongly linked key pairs
    split: Counter[str] = Counter()  # keys whose cross-document pairs were missed
    for (d1, k1, e1), (d2, k2, e2) in combinations(items, 2):
        if d1 == d2:
            continue
        same_gold = k1 == k2
        same_pred = e1 is not None and e1 == e2
        gold_pairs += same_gold
        pred_pairs += same_pred
        correct += same_gold and same_pred
        if same_pred and not same_gold:
            merged[tuple(sorted((k1, k2)))] += 1  # type: ignore[index]
        if same_gold and not same_pred:
            split[k1] += 1
    p = correct / pred_pairs if pred_pairs else 0.0
    r = correct / gold_pairs if gold_pairs else 0.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0, "gold_pairs": gold_pairs,
            "pred_pairs": pred_pairs, "correct": correct, "merged": merged, "split": split,
            "keys": len({k for _, k, _ in items})}  # fmt: skip


def errors(arts: list[Art], das: list[DocAnalysis], links: dict[str, Any]) -> list[str]:
    """Every span error in context, then the wrong and missed links (dev only)."""
    out: list[str] = []
    kinds: Counter[str] = Counter()
    for a, da in zip(arts, das, strict=True):
        gold = {(s, e): t for s, e, t, _ in a.gold}
        pred = {(m.start, m.end): m for m in da.entities}

        def ctx(s: int, e: int, text: str = a.text) -> str:
            return (text[max(0, s - 20) : s] + "[" + text[s:e] + "]" + text[e : e + 20]).replace("\n", " ")

        for (s, e), t in sorted(gold.items()):
            m = pred.get((s, e))
            if m is None:
                over = [p for (ps, pe), p in pred.items() if ps < e and s < pe]
                kind = "boundary" if over else "missed"
                extra = f" (pred {over[0].type} {a.text[over[0].start:over[0].end]!r})" if over else ""
                kinds[f"{kind} {t}"] += 1
                out.append(f"{a.id} {kind:8s} {t:4s} …{ctx(s, e)}…{extra}")
            elif m.type != t:
                kinds[f"type {t}->{m.type}"] += 1
                out.append(f"{a.id} type     {t}->{m.type} …{ctx(s, e)}…")
        for (s, e), m in sorted(pred.items()):
            if (s, e) not in gold and not any(gs < e and s < ge for gs, ge in gold):
                kinds[f"spurious {m.type}"] += 1
                out.append(f"{a.id} spurious {m.type:4s} …{ctx(s, e)}… ({m.source})")
    out.insert(0, "span errors: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    out.append("\nwrong links (gold keys merged, pairs):")
    out += [f"  {a} + {b}: {n}" for (a, b), n in links["merged"].most_common()]
    out.append("missed links (gold key, pairs):")
    out += [f"  {k}: {n}" for k, n in links["split"].most_common()]
    return out


def report(split: str, arts: list[Art], s: dict[str, Any], lk: dict[str, Any]) -> list[str]:
    n_gold = sum(len(a.gold) for a in arts)
    outlets = len({a.outlet for a in arts})
    lines = ["# Real-news benchmark: entities and cross-document linking on SaudiNewsNet", "",
             *markdown_lines(), "",
             f"Command: `python benchmarks/entities_bench.py{' --split ' + split if split != 'test' else ''}`. "
             f"Gold set: docs/entities_gold.md; **{split} half, {len(arts)} articles, {outlets} outlets, "
             f"{n_gold} gold mentions**.", "",
             "## Spans (exact start, end and type)", "",
             "| type | gold | predicted | P | R | F1 |", "|---|---|---|---|---|---|"]  # fmt: skip
    for t in (*TYPES, "all"):
        x = s[t]
        name = "**all**" if t == "all" else t
        lines.append(f"| {name} | {x['gold']} | {x['pred']} | {x['p']:.3f} | {x['r']:.3f} | "
                     + (f"**{x['f']:.3f}** |" if t == "all" else f"{x['f']:.3f} |"))  # fmt: skip
    u, o = s["untyped"], s["overlap"]
    lines += ["", f"Exact span, type ignored: P {u['p']:.3f}, R {u['r']:.3f}, F1 {u['f']:.3f}. "
              f"Any overlap, type right: P {o['p']:.3f}, R {o['r']:.3f}, F1 {o['f']:.3f}.", "",
              "## Cross-document linking (pairwise, over gold mentions)", "",
              "| gold keys | gold pairs | predicted pairs | correct | **link P** | link R | F1 |", "|---|---|---|---|---|---|---|",
              f"| {lk['keys']} | {lk['gold_pairs']} | {lk['pred_pairs']} | {lk['correct']} | **{lk['p']:.3f}** | "
              f"{lk['r']:.3f} | {lk['f']:.3f} |", "",
              "Wrongly linked key pairs: " + (", ".join(f"{a} + {b} ({n})" for (a, b), n in lk["merged"].most_common(8))
                                              or "none") + ".", "",
              "CAMeL Tools and Stanza are not installed in the project's environment, so no outside "
              "tagger runs beside rasd here."]  # fmt: skip
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("dev", "test"), default="test")
    ap.add_argument("--errors", action="store_true", help="print every error (dev only)")
    ap.add_argument("--out", type=Path, default=None, help="markdown output (default: docs/benchmarks/entities_realnews.md for test)")
    ap.add_argument("--ids", default=None, metavar="FIRST-LAST",
                    help="dev only: score the articles whose ids lie in this range (rn440-rn447): fresh articles, "
                         "measured before their errors are read; links are made among these articles only")  # fmt: skip
    args = ap.parse_args()
    if not SNN.exists():
        raise SystemExit(f"{SNN} is missing: the gold set refers to the shared SaudiNewsNet records")
    if args.errors and args.split == "test":
        raise SystemExit("--errors is for the dev half: the test half is read for the headline figures only")
    if args.ids and args.split == "test":
        raise SystemExit("--ids is for the dev half")
    arts = load(args.split)
    if args.ids:
        lo, _, hi = args.ids.partition("-")
        arts = [a for a in arts if lo <= a.id <= (hi or lo)]
    das = run(arts)
    s = score_spans(arts, das)
    lk = score_links(arts, das)
    lines = report(args.split, arts, s, lk)
    out = args.out or (OUT if args.split == "test" else None)
    if out is not None:
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    print("\n".join(lines[lines.index("## Spans (exact start, end and type)") :]))
    if args.errors:
        print("\n## Errors\n" + "\n".join(errors(arts, das, lk)))


if __name__ == "__main__":
    main()
