"""The public export (``../shared/spec/EXPORT.md``): ``analysis.json`` and its JSONL/CSV forms.

One function builds the contract's dict from an ``Analysis`` so ``rasd analyze``,
``rasd export`` and the web API cannot drift apart, and one (``dump_json``) writes every
JSON file and JSONL line, through ``open_atomic`` for files. Output is sorted (documents
by id, mentions by document and offsets, corpus items by id) so two runs over the same
input differ only in ``generated_at``.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TextIO

from rasd.models import (
    MENTION_KINDS,
    VIEW_KINDS,
    Analysis,
    Conflict,
    Document,
    Evidence,
    Mentions,
    Side,
    Views,
    to_dict,
)
from rasd.store import Store

SCHEMA_VERSION = "2"
SECTIONS = ("entities", "events", "incidents", "claims", "commitments", "threads", "conflicts")
# document fields the contract lists, in its order; other Document fields are added after
DOC_FIELDS = ("id", "source", "part", "title", "outlet", "published", "language", "text", "removed")
CSV_FIELDS = (
    "id", "source", "part", "title", "outlet", "published", "precision", "method", "confidence",
    "date_warnings", "language", "url", "duplicate_of", "warnings", "text",
)  # fmt: skip


def tool_version() -> str:
    try:
        return version("rasd")
    except PackageNotFoundError:  # running from a source tree without installing
        return "0.0.0"


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def document_json(doc: Document) -> dict[str, Any]:
    """A document in the contract's shape: listed fields first, extras (url, warnings…) after.

    ``page_spans`` and ``content_hash`` stay in the store: they are the bulky trace to the
    page and an internal key, not part of the contract. Extra fields are additive, which
    the contract allows.
    """
    d = to_dict(doc)
    d.pop("page_spans", None)
    d.pop("content_hash", None)
    out = {k: d.pop(k) for k in DOC_FIELDS}
    out.update(d)
    return out


def _mention_key(m: dict[str, Any]) -> tuple[Any, ...]:
    return (m["doc"], m["start"], m["end"], json.dumps(m, ensure_ascii=False, sort_keys=True))


def mentions_json(mentions: Mentions) -> dict[str, list[dict[str, Any]]]:
    return {k: sorted((to_dict(m) for m in getattr(mentions, k)), key=_mention_key) for k in MENTION_KINDS}


def header(as_of: str | None, generated_at: str | None = None) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "rasd", "version": tool_version()},
        "generated_at": generated_at or now_utc(),
        "as_of": as_of,
    }


def views_analysis(views: Views) -> Analysis:
    """An ``Analysis`` holding a store's views (documents and mentions left to the caller)."""
    out = Analysis()
    for k in VIEW_KINDS:
        setattr(out, k, list(getattr(views, k)))
    return out


def store_analysis(store: Store) -> Analysis:
    """Everything ``store`` holds as one ``Analysis``: documents, mentions and views."""
    out = views_analysis(store.load_views())
    out.documents = list(store.iter_documents())
    out.mentions = store.load_mentions()
    return out


def _side_json(side: Side | None, ref: str, k: Conflict) -> dict[str, Any]:
    """One side of a conflict as the contract shows it: ``{value, source, evidence, …}`` and
    the ``claim`` (or ``report``) it was read from. A conflict saved before sides existed
    (a schema-1 store) still gives an object, with what it knows."""
    if side is None:
        ev = [e for e in k.evidence if e.doc] or [Evidence("", -1, -1)]
        side = Side(value="", source=ev[0].doc, evidence=[])
    out: dict[str, Any] = to_dict(side)
    out["claim"] = side.claim or (ref if ref.startswith("c_") else None)
    if ref.startswith("v_"):
        out["report"] = ref
    return out


def conflict_json(k: Conflict) -> dict[str, Any]:
    """A conflict in the schema-2 shape: ``a``/``b`` are the two sides inline (EXPORT.md)."""
    d: dict[str, Any] = to_dict(k)
    d.pop("side_a", None)
    d.pop("side_b", None)
    d["a"], d["b"] = _side_json(k.side_a, k.a, k), _side_json(k.side_b, k.b, k)
    return d


def conflict_model(d: dict[str, Any]) -> dict[str, Any]:
    """The ``models.Conflict`` dict of an exported conflict: schema 2 (``a``/``b`` objects)
    back to ids plus ``side_a``/``side_b``; schema 1 (``a``/``b`` ids) as it is."""
    out = dict(d)
    for key in ("a", "b"):
        side = d.get(key)
        if isinstance(side, dict):
            out[key] = side.get("claim") or side.get("report") or ""
            out["side_" + key] = {f: v for f, v in side.items() if f != "report"}
    return out


