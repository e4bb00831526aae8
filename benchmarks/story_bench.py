"""Incidents and disagreements on real news: the SaudiNewsNet incident gold set.

Usage (repo root, venv active; ``../shared`` beside the checkout):

    python benchmarks/story_bench.py                 # test half -> docs/benchmarks/story.md
    python benchmarks/story_bench.py --split dev -v  # tuning: dev half, every cluster shown

The gold set (docs/incidents_gold.md) lists, per incident, the SaudiNewsNet records that
report it and the slot values each gives, plus distractor articles about other happenings.
All records of the chosen half (reports and distractors) are analysed together by
``rasd analyze`` into a temporary store, as a user would analyse a folder of pages.

Incident clustering (B³ over reports). Each gold report is assigned the predicted event
(rasd's per-article report) that covers the incident's mention in that article (an event
whose evidence overlaps the mention, one of a compatible type first, else the nearest event
of a compatible type in the article), and through it the predicted incident holding that event (``incidents[].reports``);
reports in the same predicted incident share a cluster, a report with no event is a
cluster of its own. B³ is averaged over the incidents' reports; distractor reports count
only where they land in an incident report's predicted cluster (lowering its precision):
two distractors may well report one happening, so joining them is not scored.

Disagreements. Gold: two reports of one incident, from different outlets, whose values for
one numeric slot or for the date differ (several values of one slot in one report are an
update, not a disagreement; dates differ unless one value is a prefix of the other or both
are times of one day that overlap, so ``2015-08-06`` and ``2015-08-06TEV`` agree, as do
``2015-08-06TMO`` and ``2015-08-06T08:00``; ``T06:30`` and ``T07:00`` differ). Predicted: the ``slot`` conflicts of the
export (schema 2) whose two sides come from different outlets (as the gold's; an official's
update carried by two outlets counts, one outlet's own update does not). One is right when the
two documents behind its sides report one gold incident and that pair of documents has a
gold disagreement on the same slot kind (a number or the date) whose two values are the
sides' values (numbers read from the values as shown, "نحو 30" → 30; dates compared as
values, a prefix matching).

Who and where. The ``place``, ``perpetrator`` and ``target`` values of the event covering each
gold report are right when they name one of the report's gold values of the slot (folded, one
containing the other; a perpetrator may be the gold ``perpetrator`` or ``blamed``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from machine import markdown_lines  # noqa: E402
from realnews.records import SNN, day, url_key  # noqa: E402

from rasd.pipeline import analyze  # noqa: E402
from rasd.text import fold  # noqa: E402

GOLD = ROOT / "benchmarks" / "data" / "incidents"
OUT = ROOT / "docs" / "benchmarks" / "story.md"
NUMERIC = ("killed", "injured", "arrested", "missing", "rockets", "drones", "intercepted", "troops")
COMPATIBLE = {
    "bombing": {"ATTACK"}, "attack": {"ATTACK"}, "shelling": {"ATTACK", "AIRSTRIKE"}, "clash": {"ATTACK"},
    "airstrike": {"AIRSTRIKE", "ATTACK"}, "arrest": {"ARREST"}, "agreement": {"AGREEMENT"},
    "vote": {"AGREEMENT", "OTHER"}, "visit": {"MEETING"}, "meeting": {"MEETING"}, "statement": {"STATEMENT"},
    "election": {"ELECTION"},
}  # fmt: skip


def load_gold(split: str, ids: set[str] | None = None) -> list[dict[str, Any]]:
    out = []
    for p in sorted(GOLD.glob("inc*.json")):
        inc = json.loads(p.read_text(encoding="utf-8"))
        if inc["split"] == split and (ids is None or inc["id"] in ids):
            out.append(inc)
    return out


def parse_ids(spec: str) -> set[str]:
    """``inc40-inc46,inc50`` -> the ids it names (ranges by number)."""
    out: set[str] = set()
    for part in spec.split(","):
        lo, _, hi = part.strip().partition("-")
        a = int(lo.removeprefix("inc"))
        b = int(hi.removeprefix("inc")) if hi else a
        out.update(f"inc{n:02d}" for n in range(a, b + 1))
    return out


def _key(r: dict[str, Any]) -> tuple[str, int]:
    return r["file"], r["index"]


def run(incs: list[dict[str, Any]], work: Path) -> dict[str, Any]:
    """Analyse every record of the half into a fresh store; the analysis.json dict."""
    recs = {_key(r): day(r["file"])[r["index"]] for inc in incs for r in inc["reports"]}
    src = work / "in"
    src.mkdir()
    (src / "records.json").write_text(json.dumps(list(recs.values()), ensure_ascii=False), encoding="utf-8")
    res = analyze([str(src)], db_path=work / "rasd.db", out_dir=work / "out", progress=False, report=False)
    if res.failed:  # empty sections would score as a real (and terrible) result
        raise SystemExit(f"corpus stage(s) failed: {res.failed}: {res.errors}")
    return dict(json.loads((work / "out" / "analysis.json").read_text(encoding="utf-8")))


def _doc_span(doc: dict[str, Any], content: str, span: list[int] | None) -> tuple[int, int] | None:
    """The gold mention's offsets in rasd's cleaned document text (found by its context)."""
    if span is None:
        return None
    s, e = span
    text = doc["text"]
    for pad in (40, 15, 0):
        probe = content[max(0, s - pad) : e + pad]
        i = text.find(probe)
        if i >= 0:
            return i + (s - max(0, s - pad)), i + (s - max(0, s - pad)) + (e - s)
    return None


def assign(analysis: dict[str, Any], incs: list[dict[str, Any]]) -> dict[tuple[str, int], str | None]:
    """Predicted incident for each gold report (through the event covering its mention), or None."""
    incident_of = {r: i["id"] for i in analysis.get("incidents", []) for r in i["reports"]}
    return {k: incident_of.get(ev, ev) if ev is not None else None for k, ev in events_of(analysis, incs).items()}


def events_of(analysis: dict[str, Any], incs: list[dict[str, Any]]) -> dict[tuple[str, int], str | None]:
    """The predicted event (rasd's report) covering each gold report's mention, or None."""
    by_url = {url_key(d.get("url")): d for d in analysis["documents"]}
    ev_by_doc: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = defaultdict(list)
    for ev in analysis.get("events", []):
        for evd in ev.get("evidence", []):
            ev_by_doc[evd["doc"]].append((ev, evd))
    out: dict[tuple[str, int], str | None] = {}
    for inc in incs:
        ok_types = COMPATIBLE.get(inc.get("type") or "", {"OTHER"})
        for r in inc["reports"]:
            doc = by_url.get(r["url_sha1"])
            if doc is None:
                out[_key(r)] = None
                continue
            span = _doc_span(doc, day(r["file"])[r["index"]]["content"], r.get("mention"))
            cands = ev_by_doc.get(doc["id"], [])
            best = None
            if span is not None:
                hit = [ev for ev, evd in cands if evd["start"] < span[1] and span[0] < evd["end"]]
                hit.sort(key=lambda ev: (ev["type"] not in ok_types, ev["id"]))  # the incident's kind first
                best = hit[0]["id"] if hit else None
            if best is None:
                typed = [(ev, evd) for ev, evd in cands if ev["type"] in ok_types]
                if typed:
                    at = span[0] if span else 0
                    best = min(typed, key=lambda x: (abs(x[1]["start"] - at), x[0]["id"]))[0]["id"]
            out[_key(r)] = best
    return out


def b_cubed(gold: dict[tuple[str, int], str | None], pred: dict[tuple[str, int], str]) -> dict[str, float]:
    """B³ over the reports whose gold is an incident (``None`` marks a distractor, which
    only enters the predicted clusters it was put in)."""
    everything = list(gold)
    items = [i for i in everything if gold[i] is not None]
    p = r = 0.0
    for i in items:
        same_p = [j for j in everything if pred[j] == pred[i]]
        same_g = [j for j in items if gold[j] == gold[i]]
        both = sum(1 for j in same_p if gold[j] == gold[i])
        p += both / len(same_p)
        r += both / len(same_g)
    p, r = p / len(items), r / len(items)
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0, "n": len(items), "all": len(everything)}


def gold_disagreements(incs: list[dict[str, Any]]) -> list[tuple[str, str, frozenset[Any], frozenset[str]]]:
    """(incident, slot, {value a, value b}, {url a, url b}) for every cross-outlet clash."""
    out = []
    for inc in incs:
        if inc["kind"] != "incident":
            continue
        for slot in (*NUMERIC, "date"):
            vals = [(r["source"], r["url_sha1"], s["value"]) for r in inc["reports"] for s in r["slots"] if s["slot"] == slot]
            for (sa, ua, va), (sb, ub, vb) in combinations(vals, 2):
                if sa != sb and _differ(slot, va, vb):
                    out.append((inc["id"], slot, frozenset((va, vb)), frozenset((ua, ub))))
    return out


# the hours a TimeML part of day covers, generous at the edges (the scorer's own table): one
# outlet's "morning" and another's "08:00" of the same day agree, as "evening" and "night" do
PART_HOURS = {"MO": (0.0, 12.0), "MI": (11.0, 14.0), "AF": (12.0, 18.0), "EV": (14.0, 22.0), "NI": (20.0, 29.0), "DT": (6.0, 18.0)}
_CLOCK = re.compile(r"(\d\d)(?::(\d\d))?")


def _hours(rest: str) -> tuple[float, float] | None:
    """The hours a value's time part covers: a part of day, ``T08`` (that hour), ``T08:30``."""
    if rest in PART_HOURS:
        return PART_HOURS[rest]
    m = _CLOCK.fullmatch(rest)
    if m is None:
        return None
    h = int(m[1]) + int(m[2] or 0) / 60
    return (h, h + (1.0 if m[2] is None else 1 / 60))  # an hour, or its minute


def dates_meet(x: str, y: str) -> bool:
    """Two date values agree: one contains the other (a prefix: a day and its evening), or
    both name times of one day that overlap (a part of day and a clock time in it)."""
    if x.startswith(y) or y.startswith(x):
        return True
    if len(x) > 11 and len(y) > 11 and x[:11] == y[:11] and x[10] == "T":
        a, b = _hours(x[11:]), _hours(y[11:])
        return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]
    return False


