"""Add fresh articles to one split of the real-news gold set (append only, reproducible).

Usage: python benchmarks/realnews/select_more.py --n 28 --first 200 --layers quotes [--write]

Tuning on the same 70 dev articles overfits them; new dev articles show the annotators
writing they have not seen. Candidates are drawn as in ``select.py`` (500–2,200 characters,
grouped by outlet and title topic, seeded shuffle, rotation over outlets and topics), from
records not already in ``articles.jsonl`` (by URL and by content SHA-1). ``--layers quotes``
keeps only articles with reported speech (at least ``--min-cues`` reporting verbs from
``resources/quotes/verbs.tsv``), since only quotes will be annotated in them. New ids count
up from ``--first``; the split is ``dev``: the test half never grows. ``articles.jsonl`` is
re-read right before the new lines are appended, and nothing already there is rewritten.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from rasd.resources import load_table  # noqa: E402
from rasd.text import fold  # noqa: E402
from realnews.records import GOLD, articles, day  # noqa: E402
from realnews.select import TOPICS, candidates  # noqa: E402

KEYS = ("id", "file", "index", "url_sha1", "source", "dct", "topic", "split", "sha1")


def _cue_pattern() -> re.Pattern[str]:
    forms = {fold(f) for r in load_table("quotes/verbs.tsv") if len(r) > 4 and r[4] != "-" for f in r[4].split("|")}
    forms = {f for f in forms if " " not in f and len(f) >= 3}
    return re.compile(r"(?<!\w)[وف]?(" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + r")(?!\w)")


def pick(n: int, seed: int, min_cues: int, per_outlet: int) -> list[dict]:
    have = articles()
    urls = {a["url_sha1"] for a in have}
    shas = {a["sha1"] for a in have}
    cue = _cue_pattern() if min_cues else None
    rng = random.Random(seed)
    pool: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in candidates():
        if c["url_sha1"] in urls or c["sha1"] in shas:
            continue
        if cue is not None:
            text = fold(day(c["file"])[c["index"]]["content"])
            if len(cue.findall(text)) < min_cues:
                continue
        pool[(c["source"], c["topic"])].append(c)
    for v in pool.values():
        rng.shuffle(v)
    sources = sorted({s for s, _ in pool})
    topics = [*TOPICS, "society"]
    chosen: list[dict] = []
    taken: dict[str, int] = defaultdict(int)
    t = 0
    while len(chosen) < n and any(pool.values()):
        before = len(chosen)
        for s in sources:
            if taken[s] >= per_outlet:
                continue
            for _ in range(len(topics)):
                key = (s, topics[t % len(topics)])
                t += 1
                if pool.get(key):
                    c = pool[key].pop()
                    if c["url_sha1"] not in urls and c["sha1"] not in shas:
                        urls.add(c["url_sha1"])
                        shas.add(c["sha1"])
                        chosen.append(c)
                        taken[s] += 1
                    break
            if len(chosen) >= n:
                break
        if len(chosen) == before:
            break
    chosen.sort(key=lambda c: (c["dct"], c["source"], c["index"]))
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=28)
    ap.add_argument("--first", type=int, required=True, help="number of the first new id (rnNNN)")
    ap.add_argument("--seed", type=int, default=2016)
    ap.add_argument("--min-cues", type=int, default=3)
    ap.add_argument("--per-outlet", type=int, default=2)
    ap.add_argument("--layers", default="quotes,quantities,timex", help="layers that will be annotated")
    ap.add_argument("--write", action="store_true", help="append to articles.jsonl (else only print)")
    args = ap.parse_args()
    layers = [x for x in args.layers.split(",") if x]
    chosen = pick(args.n, args.seed, args.min_cues if "quotes" in layers else 0, args.per_outlet)
    have = {a["id"] for a in articles()}
    for k, c in enumerate(chosen):
        c["id"] = f"rn{args.first + k:03d}"
        c["split"] = "dev"
        if c["id"] in have:
            raise SystemExit(f"{c['id']} is already taken")
    lines = [json.dumps({key: c[key] for key in KEYS}, ensure_ascii=False) for c in chosen]
    for c in chosen:
        print(c["id"], c["source"], c["dct"], c["topic"], c["file"], c["index"])
    if args.write:
        with (GOLD / "articles.jsonl").open("a", encoding="utf-8") as fp:
            fp.write("".join(line + "\n" for line in lines))
        print(f"appended {len(lines)} articles (dev)")


if __name__ == "__main__":
    main()
