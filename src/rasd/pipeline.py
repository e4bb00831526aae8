"""The orchestrator: pages → documents → store → annotators → resolve → story → export.

The stages are the ones ``rasd.stages`` registers (``STAGES``: each with what it requires
and assigns); this module runs them over a corpus, with a store, caches, worker processes
(``rasd.parallel``, or Dask: ``parallel_dask``) and progress lines. A stage that is not
registered (tests run with fakes) leaves its sections empty; reading pages is required.

Errors in one page or one document never stop the batch: they become one line
``source: message`` in ``RunResult.errors``. Output is deterministic (sorted by document
id and offsets); ``generated_at`` is the only field that changes between identical runs.
"""

from __future__ import annotations

import gc
import inspect
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from time import perf_counter as _now
from typing import Any

from rasd import stages
from rasd.incremental import AnnotationSaver, CachedCorpus, annotator_fingerprint, story_cache
from rasd.interfaces.export import analysis_items, write_json_file
from rasd.meter import Meter, StageStat
from rasd.models import MENTION_KINDS, VIEW_KINDS, Analysis, DocAnalysis, Document, Mentions, RawPage, Views
from rasd.parallel import Beside, Meanwhile, ordered, pool
from rasd.parallel_dask import annotate_on_dask, dask_client, story_on_dask, story_step_on_dask
from rasd.progress import Reporter, interrupt_quietly
from rasd.resolve.demonyms import read_ahead as demonyms_ahead
from rasd.resolve.entities import link, load_resources
from rasd.stages import (
    ANALYSED_LANGUAGES,
    StageUnavailable,
    annotate,
    annotate_batch,
    apply_batch,
    check_offsets,
)
from rasd.store import AddStats, Store, open_store
from rasd.store.prepare import Prepared, prepare
from rasd.story.stance import load_model

ANNOTATE_BATCH = 16  # documents per task when annotation runs in worker processes
STORY_KINDS = ("events", "incidents", "claims", "commitments", "threads", "conflicts")  # the story stage's progress line
Item = Document | Prepared


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
    analysis_path: Path | None = None
    report_path: Path | None = None
    run_id: str | None = None
    seconds: float = 0.0
    stages: list[StageStat] = field(default_factory=list)  # per-stage cost, in run order
    found: dict[str, int] = field(default_factory=dict)  # items per export section, e.g. "mentions.timex"
    reused: dict[str, int] = field(default_factory=dict)  # cached vs computed work (rasd.incremental), e.g. "doc reused"
    failed: list[str] = field(default_factory=list)  # corpus stages that raised: their sections are empty

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
    fn = stages.stage("documents")
    if fn is None:
        return [], "no document builder registered (stage 'documents')"
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
    pages_fn = stages.stage("pages")
    if pages_fn is None or stages.stage("documents") is None:
        raise StageUnavailable("ingest stages not registered: 'pages' and 'documents' (rasd.stages)")

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

    def batches() -> Iterator[list[RawPage]]:
        buf: list[RawPage] = []
        for item in items():
            if isinstance(item, tuple):
                reject(item)
                continue
            buf.append(item)
            if len(buf) >= batch:
                yield buf
                buf = []
        if buf:
            yield buf

    with pool(workers) as ex:  # at most 4 batches per worker in flight: bounded memory
        for pages, got in ordered(ex, _page_batch, batches(), window=4 * workers):
            for page, (docs, err) in zip(pages, got, strict=True):
                yield from emit(page, docs, err)


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
    result.run_id = store.record_run([str(i) for i in inputs], result.counts(), result.errors)


