"""Ingest throughput and memory over the whole SaudiNewsNet corpus (31,030 articles).

Runs ``rasd.pipeline.ingest`` (read zip → JSON records → clean → normalise → store with
full-text index and near-duplicate detection) into a fresh temporary SQLite file, then a
second time over the same input to check that nothing is added, and writes the figures
with the machine and date to ``docs/benchmarks/ingest.md``.

    python benchmarks/ingest_bench.py [--data ../shared/data/saudinewsnet] [--workers 1] [--limit N]

Peak memory is ``ru_maxrss`` of this process (and, separately, of the largest worker
process when ``--workers > 1``).
"""

from __future__ import annotations

import argparse
import collections
import os
import resource
import sys
import tempfile
import time
import traceback
from pathlib import Path

from machine import markdown_lines

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
DEFAULT_OUT = ROOT / "docs" / "benchmarks" / "ingest.md"


def cpu_split() -> tuple[float, float]:
    """User+system CPU of this process and of its finished workers: robust to a busy machine."""
    s = resource.getrusage(resource.RUSAGE_SELF)
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime, c.ru_utime + c.ru_stime


def cpu_seconds() -> float:
    return sum(cpu_split())


def mb(kib: int) -> float:
    return kib / 1024  # ru_maxrss is KiB on Linux


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N zip files (for a quick try)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()

    from rasd.pipeline import ingest

    zips = sorted(str(p) for p in args.data.glob("*.zip"))
    if args.limit:
        zips = zips[: args.limit]
    if not zips:
        print(f"no zip files in {args.data}", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory(prefix="rasd-bench-") as tmp:
        db = Path(tmp) / "bench.db"
        crash = None
        load0 = os.getloadavg()[0]
        cpu0 = cpu_seconds()
        main0, kids0 = cpu_split()
        t0 = time.perf_counter()
        try:
            first = ingest(zips, db_path=db, progress=False, workers=args.workers)
        except Exception:
            crash = traceback.format_exc()
            print(crash, file=sys.stderr)
            return 1
        wall1 = time.perf_counter() - t0
        cpu1 = cpu_seconds() - cpu0
        main1, kids1 = (x - y for x, y in zip(cpu_split(), (main0, kids0), strict=True))
        load1 = os.getloadavg()[0]
        rss_after_first = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t1 = time.perf_counter()
        second = ingest(zips, db_path=db, progress=False, workers=args.workers)
        wall2 = time.perf_counter() - t1
        db_mb = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 2**20
        from rasd.store.sqlite import SQLiteStore

        with SQLiteStore(db) as s:
            groups = s.duplicate_groups()
            stored = s.count_documents()
            langs = collections.Counter(r[0] for r in s.db.execute("SELECT language FROM documents"))
            methods = collections.Counter(r[0] for r in s.db.execute("SELECT json_extract(published, '$.method') FROM documents"))

    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    rate = first.documents / wall1 if wall1 else 0.0
    sizes = collections.Counter(len(g) for g in groups)
    in_groups = sum(len(g) for g in groups)
    err_kinds = collections.Counter(m.split(":")[0] for _, m in first.errors)

    lines = [
        "# Ingest benchmark: SaudiNewsNet",
        "",
        "Written by `benchmarks/ingest_bench.py`; figures are what that run measured.",
        "",
        *markdown_lines(),
        f"- command: `python benchmarks/ingest_bench.py --workers {args.workers}"
        + (f" --limit {args.limit}" if args.limit else "")
        + "`",
        "",
        "Pipeline measured: read zip → JSON records → clean/segment → title/outlet/date → normalise →"
        " SQLite (WAL, batched commits) with FTS5 over folded text and MinHash/LSH near-duplicate linking.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| input | {len(zips)} zip files |",
        f"| records read (pages) | {first.pages:,} |",
        f"| documents produced | {first.documents:,} |",
        f"| documents stored (new) | {first.new:,} |",
        f"| same article already stored within the run | {first.existing:,} |",
        f"| error lines (batch continued) | {len(first.errors):,} |",
        f"| crashes | {'yes' if crash else 0} |",
        f"| wall time, first run | {wall1:.1f} s |",
        f"| **throughput, first run (wall clock)** | **{rate:,.0f} documents/s** |",
        f"| CPU time, first run (user+sys, incl. workers) | {cpu1:.1f} s = {first.documents / cpu1 if cpu1 else 0:,.0f} documents per CPU-second |",
        f"| CPU split, first run: main process (reading, storing) / workers (cleaning, folding, MinHash) | {main1:.1f} s / {kids1:.1f} s |",
        f"| machine load (1-min load average) at start / end of first run | {load0:.1f} / {load1:.1f} on {os.cpu_count()} cores |",
        f"| **peak memory (ru_maxrss, this process)** | **{mb(peak_self):.0f} MB** (after first run: {mb(rss_after_first):.0f} MB) |",
        f"| peak memory of largest worker | {mb(peak_children):.0f} MB |" if args.workers > 1 else "| workers | 1 (no worker processes) |",
        f"| second run over the same input: new documents | {second.new:,} (already stored: {second.existing:,}) |",
        f"| wall time, second run | {wall2:.1f} s |",
        f"| syndicated near-duplicate groups (MinHash/LSH, Jaccard ≥ 0.8 on word 3-shingles) | {len(groups):,} groups holding {in_groups:,} documents |",
        f"| group sizes | {', '.join(f'{k}: {v}' for k, v in sorted(sizes.items()))} |",
        f"| database size | {db_mb:.0f} MB ({stored:,} documents) |",
        f"| languages | {', '.join(f'{k}: {v:,}' for k, v in langs.most_common())} |",
        f"| date method | {', '.join(f'{k}: {v:,}' for k, v in methods.most_common())} |",
        "",
        "Targets (issue 2): at least 300 documents/s, under 500 MB peak, zero crashes, second run adds zero.",
        "",
    ]
    if first.errors:
        lines += ["Error kinds (first run): " + ", ".join(f"{k} ×{v}" for k, v in err_kinds.most_common(8)), ""]
        lines += ["First error lines:", ""] + [f"- `{s}`: {m}" for s, m in first.errors[:5]] + [""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
