"""``parallel.Beside``: one task in a forked child while the run goes on (analysis.json
written while the store saves), and the run's output the same with or without it and with
the story cache's work in forked workers."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from rasd import incremental, pipeline
from rasd.parallel import Beside, can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs fork")


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _fail(path: Path) -> None:
    raise ValueError(f"cannot write {path.name}")


def _slow(path: Path) -> None:
    time.sleep(30)
    path.write_text("late", encoding="utf-8")


def test_the_child_does_the_work_and_join_says_so(tmp_path: Path) -> None:
    job = Beside(_write, tmp_path / "a.txt", "نص تجريبي")
    assert job.join() is True
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "نص تجريبي"
    assert job.error == ""


def test_a_failing_child_reports_its_error(tmp_path: Path) -> None:
    job = Beside(_fail, tmp_path / "b.txt")
    assert job.join() is False
    assert "ValueError" in job.error and "b.txt" in job.error
    assert not (tmp_path / "b.txt").exists()


def test_cancel_stops_the_child_before_it_writes(tmp_path: Path) -> None:
    t = time.monotonic()
    job = Beside(_slow, tmp_path / "c.txt")
    job.cancel()
    assert time.monotonic() - t < 10
    assert not (tmp_path / "c.txt").exists()
    assert job.join() is False  # nothing left to wait for


def _analysis(out: Path) -> dict[str, object]:
    data = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    data.pop("generated_at", None)
    return data


def test_analysis_json_is_the_same_written_beside_the_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Also with the story cache's keys and packing in forked workers (one article a task)."""
    monkeypatch.setattr(incremental, "PACK_CHUNK", 1)
    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    pages = [str(p) for p in sorted(corpus.iterdir()) if p.name[:2] in ("01", "02", "03", "04", "05")]
    outs = []
    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        pipeline.analyze(pages, db_path=tmp_path / f"s{workers}.db", out_dir=out, as_of="2024-09-01",
                         progress=False, workers=workers, report=False)  # fmt: skip
        outs.append(_analysis(out))
        assert not list(out.glob("analysis.json.*.tmp"))
    assert outs[0] == outs[1]
    assert outs[0]["documents"]