def annotate_all(
    das: list[DocAnalysis],
    errors: list[tuple[str, str]],
    *,
    workers: int = 1,
    batch: int | None = None,
    timings: dict[str, list[float]] | None = None,
    tick: Callable[[int], None] | None = None,
) -> None:
    """``annotate`` every document, in ``workers`` processes when there are enough of them.

    Annotators are per-document, so the result is the same whatever ``workers`` is: batches
    come back in input order and errors are appended in that order. Worker processes get
    only the document and return only the mention lists (what ``DocAnalysis`` gained).
    """
    timings = {} if timings is None else timings
    batch = batch or ANNOTATE_BATCH
    if not _annotates_elsewhere(len(das), workers, batch):
        for n, da in enumerate(das, 1):
            annotate(da, errors, timings)
            if tick is not None:
                tick(n)
        return
    chunks = [das[i : i + batch] for i in range(0, len(das), batch)]
    done = 0
    with pool(workers) as ex:  # at most 4 batches per worker in flight: bounded memory
        sent = ordered(ex, annotate_batch, ([da.doc for da in part] for part in chunks), window=4 * workers)
        for part, (_, got) in zip(chunks, sent, strict=True):
            apply_batch(part, got, errors, timings)
            done += len(part)
            if tick is not None:
                tick(done)


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
    dask_corpus: bool | None = None,
) -> RunResult:
    """The whole pipeline over ``inputs``; writes ``out_dir/analysis.json`` (+ ``report.html``).

    The analysis covers the whole store, so batch order never changes it: documents of
    earlier runs are not annotated again (their annotations are cached, ``rasd.incremental``)
    but linking and the story step run over every stored document, and the mentions and
    views are replaced in one transaction. A document seen before keeps its first id.
    ``workers`` processes clean pages and annotate documents; corpus stages run in this
    process. ``dask`` (``local:N`` or ``tcp://HOST:PORT``) runs annotation and the per-article
    story step on a Dask cluster instead (``parallel_dask``; same output); cleaning still uses
    ``workers``. ``dask_corpus``: the story stage's corpus step too (incidents by kind group,
    claim blocks, the encoder: ``parallel_dask.story_on_dask``); by default only on a cluster
    given by address, not on ``local:N``, whose workers share this machine's cores with this
    process (measured slower there, ``docs/benchmarks/dask.md``). ``report=False`` skips ``report.html``. ``RunResult.stages`` says what each
    stage cost (see ``StageStat``).
    """
    t0 = _now()
    as_of = as_of or datetime.now(UTC).strftime("%Y-%m-%d")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    result = RunResult()
    meter = Meter()
    stats = AddStats()

    # progress: one reported stage per metered one (``finish`` is too quick to mention)
    with interrupt_quietly(), dask_client(dask) as client, open_store(str(db_path)) as store, Reporter(progress) as rep, \
            _long_lived() as settle:
        with meter.stage("ingest+store") as st:
            _read(store, rep, iter_documents(inputs, result, date=date, workers=workers), result, stats)
            st.docs = result.documents
        with meter.stage("load") as st:
            docs, cached, fingerprint = _load_corpus(store, rep)
            todo = cached.todo
            st.docs = len(docs)
        timings: dict[str, list[float]] = {}
        with meter.stage("annotate", len(todo)), rep.stage("annotate", len(todo)) as ps:
            saver = AnnotationSaver(store, todo, fingerprint, ps.update, errors=result.errors)
            # while workers annotate, this process decodes the cached annotations and reads and
            # loads what the corpus stages will (``_meanwhile``); started at the first finished
            # batch, when the pool has all its workers (no fork while the thread runs)
            meanwhile = _meanwhile(cached, docs)
            elsewhere = client is not None or _annotates_elsewhere(len(todo), workers)

            def tick(done: int) -> None:
                saver(done)
                if elsewhere:
                    meanwhile.start()

            if client is not None:
                annotate_on_dask(client, todo, result.errors, timings=timings, tick=tick)
            else:
                annotate_all(todo, result.errors, workers=workers, timings=timings, tick=tick)
            saver.flush()
            meanwhile.join()
            das = cached.analyses()
            settle()  # the whole corpus's annotations: read by every later stage
            ps.detail = f"{len(das) - len(todo):,} cached" if len(das) > len(todo) else ""
        for s in stages.STAGES.annotators():
            if s.name in timings:
                w, c, n = timings[s.name]
                meter.add(f"annotate:{s.name}", w, c, int(n))
        # corpus stages see only analysed documents, so they cannot annotate a Persian page
        analysed = [da for da in das if da.doc.language in ANALYSED_LANGUAGES]
        with meter.stage("resolve", len(analysed)), rep.stage("resolve", len(analysed), corpus=True) as ps:
            entities = _call("resolve", result, [], analysed) or []  # entity linking, then quote speakers
            _call("speakers", result, 0, analysed)
            for da in analysed:  # resolve may add mentions (recalled family names): check them too
                check_offsets(da, result.errors)
            ps.detail = f"{len(entities):,} entities"
        settle()
        with meter.stage("views", len(analysed)), rep.stage("story", len(analysed), corpus=True) as ps:
            hook = _story_on(client, result.errors)  # the per-article step on Dask, else None
            failed = len(result.errors)
            with story_cache(store, result.errors) as sc:  # what the story step computed before, where its inputs hold
                away = _corpus_on(client, dask, dask_corpus, stages.stage("story"))
                kwargs = {**sc.story_kwargs(stages.stage("story"), hook), **away}
                views = _call("story", result, Views(), analysed, entities, as_of, workers, **kwargs)
                sc.complete = not any(src == "story" for src, _ in result.errors[failed:])
            result.reused = {"annotations reused": len(das) - len(todo), "annotations computed": len(todo), **sc.counts}
            views.entities = list(entities)
            ps.detail = ", ".join(f"{len(getattr(views, k)):,} {k}" for k in STORY_KINDS)
        settle()
        n_views = sum(len(getattr(views, k)) for k in VIEW_KINDS)
        analysis = Analysis(
            documents=docs,
            mentions=Mentions(**{k: [m for da in das for m in getattr(da, k)] for k in MENTION_KINDS}),
            **{k: list(getattr(views, k)) for k in VIEW_KINDS},
        )
        result.analysis_path = out / "analysis.json"
        # with workers, analysis.json is written by a forked child while this process saves
        # the store (both only read the analysis); killed if the save fails
        export = Beside(_write_analysis, result.analysis_path, analysis, as_of) if workers > 1 else None
        try:
            with meter.stage("save", len(das)), rep.stage("save", len(das)) as ps:
                # mentions (linking edits them) and views in one transaction: never half of each
                store.save_analysis(das, views)
                ps.update(len(das))
                ps.detail = f"{n_views:,} items"
        except BaseException:
            if export is not None:
                export.cancel()
            raise
        del das, analysed, views  # the Analysis holds what export and report need
        result.found = {f"mentions.{k}": len(getattr(analysis.mentions, k)) for k in MENTION_KINDS}
        result.found.update(documents=len(docs), **{k: len(getattr(analysis, k)) for k in VIEW_KINDS})
        with meter.stage("export json", len(docs)), rep.stage("export", len(docs), corpus=True) as ps:
            if export is None or not export.join():  # no child, or it failed: written here
                _write_analysis(result.analysis_path, analysis, as_of)
            ps.detail = str(result.analysis_path)
        write_report = stages.stage("report") if report else None
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


