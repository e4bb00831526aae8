"""What machine a benchmark ran on, said the same way by every benchmark script.

Figures mean little without the machine, the date and how busy the machine was, so every
``docs/benchmarks/*.md`` file starts with these facts.
"""

from __future__ import annotations

import os
import platform
import sqlite3
from datetime import UTC, datetime
from pathlib import Path


def facts() -> dict[str, str]:
    """Date, uname, cores, CPU model, memory, Python/SQLite versions and load average."""
    cpu = "unknown"
    mem = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "uname": " ".join(platform.uname()).strip(),
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "memory": mem,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "load": ", ".join(f"{x:.1f}" for x in os.getloadavg()),
    }


def markdown_lines() -> list[str]:
    """The facts as a markdown bullet list."""
    f = facts()
    return [
        f"- date: {f['date']}",
        f"- machine: `{f['uname']}`",
        f"- nproc: {f['nproc']}; CPU: {f['cpu']}; memory: {f['memory']}",
        f"- Python {f['python']}, SQLite {f['sqlite']}",
        f"- load average at start: {f['load']} (the machine may be shared; timings are then pessimistic)",
    ]


def one_line() -> str:
    """The facts in one line, for a table caption."""
    f = facts()
    return (
        f"{f['date']}; `{f['uname']}`; nproc {f['nproc']}; CPU {f['cpu']}; memory {f['memory']}; "
        f"Python {f['python']}; load average at start {f['load']}"
    )
