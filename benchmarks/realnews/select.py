"""Pick the articles of the real-news gold set from SaudiNewsNet (reproducible).

Usage: python benchmarks/realnews/select.py [--n 132]

Articles of 500–2,200 characters (long enough to hold quotes, counts and dates, short
enough to annotate whole) are grouped by outlet and by a rough topic read from title
words (security, politics, economy, sport, society); the pick walks the days in order,
rotating over outlets and topics so that every outlet, every topic and the whole
July–August 2015 period are covered. A seeded shuffle keeps it deterministic. Articles
alternate between dev and test within each outlet, so both halves see every outlet.
Writes benchmarks/data/realnews/articles.jsonl (references only: no article text).
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

from realnews.records import GOLD, SNN, day, sha1, url_key  # noqa: E402

TOPICS = {
    "security": r"هجوم|تفجير|انتحاري|قتل|مقتل|داعش|الحوثي|إرهاب|ارهاب|أمني|امني|شرطة|ضبط|القبض|مسلح|غارة|عسكري",
    "politics": r"وزير|رئيس|الملك|ولي العهد|الأمير|مجلس|حكومة|سفير|اتفاق|مباحثات|قمة|البرلمان|انتخابات",
    "economy": r"أسهم|اسهم|سوق|نفط|مليار|مليون|ريال|أرباح|ارباح|اقتصاد|بنك|استثمار|أسعار|اسعار|شركة|تداول",
    "sport": r"الهلال|النصر|الاتحاد|الأهلي|الاهلي|مباراة|دوري|منتخب|لاعب|نادي|الشباب|كأس|بطولة",
}


def topic(title: str) -> str:
    for name, pat in TOPICS.items():
        if re.search(pat, title):
            return name
    return "society"


def candidates() -> list[dict]:
    out = []
    for path in sorted(SNN.glob("*.zip")):
        for i, rec in enumerate(day(path.name)):
            text = rec.get("content") or ""
            if not 500 <= len(text) <= 2200 or not rec.get("url"):
                continue
            out.append({"file": path.name, "index": i, "url_sha1": url_key(rec["url"]), "source": rec["source"],
                        "dct": str(rec.get("date_extracted", ""))[:10], "sha1": sha1(text),
                        "topic": topic(rec.get("title") or "")})  # fmt: skip
    return out


def pick(n: int, seed: int = 2015) -> list[dict]:
    rng = random.Random(seed)
    pool: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in candidates():
        pool[(c["source"], c["topic"])].append(c)
    for v in pool.values():
        rng.shuffle(v)
    sources = sorted({s for s, _ in pool})
    topics = [*TOPICS, "society"]
    chosen: list[dict] = []
    seen_urls: set[str] = set()
    t = 0
    while len(chosen) < n and any(pool.values()):
        for s in sources:
            for _ in range(len(topics)):
                key = (s, topics[t % len(topics)])
                t += 1
                if pool.get(key):
                    c = pool[key].pop()
                    if c["url_sha1"] not in seen_urls:
                        seen_urls.add(c["url_sha1"])
                        chosen.append(c)
                    break
            if len(chosen) >= n:
                break
    chosen.sort(key=lambda c: (c["dct"], c["source"], c["index"]))
    per_source: dict[str, int] = defaultdict(int)
    for k, c in enumerate(chosen, 1):
        c["id"] = f"rn{k:03d}"
        c["split"] = "dev" if per_source[c["source"]] % 2 == 0 else "test"
        per_source[c["source"]] += 1
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=132)
    args = ap.parse_args()
    arts = pick(args.n)
    GOLD.mkdir(parents=True, exist_ok=True)
    keys = ("id", "file", "index", "url_sha1", "source", "dct", "topic", "split", "sha1")
    with (GOLD / "articles.jsonl").open("w", encoding="utf-8") as fp:
        for a in arts:
            fp.write(json.dumps({k: a[k] for k in keys}, ensure_ascii=False) + "\n")
    by = defaultdict(int)
    for a in arts:
        by[(a["split"], a["source"])] += 1
    print(len(arts), "articles;", dict(sorted(by.items())))


if __name__ == "__main__":
    main()
