"""Backend-neutral pieces of a store: row codecs, migrations, the near-duplicate index.

Every backend stores the same rows (see ``prepare.DOC_COLUMNS``) and must decide near-
duplicates the same way, so what does not depend on the SQL dialect lives here once:
SQLite and PostgreSQL differ only in how rows travel, not in what they hold.
"""

from __future__ import annotations

import dataclasses
import json
import re
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from importlib import resources as _res
from typing import Any

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from rasd.ids import digest, make_id
from rasd.models import (
    MENTION_TYPES,
    Claim,
    Commitment,
    Conflict,
    DocAnalysis,
    Document,
    Entity,
    Event,
    Incident,
    Thread,
    public_fields,
)
from rasd.store.codec import from_dict
from rasd.store.prepare import DOC_COLUMNS, JSON_COLUMNS, NUM_PERM, perm_scheme

DUP_THRESHOLD = 0.8
# the JSON of a stored row: ``json.dumps(to_dict(x), ensure_ascii=False, sort_keys=True)``,
# with dataclasses turned into dicts by the C encoder's ``default`` hook (no walk in Python)
_row_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=public_fields).encode

MENTION_KINDS: dict[str, type] = MENTION_TYPES  # kind -> class, from the one list in models
VIEW_TABLES: tuple[tuple[str, type], ...] = (
    ("entities", Entity),
    ("events", Event),
    ("claims", Claim),
    ("commitments", Commitment),
    ("conflicts", Conflict),
    ("incidents", Incident),
    ("threads", Thread),
)


def migrations(pattern: str) -> list[tuple[int, str, str]]:
    """``(version, name, sql)`` of the scripts in ``store/migrations`` matching ``pattern``, in order.

    ``pattern``'s first group is the version: SQLite's scripts are ``NNN_name.sql``,
    PostgreSQL's ``pg_NNN_name.sql`` beside them, with the same numbers and names.
    """
    rx = re.compile(pattern)
    out = []
    for f in _res.files("rasd.store").joinpath("migrations").iterdir():
        m = rx.match(f.name)
        if m:
            out.append((int(m.group(1)), f.name, f.read_text(encoding="utf-8")))
    out.sort()
    return out


def utc_now(fmt: str = "%Y-%m-%dT%H:%M:%SZ") -> str:
    return datetime.now(UTC).strftime(fmt)


def lean(sig: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=1, hashvalues=sig, scheme=perm_scheme())


class DupIndex:
    """The MinHash LSH over stored signatures, loaded lazily from the backend's rows.

    ``load`` yields ``(seq, signature bytes)`` of every stored document; ``seq`` is the
    insertion order, so the smallest close ``seq`` is the first-seen document.
    """

    def __init__(self, load: Callable[[], Iterable[tuple[int, bytes]]]) -> None:
        self._load = load
        self._lsh: MinHashLSH | None = None
        self._sigs: dict[int, np.ndarray] = {}

    def reset(self) -> None:
        """Forget what was loaded (it may hold rolled-back rows); reload on next use."""
        self._lsh, self._sigs = None, {}

    def _index(self) -> MinHashLSH:
        if self._lsh is None:
            self._lsh = MinHashLSH(threshold=DUP_THRESHOLD, num_perm=NUM_PERM)
            with self._lsh.insertion_session() as session:
                for seq, blob in self._load():
                    sig = np.frombuffer(blob, dtype=np.uint32)
                    self._sigs[seq] = sig
                    session.insert(seq, lean(sig))
        return self._lsh

    def closest(self, sig: np.ndarray) -> int | None:
        """``seq`` of the earliest stored document whose estimated Jaccard with ``sig`` passes."""
        close = sorted(  # LSH gives candidates; keep those whose estimated Jaccard passes
            seq
            for seq in self._index().query(lean(sig))
            if float(np.mean(self._sigs[seq] == sig)) >= DUP_THRESHOLD
        )
        return close[0] if close else None

    def add(self, seq: int, sig: np.ndarray) -> None:
        self._index().insert(seq, lean(sig))
        self._sigs[seq] = sig


