"""Word tests of the figure reader (``story.figures``) that need no article state.

``deictic``: whether a date is read from words relative to the article's own day ("أمس"،
"فجر اليوم"، "الليلة الماضية") with no weekday, month or day number to pin it. Inside a quote
(``quoted``) such words may be the speaker's of the day before the article ("وقال المرصد:
«خطف … مساء أمس»" printed a day later), so ``story.slots`` does not set that date against
one a day earlier. Outside quotes the date is read against the article's day, as the gold
reads it (docs/incidents_gold.md), and is compared as it is.

Also here: the dual nouns that count two (``duals``), and ``long_ago``, the dates that set a
sentence's figures in a past happening.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from rasd.resources import load_table
from rasd.story import SLOT_KEYS
from rasd.story.incidents import parse_day
from rasd.temporal import TimeValue
from rasd.text import fold, tokenize
from rasd.text.words import stems, word_list

LONG_AGO = 20  # days before its article's that date a sentence's figures to a past happening
_CLOCK = re.compile(r"\d{1,2}\s*[:.,]\s*\d{2}")
_DAY_NUMBER = re.compile(r"\d")


@cache
def _pinning_words() -> frozenset[str]:
    """Weekday and month names: a date naming one does not move with its article's day."""
    rows = [*load_table("ar/calendar/weekdays.tsv"), *load_table("ar/calendar/months.tsv")]
    return frozenset(fold(r[0]) for r in rows if r and r[0])


def deictic(text: str) -> bool:
    """Whether a date said by ``text`` rests on the article's own day alone (module doc)."""
    if _DAY_NUMBER.search(_CLOCK.sub(" ", text)):
        return False  # "26 يونيو"، "يوم 26": a day of the month (a clock time "6:00" pins none)
    words = [t for t in tokenize(text) if t.is_word]
    readings = [frozenset({t.norm, *(s for _, s in stems(t))}) for t in words]
    if any(r & _pinning_words() for r in readings):
        return False
    return any(r & word_list("story/deictic_days.txt") for r in readings)


def plain(v: str | None) -> str:
    """A TimeML value the date slot takes (``2015-07-23``, ``2015-07-23TMO``, ``2015-07-23T10:30``,
    ``2015-07``, ``2013``), else ``""``."""
    tv = TimeValue.parse(v)
    clock = tv.precision == "minute" and tv.second is None
    part = tv.part_of_day is not None and tv.part_of_day != "MI"  # midnight is no part the slot names
    ok = tv.plain or (tv.exact and tv.year is not None and tv.week is None and (clock or part))
    return v if v and ok else ""


_QUOTES = (("«", "»"), ("“", "”"))


def quoted(before: str) -> bool:
    """Whether what follows ``before`` (its sentence up to it) is inside a quotation: the
    quoted words may be of the day before the article's ("وقال المرصد: «خطف … مساء أمس")."""
    return before.count('"') % 2 == 1 or any(before.count(a) > before.count(b) for a, b in _QUOTES)


@cache
def duals() -> dict[str, str | None]:
    """Folded dual noun -> the slot it names, or ``None`` (``story/duals.tsv``)."""
    return {fold(r[0]): (r[1] if r[1] in SLOT_KEYS else None) for r in load_table("story/duals.tsv") if len(r) >= 2}


@cache
def dual_screen() -> re.Pattern[str] | None:
    """Any dual noun of ``duals`` as a substring of a folded sentence. Folding goes
    character by character, so a word's folded readings are pieces of its sentence's folded
    text: a sentence without one has no dual noun (``None``: the table is empty)."""
    keys = sorted(duals(), key=lambda k: (-len(k), k))
    return re.compile("|".join(map(re.escape, keys))) if keys else None


def long_ago(v: str, pub: date) -> bool:
    """A day at least ``LONG_AGO`` days, or a month, before the article's: a past happening's
    (background: "في 26 يونيو الماضي"، "الشهر الماضي")."""
    day = parse_day(v)
    if day is None:
        return len(v) == 7 and v[4] == "-" and v[5:].isdigit() and v < f"{pub.year:04d}-{pub.month:02d}"
    return (pub - day).days >= LONG_AGO
