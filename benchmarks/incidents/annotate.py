"""Annotators' tool for the incident gold set (docs/incidents_gold.md).

Usage (from the repo root):
    python benchmarks/incidents/annotate.py search "تفجير.*أبها" [--title] [--limit 40]
    python benchmarks/incidents/annotate.py show 2015-08-06.zip 123      # text with offsets
    python benchmarks/incidents/annotate.py find 2015-08-06.zip 123 "15 شخصا"
    python benchmarks/incidents/annotate.py convert inc01 [--drafts DIR]
    python benchmarks/incidents/annotate.py check inc01

A draft (``DIR/inc01.json``, OUTSIDE the repository: it quotes the articles) lists the
reports of one incident, or distractor articles (``"kind": "distractor"``); each report
names its record (day file and index) and its slot values with the text that states them.
``convert`` resolves spans to offsets (the span syntax of benchmarks/realnews/annotate.py),
checks them and writes ``benchmarks/data/incidents/inc01.json``: record keys, offsets and
values, never article text.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from realnews.annotate import VALUE, DraftError, resolve  # noqa: E402
from realnews.records import ROOT, SNN, day, sha1, url_key  # noqa: E402

DRAFTS = Path("/work/drafts/incidents")
GOLD = ROOT / "benchmarks" / "data" / "incidents"
TYPES = {"bombing", "attack", "airstrike", "shelling", "clash", "arrest", "agreement", "visit", "meeting",
         "statement", "vote", "disaster", "accident", "election", "protest", "other"}  # fmt: skip
NUM_SLOTS = {"killed", "injured", "arrested", "rockets", "drones", "intercepted", "troops", "missing"}
STR_SLOTS = {"place", "perpetrator", "blamed", "target", "weapon", "origin", "destination", "actor"}
QMODS = {None, "APPROX", "MORE_THAN", "LESS_THAN", "AT_LEAST", "AT_MOST", "RANGE", "VAGUE"}


def record(file: str, index: int) -> dict[str, Any]:
    return day(file)[index]


def convert_slot(text: str, name: str, slot: dict[str, Any]) -> dict[str, Any]:
    span = resolve(text, {"in": slot["ctx"], "text": slot["text"]} if slot.get("ctx") else slot["text"])
    assert span is not None
    out: dict[str, Any] = {"slot": name, "span": list(span), "value": slot["value"], "mod": slot.get("mod")}
    if name == "date":
        if not isinstance(slot["value"], str) or not VALUE.match(slot["value"]):
            raise DraftError(f"date value {slot['value']!r} is not a TimeML value")
    elif name in NUM_SLOTS:
        if not isinstance(slot["value"], int | float):
            raise DraftError(f"{name} value must be a number")
        if out["mod"] not in QMODS:
            raise DraftError(f"{name} mod {out['mod']!r}")
        out["value_max"] = slot.get("value_max")
    elif name in STR_SLOTS:
        if not isinstance(slot["value"], str) or len(slot["value"].split()) > 4:
            raise DraftError(f"{name} value must be a short normalised name (<= 4 words)")
    else:
        raise DraftError(f"unknown slot {name!r}")
    if slot.get("speaker"):
        out["speaker"] = list(resolve(text, slot["speaker"], near=span) or ())
    return out


def convert(inc_id: str, drafts: Path) -> Path:
    draft = json.loads((drafts / f"{inc_id}.json").read_text(encoding="utf-8"))
    kind = draft.get("kind", "incident")
    if kind not in ("incident", "distractor"):
        raise DraftError(f"kind {kind!r}")
    if kind == "incident" and draft.get("type") not in TYPES:
        raise DraftError(f"type {draft.get('type')!r} (one of {sorted(TYPES)})")
    reports = []
    for k, rep in enumerate(draft["reports"]):
        rec = record(rep["file"], rep["index"])
        text = rec["content"]
        slots = []
        for name, val in rep.get("slots", {}).items():
            for v in val if isinstance(val, list) else [val]:
                try:
                    slots.append(convert_slot(text, name, v))
                except (DraftError, KeyError) as e:
                    raise DraftError(f"{inc_id} report {k} ({rep['file']} {rep['index']}) slot {name}: {e}") from None
        mention = resolve(text, rep["mention"]) if rep.get("mention") else None
        role = rep.get("role", "main" if kind == "incident" else "distractor")
        if role not in ("main", "follow_up", "reaction", "distractor"):
            raise DraftError(f"{inc_id} report {k}: role {role!r}")
        reports.append({"file": rep["file"], "index": rep["index"], "url_sha1": url_key(rec["url"]), "source": rec["source"],
                        "date": str(rec.get("date_extracted", ""))[:10], "sha1": sha1(text),
                        "role": role, "mention": list(mention) if mention else None,
                        "slots": sorted(slots, key=lambda s: (s["slot"], s["span"]))})  # fmt: skip
    if kind == "incident" and len({r["source"] for r in reports}) < 3:
        print(f"warning: {inc_id} has reports from fewer than 3 outlets", file=sys.stderr)
    out = {"id": inc_id, "kind": kind, "type": draft.get("type"), "split": draft.get("split", "dev"),
           "note": draft.get("note", ""), "reports": sorted(reports, key=lambda r: (r["file"], r["index"]))}  # fmt: skip
    if re.search(r"[\u0600-\u06ff]", out["note"]):
        raise DraftError("the note is ours, in English: no Arabic text from the articles")
    GOLD.mkdir(parents=True, exist_ok=True)
    path = GOLD / f"{inc_id}.json"
    lines = [json.dumps({k: v for k, v in out.items() if k != "reports"}, ensure_ascii=False)[:-1] + ', "reports": [']
    lines.append(",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in out["reports"]))
    path.write_text("\n".join(lines) + "\n]}\n", encoding="utf-8")
    json.loads(path.read_text(encoding="utf-8"))
    return path


def search(pattern: str, title_only: bool, limit: int) -> None:
    rx = re.compile(pattern)
    n = 0
    for p in sorted(SNN.glob("*.zip")):
        for i, rec in enumerate(day(p.name)):
            hay = rec.get("title") or "" if title_only else (rec.get("title") or "") + "\n" + (rec.get("content") or "")
            if rx.search(hay):
                print(f"{p.name} {i:5d} {rec['source']:12s} {len(rec.get('content') or ''):5d}  {rec.get('title')}")
                n += 1
                if n >= limit:
                    return


def show(file: str, index: int) -> None:
    rec = record(file, index)
    print(f"# {file} {index} source={rec['source']} date={rec.get('date_extracted')}\n# title: {rec.get('title')}")
    pos = 0
    for line in rec["content"].split("\n"):
        print(f"{pos:5d}| {line}")
        pos += len(line) + 1


def check(inc_id: str) -> None:
    ref = json.loads((GOLD / f"{inc_id}.json").read_text(encoding="utf-8"))
    print(f"{ref['id']} {ref['kind']} {ref['type']} split={ref['split']} {ref['note']}")
    for r in ref["reports"]:
        text = record(r["file"], r["index"])["content"]
        print(f"  {r['file']} {r['index']} {r['source']} {r['date']}")
        for s in r["slots"]:
            print(f"    {s['slot']}: {text[s['span'][0]:s['span'][1]]!r} -> {s['value']} {s.get('mod') or ''}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("search")
    p.add_argument("pattern")
    p.add_argument("--title", action="store_true")
    p.add_argument("--limit", type=int, default=40)
    for name in ("show", "find"):
        p = sub.add_parser(name)
        p.add_argument("file")
        p.add_argument("index", type=int)
        if name == "find":
            p.add_argument("text")
    for name in ("convert", "check"):
        p = sub.add_parser(name)
        p.add_argument("id")
        if name == "convert":
            p.add_argument("--drafts", type=Path, default=DRAFTS)
    a = ap.parse_args()
    if a.cmd == "search":
        search(a.pattern, a.title, a.limit)
    elif a.cmd == "show":
        show(a.file, a.index)
    elif a.cmd == "find":
        text = record(a.file, a.index)["content"]
        for k, m in enumerate(re.finditer(re.escape(a.text), text)):
            print(f"[{k}] {m.start()}-{m.end()}: …{text[max(0, m.start() - 30):m.end() + 30]}…".replace("\n", " "))
    elif a.cmd == "check":
        check(a.id)
    else:
        try:
            print(f"wrote {convert(a.id, a.drafts)}")
        except DraftError as e:
            raise SystemExit(f"error: {e}") from None


if __name__ == "__main__":
    main()
