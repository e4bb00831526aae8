"""The temporal lexicon: resource files under ``resources/time/`` folded into lookups.

Every word the tagger knows comes from these files, so adding a spelling variant or a
synonym is a one-line data change. Keys are folded (``rasd.text.fold``) and whitespace
is collapsed, because the engine matches on folded text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rasd.resources import load_lines, load_table
from rasd.text import fold

_WS = re.compile(r"\s+")


def key(s: str) -> str:
    """Lookup key of a phrase: folded, one space between words."""
    return _WS.sub(" ", fold(s)).strip()


def alt(forms: object) -> str:
    """Regex alternation of folded phrases, longest first, inner spaces made flexible."""
    uniq = sorted({key(str(f)) for f in forms if key(str(f))}, key=lambda x: (-len(x), x))  # type: ignore[attr-defined]
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in f.split(" ")) for f in uniq) + ")"


def _map(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in load_table(f"time/{name}"):
        if len(row) >= 2:
            out.setdefault(key(row[0]), row[1])
    return out


def _set(name: str) -> frozenset[str]:
    return frozenset(key(x) for x in load_lines(f"time/{name}"))


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
    year_suffixes: frozenset[str]
    year_context: frozenset[str]
    future_cues: frozenset[str]
    counted_nouns: frozenset[str]
    not_time: frozenset[str]
    relday_pod: dict[str, str]
    cue_blockers: frozenset[str]
    decades: dict[str, int]
    parts_of_year: dict[str, str]
    duration_after: frozenset[str]
    year_heads: frozenset[str]


def _ordinals() -> dict[str, int]:
    """Ordinals 1..31: listed words, teens (unit + عشر) and compounds (unit + و + tens)."""
    units: dict[str, int] = {}
    tens: dict[str, int] = {}
    out: dict[str, int] = {}
    for row in load_table("time/ordinals.tsv"):
        form, val, kind = key(row[0]), int(row[1]), row[2]
        out.setdefault(form, val)
        if kind == "units":
            units[form] = val
        elif kind == "tens":
            tens[form] = val
    for suf in load_lines("time/teen_suffixes.txt"):
        for u, v in units.items():
            if 1 <= v <= 9:
                out.setdefault(f"{u} {key(suf)}", 10 + v)
    for u, v in units.items():
        for t, tv in tens.items():
            if tv + v <= 39:
                out.setdefault(f"{u} و{t}", tv + v)
                out.setdefault(f"{u} و {t}", tv + v)
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
        months={k: int(v) for k, v in _map("months.tsv").items()},
        hijri_months={k: int(v) for k, v in _map("hijri_months.tsv").items()},
        hijri_markers=_set("hijri_markers.txt"),
        weekdays={k: int(v) for k, v in _map("weekdays.tsv").items()},
        numbers=_map("numbers.tsv"),
        scales=_map("scales.tsv"),
        ordinals=_ordinals(),
        units=units,
        definite_units=_map("definite_units.tsv"),
        relative_days={k: int(v) for k, v in _map("relative_days.tsv").items()},
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
        year_words=_set("year_words.txt"),
        year_suffixes=_set("year_suffixes.txt"),
        year_context=_set("year_context.txt"),
        future_cues=_set("future_cues.txt"),
        counted_nouns=_set("counted_nouns.txt"),
        not_time=_set("not_time.txt"),
        relday_pod={key(r[0]): r[2] for r in load_table("time/relative_days.tsv") if len(r) > 2},
        cue_blockers=_set("cue_blockers.txt"),
        decades={k: int(v) for k, v in _map("decades.tsv").items()},
        parts_of_year=_map("parts_of_year.tsv"),
        duration_after=_set("duration_after.txt"),
        year_heads=_set("year_heads.txt"),
    )
