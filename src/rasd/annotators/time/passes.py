"""Context rules run after the engine has chosen and merged its candidates.

Real news ties expressions to each other: a clock time takes the day named before it in
the sentence, ``الثامن من الشهر نفسه`` the month named before, a written weekday that
contradicts the publication date wins over it (and moves the article's ``اليوم``), and
``يوم السبت الموافق 23/10/1436هـ`` is one expression whose value is the explicit date.
These rules need the whole candidate list, so they run here, once, in order; each keeps
the list sorted and non-overlapping and walks it once. Words come from ``resources/time/``.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import replace

from rasd.annotators.time.base import (
    ART,
    CONJ,
    DAY_RANGE,
    NISBA,
    PREP,
    PREP_NO_KAF,
    Cand,
    Ctx,
    _dur_value,
    _num,
    _regexes,
    _whole,
    clock_value_of,
    day_value_of,
)
from rasd.annotators.time.clock_runs import afternoon
from rasd.annotators.time.duration_lists import DUR as _DUR
from rasd.annotators.time.duration_lists import range_starts, split_lists
from rasd.annotators.time.events import named_events
from rasd.annotators.time.lexicon import Lexicon, duration_fractions, key, lexicon
from rasd.annotators.time.nowadays import nowadays
from rasd.annotators.time.pass_words import _words
from rasd.annotators.time.recurring import recurring
from rasd.annotators.time.restated import restated
from rasd.annotators.time.scan import Disjoint, shifted
from rasd.annotators.time.told_event import told_event
from rasd.annotators.time.within import week_of_month, within
from rasd.temporal import TimeValue, day_value
from rasd.temporal.hijri import to_gregorian

_YEAR = re.compile(r"(?:19|20)\d\d")
_BREAK = re.compile(r"[!?\n؟]|\.(?!\d)")


def refine(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """Apply the context rules, in an order where each sees the previous ones' work."""
    cands = _added(cands, ctx)
    cands = split_lists(cands, ctx)
    cands = _insert(cands, range_starts(cands, ctx))
    cands = _same_day(restated(cands, ctx), ctx)
    cands = _weekday_wins(cands, ctx)
    cands = _since(cands, ctx)
    cands = _after_past(cands, ctx)
    cands = _from_now(cands, ctx)
    cands = _post_mod(cands, ctx)
    cands = _anaphora(cands, ctx)
    cands = _pod_head(cands, ctx)
    cands = afternoon(cands, ctx)
    cands = _set_names(cands, ctx)
    return week_of_month(told_event(nowadays(named_events(within(recurring(_hijri_day_ranges(cands, ctx), ctx), ctx), ctx), ctx), ctx), ctx)


# --------------------------------------------------------------------------- helpers


class _Sent:
    """Are two offsets in the same sentence? (bisection over the breaks)."""

    def __init__(self, text: str) -> None:
        self.breaks = [m.start() for m in _BREAK.finditer(text)]

    def same(self, a: int, b: int) -> bool:
        return bisect_left(self.breaks, a) == bisect_left(self.breaks, b)


def _day(c: Cand) -> dt.date | None:
    tv = day_value_of(c.value) if c.type in ("DATE", "TIME") else None
    r = tv.range() if tv else None
    return r[0] if r else None


def _with_day(c: Cand, day: dt.date) -> str:
    """``c``'s value moved to ``day``, keeping its part of day, hour or clock time."""
    tv = day_value_of(c.value) or clock_value_of(c.value)
    hm = f"{tv.hour:02d}" + (f":{tv.minute:02d}" if tv.minute is not None else "") if tv and tv.hour is not None else None
    tail = (tv.part_of_day or hm) if tv else None
    return f"{day.isoformat()}T{tail}" if tail else day.isoformat()


def _day_or_clock(c: Cand) -> dt.date | None:
    """The day of ``c``, also when it is a clock time on that day (``…T14:27``)."""
    tv = clock_value_of(c.value) if c.type == "TIME" else None
    return _day(c) or (dt.date(tv.year, tv.month, tv.day) if tv and tv.year and tv.month and tv.day else None)


def _weekday(text: str) -> int | None:
    m = _words().weekday.search(text)
    return lexicon().weekdays.get(key(m.group(1))) if m else None


