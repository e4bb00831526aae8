""" "ما زالت المباني قائمة حتى اليوم": ``اليوم`` of a state that lasts is the present.

Why a pass of its own: the engine values every bare ``اليوم`` as the publication day, which
is right for events ("وصل الوفد اليوم") but not for "to this day" after a verb of continuing,
where the reader hears "nowadays" (``PRESENT_REF``, as the gold writes ``حتى اليوم`` in that
sense). The verbs are ``resources/time/still_verbs.txt``; ``منذ 2010 حتى اليوم الاثنين`` keeps
its date (no such verb, and a weekday is written). A noun of the ``before`` rows of
``nowadays_words.tsv`` right before it makes a construct with the same sense ("عالم اليوم":
today's world), while "مباراة اليوم" stays the day. "سيأتي اليوم الذي …" (a verb of coming
in the future, a relative after) is a day to come, ``FUTURE_REF``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from rasd.annotators.time.base import CONJ, Cand, Ctx
from rasd.annotators.time.lexicon import alt, key, word_set
from rasd.resources import load_table
from rasd.text import fold
from rasd.text.clitics import proclitic

__all__ = ["nowadays"]


@cache
def _words() -> dict[str, str]:
    """Role (until, today) -> its folded word (``time/nowadays_words.tsv``)."""
    return {r[0]: key(r[1]) for r in load_table("time/nowadays_words.tsv") if r[0] != "before"}


@cache
def _noun_before() -> re.Pattern[str]:
    """A noun whose construct with ``اليوم`` is the present (folded text, prefixes ل ب و ف)."""
    nouns = alt(r[1] for r in load_table("time/nowadays_words.tsv") if r[0] == "before")
    preps = proclitic("to") + proclitic("by")
    return re.compile(rf"(?<!\w)[{CONJ}]?[{preps}]?(?:{nouns})\s+$")


@cache
def _still() -> re.Pattern[str]:
    """A verb of continuing, up to three words before ``حتى`` (folded text)."""
    verbs = alt(word_set("still_verbs.txt"))
    return re.compile(rf"(?<!\w)[{CONJ}]?(?:{verbs})(?:\s+\S+){{0,3}}\s+{re.escape(_words()['until'])}\s+$")


@cache
def _to_come() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The verb of coming with the future's س or سوف before ``اليوم``, the relative after it."""
    w = _words()
    soon = re.compile(rf"(?<!\w)[{CONJ}]?(?:{proclitic('will')}|{re.escape(w['will'])}\s+){re.escape(w['comes'])}\s+$")
    return soon, re.compile(rf"^\s*{re.escape(w['which'])}(?!\w)")


def nowadays(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """A bare ``اليوم`` after ``حتى`` and a verb of continuing is ``PRESENT_REF``; after a verb
    of coming in the future and before a relative it is ``FUTURE_REF``."""
    out: list[Cand] = []
    for c in cands:
        before = fold(ctx.before(c.start, 60))  # the patterns are folded: "حتى" is "حتي" there
        if c.type == "DATE" and key(ctx.text[c.start : c.end]) == _words()["today"]:
            if _still().search(before) or _noun_before().search(before):
                c = replace(c, value="PRESENT_REF", confidence=min(c.confidence, 0.6))
            elif _to_come()[0].search(before) and _to_come()[1].search(fold(ctx.text[c.end : c.end + 12])):
                c = replace(c, value="FUTURE_REF", confidence=min(c.confidence, 0.6))
        out.append(c)
    return out
