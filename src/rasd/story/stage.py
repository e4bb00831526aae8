"""The story stage in one call: reports, incidents, claims, commitment threads and conflicts.

``build`` is what the pipeline calls after entity linking. Events are extracted here
rather than taken from ``da.events`` because their arguments need the linked entity ids,
which exist only after ``resolve.entities`` has run. Every event is one document's report
and keeps its own id; ``story.assemble`` groups reports into incidents, each report in
exactly one. Conflicts have one shape (``models.Conflict`` with both sides inline):
``slot`` disagreements inside an incident (``story.slots``), ``polarity`` between two
claims of one incident or one commitment thread (``story.conflicts`` gated by ``_Scope``),
and ``deadline`` ones from the threads (``story.threads``).

Complexity: extraction, claims, commitments, the report cues of threads and what each
report's sentence tells incident resolution are linear in the text and run per document (in
``workers`` processes, or wherever the ``per_document`` hook sends them): the corpus steps
in this process only look them up;
incident grouping and claim comparison are blocked (see ``story.incidents``,
``resolve.events``, ``story.conflicts``), never all pairs; claim lookups by offset are
logarithmic.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from rasd.annotators.events import BACKGROUND, extract
from rasd.models import DocAnalysis, Entity, Event, Evidence, Incident, Thread, Views
from rasd.parallel import forked
from rasd.resources import load_table
from rasd.story.ahead import FillOn, Reader
from rasd.story.assemble import assemble
from rasd.story.claims import ClaimRecord, build_claims, family
from rasd.story.commitments import Found, find_commitments
from rasd.story.conflicts import JudgeOn, find_conflicts, read_ahead
from rasd.story.figure_cache import FigureReader
from rasd.story.incidents import Parts
from rasd.story.reports import Told, told_of
from rasd.story.stance import load_model
from rasd.story.threads import SentenceCue, build_threads, sentence_cues
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


PerDoc = tuple[list[Event], list[ClaimRecord], list[Found], list[SentenceCue], list[Told | None]]
# the per-document step over the corpus: (documents by id, entity-name index, as_of, workers) -> one PerDoc each, in order
PerDocument = Callable[[list[DocAnalysis], dict[str, str], str, int], list[PerDoc]]
CHUNK = 64  # documents per task when the per-document step runs in worker processes
Corpus = tuple[list[DocAnalysis], dict[str, str], str]  # what the per-document step reads: documents, names, as_of


def _per_document(da: DocAnalysis, names: dict[str, str], as_of: str) -> PerDoc:
    """Events (ids resolved), claim records, commitments, report cues (``threads.sentence_cues``)
    and what each event's sentence tells incident resolution (``story.reports.told_of``) of one article."""
    if da.doc.language and da.doc.language != "ar":
        return [], [], [], [], []
    evs = [ev for ev in extract(da) if ev.confidence > BACKGROUND]  # background mentions are not story events
    for ev in evs:
        _resolve_ids(ev, names)
    told = told_of(evs, da.doc.text)
    if da.doc.duplicate_of:
        return evs, [], [], [], told  # a syndicated copy adds evidence to events, not new claims
    return evs, build_claims(da, evs), find_commitments(da, as_of), sentence_cues(da, as_of), told


def _per_document_range(corpus: Corpus, lo: int, hi: int) -> list[PerDoc]:
    ordered, names, as_of = corpus
    return [_per_document(da, names, as_of) for da in ordered[lo:hi]]


def _per_document_all(ordered: list[DocAnalysis], names: dict[str, str], as_of: str, workers: int) -> list[PerDoc]:
    """``_per_document`` over the corpus, in ``workers`` forked processes when it pays
    (``parallel.forked``: the corpus is inherited at fork, only results travel back, in
    order, so the output is the same for any ``workers``)."""
    return forked(_per_document_range, (ordered, names, as_of), len(ordered), workers=workers, chunk=CHUNK)


class ClaimSpans:
    """Claims by document and offset: which claims' sentences hold a position.

    Spans are sorted by start with a running maximum of their ends, so a lookup walks back
    only over spans that can still reach the position (one or two for sentence claims).
    """

    def __init__(self, records: Sequence[ClaimRecord]) -> None:
        spans: dict[str, list[tuple[int, int, int, str]]] = defaultdict(list)
        for n, r in enumerate(records):  # n: record order, the first claim holding a report is its claim
            e = r.claim.evidence[0]
            spans[e.doc].append((e.start, e.end, n, r.claim.id))
        self._spans = {d: sorted(v) for d, v in spans.items()}
        self._starts = {d: [s for s, _, _, _ in v] for d, v in self._spans.items()}
        self._reach: dict[str, list[int]] = {}
        for d, v in self._spans.items():
            top, reach = -1, []
            for _, end, _, _ in v:
                top = max(top, end)
                reach.append(top)
            self._reach[d] = reach

    def at(self, ev: Evidence) -> list[str]:
        """Ids of the claims whose span holds ``ev.start``, in record order."""
        spans = self._spans.get(ev.doc)
        if not spans:
            return []
        reach = self._reach[ev.doc]
        hits: list[tuple[int, str]] = []
        j = bisect_right(self._starts[ev.doc], ev.start) - 1
        while j >= 0 and reach[j] > ev.start:
            s, e, n, cid = spans[j]
            if s <= ev.start < e:
                hits.append((n, cid))
            j -= 1
        return [cid for _, cid in sorted(hits)]

    def first(self, ev: Evidence) -> str | None:
        hits = self.at(ev)
        return hits[0] if hits else None


