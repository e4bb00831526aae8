"""Fast dev harness for incident slot disagreements (precision/recall as story_bench scores them).

Usage (repo root):

    .venv/bin/python benchmarks/incidents/slots_tune.py          # predicted/right/P, gold/found/R
    .venv/bin/python benchmarks/incidents/slots_tune.py -v       # + every prediction, every miss
    .venv/bin/python benchmarks/incidents/slots_tune.py --rebuild  # re-analyse (annotators changed)

The analysed dev documents come from ``tune.py``'s cache (/tmp); the story stage
(``story.stage.build``) runs on them and its conflicts are scored by
``story_bench.score_conflicts``, exactly as the full benchmark scores the export. ``-v``
prints, per prediction, whether it is right and the sentence each side was read from, and
per gold disagreement missed, the values rasd read in those two documents. Dev only.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "benchmarks" / "incidents"))

from realnews.records import url_key  # noqa: E402
from story_bench import _NUM, _num, _same_dates, gold_disagreements, score_conflicts  # noqa: E402
from tune import analysed, load_gold  # noqa: E402

from rasd.interfaces.export import conflict_json, document_json  # noqa: E402
from rasd.story.stage import build  # noqa: E402


def _snip(text: str, s: int, e: int, pad: int = 60) -> str:
    return (text[max(0, s - pad) : s] + "[" + text[s:e] + "]" + text[e : e + pad]).replace("\n", " ")


def _slot_table(incs: list[dict[str, Any]], das: Any, views: Any) -> None:
    """Per gold report of an incident: the gold's numeric and date values, then rasd's."""
    doc_of = {url_key(da.doc.url): da.doc.id for da in das}
    ours: dict[str, list[str]] = defaultdict(list)
    for inc in views.incidents:
        for slot, vals in inc.slots.items():
            if slot in ("place", "perpetrator", "target"):
                continue
            for v in vals:
                q = f"{v.qualifier}:" if v.qualifier else ""
                ours[v.source].append(f"{slot}={q}{v.value}@{inc.id[-4:]}")
    for inc in incs:
        if inc["kind"] != "incident":
            continue
        print(f"\n== {inc['id']}")
        for r in inc["reports"]:
            g = [f"{s['slot']}={s['value']}" for s in r["slots"] if s["slot"] not in ("place", "target", "weapon", "perpetrator", "blamed", "actor", "origin", "destination")]
            print(f"  {r['source']:>12} {r['date']} gold: {' '.join(g)}")
            got = ours.get(doc_of.get(r["url_sha1"], ""), [])
            print(f"  {'':>12} {'':>10} ours: {' '.join(got)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--slots", action="store_true", help="per gold report: gold values against the values rasd read")
    args = ap.parse_args()
    incs = load_gold("dev")
    das, ents = analysed(incs, args.rebuild)
    views = build(list(das), list(ents), "2026-11-22")
    analysis: dict[str, Any] = {
        "documents": [document_json(da.doc) for da in das],
        "conflicts": [conflict_json(k) for k in views.conflicts],
        "incidents": [],
    }
    res = score_conflicts(analysis, incs)
    print(f"dev disagreements: predicted {res['pred']} right {res['right']} P {res['p']:.3f} | "
          f"gold {res['gold']} found {res['found']} R {res['r']:.3f}")  # fmt: skip
    if args.slots:
        _slot_table(incs, das, views)
    if not args.verbose:
        return
    texts = {da.doc.id: da.doc.text for da in das}
    url_of = {da.doc.id: url_key(da.doc.url) for da in das}
    gold = gold_disagreements(incs)
    inc_of_url: dict[str, set[str]] = defaultdict(set)
    src_of_url: dict[str, str] = {}
    for inc in incs:
        for r in inc["reports"]:
            src_of_url[r["url_sha1"]] = r["source"]
            if inc["kind"] == "incident":
                inc_of_url[r["url_sha1"]].add(inc["id"])
    found: set[tuple[str, str, frozenset[Any]]] = set()
    for c in analysis["conflicts"]:
        if c["kind"] != "slot" or c["a"].get("outlet") == c["b"].get("outlet"):
            continue
        urls = {url_of.get(c[s]["source"]) for s in ("a", "b")}
        shared = set.intersection(*(inc_of_url.get(u, set()) for u in urls))
        got = [str(c[s]["value"]) for s in ("a", "b")]
        is_date = c.get("slot") == "date"
        hit = [g for g in gold if g[0] in shared and g[3] == urls and (g[1] == "date") == is_date
               and (_same_dates(g[2], got) if is_date else {_num(v) for v in g[2]} <= {n for x in got for n in _NUM.findall(x)})]  # fmt: skip
        found.update((g[0], g[1], g[2]) for g in hit)
        mark = "RIGHT" if shared and hit else "WRONG"
        gi = ",".join(sorted(shared)) or "-"
        print(f"\n{mark} {gi} {c['slot']} {c['relation']} {got[0]} vs {got[1]} ({c['a'].get('outlet')} / {c['b'].get('outlet')})")
        print("   ", c["explanation"])
        if mark == "WRONG":
            pairs = sorted({(g[1], tuple(sorted(map(str, g[2])))) for g in gold if g[0] in shared and g[3] == urls})
            print("    gold for these docs:", pairs)
        for s in ("a", "b"):
            for e in c[s]["evidence"][:1]:
                print(f"    {s}: {_snip(texts[e['doc']], e['start'], e['end'])}")
    print("\n=== missed gold (distinct) ===")
    for g in sorted({(g[0], g[1], g[2]) for g in gold} - found, key=str):
        urls = sorted({u for x in gold if (x[0], x[1], x[2]) == g for u in x[3]})
        print(f"MISS {g[0]} {g[1]} {sorted(map(str, g[2]))} in {[src_of_url.get(u) for u in urls][:6]}")


if __name__ == "__main__":
    main()
