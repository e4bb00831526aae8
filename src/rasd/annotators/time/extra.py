"""Handlers of the pattern families added for real news (``patterns.tsv``, last lines).

They live here so that ``engine.py`` stays the core; importing this module (the package
``__init__`` does) registers them in ``engine.HANDLERS``. Families whose value depends on
another expression (``الشهر نفسه``, ``اليوم التالي``, a clock time's day) produce a
placeholder that ``passes.py`` completes once every candidate is known.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from rasd.annotators.time.base import (
    ART,
    CONJ,
    HIJRI_YEARS,
    PREP_NO_KAF,
    Cand,
    Ctx,
    _cand,
    _day_of,
    _first,
    _hour_24,
    _mod,
    _pod,
    _rel,
    day_ordinals,
    holidays,
    year_season,
)
from rasd.annotators.time.handlers import HANDLERS
from rasd.annotators.time.lexicon import day_nouns, key
from rasd.resources import load_lines, load_table
from rasd.temporal.hijri import from_gregorian, to_gregorian


def _hijri_year(month: int, day: int | None, direction: int | None, ctx: Ctx, pos: int) -> int | None:
    """Hijri year of a Hijri month named without one, from the publication date: الماضي →
    the latest past occurrence, المقبل → the next, الجاري → this year; otherwise the
    future tense picks the next one and the nearest occurrence wins."""
    d = ctx.dct.date
    h = from_gregorian(d) if d else None
    if h is None:
        return None
    y, m, today = h
    here = (month, day or 0)
    now = (m, today if day else 0)
    if direction == 0:
        return y
    if direction == -1:
        return y if here < now else y - 1
    if direction == 1:
        return y if here > now else y + 1
    if month == m:
        return y
    if ctx.future(pos):
        return y if here >= now else y + 1
    back, ahead = (m - month) % 12, (month - m) % 12
    return (y if month <= m else y - 1) if back <= ahead else (y if month >= m else y + 1)


def _h_hijri_rel(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """"السادس من شهر رمضان الماضي", "21 شوال", "مطلع شهر شوال الجاري": a Hijri month
    without a year. A day gets its Gregorian date; a month alone spans two Gregorian
    months, so its value is null (gold decision 13)."""
    lex = ctx.lex
    gd = m.groupdict()
    month = _first("HMONTH", gd.get("hm"), lex.hijri_months)
    if month is None:
        return None
    day = _day_of(m, lex)
    direction = _rel(gd.get("rel"), lex)
    mod = _mod(gd.get("mod"), lex)
    if day is None and direction is None and mod is None and (gd.get("shahr") or not _holiday_frame(ctx.prev_word(m.start()))):
        return None  # رمضان، رجب، صفر alone are also names or words, but "في رمضان" is the month (null)
    if day is not None and not 1 <= day <= 30:
        return None
    yr = _hijri_year(month, day, direction, ctx, m.start())
    original = f"{yr:04d}" if yr else "XXXX"
    original += f"-{month:02d}" + (f"-{day:02d}" if day else "")
    value = None
    if yr and day:
        g = to_gregorian(yr, month, day)
        value = g.isoformat() if g else None
    return _cand(m, "DATE", value, mod=mod, anchor="dct", calendar="hijri", original=original,
                 confidence=0.75 if value else 0.55)  # fmt: skip


def _h_hijri_num(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """"25 /10 /1436هـ": a numeric date whose year is Hijri (13xx/14xx, or marked هـ)."""
    d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    if not (1 <= mo <= 12 and 1 <= d <= 30):
        return None
    g = to_gregorian(y, mo, d)
    if g is None:
        return None
    return _cand(m, "DATE", g.isoformat(), calendar="hijri", original=f"{y:04d}-{mo:02d}-{d:02d}", confidence=0.9)


def _h_clock_tz(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """"الساعة 1056 بتوقيت جرينتش": four digits with a time zone are a clock time."""
    return _cand(m, "TIME", f"XXXX-XX-XXT{m.group('hh')}:{m.group('mm')}", confidence=0.8)


def _h_same_month(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """"الثامن من الشهر نفسه": a day of the month named before (``passes`` fills it in)."""
    day = _day_of(m, ctx.lex)
    if day is None or not 1 <= day <= 31:
        return None
    d = ctx.dct
    if m.group("cur"):  # "30 من الشهر الحالي": a day of the publication month
        try:
            value = dt.date(d.year, d.month, day).isoformat() if d.year and d.month else None
        except ValueError:
            return None
        return _cand(m, "DATE", value, anchor="dct", confidence=0.8)
    step = _rel(m.group("mrel"), ctx.lex)
    if step is not None:  # "العاشر من الشهر المقبل": a day of the month before or after it
        if not (d.year and d.month):
            return _cand(m, "DATE", None, anchor="dct", confidence=0.3)
        y, mo = divmod(d.year * 12 + d.month - 1 + step, 12)
        try:
            return _cand(m, "DATE", dt.date(y, mo + 1, day).isoformat(), anchor="dct", confidence=0.8)
        except ValueError:
            return None
    return _cand(m, "DATE", f"XXXX-XX-{day:02d}", anchor="previous", confidence=0.6)


def _h_next_day(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """"في اليوم التالي": the day after the day named before (``passes`` fills it in)."""
    return _cand(m, "DATE", None, anchor="previous", confidence=0.5)


def _h_age_num(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """"فوق سن الـ 20", "في سن الحادية عشرة": an age is a duration in years (gold: ages are
    time expressions)."""
    gd = m.groupdict()
    n = int(gd["n"]) if gd.get("n") else ctx.lex.ordinals.get(key(gd.get("nord") or ""), 0)
    if not 1 <= n <= 130:
        return None
    return _cand(m, "DURATION", f"P{n}Y", mod=_mod(m.group("mod"), ctx.lex), confidence=0.75)


def _h_hour_pod(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """"من 8 صباحًا وحتى 3 مساء": an hour with a part of day is a clock time."""
    h24 = _hour_24(int(m.group("hnum")), _pod(m.group("poda"), ctx.lex), None)
    if h24 is None or h24 > 23 or not 1 <= int(m.group("hnum")) <= 12:
        return None
    return _cand(m, "TIME", f"XXXX-XX-XXT{h24:02d}:00", confidence=0.7)


def _h_pod_adv(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """``طبق خلالها … صباحا``: a bare part of the day after a day named in its sentence is that
    day's part (F7); ``passes.py`` fills the day or drops it (``صباحا ومساء`` of a habit)."""
    code = _pod(m.group("poda"), ctx.lex)
    prev = ctx.prev_word(m.start("poda"))
    bare = prev[len(ART) :] if prev.startswith(ART) else prev  # الواحدة: the article on a cardinal
    if prev in ctx.lex.numbers or bare in ctx.lex.numbers or prev in ctx.lex.ordinals or prev[-1:].isdigit():
        return None  # "الساعة الواحدة ظهرا": the part of a clock time
    return _cand(m, "TIME", f"XXXX-XX-XXT{code}", confidence=0.6) if code else None


