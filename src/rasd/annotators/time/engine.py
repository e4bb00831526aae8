"""The temporal tagging engine: pattern families over folded text, then normalisation.

Why this shape: the words live in ``resources/time/`` and the pattern templates in
``resources/time/patterns.tsv``; here we only compile them (one regex per family), pick
the longest non-overlapping candidates, and turn each into a TIMEX3 value against the
document creation time (DCT). When the text does not fix a value we return an
underspecified one or ``None``: a wrong date is worse than a missing one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from rasd.annotators.time.hijri import month_length as _hijri_month_len
from rasd.annotators.time.hijri import to_gregorian as _hijri_to_greg
from rasd.annotators.time.lexicon import Lexicon, alt, key, lexicon
from rasd.annotators.time.passes import refine
from rasd.annotators.time.scan import Covered, Sentences, in_calendar, original_index, select, shifted
from rasd.resources import load_lines, load_table
from rasd.text import NormText, fold, normalize

CLITIC = r"(?:[وف]?[بلك]?)"


# --------------------------------------------------------------------------- DCT


@dataclass(frozen=True)
class DCT:
    """Document creation time at whatever precision is known."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> DCT:
        if not value:
            return cls()
        m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
        if not m:
            return cls()
        y = int(m.group(1))
        mo = int(m.group(2)) if m.group(2) else None
        d = int(m.group(3)) if m.group(3) else None
        if mo is not None and not 1 <= mo <= 12:
            return cls(y)
        if d is not None and mo is not None:
            try:
                dt.date(y, mo, d)
            except ValueError:
                return cls(y, mo)
        return cls(y, mo, d)

    @property
    def date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            return dt.date(self.year, self.month, self.day)
        return None


@dataclass
class Cand:
    """A candidate expression in folded offsets, already normalised."""

    start: int
    end: int
    type: str
    value: str | None
    mod: str | None = None
    anchor: str = "absolute"
    confidence: float = 0.9
    calendar: str | None = None
    original: str | None = None
    range_end: str | None = None
    family: str = ""
    has_date: bool = False  # a TIME that carries its own day
    shift: tuple[int, str] | None = None  # "بعد N unit": may be re-anchored on an earlier date


@dataclass
class Ctx:
    text: str  # folded
    dct: DCT
    lex: Lexicon
    _sents: Sentences | None = None

    def future(self, pos: int) -> bool:
        """Does the sentence holding ``pos`` carry a future cue (سوف، من المقرر …)?"""
        if self._sents is None:
            self._sents = Sentences(self.text, _regexes().future)
        return self._sents.has_cue(pos)

    def before(self, pos: int, n: int = 40) -> str:
        return self.text[max(0, pos - n) : pos]

    def prev_word(self, pos: int) -> str:
        m = re.search(r"(\S+)\s*$", self.text[max(0, pos - 30) : pos])
        return m.group(1) if m else ""

    def next_word(self, pos: int) -> str:
        m = re.match(r"\s*(\S+)", self.text[pos : pos + 30])
        return m.group(1) if m else ""


# --------------------------------------------------------------------------- regexes


@dataclass(frozen=True)
class Regexes:
    families: tuple[tuple[str, re.Pattern[str]], ...]
    blocks: dict[str, re.Pattern[str]]
    future: re.Pattern[str]
    not_time: re.Pattern[str]
    triggers: dict[str, frozenset[int]]  # folded first word -> families that can start there
    digit_families: frozenset[int]
    seconds: dict[str, frozenset[str]]  # first words only found in phrases -> possible next words


NOT_TIME = -1  # pseudo-family index of the not-time phrases in ``triggers``


def _numw(lex: Lexicon) -> str:
    w = alt(lex.numbers)
    return rf"(?:{w}(?:\s+و\s*{w}){{0,2}})"


