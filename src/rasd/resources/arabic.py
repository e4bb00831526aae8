"""The Arabic facts every stage shares, read from ``resources/ar/`` by kind of knowledge.

Month names, weekdays, number words, titles and proclitics used to be copied into each
stage's folder and drifted apart (a Moroccan month spelling known to the time annotator but
not to ingest dates). Each now lives in one file; a stage takes its *view* of it here (the
time annotator's numbers are the cardinals minus zero and the plural scales, say), so adding
a spelling is one line in one file and every stage sees it. Forms are returned as written:
each caller folds them with its own key, as it folds the text it matches.

Layout (see docs/resources.md): ``ar/calendar/`` months, Hijri months, weekdays;
``ar/numbers/`` cardinals, ordinals, vague amounts; ``ar/people/`` titles and roles, name
particles;
``ar/morphology/`` proclitic chains, inflectional affixes and named particles (read through
``rasd.text.clitics``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasd.resources import load_table

MONTHS = "ar/calendar/months.tsv"
HIJRI_MONTHS = "ar/calendar/hijri_months.tsv"
WEEKDAYS = "ar/calendar/weekdays.tsv"
CARDINALS = "ar/numbers/cardinals.tsv"
ORDINALS = "ar/numbers/ordinals.tsv"
VAGUE = "ar/numbers/vague.tsv"
TITLES = "ar/people/titles.tsv"
NAME_PARTICLES = "ar/people/name_particles.tsv"
PROCLITICS = "ar/morphology/proclitics.tsv"
AFFIXES = "ar/morphology/affixes.tsv"
PARTICLES = "ar/morphology/particles.tsv"

TITLE_USES = ("name", "tagger", "role", "honorific")


def _cell(row: tuple[str, ...], i: int) -> str:
    return row[i] if len(row) > i else ""


def _set(cell: str) -> frozenset[str]:
    return frozenset(x.strip() for x in cell.split(",") if x.strip())


@dataclass(frozen=True)
class Month:
    form: str
    month: int
    systems: frozenset[str]  # gregorian, levantine, maghrebi, english
    ambiguous: bool  # also a common word (مارس, آب): a month only in context


@cache
def month_names() -> tuple[Month, ...]:
    """Every Gregorian month spelling with its systems (``ar/calendar/months.tsv``)."""
    return tuple(
        Month(r[0], int(r[1]), _set(_cell(r, 2)), "ambiguous" in _set(_cell(r, 3)))
        for r in load_table(MONTHS)
        if len(r) >= 2
    )


def months(*, english: bool = False) -> tuple[tuple[str, int], ...]:
    """``(form, month)`` of the Arabic systems, plus the English names if asked (ingest)."""
    return tuple((m.form, m.month) for m in month_names() if english or "english" not in m.systems)


def ambiguous_months() -> tuple[str, ...]:
    """Month spellings that are also common words (a month only after a preposition)."""
    return tuple(m.form for m in month_names() if m.ambiguous)


@cache
def hijri_months() -> tuple[tuple[str, int], ...]:
    """``(form, month)`` of the Hijri months (``ar/calendar/hijri_months.tsv``)."""
    return tuple((r[0], int(r[1])) for r in load_table(HIJRI_MONTHS) if len(r) >= 2)


@cache
def weekdays(*, english: bool = False) -> tuple[tuple[str, int], ...]:
    """``(form, ISO weekday)``: Arabic names, plus English ones if asked (ingest)."""
    return tuple(
        (r[0], int(r[1])) for r in load_table(WEEKDAYS) if len(r) >= 2 and (english or _cell(r, 2) != "en")
    )


@dataclass(frozen=True)
class Cardinal:
    form: str
    value: float
    kind: str  # unit, oneteen, teen, ten, hundred, scale, zero
    form_class: str  # "" (singular), du, pl, acc
    homograph: bool = False  # also another word: counts only with a noun after it


@cache
def cardinals() -> tuple[Cardinal, ...]:
    """Cardinal number words (``ar/numbers/cardinals.tsv``)."""
    return tuple(
        Cardinal(r[0], float(r[1]), r[2], _cell(r, 3), _cell(r, 4) == "homograph")
        for r in load_table(CARDINALS)
        if len(r) >= 3
    )


@cache
def vague_amounts() -> tuple[tuple[str, float, float], ...]:
    """``(form, min, max)`` of vague amounts (عشرات, بضعة …)."""
    return tuple((r[0], float(r[1]), float(r[2])) for r in load_table(VAGUE) if len(r) >= 3)


@cache
def ordinals() -> tuple[tuple[str, int, str], ...]:
    """``(form, value, kind)`` of ordinal words; kind units, single, tens, word or construct."""
    return tuple((r[0], int(r[1]), r[2]) for r in load_table(ORDINALS) if len(r) >= 3)


@cache
def titles(use: str) -> tuple[str, ...]:
    """Title and role phrases marked for ``use`` (name, tagger, role or honorific), in file order."""
    if use not in TITLE_USES:
        raise ValueError(f"unknown title use {use!r} (one of {', '.join(TITLE_USES)})")
    return tuple(r[0] for r in load_table(TITLES) if use in _set(_cell(r, 1)))


@cache
def name_particles(use: str) -> tuple[str, ...]:
    """Particles inside personal names marked for ``use`` (span: entities; link: quotes;
    nasab: linking)."""
    if use not in ("span", "link", "nasab"):
        raise ValueError(f"unknown name particle use {use!r} (span, link or nasab)")
    return tuple(r[0] for r in load_table(NAME_PARTICLES) if use in _set(_cell(r, 1)))


@cache
def proclitic_chains() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(chain, parts)`` of each proclitic chain; parts among conj, prep, fut, art."""
    return tuple((r[0], tuple(_cell(r, 1).split("+"))) for r in load_table(PROCLITICS) if r[0])


@cache
def proclitic_glosses() -> dict[str, str]:
    """``gloss -> form`` of the one-part proclitics (and → و, to → ل, the → ال)."""
    return {r[2]: r[0] for r in load_table(PROCLITICS) if len(r) >= 3 and r[2]}


@cache
def affix_rows() -> tuple[tuple[str, str, frozenset[str]], ...]:
    """``(form, kind, tags)`` of the inflectional affixes (``ar/morphology/affixes.tsv``)."""
    return tuple((r[0], r[1], _set(_cell(r, 2))) for r in load_table(AFFIXES) if len(r) >= 2)


@cache
def particle_forms() -> dict[str, str]:
    """``gloss -> form`` of the named free particles (``ar/morphology/particles.tsv``)."""
    return {r[1]: r[0] for r in load_table(PARTICLES) if len(r) >= 2}
