"""Commitment threads: successive statements about one promise, with deadline history.

A *statement* is one sentence of one document that sets deadlines (the commitments
``find_commitments`` read from it: several when it gives phases, "بحلول سبتمبر 2025 … ثم
سبتمبر 2026"). ``story.promises`` reads what it is about: the action, where, who acts.

Statements join one thread when they name the same action, the same facility or else the
same main country, and no two different acting countries ("القوات الأميركية" never joins
"القوات التركية"; an organisation such as the coalition has no country and joins either).
So Iraq never meets Afghanistan, and closing one base (a closure, at a facility) never
meets the whole withdrawal. A statement naming no place joins the thread of its action
that shares most named parties with it, when there is exactly one; otherwise it starts its own.

Deadline history: every phase of every statement, in the order stated (publication date,
then document, then offset). The *plan* is what the newest statements (latest publication
date) say; its latest deadline is the current one. Each entry is ``current`` (it names the
current deadline), ``phase`` (an earlier step of the current plan) or ``superseded``.

Status as of ``as_of``, from later reports (``promises.report_cue``) published since the
plan was first stated and not about an earlier period: ``kept`` (a report that it was done),
``broken`` (a report, on or after the deadline, that it was not), ``superseded`` (it was
postponed and no newer deadline is known), else by the calendar ``pending`` or ``due``.

Deadline conflicts: two statements of one thread from different outlets, at most
``SAME_TIME_DAYS`` apart, whose final deadlines do not overlap (when both give the same
number of phases, or share none of their deadlines) are shown side by side (``differ``).

Complexity: reading statements and scanning reports is linear in the text; grouping is a
dictionary pass; placing a report or a placeless statement looks only at its action's
threads; conflicts compare statements within the time window of one thread.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from rasd.ids import make_id
from rasd.models import Commitment, Conflict, Deadline, DocAnalysis, Entity, Evidence, Side, Thread
from rasd.resources import load_pairs, load_table
from rasd.story.claims import DocSpans, schedule_words, word_tokens
from rasd.story.commitments import Found, merge_groups, period, status
from rasd.story.promises import PLACE_TYPES, Cue, Lookups, Reading, find, read, report_cue
from rasd.temporal import TimeValue
from rasd.text import sentences
from rasd.text.words import stems

PHASE_GAP = 400  # characters between a plan and the sentence giving its next phase
SAME_TIME_DAYS = 30  # statements this close in time that disagree are a conflict, not an update
CONF_CONFLICT = 0.7
WHAT_MAX = 60  # a thread without a known action is labelled by the start of its sentence


@dataclass
class Statement:
    """One sentence that sets deadlines, with what it says about the promise."""

    doc: str
    start: int
    end: int
    phases: list[Found]  # in text order
    reading: Reading
    stated_on: str
    outlet: str | None
    ids: list[str] = field(default_factory=list)  # merged commitment id of each phase

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.stated_on, self.doc, self.start)

    @property
    def postponed(self) -> bool:
        """Reported as postponed: a deadline already given up, not a rival one."""
        return any(f.commitment.postponed for f in self.phases)

    def values(self) -> list[tuple[str, str | None]]:
        return [(str(f.commitment.deadline), f.mod) for f in self.phases]


@dataclass
class Report:
    doc: str
    start: int
    end: int
    cue: Cue
    reading: Reading
    published: str
    dates: list[str]  # last day of each date the sentence names


@cache
def _templates() -> dict[str, str]:
    return load_pairs("story/thread_templates.tsv")


@cache
def _labels() -> dict[str, tuple[str, ...]]:
    return {r[0]: tuple(r[1:]) for r in load_table("story/thread_labels.tsv") if len(r) >= 5}


@cache
def _months() -> dict[int, str]:
    return {int(r[0]): r[1] for r in load_table("story/months.tsv") if len(r) >= 2 and r[0].isdigit()}


def deadline_words(value: str | None, mod: str | None = None) -> str:
    """``2025-09`` END → ``نهاية أيلول 2025``; a day → ``31 كانون الأول 2021``."""
    if not value:
        return ""
    out = value
    tv = TimeValue.parse(value)
    if tv.year is not None and tv.month is not None:
        m = _months().get(tv.month, f"{tv.month:02d}")
        out = f"{tv.day} {m} {tv.year:04d}" if tv.day is not None else f"{m} {tv.year:04d}"
    word = _templates().get(mod or "")
    return f"{word} {out}" if word and len(value) < 10 else out


def _overlap(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    pa, pb = period(*a), period(*b)
    if pa is None or pb is None:
        return a == b
    return pa[0] <= pb[1] and pb[0] <= pa[1]


def _end(v: tuple[str, str | None]) -> str:
    p = period(*v)
    return p[1] if p else v[0]


def _day(v: str | None) -> date | None:
    p = period(v)
    try:
        return date.fromisoformat(p[0]) if p else None
    except ValueError:
        return None


def _next_phase(text: str, s: int, e: int) -> bool:
    """The sentence gives the next phase of the plan before it ("المرحلة الثانية …")."""
    return bool(find(word_tokens(text[s:e], s), "story/thread_phase_words.txt"))


def _statements(found: Sequence[Found], das: Mapping[str, DocAnalysis], lk: Lookups) -> list[Statement]:
    """Found commitments with a deadline, grouped by sentence and read."""
    by_sent: dict[tuple[str, int, int], list[Found]] = {}
    for f in found:
        if f.commitment.deadline is None or not f.commitment.evidence:
            continue
        e0 = f.commitment.evidence[0]
        by_sent.setdefault((e0.doc, e0.start, e0.end), []).append(f)
    out: list[Statement] = []
    spans: dict[str, DocSpans] = {}
    for (doc, s, e), phases in sorted(by_sent.items()):
        da = das.get(doc)
        if da is None:
            continue
        phases.sort(key=lambda f: (f.at or (e, e), str(f.commitment.deadline)))
        sp = spans[doc] if doc in spans else spans.setdefault(doc, DocSpans.of(da))
        anchor = phases[0].at[0] if phases[0].at else s
        r = read(da.doc.text, s, e, sp.entities.within(s, e), anchor, lk)
        prev = out[-1] if out and out[-1].doc == doc and s - out[-1].end <= PHASE_GAP else None
        if r.action is None and prev is not None and prev.reading.action and _next_phase(da.doc.text, s, e):
            r = replace(prev.reading, parties=r.parties | prev.reading.parties)
        if r.action is None and _scheduled(da.doc.text, s, e) and (act := _article_action(da.doc.text, s)) is not None:
            r = read(da.doc.text, s, e, sp.entities.within(s, e), anchor, lk, act)  # "المرحلة الثانية تنتهي في …"
        if r.action is not None and not r.where and (home := _article_place(da, lk)) is not None:
            r = replace(r, where=(home,), country=lk.place_key(home))  # "ستبقى في الإقليم حتى …"
        out.append(Statement(doc, s, e, phases, r, da.doc.published.value or "", da.doc.outlet))
    return out


ACTION_REACH = 2000  # characters before a statement where the article's action may be named


def _article_action(text: str, s: int) -> str | None:
    """The promise an article is about, for a statement that names none ("the second phase
    ends in September 2026" after "the withdrawal from the base was completed"): the action
    named last in the ``ACTION_REACH`` characters before it."""
    lo = max(0, s - ACTION_REACH)
    hits = find(word_tokens(text[lo:s], lo), "story/thread_actions.tsv")
    return max(hits)[2] if hits else None


def _scheduled(text: str, s: int, e: int) -> bool:
    """Whether a sentence says when something ends or lasts (``claims/schedule_words.txt``:
    تنتهي، تستمر، تمتد، ستبقى …): only such a sentence borrows its article's promise."""
    words = schedule_words()
    return any(st in words for w in word_tokens(text[s:e], s) for _, st in stems(w))


def _article_place(da: DocAnalysis, lk: Lookups) -> str | None:
    """The place an article names most (not a facility): where a statement that names no
    place of its own ("the forces will stay in the region until …") is taken to be."""
    counts = Counter(
        str(m.entity) for m in da.entities
        if m.entity and m.entity in lk.ents and m.type in PLACE_TYPES and not lk.is_facility(str(m.entity))
    )  # fmt: skip
    return min(counts, key=lambda p: (-counts[p], p)) if counts else None


Block = tuple[str, str, tuple[str, ...]]


def _block(r: Reading) -> Block | None:
    """What threads are keyed by: (action, "facility", facilities) or (action, "place", country)."""
    if r.action is None:
        return None
    if r.facilities:
        return (r.action, "facility", tuple(sorted(r.facilities)))
    if r.country:
        return (r.action, "place", (r.country,))
    return None


def _named(r: Reading) -> frozenset[str]:
    return frozenset(r.agents) | r.parties


@dataclass
class Group:
    """The statements of one thread so far, with the union of their parties and acting
    countries (what a newcomer is compared with, so adding one costs no pass over them)."""

    members: list[Statement]
    named: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)

    def add(self, st: Statement) -> Group:
        self.members.append(st)
        self.named |= _named(st.reading)
        self.countries |= st.reading.agent_countries
        return self

    def clashes(self, r: Reading) -> bool:
        """Both name who acts by country, and no country is shared."""
        return bool(r.agent_countries) and bool(self.countries) and not r.agent_countries & self.countries


