"""The orchestrator: pages → documents → store → annotators → resolve → story → export.

Every stage is looked up through ``STAGES``, one registry of module names, and imported
lazily: while the project is being built a stage whose module does not exist yet is
skipped with one debug line, so the pipeline runs end to end at every step. A module
that exists but fails to import is a bug and is raised, not skipped.

Errors in one page or one document never stop the batch: they become one line
``source: message`` in ``RunResult.errors``. Output is deterministic (sorted by document
id and offsets); ``generated_at`` is the only field that changes between identical runs.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from time import perf_counter as _now
from time import process_time as _cpu
from typing import Any

from rasd.annotators import DocAnalysis
from rasd.incremental import AnnotationSaver, annotator_fingerprint, corpus_analyses, story_cache
from rasd.meter import Meter, StageStat
from rasd.models import VIEW_KINDS, Analysis, Document, Mentions, RawPage, Views
from rasd.progress import Reporter, ignore_interrupts, interrupt_quietly
from rasd.store import AddStats, Store, open_store
from rasd.store.prepare import Prepared, prepare

log = logging.getLogger(__name__)

# (stage, module, attribute). Annotators run in this order (later ones read earlier results).
STAGES: tuple[tuple[str, str, str], ...] = (
    ("pages", "rasd.ingest", "iter_pages"),
    ("documents", "rasd.ingest", "documents_from_page"),
    ("time", "rasd.annotators.time", "annotate"),
    ("entities", "rasd.annotators.entities", "annotate"),
    ("quantities", "rasd.annotators.quantities", "annotate"),
    ("quotes", "rasd.annotators.quotes", "annotate"),
    ("resolve", "rasd.resolve.entities", "link"),
    ("speakers", "rasd.resolve.speakers", "link_speakers"),
    ("story", "rasd.story.stage", "build"),
    ("report", "rasd.interfaces.report", "write_report"),
)
# events are not a per-document pass here: their arguments need the canonical entity ids
# that only exist after linking, so ``story.stage.build`` extracts them once, after resolve
ANNOTATORS = ("time", "entities", "quantities", "quotes")
ANALYSED_LANGUAGES = frozenset({"ar"})
_MENTION_KINDS = ("timex", "entities", "quantities", "quotes")
STORY_KINDS = ("events", "incidents", "claims", "commitments", "threads", "conflicts")  # the story stage's progress line
Item = Document | Prepared


class StageUnavailable(RuntimeError):
    """A stage the run cannot do without (reading pages) is not there."""


@cache
def stage(name: str) -> Callable[..., Any] | None:
    """The callable of stage ``name``, or ``None`` (logged once) when its module is not there yet."""
    for sname, module, attr in STAGES:
        if sname != name:
            continue
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as e:
            if e.name and (module == e.name or module.startswith(e.name + ".")):
                log.debug("stage %s skipped: module %s not importable yet", name, module)
                return None
            raise
        fn = getattr(mod, attr, None)
        if fn is None:
            log.debug("stage %s skipped: %s has no %s yet", name, module, attr)
        return fn
    raise KeyError(f"unknown stage {name!r}")


def available_stages() -> list[str]:
    return [s for s, _, _ in STAGES if stage(s) is not None]


@dataclass
class RunResult:
    """Counts and outputs of one run; ``errors`` are ``(source, message)`` pairs."""

    pages: int = 0
    documents: int = 0
    new: int = 0
    existing: int = 0
    duplicates: int = 0  # new documents linked to an earlier near-duplicate
    duplicate_groups: int = 0  # groups in the whole store after the run
    errors: list[tuple[str, str]] = field(default_factory=list)
    rejected: int = 0  # of ``errors``, the inputs (files, records, pages) rejected while reading
    skipped_stages: list[str] = field(default_factory=list)
    analysis_path: Path | None = None
    report_path: Path | None = None
    run_id: str | None = None
    seconds: float = 0.0
    stages: list[StageStat] = field(default_factory=list)  # per-stage cost, in run order
    found: dict[str, int] = field(default_factory=dict)  # items per export section, e.g. "mentions.timex"
    reused: dict[str, int] = field(default_factory=dict)  # cached vs computed work (rasd.incremental), e.g. "doc reused"

    def counts(self) -> dict[str, int]:
        return {
            "pages": self.pages,
            "documents": self.documents,
            "new": self.new,
            "existing": self.existing,
            "duplicates": self.duplicates,
            "duplicate_groups": self.duplicate_groups,
            "errors": len(self.errors),
        }


# --------------------------------------------------------------------------- reading


def _page_docs(page: RawPage, prep: bool = False) -> tuple[list[Item], str | None]:
    """Documents of one page, or the error message.

    In worker processes (``prep``) the store's folding and MinHash are done here too,
    in parallel; in one process the store does them, and only for new documents.
    """
    fn = stage("documents")
    if fn is None:
        return [], "no document builder available (rasd.ingest.documents_from_page missing)"
    try:
        docs = list(fn(page))
        return ([prepare(d, row=True) for d in docs] if prep else docs), None
    except Exception as e:  # one bad page must not stop the batch
        return [], f"{type(e).__name__}: {e}"


def _page_batch(pages: list[RawPage]) -> list[tuple[list[Item], str | None]]:
    return [_page_docs(p, prep=True) for p in pages]


def iter_documents(
    inputs: Sequence[str], result: RunResult, *, date: str | None = None, workers: int = 1, batch: int = 32
) -> Generator[Item, None, None]:
    """Stream the documents of ``inputs``, counting pages and errors in ``result``.

    With ``workers > 1`` pages are cleaned in processes, at most ``4 × workers`` batches
    in flight, so memory stays bounded however big the corpus is.
    """
    pages_fn = stage("pages")
    if pages_fn is None or stage("documents") is None:
        raise StageUnavailable("ingest stage not available: rasd.ingest.iter_pages/documents_from_page missing")

    def items() -> Iterator[RawPage | tuple[str, str]]:
        try:
            for item in pages_fn(list(inputs), date=date):
                if isinstance(item, RawPage):
                    yield item
                else:  # IngestError(source, message)
                    yield (str(getattr(item, "source", "?")), str(getattr(item, "message", item)))
        except Exception as e:  # a reader crash ends reading, not the run
            yield ("<input>", f"{type(e).__name__}: {e}")

    def reject(err: tuple[str, str]) -> None:
        result.errors.append(err)
        result.rejected += 1

    def emit(page: RawPage, docs: list[Item], err: str | None) -> Iterator[Item]:
        result.pages += 1
        if err:
            reject((page.source, err))
        for d in docs:
            result.documents += 1
            yield d

    if workers <= 1:
        for item in items():
            if isinstance(item, tuple):
                reject(item)
                continue
            docs, err = _page_docs(item)
            yield from emit(item, docs, err)
        return

    with _pool(workers) as ex:
        window: deque[tuple[list[RawPage], Future[list[tuple[list[Item], str | None]]]]] = deque()

        def drain(limit: int) -> Iterator[Item]:
            while len(window) > limit:
                pages, fut = window.popleft()
                for page, (docs, err) in zip(pages, fut.result(), strict=True):
                    yield from emit(page, docs, err)

        buf: list[RawPage] = []
        for item in items():
            if isinstance(item, tuple):
                reject(item)
                continue
            buf.append(item)
            if len(buf) >= batch:
                window.append((buf, ex.submit(_page_batch, buf)))
                buf = []
                yield from drain(4 * workers)
        if buf:
            window.append((buf, ex.submit(_page_batch, buf)))
        yield from drain(0)


# --------------------------------------------------------------------------- runs


def ingest(
    inputs: Sequence[str],
    *,
    db_path: str | Path,
    date: str | None = None,
    progress: bool = True,
    workers: int = 1,
    batch_size: int = 500,
) -> RunResult:
    """Read, clean, normalise and store ``inputs``, streaming; no analysis.

    ``progress`` reports the reading on stderr (see ``rasd.progress``).
    """
    t0 = _now()
    result = RunResult()
    stats = AddStats()
    with interrupt_quietly(), open_store(str(db_path), batch_size=batch_size) as store, Reporter(progress) as rep:
        _read(store, rep, iter_documents(inputs, result, date=date, workers=workers), result, stats)
        _finish(store, result, stats, inputs)
    result.seconds = _now() - t0
    return result


def _read(store: Store, rep: Reporter, items: Generator[Item, None, None], result: RunResult, stats: AddStats) -> None:
    """Store the streamed ``items`` as the progress stage "read".

    The stream is closed even when storing fails or is interrupted, so a worker pool
    reading pages stops there and then, not when the generator is collected.
    """
    with closing(items) as docs, rep.stage("read") as ps:
        store.add_documents(ps.count(docs), stats)
        ps.counts = f"{result.pages:,} page(s), {result.documents:,} document(s)"
        ps.detail = f"{result.rejected:,} input(s) rejected" if result.rejected else ""


def _finish(store: Store, result: RunResult, stats: AddStats, inputs: Sequence[str]) -> None:
    result.new, result.existing, result.duplicates = stats.new, stats.existing, stats.duplicates
    result.duplicate_groups = len(store.duplicate_groups())
    result.skipped_stages = [s for s, _, _ in STAGES if stage(s) is None]
    result.run_id = store.record_run([str(i) for i in inputs], result.counts(), result.errors)


def annotate(
    da: DocAnalysis, errors: list[tuple[str, str]], timings: dict[str, list[float]] | None = None
) -> None:
    """Run the available annotators on one document, dropping mentions whose offsets lie.

    With ``timings``, each annotator's ``[wall, cpu, documents]`` are added up there.
    """
    if da.doc.language not in ANALYSED_LANGUAGES:
        return
    for name in ANNOTATORS:
        fn = stage(name)
        if fn is None:
            continue
        t0, c0 = (_now(), _cpu()) if timings is not None else (0.0, 0.0)
        try:
            fn(da)
        except Exception as e:  # one annotator failing on one document must not stop the run
            errors.append((da.doc.source, f"annotator {name} failed on {da.doc.id}: {type(e).__name__}: {e}"))
        if timings is not None:
            t = timings.setdefault(name, [0.0, 0.0, 0])
            t[0] += _now() - t0
            t[1] += _cpu() - c0
            t[2] += 1
    check_offsets(da, errors)


AnnotatedBatch = tuple[list[dict[str, Any]], list[tuple[str, str]], dict[str, list[float]]]


def _annotate_batch(docs: list[Document]) -> AnnotatedBatch:
    """Annotate ``docs`` in a worker; send back only what annotators added (not the text)."""
    errors: list[tuple[str, str]] = []
    timings: dict[str, list[float]] = {}
    out: list[dict[str, Any]] = []
    for d in docs:
        da = DocAnalysis(doc=d)
        annotate(da, errors, timings)
        out.append({k: v for k, v in vars(da).items() if k != "doc"})
    return out, errors, timings


def _single_threaded_worker() -> None:
    """Keep each worker to one BLAS thread: the workers already fill the cores, and numpy's
    default thread pool in every worker (the entity tagger's matrix products) doubled the
    runnable threads, with the extra ones spinning in the kernel instead of tagging.
    Workers ignore Ctrl-C: the parent stops the pool (``_pool``)."""
    from threadpoolctl import threadpool_limits

    ignore_interrupts()
    threadpool_limits(limits=1)


@contextmanager
def _pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """Worker processes; when the block fails (Ctrl-C included) queued batches are cancelled,
    so the run stops after the batches already running instead of finishing them all."""
    ex = ProcessPoolExecutor(max_workers=workers, initializer=_single_threaded_worker)
    try:
        yield ex
    except BaseException:
        ex.shutdown(wait=True, cancel_futures=True)
        raise
    ex.shutdown(wait=True)


def annotate_all(
    das: list[DocAnalysis],
    errors: list[tuple[str, str]],
    *,
    workers: int = 1,
    batch: int = 16,
    timings: dict[str, list[float]] | None = None,
    tick: Callable[[int], None] | None = None,
) -> None:
    """``annotate`` every document, in ``workers`` processes when there are enough of them.

    Annotators are per-document, so the result is the same whatever ``workers`` is: batches
    come back in input order and errors are appended in that order. Worker processes get
    only the document and return only the mention lists (what ``DocAnalysis`` gained).
    """
    timings = {} if timings is None else timings
    if workers <= 1 or len(das) < 2 * batch:
        for n, da in enumerate(das, 1):
            annotate(da, errors, timings)
            if tick is not None:
                tick(n)
        return
    chunks = [das[i : i + batch] for i in range(0, len(das), batch)]
    done = 0
    with _pool(workers) as ex:
        window: deque[tuple[list[DocAnalysis], Future[AnnotatedBatch]]] = deque()

        def drain(limit: int) -> None:
            nonlocal done
            while len(window) > limit:
                part, fut = window.popleft()
                apply_batch(part, fut.result(), errors, timings)
                done += len(part)
                if tick is not None:
                    tick(done)

        for part in chunks:  # at most 4 batches per worker in flight: bounded memory
            window.append((part, ex.submit(_annotate_batch, [da.doc for da in part])))
            drain(4 * workers)
        drain(0)


def apply_batch(
    part: list[DocAnalysis], got: AnnotatedBatch, errors: list[tuple[str, str]], timings: dict[str, list[float]]
) -> None:
    """Put a worker's results for ``part`` back on its documents, with its errors and timings
    (the same step for the process pool and for Dask)."""
    fields_list, errs, tim = got
    for da, fields in zip(part, fields_list, strict=True):
        for k, v in fields.items():
            setattr(da, k, v)
    errors.extend(errs)
    for k, (w, c, n) in tim.items():
        t = timings.setdefault(k, [0.0, 0.0, 0])
        t[0] += w
        t[1] += c
        t[2] += n


def check_offsets(da: DocAnalysis, errors: list[tuple[str, str]]) -> None:
    """Drop mentions whose offsets do not give their text: the contract's first rule."""
    text = da.doc.text
    for kind in _MENTION_KINDS:
        items = getattr(da, kind)
        good = [m for m in items if _offsets_ok(text, m)]
        if len(good) != len(items):
            errors.append((da.doc.source, f"{len(items) - len(good)} {kind} mention(s) with bad offsets dropped in {da.doc.id}"))
            setattr(da, kind, good)


def _offsets_ok(text: str, m: Any) -> bool:
    if not (0 <= m.start <= m.end <= len(text)):
        return False
    t = getattr(m, "text", None)
    return t is None or text[m.start : m.end] == t


def analyze(
    inputs: Sequence[str],
    *,
    db_path: str | Path,
    out_dir: str | Path,
    date: str | None = None,
    as_of: str | None = None,
    progress: bool = True,
    workers: int = 1,
    report: bool = True,
    dask: str | None = None,
) -> RunResult:
    """The whole pipeline over ``inputs``; writes ``out_dir/analysis.json`` (+ ``report.html``).

    The analysis covers the whole store, so batch order never changes it: documents of
    earlier runs are not annotated again (their annotations are cached, ``rasd.incremental``)
    but linking and the story step run over every stored document, and the mentions and
    views are replaced in one transaction. A document seen before keeps its first id.
    ``workers`` processes clean pages and annotate documents; corpus stages run in this
    process. ``dask`` (``local:N`` or ``tcp://HOST:PORT``) runs annotation and the per-article
    story step on a Dask cluster instead (``parallel_dask``; same output); cleaning still uses
    ``workers``. ``report=False`` skips ``report.html``. ``RunResult.stages`` says what each
    stage cost (see ``StageStat``).
    """
    from rasd.interfaces.export import analysis_to_json

    t0 = _now()
    as_of = as_of or datetime.now(UTC).strftime("%Y-%m-%d")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    result = RunResult()
    meter = Meter()
    stats = AddStats()

    # progress: one reported stage per metered one (``finish`` is too quick to mention)
    from rasd.parallel_dask import dask_client

    with interrupt_quietly(), dask_client(dask) as client, open_store(str(db_path)) as store, Reporter(progress) as rep:
        with meter.stage("ingest+store") as st:
            _read(store, rep, iter_documents(inputs, result, date=date, workers=workers), result, stats)
            st.docs = result.documents
        with meter.stage("load") as st:
            docs, das, todo, fingerprint = _load_corpus(store, rep)
            st.docs = len(docs)
        timings: dict[str, list[float]] = {}
        with meter.stage("annotate", len(todo)), rep.stage("annotate", len(todo)) as ps:
            saver = AnnotationSaver(store, todo, fingerprint, ps.update, errors=result.errors)
            if client is not None:
                from rasd.parallel_dask import annotate_on_dask

                annotate_on_dask(client, todo, result.errors, timings=timings, tick=saver)
            else:
                annotate_all(todo, result.errors, workers=workers, timings=timings, tick=saver)
            saver.flush()
            ps.detail = f"{len(das) - len(todo):,} cached" if len(das) > len(todo) else ""
        for name in ANNOTATORS:
            if name in timings:
                w, c, n = timings[name]
                meter.add(f"annotate:{name}", w, c, int(n))
        # corpus stages see only analysed documents, so they cannot annotate a Persian page
        analysed = [da for da in das if da.doc.language in ANALYSED_LANGUAGES]
        with meter.stage("resolve", len(analysed)), rep.stage("resolve", len(analysed), corpus=True) as ps:
            entities = _call("resolve", result, [], analysed) or []  # entity linking, then quote speakers
            _call("speakers", result, 0, analysed)
            for da in analysed:  # resolve may add mentions (recalled family names): check them too
                check_offsets(da, result.errors)
            ps.detail = f"{len(entities):,} entities"
        with meter.stage("views", len(analysed)), rep.stage("story", len(analysed), corpus=True) as ps:
            hook = _story_on(client, result.errors)  # the per-article step on Dask, else None
            failed = len(result.errors)
            with story_cache(store, result.errors) as sc:  # what the story step computed before, where its inputs hold
                views = _call("story", result, Views(), analysed, entities, as_of, workers, **sc.story_kwargs(stage("story"), hook))
                sc.complete = not any(src == "story" for src, _ in result.errors[failed:])
            result.reused = {"annotations reused": len(das) - len(todo), "annotations computed": len(todo), **sc.counts}
            views.entities = list(entities)
            ps.detail = ", ".join(f"{len(getattr(views, k)):,} {k}" for k in STORY_KINDS)
        n_views = sum(len(getattr(views, k)) for k in VIEW_KINDS)
        with meter.stage("save", len(das)), rep.stage("save", len(das)) as ps:
            # mentions (linking edits them) and views in one transaction: never half of each
            store.save_analysis(das, views)
            ps.update(len(das))
            ps.detail = f"{n_views:,} items"
        analysis = Analysis(
            documents=docs,
            mentions=Mentions(**{k: [m for da in das for m in getattr(da, k)] for k in _MENTION_KINDS}),
            **{k: list(getattr(views, k)) for k in VIEW_KINDS},
        )
        del das, analysed, views  # the Analysis holds what export and report need
        result.found = {f"mentions.{k}": len(getattr(analysis.mentions, k)) for k in _MENTION_KINDS}
        result.found.update(documents=len(docs), **{k: len(getattr(analysis, k)) for k in VIEW_KINDS})
        result.analysis_path = out / "analysis.json"
        with meter.stage("export json", len(docs)), rep.stage("export", len(docs), corpus=True) as ps:
            _write_atomic(result.analysis_path, analysis_to_json(analysis, as_of))
            ps.detail = str(result.analysis_path)
        write_report = stage("report") if report else None
        if write_report is not None:
            with meter.stage("report html", len(docs)), rep.stage("report", len(docs), corpus=True) as ps:
                ps.detail = str(out / "report.html")
                try:
                    write_report(analysis, out / "report.html", as_of)
                    result.report_path = out / "report.html"
                except Exception as e:
                    result.errors.append(("report", f"{type(e).__name__}: {e}"))
                    ps.detail = "failed (see the error lines)"
        with meter.stage("finish"):
            _finish(store, result, stats, inputs)
    result.seconds = _now() - t0
    result.stages = meter.stats
    return result


def _load_corpus(store: Store, rep: Reporter) -> tuple[list[Document], list[DocAnalysis], list[DocAnalysis], str]:
    """Every stored document, its ``DocAnalysis`` (cached annotations where there are), the
    ones still to annotate, and the fingerprint of the annotators that would annotate them."""
    with rep.stage("load", store.count_documents()) as ps:
        docs = list(ps.count(store.iter_documents()))
    fingerprint = annotator_fingerprint([(n, stage(n)) for n in ANNOTATORS])
    das, todo = corpus_analyses(store, docs, fingerprint)
    return docs, das, todo, fingerprint


def _story_on(client: Any, errors: list[tuple[str, str]]) -> Any:
    """The story stage's ``per_document`` hook on ``client`` (a Dask client); ``None`` without
    one (the stage then forks its own ``workers``)."""
    if client is None:
        return None
    from rasd.parallel_dask import story_step_on_dask

    return story_step_on_dask(client, errors)


def _call(name: str, result: RunResult, default: Any, *args: Any, **kwargs: Any) -> Any:
    fn = stage(name)
    if fn is None:
        return default
    try:
        return fn(*args, **kwargs)
    except Exception as e:  # a failed corpus stage leaves its sections empty, reported
        result.errors.append((name, f"{type(e).__name__}: {e}"))
        return default


def _write_atomic(path: Path, data: dict[str, Any]) -> None:
    """Write through ``NAME.PID.tmp``; temp files of killed runs (PID gone) are removed first."""
    import json

    for old in path.parent.glob(f"{path.name}.*.tmp"):
        pid = old.name[len(path.name) + 1 : -len(".tmp")]
        if pid.isdigit() and int(pid) > 0 and not _alive(int(pid)):
            old.unlink(missing_ok=True)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as fp:
        json.dump(data, fp, ensure_ascii=False, indent=1)
        fp.write("\n")
    tmp.replace(path)


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists (signal 0 checks without sending anything)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to another user
        return True
    return True