def _differ(slot: str, a: Any, b: Any) -> bool:
    if slot == "date":
        return not dates_meet(str(a), str(b))
    return bool(a != b)


def _same_dates(gold: frozenset[Any], got: list[str]) -> bool:
    """Both predicted dates are the two gold ones (values that meet, ``dates_meet``)."""
    meet = dates_meet
    g = sorted(str(v) for v in gold)
    return len(g) == 2 and ((meet(g[0], got[0]) and meet(g[1], got[1])) or (meet(g[0], got[1]) and meet(g[1], got[0])))


def _num(v: Any) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


_NUM = re.compile(r"\d+(?:\.\d+)?")


def score_conflicts(analysis: dict[str, Any], incs: list[dict[str, Any]]) -> dict[str, Any]:
    gold = gold_disagreements(incs)
    inc_of_url: dict[str, set[str]] = defaultdict(set)
    for inc in incs:
        if inc["kind"] == "incident":
            for r in inc["reports"]:
                inc_of_url[r["url_sha1"]].add(inc["id"])
    url_of_doc = {d["id"]: url_key(d.get("url")) for d in analysis["documents"]}
    preds = [c for c in analysis.get("conflicts", []) if c["kind"] == "slot" and c["a"].get("outlet") != c["b"].get("outlet")]
    right = 0
    found: set[int] = set()
    wrong: list[dict[str, Any]] = []
    for c in preds:
        urls = {url_of_doc.get(c[side]["source"]) for side in ("a", "b")}
        shared = set.intersection(*(inc_of_url.get(u, set()) for u in urls)) if urls else set()
        is_date = c.get("slot") == "date"
        got = [str(c[side]["value"]) for side in ("a", "b")]
        hit = [k for k, (iid, slot, pair, gurls) in enumerate(gold)
               if iid in shared and gurls == urls and (slot == "date") == is_date
               and (_same_dates(pair, got) if is_date else {_num(v) for v in pair} <= {n for g in got for n in _NUM.findall(g)})]  # fmt: skip
        if shared and hit:
            right += 1
            found.update(hit)
        else:
            sides = [inc_of_url.get(u or "", set()) for u in urls]
            why = ("values or slot not a gold disagreement" if shared else
                   "a side in no gold incident" if not all(sides) else "sides in two gold incidents")
            wrong.append({"why": why, "slot": c.get("slot_name") or c.get("slot"),
                          "a": f"{c['a'].get('outlet')} {c['a'].get('value')}", "b": f"{c['b'].get('outlet')} {c['b'].get('value')}"})
    # gold pairs are counted per distinct (incident, slot, values), as a reader sees them
    distinct = {(iid, slot, pair) for iid, slot, pair, _ in gold}
    found_distinct = {(gold[k][0], gold[k][1], gold[k][2]) for k in found}
    missed = sorted({(iid, slot, tuple(sorted(map(str, pair)))) for k, (iid, slot, pair, _) in enumerate(gold)} - set(
        (gold[k][0], gold[k][1], tuple(sorted(map(str, gold[k][2])))) for k in found))
    p = right / len(preds) if preds else 0.0
    r = len(found_distinct) / len(distinct) if distinct else 0.0
    return {"pred": len(preds), "right": right, "gold": len(distinct), "found": len(found_distinct), "p": p, "r": r,
            "wrong": wrong, "missed": missed, "missed_why": _missed_why(analysis, incs, gold, missed)}


