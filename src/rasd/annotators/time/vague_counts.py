"""Handlers for durations whose count is not written (``patterns.tsv``: ``few_units``,
``bare_units``, ``units_of``) and for a year written a few words after the noun it dates.

Gold practice writes an unknown count as ``X`` (``عدة أيام`` is ``PXD``); these families read
the same value where the count is an adjective after the unit (``أيام قليلة``) or absent after
a cue of extent (``على مدى سنوات``). Importing this module registers them in
``handlers.HANDLERS`` (the package ``__init__`` does).
"""

from __future__ import annotations

import re

from rasd.annotators.time.base import ART, Cand, Ctx, _dur_value
from rasd.annotators.time.handlers import HANDLERS
from rasd.annotators.time.lexicon import key


def _h_few_units(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """``بأيام قليلة``, ``ساعات معدودة``: a plural unit with a word of fewness is an unknown count."""
    unit, count = ctx.lex.units.get(key(m.group("unit")), ("", ""))
    if count != "N":
        return None
    return Cand(m.start("unit"), m.end(), "DURATION", _dur_value(unit, None), confidence=0.75)


def _h_bare_units(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """``على مدى سنوات``: a bare plural unit after a cue of extent lasts an unknown count of it;
    a unit in construct (``طوال أيام العيد``, ``خلال أيام شهر رمضان``) names a period instead."""
    unit, count = ctx.lex.units.get(key(m.group("unit")), ("", ""))
    if count != "N":
        return None
    nxt = ctx.next_word(m.end())
    lex = ctx.lex
    if nxt.startswith(ART) or nxt[:1].isdigit() or nxt in lex.numbers:
        return None
    if nxt in lex.units or nxt in lex.months or nxt in lex.hijri_months:
        return None  # "خلال أيام شهر رمضان": in construct with a time noun
    return Cand(m.start("unit"), m.end(), "DURATION", _dur_value(unit, None), confidence=0.6)


LONG_UNITS = ("Y", "DE", "CE")  # units whose bare plural before من counts a stretch of time


def _h_units_of(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """``نتيجة عقود من الإفراط``, ``لسنوات من العمل``: a bare plural of years, decades or
    centuries before من and a definite noun is a stretch of them (shorter units before من
    are more often a part: ``أيام من الأسبوع``)."""
    unit, count = ctx.lex.units.get(key(m.group("unit")), ("", ""))
    if count != "N" or unit not in LONG_UNITS:
        return None
    return Cand(m.start("unit"), m.end("unit"), "DURATION", _dur_value(unit, None), confidence=0.6)


HANDLERS.update({"few_units": _h_few_units, "bare_units": _h_bare_units, "units_of": _h_units_of})
