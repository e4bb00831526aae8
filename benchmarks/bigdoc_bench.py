"""One big page: seconds and peak memory per annotator, and of a whole ``rasd analyze``.

A single 2 MB page used to stall a run for over 25 minutes (quadratic steps in the quote,
time, quantity and event passes; the entity tagger's batch grew to 4 GB). This benchmark
builds a synthetic Arabic page of 0.25 / 0.5 / 1 / 2 MB from paragraphs written for it
(``bigdoc_text.py``), and for each size, each in a fresh process:

* **per document** — the annotators of ``rasd.pipeline.annotate`` in their order (time,
  entities, quantities, quotes), the offset check, and event extraction (run by the story
  view in ``rasd analyze``), each as a stage with its wall time and its own resident
  high-water mark (``VmHWM`` reset at the stage's start, ``rasd.pipeline.Meter``);
* **rasd analyze** — the page as one file through ``rasd.pipeline.analyze`` into a
  temporary store (reading and cleaning, store, annotators, linking, views, export,
  report), with the pipeline's own per-stage figures.

Linearity shows as seconds roughly doubling with the size (the last row of each table
gives the factor; a quadratic step makes it tend to 4). Targets: 2 MB in at most 60 s
and 1 GB peak. ``--baseline-src DIR`` also runs the per-document stages with another
source tree first on ``sys.path`` (e.g. the code before the fix, extracted with
``git archive <commit> src | tar -x -C /tmp/before``) for the sizes in
``--baseline-sizes``, and tabulates those figures beside the current ones.

    python benchmarks/bigdoc_bench.py                      # writes docs/benchmarks/bigdoc.md
    python benchmarks/bigdoc_bench.py --sizes 0.25,0.5 --out /tmp/bigdoc.md
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from machine import markdown_lines

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "docs" / "benchmarks" / "bigdoc.md"
DCT = "2024-05-01"
TARGET_S, TARGET_MB = 60.0, 1024.0


def _child_per_doc(mb: float) -> dict[str, Any]:
    """Per-document stages on the big page (runs in a child process)."""
    from bigdoc_text import build

    from rasd import pipeline
    from rasd.annotators import entities, events, quantities, quotes
    from rasd.annotators import time as time_ann
    from rasd.models import DocAnalysis, Document, Published

    text = build(int(mb * 1_000_000))
    entities.tag("تمهيد للنموذج")  # load the models outside the measured stages
    time_ann.tag("أمس", DCT)
    doc = Document("d_big", "big.txt", 0, "صفحة كبيرة", None, Published(DCT, "day"), "ar", text)
    da = DocAnalysis(doc)
    meter = pipeline.Meter()
    errors: list[tuple[str, str]] = []
    t0 = time.perf_counter()
    for name, fn in (("time", time_ann.annotate), ("entities", entities.annotate),
                     ("quantities", quantities.annotate), ("quotes", quotes.annotate)):  # fmt: skip
        with meter.stage(name):
            fn(da)
    with meter.stage("check offsets"):
        pipeline.check_offsets(da, errors)
    with meter.stage("events"):
        evs = events.extract(da)
    total = time.perf_counter() - t0
    return {
        "bytes": len(text.encode("utf-8")),
        "chars": len(text),
        "stages": [{"name": s.name, "wall": s.wall, "peak": s.peak_rss_mb, "reset": s.peak_reset} for s in meter.stats],
        "total": total,
        "found": {"timex": len(da.timex), "entities": len(da.entities), "quantities": len(da.quantities),
                  "quotes": len(da.quotes), "events": len(evs), "offset errors": len(errors)},  # fmt: skip
    }


def _child_analyze(mb: float) -> dict[str, Any]:
    """``rasd.pipeline.analyze`` of the big page as one file into a temporary store."""
    from bigdoc_text import build

    from rasd import pipeline

    with tempfile.TemporaryDirectory(prefix="rasd-bigdoc-") as tmp:
        page = Path(tmp) / "big.txt"
        page.write_text(build(int(mb * 1_000_000)), encoding="utf-8")
        t0 = time.perf_counter()
        res = pipeline.analyze([str(page)], db_path=Path(tmp) / "r.db", out_dir=Path(tmp) / "out",
                               date=DCT, as_of=DCT, progress=False)  # fmt: skip
        total = time.perf_counter() - t0
    return {
        "stages": [{"name": s.name, "wall": s.wall, "peak": s.peak_rss_mb, "reset": s.peak_reset} for s in res.stages],
        "total": total,
        "errors": [m for _, m in res.errors][:5],
        "found": res.found,
    }


def _run(kind: str, mb: float, src: str | None, timeout: float) -> dict[str, Any] | None:
    """One measurement in a fresh process (``src`` first on its path); None on timeout."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    cmd = [sys.executable, __file__, "--child", kind, "--mb", str(mb)]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    if p.returncode != 0:
        raise RuntimeError(f"{kind} {mb} MB failed:\n{p.stderr[-3000:]}")
    out: dict[str, Any] = json.loads(p.stdout.strip().splitlines()[-1])
    return out


def _peak(r: dict[str, Any]) -> float:
    return max(s["peak"] for s in r["stages"])


