"""What a run tells the person watching it, on stderr, stage by stage.

On a terminal each stage gets a rich progress bar with its count, total, rate, elapsed
time and ETA (finished bars stay, so the screen ends with what each stage cost). When
stderr is not a terminal (a log file, CI, a pipe) each stage writes one plain line when
it ends, e.g. ``rasd: annotate 296/296 documents in 41.2 s (7.2 docs/s)``; a corpus-level
stage, whose inner loop the pipeline cannot see, also writes a line when it starts, so a
long silent step is never a mystery. Disabled (``rasd … -q``), nothing is written.

``interrupt_quietly`` makes Ctrl-C stop a run with worker processes promptly and without
a traceback per worker (see its docstring).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from time import perf_counter as _now
from typing import Any, TextIO, TypeVar

T = TypeVar("T")
_SHORT = {"documents": "docs"}  # unit names shortened in rates: "7.2 docs/s"
_REFRESH_S = 0.05  # bar updates at most this often (a stage may tick 31,030 times)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):  # closed, or not a real file
        return False


def _num(n: int) -> str:
    return f"{n:,}"


class Stage:
    """One stage being reported: ``advance``/``update`` its count, set ``detail`` for the end line."""

    def __init__(self, reporter: Reporter, name: str, total: int | None, unit: str, corpus: bool = False) -> None:
        self.reporter, self.name, self.total, self.unit, self.corpus = reporter, name, total, unit, corpus
        self.done = 0
        self.detail = ""  # what the stage produced, e.g. "43 entities"
        self.counts: str | None = None  # replaces "done/total unit" in the end line when set
        self.seconds = 0.0
        self.t0 = _now()
        self._task: Any = None
        self._shown = 0.0

    def advance(self, n: int = 1) -> None:
        self.update(self.done + n)

    def update(self, done: int) -> None:
        self.done = done
        if self._task is not None and (_now() - self._shown >= _REFRESH_S or done == self.total):
            self._refresh()

    def count(self, items: Iterable[T]) -> Iterator[T]:
        """Pass ``items`` through, counting each one as done."""
        for x in items:
            yield x
            self.advance()

    def count_text(self) -> str:
        if self.counts is not None:
            return self.counts
        if self.corpus:  # its items are not counted one by one: say how many it works on
            return f"{_num(self.total or 0)} {self.unit}"
        total = f"/{_num(self.total)}" if self.total is not None else ""
        return f"{_num(self.done)}{total} {self.unit}"

    def rate(self, seconds: float) -> str:
        if not self.done or seconds < 0.01:
            return ""
        return f"{self.done / seconds:,.1f} {_SHORT.get(self.unit, self.unit)}/s"

    def summary(self) -> str:
        """The plain end line (without the ``rasd: `` prefix)."""
        rate = self.rate(self.seconds)
        return f"{self.name} {self.count_text()} in {self.seconds:.1f} s" + (f" ({rate})" if rate else "") + (
            f": {self.detail}" if self.detail else ""
        )

    def _refresh(self, final: bool = False) -> None:
        self._shown = _now()
        bar = self.reporter._bar
        fields = {"count": self.count_text(), "rate": self.rate(self._shown - self.t0), "note": self.detail}
        if final:  # a stage without a total (reading, corpus steps) ends as a full bar
            total = self.total if self.total is not None else max(self.done, 1)
            bar.update(self._task, total=total, completed=total, **fields)
        else:
            bar.update(self._task, completed=self.done, **fields)


class Reporter:
    """Progress of one run on ``stream`` (stderr): bars on a terminal, else lines, or nothing."""

    def __init__(self, enabled: bool = True, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.mode = "off" if not enabled else ("bar" if _isatty(self.stream) else "plain")
        self._bar: Any = None

    def __enter__(self) -> Reporter:
        if self.mode == "bar":
            from rich.console import Console
            from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                SpinnerColumn(finished_text="[green]✓"),
                TextColumn("{task.description:<14}"),
                BarColumn(),
                TextColumn("{task.fields[count]}"),
                TextColumn("[dim]{task.fields[rate]}"),
                TimeElapsedColumn(),
                _eta_column(),
                TextColumn("[dim]{task.fields[note]}"),
                console=Console(file=self.stream),
            )
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def line(self, text: str) -> None:
        """One plain line (only when stderr is not a terminal and reporting is on)."""
        if self.mode == "plain":
            self.stream.write(f"rasd: {text}\n")
            self.stream.flush()

    @contextmanager
    def stage(self, name: str, total: int | None = None, *, unit: str = "documents", corpus: bool = False) -> Iterator[Stage]:
        """Report the ``with`` block as stage ``name`` of ``total`` items (``None``: not known).

        ``corpus`` marks a step whose inner loop is not visible: it gets a start line too,
        and counts as done with ``total`` when it ends. A stage left by an exception
        (Ctrl-C included) writes no end line: the command reports what happened.
        """
        st = Stage(self, name, total, unit, corpus)
        if corpus:
            self.line(f"{name} {st.count_text()}: started")
        if self._bar is not None:  # no total for a corpus step: the bar pulses until it ends
            st._task = self._bar.add_task(name, total=None if corpus else total, count=st.count_text(), rate="", note="")
        yield st
        if corpus and total is not None:
            st.done = total
        st.seconds = _now() - st.t0
        if self._bar is not None:
            st._refresh(final=True)
        self.line(st.summary())


def _eta_column() -> Any:
    """``eta H:MM:SS`` while a counted stage runs; blank once done or when there is no total."""
    from datetime import timedelta

    from rich.progress import ProgressColumn
    from rich.text import Text

    class Eta(ProgressColumn):
        def render(self, task: Any) -> Text:
            if task.finished or task.total is None:
                return Text("")
            left = task.time_remaining
            return Text("eta " + ("-:--:--" if left is None else str(timedelta(seconds=int(left)))), style="dim")

    return Eta()


@contextmanager
def interrupt_quietly() -> Iterator[None]:
    """Ctrl-C raises ``KeyboardInterrupt`` in this process only; a process forked from it exits.

    A terminal sends Ctrl-C to every process of the run. Pool workers forked while this is
    in force (the story step's) inherit the handler and exit at once: their pool breaks
    and the run stops, instead of each worker printing a traceback or going on through
    every queued task. Installed only from the main thread and only over Python's
    default handler (a run started with SIGINT ignored keeps ignoring it).
    """
    if threading.current_thread() is not threading.main_thread() or (
        signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return
    pid = os.getpid()

    def handler(signum: int, frame: Any) -> None:
        if os.getpid() != pid:
            os._exit(128 + signum)  # a forked worker: no traceback, no cleanup of the parent's files
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def ignore_interrupts() -> None:
    """For worker-pool initializers: the parent handles Ctrl-C and cancels queued work."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