def _pick(cands: Sequence[Group], r: Reading) -> Group | None:
    """The one group ``r`` fits: no acting-country clash, then most shared parties, unique."""
    ok = [g for g in cands if not g.clashes(r)]
    if len(ok) == 1:
        return ok[0]
    named = _named(r)
    scored = sorted(((len(named & g.named), i) for i, g in enumerate(ok)), reverse=True)
    if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return ok[scored[0][1]]
    return None


def _group(stmts: Sequence[Statement]) -> list[Group]:
    """Statements grouped into threads (see the module doc)."""
    by_block: dict[Block, list[Group]] = {}
    alone: list[Group] = []
    placeless: list[Statement] = []
    for st in stmts:  # statements with a place and an acting country first, so the others can fit them
        b = _block(st.reading)
        if b is None:
            (alone.append(Group([]).add(st)) if st.reading.action is None else placeless.append(st))
            continue
        groups = by_block.setdefault(b, [])
        if st.reading.agent_countries:
            g = next((g for g in groups if g.countries and not g.clashes(st.reading)), None)
            (g.add(st) if g is not None else groups.append(Group([]).add(st)))
    for st in stmts:
        b = _block(st.reading)
        if b is None or st.reading.agent_countries:
            continue
        groups = by_block.setdefault(b, [])
        g = _pick(groups, st.reading) if len(groups) > 1 else (groups[0] if groups else None)
        (g.add(st) if g is not None else groups.append(Group([]).add(st)))
    by_action: dict[str, list[Group]] = {}
    for b, groups in sorted(by_block.items()):
        by_action.setdefault(b[0], []).extend(groups)
    for st in placeless:
        act = by_action.setdefault(str(st.reading.action), [])
        g = _pick(act, st.reading) if act else None
        if g is None or not _named(st.reading) & g.named:
            act.append(Group([]).add(st))
        else:
            g.add(st)
    return [g for gs in by_action.values() for g in gs] + alone


