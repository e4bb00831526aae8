"""What each stage of a run cost: wall and CPU seconds, documents, memory high-water marks.

``Meter`` collects one ``StageStat`` per stage of ``rasd.pipeline.analyze`` (which re-exports
both names); ``benchmarks/pipeline_bench.py`` writes them to ``docs/benchmarks/``. What a
person watching the run sees is ``rasd.progress``.
"""

from __future__ import annotations

import re
import resource
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from time import perf_counter as _now
from time import process_time as _cpu


@dataclass
class StageStat:
    """What one stage of a run cost: wall and CPU seconds, and memory high-water marks.

    ``peak_rss_mb`` is this process's resident high-water mark *during the stage* (Linux
    ``VmHWM``, reset at the stage's start through ``/proc/self/clear_refs``; where that is
    not allowed it is the process's lifetime peak, ``peak_reset`` says which).
    ``child_cpu`` is the CPU time of worker processes reaped during the stage, and
    ``child_peak_mb`` the largest worker's peak RSS so far (the kernel keeps no per-stage
    figure for children). For ``annotate:<name>`` rows, the time is summed over documents
    and, with workers, over processes, so they add up to CPU rather than wall time.
    """

    name: str
    wall: float = 0.0
    cpu: float = 0.0
    child_cpu: float = 0.0
    docs: int = 0
    peak_rss_mb: float = 0.0
    rss_mb: float = 0.0
    child_peak_mb: float = 0.0
    peak_reset: bool = False

    def docs_per_s(self) -> float | None:
        return self.docs / self.wall if self.docs and self.wall > 0 else None


_STATUS_KB = re.compile(r"^(VmHWM|VmRSS):\s+(\d+)\s+kB", re.M)


def _mem_mb() -> tuple[float, float]:
    """``(peak, current)`` resident memory of this process in MB (Linux; else ru_maxrss)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            got = dict(_STATUS_KB.findall(fh.read()))
        return int(got["VmHWM"]) / 1024, int(got["VmRSS"]) / 1024
    except (OSError, KeyError, ValueError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return peak, peak


def _reset_peak() -> bool:
    """Reset the process's RSS high-water mark so the next reading is the stage's own peak."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


class Meter:
    """Collects one ``StageStat`` per ``with meter.stage(name):`` block (cost: two syscalls)."""

    def __init__(self) -> None:
        self.stats: list[StageStat] = []

    @contextmanager
    def stage(self, name: str, docs: int = 0) -> Iterator[StageStat]:
        st = StageStat(name, docs=docs, peak_reset=_reset_peak())
        ch = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0, c0, ch0 = _now(), _cpu(), ch.ru_utime + ch.ru_stime
        try:
            yield st
        finally:
            ch = resource.getrusage(resource.RUSAGE_CHILDREN)
            st.wall, st.cpu = _now() - t0, _cpu() - c0
            st.child_cpu = ch.ru_utime + ch.ru_stime - ch0
            st.child_peak_mb = ch.ru_maxrss / 1024
            st.peak_rss_mb, st.rss_mb = _mem_mb()
            self.stats.append(st)

    def add(self, name: str, wall: float, cpu: float, docs: int) -> None:
        """A stage measured elsewhere (annotator time summed over documents)."""
        self.stats.append(StageStat(name, wall=wall, cpu=cpu, docs=docs))
