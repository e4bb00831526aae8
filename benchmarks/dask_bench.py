"""``rasd analyze --dask local:2`` against ``--workers 2`` on the same SaudiNewsNet records.

Writes the first N records (zips and their day files in sorted order) to one JSON list in a
temp folder, then runs ``rasd.pipeline.analyze`` on it with ``workers=2``, with
``dask="local:2"`` (annotation and the per-article story step on the cluster) and with
``dask="local:2", dask_corpus=True`` (the story stage's corpus step too: incidents by kind
group, claim blocks, the encoder), each in a fresh interpreter and a fresh store, checks that
the ``analysis.json`` files are identical apart from ``generated_at``, and writes the wall
times, their ratios and the per-stage walls to ``docs/benchmarks/dask.md`` (machine and date from
``benchmarks/machine.py``).

    python benchmarks/dask_bench.py                 # 1,000 records
    python benchmarks/dask_bench.py -n 200 --out /tmp/dask.md
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
DEFAULT_OUT = ROOT / "docs" / "benchmarks" / "dask.md"
AS_OF = "2015-12-31"
MODES = {"workers": "`--workers 2`", "dask": "`--dask local:2`", "corpus": "`--dask local:2 --dask-corpus`"}
STAGES = ("ingest+store", "annotate", "resolve", "views", "export json")


def write_subset(data: Path, n: int, dest: Path) -> int:
    """The first ``n`` records as one JSON list (the shape of a SaudiNewsNet day file)."""
    records: list[Any] = []
    for z in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in sorted(m for m in zf.namelist() if m.endswith(".json")):
                records.extend(json.loads(zf.read(name)))
                if len(records) >= n:
                    break
        if len(records) >= n:
            break
    dest.write_text(json.dumps(records[:n], ensure_ascii=False), encoding="utf-8")
    return len(records[:n])


def run_one(mode: str, src: Path, work: Path) -> dict[str, Any]:
    """One run in this process (called in a child interpreter); its figures as a dict."""
    import rasd
    from rasd.pipeline import analyze

    out = work / f"out_{mode}"
    kw: dict[str, Any] = {"workers": 2} if mode == "workers" else {"dask": "local:2", "dask_corpus": mode == "corpus"}
    load0 = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    res = analyze([str(src)], db_path=work / f"{mode}.db", out_dir=out, as_of=AS_OF, progress=False, report=False, **kw)
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "mode": mode,
        "seconds": res.seconds,
        "stages": {s.name: s.wall for s in res.stages},
        "cpu_main": me.ru_utime + me.ru_stime,
        "cpu_workers": kids.ru_utime + kids.ru_stime,  # pool workers and Dask workers, reaped at the end
        "peak_main_mb": me.ru_maxrss / 1024,
        "peak_worker_mb": kids.ru_maxrss / 1024,
        "documents": res.documents,
        "errors": len(res.errors),
        "found": res.found,
        "load_start": load0,
        "analysis": str(out / "analysis.json"),
        "code": rasd.__file__,
    }


def _analysis(path: str) -> dict[str, Any]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    data.pop("generated_at", None)
    return data


def write_markdown(out: Path, n: int, records: int, runs: list[dict[str, Any]], same: bool, command: str) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from machine import markdown_lines

    w = runs[0]
    rows = [
        "| mode | wall s (whole run) | " + " | ".join(f"{s} s" for s in STAGES) + " | CPU-s main + workers | peak RSS main / workers | load at start |",
        "|---|---:|" + "---:|" * len(STAGES) + "---:|---|---|",
    ]
    for r in runs:
        rows.append(
            f"| {MODES[r['mode']]} | {r['seconds']:.1f} | " + " | ".join(f"{r['stages'].get(s, 0.0):.1f}" for s in STAGES)
            + f" | {r['cpu_main']:.0f} + {r['cpu_workers']:.0f} | {r['peak_main_mb']:.0f} MB / {r['peak_worker_mb']:.0f} MB | {r['load_start']} |"
        )
    def ratio_line(d: dict[str, Any]) -> str:
        a, v = (d["stages"].get(k, 0) / max(1e-9, w["stages"].get(k, 0)) for k in ("annotate", "views"))
        return f"- **ratio** {MODES[d['mode']]} / workers, whole run: **{d['seconds'] / w['seconds']:.2f}** (annotate {a:.2f}, views {v:.2f})"

    lines = [
        "# Dask execution against local worker processes (SaudiNewsNet)",
        "",
        "Written by `benchmarks/dask_bench.py`; every figure is what this run measured.",
        "",
        *markdown_lines(),
        f"- command: `{command}`",
        "",
        f"Input: the first {records:,} SaudiNewsNet records ({n:,} asked), one JSON list; "
        f"{w['documents']:,} documents. Each mode ran once, in a fresh interpreter and store, "
        "`--workers 2` first, all on one copy of `src/rasd` taken at the start. `--dask local:2` "
        "starts a `LocalCluster` of 2 worker processes (1 thread each) inside the run, so its wall "
        "time includes starting the cluster and the workers importing rasd and loading the models, "
        "which the forked `--workers` processes inherit instead. On Dask, annotation and the "
        "per-article part of `views` always run on the workers; with `--workers` the per-article "
        "part forks only from 256 analysed documents on (`story.stage`). With `--dask-corpus` "
        "incident resolution (one task per kind group), the claim comparison's blocks and the "
        "sentence encoder run as cluster tasks too. Everything else runs in the main process.",
        "",
        *rows,
        "",
        *(ratio_line(r) for r in runs[1:]),
        f"- `analysis.json` identical apart from `generated_at`: **{'yes' if same else 'NO'}** "
        f"({w['found'].get('events', 0):,} events, {w['found'].get('claims', 0):,} claims, "
        f"{w['found'].get('conflicts', 0):,} conflicts; {' / '.join(str(r['errors']) for r in runs)} error lines)",
        "- CPU of the workers is what the kernel reported for reaped child processes at the end "
        "of the run (pool workers, or the Dask nanny's worker processes).",
    ]
    notes_mark = "<!-- notes -->"
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    if notes_mark in old:  # hand-written reading below the mark survives reruns
        lines += ["", old[old.index(notes_mark) :].rstrip()]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--records", type=int, default=1000)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--one", nargs=3, default=None, help=argparse.SUPPRESS)  # internal: MODE SRC WORK
    args = ap.parse_args()
    if args.one:
        mode, src, work = args.one
        sys.stdout.write("\n@@RESULT@@" + json.dumps(run_one(mode, Path(src), Path(work))) + "\n")
        return
    if not sorted(args.data.glob("*.zip")):
        sys.exit(f"error: no SaudiNewsNet zips in {args.data}")
    try:
        import distributed  # noqa: F401
    except ImportError:
        sys.exit("error: this benchmark needs distributed: pip install -e '.[dask]'")
    command = "python benchmarks/dask_bench.py " + " ".join(sys.argv[1:])
    with tempfile.TemporaryDirectory(prefix="rasd-dask-") as tmp:
        work = Path(tmp)
        src = work / f"snn_{args.records}.json"
        records = write_subset(args.data, args.records, src)
        # both runs (and the Dask workers, through PYTHONPATH) import one copy of the code:
        # the checkout is shared and edited while benchmarks run
        shutil.copytree(ROOT / "src" / "rasd", work / "src" / "rasd", ignore=shutil.ignore_patterns("__pycache__"))
        env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(work / "src")}
        runs = []
        for mode in MODES:
            t0 = time.perf_counter()
            print(f"{mode} …", file=sys.stderr, flush=True)
            proc = subprocess.run(
                [sys.executable, __file__, "--one", mode, str(src), str(work)],
                capture_output=True, text=True, env=env,
            )  # fmt: skip
            if proc.returncode != 0 or "@@RESULT@@" not in proc.stdout:
                sys.stderr.write(proc.stderr[-3000:])
                sys.exit(f"error: the {mode} run failed (exit {proc.returncode})")
            runs.append(json.loads(proc.stdout.rsplit("@@RESULT@@", 1)[1]))
            if not runs[-1]["code"].startswith(str(work)):
                sys.exit(f"error: the {mode} run imported {runs[-1]['code']}, not the snapshot")
            print(f"  {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
        first = _analysis(runs[0]["analysis"])
        same = all(_analysis(r["analysis"]) == first for r in runs[1:])
        write_markdown(args.out, args.records, records, runs, same, command)
    print(args.out.read_text(encoding="utf-8"))
    if not same:
        sys.exit("error: the two analysis.json files differ")


if __name__ == "__main__":
    main()