@cache
def _regexes() -> Regexes:
    lex = lexicon()
    months = alt(lex.months)
    wd = alt(lex.weekdays)
    wd0 = alt({k[2:] for k in lex.weekdays if k.startswith("ال")} | set(lex.weekdays))
    numw = _numw(lex)
    ydef = alt(k for k, v in lex.definite_units.items() if v == "Y")
    rel = alt(lex.relative_words)
    this = alt(lex.this_words)
    blocks_src = {
        "MONTH": months,
        "MONTHP": rf"{months}(?:\s*[/(\-]\s*{months}(?:\s*\))?)?",
        "HMONTH": alt(lex.hijri_months),
        "HMARK": alt(lex.hijri_markers),
        "WEEKDAY": wd,
        "WEEKDAY0": wd0,
        "NUMW": numw,
        "NUM": rf"(?:\d+(?:[.,]\d+)?|{numw}(?=\s))",  # a number word never runs into its unit
        "DURAFTER": alt(lex.duration_after),
        "UNIT": alt(lex.units),
        "DUNIT": alt(lex.definite_units),
        "RELDAY": alt(lex.relative_days),
        "REL": rel,
        "THIS": this,
        "YREL": rf"(?:من\s+)?(?:{ydef}\s+{rel}|{this}\s+{ydef})",
        "MOD": alt(lex.modifiers),
        "AGO": alt(lex.ago_words),
        "DURCUE": alt(lex.duration_cues),
        "PODADV": alt(k for k, v in lex.parts_of_day.items() if v[1] in ("adv", "both")),
        "PODHEAD": alt(k for k, v in lex.parts_of_day.items() if v[1] in ("head", "both")),
        "CLOCKSUF": alt(lex.clock_suffixes),
        "VAGUE": alt(lex.vague),
        "SETW": alt(lex.sets),
        "EVERY": alt(lex.every_words),
        "SEASON": alt(lex.seasons),
        "YEARW": alt(lex.year_words),
        "YSUF": alt(lex.year_suffixes),
        "ORD": alt(lex.ordinals),
        "DECADE": alt(lex.decades),
        "POY": alt(lex.parts_of_year),
    }
    block_words: dict[str, object] = {
        "MONTH": lex.months, "HMONTH": lex.hijri_months, "WEEKDAY": lex.weekdays, "NUMW": lex.numbers,
        "UNIT": lex.units, "DUNIT": lex.definite_units, "RELDAY": lex.relative_days, "THIS": lex.this_words,
        "MOD": lex.modifiers, "AGO": lex.ago_words, "DURCUE": lex.duration_cues,
        "PODHEAD": [k for k, v in lex.parts_of_day.items() if v[1] in ("head", "both")],
        "VAGUE": lex.vague, "SETW": lex.sets, "EVERY": lex.every_words, "SEASON": lex.seasons,
        "YEARW": lex.year_words, "ORD": lex.ordinals, "DECADE": lex.decades, "POY": lex.parts_of_year,
    }
    fams = []
    triggers: dict[str, set[int]] = {}
    digit: set[int] = set()
    seconds: dict[str, set[str]] = {}
    single: set[str] = set()

    def note(phrase: str, fam: int) -> None:
        words = key(phrase).split(" ")
        triggers.setdefault(words[0], set()).add(fam)
        if len(words) > 1:
            seconds.setdefault(words[0], set()).add(words[1])
        else:
            single.add(words[0])

    for i, row in enumerate(load_table("time/patterns.tsv")):
        name, starts, tmpl = row[0], row[1].split(), row[2]
        body = re.sub(r"\{([A-Z][A-Z0-9]*)\}", lambda m: blocks_src[m.group(1)], tmpl)
        fams.append((name, re.compile(rf"(?<!\w){CLITIC}(?P<all>{body})(?!\w)")))
        for st in starts:
            if st == "DIGIT":
                digit.add(i)
                continue
            words = block_words[st] if st in block_words else [st]
            for w in words:  # type: ignore[attr-defined]
                note(str(w), i)
    for w in lex.not_time:
        note(w, NOT_TIME)
    blocks = {k: re.compile(rf"(?<!\w){CLITIC}({v})(?!\w)") for k, v in blocks_src.items()}
    future = re.compile(rf"(?<!\w)[وف]?{alt(lex.future_cues)}(?!\w)")
    not_time = re.compile(rf"(?<!\w){CLITIC}{alt(lex.not_time)}(?!\w)")
    frozen = {k: frozenset(v) for k, v in triggers.items()}
    phrase_only = {w: frozenset(v) for w, v in seconds.items() if w not in single}
    return Regexes(tuple(fams), blocks, future, not_time, frozen, frozenset(digit), phrase_only)


# --------------------------------------------------------------------------- helpers


def _num(s: str | None, lex: Lexicon) -> float | None:
    """Value of a number written in digits or words ("خمسة وتسعين" → 95); None if vague."""
    if s is None:
        return None
    s = key(s)
    if s.startswith("ال") and s[2:] and not s[0].isdigit():
        s = s[2:]
    if re.fullmatch(r"\d+(?:[.,]\d+)?", s):
        return float(s.replace(",", "."))
    total = 0.0
    for part in re.split(r"\s+و\s*|\s+و(?=\S)", s):
        part = part.strip()
        if not part:
            continue
        if part.startswith("و") and part not in lex.numbers and part[1:] in lex.numbers:
            part = part[1:]
        v = lex.numbers.get(part)
        if v is None or v == "X":
            return None
        total += float(v)
    return total


def _first(block: str, s: str | None, table: dict[str, int]) -> int | None:
    if not s:
        return None
    m = _regexes().blocks[block].search(s)
    return table.get(key(m.group(1))) if m else None


def _rel(s: str | None, lex: Lexicon) -> int | None:
    return lex.relative_words.get(key(s)) if s else None


def _yrel(s: str | None, lex: Lexicon) -> int | None:
    """Direction of "(من) العام الماضي" / "هذا العام": -1, 0, 1."""
    if not s:
        return None
    for w in reversed(key(s).split(" ")):
        if w in lex.relative_words:
            return lex.relative_words[w]
    return 0


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _month_year(month: int, direction: int | None, ctx: Ctx, pos: int) -> tuple[int | None, float]:
    """Year of a month named without one: the tense or relative word decides."""
    y, m = ctx.dct.year, ctx.dct.month
    if y is None:
        return None, 0.0
    if m is None:
        return (y, 0.6) if direction in (None, 0) else (None, 0.0)
    if direction == 0:
        return y, 0.9
    if direction == -1:
        return (y if month < m else y - 1), 0.9
    if direction == 1:
        return (y if month > m else y + 1), 0.9
    if ctx.future(pos):
        return (y if month >= m else y + 1), 0.7
    # no tense cue: the nearest occurrence (news mostly speaks of recent or coming months)
    back, ahead = (m - month) % 12, (month - m) % 12
    return (y if month <= m else y - 1) if back <= ahead else (y if month >= m else y + 1), 0.6