@contextmanager
def _long_lived() -> Iterator[Callable[[], None]]:
    """``settle``: what this run holds now stays to its end, so the cyclic garbage collector
    stops walking it (``gc.freeze``; undone when the run ends); what survives a full
    collection during the run is settled too. An update holds millions of objects (every
    stored document's mentions, the entities, the views), and a full collection comes each
    time the survivors grow by a quarter, so each object was walked again and again while
    the corpus stages allocate: a cost that grows with the store, for no garbage. Objects
    are still freed by their counts; only cycles among what was settled wait for the end of
    the run. Left alone where the caller froze objects itself or turned the collector off
    (its choice, not this run's to undo)."""
    ours = gc.isenabled() and gc.get_freeze_count() == 0
    if ours:
        gc.callbacks.append(_settle_survivors)
    try:
        yield gc.freeze if ours else _unchanged
    finally:
        if ours:
            gc.callbacks.remove(_settle_survivors)
            gc.unfreeze()


def _settle_survivors(phase: str, info: dict[str, int]) -> None:
    if phase == "stop" and info["generation"] == 2:
        gc.freeze()


def _unchanged() -> None:
    return None


def _write_analysis(path: Path, analysis: Analysis, as_of: str) -> None:
    write_json_file(path, analysis_items(analysis, as_of))


