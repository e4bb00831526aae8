"""Fast dev harness for incident clustering: B³ on the dev half of the incident gold set.

Usage (repo root):

    .venv/bin/python benchmarks/incidents/tune.py            # B³ P/R/F1 on dev
    .venv/bin/python benchmarks/incidents/tune.py --errors   # + worst split and merged incidents
    .venv/bin/python benchmarks/incidents/tune.py --rebuild  # re-analyse (annotators changed)

The expensive part of the pipeline (ingest, the per-document annotators, entity linking)
runs once through ``rasd.pipeline.analyze`` and its analysed documents and entities are
pickled under /tmp; every later run re-extracts events (the events resources are tuned
too), builds reports with ``story.incidents.make_reports`` and groups them with
``story.incidents.resolve`` — seconds, not minutes, and independent of how the story stage
assembles or exports its output (events that are not incident reports are grouped by
``resolve.events.merge`` here). Reports map to gold as ``benchmarks/story_bench.py``'s
``assign`` does (an event covering the gold mention, one of a compatible type first, else
the nearest event of a compatible type in the article). Dev only: the test half is the
lead's.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from realnews.records import SNN, day, url_key  # noqa: E402

from rasd.annotators.events import BACKGROUND, extract  # noqa: E402
from rasd.models import DocAnalysis, Entity, Event  # noqa: E402
from rasd.resolve.events import combine, merge  # noqa: E402
from rasd.story import incident_types  # noqa: E402
from rasd.story.incidents import Report, make_reports, parse_day, resolve  # noqa: E402
from rasd.text import fold  # noqa: E402

GOLD = ROOT / "benchmarks" / "data" / "incidents"
CACHE = Path(tempfile.gettempdir()) / "rasd_incident_tune_dev.pkl"
COMPATIBLE = {
    "bombing": {"ATTACK"},
    "attack": {"ATTACK"},
    "shelling": {"ATTACK", "AIRSTRIKE"},
    "clash": {"ATTACK"},
    "airstrike": {"AIRSTRIKE", "ATTACK"},
    "arrest": {"ARREST"},
    "agreement": {"AGREEMENT"},
    "vote": {"AGREEMENT", "OTHER"},
    "visit": {"MEETING"},
    "meeting": {"MEETING"},
    "statement": {"STATEMENT"},
    "election": {"ELECTION"},
}  # fmt: skip  (as in story_bench.py)
Key = tuple[str, int]


def load_gold(split: str = "dev") -> list[dict[str, Any]]:
    incs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("inc*.json"))]
    return [i for i in incs if i["split"] == split]


def _key(r: dict[str, Any]) -> Key:
    return r["file"], r["index"]


def analysed(incs: list[dict[str, Any]], rebuild: bool) -> tuple[list[DocAnalysis], list[Entity]]:
    """The dev records as analysed before the story stage (cached), and the linked entities."""
    if CACHE.exists() and not rebuild:
        with CACHE.open("rb") as f:
            das, ents = pickle.load(f)
        return das, ents
    import rasd.pipeline as pipeline

    got: dict[str, Any] = {}
    real_call = pipeline._call

    def capture(name: str, result: Any, default: Any, *args: Any, **kw: Any) -> Any:
        if name == "story":  # the story stage's inputs are what we keep
            got["das"], got["ents"] = args[0], args[1]
            return default
        return real_call(name, result, default, *args, **kw)

    recs = {_key(r): day(r["file"])[r["index"]] for inc in incs for r in inc["reports"]}
    pipeline._call = capture  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "in"
            src.mkdir()
            (src / "records.json").write_text(
                json.dumps(list(recs.values()), ensure_ascii=False), encoding="utf-8"
            )
            pipeline.analyze(
                [str(src)],
                db_path=Path(tmp) / "rasd.db",
                out_dir=Path(tmp) / "out",
                progress=False,
                report=False,
            )
    finally:
        pipeline._call = real_call  # type: ignore[assignment]
    das, ents = list(got["das"]), list(got["ents"])
    with CACHE.open("wb") as f:
        pickle.dump((das, ents), f)
    return das, ents


def _events(das: Sequence[DocAnalysis], entities: Sequence[Entity]) -> list[Event]:
    """Story events of each article, ``?name`` placeholders resolved (as story.stage does)."""
    names: dict[str, str] = {}
    for e in sorted(entities, key=lambda e: (-e.mentions, e.id)):
        for n in [e.name, *e.aliases]:
            names.setdefault(fold(n), e.id)

    def fix(x: str) -> str:
        return names.get(x[1:], x) if x.startswith("?") else x

    out = []
    for da in sorted(das, key=lambda d: d.doc.id):
        if da.doc.language and da.doc.language != "ar":
            continue
        for ev in extract(da):
            if ev.confidence <= BACKGROUND:
                continue
            ev.actors = list(dict.fromkeys(fix(a) for a in ev.actors))
            ev.targets = list(dict.fromkeys(fix(t) for t in ev.targets))
            ev.place = fix(ev.place) if ev.place else None
            out.append(ev)
    return out


Item = tuple[str, Event]  # (predicted cluster, one report's event)


def cluster(das: Sequence[DocAnalysis], entities: Sequence[Entity]) -> tuple[list[Item], dict[int, Report]]:
    """Every story event with its predicted cluster id, the way the story stage groups them."""
    ents = {e.id: e for e in entities}
    events = _events(das, entities)
    texts = {da.doc.id: da.doc.text for da in das}
    pubs: dict[str, date | None] = {da.doc.id: parse_day(da.doc.published.value) for da in das}
    outlets = {da.doc.id: da.doc.outlet or "" for da in das}
    happen = [ev for ev in events if ev.type in incident_types() and ev.modality == "happened"]
    rest = [ev for ev in events if not (ev.type in incident_types() and ev.modality == "happened")]
    doc_places = {da.doc.id: [(m.start, m.entity) for m in sorted(da.entities, key=lambda m: m.start)
                              if m.entity and m.type in ("GPE", "LOC", "FAC") and m.entity in ents] for da in das}  # fmt: skip
    reports = make_reports(happen, texts, pubs, outlets, ents, doc_places)
    kept = {id(r.ev) for r in reports}
    rest.extend(ev for ev in happen if id(ev) not in kept)
    items: list[Item] = []
    for inc in resolve(reports, ents):  # cluster ids as the export names the merged events
        cid = combine([r.ev for r in inc.reports]).id
        items.extend((cid, r.ev) for r in inc.reports)
    res = merge(rest)
    for m in res.events:
        items.extend((m.id, ev) for ev in res.members.get(m.id, [m]))
    return items, {id(r.ev): r for r in reports}


def _doc_span(text: str, content: str, span: list[int] | None) -> tuple[int, int] | None:
    if span is None:
        return None
    s, e = span
    for pad in (40, 15, 0):
        probe = content[max(0, s - pad) : e + pad]
        i = text.find(probe)
        if i >= 0:
            return i + (s - max(0, s - pad)), i + (s - max(0, s - pad)) + (e - s)
    return None


def assign(
    items: list[Item], das: Sequence[DocAnalysis], incs: list[dict[str, Any]]
) -> dict[Key, Item | None]:
    """The predicted item of each gold report, as story_bench's ``assign`` picks it: an event
    covering the mention (one of the incident's type first), else the nearest event of that
    type in the article; the item's cluster is its incident."""
    by_url = {url_key(da.doc.url): da.doc for da in das}
    by_doc: dict[str, list[Item]] = defaultdict(list)
    for it in sorted(items, key=lambda it: it[1].id):
        by_doc[it[1].evidence[0].doc].append(it)
    out: dict[Key, Item | None] = {}
    for inc in incs:
        ok = COMPATIBLE.get(inc.get("type") or "", {"OTHER"})
        for r in inc["reports"]:
            doc = by_url.get(r["url_sha1"])
            if doc is None:
                out[_key(r)] = None
                continue
            span = _doc_span(doc.text, day(r["file"])[r["index"]]["content"], r.get("mention"))
            cands = by_doc.get(doc.id, [])
            best = None
            if span is not None:
                hit = [
                    it
                    for it in cands
                    if it[1].evidence[0].start < span[1] and span[0] < it[1].evidence[0].end
                ]
                best = min(hit, key=lambda it: (it[1].type not in ok, it[1].id)) if hit else None
            if best is None:
                typed = [it for it in cands if it[1].type in ok]
                if typed:
                    at = span[0] if span else 0
                    best = min(typed, key=lambda it: (abs(it[1].evidence[0].start - at), it[1].id))
            out[_key(r)] = best
    return out


def b_cubed(gold: dict[Key, str | None], pred: dict[Key, str]) -> dict[str, float]:
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
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0, "n": len(items)}