def _mod(s: str | None, lex: Lexicon) -> str | None:
    return lex.modifiers.get(key(s)) if s else None


# --------------------------------------------------------------------------- normalisers

Handler = Callable[[re.Match[str], Ctx], Cand | None]


def _span(m: re.Match[str]) -> tuple[int, int]:
    start = m.end("pre") if "pre" in m.re.groupindex and m.group("pre") else m.start("all")
    while start < m.end() and m.string[start].isspace():
        start += 1
    return start, m.end()


def _cand(m: re.Match[str], type_: str, value: str | None, **kw: object) -> Cand:
    s, e = _span(m)
    return Cand(s, e, type_, value, **kw)  # type: ignore[arg-type]


def _day_of(m: re.Match[str], lex: Lexicon) -> int | None:
    if m.group("dn"):
        return int(m.group("dn"))
    if m.group("dord"):
        return lex.ordinals.get(key(m.group("dord")))
    return None


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
        year, conf = _month_year(month, direction, ctx, m.start())
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


def _month_ok(m: re.Match[str], ctx: Ctx) -> bool:
    """A month name alone is a date only when it cannot be a verb or a name (مارس)."""
    word = key(re.split(r"\s*[/(\-]", m.group("mon"))[0])  # "أغسطس - آب": the first name
    if word in ctx.lex.months and word not in _ambiguous_months():
        return True
    return ctx.prev_word(m.start("all")) in {"في", "منذ", "حتي", "خلال", "قبل", "بعد", "بحلول"}


@cache
def _ambiguous_months() -> frozenset[str]:
    from rasd.resources import load_lines

    return frozenset(key(x) for x in load_lines("time/ambiguous_months.txt"))


def _h_date_num(m: re.Match[str], ctx: Ctx) -> Cand | None:
    g = m.groupdict()
    y, mo, d = (g["y"], g["m"], g["d"]) if g["y"] else (g["y2"], g["m2"], g["d2"])
    try:
        date = dt.date(int(y), int(mo), int(d))
    except (ValueError, TypeError):
        return None
    if not 1900 <= date.year <= 2100:
        return None
    return _cand(m, "DATE", date.isoformat(), confidence=0.9)


def _year_ok(y: int) -> bool:
    return 1000 <= y <= 2199


def _h_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    y = int(m.group("yr"))
    if not _year_ok(y):
        return None
    if key(m.group("yw") or "") in ("عامي", "سنتي", "العامين", "السنتين"):
        return None  # "عامي 2014 و2017" is a range; alone it is not a year phrase
    return _cand(m, "DATE", f"{y:04d}", mod=_mod(m.group("mod"), ctx.lex), confidence=0.95)


def _h_year_suffix(m: re.Match[str], ctx: Ctx) -> Cand | None:
    y = int(m.group("yr"))
    if not 1800 <= y <= 2100:
        return None
    if key(m.group("ysuf")) == "م" and ctx.next_word(m.end()) in ctx.lex.counted_nouns:
        return None
    return _cand(m, "DATE", f"{y:04d}", mod=_mod(m.group("mod"), ctx.lex), confidence=0.9)


