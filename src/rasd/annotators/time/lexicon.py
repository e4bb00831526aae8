"""The temporal lexicon: resource files under ``resources/time/`` folded into lookups.

Every word the tagger knows comes from these files, so adding a spelling variant or a
synonym is a one-line data change. Keys are folded (``rasd.text.fold``) and whitespace
is collapsed, because the engine matches on folded text. Months, Hijri months, weekdays,
cardinals and ordinals are shared with other stages (``resources/ar/``, read through
``rasd.resources.arabic``); the tagger takes its view of them here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from rasd.resources import arabic, load_lines, load_table
from rasd.text import fold
from rasd.text.clitics import article, definite_chains, proclitic

_WS = re.compile(r"\s+")


def key(s: str) -> str:
    """Lookup key of a phrase: folded, one space between words."""
    return _WS.sub(" ", fold(s)).strip()


def alt(forms: object) -> str:
    """Regex alternation of folded phrases, longest first, inner spaces made flexible."""
    uniq = sorted({key(str(f)) for f in forms if key(str(f))}, key=lambda x: (-len(x), x))  # type: ignore[attr-defined]
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in f.split(" ")) for f in uniq) + ")"


def literal_alt(forms: Iterable[str]) -> str:
    """Regex alternation of folded words written exactly (one space stays one space),
    longest first: for the few fixed phrases a pattern in code names."""
    uniq = sorted({key(f) for f in forms if key(f)}, key=lambda x: (-len(x), x))
    return "|".join(re.escape(w) for w in uniq)


@cache
def word_set(name: str) -> frozenset[str]:
    """Folded lines of ``resources/time/<name>``."""
    return frozenset(key(x) for x in load_lines(f"time/{name}"))


@cache
def range_words(use: str) -> tuple[str, ...]:
    """Folded words of ``time/range_words.tsv`` with ``use`` (open_dates, open_days,
    open_counts, join, join_dates)."""
    return tuple(key(r[0]) for r in load_table("time/range_words.tsv") if len(r) >= 2 and use in r[1].split(","))


@cache
def day_nouns() -> tuple[str, ...]:
    """Folded nouns that head a day's name ("يوم الخميس", "صباح يوم غد", "يوم عرفة"): the
    ``day_head`` rows of ``time/units.tsv``, longest first."""
    forms = {key(r[0]) for r in load_table("time/units.tsv") if len(r) > 3 and "day_head" in r[3].split(",")}
    return tuple(sorted(forms, key=lambda x: (-len(x), x)))


@cache
def clock_fractions() -> dict[str, int]:
    """Folded fraction of an hour -> minutes (negative: before the hour), ``time/clock_fractions.tsv``."""
    return {key(r[0]): int(r[1]) for r in load_table("time/clock_fractions.tsv") if len(r) >= 2}


@cache
def clock_hours() -> dict[str, int]:
    """Folded hour word that is no ordinal -> its hour (``الواحدة``), ``time/clock_hours.tsv``."""
    return {key(r[0]): int(r[1]) for r in load_table("time/clock_hours.tsv") if len(r) >= 2}


def hour_words(ordinals: Iterable[str]) -> list[str]:
    """Folded words that name a clock hour: the ordinals less ``time/not_hour_ordinals.txt``
    (a masculine الأول agrees with no ساعة), and ``clock_hours``."""
    masc = {key(w) for w in load_lines("time/not_hour_ordinals.txt")}
    return [*(o for o in ordinals if o not in masc), *clock_hours()]


@cache
def duration_fractions() -> dict[str, float]:
    """Folded fraction before a bare unit -> its value (``نصف ساعة``), ``time/duration_fractions.tsv``."""
    return {key(r[0]): float(r[1]) for r in load_table("time/duration_fractions.tsv") if len(r) >= 2}


def _map(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in load_table(f"time/{name}"):
        if len(row) >= 2:
            out.setdefault(key(row[0]), row[1])
    return out


def _set(name: str) -> frozenset[str]:
    return frozenset(key(x) for x in load_lines(f"time/{name}"))


def _flagged(name: str, flag: str | None = None) -> frozenset[str]:
    """Folded first cells of a ``FORM[<TAB>FLAG]`` table: all, or those flagged ``flag``."""
    return frozenset(key(r[0]) for r in load_table(f"time/{name}") if flag is None or flag in r[1:])


def _relative_days(flag: str) -> frozenset[str]:
    """Folded relative-day words with ``flag`` in their FLAGS column (``time/relative_days.tsv``)."""
    return frozenset(key(r[0]) for r in load_table("time/relative_days.tsv") if len(r) > 3 and flag in r[3].split(","))


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    hijri_months: dict[str, int]
    hijri_markers: frozenset[str]
    weekdays: dict[str, int]
    numbers: dict[str, str]
    scales: dict[str, str]  # "125 مليون عام": a scale word after digits
    ordinals: dict[str, int]  # full ordinal phrases incl. teens and compounds, 1..31
    units: dict[str, tuple[str, str]]  # form -> (unit, count 1|2|N)
    definite_units: dict[str, str]
    relative_days: dict[str, int]
    bound_days: frozenset[str]  # relative days read only with a part of day, يوم or a weekday (غد)
    noun_days: frozenset[str]  # relative days that are also the noun "the day" (اليوم)
    relative_words: dict[str, int]
    this_words: frozenset[str]
    modifiers: dict[str, str]
    deadline_cues: frozenset[str]
    ago_words: dict[str, int]
    duration_cues: frozenset[str]
    parts_of_day: dict[str, tuple[str, str]]
    clock_suffixes: dict[str, str]
    vague: dict[str, str]
    sets: dict[str, str]
    every_words: frozenset[str]
    seasons: dict[str, str]
    year_words: frozenset[str]
    dual_year_words: frozenset[str]  # year words naming two years (عامي، العامين)
    year_suffixes: frozenset[str]
    year_abbreviations: frozenset[str]  # a lone letter (م): no year suffix before a counted noun
    year_context: frozenset[str]
    month_context: frozenset[str]  # year-context words that also make an ambiguous month name a month
    future_cues: frozenset[str]
    not_future: frozenset[str]  # comparisons with a forecast (أكبر من المتوقع): no future cue
    counted_nouns: frozenset[str]
    not_time: frozenset[str]
    relday_pod: dict[str, str]
    cue_blockers: frozenset[str]
    decades: dict[str, int]
    parts_of_year: dict[str, str]
    duration_after: frozenset[str]
    year_heads: frozenset[str]
    season_heads: frozenset[str]  # year heads of a season: "موسم 2012 و2013" is one season


def _pairs(rows: Iterable[Sequence[object]]) -> dict[str, str]:
    """``{key(form): str(value)}`` of ``(form, value, …)`` rows, the first spelling winning."""
    out: dict[str, str] = {}
    for row in rows:
        out.setdefault(key(str(row[0])), str(row[1]))
    return out


def _int(v: float) -> str:
    return str(int(v)) if v == int(v) else str(v)


def teen_words() -> tuple[str, ...]:
    """Second word of a teen (عشر, عشرة): the cardinals of kind ``teen``."""
    return tuple(c.form for c in arabic.cardinals() if c.kind == "teen")


def _numbers() -> dict[str, str]:
    """Number words the tagger reads additively ("خمسة وتسعين" = 5 + 90): units, teens, tens,
    hundreds and the singular and dual scales; teen phrases (unit or one-teen + عشر/عشرة; a
    one-teen also with the article, "الاثني عشر", unless that is a weekday); the vague counts below ten as ``X`` (بضعة). Left out: zero
    (صفر is also a Hijri month), a one-teen alone (أحد), and the plural and accusative scales
    (آلاف, ألفا), whose value depends on what precedes them."""
    cards = arabic.cardinals()
    weekdays = {key(f) for f, _ in arabic.weekdays()}
    out: dict[str, str] = {}
    for c in cards:
        if c.kind in ("unit", "teen", "ten", "hundred") or (c.kind == "scale" and c.form_class in ("", "du")):
            out.setdefault(key(c.form), _int(c.value))
    for c in cards:
        if c.kind in ("unit", "oneteen") and 1 <= c.value <= 9:
            for t in teen_words():
                out.setdefault(key(f"{c.form} {t}"), _int(10 + c.value))
                if c.kind == "oneteen" and key(f"{article()}{c.form}") not in weekdays:  # not "الأحد عشرة": Sunday, ten
                    out.setdefault(key(f"{article()}{c.form} {t}"), _int(10 + c.value))
    for form, _lo, hi in arabic.vague_amounts():
        if hi < 10:
            out.setdefault(key(form), "X")
    return out


def _scales() -> dict[str, str]:
    """Scale words after digits ("125 مليون عام"): singular and plural scale cardinals."""
    return {
        key(c.form): _int(c.value)
        for c in arabic.cardinals()
        if c.kind == "scale" and c.form_class in ("", "pl")
    }


def _ordinals() -> dict[str, int]:
    """Ordinals 1..31: listed words, teens (unit + عشر) and compounds (unit + و + tens)."""
    units: dict[str, int] = {}
    tens: dict[str, int] = {}
    out: dict[str, int] = {}
    for form, val, kind in arabic.ordinals():
        if kind == "construct":
            continue  # "ثاني أيام العيد": see base.day_ordinals
        form = key(form)
        out.setdefault(form, val)
        if kind == "units":
            units[form] = val
        elif kind == "tens":
            tens[form] = val
    for suf in teen_words():
        for u, v in units.items():
            if 1 <= v <= 9:
                out.setdefault(f"{u} {key(suf)}", 10 + v)
    for u, v in units.items():
        for t, tv in tens.items():
            if tv + v <= 39:
                out.setdefault(f"{u} {proclitic('and')}{t}", tv + v)
                out.setdefault(f"{u} {proclitic('and')} {t}", tv + v)
    return out


@cache
def lexicon() -> Lexicon:
    """The lexicon, loaded once."""
    units: dict[str, tuple[str, str]] = {}
    for r in load_table("time/units.tsv"):
        units.setdefault(key(r[0]), (r[1], r[2]))
    pod: dict[str, tuple[str, str]] = {}
    for r in load_table("time/parts_of_day.tsv"):
        pod.setdefault(key(r[0]), (r[1], r[2]))
    return Lexicon(
        months={k: int(v) for k, v in _pairs(arabic.months()).items()},
        hijri_months={k: int(v) for k, v in _pairs(arabic.hijri_months()).items()},
        hijri_markers=_set("hijri_markers.txt"),
        weekdays={k: int(v) for k, v in _pairs(arabic.weekdays()).items()},
        numbers=_numbers(),
        scales=_scales(),
        ordinals=_ordinals(),
        units=units,
        definite_units=_map("definite_units.tsv"),
        relative_days={k: int(v) for k, v in _map("relative_days.tsv").items()},
        bound_days=_relative_days("bound"),
        noun_days=_relative_days("noun"),
        relative_words={k: int(v) for k, v in _map("relative_words.tsv").items()},
        this_words=_set("this_words.txt"),
        modifiers=_map("modifiers.tsv"),
        deadline_cues=_set("deadline_cues.txt"),
        ago_words={k: int(v) for k, v in _map("ago_words.tsv").items()},
        duration_cues=_set("duration_cues.txt"),
        parts_of_day=pod,
        clock_suffixes=_map("clock_suffixes.tsv"),
        vague=_map("vague.tsv"),
        sets=_map("sets.tsv"),
        every_words=_set("every_words.txt"),
        seasons=_map("seasons.tsv"),
        year_words=_flagged("year_words.tsv"),
        dual_year_words=_flagged("year_words.tsv", "dual"),
        year_suffixes=_flagged("year_suffixes.tsv"),
        year_abbreviations=_flagged("year_suffixes.tsv", "abbreviation"),
        year_context=_flagged("year_context.tsv"),
        month_context=_flagged("year_context.tsv", "month"),
        future_cues=_set("future_cues.txt"),
        not_future=_set("not_future.txt"),
        counted_nouns=_set("counted_nouns.txt"),
        not_time=_set("not_time.txt"),
        relday_pod={key(r[0]): r[2] for r in load_table("time/relative_days.tsv") if len(r) > 2 and r[2]},
        cue_blockers=_set("cue_blockers.txt"),
        decades={k: int(v) for k, v in _map("decades.tsv").items()},
        parts_of_year=_map("parts_of_year.tsv"),
        duration_after=_set("duration_after.txt"),
        year_heads=_flagged("year_heads.txt"),
        season_heads=_flagged("year_heads.txt", "season"),
    )


@cache
def _vague_needs_before() -> dict[str, tuple[str, ...]]:
    return {key(row[0]): tuple("DEF" + key(w[3:]) if w.startswith("DEF") else key(w) for w in row[1].split("|")) for row in load_table("time/vague_needs_before.tsv")}


def vague_guarded(word: str, prev: str) -> bool:
    """True when a vague word that needs a word before it (vague_needs_before.tsv) lacks it:
    "أجرى حديثا" is an interview, "المنضم حديثا" recently; "حتى اللحظة" is so far. A word
    marked ``!`` (``!*x``: any word ending in x) bars it: "منزلا قديما" is an old house."""
    needs = _vague_needs_before().get(word)
    if needs is None:
        return False
    prev = key(prev)
    bars = [n[1:] for n in needs if n.startswith("!")]
    if any(prev.endswith(b[1:]) if b.startswith("*") else prev == b for b in bars):
        return True
    needs = tuple(n for n in needs if not n.startswith("!"))
    if not needs:
        return False
    bare = next((prev[len(c) :] for c in definite_chains(kaf=False) if prev.startswith(c)), None)
    return not any(bare is not None and bare.startswith(n[3:]) if n.startswith("DEF") else prev == n for n in needs)
