"""Slot values of an incident's reports, and the disagreements between sources.

Per report, a slot (killed, injured, arrested, missing, rockets, drones, intercepted) takes
every number of the report's sentence that a slot word stands next to
(``story/slot_words.tsv``: مقتل 5، 13 شخصا مصرعهم), with its qualifier (at least, about …),
plus the event's own counts; the date slot takes the report's own day (not its article's).

A disagreement is two *sources* (documents of different outlets) giving different values
for one slot of one incident: ``contradict`` when both cannot hold, ``differ`` when a
qualified figure the other still satisfies ("at least 5" and 7: lower confidence). Values
from one voice (an outlet, or one quoted official across outlets) are never a
disagreement: a later report raising the figure is an ``update``, shown as such; other
pairs from one voice are left out. Values of two incidents are never compared. One
conflict per distinct pair of values per slot, so a story syndicated by a hundred outlets
with two figures costs one conflict: linear in the reports plus the square of the distinct
values of a slot (a handful, ``MAX_VALUES`` at most).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import cache

from rasd.ids import make_id
from rasd.models import Conflict, Side
from rasd.resources import load_table
from rasd.story.figures import Article, Value, article_values
from rasd.story.incidents import Report, parse_day

__all__ = ["Article", "Value", "article_values", "compatible", "disagreements", "shown", "templates"]

MAX_VALUES = 12  # distinct values of one slot compared pairwise
PAIR_MEMBERS = 32  # reports of each value looked at for the pair's relation
CONF_DIFFER, CONF_COMPATIBLE, CONF_DATE, CONF_UPDATE = 0.8, 0.65, 0.7, 0.6


@cache
def templates() -> dict[str, str]:
    return {r[0]: r[1] for r in load_table("story/templates.tsv") if len(r) >= 2}


@cache
def slot_names() -> dict[str, str]:
    return {r[0]: r[1] for r in load_table("story/slot_names.tsv") if len(r) >= 2}


def compatible(a: Value, b: Value) -> bool:
    """Whether both figures can be right: a bound or a range the other figure satisfies."""
    if isinstance(a.value, str) or isinstance(b.value, str):
        return False

    def holds(x: Value, y: float) -> bool:
        assert not isinstance(x.value, str)
        return {
            "at_least": y >= x.value, "more_than": y > x.value, "at_most": y <= x.value, "less_than": y < x.value,
            "range": x.value_max is not None and x.value <= y <= x.value_max,
        }.get(x.qualifier or "", False)  # fmt: skip

    return holds(a, b.value) or holds(b, a.value)


def _num(v: float | str) -> str:
    if isinstance(v, str):
        return v
    return str(int(v)) if v == int(v) else f"{v:g}"


def shown(v: Value) -> str:
    """A value as the explanation writes it, digits kept (نحو 30، 5 على الأقل)."""
    t = templates()
    x = _num(v.value)
    if v.qualifier == "range" and v.value_max is not None:
        return t["range"].format(x=x, y=_num(v.value_max))
    return t[v.qualifier].format(x=x) if v.qualifier in t else x


def source_name(r: Report) -> str:
    t = templates()
    return t["source"].format(outlet=r.outlet) if r.outlet else t["outlet_unknown"]


def _source(r: Report) -> str:
    return r.outlet or r.doc


def _voice(v: Value, side: Side) -> tuple[str, str]:
    """Who gave a figure: the outlet, and the quoted official when one is known."""
    return _source(v.report), side.speaker or ""


def relation(a: Value, b: Value, sa: Side, sb: Side) -> str | None:
    """How two values of one slot stand: ``differ`` (both can hold: "at least 5" and 7),
    ``contradict``, ``update`` (one outlet or one official raising its own figure in a
    later report), or ``None`` (one outlet's own figures otherwise: not a disagreement)."""
    (oa, pa), (ob, pb) = _voice(a, sa), _voice(b, sb)
    if oa == ob or (pa and pa == pb):
        later, earlier = (b, a) if (b.report.pub or date.min) > (a.report.pub or date.min) else (a, b)
        raised = (
            (later.report.pub or date.min) > (earlier.report.pub or date.min)
            and not isinstance(later.value, str) and not isinstance(earlier.value, str) and later.value > earlier.value
        )  # fmt: skip
        if raised:
            return "update"
        if oa == ob:
            return None  # one outlet's own figures: never a disagreement between sources
    if a.slot == "date":
        return "contradict" if parse_day(str(a.value)) and parse_day(str(b.value)) else None
    return "differ" if compatible(a, b) else "contradict"


def _pair(
    xs: Sequence[Value], ys: Sequence[Value], side: Callable[[Value], Side]
) -> tuple[str, Value, Value] | None:
    """The relation two values stand in, from the first two reports of different voices
    (all such pairs give the same one), else from one voice's own later report."""
    update: tuple[str, Value, Value] | None = None
    for a in xs:
        for b in ys:
            rel = relation(a, b, side(a), side(b))
            if rel in ("differ", "contradict"):
                return rel, a, b
            if rel == "update" and update is None:
                update = (rel, a, b)
    return update


def disagreements(
    incident_id: str,
    label: str,
    values: Sequence[Value],
    claim_of: Callable[[Report], str],
    side_of: Callable[[Value], Side],
) -> list[Conflict]:
    """Slot conflicts between the sources of one incident (see module doc), both sides inline.

    For each pair of distinct values the strongest relation any two of their reports give
    wins (a contradiction between outlets before an outlet's own update), so one pair of
    figures costs one conflict."""
    out: list[Conflict] = []
    by_slot: dict[str, dict[float | str, list[Value]]] = {}
    for v in values:
        by_slot.setdefault(v.slot, {}).setdefault(v.value, []).append(v)
    sides: dict[int, Side] = {}

    def side(v: Value) -> Side:
        if id(v) not in sides:
            sides[id(v)] = side_of(v)
        return sides[id(v)]

    for slot in sorted(by_slot):
        groups = sorted(by_slot[slot].items(), key=lambda kv: (-len(kv[1]), str(kv[0])))[:MAX_VALUES]
        groups.sort(key=lambda kv: str(kv[0]))
        for x in range(len(groups)):
            for y in range(x + 1, len(groups)):
                best = _pair(groups[x][1][:PAIR_MEMBERS], groups[y][1][:PAIR_MEMBERS], side)
                if best is None:
                    continue
                rel, a, b = best
                if rel == "update" and (a.report.pub or date.min) > (b.report.pub or date.min):
                    a, b = b, a  # an update reads earlier -> later
                key = {"update": "update", "differ": "number_compatible"}.get(
                    rel, "date" if slot == "date" else "number"
                )
                conf = {"update": CONF_UPDATE, "differ": CONF_COMPATIBLE}.get(
                    rel, CONF_DATE if slot == "date" else CONF_DIFFER
                )
                text = templates()[key].format(
                    slot=slot_names().get(slot, slot), label=label, a=source_name(a.report), b=source_name(b.report),
                    x=shown(a), y=shown(b),
                )
                sa, sb = side(a), side(b)
                out.append(
                    Conflict(
                        id=make_id("k", "slot", incident_id, slot, _num(a.value), _num(b.value)),
                        kind="slot", a=claim_of(a.report), b=claim_of(b.report), explanation=text,
                        evidence=[a.evidence, b.evidence], confidence=conf, incident=incident_id, slot=slot,
                        relation=rel, side_a=sa, side_b=sb,
                    )
                )  # fmt: skip
    return out