def _h_year_mod(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """"مطلع 2023": a period word makes a bare year a year."""
    if ctx.next_word(m.end()) in ctx.lex.counted_nouns:
        return None
    return _cand(m, "DATE", m.group("yr"), mod=_mod(m.group("mod"), ctx.lex), confidence=0.85)


def _h_year_paren(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """"(1881)": a four-digit number alone in brackets is a year."""
    if not re.search(r"\(\s*$", ctx.before(m.start("all"), 3)):
        return None
    return _cand(m, "DATE", m.group("yr"), confidence=0.75)


def _h_year_bare(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """A bare 19xx/20xx is a year only in a year-like context and never before a counted noun."""
    lex = ctx.lex
    nxt = ctx.next_word(m.end())
    nxt_core = re.sub(r"^[وفبل]", "", nxt)
    if nxt in lex.counted_nouns or nxt_core in lex.counted_nouns:
        return None
    before = ctx.before(m.start("all"), 25)
    # quantity ranges and comparisons: "بين 1500 و3000", "أكثر من 2000"
    if re.search(r"(?:بين|نحو|حوالي|قرابه|زهاء|اكثر من|اقل من|من اصل|\d)\s*$", before):
        return None
    prev = ctx.prev_word(m.start("all"))
    prev_core = re.sub(r"^[وف]", "", prev)
    after = ctx.text[m.end() : m.end() + 3]
    if prev_core in lex.year_context or prev in lex.year_context or prev_core in lex.year_heads:
        # "في 2000 موقع": an Arabic word right after the number must not be a counted noun
        return _cand(m, "DATE", m.group("yr"), confidence=0.8)
    if re.match(r"\s*(?:$|[.,;:)\]»\"'!?\-–]|\n)", after) or after.strip() == "":
        if re.search(r"[(\-–,]\s*$", before) or re.search(r"(?:^|\n)\s*$", before):
            return _cand(m, "DATE", m.group("yr"), confidence=0.7)
    return None


def _h_year_range(m: re.Match[str], ctx: Ctx) -> Cand | None:
    y1, y2 = int(m.group("yr")), int(m.group("yr2"))
    if not (_year_ok(y1) and _year_ok(y2)) or y2 < y1:
        return None
    return _cand(m, "DATE", f"{y1:04d}", range_end=f"{y2:04d}", mod=_mod(m.group("mod"), ctx.lex), confidence=0.9)


_UNIT_P = {"Y": "Y", "M": "M", "W": "W", "D": "D"}


def _dur_value(unit: str, n: float | None) -> str:
    if n is None:
        q = "X"
    else:
        q = str(int(n)) if float(n).is_integer() else str(n)
    if unit == "DE":
        return f"P{int(n) * 10}Y" if n is not None and float(n).is_integer() else "PXDE"
    if unit == "CE":
        return f"P{int(n) * 100}Y" if n is not None and float(n).is_integer() else "PXCE"
    if unit in ("H", "MIN"):
        return f"PT{q}{'H' if unit == 'H' else 'M'}"
    return f"P{q}{unit}"


def _h_rel_unit(m: re.Match[str], ctx: Ctx) -> Cand | None:
    lex = ctx.lex
    gd = m.groupdict()
    unit = lex.definite_units.get(key(gd["du"]))
    if unit is None:
        return None
    direction = _rel(gd.get("rel"), lex)
    mod = _mod(gd.get("mod"), lex)
    if gd.get("this"):
        direction = 0 if direction is None else direction
    n = _num(gd.get("n"), lex) if gd.get("n") else None
    if gd.get("n") and n is None:
        return None
    if unit.endswith("P") or unit.endswith("2"):  # plural or dual: الأيام الماضية, العامين الماضيين
        base = unit[0]
        if unit.endswith("2"):
            n = 2
        if n is not None:
            if direction is None and unit.endswith("P"):
                return None
            return _cand(m, "DURATION", _dur_value(base, n), mod=mod, anchor="dct", confidence=0.85)
        if direction is None:
            return None
        ref = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[direction]
        return _cand(m, "DATE", ref, mod=mod, anchor="dct", confidence=0.8)
    if gd.get("n"):
        return None
    if direction is None:
        if mod is None:
            return None
        direction = 0
    d = ctx.dct
    value: str | None = None
    if unit == "Y" and d.year:
        value = f"{d.year + direction:04d}"
    elif unit == "M" and d.year and d.month:
        k = d.year * 12 + d.month - 1 + direction
        value = f"{k // 12:04d}-{k % 12 + 1:02d}"
    elif unit == "W" and d.date:
        value = _iso_week(d.date + dt.timedelta(days=7 * direction))
    return _cand(m, "DATE", value, mod=mod, anchor="dct", confidence=0.9 if value else 0.3)


def _pod(s: str | None, lex: Lexicon) -> str | None:
    return lex.parts_of_day[key(s)][0] if s and key(s) in lex.parts_of_day else None


def _h_relday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    lex = ctx.lex
    gd = m.groupdict()
    rd = key(gd["rd"])
    off = lex.relative_days.get(rd)
    if off is None:
        return None
    if rd == "غد" and not gd.get("podh"):
        return None
    if rd in ("اليوم", "يوم") and not gd.get("wd") and not gd.get("podh"):
        nxt = ctx.next_word(m.end())
        if nxt in lex.ordinals or nxt in lex.relative_words or ctx.prev_word(m.start("all")) in lex.every_words:
            return None
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
        elif direction == 1 or (direction is None and ctx.future(m.start())):
            delta = (want - d.isoweekday()) % 7 or 7
            if direction is None:
                conf = 0.7
        elif direction == -1:
            delta = -((d.isoweekday() - want) % 7 or 7)
        elif direction == 0:
            delta = want - d.isoweekday()
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
    if nxt == "من" and not gd.get("num") and count == "N":
        # "بعد أشهر من المحادثات": a stretch counted from an event, not a date
        return Cand(m.start("unit") if not gd.get("mod") else m.start("mod"), m.end(), "DURATION", _dur_value(unit, None), mod=mod, confidence=0.7)
    if gd.get("num"):
        n = _num(gd["num"], lex)
        if n is None:  # منذ عدة أشهر
            return _cand(m, "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", mod=mod, anchor="dct", confidence=0.7)
        if count == "2":
            return None
    elif count == "N":
        return _cand(m, "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", mod=mod, anchor="dct", confidence=0.7)
    else:
        n = 2.0 if count == "2" else 1.0
    if nxt == "من" or (nxt == "علي" and direction > 0) or unit in ("DE", "CE", "H", "MIN"):
        # "بعد عام من الاتفاق" is counted from an event, not from the publication date
        start = m.start("unit") if not gd.get("num") else m.start("num")
        if gd.get("mod"):
            start = m.start("mod")
        return Cand(start, m.end(), "DURATION", _dur_value(unit, n), mod=mod, confidence=0.8)
    if not float(n).is_integer():
        return None
    k = int(n) * direction
    d = ctx.dct
    value: str | None = None
    if unit == "Y" and d.year:
        value = f"{d.year + k:04d}"
    elif unit == "M" and d.year and d.month:
        t = d.year * 12 + d.month - 1 + k
        value = f"{t // 12:04d}-{t % 12 + 1:02d}"
    elif unit == "W" and d.date:
        value = _iso_week(d.date + dt.timedelta(days=7 * k))
    elif unit == "D" and d.date:
        value = (d.date + dt.timedelta(days=k)).isoformat()
    c = _cand(m, "DATE", value, mod=mod, anchor="dct", confidence=0.8 if value else 0.3)
    if direction > 0:
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
    if gd.get("num"):
        if count == "2":
            return None
        n = _num(gd["num"], lex)
        if n is None and not re.search(r"\D", gd["num"]):
            return None
    elif count == "2":
        n = 2
    elif count == "1" and (gd.get("pre") or mod or gd.get("after")):
        n = 1
    else:
        return None
    start, end = _span(m)
    after = key(gd.get("after") or "")
    if after and _num(after, lex) != 1:
        end = m.end("unit1")  # "عاما إضافيا": the adjective is not part of the expression
    if gd.get("pre") and not gd.get("num") and any(ctx.before(m.end("pre")).endswith(b) for b in lex.cue_blockers):
        return None
    if unit in ("H", "MIN") and n is None:
        return None
    return Cand(start, end, "DURATION", _dur_value(unit, n), mod=mod, confidence=0.85)


def _h_set(m: re.Match[str], ctx: Ctx) -> Cand | None:
    lex = ctx.lex
    gd = m.groupdict()
    if gd.get("setw"):
        return _cand(m, "SET", lex.sets.get(key(gd["setw"])), confidence=0.9)
    unit, count = lex.units.get(key(gd.get("unit") or ""), ("", ""))
    if not unit:
        return None
    if gd.get("wd0"):
        w = key(gd["wd0"])
        want = lex.weekdays.get(w) or lex.weekdays.get("ال" + w)
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
    v = ctx.lex.vague.get(key(m.group("vague")))
    return _cand(m, "DATE", v, anchor="dct", confidence=0.8) if v else None


def _hour_24(h: int, pod: str | None, ampm: str | None) -> int | None:
    if not 0 <= h <= 24:
        return None
    if ampm == "am":
        return 0 if h == 12 else h
    if ampm == "pm":
        return h if h == 12 else h + 12 if h < 12 else h
    if pod in ("AF", "EV") and h < 12:
        return h + 12
    if pod == "NI" and 6 <= h < 12:
        return h + 12
    if pod == "MI" and h < 5:
        return h + 12
    return h % 24


def _h_clock(m: re.Match[str], ctx: Ctx) -> Cand | None:
    lex = ctx.lex
    h, mi = int(m.group("hh")), int(m.group("mm"))
    if mi > 59:
        return None
    ampm = lex.clock_suffixes.get(key(m.group("ampm") or ""))
    pod = _pod(m.group("poda"), lex)
    h24 = _hour_24(h, pod, ampm)
    if h24 is None or h24 > 23:
        return None
    return _cand(m, "TIME", f"XXXX-XX-XXT{h24:02d}:{mi:02d}", mod=_mod(m.group("mod"), lex), confidence=0.8)


def _h_hour(m: re.Match[str], ctx: Ctx) -> Cand | None:
    lex = ctx.lex
    h = lex.ordinals.get(key(m.group("hord") or "")) if m.group("hord") else int(m.group("hnum"))
    if h is None or not 1 <= h <= 24:
        return None
    mi = 0
    frac = key(m.group("frac") or "")
    if frac:
        if "النصف" in frac:
            mi = 30
        elif frac.startswith("الا"):
            mi, h = 45, h - 1
        else:
            mi = 15
    pod = _pod(m.group("poda"), lex)
    h24 = _hour_24(h, pod, None)
    if h24 is None or h24 > 23:
        return None
    return _cand(m, "TIME", f"XXXX-XX-XXT{h24:02d}:{mi:02d}", mod=_mod(m.group("mod"), lex), confidence=0.8)


def _h_hijri(m: re.Match[str], ctx: Ctx) -> Cand | None:
    lex = ctx.lex
    gd = m.groupdict()
    month = _first("HMONTH", gd.get("hm"), lex.hijri_months)
    if month is None:
        return None
    day = _day_of(m, lex)
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
            if (first.year, first.month) == (last.year, last.month):
                value = f"{first.year:04d}-{first.month:02d}"
            elif first.year == last.year:
                value = f"{first.year:04d}"
    return _cand(m, "DATE", value, calendar="hijri", original=original, confidence=0.9 if value else 0.5)


def _h_hijri_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    yr = int(m.group("yr"))
    if not 1 <= yr <= 1600:
        return None
    first = _hijri_to_greg(yr, 1, 1)
    last = _hijri_to_greg(yr, 12, 1)
    value = f"{first.year:04d}" if first and last and first.year == last.year else None
    return _cand(m, "DATE", value, calendar="hijri", original=f"{yr:04d}", confidence=0.6)


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
        if not key(gd["season"]).startswith("ال"):
            return None
        return _cand(m, "DATE", f"XXXX-{code}", mod=mod, anchor="dct", confidence=0.5)
    if ctx.dct.year is None:
        return _cand(m, "DATE", f"XXXX-{code}", mod=mod, anchor="dct", confidence=0.3)
    return _cand(m, "DATE", f"{ctx.dct.year + direction:04d}-{code}", mod=mod, anchor="dct", confidence=0.75)


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
    c = _century_of(gd, ctx) if (gd.get("cord") or gd.get("crel")) else 19
    if c is None:
        return None
    return _cand(m, "DATE", f"{c:02d}{dec}", mod=_mod(gd.get("mod"), ctx.lex), confidence=0.8)


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
    if not code or not n or n > (4 if code == "Q" else 2):
        return None
    if gd.get("yr"):
        y: str = f"{int(gd['yr']):04d}"
    elif gd.get("yrel") or gd.get("ythis"):
        d = _yrel(gd.get("yrel"), lex) if gd.get("yrel") else 0
        y = f"{ctx.dct.year + (d or 0):04d}" if ctx.dct.year else "XXXX"
    else:
        y = "XXXX"
    return _cand(m, "DATE", f"{y}-{code}{n}", mod=_mod(gd.get("mod"), lex), confidence=0.8)


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
}


# --------------------------------------------------------------------------- passes


_CL1 = frozenset("وفبلك")
_CL2 = frozenset("بلك")


def _starts(text: str, rx: Regexes) -> list[tuple[int, frozenset[int]]]:
    """Word starts where some family (or a not-time phrase) can begin.

    Only the distinct words of the text are looked up (with their proclitic-stripped
    forms) and only the hits are located with ``str.find``: no regex and no Python loop
    runs over the bulk of the text, which is what keeps the tagger fast.
    """
    trig = rx.triggers
    empty: frozenset[int] = frozenset()
    hits: dict[str, frozenset[int]] = {}
    for w in set(_LETTERS.findall(text)):
        fams = trig.get(w, empty)
        if len(w) > 2 and w[0] in _CL1:
            fams = fams | trig.get(w[1:], empty)
            if len(w) > 3 and w[0] in "وف" and w[1] in _CL2:
                fams = fams | trig.get(w[2:], empty)
        if fams:
            hits[w] = fams
    out: list[tuple[int, frozenset[int]]] = []
    n = len(text)
    seconds = rx.seconds
    for w, fams in hits.items():
        k = len(w)
        core = w if w in trig else w[1:] if w[1:] in trig else w[2:]
        nexts = seconds.get(core)
        i = text.find(w)
        while i >= 0:
            if (i == 0 or not _is_letter(text[i - 1])) and (i + k == n or not _is_letter(text[i + k])):
                if nexts is None:
                    out.append((i, fams))
                else:  # "في", "ما", "على" start only phrases: look at the next word first
                    m = _NEXT.match(text, i + k)
                    if m and m.group(1) in nexts:
                        out.append((i, fams))
            i = text.find(w, i + 1)
    if rx.digit_families:
        out.extend((m.start(), rx.digit_families) for m in _DIGITS.finditer(text))
    out.sort(key=lambda x: x[0])
    return out


_LETTERS = re.compile(r"[^\W\d_]+")
_NEXT = re.compile(r"\s+([^\W\d_]+)")
_LETTER = re.compile(r"[^\W\d_]")
_DIGITS = re.compile(r"(?<!\d)(?<![^\W\d_])(?:[وف]?[بلك]?|ال)\d")  # "ب48 ساعة", "الـ12 من"


def _is_letter(c: str) -> bool:
    return _LETTER.match(c) is not None


def _candidates(ctx: Ctx) -> list[Cand]:
    rx = _regexes()
    text = ctx.text
    starts = _starts(text, rx)
    blocked = Covered([(b.start(), b.end()) for pos, fams in starts if NOT_TIME in fams and (b := rx.not_time.match(text, pos))])
    out: list[Cand] = []
    for pos, fams in starts:
        for i in sorted(fams):
            if i == NOT_TIME:
                continue
            name, pat = rx.families[i]
            m = pat.match(text, pos)
            if m is None:
                continue
            c = _handle(name, m, ctx)
            if c is None or c.end <= c.start or c.start in blocked:
                continue
            c.family = c.family or name
            out.append(c)
    return out


def _handle(name: str, m: re.Match[str], ctx: Ctx) -> Cand | None:
    """The family's handler; date arithmetic that leaves the calendar (``غدا`` on
    9999-12-31, ``أمس`` on 0001-01-01) gives the candidate as if the DCT were unknown."""
    try:
        return HANDLERS[name](m, ctx)
    except (OverflowError, ValueError):
        try:
            return HANDLERS[name](m, replace(ctx, dct=DCT()))
        except (OverflowError, ValueError):
            return None


def _select(cands: list[Cand]) -> list[Cand]:
    """Longest first, then leftmost: a non-overlapping set."""
    return select(cands, lambda c: (c.start, c.end), lambda c: (-(c.end - c.start), c.start, -c.confidence, c.family))


_RANGE_FROM = re.compile(r"(?:^|\s)(?:[وف]?(?:من|بين))\s*$")
_RANGE_MID = re.compile(r"^\s*(?:-|–|و|الي|حتي|لغايه|ولغايه|وحتي)\s*$")
_TIME_JOIN = re.compile(r"^\s*(?:,|من|يوم|في)?\s*(?:يوم\s+)?$")


def _merge(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """Join neighbours: ranges (من … حتى …, بين … و…) and a clock time with its day."""
    out: list[Cand] = []
    i = 0
    text = ctx.text
    while i < len(cands):
        c = cands[i]
        if i + 1 < len(cands):
            n = cands[i + 1]
            gap = text[c.end : n.start]
            # clock time + day ("الساعة الثالثة من فجر الجمعة") or day + clock time
            t, d = (c, n) if c.type == "TIME" and not c.has_date else (n, c)
            if (
                t.type == "TIME"
                and not t.has_date
                and d.type in ("DATE", "TIME")
                and _TIME_JOIN.match(gap)
                and (d.value is None or re.fullmatch(r"\d{4}-\d\d-\d\d(?:T\w+)?", d.value))
            ):
                clock = (t.value or "").split("T", 1)[-1]
                day, _, pod = (d.value or "").partition("T")
                hm = re.fullmatch(r"(\d\d):(\d\d)", clock)
                if hm and pod in ("AF", "EV", "NI", "MI"):
                    # "الساعة السابعة من مساء غد" is 19:00
                    h24 = _hour_24(int(hm.group(1)), pod, None)
                    clock = f"{h24:02d}:{hm.group(2)}" if h24 is not None and h24 < 24 else clock
                value = f"{day}T{clock}" if d.value else t.value
                out.append(
                    replace(c, end=n.end, type="TIME", value=value, confidence=min(c.confidence, n.confidence), has_date=True, anchor=d.anchor)
                )
                i += 2
                continue
            if (
                c.type == n.type
                and c.type in ("DATE", "TIME")
                and c.range_end is None
                and _RANGE_MID.match(gap)
                and (gap.strip() not in ("و",) or re.search(r"بين\s*$", text[max(0, c.start - 8) : c.start]))
                and _RANGE_FROM.search(text[max(0, c.start - 8) : c.start])
            ):
                v1 = c.value
                if (
                    v1 and n.value and c.anchor == "dct" and c.family in ("month", "date")
                    and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", v1) and re.match(r"\d{4}-\d\d", n.value)
                    and v1[5:] <= n.value[5:]
                ):
                    # "من يونيو حتى سبتمبر 2024", "من 1 أكتوبر حتى 15 أكتوبر 2024": the end's year
                    v1 = n.value[:4] + v1[4:]
                out.append(replace(c, end=n.end, value=v1, range_end=n.value, confidence=min(c.confidence, n.confidence)))
                i += 2
                continue
        out.append(_day_range(c, ctx))
        i += 1
    return _reanchor(out, ctx)


_DAY_RANGE = re.compile(r"(?:(?<!\w)[وف]?(?:من|بين|يومي)\s+)(?P<d>\d{1,2})\s*(?:-|–|الي|حتي|و)\s*$")


def _day_range(c: Cand, ctx: Ctx) -> Cand:
    """"من 20 إلى 25 جويلية": the first day borrows the month of the second."""
    if c.type != "DATE" or c.family != "date" or not c.value or not re.fullmatch(r"\d{4}-\d\d-\d\d", c.value):
        return c
    m = _DAY_RANGE.search(ctx.before(c.start, 20))
    if not m:
        return c
    d0 = int(m.group("d"))
    if not 1 <= d0 < int(c.value[8:]):
        return c
    start = c.start - (20 if c.start >= 20 else c.start) + m.start("d")
    return replace(c, start=start, value=f"{c.value[:8]}{d0:02d}", range_end=c.value)


@cache
def _sequence_re() -> re.Pattern[str]:
    words = [fold(w) for w in load_lines("time/sequence_words.txt")]
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in sorted(words, key=len, reverse=True))})(?!\w)")


