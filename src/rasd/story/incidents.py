"""Incident resolution: the reports of one happening, across outlets and days, as one incident.

Every story event is a *report*. A report has a kind (from its trigger, ``story/kinds.tsv``:
a fire never joins a crash), a window of days when the happening may have taken place (its
own date at its precision; a report dated only by its article — "the attack", "the
explosion that hit …" — gets the ``REACH`` days up to its publication date, ``BACKREF_DAYS``
with a back-reference phrase from ``story/backrefs.txt``), its places (entity ids), its
participants and the content words of its sentence.

Blocking, never all pairs: a report is filed under ``(kind, ISO week, key)`` for each week
its window touches and each key among its places' countries (a city and its country meet),
its ``TOP_WORDS`` rarest content words, its own document and one shared key per kind and week. Reports are taken in date
order and each joins the best-scoring incident met in its blocks (compared with the
incident's running profile, never with every member) or opens a new one; a block holds at
most ``MAX_BLOCK`` incidents (the latest), so the cost is ``O(n · keys · MAX_BLOCK)``.

A report joins an incident when the kinds agree, the windows are at most ``MAX_GAP`` days
apart, the places are not apart (``places.relation``), and the evidence — place, shared
rare words (idf-weighted share of the report's words), equal figures, shared participants,
the same article — reaches ``JOIN``.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from rasd.annotators.events import stems
from rasd.models import Entity, Event
from rasd.resources import load_lines, load_table
from rasd.story import places as pl
from rasd.text import fold, tokenize

REACH = 3  # days before its article an undated report may be about
BACKREF_DAYS = 7  # … with a back-reference phrase ("the attack that took place …")
MAX_GAP = 1  # days between two windows that noisy dates ("yesterday" misread) still bridge
FOLLOW_DAYS = 7  # days after an incident a follow-up report (new toll, arrests, funeral) may come
FOLLOW_JOIN = 3.0  # … and the evidence it needs (a shared place and most of its rare words)
TOP_WORDS = 4
LEAD_REACH = 300  # characters before a placeless report where its scene may be named
DATELINE = 80  # characters of an article's opening that a dateline place falls in
MAX_BLOCK = 64
JOIN = 1.5
MIN_WORD = 3  # letters of a content word


@cache
def _kinds() -> dict[str, tuple[str, str]]:
    return {fold(r[0]) if not r[0].startswith("TYPE:") else r[0]: (r[1], r[2]) for r in load_table("story/kinds.tsv") if len(r) >= 3}


def kind_of(ev: Event) -> tuple[str, str]:
    """``(kind, label word)`` of a report, from its trigger's words else its type."""
    table = _kinds()
    for w in ev.trigger.split():
        for tok in tokenize(w):
            for _, s in reversed(stems(tok)):
                if s in table:
                    return table[s]
    return table.get(f"TYPE:{ev.type}", (ev.type.lower(), ""))


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(fold(w) for name in ("claims/stopwords.txt", "entities/function_words.txt") for w in load_lines(name))


@cache
def _backrefs() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(w) for w in line.split()) for line in load_lines("story/backrefs.txt"))


@cache
def _followups() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lines("story/followups.txt"))


def content_words(text: str) -> frozenset[str]:
    """Folded stems (proclitics off) of a sentence's content words."""
    stop = _stopwords()
    out: set[str] = set()
    for tok in tokenize(text):
        if not tok.is_word or any(c.isdigit() for c in tok.text):
            continue
        if tok.norm in stop:
            continue
        # every reading (whole word, proclitics off): "بريطانيا" and "وبريطانيا" meet either way
        out.update(s for _, s in stems(tok) if len(s) >= MIN_WORD and s not in stop)
    return frozenset(out)


def has_backref(text: str) -> bool:
    norms = [t.norm for t in tokenize(text) if t.is_word]
    return any(tuple(norms[i : i + len(p)]) == p for p in _backrefs() for i in range(len(norms)))


def parse_day(v: str | None) -> date | None:
    try:
        return date.fromisoformat(v[:10]) if v and len(v) >= 10 else None
    except ValueError:
        return None


