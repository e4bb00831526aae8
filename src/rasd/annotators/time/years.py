"""The year normalisers: ``عام 2014``, ``2014م``, a bare ``2014`` in a year-like context, ``2010-2014``.

Split from ``handlers.py``: a bare four-digit number is a year or a count, and the guards
that tell the two apart (count words, counted nouns, ranges) belong together.
"""

from __future__ import annotations

import re
from functools import cache

from rasd.annotators.time.base import AND, CONJ, HIJRI_YEARS, PREP_NO_KAF, Cand, Ctx, _cand, _mod, year_season
from rasd.annotators.time.heads import head_before
from rasd.annotators.time.lexicon import key, literal_alt, word_set
from rasd.resources import load_lines
from rasd.text.clitics import particle


@cache
def _same_period() -> frozenset[str]:
    """Words before من that make the bare year after it a year: the same period of it
    (same_period.txt) or a start from it (starting_from.txt)."""
    return frozenset(key(x) for f in ("time/same_period.txt", "time/starting_from.txt") for x in load_lines(f))


def _first_units_before(ctx: Ctx, pos: int) -> bool:
    """"الأشهر الستة الأولى من" ends right before ``pos`` (a first-words word after a calendar
    unit one or two words back), so the bare year after من is the year of those first months
    (decision 14); "الدفعة الأولى من 2000" has no unit there."""
    words = []
    for _ in range(3):
        w = ctx.prev_word(pos)
        if not w:
            return False
        words.append(key(w))
        pos = ctx.text.rindex(w, 0, pos)
    units = ctx.lex.units.keys() | ctx.lex.definite_units.keys()
    return words[0] in word_set("first_words.txt") and (words[1] in units or words[2] in units)


@cache
def _count_before() -> re.Pattern[str]:
    """A count word (``time/count_before.txt``) or a digit right before a bare year."""
    return re.compile(rf"(?:{literal_alt(word_set('count_before.txt'))}|\d)\s*$")


_RANGE_PRE = (particle("between"), particle("from"))


@cache
def _year_and(year_words: frozenset[str]) -> re.Pattern[str]:
    """A year word, its year and و right before a bare year: the second year of a pair."""
    words = literal_alt(year_words)
    return re.compile(rf"(?:^|\s)(?:{words})\s*(?:1[89]|20)\d\d\s*{AND}\s*$")


_YEAR_SPAN = 30  # at most this many years between the ends of "بين Y1 وY2" read as two years


def _years_between(m: re.Match[str], ctx: Ctx) -> bool:
    """``بين 2004 و2006`` (a stray dot after و as written too): two bare years close together,
    the later second and no counted noun after it, are the two ends of a period, each a DATE;
    ``بين 1500 و3000`` or ``بين 2000 و2500 شخص`` stay counts."""
    yr = int(m.group("yr"))
    lead = re.search(rf"{particle('between')}\s+(\d{{4}})\s*{AND}\.?\s*$", ctx.before(m.start("all"), 25))
    if lead:  # the second end
        first, second, end = int(lead.group(1)), yr, m.end()
    else:
        tail = re.match(rf"\s*{AND}\.?\s*(\d{{4}})(?!\d)", ctx.text[m.end() :])
        if not tail or not re.search(rf"{particle('between')}\s+$", ctx.before(m.start("all"), 12)):
            return False
        first, second, end = yr, int(tail.group(1)), m.end() + tail.end()
    nxt = ctx.next_word(end)
    if nxt in ctx.lex.counted_nouns or re.sub(rf"^[{CONJ}{PREP_NO_KAF}]", "", nxt) in ctx.lex.counted_nouns:
        return False
    return 1900 <= first < second <= 2099 and second - first <= _YEAR_SPAN


def _year_ok(y: int) -> bool:
    return 1000 <= y <= 2199


def _h_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    y = int(m.group("yr"))
    if not _year_ok(y):
        return None
    if key(m.group("yw") or "") in ctx.lex.dual_year_words and ctx.prev_word(m.start("yw")) in _RANGE_PRE:
        return None  # "بين عامي 2014 و2017" is a range; "في عامي 2010 و2014" two years
    if y in HIJRI_YEARS and not m.group("ysuf"):  # "عام 1407": a Hijri year alone spans two (decision 13)
        return _cand(m, "DATE", None, calendar="hijri", original=f"{y:04d}", confidence=0.8)
    return _cand(m, "DATE", f"{y:04d}", mod=_mod(m.group("mod"), ctx.lex), confidence=0.95)


