"""Whole-pipeline scale benchmark on SaudiNewsNet: time and peak memory per stage.

Runs ``rasd.pipeline.analyze`` (ingest → clean → store → annotators time / entities /
quantities / quotes / events → entity linking → story views → ``analysis.json``, and
``report.html`` with ``--report``) on the first N articles of SaudiNewsNet, in sorted
file order, for each size asked, each in a fresh process with a fresh database so the
memory figures of one size do not leak into the next. Per stage it records wall time,
CPU time (this process, and worker processes reaped during the stage), documents per
second and the resident-memory high-water mark *of that stage* (``VmHWM`` reset at the
stage's start; see ``rasd.pipeline.StageStat``). Sizes below the whole corpus are fed as
a JSONL slice of the first N records; ``all`` passes the zips themselves.

Writes ``docs/benchmarks/scale.md``: machine, date, command, one table per size, the
complexity of each cross-document step, and (``--profile``) the functions that dominate
a profiled run. Sections of sizes not run this time are kept from the existing file, so
the 31k run can be done apart (it takes long) without losing the 1k/5k tables.

    python benchmarks/pipeline_bench.py --sizes 1000,5000 --workers 2
    nohup python benchmarks/pipeline_bench.py --sizes all --workers 2 &
    python benchmarks/pipeline_bench.py --sizes 1000 --profile   # cProfile, one process
"""

from __future__ import annotations

import argparse
import cProfile
import glob
import io
import json
import os
import pstats
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
DEFAULT_OUT = ROOT / "docs" / "benchmarks" / "scale.md"
AS_OF = "2026-11-22"  # fixed so commitment status does not change between runs

COMPLEXITY = """\
## Complexity of the cross-document steps

Read from the code as it stands (n documents, m mentions, k distinct entity keys, E event
reports, C claims). Per-document annotators are linear in the number of documents by
construction; only the steps below see the corpus as a whole.

| step | code | cost | notes |
|---|---|---|---|
| near-duplicate linking at ingest | `store/sqlite.py` `_find_duplicate` | O(n · bands) | MinHash LSH: one bucket lookup per band per document, never all pairs |
| family-name recall | `annotators/entities.recall_family_names` | O(m + tokens) | set of surnames of full names, then at most five suffix look-ups per token (after up to four proclitic letters) |
| entity linking, step 1–3 | `resolve/entities.py` `link` | O(m + k·L·b) | blocked on single-deletion variants (L = key length, b = bucket size) and on (first, last) tokens; the loop inside a bucket is quadratic in the **bucket** only |
| demonyms / document countries | `resolve/entities.py` | O(total tokens) | one tokenisation pass over every text |
| event extraction for the story | `story/stage.py` → `annotators/events.extract` | O(total tokens) | runs once, after linking (it needs entity ids); the pipeline no longer also runs it as a per-document annotator |
| event merging | `resolve/events.py` `merge` | O(E + Σ min(b², b·8)) | blocked on (type, month, anchor); blocks over 64 compared only with 8 date-order neighbours |
| count disagreements | `resolve/events.py` `_disagreements` | O(Σ g + Σ v²) | one pass over the g reports of each merged event; pairs only between its v *distinct* figures per count (a handful), not between reports |
| number conflicts from disagreements | `story/stage.py` `_claim_for` | O(D · c + C) | claim records indexed by document; each of the D disagreements scans one article's c claims |
| claims | `story/claims.py` `build_claims` | O(total tokens) | per document |
| incident resolution | `story/incidents.py` `resolve`, `_merge` | O(R · k · B) | each of the R reports meets at most B = `MAX_BLOCK` incidents under each of its k blocking keys (kind, ISO week, place country / rare word / article); a candidate whose best possible score cannot beat the best so far is cut before its place tests |
| conflicts | `story/conflicts.py` `find_conflicts` | O(Σ min(b², b·12)) + model on candidates | blocked on (topic, year); blocks over 80 compared with 12 neighbours; stance model only on candidate pairs |
| commitments | `story/commitments.py` | O(total tokens) + O(c) merge | per document, merged by key |
| export | `interfaces/export.py` `analysis_to_json` | O(m log m) | sorts every mention; builds the whole JSON document in memory before writing |
"""


# --------------------------------------------------------------------------- machine


