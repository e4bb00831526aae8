"""What ``rasd analyze`` tells the person watching, and how Ctrl-C stops it.

Not a terminal (CliRunner's stderr is not one): one plain line per stage with counts and
seconds, a start line too for corpus-level steps. ``-q``: nothing. On a terminal: rich
bars. Ctrl-C (a ``KeyboardInterrupt`` raised from a stage): exit status 130, one line,
no traceback, and a store that opens, checks clean and finishes on the next run.
"""

from __future__ import annotations

import io
import multiprocessing as mp
import os
import re
import signal
import sqlite3
import time
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest
from test_pipeline_fakes import (  # noqa: F401
    ARTICLE_A,
    ARTICLE_B,
    ENGLISH,
    fake_documents_from_page,
    fake_ingest,
    fake_iter_pages,
    fake_time_annotate,
    route_stages,
)
from typer.testing import CliRunner

from rasd import parallel
from rasd.interfaces.cli import _load_commands, app
from rasd.progress import Reporter, interrupt_quietly
from rasd.store import open_store

_load_commands()
runner = CliRunner()
SECONDS = r"\d+\.\d s"
RATE = r"( \([\d,.]+ (docs|items)/s\))?"


def pages(d: Path, *extra: tuple[str, str]) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    for name, text in (("a.txt", ARTICLE_A), ("b.txt", ARTICLE_B), ("en.txt", ENGLISH), *extra):
        (d / name).write_text(text, encoding="utf-8")
    return d


def analyze(tmp_path: Path, *opts: str) -> tuple[int, str, str]:
    r = runner.invoke(app, ["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--db", str(tmp_path / "a.db"), *opts])
    return r.exit_code, r.stdout, r.stderr


def test_plain_line_per_stage_when_not_a_terminal(tmp_path: Path, fake_ingest: None) -> None:  # noqa: F811
    pages(tmp_path / "in")
    code, out, err = analyze(tmp_path, "--as-of", "2024-09-01")
    assert code == 0, err
    lines = [ln for ln in err.splitlines() if not ln.startswith("error: ")]  # the fake time annotator's lies
    expected = [  # 3 documents read, 2 of them Arabic (the corpus steps see only those)
        rf"rasd: read 3 page\(s\), 3 document\(s\) in {SECONDS}{RATE}",
        rf"rasd: load 3/3 documents in {SECONDS}{RATE}",
        rf"rasd: annotate 3/3 documents in {SECONDS}{RATE}",
        r"rasd: resolve 2 documents: started",
        rf"rasd: resolve 2 documents in {SECONDS}{RATE}: 0 entities",
        r"rasd: story 2 documents: started",
        rf"rasd: story 2 documents in {SECONDS}{RATE}: 0 events, 0 incidents, 0 claims, 0 commitments, 0 threads, 0 conflicts",
        rf"rasd: save 3/3 documents in {SECONDS}{RATE}: 0 items",
        r"rasd: export 3 documents: started",
        rf"rasd: export 3 documents in {SECONDS}{RATE}: {re.escape(str(tmp_path / 'out' / 'analysis.json'))}",
    ]
    assert len(lines) == len(expected), lines
    for line, pattern in zip(lines, expected, strict=True):
        assert re.fullmatch(pattern, line), (line, pattern)
    assert "3 new" in out and "rasd:" not in out  # progress never mixes into stdout


def test_rates_and_seconds_are_real(tmp_path: Path, fake_ingest: None, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    def slow(da: Any) -> None:  # 0.2 s per document: the line must say so
        time.sleep(0.2)
        fake_time_annotate(da)

    funcs = {"iter_pages": fake_iter_pages, "documents_from_page": fake_documents_from_page, "annotate": slow}
    route_stages(monkeypatch, "rasd_test_slow", funcs, {"pages", "documents", "time"}, others_absent=True)
    pages(tmp_path / "in")
    code, _, err = analyze(tmp_path)
    assert code == 0, err
    [line] = [ln for ln in err.splitlines() if ln.startswith("rasd: annotate")]
    m = re.fullmatch(r"rasd: annotate 3/3 documents in (\d+\.\d) s \(([\d.]+) docs/s\)", line)
    assert m, line
    secs, rate = float(m.group(1)), float(m.group(2))
    assert 0.4 <= secs < 30 and abs(rate - 3 / secs) < 0.5  # 2 Arabic documents × 0.2 s at least


def test_quiet_prints_nothing(tmp_path: Path, fake_ingest: None) -> None:  # noqa: F811
    pages(tmp_path / "in")
    code, out, err = analyze(tmp_path, "-q")
    assert code == 0 and out == ""
    assert err and all(ln.startswith("error: ") for ln in err.splitlines())  # errors still said, progress not
    r = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "i.db"), "--quiet"])
    assert r.exit_code == 0 and r.stdout == "" and r.stderr == ""


