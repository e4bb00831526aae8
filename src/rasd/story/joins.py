"""Join evidence: whether a report and an incident can be one happening, and how much says so.

``score`` weighs the evidence ``story.incidents`` joins and merges on (module doc there): the
kinds, the windows of days, the place relation (``story.places``), the telling words both use,
equal figures, shared participants, the same article. What excludes a join (another place,
two districts or towns, days apart) returns ``None``: no score outweighs it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from rasd.models import Entity
from rasd.story import places as pl
from rasd.story import report_words as rw
from rasd.story.place_words import name_keys as _name_keys
from rasd.story.place_words import named_in
from rasd.story.report_words import Group, telling, word_share
from rasd.story.reports import WIDE_DAYS, Incident, Report, by_person, has_trait

MAX_GAP = 1  # days between two windows that noisy dates ("yesterday" misread) still bridge
FOLLOW_DAYS = 7  # days after an incident a follow-up report (new toll, arrests, funeral) may come
LASTING_DAYS = 14  # … and a report of a happening that lasts (a flood season, a heat wave)
FOLLOW_JOIN = 3.0  # … and the evidence it needs (a shared place and most of its rare words)
JOIN = 1.5
WORDS = 3.0  # weight of the shared telling words
REGION_SCORE = 1.0  # a place and a province of its country
COUNTRY_SCORE = 1.0  # one country and no more
NEAR_SCORE = -0.5  # two towns of one area: not the same place, not far apart
DAY_APART = 1.0  # … more when both sides tell their own day, days apart (``score``)
SAME_DOC = 1.5  # … of sharing an article with the incident (two sentences on one happening)


def _name_words(eid: str, ents: Mapping[str, Entity]) -> frozenset[str]:
    e = ents.get(eid)
    return frozenset(_name_keys(e.name)) if e is not None else frozenset()


def same_person(a: str, b: str, ents: Mapping[str, Entity]) -> bool:
    """One entity, or names one of which holds the other's words ("عمر" and "محمد عمر": the
    linker keeps the short form of a name apart when no article joins them)."""
    if a == b:
        return True
    wa, wb = _name_words(a, ents), _name_words(b, ents)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _gap(lo: date, hi: date, ilo: date, ihi: date) -> int:
    """Days between the windows ``lo..hi`` and ``ilo..ihi`` (0 when they overlap)."""
    if hi < ilo:
        return (ilo - hi).days
    if ihi < lo:
        return (lo - ihi).days
    return 0


def compatible(r: Report, inc: Incident) -> bool:
    """Kinds that can be one happening: equal, or an arrest report naming the incident's kind
    ("arrested those behind the bombing"), or an incident opened by such a report."""
    return r.kind == inc.kind or inc.kind in r.about or r.kind in inc.about


def score(
    r: Report,
    inc: Incident,
    idf: Mapping[str, float],
    ents: Mapping[str, Entity],
    top: Sequence[Group] | None = None,
    span: tuple[date, date, bool, bool] | None = None,
    weights: rw.Weights | None = None,
    relate: pl.Relations | None = None,
    floor: float | None = None,
) -> float | None:
    """How much says ``r`` reports ``inc``; ``None`` when something excludes it. ``top``: the
    report's telling words (``resolve`` picks them with ``telling``; default: all its words);
    ``span``: ``(first, last, dated, follow)`` to judge the dates by instead of the report's
    own (the merge pass judges an incident's reports by the incident's window). ``weights``
    (``report_words.weigh`` of ``top``) and ``relate`` (over ``ents``) only save time, and so does ``floor``: a score that cannot reach it
    may be given as ``None``."""
    lo, hi, dated, follow = span or (r.lo, r.hi, r.dated, r.follow)
    if r.kind != inc.kind and inc.kind not in r.about and r.kind not in inc.about:
        return None  # not ``compatible`` (asked millions of times: inline)
    if r.persons and inc.persons and by_person(r.kind):  # one death per person, whatever the dates and places told
        return (
            JOIN
            if any(same_person(a, b, ents) for a in sorted(r.persons) for b in sorted(inc.persons))
            else None
        )
    ilo, ihi = inc.lo, inc.hi
    assert ilo is not None and ihi is not None
    gap = (ilo - hi).days if hi < ilo else (lo - ihi).days if ihi < lo else 0  # ``_gap``, inline
    if gap and (dated or inc.dated) and max((hi - lo).days, (ihi - ilo).days) > WIDE_DAYS and not has_trait(inc.kind, "lasting"):
        return None  # "in July" and "in August": month-dated windows must overlap, not touch
    later = lo > ihi
    # a follow-up may come days after the happening; it then needs the place and most of
    # its words (below). A report merely undated gets no such reach: the same kind of
    # happening in the same city a week later is often another one (a second fire)
    if gap > (_follow_days(inc.kind) if later and follow else MAX_GAP):
        return None
    top = telling(r.groups, {w: 2 for g in r.groups for w in g}, idf) if top is None else top
    shared = WORDS * word_share(top, inc.words, inc.word_docs, len(inc.docs), idf, weights)
    counts = 0.0 if inc.counts.isdisjoint(r.ev.counts.items()) else 1.0  # equal figures (no set built per call)
    parts = 0.0 if r.parts.isdisjoint(inc.parts) else 1.0
    same_doc = SAME_DOC * (r.doc in inc.docs and not r.moves_on)
    rest = shared + counts + parts + same_doc - 0.5 * min(gap, MAX_GAP)
    if floor is not None and _PLACE[pl.SAME] + rest + 1e-6 < floor:
        return None  # not even the same place would make it win: its places are not looked up
    scene = inc.scene()
    rel = relate(r.places, scene) if relate is not None else pl.best_relation(r.places, scene, ents)
    if rel in (pl.SAME, pl.CONTAINED) and r.spots and inc.spots:
        # two districts of one city: two happenings (``story/spot_words.txt``); a spot of
        # the incident counts where the places told with it are this report's city
        rel_of = relate or pl.Relations(ents)
        near = {k for k, at in inc.spots.items() if rel_of(r.places, at) in (pl.SAME, pl.CONTAINED)}
        if pl.spots_apart(r.spots, near):
            return None
    if rel == pl.APART:
        if r.inferred or not inc.places:
            rel = pl.UNKNOWN  # a place inferred from the article's lead never excludes
        else:
            return None
    vague = rel in (None, pl.UNKNOWN, pl.REGION, pl.COUNTRY)
    if floor is not None:
        # the most it can score, the place named in words counted as the best it could be:
        # below ``floor`` it cannot win, and the costly word test of place names is spared
        best = _PLACE[pl.SAME if rel in (None, pl.UNKNOWN) else pl.CONTAINED] if vague else _PLACE[rel]
        if best + rest + 1e-6 < floor:
            return None
    if vague and (named_in(r.places, inc.words, ents, relate) or named_in(scene, r.words, ents, relate)):
        # the other side names the place in its words ("بعسير", "في سوق أبها"),
        # not as an entity: the same place, or inside the region both name
        rel = pl.SAME if rel in (None, pl.UNKNOWN) else pl.CONTAINED
    if rel in (pl.UNKNOWN, pl.COUNTRY) and not has_trait(inc.kind, "lasting") and _town_apart(r, inc, scene, ents, relate):
        return None
    if r.moves_on and r.doc not in inc.docs and rel not in (pl.SAME, pl.CONTAINED) and shared + counts + parts < JOIN:
        # a side item of a round-up ("وفي حادثة منفصلة …"): the country or province it shares
        # holds the round-up's other happenings too, so it joins another article's incident
        # only on a place both name or on its own words and figures, never as a bridge
        return None
    s = _PLACE[rel]
    s += shared
    s += counts
    s += parts
    s += same_doc
    if gap > MAX_GAP:
        # a follow-up days later ("the toll of last week's sinking rose to 38") is dated by
        # its own article: it joins only on a shared place and most of its rare words; one
        # that tells its own day, days after the incident's own day, needs more (another
        # shelling of the city that names the first in passing, "last week's")
        need = FOLLOW_JOIN + (DAY_APART if dated and lo == hi and inc.dated and ilo == ihi else 0.0)
        return s - 0.5 * MAX_GAP if rel in (pl.SAME, pl.CONTAINED, pl.REGION) and s >= need else None
    return s - 0.5 * gap


def _town_apart(r: Report, inc: Incident, scene: frozenset[str], ents: Mapping[str, Entity], relate: pl.Relations | None) -> bool:
    """A town the linker could not place ("قرية العكر", ``places.towns``) that one side names and
    the other does not, against a city of its country the other side names: two towns of one
    country, two happenings, as two geocoded towns far apart would be. Not for a happening
    that lasts (a storm over a country hits many towns)."""
    rel = relate or pl.Relations(ents)
    if r.towns and pl.town_apart(r.towns, scene, rel.level, ents, rel.cities(scene)):
        return True
    mine = frozenset((t, c) for t, c in inc.towns.items() if t in scene)
    return bool(mine) and pl.town_apart(mine, r.places, rel.level, ents, rel.cities(r.places))


# what each place relation between a report and an incident's scene adds to the score
_PLACE: dict[int | None, float] = {None: 0.0, pl.SAME: 2.0, pl.CONTAINED: 1.5, pl.REGION: REGION_SCORE,
                                   pl.COUNTRY: COUNTRY_SCORE, pl.NEAR: NEAR_SCORE, pl.UNKNOWN: -0.5}  # fmt: skip


def _follow_days(kind: str) -> int:
    """Days after an incident of ``kind`` a follow-up report may come: longer for a happening
    that lasts (the ``lasting`` trait: a flood season's tolls come for weeks)."""
    return LASTING_DAYS if has_trait(kind, "lasting") else FOLLOW_DAYS
