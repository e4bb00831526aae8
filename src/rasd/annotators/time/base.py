"""The tagger's shared model: the DCT, candidates, context, compiled patterns, helpers.

Why a module of its own: the normalisers (``handlers.py``), the candidate passes
(``engine.py``) and the context rules (``passes.py``) all read these; keeping them here
lets each of those stay one concern and under the size limit.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from rasd.annotators.time.lexicon import (
    Lexicon,
    alt,
    clock_fractions,
    duration_fractions,
    hour_words,
    key,
    lexicon,
    literal_alt,
    range_words,
    word_set,
)
from rasd.annotators.time.scan import Sentences
from rasd.resources import arabic, load_lines, load_table
from rasd.temporal import TimeValue
from rasd.text.clitics import (
    affixes,
    article,
    conjunctions,
    particle,
    particle_pattern,
    prepositions,
    proclitic,
)

CLITIC = particle_pattern()
# a word's start, or a number of two digits or more written onto the word before it (مهلة60 يوما)
GLUED_START = r"(?:(?<!\w)|(?<=[^\W\d_]{3})(?=\d\d))"
# the proclitics the patterns in code name (``resources/ar/morphology/proclitics.tsv``)
CONJ = "".join(conjunctions())  # و ف: "[{CONJ}]?" is an optional conjunction
PREP = "".join(prepositions())  # ب ل ك
PREP_NO_KAF = "".join(prepositions(kaf=False))  # ب ل
ART = article()  # ال
NISBA = affixes("nisba", "base")  # ي: the ending of a relational adjective (الوطني، الشهري، يومي)
AND = proclitic("and")  # و, also joining number words and the ends of a range
IMPERFECT = "".join(affixes("imperfect", "he"))  # ي: the prefix of a third-person imperfect verb
# "من 20 إلى 25 جويلية", "من 23 وحتى 29 شوال": the bare first day of a range of days, right
# before the second (joined by any join or join_dates word: both ends are days here)
DAY_RANGE = re.compile(
    rf"(?:(?<!\w)[{CONJ}]?(?:{literal_alt(range_words('open_days'))})\s+)(?P<d>\d{{1,2}})\s*"
    rf"(?:-|–|{literal_alt(range_words('join') + range_words('join_dates'))})\s*$"
)
# "إلى 16 و17 سبتمبر": a bare day joined by و to a dated day is the first of a pair of days
DAY_PAIR = re.compile(rf"(?<![\w.,/])(?P<d>\d{{1,2}})\s+{AND}\s*$")
NEAR_MONTHS = 3  # a month named without year or tense cue is a coming one only this close


# --------------------------------------------------------------------------- DCT


@dataclass(frozen=True)
class DCT:
    """Document creation time at whatever precision is known."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> DCT:
        """The date as far as it is a real one (``2015-02-30`` → February 2015)."""
        return cls(*TimeValue.parse(value.strip() if value else None).ymd)

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
    range_at: tuple[int, int] | None = None  # a range's (end of its first date, start of its second)
    family: str = ""
    has_date: bool = False  # a TIME that carries its own day
    shift: tuple[int, str] | None = None  # "بعد N unit": may be re-anchored on an earlier date


@dataclass
class Ctx:
    text: str  # folded
    dct: DCT
    lex: Lexicon
    _sents: Sentences | None = None
    _opens: Sentences | None = None

    def future(self, pos: int) -> bool:
        """Does the sentence holding ``pos`` carry a future cue (سوف، من المقرر …)?"""
        if self._sents is None:
            self._sents = Sentences(self.text, _regexes().future)
        return self._sents.has_cue(pos)

    def coming(self, pos: int) -> bool:
        """Is the sentence holding ``pos`` opened by an imperfect verb (يتوج البطل الأربعاء)?
        Its bare weekday is the coming one; months and quarters are left to ``future``."""
        if self._opens is None:
            self._opens = Sentences(self.text, _opening())
        return self._opens.has_cue(pos)

    def before(self, pos: int, n: int = 40) -> str:
        return self.text[max(0, pos - n) : pos]

    def prev_word(self, pos: int) -> str:
        m = re.search(r"(\S+)\s*$", self.text[max(0, pos - 30) : pos])
        return m.group(1) if m else ""

    def counted_after(self, pos: int) -> bool:
        """A counted noun follows a number after نحو/أكثر من, so it is no year: "نحو 2000 مشارك",
        "نحو 2000 من المصلين" (a bare year keeps "في 2014 من المتوقع")."""
        nxt = self.next_word(pos)
        of = re.match(rf"\s*{particle('from')}\s+{ART}\w", self.text[pos : pos + 30])
        return nxt in self.lex.counted_nouns or of is not None

    def next_word(self, pos: int) -> str:
        """The next word without the punctuation after it ("اليوم الأول." reads الاول)."""
        m = re.match(r"\s*(\S+)", self.text[pos : pos + 30])
        return re.sub(r"\W+$", "", m.group(1)) if m else ""


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