def _stage_table(rows: list[tuple[str, dict[str, Any] | None]], label: str) -> list[str]:
    """Seconds and peak MB of every stage, one column pair per size."""
    names: list[str] = []
    for _, r in rows:
        for s in (r or {}).get("stages", []):
            if s["name"] not in names:
                names.append(s["name"])
    head = "| " + label + " | " + " | ".join(f"{size} s | {size} MB" for size, _ in rows) + " |"
    out = [head, "|---" + "|---:|---:" * len(rows) + "|"]
    for n in [*names, "total"]:
        cells = []
        for _, r in rows:
            if r is None:
                cells.append("timeout | –")
                continue
            if n == "total":
                cells.append(f"**{r['total']:.1f}** | **{_peak(r):.0f}**")
                continue
            s = next((s for s in r["stages"] if s["name"] == n), None)
            cells.append("– | –" if s is None else f"{s['wall']:.2f} | {s['peak']:.0f}")
        out.append(f"| {n} | " + " | ".join(cells) + " |")
    totals = [r["total"] if r else None for _, r in rows]
    growth = [f"×{b / a:.2f}" if a and b else "–" for a, b in zip([None, *totals[:-1]], totals, strict=True)]
    out.append("| growth of the total from the size before | " + " | ".join(f"{g} | " for g in growth) + "|")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="0.25,0.5,1,2", help="page sizes in MB")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--no-analyze", action="store_true", help="only the per-document stages")
    ap.add_argument("--baseline-src", help="a source tree (holding rasd/) to measure as 'before'")
    ap.add_argument("--baseline-sizes", default="0.25,0.5,1")
    ap.add_argument("--baseline-label", help="what the baseline tree is (default: its path)")
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds per measurement")
    ap.add_argument("--repeat", type=int, default=2, help="per-document runs per size; the fastest is kept")
    ap.add_argument("--child", choices=("per-doc", "analyze"), help=argparse.SUPPRESS)
    ap.add_argument("--mb", type=float, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        fn = _child_per_doc if a.child == "per-doc" else _child_analyze
        print(json.dumps(fn(a.mb)))
        return
    header = markdown_lines()  # machine facts and load before the runs
    sizes = [float(x) for x in a.sizes.split(",")]
    per_doc: list[tuple[str, dict[str, Any] | None]] = []
    whole: list[tuple[str, dict[str, Any] | None]] = []
    before: list[tuple[str, dict[str, Any] | None]] = []
    if a.baseline_src:
        for mb in [float(x) for x in a.baseline_sizes.split(",")]:
            before.append((f"{mb:g} MB", _run("per-doc", mb, a.baseline_src, a.timeout)))
            print("before", mb, json.dumps(before[-1][1]), flush=True)
    for mb in sizes:
        runs = [_run("per-doc", mb, None, a.timeout) for _ in range(max(1, a.repeat))]
        done = [r for r in runs if r is not None]
        per_doc.append((f"{mb:g} MB", min(done, key=lambda r: r["total"]) if done else None))
        print("per-doc", mb, json.dumps(per_doc[-1][1]), flush=True)
        if not a.no_analyze:
            whole.append((f"{mb:g} MB", _run("analyze", mb, None, a.timeout)))
            print("analyze", mb, json.dumps(whole[-1][1]), flush=True)
    lines = [
        "# One big page",
        "",
        "Generated by `python benchmarks/bigdoc_bench.py` (do not edit by hand).",
        "",
        *header,
        "",
        "The page is built from Arabic paragraphs written for this benchmark",
        "(`benchmarks/bigdoc_text.py`: dates, Hijri dates, relative times, counts, direct and",
        "indirect quotes, people, bodies, places, attacks, meetings), repeated to the size.",
        "Each size runs in a fresh process. Seconds are wall time on a possibly shared",
        "machine; MB is the resident high-water mark of the stage itself (`VmHWM` reset at",
        "its start), so the whole-process peak is the largest figure of a column.",
        f"Targets: a 2 MB page in at most {TARGET_S:.0f} s and {TARGET_MB:.0f} MB.",
        "",
        "## Per-document analysis",
        "",
        "The annotators of `rasd.pipeline.annotate` in their order, the offset check, and",
        f"event extraction (which `rasd analyze` runs in the story view); the fastest of {a.repeat} runs.",
        "",
        *_stage_table(per_doc, "stage"),
        "",
    ]
    sizes_found = [(s, r["found"], r["bytes"]) for s, r in per_doc if r]
    if sizes_found:
        lines += ["| size | bytes | " + " | ".join(sizes_found[0][1]) + " |",
                  "|---|---:|" + "---:|" * len(sizes_found[0][1])]  # fmt: skip
        lines += [f"| {s} | {b:,} | " + " | ".join(str(v) for v in f.values()) + " |" for s, f, b in sizes_found]
        lines.append("")
    if before:
        lines += [
            "## Before the fix (per-document stages, same machine, same run)",
            "",
            f"The same stages with {a.baseline_label or f'the source tree `{a.baseline_src}`'} first on",
            "the path (the code before the fix). Larger sizes were not run: they take tens of minutes.",
            "",
            *_stage_table(before, "stage (before)"),
            "",
        ]
    if whole:
        lines += [
            "## `rasd analyze` of the page as one file",
            "",
            "`rasd.pipeline.analyze` into a temporary store, its own per-stage figures",
            "(`annotate:<name>` rows are the annotators inside `annotate`; their MB is not",
            "measured apart).",
            "",
            *_stage_table(whole, "stage"),
            "",
        ]
        errs = sorted({e for _, r in whole if r for e in r["errors"]})
        if errs:
            lines += ["Errors reported by the runs:", "", *[f"- {e}" for e in errs], ""]
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
