"""The temporal tagging engine: pattern families over folded text, then normalisation.

Why this shape: the words live in ``resources/time/`` and the pattern templates in
``resources/time/patterns.tsv``; the families are compiled in ``base.py`` and each has a
normaliser in ``handlers.py``. Here we find where families can start, pick the longest
non-overlapping candidates, join neighbours (ranges, a clock time and its day) and hand
the list to the context rules (``passes.py``). When the text does not fix a value we
return an underspecified one or ``None``: a wrong date is worse than a missing one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache

from rasd.annotators.time.base import (
    AND,
    ART,
    CONJ,
    DAY_PAIR,
    DAY_RANGE,
    DCT,
    NOT_TIME,
    PREP,
    Cand,
    Ctx,
    Regexes,
    _hour_24,
    _regexes,
    day_value_of,
)
from rasd.annotators.time.handlers import HANDLERS
from rasd.annotators.time.lexicon import alt, day_nouns, lexicon, literal_alt, range_words
from rasd.annotators.time.passes import refine
from rasd.annotators.time.scan import Covered, in_calendar, original_index, select, shifted
from rasd.resources import load_lines
from rasd.temporal import TimeValue, day_value, month_value
from rasd.text import NormText, fold, normalize
from rasd.text.clitics import chain, particle, particle_pattern
from rasd.text.normalize import _table as _fold_table

__all__ = ["DCT", "HANDLERS", "Cand", "Ctx", "Found", "find"]


# --------------------------------------------------------------------------- passes


_CL1 = frozenset(CONJ + PREP)
_CL2 = frozenset(PREP)


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
            if len(w) > 3 and w[0] in CONJ and w[1] in _CL2:
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
# "ب48 ساعة", "الـ12 من", and "مهلة60 يوما": two digits or more written onto a word of three letters
_DIGITS = re.compile(rf"(?<!\d)(?:(?<![^\W\d_])(?:{particle_pattern()}|{ART})\d|(?<=[^\W\d_]{{3}})\d(?=\d))")


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
            if c is None or c.end <= c.start or c.start in blocked or _camp_name(c, ctx):
                continue
            c.family = c.family or name
            out.append(c)
    return out


@cache
def _camp_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)[{CONJ}]?{alt(load_lines('time/names_before_dates.txt'))}\s*\(?\s*(?:\d{{1,2}}\s*)?$")


def _camp_name(c: Cand, ctx: Ctx) -> bool:
    """``فريق 8 آذار``: a day and month in digits after a camp's head word (names_before_dates.txt)
    name a political camp (the month alone after the digits too); with a year written (``8 آذار 2005``) they stay the date."""
    span = ctx.text[c.start : c.end]
    return not re.search(r"\d{4}", span) and bool(_camp_re().search(ctx.before(c.start, 24)))


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


_RANGE_FROM = re.compile(rf"(?:^|\s)(?:[{CONJ}]?(?:{literal_alt(range_words('open_dates'))}))\s*$")
_RANGE_MID = re.compile(rf"^\s*(?:-|–|{literal_alt(range_words('join') + range_words('join_dates'))})\s*$")
_DAY_NOUN = alt(day_nouns())  # يوم
_TIME_JOIN = re.compile(rf"^\s*(?:,|{particle('from')}|{_DAY_NOUN}|{particle('in')})?\s*(?:{_DAY_NOUN}\s+)?$")


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
                and (d.value is None or day_value_of(d.value) is not None)
            ):
                clock = (t.value or "").split("T", 1)[-1]
                day, _, pod = (d.value or "").partition("T")
                hm = re.fullmatch(r"(\d\d):(\d\d)", clock)
                if hm and pod in ("MO", "AF", "EV", "NI", "MI"):
                    # "الساعة السابعة من مساء غد" is 19:00, "12:30 من صباح أمس" 00:30
                    h24 = _hour_24(int(hm.group(1)), pod, None)
                    clock = f"{h24:02d}:{hm.group(2)}" if h24 is not None and h24 < 24 else clock
                value = f"{day}T{clock}" if d.value else t.value
                # a relative day keeps its family, so a weekday written with it still wins (gold decision 12)
                fam = d.family if d.family == "relday" else c.family
                out.append(
                    replace(c, end=n.end, type="TIME", value=value, confidence=min(c.confidence, n.confidence), has_date=True, anchor=d.anchor, family=fam)
                )
                i += 2
                continue
            if (
                c.type == n.type == "DATE"  # two clock times stay two (a schedule "من 8 صباحا حتى 3 مساء")
                and c.range_end is None
                and _RANGE_MID.match(gap)
                and (gap.strip() != AND or re.search(rf"{particle('between')}\s*$", text[max(0, c.start - 8) : c.start]))
                and _RANGE_FROM.search(text[max(0, c.start - 8) : c.start])
            ):
                v1 = c.value
                a, b = TimeValue.parse(v1), TimeValue.parse(n.value)
                if (
                    v1 and n.value and c.anchor == "dct" and c.family in ("month", "date")
                    and a.plain and a.month is not None and b.year is not None and b.month is not None
                    and (a.month, -1 if a.day is None else a.day) <= (b.month, -1 if b.day is None else b.day)
                ):
                    # "من يونيو حتى سبتمبر 2024", "من 1 أكتوبر حتى 15 أكتوبر 2024": the end's year
                    v1 = day_value(b.year, a.month, a.day)
                out.append(
                    replace(c, end=n.end, value=v1, range_end=n.value, range_at=(c.end, n.start), confidence=min(c.confidence, n.confidence))
                )
                i += 2
                continue
        out.append(_day_range(c, ctx))
        i += 1
    return _reanchor(out, ctx)


def _day_range(c: Cand, ctx: Ctx) -> Cand:
    """"من 20 إلى 25 جويلية": the first day borrows the month of the second."""
    tv = TimeValue.parse(c.value)
    if c.type != "DATE" or c.family != "date" or not _plain_day(tv):
        return c
    m = DAY_RANGE.search(ctx.before(c.start, 20)) or DAY_PAIR.search(ctx.before(c.start, 20))
    if not m:
        return c
    d0 = int(m.group("d"))
    if tv.year is None or tv.month is None or tv.day is None or not 1 <= d0 < tv.day:
        return c
    start = c.start - (20 if c.start >= 20 else c.start) + m.start("d")
    return replace(c, start=start, value=day_value(tv.year, tv.month, d0), range_end=c.value, range_at=(start + len(m.group("d")), c.start))


def _plain_day(tv: TimeValue) -> bool:
    """``YYYY-MM-DD`` and nothing more."""
    return tv.exact and tv.precision == "day" and tv.year is not None and tv.month is not None


@cache
def _sequence_re(name: str = "sequence_words.txt") -> re.Pattern[str]:
    words = [fold(w) for w in load_lines(f"time/{name}")]
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in sorted(words, key=len, reverse=True))})(?!\w)")


def _sequence(c: Cand, p: Cand, ctx: Ctx) -> Cand:
    """"بحلول سبتمبر 2025 … بحلول نهاية العام التالي": التالي counts from the time just named.

    Applies when ``c`` was anchored on the publication date, carries a sequence word
    (``resources/time/sequence_words.txt``; ``sequence_back_words.txt`` counts back: "في
    أيلول مقارنة بالشهر السابق") and an absolute time precedes it in the same sentence:
    the year (or month) after (before) that time, anchor ``previous``.
    """
    if c.type != "DATE" or c.anchor != "dct" or not c.value or p.type != "DATE" or not p.value:
        return c
    span = ctx.text[c.start : c.end]
    step = 1 if _sequence_re().search(span) else -1 if _sequence_re("sequence_back_words.txt").search(span) else 0
    if not step:
        return c
    pv, cv = TimeValue.parse(p.value), TimeValue.parse(c.value)
    if pv.year is None or re.search(r"[!?\n]|\.(?!\d)", ctx.text[p.end : c.start]):  # "0.4 في المائة": no break
        return c
    if _QUARTER.fullmatch(c.value) and _QUARTER.fullmatch(p.value):
        q = int(p.value[-1]) - 1 + step  # "خسائر الربع الثاني … عن الربع السابق": the first quarter
        return replace(c, value=f"{pv.year + q // 4:04d}-Q{q % 4 + 1}", anchor="previous", confidence=0.7)
    if cv.exact and cv.precision == "year":
        return replace(c, value=f"{pv.year + step:04d}", anchor="previous", confidence=0.7)
    if cv.exact and cv.precision == "month" and cv.year is not None and pv.month is not None:
        # the month after/before
        return replace(c, value=month_value(pv.year, pv.month, step), anchor="previous", confidence=0.7)
    return c


_QUARTER = re.compile(r"\d{4}-Q[1-4]")


def _reanchor(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """"اعتقل في 14 تموز وأحيل بعد يومين": بعد counts from the day just named in the sentence;
    a quarter counts from the last quarter named before it (another time may come between)."""
    out = []
    for i, c in enumerate(cands):
        if i > 0:
            prev = cands[i - 1]
            if c.value and _QUARTER.fullmatch(c.value):
                prev = next((p for p in reversed(cands[:i]) if p.value and _QUARTER.fullmatch(p.value)), prev)
            c = _sequence(c, prev, ctx)
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
    return re.compile(rf"(?<!\w)[{CONJ}]?{alt(lexicon().deadline_cues)}\s*$")


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
    table = _fold_table()
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
    ctx = Ctx(_to_the().sub(ART, nt.text), DCT.parse(dct), lexicon())
    cands = refine(_merge(_select(_candidates(ctx)), ctx), ctx)  # passes.py: context rules
    out: list[Found] = []
    for c, whole in _split_ranges(cands):
        s, e = nt.span(c.start, c.end)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        out.append(
            Found(
                s, e, c.type, _noon(in_calendar(c.value)), c.mod, c.anchor, round(c.confidence, 2), _deadline(whole, ctx),
                c.calendar, c.original, in_calendar(c.range_end),
            )
        )
    return out


@cache
def _to_the() -> re.Pattern[str]:
    """``لل`` (ل + ال, its alef dropped) before a definite calendar unit, read as ``ال`` (same
    length, so offsets hold): ``للعام الماضي``, ``للسنوات العشر القادمة`` are read as
    ``العام الماضي``, ``السنوات العشر القادمة``, the preposition inside the span."""
    bare = alt(u[len(ART) :] for u in lexicon().definite_units if u.startswith(ART))
    start = rf"(?:(?<![^\W\d_])|(?<=(?<![^\W\d_])[{CONJ}]))"  # the word's start, or after و/ف
    return re.compile(rf"{start}{chain('to', 'the')}(?={bare}(?!\w))")


def _noon(value: str | None) -> str | None:
    """Midday (``ظهر اليوم``) is written as the clock time 12:00, as the gold writes it."""
    return value[:-2] + "12:00" if value and value.endswith("TMI") else value


def _split_ranges(cands: list[Cand]) -> list[tuple[Cand, Cand]]:
    """A range (``من 3 حتى 9 نوفمبر``, ``عام 2014- 2020``) is two expressions, one per end,
    as the gold guidelines tag them; the context rules saw it whole, so the split comes last.
    Each part comes with the whole range, which alone decides a deadline (a range is none)."""
    out: list[tuple[Cand, Cand]] = []
    for c in cands:
        at = c.range_at
        if c.range_end is None or at is None or not c.start < at[0] <= at[1] < c.end:
            out.append((c, c))
            continue
        out.append((replace(c, end=at[0], range_end=None, range_at=None), c))
        out.append((replace(c, start=at[1], value=c.range_end, mod=None, range_end=None, range_at=None), c))
    return out
