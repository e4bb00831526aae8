"""Clauses of a sentence that recall another happening than the one its trigger reports.

"قتل ثلاثة في انفجار في Y، فيما شهدت X هجوما في 20 يونيو": X is where an earlier attack
took place, not the explosion's scene. A clause (``events.clauses``) other than the
trigger's recalls when a date in it ends ``RECALL_DAYS`` or more before its article's day
(the timex annotator's value: "الشهر الماضي"، "في 20 يونيو"، "منذ 2013") or when it holds a
clause cue of ``events/recall_cues.tsv`` (وكان … قد); so does the rest of any clause after a
phrase cue (على غرار، سبق أن). A relative clause right after the trigger's clause tells of
the trigger's happening or its people ("الهجوم الذي استهدف X الشهر الماضي"، "سراح الرهينة
التي خطفت في X في فبراير") and stays its own, unless another happening's trigger ends that
clause ("قتل ثلاثة في انفجار في Y، بعد الهجوم الذي استهدف X الشهر الماضي").
``events._arguments`` leaves the places of the recalled spans out of the event.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache

from rasd.models import Timex
from rasd.resources import load_lines, load_table
from rasd.temporal import TimeValue
from rasd.text import Token, fold
from rasd.text.clitics import conjunctions

RECALL_DAYS = 10  # a date this many days before its article (past a follow-up's reach: story.joins.FOLLOW_DAYS + story.incidents.REACH) is another happening's
GAP = 3  # words "…" in a cue may skip (وكانت السلطات المحلية قد)
OWN_TAIL = 2  # words before a relative clause where another trigger makes it that trigger's
# the relative pronouns that open a relative clause after a noun (الذي، التي، …): the definite
# ones of quotes/relatives.txt, the one list of them (ما/مما open no clause of a noun)
_RELATIVES = frozenset(fold(w) for w in load_lines("quotes/relatives.txt") if w.startswith("ال"))


@cache
def _cues() -> tuple[tuple[tuple[str, ...], str], ...]:
    return tuple(
        (tuple(fold(w) for w in r[0].split()), r[1])
        for r in load_table("events/recall_cues.tsv")
        if len(r) >= 2
    )


def _bare(w: str) -> str:
    return w[1:] if w[:1] in conjunctions() and len(w) > 2 else w


def _match(norms: Sequence[str], i: int, phrase: tuple[str, ...]) -> bool:
    """Whether ``phrase`` starts at ``norms[i]`` ("…" skips up to ``GAP`` words)."""
    j, skip = i, False
    for k, p in enumerate(phrase):
        if p == "…":
            skip = True
            continue
        limit = min(len(norms), j + 1 + (GAP if skip else 0))
        hit = next((x for x in range(j, limit) if (_bare(norms[x]) if k == 0 else norms[x]) == p), None)
        if hit is None:
            return False
        j, skip = hit + 1, False
    return True


def past_dates(timex: Sequence[Timex], pub: str) -> list[int]:
    """Offsets of the dates in ``timex`` that end ``RECALL_DAYS`` or more before ``pub`` (an ISO day)."""
    try:
        day = date.fromisoformat(pub[:10])
    except ValueError:
        return []
    out = []
    for t in timex:
        r = TimeValue.parse(t.value).range() if t.type == "DATE" and t.value else None
        if r is not None and r[1] <= day - timedelta(days=RECALL_DAYS):
            out.append(t.start)
    return out


def recalled(
    words: Sequence[Token],
    parts: Sequence[tuple[int, int]],
    first: int,
    last: int,
    past: Sequence[int] = (),
    others: Sequence[int] = (),
) -> list[tuple[int, int]]:
    """Character spans of ``words`` (one sentence, its clauses ``parts``) that recall another
    happening than the one of the trigger on words ``first``..``last``; ``past``: offsets of
    its dates well before its article (``past_dates``); ``others``: the last words of the
    sentence's other triggers."""
    norms = [w.norm for w in words]
    own = next((k for k, (a, b) in enumerate(parts) if a <= first < b), -1)
    out: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(parts):
        cs, ce = words[a].start, words[b - 1].end
        if k == own:
            continue
        if (
            k == own + 1
            and _bare(norms[a]) in _RELATIVES
            and not any(a - OWN_TAIL <= o < a and o > last for o in others)
        ):
            continue  # "الهجوم الذي استهدف …": the trigger's own happening
        if any(cs <= at < ce for at in past):
            out.append((cs, ce))
            continue
        for i in range(a, b):
            cue = next((scope for phrase, scope in _cues() if _match(norms[a:b], i - a, phrase)), None)
            if cue is not None:
                out.append((cs if cue == "clause" else words[i].start, ce))
                break
    if own >= 0:
        a, b = parts[own]
        for i in range(last + 1, b):
            if any(scope == "span" and _match(norms[a:b], i - a, phrase) for phrase, scope in _cues()):
                out.append((words[i].start, words[b - 1].end))
                break
    return out
