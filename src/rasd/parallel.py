"""Worker processes on this machine: the one scheme every parallel step of a run uses.

Two shapes, both returning results in input order, so the output is the same for any
number of workers:

- ``pool`` + ``ordered``: batches sent to worker processes (pages to clean, documents to
  annotate), at most ``window`` in flight so memory stays bounded however big the input
  is. Each worker keeps to one BLAS thread and ignores Ctrl-C; the parent stops the pool.
- ``forked``: a read-only corpus the workers inherit at fork instead of receiving it
  pickled with every task (the story step's per-article pass): tasks are index ranges,
  only results travel. Forked workers keep the parent's Ctrl-C handler
  (``progress.interrupt_quietly``: they exit at once and the pool breaks).

- ``Beside``: one task in a forked child while this process does another (the run's
  ``analysis.json`` written while the store saves).
- ``Ahead``: work handed to a helper thread while the caller goes on with its own, then
  shared by both (the story stage's sentence encoder beside its word-level model). Only for
  work that runs outside the GIL (a C library); each thread keeps to one OpenMP thread.

``parallel_dask`` sends the same batches to a Dask cluster instead (``--dask``).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Generic, TypeVar

from threadpoolctl import threadpool_limits

from rasd.progress import ignore_interrupts

B = TypeVar("B")
R = TypeVar("R")
S = TypeVar("S")

_SHARED: Any = None  # what ``forked`` workers read: set in the parent just before the fork, cleared after


def single_threaded_worker() -> None:
    """Keep each worker to one BLAS thread: the workers already fill the cores, and numpy's
    default thread pool in every worker (the entity tagger's matrix products) doubled the
    runnable threads, with the extra ones spinning in the kernel instead of tagging.
    Workers ignore Ctrl-C: the parent stops the pool (``pool``)."""
    ignore_interrupts()
    threadpool_limits(limits=1)


def can_fork() -> bool:
    return "fork" in mp.get_all_start_methods()


@contextmanager
def pool(workers: int, *, inherit: bool = False) -> Iterator[ProcessPoolExecutor]:
    """``workers`` processes; when the block fails (Ctrl-C included) queued tasks are cancelled,
    so the run stops after the tasks already running instead of finishing them all.

    ``inherit``: forked workers that keep the parent's state as it is (``forked``'s corpus,
    its Ctrl-C handler); otherwise single-threaded workers (``single_threaded_worker``).
    """
    if inherit:
        ex = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork"))
    else:
        ex = ProcessPoolExecutor(max_workers=workers, initializer=single_threaded_worker)
    try:
        yield ex
    except BaseException:
        ex.shutdown(wait=True, cancel_futures=True)
        raise
    ex.shutdown(wait=True)


def ordered(ex: ProcessPoolExecutor, fn: Callable[[B], R], batches: Iterable[B], *, window: int) -> Iterator[tuple[B, R]]:
    """``(batch, fn(batch))`` for each of ``batches``, computed on ``ex``, in input order.

    A batch is submitted as soon as ``batches`` yields it; once more than ``window`` are in
    flight the oldest is awaited, so at most ``window + 1`` batches are held at any time.
    ``batches`` may be a generator: it is read lazily, in step with the results.
    """
    pending: deque[tuple[B, Future[R]]] = deque()
    for batch in batches:
        pending.append((batch, ex.submit(fn, batch)))
        while len(pending) > window:
            done, fut = pending.popleft()
            yield done, fut.result()
    while pending:
        done, fut = pending.popleft()
        yield done, fut.result()


def _run_forked(fn: Callable[[Any, int, int], list[R]], lo: int, hi: int) -> list[R]:
    assert _SHARED is not None, "worker started without the forked corpus"
    return fn(_SHARED, lo, hi)


def forked(
    fn: Callable[[S, int, int], list[R]], shared: S, n: int, *, workers: int, chunk: int, least: int = 4
) -> list[R]:
    """``fn(shared, 0, n)``, split into ranges of ``chunk`` run in ``workers`` forked processes.

    ``fn(shared, lo, hi)`` returns one result per item ``lo..hi-1``; ``fn`` must be a module
    function (sent by name). Workers inherit ``shared`` at fork (nothing is pickled on the way
    in) and send back only their results, in order. Serial below ``least`` chunks, with one
    worker, or where ``fork`` is not available.
    """
    if workers <= 1 or n < least * chunk or not can_fork():
        return fn(shared, 0, n)
    global _SHARED
    _SHARED = shared
    try:
        with pool(workers, inherit=True) as ex:
            futures = [ex.submit(_run_forked, fn, lo, min(lo + chunk, n)) for lo in range(0, n, chunk)]
            return [r for f in futures for r in f.result()]
    finally:
        _SHARED = None


_DONE = object()  # the end of an ``Ahead`` queue


class Ahead(Generic[B]):
    """``fn(item)`` for each item ``put``, on a helper thread from the first one on, while the
    caller goes on; ``finish`` makes the caller work through what is left beside the helper,
    then waits for it. The caller's own work overlaps the helper's, and two threads share the
    tail: on two cores that is worth it only when ``fn`` releases the GIL (a C library).

    ``fn`` is called for its effects (it fills a cache); which thread runs an item, and in
    what order items finish, must not change them. Both threads keep to one OpenMP thread
    while the block is open (``with Ahead(fn) as ahead``): two OpenMP teams of two on two
    cores spin against each other. A failure of ``fn`` on the helper is raised by ``finish``;
    leaving the block early (an exception) stops the helper after its current item.
    """

    def __init__(self, fn: Callable[[B], object]) -> None:
        self._fn = fn
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._stop = False
        self._limit: Any = None

    def put(self, item: B) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._help, name="rasd-ahead", daemon=True)
            self._thread.start()
        self._queue.put(item)

    def _help(self) -> None:
        with threadpool_limits(limits=1, user_api="openmp"):  # this thread's own limit
            while not self._stop:
                item = self._queue.get()
                if item is _DONE:
                    self._queue.put(_DONE)  # left for the caller, who may still be waiting on it
                    return
                try:
                    self._fn(item)
                except BaseException as e:  # raised by ``finish`` in the caller's thread
                    self._error = e
                    self._queue.put(_DONE)
                    return

    def finish(self) -> None:
        """Work along with the helper until nothing is left, then wait for it."""
        self._queue.put(_DONE)
        while self._error is None:
            item = self._queue.get()
            if item is _DONE:
                self._queue.put(_DONE)  # the helper's stop too
                break
            self._fn(item)
        self._join()
        if self._error is not None:
            raise self._error

    def _join(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def __enter__(self) -> Ahead[B]:
        self._limit = threadpool_limits(limits=1, user_api="openmp")  # the caller's thread
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._thread is not None:  # left early: the helper stops after its current item
            self._stop = True
            self._queue.put(_DONE)
            self._join()
        if self._limit is not None:
            self._limit.restore_original_limits()
            self._limit = None


class Beside:
    """``fn(*args)`` in a forked child while this process goes on (the run's ``analysis.json``
    written while the store saves: both only read the analysis, and each is a single
    Python thread, so on two cores they take the time of the longer instead of the sum).

    ``join`` waits and says whether the child succeeded (its error text in ``error``);
    ``cancel`` kills it (the caller failed: what the child writes must not outlive that).
    Where ``fork`` is not available nothing runs and ``join`` returns ``False``, so the
    caller does the work itself. The child leaves with ``os._exit``: it never touches what
    it inherited beyond ``fn`` (no atexit handlers, no database connection closed twice).
    """

    def __init__(self, fn: Callable[..., object], *args: Any) -> None:
        self.error = ""
        self._pid: int | None = None
        self._pipe = -1
        if not can_fork():
            self.error = "fork is not available"
            return
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(r)
            code = 0
            try:
                fn(*args)
            except BaseException as e:  # reported to the parent through the pipe
                os.write(w, f"{type(e).__name__}: {e}".encode(errors="replace")[:4000])
                code = 1
            finally:
                os._exit(code)
        os.close(w)
        self._pid, self._pipe = pid, r

    def join(self) -> bool:
        if self._pid is None:
            return False
        msg = b""
        while chunk := os.read(self._pipe, 4096):
            msg += chunk
        os.close(self._pipe)
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        if status != 0:
            self.error = msg.decode(errors="replace") or f"exit status {status}"
        return status == 0

    def cancel(self) -> None:
        if self._pid is not None:
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            os.close(self._pipe)
            self._pid = None


class Meanwhile:
    """``tasks`` on one helper thread from ``start`` to ``join``, then ``loads``: work this
    process would do later, done while it only waits (worker processes annotating).

    ``start`` may be called many times (a progress tick): the first starts the thread. The
    caller starts it only where no fork follows before ``join`` (a thread at fork time can
    leave a lock held in the child) and reads nothing the tasks fill before ``join``.
    ``join`` waits and raises what a task raised; without ``start`` it runs the ``tasks``
    here (they must be done) but not the ``loads``: those only fill caches (``functools.cache``
    loaders), so one that fails is skipped and fails again where its result is used.
    """

    def __init__(self, tasks: Iterable[Callable[[], object]] = (), loads: Iterable[Callable[[], object]] = ()) -> None:
        self.tasks, self.loads = list(tasks), list(loads)
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def _run(self) -> None:
        try:
            for task in self.tasks:
                task()
        except BaseException as e:  # raised again by ``join``, in the caller's thread
            self._error = e
            return
        for load in self.loads:
            try:
                load()
            except Exception:  # loaded again where it is used, and fails there
                continue

    def start(self, *_: object) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="rasd-meanwhile", daemon=True)
            self._thread.start()

    def join(self) -> None:
        if self._thread is None:
            for task in self.tasks:
                task()
            return
        self._thread.join()
        if self._error is not None:
            raise self._error
