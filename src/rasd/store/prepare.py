"""Backend-neutral work done on each document before it is stored.

Folding the text for the full-text index and computing the MinHash signature for
near-duplicate detection are pure functions of the document, so they can run in the
worker processes that clean pages (``Prepared`` pickles cheaply) and leave the single
database writer only the inserts. Any backend (SQLite now, PostgreSQL later) uses them.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from datasketch import MinHash

from rasd.ids import digest, make_id
from rasd.models import Document, to_dict
from rasd.resources import read_text
from rasd.text import fold
from rasd.text.tokens import proclitics

NUM_PERM = 128
MIN_WORDS = 25  # shorter bodies are too small for a meaningful resemblance estimate
_WORD = re.compile(r"\w+")


# How a document is stored: one column per field below, nested parts as JSON text, fields
# added to ``Document`` later in ``extra`` (so they round-trip without a migration).
DOC_COLUMNS = (
    "id", "content_hash", "source", "part", "title", "outlet", "published", "pub_value", "language",
    "text", "removed", "url", "encoding", "warnings", "page_spans", "duplicate_of", "extra",
)  # fmt: skip
JSON_COLUMNS = frozenset({"published", "removed", "warnings", "page_spans"})


def doc_row(doc: Document) -> dict[str, Any]:
    """Column values of ``doc`` (see ``DOC_COLUMNS``); built in workers when there are any."""
    d = to_dict(doc)
    row: dict[str, Any] = {}
    for c in DOC_COLUMNS:
        if c in ("pub_value", "extra"):
            continue
        v = d.pop(c)
        row[c] = json.dumps(v, ensure_ascii=False) if c in JSON_COLUMNS else v
    row["pub_value"] = doc.published.value
    row["extra"] = json.dumps(d, ensure_ascii=False, sort_keys=True)
    return row


@dataclass
class Prepared:
    """A document with its folded title/body and MinHash signature (``None``: too short).

    ``light`` is title+body with attached proclitics stripped (see ``light``).
    """

    doc: Document
    folded_title: str
    folded_body: str
    signature: np.ndarray | None
    light: str = ""
    row: dict[str, Any] | None = None  # doc_row(doc), when computed ahead (in a worker)


@cache
def _clitic_re() -> re.Pattern[str]:
    chains = sorted(proclitics(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, chains)) + r")(?=\w{2})")


INDEX_RESOURCES = ("text/normalize.tsv", "text/delete_ranges.txt", "ar/morphology/proclitics.tsv")
INDEX_VERSION = 1  # bump when fold/light change in code rather than in resources


@cache
def index_fingerprint() -> str:
    """Identity of the rules that turn text into index terms: a change means reindex."""
    return digest(INDEX_VERSION, *(read_text(r) for r in INDEX_RESOURCES))


def light(folded: str) -> str:
    """Folded text with the proclitic chain (و ف ب ل ك س ال …) cut off each word.

    Indexed beside the exact text so ``بغداد`` finds ``وبغداد`` and ``الاسد`` finds
    ``والأسد``. A word that merely starts with such a letter (``بغداد`` → ``غداد``) is
    cut the same way in query and index, and the search also tries the uncut query word
    against this column (see ``sqlite._term_query``). The chains are the text layer's
    resource list, not code.
    """
    return _clitic_re().sub("", folded)


@cache
def _perm() -> MinHash:
    """One MinHash whose permutations every signature reuses (generating them is slow)."""
    return MinHash(num_perm=NUM_PERM, seed=1)


def perm_scheme() -> str:
    return str(_perm().scheme)


def signature(text: str, *, folded: bool = False) -> np.ndarray | None:
    """MinHash of the word 3-shingles of folded ``text``; ``None`` when too short to judge.

    Words are runs of word characters, so outlets' different quote marks and punctuation
    do not hide a syndicated copy (whitespace splitting found a third fewer groups).
    Shingles are hashed with numpy from per-word CRC32s instead of datasketch's per-item
    SHA1, which was most of the cost of storing a document; the result is still a
    datasketch MinHash (same permutations and scheme), so LSH works on it unchanged.
    """
    words = _WORD.findall(text if folded else fold(text))
    if len(words) < MIN_WORDS:
        return None
    w = np.fromiter((zlib.crc32(x.encode("utf-8")) for x in words), dtype=np.uint64, count=len(words))
    sh = (w[:-2] * np.uint64(0x9E3779B1) + w[1:-1] * np.uint64(0x85EBCA77) + w[2:]) & np.uint64(0xFFFFFFFF)
    base = _perm()
    m = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=int, permutations=base.permutations, scheme=base.scheme)
    m.update_batch(np.unique(sh).tolist())
    return np.asarray(m.hashvalues, dtype=np.uint32)


def content_hash(doc: Document) -> str:
    """Hash of the folded title and body: the identity of "the same article".

    Used only when ingest did not set ``Document.content_hash`` itself.
    """
    return digest(fold(doc.title), fold(doc.text), n=32)


def elsewhere(doc: Document) -> None:
    """Key ``doc`` by its text and its address: the same text already stored from another
    address (a wire story two outlets print word for word) is another publication, which a
    reader following outlets must still see. Its copy then joins the first as a near
    duplicate (``duplicate_of``): its events add to incidents, its claims are not counted twice."""
    doc.content_hash = digest(doc.content_hash, doc.url, n=32)
    doc.id = make_id("d", doc.content_hash)


def prepare(doc: Document, *, signature: bool = True, row: bool = False) -> Prepared:
    """Fold once, hash once: everything a backend needs besides the document itself.

    ``row`` also serialises the document's columns, which is worth it in a worker
    process: it was a third of the single database writer's time.
    """
    if not doc.content_hash:
        doc.content_hash = content_hash(doc)
    body = fold(doc.text)
    title = fold(doc.title)
    sig = _signature(body, folded=True) if signature else None
    return Prepared(doc, title, body, sig, light(title + "\n" + body), doc_row(doc) if row else None)


_signature = signature
