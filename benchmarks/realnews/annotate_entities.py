"""Annotators' tool for the real-news entity gold set (guidelines: docs/entities_gold.md).

Usage (from the repo root):
    python benchmarks/realnews/annotate_entities.py convert rn001 [--drafts DIR]
    python benchmarks/realnews/annotate_entities.py check rn001    # every mention in context
    python benchmarks/realnews/annotate_entities.py keys           # cluster keys across articles

Read an article with ``annotate.py show``. A draft (``DIR/rn001.json``, OUTSIDE the
repository because it quotes the article) lists ``entities`` as ``[SPAN, TYPE, KEY]``:
SPAN is any span form of ``annotate.py`` (``"text"``, ``["text", k]``, ``[start, end]``,
``{"in": …, "text": …}``) or ``"*text"``: every occurrence of ``text`` as a whole word,
after an attached proclitic chain (``وبـ``, ``لـ``) if any, that no other entry covers
(``*الأهلي`` also takes ``للأهلي`` whole: the preposition cannot be cut off it).
Explicit spans are placed first, then ``*`` entries, longest text first, so ``*الرياض``
never lands inside ``نادي الرياض`` given before. ``convert`` writes
``benchmarks/data/realnews/entities/rn001.json``: offsets, type and key only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from realnews.annotate import DraftError, _article, resolve  # noqa: E402
from realnews.records import GOLD, articles, content  # noqa: E402

DRAFTS = Path("/work/drafts/helperI/entities")
ENT = GOLD / "entities"
TYPES = ("PER", "ORG", "GPE", "LOC", "FAC", "MISC")
KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_LETTER = re.compile(r"\w")
_CLITICS = "وفبلك"


def _whole_words(text: str, sub: str) -> list[int]:
    """Starts of ``sub`` as a whole word, possibly after up to three proclitic letters."""
    out = []
    i = text.find(sub)
    while i >= 0:
        j = i
        while j > 0 and i - j < 3 and text[j - 1] in _CLITICS:
            j -= 1
        before_ok = j == 0 or not _LETTER.match(text[j - 1])
        end = i + len(sub)
        after_ok = end == len(text) or not _LETTER.match(text[end])
        # "ف" + "علي" is "فعلي": a proclitic reading only when the word is not whole itself
        if before_ok and after_ok:
            out.append(i)
        i = text.find(sub, i + 1)
    return out


def convert_entities(text: str, items: list[Any]) -> list[list[Any]]:
    taken: list[tuple[int, int]] = []
    out: list[list[Any]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    explicit = [it for it in items if not (isinstance(it[0], str) and it[0].startswith("*"))]
    starred = sorted((it for it in items if isinstance(it[0], str) and it[0].startswith("*")), key=lambda it: -len(it[0]))
    for spec, typ, key in explicit + starred:
        if typ not in TYPES:
            raise DraftError(f"entity {spec!r}: type {typ!r}")
        if not KEY.match(key):
            raise DraftError(f"entity {spec!r}: key {key!r} is not a lower-case ASCII slug")
        if isinstance(spec, str) and spec.startswith("*"):
            sub = spec[1:]
            hits = [(i, i + len(sub)) for i in _whole_words(text, sub)]
            if sub.startswith("ال"):  # "للأهلي": ل + الأهلي with the alif elided, the whole token
                alt = "لل" + sub[2:]
                hits += [(i, i + len(alt)) for i in _whole_words(text, alt)]
            hits = [h for h in hits if free(*h)]
            if not hits:
                raise DraftError(f"{spec!r}: no free whole-word occurrence")
        else:
            r = resolve(text, spec)
            assert r is not None
            if not free(*r):
                raise DraftError(f"{spec!r} overlaps another entry")
            hits = [r]
        for s, e in hits:
            if text[s:e] != text[s:e].strip():
                raise DraftError(f"{spec!r}: span has outer spaces")
            taken.append((s, e))
            out.append([s, e, typ, key])
    out.sort()
    return out


def convert(art_id: str, drafts: Path) -> Path:
    art = _article(art_id)
    text = content(art)
    draft = json.loads((drafts / f"{art_id}.json").read_text(encoding="utf-8"))
    ents = convert_entities(text, draft.get("entities", []))
    ENT.mkdir(parents=True, exist_ok=True)
    path = ENT / f"{art_id}.json"
    body = ",\n  ".join(json.dumps(x, ensure_ascii=False) for x in ents)
    path.write_text(
        f'{{"id": "{art_id}", "sha1": "{art["sha1"]}", "done": {json.dumps(bool(draft.get("done")))},\n'
        f' "entities": [' + (f"\n  {body}\n ]" if ents else "]") + "\n}\n",
        encoding="utf-8",
    )
    return path


def check(art_id: str) -> None:
    text = content(_article(art_id))
    ref = json.loads((ENT / f"{art_id}.json").read_text(encoding="utf-8"))
    for s, e, typ, key in ref["entities"]:
        ctx = (text[max(0, s - 12) : s] + "[" + text[s:e] + "]" + text[e : e + 12]).replace("\n", " ")
        print(f"{s:5d}-{e:<5d} {typ:4s} {key:28s} …{ctx}…")


def keys() -> None:
    """Every key with its types, surface forms and articles: keeps keys consistent."""
    forms: dict[str, set[str]] = defaultdict(set)
    docs: dict[str, set[str]] = defaultdict(set)
    by_id = {a["id"]: a for a in articles()}
    for path in sorted(ENT.glob("rn*.json")):
        ref = json.loads(path.read_text(encoding="utf-8"))
        text = content(by_id[ref["id"]])
        for s, e, typ, key in ref["entities"]:
            forms[key].add(f"{typ}:{text[s:e]}")
            docs[key].add(ref["id"])
    for key in sorted(forms):
        print(f"{key:30s} {len(docs[key]):2d} docs  {' | '.join(sorted(forms[key]))}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("convert")
    p.add_argument("id", nargs="+")
    p.add_argument("--drafts", type=Path, default=DRAFTS)
    sub.add_parser("check").add_argument("id")
    sub.add_parser("keys")
    args = ap.parse_args()
    if args.cmd == "check":
        check(args.id)
    elif args.cmd == "keys":
        keys()
    else:
        for art_id in args.id:
            try:
                path = convert(art_id, args.drafts)
            except DraftError as e:
                raise SystemExit(f"error: {art_id}: {e}") from None
            n = len(json.loads(path.read_text(encoding="utf-8"))["entities"])
            print(f"wrote {path.relative_to(GOLD.parents[2])}: {n} entities")


if __name__ == "__main__":
    main()