@cache
def holidays() -> dict[str, tuple[tuple[int, int], ...]]:
    """Hijri holidays (``resources/time/holidays.tsv``): folded name -> its (month, first day)
    readings; a name with two rows (``العيد``: الفطر or الأضحى) is the nearer one."""
    out: dict[str, tuple[tuple[int, int], ...]] = {}
    for r in load_table("time/holidays.tsv"):
        out[key(r[0])] = (*out.get(key(r[0]), ()), (int(r[1]), int(r[2])))
    return out


@cache
def day_ordinals() -> dict[str, int]:
    """"أول/ثاني أيام العيد": construct ordinals before a holiday."""
    return {key(form): v for form, v, kind in arabic.ordinals() if kind == "construct"}


def _numw(lex: Lexicon) -> str:
    w = alt(lex.numbers)
    return rf"(?:{w}(?:\s+{AND}\s*{w}){{0,2}})"


@cache
def _opening() -> re.Pattern[str]:
    """An imperfect verb in يـ opening a sentence (not the nouns and asides listed)."""
    skip = alt(load_lines("time/not_opening_verbs.txt"))
    return re.compile(rf"(?:(?<=^)|(?<=[.!?\n]))\s*[{CONJ}]?(?!{skip}(?!\w)){IMPERFECT}\w{{3,}}")


