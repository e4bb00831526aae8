"""Plain data types that flow through the pipeline.

Every stage reads and writes these dataclasses and nothing else, so a stage can be
replaced without touching its neighbours. Field names follow the public export contract
(``shared/spec/EXPORT.md``); ``to_dict`` gives the JSON shape of that contract.
"""

from __future__ import annotations

import dataclasses
import operator
import typing
from dataclasses import dataclass, field
from typing import Any


def to_dict(obj: Any) -> Any:
    """JSON-ready dict of a dataclass tree (private fields, those starting with ``_``, dropped):
    dataclasses become dicts of their fields in order, lists and tuples lists, dicts dicts
    (keys kept), anything else stays as it is.

    It walks every export and stored row, so how to walk a class is worked out once per
    class (``_shape``) and plain values are returned without a call."""
    cls = obj.__class__
    if cls in _LEAVES:
        return obj
    shape = _SHAPES.get(cls)
    if shape is None:
        shape = _SHAPES[cls] = _shape(cls)
    if shape is _LEAF:
        return obj
    if shape is _SEQ:
        return [x if x.__class__ in _LEAVES else to_dict(x) for x in obj]
    if shape is _MAP:
        return {k: v if v.__class__ in _LEAVES else to_dict(v) for k, v in obj.items()}
    names, values = shape
    return dict(zip(names, [v if v.__class__ in _LEAVES else to_dict(v) for v in values(obj)], strict=True))


def public_fields(obj: Any) -> dict[str, Any]:
    """A dataclass instance's public fields as a dict (values as they are): the ``default``
    of a ``json`` encoder, which then writes what it would write of ``to_dict(obj)`` without
    the walk in Python. Anything else is refused, as ``json`` refuses it."""
    shape = _SHAPES.get(obj.__class__)
    if shape is None:
        shape = _SHAPES[obj.__class__] = _shape(obj.__class__)
    if shape.__class__ is not tuple:
        raise TypeError(f"Object of type {obj.__class__.__name__} is not JSON serializable")
    names, values = shape
    return dict(zip(names, values(obj), strict=True))


_LEAVES = frozenset({str, int, float, bool, type(None)})  # returned as they are
_LEAF, _SEQ, _MAP = "leaf", "sequence", "mapping"
_SHAPES: dict[type, Any] = {}


def _shape(cls: type) -> Any:
    """How ``to_dict`` walks an instance of ``cls``: ``(public field names, getter of their
    values as a tuple)`` for a dataclass, else ``_SEQ``, ``_MAP`` or ``_LEAF``."""
    if dataclasses.is_dataclass(cls):  # (a dataclass *type* is a leaf: its class is ``type``)
        names = tuple(f.name for f in dataclasses.fields(cls) if not f.name.startswith("_"))
        if len(names) == 1:
            one = operator.attrgetter(names[0])
            return names, lambda o: (one(o),)
        return names, operator.attrgetter(*names) if names else (lambda o: ())
    if issubclass(cls, (list, tuple)):
        return _SEQ
    if issubclass(cls, dict):
        return _MAP
    return _LEAF


@dataclass
class Span:
    """A half-open character range ``[start, end)`` in a document's ``text``."""

    start: int
    end: int


@dataclass
class Evidence:
    """Where a derived item comes from: characters of one document."""

    doc: str
    start: int
    end: int


# --------------------------------------------------------------------------- documents


@dataclass
class Published:
    """The publication date and how we know it."""

    value: str | None = None  # TimeML value: "2021-06-05", "2021-12", "2024"
    precision: str | None = None  # day | month | year
    method: str = "unknown"  # dateline | metadata | content | given | unknown
    confidence: float = 0.0
    warnings: list[str] = field(default_factory=list)


@dataclass
class Removed:
    """A block of page furniture taken out of the body, kept so nothing is lost.

    ``start``/``end`` are offsets into the raw page text (``RawPage.text``).
    """

    kind: str  # boilerplate | related_articles | footer | navigation | caption | byline | dateline | title
    text: str
    start: int = -1
    end: int = -1


@dataclass
class PageSpan:
    """One contiguous piece of a document body and where it lies on the page.

    ``text[doc_start:doc_start+length] == page_text[page_start:page_start+length]``.
    The pieces, in order and joined by the separators between them, make the body: this
    is how every body character is traced back to the page.
    """

    doc_start: int
    page_start: int
    length: int


@dataclass
class RawPage:
    """A page as read from disk or a record, before cleaning."""

    source: str  # file name, "name.zip!member#i", or URL
    text: str  # decoded text of the page (for HTML: the extracted text)
    kind: str = "text"  # text | html | record
    encoding: str = "utf-8"
    title: str | None = None  # given by a record or HTML metadata
    date: str | None = None  # given by a record, HTML metadata or --date
    outlet: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)
    html: str | None = None  # original markup, for HTML pages
    date_method: str = "given"  # how ``date`` was obtained: given (record, --date) | metadata (HTML)


