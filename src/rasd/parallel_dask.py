"""Per-document steps on a Dask cluster (``rasd analyze --dask``).

``--workers N`` forks processes on this machine; ``--dask`` sends the same per-document
work to ``dask.distributed`` workers instead, so it can use other machines:

- ``local:N`` starts a ``LocalCluster`` of N worker processes, one thread each, on
  127.0.0.1 with no dashboard, and closes it when the run ends;
- ``tcp://HOST:PORT`` connects to a running scheduler, whose workers must have the same rasd
  installed (tasks are rasd functions, pickled by reference; checked when connecting).

What runs there: annotation (``stages.annotate_batch``: time, entities, quantities,
quotes), the per-article story step (``story.stage._per_document``: events, claim
records, commitments) and, of the story stage's corpus step, the two parts that split by
their blocking keys without changing the result (``story_on_dask``): incident resolution,
one task per kind group (``incidents.kind_groups``: kinds that can never meet share no
block), and the sentence encoder over the claim texts the comparison keeps (its rows do not
depend on the batch). Cleaning stays where ``--workers`` puts it; entity linking, commitment
threads, the pair-by-pair claim comparison and export stay in this process
(``docs/scale.md`` says why).

Batches are submitted with at most ``4 ×`` the cluster's threads in flight and read back in
input order, so memory is bounded and the output is the one ``--workers`` gives. A batch that
fails (an exception, a worker lost for good) is retried one document per task; a document
that still fails becomes one error line and keeps no mentions: the run goes on.
"""

from __future__ import annotations

import logging
import os
import re
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import numpy as np

import rasd
from rasd.models import DocAnalysis, Document, Entity
from rasd.stages import AnnotatedBatch, StageUnavailable, annotate_batch, apply_batch
from rasd.story.ahead import Fill
from rasd.story.claims import ClaimRecord
from rasd.story.conflicts import OUT, WINDOW, Blocks, Judged, JudgeOn, Scope, judge
from rasd.story.incidents import Parts, Report, resolve_part
from rasd.story.stage import Elsewhere, PerDoc, _per_document
from rasd.story.stance import load_model
from rasd.text.encoder import SentenceEncoder, get_encoder

log = logging.getLogger(__name__)

EXTRA = "dask"
MISSING = (
    "--dask needs the optional package 'distributed': pip install 'rasd[dask]' "
    "(or pip install -e '.[dask]' in a checkout)"
)
ANNOTATE_BATCH = 16  # documents per annotation task (as with --workers)
STORY_BATCH = 64  # documents per story task (story.stage.CHUNK)
ENCODE_BATCH = 64  # claim texts per encoder task (about a second of one core)
FIRST = 10  # priority of incident resolution over the encoder tasks queued before it
_LOCAL = re.compile(r"local:(\d+)")
_ADDRESS = re.compile(r"tcp://[^\s/]+:\d+/?")  # tls:// would need certificates: not offered

# set for LocalCluster workers before they start, so libraries size their pools at import
_ONE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
_OURS = "RASD_DASK_LOCAL_WORKER"  # set only in the LocalCluster workers this module starts

T = TypeVar("T")
R = TypeVar("R")


class DaskUnavailable(StageUnavailable):
    """``--dask`` was asked for but cannot be used (extra missing, bad target, no scheduler)."""


def parse_target(spec: str) -> int | str:
    """``local:N`` → N worker processes; ``tcp://HOST:PORT`` → that scheduler address."""
    spec = spec.strip()
    if m := _LOCAL.fullmatch(spec):
        n = int(m.group(1))
        if n < 1:
            raise ValueError("local:N needs N >= 1")
        return n
    if _ADDRESS.fullmatch(spec):
        return spec.rstrip("/")
    raise ValueError(f"expected local:N or tcp://HOST:PORT, got {spec!r}")