def _missed_why(analysis: dict[str, Any], incs: list[dict[str, Any]], gold: list[tuple[str, str, frozenset[Any], frozenset[str]]],
                missed: list[tuple[str, str, tuple[str, ...]]]) -> list[str]:
    """Why each missed gold disagreement was missed, as far as the clustering tells: a report
    rasd found no event for, the two reports in different rasd incidents, or one rasd incident
    that showed no disagreement for the pair (a value missing, read alike, or not compared)."""
    pred = assign(analysis, incs)
    key_of = {(inc["id"], r["url_sha1"]): _key(r) for inc in incs for r in inc["reports"]}
    out = []
    for iid, slot, pair in missed:
        best = 0  # 0 no event, 1 apart, 2 together: the closest any document pair of the gold came
        for giid, gslot, gpair, gurls in gold:
            if (giid, gslot, tuple(sorted(map(str, gpair)))) != (iid, slot, pair):
                continue
            got = [pred.get(key_of[(iid, u)]) for u in gurls if (iid, u) in key_of]
            if len(got) == 2 and None not in got:
                best = max(best, 2 if got[0] == got[1] else 1)
        out.append(("a report with no event", "the reports in different rasd incidents",
                    "one rasd incident, no disagreement shown")[best])
    return out


def error_lines(conf: dict[str, Any]) -> list[str]:
    """The disagreement errors by kind, counts only (the test half's articles stay unread)."""
    kinds = [("wrong", c["why"]) for c in conf["wrong"]] + [("missed", w) for w in conf["missed_why"]]
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for k in kinds:
        counts[k] += 1
    return ["| error | kind | count |", "|---|---|---:|", *(f"| {e} | {k} | {n} |" for (e, k), n in sorted(counts.items()))]


