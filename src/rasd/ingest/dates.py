"""Publication dates: date lines on the page, and estimates from the article's content.

A small parser of its own (the full temporal tagger lives in ``annotators/time`` and runs
after ingest, which needs a document date first). Month names of the three Arabic systems
(plus English), Hijri months and weekdays are the ones the time annotator reads
(``resources/ar/calendar/``, through ``rasd.resources.arabic``); the relative words come
from ``resources/ingest/date_words.tsv``.

Content estimation (used when no date is printed, or when the printed one is contradicted):
1. collect explicit dates in the body (day-month-year, month-year, year), marking those in a
   plan/deadline context (``بحلول``, ``حتى``, ``المقبل``…) as future;
2. the latest explicit *past* date ``L`` is a lower bound of the publication date;
3. ``<month> الجاري/الحالي`` names the reference month; ``<month> الماضي`` lies before it;
4. with neither, the earliest future deadline minus one year is a weak prior (plans
   announced in the news usually run about a year ahead);
5. a bare weekday in the lead ("أعلنت … الجمعة") picks the day inside the estimated month;
   "في وقت سابق من الشهر الجاري" says we are late in that month.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from rasd.models import Published
from rasd.resources import arabic, load_table
from rasd.temporal import TimeValue, day_value
from rasd.temporal.hijri import to_gregorian
from rasd.text import fold
from rasd.text.clitics import conjunctions, particle, proclitic


def _f(s: str) -> str:
    return fold(s).lower()


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    words: dict[str, tuple[str, ...]]
    year_rel: dict[str, int]
    date_re: re.Pattern[str]
    numeric_re: re.Pattern[str]
    year_re: re.Pattern[str]
    weekday_re: re.Pattern[str]
    prefix_re: re.Pattern[str]
    token_re: re.Pattern[str]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def lexicon() -> _Lexicon:
    """Compiled patterns built from the resource files (once per process)."""
    months = {_f(form): n for form, n in arabic.months(english=True)}
    weekdays = {_f(form): n for form, n in arabic.weekdays(english=True)}
    words: dict[str, list[str]] = {}
    year_rel: dict[str, int] = {}
    for r in load_table("ingest/date_words.tsv"):
        if len(r) < 2:
            continue
        if r[0] == "year_rel" and len(r) >= 3:
            year_rel[_f(r[1])] = int(r[2])
        words.setdefault(r[0], []).append(_f(r[1]))
    b, e = r"(?<![\w])", r"(?![\w])"
    month = _alt(list(months))
    rel = _alt(words.get("past_rel", []) + words.get("current_rel", []) + words.get("future_rel", []))
    yw = _alt(words.get("year_word", []))
    yrel = _alt(list(year_rel))
    wd = _alt(list(weekdays))
    link, mword = _alt(words.get("day_link", [])), _alt(words.get("month_word", []))
    date_re = re.compile(
        rf"{b}(?:(?P<wd>{wd})\s*,?\s*)?"
        rf"(?:(?P<day>\d{{1,2}})\s+(?:(?:{link})\s+)?(?:(?:{mword})\s+)?)?"
        rf"(?P<m1>{month}){e}(?:\s*[/\-(]\s*(?P<m2>{month}){e}(?:\s*\))?)?"
        rf"(?:\s+(?P<rel>{rel}){e})?"
        rf"(?:\s*,?\s*(?:(?:{yw})\s+){{0,2}}(?P<year>(?:19|20)\d\d){e}"
        rf"|\s+(?:{particle('from')}\s+)?(?P<yrel>{yrel}){e})?"
    )
    numeric_re = re.compile(
        r"(?<![\d/.\-])(?:(?P<y1>(?:19|20)\d\d)[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"
        r"|(?P<d2>\d{1,2})[-/.](?P<m2>\d{1,2})[-/.](?P<y2>(?:19|20)\d\d))(?![\d/.\-])"
    )
    year_re = re.compile(rf"{b}(?:{yw})\s+(?P<year>(?:19|20)\d\d){e}")
    weekday_re = re.compile(rf"{b}(?P<wd>{wd}){e}")
    prefix_re = re.compile(rf"^\s*(?:{_alt(words.get('published_prefix', []))})\s*[:：]?\s*")
    return _Lexicon(
        months,
        weekdays,
        {k: tuple(v) for k, v in words.items()},
        year_rel,
        date_re,
        numeric_re,
        year_re,
        weekday_re,
        prefix_re,
        re.compile(r"\w+"),
    )


def _valid(y: int, m: int, d: int | None) -> bool:
    if not 1 <= m <= 12:
        return False
    return d is None or 1 <= d <= calendar.monthrange(y, m)[1]


_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?")
_PLACE = re.compile(r"^\s*([^\d\-:|,]{1,30}?)\s*[-:|,]\s*(?=\D{0,30}\d)")
_DIGIT = re.compile(r"\d")


@cache
def _hijri_re() -> tuple[re.Pattern[str], dict[str, int]]:
    names = {_f(form): n for form, n in arabic.hijri_months()}
    rx = re.compile(rf"(?<!\w)(?P<day>\d{{1,2}})\s+(?P<m>{_alt(list(names))})\s+(?P<year>1[34]\d\d)(?!\w)")
    return rx, names


@cache
def _en_re() -> re.Pattern[str]:
    month = _alt(list(lexicon().months))
    return re.compile(rf"(?<!\w)(?P<m>{month})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<year>(?:19|20)\d\d)(?!\w)")


def parse_dateline(line: str) -> str | None:
    """TimeML value of a line that is only a date ("السبت 5 يونيو 2021", "نشرت في … 12:00 ص").

    Beside the date the line may hold a published-on prefix, a weekday, a time, a place
    before a dash ("بغداد - 12 آذار 2024") and the Hijri date; anything more and it is a
    sentence that merely mentions a date, and ``None`` is returned.
    """
    if len(line) > 160:
        return None
    return parse_folded_dateline(_f(line).strip())


def parse_folded_dateline(s: str) -> str | None:
    """``parse_dateline`` on an already folded, lower-cased line (saves folding twice)."""
    if not s or len(s) > 110 or not _DIGIT.search(s):
        return None
    lx = lexicon()
    s = lx.prefix_re.sub("", s, count=1)
    place = _PLACE.match(s)
    if place and len(place.group(1).split()) <= 3 and not lx.weekday_re.search(place.group(1)):
        s = s[place.end() :]
        s = lx.prefix_re.sub("", s, count=1)
    found: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in lx.date_re.finditer(s):
        if m.group("day") and m.group("year"):
            y, mo, d = int(m.group("year")), lx.months[m.group("m1")], int(m.group("day"))
            if _valid(y, mo, d):
                found.append(day_value(y, mo, d))
                spans.append((m.start("day"), m.end("year")))
    for m in _en_re().finditer(s):
        y, mo, d = int(m.group("year")), lx.months[m.group("m")], int(m.group("day"))
        if _valid(y, mo, d):
            found.append(day_value(y, mo, d))
            spans.append(m.span())
    for m in lx.numeric_re.finditer(s):
        if m.group("y1"):
            y, mo, d = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
        else:
            y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        if _valid(y, mo, d):
            found.append(day_value(y, mo, d))
            spans.append(m.span())
    hrx, hnames = _hijri_re()
    hijri = list(hrx.finditer(s))
    spans += [m.span() for m in hijri]
    if not found and hijri:
        h = hijri[0]
        g = to_gregorian(int(h.group("year")), hnames[h.group("m")], int(h.group("day")))
        if g:  # None: out of the tables' range or an impossible day
            found.append(g.isoformat())
    if not found:
        return None
    rest = list(s)
    for a, b in spans:
        rest[a:b] = " " * (b - a)
    residue = _TIME.sub(" ", "".join(rest))
    extra = lx.words.get("dateline_extra", ())
    words = [w for w in lx.token_re.findall(residue) if w not in lx.weekdays and w not in extra]
    return found[0] if not words else None


# "2015-07-21 02:51:32", "2021-06-05T…", "2021/06", "2021": the numbers must not run on
# ("20240115" is not the year 2024, "2024-123" is nothing)
_GIVEN = re.compile(r"\s*((?:19|20)\d\d)(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?(?![\d\-/.])")
_COMPACT = re.compile(r"\s*((?:19|20)\d\d)(\d\d)(\d\d)(?![\d\-/.])")  # "20240115", "20240115T0930"


def parse_given(value: str | None) -> str | None:
    """TimeML value of a metadata/record/CLI date ("2015-07-21 02:51:32", "2021-06-05T…",
    "2021-06", compact "20210605"); ``None`` when it is not a real calendar date (the caller
    records a warning)."""
    if not value:
        return None
    m = _GIVEN.match(value) or _COMPACT.match(value)
    if not m:
        return parse_dateline(value)
    y = int(m.group(1))
    mo_s, d_s = (m.group(3), m.group(4)) if m.re is _GIVEN else (m.group(2), m.group(3))
    mo = int(mo_s) if mo_s else None
    d = int(d_s) if d_s else None
    if mo is not None and not _valid(y, mo, d):
        return None
    return day_value(y, mo, d)


# --------------------------------------------------------------------------- content


@dataclass(frozen=True)
class Mention:
    """One date-like expression found in a body (folded-text position)."""

    pos: int
    year: int | None
    month: int | None
    day: int | None
    rel: str | None  # past | current | future | None (for "<month> الماضي" …)
    future: bool  # in a plan/deadline context
    weekday: int | None = None
    deadline: bool = False  # a deadline word right before it ("بحلول", "لا يتجاوز")
    year_offset: int | None = None  # "<month> من العام المقبل" -> +1


def _rel_kind(word: str | None) -> str | None:
    if not word:
        return None
    w = lexicon().words
    for kind in ("past_rel", "current_rel", "future_rel"):
        if word in w.get(kind, ()):
            return kind.split("_")[0]
    return None


# a sentence end, or a comma before a "و"-joined clause, ends the context of a date
_CLAUSE = re.compile(rf"[.!?;؛]|,\s*(?={proclitic('and')}\w)")


def content_mentions(text: str) -> list[Mention]:
    """Explicit and month-relative date mentions of a body, in order."""
    lx = lexicon()
    s = _f(text)
    markers = lx.words.get("future_marker", ())
    future_words = {w for w in markers if " " not in w}
    not_verbs = set(lx.words.get("future_verb_not", ()))
    future_starts = frozenset(lx.words.get("future_verb_start", ()))

    def future_token(t: str) -> bool:
        if t[:1] in conjunctions() and len(t) > 4:
            t = t[1:]
        if t in future_words:
            return True
        # the future prefix + a person prefix: سيعقد، ستجري، سنواصل (not سيطرة، سنوات …)
        return len(t) >= 5 and t[:2] in future_starts and t not in not_verbs and t[:5] not in not_verbs

    future_phrases = tuple(w for w in markers if " " in w)
    out: list[Mention] = []
    deadline_words = set(lx.words.get("deadline_marker", ()))

    def is_deadline(pos: int) -> bool:
        return any(t in deadline_words for t in lx.token_re.findall(s[max(0, pos - 50) : pos])[-4:])

    def is_future(pos: int, rel: str | None) -> bool:
        if rel == "future":
            return True
        window = s[max(0, pos - 120) : pos]
        cut = [m.end() for m in _CLAUSE.finditer(window)]
        before = lx.token_re.findall(window[cut[-1] :] if cut else window)[-12:]
        if any(future_token(t) for t in before):
            return True
        window = " ".join(before)
        return any(p in window for p in future_phrases)

    taken: list[tuple[int, int]] = []
    for m in lx.date_re.finditer(s):
        mo = lx.months[m.group("m1")]
        day = int(m.group("day")) if m.group("day") else None
        year = int(m.group("year")) if m.group("year") else None
        rel = _rel_kind(m.group("rel"))
        yoff = lx.year_rel.get(m.group("yrel")) if m.group("yrel") else None
        if yoff is not None and yoff > 0:
            rel = "future"
        if year is None and rel is None and day is None:
            # a bare month name ("في يوليو") is too ambiguous ("ماي", "اب") to count
            continue
        if year is not None and not _valid(year, mo, day):
            continue
        wd = lx.weekdays.get(m.group("wd")) if m.group("wd") else None
        out.append(Mention(m.start(), year, mo, day, rel, is_future(m.start(), rel), wd, is_deadline(m.start()), yoff))
        taken.append((m.start(), m.end()))
    for m in lx.numeric_re.finditer(s):
        if m.group("y1"):
            y, mo, d = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
        else:
            y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        if _valid(y, mo, d):
            out.append(Mention(m.start(), y, mo, d, None, is_future(m.start(), None)))
            taken.append((m.start(), m.end()))
    for m in lx.year_re.finditer(s):
        if not any(a <= m.start("year") < b for a, b in taken):
            out.append(Mention(m.start(), int(m.group("year")), None, None, None, is_future(m.start(), None)))
    out.sort(key=lambda x: x.pos)
    return out


def bare_weekdays(text: str) -> list[int]:
    """ISO weekdays named on their own (not part of a full date), in order of appearance."""
    lx = lexicon()
    s = _f(text)
    spans = [(m.start(), m.end()) for m in lx.date_re.finditer(s) if m.group("wd")]
    out = []
    for m in lx.weekday_re.finditer(s):
        if any(a <= m.start() < b for a, b in spans):
            continue
        out.append(lx.weekdays[m.group("wd")])
    return out


def _ym(y: int, m: int) -> int:
    return y * 12 + (m - 1)


def _from_ym(k: int) -> tuple[int, int]:
    return k // 12, k % 12 + 1


def _key(m: Mention) -> tuple[int, int, int]:
    assert m.year is not None
    return (m.year, m.month or 0, m.day or 0)


def latest_past(mentions: list[Mention]) -> Mention | None:
    """The latest explicit (year-bearing) date not in a plan/deadline context."""
    past = [m for m in mentions if m.year is not None and not m.future]
    return max(past, key=_key, default=None)


def _deadline_prior(f: Mention, L: Mention | None, ms: list[Mention]) -> bool:
    """Whether "earliest deadline minus a year" may serve as the reference month.

    Only for a real deadline ("بحلول", "لا يتجاوز" right before it) whose year minus one is
    confirmed by the text: "<month> الماضي <that year>", or the deadline's month called
    "<month> من العام المقبل". It must not contradict the latest past date ``L``.
    """
    if not f.deadline or f.year is None:
        return False
    y = f.year - 1
    confirmed = any(m.rel == "past" and m.year == y for m in ms) or any(
        m.year_offset == 1 and m.month == f.month for m in ms
    )
    if not confirmed:
        return False
    k = _ym(y, f.month or 1)
    if L is None:
        return True
    if L.month is None:
        return k >= _ym(L.year or 0, 12) - 11
    lk = _ym(L.year or 0, L.month)
    return lk <= k <= lk + 24


def _current_month_ref(
    current: list[Mention], past_rel: list[Mention], ms: list[Mention], L: Mention, past_years: list[int]
) -> tuple[int, int | None] | None:
    """Reference month named by "<month> الجاري/الحالي", with its year fixed by the dated past.

    The year is that of an explicit past date in the same month, else the first such month
    after the latest past date, every past year mentioned and the "<month> الماضي" months.
    ``None`` when the dated past is too old (more than a year before) to fix the year.
    """
    mc = current[0].month or 1
    same = [m for m in ms if m.year is not None and m.month == mc and not m.future]
    best = max(same, key=_key, default=None)
    if best is not None and _key(best) >= _key(L):
        return _ym(best.year or 0, mc), best.day
    if L.month is None:
        return None
    base = lo = _ym(L.year or 0, L.month)
    for p in past_rel:
        # a month called "الماضي" is taken as later than the explicitly dated events
        k = base + 1
        while _from_ym(k)[1] != p.month:
            k += 1
        lo = max(lo, k)
    k = max(lo, _ym(max(past_years), 1)) if past_years else lo
    while _from_ym(k)[1] != mc:
        k += 1
    return (k, None) if k - lo <= 12 else None


def estimate(text: str) -> Published:
    """Estimate the publication date from the body alone (method ``content``)."""
    ms = content_mentions(text)
    s = _f(text)
    lw = lexicon().words
    late = any(h in s for h in lw.get("late_hint", ()))
    early = any(h in s for h in lw.get("early_hint", ()))
    L = latest_past(ms)
    current = [m for m in ms if m.rel == "current" and m.year is None and m.month]
    past_rel = [m for m in ms if m.rel == "past" and m.year is None and m.month]
    future = [m for m in ms if m.future and m.year is not None and m.month]
    deadlines = [m for m in future if m.deadline]
    past_years = [m.year for m in ms if m.year is not None and not m.future]
    ref: int | None = None  # year*12+month of the estimated reference month
    anchor = "latest"  # what fixed ref: current (a "<month> الجاري"), deadline, latest (L only)
    conf = 0.4
    floor_day: int | None = None
    cur = _current_month_ref(current, past_rel, ms, L, past_years) if current and L is not None else None
    if cur is not None:
        anchor = "current"
        ref, floor_day = cur
    elif deadlines and _deadline_prior(min(deadlines, key=_key), L, ms):
        anchor = "deadline"
        f = min(deadlines, key=_key)
        ref = _ym(f.year or 0, f.month or 1) - 12
        conf = 0.3
    elif L is not None and L.month is not None:
        # only a lower bound: the latest dated event; weekdays cannot be placed from it
        ref = _ym(L.year or 0, L.month)
        floor_day = L.day
        conf = 0.25
    if ref is None:
        return Published(None, None, "unknown", 0.0)
    y, mo = _from_ym(ref)
    if L is not None and L.month and _ym(L.year or 0, L.month) == ref and L.day:
        floor_day = max(floor_day or 0, L.day)
    wds = bare_weekdays(text) if anchor != "latest" else []
    if wds:
        days = [d for d in range(1, calendar.monthrange(y, mo)[1] + 1) if dt.date(y, mo, d).isoweekday() == wds[0]]
        days = [d for d in days if floor_day is None or d >= floor_day] or days
        pick = days[-1] if late and not early else days[0]
        return Published(day_value(y, mo, pick), "day", "content", conf + 0.05)
    if floor_day:
        return Published(day_value(y, mo, floor_day), "day", "content", conf)
    return Published(day_value(y, mo), "month", "content", conf)


def contradiction(printed: str, text: str) -> str | None:
    """The latest past content date when it proves ``printed`` wrong, else ``None``.

    Proof is a past-context day date more than a day after the print, or at least two
    month mentions after it: one plan misread as a past event must not overturn
    a printed date.
    """
    py, pm, pd = TimeValue.parse(printed).ymd
    if py is None:
        return None
    pm = pm or 1
    pdate = dt.date(py, pm, pd or 1)
    later: list[Mention] = []
    for m in content_mentions(text):
        if m.year is None or m.future:
            continue
        if m.day is not None and m.month is not None:
            if dt.date(m.year, m.month, m.day) > pdate + dt.timedelta(days=1):
                later.append(m)
        elif m.month is not None:
            if _ym(m.year, m.month) > _ym(py, pm):
                later.append(m)
    if not later:
        return None
    if not any(m.day is not None for m in later) and len(later) < 2:
        return None
    best = max(later, key=_key)
    return day_value(best.year or 0, best.month, best.day)
