"""The public export (``../shared/spec/EXPORT.md``): ``analysis.json`` and its JSONL/CSV forms.

One function builds the contract's dict from an ``Analysis`` so ``rasd analyze``,
``rasd export`` and the web API cannot drift apart, and one (``dump_json``) writes every
JSON file and JSONL line, through ``open_atomic`` for files. Output is sorted (documents
by id, mentions by document and offsets, corpus items by id) so two runs over the same
input differ only in ``generated_at``.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from itertools import groupby
from pathlib import Path
from typing import IO, Any, TextIO

import orjson

from rasd.models import (
    MENTION_KINDS,
    MENTION_TYPES,
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
VIEW_TYPES: dict[str, type] = {k: typing.get_args(t)[0] for k, t in typing.get_type_hints(Views).items()}  # section -> class
SECTIONS = ("entities", "events", "incidents", "claims", "commitments", "threads", "conflicts")
# document fields the contract lists, in its order; other Document fields are added after
DOC_FIELDS = ("id", "source", "part", "title", "outlet", "published", "language", "text", "removed")
# the other public fields, in their order (``to_dict`` order); page_spans and content_hash stay in the store
_DOC_EXTRA = tuple(
    f.name for f in dataclasses.fields(Document)
    if not f.name.startswith("_") and f.name not in (*DOC_FIELDS, "page_spans", "content_hash")
)  # fmt: skip
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
    return {k: to_dict(getattr(doc, k)) for k in (*DOC_FIELDS, *_DOC_EXTRA)}  # the trace never converted


def _mention_key(m: dict[str, Any]) -> tuple[Any, ...]:
    return (m["doc"], m["start"], m["end"], json.dumps(m, ensure_ascii=False, sort_keys=True))


def _place(m: dict[str, Any]) -> tuple[Any, ...]:
    return (m["doc"], m["start"], m["end"])


def _sorted_mentions(items: Iterable[Any]) -> list[dict[str, Any]]:
    """Mentions in ``_mention_key`` order: by place, then (mentions at the same place, rare)
    by their JSON, which only those are encoded for."""
    out: list[dict[str, Any]] = []
    for _, same in groupby(sorted((to_dict(m) for m in items), key=_place), key=_place):
        group = list(same)
        out.extend(sorted(group, key=_mention_key) if len(group) > 1 else group)
    return out


def mentions_json(mentions: Mentions) -> dict[str, list[dict[str, Any]]]:
    return {k: _sorted_mentions(getattr(mentions, k)) for k in MENTION_KINDS}


def _by_place(m: Any) -> tuple[Any, ...]:
    return (m.doc, m.start, m.end)


def _written_mentions(items: Sequence[Any], cls: type) -> list[Any]:
    """``_sorted_mentions`` for the writer: the mentions themselves in that order (orjson
    writes a dataclass as ``to_dict`` gives it), or, when ``items`` are not all ``cls``
    instances, their dicts."""
    if not _all_of(items, cls):
        return _sorted_mentions(items)
    out: list[Any] = []
    for _, same in groupby(sorted(items, key=_by_place), key=_by_place):
        group = list(same)
        out.extend(sorted(group, key=lambda m: _mention_key(to_dict(m))) if len(group) > 1 else group)
    return out


def _all_of(items: Iterable[Any], cls: type) -> bool:
    """Whether every item is exactly a ``cls`` (a dataclass of ``rasd.models``)."""
    return {x.__class__ for x in items} <= {cls}


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


def analysis_items(analysis: Analysis, as_of: str | None, generated_at: str | None = None) -> dict[str, Any]:
    """``analysis_to_json`` for writing (``write_json_file``, ``dump_items``): the same file,
    byte for byte, but mentions and corpus items (conflicts aside) are left as the model's
    dataclasses, which orjson writes as ``to_dict`` gives them (public fields in order,
    ``tests/test_export_json.py``), so the million dicts of a large store are never built."""
    out = header(as_of, generated_at)
    out["documents"] = [document_json(d) for d in sorted(analysis.documents, key=lambda d: d.id)]
    out["mentions"] = {k: _written_mentions(getattr(analysis.mentions, k), MENTION_TYPES[k]) for k in MENTION_KINDS}
    for section in SECTIONS:
        items = getattr(analysis, section)
        cls = VIEW_TYPES[section]
        if section == "conflicts" or not _all_of(items, cls):
            out[section] = sorted((_item_json(section, x) for x in items), key=lambda x: str(x["id"]))
        else:
            out[section] = sorted(items, key=lambda x: str(x.id))
    return out


def dump_json(data: Any, fp: TextIO, *, indent: int | None = None) -> None:
    """``json.dump(data, fp, ensure_ascii=False, indent=indent)`` (Arabic as it is, not ``\\u``
    escapes), then a newline: one JSONL record with ``indent=None``. Large files
    (``analysis.json``) go through ``dump_items`` instead."""
    fp.write(json.dumps(data, ensure_ascii=False, indent=indent))
    fp.write("\n")


_CHUNK = 4096  # items joined before one write


def _as_json_list(o: Any) -> Any:
    """orjson's ``default``: a tuple subclass (a named tuple) as its list; anything else refused."""
    if isinstance(o, tuple):
        return list(o)
    raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")