def _load_corpus(store: Store, rep: Reporter) -> tuple[list[Document], CachedCorpus, str]:
    """Every stored document, their cached annotations (fetched, decoded later: ``CachedCorpus``)
    and the fingerprint of the annotators that would annotate the others."""
    with rep.stage("load", store.count_documents()) as ps:
        docs = list(ps.count(store.iter_documents()))
    fingerprint = annotator_fingerprint([(s.name, s.fn) for s in stages.STAGES.annotators()])
    return docs, CachedCorpus(store, docs, fingerprint), fingerprint


def _meanwhile(cached: CachedCorpus, docs: Sequence[Document]) -> Meanwhile:
    """Work for the thread beside the annotation (``parallel.Meanwhile``): decoding the cached
    annotations; when ``resolve.entities.link`` is the linker, the demonyms of every text
    (``resolve.demonyms.read_ahead``: the text alone decides them) and its resources; the
    stance model (``story.stance.load_model``, with scikit-learn: about 1.5 s) when there is a
    story stage. Only caches are filled, so the output is the same."""
    tasks: list[Callable[[], object]] = [cached.decode]
    loads: list[Callable[[], object]] = []
    if stages.stage("resolve") is link:
        analysed = [d for d in docs if d.language in ANALYSED_LANGUAGES]
        tasks.append(lambda: demonyms_ahead(analysed))
        loads.append(load_resources)
    if stages.stage("story") is not None:
        loads.append(load_model)
    return Meanwhile(tasks, loads)


def _annotates_elsewhere(n: int, workers: int, batch: int | None = None) -> bool:
    """Whether ``annotate_all`` sends ``n`` documents to worker processes (else: here, in order)."""
    return workers > 1 and n >= 2 * (batch or ANNOTATE_BATCH)


def _story_on(client: Any, errors: list[tuple[str, str]]) -> Any:
    """The story stage's ``per_document`` hook on ``client`` (a Dask client); ``None`` without
    one (the stage then forks its own ``workers``)."""
    if client is None:
        return None
    return story_step_on_dask(client, errors)


def _remote_corpus(dask: str | None, asked: bool | None) -> bool:
    """Whether the story stage's corpus step goes to the cluster (see ``analyze``)."""
    if dask is None:
        return False
    return asked if asked is not None else not dask.strip().startswith("local:")


def _corpus_on(client: Any, dask: str | None, asked: bool | None, build: Any) -> dict[str, Any]:
    """The story stage's ``elsewhere`` argument when its corpus step goes to the cluster
    (``_remote_corpus``): incidents by kind group, claim blocks and the encoder as tasks
    (``parallel_dask.story_on_dask``)."""
    if client is None or not _remote_corpus(dask, asked) or build is None or "elsewhere" not in inspect.signature(build).parameters:
        return {}
    return {"elsewhere": story_on_dask(client)}


def _call(name: str, result: RunResult, default: Any, *args: Any, **kwargs: Any) -> Any:
    fn = stages.stage(name)
    if fn is None:
        return default
    try:
        return fn(*args, **kwargs)
    except Exception as e:  # a failed corpus stage leaves its sections empty, reported
        result.errors.append((name, f"{type(e).__name__}: {e}"))
        result.failed.append(name)
        return default