def one_blas_thread() -> None:
    """One BLAS/OpenMP thread per worker: the workers already fill the cores (see
    ``parallel.single_threaded_worker``, which measured the cost of more).

    The variables cover libraries loaded later (OpenMP reads them at load, and a task thread
    gets the process default, not the setup thread's limit); numpy is imported first so its
    BLAS is loaded, and limited, now rather than by the first task.
    """
    for var in _ONE_THREAD_ENV:
        os.environ[var] = "1"
    import numpy  # noqa: F401
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)


def blas_threads() -> list[int]:
    """Thread counts of the BLAS/OpenMP pools loaded here (a check, run as a task)."""
    import numpy  # noqa: F401
    from threadpoolctl import threadpool_info

    return [int(p["num_threads"]) for p in threadpool_info()]


def _ignore_interrupts() -> None:
    """Local workers share the terminal's Ctrl-C with the run; the run closes them (as the
    ``--workers`` pool does), so they ignore it instead of each printing a traceback.
    Workers of a cluster given by address are left as their owner set them."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _blas_plugin() -> Any:
    """A worker plugin calling ``one_blas_thread`` on every worker, including ones that join
    later (``Client.run`` would reach only the workers present now)."""
    from distributed import WorkerPlugin

    class OneBlasThread(WorkerPlugin):
        def setup(self, worker: Any) -> None:
            one_blas_thread()
            if os.environ.get(_OURS) == "1":
                _ignore_interrupts()

    return OneBlasThread()


@contextmanager
def dask_client(spec: str | None) -> Iterator[Any]:
    """A ``distributed.Client`` for ``spec`` (``None`` yields ``None``); the client, and the
    cluster when it was started here, are always closed on the way out."""
    if spec is None:
        yield None
        return
    try:
        target = parse_target(spec)
    except ValueError as e:
        raise DaskUnavailable(f"--dask: {e}") from None
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailable(MISSING) from None
    chatty = logging.getLogger("distributed")  # INFO lines on every start, plugin and close
    with ExitStack() as stack:  # closes client, then cluster, then restores logging, even on errors
        stack.callback(chatty.setLevel, chatty.level)
        if logging.getLogger().getEffectiveLevel() > logging.DEBUG:  # kept with --verbose
            chatty.setLevel(logging.WARNING)
        if isinstance(target, int):
            cluster = LocalCluster(
                n_workers=target, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=None, silence_logs=logging.ERROR, env={**_ONE_THREAD_ENV, _OURS: "1"},
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},  # no dashboard; its bare HTTP server on a free port
            )  # fmt: skip
            stack.callback(cluster.close)
            client = Client(cluster)
        else:
            try:
                client = Client(target, timeout="20s")
            except OSError as e:
                raise DaskUnavailable(f"--dask: no Dask scheduler at {target} ({type(e).__name__}: {e})") from None
        stack.callback(client.close)
        _check_workers(client)
        client.register_plugin(_blas_plugin(), name="rasd-one-blas-thread")
        yield client


def rasd_location() -> str:
    """Where this process imports rasd from (run on the workers by ``_check_workers``)."""
    return str(Path(rasd.__file__).parent)


def _check_workers(client: Any) -> None:
    """Fail early, in one line, when the workers cannot import rasd: otherwise every batch
    would fail and every document become an error line."""
    try:
        where = client.run(rasd_location)
    except Exception as e:
        raise DaskUnavailable(f"--dask: the Dask workers cannot run rasd (install rasd there): {_failed(e)}") from None
    log.debug("dask workers import rasd from %s", sorted(set(where.values())))


def _threads(client: Any) -> int:
    return max(1, sum(client.nthreads().values()))


def _batches(items: Sequence[T], size: int, threads: int) -> list[list[T]]:
    """Batches of at most ``size``, smaller on small corpora so every worker gets some."""
    size = max(1, min(size, -(-len(items) // (2 * threads))))
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def stream(
    client: Any, fn: Callable[..., R], batches: Sequence[list[T]], *args: Any, window: int
) -> Iterator[tuple[list[T], R | Exception]]:
    """``fn(batch, *args)`` on the cluster, at most ``window`` tasks in flight, yielded in
    input order as ``(batch, result)``; a failed task yields its exception instead.
    Tasks still queued when the consumer stops (Ctrl-C, an error) are cancelled."""
    pending: deque[tuple[list[T], Any]] = deque()

    def take() -> tuple[list[T], R | Exception]:
        batch, fut = pending.popleft()
        try:
            return batch, fut.result()
        except Exception as e:  # reported per document by the caller
            return batch, e
        finally:
            fut.release()

    try:
        for batch in batches:
            pending.append((batch, client.submit(fn, batch, *args, pure=False)))
            while len(pending) >= window:
                yield take()
        while pending:
            yield take()
    finally:
        if pending:
            client.cancel([f for _, f in pending])


def _singly(client: Any, fn: Callable[..., list[R]], batch: list[T], *args: Any) -> Iterator[tuple[T, R | Exception]]:
    """After a batch failed: each of its items in its own task, so only the culprit is lost."""
    for [item], got in stream(client, fn, [[x] for x in batch], *args, window=len(batch)):
        yield item, (got if isinstance(got, Exception) else got[0])


def _failed(e: Exception) -> str:
    return f"{type(e).__name__}: {e}"


# --- annotation ----------------------------------------------------------------------------


def _annotate_task(docs: list[Document]) -> AnnotatedBatch:
    return annotate_batch(docs)


def _annotate_one(docs: list[Document]) -> list[AnnotatedBatch]:
    return [annotate_batch(docs)]


def annotate_on_dask(
    client: Any,
    das: list[DocAnalysis],
    errors: list[tuple[str, str]],
    *,
    batch: int = ANNOTATE_BATCH,
    timings: dict[str, list[float]] | None = None,
    tick: Callable[[int], None] | None = None,
) -> None:
    """``pipeline.annotate_all`` on the cluster: same mentions, same error lines, same order."""
    timings = {} if timings is None else timings
    threads = _threads(client)

    def apply(part: list[DocAnalysis], got: AnnotatedBatch) -> None:
        apply_batch(part, got, errors, timings)

    done = 0
    by_doc = {id(da.doc): da for da in das}
    docs = [da.doc for da in das]
    for part_docs, got in stream(client, _annotate_task, _batches(docs, batch, threads), window=4 * threads):
        part = [by_doc[id(d)] for d in part_docs]
        if not isinstance(got, Exception):
            apply(part, got)
        else:
            log.debug("annotation batch failed on dask (%s); retrying its documents one by one", _failed(got))
            for doc, one in _singly(client, _annotate_one, part_docs):
                if isinstance(one, Exception):
                    errors.append((doc.source, f"annotation failed on {doc.id} (dask): {_failed(one)}"))
                else:
                    apply([by_doc[id(doc)]], one)
        done += len(part)
        if tick is not None:
            tick(done)


# --- the per-article story step -----------------------------------------------------------


def _story_task(das: list[DocAnalysis], names: dict[str, str], as_of: str) -> list[PerDoc]:
    return [_per_document(da, names, as_of) for da in das]


def per_document_on_dask(
    client: Any, ordered: list[DocAnalysis], names: dict[str, str], as_of: str, errors: list[tuple[str, str]]
) -> list[Any]:
    """The story stage's per-document step on the cluster: one result per document, in order
    (a document that fails gets an error line and no events, claims or commitments).
    The entity-name index goes to every worker once (scattered), not with every task."""
    threads = _threads(client)
    [names_f] = client.scatter([names], broadcast=True, hash=False)
    out: list[Any] = []
    try:
        for part, got in stream(client, _story_task, _batches(ordered, STORY_BATCH, threads), names_f, as_of, window=4 * threads):
            if not isinstance(got, Exception):
                out.extend(got)
                continue
            log.debug("story batch failed on dask (%s); retrying its documents one by one", _failed(got))
            for da, one in _singly(client, _story_task, part, names_f, as_of):
                if isinstance(one, Exception):
                    errors.append((da.doc.source, f"story step failed on {da.doc.id} (dask): {_failed(one)}"))
                    one = ([], [], [], [], [])  # an empty ``story.stage.PerDoc``
                out.append(one)
    finally:
        names_f.release()
    return out


def story_step_on_dask(client: Any, errors: list[tuple[str, str]]) -> Callable[..., list[Any]]:
    """The ``per_document`` hook of ``story.stage.build`` running on ``client``: same
    signature as its default step, results in document order; per-document failures are
    appended to ``errors``."""

    def on_dask(ordered: list[DocAnalysis], names: dict[str, str], as_of: str, workers: int) -> list[Any]:
        return per_document_on_dask(client, ordered, names, as_of, errors)

    return on_dask


# --- the story stage's corpus step ------------------------------------------------------


def _resolve_task(reports: list[Report], ents: Mapping[str, Entity], df: Mapping[str, int], n: int) -> list[list[int]]:
    return resolve_part(reports, ents, df, n)


def _each(client: Any, futs: list[Any], shared: Sequence[Any], here: Callable[[int], R], what: str) -> list[R]:
    """The results of ``futs`` in order; the ``k``-th, when its task failed (an error, a
    worker lost for good), computed here by ``here(k)``: a failure costs time, not output.
    Tasks left when the caller stops are cancelled; every future, and the ``shared`` ones
    scattered for the tasks, released."""
    out: list[R] = []
    try:
        for k, fut in enumerate(futs):
            try:
                out.append(fut.result())
            except Exception as e:
                log.debug("%s failed on dask (%s); done here instead", what, _failed(e))
                out.append(here(k))
    finally:
        client.cancel([f for f in futs if not f.done()])
        for f in (*futs, *shared):
            f.release()
    return out


def incidents_on_dask(client: Any) -> Parts:
    """``incidents.Parts`` on ``client``: each kind group resolved as one task, ahead of the
    encoder tasks (the largest group is the longest task)."""

    def parts(reports: Sequence[Report], ents: Mapping[str, Entity], df: Mapping[str, int], n: int,
              groups: list[list[int]]) -> list[list[list[int]]]:  # fmt: skip
        shared = client.scatter([dict(ents), dict(df)], hash=False)
        futs = [client.submit(_resolve_task, [reports[i] for i in g], *shared, n, pure=False, priority=FIRST) for g in groups]
        return _each(client, futs, shared, lambda k: resolve_part([reports[i] for i in groups[k]], ents, df, n), "a kind group's incidents")

    return parts


def _encode_task(texts: list[str]) -> np.ndarray:
    encoder = get_encoder()
    if encoder is None:  # the worker runs without the encoder (RASD_NO_ENCODER): the caller encodes
        raise RuntimeError("no sentence encoder on this Dask worker")
    return encoder.encode(texts)


class _EncodeOnDask:
    """``story.ahead.Fill`` on a cluster: texts are sent ``ENCODE_BATCH`` at a time as tasks
    and their rows kept in this process's encoder at ``finish``, in the order sent; a batch
    whose task failed is encoded here."""

    def __init__(self, client: Any, encoder: SentenceEncoder) -> None:
        self._client = client
        self._encoder = encoder
        self._buf: list[str] = []
        self._pending: deque[tuple[list[str], Any]] = deque()

    def put(self, item: list[str]) -> None:
        self._buf.extend(item)
        if len(self._buf) >= ENCODE_BATCH:
            self._send()

    def _send(self) -> None:
        if self._buf:
            self._pending.append((self._buf, self._client.submit(_encode_task, self._buf, pure=False)))
            self._buf = []

    def finish(self) -> None:
        self._send()
        while self._pending:
            texts, fut = self._pending.popleft()
            try:
                self._encoder.remember(texts, fut.result())
            except Exception as e:
                log.debug("encoder batch failed on dask (%s); encoding it here", _failed(e))
                self._encoder.encode(texts)
            finally:
                fut.release()

    def __enter__(self) -> _EncodeOnDask:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._pending:  # left early: what is still queued is not needed
            self._client.cancel([f for _, f in self._pending])
            self._pending.clear()


def encode_on_dask(client: Any) -> Callable[[SentenceEncoder], Fill]:
    """``story.ahead.FillOn`` on ``client``."""
    return lambda encoder: _EncodeOnDask(client, encoder)


def _judge_task(
    records: dict[int, ClaimRecord], scope: Scope | None, blocks: Blocks, admitted: frozenset[str] | None
) -> tuple[list[list[Judged]], dict[tuple[str, str], float]]:
    """``conflicts.judge`` of some blocks (``records``: their claims by corpus index), and the
    stance model's bound on every pair it leaves to the model or finds something in."""
    admits = None if admitted is None else (lambda r: r.claim.id in admitted)
    judged = judge(records, scope, blocks, admits)  # type: ignore[arg-type]  # indexed like the corpus's list
    pairs = list(dict.fromkeys((records[i].text, records[j].text) for block in judged for i, j, what in block if what != OUT))
    model = load_model()
    bound = getattr(model, "disagree_bound", None)
    if not pairs or bound is None:
        return judged, {}
    return judged, dict(zip(pairs, (float(b) for b in bound(pairs)), strict=True))