def doc_from_row(row: Sequence[Any]) -> Document:
    """The ``Document`` of one stored row (columns in ``DOC_COLUMNS`` order)."""
    r = dict(zip(DOC_COLUMNS, row, strict=True))
    data: dict[str, Any] = json.loads(r.pop("extra") or "{}")
    r.pop("pub_value")
    for k, v in r.items():
        data[k] = json.loads(v) if k in JSON_COLUMNS else v
    return from_dict(Document, data)


def mention_rows(da: DocAnalysis) -> list[tuple[str, str, int, int, str]]:
    """``(doc, kind, start, end, json)`` of every mention of one analysed document."""
    return [
        (da.doc.id, kind, m.start, m.end, _row_json(m))
        for kind in MENTION_KINDS
        for m in getattr(da, kind)
    ]


def mentions_digest(da: DocAnalysis) -> str:
    """Identity of one document's mention rows (``mention_rows``): an update rewrites a
    document only when it changes. Taken from the ``repr`` of its mention lists, which holds
    every field of every mention (floats exactly) and costs a fraction of their JSON, so the
    rows of an unchanged document are never encoded; equal digests mean equal rows (rows
    equal under different ``repr`` would only be rewritten). ``r:`` tells it from the
    digests of the JSON rows that older stores hold (each such document is rewritten once)."""
    return "r:" + digest(da.doc.id, *(repr(getattr(da, k)) for k in MENTION_KINDS), n=32)


def annotation_blob(da: DocAnalysis) -> bytes:
    """What the annotators gave one document (every list but ``doc``), as compressed JSON.

    Every field of ``DocAnalysis`` is kept, so a layer another stage adds there is cached
    without a change here.
    """
    data = {f.name: getattr(da, f.name) for f in dataclasses.fields(da) if f.name != "doc"}
    return zlib.compress(_row_json(data).encode("utf-8"), 3)


def analysis_from_blob(doc: Document, blob: bytes) -> DocAnalysis:
    """The ``DocAnalysis`` of ``doc`` rebuilt from ``annotation_blob``: fresh objects every time."""
    data = json.loads(zlib.decompress(bytes(blob)).decode("utf-8"))
    da = from_dict(DocAnalysis, {**data, "doc": None})
    da.doc = doc
    return da


def analyses_from_blobs(docs: Sequence[Document], blobs: Mapping[str, bytes]) -> dict[str, DocAnalysis]:
    """``analysis_from_blob`` of each document of ``docs`` that ``blobs`` (by id) holds."""
    by_id = {d.id: d for d in docs}
    return {i: analysis_from_blob(by_id[i], b) for i, b in blobs.items()}


def mention_from_row(kind: str, js: str) -> tuple[str, Any] | None:
    cls = MENTION_KINDS.get(kind)
    return None if cls is None else (kind, from_dict(cls, json.loads(js)))


def view_rows(items: Sequence[Any]) -> list[tuple[str, str]]:
    return [(x.id, _row_json(x)) for x in items]


def view_from_json(cls: type, js: str) -> Any:
    return from_dict(cls, json.loads(js))


def run_row(
    inputs: Sequence[str], counts: dict[str, Any], errors: Sequence[tuple[str, str]]
) -> tuple[str, ...]:
    """``(id, started, inputs, counts, errors)`` of one logged run."""
    started = utc_now("%Y-%m-%dT%H:%M:%S.%fZ")
    return (
        make_id("r", started, *inputs),
        started,
        json.dumps(list(inputs), ensure_ascii=False),
        json.dumps(counts, ensure_ascii=False, sort_keys=True),
        json.dumps([list(e) for e in errors], ensure_ascii=False),
    )


def run_from_row(r: Sequence[Any]) -> dict[str, Any]:
    return {
        "id": r[0],
        "started": r[1],
        "inputs": json.loads(r[2]),
        "counts": json.loads(r[3]),
        "errors": json.loads(r[4]),
    }