SentenceCue = tuple[int, int, Cue]  # (sentence start, end, its report cue)


def _reads_reports(da: DocAnalysis, as_of: str) -> bool:
    """Whether an article's sentences may report on promises: an original Arabic article
    published by ``as_of``."""
    if da.doc.duplicate_of or (da.doc.language and da.doc.language != "ar"):
        return False
    pub = da.doc.published.value or ""
    return bool(pub) and pub[:10] <= as_of


def sentence_cues(da: DocAnalysis, as_of: str) -> list[SentenceCue]:
    """The report cue (``promises.report_cue``) of each sentence of one article that has one,
    in text order: the per-article part of ``_reports``, run in the story stage's
    per-document step so the corpus step only looks them up."""
    if not _reads_reports(da, as_of):
        return []
    text = da.doc.text
    return [(s, e, cue) for s, e in sentences(text) if (cue := report_cue(text, s, e)) is not None]


def _reports(
    das: Sequence[DocAnalysis], skip: set[tuple[str, int]], lk: Lookups, as_of: str,
    cues: Mapping[str, Sequence[SentenceCue]] | None = None,
) -> list[Report]:  # fmt: skip
    """Sentences that report a promise done, not done or postponed (linear in the text).
    ``cues``: each article's ``sentence_cues`` when the per-document step read them."""
    out: list[Report] = []
    for da in das:
        if not _reads_reports(da, as_of):
            continue
        pub = da.doc.published.value or ""
        text = da.doc.text
        sp: DocSpans | None = None
        found = cues.get(da.doc.id, ()) if cues is not None else sentence_cues(da, as_of)
        for s, e, cue in found:
            if (da.doc.id, s) in skip:
                continue
            sp = sp or DocSpans.of(da)
            r = read(text, s, e, sp.entities.within(s, e), cue.at, lk, cue.action)
            ends = [p[1] for t in sp.timex.within(s, e) if t.type == "DATE" and (p := period(t.value, t.mod))]
            out.append(Report(da.doc.id, s, e, cue, r, pub, ends))
    return out