def window(ev: Event, pub: date | None, backref: bool) -> tuple[date, date, bool] | None:
    """``(first, last, dated)``: the days the happening may fall on; ``dated`` when the
    report's own words date it (not its article)."""
    v = ev.date.value or ""
    if ev._date_source != "article" and v:
        d = parse_day(v)
        if d is not None:
            return d, d, True
        if "-W" in v:
            try:
                mon = date.fromisocalendar(int(v[:4]), int(v[6:8]), 1)
                return mon, mon + timedelta(days=6), True
            except ValueError:
                pass
        if len(v) == 7 and v[:4].isdigit() and v[5:7].isdigit():
            first = date(int(v[:4]), int(v[5:7]), 1)
            nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            if pub is not None and first <= pub < nxt:  # this month, per the report: up to its article
                return max(first, pub - timedelta(days=BACKREF_DAYS)), pub, False
            return first, nxt - timedelta(days=1), True
    if pub is None:
        return None
    return pub - timedelta(days=BACKREF_DAYS if backref else REACH), pub, False


@dataclass
class Report:
    ev: Event
    doc: str
    outlet: str
    pub: date | None
    kind: str
    label_word: str
    lo: date
    hi: date
    dated: bool
    places: frozenset[str]
    parts: frozenset[str]
    words: frozenset[str]
    follow: bool = False  # says it follows up an earlier happening (followups.txt, backrefs.txt)
    about: frozenset[str] = frozenset()  # kinds of the happening an arrest report names (the bombing)


@dataclass
class Incident:
    kind: str
    reports: list[Report] = field(default_factory=list)
    lo: date | None = None  # window of the dated reports (else of all)
    hi: date | None = None
    dated: bool = False
    places: set[str] = field(default_factory=set)
    parts: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    counts: set[tuple[str, float]] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    windows: Counter[tuple[date, date]] = field(default_factory=Counter)

    def add(self, r: Report) -> None:
        self.reports.append(r)
        if r.dated and not self.dated:
            self.windows.clear()
            self.dated = True
        if r.dated == self.dated:
            # the window most reports give: one misdated report does not stretch the incident
            self.windows[(r.lo, r.hi)] += 1
            self.lo, self.hi = min(self.windows, key=lambda w: (-self.windows[w], w))
        self.places |= r.places
        self.parts |= r.parts
        self.words |= r.words
        self.counts |= set(r.ev.counts.items())
        self.docs.add(r.doc)


def _gap(r: Report, inc: Incident) -> int:
    assert inc.lo is not None and inc.hi is not None
    if r.hi < inc.lo:
        return (inc.lo - r.hi).days
    if inc.hi < r.lo:
        return (r.lo - inc.hi).days
    return 0


def score(r: Report, inc: Incident, idf: Mapping[str, float], ents: Mapping[str, Entity]) -> float | None:
    """How much says ``r`` reports ``inc``; ``None`` when something excludes it."""
    if r.kind != inc.kind and inc.kind not in r.about:
        return None
    gap = _gap(r, inc)
    assert inc.lo is not None and inc.hi is not None
    if gap and (r.dated or inc.dated) and max((r.hi - r.lo).days, (inc.hi - inc.lo).days) > 6:
        return None  # "in July" and "in August": month-dated windows must overlap, not touch
    later = r.lo > inc.hi
    if gap > (FOLLOW_DAYS if later and r.follow else MAX_GAP):
        return None
    rel = pl.best_relation(r.places, inc.places, ents)
    if rel == pl.APART:
        return None
    s = {None: 0.0, pl.SAME: 2.0, pl.CONTAINED: 1.5, pl.UNKNOWN: -0.5}[rel]
    own = sum(idf.get(w, 0.0) for w in r.words)
    if own:
        s += 3.0 * sum(idf.get(w, 0.0) for w in r.words & inc.words) / own
    s += 1.0 * bool(set(r.ev.counts.items()) & inc.counts)
    s += 1.0 * bool(r.parts & inc.parts)
    s += 2.0 * (r.doc in inc.docs)
    if gap > MAX_GAP:
        # a follow-up days later ("the toll of last week's sinking rose to 38") is dated by
        # its own article: it joins only on a shared place and most of its rare words
        return s - 0.5 * MAX_GAP if rel in (pl.SAME, pl.CONTAINED) and s >= FOLLOW_JOIN else None
    return s - 0.5 * gap


