"""Every command README.md shows works as written, on the demo corpus.

The commands are read from README.md itself, so a command added there is tested without
editing this file: the ``$ rasd …`` lines of the tour, and the ``rasd …`` commands of
"More commands". They run, through the installed entry point, in a scratch folder holding
a copy of ``examples/`` (the tour's paths are relative), after the tour's own
``rasd analyze examples/corpus --out out --db out/rasd.db``, with ``RASD_DB=out/rasd.db``
as the tour asks. Each must exit 0 and print something. A "More commands" entry with a
placeholder (``DIR``, ``PAGE``, ``json|csv``) cannot run as written: its ``--help`` must
then list every option the entry names. ``rasd serve`` (it would not return) runs as
``rasd serve --check``, and ``rasd train`` (hours, and ``../shared``) only as ``--help``.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
ANALYZE = "rasd analyze examples/corpus --out out --db out/rasd.db"
DB = "out/rasd.db"
TIMEOUT = {"analyze": 600}  # seconds; other commands get DEFAULT_TIMEOUT
DEFAULT_TIMEOUT = 120
NOT_RUN = {"serve", "train"}  # long-running / needs ../shared: only --help (serve also --check)
_PLACEHOLDER = re.compile(r"^[A-Z][A-Z_]*$")  # DIR, N, PAGE, FILE, X, D


def _section(start: str, end: str) -> str:
    i = README.index(start)
    return README[i : README.index(end, i)]


def tour_commands() -> list[str]:
    """The ``$ rasd …`` lines of the tour, in order, without the ``$ ``."""
    tour = _section("## A short tour", "More commands:")
    return [line[2:].strip() for line in tour.splitlines() if line.startswith("$ rasd")]


def more_entries() -> list[str]:
    """The "More commands" bullets (continuation lines joined) and the closing ``rasd --help`` line."""
    part = _section("More commands:", "\n## ")
    items: list[str] = []
    for line in part.splitlines()[1:]:
        if line.startswith("- "):
            items.append(line[2:])
        elif line.startswith("  ") and items:
            items[-1] += " " + line.strip()
        elif "`rasd" in line:
            items.append(line)
    return items


def entry_command(entry: str) -> str:
    """The first backticked ``rasd …`` of an entry."""
    m = re.search(r"`(rasd[^`]*)`", entry)
    assert m, entry
    return m.group(1)


def entry_options(entry: str) -> list[str]:
    """Every ``--option`` an entry names in backticks (its command's and the ones it mentions)."""
    return sorted({o for span in re.findall(r"`([^`]*)`", entry) for o in re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", span)})


def words(cmd: str) -> list[str]:
    """The argv of a README command: shell words, ``# comments`` dropped, ``rasd`` removed."""
    argv = shlex.split(cmd, comments=True)
    assert argv[0] == "rasd", cmd
    return argv[1:]


def as_written(cmd: str) -> list[str] | None:
    """The argv of ``cmd`` with its ``[optional parts]`` left out, or None when a placeholder remains."""
    argv = words(re.sub(r"\s*\[[^\]]*\]", "", cmd))
    if any(_PLACEHOLDER.match(w) or "…" in w or "|" in w for w in argv):
        return None
    return argv


def subcommand(argv: list[str]) -> list[str]:
    """The command path of ``argv`` (``["train", "ner"]``, ``["entities"]``, ``[]``)."""
    path: list[str] = []
    for w in argv:
        if w.startswith("-") or not re.fullmatch(r"[a-z]+", w):
            break
        path.append(w)
        if w != "train":
            break
    return path


def rasd(argv: list[str], cwd: Path, timeout: float = DEFAULT_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Run the installed ``rasd`` (the entry point README users type), with ``RASD_DB`` set."""
    exe = Path(sys.executable).with_name("rasd")
    cmd = [str(exe)] if exe.is_file() else [sys.executable, "-c", "import sys; from rasd.interfaces.cli import main; sys.argv[0] = 'rasd'; main()"]
    env = {**os.environ, "RASD_DB": DB}
    return subprocess.run([*cmd, *argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


TOUR = tour_commands()
MORE = more_entries()
RUN = [c for c in TOUR[1:] if subcommand(words(c))[:1] != ["serve"]] + [
    " ".join(["rasd", *argv])
    for e in MORE
    if (argv := as_written(entry_command(e))) is not None and not set(subcommand(argv)[:1]) & NOT_RUN
]
HELP = [(entry_command(e), entry_options(e)) for e in MORE] + [(c, entry_options(f"`{c}`")) for c in TOUR]


def test_readme_commands_are_found() -> None:
    """The parsing above sees the README as it is (a silent empty list would test nothing)."""
    assert TOUR[0] == ANALYZE, TOUR[:1]
    assert len(TOUR) >= 8 and {"search", "show", "timex", "entities", "quotes", "conflicts"} <= {words(c)[0] for c in TOUR}
    named = {tuple(subcommand(words(entry_command(e)))) for e in MORE}
    assert {("entities",), ("timeline",), ("commitments",), ("report",), ("serve",), ("export",), ()} <= named
    assert {("train", "ner|stance")} <= {tuple(words(entry_command(e))[:2]) for e in MORE}
    assert "rasd report" in RUN and "rasd --help" in RUN and "rasd commitments" in RUN


@pytest.fixture(scope="module")
def tour(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch folder after the tour's first command: ``examples/`` copied, ``out/`` analysed."""
    here = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "examples", here / "examples")
    res = rasd(words(ANALYZE), here, timeout=TIMEOUT["analyze"])
    assert res.returncode == 0, res.stderr[-3000:]
    assert "wrote out/analysis.json and out/report.html" in res.stdout, res.stdout
    assert (here / DB).is_file() and (here / "out" / "analysis.json").is_file()
    assert "Traceback" not in res.stderr
    return here


@pytest.mark.parametrize("cmd", RUN)
def test_readme_command_runs_as_written(cmd: str, tour: Path) -> None:
    res = rasd(words(re.sub(r"\s*\[[^\]]*\]", "", cmd)), tour)
    assert res.returncode == 0, f"{cmd}\n{res.stderr[-3000:]}"
    assert res.stdout.strip(), f"{cmd}: no output\n{res.stderr[-2000:]}"
    assert "Traceback" not in res.stderr
    if words(cmd)[0] in ("search", "show"):  # answers of the store alone, stable: what the tour shows comes back
        block = _output_block(cmd)
        ids = re.findall(r"\bd_[0-9a-f]{4,}", cmd + "\n" + block)
        got = re.findall(r"\bd_[0-9a-f]{16}\b", res.stdout)
        assert ids and all(any(g.startswith(i) for g in got) for i in ids), (ids, res.stdout)
        if words(cmd)[0] == "show":
            lines = [ln for ln in block.splitlines() if ln.strip()]
            assert lines and all(ln in res.stdout.splitlines() for ln in lines), (lines, res.stdout)


def _output_block(cmd: str) -> str:
    """What the tour shows under ``$ cmd`` (empty for "More commands")."""
    m = re.search(re.escape("$ " + cmd) + r"\n(.*?)(?=\n\$ |\n```)", README, re.S)
    return m.group(1) if m else ""


@pytest.mark.parametrize(("cmd", "options"), HELP, ids=[c for c, _ in HELP])
def test_readme_command_options_exist(cmd: str, options: list[str], tmp_path: Path) -> None:
    """``rasd SUB --help`` works and lists every option README names for SUB."""
    argv = words(cmd)
    paths = [["train", t] for t in argv[1].split("|")] if argv[:1] == ["train"] else [subcommand(argv)]
    for p in paths:
        res = rasd([*p, "--help"], tmp_path)
        assert res.returncode == 0, (p, res.stderr[-2000:])
        missing = [o for o in options if o not in res.stdout]
        assert not missing, f"rasd {' '.join(p)} --help does not list {missing}"


def test_serve_with_rasd_db_builds_the_app_without_serving(tour: Path) -> None:
    """``rasd serve`` (README: "over the database") resolves RASD_DB; ``--check`` returns."""
    res = rasd(["serve", "--check"], tour)
    assert res.returncode == 0, res.stderr[-2000:]
    assert f"rasd: {DB} loads" in res.stdout
    gone = rasd(["serve", "--check", "--db", "out/none.db"], tour)
    assert gone.returncode != 0 and "database not found: out/none.db" in gone.stderr
