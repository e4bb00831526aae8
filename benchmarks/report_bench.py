"""Time and size of the HTML report on synthetic corpora of growing size.

The report must stay openable on a big corpus: only documents cited by evidence (plus up
to ``max_docs``) are rendered in full, and the timeline layout is linear in the events.
Documents past ``max_docs`` that are cited are rendered only around their evidence.
This builds deterministic synthetic analyses (sentences written for this script; one
event, one claim per document; an entity per 4 documents; a commitment per 20; a
conflict per 50), renders each and writes ``docs/benchmarks/report.md``.

    python benchmarks/report_bench.py [--sizes 1000 5000 31030]

Peak memory is ``ru_maxrss`` of a fresh child process per size.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from machine import markdown_lines

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "benchmarks" / "report.md"
TYPES = ["ATTACK", "AGREEMENT", "STATEMENT", "MEETING", "WITHDRAWAL", "ARREST"]
SENTENCE = (
    "ذكرت مصادر محلية في المدينة رقم {i} أن اجتماعاً عُقد لبحث ترتيبات أمنية جديدة، "
    "وأوضح مسؤول أن اللجنة ستقدم تقريرها بحلول نهاية الشهر المقبل. "
)


def build(n: int) -> object:
    from rasd.ids import make_id
    from rasd.models import (
        Analysis,
        Claim,
        Commitment,
        Conflict,
        Document,
        Entity,
        EntityMention,
        Event,
        EventDate,
        Evidence,
        Geo,
        Mentions,
        Published,
    )  # fmt: skip

    docs, events, claims, commits, conflicts, ents, mentions = [], [], [], [], [], [], []
    for i in range(n):
        text = SENTENCE.format(i=i) * (2 + i % 5)
        day = f"20{10 + i % 15}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        d = Document(make_id("d", i), f"s{i}.txt", 0, f"خبر رقم {i}", f"منفذ {i % 7}",
                     Published(day, "day", "dateline", 0.9), "ar", text)  # fmt: skip
        docs.append(d)
        span = Evidence(d.id, 0, 40)
        prec = ("day", "month", "year")[i % 3]
        value = day if prec == "day" else day[:7] if prec == "month" else day[:4]
        events.append(Event(make_id("v", i), TYPES[i % len(TYPES)], EventDate(value, prec),
                            summary=f"حدث {i}", evidence=[span]))  # fmt: skip
        claims.append(Claim(make_id("c", i), "مصادر", "ذكرت", "اجتماع", value, evidence=[span]))
        if i % 4 == 0:
            e = Entity(make_id("e", i), ("PER", "ORG", "GPE", "FAC")[i % 16 // 4], f"كيان {i}",
                       docs=[d.id], mentions=1, geo=Geo(30 + i % 10, 40 + i % 15) if i % 8 == 0 else None)  # fmt: skip
            ents.append(e)
            mentions.append(EntityMention(d.id, 0, 4, text[0:4], e.type, e.id))
        if i % 20 == 0:
            commits.append(Commitment(make_id("m", i), "تقديم التقرير", [], value, "pending",
                                      evidence=[Evidence(d.id, 60, 100)]))  # fmt: skip
        if i % 50 == 1:
            conflicts.append(Conflict(make_id("k", i), "number", claims[-2].id, claims[-1].id, "اختلاف",
                                      evidence=claims[-2].evidence + claims[-1].evidence))  # fmt: skip
    return Analysis(docs, Mentions(entities=mentions), ents, events, claims, commits, conflicts)


def child(n: int) -> None:
    """Build and render one size; print a JSON line of figures."""
    from rasd.interfaces.report import render_report

    t0 = time.perf_counter()
    analysis = build(n)
    t1 = time.perf_counter()
    html = render_report(analysis, "2026-11-22")  # type: ignore[arg-type]
    t2 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"n": n, "build_s": t1 - t0, "render_s": t2 - t1, "mb": len(html.encode()) / 1e6, "rss": rss}))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 31030])
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return 0
    rows = []
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--child", str(n)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(r)
        print(r, flush=True)
    lines = [
        "# Report rendering benchmark", "",
        "`python benchmarks/report_bench.py` — synthetic analyses (one event and one claim per document, an",
        "entity per 4 documents, a commitment per 20, a conflict per 50); every document is cited by",
        "evidence (the worst case for size): the first 300 are rendered whole, the others as excerpts",
        "around their evidence (`render_report(..., max_docs=300)`, the default).", "",
        *markdown_lines(), "",
        "| documents | events | render time (s) | HTML size (MB) | peak RSS (MB) |",
        "|---:|---:|---:|---:|---:|",
        *[f"| {r['n']:,} | {r['n']:,} | {r['render_s']:.2f} | {r['mb']:.1f} | {r['rss']:.0f} |" for r in rows],
        "",
        "Peak RSS includes building the synthetic analysis in the same process. Times are wall-clock",
        "on a machine that may be shared with other jobs: compare orders of magnitude, not decimals.",
    ]  # fmt: skip
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