def _place_report(rep: Report, groups: Sequence[Group], index: Mapping[Block | str, list[int]]) -> int | None:
    """Index of the thread a report is about, or None."""
    b = _block(rep.reading)
    cands = index.get(b, []) if b is not None else index.get(rep.cue.action, [])
    if b is None:
        cands = [i for i in cands if _named(rep.reading) & groups[i].named]
    g = _pick([groups[i] for i in cands], rep.reading) if cands else None
    return next(i for i in cands if groups[i] is g) if g is not None else None


def _status(
    stmts: Sequence[Statement], reports: Sequence[Report], as_of: str
) -> tuple[str, tuple[str, str | None], list[tuple[str, str | None]], list[Report]]:
    """``(status, current deadline, plan, reports that decided it)`` of one thread."""
    newest = max(st.stated_on for st in stmts)
    plan = sorted(
        {v for st in stmts if st.stated_on == newest for v in st.values()}, key=lambda v: (v[0], v[1] or "")
    )
    current = max(plan, key=lambda v: (_end(v), v[0], v[1] or ""))
    since = newest
    for st in sorted(stmts, key=lambda st: st.key, reverse=True):
        if not any(_overlap(v, p) for v in st.values() for p in plan):
            break
        since = st.stated_on
    first = min(st.stated_on for st in stmts)
    live = sorted(
        (r for r in reports if r.published >= since and not any(d < first for d in r.dates)),
        key=lambda r: (r.published, r.doc, r.start),
    )
    done = [r for r in live if r.cue.kind == "done"]
    missed = [
        r for r in live if r.cue.kind == "not_done" and r.published >= _end(current)[: len(r.published)]
    ]
    settled = sorted(done + missed, key=lambda r: (r.published, r.cue.kind == "done", r.doc, r.start))
    if settled:
        last = settled[-1]
        return ("kept" if last.cue.kind == "done" else "broken"), current, plan, [last]
    held = [f for st in stmts if st.stated_on == newest for f in st.phases]
    later = [r for r in live if r.cue.kind == "postponed" and r.published >= newest]
    if later or any(f.commitment.postponed and (str(f.commitment.deadline), f.mod) == current for f in held):
        return "superseded", current, plan, later[-1:]
    cal = status(current[0], as_of, current[1])
    return ("pending" if cal == "pending" else "due"), current, plan, []


def _what(stmts: Sequence[Statement], lk: Lookups) -> str:
    """``انسحاب التحالف الدولي من العراق``: action words from ``thread_labels.tsv``."""
    r0 = stmts[0].reading
    row = _labels().get(r0.action or "")
    if row is None:
        f = stmts[0].phases[0].commitment
        return f.what if len(f.what) <= WHAT_MAX else f.what[:WHAT_MAX].rsplit(" ", 1)[0] + "…"
    noun, definite, prep, with_agent = row[:4]
    agents = Counter(a for st in stmts for a in st.reading.agents[:1])
    agent = lk.ents[min(agents, key=lambda a: (-agents[a], a))].name if agents and with_agent == "yes" else ""
    places = Counter(p for st in stmts for p in (sorted(st.reading.facilities) or st.reading.where[:1]))
    for p in list(places):  # the country itself stands for its cities when it is named
        e = lk.ents.get(p)
        if e is not None and e.geo is not None and e.geo.kind == "country":
            places[p] += len(stmts)
    place = lk.ents[min(places, key=lambda p: (-places[p], p))].name if places else ""
    head = f"{noun} {agent}" if agent else (noun if prep == "-" and place else definite)
    if not place:
        return head
    return f"{head} {place}" if prep == "-" else f"{head} {prep} {place}"


