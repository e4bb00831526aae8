"""What incident resolution works on: a report's kind (``story/kinds.tsv``, its traits in
``story/kind_traits.tsv``), the ``Report`` of a happening by one article and the ``Incident``
profile reports join (``story.incidents`` decides the joins), and ``Told``: what a report's own
sentence says, read once per article by the story stage's per-document step. Kept apart so the
resolution module holds the rules, and so a task on a cluster unpickles these types without them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from rasd.annotators.events import stems
from rasd.models import Event
from rasd.resources import load_table
from rasd.story import incident_types
from rasd.story import report_words as rw
from rasd.story.report_words import Group, has_backref, moves_on, other_item, sets_context, word_groups
from rasd.temporal import TimeValue
from rasd.text import fold, tokenize

WIDE_DAYS = 6  # a window wider than a week ("in July", "last week") never sets an incident's days while a narrower one can


@cache
def _kinds() -> dict[str, tuple[str, str]]:
    return {
        fold(r[0]) if not r[0].startswith("TYPE:") else r[0]: (r[1], r[2])
        for r in load_table("story/kinds.tsv")
        if len(r) >= 3
    }


@cache
def _kind_phrases() -> tuple[tuple[tuple[str, ...], tuple[str, str]], ...]:
    """The phrase rows of ``story/kinds.tsv``, longest first."""
    rows = [(tuple(k.split()), v) for k, v in _kinds().items() if " " in k]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def _kind_context() -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """``story/kind_context.tsv``: kind -> its rows in file order, each (the kind it becomes,
    the words that make it so)."""
    out: dict[str, tuple[tuple[str, frozenset[str]], ...]] = defaultdict(tuple)
    for r in load_table("story/kind_context.tsv"):
        if len(r) >= 3:
            out[r[0]] += ((r[1], frozenset(rw.match_key(fold(w)) for w in r[2].split("|"))),)
    return dict(out)


def kind_in(kind: str, groups: tuple[Group, ...]) -> str:
    """``kind`` as the words of its sentence (``report_words.word_groups``) change it: a
    drowning in a sentence naming a boat is a wreck (``story/kind_context.tsv``; a kind's first
    row whose words the sentence names wins)."""
    words = {w for g in groups for w in g}
    return next((new for new, cues in _kind_context().get(kind, ()) if cues & words), kind)


def kind_of(ev: Event) -> tuple[str, str]:
    """``(kind, label word)`` of a report: a phrase of its trigger's stems (سقوط طائرة), else
    the first of its trigger's words the table knows, else its type."""
    table = _kinds()
    words = [[s for _, s in reversed(stems(tok))] for w in ev.trigger.split() for tok in tokenize(w)]
    for phrase, value in _kind_phrases():
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if all(p in words[i + j] for j, p in enumerate(phrase)):
                return value
    for options in words:
        for s in options:
            if s in table:
                return table[s]
    return table.get(f"TYPE:{ev.type}", (ev.type.lower(), ""))


@cache
def _traits() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for r in load_table("story/kind_traits.tsv"):
        if len(r) >= 2:
            out[r[0]].add(r[1])
    return {k: frozenset(v) for k, v in out.items()}


def has_trait(kind: str, trait: str) -> bool:
    """Whether ``kind`` has ``trait`` in ``story/kind_traits.tsv`` (person, lasting, arrested, deadly)."""
    return trait in _traits().get(kind, ())


def by_person(kind: str) -> bool:
    """Whether the named person identifies a happening of ``kind`` (``story/kind_traits.tsv``)."""
    return has_trait(kind, "person")


def parse_day(v: str | None) -> date | None:
    """The day a TimeML value names (``2015-07-23``, ``2015-07-23TMO``), else None."""
    r = TimeValue.parse(v).range()
    return r[0] if r and r[0] == r[1] else None


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
    persons: frozenset[str] = frozenset()  # PER participants (who died, for a by-person kind)
    groups: tuple[Group, ...] = ()  # the readings of each content word (``words`` is their union)
    moves_on: bool = False  # its sentence opens on another item of a round-up (shifts.txt)
    inferred: bool = False  # its places are the article's lead's, not its sentence's
    other: bool = False  # its sentence tells of another item (other_items.tsv): its figures are not compared
    context: bool = False  # its sentence sets its article's happening in context (context_openers.txt)
    spots: frozenset[str] = frozenset()  # keys of the city spots among its places (``places.spots``)
    towns: frozenset[tuple[str, str]] = frozenset()  # its ungeocoded towns, each with its country (``places.towns``)


