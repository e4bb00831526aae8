"""Numbers that are no counts: years, dates, times, scores, phone numbers and codes.

Why a module of its own: the quantities engine asks this once per number before it reads
an object, and the tests of what is skipped are the ones that change most with new pages
(a score ``1-صفر`` against a range ``ما بين 150- 200``, a year word the time tagger already
closed). The word lists are ``resources/quantities/skip_before.txt`` and ``skip_after.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from rasd.annotators.quantities.around import match_seq
from rasd.annotators.quantities.neighbours import date_after
from rasd.annotators.quantities.numbers import Lex, Num, lookup, word_readings
from rasd.annotators.quantities.objects import is_definite, is_plural, nouns, strip_article
from rasd.annotators.spans import SpanIndex
from rasd.models import Timex
from rasd.resources import load_lines, load_table
from rasd.text import Token, fold
from rasd.text.clitics import affixes, particle, without_accusative

__all__ = ["is_multiple", "is_skipped", "names_round"]

_BETWEEN = particle("between")
_PRONOUNS = tuple(fold(p) for p in affixes("pronoun"))  # أمثالها
_TIMES = "×"  # the sign between the sides of a size (صور 4×6، شاشة 1366 × 768)
_LATIN_LABEL = re.compile(r"[A-Za-z][/\-\s]{0,2}$")  # ISIC4, STEP/ 40: digits after Latin letters


@cache
def _year_words() -> frozenset[str]:
    """The words before a year (``time/year_words.tsv``, one list for both annotators):
    after them only a four-digit number is a year."""
    return frozenset(fold(row[0]) for row in load_table("time/year_words.tsv") if len(row) == 1)


@cache
def _digit_names() -> frozenset[str]:
    """Nouns named by digits after them (``quantities/names_before_digits.txt``)."""
    return frozenset(fold(w) for w in load_lines("quantities/names_before_digits.txt"))


@cache
def _label_adjectives() -> frozenset[str]:
    """Adjectives between a label word and its number (``quantities/label_adjectives.txt``)."""
    return frozenset(fold(w) for w in load_lines("quantities/label_adjectives.txt"))


def _label_across(lex: Lex, toks: Sequence[Token], num: Num) -> bool:
    """``الرقم المجاني 19988``: digits after a label word and one listed adjective are its number."""
    if not num.digits or num.i < 2:
        return False
    adj = fold(strip_article(toks[num.i - 1].norm)[0])
    head = word_readings(toks[num.i - 2].norm)
    return adj in _label_adjectives() and any(r in lex.skip_before for r in head) and not _year_words().intersection(head)


@cache
def _round_name_heads() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lines("quantities/round_name_heads.txt"))


def names_round(toks: Sequence[Token], num: Num) -> bool:
    """Does the word before a definite round number make it part of a name (``مشروع المليون
    قارئ``, ``quantities/round_name_heads.txt``)?"""
    return num.definite and num.i > 0 and not _round_name_heads().isdisjoint(word_readings(toks[num.i - 1].norm))


@cache
def _multiples() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lines("quantities/multiples.txt"))


def is_multiple(norm: str) -> bool:
    """Is a word (folded, proclitics and a pronoun allowed) a multiple (``الضعفين``,
    ``أضعاف``, ``أمثالها``)? "Twice as much" is a ratio, no count (U4)."""
    for r in word_readings(norm, definite=True):
        if r in _multiples() or any(r.endswith(p) and r[: -len(p)] in _multiples() for p in _PRONOUNS):
            return True
    return False


def _no_year(toks: Sequence[Token], num: Num, spans: SpanIndex[Timex]) -> bool:
    """After a year word, a number is no year when it has not four digits (المؤشر العام 120
    نقطة) or when the word already ends a date (الربع الحالي من العام 21 بالمئة)."""
    prev = toks[num.i - 1]
    if not any(r in _year_words() for r in word_readings(prev.norm)):
        return False
    return spans.overlaps_any(prev.start, prev.end) or len(re.sub(r"\D", "", fold(toks[num.i].text))) != 4


def _counted_after(toks: Sequence[Token], num: Num, text: str) -> bool:
    """``في البطولة 11 منتخبا``: 11–99 before an accusative noun counts it (tamyiz), so the
    label word before (``skip_before.txt``: البطولة 13 is an edition) does not make it a name."""
    if num.value is None or not 11 <= num.value <= 99 or not num.value.is_integer():
        return False
    end = toks[num.j - 1].end
    word = text[num.end : end] if num.end < end else (toks[num.j].text if num.j < len(toks) else "")
    bare = without_accusative(word)
    nl = nouns()
    return bare is not None and (fold(bare) in nl.singulars or fold(bare) in nl.sound_masc)


def _percent_after(lex: Lex, toks: Sequence[Token], num: Num) -> bool:
    """``سهم إيرباص 5 في المائة``: a model label (``إيرباص 320``) never takes a percent sign or
    ``في المائة`` (``objects.tsv``), so a percentage is a quantity after a ``skip_before`` word."""
    hit = match_seq(toks, num.j, lex.objects, lex.max_obj_len) if num.j < len(toks) else None
    return hit is not None and hit[1] == "%"


def is_skipped(lex: Lex, toks: Sequence[Token], num: Num, text: str, spans: SpanIndex[Timex]) -> bool:
    """Years, dates, times, phone numbers, codes and anything the time tagger took."""
    if spans.overlaps_any(num.start, num.end):
        return True
    if num.i > 0:
        prev = toks[num.i - 1]
        if (
            any(r in lex.skip_before for r in word_readings(prev.norm))
            and not _no_year(toks, num, spans)
            and not _counted_after(toks, num, text)
            and not _percent_after(lex, toks, num)
        ):
            return True
        if num.digits and any(r in _digit_names() for r in word_readings(prev.norm)):
            return True  # موقع 24: a name
        if _label_across(lex, toks, num):
            return True  # الرقم المجاني 19988
        if (
            prev.norm == "("
            and num.i > 1
            and any(r in lex.skip_before for r in word_readings(toks[num.i - 2].norm))
        ):
            return True  # بالرمز (43)
        if prev.norm in ("/", "-", ":", "+") and prev.end == toks[num.i].start:
            return True
        if prev.norm == _TIMES:
            return True  # 4×6: a size, no count
        if num.i > 1 and prev.norm in _SCORE_SIGNS and _spaced_score(lex, toks, num.i - 2):
            return True  # the other side of 3 - 1 (or صفر / 2)
        if prev.norm == "/" and num.i > 1 and toks[num.i - 2].norm.isdigit():
            return True  # 25 / 10 / 1436
        if prev.norm in nouns().ordinals and lookup(lex, toks[num.i]) == (10.0, "teen"):
            return True  # الحادية عشرة
        if lookup(lex, toks[num.i]) == (10.0, "teen") and is_definite(prev.text) and any(
            lex.numbers.get(r, (0.0, ""))[1] in ("unit", "oneteen") for r in word_readings(prev.norm, definite=True)
        ):
            return True  # دور الستة عشر: the tens of a definite compound, no 10 of its own
        scale = lookup(lex, toks[num.i])
        if prev.norm[-1:].isdigit() and scale is not None and scale[1] == "scale":
            return True  # الـ600 مليون: the scale of a number glued to its article, a restatement (F1)
        if prev.norm == '"' and not num.digits and num.j < len(toks) and toks[num.j].norm == '"':
            return True  # «سبعة»: a title
    if num.j < len(toks):
        nxt = toks[num.j]
        # ما بين 150- 200: after بين, a hyphen joins the two ends of a range, no date or score
        ranged = num.i > 0 and _BETWEEN in word_readings(toks[num.i - 1].norm)
        if any(r in lex.skip_after for r in word_readings(nxt.norm)) or nxt.norm == _TIMES:
            return True
        if is_multiple(nxt.norm):
            return True  # ثلاثة أضعاف: a ratio
        if date_after(toks, num.j) and not ranged:
            return True
        if (
            nxt.norm in ("-", ":")
            and nxt.start == num.end
            and num.j + 1 < len(toks)
            and lookup(lex, toks[num.j + 1])
            and not ranged
        ):
            return True  # 1-صفر
        if not ranged and num.digits and _spaced_score(lex, toks, num.i):
            return True  # بنتيجة 3 - 1
    if num.digits and _list_item(toks, num, text):
        return True
    if num.digits:
        raw = fold(text[num.start : num.end])
        bare = re.sub(r"\D", "", raw)
        if len(bare) >= 7 and "," not in raw and "." not in raw:
            return True  # phone numbers and codes
        if len(bare) >= 6 and bare.startswith("0"):
            return True
        if _LATIN_LABEL.search(text[max(0, num.start - 3) : num.start]):
            return True  # a code or label's number (ISIC4, STEP/ 40, F3), not a count
    return False


_ITEM_MARKS = ("-", ")", ".")  # 1- / 1) / 1. after an item number


def _list_item(toks: Sequence[Token], num: Num, text: str) -> bool:
    """``\n1-الاستخدام …``, ``\n2 الانحرافات …``: a number opening a line of a numbered list,
    glued to a mark or before a definite word, is the item's number, no count."""
    line = text.rfind("\n", 0, num.start)
    if line < 0 or text[line + 1 : num.start].strip():
        return False
    after = text[num.end : num.end + 2]
    if after[:1] in _ITEM_MARKS and not after[1:2].isdigit():
        return True
    return num.j < len(toks) and is_definite(toks[num.j].text)