def test_ingest_reports_its_reading(tmp_path: Path, fake_ingest: None) -> None:  # noqa: F811
    pages(tmp_path / "in", ("empty.txt", ""))
    r = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "i.db")])
    assert r.exit_code == 1  # one input rejected
    [line] = [ln for ln in r.stderr.splitlines() if ln.startswith("rasd: ")]
    assert re.fullmatch(rf"rasd: read 3 page\(s\), 3 document\(s\) in {SECONDS}{RATE}: 1 input\(s\) rejected", line), line


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bars_on_a_terminal_lines_nowhere_else() -> None:
    tty, log = Tty(), io.StringIO()
    for stream in (tty, log):
        with Reporter(True, stream) as rep:
            with rep.stage("annotate", 4) as st:
                for _ in st.count(range(4)):
                    time.sleep(0.02)
            with rep.stage("story", 4, corpus=True) as st:
                st.detail = "7 events"
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", tty.getvalue())
    assert "annotate" in shown and "4/4 documents" in shown and "docs/s" in shown
    assert "story" in shown and "7 events" in shown and "rasd: " not in shown  # a bar, not plain lines
    assert [ln.split(" in ")[0] for ln in log.getvalue().splitlines()] == [
        "rasd: annotate 4/4 documents", "rasd: story 4 documents: started", "rasd: story 4 documents",
    ]  # fmt: skip
    off = io.StringIO()
    with Reporter(False, off) as rep, rep.stage("annotate", 1, corpus=True) as st:
        st.advance()
    assert off.getvalue() == ""


# --------------------------------------------------------------------------- Ctrl-C


def _interrupt_in(monkeypatch: pytest.MonkeyPatch, stage_name: str, attr: str) -> None:
    """Route ``stage_name`` to a function raising KeyboardInterrupt (ingest and time stay fake)."""

    def ctrl_c(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    funcs = {"iter_pages": fake_iter_pages, "documents_from_page": fake_documents_from_page,
             "annotate": fake_time_annotate, attr: ctrl_c}  # fmt: skip
    route_stages(monkeypatch, "rasd_test_ctrl_c", funcs, {"pages", "documents", "time", stage_name}, others_absent=True)


def _consistent(db: Path) -> sqlite3.Connection:
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    return con


def test_ctrl_c_in_a_stage_exits_130_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _interrupt_in(monkeypatch, "resolve", "link")
    pages(tmp_path / "in")
    code, out, err = analyze(tmp_path)
    assert code == 130
    said = [ln for ln in err.splitlines() if "interrupt" in ln.lower()]
    assert said == ["rasd: interrupted; documents stored so far are kept; run the same command again to finish"]
    assert "Traceback" not in err and "Aborted" not in err and out == ""
    assert not any(ln.startswith("rasd: resolve 2 documents in") for ln in err.splitlines())  # no end line
    assert not (tmp_path / "out" / "analysis.json").exists()
    con = _consistent(tmp_path / "a.db")
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone() == (3,)  # reading had committed
    assert con.execute("SELECT COUNT(*) FROM mentions").fetchone() == (0,)  # stopped before saving them
    con.close()
    monkeypatch.undo()  # the next run, without Ctrl-C, finishes the job on the same store
    funcs = {"iter_pages": fake_iter_pages, "documents_from_page": fake_documents_from_page, "annotate": fake_time_annotate}
    route_stages(monkeypatch, "rasd_test_again", funcs, {"pages", "documents", "time"}, others_absent=True)
    code, out, err = analyze(tmp_path)
    assert code == 0, err
    assert "0 new, 3 already stored" in out
    with open_store(str(tmp_path / "a.db"), readonly=True) as store:
        assert len(store.load_mentions().timex) == 2  # الأحد in A, الأربعاء in B (the lying fakes dropped)


def test_ctrl_c_while_reading_rolls_the_batch_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def documents(page: Any) -> Any:
        if "STOP" in page.text:
            raise KeyboardInterrupt
        return fake_documents_from_page(page)

    funcs = {"iter_pages": fake_iter_pages, "documents_from_page": documents, "annotate": fake_time_annotate}
    route_stages(monkeypatch, "rasd_test_ctrl_c_read", funcs, {"pages", "documents", "time"}, others_absent=True)
    pages(tmp_path / "in", ("z.txt", "عنوان\n\nSTOP نص"))  # read after a, b and en
    code, _, err = analyze(tmp_path)
    assert code == 130 and "Traceback" not in err
    con = _consistent(tmp_path / "a.db")
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone() == (0,)  # the open batch was rolled back
    assert con.execute("SELECT COUNT(*) FROM runs").fetchone() == (0,)
    con.close()


def test_ctrl_c_in_any_command_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import rasd.interfaces.cli.story as story

    def ctrl_c(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(story, "load_story", ctrl_c)
    r = runner.invoke(app, ["timeline", "--db", str(tmp_path / "x.db")])
    assert r.exit_code == 130 and r.stderr == "rasd: interrupted\n"


def _sleep(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def test_an_interrupted_pool_cancels_its_queue() -> None:
    futures: list[Future[float]] = []
    with pytest.raises(KeyboardInterrupt), parallel.pool(2) as ex:
        futures.extend(ex.submit(_sleep, 0.3) for _ in range(20))
        raise KeyboardInterrupt
    assert sum(f.cancelled() for f in futures) >= 15  # only the running and already-queued ones ran


def _wait_for_ctrl_c(ready: Any) -> None:
    ready.set()
    time.sleep(30)


@pytest.mark.skipif("fork" not in mp.get_all_start_methods(), reason="needs fork")
def test_forked_workers_exit_quietly_on_ctrl_c() -> None:
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        pytest.skip("SIGINT is not Python's default here (ignored, or handled by a plugin)")
    ctx = mp.get_context("fork")
    with interrupt_quietly():
        ready = ctx.Event()
        child = ctx.Process(target=_wait_for_ctrl_c, args=(ready,))
        child.start()
        assert ready.wait(10)
        os.kill(child.pid or 0, signal.SIGINT)
        child.join(10)
        assert child.exitcode == 128 + signal.SIGINT  # os._exit in the handler: no traceback, at once
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)  # this process still gets KeyboardInterrupt
            time.sleep(1)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
