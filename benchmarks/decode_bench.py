"""Decode benchmark: what an update spends rebuilding cached results, old decoders vs new (issue 14).

An update (``rasd analyze NEW --db STORE``) reloads every stored document's cached
annotations (``Store.load_annotations`` → ``store.codec.from_dict``) and every article's
cached story results (``incremental._dec``). Both used to read the type hints for every
value; they now run decoders compiled once per hint. This script times both, the hint-
walking reference (copied below as it was) against the current code, in the same process
on the same store, and checks that they rebuild equal objects (``==`` and ``repr``).

The store is made once from the first N SaudiNewsNet records (``rasd.pipeline.analyze``,
which fills both caches) unless ``--db`` names one that exists. Times are CPU seconds of
this process (``time.process_time``), best of ``--repeat``.

    python benchmarks/decode_bench.py --records 300
    python benchmarks/decode_bench.py --db /tmp/rasd_decode_bench/snn_300.db
"""

from __future__ import annotations

import argparse
import gc
import json
import sqlite3
import sys
import tempfile
import time
import typing
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from decode_reference import ref_dec, ref_from_dict  # noqa: E402
from pipeline_bench import write_slice  # noqa: E402

from rasd import incremental  # noqa: E402
from rasd.models import DocAnalysis, Document  # noqa: E402
from rasd.store import open_store, shared  # noqa: E402
from rasd.store.codec import from_dict  # noqa: E402
from rasd.story import stage as story  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
WORK = Path(tempfile.gettempdir()) / "rasd_decode_bench"
AS_OF = "2026-11-22"

# --------------------------------------------------------------------------- store and timing


def build_store(data: Path, n: int, db: Path, workers: int) -> None:
    """A store of the first ``n`` records, both caches filled, as a user's first run makes it."""
    from rasd.pipeline import analyze  # every stage: only when a store must be made

    db.parent.mkdir(parents=True, exist_ok=True)
    src = db.with_suffix(".jsonl")
    got = write_slice(data, n, src)
    if got < n:
        sys.exit(f"error: only {got} records in {data}")
    t0 = time.perf_counter()
    analyze([str(src)], db_path=db, out_dir=db.parent / f"out_{n}", as_of=AS_OF, progress=False, workers=workers, report=False)
    print(f"built {db} from {n} records in {time.perf_counter() - t0:.0f} s wall")


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Least CPU seconds of ``repeat`` calls of ``fn``, and its last result."""
    times, out = [], None
    for _ in range(repeat):
        gc.collect()
        t0 = time.process_time()
        out = fn()
        times.append(time.process_time() - t0)
    return min(times), out


def same(a: Any, b: Any) -> bool:
    return bool(a == b) and repr(a) == repr(b)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=300, help="records in the store made (default 300)")
    ap.add_argument("--db", type=Path, help="an existing store to read (else one is made under the temp folder)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--workers", type=int, default=1, help="workers of the run that makes the store")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    db = args.db or WORK / f"snn_{args.records}.db"
    if not db.exists():
        build_store(args.data, args.records, db, args.workers)

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:  # what the caches hold, read as they are
        (fingerprint,) = con.execute("SELECT fingerprint FROM annotations GROUP BY fingerprint ORDER BY count(*) DESC").fetchone()
        results = [bytes(b) for (b,) in con.execute("SELECT data FROM results WHERE key LIKE 'doc:%' ORDER BY key")]
    with open_store(str(db)) as store:
        docs: list[Document] = list(store.iter_documents())

        def load(decode: Callable[[type, Any], Any]) -> Callable[[], dict[str, DocAnalysis]]:
            def run() -> dict[str, DocAnalysis]:
                shared.from_dict = decode  # type: ignore[assignment]  # what analysis_from_blob calls
                try:
                    return store.load_annotations(docs, fingerprint)
                finally:
                    shared.from_dict = from_dict

            return run

        ann_old_s, ann_old = best(load(ref_from_dict), args.repeat)
        ann_new_s, ann_new = best(load(from_dict), args.repeat)

    # the decode alone, on JSON parsed beforehand (the same for both)
    parsed_ann = _annotation_json(db, fingerprint)
    dec_old_s, dec_old = best(lambda: [ref_from_dict(DocAnalysis, {**d, "doc": None}) for d in parsed_ann], args.repeat)
    dec_new_s, dec_new = best(lambda: [from_dict(DocAnalysis, {**d, "doc": None}) for d in parsed_ann], args.repeat)

    hints = typing.get_args(story.PerDoc)
    unpacked = [incremental._unpack(b) for b in results]

    def stories(dec: Callable[[Any, Any], Any], items: list[Any]) -> list[tuple[Any, ...]]:
        return [tuple(dec(t, x) for t, x in zip(hints, data, strict=True)) for data in items]

    st_old_s, st_old = best(lambda: stories(ref_dec, unpacked), args.repeat)
    st_new_s, st_new = best(lambda: stories(incremental._dec, unpacked), args.repeat)
    full_old_s, _ = best(lambda: stories(ref_dec, [incremental._unpack(b) for b in results]), args.repeat)
    full_new_s, _ = best(lambda: stories(incremental._dec, [incremental._unpack(b) for b in results]), args.repeat)

    checks = {
        "load_annotations": same(ann_old, ann_new) and len(ann_new) == len(parsed_ann),
        "annotation decode": same(dec_old, dec_new),
        "story results": same(st_old, st_new),
    }
    print(f"store: {db} — {len(docs):,} documents, {len(parsed_ann):,} cached annotations, {len(results):,} cached story results")
    print(f"CPU seconds, best of {args.repeat}:")
    print(f"{'':44}{'old':>9}{'new':>9}{'speed-up':>10}")
    for name, old, new in (
        ("Store.load_annotations (SQL, zlib, JSON, decode)", ann_old_s, ann_new_s),
        ("  annotation decode alone (from_dict)", dec_old_s, dec_new_s),
        ("story cache: unpack + _dec", full_old_s, full_new_s),
        ("  story decode alone (_dec)", st_old_s, st_new_s),
    ):
        print(f"{name:44}{old:9.3f}{new:9.3f}{old / new if new else float('nan'):9.1f}x")
    print("equal objects (== and repr), old vs new: " + ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in checks.items()))
    if not all(checks.values()):
        sys.exit(1)


def _annotation_json(db: Path, fingerprint: str) -> list[dict[str, Any]]:
    """Every cached annotation of ``fingerprint`` as parsed JSON, in the order of the table."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        rows = con.execute("SELECT data FROM annotations WHERE fingerprint=? ORDER BY content_hash", (fingerprint,))
        return [json.loads(zlib.decompress(bytes(b)).decode("utf-8")) for (b,) in rows]


if __name__ == "__main__":
    main()
