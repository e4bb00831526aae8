"""The timeline: events or incidents in date order with their precision, undated ones apart.

"Undated" also covers generic mentions whose only date is the article's (``is_generic``);
an incident is on the timeline when it is dated and one of its reports says it happened
(a plan or a denial is not a happening), unless it is one generic mention.

Sorting on the TimeML value string orders dates correctly across precisions ("2021" <
"2021-04" < "2021-04-07"), so a year-precision event comes before the days of that year:
the reader sees what is known at which grain without inventing a day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rasd.annotators.events import CONF_BASE, CONF_OWN_DATE, CONF_PLACE, CONF_WEAK
from rasd.models import Entity, Event, Incident
from rasd.temporal import TimeValue
from rasd.text import fold


def _plain(value: str | None) -> bool:
    """A year, month or day (``TimeValue.plain``): what the timeline can place."""
    return TimeValue.parse(value).plain


def is_dated(ev: Event) -> bool:
    return _plain(ev.date.value)


def is_generic(ev: Event) -> bool:
    """A generic mention ("the attacks", a "denial and confirmation" subheading) with no
    actor, target or count, one source, whose only date is the article's own: it
    says nothing about when anything happened, so the timeline lists it apart.

    The extractor records where a date came from (``_date_source``); events read back from
    ``analysis.json`` lose it, and then the confidence tells (``annotators.events`` adds it
    up): with no participants, an event dated by its own clause scores at least the base
    plus the own-date share less the weak-trigger penalty (plus the place share with a
    place), one dated by the article less.
    """
    if ev.actors or ev.targets or ev.counts or len(ev.evidence) > 1:
        return False  # a place alone ("attacks in Iraq") does not anchor it in time
    if ev._date_source:
        return ev._date_source == "article"
    return ev.confidence < round(CONF_BASE + CONF_OWN_DATE - CONF_WEAK + CONF_PLACE * bool(ev.place), 2)


def timeline(events: Iterable[Event]) -> tuple[list[Event], list[Event]]:
    """``(dated events sorted by date, undated and generic events in input order)``."""
    dated: list[Event] = []
    undated: list[Event] = []
    for ev in events:
        (dated if is_dated(ev) and not is_generic(ev) else undated).append(ev)
    dated.sort(key=lambda e: (e.date.value or "", e.evidence[0].doc if e.evidence else "", e.evidence[0].start if e.evidence else 0, e.id))
    return dated, undated


def entity_ids(query: str, entities: Sequence[Entity]) -> set[str]:
    """``query`` itself plus ids of entities whose name or an alias contains it (folded)."""
    q = fold(query).strip()
    out: set[str] = {query}  # an id given as is
    for e in entities:
        names = [e.name, *e.aliases]
        if e.id == query or any(q and q in fold(n) for n in names):
            out.add(e.id)
    return out


def filter_events(
    events: Iterable[Event],
    *,
    entity: str | None = None,
    entities: Sequence[Entity] = (),
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[Event]:
    """Events involving ``entity`` (as actor, target or place) and overlapping ``[from, to]``.

    A month-precision event "2024-08" overlaps a range ending "2024-08-05": comparison is
    on the common prefix, so coarse dates are kept rather than silently dropped.
    """
    ids = entity_ids(entity, entities) if entity else set()
    return [ev for ev in events if _keep(ev, ev.summary, entity, ids, date_from, date_to)]


def _keep(
    item: Event | Incident, text: str, entity: str | None, ids: set[str], date_from: str | None, date_to: str | None
) -> bool:
    """Whether an event or incident involves ``entity`` (its ids, else its name in ``text``)
    and overlaps ``[date_from, date_to]`` on the common prefix of the dates."""
    if entity:
        involved = set(item.actors) | set(item.targets) | ({item.place} if item.place else set())
        if not involved & ids and fold(entity) not in fold(text):
            return False
    v = item.date.value
    if (date_from or date_to) and not _plain(v):
        return False
    if v and date_from and v < date_from[: len(v)]:
        return False
    return not (v and date_to and v > date_to[: len(v)])


def on_timeline(inc: Incident, reports: Mapping[str, Event]) -> bool:
    """Dated, told as happened by one of its reports, and not one generic mention."""
    if not _plain(inc.date.value):
        return False
    evs = [reports[r] for r in inc.reports if r in reports]
    if not evs:
        return True  # reports not at hand: the incident's own date decides
    if not any(e.modality == "happened" for e in evs):
        return False
    return not (len(evs) == 1 and is_generic(evs[0]))


def incident_timeline(incidents: Iterable[Incident], reports: Mapping[str, Event]) -> tuple[list[Incident], list[Incident]]:
    """``(incidents on the timeline sorted by date, the others in date order)``."""
    on: list[Incident] = []
    apart: list[Incident] = []
    for inc in incidents:
        (on if on_timeline(inc, reports) else apart).append(inc)

    def key(i: Incident) -> tuple[str, str, int, str]:
        e = i.evidence[0] if i.evidence else None
        return (i.date.value or "~", e.doc if e else "", e.start if e else 0, i.id)

    return sorted(on, key=key), sorted(apart, key=key)


def filter_incidents(
    incidents: Iterable[Incident], *, entity: str | None = None, entities: Sequence[Entity] = (),
    date_from: str | None = None, date_to: str | None = None,
) -> list[Incident]:  # fmt: skip
    """``filter_events`` for incidents: ``entity`` as actor, target or place (or in the label)."""
    ids = entity_ids(entity, entities) if entity else set()
    return [inc for inc in incidents if _keep(inc, inc.label, entity, ids, date_from, date_to)]
