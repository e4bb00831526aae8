"""Slot values of an incident's reports, and the disagreements between sources.

Per report, a slot (killed, injured, arrested, missing, rockets, drones, intercepted) takes
every number of the report's sentence that a slot word stands next to
(``story/slot_words.tsv``: مقتل 5، 13 شخصا مصرعهم), with its qualifier (at least, about …),
plus the event's own counts; the date slot takes the report's own day (not its article's).

A disagreement is two *sources* (documents of different outlets) giving different values
for one slot of one incident. Several values from one outlet are updates, never a
disagreement; values of two incidents are never compared. A qualified figure that the
other still satisfies ("at least 5" and 7) is reported as figures that differ, with lower
confidence. One conflict per distinct pair of values per slot, so a story syndicated by a
hundred outlets with two figures costs one conflict: linear in the reports plus the square
of the distinct values of a slot (a handful).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from rasd.annotators.events import count_words, stems
from rasd.ids import make_id
from rasd.models import Conflict, Evidence, Quantity
from rasd.resources import load_lines, load_table
from rasd.story import SLOT_KEYS
from rasd.story.incidents import Incident, Report, parse_day
from rasd.text import fold, tokenize

NUMERIC = SLOT_KEYS
WINDOW = 3  # words between a slot word and its number
NEXT_GAP = 4  # characters between a report's sentence and the next one it reads figures from
PART_GAP = 6  # words between the two parts of a total
MAX_VALUES = 12  # distinct values of one slot compared pairwise
CONF_DIFFER, CONF_COMPATIBLE, CONF_DATE = 0.8, 0.65, 0.7
_QUAL = {"AT_LEAST": "at_least", "MORE_THAN": "more_than", "APPROX": "about", "AT_MOST": "at_most", "LESS_THAN": "less_than"}


@dataclass(frozen=True)
class Value:
    slot: str
    value: float | str
    qualifier: str | None  # at_least | more_than | about | at_most | less_than | range | None
    value_max: float | None
    report: Report
    evidence: Evidence


@cache
def _slot_words() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {"before": {}, "after": {}}
    for r in load_table("story/slot_words.tsv"):
        if len(r) >= 3 and r[1] in out:
            out[r[1]].setdefault(fold(r[2]), r[0])
    return out


@cache
def templates() -> dict[str, str]:
    return {r[0]: r[1] for r in load_table("story/templates.tsv") if len(r) >= 2}


@cache
def slot_names() -> dict[str, str]:
    return {r[0]: r[1] for r in load_table("story/slot_names.tsv") if len(r) >= 2}


def _slot_near(words: Sequence[tuple[int, int, frozenset[str]]], q: Quantity) -> str | None:
    """The slot a number fills: a slot word right before it wins over one right after."""
    table = _slot_words()
    starts = [s for s, _, _ in words]
    i = bisect_left(starts, q.start)
    j = i + 1  # the words after the number, the counted noun inside the quantity included
    for w in reversed(words[max(0, i - WINDOW) : i]):
        hit = next((table["before"][s] for s in sorted(w[2]) if s in table["before"]), None)
        if hit:
            return hit
    for w in words[j : j + WINDOW]:
        hit = next((table["after"][s] for s in sorted(w[2]) if s in table["after"]), None)
        if hit:
            return hit
    key = count_words()[0].get(fold(q.object or ""))
    return key if key in NUMERIC else None


def _reach(e0: Evidence, sents: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The report's sentence and the next one: figures often follow the trigger's sentence
    ("وأوضح المتحدث أن عدد القتلى بلغ 15")."""
    i = bisect_left(sents, (e0.end, -1))
    nxt = sents[i] if i < len(sents) and sents[i][0] >= e0.end and sents[i][0] - e0.end <= NEXT_GAP else None
    return e0.start, nxt[1] if nxt is not None else e0.end


