"""``rasd watch``: pages analysed as they land, a bad file reported and skipped, Ctrl-C clean.

``--once`` on a copy of the demo corpus must give the store and ``analysis.json`` of
``rasd analyze`` on it; a running watcher picks up a page renamed into the folder, reports
a broken one and goes on; SIGINT stops it with status 130.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from rasd import pipeline
from rasd.interfaces.cli import _load_commands, app
from rasd.interfaces.cli.watch import Watcher
from rasd.models import to_dict
from rasd.store import open_store

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
AS_OF = "2025-10-01"

# Written for these tests.
PAGES = {
    "a.txt": "افتتاح جسر جديد في الموصل\n\nافتتحت محافظة نينوى يوم الأحد جسرا جديدا على نهر دجلة في مدينة الموصل، "
    "وقال المحافظ إن الجسر سيخفف الزحام عن الجسور القديمة وإن العمل في جسر ثان سينتهي بحلول نهاية العام المقبل.",
    "b.txt": "أمطار غزيرة في البصرة\n\nهطلت أمطار غزيرة على مدينة البصرة يوم الاثنين، وأعلنت مديرية الدفاع المدني "
    "أنها سحبت المياه من الشوارع الرئيسية خلال ساعات، وأكد مسؤول في البلدية أن الدوام الرسمي لن يتوقف.",
    "c.txt": "معرض للكتاب في أربيل\n\nانطلق في أربيل معرض للكتاب بمشاركة مئتي دار نشر من عشرين دولة، وقال المنظمون "
    "إن المعرض سيستمر عشرة أيام وإن عدد الزوار في اليوم الأول تجاوز خمسة آلاف زائر.",
}


def _state(db: Path, out: Path) -> dict[str, Any]:
    analysis = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    analysis.pop("generated_at")
    with open_store(str(db), readonly=True) as store:
        got = {"documents": [to_dict(d) for d in store.iter_documents()], "mentions": to_dict(store.load_mentions()),
               "views": to_dict(store.load_views()), "analysis": analysis}  # fmt: skip
    return json.loads(json.dumps(got, ensure_ascii=False, sort_keys=True))


def test_once_equals_analyze_and_skips_a_bad_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(CORPUS, folder)
    (folder / "zz_broken.json").write_text('[{"text": ', encoding="utf-8")  # not JSON: rejected, the rest analysed
    _load_commands()
    r = CliRunner().invoke(app, ["watch", str(folder), "--once", "--out", str(tmp_path / "w"), "--db", str(tmp_path / "w.db"),
                                 "--as-of", AS_OF, "-q"])  # fmt: skip
    assert r.exit_code == 1, r.output  # an input was rejected
    assert "zz_broken.json" in r.stderr
    pipeline.analyze([str(CORPUS)], db_path=tmp_path / "a.db", out_dir=tmp_path / "a", as_of=AS_OF, progress=False, report=False)
    assert _state(tmp_path / "w.db", tmp_path / "w") == _state(tmp_path / "a.db", tmp_path / "a")


def _wait(cond: Any, what: str, limit: float = 240.0) -> None:
    end = time.monotonic() + limit
    while not cond():
        assert time.monotonic() < end, f"timed out waiting for {what}"
        time.sleep(0.1)


def test_new_pages_are_analysed_as_they_land_and_a_bad_one_is_skipped(tmp_path: Path) -> None:
    folder, out, db = tmp_path / "in", tmp_path / "out", tmp_path / "rasd.db"
    folder.mkdir()
    (folder / "a.txt").write_text(PAGES["a.txt"], encoding="utf-8")
    said: list[str] = []
    warned: list[str] = []
    w = Watcher(folder, db=str(db), out=out, as_of=AS_OF, settle=0.3, say=said.append, warn=warned.append)
    stop, ready = threading.Event(), threading.Event()
    t = threading.Thread(target=w.run, args=(stop, ready), daemon=True)
    t.start()
    try:
        _wait(ready.is_set, "the start-up pass")
        assert w.analyses == 1 and "1 document(s)" in said[-1]

        tmp = folder / ".b.txt.part"  # written under a hidden name, then renamed into place
        tmp.write_text(PAGES["b.txt"], encoding="utf-8")
        os.replace(tmp, folder / "b.txt")
        _wait(lambda: w.analyses == 2, "the renamed page")
        docs = json.loads((out / "analysis.json").read_text(encoding="utf-8"))["documents"]
        assert sorted(d["source"] for d in docs) == ["a.txt", "b.txt"]

        (folder / "broken.json").write_text("{ not json", encoding="utf-8")
        _wait(lambda: w.rejected == 1, "the broken page to be reported")
        assert any("broken.json" in line for line in warned) and t.is_alive()

        (folder / "c.txt").write_text(PAGES["c.txt"], encoding="utf-8")
        _wait(lambda: w.analyses == 3, "the page after the broken one")
        assert "3 document(s)" in said[-1]
    finally:
        stop.set()
        t.join(timeout=30)
    assert not t.is_alive()
    with open_store(str(db), readonly=True) as store:
        assert store.count_documents() == 3


def test_ctrl_c_stops_the_watcher_cleanly(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(PAGES["a.txt"], encoding="utf-8")
    src = str(Path(pipeline.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    p = subprocess.Popen(
        [sys.executable, "-c", "from rasd.interfaces.cli import main; main()", "watch", str(folder),
         "--out", str(tmp_path / "out"), "--db", str(tmp_path / "rasd.db"), "--as-of", AS_OF],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert p.stdout is not None
    line = p.stdout.readline()  # after the start-up pass: "1 new document(s) …"
    assert "new document(s)" in line, line
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    with open_store(str(tmp_path / "rasd.db"), readonly=True) as store:
        assert store.count_documents() == 1
