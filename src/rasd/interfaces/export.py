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
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from itertools import groupby
from json.encoder import encode_basestring
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
    ``indent=None`` gives one line (a JSONL record).

    The text is exactly ``json.dump(data, fp, ensure_ascii=False, indent=indent)``'s, written
    faster: ``json.dump`` always takes the standard library's Python encoder (a generator
    per level), so one line goes through ``json.dumps`` (its C encoder) and indented JSON
    through ``_write_indented``."""
    if indent is None:
        fp.write(json.dumps(data, ensure_ascii=False))
    else:
        _write_indented(data, fp.write, indent)
    fp.write("\n")


_INF = float("inf")
_FLUSH = 1 << 15  # pieces of text kept before writing them out


def _float_json(x: float) -> str:
    if x != x:
        return "NaN"
    if x == _INF:
        return "Infinity"
    if x == -_INF:
        return "-Infinity"
    return float.__repr__(x)


def _key_json(k: Any) -> str:
    """A dict key as ``json`` writes it (str, or a number, bool or None as a string)."""
    if isinstance(k, str):
        return encode_basestring(k)
    if isinstance(k, float):
        return encode_basestring(_float_json(k))
    if k is True or k is False or k is None:
        return f'"{json.dumps(k)}"'
    if isinstance(k, int):
        return encode_basestring(int.__repr__(k))
    raise TypeError(f"keys must be str, int, float, bool or None, not {k.__class__.__name__}")


def _scalar_json(x: Any) -> str | None:
    """JSON of a value that is no list, tuple or dict (None for those), as ``json`` writes it."""
    if isinstance(x, str):
        return encode_basestring(x)
    if x is None:
        return "null"
    if x is True:
        return "true"
    if x is False:
        return "false"
    if isinstance(x, int):
        return int.__repr__(x)
    if isinstance(x, float):
        return _float_json(x)
    if isinstance(x, list | tuple | dict):
        return None
    raise TypeError(f"Object of type {x.__class__.__name__} is not JSON serializable")


def _write_indented(data: Any, write: Callable[[str], Any], indent: int) -> None:
    """``data`` as ``json.dumps(data, ensure_ascii=False, indent=indent)`` writes it: one
    list of text pieces, written out every ``_FLUSH`` pieces (``analysis.json`` is large)."""
    step = " " * indent
    nls = ["\n"]  # newline and indentation of each depth
    out: list[str] = []
    append = out.append

    def enc(o: Any, level: int) -> None:
        if level + 1 >= len(nls):
            nls.append("\n" + step * len(nls))
        cls = o.__class__
        if cls is dict:
            if not o:
                append("{}")
                return
            nl = nls[level + 1]
            sep = "{" + nl
            for k, v in o.items():
                ks = encode_basestring(k) if k.__class__ is str else _key_json(k)
                vc = v.__class__
                if vc is str:
                    append(f"{sep}{ks}: {encode_basestring(v)}")
                elif vc is int:
                    append(f"{sep}{ks}: {int.__repr__(v)}")
                elif vc is dict or vc is list:
                    append(f"{sep}{ks}: ")
                    enc(v, level + 1)
                else:
                    s = _scalar_json(v)
                    append(f"{sep}{ks}: " if s is None else f"{sep}{ks}: {s}")
                    if s is None:
                        enc(v, level + 1)
                sep = "," + nl
            append(nls[level] + "}")
        elif cls is list or cls is tuple:
            if not o:
                append("[]")
                return
            nl = nls[level + 1]
            sep = "[" + nl
            for v in o:
                vc = v.__class__
                if vc is str:
                    append(sep + encode_basestring(v))
                elif vc is dict or vc is list:
                    append(sep)
                    enc(v, level + 1)
                    if len(out) > _FLUSH:
                        write("".join(out))
                        out.clear()
                else:
                    s = _scalar_json(v)
                    append(sep if s is None else sep + s)
                    if s is None:
                        enc(v, level + 1)
                sep = "," + nl
            append(nls[level] + "]")
        else:
            s = _scalar_json(o)
            if s is not None:
                append(s)
            else:  # a subclass of dict, list or tuple: what json writes of it
                enc(dict(o) if isinstance(o, dict) else list(o), level)

    enc(data, 0)
    write("".join(out))


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