def _h_year_suffix(m: re.Match[str], ctx: Ctx) -> Cand | None:
    y = int(m.group("yr"))
    if not 1800 <= y <= 2100:
        return None
    if key(m.group("ysuf")) in ctx.lex.year_abbreviations and ctx.next_word(m.end()) in ctx.lex.counted_nouns:
        return None
    return _cand(m, "DATE", f"{y:04d}", mod=_mod(m.group("mod"), ctx.lex), confidence=0.9)


def _h_year_bare(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """A bare 19xx/20xx is a year only in a year-like context and never before a counted noun."""
    lex = ctx.lex
    nxt = ctx.next_word(m.end())
    nxt_core = re.sub(rf"^[{CONJ}{PREP_NO_KAF}]", "", nxt)
    sign = ctx.text[m.end() : m.end() + 2].lstrip()[:1]  # "1920$": a currency sign reads as "\W" to next_word
    if nxt in lex.counted_nouns or nxt_core in lex.counted_nouns or sign in lex.counted_nouns:
        return None
    before = ctx.before(m.start("all"), 25)
    if _year_and(lex.year_words).search(before):
        return _cand(m, "DATE", m.group("yr"), confidence=0.8)  # the second of "عامي 2010 و2014"
    if _years_between(m, ctx):
        return _cand(m, "DATE", m.group("yr"), confidence=0.75)  # "ما بين 2004 و2006": each end a year
    # quantity ranges and comparisons: "بين 1500 و3000", "أكثر من 2000"
    if _count_before().search(before):
        return None
    prev = ctx.prev_word(m.start("all"))
    prev_core = re.sub(rf"^[{CONJ}]", "", prev)
    after = ctx.text[m.end() : m.end() + 3]
    if prev_core in lex.year_context or prev in lex.year_context or prev_core in lex.year_heads:
        # "في 2000 موقع": an Arabic word right after the number must not be a counted noun
        return _cand(m, "DATE", m.group("yr"), confidence=0.8)
    if head_before(ctx, m.start("all")):  # "رؤية قطر الوطنية 2030"
        return _cand(m, "DATE", m.group("yr"), confidence=0.75)
    if prev_core == particle("from") and ctx.prev_word(m.start("all") - len(prev) - 1) in _same_period():
        return _cand(m, "DATE", m.group("yr"), confidence=0.75)  # "الفترة نفسها من 2014"، "اعتبارا من 2016"
    if prev_core == particle("from") and _first_units_before(ctx, m.start("all") - len(prev) - 1):
        return _cand(m, "DATE", m.group("yr"), confidence=0.75)  # "الأشهر الستة الأولى من 2014"
    if re.match(r"\s*(?:$|[.,;:)\]»\"'!?\-–]|\n)", after) or after.strip() == "":
        if re.search(r"[(\-–,]\s*$", before) or re.search(r"(?:^|\n)\s*$", before):
            return _cand(m, "DATE", m.group("yr"), confidence=0.7)
    return None


def _h_year_range(m: re.Match[str], ctx: Ctx) -> Cand | None:
    y1, y2 = int(m.group("yr")), int(m.group("yr2"))
    if not (_year_ok(y1) and _year_ok(y2)) or y2 < y1:
        return None
    if not m.group("pre") and m.string[m.end("yr") : m.start("yr2")].strip().startswith(AND):
        return None  # "عامي 2010 و2014": two years (the tagger reads each); "بين عامي … و…" is a range
    if not m.group("pre") and year_season(m, ctx):
        return _cand(m, "DATE", None, mod=_mod(m.group("mod"), ctx.lex), confidence=0.9)  # 2014-2015
    return _cand(
        m, "DATE", f"{y1:04d}", range_end=f"{y2:04d}", range_at=(m.end("yr"), m.start("yr2")), mod=_mod(m.group("mod"), ctx.lex), confidence=0.9
    )
