"""Throughput and memory of the ingest stage alone over SaudiNewsNet (31,030 articles).

Measures ``iter_pages`` (zip -> streamed JSON records) + ``documents_from_page`` (clean,
segment, title/outlet/date, language, ids) + ``rasd.text.normalize`` of every body, with
no store, so the stage's own cost is visible next to the end-to-end figure of
``ingest_bench.py``. Writes ``docs/benchmarks/ingest_stage.md`` with machine and date.

    python benchmarks/ingest_stage_bench.py [--data ../shared/data/saudinewsnet] [--limit N]
"""

from __future__ import annotations

import argparse
import collections
import resource
import time
from pathlib import Path

from machine import markdown_lines

from rasd.ingest import IngestError, documents_from_page, iter_pages
from rasd.text import normalize

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
DEFAULT_OUT = ROOT / "docs" / "benchmarks" / "ingest_stage.md"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    args = ap.parse_args()
    header = markdown_lines()
    errors: collections.Counter[str] = collections.Counter()
    langs: collections.Counter[str] = collections.Counter()
    removed: collections.Counter[str] = collections.Counter()
    pages = docs = chars = 0
    ids: set[str] = set()
    t0, c0 = time.perf_counter(), time.process_time()
    for item in iter_pages([args.data]):
        if isinstance(item, IngestError):
            errors[item.message] += 1
            continue
        pages += 1
        for d in documents_from_page(item):
            normalize(d.text)
            docs += 1
            chars += len(d.text)
            langs[d.language] += 1
            ids.add(d.id)
            for r in d.removed:
                removed[r.kind] += 1
        if args.limit and pages >= args.limit:
            break
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [
        "# Ingest stage benchmark (SaudiNewsNet)",
        "",
        *header,
        "",
        "Command: `python benchmarks/ingest_stage_bench.py" + (f" --limit {args.limit}" if args.limit else "") + "`",
        "",
        "Read zip -> streamed JSON records -> clean/segment/title/outlet/date/language -> normalise; no store.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| records read as pages | {pages} |",
        f"| documents | {docs} |",
        f"| distinct document ids | {len(ids)} |",
        f"| body characters | {chars} |",
        f"| wall time | {wall:.1f} s |",
        f"| CPU time (this process) | {cpu:.1f} s |",
        f"| documents / s (wall) | {docs / wall:.0f} |",
        f"| documents / s (CPU) | {docs / cpu:.0f} |",
        f"| peak memory (ru_maxrss) | {peak_mb:.0f} MB |",
        f"| input errors | {sum(errors.values())} ({'; '.join(f'{k}: {v}' for k, v in errors.items()) or 'none'}) |",
        f"| languages | {', '.join(f'{k}: {v}' for k, v in langs.most_common())} |",
        f"| removed blocks by kind | {', '.join(f'{k}: {v}' for k, v in removed.most_common()) or 'none'} |",
        "",
    ]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