def _thread(stmts: list[Statement], reports: Sequence[Report], lk: Lookups, as_of: str) -> Thread:
    stmts.sort(key=lambda st: st.key)
    st_status, current, plan, decided = _status(stmts, reports, as_of)
    deadlines: list[Deadline] = []
    for st in stmts:
        for f, mid in zip(st.phases, st.ids, strict=True):
            v = (str(f.commitment.deadline), f.mod)
            mark = (
                "current"
                if _overlap(v, current)
                else "phase"
                if any(_overlap(v, p) for p in plan)
                else "superseded"
            )
            e0 = Evidence(st.doc, st.start, st.end)
            deadlines.append(
                Deadline(
                    v[0],
                    f.mod,
                    f.speaker,
                    f.commitment.who,
                    st.stated_on or None,
                    [e0],
                    mid,
                    mark,
                    st.doc,
                    st.outlet,
                )
            )
    who = Counter(a for st in stmts for a in st.reading.agents) + Counter(
        d.stated_by for d in deadlines if d.stated_by
    )
    places = Counter(p for st in stmts for p in st.reading.where)
    rep_ev = [Evidence(r.doc, r.start, r.end) for r in decided]
    ev = sorted(
        {(e.doc, e.start, e.end) for d in deadlines for e in d.evidence}
        | {(e.doc, e.start, e.end) for e in rep_ev}
    )
    confs = [f.commitment.confidence for st in stmts for f in st.phases]
    sources = len({st.doc for st in stmts})
    return Thread(
        id=make_id("t", stmts[0].reading.action, *sorted(f"{st.doc}:{st.start}" for st in stmts)),
        what=_what(stmts, lk),
        actors=sorted(who, key=lambda a: (-who[a], a)),
        deadlines=deadlines,
        status=st_status,
        as_of=as_of,
        commitments=list(dict.fromkeys(i for st in stmts for i in st.ids)),
        evidence=[Evidence(*x) for x in ev],
        confidence=round(min(0.95, max(confs) + 0.05 * (sources - 1)), 2),
        action=stmts[0].reading.action,
        places=sorted(places, key=lambda p: (-places[p], p)),
        reports=rep_ev,
    )


def _side(st: Statement) -> Side:
    f = st.phases[-1]
    return Side(
        value=deadline_words(f.commitment.deadline, f.mod), source=st.doc, evidence=[Evidence(st.doc, st.start, st.end)],
        outlet=st.outlet, speaker=f.speaker, speaker_text=f.commitment.who,
    )  # fmt: skip


Plan = tuple[tuple[str, str | None], ...]


def _rivals(pa: Plan, pb: Plan) -> bool:
    """Two deadline lists that disagree: final deadlines apart, and either as many phases
    or no deadline in common (a one-step plan restating the first phase of a two-step one
    is not a rival)."""
    if _overlap(pa[-1], pb[-1]):
        return False
    return len(pa) == len(pb) or not any(_overlap(x, y) for x in pa for y in pb)


def _close_pair(xs: Sequence[Statement], ys: Sequence[Statement]) -> tuple[Statement, Statement] | None:
    """The first two statements, one of each list (both in stated order), from different
    sources and at most ``SAME_TIME_DAYS`` apart. Each side keeps its latest statements of
    two sources, which is all a newcomer can need: one pass over both lists."""
    recent: dict[int, list[tuple[date, Statement]]] = {0: [], 1: []}
    merged = sorted(
        [(st.key, 0, st) for st in xs] + [(st.key, 1, st) for st in ys], key=lambda r: (r[0], r[1])
    )
    for _, side, st in merged:
        day = _day(st.stated_on)
        if day is None:
            continue
        src = st.outlet or st.doc
        for d, other in reversed(recent[1 - side]):
            if (
                (day - d).days <= SAME_TIME_DAYS
                and (other.outlet or other.doc) != src
                and other.doc != st.doc
            ):
                return other, st
        keep = [r for r in recent[side] if (r[1].outlet or r[1].doc) != src][-1:]
        recent[side] = [*keep, (day, st)]
    return None


