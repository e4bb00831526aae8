"""The compiled word lists that the context rules of ``passes.py`` read (``resources/time/``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rasd.annotators.time.base import AND, CONJ, PREP
from rasd.annotators.time.lexicon import alt, day_nouns, key, lexicon
from rasd.resources import load_lines, load_table
from rasd.text.clitics import affixes


@dataclass(frozen=True)
class _Words:
    """The compiled word lists of these rules."""

    weekday: re.Pattern[str]
    podhead: re.Pattern[str]  # "مساء (يوم)" right before a day
    same_day: re.Pattern[str]  # gap between a weekday and its explicit date
    footer: re.Pattern[str]
    year_link: re.Pattern[str]
    inception: frozenset[str]
    since: frozenset[str]
    from_now: re.Pattern[str]
    noun_suffixes: tuple[str, ...]
    ages: re.Pattern[str] | None
    age_years: dict[str, str]
    age_decade: re.Pattern[str]
    age_tail_ends: tuple[str, ...]  # last word of each age tail: a cheap test before ``age_decade``
    today: frozenset[str]  # relative-day words at offset 0
    post_mod: re.Pattern[str]
    post_mods: dict[str, str]
    vague_num: re.Pattern[str]
    counted_from: frozenset[str]


def _lines(name: str) -> list[str]:
    return [key(x) for x in load_lines(f"time/{name}") if key(x)]


@cache
def _words() -> _Words:
    lex = lexicon()
    pod = alt(k for k, v in lex.parts_of_day.items() if v[1] in ("head", "both"))
    ages = {key(r[0]): r[1] for r in load_table("time/age_words.tsv") if len(r) > 1}
    post = {key(r[0]): r[1] for r in load_table("time/post_modifiers.tsv") if len(r) > 1}
    return _Words(
        weekday=re.compile(rf"(?<!\w)[{CONJ}{PREP}]?({alt(lex.weekdays)})(?!\w)"),
        podhead=re.compile(rf"(?<!\w)[{CONJ}]?(?P<p>{pod})\s*(?:{alt(day_nouns())}\s+)?\(?\s*$"),
        same_day=re.compile(rf"^\s*[,،]?\s*(?:{alt(_lines('same_day_links.txt'))})?\s*\(?\s*$"),
        footer=re.compile(rf"(?<!\w){alt(_lines('footer_markers.txt'))}\W*$"),
        year_link=re.compile(
            rf"(?:\s*(?P<aside>\([^()\n]{{1,40}}\)))?\s*(?P<link>[-–/]|{alt(_lines('year_links.txt'))}(?!\w)|{AND}(?=\d))?"
            rf"\s*(?P<y>(?:19|20)\d\d)(?![\d:/\-]|[.,]\d)"
        ),
        inception=frozenset(_lines("inception_verbs.txt")),
        since=frozenset(_lines("since_words.txt")),
        from_now=re.compile(rf"\s*{alt(_lines('from_now.txt'))}(?!\w)"),
        noun_suffixes=affixes("pronoun", "definite"),
        ages=re.compile(rf"(?<!\w)[{CONJ}{PREP}]?(?P<a>{alt(ages)})(?!\w)") if ages else None,
        age_years=ages,
        age_decade=re.compile(
            rf"(?<!\w)[{CONJ}{PREP}]?(?:{alt(_lines('age_decade_words.txt'))})\s+(?P<o>{alt(lex.ordinals)})\s+"
            rf"(?:{alt(_lines('age_tails.txt'))})(?!\w)"
        ),
        age_tail_ends=tuple(t.rsplit(" ", 1)[-1] for t in _lines("age_tails.txt")),
        today=frozenset(k for k, v in lex.relative_days.items() if v == 0),
        post_mod=re.compile(rf"\s+(?P<pm>{alt(post)})(?!\w)"),
        post_mods=post,
        vague_num=re.compile(rf"\s+(?P<x>{alt(k for k, v in lex.numbers.items() if v == 'X')})(?!\w)"),
        counted_from=frozenset(_lines("counted_from.txt")),
    )