def _sequence(c: Cand, p: Cand, ctx: Ctx) -> Cand:
    """"بحلول سبتمبر 2025 … بحلول نهاية العام التالي": التالي counts from the time just named.

    Applies when ``c`` was anchored on the publication date, carries a sequence word
    (``resources/time/sequence_words.txt``) and an absolute time precedes it in the
    same sentence: the year (or month) after that time, anchor ``previous``.
    """
    if c.type != "DATE" or c.anchor != "dct" or not c.value or p.type != "DATE" or not p.value:
        return c
    if not _sequence_re().search(ctx.text[c.start : c.end]):
        return c
    if not re.match(r"\d{4}", p.value) or re.search(r"[.!?\n]", ctx.text[p.end : c.start]):
        return c
    if re.fullmatch(r"\d{4}", c.value):
        return replace(c, value=f"{int(p.value[:4]) + 1:04d}", anchor="previous", confidence=0.7)
    if re.fullmatch(r"\d{4}-\d\d", c.value) and re.match(r"\d{4}-\d\d", p.value):
        t = int(p.value[:4]) * 12 + int(p.value[5:7])  # month index of the next month
        return replace(c, value=f"{t // 12:04d}-{t % 12 + 1:02d}", anchor="previous", confidence=0.7)
    return c


def _reanchor(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """"اعتقل في 14 تموز وأحيل بعد يومين": بعد counts from the day just named in the sentence."""
    out = []
    for i, c in enumerate(cands):
        if i > 0:
            c = _sequence(c, cands[i - 1], ctx)
        if c.shift and i > 0:
            p = cands[i - 1]
            same_sentence = not re.search(r"[.!?\n]", ctx.text[p.end : c.start])
            if same_sentence and p.type == "DATE" and p.value and re.fullmatch(r"\d{4}-\d\d-\d\d", p.value):
                value = shifted(dt.date.fromisoformat(p.value), *c.shift)
                if value is not None:  # "": the shifted day is off the calendar
                    c = replace(c, value=value or None, anchor="previous", confidence=0.6)
        out.append(c)
    return out


@cache
def _deadline_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)[وف]?{alt(lexicon().deadline_cues)}\s*$")