def _on_or_before(d: dt.date, want: int) -> dt.date:
    """The latest day of weekday ``want`` on or before ``d`` (``d`` itself at the calendar's
    first week: a print date of year 1 is bad input, never a crash)."""
    return _moved(d, -((d.isoweekday() - want) % 7))


def _after(d: dt.date, want: int) -> dt.date:
    return _moved(d, (want - d.isoweekday()) % 7 or 7)


def _moved(d: dt.date, days: int) -> dt.date:
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return d


def _insert(cands: list[Cand], new: list[Cand]) -> list[Cand]:
    """``cands`` plus those of ``new`` that overlap none of them, by start."""
    if not new:
        return cands
    taken = Disjoint()
    for c in cands:
        taken.add(c.start, c.end)
    for c in sorted(new, key=lambda x: x.start):
        if taken.free(c.start, c.end):
            taken.add(c.start, c.end)
            cands.append(c)
    return sorted(cands, key=lambda x: x.start)


# --------------------------------------------------------------------------- rules


def _added(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """New expressions: ages (``خمسيني``, ``العقد الخامس من العمر``) and bare years that
    continue a year (``عام 2002 ـ 2003 ثم 2004``)."""
    w, text, lex = _words(), ctx.text, ctx.lex
    new: list[Cand] = []
    if w.ages is not None and any(f in text for f in w.age_years):
        for m in w.ages.finditer(text):
            years = w.age_years.get(key(m.group("a")), "X")
            new.append(Cand(m.start("a"), m.end(), "DURATION", f"P{years}Y", mod="EQUAL_OR_MORE", confidence=0.7, family="age"))
    if any(t in text for t in w.age_tail_ends):
        for m in w.age_decade.finditer(text):
            n = lex.ordinals.get(key(m.group("o")))
            if n and 2 <= n <= 12:
                s = m.start() + (1 if text[m.start()] in CONJ + PREP and not text.startswith(ART, m.start()) else 0)
                new.append(Cand(s, m.end(), "DURATION", f"P{(n - 1) * 10}Y", mod="EQUAL_OR_MORE", confidence=0.7, family="age"))
    starts = [c.start for c in cands]
    for i, c in enumerate(cands):
        last = c.range_end or c.value or (text[c.end - 4 : c.end] if c.type == "DATE" else "")  # a season: 2002 ـ 2003
        if c.type != "DATE" or not _YEAR.fullmatch(last[:4]) or len(last) != 4:
            continue
        end = c.end
        limit = starts[i + 1] if i + 1 < len(cands) else len(text)
        while (ym := w.year_link.match(text, end)) and ym.end() <= limit:
            nxt = re.sub(rf"^[{CONJ}{PREP_NO_KAF}]", "", ctx.next_word(ym.end()))
            if nxt in lex.counted_nouns or (ym.group("aside") and not ym.group("link")):
                break  # "2016 (2.1%) و2017": an aside in brackets only before a link
            new.append(Cand(ym.start("y"), ym.end(), "DATE", ym.group("y"), confidence=0.7, family="year_chain"))
            end = ym.end()
    return _insert(cands, new)


def _same_day(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """"يوم السبت الموافق 23/10/1436هـ" → one DATE valued by the explicit date;
    "بعد غد (الجمعة)" → one DATE on that Friday."""
    w, text = _words(), ctx.text
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        n = cands[i + 1] if i + 1 < len(cands) else None
        if n is None or c.family not in ("weekday", "relday") or c.type not in ("DATE", "TIME") or c.range_end:
            out.append(c)
            i += 1
            continue
        gap = text[c.end : n.start]
        end = n.end + (1 if "(" in gap and text[n.end : n.end + 1] == ")" else 0)
        nd = _day(n)
        own = any(x in ctx.lex.relative_words for x in key(text[c.start : c.end]).split(" "))
        if nd and n.family not in ("weekday", "relday") and n.type == "DATE" and w.same_day.match(gap) and (gap.strip() or not own):
            out.append(replace(n, start=c.start, end=end, type=c.type, value=_with_day(c, nd) if c.type == "TIME" else n.value))
            i += 2
            continue
        cd, want = _day(c), _weekday(text[n.start : n.end])
        if cd and want and n.family == "weekday" and re.fullmatch(r"\s*[(,،]\s*", gap) and "(" in gap:
            if cd.isoweekday() != want and ctx.dct.date:
                d = ctx.dct.date
                # a past or present day is left to _weekday_wins, which also moves the bare days
                if cd > d or c.family != "relday":
                    cd = _after(d, want) if cd > d else _on_or_before(d, want)
            out.append(replace(c, end=end, value=_with_day(c, cd), confidence=min(c.confidence, 0.8)))
            i += 2
            continue
        out.append(c)
        i += 1
    return out


def _weekday_wins(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """Gold decision 12: a relative day with a weekday that contradicts the publication date
    (``اليوم الاثنين`` in a Tuesday record, ``أمس الثلاثاء`` in a Friday one) is the latest
    such weekday on or before it. The article was written that many days after that
    weekday, so its other bare ``اليوم``, ``أمس`` … move with it."""
    d = ctx.dct.date
    if d is None:
        return cands
    shift: int | None = None
    out: list[Cand] = []
    for c in cands:
        cd = _day_or_clock(c)  # "الساعة 14:27 من مساء اليوم الأربعاء" too
        want = _weekday(ctx.text[c.start : c.end]) if c.family == "relday" and cd else None
        if cd and want and cd.isoweekday() != want:
            new = _on_or_before(d, want)  # the engine put the day at DCT + its offset
            shift = (new - cd).days if shift is None else shift
            c = replace(c, value=_with_day(c, new), confidence=0.6)
        out.append(c)
    if not shift:
        return out
    for k, c in enumerate(out):
        cd = _day_or_clock(c)
        if c.family == "relday" and cd and _weekday(ctx.text[c.start : c.end]) is None:
            out[k] = replace(c, value=_with_day(c, cd + dt.timedelta(days=shift)), confidence=0.6)
    return out


def _since(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """"منذ عشر سنوات" measures a stretch up to now: DURATION P10Y, unless a verb of
    beginning places a start ("بدأت المفاوضات منذ ثلاثة أشهر" stays a DATE). An unwritten
    count measures the same way ("منذ عدة أسابيع": PXW, as "عدة أسابيع" is)."""
    w, lex = _words(), ctx.lex
    out: list[Cand] = []
    for c in cands:
        text = ctx.text[c.start : c.end]
        head = text.split(" ", 1)[0]
        vague = c.value == "PAST_REF"
        if c.family != "ago" or c.type != "DATE" or head not in w.since or ((c.value or "").endswith("_REF") and not vague):
            out.append(c)
            continue
        before = re.findall(r"[^\W\d_]+", ctx.before(c.start, 30))[-3:]
        value = _count(text, lex, vague=vague)
        if any(re.sub(rf"^[{CONJ}]", "", b) in w.inception for b in before) or value is None:
            out.append(c)
            continue
        out.append(replace(c, type="DURATION", value=value, anchor="absolute", shift=None))
    return out


_YEAR_IN = re.compile(r"\d{4}")
PAST_REACH = 400  # characters back in which a dated past event anchors "وبعد عشرة أشهر"


def _after_past(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """"أنشئ المجلس عام 1953 … وبعد عشرة أشهر أصبح …": in a story of a past year, "بعد N
    unit" is counted from the event just dated, not from the publication: a DURATION (as the
    engine reads "بعد عام من الاتفاق"). A future plan ("سيفتتح بعد ثلاثة أشهر") stays a date."""
    year = ctx.dct.year
    out: list[Cand] = []
    for c in cands:  # the last date before it, over durations ("في 1997 … لبضع سنوات … بعد 18 سنة")
        prev = next((o for o in reversed(out[-3:]) if o.type not in ("DURATION", "SET")), None)
        past = (
            prev is not None
            and prev.anchor == "absolute"
            and re.match(r"\d{4}", prev.value or "") is not None
            and year is not None
            and int((prev.value or "")[:4]) < year
            and 0 <= c.start - prev.end <= PAST_REACH
        )
        first = re.match(r"\S+\s+", ctx.text[c.start : c.end])
        value = _count(ctx.text[c.start + first.end() : c.end], ctx.lex) if past and first else None
        if c.family == "ago" and c.type == "DATE" and c.shift and first and value:
            c = replace(c, start=c.start + first.end(), type="DURATION", value=value, anchor="absolute", shift=None)
        out.append(c)
    return out


_HALF = re.compile(r"\s+و\s*نصف(?!\w)")


def _count(text: str, lex: Lexicon, *, vague: bool = False) -> str | None:
    """The duration a folded "count + unit" text states (``ثلاثة اعوام`` → ``P3Y``);
    ``vague``: a count not written (``عدة اعوام``) is ``X`` (``PXY``)."""
    um = _regexes().blocks["UNIT"].search(text)
    unit, count = lex.units.get(key(um.group(1)), ("", "")) if um else ("", "")
    if not um or not unit:
        return None
    nm = _regexes().blocks["NUM"].search(text[: um.start()])
    n = _num(nm.group(1), lex) if nm else (2.0 if count == "2" else 1.0 if count == "1" else None)
    fm = None if nm else _regexes().blocks["DURFRAC"].search(text[: um.start()])
    if fm and count == "1":  # "منذ نصف قرن": P50Y
        unit, n = _whole(unit, duration_fractions()[key(fm.group(1))])
    if n is None and vague:
        return _dur_value(unit, None)
    if n is None or not float(n).is_integer():
        return None
    if _HALF.match(text, um.end()):
        n += 0.5  # "منذ عامين ونصف العام": the half is part of the stretch (P2.5Y)
    return _dur_value(unit, n)


def _post_mod(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """"ثلاث سنوات تقريبا": a modifier after the expression joins it; "بعد ثلاث سنوات
    تقريبا على الحادث" and "بعد أسابيع عدة من التحضير" are then stretches counted from an
    event (DURATION), as the engine reads "بعد عام من الاتفاق"."""
    w, lex, text = _words(), ctx.lex, ctx.text
    out: list[Cand] = []
    for i, c in enumerate(cands):
        limit = cands[i + 1].start if i + 1 < len(cands) else len(text)
        v = c.value or ""
        pm = w.post_mod.match(text, c.end) if c.type in ("DATE", "DURATION") and not v.endswith("_REF") else None
        xm = w.vague_num.match(text, c.end) if c.family == "ago" and v.endswith("_REF") else None
        m = pm or xm
        if m is None or m.end() > limit:
            out.append(c)
            continue
        nxt = ctx.next_word(m.end())
        first = re.match(r"\S+\s+", text[c.start : c.end])
        if c.family == "ago" and c.type == "DATE" and first and nxt in w.counted_from:
            rest = text[c.start + first.end() : c.end]
            um = _regexes().blocks["UNIT"].search(rest)
            unit = lex.units.get(key(um.group(1)), ("", ""))[0] if um else ""
            value = _count(rest, lex) if pm else (_dur_value(unit, None) if unit else None)
            if value:
                mod = w.post_mods.get(key(pm.group("pm"))) if pm else c.mod
                out.append(replace(c, start=c.start + first.end(), end=m.end(), type="DURATION", value=value, mod=mod, anchor="absolute", shift=None))
                continue
        if pm and c.type == "DURATION":  # a date keeps its span: "قبل شهرين تقريبا" → "قبل شهرين"
            c = replace(c, end=m.end(), mod=c.mod or w.post_mods.get(key(pm.group("pm"))))
        out.append(c)
    return out


def _from_now(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """"بعد أسبوعين من الآن": counted from the publication date, a date (a day for days and
    weeks); the engine read "بعد … من X" as a stretch counted from an event."""
    d = ctx.dct.date
    w, lex = _words(), ctx.lex
    out: list[Cand] = []
    skip_to = -1
    for c in cands:
        if c.start < skip_to:
            continue
        m = _DUR.fullmatch(c.value or "")
        fm = w.from_now.match(ctx.text, c.end) if m and c.family in ("ago", "duration") and c.type == "DURATION" else None
        am = re.search(rf"(?<!\w)[{CONJ}]?(?P<a>[^\W\d_]+)\s+$", ctx.before(c.start, 12)) if fm else None
        direction = lex.ago_words.get(key(am.group("a"))) if am else None
        if not (m and fm and am and direction and d) or m.group(1):
            out.append(c)
            continue
        k, unit = int(m.group(2)) * direction, m.group(3)
        value = shifted(d, 7 * k, "D") if unit == "W" else shifted(d, k, unit)
        start = c.start - len(ctx.before(c.start, 12)) + am.start("a")
        out.append(replace(c, start=start, end=fm.end(), type="DATE", value=value or None, anchor="dct"))
        skip_to = fm.end()
    return out


def _anaphora(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """Values read from the expressions before: ``الشهر نفسه`` (the last month named), ``اليوم
    التالي`` (the day after the last day), a clock time (the day named before it in its sentence,
    or the publication day after an agency footer; none right after a recurring word), a bare weekday after a coming day in its
    sentence or the same weekday to come named earlier (the coming one), and a day and month
    after the same day named with its year (that year)."""
    sent = _Sent(ctx.text)
    w, d = _words(), ctx.dct.date

    def near(a: int, b: int) -> bool:
        """Same sentence, or same paragraph within a few lines of news text."""
        return sent.same(a, b) or (b - a < 400 and "\n" not in ctx.text[a:b])

    last_month: tuple[int, int] | None = None  # year, month
    last_day: tuple[dt.date, int] | None = None  # day, end offset
    coming: dict[int, dt.date] = {}  # weekday -> the first day to come named with it
    gone: set[int] = set()  # weekdays of days named before the publication day
    dated: dict[str, str] = {}  # "-MM-DD" -> the first full date named with that day
    last_set = -1  # end of the last recurring expression (البرنامج اليومي)
    out: list[Cand] = []
    for c in cands:
        v = c.value or ""
        if c.family == "same_month" and v.startswith("XXXX-XX-") and last_month:
            try:
                c = replace(c, value=dt.date(*last_month, int(v[8:])).isoformat())
            except ValueError:
                pass
        elif c.family == "next_day" and c.value is None and last_day and near(last_day[1], c.start):
            c = replace(c, value=(last_day[0] + dt.timedelta(days=1)).isoformat())
        elif c.family == "pod_adv":
            if _paired_pod(c, ctx) and not (last_day and sent.same(last_day[1], c.start)):
                continue  # a habit ("صباحا ومساء")
            if last_day:  # the day the article is about (F7)
                c = replace(c, value=f"{last_day[0].isoformat()}{v[10:]}", anchor="previous", has_date=True)
            elif d:  # no day named before it: the publication day ("بحصة خفيفة صباحا", rn942)
                c = replace(c, value=f"{d.isoformat()}{v[10:]}", anchor="dct", has_date=True, confidence=0.5)
            else:
                continue
        elif c.type == "TIME" and v.startswith("XXXX-XX-XXT"):
            if 0 <= c.start - last_set <= 12 and (not last_day or last_day[1] < last_set):
                last_set = c.end  # "البرنامج اليومي من 8 صباحا وحتى 3 مساء": a schedule's clock times have no day (F7)
            elif last_day and near(last_day[1], c.start):
                c = replace(c, value=f"{last_day[0].isoformat()}{v[10:]}", anchor="previous", has_date=True)
            elif d and w.footer.search(ctx.before(c.start, 30)):
                c = replace(c, value=f"{d.isoformat()}{v[10:]}", anchor="dct", has_date=True)
            elif last_day:  # the day the article is about, named in an earlier paragraph
                c = replace(c, value=f"{last_day[0].isoformat()}{v[10:]}", anchor="previous", has_date=True,
                            confidence=min(c.confidence, 0.6))  # fmt: skip
        elif c.family == "weekday" and d:
            cd, want = _day(c), _weekday(ctx.text[c.start : c.end])
            words = key(ctx.text[c.start : c.end]).split(" ")
            bare = cd and want and cd <= d and not any(x in ctx.lex.relative_words for x in words)
            if bare and want and last_day and last_day[0] > d and sent.same(last_day[1], c.start):
                c = replace(c, value=_with_day(c, _after(d, want)), confidence=0.6)
            elif bare and cd and cd < d and want in coming and want not in gone:  # "مباراة الأربعاء"
                c = replace(c, value=_with_day(c, coming[want]), confidence=0.6)  # after one to come
        words, v = key(ctx.text[c.start : c.end]).split(" "), c.value or ""
        plain = c.type == "DATE" and c.anchor == "dct" and not any(x in ctx.lex.relative_words for x in words)
        if plain and _YEAR_IN.search(ctx.text[c.start : c.end]) is None and v[4:] in dated and dated[v[4:]] != v:
            c = replace(c, value=dated[v[4:]], confidence=min(c.confidence, 0.6))  # "26 فبراير" after "26 فبراير المقبل"
        if c.type == "DATE" and len(v) == 10 and v[:4].isdigit():
            dated.setdefault(v[4:], v)
        if c.type == "SET":
            last_set = c.end
        cd = _day(c)
        if cd:
            last_day = (cd, c.end)
            if d and cd > d and c.type in ("DATE", "TIME"):
                coming.setdefault(cd.isoweekday(), cd)
            elif d and cd < d:
                gone.add(cd.isoweekday())
        tv = TimeValue.parse(c.value) if c.type == "DATE" else None
        if tv and tv.year is not None and tv.month is not None:
            last_month = (tv.year, tv.month)
        out.append(c)
    return out


def _paired_pod(c: Cand, ctx: Ctx) -> bool:
    """``صباحا ومساء``, ``يوميا صباحا``: a part of the day beside another or a set word is a habit."""
    after = re.findall(r"\w+", ctx.text[c.end : c.end + 20])
    before = re.findall(r"\w+", ctx.before(c.start, 20))  # "صباحا ومساء": the glued و is a word here
    before = before[:-1] if before and before[-1] in CONJ else before
    words = {key(before[-1]) if before else "", key(after[0]) if after else ""}
    words |= {w[1:] for w in words if w.startswith("و")}
    return any(w in ctx.lex.parts_of_day or w in ctx.lex.sets for w in words)


def _pod_head(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """"مساء يوم الخميس الـ30 من يوليو", "فجر (السبت)": a part of day before a day makes
    it a TIME of that day."""
    w, lex = _words(), ctx.lex
    out: list[Cand] = []
    prev_end = 0
    for c in cands:
        cd = _day(c)
        if c.type == "DATE" and cd and c.value and "T" not in c.value:
            before = ctx.before(c.start, 24)
            m = w.podhead.search(before)
            start = c.start - len(before) + m.start("p") if m else -1
            if m and start >= prev_end:
                pod = lex.parts_of_day[key(m.group("p"))][0]
                end = c.end + (1 if "(" in m.group(0) and ctx.text[c.end : c.end + 1] == ")" else 0)
                c = replace(c, start=start, end=end, type="TIME", value=f"{cd.isoformat()}T{pod}", has_date=True)
        out.append(c)
        prev_end = c.end
    return out


def _set_names(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """"ويوسف الشهري": a definite set adjective in ي after an indefinite word (no ال, no
    attached pronoun) is a family name, not "monthly"."""
    w = _words()
    out: list[Cand] = []
    for c in cands:
        text = ctx.text[c.start : c.end]
        if c.type == "SET" and c.family == "set" and text.startswith(ART) and text.endswith(NISBA):
            m = re.search(r"(?:^|\s)([^\W\d_]+)\s+$", ctx.before(c.start, 30))
            prev = m.group(1) if m else ""
            core = re.sub(rf"^[{CONJ}]?[{PREP}]?", "", prev)
            if prev and not core.startswith(ART) and not prev.endswith(w.noun_suffixes):
                continue
        out.append(c)
    return out


def _hijri_day_ranges(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """"من 11 حتى 25 /10 /1436هـ": the bare first day is a date of its own in the
    second's Hijri month."""
    new: list[Cand] = []
    for c in cands:
        o = TimeValue.parse(c.original)  # the Hijri date as written, YYYY-MM-DD
        if c.calendar != "hijri" or not (o.plain and o.year is not None and o.month is not None and o.day is not None) or c.range_end:
            continue
        before = ctx.before(c.start, 20)
        m = DAY_RANGE.search(before)
        if not m or not 1 <= int(m.group("d")) < o.day:
            continue
        g = to_gregorian(o.year, o.month, int(m.group("d")))
        s = c.start - len(before) + m.start("d")
        if g:
            new.append(Cand(s, s + len(m.group("d")), "DATE", g.isoformat(), anchor="previous", calendar="hijri",
                            original=day_value(o.year, o.month, int(m.group("d"))), confidence=0.8, family="hijri_day"))  # fmt: skip
    return _insert(cands, new)