def report_values(
    r: Report, text: str, quantities: Sequence[Quantity], sents: Sequence[tuple[int, int]] = ()
) -> list[Value]:
    """Every slot value a report states (see module doc), in text order."""
    e0 = r.ev.evidence[0]
    lo, hi = _reach(e0, sents)
    words = [(t.start + lo, t.end + lo, frozenset(s for _, s in stems(t)))
             for t in tokenize(text[lo:hi]) if t.is_word]  # fmt: skip
    out: list[Value] = []
    seen: set[tuple[str, float]] = set()
    qs = [q for q in quantities if q.value is not None and lo <= q.start and q.end <= hi]
    skip: set[int] = set()
    for n, q in enumerate(qs):
        if n in skip:
            continue
        slot = _slot_near(words, q)
        if slot is None:
            continue
        value, end = float(q.value or 0), q.end
        part = parts_after(words, q, qs[n + 1 :])
        if part is not None:  # "عشرة من منسوبي القوات إضافة إلى ثلاثة من العاملين": one total
            value += float(part.value or 0)
            end = part.end
            skip.add(qs.index(part))
        if (slot, value) in seen:
            continue
        seen.add((slot, value))
        qual = "range" if q.value_max is not None and q.mod == "RANGE" else _QUAL.get(q.mod or "")
        out.append(Value(slot, value, qual, q.value_max if part is None else None, r, Evidence(e0.doc, q.start, end)))
    for k, v in sorted(r.ev.counts.items()):
        if k in NUMERIC and (k, float(v)) not in seen and not any(x.slot == k for x in out):
            out.append(Value(k, float(v), None, None, r, e0))
    if r.dated and r.ev._date_source == "own" and r.ev.date.precision == "day" and r.ev.date.value:
        out.append(Value("date", r.ev.date.value[:10], None, None, r, e0))
    return out


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


def disagreements(
    incident_id: str, label: str, inc: Incident, values: Sequence[Value], claim_of: Callable[[Report], str]
) -> list[Conflict]:
    """Number and date conflicts between the sources of one incident (see module doc)."""
    out: list[Conflict] = []
    by_slot: dict[str, dict[float | str, list[Value]]] = {}
    for v in values:
        by_slot.setdefault(v.slot, {}).setdefault(v.value, []).append(v)
    for slot in sorted(by_slot):
        groups = sorted(by_slot[slot].items(), key=lambda kv: (-len(kv[1]), str(kv[0])))[:MAX_VALUES]
        groups.sort(key=lambda kv: str(kv[0]))
        for x in range(len(groups)):
            for y in range(x + 1, len(groups)):
                pair = next(((a, b) for a in groups[x][1] for b in groups[y][1] if _source(a.report) != _source(b.report)), None)
                if pair is None:
                    continue  # one outlet giving both figures: an update, not a disagreement
                a, b = pair
                if slot == "date":
                    da, db = parse_day(str(a.value)), parse_day(str(b.value))
                    if da is None or db is None:
                        continue
                    kind, key, conf = "date", "date", CONF_DATE
                else:
                    kind, conf = "number", CONF_DIFFER
                    key = "number"
                    if compatible(a, b):
                        key, conf = "number_compatible", CONF_COMPATIBLE
                text = templates()[key].format(
                    slot=slot_names().get(slot, slot), label=label, a=source_name(a.report), b=source_name(b.report),
                    x=shown(a), y=shown(b),
                )
                ca, cb = claim_of(a.report), claim_of(b.report)
                out.append(
                    Conflict(
                        id=make_id("k", kind, incident_id, slot, _num(a.value), _num(b.value)),
                        kind=kind, a=ca, b=cb, explanation=text,
                        evidence=[a.evidence, b.evidence], confidence=conf, incident=incident_id, slot=slot,
                    )
                )  # fmt: skip
    return out


def values_of(
    inc: Incident, texts: Mapping[str, str], quantities: Mapping[str, Sequence[Quantity]],
    sents: Mapping[str, Sequence[tuple[int, int]]] | None = None,
) -> list[Value]:
    sents = sents or {}
    return [v for r in inc.reports for v in report_values(r, texts.get(r.doc, ""), quantities.get(r.doc, ()), sents.get(r.doc, ()))]


def parts_after(words: Sequence[tuple[int, int, frozenset[str]]], q: Quantity, later: Sequence[Quantity]) -> Quantity | None:
    """The second part of a total given in parts: the next number, within ``PART_GAP`` words,
    after a connector of ``story/parts.txt`` (إضافة إلى، فضلا عن) and with no slot word of its own
    before it."""
    if not later:
        return None
    nxt = later[0]
    between = [w for w in words if q.end <= w[0] and w[1] <= nxt.start]
    if len(between) > PART_GAP or not any(s in _parts() for w in between for s in w[2]):
        return None
    table = _slot_words()["before"]
    if any(s in table for w in between for s in w[2]):
        return None
    return nxt


@cache
def _parts() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lines("story/parts.txt"))
