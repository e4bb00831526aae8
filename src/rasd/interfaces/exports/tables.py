"""Flat tables, one per layer, for CSV (``--layer``) and Parquet.

Each layer is a list of typed columns and a stream of rows with one row per item:
``doc, start, end, text`` first (for corpus items: their first piece of evidence, all of
it in the ``evidence`` column), then the item's own fields in the order of its dataclass.
Nested objects are flattened with dotted names (``speaker.text``, ``date.value``), the
open-ended ``counts`` of events become one column per key (``counts.injured``), other lists
are JSON strings (an incident's per-source ``slots``, a thread's ``deadlines``, a
conflict's ``side_a.evidence``). Columns come from the dataclasses themselves, so a field added to
``rasd.models`` shows up here without a code change. Rows are sorted (mentions by
document and offsets, corpus items by id), so two exports of one store are identical.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO, Union, get_args, get_origin, get_type_hints

from rasd.interfaces.export import CSV_FIELDS, _mention_key, csv_row, spreadsheet_safe
from rasd.interfaces.exports.corpus import Corpus, MissingExtra, sorted_evidence
from rasd.models import (
    MENTION_TYPES,
    Claim,
    Commitment,
    Conflict,
    Event,
    Evidence,
    Incident,
    Thread,
    to_dict,
)

LAYERS = (
    "documents",
    "timex",
    "entities",
    "quantities",
    "quotes",
    "events",
    "incidents",
    "claims",
    "commitments",
    "threads",
    "conflicts",
)
MENTION_LAYERS = MENTION_TYPES
ITEM_LAYERS: dict[str, type] = {
    "events": Event,
    "incidents": Incident,
    "claims": Claim,
    "commitments": Commitment,
    "threads": Thread,
    "conflicts": Conflict,
}
_KINDS = {str: "str", int: "int", float: "float", bool: "bool"}
DOC_KINDS = {"part": "int", "confidence": "float"}  # the other document columns are strings


@dataclass(frozen=True)
class Column:
    name: str  # dotted path into the item's dict: "speaker.text"
    kind: str  # str | int | float | bool | json


Row = dict[str, Any]


def _strip_optional(t: Any) -> Any:
    if get_origin(t) in (Union, types.UnionType):
        args = [a for a in get_args(t) if a is not type(None)]
        return args[0] if len(args) == 1 else t
    return t


def dataclass_columns(cls: type, prefix: str = "", skip: tuple[str, ...] = ()) -> list[Column]:
    """Columns for a dataclass's public fields, nested dataclasses flattened with dots."""
    hints = get_type_hints(cls)
    out: list[Column] = []
    for f in dataclasses.fields(cls):
        if f.name.startswith("_") or f.name in skip:
            continue
        t = _strip_optional(hints[f.name])
        name = prefix + f.name
        if isinstance(t, type) and dataclasses.is_dataclass(t):
            out.extend(dataclass_columns(t, name + "."))
        elif get_origin(t) in (list, tuple, dict) or t in (list, tuple, dict):
            out.append(Column(name, "json"))
        else:
            out.append(Column(name, _KINDS.get(t, "str")))
    return out


def _lookup(d: dict[str, Any], path: str) -> Any:
    cur: Any = d
    for part in path.split("."):
        if not isinstance(cur, dict):
            return None
        cur = cur.get(part)
    return cur


def coerce(value: Any, kind: str) -> Any:
    """The value in its column's type (stores may hand back 1 for True or 3 for 3.0)."""
    if value is None:
        return None
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)  # keys in dataclass order: doc, start, end
    if kind == "float":
        return float(value)
    if kind == "int":
        return int(value)
    if kind == "bool":
        return bool(value)
    return str(value)


def _flat(d: dict[str, Any], columns: list[Column]) -> Row:
    return {c.name: coerce(_lookup(d, c.name), c.kind) for c in columns}


_LEAD = [Column("doc", "str"), Column("start", "int"), Column("end", "int"), Column("text", "str")]


def mention_columns(layer: str) -> list[Column]:
    cols = dataclass_columns(MENTION_LAYERS[layer])
    if layer == "quotes":  # a quote's text and its content's text are not stored: cut from the body
        cols = _LEAD + [c for c in cols if c.name not in ("doc", "start", "end")]
        cols.insert(cols.index(Column("content.end", "int")) + 1, Column("content.text", "str"))
    elif layer == "entities":  # the linked entity, so a row is readable without a join
        cols += [Column("entity.name", "str"), Column("entity.type", "str"), Column("entity.lat", "float"),
                 Column("entity.lon", "float"), Column("entity.country", "str")]  # fmt: skip
    return cols