def _deadline(c: Cand, ctx: Ctx) -> bool:
    if c.type != "DATE" or c.value in (None, "PAST_REF", "PRESENT_REF") or c.range_end:
        return False
    return bool(_deadline_re().search(ctx.before(c.start, 30)))


@dataclass(frozen=True)
class Found:
    """One tagged expression in original offsets (before it becomes a ``Timex``)."""

    start: int
    end: int
    type: str
    value: str | None
    mod: str | None
    anchor: str
    confidence: float
    deadline: bool
    calendar: str | None
    original: str | None
    range_end: str | None


@cache
def _fold_tables() -> tuple[dict[int, str], re.Pattern[str], re.Pattern[str]] | None:
    """The text layer's folding table split into one-to-one, deleted and expanding
    characters, for the fast path of ``_Folded``; None if the layer hides it."""
    try:
        from rasd.text.normalize import _table
    except ImportError:  # pragma: no cover - the text layer changed shape
        return None
    table = _table()
    deleted = [chr(c) for c, v in table.items() if v == ""]
    expanding = [chr(c) for c, v in table.items() if len(v) > 1]
    dele = re.compile("[" + re.escape("".join(deleted)) + "]") if deleted else re.compile(r"(?!)")
    expa = re.compile("[" + re.escape("".join(expanding)) + "]") if expanding else re.compile(r"(?!)")
    return table, dele, expa


