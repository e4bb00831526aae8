"""Annotators' tool for the real-news gold set: read an article, turn a draft into references.

Usage (from the repo root):
    python benchmarks/realnews/annotate.py list [--from rn001 --to rn027]
    python benchmarks/realnews/annotate.py show rn001          # text with offsets per line
    python benchmarks/realnews/annotate.py find rn001 "قال"     # every occurrence, with offsets
    python benchmarks/realnews/annotate.py convert rn001 [--drafts DIR]
    python benchmarks/realnews/annotate.py check rn001         # each item with the text it points to

A draft (``DIR/rn001.json``, kept OUTSIDE the repository because it quotes the article)
names spans by their text, so an annotator never counts characters; ``convert`` resolves
them to offsets, checks them, and writes ``benchmarks/data/realnews/refs/rn001.json``,
which holds offsets and values only. A span in a draft is one of:
    "text"               the only occurrence of text (an error lists them when there are several)
    ["text", k]          the k-th occurrence (0-based)
    [start, end]         explicit offsets
    {"in": SPAN, "text": "sub"}   the first occurrence of sub inside another span
Inside a quote, ``cue``, ``speaker``, ``role`` and ``via`` given as plain text resolve to the
occurrence nearest the quote's content, so only ``content`` usually needs care.
The guidelines are docs/realnews_gold.md.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from realnews.records import GOLD, LAYERS, articles, content, day  # noqa: E402

DRAFTS = Path("/work/drafts")
TYPES = {"DATE", "TIME", "DURATION", "SET"}
MODS = {None, "START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS",
        "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"}  # fmt: skip
QMODS = {None, "APPROX", "MORE_THAN", "LESS_THAN", "AT_LEAST", "AT_MOST", "RANGE", "VAGUE"}
VALUE = re.compile(
    r"^(PRESENT_REF|PAST_REF|FUTURE_REF|\d{4}(-(\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI|W\d{2})(-\d{2}(T[\d:]+|T(MO|AF|EV|NI))?)?)?"
    r"|\d{3}X?|\d{2}XX|P(\d+(\.\d+)?[YMWDHS]|T\d+(\.\d+)?[HMS]|X[YMWDHS]|XDE|XCE)+|PT?X?[YMWDHS]?|XXXX(-\d{2}(-\d{2})?|-WXX-\d)?"
    r"|T\d{2}(:\d{2})?|TMO|TAF|TEV|TNI)$"
)


class DraftError(ValueError):
    pass


def _occurrences(text: str, sub: str, lo: int = 0, hi: int | None = None) -> list[int]:
    hi = len(text) if hi is None else hi
    out, i = [], text.find(sub, lo, hi)
    while i >= 0 and i + len(sub) <= hi:
        out.append(i)
        i = text.find(sub, i + 1, hi)
    return out


def resolve(text: str, spec: Any, near: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """Offsets for a draft span; ``near`` picks the occurrence closest to a range."""
    if spec is None:
        return None
    if isinstance(spec, dict):
        lo, hi = resolve(text, spec["in"]) or (0, len(text))
        occ = _occurrences(text, spec["text"], lo, hi)
        if not occ:
            raise DraftError(f"{spec['text']!r} not inside {text[lo:hi][:60]!r}")
        return occ[0], occ[0] + len(spec["text"])
    if isinstance(spec, list) and len(spec) == 2 and all(isinstance(x, int) for x in spec):
        s, e = spec
        if not 0 <= s < e <= len(text):
            raise DraftError(f"offsets {spec} outside the text")
        return s, e
    if isinstance(spec, list) and len(spec) == 2 and isinstance(spec[0], str):
        occ = _occurrences(text, spec[0])
        if spec[1] >= len(occ):
            raise DraftError(f"{spec[0]!r}: only {len(occ)} occurrence(s)")
        return occ[spec[1]], occ[spec[1]] + len(spec[0])
    if not isinstance(spec, str) or not spec.strip():
        raise DraftError(f"bad span {spec!r}")
    if spec != spec.strip():
        raise DraftError(f"span {spec!r} has outer spaces")
    occ = _occurrences(text, spec)
    if not occ:
        raise DraftError(f"{spec!r} not in the text")
    if len(occ) > 1:
        if near is None:
            raise DraftError(f"{spec!r} occurs {len(occ)} times at {occ}: give [text, k] or a context")
        occ.sort(key=lambda i: _distance(i, i + len(spec), near))
    return occ[0], occ[0] + len(spec)


def _distance(s: int, e: int, near: tuple[int, int]) -> tuple[int, int, int]:
    """How far a cue or speaker candidate lies from the content it introduces: outside the
    content before inside it, then the closest, and before it on a tie (cues lead)."""
    inside = int(s < near[1] and near[0] < e)
    if e <= near[0]:
        return inside, near[0] - e, 0
    if s >= near[1]:
        return inside, s - near[1], 1
    return inside, 0, 2


def _bool(item: dict, key: str, default: bool) -> bool:
    v = item.get(key, default)
    if not isinstance(v, bool):
        raise DraftError(f"{key} must be true/false")
    return v


def convert_quote(text: str, q: dict) -> dict:
    c = resolve(text, q["content"])
    assert c is not None
    out = {"content": list(c)}
    for key in ("cue", "speaker", "role", "via"):
        r = resolve(text, q.get(key), near=c)
        out[key] = list(r) if r else None
    if out["cue"] is None:
        raise DraftError("a quote needs a cue")
    pol = q.get("polarity", "assert")
    if pol not in ("assert", "deny"):
        raise DraftError(f"polarity {pol!r}")
    out.update(direct=_bool(q, "direct", False), polarity=pol, anonymous=_bool(q, "anonymous", False),
               kind=q.get("kind", "verbal"))  # fmt: skip
    if out["kind"] not in ("verbal", "nominal", "according", "continuation", "colon"):
        raise DraftError(f"kind {out['kind']!r}")
    return out


def convert_quantity(text: str, q: dict) -> dict:
    ctx = resolve(text, q["ctx"]) if q.get("ctx") else None
    span = resolve(text, {"in": list(ctx), "text": q["anchor"]} if ctx else q["anchor"])
    assert span is not None
    obj_span = resolve(text, q.get("object_text"), near=span)
    mod = q.get("mod")
    if mod not in QMODS:
        raise DraftError(f"quantity mod {mod!r}")
    for key in ("value", "value_max"):
        if q.get(key) is not None and not isinstance(q[key], int | float):
            raise DraftError(f"{key} must be a number")
    return {"span": list(span), "value": q.get("value"), "value_max": q.get("value_max"), "mod": mod,
            "object": q.get("object"), "object_span": list(obj_span) if obj_span else None}  # fmt: skip


def convert_timex(text: str, t: dict) -> dict:
    ctx = resolve(text, t["ctx"]) if t.get("ctx") else None
    span = resolve(text, {"in": list(ctx), "text": t["text"]} if ctx else t["text"])
    assert span is not None
    if t.get("type") not in TYPES:
        raise DraftError(f"timex type {t.get('type')!r}")
    if t.get("mod") not in MODS:
        raise DraftError(f"timex mod {t.get('mod')!r}")
    val = t.get("value")
    if val is not None and not VALUE.match(val):
        raise DraftError(f"timex value {val!r} is not a TimeML value")
    return {"span": list(span), "type": t["type"], "value": val, "mod": t.get("mod")}


def convert(art_id: str, drafts: Path) -> Path:
    art = _article(art_id)
    text = content(art)
    draft = json.loads((drafts / f"{art_id}.json").read_text(encoding="utf-8"))
    out: dict[str, Any] = {"id": art_id, "sha1": art["sha1"]}
    layers = draft.get("layers", list(LAYERS))  # an article added for one layer names it
    if not layers or any(x not in LAYERS for x in layers):
        raise DraftError(f"{art_id}: layers {layers!r}")
    if list(layers) != list(LAYERS):
        out["layers"] = [x for x in LAYERS if x in layers]
    for layer, fn in (("quotes", convert_quote), ("quantities", convert_quantity), ("timex", convert_timex)):
        if layer not in layers:
            continue
        items = []
        for k, item in enumerate(draft.get(layer, [])):
            try:
                items.append(fn(text, item))
            except (DraftError, KeyError) as e:
                raise DraftError(f"{art_id} {layer}[{k}]: {e}") from None
        items.sort(key=lambda x: tuple(x["content"] if layer == "quotes" else x["span"]))
        out[layer] = items
    out["done"] = bool(draft.get("done", False))
    refs = GOLD / "refs"
    refs.mkdir(parents=True, exist_ok=True)
    path = refs / f"{art_id}.json"
    path.write_text(_dump(out), encoding="utf-8")
    return path


def _dump(ref: dict[str, Any]) -> str:
    """One item a line: diffs of a re-annotated article stay readable."""
    lines = [f'{{"id": "{ref["id"]}", "sha1": "{ref["sha1"]}", "done": {json.dumps(ref["done"])},']
    if "layers" in ref:
        lines.append(f' "layers": {json.dumps(ref["layers"])},')
    layers = [x for x in LAYERS if x in ref]
    for n, layer in enumerate(layers):
        items = [json.dumps(x, ensure_ascii=False) for x in ref[layer]]
        body = ",\n  ".join(items)
        lines.append(f' "{layer}": [' + (f"\n  {body}\n ]" if items else "]") + ("," if n < len(layers) - 1 else ""))
    return "\n".join(lines) + "\n}\n"


def _article(art_id: str) -> dict:
    for a in articles():
        if a["id"] == art_id:
            return a
    raise SystemExit(f"no article {art_id}")


def show(art_id: str) -> None:
    art = _article(art_id)
    rec = day(art["file"])[art["index"]]
    text = content(art)
    print(f"# {art_id}  source={art['source']}  dct={art['dct']}  topic={art['topic']}  split={art['split']}")
    print(f"# title: {rec.get('title')}")
    pos = 0
    for line in text.split("\n"):
        print(f"{pos:5d}| {line}")
        pos += len(line) + 1


def find(art_id: str, sub: str) -> None:
    text = content(_article(art_id))
    for k, i in enumerate(_occurrences(text, sub)):
        ctx = text[max(0, i - 30): i + len(sub) + 30].replace("\n", " ")
        print(f"[{k}] {i}-{i + len(sub)}: …{ctx}…")


def check(art_id: str) -> None:
    """Every annotated item of one article with the text its offsets point to."""
    text = content(_article(art_id))
    ref = json.loads((GOLD / "refs" / f"{art_id}.json").read_text(encoding="utf-8"))

    def at(span: list[int] | None) -> str:
        return "-" if span is None else repr(text[span[0] : span[1]])

    for k, q in enumerate(ref.get("quotes", [])):
        print(f"Q{k} {q['kind']} {q['polarity']} direct={q['direct']} anon={q['anonymous']} cue={at(q['cue'])} "
              f"speaker={at(q['speaker'])} role={at(q['role'])} via={at(q['via'])}\n    content={at(q['content'])}")
    for k, n in enumerate(ref.get("quantities", [])):
        print(f"N{k} {at(n['span'])} value={n['value']} max={n['value_max']} mod={n['mod']} object={n['object']}")
    for k, t in enumerate(ref.get("timex", [])):
        print(f"T{k} {at(t['span'])} {t['type']} {t['value']} mod={t['mod']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("list")
    p.add_argument("--from", dest="lo", default="rn000")
    p.add_argument("--to", dest="hi", default="rn999")
    sub.add_parser("show").add_argument("id")
    sub.add_parser("check").add_argument("id")
    p = sub.add_parser("find")
    p.add_argument("id")
    p.add_argument("text")
    p = sub.add_parser("convert")
    p.add_argument("id")
    p.add_argument("--drafts", type=Path, default=DRAFTS)
    args = ap.parse_args()
    if args.cmd == "list":
        for a in articles():
            if args.lo <= a["id"] <= args.hi:
                print(a["id"], a["source"], a["dct"], a["topic"], a["split"])
    elif args.cmd == "show":
        show(args.id)
    elif args.cmd == "check":
        check(args.id)
    elif args.cmd == "find":
        find(args.id, args.text)
    else:
        try:
            path = convert(args.id, args.drafts)
        except DraftError as e:
            raise SystemExit(f"error: {e}") from None
        ref = json.loads(path.read_text(encoding="utf-8"))
        print(f"wrote {path}: " + ", ".join(f"{len(ref[x])} {x}" for x in LAYERS if x in ref))


if __name__ == "__main__":
    main()
