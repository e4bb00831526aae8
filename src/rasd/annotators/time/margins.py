"""A bare time unit that is a DURATION by what comes before it.

``قبل انطلاق الدوري بأسبوع``: a unit glued to ب after قبل/بعد and an event is the margin
between two events; ``بأول تراجع للدولار في أسبوع``: a unit after في that closes a first or
a record is the stretch it is measured over. Alone, a singular unit (أسبوع، شهر) needs a cue
(خلال، لمدة) to be read, so these two contexts are tested here; the words are
``resources/time/margin_cues.txt`` and ``first_in_words.txt``.
"""

from __future__ import annotations

import re
from functools import cache

from rasd.annotators.time.base import Ctx
from rasd.annotators.time.lexicon import literal_alt
from rasd.resources import load_lines
from rasd.text.clitics import particle, particle_chains, proclitic

__all__ = ["first_in", "margin"]

_WORD = r"[^\s.,،:؛؟!()«»\"]+"  # a word of the same clause


def margin(m: re.Match[str], ctx: Ctx) -> bool:
    """``قبل انطلاق الدوري بأسبوع``: a unit glued to ب after قبل/بعد and an event is the margin."""
    if m.string[m.start(0) : m.start("all")] != proclitic("by"):
        return False
    return _margin_cue().search(ctx.before(m.start(0), 60)) is not None


def first_in(m: re.Match[str], ctx: Ctx) -> bool:
    """``بأول تراجع للدولار في أسبوع``: a bare unit after في that closes a first or a record."""
    return m.start(0) == m.start("all") and _first_in_cue().search(ctx.before(m.start(0), 60)) is not None


@cache
def _first_in_cue() -> re.Pattern[str]:
    """A first or a record (``time/first_in_words.txt``, a proclitic glued or not), one to three
    words, then في."""
    first = literal_alt(load_lines("time/first_in_words.txt"))
    glued = "|".join(re.escape(c) for c in particle_chains())  # بأول، وأعلى
    return re.compile(rf"(?<!\w)(?:{glued})?(?:{first})(?:\s+{_WORD}){{1,3}}\s+{particle('in')}\s*$")


@cache
def _margin_cue() -> re.Pattern[str]:
    """قبل/بعد, then one to five words of the same clause (the event: ``قبل مباراة الأهلي
    الدورية أمام التعاون بأسبوع``), right before the glued unit."""
    return re.compile(rf"(?<!\w)(?:{literal_alt(load_lines('time/margin_cues.txt'))})(?:\s+{_WORD}){{1,5}}\s*$")
