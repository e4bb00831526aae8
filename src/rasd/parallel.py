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

``parallel_dask`` sends the same batches to a Dask cluster instead (``--dask``).
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

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
