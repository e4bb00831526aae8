"""Normalisers of periods: seasons, decades, centuries and parts of the year.

Why a module of its own: these values are spans longer than a month (``2015-SU``,
``198``, ``2015-Q2``) and share the year arithmetic of a period named without its year;
``handlers.py`` registers them in ``HANDLERS`` with the other families.
"""

from __future__ import annotations

import re

from rasd.annotators.time.base import ART, Cand, Ctx, _cand, _dur_value, _mod, _num, _rel, _yrel
from rasd.annotators.time.lexicon import key, word_set


def _h_season(m: re.Match[str], ctx: Ctx) -> Cand | None:
    lex = ctx.lex
    gd = m.groupdict()
    code = lex.seasons.get(key(gd["season"]))
    if not code:
        return None
    mod = _mod(gd.get("mod"), lex)
    if gd.get("yr"):
        return _cand(m, "DATE", f"{int(gd['yr']):04d}-{code}", mod=mod, confidence=0.9)
    direction = _rel(gd.get("rel"), lex)
    if gd.get("yrel"):
        direction = _yrel(gd["yrel"], lex)
    if direction is None:
        if not key(gd["season"]).startswith(ART):
            return None
        # "الصيف" with no year is the publication year's (the season the news is about)
        year = f"{ctx.dct.year:04d}" if ctx.dct.year else "XXXX"
        return _cand(m, "DATE", f"{year}-{code}", mod=mod, anchor="dct", confidence=0.5)
    if ctx.dct.year is None:
        return _cand(m, "DATE", f"XXXX-{code}", mod=mod, anchor="dct", confidence=0.3)
    return _cand(m, "DATE", f"{_season_year(code, direction, ctx):04d}-{code}", mod=mod, anchor="dct", confidence=0.75)


# First and last month of each season (winter runs into the next year: month 14 is February)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _season_year(code: str, direction: int, ctx: Ctx) -> int:
    """``الربيع الماضي`` in August is this year's spring, ``الصيف الماضي`` last year's: the last
    season of that name already over (the next one not yet begun), not the year before (after)."""
    year, month = ctx.dct.year or 0, ctx.dct.month
    first, last = _SEASON_MONTHS.get(code, (0, 0))
    if month is None or not first or direction not in (-1, 1):
        return year + direction
    if direction < 0:
        return year if last < month else year - 1
    return year if first > month else year + 1


def _century_of(gd: dict[str, str | None], ctx: Ctx) -> int | None:
    """Century as TIMEX3 digits: the 20th century is "19"."""
    if gd.get("cord"):
        n = ctx.lex.ordinals.get(key(gd["cord"] or ""))
        return n - 1 if n else None
    if gd.get("crel") and ctx.dct.year:
        d = _rel(gd["crel"], ctx.lex) or 0
        return (ctx.dct.year // 100) + d
    return None


def _h_decade(m: re.Match[str], ctx: Ctx) -> Cand | None:
    gd = m.groupdict()
    dec = ctx.lex.decades.get(key(gd["dec"]))
    if dec is None:
        return None
    if not gd.get("cord") and not gd.get("crel") and key(ctx.text[m.end() : m.end() + 14]).startswith(_age_tails()):
        # "في العشرينيات من عمره": an age from twenty on (F8), as "العقد الثالث من عمره"
        return _cand(m, "DURATION", f"P{int(dec) * 10}Y", mod="EQUAL_OR_MORE", confidence=0.75)
    c = _century_of(gd, ctx) if (gd.get("cord") or gd.get("crel")) else 19
    if c is None:
        return None
    return _cand(m, "DATE", f"{c:02d}{dec}", mod=_mod(gd.get("mod"), ctx.lex), confidence=0.8)


def _age_tails() -> tuple[str, ...]:
    return tuple(sorted(word_set("age_tails.txt")))


def _h_century(m: re.Match[str], ctx: Ctx) -> Cand | None:
    gd = m.groupdict()
    c = _century_of(gd, ctx)
    if c is None:
        return None
    return _cand(m, "DATE", f"{c:02d}", mod=_mod(gd.get("mod"), ctx.lex), confidence=0.8)


def _h_part_of_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    lex = ctx.lex
    gd = m.groupdict()
    code = lex.parts_of_year.get(key(gd["poy"]))
    n = lex.ordinals.get(key(gd["pord"]))
    if key(gd["pord"]) in word_set("last_words.txt"):  # "الربع الأخير من 2014": Q4, with a year only
        n = (4 if code == "Q" else 2) if gd.get("yr") or gd.get("yrel") or gd.get("ythis") else None
    if not code or not n or n > (4 if code == "Q" else 2):
        return None
    return _part(m, ctx, code, n)


def _h_first_months(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """"الأشهر الستة الأولى (من عام 2015)" is a stretch, P6M, as TimeBank writes "the first nine
    months of 1989": the year after it is a DATE of its own (docs/realnews_gold.md, decision 14);
    only "النصف/الربع الأول" name a part of the year (part_of_year)."""
    n = _num(m.group("n"), ctx.lex)
    if n is None or n <= 0:
        return None
    return _cand(m, "DURATION", _dur_value("M", n), mod=_mod(m.groupdict().get("mod"), ctx.lex), confidence=0.8)


def _part(m: re.Match[str], ctx: Ctx, code: str, n: int) -> Cand | None:
    """The ``n``-th quarter or half (``code``) of the year the match names, else the latest."""
    lex = ctx.lex
    gd = m.groupdict()
    if gd.get("yr"):
        y: str = f"{int(gd['yr']):04d}"
    elif gd.get("yrel") or gd.get("ythis"):
        d = _yrel(gd.get("yrel"), lex) if gd.get("yrel") else 0
        y = f"{ctx.dct.year + (d or 0):04d}" if ctx.dct.year else "XXXX"
    elif ctx.dct.year and ctx.dct.month:
        # "أرباح الربع الثاني" without a year: the latest such part begun by the publication
        # date (the coming one in a future-tense sentence)
        size = 3 if code == "Q" else 6
        first_month, mo = (n - 1) * size + 1, ctx.dct.month
        if ctx.future(m.start()):
            year = ctx.dct.year + (0 if first_month + size - 1 >= mo else 1)
        else:
            year = ctx.dct.year + (0 if first_month <= mo else -1)
        y = f"{year:04d}"
        return _cand(m, "DATE", f"{y}-{code}{n}", mod=_mod(gd.get("mod"), lex), anchor="dct", confidence=0.6)
    else:
        y = "XXXX"
    return _cand(m, "DATE", f"{y}-{code}{n}", mod=_mod(gd.get("mod"), lex), confidence=0.8)
