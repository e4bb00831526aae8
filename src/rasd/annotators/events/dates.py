"""When an event happened: the day its clause, a free neighbouring clause or the article gives.

Split from the events engine (``rasd.annotators.events``), which calls ``_date`` per trigger
and ``_today_before`` per sentence; the words these read (since words, verbs of happening)
live in ``resources/time/since_words.txt`` and ``resources/story/happened_words.txt``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Protocol

from rasd.models import DocAnalysis, EventDate, Timex
from rasd.temporal import date_precision
from rasd.text import sentences, tokenize
from rasd.text.clitics import conjunctions
from rasd.text.words import word_list


class TriggerHit(Protocol):
    """What dating needs of a trigger match (``events.TriggerHit``): where it stands."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

TODAY_REACH = 4  # sentences after "اليوم السبت" that still report that day's events
_CONJ = conjunctions()  # و، ف


def precision_of(value: str | None) -> str | None:
    """day | month | year from a TimeML value; ``None`` when it is not a calendar date."""
    return date_precision(value)


def _date(
    hit: TriggerHit,
    span: tuple[int, int],
    free: Sequence[tuple[int, int]],
    timex: Sequence[Timex],
    da: DocAnalysis,
    planned: bool = False,
    today_from: int | None = None,
) -> tuple[EventDate, float, str]:
    """The event date: nearest dated TIMEX in the trigger's clause (``span``); else in a
    clause next to it with no trigger of its own (``free``: "the raid, which he planned,
    took place on 20 January"); else the article date at month precision.

    A date in a clause with its own trigger belongs to that predicate ("the meeting agreed
    on in the April session"), so it is not borrowed. ``today_from`` (set by the caller
    when a sentence shortly before said "today"/"on Saturday" = the article's day, and the
    event has named participants) dates the event to that day: news leads report the day's
    events over several sentences. The third value says where the date came from.
    """
    text = da.doc.text
    for spans, conf in (([span], 1.0), (free, 0.9)):
        best: Timex | None = None
        best_d = 1 << 30
        for t in timex:
            if t.type not in ("DATE", "TIME") or precision_of(t.value) is None:
                continue
            if t.deadline and not planned:
                continue  # "… ends by September 2025" dates the plan, not the statement reporting it
            inside = [(a, b) for a, b in spans if a <= t.start and t.end <= b]
            if not inside:
                continue
            if conf < 1.0 and (_since_before(text, t.start) or not _tells_the_trigger(text, hit, inside[0])):
                # a neighbouring clause's day belongs to its own predicate ("سقوط الطائرة على البلدة
                # التي سقطت في يد المقاتلين في مايو"), and a since-day tells how long a state holds
                continue
            d = max(t.start - hit.end if t.start >= hit.end else hit.start - t.end, 0)
            if d < best_d:
                best, best_d = t, d
        if best is not None and best.value is not None:
            v = best.value[:10]
            return EventDate(v, precision_of(v)), conf, "own" if conf == 1.0 else "neighbour"
    pub = da.doc.published.value
    if pub and today_from is not None and precision_of(pub) == "day" and not planned:
        return EventDate(pub[:10], "day"), 0.85, "context"
    if pub and precision_of(pub):
        v = pub[:7] if len(pub) >= 7 else pub[:4]
        return EventDate(v, precision_of(v)), 0.6, "article"
    return EventDate(None, None), 0.5, "article"


def _since_before(text: str, start: int) -> bool:
    """Whether a since word (``time/since_words.txt``: منذ) opens the date at ``start``."""
    before = [t.norm for t in tokenize(text[max(0, start - 12) : start]) if t.is_word][-1:]
    since = word_list("time/since_words.txt")
    return bool(before) and (before[0] in since or (before[0][:1] in _CONJ and before[0][1:] in since))


def _tells_the_trigger(text: str, hit: TriggerHit, clause: tuple[int, int]) -> bool:
    """Whether a neighbouring clause without a trigger of its own still tells of the trigger's
    happening: it opens right after the trigger ("الهجوم، الذي نفذه مسلحون، …") or says it
    happened (``story/happened_words.txt``: "… وقع يوم الجمعة")."""
    a, b = clause
    if a >= hit.end and len([t for t in tokenize(text[hit.end : a]) if t.is_word]) <= 1:
        return True
    happened = word_list("story/happened_words.txt")
    return any(t.norm in happened or (t.norm[:1] in _CONJ and t.norm[1:] in happened)
               for t in tokenize(text[a:b]) if t.is_word)  # fmt: skip


def _today_before(today_at: Sequence[int], start: int, text: str, starts: Sequence[int] = ()) -> int | None:
    """Offset of a "today" TIMEX (one valued as the article's own day) at most
    ``TODAY_REACH`` sentences before the sentence starting at ``start``, else ``None``.

    ``starts`` (the document's sentence starts) spares splitting the text in between when
    it plainly holds more sentences than that: splitting a piece alone can only find more
    breaks, not fewer, than the whole text has there."""
    i = bisect_left(today_at, start)
    if i == 0:
        return None
    at = today_at[i - 1]
    if starts and bisect_left(starts, start) - bisect_right(starts, at) > TODAY_REACH + 2:
        return None
    between = len(sentences(text[at:start]))
    return at if between <= TODAY_REACH else None