class _Folded:
    """Folded text and a map back to the original, computed only where a match lands.

    Folding with ``str.translate`` runs in C; when the text only loses characters
    (diacritics, tatweel) a folded index is mapped back with a bisection over the deleted
    positions instead of a per-character table. Texts with expanding characters (ligatures)
    use ``rasd.text.normalize``. Either way ``span`` means exactly ``NormText.span``.
    """

    def __init__(self, text: str) -> None:
        self.original = text
        self._nt: NormText | None = None
        self._deleted: list[int] = []
        tables = _fold_tables()
        if tables is None or tables[2].search(text):
            self._nt = normalize(text)
            self.text = self._nt.text
            return
        table, dele, _ = tables
        self.text = text.translate(table)
        if len(self.text) != len(text):
            self._deleted = [m.start() for m in dele.finditer(text)]

    def _orig(self, i: int) -> int:
        return original_index(self._deleted, i) if self._deleted else i

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self._nt is not None:
            return self._nt.span(start, end)
        s = self._orig(start)
        e = self._orig(end - 1) + 1
        n = len(self.original)
        dset = self._deleted
        if dset:
            from bisect import bisect_left

            k = bisect_left(dset, e)
            while k < len(dset) and dset[k] == e and e < n and not self.original[e].isspace():
                e += 1
                k += 1
        return s, e


def find(text: str, dct: str | None) -> list[Found]:
    """All temporal expressions of ``text`` with values against ``dct``."""
    if not text:
        return []
    nt = _Folded(text)
    ctx = Ctx(nt.text, DCT.parse(dct), lexicon())
    cands = refine(_merge(_select(_candidates(ctx)), ctx), ctx)  # passes.py: context rules
    out: list[Found] = []
    for c in cands:
        s, e = nt.span(c.start, c.end)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        out.append(
            Found(
                s, e, c.type, in_calendar(c.value), c.mod, c.anchor, round(c.confidence, 2), _deadline(c, ctx),
                c.calendar, c.original, in_calendar(c.range_end),
            )
        )
    return out