@dataclass
class Document:
    """A clean article: the unit every annotator works on."""

    id: str
    source: str
    part: int
    title: str
    outlet: str | None
    published: Published
    language: str
    text: str
    removed: list[Removed] = field(default_factory=list)
    url: str | None = None
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
    content_hash: str = ""
    page_spans: list[PageSpan] = field(default_factory=list)
    duplicate_of: str | None = None  # id of the first-seen near-duplicate (syndication)


# --------------------------------------------------------------------------- mentions


@dataclass
class Timex:
    """A TIMEX3 temporal expression normalised against the document date."""

    doc: str
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    mod: str | None = None  # START | MID | END | APPROX | MORE_THAN | LESS_THAN | BEFORE | AFTER ...
    anchor: str = "absolute"  # dct | absolute | previous
    confidence: float = 0.8
    deadline: bool = False  # "بحلول", "في موعد لا يتجاوز", "حتى", "قبل" + date
    calendar: str | None = None  # "hijri" when the text gives a Hijri date
    original: str | None = None  # the Hijri value as written, e.g. "1446-03-05"
    range_end: str | None = None  # for "من … حتى …" ranges: the value of the end point


@dataclass
class EntityMention:
    doc: str
    start: int
    end: int
    text: str
    type: str  # PER | ORG | GPE | LOC | FAC | MISC
    entity: str | None = None
    confidence: float = 0.8
    role: str | None = None  # title said beside the name: "رئيس الوزراء العراقي"
    source: str = "model"  # model | gazetteer | pattern


@dataclass
class Quantity:
    doc: str
    start: int
    end: int
    text: str
    value: float | None
    value_max: float | None = None
    approx: bool = False
    object: str | None = None  # normalised counted object: جندي، هجوم، صاروخ …
    object_entity: str | None = None
    confidence: float = 0.8
    mod: str | None = None  # APPROX | MORE_THAN | LESS_THAN | AT_LEAST | AT_MOST | RANGE | VAGUE
    owner: str | None = None  # group or place the counted things belong to: "أميركي", "العراق"
    object_span: Span | None = None
    value_min: float | None = None  # lower bound of a vague amount (عشرات → 30)
    place: str | None = None  # where the counted things are: "العراق" in "2500 جندي في العراق"


@dataclass
class Speaker:
    text: str
    entity: str | None = None
    role: str | None = None
    anonymous: bool = False
    start: int = -1
    end: int = -1
    medium: str | None = None  # outlet or agency that carried the words: "رويترز"


@dataclass
class Quote:
    doc: str
    start: int
    end: int
    speaker: Speaker
    cue: str
    content: Span
    direct: bool
    polarity: str = "assert"  # assert | deny
    confidence: float = 0.8
    date: str | None = None


# --------------------------------------------------------------------------- corpus level


@dataclass
class Geo:
    """A place's point on the map. ``kind`` says what the point stands for: ``country``
    (its geographic centre, not its capital), ``city``, ``region`` (a representative point
    of an area) or ``site`` (a base, an airport); ``None`` when unknown."""

    lat: float
    lon: float
    kind: str | None = None


@dataclass
class Entity:
    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    geo: Geo | None = None
    mentions: int = 0
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class EventDate:
    value: str | None
    precision: str | None  # day | month | year | None


@dataclass
class Event:
    id: str
    type: str
    date: EventDate
    place: str | None = None
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    counts: dict[str, float] = field(default_factory=dict)
    modality: str = "happened"  # happened | planned | expected | denied
    summary: str = ""
    trigger: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.7
    _date_source: str = ""  # own | neighbour | context | article (not exported): what merging trusts
    label: str = ""  # an incident's short Arabic label (تفجير في أبها — 6 آب 2015); "" for a lone report
    sources: int = 1  # documents that report this incident


@dataclass
class Claim:
    id: str
    subject: str
    predicate: str
    object: str
    time: str | None
    polarity: str = "assert"
    modality: str = "fact"  # fact | plan | expectation | demand
    attributed_to: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.7
    numbers: list[float] = field(default_factory=list)
    speaker: str | None = None  # the source as written ("مسؤول عراقي كبير"), None for the outlet's own words


@dataclass
class Commitment:
    id: str
    what: str
    actors: list[str]
    deadline: str | None
    status: str  # pending | due | passed
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.7
    who: str | None = None
    postponed: bool = False  # a postponement cue (تأجيل، أرجأ) was reported for it