@dataclass
class Incident:
    kind: str
    reports: list[Report] = field(default_factory=list)
    lo: date | None = None  # window most dated reports give (else all), a week or less if any is (``WIDE_DAYS``)
    hi: date | None = None
    dated: bool = False
    places: set[str] = field(default_factory=set)  # named by its reports' own sentences
    lead_places: set[str] = field(default_factory=set)  # inferred from articles' leads
    place_docs: Counter[str] = field(default_factory=Counter)  # articles naming each of ``places``
    parts: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    word_docs: Counter[str] = field(default_factory=Counter)  # articles of the incident using each word
    counts: set[tuple[str, float]] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    doc_words: dict[str, frozenset[str]] = field(default_factory=dict)
    doc_places: dict[str, frozenset[str]] = field(default_factory=dict)
    persons: set[str] = field(default_factory=set)
    about: set[str] = field(default_factory=set)
    windows: Counter[tuple[date, date]] = field(default_factory=Counter)
    spots: dict[str, frozenset[str]] = field(default_factory=dict)  # its reports' city spots, each with the places told with it
    towns: dict[str, str] = field(default_factory=dict)  # its reports' ungeocoded towns, each with its country
    _scene: frozenset[str] | None = field(default=None, repr=False, compare=False)  # ``scene()`` until ``add``

    def scene(self) -> frozenset[str]:
        """The places that tell where it happened: those a ``SPREAD`` share of the articles
        naming places name (all, for two articles), so that a round-up sentence naming
        another town does not widen the scene for every later report; else the leads'.
        Remembered until the next ``add``: every candidate report asks for it."""
        if self._scene is None:
            if not self.places:
                self._scene = frozenset(self.lead_places)
            else:
                need = max(1.0, rw.SPREAD * len(self.doc_places))
                self._scene = frozenset({p for p, c in self.place_docs.items() if c >= need} or self.places)
        return self._scene

    def add(self, r: Report) -> None:
        if r.context and self.reports:
            # an earlier happening told in passing: one of its reports, but nothing the
            # incident is known by, so it never bridges two happenings into one
            self.reports.append(r)
            return
        self._scene = None
        self.reports.append(r)
        if r.dated and not self.dated:
            self.windows.clear()
            self.dated = True
        if r.dated == self.dated:
            # the window most reports give: one misdated report does not stretch the incident
            self.windows[(r.lo, r.hi)] += 1
            # a month ("in July") sets the days of a happening that lasts (a flood season),
            # else only while no report gives a narrower window: it would take in every
            # happening of the month
            wide = not has_trait(self.kind, "lasting")
            self.lo, self.hi = min(
                self.windows, key=lambda w: (wide and (w[1] - w[0]).days > WIDE_DAYS, -self.windows[w], w)
            )
        (self.lead_places if r.inferred else self.places).update(r.places)
        if not r.inferred:
            for k in r.spots:
                self.spots[k] = self.spots.get(k, frozenset()) | r.places
            self.towns.update(r.towns)
            self.place_docs.update(r.places - self.doc_places.get(r.doc, frozenset()))
            self.doc_places[r.doc] = self.doc_places.get(r.doc, frozenset()) | r.places
        self.parts |= r.parts
        if r.doc not in self.docs:
            self.word_docs.update(r.words)
        else:
            self.word_docs.update(r.words - self.doc_words[r.doc])
        self.doc_words[r.doc] = self.doc_words.get(r.doc, frozenset()) | r.words
        self.words |= r.words
        self.counts |= set(r.ev.counts.items())
        self.docs.add(r.doc)
        self.persons |= r.persons
        self.about |= r.about


@dataclass
class Told:
    """What a report's own sentence and trigger say (its kind, words, phrases): text work
    that the story stage's per-document step does, so the corpus step only reads it."""

    kind: str
    word: str
    backref: bool
    groups: tuple[frozenset[str], ...]
    moves_on: bool
    other: bool = False
    context: bool = False  # its sentence sets the article's happening in context (``sets_context``)


def told(ev: Event, text: str) -> Told:
    """``Told`` of one event whose first evidence lies in ``text``."""
    e0 = ev.evidence[0]
    sent = text[e0.start : e0.end]
    kind, word = kind_of(ev)
    groups = word_groups(sent)
    return Told(kind_in(kind, groups), word, has_backref(sent), groups, moves_on(sent), other_item(sent, ev.trigger),
                sets_context(sent))  # fmt: skip


def told_of(events: Sequence[Event], text: str) -> list[Told | None]:
    """``told`` of each event of one article that ``make_reports`` reads (an incident
    happening with evidence), else ``None``."""
    happen = incident_types()
    return [told(ev, text) if ev.evidence and ev.type in happen and ev.modality == "happened" else None
            for ev in events]  # fmt: skip