SCORE_MAX = 15  # goals, sets or points of one side of a score written "3 - 1"
_SCORE_SIGNS = ("-", ":", "/")  # فاز 2 / 1: sports pages also write a score with a slash


def _side(lex: Lex, tok: Token) -> int | None:
    """One side of a score: small whole digits, or the zero word (``صفر / 2``)."""
    if tok.norm.isdigit():
        return int(tok.norm)
    got = lookup(lex, tok)
    return 0 if got is not None and got[1] == "zero" else None


def _spaced_score(lex: Lex, toks: Sequence[Token], i: int) -> bool:
    """``3 - 1`` (or ``2 / 1``) with spaces from token ``i``: two small whole numbers around a
    hyphen, colon or slash, and no counted plural after the second (``3 - 5 أشخاص`` is a range)."""
    if not (i + 2 < len(toks) and toks[i + 1].norm in _SCORE_SIGNS):
        return False
    first, second = _side(lex, toks[i]), _side(lex, toks[i + 2])
    if first is None or second is None or not (toks[i].norm.isdigit() or toks[i + 2].norm.isdigit()):
        return False
    if toks[i + 1].norm == "/" and (toks[i + 1].start == toks[i].end or toks[i + 2].start == toks[i + 1].end):
        return False  # 3/4 or 25/10: a fraction or a date, written without spaces
    if first > SCORE_MAX or second > SCORE_MAX:
        return False
    return second < first or is_plural(toks[i + 3].text if i + 3 < len(toks) else "") is None
