"""Commitments: promises, plans and deadlines, with their status as of a date.

A sentence is a commitment when it carries a deadline (a TIMEX flagged ``deadline`` by
the time annotator, or a date after a cue from ``resources/events/commitment_cues.txt``
such as بحلول / في موعد لا يتجاوز / حتى / نهاية العام) or an explicit pledge cue (تعهد،
التزام) together with a future date. Who committed: the quote's speaker when the
sentence is quoted, else the sentence's first actor. A postponement cue (تأجيل، أرجأ …)
in the sentence or in a nearby later sentence sharing content words marks it postponed.
Status as of ``as_of``: ``passed`` after the deadline's period, ``due`` within it (for a
day deadline: in the same month), else ``pending``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from rasd.annotators.events import find_triggers, modality, phrase_list, phrase_starts, stems, word_list
from rasd.ids import make_id
from rasd.models import Commitment, DocAnalysis, Evidence, Timex
from rasd.story.claims import DocSpans, content_stems, schedule_words, topics_of, word_tokens
from rasd.temporal import TimeValue
from rasd.text import Token, sentences

WHAT_MAX = 220
_INCIDENTAL = frozenset({"schedule", "statement", "meeting"})
POSTPONE_LOOKAHEAD = 4


@dataclass
class Found:
    """A commitment read from one article, with what ``merge_commitments`` groups it by."""

    commitment: Commitment
    topics: frozenset[str]
    stems: frozenset[str]
    speaker: str | None = None  # entity id of who stated it (quote speaker or first actor)
    mod: str | None = None  # the deadline's TimeML mod (END: "نهاية سبتمبر")
    at: tuple[int, int] | None = None  # the deadline's offsets in the document


def cue_phrases() -> tuple[tuple[str, ...], ...]:
    return phrase_list("events/commitment_cues.txt")


def pledge_words() -> frozenset[str]:
    return word_list("events/pledge_words.txt")


def postpone_cues() -> frozenset[str]:
    return word_list("events/postpone_cues.txt")


def span(value: str | None, mod: str | None = None) -> tuple[date, date] | None:
    """First and last day of the period a deadline names (``TimeValue.range``), read as the
    story stage always has: only END narrows it (a month to its last ten days, a year to
    December), and a season counts as its whole year (a season deadline is vague)."""
    tv = TimeValue.parse(value, "END" if mod == "END" else None)
    if tv.year is None:
        return None
    if tv.season is not None:
        tv = TimeValue.parse(f"{tv.year:04d}", tv.mod)
    return tv.range()


@lru_cache(maxsize=4096)
def period(value: str | None, mod: str | None = None) -> tuple[str, str] | None:
    """``span`` as ISO days (what comparisons with ``as_of`` strings need)."""
    r = span(value, mod)
    return (r[0].isoformat(), r[1].isoformat()) if r else None


def status(deadline: str | None, as_of: str, mod: str | None = None) -> str:
    """pending | due | passed for ``deadline`` seen from ``as_of`` (YYYY-MM-DD)."""
    p = period(deadline, mod)
    if p is None:
        return "pending"
    lo, hi = p
    if as_of > hi:
        return "passed"
    if lo == hi:  # a day: due from the start of its month
        lo = lo[:8] + "01"
    return "due" if as_of >= lo else "pending"


def _has_cue(norms: Sequence[str]) -> int:
    """Index of the first commitment cue in ``norms`` (folded words), or -1."""
    return next(phrase_starts(norms, cue_phrases()), -1)


def _after(value: str | None, pub: str) -> bool:
    """Whether a TimeML date lies after the publication date (compared at its own precision)."""
    tv = TimeValue.parse(value)
    if not value or not pub or tv.year is None:
        return False
    if not tv.plain:  # a week, quarter or half: compare its first day
        p = period(value)
        return p is not None and p[0] > pub
    if len(value) > len(pub) and value.startswith(pub):
        return True  # "31 December" in an article dated only "December": may still be ahead
    return value[: len(pub)] > pub[: len(value)]


def _ended(t: Timex, pub: str) -> bool:
    """Whether the whole period of ``t`` lies before the publication date."""
    p = period(t.value, t.mod)
    return bool(pub) and p is not None and p[1] < pub[:10]


def _future_cue(norms: Sequence[str]) -> bool:
    """A cue of a plan or obligation (سوف، من المقرر، على أن: ``events/future_cues.txt``)."""
    return next(phrase_starts(norms, phrase_list("events/future_cues.txt")), None) is not None


def _deadline(timex: Sequence[Timex], s: int, e: int, cue_at: int | None, pub: str | None) -> Timex | None:
    """The deadline: a flagged TIMEX, else the first date after the cue, else the first date
    after the publication date (``pub``, when the sentence reports a plan or an event)."""
    cands = [t for t in timex if s <= t.start and t.end <= e and t.type == "DATE" and t.value and period(t.value)]
    flagged = [t for t in cands if t.deadline]
    if flagged:
        return flagged[0]
    if cue_at is not None:
        after = [t for t in cands if t.start >= cue_at]
        if after:
            return after[0]
    if pub:
        future = [t for t in cands if _after(t.value, pub)]
        if future:
            return future[0]
    return None


def find_commitments(da: DocAnalysis, as_of: str) -> list[Found]:
    """Commitments of one document, in text order."""
    text = da.doc.text
    sents = sentences(text)
    out: list[Found] = []
    spans = DocSpans.of(da)  # a long page has thousands of mentions: look up each sentence's own
    tix = spans.timex
    for k, (s, e) in enumerate(sents):
        words = word_tokens(text[s:e], s)
        norms = [w.norm for w in words]
        ci = _has_cue(norms)
        hits = find_triggers(words)
        planned = any(modality(words, h) == "planned" for h in hits)
        pledge = any(any(st in pledge_words() for _, st in stems(w)) for w in words)
        pub = da.doc.published.value or ""
        in_sent = [t for t in tix.overlapping(s, e) if s <= t.start and t.end <= e]
        # a schedule verb with a date still ahead ("المرحلة الثانية تنتهي في سبتمبر 2026") is a plan too
        scheduled = any(st in schedule_words() for w in words for _, st in stems(w))
        ahead = (bool(hits) or scheduled) and any(_after(t.value, pub) for t in in_sent if t.type == "DATE")
        if ci < 0 and not planned and not pledge and not ahead and not any(t.deadline for t in in_sent):
            continue
        t = _deadline(in_sent, s, e, words[ci].start if ci >= 0 else None, pub if (hits or planned or scheduled) else None)
        if t is None and not pledge:
            continue
        if t is not None and not t.deadline and not _after(t.value, pub) and ci < 0:
            continue  # a past date in a sentence with only a future verb is not a deadline
        if t is not None and _ended(t, pub) and not (planned or pledge or _future_cue(norms)):
            continue  # "attacks during 2024" in a later article: a past report, not a deadline
        phases = _phase_deadlines(in_sent, s, e, words, norms, t)
        for t in phases:
            out.append(_commitment(da, as_of, sents, k, words, t, ci, pledge, spans))
    return out


def _phase_deadlines(
    timex: Sequence[Timex], s: int, e: int, words: Sequence[Token], norms: Sequence[str], first: Timex | None
) -> list[Timex | None]:
    """Every deadline of a multi-phase plan in one sentence ("by 30 September 2025, then a
    second phase until September 2026"): flagged TIMEXes and the first date after each cue,
    in text order; just ``first`` when there is no second one."""
    cands = [t for t in timex if s <= t.start and t.end <= e and t.type == "DATE" and t.value and period(t.value)]
    picked = {id(t): t for t in cands if t.deadline}
    for i in _cue_positions(norms):
        after = [t for t in cands if t.start >= words[i].start]
        if after:
            picked.setdefault(id(after[0]), after[0])
    if first is not None:
        picked.setdefault(id(first), first)
    out = sorted(picked.values(), key=lambda t: t.start)
    return list(out) if len(out) > 1 else [first]


def _cue_positions(norms: Sequence[str]) -> list[int]:
    """Indexes of every commitment cue in ``norms`` (folded words)."""
    return list(phrase_starts(norms, cue_phrases()))


def _commitment(
    da: DocAnalysis,
    as_of: str,
    sents: Sequence[tuple[int, int]],
    k: int,
    words: Sequence[Token],
    t: Timex | None,
    ci: int,
    pledge: bool,
    spans: DocSpans | None = None,
) -> Found:
    """One commitment of sentence ``k`` with deadline ``t``."""
    text = da.doc.text
    s, e = sents[k]
    who_ent: str | None = None
    who_text: str | None = None
    sp = spans or DocSpans.of(da)
    q = next(iter(sp.quotes.overlapping(s, e)), None)
    if q is not None:
        who_ent, who_text = q.speaker.entity, q.speaker.text
    ents = [m for m in sp.entities.within(s, e) if m.type in ("PER", "ORG", "GPE")]
    if who_text is None and ents:
        who_ent, who_text = ents[0].entity, ents[0].text
    actors = list(dict.fromkeys([x for x in [who_ent] if x] + [m.entity for m in ents if m.entity]))
    stem_set = content_stems(words)
    postponed = _postponed(text, sents, k, stem_set)
    deadline = t.value if t is not None else None
    what = text[s:e] if e - s <= WHAT_MAX else text[s : s + WHAT_MAX].rstrip() + "…"
    c = Commitment(
        id=make_id("m", da.doc.id, s, e, deadline),
        what=what,
        actors=actors,
        deadline=deadline,
        status=status(deadline, as_of, t.mod if t is not None else None),
        evidence=[Evidence(da.doc.id, s, e)],
        confidence=round(0.5 + 0.2 * bool(t is not None and t.deadline) + 0.1 * (ci >= 0) + 0.1 * bool(who_text), 2),
        who=who_text,
    )
    c.postponed = postponed
    at = (t.start, t.end) if t is not None else None
    return Found(c, frozenset(topics_of(words)), stem_set, who_ent, t.mod if t is not None else None, at)


def _postponed(text: str, sents: Sequence[tuple[int, int]], k: int, stem_set: frozenset[str]) -> bool:
    cues = postpone_cues()
    for j in range(k, min(len(sents), k + POSTPONE_LOOKAHEAD + 1)):
        s, e = sents[j]
        words = word_tokens(text[s:e], s)
        if not any(any(st in cues for _, st in stems(w)) for w in words):
            continue
        if j == k or len(content_stems(words) & stem_set) >= 2:
            return True
    return False


def merge_commitments(found: Sequence[Found]) -> list[Commitment]:
    """One commitment per (deadline, topics) across documents and sources, all evidence kept.

    Incidental topics (the statement or meeting that reported the plan) do not split a
    commitment: the joint statement and an official's briefing on one deadline are one.
    """
    return [c for c, _ in merge_groups(found)]


def merge_groups(
    found: Sequence[Found], scope: Callable[[Found], str] | None = None
) -> list[tuple[Commitment, list[Found]]]:
    """``merge_commitments`` with the members behind each merged commitment (what threads
    map their statements by). ``scope`` (the commitment thread) keeps apart what only
    shares a deadline and a topic (leaving Iraq, leaving Afghanistan). The ``Found`` items
    are left as they were."""
    groups: dict[tuple[str | None, frozenset[str], str], list[Found]] = {}
    for f in found:
        c = f.commitment
        key = (c.deadline, f.topics - _INCIDENTAL, scope(f) if scope else "")
        if c.deadline is None or not f.topics - _INCIDENTAL:
            key = (c.id, frozenset(), "")
        groups.setdefault(key, []).append(f)
    out: list[tuple[Commitment, list[Found]]] = []
    for members in groups.values():
        first = members[0].commitment
        if len(members) > 1:
            first = replace(first, actors=list(first.actors), evidence=list(first.evidence))
            ev = sorted({(e.doc, e.start, e.end) for f in members for e in f.commitment.evidence})
            first.evidence = [Evidence(*x) for x in ev]
            first.id = make_id("m", first.deadline, *[f"{d}:{s}" for d, s, _ in ev])
            first.postponed = any(f.commitment.postponed for f in members)
            first.confidence = min(0.95, max(f.commitment.confidence for f in members) + 0.05)
            first.actors = list(dict.fromkeys(a for f in members for a in f.commitment.actors))
        out.append((first, members))
    out.sort(key=lambda cm: (cm[0].deadline or "9999", cm[0].evidence[0].doc, cm[0].evidence[0].start))
    return out
