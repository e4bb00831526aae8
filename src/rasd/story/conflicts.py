"""Conflicts between claims: structured checks first, the learned model second.

Never all pairs. Claims are blocked on ``(topic, year)``; within a block only claims from
different sources (another document or another speaker) are compared. A block larger
than ``MAX_BLOCK`` is compared only between neighbours in time order (``WINDOW``), so the
cost is ``O(sum over blocks of min(b², b·WINDOW))`` = ``O(n·WINDOW)`` at worst.

Checks, in order:
- ``polarity``: the two claims take opposite sides on the shared topic (a denial against
  an assertion, "stay" against "leave"). Never on an opinion (``ClaimRecord.opinion``: an
  analyst, an evaluative verb); a counter-position ("stay") only against a claim stating
  the proposition itself (not an agreement or a redeployment on it), and in one article
  only between the two sides of the story, else it is elaboration; never between two
  outlets' own narration (one side at least is a quoted source). Ranked by structure:
  two named parties of different sides first, a deal reported as reached against a named
  denial up (``DONE_DEAL``), a party against an outside voice down (``OUTSIDER``).
- ``number``: the same counted object and owner with different values.
- ``date``: both give a deadline/plan date for the same thing (shared content words) and
  the dates exclude each other.
- ``other``: no structured check fired but the stance model says *disagree* with high
  probability and the claims share enough words to be about the same thing.
The stance model's probability also adjusts the confidence of structured conflicts.
In the story stage a ``scope`` gates every pair first: two claims are compared only when
they belong to one incident or one commitment thread (``story.stage``), so the "no
withdrawal" of one promise never meets the "withdrawal" of another; number and date
findings are kept only inside one incident (numbers also inside one thread). Each
conflict carries both sides inline
(``Side``: the value, the claim, its speaker).
Each claim keeps at most ``PER_CLAIM`` conflicts (best scored), so one blunt denial does
not pair with every assertion in the corpus, and two sources get one polarity conflict
(their best-matched claims), not one per sentence they said.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from functools import cache

from rasd.annotators.events import count_words
from rasd.ids import make_id
from rasd.models import Conflict, Side
from rasd.resources import load_lines, load_table
from rasd.story import SLOT_KEYS, incident_types
from rasd.story.ahead import Reader
from rasd.story.claims import ClaimRecord, word_tokens
from rasd.story.commitments import span
from rasd.story.conflict_text import end_of as _d
from rasd.story.conflict_text import explain, side_word
from rasd.story.conflict_text import who as _who
from rasd.story.slots import agree
from rasd.story.stance import load_model
from rasd.temporal import TimeValue, spans_overlap
from rasd.text import fold
from rasd.text.words import stems

MAX_BLOCK = 80
WINDOW = 12
PER_CLAIM = 6
MIN_OVERLAP_DATE = 0.3
MIN_OVERLAP_OTHER = 0.3
MODEL_DISAGREE = 0.85
MIN_SHARED_STEMS = 2
SAME_DOC = 0.9  # two voices in one article: shown, but below a cross-outlet disagreement
THRESHOLD = 0.6  # conflicts below this confidence are not reported
OTHER_SCALE = 0.5  # score of an "other" conflict per unit of the model's disagree probability
PER_CLAIM_POLARITY = 2  # one denial shown against its best-matched assertions, not all of them
PER_DOC_PAIR = 3  # polarity conflicts kept per (article, article, topic): the strongest, not every pair of voices
OUTSIDER = 0.25  # weight off when one speaker is a party of the story and the other is not
DONE_DEAL = 0.2  # weight on when the asserted side reports an agreement as reached


@dataclass
class Candidate:
    a: ClaimRecord
    b: ClaimRecord
    kind: str
    explanation: str
    score: float
    x: str = ""  # the value on a's side as a reader sees it (a figure, a date, a polarity word)
    y: str = ""
    slot: str | None = None  # number: the counted thing; date: "date"
    incident: str | None = None
    thread: str | None = None


# ``scope(a, b)``: ``(incident, thread)`` both claims belong to, ``None`` when they share neither
Scope = Callable[[ClaimRecord, ClaimRecord], tuple[str | None, str | None] | None]


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


def shared_entities(a: ClaimRecord, b: ClaimRecord) -> int:
    """Entities both claims name, the speakers themselves left out."""
    return len((a.entities & b.entities) - {a.speaker, b.speaker})


def about_same_thing(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Entity overlap, or shared content words: ``MIN_SHARED_STEMS`` for the outlet's own
    words in one article, one across articles or between two named speakers (two voices
    rarely word one fact alike)."""
    shared = len(a.stems & b.stems)
    need = 1 if a.doc != b.doc or (a.speaker and b.speaker) else MIN_SHARED_STEMS
    return shared_entities(a, b) > 0 or shared >= need


