"""``rasd watch DIR``: analyse pages as they land in a folder, into one store.

On start the folder is read as ``rasd analyze DIR`` reads it (same sources, same order),
then the store is analysed once, so a watcher stopped at any moment (Ctrl-C, or a kill)
is brought up to date by starting it again. After that, files that appear or change are
collected until the folder has been quiet for ``--settle`` seconds (a page being written
is not read half-way), each is stored on its own (a bad file is one error line and is
skipped; the others go on), and when any of them held a new document the corpus-level
layers are recomputed over the whole store (``pipeline.analyze``: the same result as one
run over everything). ``--once`` does the start-up pass and exits, for cron jobs and tests.

Folder events come from the ``watchdog`` library (inotify on Linux, FSEvents on macOS,
polling elsewhere). Hidden files and files without a page extension are ignored, as
``rasd analyze DIR`` ignores them, and so are the output folder and the database when they
lie inside the watched folder. A file that lands later is stored under its own name (as
``rasd analyze FILE`` names it), not its path inside the folder.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any

import typer

from rasd.ingest.readers import KNOWN_EXT
from rasd.interfaces.cli.app import DEFAULT_DB, app
from rasd.interfaces.cli.common import Interrupted
from rasd.interfaces.cli.core import (
    AnalyzeWorkersOpt,
    CliError,
    DbOpt,
    QuietOpt,
    _check_date,
    _setup_logging,
    guarded,
)

SETTLE_S = 1.0  # quiet seconds before the files that changed are read
POLL_S = 0.2  # how often the loop looks at the event queue and the stop flag
STOPPED = "documents stored so far are kept; start the watcher again to finish"


class Watcher:
    """The watch loop, usable without the CLI (tests run it in a thread with a stop event)."""

    def __init__(
        self,
        folder: Path,
        *,
        db: str,
        out: Path,
        as_of: str | None = None,
        workers: int = 1,
        progress: bool = False,
        settle: float = SETTLE_S,
        say: Callable[[str], object] = typer.echo,
        warn: Callable[[str], object] = lambda line: sys.stderr.write(line + "\n"),
    ) -> None:
        self.folder, self.db, self.out = folder.resolve(), db, out
        self.as_of, self.workers, self.progress, self.settle = as_of, workers, progress, settle
        self.say, self.warn = say, warn
        self.seen: dict[str, tuple[int, int]] = {}  # path -> (size, mtime_ns) when it was read
        self.rejected = 0  # inputs rejected so far (the exit status of --once)
        self.analyses = 0
        db_path = Path(db).resolve() if "://" not in db else None
        self._ignored = {p for p in ([db_path, *(Path(f"{db_path}{s}") for s in ("-wal", "-shm", "-journal"))] if db_path else [])}
        self._out = out.resolve()

    # ------------------------------------------------------------------ what is read

    def wanted(self, path: str) -> bool:
        p = Path(path)
        try:
            rel = p.resolve().relative_to(self.folder)
        except ValueError:
            return False
        if any(part.startswith(".") for part in rel.parts) or not p.name.lower().endswith(KNOWN_EXT):
            return False
        r = p.resolve()
        return r not in self._ignored and not r.is_relative_to(self._out)

    def _signature(self, path: str) -> tuple[int, int] | None:
        try:
            st = os.stat(path)
        except OSError:
            return None  # gone again (a temporary file), or unreadable: the reader will say
        return st.st_size, st.st_mtime_ns

    def _errors(self, errors: Iterable[tuple[str, str]]) -> None:
        for source, message in errors:
            self.warn(f"error: {source}: {message}")

    # ------------------------------------------------------------------ passes

    def start(self) -> int:
        """Store what the folder holds (as ``rasd analyze DIR`` reads it), then analyse the store.

        Returns how many inputs were rejected.
        """
        from rasd.pipeline import ingest  # numpy, scipy, datasketch…: only when the watcher starts

        for root, dirs, files in os.walk(self.folder):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for f in files:
                path = os.path.join(root, f)
                if self.wanted(path) and (sig := self._signature(path)) is not None:
                    self.seen[path] = sig
        res = ingest([str(self.folder)], db_path=self.db, progress=self.progress)
        self._errors(res.errors)
        self.rejected += res.rejected
        self._analyse(res.new, res.pages)
        return res.rejected

    def changed(self, paths: Iterable[str]) -> int:
        """Store each changed file on its own, then analyse the store if any held a new document.

        Returns how many new documents were stored.
        """
        from rasd.pipeline import StageUnavailable, ingest  # see ``start``

        new = files = 0
        for path in sorted(set(paths)):
            sig = self._signature(path)
            if sig is None or not self.wanted(path) or self.seen.get(path) == sig:
                continue
            self.seen[path] = sig
            files += 1
            try:
                res = ingest([path], db_path=self.db, progress=False)
            except (StageUnavailable, KeyboardInterrupt):
                raise
            except Exception as e:  # one bad file: one line, and the watcher goes on
                self.rejected += 1
                self.warn(f"error: {path}: {type(e).__name__}: {e}; skipped")
                continue
            self._errors(res.errors)
            self.rejected += res.rejected
            new += res.new
        if new:
            self._analyse(new, files)
        return new

    def _analyse(self, new: int, inputs: int) -> None:
        from rasd.pipeline import analyze  # see ``start``

        res = analyze([], db_path=self.db, out_dir=self.out, as_of=self.as_of, progress=self.progress, workers=self.workers)
        self._errors(res.errors)
        self.analyses += 1
        docs = res.found.get("documents", 0)
        self.say(f"{new} new document(s) from {inputs} input(s); {res.analysis_path} covers {docs} document(s)")

    # ------------------------------------------------------------------ the loop

    def run(self, stop: threading.Event | None = None, ready: threading.Event | None = None) -> None:
        """Watch until ``stop`` is set or Ctrl-C; the observer thread is always stopped and joined."""
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer

        events: queue.Queue[str] = queue.Queue()

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                if event.is_directory or event.event_type not in ("created", "modified", "moved", "closed"):
                    return
                path = event.dest_path or event.src_path  # a file renamed into place: its new name
                events.put(os.fsdecode(path))

        stop = stop or threading.Event()
        observer = Observer()
        observer.schedule(Handler(), str(self.folder), recursive=True)
        observer.start()  # before the start-up pass: nothing landing during it is missed
        try:
            self.start()
            if ready is not None:
                ready.set()
            pending: dict[str, float] = {}
            while not stop.is_set():
                try:
                    pending[events.get(timeout=POLL_S)] = time.monotonic()
                    continue  # drain what came in before looking at the clock
                except queue.Empty:
                    pass
                if pending and time.monotonic() - max(pending.values()) >= self.settle:
                    batch, pending = list(pending), {}
                    self.changed(batch)
        finally:
            observer.stop()
            observer.join()


@app.command()
@guarded
def watch(
    folder: Annotated[Path, typer.Argument(help="Folder to watch (pages as `rasd analyze` reads them, subfolders too).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory for analysis.json (and report.html).")],
    db: DbOpt = DEFAULT_DB,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Reference date YYYY-MM-DD for commitment status (default: today, UTC).", callback=_check_date)] = None,
    once: Annotated[bool, typer.Option("--once", help="Analyse what the folder holds now, then exit.")] = False,
    settle: Annotated[float, typer.Option("--settle", min=0.0, help="Seconds without changes before new files are read.")] = SETTLE_S,
    workers: AnalyzeWorkersOpt = 1,
    quiet: QuietOpt = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log debug lines.")] = False,
) -> None:
    """Analyse the pages in FOLDER, then every page that lands there, into one store (Ctrl-C stops)."""
    _setup_logging(verbose)
    if not folder.is_dir():
        raise CliError(f"not a folder: {folder}")
    say: Callable[[str], Any] = (lambda _line: None) if quiet else typer.echo
    w = Watcher(folder, db=db, out=out, as_of=as_of, workers=workers, progress=not quiet, settle=settle, say=say)
    try:
        if once:
            w.start()
        else:
            if not quiet:
                sys.stderr.write(f"rasd: watching {folder} (Ctrl-C stops)\n")
            w.run()
    except KeyboardInterrupt:
        raise Interrupted(STOPPED) from None
    if w.rejected:
        raise typer.Exit(1)  # some input rejected (the good ones are stored and analysed)