def _weeks(lo: date, hi: date, back: int = MAX_GAP) -> list[str]:
    """ISO weeks of the days from ``back`` days before ``lo`` to ``MAX_GAP`` after ``hi`` (at most 8)."""
    out: list[str] = []
    d, end = lo - timedelta(days=back), hi + timedelta(days=MAX_GAP)
    while d <= end and len(out) < 8:
        y, w, _ = d.isocalendar()
        out.append(f"{y}-W{w:02d}")
        d += timedelta(days=7 - d.weekday())  # next Monday
    if len(out) < 8:
        y, w, _ = end.isocalendar()
        if f"{y}-W{w:02d}" not in out:
            out.append(f"{y}-W{w:02d}")
    return out


def make_reports(
    events: Sequence[Event], texts: Mapping[str, str], pubs: Mapping[str, date | None], outlets: Mapping[str, str],
    ents: Mapping[str, Entity], doc_places: Mapping[str, Sequence[tuple[int, str]]] | None = None,
) -> list[Report]:
    """One report per event; ``doc_places``: each document's ``(offset, place id)`` in text
    order, the scene of a report whose sentence names none (the dateline, the lead)."""
    out = []
    for ev in events:
        e0 = ev.evidence[0]
        sent = texts.get(e0.doc, "")[e0.start : e0.end]
        backref = has_backref(sent)
        w = window(ev, pubs.get(e0.doc), backref)
        if w is None:
            continue
        kind, word = kind_of(ev)
        named = [x for x in [*ev.targets, *ev.actors] if ents.get(x) is not None and ents[x].type in ("GPE", "LOC", "FAC")]
        geo = frozenset(x for x in [ev.place, *named] if x and not x.startswith("?"))
        if not geo and doc_places:
            geo = lead_place(doc_places.get(e0.doc, ()), e0.start)
        parts = frozenset(x for x in [*ev.actors, *ev.targets] if x not in geo and not x.startswith("?"))
        words = content_words(sent)
        follow = backref or bool(words & _followups())
        # an arrest of those behind a bombing is a report of the bombing (a follow-up)
        about = frozenset(_kinds()[w][0] for w in words if w in _kinds()) - {kind} if kind == "arrest" else frozenset()
        out.append(Report(ev, e0.doc, outlets.get(e0.doc, ""), pubs.get(e0.doc), kind, word, w[0], w[1], w[2], geo, parts, words, follow, about))
    return out


def lead_place(places: Sequence[tuple[int, str]], at: int) -> frozenset[str]:
    """The place named last before ``at`` within ``LEAD_REACH`` characters, else the
    article's first place when it opens the article (a dateline: "عين اليوم – المنامة")."""
    before = [p for s, p in places if at - LEAD_REACH <= s < at]
    if before:
        return frozenset(before[-1:])
    return frozenset(p for s, p in places[:1] if s < DATELINE)


def resolve(reports: Sequence[Report], ents: Mapping[str, Entity]) -> list[Incident]:
    """Group reports into incidents (see module doc); deterministic for a given input."""
    df: Counter[str] = Counter()
    by_doc: dict[str, set[str]] = defaultdict(set)
    for r in reports:
        by_doc[r.doc] |= r.words
    for ws in by_doc.values():
        df.update(ws)
    n = max(1, len(by_doc))
    idf = {w: math.log((n + 1) / (c + 1)) for w, c in df.items()}
    order = sorted(range(len(reports)), key=lambda i: (reports[i].lo, reports[i].doc, reports[i].ev.evidence[0].start, i))
    incidents: list[Incident] = []
    blocks: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i in order:
        r = reports[i]
        rare = sorted((w for w in r.words if idf[w] > 0), key=lambda w: (-idf[w], w))[:TOP_WORDS]
        keys = [(r.kind, wk, k) for wk in _weeks(r.lo, r.hi, FOLLOW_DAYS if r.follow else MAX_GAP)
                for k in [*("p:" + p for p in pl.block_keys(r.places, ents)), *("w:" + w for w in rare), "d:" + r.doc, "*"]]  # fmt: skip
        cands = sorted({c for k in keys for c in blocks.get(k, [])[-MAX_BLOCK:]})
        best, best_s = None, JOIN
        for c in cands:
            s = score(r, incidents[c], idf, ents)
            if s is not None and s >= best_s + (1e-9 if best is not None else 0.0):
                best, best_s = c, s
        if best is None:
            best = len(incidents)
            incidents.append(Incident(r.kind))
        incidents[best].add(r)
        for k in keys:
            if not blocks[k] or blocks[k][-1] != best:
                blocks[k].append(best)
    return incidents
