"""The story layer in one call: events, claims, commitments and conflicts of a corpus.

``build`` is what the pipeline calls after entity linking. Events are extracted here
rather than taken from ``da.events`` because their arguments need the linked entity ids,
which exist only after ``resolve.entities`` has run. Complexity: extraction, claims and
commitments are linear in the text; event merging and claim comparison are blocked (see
``resolve.events`` and ``story.conflicts``), never all pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rasd.annotators import DocAnalysis
from rasd.annotators.events import BACKGROUND, extract
from rasd.models import Claim, Commitment, Conflict, Entity, Event
from rasd.story.assemble import incident_view
from rasd.story.claims import ClaimRecord, build_claims
from rasd.story.commitments import Found, find_commitments, merge_commitments
from rasd.story.conflicts import find_conflicts
from rasd.text import fold


def _name_index(entities: Sequence[Entity]) -> dict[str, str]:
    idx: dict[str, str] = {}
    for e in sorted(entities, key=lambda e: (-e.mentions, e.id)):
        for n in [e.name, *e.aliases]:
            idx.setdefault(fold(n), e.id)
    return idx


def _resolve_ids(ev: Event, names: dict[str, str]) -> None:
    """Turn ``?name`` placeholders (mentions the linker left without id) into entity ids."""

    def fix(x: str) -> str:
        return names.get(x[1:], x) if x.startswith("?") else x

    ev.actors = list(dict.fromkeys(fix(a) for a in ev.actors))
    ev.targets = list(dict.fromkeys(fix(t) for t in ev.targets))
    ev.place = fix(ev.place) if ev.place else None


def _strip_placeholders(ev: Event) -> None:
    ev.actors = [a for a in ev.actors if not a.startswith("?")]
    ev.targets = [t for t in ev.targets if not t.startswith("?") and t not in ev.actors]
    if ev.place and ev.place.startswith("?"):
        ev.place = None


PerDoc = tuple[list[Event], list[ClaimRecord], list[Found]]
CHUNK = 64  # documents per task when the per-document step runs in worker processes
_FORKED: tuple[list[DocAnalysis], dict[str, str], str] | None = None  # read by forked workers


def _per_document(da: DocAnalysis, names: dict[str, str], as_of: str) -> PerDoc:
    """Events (ids resolved), claim records and commitments of one article."""
    if da.doc.language and da.doc.language != "ar":
        return [], [], []
    evs = [ev for ev in extract(da) if ev.confidence > BACKGROUND]  # background mentions are not story events
    for ev in evs:
        _resolve_ids(ev, names)
    if da.doc.duplicate_of:
        return evs, [], []  # a syndicated copy adds evidence to events, not new claims
    return evs, build_claims(da, evs), find_commitments(da, as_of)


def _per_document_range(lo: int, hi: int) -> list[PerDoc]:
    assert _FORKED is not None, "worker started without the forked corpus"
    ordered, names, as_of = _FORKED
    return [_per_document(da, names, as_of) for da in ordered[lo:hi]]


def _per_document_all(ordered: list[DocAnalysis], names: dict[str, str], as_of: str, workers: int) -> list[PerDoc]:
    """``_per_document`` over the corpus, in ``workers`` forked processes when it pays.

    Workers inherit the analysed corpus at fork (nothing is pickled on the way in) and send
    back only their results, in order, so the output is the same for any ``workers``.
    Where ``fork`` is not available the step runs serially.
    """
    import multiprocessing as mp

    if workers <= 1 or len(ordered) < 4 * CHUNK or "fork" not in mp.get_all_start_methods():
        return [_per_document(da, names, as_of) for da in ordered]
    from concurrent.futures import ProcessPoolExecutor

    global _FORKED
    _FORKED = (ordered, names, as_of)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork")) as ex:
            futures = [ex.submit(_per_document_range, lo, lo + CHUNK) for lo in range(0, len(ordered), CHUNK)]
            return [r for f in futures for r in f.result()]
    finally:
        _FORKED = None


def build(
    das: list[DocAnalysis], entities: list[Entity], as_of: str, workers: int = 1
) -> tuple[list[Event], list[Claim], list[Commitment], list[Conflict]]:
    """``(events, claims, commitments, conflicts)`` of the corpus, deterministic order.

    The per-document step (extraction, claims, commitments) runs in ``workers`` processes;
    merging and comparison see the whole corpus in this one.
    """
    names = _name_index(entities)
    ordered = sorted(das, key=lambda d: d.doc.id)
    reports: list[Event] = []
    records: list[ClaimRecord] = []
    found: list[Found] = []
    for evs, recs, coms in _per_document_all(ordered, names, as_of, workers):
        reports.extend(evs)
        records.extend(recs)
        found.extend(coms)
    claim_index: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for r in records:  # in record order: the first claim holding a report's sentence is its claim
        c0 = r.claim.evidence[0]
        claim_index[c0.doc].append((c0.start, c0.end, r.claim.id))
    events, slot_conflicts = incident_view(reports, ordered, entities, claim_index)
    conflicts = find_conflicts(records)
    conflicts.extend(slot_conflicts)  # the one producer of incident slot (number/date) conflicts
    for ev in events:
        _strip_placeholders(ev)
    commitments = merge_commitments(found)
    claims = [r.claim for r in records]
    conflicts.sort(key=lambda k: (k.kind, k.evidence[0].doc if k.evidence else "", k.evidence[0].start if k.evidence else 0, k.id))
    return events, claims, commitments, conflicts
