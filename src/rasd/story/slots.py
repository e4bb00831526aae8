"""Disagreements between the sources of one incident, explained in Arabic.

The values come from ``story.figures`` (each article's figures and dates, each given to one
report). A disagreement is two *sources* (documents of different outlets) giving different
values for one slot of one incident: ``contradict`` when both cannot hold (12 and 15 killed;
Friday and Saturday; Thursday morning and Thursday night), ``differ`` when a qualified
figure the other still satisfies ("at least 5" and 7, "about 30" and 32: lower
confidence); two bounds naming one count ("more than 20", "at least 21") agree. Values from
one voice (an outlet, or one quoted official across outlets) are never a disagreement: a
later report raising the figure is an ``update``, shown as such; other pairs from one voice
are left out. Dates that contain each other (a month and one of its days, a day and its
evening, evening and 19:00) agree; days more than ``FAR_DAYS`` apart are not compared (one
is a past happening's, recalled). Values of two incidents are
never compared, nor values an article leaves in doubt: three or more figures of one slot
(``ROUND_UP``: a round-up, a tally), two dates of one happening (``DATE_ROUND_UP``; a day and a
clock time within it are one date, the day compared), a figure
of a report of another kind than the article leads with (``Value.main``), a figure set aside
(``Value.aside``: a tally's, another town's; it still counts towards ``ROUND_UP``), a value
said after the article's lead (``LEAD_CHARS``: news puts the happening's figures first; deep
in an article a figure is mostly a breakdown, an earlier toll or another happening's), a relative
day ("أمس") said in the same sentence as the other side's (a story printed again a day later).
Nor are two figures whose counted nouns name two sides of a violent happening (``other_people``,
``story/victim_sides.tsv``: militants and police, civilians and fighters): two groups' tolls,
not one toll told two ways; a noun that may count anyone (أشخاص، قتلى) is compared with all.
Nor are the values of two reports not surely one happening (``story.strong_pairs``: their
articles linked by no chain of pairs each joined on its own strong evidence): a report of
another happening joined on what the incident's other reports hold is shown, not set against.

Each explanation is one Arabic sentence from ``story/templates.tsv`` naming both sides:
who said it (the quoted speaker, else the outlet's report) with a verb that agrees with
that subject's gender (``gender`` below: a feminine ministry, police or country takes
تذكر, a spokesman or an outlet's report يذكر; verb first, so a plural subject keeps the
verb singular), the value in digits or the date in words, and the outlet it was read in.

One conflict per distinct pair of values per slot, so a story syndicated by a hundred
outlets with two figures costs one conflict: linear in the reports plus the square of the
distinct values of a slot (a handful, ``MAX_VALUES`` at most).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import cache, lru_cache

from rasd.annotators.entities.gazetteer import key_of, place_lookup
from rasd.ids import make_id
from rasd.models import Conflict, Side
from rasd.resources import load_lines, load_pairs, load_table
from rasd.story.figures import Article, Value, article_values
from rasd.story.incidents import Report, parse_day
from rasd.text import fold, tokenize
from rasd.text.clitics import affix, affixes, article
from rasd.text.words import stems

__all__ = ["Article", "Value", "agree", "article_values", "compatible", "dates_clash", "disagreements", "gender",
           "shown", "templates"]  # fmt: skip

MAX_VALUES = 12  # distinct values of one slot compared pairwise
LEAD_CHARS = 600  # a figure or date said this far into its article is shown, never set against another source
ROUND_UP = 3  # distinct values of one slot in one article's reports of an incident: not compared
DATE_ROUND_UP = 2  # … of its date: an article dating one happening two ways (its statement's day, a stale "أمس")
REPRINT = 0.8  # share of words two sentences saying a relative day share when one is the other reprinted
PAIR_MEMBERS = 32  # reports of each value looked at for the pair's relation
ABOUT = 0.1  # "about x" holds figures within this share of x
CLOCK = 0.5  # hours either side of a clock time ("الساعة 14:00" and 14:08 agree)
# the masculine sound plural and dual endings (ون، ين، ان), folded: a counted noun read in its singular
_NUMBER_ENDINGS = tuple(dict.fromkeys(fold(x) for x in (*affixes("plural", "masc"), *affixes("dual", "masc"))))
FAR_DAYS = 7  # two days of one happening further apart: one is another happening's, recalled
CONF_DIFFER, CONF_COMPATIBLE, CONF_DATE, CONF_UPDATE = 0.8, 0.65, 0.7, 0.6
# TimeML parts of day, hours; morning from midnight ("الساعة 1:59 صباحا" is morning)
_PARTS = {"MO": (0.0, 12.0), "AF": (12.0, 18.0), "EV": (14.0, 22.0), "NI": (20.0, 29.0), "DT": (6.0, 18.0)}


@cache
def templates() -> dict[str, str]:
    return load_pairs("story/templates.tsv")


@cache
def slot_names() -> dict[str, str]:
    return load_pairs("story/slot_names.tsv")


@cache
def _genders() -> dict[str, str]:
    return {fold(r[0]): r[1] for r in load_table("story/gender.tsv") if len(r) >= 2 and r[1] in ("m", "f")}


def gender(phrase: str, etype: str | None = None) -> str:
    """``f`` or ``m``: the grammatical gender a verb before ``phrase`` takes, from its head (first
    word, proclitic ال kept). ``story/gender.tsv`` decides first (المتحدثة f, مصادر f, العراق m);
    else a person is masculine, a country or city feminine, and any other head is feminine
    when it ends in ة or in the plural ات (الوزارة، الشرطة، السلطات)."""
    words = [t.norm for t in tokenize(phrase) if t.is_word]
    if not words:
        return "m"
    head = words[0]
    table = _genders()
    art = article()
    for w in (head, head[len(art) :] if head.startswith(art) else head):
        if w in table:
            return table[w]
    if etype is None and len(words) <= 3:
        place = place_lookup(phrase)  # a place named alone: واشنطن، مصر
        if place is not None and key_of(phrase) in {key_of(place.name), *(key_of(a) for a in place.aliases)}:
            etype = place.type
    if etype == "PER":
        return "m"
    if etype == "GPE":
        return "f"
    return "f" if head.endswith((fold(affix("feminine")), *affixes("plural", "fem"))) else "m"


def agree(verb: str, subject: str, etype: str | None = None) -> str:
    """The form of ``verb`` (a ``VERB_m``/``VERB_f`` pair of ``story/templates.tsv``: verb,
    deny, affirm) that agrees with ``subject`` said after it: ينفي المتحدث، تنفي الخارجية."""
    t = templates()
    return t.get(f"{verb}_{gender(subject, etype)}", t.get(f"{verb}_m", ""))


def compatible(a: Value, b: Value) -> bool:
    """Whether both figures can be right: a bound, a range or an "about" the other satisfies."""
    if isinstance(a.value, str) or isinstance(b.value, str):
        return False

    def holds(x: Value, y: float) -> bool:
        assert not isinstance(x.value, str)
        return {
            "at_least": y >= x.value, "more_than": y > x.value, "at_most": y <= x.value, "less_than": y < x.value,
            "range": x.value_max is not None and x.value <= y <= x.value_max,
            "about": abs(y - x.value) <= ABOUT * x.value,
        }.get(x.qualifier or "", False)  # fmt: skip

    return holds(a, b.value) or holds(b, a.value)


def _bound(v: Value) -> tuple[str, float] | None:
    """A one-sided figure as the whole count it starts or ends at ("أكثر من عشرين" is "21 على
    الأقل": counts are whole), else ``None``."""
    if isinstance(v.value, str):
        return None
    x = v.value
    return {
        "at_least": ("from", x),
        "more_than": ("from", x + 1),
        "at_most": ("to", x),
        "less_than": ("to", x - 1),
    }.get(v.qualifier or "")


def same_bound(a: Value, b: Value) -> bool:
    """Whether two bounds say the same ("أكثر من عشرين" and "21 على الأقل"): no disagreement. A
    bound and an "about" or another bound's count that merely overlap stay a ``differ``: a
    reader sees two figures ("أكثر من 200" and "نحو 225")."""
    return _bound(a) is not None and _bound(a) == _bound(b)


def dates_clash(a: str, b: str) -> bool:
    """Whether two dates of one happening cannot both hold: neither contains the other (a
    year its months, a day its parts), or one day at parts or clock times that do not meet
    (morning and night clash; evening and 19:00 do not)."""
    if a.startswith(b) or b.startswith(a):
        return False
    if a[:10] != b[:10] or len(a) <= 11 or len(b) <= 11:
        return True
    (lo1, hi1), (lo2, hi2) = _hours(a[11:]), _hours(b[11:])
    return hi1 <= lo2 or hi2 <= lo1


def _dates_clash(a: Value, b: Value) -> bool:
    """``dates_clash``, where a date read from "أمس"، "اليوم" alone inside a quote
    (``Value.deictic``) may also be read a day earlier: the quote may be of the day before the
    article, so one day apart is no clash. Nor do two such dates said in one sentence
    (``Value.wording``, ``_reprinted``): one story printed again later, its "yesterday" stale."""
    x, y = str(a.value), str(b.value)
    if not dates_clash(x, y) or _reprinted(a.wording, b.wording) or _days_apart(x, y) > FAR_DAYS:
        return False
    return not any(v.deictic and not dates_clash(_day_before(str(v.value)), str(w.value)) for v, w in ((a, b), (b, a)))


def _dated_once(dates: set[float | str]) -> set[float | str]:
    """An article's dates less each clock time that meets a wider date of it (its day, or the
    part of that day holding it): "صباح الأحد" in the lead and "في الساعة 6:30 صباحا" below date
    one happening once, so they make no ``DATE_ROUND_UP``, and the wider date stands for both."""
    xs = {str(d) for d in dates}
    return {d for d in dates if not _clock_in(str(d), xs)}


def _clock_in(d: str, dates: set[str]) -> bool:
    """Whether ``d`` is a clock time ("2015-07-20T06:30") that a wider one of ``dates`` holds."""
    return len(d) == len("YYYY-MM-DDTHH:MM") and any(len(e) < len(d) and not dates_clash(d, e) for e in dates)


def _days_apart(x: str, y: str) -> int:
    """Days between two dates that name days (0 when either names none): an incident's
    reports fall within days of each other, so a day weeks away is a past happening's
    ("شهدت المدينة في السابع من يونيو الماضي حادثا مماثلا"), not a second account of this one."""
    dx, dy = parse_day(x), parse_day(y)
    return abs((dx - dy).days) if dx is not None and dy is not None else 0


def _reprinted(a: str, b: str) -> bool:
    """Whether two sentences are one story's (``REPRINT`` of their words shared, spellings
    of a name aside: "غروزني" and "جروزني")."""
    x, y = set(a.split()), set(b.split())
    return bool(x and y) and len(x & y) >= REPRINT * len(x | y)


def _day_before(v: str) -> str:
    try:
        d = date.fromisoformat(v[:10])
    except ValueError:
        return v
    return (d - timedelta(days=1)).isoformat() + v[10:]


def _hours(t: str) -> tuple[float, float]:
    if t in _PARTS:
        return _PARTS[t]
    h = int(t[:2]) + int(t[3:5]) / 60 if len(t) == 5 and t[:2].isdigit() and t[3:5].isdigit() else 12.0
    return h - CLOCK, h + CLOCK


def _num(v: float | str) -> str:
    if isinstance(v, str):
        return v
    return str(int(v)) if v == int(v) else f"{v:g}"


def shown(v: Value) -> str:
    """A value as a side shows it: digits with their qualifier (نحو 30، 5 على الأقل), a date as
    its TimeML value."""
    t = templates()
    x = _num(v.value)
    if v.qualifier == "range" and v.value_max is not None:
        return t["range"].format(x=x, y=_num(v.value_max))
    return t[v.qualifier].format(x=x) if v.qualifier in t else x


def _source(r: Report) -> str:
    return r.outlet or r.doc


def _voice(v: Value, side: Side) -> tuple[str, str]:
    """Who gave a figure: the outlet, and the quoted official when one is known."""
    return _source(v.report), side.speaker or ""


def relation(a: Value, b: Value, sa: Side, sb: Side) -> str | None:
    """How two values of one slot stand: ``differ`` (both can hold: "at least 5" and 7),
    ``contradict``, ``update`` (one outlet or one official raising its own figure in a
    later report), or ``None`` (one outlet's own figures otherwise, or dates that agree)."""
    (oa, pa), (ob, pb) = _voice(a, sa), _voice(b, sb)
    if (a.slot == "date" and not _dates_clash(a, b)) or (a.slot != "date" and same_bound(a, b)):
        return None  # dates that agree, or two bounds that say the same
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
        return "contradict"
    return "differ" if compatible(a, b) else "contradict"


@cache
def _victim_sides() -> dict[str, frozenset[str]]:
    """``story/victim_sides.tsv``: folded noun -> the sides of a happening it names."""
    return {fold(r[0]): frozenset(r[1].split("|")) for r in load_table("story/victim_sides.tsv") if len(r) >= 2}


@lru_cache(maxsize=4096)
def _sides_of(counted: str | None) -> frozenset[str] | None:
    """The sides the people a figure counts belong to, ``None`` when its noun may count anyone
    (remembered per noun: ``_pair`` asks for every pair of an incident's values)."""
    if not counted:
        return None
    table = _victim_sides()
    return next((table[s] for s in sorted(_readings(counted)) if s in table), None)


def _readings(word: str) -> frozenset[str]:
    """A noun's folded readings, and its singular when it is a sound dual or plural ("شرطيين"):
    a dual noun read as a figure keeps its own form as what it counts."""
    out = {fold(word), *(s for t in tokenize(word) if t.is_word for _, s in stems(t))}
    return frozenset(out | {w[: -len(e)] for w in out for e in _NUMBER_ENDINGS if w.endswith(e) and len(w) > len(e) + 2})


def other_people(a: Value, b: Value) -> bool:
    """Whether two figures count people of two sides of the happening (the militants killed and
    the soldiers killed; the civilians and the fighters): two tolls, not one told two ways."""
    sa, sb = _sides_of(a.counted), _sides_of(b.counted)
    return sa is not None and sb is not None and not sa & sb


def _pair(
    xs: Sequence[Value], ys: Sequence[Value], side: Callable[[Value], Side],
    apart: Callable[[Report, Report], bool] = lambda a, b: False,
    weak: Callable[[Report, Report], bool] = lambda a, b: False,
) -> tuple[str, Value, Value] | None:
    """The relation two values stand in, from the first two reports of different voices
    (all such pairs give the same one), else from one voice's own later report. Reports
    whose own places are apart (two towns, two countries) tell of two happenings however
    they were grouped: their values are not compared; nor are two that would clash whose
    reports are joined only ``weak``ly (asked of such pairs alone: it costs)."""
    update: tuple[str, Value, Value] | None = None
    for a in xs:
        for b in ys:
            if apart(a.report, b.report) or other_people(a, b):
                continue
            rel = relation(a, b, side(a), side(b))
            if rel in ("differ", "contradict"):
                if weak(a.report, b.report):
                    continue
                return rel, a, b
            if rel == "update" and update is None:
                update = (rel, a, b)
    return update


Words = Callable[[str], str]  # a TimeML date -> the date in words


@cache
def _not_speakers() -> frozenset[str]:
    """Speaker phrases that only point back to a speaker named earlier ("حسب المصادر نفسها"):
    an explanation names the outlet's report instead (the words of ``quotes/same.txt``)."""
    return frozenset(fold(w) for w in load_lines("quotes/same.txt"))


def side_text(v: Value, s: Side, etype: str | None, date_words: Words) -> str:
    """One side in words: "تذكر وزارة الداخلية 13 بحسب المدينة"، "يذكر تقرير عكاظ 15"."""
    t = templates()
    outlet = s.outlet or v.report.outlet
    who = s.speaker_text or ""
    quoted = bool(who) and fold(who) not in _not_speakers()  # not "حسب المصادر نفسها"
    if not quoted:
        who, etype = (t["report"].format(outlet=outlet) if outlet else t["report_unknown"]), None
    x = date_words(str(v.value)) if v.slot == "date" else t["none"] if v.value == 0 else shown(v)  # none: "ولم يصب أحد"
    out = t["side"].format(verb=agree("verb", who, etype), who=who, x=x)
    return out + " " + t["via"].format(outlet=outlet) if quoted and outlet else out


def disagreements(
    incident_id: str,
    label: str,
    values: Sequence[Value],
    claim_of: Callable[[Report], str],
    side_of: Callable[[Value], Side],
    speaker_type: Callable[[str | None], str | None] = lambda _: None,
    date_words: Words = lambda v: v,
    apart: Callable[[Report, Report], bool] = lambda a, b: False,
    weak: Callable[[Report, Report], bool] = lambda a, b: False,
) -> list[Conflict]:
    """Slot conflicts between the sources of one incident (see module doc), both sides inline.

    For each pair of distinct values the strongest relation any two of their reports give
    wins (a contradiction between outlets before an outlet's own update), so one pair of
    values costs one conflict. ``speaker_type`` gives a speaker entity's type (for the verb's
    gender), ``date_words`` writes a date in words, ``apart`` says two reports name places
    that cannot be one scene, ``weak`` that two reports are not surely one happening
    (``story.strong_pairs``: joined to the incident on its other reports' evidence, not
    their own): their values are shown side by side, never as a clash."""
    out: list[Conflict] = []
    by_slot: dict[str, dict[float | str, list[Value]]] = {}
    told: dict[tuple[str, str], set[float | str]] = {}
    for v in values:
        told.setdefault((v.slot, v.report.doc), set()).add(v.value)
    told = {k: _dated_once(vs) if k[0] == "date" else vs for k, vs in told.items()}
    for v in values:
        # an article giving many figures of one slot is a round-up or a tally (several
        # happenings, several periods): which of them is this incident's is not known, so
        # none is set against another source's; nor is a figure of a report of another kind
        # than the article leads with (a second happening told beside it: ``Value.main``);
        # two dates of one article for one happening leave its date unknown, likewise (a day
        # and a clock time of it are one date: ``_dated_once``)
        many = len(told[(v.slot, v.report.doc)])
        lead = v.evidence.start < LEAD_CHARS
        if v.value not in told[(v.slot, v.report.doc)]:
            continue  # a clock time of a day (or part of it) the article names: the wider date stands for it
        if many < (DATE_ROUND_UP if v.slot == "date" else ROUND_UP) and v.main and not v.aside and lead:
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
                best = _pair(groups[x][1][:PAIR_MEMBERS], groups[y][1][:PAIR_MEMBERS], side, apart, weak)
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
                sa, sb = side(a), side(b)
                text = templates()[key].format(
                    slot=slot_names().get(slot, slot), label=label,
                    a=side_text(a, sa, speaker_type(sa.speaker), date_words),
                    b=side_text(b, sb, speaker_type(sb.speaker), date_words),
                )  # fmt: skip
                out.append(
                    Conflict(
                        id=make_id("k", "slot", incident_id, slot, _num(a.value), _num(b.value)),
                        kind="slot", a=claim_of(a.report), b=claim_of(b.report), explanation=text,
                        evidence=[a.evidence, b.evidence], confidence=conf, incident=incident_id, slot=slot,
                        relation=rel, side_a=sa, side_b=sb,
                    )
                )  # fmt: skip
    return out
