"""Export formats for analysts' tools, besides the contract's JSON/JSONL/CSV (``export.py``).

- ``geojson``: geocoded places and the events at them (``geo.py``);
- ``timeml``: one TimeML document per article, TIMEX3 inline (``timeml.py``);
- ``csv --layer``: one flat table per layer (``tables.py``), and ``parquet`` the same
  tables as typed Parquet files (needs the ``[parquet]`` extra);
- ``acled``: events in ACLED's columns with CAMEO/PLOVER codes (``acled.py``).

Every writer reads a ``Corpus`` (a store or an in-memory ``Analysis``) and writes sorted,
timestamp-free output. See docs/exports.md.
"""

from __future__ import annotations

from typing import TextIO

from rasd.interfaces.exports.acled import write_acled
from rasd.interfaces.exports.corpus import Corpus, MissingExtra
from rasd.interfaces.exports.geo import feature_collection, write_geojson
from rasd.interfaces.exports.tables import LAYERS, layer_table, write_layer_csv, write_parquet
from rasd.interfaces.exports.timeml import timeml_document, write_timeml, write_timeml_dir

FORMATS = ("json", "jsonl", "csv", "geojson", "timeml", "parquet", "acled")
DIR_FORMATS = ("timeml", "parquet")  # --out names a directory
TEXT_FORMATS = ("csv", "geojson", "timeml", "acled")  # one text stream written from a ``Corpus``


def write_text(corpus: Corpus, fmt: str, layer: str, fp: TextIO) -> None:
    """The text export ``fmt`` (one of ``TEXT_FORMATS``; csv: of ``layer``) of ``corpus`` into
    ``fp``: the one dispatch ``rasd export`` and the web app's downloads share."""
    if fmt == "csv":
        write_layer_csv(corpus, layer, fp)
    elif fmt == "geojson":
        write_geojson(corpus, fp)
    elif fmt == "timeml":
        write_timeml(corpus, fp)
    elif fmt == "acled":
        write_acled(corpus, fp)
    else:
        raise ValueError(f"{fmt!r} is not a text export ({', '.join(TEXT_FORMATS)})")

__all__ = [
    "DIR_FORMATS",
    "FORMATS",
    "LAYERS",
    "Corpus",
    "MissingExtra",
    "TEXT_FORMATS",
    "feature_collection",
    "layer_table",
    "timeml_document",
    "write_acled",
    "write_geojson",
    "write_layer_csv",
    "write_parquet",
    "write_timeml",
    "write_text",
    "write_timeml_dir",
]
