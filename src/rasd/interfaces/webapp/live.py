"""A served database that shows new data without a restart.

``rasd watch`` or another ``rasd analyze`` may add documents to the database while
``rasd serve`` runs. ``LiveCorpus`` stands in for a ``Corpus``: every attribute is read
from the current one, and at most every ``check_every`` seconds it asks the store for its
run log (one small query). When a new run was recorded, a fresh ``Corpus`` is built in a
background thread and swapped in whole when ready, so requests never wait for a reload
and never see half of one.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from rasd.interfaces.webapp.corpus import Corpus
from rasd.store import open_store

log = logging.getLogger(__name__)
CHECK_EVERY = 5.0  # seconds between two looks at the run log


def run_stamp(db_path: str) -> tuple[int, str | None]:
    """``(runs, newest run id)`` of the store: it changes whenever a run is recorded."""
    with open_store(db_path, readonly=True) as st:
        runs = st.runs()
    return len(runs), (str(runs[-1]["id"]) if runs else None)


class LiveCorpus:
    """Delegates to the newest ``Corpus`` of a database (see the module docstring)."""

    def __init__(
        self, db_path: str, build: Callable[[], Corpus], *, check_every: float = CHECK_EVERY,
        stamp: Callable[[str], tuple[int, str | None]] = run_stamp,
    ) -> None:  # fmt: skip
        self._db_path = db_path
        self._build = build
        self._stamp_of = stamp
        self._every = check_every
        self._stamp = stamp(db_path)
        self._current = build()
        self._checked = time.monotonic()
        self._lock = threading.Lock()
        self._loading = False
        self.generation = 0  # bumped at each swap: caches keyed on it (the report page) refresh

    def current(self) -> Corpus:
        """The corpus to answer from now; starts a background reload when the store changed."""
        now = time.monotonic()
        if now - self._checked >= self._every:
            with self._lock:
                if now - self._checked >= self._every and not self._loading:
                    self._checked = now
                    self._look()
        return self._current

    def _look(self) -> None:
        try:
            stamp = self._stamp_of(self._db_path)
        except Exception as e:  # a store mid-migration or briefly locked: try again later
            log.warning("could not read the run log of %s: %s", self._db_path, e)
            return
        if stamp == self._stamp:
            return
        self._loading = True
        threading.Thread(target=self._reload, args=(stamp,), daemon=True).start()

    def _reload(self, stamp: tuple[int, str | None]) -> None:
        try:
            fresh = self._build()
        except Exception as e:  # keep serving the old data; the next look tries again
            log.warning("reloading %s failed, still serving the previous data: %s", self._db_path, e)
        else:
            old, self._current = self._current, fresh
            self._stamp = stamp
            self.generation += 1
            old.close()
        finally:
            self._loading = False

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """For tests: wait until no reload is running; ``False`` on timeout."""
        end = time.monotonic() + timeout
        while self._loading and time.monotonic() < end:
            time.sleep(0.02)
        return not self._loading

    def __getattr__(self, name: str) -> Any:
        return getattr(self.current(), name)
