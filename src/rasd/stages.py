"""The pipeline's stages, declared: what each one reads (``requires``) and writes (``assigns``).

Every stage is imported directly and registered here in run order. Registering checks
that each thing a stage requires is assigned by an earlier one, so a stage moved before
its inputs fails at import instead of quietly working on nothing; a stage whose module
cannot be imported fails the import of this module (nothing is skipped).

Names of what flows: ``pages`` (``RawPage``), ``documents`` (``Document``), ``mentions.<kind>``
(one list of ``DocAnalysis`` per ``models.MENTION_KINDS``), ``entities`` (the canonical
``Entity`` list; the mentions get their ids), ``speakers`` (quote speakers' entity ids),
``views.<kind>`` (``models.Views`` fields) and ``report`` (``report.html``).

Per-document stages (``per_document``: the annotators) run here one document at a time
(``annotate``), in a worker process or not (``annotate_batch``/``apply_batch``);
``pipeline`` runs the others over the corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from time import perf_counter as _now
from time import process_time as _cpu
from typing import Any

from rasd.annotators.entities import annotate as annotate_entities
from rasd.annotators.quantities import annotate as annotate_quantities
from rasd.annotators.quotes import annotate as annotate_quotes
from rasd.annotators.time import annotate as annotate_time
from rasd.ingest import documents_from_page, iter_pages
from rasd.interfaces.report import write_report
from rasd.models import MENTION_KINDS, VIEW_KINDS, DocAnalysis, Document
from rasd.resolve.entities import link
from rasd.resolve.speakers import link_speakers
from rasd.story.stage import build

ANALYSED_LANGUAGES = frozenset({"ar"})


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline: ``fn``, and the names of what it reads and writes."""

    name: str
    fn: Callable[..., Any]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    per_document: bool = False  # an annotator: ``fn(da)`` fills its list of one ``DocAnalysis``


class StageOrderError(ValueError):
    """A stage registered twice, or before a stage that assigns what it requires."""


class StageUnavailable(RuntimeError):
    """A stage the run cannot do without (reading pages) is not registered."""


class Stages:
    """Registered stages in run order; ``register`` checks their order."""

    def __init__(self, stages: Iterable[Stage] = ()) -> None:
        self._stages: list[Stage] = []
        for s in stages:
            self.register(s)

    def register(self, s: Stage) -> Stage:
        if self.get(s.name) is not None:
            raise StageOrderError(f"stage {s.name!r} is registered twice")
        have = self.assigned()
        missing = [r for r in s.requires if r not in have]
        if missing:
            raise StageOrderError(f"stage {s.name!r} requires {', '.join(missing)}, which no earlier stage assigns")
        self._stages.append(s)
        return s

    def assigned(self) -> set[str]:
        return {a for s in self._stages for a in s.assigns}

    def get(self, name: str) -> Stage | None:
        return next((s for s in self._stages if s.name == name), None)

    def __iter__(self) -> Iterator[Stage]:
        return iter(self._stages)

    def __len__(self) -> int:
        return len(self._stages)

    def annotators(self) -> list[Stage]:
        """The per-document stages, in run order (later ones read earlier results)."""
        return [s for s in self._stages if s.per_document]


_MENTIONS = tuple(f"mentions.{k}" for k in MENTION_KINDS)
_STORY = tuple(f"views.{k}" for k in VIEW_KINDS if k != "entities")  # views.entities is the linker's list

STAGES = Stages([
    Stage("pages", iter_pages, (), ("pages",)),
    Stage("documents", documents_from_page, ("pages",), ("documents",)),
    Stage("time", annotate_time, ("documents",), ("mentions.timex",), per_document=True),
    Stage("entities", annotate_entities, ("documents",), ("mentions.entities",), per_document=True),
    Stage("quantities", annotate_quantities, ("documents", "mentions.timex", "mentions.entities"),
          ("mentions.quantities",), per_document=True),
    Stage("quotes", annotate_quotes, ("documents", "mentions.timex", "mentions.entities"),
          ("mentions.quotes",), per_document=True),
    # events are not a per-document stage: their arguments need the canonical entity ids that
    # only exist after linking, so the story stage extracts them once, after resolve
    Stage("resolve", link, ("mentions.entities",), ("entities",)),
    Stage("speakers", link_speakers, ("mentions.quotes", "entities"), ("speakers",)),
    Stage("story", build, ("documents", *_MENTIONS, "entities", "speakers"), _STORY),
    Stage("report", write_report, ("documents", *_MENTIONS, "entities", *_STORY), ("report",)),
])  # fmt: skip


def stage(name: str) -> Callable[..., Any] | None:
    """The callable of registered stage ``name`` (``None``: not registered in ``STAGES``)."""
    s = STAGES.get(name)
    return s.fn if s is not None else None


def available_stages() -> list[str]:
    return [s.name for s in STAGES]


# --------------------------------------------------------------------------- one document


def annotate(da: DocAnalysis, errors: list[tuple[str, str]], timings: dict[str, list[float]] | None = None) -> None:
    """Run the per-document stages on one document, dropping mentions whose offsets lie.

    With ``timings``, each annotator's ``[wall, cpu, documents]`` are added up there.
    """
    if da.doc.language not in ANALYSED_LANGUAGES:
        return
    for s in STAGES.annotators():
        t0, c0 = (_now(), _cpu()) if timings is not None else (0.0, 0.0)
        try:
            s.fn(da)
        except Exception as e:  # one annotator failing on one document must not stop the run
            errors.append((da.doc.source, f"annotator {s.name} failed on {da.doc.id}: {type(e).__name__}: {e}"))
        if timings is not None:
            t = timings.setdefault(s.name, [0.0, 0.0, 0])
            t[0] += _now() - t0
            t[1] += _cpu() - c0
            t[2] += 1
    check_offsets(da, errors)


AnnotatedBatch = tuple[list[dict[str, Any]], list[tuple[str, str]], dict[str, list[float]]]


def annotate_batch(docs: list[Document]) -> AnnotatedBatch:
    """Annotate ``docs`` in a worker; send back only what annotators added (not the text)."""
    errors: list[tuple[str, str]] = []
    timings: dict[str, list[float]] = {}
    out: list[dict[str, Any]] = []
    for d in docs:
        da = DocAnalysis(doc=d)
        annotate(da, errors, timings)
        out.append({k: v for k, v in vars(da).items() if k != "doc"})
    return out, errors, timings


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
    for kind in MENTION_KINDS:
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