def _h_pod_def(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """``وتوجهت البعثة في المساء``, ``منذ الصباح``: a definite part of the day after في/منذ/حتى
    is that part of the day the article is about (F7); ``passes.py`` fills the day."""
    code = _pod(m.group("pod")[len(ART) :], ctx.lex)
    return _cand(m, "TIME", f"XXXX-XX-XXT{code}", confidence=0.6) if code else None


def _h_pod_alone(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """``وحتى منتصف الليل``: a part of the day that names its own clock time (``parts_of_day.tsv``,
    ``alone``) is a clock time; ``passes.py`` gives it the day the article is about (F7), or none
    in a schedule right after another clock time."""
    code = _pod(m.group("pod"), ctx.lex)
    return _cand(m, "TIME", f"XXXX-XX-XXT{code}", confidence=0.6) if code else None


def _h_holiday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """"أول أيام عيد الفطر المبارك", "يوم عرفة": a day of a Hijri holiday (its day of the
    month from ``holidays.tsv``) in the nearest year, or the year a relative word names."""
    framed = _holiday_frame(ctx.prev_word(m.start()))  # بإجازة عيد الفطر: the holiday's time
    if not (m.group("hord") or m.group("days") or framed) and not key(m.group("hol")).startswith(day_nouns()):
        return None  # "بمناسبة عيد الفطر": the occasion; "أول أيام عيد الفطر", "أيام العيد" are days
    shift = day_ordinals()[key(m.group("hord"))] - 1 if m.group("hord") else 0
    options = []
    for month, first in holidays()[key(m.group("hol"))]:
        y = _hijri_year(month, first + shift, _rel(m.group("rel"), ctx.lex), ctx, m.start())
        options.append((month, first + shift, y, to_gregorian(y, month, first + shift) if y else None))
    here = ctx.dct.date
    month, day, yr, g = min(options, key=lambda o: abs((o[3] - here).days) if o[3] and here else 1 << 20)
    original = f"{yr:04d}-{month:02d}-{day:02d}" if yr else f"XXXX-{month:02d}-{day:02d}"
    value = (g.isoformat()[:7] if key(m.group("hol")) in _month_holidays() else g.isoformat()) if g else None
    return _cand(m, "DATE", value, anchor="dct", calendar="hijri", original=original,
                 confidence=0.7 if g else 0.4)  # fmt: skip


@cache
def _month_holidays() -> frozenset[str]:
    """``holidays.tsv`` rows marked ``month``: a season of several days (``موسم الحج``) is
    valued as its Gregorian month, as the gold does, not as its first day."""
    return frozenset(key(r[0]) for r in load_table("time/holidays.tsv") if len(r) > 3 and r[3] == "month")


@cache
def _frames() -> frozenset[str]:
    return frozenset(key(w) for w in load_lines("time/holiday_frames.txt"))


def _holiday_frame(word: str) -> bool:
    """Is ``word`` (a glued و/ف and ب/ل read off) a ``holiday_frames.txt`` noun? Each split is
    tried, so a frame that itself starts with ب (``وبعد``) is not cut to ``عد``."""
    return _frame_re().fullmatch(key(word)) is not None


@cache
def _frame_re() -> re.Pattern[str]:
    return re.compile(f"[{CONJ}]?[{PREP_NO_KAF}]?(?:{'|'.join(map(re.escape, sorted(_frames())))})")


def _h_year_pair(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """``2012-2013``: a season (one DATE, null); other pairs are left to the year families."""
    if not year_season(m, ctx):
        return None
    hijri = int(m.group("yr")) in HIJRI_YEARS
    return _cand(m, "DATE", None, calendar="hijri" if hijri else None, confidence=0.85)


def _h_last_ten(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """``العشر الأواخر من رمضان``: the end of a Hijri month named without a year, null with END
    as ``نهاية شهر رمضان`` (F10, decision 13)."""
    return _cand(m, "DATE", None, mod="END", calendar="hijri", confidence=0.7)


def shift_day(value: str, days: int) -> str | None:
    """A ``YYYY-MM-DD`` value moved by ``days``; None off the calendar."""
    try:
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    except (ValueError, OverflowError):
        return None


HANDLERS.update(
    {
        "hijri_rel": _h_hijri_rel,
        "hijri_num": _h_hijri_num,
        "clock_tz": _h_clock_tz,
        "same_month": _h_same_month,
        "next_day": _h_next_day,
        "age_num": _h_age_num,
        "hour_pod": _h_hour_pod,
        "holiday": _h_holiday,
        "last_ten": _h_last_ten,
        "pod_adv": _h_pod_adv,
        "pod_def": _h_pod_def,
        "pod_alone": _h_pod_alone,
        "year_pair": _h_year_pair,
    }
)
