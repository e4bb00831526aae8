"""How good is the content date estimate? Hide SaudiNewsNet's dates and compare.

Each record's ``date_extracted`` (the crawl time, at most a day or two after publication)
is hidden; ``rasd.ingest.dates.estimate`` sees only the article body. Reports coverage
and agreement at several tolerances, plus the printed-date contradiction check run with
the true date (a false alarm whenever it fires). Writes ``docs/benchmarks/ingest_dates.md``.

    python benchmarks/ingest_date_estimate_bench.py [--data ../shared/data/saudinewsnet] [--every 5]
"""

from __future__ import annotations

import argparse
import collections
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

from rasd.ingest import IngestError, iter_pages
from rasd.ingest.dates import contradiction, estimate

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
DEFAULT_OUT = ROOT / "docs" / "benchmarks" / "ingest_dates.md"


def _start(value: str) -> date:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--every", type=int, default=5, help="use every N-th record")
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    args = ap.parse_args()
    n = covered = 0
    hits: collections.Counter[str] = collections.Counter()
    by_precision: collections.Counter[str] = collections.Counter()
    false_alarms = 0
    by_conf: dict[float, list[int]] = collections.defaultdict(lambda: [0, 0])  # confidence -> [n, same month]
    for i, item in enumerate(iter_pages([args.data])):
        if isinstance(item, IngestError) or i % args.every or not item.date:
            continue
        truth = date.fromisoformat(item.date[:10])
        n += 1
        if contradiction(truth.isoformat(), item.text):
            false_alarms += 1
        est = estimate(item.text)
        if est.value is None:
            continue
        covered += 1
        by_precision[est.precision or "?"] += 1
        start = _start(est.value)
        if est.precision == "day":
            d = abs((start - truth).days)
            hits["day: exact"] += d == 0
            hits["day: within 1 day"] += d <= 1
            hits["day: within 7 days"] += d <= 7
        by_conf[est.confidence][0] += 1
        if (start.year, start.month) == (truth.year, truth.month):
            hits["same month"] += 1
            by_conf[est.confidence][1] += 1
        if start.year == truth.year:
            hits["same year"] += 1
    uname = subprocess.run(["uname", "-a"], capture_output=True, text=True).stdout.strip()
    pct = lambda k, d: f"{100 * k / d:.1f}%" if d else "-"  # noqa: E731
    lines = [
        "# Content date estimate vs. SaudiNewsNet dates",
        "",
        f"- date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: `{uname}`",
        f"- command: `python benchmarks/ingest_date_estimate_bench.py --every {args.every}`",
        "",
        f"Records evaluated: {n} (every {args.every}th). Truth: `date_extracted` (crawl time).",
        "",
        "| measure | value |",
        "|---|---|",
        f"| estimate given (coverage) | {covered} ({pct(covered, n)}) |",
        f"| estimate precision | {', '.join(f'{k}: {v}' for k, v in by_precision.most_common())} |",
    ]
    day_n = by_precision["day"]
    for k in ("day: exact", "day: within 1 day", "day: within 7 days"):
        lines.append(f"| {k} (of day-precision estimates) | {hits[k]} ({pct(hits[k], day_n)}) |")
    lines += [
        f"| same month as truth (of estimates) | {hits['same month']} ({pct(hits['same month'], covered)}) |",
        f"| same year as truth (of estimates) | {hits['same year']} ({pct(hits['same year'], covered)}) |",
        f"| contradiction false alarms with the true date | {false_alarms} ({pct(false_alarms, n)}) |",
        "",
        "Same month as truth, by the confidence the estimate carries (0.25 = only the latest dated",
        "event, a lower bound; 0.3/0.35 = deadline prior; 0.4/0.45 = a named current month):",
        "",
        "| confidence | estimates | same month |",
        "|---|---|---|",
        *[f"| {c:.2f} | {v[0]} | {v[1]} ({pct(v[1], v[0])}) |" for c, v in sorted(by_conf.items())],
        "",
    ]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