def describe(it: Item | None, reps: dict[int, Report], ents: dict[str, Entity]) -> str:
    if it is None:
        return "— no event"
    cid, ev = it
    r = reps.get(id(ev))
    trig = f"{ev.type}/{ev.trigger}"
    cid = cid[-6:]
    if r is None:
        return f"{cid:>6} {trig} (not a report: {ev.modality}, date {ev.date.value})"
    places = ",".join(ents[p].name if p in ents else p for p in sorted(r.places))
    who = ",".join(ents[p].name if p in ents else p for p in sorted(r.persons))
    return (f"{cid:>6} {trig} kind={r.kind}{'+' + ','.join(sorted(r.about)) if r.about else ''} "
            f"{r.lo}..{r.hi}{'' if r.dated else ' (art)'}{' follow' if r.follow else ''} "
            f"places=[{places}] counts={dict(r.ev.counts)}{' persons=[' + who + ']' if who else ''}")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rebuild", action="store_true", help="re-run the annotators (cache in /tmp)")
    ap.add_argument("--errors", action="store_true", help="show split and merged gold incidents")
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a constant of story.incidents, story.report_words or story.places",
    )
    args = ap.parse_args()
    import rasd.story.incidents as incidents_module
    import rasd.story.places as places_module
    import rasd.story.report_words as words_module

    for kv in args.set:
        name, value = kv.split("=", 1)
        mod = next(m for m in (incidents_module, words_module, places_module) if hasattr(m, name))
        setattr(mod, name, type(getattr(mod, name))(value))
    if not SNN.exists():
        raise SystemExit(f"{SNN} is missing")
    incs = load_gold("dev")
    das, entities = analysed(incs, args.rebuild)
    items, reps = cluster(das, entities)
    pred = assign(items, das, incs)
    gold_c: dict[Key, str | None] = {}
    pred_c: dict[Key, str] = {}
    for inc in incs:
        for r in inc["reports"]:
            k = _key(r)
            gold_c[k] = inc["id"] if inc["kind"] == "incident" else None
            it = pred[k]
            pred_c[k] = it[0] if it is not None else f"none:{k}"
    b3 = b_cubed(gold_c, pred_c)
    print(
        f"dev B3 P {b3['p']:.3f} R {b3['r']:.3f} F1 {b3['f']:.3f} ({int(b3['n'])} reports, {len(reps)} reports built)"
    )
    if not args.errors:
        return
    ents = {e.id: e for e in entities}
    members: dict[str, list[str]] = defaultdict(list)
    for inc in incs:
        for r in inc["reports"]:
            members[pred_c[_key(r)]].append(inc["id"])
    rows = []
    for inc in incs:
        if inc["kind"] != "incident":
            continue
        cl = Counter(pred_c[_key(r)] for r in inc["reports"])
        wrong = sum(1 for c in cl for g in members[c] if g != inc["id"])
        rows.append((len(cl) + wrong, inc, cl))
    for _, inc, cl in sorted(rows, key=lambda x: (-x[0], x[1]["id"])):
        print(
            f"\n{inc['id']} {inc['type']}: {len(inc['reports'])} reports in {len(cl)} clusters — {inc['note'][:100]}"
        )
        for r in inc["reports"]:
            c = pred_c[_key(r)]
            others = sorted({g for g in members[c] if g != inc["id"]})
            print(f"  {r['source']:>12} {r['date']} {r['role']:<9} {describe(pred[_key(r)], reps, ents)}"
                  f"{'  MERGED WITH ' + ','.join(others) if others else ''}")  # fmt: skip


if __name__ == "__main__":
    main()