def _block_groups(blocks: Blocks, parts: int) -> list[Blocks]:
    """Consecutive blocks in about ``parts`` groups of equal work (a block of b claims costs
    ``min(b², b·WINDOW)`` pairs): each group is one task, and the groups' results in order
    are the blocks' in order."""
    cost = [min(len(m) ** 2, len(m) * WINDOW) for _, m in blocks]
    share = max(1, -(-sum(cost) // max(1, parts)))
    out: list[Blocks] = []
    acc = 0
    for blk, c in zip(blocks, cost, strict=True):
        if not out or acc >= share:
            out.append([])
            acc = 0
        out[-1].append(blk)
        acc += c
    return out


def judge_on_dask(client: Any) -> JudgeOn:
    """``conflicts.JudgeOn`` on ``client``: groups of claim blocks as tasks (the scope sent to
    the workers once), each with the claims its blocks hold; a group whose task fails is
    judged here (its bounds then computed here too, by the reader)."""

    def on(records: Sequence[ClaimRecord], scope: Scope | None, blocks: Blocks,
           admits: Callable[[ClaimRecord], bool] | None) -> tuple[list[list[Judged]], dict[tuple[str, str], float]]:  # fmt: skip
        groups = _block_groups(blocks, 4 * _threads(client))
        admitted = None if admits is None else frozenset(r.claim.id for r in records if admits(r))
        shared = client.scatter([scope], broadcast=True, hash=False)
        futs = [
            client.submit(_judge_task, {i: records[i] for _, m in g for i in m}, *shared, g, admitted, pure=False)
            for g in groups
        ]
        def here(k: int) -> tuple[list[list[Judged]], dict[tuple[str, str], float]]:
            return judge(records, scope, groups[k], admits), {}

        got = _each(client, futs, shared, here, "a group of claim blocks")
        return [b for judged, _ in got for b in judged], {p: v for _, bounds in got for p, v in bounds.items()}

    return on


def story_on_dask(client: Any) -> Elsewhere:
    """The parts of the story stage's corpus step that run on ``client`` (``story.stage.Elsewhere``)."""
    return Elsewhere(incidents=incidents_on_dask(client), encoder=encode_on_dask(client), claims=judge_on_dask(client))
