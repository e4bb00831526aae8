"""Conflicts between claims: structured checks first, the learned model second.

Never all pairs. Claims are blocked on ``(topic, year)``; within a block only claims from
different sources (another document or another speaker) are compared. A block larger
than ``MAX_BLOCK`` is compared only between neighbours in time order (``WINDOW``), so the
cost is ``O(sum over blocks of min(b², b·WINDOW))`` = ``O(n·WINDOW)`` at worst.

Checks, in order:
- ``polarity``: the two claims take opposite sides on the shared topic (a denial against
  an assertion, "stay" against "leave").
- ``number``: the same counted object and owner with different values.
- ``date``: both give a deadline/plan date for the same thing (shared content words) and
  the dates exclude each other.
- ``other``: no structured check fired but the stance model says *disagree* with high
  probability and the claims share enough words to be about the same thing.
The stance model's probability also adjusts the confidence of structured conflicts.
Each claim keeps at most ``PER_CLAIM`` conflicts (best scored), so one blunt denial does
not pair with every assertion in the corpus, and two sources get one polarity conflict
(their best-matched claims), not one per sentence they said.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rasd.ids import make_id
from rasd.models import Conflict
from rasd.views.claims import ClaimRecord
from rasd.views.commitments import period
from rasd.views.stance import load_model

MAX_BLOCK = 80
WINDOW = 12
PER_CLAIM = 6
MIN_OVERLAP_DATE = 0.3
MIN_OVERLAP_OTHER = 0.3
MODEL_DISAGREE = 0.85


@dataclass
class Candidate:
    a: ClaimRecord
    b: ClaimRecord
    kind: str
    explanation: str
    score: float


def overlap(a: ClaimRecord, b: ClaimRecord) -> float:
    """Jaccard overlap of content stems."""
    if not a.stems or not b.stems:
        return 0.0
    return len(a.stems & b.stems) / len(a.stems | b.stems)


def same_source(a: ClaimRecord, b: ClaimRecord) -> bool:
    if a.doc == b.doc and a.speaker == b.speaker:
        return True
    ea, eb = a.claim.evidence[0], b.claim.evidence[0]
    if ea.doc == eb.doc and not (a.speaker or b.speaker):
        return True  # an article does not argue with itself in its own words
    return ea.doc == eb.doc and ea.start < eb.end and eb.start < ea.end


def dates_exclude(x: str, y: str) -> bool:
    """Two TimeML values exclude each other when neither contains the other."""
    return not (x.startswith(y) or y.startswith(x))


def structured(a: ClaimRecord, b: ClaimRecord, topic: str) -> Candidate | None:
    """The first structured check that fires for a pair sharing ``topic``."""
    pa, pb = a.topics.get(topic), b.topics.get(topic)
    if pa and pb and pa != pb:
        denier, asserter = (a, b) if pa == "deny" else (b, a)
        who = denier.speaker_text or "the article"
        other = asserter.speaker_text or "the article"
        weight = 1.0 if a.speaker and b.speaker else 0.85  # two named sources beat the outlet's own words
        if asserter.facts:
            weight += 0.3  # a count of the very thing denied ("2,500 troops" against "no forces")
        return Candidate(a, b, "polarity", f"on '{topic}': {who} denies what {other} asserts", weight)
    if not _same_time(a.claim.time, b.claim.time):
        fa = {}
    else:
        fa = {(o, w): v for o, w, v in a.facts}
    for (o, w), v in sorted(fa.items()):
        for o2, w2, v2 in b.facts:
            if o == o2 and w == w2 and v != v2:
                owner = f" ({w})" if w else ""
                return Candidate(a, b, "number", f"different numbers for {o}{owner}: {_n(v)} vs {_n(v2)}", 0.9)
    # two multi-phase plans whose first phase agrees describe the same plan
    same_plan = len(a.dates) > 1 and len(b.dates) > 1 and not periods_exclude(*a.dates[0], *b.dates[0])
    if a.dates and b.dates and (same_plan or overlap(a, b) >= MIN_OVERLAP_DATE):
        # phase by phase: the i-th date of one against the i-th of the other
        for (x, xm), (y, ym) in zip(a.dates, b.dates, strict=False):
            if periods_exclude(x, xm, y, ym):
                return Candidate(a, b, "date", f"different dates for the same '{topic}': {_d(x, xm)} vs {_d(y, ym)}", 0.8)
    return None


def periods_exclude(x: str, xm: str | None, y: str, ym: str | None) -> bool:
    """Whether two dated periods cannot both be right (END narrows a value to its end)."""
    px, py = period(x, xm), period(y, ym)
    if px is None or py is None:
        return dates_exclude(x, y)
    return px[1] < py[0] or py[1] < px[0]


def _d(v: str, mod: str | None) -> str:
    return f"end of {v}" if mod == "END" else v


def _same_time(x: str | None, y: str | None) -> bool:
    """Counts are comparable only for the same period (one date containing the other)."""
    return bool(x and y) and not dates_exclude(x or "", y or "")


def _n(v: float) -> str:
    return str(int(v)) if v == int(v) else str(v)


def find_conflicts(records: Sequence[ClaimRecord], use_model: bool = True) -> list[Conflict]:
    """Conflicts among ``records`` (see module doc); deterministic order."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        for t in r.topics:
            blocks[(t, r.year or "")].append(i)
    seen: set[tuple[int, int]] = set()
    cands: list[Candidate] = []
    pending_model: list[tuple[int, int, str]] = []
    for (topic, _year), members in sorted(blocks.items()):
        if len(members) <= MAX_BLOCK:
            pairs = [(members[x], members[y]) for x in range(len(members)) for y in range(x + 1, len(members))]
        else:
            order = sorted(members, key=lambda i: (records[i].claim.time or "", i))
            pairs = [(order[x], order[y]) for x in range(len(order)) for y in range(x + 1, min(len(order), x + WINDOW))]
        for i, j in pairs:
            key = (min(i, j), max(i, j))
            if key in seen:
                continue
            a, b = records[key[0]], records[key[1]]
            if same_source(a, b):
                continue
            c = structured(a, b, topic)
            if c is not None:
                seen.add(key)
                c.score *= 0.5 + overlap(a, b)
                cands.append(c)
            elif overlap(a, b) >= MIN_OVERLAP_OTHER:
                pending_model.append((key[0], key[1], topic))
    model = load_model() if use_model else None
    if model is not None:
        todo = [(i, j, t) for i, j, t in dict.fromkeys(pending_model) if (i, j) not in seen]
        probs = model.predict_proba([(records[i].text, records[j].text) for i, j, _ in todo])
        for (i, j, t), p in zip(todo, probs, strict=True):
            if p["disagree"] >= MODEL_DISAGREE and (i, j) not in seen:
                seen.add((i, j))
                cands.append(
                    Candidate(records[i], records[j], "other",
                              f"the comparison model reads these '{t}' claims as contradicting (p={p['disagree']:.2f})",
                              p["disagree"] * 0.5)
                )  # fmt: skip
        structured_c = [c for c in cands if c.kind != "other"]
        for c, p in zip(structured_c, model.predict_proba([(c.a.text, c.b.text) for c in structured_c]), strict=True):
            # the model confirms or weakens a structured finding, never creates or removes it
            c.score *= 0.75 + 0.5 * p["disagree"]
    return _select(cands)