def machine() -> dict[str, str]:
    """The shared facts of ``benchmarks/machine.py`` (uname, cores, CPU model, memory…)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from machine import facts

    return facts()


def code_state() -> str:
    """Git HEAD and the newest change under the stage folders, to say which code a run measured."""
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "src"], capture_output=True, text=True)
    newest = max(
        (f for d in ("annotators", "resolve", "views", "pipeline.py") for f in (ROOT / "src" / "rasd" / d).rglob("*")
         if f.is_file() and "__pycache__" not in f.parts),
        key=lambda f: f.stat().st_mtime,
    )  # fmt: skip
    when = datetime.fromtimestamp(newest.stat().st_mtime, UTC).strftime("%H:%M UTC")
    n = len([ln for ln in dirty.stdout.splitlines() if ln.strip()])
    return f"git {head.stdout.strip() or '?'} + {n} uncommitted path(s) under src; newest stage file {newest.relative_to(ROOT)} at {when}"


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# --------------------------------------------------------------------------- input


def zips(data: Path) -> list[str]:
    return sorted(glob.glob(str(data / "*.zip")))


def write_slice(data: Path, n: int, dest: Path) -> int:
    """The first ``n`` records of the corpus (zips and members in sorted order) as JSONL."""
    written = 0
    with dest.open("w", encoding="utf-8") as out:
        for z in zips(data):
            with zipfile.ZipFile(z) as zf:
                for name in sorted(m for m in zf.namelist() if m.endswith(".json")):
                    for rec in json.loads(zf.read(name)):
                        if written >= n:
                            return written
                        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                        written += 1
    return written


# --------------------------------------------------------------------------- one run


def run_one(size: str, data: Path, workers: int, report: bool, profile: bool, work: Path) -> dict[str, Any]:
    """One pipeline run in this process; returns its figures as a dict."""
    from rasd.pipeline import analyze  # imports every stage: one snapshot of the code for the whole run

    work.mkdir(parents=True, exist_ok=True)
    if size == "all":
        inputs, records = zips(data), None
    else:
        src = work / f"snn_{size}.jsonl"
        records = write_slice(data, int(size), src)
        inputs = [str(src)]
    db = work / f"bench_{size}.db"
    for p in (db, Path(str(db) + "-wal"), Path(str(db) + "-shm")):
        p.unlink(missing_ok=True)
    out = work / f"out_{size}"
    load0 = load()
    code0 = code_state()
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    prof = cProfile.Profile() if profile else None
    if prof is not None:
        prof.enable()
    res = analyze(inputs, db_path=db, out_dir=out, as_of=AS_OF, progress=False, workers=workers, report=report)
    if prof is not None:
        prof.disable()
    code_end = code_state()  # stages import lazily: views load when reached, so say both ends
    files = {p.name: p.stat().st_size for p in out.iterdir() if p.is_file()}
    top = ""
    if prof is not None:
        buf = io.StringIO()
        st = pstats.Stats(prof, stream=buf)
        st.sort_stats("cumulative").print_stats(r"rasd", 40)
        buf.write("\n--- by own time ---\n")
        st.sort_stats("tottime").print_stats(25)
        top = _trim_profile(buf.getvalue())
    return {
        "size": size,
        "records": records,
        "started": started,
        "code": code0,
        "code_end": code_end,
        "load_start": load0,
        "load_end": load(),
        "workers": workers,
        "report": report,
        "profiled": profile,
        "counts": res.counts(),
        "errors_sample": sorted({m.split(":")[0] for _, m in res.errors})[:8],
        "stage_errors": [f"{src}: {m}"[:300] for src, m in res.errors if src in ("resolve", "speakers", "views", "report")],
        "seconds": res.seconds,
        "stages": [asdict(s) for s in res.stages],
        "files": files,
        "db_bytes": db.stat().st_size,
        "output_counts": res.found,
        "profile": top,
    }


def _trim_profile(text: str) -> str:
    """Keep the table lines of a pstats dump, with paths shortened to the package."""
    keep = []
    for line in text.splitlines():
        line = re.sub(r"/\S*/(site-packages|lib/python3\.\d+)/", "", line)
        line = re.sub(r"/\S*/src/rasd/", "rasd/", line)
        if line.strip() and not line.startswith(("   Ordered", "   List reduced")):
            keep.append(line.rstrip())
    return "\n".join(keep)


# --------------------------------------------------------------------------- markdown


def _f(x: float | None, nd: int = 1) -> str:
    return "–" if x is None else f"{x:,.{nd}f}"


def _key(r: dict[str, Any]) -> str:
    """Section key: a profiled run gets its own section, never replacing the timed one."""
    return r["size"] + ("-profile" if r["profiled"] else "")


def section(r: dict[str, Any]) -> str:
    size, key = r["size"], _key(r)
    c = r["counts"]
    title = "all articles" if size == "all" else f"first {int(size):,} articles"
    title += ", profiled (cProfile slows everything: read it for where time goes, not for speed)" if r["profiled"] else ""
    lines = [
        f"<!-- size:{key} -->",
        f"## {title}",
        "",
        f"- run started {r['started']}; load average at start / end: {r['load_start']} / {r['load_end']} (2 cores shared with other jobs)",
        f"- code at start: {r.get('code', 'not recorded')}; at end: {r.get('code_end', 'not recorded')}",
        f"- workers: {r['workers']}; report.html: {'yes' if r['report'] else 'no'}; profiled: {'yes (times inflated)' if r['profiled'] else 'no'}",
        f"- pages {c['pages']:,}, documents {c['documents']:,} (new {c['new']:,}), near-duplicate groups {c['duplicate_groups']:,}, error lines {c['errors']:,}"
        + (f" ({'; '.join(r['errors_sample'])})" if r["errors_sample"] else ""),
        *([f"- **stage failed**: {e}" for e in r.get("stage_errors", [])]),
        "- output: " + ", ".join(f"{k} {v / 1e6:,.1f} MB" for k, v in sorted(r["files"].items())) + f", database {r['db_bytes'] / 1e6:,.1f} MB",
        "- found: " + ", ".join(f"{k} {v:,}" for k, v in sorted(r["output_counts"].items())),
        "",
        "| stage | wall s | CPU s (main) | CPU s (workers) | docs | docs/s (wall) | peak RSS in stage, MB | RSS after, MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    main_stages = [s for s in r["stages"] if not s["name"].startswith("annotate:")]
    for s in r["stages"]:
        if s["name"].startswith("annotate:"):
            continue
        dps = s["docs"] / s["wall"] if s["docs"] and s["wall"] > 0 else None
        lines.append(
            f"| {s['name']} | {_f(s['wall'])} | {_f(s['cpu'])} | {_f(s['child_cpu']) if s['child_cpu'] else '–'} | "
            f"{s['docs'] or '–'} | {_f(dps)} | {_f(s['peak_rss_mb'], 0)} | {_f(s['rss_mb'], 0)} |"
        )
    wall = r["seconds"]
    cpu = sum(s["cpu"] + s["child_cpu"] for s in main_stages)
    peak = max(s["peak_rss_mb"] for s in main_stages)
    child_peak = max(s["child_peak_mb"] for s in main_stages)
    docs = c["documents"]
    lines.append(
        f"| **total** | **{_f(wall)}** | {_f(sum(s['cpu'] for s in main_stages))} | {_f(sum(s['child_cpu'] for s in main_stages))} | "
        f"{docs:,} | **{_f(docs / wall if wall else None)}** | **{_f(peak, 0)}** | |"
    )
    lines += [
        "",
        f"Whole pipeline: **{_f(docs / wall if wall else None)} documents/s** wall clock, {_f(docs / cpu if cpu else None)} documents per CPU-second "
        f"(all processes); peak RSS {_f(peak, 0)} MB in the main process, largest worker {_f(child_peak, 0)} MB.",
        "",
    ]
    ann = [s for s in r["stages"] if s["name"].startswith("annotate:")]
    if ann:
        tot = sum(s["cpu"] for s in ann) or 1.0
        lines += [
            "Annotators, time summed over documents (in workers when workers > 1):",
            "",
            "| annotator | wall s | CPU s | share of annotator CPU | docs per CPU-second |",
            "|---|---:|---:|---:|---:|",
        ]
        for s in ann:
            lines.append(
                f"| {s['name'].split(':', 1)[1]} | {_f(s['wall'])} | {_f(s['cpu'])} | {100 * s['cpu'] / tot:.0f}% | "
                f"{_f(s['docs'] / s['cpu'] if s['cpu'] else None)} |"
            )
        lines.append("")
    if r.get("profile"):
        lines += ["Profile of this run (cProfile; cumulative, then own time):", "", "```", r["profile"], "```", ""]
    lines.append(f"<!-- /size:{key} -->")
    return "\n".join(lines)


def _order(key: str) -> tuple[int, str]:
    size = key.split("-", 1)[0]
    return (10**9 if size == "all" else int(size), key)


def write_markdown(out: Path, results: list[dict[str, Any]], command: str, mach: dict[str, str]) -> None:
    old: dict[str, str] = {}
    notes = ""
    if out.exists():
        text = out.read_text(encoding="utf-8")
        for m in re.finditer(r"<!-- size:(\S+) -->.*?<!-- /size:\1 -->", text, re.S):
            old[m.group(1)] = m.group(0)
        got = re.search(r"<!-- notes -->.*?<!-- /notes -->", text, re.S)  # hand-written reading, kept
        notes = got.group(0) if got else ""
    for r in results:
        old[_key(r)] = section(r)
    sizes = sorted(old, key=_order)
    lines = [
        "# Whole-pipeline scale benchmark (SaudiNewsNet)",
        "",
        "Written by `benchmarks/pipeline_bench.py`; every figure is what a run measured. Sections of",
        "different sizes may come from different runs (each says when it ran); the header is the",
        "latest run's.",
        "",
        f"- date of the latest run: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: `{mach['uname']}`",
        f"- nproc: {mach['nproc']}; CPU: {mach['cpu']}; memory: {mach['memory']}; Python {mach['python']}, SQLite {mach['sqlite']}",
        f"- latest command: `{command}`",
        "",
        "Pipeline measured: `rasd.pipeline.analyze` = read records → clean/segment → store (SQLite,",
        "FTS, MinHash near-duplicates) → load → annotators (time, entities, quantities, quotes,",
        "events) → entity linking (`resolve`) → save mentions → story views (events merged,",
        "claims, commitments, conflicts) → save views → `analysis.json` (→ `report.html`).",
        "Peak RSS is the main process's resident high-water mark within each stage; worker",
        "processes (ingest and annotation with `--workers`) are counted separately. The machine",
        "is shared (see the load averages): wall times are upper bounds, CPU times are steadier.",
        "",
    ]
    if notes:
        lines += [notes, ""]
    for s in sizes:
        lines += [old[s], ""]
    lines.append(COMPLEXITY)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")


# --------------------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sizes", default="1000,5000,all", help="comma-separated: numbers of articles and/or 'all'")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--report", action="store_true", help="also write report.html (big; its time is a stage)")
    ap.add_argument("--profile", action="store_true", help="run under cProfile and keep the top functions")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--work", type=Path, default=None, help="working directory (default: a temp dir, removed)")
    ap.add_argument("--one", default=None, help=argparse.SUPPRESS)  # internal: one size, JSON to stdout
    args = ap.parse_args()

    if not args.data.is_dir() or not zips(args.data):
        sys.exit(f"error: no SaudiNewsNet zips in {args.data}")
    if args.one:
        r = run_one(args.one, args.data, args.workers, args.report, args.profile, args.work)
        sys.stdout.write("\n@@RESULT@@" + json.dumps(r) + "\n")
        return

    command = "python benchmarks/pipeline_bench.py " + " ".join(sys.argv[1:])
    tmp = None if args.work else tempfile.TemporaryDirectory(prefix="rasd-scale-")
    work = args.work or Path(tmp.name)  # type: ignore[union-attr]
    results = []
    for size in [s.strip() for s in args.sizes.split(",") if s.strip()]:
        cmd = [sys.executable, __file__, "--one", size, "--data", str(args.data), "--workers", str(args.workers), "--work", str(work)]
        cmd += ["--report"] if args.report else []
        cmd += ["--profile"] if args.profile else []
        t0 = time.perf_counter()
        print(f"[{datetime.now(UTC):%H:%M:%S}] size {size} …", file=sys.stderr, flush=True)
        proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        if proc.returncode != 0 or "@@RESULT@@" not in proc.stdout:
            sys.stderr.write(proc.stderr[-3000:])
            sys.exit(f"error: size {size} failed (exit {proc.returncode})")
        r = json.loads(proc.stdout.rsplit("@@RESULT@@", 1)[1])
        results.append(r)
        print(f"  done in {time.perf_counter() - t0:.0f}s: {r['counts']['documents']} docs, "
              f"{r['counts']['documents'] / r['seconds']:.1f} docs/s", file=sys.stderr, flush=True)
        write_markdown(args.out, results, command, machine())  # after each size: a crash keeps what ran
    print(args.out.read_text(encoding="utf-8"))
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