def _conflicts(t: Thread, stmts: Sequence[Statement]) -> list[Conflict]:
    """Deadline disagreements between sources inside one thread (see the module doc).

    Statements are compared by their deadline lists: for each pair of rival lists, the
    first pair of statements close in time. Complexity: O(k² + k·n) for ``n`` statements
    with ``k`` different deadline lists (a handful per promise)."""
    by_plan: dict[Plan, list[Statement]] = {}
    for st in stmts:
        if not st.postponed:  # a deadline reported as given up is no rival
            by_plan.setdefault(tuple(st.values()), []).append(st)
    plans = sorted(by_plan, key=lambda p: [(v, m or "") for v, m in p])
    out: list[Conflict] = []
    seen: set[frozenset[tuple[str, str | None]]] = set()
    tpl = _templates()
    for x, pa in enumerate(plans):
        for pb in plans[x + 1 :]:
            pair = frozenset((pa[-1], pb[-1]))
            if pair in seen or not _rivals(pa, pb):
                continue
            got = _close_pair(by_plan[pa], by_plan[pb])
            if got is None:
                continue
            seen.add(pair)
            a, b = got
            sa, sb = _side(a), _side(b)
            text = tpl["deadline"].format(what=t.what, x=sa.value, y=sb.value, a=_name(a, sa), b=_name(b, sb))
            fa, fb = a.values()[-1], b.values()[-1]
            out.append(Conflict(
                id=make_id("k", "deadline", t.id, *sorted([f"{a.doc}:{a.start}:{fa}", f"{b.doc}:{b.start}:{fb}"])),
                kind="deadline", a=a.ids[-1], b=b.ids[-1], explanation=text,
                evidence=[*sa.evidence, *sb.evidence], confidence=CONF_CONFLICT, thread=t.id,
                relation="differ", side_a=sa, side_b=sb,
            ))  # fmt: skip
    return out


def _name(st: Statement, side: Side) -> str:
    """Who gave a deadline, for the explanation: the outlet, else the speaker."""
    tpl = _templates()
    return tpl["source"].format(outlet=st.outlet) if st.outlet else side.speaker_text or tpl["outlet_unknown"]


def _order(f: Found) -> tuple[str, int, str, str]:
    e0 = f.commitment.evidence[0] if f.commitment.evidence else Evidence("", 0, 0)
    return (e0.doc, e0.start, str(f.commitment.deadline), f.commitment.id)


def build_threads(
    found: Sequence[Found], das: Sequence[DocAnalysis], entities: Sequence[Entity], as_of: str,
    cues: Mapping[str, Sequence[SentenceCue]] | None = None,
) -> tuple[list[Commitment], list[Thread], list[Conflict]]:  # fmt: skip
    """``(merged commitments, threads, deadline conflicts)`` of a corpus, deterministic order.

    ``found`` are the per-document commitments (``find_commitments``), ``das`` the analysed
    documents they were read from, ``entities`` the linked entities, ``cues`` each article's
    ``sentence_cues`` (read here when not given)."""
    found = sorted(found, key=_order)
    lk = Lookups.of(entities)
    by_id = {da.doc.id: da for da in das}
    stmts = _statements(found, by_id, lk)
    groups = _group(stmts)
    thread_of: dict[int, str] = {}
    for g in groups:
        tid = make_id("t", *sorted(f"{st.doc}:{st.start}" for st in g.members))
        thread_of.update((id(f), tid) for st in g.members for f in st.phases)
    merged = merge_groups(found, lambda f: thread_of.get(id(f), ""))
    mid = {id(f): c.id for c, fs in merged for f in fs}
    for st in stmts:
        st.ids = [mid[id(f)] for f in st.phases]
    index: dict[Block | str, list[int]] = {}
    for i, g in enumerate(groups):
        b = next((b for st in g.members if (b := _block(st.reading)) is not None), None)
        if b is not None:
            index.setdefault(b, []).append(i)
        if g.members[0].reading.action:
            index.setdefault(g.members[0].reading.action, []).append(i)
    skip = {(st.doc, st.start) for st in stmts}
    per: dict[int, list[Report]] = {}
    for rep in _reports(sorted(das, key=lambda d: d.doc.id), skip, lk, as_of, cues):
        k = _place_report(rep, groups, index)
        if k is not None:
            per.setdefault(k, []).append(rep)
    threads: list[Thread] = []
    conflicts: list[Conflict] = []
    for i, g in enumerate(groups):
        t = _thread(g.members, per.get(i, []), lk, as_of)
        threads.append(t)
        conflicts.extend(_conflicts(t, g.members))
    threads.sort(key=lambda t: (t.deadlines[0].stated_on or "", t.id))
    conflicts.sort(key=lambda k: (k.thread or "", k.id))
    return [c for c, _ in merged], threads, conflicts
