"""Load SaudiNewsNet records by reference and check they are the ones we annotated.

The gold set never stores article text: each article is a record key (day file, index in
the day's JSON list, URL) plus the SHA-1 of its ``content``. Offsets are into ``content``
exactly as the JSON gives it, so a reference can be checked against the shared data and a
changed copy is caught instead of scored against the wrong characters.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SNN = SHARED / "data" / "saudinewsnet"
GOLD = ROOT / "benchmarks" / "data" / "realnews"
LAYERS = ("quotes", "quantities", "timex")


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def url_key(url: str | None) -> str:
    """SHA-1 of a record's URL: the gold files key articles by it, because the URLs of
    Arabic outlets carry the headline's words, which must not be copied into the repo."""
    return sha1(url or "")


@cache
def day(file: str) -> list[dict[str, Any]]:
    """All records of one day file (``2015-07-21.zip``)."""
    with zipfile.ZipFile(SNN / file) as zf:
        name = zf.namelist()[0]
        return list(json.loads(zf.read(name).decode("utf-8")))


def articles(split: str | None = None) -> list[dict[str, Any]]:
    """The selected articles (``articles.jsonl``), optionally of one split, in id order."""
    path = GOLD / "articles.jsonl"
    out = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [a for a in out if split is None or a["split"] == split]


def content(art: dict[str, Any]) -> str:
    """The record's ``content`` for an article reference, verified by URL and text hashes."""
    rec = day(art["file"])[art["index"]]
    if url_key(rec.get("url")) != art["url_sha1"] or sha1(rec["content"]) != art["sha1"]:
        raise ValueError(f"{art['id']}: the shared record no longer matches the reference")
    return str(rec["content"])


def gold() -> dict[str, dict[str, Any]]:
    """``{article id: reference}``: each reference holds ``quotes``, ``quantities``,
    ``timex`` (offsets and values) and ``done`` (annotated in full)."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted((GOLD / "refs").glob("rn*.json")):
        ref = json.loads(path.read_text(encoding="utf-8"))
        out[ref["id"]] = ref
    return out