def _mention_rows(corpus: Corpus, layer: str, columns: list[Column]) -> Iterator[Row]:
    for doc in corpus.documents():
        items = getattr(corpus.mentions_of([doc.id]), layer)
        for d in sorted((to_dict(m) for m in items), key=_mention_key):
            row = _flat(d, columns)
            if layer == "quotes":
                row["text"] = doc.text[d["start"] : d["end"]]
                row["content.text"] = doc.text[d["content"]["start"] : d["content"]["end"]]
            elif layer == "entities":
                e = corpus.entities.get(d.get("entity") or "")
                if e is not None:
                    row.update({"entity.name": e.name, "entity.type": e.type,
                                "entity.lat": e.geo.lat if e.geo else None, "entity.lon": e.geo.lon if e.geo else None,
                                "entity.country": e.attributes.get("country")})  # fmt: skip
            yield row


def item_columns(corpus: Corpus, layer: str) -> list[Column]:
    cls = ITEM_LAYERS[layer]
    cols = list(_LEAD)
    if layer != "events":
        return cols + dataclass_columns(cls)
    for c in dataclass_columns(cls):
        if c.name == "counts":  # one column per count key any event carries, sorted
            keys = sorted({k for ev in corpus.views.events for k in ev.counts})
            cols += [Column(f"counts.{k}", "float") for k in keys]
            continue
        cols.append(c)
        if c.name in ("place", "actors", "targets"):  # names beside ids
            cols.append(Column(f"{c.name}.name" if c.name == "place" else f"{c.name}.names", c.kind))
    return cols


def _item_rows(corpus: Corpus, layer: str, columns: list[Column]) -> Iterator[Row]:
    for item in sorted(getattr(corpus.views, layer), key=lambda x: str(x.id)):
        d = to_dict(item)
        evidence = sorted_evidence(item.evidence)
        d["evidence"] = [dataclasses.asdict(e) for e in evidence]
        if layer == "events":
            d["place.name"] = corpus.name_of(item.place)
            d["actors.names"] = [corpus.name_of(a) or a for a in item.actors]
            d["targets.names"] = [corpus.name_of(a) or a for a in item.targets]
        first = evidence[0] if evidence else Evidence("", -1, -1)
        d.update({"doc": first.doc or None, "start": None if first.start < 0 else first.start,
                  "end": None if first.end < 0 else first.end, "text": corpus.text_of(first) if evidence else None})  # fmt: skip
        row = _flat(d, columns)
        for c in columns:  # dotted names set above, and counts.KEY from the counts dict
            if c.name in d:
                row[c.name] = coerce(d[c.name], c.kind)
            elif c.name.startswith("counts."):
                row[c.name] = coerce(item.counts.get(c.name[7:]), c.kind)
        yield row


def layer_table(corpus: Corpus, layer: str) -> tuple[list[Column], Iterator[Row]]:
    """Columns and rows of one layer (documents, a mention layer or a corpus layer)."""
    if layer == "documents":
        cols = [Column(n, DOC_KINDS.get(n, "str")) for n in CSV_FIELDS]
        rows = (csv_row(d) for d in corpus.documents())  # the same row as the plain documents CSV
        return cols, ({c.name: coerce(r[c.name], c.kind) for c in cols} for r in rows)
    if layer in MENTION_LAYERS:
        cols = mention_columns(layer)
        return cols, _mention_rows(corpus, layer, cols)
    if layer in ITEM_LAYERS:
        cols = item_columns(corpus, layer)
        return cols, _item_rows(corpus, layer, cols)
    raise ValueError(f"unknown layer {layer!r} (one of {', '.join(LAYERS)})")


def write_layer_csv(corpus: Corpus, layer: str, fp: TextIO) -> int:
    """One CSV row per item of ``layer``; returns the number of rows. None is written empty;
    text a spreadsheet would run as a formula is quoted (``spreadsheet_safe``)."""
    cols, rows = layer_table(corpus, layer)
    w = csv.DictWriter(fp, fieldnames=[c.name for c in cols], lineterminator="\n")
    w.writeheader()
    n = 0
    for row in rows:
        w.writerow(spreadsheet_safe(row))
        n += 1
    return n


def _arrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise MissingExtra(
            "the parquet export needs pyarrow, which is optional: pip install 'rasd[parquet]'"
        ) from None
    return pyarrow


def write_parquet(
    corpus: Corpus, out_dir: Path, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """``OUT_DIR/LAYER.parquet`` for every layer (typed columns, empty layers included).

    Each file is written beside its target and renamed, so a failed export never leaves a
    half-written file. Returns rows per layer.
    """
    pa = _arrow()
    types_ = {
        "str": pa.string(),
        "json": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for layer in LAYERS:
        cols, rows = layer_table(corpus, layer)
        schema = pa.schema([pa.field(c.name, types_[c.kind]) for c in cols])
        data = list(rows)  # already in the columns' types
        table = pa.Table.from_pylist(data, schema=schema)
        target = out_dir / f"{layer}.parquet"
        tmp = target.with_name(target.name + ".tmp")
        try:
            pa.parquet.write_table(table, tmp)
            tmp.replace(target)
        finally:
            tmp.unlink(missing_ok=True)
        counts[layer] = len(data)
        if progress is not None:
            progress(layer, len(data))
    return counts