def _source(r: ClaimRecord) -> str:
    """Who speaks: the speaker key, or the article itself for its own words."""
    return r.speaker or f"doc:{r.doc}"


def _select(cands: list[Candidate]) -> list[Conflict]:
    cands.sort(key=lambda c: (-c.score, c.a.claim.id, c.b.claim.id))
    used: dict[str, int] = defaultdict(int)
    sources: set[tuple[str, str]] = set()
    out: list[Conflict] = []
    for c in cands:
        ida, idb = c.a.claim.id, c.b.claim.id
        if used[ida] >= PER_CLAIM or used[idb] >= PER_CLAIM:
            continue
        pair = tuple(sorted((_source(c.a), _source(c.b))))
        if c.kind == "polarity" and pair in sources:
            continue  # two sources disagreeing once is shown once, with the best-matched claims
        sources.add((pair[0], pair[1]))
        used[ida] += 1
        used[idb] += 1
        a, b = sorted([ida, idb])
        out.append(
            Conflict(
                id=make_id("k", c.kind, a, b),
                kind=c.kind,
                a=ida,
                b=idb,
                explanation=c.explanation,
                evidence=list(c.a.claim.evidence) + list(c.b.claim.evidence),
                confidence=round(min(0.95, 0.4 + 0.4 * c.score), 2),
            )
        )
    out.sort(key=lambda k: (k.evidence[0].doc, k.evidence[0].start, k.id))
    return out
