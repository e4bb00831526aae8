"""Backend-neutral work done on each document before it is stored.

Folding the text for the full-text index and computing the MinHash signature for
near-duplicate detection are pure functions of the document, so they can run in the
worker processes that clean pages (``Prepared`` pickles cheaply) and leave the single
database writer only the inserts. Any backend (SQLite now, PostgreSQL later) uses them.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash

from rasd.ids import digest
from rasd.models import Document
from rasd.text import fold

NUM_PERM = 128
MIN_WORDS = 25  # shorter bodies are too small for a meaningful resemblance estimate
_WORD = re.compile(r"\w+")


@dataclass
class Prepared:
    """A document with its folded title/body and MinHash signature (``None``: too short)."""

    doc: Document
    folded_title: str
    folded_body: str
    signature: np.ndarray | None


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


def prepare(doc: Document, *, signature: bool = True) -> Prepared:
    """Fold once, hash once: everything a backend needs besides the document itself."""
    if not doc.content_hash:
        doc.content_hash = content_hash(doc)
    body = fold(doc.text)
    return Prepared(doc, fold(doc.title), body, _signature(body, folded=True) if signature else None)


_signature = signature