@dataclass
class Side:
    """One side of a disagreement, shown inline: what one source said and where."""

    value: str  # as a reader sees it: "5", "2024-08-05", "نفى", an entity name
    source: str  # document id
    evidence: list[Evidence] = field(default_factory=list)
    outlet: str | None = None
    speaker: str | None = None  # entity id of who said it, when known
    speaker_text: str | None = None  # the speaker as written ("مسؤول عراقي")
    claim: str | None = None  # the claim (c_…) the side was read from, when there is one


@dataclass
class Conflict:
    """A disagreement between two sources about one incident slot, claim or commitment.

    ``a``/``b`` keep the claim ids (or report ids) the two sides come from, so older
    readers still work; ``side_a``/``side_b`` carry the values inline (EXPORT.md schema 2).
    """

    id: str
    kind: str  # slot | polarity | deadline (schema 2); number | date | other in schema-1 stores
    a: str
    b: str
    explanation: str
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.7
    incident: str | None = None  # the incident (i_…) a slot or polarity disagreement is about
    slot: str | None = None  # killed | injured | … | date, for incident slot disagreements
    thread: str | None = None  # the commitment thread (t_…) a deadline/polarity disagreement is about
    relation: str = "contradict"  # differ | contradict | update
    side_a: Side | None = None
    side_b: Side | None = None


@dataclass
class SlotValue:
    """One source's value for one slot of an incident, never merged with the others."""

    value: Any  # a number, a TimeML value, an entity id, or text
    source: str  # document id
    evidence: list[Evidence] = field(default_factory=list)
    value_max: float | None = None
    qualifier: str | None = None  # at_least | at_most | about | exact | None
    speaker: str | None = None  # entity id of who gave the value, when known
    speaker_text: str | None = None
    reported_on: str | None = None  # the source's publication date
    outlet: str | None = None
    report: str | None = None  # the event (v_…) it was read from
    text: str | None = None  # the value as a reader sees it (entity name, date words)


@dataclass
class Incident:
    """One real-world happening, however many sources report it (EXPORT.md schema 2)."""

    id: str  # i_…, derived from its reports' ids
    type: str
    label: str  # هجوم صاروخي على قاعدة عين الأسد — 5 آب 2024
    date: EventDate
    place: str | None = None
    reports: list[str] = field(default_factory=list)  # event ids (v_…)
    slots: dict[str, list[SlotValue]] = field(default_factory=dict)
    confidence: float = 0.7
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    sources: int = 1  # documents behind it
    evidence: list[Evidence] = field(default_factory=list)  # each report's first evidence


@dataclass
class Deadline:
    """One stated deadline of a commitment thread, in the order it was stated."""

    value: str | None
    mod: str | None = None  # END | START | MID | None
    stated_by: str | None = None  # entity id
    stated_by_text: str | None = None
    stated_on: str | None = None  # publication date of the source that stated it
    evidence: list[Evidence] = field(default_factory=list)
    commitment: str | None = None  # the commitment (m_…) it came from
    status: str | None = None  # current | phase (an earlier step of the current plan) | superseded
    source: str | None = None  # document id of the statement
    outlet: str | None = None


@dataclass
class Thread:
    """Successive statements about one promise: its deadline history and status as of a date."""

    id: str  # t_…
    what: str
    actors: list[str] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    status: str = "pending"  # pending | due | kept | broken | superseded
    as_of: str | None = None
    commitments: list[str] = field(default_factory=list)  # m_… ids
    evidence: list[Evidence] = field(default_factory=list)  # kept/broken reports and each deadline's evidence
    confidence: float = 0.7
    action: str | None = None  # withdrawal | handover | closure | election … (story/thread_actions.tsv)
    places: list[str] = field(default_factory=list)  # e_… ids of where the promise is to be carried out
    reports: list[Evidence] = field(default_factory=list)  # later reports that it was (not) done


@dataclass
class Mentions:
    timex: list[Timex] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


MENTION_KINDS = tuple(f.name for f in dataclasses.fields(Mentions))  # the one list of mention kinds
MENTION_TYPES: dict[str, type] = {k: typing.get_args(t)[0] for k, t in typing.get_type_hints(Mentions).items()}  # kind -> class


@dataclass
class DocAnalysis:
    """One document and the mentions found in it so far: what per-document stages read and fill.

    The annotators fill one list each (in ``stages`` order, later ones reading earlier
    results); linking then edits them in place. Its list fields are ``MENTION_KINDS``.
    """

    doc: Document
    timex: list[Timex] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class Views:
    """The corpus-level items a store keeps, by name (never by position)."""

    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    threads: list[Thread] = field(default_factory=list)


VIEW_KINDS = tuple(f.name for f in dataclasses.fields(Views))


@dataclass
class Analysis:
    """Everything ``rasd analyze`` produces: the shape of ``analysis.json``."""

    documents: list[Document] = field(default_factory=list)
    mentions: Mentions = field(default_factory=Mentions)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    threads: list[Thread] = field(default_factory=list)