# a predicted slot of the export -> the gold slots whose values it may name
ARGUMENTS = {"place": ("place",), "perpetrator": ("perpetrator", "blamed"), "target": ("target",)}


def _names(a: str, b: str) -> bool:
    """One name names the other (folded; "داعش" and "تنظيم داعش")."""
    x, y = fold(a).strip(), fold(b).strip()
    return bool(x and y) and (x in y or y in x)


def score_arguments(analysis: dict[str, Any], incs: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Place, perpetrator and target per report: each predicted value of the event covering a
    gold report is right when it names one of that report's gold values of the slot (the
    perpetrator: who did it or who is blamed); P over predicted values, R over gold values."""
    ev_of = events_of(analysis, incs)
    pred: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for inc in analysis.get("incidents", []):
        for slot in ARGUMENTS:
            for v in inc.get("slots", {}).get(slot, []):
                if v.get("report") and v.get("text"):
                    pred[v["report"]][slot].append(v["text"])
    out: dict[str, dict[str, float]] = {}
    for slot, gold_slots in ARGUMENTS.items():
        n_pred = right = n_gold = found = 0
        for inc in incs:
            if inc["kind"] != "incident":
                continue
            for r in inc["reports"]:
                ev = ev_of.get(_key(r))
                gold = [str(x["value"]) for x in r["slots"] if x["slot"] in gold_slots]
                got = list(dict.fromkeys(pred[ev][slot])) if ev else []
                n_pred += len(got)
                right += sum(any(_names(g, v) for g in gold) for v in got)
                n_gold += len(gold)
                found += sum(any(_names(g, v) for v in got) for g in gold)
        p, rc = (right / n_pred if n_pred else 0.0), (found / n_gold if n_gold else 0.0)
        out[slot] = {"pred": n_pred, "right": right, "gold": n_gold, "found": found, "p": p, "r": rc,
                     "f": 2 * p * rc / (p + rc) if p + rc else 0.0}  # fmt: skip
    return out


# the incident files of the test half as it was split at first (later test batches were added beside them)
FIRST_TEST = frozenset({"inc03", "inc04", "inc07", "inc08", "inc11", "inc13", "inc22", "inc23", "inc26", "inc28", "inc29", "inc31"})


def measure(incs: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """One analysis of the records of ``incs`` in a fresh store: the analysis, its B³ and disagreements."""
    with tempfile.TemporaryDirectory() as tmp:
        analysis = run(incs, Path(tmp))
    pred = assign(analysis, incs)
    gold_c: dict[tuple[str, int], str | None] = {}
    pred_c: dict[tuple[str, int], str] = {}
    for inc in incs:
        for r in inc["reports"]:
            k = _key(r)
            gold_c[k] = inc["id"] if inc["kind"] == "incident" else None
            pred_c[k] = pred[k] or f"none:{k}"
    return analysis, b_cubed(gold_c, pred_c), score_conflicts(analysis, incs)


def _row(b3: dict[str, Any], conf: dict[str, Any]) -> str:
    return (f"| {b3['p']:.3f} | {b3['r']:.3f} | **{b3['f']:.3f}** | {conf['pred']} | {conf['right']} | **{conf['p']:.3f}** | "
            f"{conf['gold']} | {conf['found']} | **{conf['r']:.3f}** |")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("dev", "test"), default="test")
    ap.add_argument("-v", "--verbose", action="store_true", help="show each report's predicted incident (dev only)")
    ap.add_argument("--ids", help="only these dev incidents, e.g. inc40-inc46,inc50 (a fresh batch held out from tuning)")
    args = ap.parse_args()
    if not SNN.exists():
        raise SystemExit(f"{SNN} is missing: the gold set refers to the shared SaudiNewsNet records")
    if (args.verbose or args.ids) and args.split == "test":
        raise SystemExit("-v and --ids are for the dev half")
    incs = load_gold(args.split, parse_ids(args.ids) if args.ids else None)
    analysis, b3, conf = measure(incs)
    n_inc = sum(inc["kind"] == "incident" for inc in incs)
    n_ev = len(analysis.get("events", []))
    n_found = len(analysis.get("incidents", []))
    lines = ["# Story benchmark: incidents and disagreements on SaudiNewsNet", "", *markdown_lines(), "",
             f"Command: `python benchmarks/story_bench.py{' --split ' + args.split if args.split != 'test' else ''}`. "
             f"Gold set: docs/incidents_gold.md; **{args.split} half: {n_inc} incidents, {b3['n']} reports, "
             f"{b3['all'] - b3['n']} distractor articles**; rasd found {n_ev} event reports in {n_found} incidents in these articles.", "",
             "| incident B³ P | B³ R | **B³ F1** | disagreements predicted | right | **precision** | gold | found | **recall** |",
             "|---|---|---|---|---|---|---|---|---|", _row(b3, conf)]  # fmt: skip
    first = [inc for inc in incs if inc["id"] in FIRST_TEST]
    if args.split == "test" and len(first) < len(incs):
        _, b3f, conff = measure(first)  # its own run: the half as it was split at first
        lines += ["", f"The test half as first split ({sum(i['kind'] == 'incident' for i in first)} incidents, "
                  f"{b3f['n']} reports; the later test batches t, u, y and z left out), analysed alone:", "",
                  "| incident B³ P | B³ R | **B³ F1** | disagreements predicted | right | **precision** | gold | found | **recall** |",
                  "|---|---|---|---|---|---|---|---|---|", _row(b3f, conff)]  # fmt: skip
    lines += ["", "Disagreement errors by kind (predicted but wrong; gold but missed):", "", *error_lines(conf)]
    args_ = score_arguments(analysis, incs)
    lines += ["", "Who and where, per report (the values of the event covering each gold report):", "",
              "| slot | predicted | right | **P** | gold | found | **R** | F1 |", "|---|---|---|---|---|---|---|---|"]
    lines += [f"| {slot} | {a['pred']} | {a['right']} | **{a['p']:.3f}** | {a['gold']} | {a['found']} | **{a['r']:.3f}** | {a['f']:.3f} |"
              for slot, a in args_.items()]  # fmt: skip
    if args.split == "test":
        OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    print("\n".join(lines[next(k for k, x in enumerate(lines) if x.startswith("| incident")) :]))
    if args.verbose:
        for c in conf["wrong"]:
            print(f"wrong disagreement ({c['why']}): {c['slot']} {c['a']} | {c['b']}")
        for iid, slot, pair in conf["missed"]:
            print(f"missed disagreement: {iid} {slot} {' | '.join(pair)}")
        pred = assign(analysis, incs)
        for inc in incs:
            print(f"{inc['id']} {inc['kind']} {inc.get('type')}: " + ", ".join(f"{r['source']}→{pred[_key(r)]}" for r in inc["reports"]))


if __name__ == "__main__":
    main()