@cache
def _regexes() -> Regexes:
    lex = lexicon()
    months = alt(lex.months)
    wd = alt(lex.weekdays)
    wd0 = alt({k[len(ART) :] for k in lex.weekdays if k.startswith(ART)} | set(lex.weekdays))
    numw = _numw(lex)
    # الثلاثة أشهر الماضية: a definite number word before its unit (from three up: الأحد is Sunday)
    numdef = [ART + w for w, v in lex.numbers.items() if v != "X" and float(v) >= 3 and not w.startswith(ART)]
    ydef = alt(k for k, v in lex.definite_units.items() if v == "Y")
    rel = alt(lex.relative_words)
    this = alt(lex.this_words)
    blocks_src = {
        "MONTH": months,
        "MONTHP": rf"{months}(?:(?:\s*[/(\-]\s*|\s+){months}(?:\s*\))?)?",
        "HMONTH": alt(lex.hijri_months),
        "HMARK": alt(lex.hijri_markers),
        "WEEKDAY": wd,
        "WEEKDAY0": wd0,
        "NUMW": numw,
        "NUMDEF": rf"(?:{alt(numdef)}(?:\s+{AND}\s*(?:{alt(numdef)}|{numw}))?)",  # الأربع والعشرين، الأربع وعشرين
        # a number word never runs into its unit; «400» مليون: a quoted number before its scale
        "NUM": rf'(?:\d+(?:[.,]\d+)?(?:"?\s+{alt(lex.scales)}(?=\s))?|{numw}(?=\s))',
        "SCALE": alt(lex.scales),
        "DURAFTER": alt(lex.duration_after),
        "UNIT": alt(lex.units),
        "UNITN": alt(k for k, v in lex.units.items() if v[1] == "N"),
        "DUNIT": alt(lex.definite_units),
        "RELDAY": alt(lex.relative_days),
        "REL": rel,
        "FIRSTW": alt(word_set("first_words.txt")),
        # "من" + a named period after "the first N units": a part of it (الأيام العشرة الأولى من الشهر)
        "PERIOD": rf"\s+{particle('from')}\s+(?:{this}\s+)?(?:{alt(lex.units)}\s+)?"
        rf"(?:(?:{alt(lex.definite_units)}|{months}|{alt(lex.hijri_months)}|{alt(lex.year_words)}|{alt(holidays())})(?!\w)|\d)",
        "THIS": this,
        "WHOLE": alt(word_set("whole_words.txt")),
        "SPLITY": alt(word_set("split_years.txt")),
        "LAST": alt(word_set("last_words.txt")),
        "YREL": rf"(?:{particle('from')}\s+)?(?:{ydef}\s+{rel}|{this}\s+{ydef})",
        "MOD": alt(lex.modifiers),
        "AGO": alt(lex.ago_words),
        "DURCUE": alt(lex.duration_cues),
        "PODADV": alt(k for k, v in lex.parts_of_day.items() if v[1] in ("adv", "both")),
        "PODHEAD": alt(k for k, v in lex.parts_of_day.items() if v[1] in ("head", "both")),
        "PODALONE": alt(k for k, v in lex.parts_of_day.items() if v[1] == "alone"),
        "CLOCKSUF": alt(lex.clock_suffixes),
        "VAGUE": alt(lex.vague),
        "SETW": alt(lex.sets),
        "EVERY": alt(lex.every_words),
        "SEASON": alt(lex.seasons),
        "YEARW": alt(lex.year_words),
        "YSUF": alt(lex.year_suffixes),
        "ORD": alt(lex.ordinals),
        "HOURW": alt(hour_words(lex.ordinals)),
        "DECADE": alt(lex.decades),
        "POY": alt(lex.parts_of_year),
        "HOLIDAY": alt(holidays()),
        "DAYORD": alt(day_ordinals()),
        "CLOCKFRAC": alt(clock_fractions()),
        "DURFRAC": alt(duration_fractions()),
    }
    block_words: dict[str, object] = {
        "MONTH": lex.months, "HMONTH": lex.hijri_months, "WEEKDAY": lex.weekdays, "NUMW": lex.numbers, "NUMDEF": numdef,
        "UNIT": lex.units, "UNITN": [k for k, v in lex.units.items() if v[1] == "N"], "DUNIT": lex.definite_units, "RELDAY": lex.relative_days, "THIS": lex.this_words,
        "MOD": lex.modifiers, "AGO": lex.ago_words, "DURCUE": lex.duration_cues,
        "PODHEAD": [k for k, v in lex.parts_of_day.items() if v[1] in ("head", "both")],
        "PODALONE": [k for k, v in lex.parts_of_day.items() if v[1] == "alone"],
        "VAGUE": lex.vague, "SETW": lex.sets, "EVERY": lex.every_words, "SEASON": lex.seasons,
        "YEARW": lex.year_words, "ORD": lex.ordinals, "HOURW": hour_words(lex.ordinals), "DECADE": lex.decades, "POY": lex.parts_of_year,
        "HOLIDAY": holidays(), "DAYORD": day_ordinals(), "DURFRAC": duration_fractions(),
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
        fams.append((name, re.compile(rf"{GLUED_START}{CLITIC}(?P<all>{body})(?!\w)")))
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
    # a comparison with a forecast is matched first (group ``no``) so that its cue inside is skipped
    future = re.compile(rf"(?<!\w)(?:(?P<no>{alt(lex.not_future)})|[{CONJ}]?{alt(lex.future_cues)})(?!\w)")
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
    if s.startswith(ART) and s[len(ART) :] and not s[0].isdigit():
        s = s[len(ART) :]
    s = s.replace('"', "")  # «400» مليون: quotation marks around the digits (folded to ")
    if re.fullmatch(r"\d+(?:[.,]\d+)?", s):
        return float(s.replace(",", "."))
    scaled = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s+(\S+)", s)
    if scaled and scaled.group(2) in lex.scales:  # "125 مليون"
        return float(scaled.group(1).replace(",", ".")) * float(lex.scales[scaled.group(2)])
    total = 0.0
    for part in re.split(rf"\s+{AND}\s*|\s+{AND}(?=\S)", s):
        part = part.strip()
        if not part:
            continue
        if part.startswith(AND) and part not in lex.numbers and part[len(AND) :] in lex.numbers:
            part = part[len(AND) :]
        if part.startswith(ART) and part not in lex.numbers and part[len(ART) :] in lex.numbers:
            part = part[len(ART) :]  # الأربع والعشرين: each part of a definite number has ال
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


def _rel(s: str | None, lex: Lexicon, *, far: bool = False) -> int | None:
    """Direction of a relative word; ``far`` keeps a step of two ("الأسبوع قبل الماضي"),
    which only the calendar-unit reader counts; the others read it as the last one."""
    v = lex.relative_words.get(key(s)) if s else None
    return v if v is None or far else max(-1, min(1, v))


def _yrel(s: str | None, lex: Lexicon) -> int | None:
    """Direction of "(من) العام الماضي" / "هذا العام": -1, 0, 1."""
    if not s:
        return None
    for w in reversed(key(s).split(" ")):
        if w in lex.relative_words:
            return lex.relative_words[w]
    return 0


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
    # no tense cue: news mostly reports what happened, so the latest past occurrence, unless
    # the month is only a few months ahead and nearer that way (أيلول in an August article)
    back, ahead = (m - month) % 12, (month - m) % 12
    if 0 < ahead < back and ahead <= NEAR_MONTHS:
        return (y if month >= m else y + 1), 0.6
    return (y if month <= m else y - 1), 0.6


def _mod(s: str | None, lex: Lexicon) -> str | None:
    return lex.modifiers.get(key(s)) if s else None


# --------------------------------------------------------------------------- shared by the normalisers


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


_UNIT_P = {"Y": "Y", "M": "M", "W": "W", "D": "D"}


_SMALLER = {"CE": ("Y", 100), "DE": ("Y", 10), "Y": ("M", 12), "D": ("H", 24), "H": ("MIN", 60)}


def _whole(unit: str, n: float) -> tuple[str, float]:
    """A fraction of a unit in the next smaller unit when it is whole there (نصف ساعة: 30 MIN)."""
    small = _SMALLER.get(unit)
    if small and not float(n).is_integer() and abs(n * small[1] - round(n * small[1])) < 1e-6:
        return small[0], float(round(n * small[1]))
    return unit, n


def _dur_value(unit: str, n: float | None) -> str:
    if n is None:
        q = "X"
    else:
        q = str(int(n)) if float(n).is_integer() else str(n)
    if unit == "DE":
        return f"P{int(n) * 10}Y" if n is not None and float(n).is_integer() else "PXDE"
    if unit == "CE":
        return f"P{int(n) * 100}Y" if n is not None and float(n).is_integer() else "PXCE"
    if unit in ("H", "MIN", "S"):
        return f"PT{q}{'M' if unit == 'MIN' else unit}"
    return f"P{q}{unit}"


def _pod(s: str | None, lex: Lexicon) -> str | None:
    return lex.parts_of_day[key(s)][0] if s and key(s) in lex.parts_of_day else None


def _hour_24(h: int, pod: str | None, ampm: str | None) -> int | None:
    if not 0 <= h <= 24:
        return None
    if ampm == "am":
        return 0 if h == 12 else h
    if ampm == "pm":
        return h if h == 12 else h + 12 if h < 12 else h
    if pod in ("AF", "EV") and h < 12:
        return h + 12
    if pod == "MO" and h == 12:
        return 0  # الساعة 12:30 من صباح أمس: half past midnight, as 12 am
    if pod == "NI" and h == 12:
        return 24  # الساعة 12 ليلا: midnight, the end of that day (as منتصف ليل, parts_of_day.tsv)
    if pod == "NI" and 6 <= h < 12:
        return h + 12
    if pod == "MI" and h < 5:
        return h + 12
    return h % 24


def day_value_of(value: str | None) -> TimeValue | None:
    """``value`` read by the temporal core when it names one day, alone or with a part of day
    or an hour (``2024-05-03``, ``2024-05-03TEV``), not a clock time (``…T19:00``): the values
    a clock time or a day shift may join; None otherwise (the calendar is not checked)."""
    tv = TimeValue.parse(value)
    return tv if tv.exact and tv.year is not None and tv.day is not None and tv.minute is None else None


def clock_value_of(value: str | None) -> TimeValue | None:
    """``value`` when it is a day with a clock time to the minute (``2024-05-03T19:06``)."""
    tv = TimeValue.parse(value)
    ok = tv.exact and tv.year is not None and tv.day is not None and tv.minute is not None and tv.second is None
    return tv if ok else None


HIJRI_YEARS = range(1300, 1500)  # 1882–2077: in this press a year written 13xx/14xx is Hijri
_DASHES = "-–/"  # 2012-2013, 2015/2016


def year_season(m: re.Match[str], ctx: Ctx) -> bool:
    """Two consecutive years joined by a dash name one season or school year (``موسم 2012-2013``,
    ``العام الجامعي 1436-1437``), whose value spans two years: null (decision 10, K3)."""
    between = ctx.text[m.end("yr") : m.start("yr2")]
    # folding drops the tatweel: "2002 ـ 2003" reads "2002  2003"
    dash = between.strip() in tuple(_DASHES) or (between.isspace() and len(between) >= 2)
    # "موسم 2012 و2013": joined by و right after a season's head (year_heads.txt, flagged season)
    dash = dash or (between.strip() == AND and _season_head(ctx.prev_word(m.start("yr")), ctx))
    return dash and int(m.group("yr2")) == int(m.group("yr")) + 1


def _season_head(word: str, ctx: Ctx) -> bool:
    core = re.sub(rf"^[{CONJ}]", "", word)
    return core in ctx.lex.season_heads or re.sub(rf"^{ART}", "", core) in ctx.lex.season_heads