@cache
def _thread_families() -> dict[str, frozenset[str]]:
    """Thread action -> claim topic families about it (``story/thread_topics.tsv``)."""
    out: dict[str, set[str]] = defaultdict(set)
    for r in load_table("story/thread_topics.tsv"):
        if len(r) >= 2:
            out[r[0]].add(r[1])
    return {k: frozenset(v) for k, v in out.items()}


class _Scope:
    """Which incidents and threads a claim belongs to. An incident: one of its reports lies
    in the claim's sentence. A thread: a stated deadline or report of it lies there, or the
    claim is about its action (``story/thread_topics.tsv``), names one of its actors or
    places and was published no earlier than its first statement, or it belongs to an
    incident of the thread's kind (a withdrawal) involving one of its actors or places."""

    def __init__(self, spans: ClaimSpans, reports: Sequence[Event], incident_of: dict[str, str], threads: Sequence[Thread],
                 entities: Sequence[Entity] = (), incidents: Sequence[Incident] = ()):  # fmt: skip
        self.incidents: dict[str, set[str]] = defaultdict(set)
        self.threads: dict[str, set[str]] = defaultdict(set)
        for ev in reports:
            if ev.id in incident_of:
                for cid in spans.at(ev.evidence[0]):
                    self.incidents[cid].add(incident_of[ev.id])
        for t in threads:
            for e in [*t.evidence, *(x for d in t.deadlines for x in d.evidence)]:
                for cid in spans.at(e):
                    self.threads[cid].add(t.id)
        fams = _thread_families()
        self._country = {e.id: f"cc:{e.attributes['country']}" for e in entities
                         if e.type in ("GPE", "LOC", "FAC") and e.attributes.get("country")}  # fmt: skip
        self._about = [
            (t.id, fams.get(t.action or "", frozenset()), self._names([*t.actors, *t.places]),
             min((d.stated_on[:4] for d in t.deadlines if d.stated_on), default=""))
            for t in threads
        ]  # fmt: skip
        # the threads about each topic family: a claim or an incident meets only the threads
        # of its own families, not every thread of the corpus (which grew as claims × threads)
        self._by_family: dict[str, list[tuple[str, frozenset[str], frozenset[str], str]]] = defaultdict(list)
        for about in self._about:
            for fam in about[1]:
                self._by_family[fam].append(about)
        self._memo: dict[str, set[str]] = {}
        # an incident of a thread's kind where the thread's places are ("900 troops moved to
        # Harir" reports the withdrawal from Ain al-Asad): its claims are about the thread too
        self._incident_threads: dict[str, set[str]] = defaultdict(set)
        for inc in incidents:
            fam = family(f"event:{inc.type.lower()}")
            if fam not in self._by_family:
                continue
            named = self._names([*inc.actors, *inc.targets, *([inc.place] if inc.place else [])])
            for tid, _, names, _ in self._by_family[fam]:
                if names & named:
                    self._incident_threads[inc.id].add(tid)

    def _names(self, ids: Sequence[str] | frozenset[str]) -> frozenset[str]:
        """Entity ids plus the countries of the places among them (Washington meets the US)."""
        return frozenset([*ids, *(self._country[x] for x in ids if x in self._country)])

    def threads_of(self, r: ClaimRecord) -> set[str]:
        cid = r.claim.id
        if cid not in self._memo:
            out = set(self.threads.get(cid, set()))
            for inc in self.incidents.get(cid, ()):
                out |= self._incident_threads.get(inc, set())
            named = self._names(r.entities)
            for fam in r.topics:
                for tid, _, names, since in self._by_family.get(fam, ()):
                    if names & named and not (since and r.year and r.year < since):
                        out.add(tid)
            self._memo[cid] = out
        return self._memo[cid]

    def __call__(self, a: ClaimRecord, b: ClaimRecord) -> tuple[str | None, str | None] | None:
        """The first (smallest id) incident and thread both claims belong to; ``None`` when
        neither. Asked of every candidate pair of the claim comparison: no set is built for
        a claim of no incident, no list sorted for the smallest id."""
        ida, idb = a.claim.id, b.claim.id
        incs = self.incidents
        inc = incs.get(ida, _NO_IDS) & incs.get(idb, _NO_IDS) if ida in incs and idb in incs else _NO_IDS
        memo = self._memo  # ``threads_of``, its memo read here (millions of pairs)
        ta = memo.get(ida)
        if ta is None:
            ta = self.threads_of(a)
        tb = memo.get(idb)
        if tb is None:
            tb = self.threads_of(b)
        thr = ta & tb if ta and tb else _NO_IDS
        if not inc and not thr:
            return None
        return (min(inc) if inc else None, min(thr) if thr else None)


