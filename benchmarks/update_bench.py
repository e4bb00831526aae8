"""Update benchmark: adding a batch to a store vs one full run over everything (issue 14, item 2).

Three runs of ``rasd.pipeline.analyze`` on SaudiNewsNet records, each in a fresh process
(as a user's ``rasd analyze`` would be), with the same options:

1. **setup**: the first N records into a new store (timed, not compared);
2. **update**: the next ``--add`` records into that store;
3. **full**: all N + add records into another new store, in the same order.

The update and the full run are timed side by side, and their ``analysis.json`` files are
compared (``generated_at`` aside): an update must give exactly the full run's output, or
its time means nothing. Writes ``docs/benchmarks/update.md`` with the machine, the date,
the per-stage times of both runs and (``--profile``) the functions the update spends its
time in.

``--reuse-setup`` (with ``--work``) keeps each setup store (``setup-N.db``) and starts later
updates from a copy of it, so an iteration costs the update and the full run only. The kept
store holds the annotations and story results of the code that built it: after the
annotators (or the story code) change, the update redoes that work for every document, as
the table of reused work then shows; rebuild the setup for a figure to report.

    python benchmarks/update_bench.py --base 2000 --add 300 --workers 2
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine import facts  # noqa: E402
from pipeline_bench import _trim_profile, code_state, load, write_slice, zips  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
DEFAULT_OUT = ROOT / "docs" / "benchmarks" / "update.md"
AS_OF = "2026-11-22"  # fixed so commitment status is the same in every run
TARGET = 0.10  # the target: an update costs at most 10% of a full run


def slices(data: Path, base: int, add: int, work: Path) -> dict[str, str]:
    """Folders of one-record files: the first ``base`` records, the ``add`` after them, and all.

    One file per record, named by its place in the corpus, so a record has the same source
    name (``r00042.json#0``) whichever folder it is read from: the update's output can then
    be compared with the full run's byte for byte.
    """
    every = work / "records.jsonl"
    n = write_slice(data, base + add, every)
    if n < base + add:
        sys.exit(f"error: only {n} records in {data}")
    folders = {k: work / k for k in ("setup", "update", "full")}
    for f in folders.values():
        shutil.rmtree(f, ignore_errors=True)
        f.mkdir()
    for i, line in enumerate(every.read_text(encoding="utf-8").splitlines()):
        text = "[" + line + "]\n"
        name = f"r{i:05d}.json"
        (folders["setup" if i < base else "update"] / name).write_text(text, encoding="utf-8")
        (folders["full"] / name).write_text(text, encoding="utf-8")
    return {k: str(v) for k, v in folders.items()}


def run_one(kind: str, inputs: str, db: Path, out: Path, workers: int, profile: bool) -> dict[str, Any]:
    """One ``analyze`` in this process; its figures as a dict."""
    from rasd.pipeline import analyze  # imports every stage: one snapshot of the code
    load0, started = load(), datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    prof = cProfile.Profile() if profile else None
    if prof is not None:
        prof.enable()
    res = analyze([inputs], db_path=db, out_dir=out, as_of=AS_OF, progress=False, workers=workers, report=False)
    if prof is not None:
        prof.disable()
    top = ""
    if prof is not None:
        buf = io.StringIO()
        st = pstats.Stats(prof, stream=buf)
        st.sort_stats("cumulative").print_stats(r"rasd", 30)
        buf.write("\n--- by own time ---\n")
        st.sort_stats("tottime").print_stats(20)
        top = _trim_profile(buf.getvalue())
    return {
        "kind": kind, "started": started, "load_start": load0, "load_end": load(), "code": code_state(),
        "counts": res.counts(), "seconds": res.seconds, "stages": [asdict(s) for s in res.stages],
        "found": res.found, "reused": getattr(res, "reused", {}), "stage_errors": [f"{s}: {m}"[:300] for s, m in res.errors if s in ("resolve", "speakers", "story")],
        "profile": top,
    }  # fmt: skip


def snapshot(work: Path) -> Path:
    """A copy of ``src/`` that all three runs import: files edited while the benchmark runs
    (or annotators whose fingerprint changes, which empties the annotation cache) cannot
    make the runs compare different code."""
    dest = work / "src"
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(ROOT / "src", dest, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return dest


def spawn(kind: str, inputs: str, db: Path, out: Path, args: argparse.Namespace, src: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    cmd = [sys.executable, __file__, "--one", kind, "--inputs", inputs, "--db", str(db), "--out-dir", str(out),
           "--workers", str(args.workers)] + (["--profile"] if args.profile and kind == "update" else [])  # fmt: skip
    p = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    if p.returncode != 0:
        sys.exit(f"error: the {kind} run failed:\n{p.stderr[-3000:]}")
    return dict(json.loads(p.stdout.rsplit("@@RESULT@@", 1)[1]))


def _copy_store(src: Path, dest: Path) -> None:
    """A copy of a closed SQLite store (its write-ahead log too, if one was left)."""
    for suffix in ("", "-wal"):
        a, b = Path(f"{src}{suffix}"), Path(f"{dest}{suffix}")
        b.unlink(missing_ok=True)
        if a.exists():
            shutil.copyfile(a, b)


def differences(a: Path, b: Path) -> list[str]:
    """Sections of two analysis.json files that differ (``generated_at`` aside)."""
    x, y = (json.loads(p.read_text(encoding="utf-8")) for p in (a, b))
    return sorted(k for k in set(x) | set(y) if k != "generated_at" and x.get(k) != y.get(k))


def _cpu(r: dict[str, Any]) -> float:
    return float(sum(s["cpu"] + s["child_cpu"] for s in _stages(r).values()))


def _stages(r: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["name"]: s for s in r["stages"] if not s["name"].startswith("annotate:")}


def markdown(runs: dict[str, dict[str, Any]], diff: list[str], args: argparse.Namespace, command: str) -> str:
    m = facts()
    up, full = runs["update"], runs["full"]
    ratio = up["seconds"] / full["seconds"] if full["seconds"] else float("nan")
    cpu_ratio = _cpu(up) / _cpu(full) if _cpu(full) else float("nan")
    lines = [
        "# Update benchmark: adding a batch vs one full run (SaudiNewsNet)",
        "",
        "Written by `benchmarks/update_bench.py`; every figure is what this run measured.",
        "",
        f"- date: {m['date']}; machine: `{m['uname']}`",
        f"- nproc: {m['nproc']}; CPU: {m['cpu']}; memory: {m['memory']}; Python {m['python']}, SQLite {m['sqlite']}",
        f"- command: `{command}`",
        f"- code: {full['code']} (copied before the runs; all three import that copy)",
        f"- N = {args.base:,} records in the store, then {args.add:,} more (the records after them, in file order);"
        f" `--workers {args.workers}`, no report.html; each run a fresh process",
        "",
        "| run | records in | documents in store after | wall s | CPU s (all processes) | load average at start / end |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for kind, n in (("setup", args.base), ("update", args.add), ("full", args.base + args.add)):
        r = runs[kind]
        c = r["counts"]
        lines.append(
            f"| {kind}{' (kept from an earlier run, ' + r['started'] + ')' if r.get('kept') else ''} | {n:,} | {r['found'].get('documents', 0):,} (new {c['new']:,}) | {r['seconds']:,.1f} | {_cpu(r):,.1f} | {r['load_start']} / {r['load_end']} |"
        )
    lines += [
        "",
        f"**Update / full run: {up['seconds']:,.1f} s / {full['seconds']:,.1f} s = {100 * ratio:.0f}%** "
        f"(target ≤ {100 * TARGET:.0f}%: {'met' if ratio <= TARGET else 'not met'}); in CPU seconds "
        f"{_cpu(up):,.1f} / {_cpu(full):,.1f} = {100 * cpu_ratio:.0f}%. "
        "The update's analysis.json "
        + (f"**differs from** the full run's in {', '.join(diff)}." if diff else "equals the full run's (generated_at aside)."),
        "",
        "Per stage (wall seconds; CPU of this process + worker processes):",
        "",
        "| stage | update wall | update CPU | full wall | full CPU | update docs | full docs |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    su, sf = _stages(up), _stages(full)
    for name in dict.fromkeys([*sf, *su]):
        a, b = su.get(name), sf.get(name)

        def cell(s: dict[str, Any] | None, key: str) -> str:
            if s is None:
                return "–"
            return f"{s['wall']:,.1f}" if key == "wall" else f"{s['cpu'] + s['child_cpu']:,.1f}"

        lines.append(
            f"| {name} | {cell(a, 'wall')} | {cell(a, 'cpu')} | {cell(b, 'wall')} | {cell(b, 'cpu')} | "
            f"{(a or {}).get('docs') or '–'} | {(b or {}).get('docs') or '–'} |"
        )
    kinds = {"annotations": "documents annotated", "doc": "articles read by the story step", "fig": "articles whose figures were read",
             "cmp": "claim pairs compared by the stance model", "bnd": "claim pairs bounded by its word-level models"}  # fmt: skip
    lines += ["", "Work reused from the store's caches vs done (`RunResult.reused`):", "",
              "| work | update: reused | update: done | full: done |", "|---|---:|---:|---:|"]  # fmt: skip
    for key, what in kinds.items():
        got = [r.get("reused", {}) for r in (up, full)]
        lines.append(f"| {what} | {got[0].get(key + ' reused', 0):,} | {got[0].get(key + ' computed', 0):,} | {got[1].get(key + ' computed', 0):,} |")
    errs = [e for r in runs.values() for e in r["stage_errors"]]
    if errs:
        lines += ["", *[f"- **stage failed**: {e}" for e in errs]]
    lines += ["", "Found (full run): " + ", ".join(f"{k} {v:,}" for k, v in sorted(full["found"].items())), ""]
    if up.get("profile"):
        lines += ["Profile of the update run (cProfile inflates times; read it for where time goes):", "", "```", up["profile"], "```", ""]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--base", type=int, default=2000, help="records in the store before the update")
    ap.add_argument("--add", type=int, default=300, help="records the update adds")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--profile", action="store_true", help="profile the update run (its time is then inflated)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--work", type=Path, default=None, help="working directory (default: a temp dir, removed)")
    ap.add_argument("--reuse-setup", action="store_true",
                    help="with --work: start the update from the setup store an earlier run with the same --base kept there "
                         "(setup-N.db), not a new setup run; "
                         "its annotations are reused only if the annotators did not change")  # fmt: skip
    ap.add_argument("--one", default=None, help=argparse.SUPPRESS)  # internal: one run, JSON to stdout
    ap.add_argument("--inputs", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--out-dir", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        r = run_one(args.one, args.inputs, args.db, args.out_dir, args.workers, args.profile)
        sys.stdout.write("\n@@RESULT@@" + json.dumps(r) + "\n")
        return
    if not args.data.is_dir() or not zips(args.data):
        sys.exit(f"error: no SaudiNewsNet zips in {args.data}")
    command = "python benchmarks/update_bench.py " + " ".join(sys.argv[1:])
    tmp = None if args.work else tempfile.TemporaryDirectory(prefix="rasd-update-")
    work = args.work or Path(tmp.name)  # type: ignore[union-attr]
    work.mkdir(parents=True, exist_ok=True)
    try:
        inputs = slices(args.data, args.base, args.add, work)
        src = snapshot(work)
        for f in [*work.glob("inc.db*"), *work.glob("full.db*")]:
            f.unlink()  # fresh stores, also when --work is reused
        runs: dict[str, dict[str, Any]] = {}
        kept, kept_json = work / f"setup-{args.base}.db", work / f"setup-{args.base}.json"  # the first N records
        if args.reuse_setup and kept.exists() and kept_json.exists():
            _copy_store(kept, work / "inc.db")
            runs["setup"] = {**json.loads(kept_json.read_text(encoding="utf-8")), "kept": True}
            print(f"setup: reused {kept}", file=sys.stderr)
        for kind, db, out in (("setup", "inc.db", "inc"), ("update", "inc.db", "inc"), ("full", "full.db", "out_full")):
            if kind in runs:
                continue
            runs[kind] = spawn(kind, inputs[kind], work / db, work / out, args, src)
            print(f"{kind}: {runs[kind]['seconds']:.1f} s", file=sys.stderr)
            if kind == "setup":  # kept for --reuse-setup
                _copy_store(work / db, kept)
                kept_json.write_text(json.dumps(runs[kind]), encoding="utf-8")
        diff = differences(work / "inc" / "analysis.json", work / "out_full" / "analysis.json")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        text = markdown(runs, diff, args, command)
        if args.out.exists():  # the hand-written reading (between the notes markers) is kept
            old = re.search(r"<!-- notes -->.*?<!-- /notes -->", args.out.read_text(encoding="utf-8"), re.S)
            text += ("\n" + old.group(0) + "\n") if old else ""
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out}; update {runs['update']['seconds']:.1f} s, full {runs['full']['seconds']:.1f} s, differing sections: {diff or 'none'}")
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    main()
