"""Engine output on each dev article as it was before that article was annotated (chooser training data).

Usage (repo root): python benchmarks/realnews/pre_round.py OUT_DIR

Today's rules were fitted to the dev articles, so on them the engine's speaker is right 94% of
the time, against ~70% on a fresh batch: a chooser trained on today's output learns only to
trust the engine. For each dev article with a quotes layer (minus ``train_chooser.HELD_OUT``),
the commit that added its reference is found with ``git log``; the source tree of its parent
(the rules before that batch's round) is extracted to a temporary folder and run on the batch's
articles; quotes and entity mentions are written as ``OUT_DIR/rnNNN.json`` (offsets and values,
outside the repository). A child process per commit keeps the old ``rasd`` apart from today's.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]  # realnews/select.py is no stdlib select

import io  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import tarfile  # noqa: E402
import tempfile  # noqa: E402
from collections import defaultdict  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TREE = ("src", "benchmarks/realnews_bench.py", "benchmarks/timex_bench.py", "benchmarks/machine.py", "benchmarks/realnews")


def _records() -> object:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from realnews import records

    return records


def run_commit(commit: str, ids: list[str], out: Path) -> None:
    """Extract ``commit``'s tree and run its pipeline on ``ids`` in a child process."""
    got = subprocess.run(["git", "archive", commit, *TREE], cwd=ROOT, capture_output=True)
    if got.returncode:  # the first 70 dev articles came with the bench itself: no earlier bench to run
        print(f"{commit}: no bench in that tree, skipped", flush=True)
        return
    tar = got.stdout
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=io.BytesIO(tar)) as tf:
            tf.extractall(tmp, filter="data")
        env = {**os.environ, "RASD_QUOTE_CHOOSER": "0"}
        subprocess.run([sys.executable, str(Path(__file__)), "--child", tmp, str(out), *ids], cwd=ROOT, env=env, check=True)


def child(tree: str, out: Path, ids: list[str]) -> None:
    """In the child: today's records loader, the old bench's ``run_rasd`` (old ``rasd``)."""
    records = _records()
    sys.path[:0] = [tree + "/src", tree + "/benchmarks"]
    import realnews_bench as rb  # the old tree's bench, hence the old rasd

    arts = {a["id"]: a for a in records.articles("dev")}  # type: ignore[attr-defined]
    for i in ids:
        a = arts[i]
        da = rb.run_rasd(rb.Art(a["id"], records.content(a), a["dct"], {}))  # type: ignore[attr-defined]
        quotes = [{"start": q.start, "end": q.end, "cue": q.cue, "content": [q.content.start, q.content.end],
                   "direct": q.direct, "polarity": q.polarity,
                   "speaker": {k: getattr(q.speaker, k) for k in ("text", "start", "end", "medium", "entity", "role", "anonymous")}}
                  for q in da.quotes]  # fmt: skip
        ents = [{k: getattr(m, k) for k in ("start", "end", "text", "type", "entity")} for m in da.entities]
        (out / f"{i}.json").write_text(json.dumps({"quotes": quotes, "entities": ents}, ensure_ascii=False), encoding="utf-8")


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], Path(sys.argv[3]), sys.argv[4:])
        return
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    records = _records()
    sys.path.insert(0, str(HERE))
    from train_chooser import HELD_OUT

    gold = records.gold()  # type: ignore[attr-defined]
    batches: dict[str, list[str]] = defaultdict(list)
    for a in records.articles("dev"):  # type: ignore[attr-defined]
        ref = gold.get(a["id"])
        if not ref or not ref.get("done") or "quotes" not in ref.get("layers", records.LAYERS):  # type: ignore[attr-defined]
            continue
        if int(a["id"].removeprefix("rn")) in HELD_OUT or (out / f"{a['id']}.json").exists():
            continue
        path = f"benchmarks/data/realnews/refs/{a['id']}.json"
        added = subprocess.run(["git", "log", "--diff-filter=A", "--format=%H", "-1", "--", path],
                               cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
        if added:
            batches[added].append(a["id"])
    for commit, ids in sorted(batches.items()):
        print(f"{commit[:7]}^: {len(ids)} articles", flush=True)
        run_commit(commit + "^", ids, out)


if __name__ == "__main__":
    main()