_NO_IDS: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Elsewhere:
    """Where the corpus step sends the work that can leave this process (a Dask cluster:
    ``parallel_dask.story_on_dask``); ``None`` keeps a part here. Same output either way."""

    incidents: Parts | None = None  # incident resolution, one task per kind group (``incidents.kind_groups``)
    encoder: FillOn | None = None  # the sentence encoder over the claim texts compared
    claims: JudgeOn | None = None  # the claim comparison's blocks, in groups (``conflicts.judge``)


SCHEMA2_KIND = {"number": "slot", "date": "slot", "polarity": "polarity", "other": "polarity"}


def build(
    das: list[DocAnalysis], entities: list[Entity], as_of: str, workers: int = 1,
    per_document: PerDocument | None = None, elsewhere: Elsewhere | None = None, figures: FigureReader | None = None,
) -> Views:  # fmt: skip
    """The story views of the corpus by name (``models.Views``), deterministic order.

    The per-document step (extraction, claims, commitments) runs through ``per_document``
    (default: ``workers`` forked processes; ``parallel_dask`` passes a Dask one); incidents,
    threads and conflicts see the whole corpus in this process, the sentence encoder of the
    claim comparison on a helper thread beside it (``story.ahead``). ``elsewhere`` sends
    incident resolution (by kind group), the claim blocks and the encoder to a cluster instead.
    ``figures`` reads the articles' figures (default: all read again; ``StoryCache.figures``).
    """
    away = elsewhere or Elsewhere()
    names = _name_index(entities)
    ordered = sorted(das, key=lambda d: d.doc.id)
    reports: list[Event] = []
    records: list[ClaimRecord] = []
    found: list[Found] = []
    cues: dict[str, list[SentenceCue]] = {}
    told: dict[int, Told] = {}
    for da, (evs, recs, coms, cs, tl) in zip(ordered, (per_document or _per_document_all)(ordered, names, as_of, workers), strict=True):
        reports.extend(evs)
        records.extend(recs)
        found.extend(coms)
        if cs:
            cues[da.doc.id] = cs
        told.update((id(ev), t) for ev, t in zip(evs, tl, strict=True) if t is not None)
    reports.sort(
        key=lambda e: (e.evidence[0].doc, e.evidence[0].start, e.id) if e.evidence else ("", 0, e.id)
    )
    spans = ClaimSpans(records)
    with Reader(load_model(), away.encoder) as reader:  # the claim comparison's encoder on a helper thread (``story.ahead``)
        commitments, threads, deadline_conflicts = build_threads(found, ordered, entities, as_of, cues)
        # the pairs the threads alone admit are in the final scope whatever the incidents:
        # their texts are encoded while incidents are resolved, not after
        sure = _Scope(spans, (), {}, threads, entities)
        read_ahead(records, sure, reader, lambda r: bool(sure.threads_of(r)), away.claims)
        got = assemble(reports, ordered, entities, spans.first, told, away.incidents, figures)
        scope = _Scope(spans, reports, got.incident_of, threads, entities, got.incidents)
        claim_conflicts = find_conflicts(records, scope=scope, reader=reader, judge_on=away.claims)
    for k in claim_conflicts:
        k.kind = SCHEMA2_KIND.get(k.kind, k.kind)
    outlets = {da.doc.id: da.doc.outlet for da in ordered}
    conflicts = [*got.conflicts, *claim_conflicts, *deadline_conflicts]
    for k in conflicts:
        for side in (k.side_a, k.side_b):
            if side is not None and side.outlet is None:
                side.outlet = outlets.get(side.source)
    conflicts.sort(key=lambda k: (k.kind, k.evidence[0].doc if k.evidence else "", k.evidence[0].start if k.evidence else 0, k.id))
    for ev in reports:
        _strip_placeholders(ev)
    return Views(
        entities=list(entities), events=reports, claims=[r.claim for r in records], commitments=commitments,
        conflicts=conflicts, incidents=got.incidents, threads=threads,
    )  # fmt: skip