def disjoint_places(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Both claims name places, none in common and neither a country (a country may contain
    the other's places: staying in Erbil does contradict leaving Iraq)."""
    return bool(a.places and b.places and not (a.places & b.places) and not (a.national or b.national))


def same_time_frame(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Claims about different years (by their own dates) are not about one situation."""
    ya, yb = _cal_year(a.claim.time), _cal_year(b.claim.time)
    return ya is None or yb is None or ya == yb or a.year in (ya, yb) or b.year in (ya, yb)


def _cal_year(v: str | None) -> str | None:
    """The year (or decade, century) digits of a value: claims of different stretches differ."""
    return TimeValue.parse(v).year_label


def structured(a: ClaimRecord, b: ClaimRecord, topic: str) -> Candidate | None:
    """The first structured check that fires for a pair sharing ``topic``."""
    pa, pb = a.topics.get(topic), b.topics.get(topic)
    if pa and pb and pa != pb:
        if a.opinion or b.opinion or not (same_time_frame(a, b) and about_same_thing(a, b)):
            return None  # a commentator's view is not a fact another source disputes
        if not (a.speaker or b.speaker):
            return None  # two outlets' own narration: wording, not a dispute between sources
        denier, asserter = (a, b) if pa == "deny" else (b, a)
        sa, sb = sides(a), sides(b)
        if topic in denier.opposite and topic not in asserter.stated:
            return None  # "the troops stay" does not deny an agreement on something (a role change)
        if topic in denier.opposite and disjoint_places(denier, asserter):
            return None  # "the forces stay in the region" does not deny "they leave Baghdad"
        if a.doc == b.doc and topic in denier.opposite and not (sa and sb and sa != sb):
            return None  # one article going on "…, and the troops stay": elaboration, not dispute
        weight = 1.0 if a.speaker and b.speaker else 0.85  # two named sources beat the outlet's own words
        # concrete details of the very thing denied: a count ("2,500 troops" against "no
        # forces"), a schedule ("out by September 2025" against "no announcement")
        weight += 0.3 * bool(asserter.facts) + 0.2 * bool(asserter.dates)
        if topic in denier.opposite:
            weight += 0.2  # a stated counter-position ("the troops stay") rather than a negation
        weight += 0.15 * min(2, shared_entities(a, b))
        if sa and sb and sa != sb:
            weight += 0.25  # the two parties of the story, not two commentators
        elif (sa and b.speaker and not sb) or (sb and a.speaker and not sa):
            weight -= OUTSIDER  # a party against a voice outside the parties (a movement, a pundit)
        if "AGREEMENT" in asserter.reported and denier.speaker and asserter.speaker:
            weight += DONE_DEAL  # a deal reported as reached, against a named source denying it

        text = explain("polarity", topic=topic, denier=_who(denier), asserter=_who(asserter),
                       deny=agree("deny", _who(denier)), affirm=agree("affirm", _who(asserter)))  # fmt: skip
        return Candidate(a, b, "polarity", text, weight, side_word(pa), side_word(pb))
    if not _same_time(a.claim.time, b.claim.time):
        fa = {}
    else:
        fa = {(o, w): v for o, w, v in a.facts}
    if incident_counts(a) or incident_counts(b):
        fa = {}  # casualties, arrests, rockets of a happening: story.slots compares them per incident
    for (o, w), v in sorted(fa.items()):
        for o2, w2, v2 in b.facts:
            if o == o2 and w == w2 and v != v2 and about_same_thing(a, b):
                what = f"{o.split('@')[0]} {w}".strip()
                return Candidate(a, b, "number", explain("number", what=what, x=_n(v), y=_n(v2)), 0.9,
                                 _n(v), _n(v2), _slot_of(o))  # fmt: skip
    # two multi-phase plans whose first phase agrees describe the same plan
    same_plan = len(a.dates) > 1 and len(b.dates) > 1 and not periods_exclude(*a.dates[0], *b.dates[0])
    if a.dates and b.dates and (same_plan or overlap(a, b) >= MIN_OVERLAP_DATE):
        # phase by phase: the i-th date of one against the i-th of the other
        for (x, xm), (y, ym) in zip(a.dates, b.dates, strict=False):
            if periods_exclude(x, xm, y, ym):
                return Candidate(a, b, "date", explain("date", topic=topic, x=_d(x, xm), y=_d(y, ym)), 0.8,
                                 _d(x, xm), _d(y, ym), "date")  # fmt: skip
    if a.dates and b.dates and about_same_thing(a, b):
        # one deadline each for the same year that cannot both hold ("September 2026" / "end of 2026")
        for x, xm in a.dates:
            for y, ym in b.dates:
                yx = _cal_year(x)
                if yx is not None and yx == _cal_year(y) and periods_exclude(x, xm, y, ym) and not _met(x, y):
                    return Candidate(a, b, "date", explain("date", topic=topic, x=_d(x, xm), y=_d(y, ym)), 0.7,
                                     _d(x, xm), _d(y, ym), "date")  # fmt: skip
    return None


@cache
def _side_words() -> dict[str, str]:
    return {fold(r[0]): r[1] for r in load_table("claims/sides.tsv") if len(r) >= 2}


def sides(r: ClaimRecord) -> frozenset[str]:
    """The parties a speaker belongs to, from words of its description (``claims/sides.tsv``):
    "مسؤول أميركي" -> {US}; "مسؤولين أميركيين وعراقيين" -> {US, IQ}; an analyst -> {}."""
    words = _side_words()
    out = set()
    for tok in word_tokens(r.speaker_text):
        for _, st in stems(tok):
            if st in words:
                out.add(words[st])
    return frozenset(out)


def _met(x: str, y: str) -> bool:
    """A day inside the month or year of the other date: a deadline met, not a dispute
    ("completed on 6 September" against "by the end of September")."""
    day, other = (x, y) if len(x) >= 10 else (y, x)
    return len(day) >= 10 and len(other) < 10 and day.startswith(other)


def _slot_of(obj: str) -> str:
    """The slot a claim's counted object fills: its count key (``@injured``, a count word of
    ``events/counts.tsv``), else the object word itself."""
    word, _, role = obj.partition("@")
    return role or count_words()[0].get(word) or word


def periods_exclude(x: str, xm: str | None, y: str, ym: str | None) -> bool:
    """Whether two dated periods cannot both be right (END narrows a value to its end)."""
    px, py = span(x, xm), span(y, ym)
    if px is None or py is None:
        return dates_exclude(x, y)
    return not spans_overlap(px, py)


def _same_time(x: str | None, y: str | None) -> bool:
    """Counts are comparable only for the same period: the same month (reports a day apart
    describe one situation) or one date containing the other; a relative reference
    ("الأسابيع الماضية") leaves it to the reporting year of the block."""
    if not (_cal_year(x) and _cal_year(y)):
        return True
    return not dates_exclude((x or "")[:7], (y or "")[:7])


def _n(v: float) -> str:
    return str(int(v)) if v == int(v) else str(v)


def incident_counts(r: ClaimRecord) -> bool:
    """Whether a claim's figures belong to an incident's slots (a casualty, arrest or rocket
    count, or any count in a sentence reporting a happening): one producer, ``story.slots``,
    compares those inside one incident, never across happenings."""
    if r.reported & incident_types():
        return True
    slot_objects = _slot_objects()
    return any(o.partition("@")[2] in SLOT_KEYS or o.partition("@")[0] in slot_objects for o, _, _ in r.facts)


@cache
def _slot_objects() -> frozenset[str]:
    people = frozenset(fold(w) for w in load_lines("story/casualty_objects.txt"))
    return people | frozenset(fold(w) for w, k in count_words()[0].items() if k in SLOT_KEYS)


# the blocks of the claim comparison, sorted: ``(topic, members)`` (a topic, or ``#`` + a counted object)
Blocks = list[tuple[str, list[int]]]
# a pair's finding: a structured ``Candidate``, ``OUT`` (not in one incident or thread), or the
# topic under which the stance model is to judge it
Judged = tuple[int, int, "Candidate | str"]
OUT = ""
# judges blocks wherever it likes (a Dask cluster: ``parallel_dask``): (records, scope, blocks,
# admits) -> each block's findings, in block order; the pairs' stance bounds where it computed them
JudgeOn = Callable[[Sequence[ClaimRecord], "Scope | None", Blocks, "Callable[[ClaimRecord], bool] | None"],
                   tuple[list[list[Judged]], dict[tuple[str, str], float]]]  # fmt: skip


def blocks_of(records: Sequence[ClaimRecord]) -> Blocks:
    """Claims by ``(topic, year)`` and by counted object and year, in sorted order."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        for t in r.topics:
            blocks[(t, r.year or "")].append(i)
        for o in sorted({o for o, _, _ in r.facts}):
            blocks[("#" + o, r.year or "")].append(i)  # counts of one object meet without a topic
    return [(topic, members) for (topic, _year), members in sorted(blocks.items())]


def judge(
    records: Sequence[ClaimRecord], scope: Scope | None, blocks: Blocks, admits: Callable[[ClaimRecord], bool] | None = None
) -> list[list[Judged]]:  # fmt: skip
    """Each block's pairs and what the word-level checks find of them, block by block: a
    block's findings depend on its claims only, so blocks can be judged anywhere; which
    finding stands for a pair met in two blocks is ``_replay``'s to decide. A pair settled in
    an earlier block of this call is not judged again (``_replay`` would drop it)."""
    out: list[list[Judged]] = []
    settled: set[tuple[int, int]] = set()
    for topic, members in blocks:
        if len(members) <= MAX_BLOCK:
            if admits is not None:
                members = [i for i in members if admits(records[i])]
            pairs = [(members[x], members[y]) for x in range(len(members)) for y in range(x + 1, len(members))]
        else:
            order = sorted(members, key=lambda i: (records[i].claim.time or "", i))
            pairs = [(order[x], order[y]) for x in range(len(order)) for y in range(x + 1, min(len(order), x + WINDOW))]
        got: list[Judged] = []
        for i, j in pairs:
            i, j = min(i, j), max(i, j)
            if (i, j) in settled:
                continue
            a, b = records[i], records[j]
            if same_source(a, b) or (a.speaker and a.speaker == b.speaker):
                continue  # one voice restating itself is not a disagreement between sources
            where = scope(a, b) if scope is not None else (None, None)
            if where is None:
                settled.add((i, j))
                got.append((i, j, OUT))
                continue  # two claims about different happenings and promises never conflict
            c = structured(a, b, topic)
            if c is not None and scope is not None and where[0] is None and (c.kind == "date" or where[1] is None):
                c = None  # figures inside one incident or promise only; a promise's dates are the threads' own
            if c is not None:
                c.incident, c.thread = where
                c.score *= (0.5 if c.kind == "polarity" else 0.8) + overlap(a, b)
                if a.doc == b.doc:
                    c.score *= SAME_DOC
                settled.add((i, j))
                got.append((i, j, c))
            elif overlap(a, b) >= MIN_OVERLAP_OTHER:
                got.append((i, j, topic))
        out.append(got)
    return out


def _replay(
    records: Sequence[ClaimRecord], judged: Sequence[Sequence[Judged]]
) -> tuple[list[Candidate], list[tuple[int, int, str]], set[tuple[int, int]]]:
    """The blocks' findings in block order, as one pass over them decides: a pair's first
    settling finding (out of scope, a structured one) stands; a pair left to the model in an
    earlier block is still settled by a later one. Candidates are bound to ``records``
    (judged elsewhere, they hold copies)."""
    seen: set[tuple[int, int]] = set()
    cands: list[Candidate] = []
    pending: list[tuple[int, int, str]] = []
    for block in judged:
        for i, j, what in block:
            if (i, j) in seen:
                continue
            if isinstance(what, Candidate):
                what.a, what.b = records[i], records[j]
                seen.add((i, j))
                cands.append(what)
            elif what == OUT:
                seen.add((i, j))
            else:
                pending.append((i, j, what))
    return cands, pending, seen


def _compare(
    records: Sequence[ClaimRecord], scope: Scope | None, admits: Callable[[ClaimRecord], bool] | None = None,
    reader: Reader | None = None, judge_on: JudgeOn | None = None,
) -> tuple[list[Candidate], list[tuple[int, int, str]], set[tuple[int, int]]]:  # fmt: skip
    """The structured findings of the blocked pairs in ``scope``, the pairs left to the model
    and the pairs settled. ``admits``: only claims it admits are paired in blocks compared
    pair by pair (``read_ahead``; the large blocks' neighbours stay those of every claim).
    ``judge_on`` judges the blocks elsewhere; the stance bounds it computed go to ``reader``."""
    blocks = blocks_of(records)
    if judge_on is None:
        return _replay(records, judge(records, scope, blocks, admits))
    judged, bounds = judge_on(records, scope, blocks, admits)
    if reader is not None:
        reader.know(bounds)
    return _replay(records, judged)


def read_ahead(
    records: Sequence[ClaimRecord], scope: Scope, reader: Reader, admits: Callable[[ClaimRecord], bool] | None = None,
    judge_on: JudgeOn | None = None,
) -> None:  # fmt: skip
    """Bound the pairs ``scope`` admits, and start the encoder on those whose bound passes,
    before ``find_conflicts`` runs with the full scope (``story.stage``: the pairs commitment
    threads admit, while incidents are resolved). Only the reader's caches are filled: with a
    ``scope`` that admits a subset of the final one, nothing is read that is not needed."""
    if reader.model is None:
        return
    cands, pending, seen = _compare(records, scope, admits, reader, judge_on)
    todo = [(i, j) for i, j, _ in dict.fromkeys(pending) if (i, j) not in seen]
    reader.bounds([(records[i].text, records[j].text) for i, j in todo], lambda _, b: _other_may(b))
    reader.bounds([(c.a.text, c.b.text) for c in cands], lambda k, b: _may_reach(cands[k], b))


def find_conflicts(
    records: Sequence[ClaimRecord], use_model: bool = True, scope: Scope | None = None, reader: Reader | None = None,
    judge_on: JudgeOn | None = None,
) -> list[Conflict]:  # fmt: skip
    """Conflicts among ``records`` (see module doc); deterministic order.

    With ``scope`` only pairs it places in one incident or one thread are compared; a date
    disagreement is kept only inside one incident (a thread's deadlines are compared by
    ``story.threads``), a number one inside one incident or thread ("900 troops moved" against
    "1,500 arrived" of one withdrawal); each conflict carries that incident or thread.
    ``reader``: the stance model's bounds and encoder as read ahead (``read_ahead``), else
    this call reads them (``story.ahead``). ``judge_on``: where the blocks are judged
    (``_compare``)."""
    cands, pending_model, seen = _compare(records, scope, None, reader, judge_on)
    model = load_model() if use_model else None
    if model is not None:
        todo = [(i, j, t) for i, j, t in dict.fromkeys(pending_model) if (i, j) not in seen]
        structured_c = list(cands)  # structured findings only, so far
        # the sentence encoder only for pairs that may still pass MODEL_DISAGREE and THRESHOLD
        # (todo) or whose finding may still reach THRESHOLD (structured); it reads their texts
        # on a helper thread while the word-level bounds of the next pairs are computed
        with nullcontext(reader) if reader is not None else Reader(model) as ahead:
            hi = ahead.bounds([(records[i].text, records[j].text) for i, j, _ in todo], lambda _, b: _other_may(b))
            hi_c = ahead.bounds([(c.a.text, c.b.text) for c in structured_c], lambda k, b: _may_reach(structured_c[k], b))
            ahead.finish()
        todo = [x for x, b in zip(todo, hi, strict=True) if _other_may(b)]
        probs = model.predict_proba([(records[i].text, records[j].text) for i, j, _ in todo])
        for (i, j, t), p in zip(todo, probs, strict=True):
            if p["disagree"] >= MODEL_DISAGREE and (i, j) not in seen:
                seen.add((i, j))
                where = scope(records[i], records[j]) if scope is not None else (None, None)
                assert where is not None  # pairs out of scope never reach the model
                cands.append(
                    Candidate(records[i], records[j], "other",
                              explain("other", topic=t, p=f"{p['disagree']:.2f}"),
                              p["disagree"] * OTHER_SCALE, side_word(records[i].claim.polarity),
                              side_word(records[j].claim.polarity), None, *where)
                )  # fmt: skip
        if structured_c:  # a finding left under THRESHOLD by the strongest "disagree" possible is out, unencoded
            out = {id(c) for c, b in zip(structured_c, hi_c, strict=True) if not _may_reach(c, b)}
            cands = [c for c in cands if id(c) not in out]
            structured_c = [c for c in structured_c if id(c) not in out]
        for c, p in zip(structured_c, model.predict_proba([(c.a.text, c.b.text) for c in structured_c]), strict=True):
            c.score *= _model_factor(c.kind, p["disagree"])
    return _select(cands)


def _other_may(bound: float) -> bool:
    """Whether a pair with this ceiling on ``disagree`` may still be an ``other`` conflict."""
    return bound >= MODEL_DISAGREE and _confidence(bound * OTHER_SCALE) >= THRESHOLD


def _may_reach(c: Candidate, bound: float) -> bool:
    """Whether a structured finding may still reach THRESHOLD with ``disagree`` at most ``bound``."""
    return c.score < 0 or _confidence(c.score * _model_factor(c.kind, float(bound))) >= THRESHOLD


def _model_factor(kind: str, disagree: float) -> float:
    """What the stance model's ``disagree`` does to a structured finding's score (non-decreasing
    in it). The model confirms or weakens a polarity finding. Dates and numbers were compared
    as normalised values, which a text-pair model trained on paraphrases cannot judge: for
    those it may only add confidence, so retraining it never hides such a conflict."""
    factor = 0.75 + 0.5 * disagree
    return factor if kind == "polarity" else max(1.0, factor)


def _confidence(score: float) -> float:
    """A candidate's reported confidence (non-decreasing in its score)."""
    return round(min(0.95, 0.4 + 0.4 * score), 2)


def _side(r: ClaimRecord, value: str) -> Side:
    """One side of a claim conflict: what the claim says and who says it (outlets are the
    caller's to add: records do not carry them)."""
    return Side(value, r.doc, list(r.claim.evidence), speaker=r.claim.attributed_to,
                speaker_text=r.speaker_text or None, claim=r.claim.id)  # fmt: skip


def _source(r: ClaimRecord) -> str:
    """Who speaks: the speaker key, or the article itself for its own words."""
    return r.speaker or f"doc:{r.doc}"


def _voices(c: Candidate) -> tuple[frozenset[str], frozenset[str]]:
    """The two speakers' words (the outlet's own words: none)."""
    return frozenset(fold(w) for w in c.a.speaker_text.split()), frozenset(fold(w) for w in c.b.speaker_text.split())


def _heard(voices: tuple[frozenset[str], frozenset[str]], before: Sequence[tuple[frozenset[str], frozenset[str]]]) -> bool:
    """The same two voices already disagree on this topic, one of them named more or less fully ("ماكنزي" / "الجنرال كنيث ماكنزي", "العمليات المشتركة" / "قيادة العمليات
    العراقية المشتركة"): one disagreement, not one per spelling."""

    def same(x: frozenset[str], y: frozenset[str]) -> bool:
        return bool(x and y) and (x <= y or y <= x)

    x, y = voices
    return any((same(x, a) and same(y, b)) or (same(x, b) and same(y, a)) for a, b in before)


def _select(cands: list[Candidate]) -> list[Conflict]:
    cands.sort(key=lambda c: (-c.score, c.a.claim.id, c.b.claim.id))
    used: dict[str, int] = defaultdict(int)
    used_pol: dict[str, int] = defaultdict(int)
    sources: set[tuple[str, str]] = set()
    per_docs: dict[tuple[str, ...], int] = defaultdict(int)
    said: dict[tuple[str, str], list[tuple[frozenset[str], frozenset[str]]]] = defaultdict(list)  # (topic, word) -> voices
    out: list[Conflict] = []
    for c in cands:
        ida, idb = c.a.claim.id, c.b.claim.id
        conf = _confidence(c.score)
        if conf < THRESHOLD or used[ida] >= PER_CLAIM or used[idb] >= PER_CLAIM:
            continue
        if c.kind == "polarity" and (used_pol[ida] >= PER_CLAIM_POLARITY or used_pol[idb] >= PER_CLAIM_POLARITY):
            continue
        pair = tuple(sorted((_source(c.a), _source(c.b))))
        docs = (*sorted((c.a.doc, c.b.doc)), c.explanation.split(" ")[-1])
        voices = _voices(c)
        topic = docs[-1]
        if c.kind == "polarity" and (
            pair in sources or per_docs[docs] >= PER_DOC_PAIR
            or _heard(voices, [v for w in sorted(voices[0] | voices[1]) for v in said.get((topic, w), ())])
        ):  # fmt: skip
            continue  # two sources disagreeing once is shown once, with the best-matched claims
        sources.add((pair[0], pair[1]))
        if c.kind == "polarity":
            for w in voices[0] | voices[1]:
                said[(topic, w)].append(voices)
        used[ida] += 1
        used[idb] += 1
        if c.kind == "polarity":
            per_docs[docs] += 1
            used_pol[ida] += 1
            used_pol[idb] += 1
        a, b = sorted([ida, idb])
        out.append(
            Conflict(
                id=make_id("k", c.kind, a, b),
                kind=c.kind,
                a=ida,
                b=idb,
                explanation=c.explanation,
                evidence=list(c.a.claim.evidence) + list(c.b.claim.evidence),
                confidence=conf,
                incident=c.incident,
                slot=c.slot,
                thread=c.thread,
                side_a=_side(c.a, c.x),
                side_b=_side(c.b, c.y),
            )
        )
    out.sort(key=lambda k: (k.evidence[0].doc, k.evidence[0].start, k.id))
    return out
