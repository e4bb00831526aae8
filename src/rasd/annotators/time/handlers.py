"""The normalisers: one function per pattern family, turning a match into a TIMEX3 value.

Each reads the words of its match from the lexicon (``resources/time/``) and the
document creation time from the context; when the text does not fix a value it returns
an underspecified one or ``None``. ``HANDLERS`` maps a family name (``patterns.tsv``) to
its normaliser; ``extra.py`` registers the families added for real news.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache

from rasd.annotators.time.base import (
    _SMALLER,
    ART,
    CONJ,
    NISBA,
    PREP,
    Cand,
    Ctx,
    _cand,
    _day_of,
    _dur_value,
    _first,
    _hour_24,
    _mod,
    _month_year,
    _num,
    _pod,
    _rel,
    _span,
    _whole,
    _yrel,
)
from rasd.annotators.time.heads import _h_year_mod, _h_year_paren
from rasd.annotators.time.lexicon import (
    clock_fractions,
    clock_hours,
    duration_fractions,
    key,
    vague_guarded,
    word_set,
)
from rasd.annotators.time.margins import first_in, margin
from rasd.annotators.time.periods import _h_century, _h_decade, _h_first_months, _h_part_of_year, _h_season
from rasd.annotators.time.years import _h_year, _h_year_bare, _h_year_range, _h_year_suffix
from rasd.resources import arabic, load_lines
from rasd.temporal import month_value, week_value
from rasd.temporal.hijri import month_length as _hijri_month_len
from rasd.temporal.hijri import to_gregorian as _hijri_to_greg
from rasd.text.clitics import article, conjunctions, particle, prepositions

Handler = Callable[[re.Match[str], Ctx], Cand | None]


def _h_date(m: re.Match[str], ctx: Ctx) -> Cand | None:
    lex = ctx.lex
    gd = m.groupdict()
    month = _first("MONTH", gd.get("mon"), lex.months)
    if month is None:
        return None
    day = _day_of(m, lex) if "dn" in gd else None
    mod = _mod(gd.get("mod"), lex)
    if day is None and not (
        gd.get("yr") or gd.get("rel") or gd.get("yrel") or gd.get("shahr") or mod or _month_ok(m, ctx)
    ):
        return None
    conf = 0.95
    anchor = "absolute"
    year: int | None
    if gd.get("yr"):
        year = int(gd["yr"])
        if not 1000 <= year <= 2199:
            return None
    elif gd.get("yrel"):
        d = _yrel(gd["yrel"], lex)
        year = ctx.dct.year + (d or 0) if ctx.dct.year else None
        if gd.get("rel") and d is not None and ctx.dct.year:
            year = ctx.dct.year + d
        anchor, conf = "dct", 0.9
    else:
        direction = _rel(gd.get("rel"), lex)
        if direction is None and _since_before(ctx, m.start("all")):
            direction = 0 if ctx.dct.month == month else -1  # "منذ ديسمبر": the latest past one
        year, conf = _month_year(month, direction, ctx, m.start())
        named = _year_before(ctx, m.start()) if direction is None and not ctx.future(m.start()) else None
        year, conf = (named, 0.8) if named is not None else (year, conf)
        anchor = "dct"
        dc = ctx.dct
        if day is not None and year and dc.year and dc.month == month and dc.day:
            # "17 أيار المقبل" said on 2 May is this May; "3 أيار الماضي" said on 20 May too
            if (direction == 1 and day > dc.day) or (direction == -1 and day < dc.day):
                year = dc.year
            elif direction is None and not ctx.future(m.start()):
                year = dc.year
    ym = f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}"
    if day is None:
        return _cand(m, "DATE", ym, mod=mod, anchor=anchor, confidence=conf if year else 0.5, family="month")
    if not 1 <= day <= 31:
        return None
    if year:
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return None
        wd = gd.get("wd")
        if wd:
            want = lex.weekdays.get(key(wd))
            if want and want != date.isoweekday():
                conf = min(conf, 0.4)
    value = f"{ym}-{day:02d}"
    return _cand(m, "DATE", value, mod=mod, anchor=anchor, confidence=conf if year else 0.5, family="date")


YEAR_REACH = 160  # characters back, in the same sentence, in which a named year holds for a bare month
_SENT_END = re.compile(r"[!؟?\n]|\.(?!\d)")


def _year_before(ctx: Ctx, pos: int) -> int | None:
    """The year named earlier in the month's sentence (``عام 2014``, ``العام الماضي``): a month
    written without one belongs to it (``قتل المئات العام الماضي في فيضانات من منتصف يوليو``)."""
    seg = ctx.text[max(0, pos - YEAR_REACH) : pos]
    words = seg[max((x.end() for x in _SENT_END.finditer(seg)), default=0) :].split()
    year = None
    for a, b in zip(words, words[1:], strict=False):
        if key(a) not in ctx.lex.year_words:
            continue
        if re.fullmatch(r"(19|20)\d\d", b):
            year = int(b)
        elif key(b) in ctx.lex.relative_words and ctx.dct.year:
            year = ctx.dct.year + ctx.lex.relative_words[key(b)]
    return year


def _month_ok(m: re.Match[str], ctx: Ctx) -> bool:
    """A month name alone is a date only when it cannot be a verb or a name (مارس); a pair is
    judged by its first name, also when only a space joins them (``عقد أغسطس آب``)."""
    word = key(re.split(r"\s*[/(\-]|\s+", m.group("mon").strip())[0])  # "أغسطس - آب": the first name
    if word in ctx.lex.months and word not in _ambiguous_months():
        return True
    return ctx.prev_word(m.start("all")) in ctx.lex.month_context


@cache
def _ambiguous_months() -> frozenset[str]:
    return frozenset(key(x) for x in arabic.ambiguous_months())


@cache
def _since_words() -> frozenset[str]:
    return frozenset(key(x) for x in load_lines("time/since_words.txt"))


def _since_before(ctx: Ctx, pos: int) -> bool:
    """Is the expression at ``pos`` introduced by منذ (so it lies in the past)?"""
    return re.sub(rf"^[{CONJ}]", "", ctx.prev_word(pos)) in _since_words()


def _h_date_num(m: re.Match[str], ctx: Ctx) -> Cand | None:
    g = m.groupdict()
    y, mo, d = next((g[f"y{k}"], g[f"m{k}"], g[f"d{k}"]) for k in ("", "2", "3") if g.get(f"y{k}"))
    try:
        date = dt.date(int(y), int(mo), int(d))
    except (ValueError, TypeError):
        return None
    if not 1900 <= date.year <= 2100:
        return None
    return _cand(m, "DATE", date.isoformat(), confidence=0.9)


def _h_rel_unit(m: re.Match[str], ctx: Ctx) -> Cand | None:
    lex = ctx.lex
    gd = m.groupdict()
    unit = lex.definite_units.get(key(gd["du"]))
    if unit is None:
        return None
    direction = _rel(gd.get("rel"), lex, far=True)
    mod = _mod(gd.get("mod"), lex)
    if gd.get("this") or gd.get("whole") or gd.get("close"):
        # "هذا العام", "العام بأكمله", "صعد على مدى الأسبوع.": the current one
        direction = 0 if direction is None else direction
    n = _num(gd.get("n"), lex) if gd.get("n") else None
    if (gd.get("n") and n is None) or (gd.get("half") and not unit.endswith("2")):
        return None
    if unit.endswith("1"):  # "العقد الماضي/المقبل": ten years back or ahead; "العقد الحالي" is a contract
        ok = direction in (-1, 1) and not gd.get("n")
        return _cand(m, "DURATION", _dur_value(unit[:-1], 1), mod=mod, anchor="dct", confidence=0.75) if ok else None
    if unit.endswith("P") or unit.endswith("2"):  # plural or dual: الأيام الماضية, العامين الماضيين
        base = unit[:-1]
        if unit.endswith("2"):
            n = 2.5 if gd.get("half") else 2  # العامين ونصف العام الماضي: two years and a half
        if n is not None:
            if direction is None and unit.endswith("P") and not gd.get("first") and not _definite_count(m, ctx):
                return None  # "الأيام الثلاثة الأولى", "السنوات العشر" (a definite count word): P3D, P10Y
            return _cand(m, "DURATION", _dur_value(base, n), mod=mod, anchor="dct", confidence=0.85)
        if direction is None:
            return None
        ref = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[max(-1, min(1, direction))]  # الأيام قبل الماضية: past
        return _cand(m, "DATE", ref, mod=mod, anchor="dct", confidence=0.8)
    if gd.get("n"):
        return None
    if gd.get("split"):  # العام الدراسي القادم: a school year spans two calendar years
        ok = unit == "Y" and (direction is not None or mod is not None or " " in key(gd["split"]))  # ... الجديد
        return _cand(m, "DATE", None, mod=mod, anchor="dct", confidence=0.6) if ok else None
    if direction is None:
        if mod is None:
            return None
        direction = 0
    d = ctx.dct
    value: str | None = None
    if unit == "Y" and d.year:
        value = f"{d.year + direction:04d}"
    elif unit == "M" and d.year and d.month:
        value = month_value(d.year, d.month, direction)
    elif unit == "W" and d.date:
        value = week_value(d.date + dt.timedelta(days=7 * direction))
    elif unit == "Q" and d.year and d.month:
        q = (d.month - 1) // 3 + direction  # الربع الماضي: the quarter before the publication's
        value = f"{d.year + q // 4:04d}-Q{q % 4 + 1}"
    return _cand(m, "DATE", value, mod=mod, anchor="dct", confidence=0.9 if value else 0.3)


def _definite_count(m: re.Match[str], ctx: Ctx) -> bool:
    """A plural unit and a definite number word with no direction word after it (``السنوات العشر``,
    ``الأشهر الستة المنتهية``) is still a count of them; digits (``الأعوام 2010``) are years, and
    the first ones of a named period (``الأيام العشرة الأولى من الشهر``) are a part of it."""
    n = m.group("n")
    if n[:1].isdigit() or re.search(re.escape(article()) + r"\s*$", ctx.text[m.start("du") : m.start("n")]) is None:
        return False
    return ctx.next_word(m.end()) not in word_set("first_words.txt")


def _h_relday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    lex = ctx.lex
    gd = m.groupdict()
    rd = key(gd["rd"])
    off = lex.relative_days.get(rd)
    if off is None:
        return None
    if rd in lex.bound_days and not (gd.get("podh") or gd.get("yawm") or gd.get("wd")):
        return None  # "غد أفضل" is no date; "صباح غد", "يوم غد", "غد الأحد" are
    if rd in lex.noun_days and not gd.get("wd") and not gd.get("podh"):
        nxt = ctx.next_word(m.end())
        if nxt in lex.ordinals or nxt in lex.relative_words or ctx.prev_word(m.start("all")) in lex.every_words:
            return None
        if nxt.startswith(ART) and nxt.endswith(NISBA) and len(nxt) > 4:
            return None  # "اليوم الرياضي المفتوح", "اليوم الوطني": a named day, not today
    pod = _pod(gd.get("podh"), lex) or _pod(gd.get("poda"), lex) or lex.relday_pod.get(rd)
    conf = 0.9
    value: str | None = None
    if ctx.dct.date:
        day = ctx.dct.date + dt.timedelta(days=off)
        value = day.isoformat()
        if gd.get("wd"):
            want = lex.weekdays.get(key(gd["wd"]))
            if want and want != day.isoweekday():
                conf = 0.4
    else:
        conf = 0.3
    if pod:
        return _cand(m, "TIME", f"{value}T{pod}" if value else None, anchor="dct", confidence=conf, has_date=True)
    return _cand(m, "DATE", value, anchor="dct", confidence=conf)


def _h_weekday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    lex = ctx.lex
    gd = m.groupdict()
    want = lex.weekdays.get(key(gd["wd"]))
    if want is None:
        return None
    direction = _rel(gd.get("rel"), lex)
    if direction is None and gd.get("this"):
        direction = 0  # "هذا الخميس": this week's Thursday, whichever side of the DCT
    pod = _pod(gd.get("podh"), lex) or _pod(gd.get("poda"), lex)
    value: str | None = None
    conf = 0.85
    d = ctx.dct.date
    if d:
        if direction is None and want == d.isoweekday():
            # "أبلغ مسؤول «الصحيفة»، السبت، أن الاتفاق سينفذ …" in a Saturday paper: a bare
            # weekday naming the publication day is that day, even when the reported
            # clause is in the future tense; only المقبل/القادم moves it a week on
            delta = 0
        elif direction == 1 or (direction is None and (ctx.future(m.start()) or ctx.coming(m.start()))):
            delta = (want - d.isoweekday()) % 7 or 7
            if direction is None:
                conf = 0.7
        elif direction == -1:  # "الأحد قبل الماضي" (a step of two) is a week earlier still
            delta = -((d.isoweekday() - want) % 7 or 7) - (7 if _rel(gd.get("rel"), lex, far=True) == -2 else 0)
        elif direction == 0:  # the week of the Saudi press runs Sunday to Saturday
            delta = want % 7 - d.isoweekday() % 7
        else:
            delta = -((d.isoweekday() - want) % 7)
        value = (d + dt.timedelta(days=delta)).isoformat()
    else:
        conf = 0.3
    if pod:
        return _cand(m, "TIME", f"{value}T{pod}" if value else None, anchor="dct", confidence=conf, has_date=True)
    return _cand(m, "DATE", value, anchor="dct", confidence=conf)


def _h_ago(m: re.Match[str], ctx: Ctx) -> Cand | None:
    lex = ctx.lex
    gd = m.groupdict()
    unit, count = lex.units.get(key(gd["unit"]), ("", ""))
    if not unit:
        return None
    direction = lex.ago_words.get(key(gd["ago"]), -1)
    mod = _mod(gd.get("mod"), lex)
    nxt = ctx.next_word(m.end())
    if not gd.get("num") and count == "1" and nxt.startswith(ART) and not gd.get("half"):
        return None  # "منذ يوم العيد", "قبل يوم الانتخابات": the unit in construct names a day, no count of one
    if nxt in (particle("from"), particle("on")) and not gd.get("num") and count == "N":
        # "بعد أشهر من المحادثات", "بعد أسابيع على التحرير": a stretch counted from an event, not a date
        return Cand(m.start("unit") if not gd.get("mod") else m.start("mod"), m.end(), "DURATION", _dur_value(unit, None), mod=mod, confidence=0.7)
    n: float | None
    if gd.get("frac"):  # "قبل نصف قرن", "قبل نصف عام": the fraction in a whole smaller unit
        if count != "1":
            return None
        unit, n = _whole(unit, duration_fractions()[key(gd["frac"])])
    elif gd.get("num"):
        n = _num(gd["num"], lex)
        if n is None:  # منذ عدة أشهر
            return _cand(m, "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", mod=mod, anchor="dct", confidence=0.7)
        if count == "2":
            return None
    elif count == "N":
        return _cand(m, "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", mod=mod, anchor="dct", confidence=0.7)
    else:
        n = 2.0 if count == "2" else 1.0
    if unit in ("DE", "CE"):  # "قبل عقدين", "قبل نصف قرن": years back, as "قبل عامين"
        unit, n = "Y", n * _SMALLER[unit][1]
    if nxt in (particle("from"), particle("on")) or unit in ("H", "MIN", "S"):
        # "بعد عام من الاتفاق", "مضي شهر على نهاية البطولة": counted from an event, not from the publication date
        start = m.start("num") if gd.get("num") else m.start("frac") if gd.get("frac") else m.start("unit")
        if gd.get("mod"):
            start = m.start("mod")
        return Cand(start, m.end(), "DURATION", _dur_value(unit, n), mod=mod, confidence=0.8)
    if not float(n).is_integer():
        return None
    k = int(n) * direction
    d = ctx.dct
    value: str | None = None
    half = bool(gd.get("half"))
    if unit == "Y" and half and d.year and d.month:
        # "قبل سنتين ونصف": thirty months back, a month
        value = month_value(d.year, d.month, direction * (int(n) * 12 + 6))
    elif unit == "Y" and d.year:
        value = f"{d.year + k:04d}"
    elif unit == "M" and d.year and d.month:
        value = month_value(d.year, d.month, k)
    elif unit == "W" and d.date:
        value = week_value(d.date + dt.timedelta(days=7 * k))
    elif unit == "D" and d.date:
        value = (d.date + dt.timedelta(days=k)).isoformat()
    c = _cand(m, "DATE", value, mod=mod, anchor="dct", confidence=0.8 if value else 0.3)
    if half and unit != "Y":
        c.end = m.end("unit")  # "قبل شهر ونصف": the month, as before; the half is not read
    if direction > 0 and not half:
        c.shift = (k, unit)
    return c


def _h_duration(m: re.Match[str], ctx: Ctx) -> Cand | None:
    lex = ctx.lex
    gd = m.groupdict()
    uform = gd.get("unit") or gd.get("unit1")
    unit, count = lex.units.get(key(uform or ""), ("", ""))
    if not unit:
        return None
    mod = _mod(gd.get("mod"), lex)
    if gd.get("post"):  # "عقودا ثلاثة": the number after a plural unit, three or more
        n = _num(gd["post"], lex)
        if n is None or n < 3:
            return None
    elif gd.get("num"):
        n = _num(gd["num"], lex)
        if count == "2" or (unit == "DE" and (n or 0) > 10):
            return None  # "45 عقدا", "1800 عقد" count contracts, not centuries of decades
        if n is None and not re.search(r"\D", gd["num"]):
            return None
    elif gd.get("frac") and count == "1":
        unit, n = _whole(unit, duration_fractions()[key(gd["frac"])])  # نصف ساعة: PT30M
    elif count == "2":
        n = 2
    elif count == "1" and unit == "D" and mod in _PART_MODS and not (gd.get("pre") or gd.get("after") or gd.get("half1")):
        return _cand(m, "DATE", None, anchor="absolute", confidence=0.5)  # "أول يوم عمل": a day, not P1D
    elif count == "1" and (gd.get("pre") or mod or gd.get("after") or gd.get("half1") or margin(m, ctx) or first_in(m, ctx)):
        n = 1
    else:
        return None
    if gd.get("half1") and key(ctx.prev_word(m.start("all"))) in lex.ago_words:
        return None  # "بعد عام ونصف" stays with the ago family (a date)
    if (gd.get("half") or gd.get("half1")) and n is not None:
        n += 0.5  # "خمس سنوات ونصف", "لمدة عام ونصف"
    start, end = _span(m)
    if gd.get("num") and ctx.text[start - 1 : start] == '"' and '"' in ctx.text[start : m.start("unit")]:
        start -= 1  # «68» عاما: the quoted number with both its marks
    after = key(gd.get("after") or "")
    if after and _num(after, lex) != 1:
        end = m.end("unit1")  # "عاما إضافيا": the adjective is not part of the expression
    if gd.get("pre") and not gd.get("num") and any(ctx.before(m.end("pre")).endswith(b) for b in lex.cue_blockers):
        return None
    if unit in ("H", "MIN", "S") and n is None and lex.numbers.get(key(gd.get("num") or "")) != "X":
        return None  # "بضع ساعات" is PTXH (rn093)
    if mod in _PART_MODS:
        mod = None  # "آخر دقيقتين", "أول 20 يوما": a length has no start or end of its own
    return Cand(start, end, "DURATION", _dur_value(unit, n), mod=mod, confidence=0.85)


_PART_MODS = frozenset({"START", "MID", "END"})


_RATE_AFTER = re.compile(r"\d\S*\s+(?:\S+\s+){0,2}$")  # a number, its scale word and its noun before في


def _h_set(m: re.Match[str], ctx: Ctx) -> Cand | None:
    lex = ctx.lex
    gd = m.groupdict()
    if gd.get("per"):  # "107 آلاف زائر في الساعة": a rate after a count, per hour
        return _cand(m, "SET", "PT1H", confidence=0.7) if _RATE_AFTER.search(ctx.before(m.start())) else None
    if gd.get("setw"):
        nxt = ctx.next_word(m.end())
        if key(gd["setw"]).endswith(NISBA) and (nxt[:1].isdigit() or nxt in lex.weekdays or ART + nxt in lex.weekdays):
            return None  # "يومي الأحد والاثنين": the two days, not "daily"
        if key(gd["setw"]).endswith(NISBA) and re.search(rf"[{PREP}]$", m.group(0)[: m.start("setw") - m.start(0)]):
            return None  # "وبيومي فؤاد": a name after a preposition, not the adjective "daily"
        return _cand(m, "SET", lex.sets.get(key(gd["setw"])), confidence=0.9)
    unit, count = lex.units.get(key(gd.get("unit") or ""), ("", ""))
    if not unit:
        return None
    if gd.get("wd0"):
        w = key(gd["wd0"])
        want = lex.weekdays.get(w) or lex.weekdays.get(ART + w)
        if unit == "D" and want:
            return _cand(m, "SET", f"XXXX-WXX-{want}", confidence=0.85)
        return None
    if gd.get("num"):
        n = _num(gd["num"], lex)
    elif count == "N":
        return None
    else:
        n = 2.0 if count == "2" else 1.0
    if n is None:
        return None
    return _cand(m, "SET", _dur_value(unit, n), confidence=0.85)


def _h_vague(m: re.Match[str], ctx: Ctx) -> Cand | None:
    word = key(m.group("vague"))
    if word in word_set("finally_words.txt"):
        before = ctx.before(m.start("all"), 30)
        if m.group(0)[:1] in CONJ or not re.search(r"[^\W\d_]\s*$", before):
            return None  # "وأخيرا": finally
    v = ctx.lex.vague.get(word)
    ok = v and not vague_guarded(word, ctx.prev_word(m.start("vague")))  # "أجرى المدير حديثا"
    if ok and word in word_set("participle_words.txt"):
        ok = not _has_object(ctx.text[m.end("vague") : m.end("vague") + 40])
    if v == "null":  # "يومها": a told day, no date written; "يومها الأول": its first day, a noun
        ok = ok and not ctx.next_word(m.end("vague")).startswith(ART)
    value = None if v == "null" else v
    type_ = "DURATION" if value and value.startswith("P") and not value.endswith("_REF") else "DATE"  # "منذ فترة طويلة": PX
    return _cand(m, type_, value, anchor="dct", confidence=0.8) if ok else None


def _has_object(after: str) -> bool:
    """A definite noun follows, directly or after one bare noun in construct (``مستقبلا الوفد``,
    ``مستقبلا أسر الضحايا``): the word is a participle with its object, not "in future"."""
    words = [key(w) for w in re.findall(r"[^\W\d_]+", after.split("،")[0].split(".")[0])[:2]]
    if not words:
        return False
    stops = {w[1:] for w in word_set("participle_words.txt") if w.startswith("!")}
    bare = len(words[0]) >= 3 and words[0][:1] not in {*conjunctions(), *prepositions()} and words[0] not in stops
    return words[0].startswith(ART) or (bare and len(words) > 1 and words[1].startswith(ART))


def _h_clock(m: re.Match[str], ctx: Ctx) -> Cand | None:
    lex = ctx.lex
    h, mi = int(m.group("hh")), int(m.group("mm"))
    if mi > 59:
        return None
    ampm = lex.clock_suffixes.get(key(m.group("ampm") or ""))
    pod = _pod(m.group("poda"), lex)
    h24 = _hour_24(h, pod, ampm)
    if h24 == 24 and mi:  # 12:30 ليلا: past midnight, as 12:30 am
        h24 = 0
    if h24 is None or h24 > 24:  # T24:00: midnight ending a day
        return None
    return _cand(m, "TIME", f"XXXX-XX-XXT{h24:02d}:{mi:02d}", mod=_mod(m.group("mod"), lex), confidence=0.8)


def _h_hour(m: re.Match[str], ctx: Ctx) -> Cand | None:
    lex = ctx.lex
    hw = key(m.group("hord") or "")
    h = (lex.ordinals.get(hw) or clock_hours().get(hw)) if m.group("hord") else int(m.group("hnum"))
    if h is None or not 1 <= h <= 24:
        return None
    mi = 0
    frac = clock_fractions().get(key(m.group("frac") or ""), 0)
    if frac < 0:  # "إلا ربعا": before the hour named
        mi, h = 60 + frac, h - 1
    elif frac:
        mi = frac
    if m.groupdict().get("minw"):  # "الساعة التاسعة وخمس وأربعين دقيقة": minutes in words or digits
        n = _num(m.group("minw"), lex)
        if n is None or not float(n).is_integer() or not 0 < n < 60:
            return None
        mi = int(n)
    pod = _pod(m.group("poda"), lex)
    h24 = _hour_24(h, pod, None)
    if h24 == 24 and mi:  # 12:30 ليلا: past midnight, as 12:30 am
        h24 = 0
    if h24 is None or h24 > 24:  # T24:00: midnight ending a day
        return None
    return _cand(m, "TIME", f"XXXX-XX-XXT{h24:02d}:{mi:02d}", mod=_mod(m.group("mod"), lex), confidence=0.8)


def _h_hijri(m: re.Match[str], ctx: Ctx) -> Cand | None:
    lex = ctx.lex
    gd = m.groupdict()
    month = _first("HMONTH", gd.get("hm"), lex.hijri_months)
    if month is None:
        return None
    day = _day_of(m, lex)
    mod = _mod(gd.get("mod"), lex)
    yr = int(gd["yr"]) if gd.get("yr") else None
    if yr is not None and gd.get("hmark") is None and yr > 1600:
        return None  # a Gregorian year after a Hijri month name is odd; do not guess
    if day is None and yr is None and not gd.get("shahr"):
        return None  # رمضان، رجب، صفر alone are also names and "zero"
    ys = f"{yr:04d}" if yr else "XXXX"
    original = f"{ys}-{month:02d}" + (f"-{day:02d}" if day else "")
    value: str | None = None
    if yr and day:
        g = _hijri_to_greg(yr, month, day)
        value = g.isoformat() if g else None
        if g is None:
            return None
    elif yr:
        first = _hijri_to_greg(yr, month, 1)
        n = _hijri_month_len(yr, month)
        if first and n:
            last = first + dt.timedelta(days=n - 1)
            # مطلع/منتصف/نهاية رجب 1436: the part named falls in one Gregorian month
            part = {"START": first, "MID": first + dt.timedelta(days=n // 2), "END": last}.get(mod or "")
            if part is not None or (first.year, first.month) == (last.year, last.month):
                g = part or first
                value = f"{g.year:04d}-{g.month:02d}"
            elif first.year == last.year:
                value = f"{first.year:04d}"
    return _cand(m, "DATE", value, calendar="hijri", original=original, confidence=0.9 if value else 0.5, mod=mod)


def _h_hijri_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    yr = int(m.group("yr"))
    if not 1 <= yr <= 1600:
        return None
    first = _hijri_to_greg(yr, 1, 1)
    nxt = _hijri_to_greg(yr + 1, 1, 1)  # the year's last day is the eve of the next one (1428هـ ends in 2008)
    last = nxt - dt.timedelta(days=1) if nxt else None
    value = f"{first.year:04d}" if first and last and first.year == last.year else None
    return _cand(m, "DATE", value, calendar="hijri", original=f"{yr:04d}", confidence=0.6)


HANDLERS: dict[str, Handler] = {
    "date_dmy": _h_date,
    "month": _h_date,
    "date_num": _h_date_num,
    "year": _h_year,
    "year_suffix": _h_year_suffix,
    "year_mod": _h_year_mod,
    "year_paren": _h_year_paren,
    "year_bare": _h_year_bare,
    "year_range": _h_year_range,
    "rel_unit": _h_rel_unit,
    "relday": _h_relday,
    "weekday": _h_weekday,
    "ago": _h_ago,
    "duration": _h_duration,
    "set": _h_set,
    "vague": _h_vague,
    "clock": _h_clock,
    "hour": _h_hour,
    "hijri": _h_hijri,
    "hijri_year": _h_hijri_year,
    "season": _h_season,
    "decade": _h_decade,
    "century": _h_century,
    "part_of_year": _h_part_of_year,
    "first_months": _h_first_months,
}