def _compact(o: Any) -> bytes:
    """One value as compact UTF-8 JSON (orjson; json only for an integer past 64 bits, which
    orjson refuses). NaN and the infinities, which JSON has no words for, become ``null``;
    what JSON cannot hold (a set, a tuple as a key) raises ``TypeError``, as ``json`` does."""
    try:
        return orjson.dumps(o, default=_as_json_list, option=orjson.OPT_NON_STR_KEYS)
    except orjson.JSONEncodeError as e:
        if not str(e).startswith("Integer exceeds"):
            raise TypeError(str(e)) from e
        return json.dumps(to_dict(o), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _key_text(k: Any) -> str:
    """A non-string key as ``json`` writes it (``3`` → ``"3"``, ``True`` → ``"true"``)."""
    if k is None or isinstance(k, bool | int | float):
        return json.dumps(k)
    raise TypeError(f"keys must be str, int, float, bool or None, not {k.__class__.__name__}")


def _spread(o: Any, level: int) -> bool:
    """Whether ``o`` is laid out one member per line: the top object, every non-empty list
    at such a place, and an object all of whose values are lists (``mentions``)."""
    if o.__class__ is list or o.__class__ is tuple:
        return bool(o)
    return isinstance(o, dict) and bool(o) and (level == 0 or all(isinstance(v, list | tuple) for v in o.values()))


def dump_items(data: Any, write: Callable[[bytes], Any]) -> None:
    """``data`` as UTF-8 JSON with one item per line: the top object's members and the items
    of its lists (documents, mentions, entities …) each on a line of their own, written
    compactly by orjson. ``analysis.json`` of a 30,000-article store is about 450 MB; this
    writes it in about a quarter of the CPU time of an indented ``json.dump`` (in C, not a
    Python generator per level), stays greppable and diffable line by line, and parses back
    to the same value (``json.load``)."""

    def enc(o: Any, level: int) -> None:
        ind = b"\n" + b" " * (level + 1)
        close = b"\n" + b" " * level
        if not _spread(o, level):
            write(_compact(o))
        elif isinstance(o, dict):
            sep = b"{"
            for k, v in o.items():
                write(sep + ind + _compact(k if isinstance(k, str) else _key_text(k)) + b": ")
                enc(v, level + 1)
                sep = b","
            write(close + b"}")
        else:
            lead = b"["
            for i in range(0, len(o), _CHUNK):
                write(lead + b",".join(ind + _compact(x) for x in o[i : i + _CHUNK]))
                lead = b","
            write(close + b"]")

    enc(data, 0)
    write(b"\n")


@contextmanager
def open_atomic(path: Path, newline: str | None = None) -> Iterator[TextIO]:
    """Write ``path`` through ``NAME.PID.tmp``, renamed over it only when the block succeeds:
    a failed or killed writer never leaves a half-written file. Temporary files of killed
    writers (their PID gone) are removed first."""
    with _atomic(path) as tmp, tmp.open("w", encoding="utf-8", newline=newline) as fp:
        yield fp


@contextmanager
def open_atomic_bytes(path: Path) -> Iterator[IO[bytes]]:
    """``open_atomic`` for bytes."""
    with _atomic(path) as tmp, tmp.open("wb") as fp:
        yield fp


@contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    """The temporary path beside ``path`` (``open_atomic``), moved over it when the block succeeds."""
    for old in path.parent.glob(f"{path.name}.*.tmp"):
        pid = old.name[len(path.name) + 1 : -len(".tmp")]
        if pid.isdigit() and int(pid) > 0 and not _alive(int(pid)):
            old.unlink(missing_ok=True)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        yield tmp
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
    """``data`` as the JSON file ``path`` (``dump_items`` through ``open_atomic``)."""
    with open_atomic_bytes(path) as fp:
        dump_items(data, fp.write)


def write_json(analysis: Analysis, fp: TextIO, as_of: str | None) -> None:
    """``analysis.json``'s text for ``analysis`` on a text stream (``rasd export``, the web download)."""
    dump_items(analysis_items(analysis, as_of), lambda b: fp.write(b.decode("utf-8")))


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


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet reads as a formula


def spreadsheet_safe(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with every text cell a spreadsheet would run as a formula (``=HYPERLINK(…)``
    in a hostile page's title) written after a ``'``, as OWASP advises for CSV: article
    content is untrusted. Numbers are left alone; JSON, JSONL and Parquet keep the text as is."""
    return {k: "'" + v if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v for k, v in row.items()}


def write_csv(docs: Iterable[Document], fp: TextIO) -> int:
    """One row per document (the flat part of the contract; mentions need JSON/JSONL).

    Bodies can exceed Python's default CSV field limit (128 KB) when a page was huge:
    readers may need ``csv.field_size_limit``. Cells are ``spreadsheet_safe``.
    """
    w = csv.DictWriter(fp, fieldnames=list(CSV_FIELDS), lineterminator="\n")
    w.writeheader()
    n = 0
    for doc in docs:
        w.writerow(spreadsheet_safe(csv_row(doc)))
        n += 1
    return n
