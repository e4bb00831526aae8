"""``kill -9`` at any moment of ``rasd analyze`` (or ``rasd watch``), then a re-run (issue 14).

A run is killed with SIGKILL (no handler, no cleanup) at several points: inside the
transaction that stores a batch of documents, while annotations are being cached, inside
the one transaction that replaces mentions and views, half-way through writing
``analysis.json``, and after a few seconds of a plain ``rasd analyze``. After each, the
same command runs again to the end. The SQLite file must pass ``PRAGMA integrity_check``,
and the store (documents, mentions, views, near-duplicate groups) and ``analysis.json``
(``generated_at`` aside) must equal those of a run that was never interrupted: nothing
lost, nothing doubled, no stale row, no temporary file left behind.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from rasd import pipeline
from rasd.models import to_dict
from rasd.store import open_store

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
AS_OF = "2025-10-01"

# Run in a child process: patch one store step so that the process SIGKILLs itself right
# there (inside the open transaction, or with half a file written), then analyse.
DRIVER = r"""
import os, signal, sys
from pathlib import Path
from rasd import pipeline
from rasd.store.sqlite import SQLiteStore

point, corpus, db, out, as_of = sys.argv[1:6]

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def after(cls, name, calls=1, before=False):
    orig = getattr(cls, name)
    seen = [0]
    def hooked(self, *a, **k):
        seen[0] += 1
        if before and seen[0] >= calls:
            die()
        r = orig(self, *a, **k)
        if seen[0] >= calls:
            die()
        return r
    setattr(cls, name, hooked)

if point == "read":  # the 5th document is inserted, its batch not committed
    after(SQLiteStore, "_add_one", calls=5)
elif point == "annotations":  # the first annotations are cached, the rest not yet
    after(SQLiteStore, "save_annotations", calls=1)
elif point == "save":  # mentions and views written, their transaction not committed
    after(SQLiteStore, "_write_views", calls=1)
elif point == "export":  # half of analysis.json in its temporary file
    def half(path, data):
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
        tmp.write_text('{"schema_version": ', encoding="utf-8")
        die()
    pipeline.write_json_file = half
if sys.argv[6] == "watch":
    from rasd.interfaces.cli.watch import Watcher
    Watcher(Path(corpus), db=db, out=Path(out), as_of=as_of).start()
else:
    pipeline.analyze([corpus], db_path=db, out_dir=out, as_of=as_of, progress=False, report=False)
"""


def contents(db: Path, out: Path) -> dict[str, Any]:
    analysis = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    analysis.pop("generated_at")
    with open_store(str(db), readonly=True) as store:
        got = {
            "documents": [to_dict(d) for d in store.iter_documents()],
            "mentions": to_dict(store.load_mentions()),
            "views": to_dict(store.load_views()),
            "groups": store.duplicate_groups(),
            "analysis": analysis,
        }
    return json.loads(json.dumps(got, ensure_ascii=False, sort_keys=True))


@cache
def reference() -> str:
    """Store and analysis.json of an uninterrupted run (computed once)."""
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        pipeline.analyze([str(CORPUS)], db_path=work / "rasd.db", out_dir=work / "out", as_of=AS_OF, progress=False, report=False)
        return json.dumps(contents(work / "rasd.db", work / "out"), ensure_ascii=False, sort_keys=True)


def _env() -> dict[str, str]:
    src = str(Path(pipeline.__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}


def _check_after_rerun(work: Path) -> None:
    db, out = work / "rasd.db", work / "out"
    pipeline.analyze([str(CORPUS)], db_path=db, out_dir=out, as_of=AS_OF, progress=False, report=False)
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()
    assert contents(db, out) == json.loads(reference())
    assert not list(out.glob("*.tmp")), "a killed run's temporary file was left behind"


@pytest.mark.parametrize(("point", "mode"), [
    ("read", "analyze"), ("annotations", "analyze"), ("save", "analyze"), ("export", "analyze"), ("save", "watch"),
])  # fmt: skip
def test_killed_at_a_step_then_rerun_equals_one_clean_run(tmp_path: Path, point: str, mode: str) -> None:
    script = tmp_path / "driver.py"
    script.write_text(DRIVER, encoding="utf-8")
    args = [sys.executable, str(script), point, str(CORPUS), str(tmp_path / "rasd.db"), str(tmp_path / "out"), AS_OF, mode]
    p = subprocess.run(args, capture_output=True, text=True, env=_env(), timeout=600, check=False)
    assert p.returncode == -signal.SIGKILL, p.stderr[-2000:]  # it died where it was meant to
    _check_after_rerun(tmp_path)


def test_rasd_analyze_killed_while_it_runs_then_rerun_equals_one_clean_run(tmp_path: Path) -> None:
    """The CLI itself, killed a moment after it opened the store: wherever that falls."""
    db = tmp_path / "rasd.db"
    args = [sys.executable, "-c", "from rasd.interfaces.cli import main; main()", "analyze", str(CORPUS), "--out", str(tmp_path / "out"),
            "--db", str(db), "--as-of", AS_OF, "-q"]  # fmt: skip
    p = subprocess.Popen(args, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while not db.exists() and p.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.5)
    p.send_signal(signal.SIGKILL)  # whatever it was doing (or done already: then nothing to undo)
    p.wait(timeout=60)
    _check_after_rerun(tmp_path)