def _item_json(section: str, x: Any) -> dict[str, Any]:
    return conflict_json(x) if section == "conflicts" else dict(to_dict(x))


def analysis_to_json(analysis: Analysis, as_of: str | None, generated_at: str | None = None) -> dict[str, Any]:
    """The ``analysis.json`` dict for ``analysis`` (see EXPORT.md); deterministic but for ``generated_at``."""
    out = header(as_of, generated_at)
    out["documents"] = [document_json(d) for d in sorted(analysis.documents, key=lambda d: d.id)]
    out["mentions"] = mentions_json(analysis.mentions)
    for section in SECTIONS:
        out[section] = sorted((_item_json(section, x) for x in getattr(analysis, section)), key=lambda x: str(x["id"]))
    return out


def dump_json(data: Any, fp: TextIO, *, indent: int | None = 1) -> None:
    """The one way rasd writes JSON: Arabic as it is (not ``\\u`` escapes), then a newline.
    ``indent=None`` gives one line (a JSONL record)."""
    json.dump(data, fp, ensure_ascii=False, indent=indent)
    fp.write("\n")


@contextmanager
def open_atomic(path: Path, newline: str | None = None) -> Iterator[TextIO]:
    """Write ``path`` through ``NAME.PID.tmp``, renamed over it only when the block succeeds:
    a failed or killed writer never leaves a half-written file. Temporary files of killed
    writers (their PID gone) are removed first."""
    for old in path.parent.glob(f"{path.name}.*.tmp"):
        pid = old.name[len(path.name) + 1 : -len(".tmp")]
        if pid.isdigit() and int(pid) > 0 and not _alive(int(pid)):
            old.unlink(missing_ok=True)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline=newline) as fp:
            yield fp
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists (signal 0 checks without sending anything)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to another user
        return True
    return True


def write_json_file(path: Path, data: Any) -> None:
    """``data`` as the JSON file ``path`` (``dump_json`` through ``open_atomic``)."""
    with open_atomic(path) as fp:
        dump_json(data, fp)


def write_json(analysis: Analysis, fp: TextIO, as_of: str | None) -> None:
    dump_json(analysis_to_json(analysis, as_of), fp)


def jsonl_records(
    docs: Iterable[Document], mentions_of: Any, analysis: Analysis | None, as_of: str | None
) -> Iterator[dict[str, Any]]:
    """JSONL records: a header, one per document (with its own mentions), then corpus items.

    Every line has ``record``: ``header`` | ``document`` | ``entity`` | ``event`` |
    ``incident`` | ``claim`` | ``commitment`` | ``thread`` | ``conflict``. ``mentions_of(doc_id) -> Mentions`` lets a
    caller stream documents from a store without building the whole corpus in memory.
    """
    yield {"record": "header", **header(as_of)}
    for doc in docs:
        rec = {"record": "document", **document_json(doc)}
        rec["mentions"] = mentions_json(mentions_of(doc.id))
        yield rec
    if analysis is not None:
        for section in SECTIONS:
            for item in sorted((_item_json(section, x) for x in getattr(analysis, section)), key=lambda x: str(x["id"])):
                yield {"record": section[:-1] if section != "entities" else "entity", **item}


def write_jsonl(records: Iterable[dict[str, Any]], fp: TextIO) -> int:
    n = 0
    for rec in records:
        dump_json(rec, fp, indent=None)
        n += 1
    return n


def csv_row(doc: Document) -> dict[str, Any]:
    p = doc.published
    return {
        "id": doc.id,
        "source": doc.source,
        "part": doc.part,
        "title": doc.title,
        "outlet": doc.outlet or "",
        "published": p.value or "",
        "precision": p.precision or "",
        "method": p.method,
        "confidence": p.confidence,
        "date_warnings": " | ".join(p.warnings),
        "language": doc.language,
        "url": doc.url or "",
        "duplicate_of": doc.duplicate_of or "",
        "warnings": " | ".join(doc.warnings),
        "text": doc.text,
    }


def write_csv(docs: Iterable[Document], fp: TextIO) -> int:
    """One row per document (the flat part of the contract; mentions need JSON/JSONL).

    Bodies can exceed Python's default CSV field limit (128 KB) when a page was huge:
    readers may need ``csv.field_size_limit``.
    """
    w = csv.DictWriter(fp, fieldnames=list(CSV_FIELDS), lineterminator="\n")
    w.writeheader()
    n = 0
    for doc in docs:
        w.writerow(csv_row(doc))
        n += 1
    return n
