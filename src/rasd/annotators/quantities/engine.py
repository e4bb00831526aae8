"""Counts in Arabic news: numbers, what they count, whose they are and where.

The engine walks the token list (``rasd.text.tokenize``: exact offsets, folded forms) and
reads every word list from ``resources/quantities/``: number words, vague amounts,
modifiers (نحو، أكثر من …), range frames, counted objects with their plural and dual
forms, group adjectives and places. Years, dates, times and phone numbers are skipped
here as well as via the time tagger's mentions, because the tagger may be absent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from rasd.annotators.quantities.objects import (
    article_forms,
    clean,
    date_after,
    inherit,
    is_score,
    noun_before,
    nouns,
    open_object,
    others,
    share_forward,
    word_count,
)
from rasd.annotators.spans import SpanIndex
from rasd.models import EntityMention, Quantity, Span, Timex
from rasd.resources import load_lines, load_table
from rasd.text import Token, fold, tokenize

_DIGITS = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]+")
_R_DECIMAL = re.compile(r"^([0-9]+)ر([0-9]+)$")
_DOTTED = re.compile(r"(?:\.[0-9]{3}){2,}(?![0-9])")
_PREFIXES = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")


@dataclass(frozen=True)
class _Lex:
    numbers: dict[str, tuple[float, str]]
    vague: dict[str, tuple[float, float]]
    mods_before: tuple[tuple[tuple[str, ...], str], ...]
    mods_after: tuple[tuple[tuple[str, ...], str], ...]
    ranges: tuple[tuple[tuple[str, ...], str], ...]
    objects: dict[tuple[str, ...], str]
    duals: dict[tuple[str, ...], str]
    max_obj_len: int
    gentilics: dict[str, str]
    places: dict[tuple[str, ...], str]
    skip_after: frozenset[str]
    skip_before: frozenset[str]
    count_nouns: frozenset[str]
    alone: dict[str, float]


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in phrase.split())


def _obj_key(phrase: str) -> tuple[str, ...]:
    """An object form as ``_match_seq`` reads it: later words without their article."""
    w = _words(phrase)
    return (w[0], *(_strip_def(x) for x in w[1:]))


@cache
def lexicon() -> _Lex:
    """All word lists, folded, loaded once."""
    numbers = {fold(r[0]): (float(r[1]), r[2]) for r in load_table("quantities/numbers.tsv")}
    vague = {fold(r[0]): (float(r[1]), float(r[2])) for r in load_table("quantities/vague.tsv")}
    before: list[tuple[tuple[str, ...], str]] = []
    after: list[tuple[tuple[str, ...], str]] = []
    for r in load_table("quantities/modifiers.tsv"):
        (before if r[2] == "before" else after).append((_words(r[0]), r[1]))
    objects: dict[tuple[str, ...], str] = {}
    duals: dict[tuple[str, ...], str] = {}
    for r in load_table("quantities/objects.tsv"):
        lemma = r[0]
        for f in [lemma, *r[1].split("|")]:
            objects.setdefault(_obj_key(f), lemma)
        if len(r) > 2 and r[2]:
            for f in r[2].split("|"):
                duals.setdefault(_words(f), lemma)
    gentilics: dict[str, str] = {}
    for line in load_lines("quantities/gentilics.txt"):
        g, _, canon = line.partition("\t")
        stem = fold(g.strip())[:-1]
        for suf in ("ي", "يه", "يا", "يين", "يون", "يان", "يتين", "يتان", "يات"):
            gentilics.setdefault(stem + suf, canon.strip() or g.strip())
    places = {_words(p): p for p in load_lines("quantities/places.txt")}
    return _Lex(
        numbers=numbers,
        vague=vague,
        mods_before=tuple(sorted(before, key=lambda x: -len(x[0]))),
        mods_after=tuple(sorted(after, key=lambda x: -len(x[0]))),
        ranges=tuple((_words(r[0]), fold(r[1])) for r in load_table("quantities/range.tsv")),
        objects=objects,
        duals=duals,
        max_obj_len=max(len(k) for k in [*objects, *duals]),
        gentilics=gentilics,
        places=places,
        skip_after=frozenset(fold(w) for w in load_lines("quantities/skip_after.txt")),
        skip_before=frozenset(fold(w) for w in load_lines("quantities/skip_before.txt")),
        count_nouns=frozenset(fold(w) for w in load_lines("quantities/count_nouns.txt")),
        alone={fold(r[0]): float(r[1]) for r in load_table("quantities/alone.tsv")},
    )


def _readings(norm: str, definite: bool = False) -> list[str]:
    """The word and the word without its proclitics (و، ب، ل … and, if asked, ال)."""
    out = [norm]
    for p in (*(article_forms() if definite else ()), *_PREFIXES):
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            out.append(norm[len(p) :])
    return out


@dataclass
class _Num:
    i: int  # first token of the number
    j: int  # one past its last token
    start: int  # original offsets of the number itself
    end: int
    value: float | None
    vmin: float | None = None
    vmax: float | None = None
    digits: bool = False
    mod: str | None = None


def _lookup(lex: _Lex, tok: Token) -> tuple[float, str] | None:
    readings = _readings(tok.norm)
    if len(tok.text) > 1 and tok.text[0] in "وفبل" and tok.text[1] in "أإآ":
        readings = readings[1:]  # وأحد is و + أحد, not واحد
    for r in readings:
        if r in lex.numbers and not (r != tok.norm and tok.norm.startswith("ك")):
            return lex.numbers[r]  # كمية is not ك + مية
    return None


def _number_reading(lex: _Lex, tok: Token) -> str:
    """The folded reading of ``tok`` that ``_lookup`` used (proclitics stripped)."""
    readings = _readings(tok.norm)
    if len(tok.text) > 1 and tok.text[0] in "وفبل" and tok.text[1] in "أإآ":
        readings = readings[1:]
    return next((r for r in readings if r in lex.numbers), tok.norm)


def _digit_number(toks: Sequence[Token], i: int, text: str) -> _Num | None:
    """Digits at token ``i`` (with a proclitic like و3000 or بـ4) joined over , and . groups."""
    t = toks[i]
    rd = _R_DECIMAL.match(t.norm)
    if rd:  # the wire-service decimal: 8ر4 is 4.8
        return _Num(i, i + 1, t.start, t.end, float(f"{rd.group(2)}.{rd.group(1)}"), digits=True)
    m = _DIGITS.search(t.text)
    if not m or m.end() != len(t.text) or fold(t.text[: m.start()]) not in ("", *_PREFIXES):
        return None
    start = t.start + m.start()
    raw = fold(m.group())
    j = i + 1
    dotted = _DOTTED.match(text, t.end)
    if dotted and not raw.startswith("0") and len(raw) <= 3:  # 10.100.000: dots group thousands
        k = i + 1
        while k < len(toks) and toks[k].end <= dotted.end():
            k += 1
        return _Num(i, k, start, toks[k - 1].end, float(raw + dotted.group().replace(".", "")), digits=True)
    while (
        j + 1 < len(toks)
        and toks[j].norm in (",", ".")
        and toks[j].start == toks[j - 1].end
        and toks[j + 1].start == toks[j].end
        and toks[j + 1].norm.isdigit()
    ):
        sep, grp = toks[j].norm, toks[j + 1].norm
        if sep == "," and len(grp) == 3:
            raw += grp
        elif "." not in raw:
            raw += "." + grp  # 2.5 and the Arabic decimal comma 2,5
        else:
            break
        j += 2
    return _Num(i, j, start, toks[j - 1].end, float(raw), digits=True)


def _scan_number(lex: _Lex, toks: Sequence[Token], i: int, text: str) -> _Num | None:
    """A number starting at token ``i``: digits (+ scale word) or a run of number words."""
    num = _digit_number(toks, i, text)
    if num is not None:
        k = num.j + (num.j + 1 < len(toks) and toks[num.j].norm == ")")  # (174) مليون
        if k < len(toks):
            hit = _lookup(lex, toks[k])
            if hit and hit[1] == "scale" and num.value is not None:
                num.value *= hit[0]
                num.end = toks[k].end
                num.j = k + 1
        return _tail(lex, toks, num, text)
    tok = toks[i]
    frac = nouns().fractions.get(fold(clean(tok.text)))
    if frac is not None and frac[1] == "alone":
        return _Num(i, i + 1, tok.start, tok.end, frac[0])
    for r in _readings(tok.norm):
        if r in lex.vague:
            lo, hi = lex.vague[r]
            j, end = i + 1, tok.end
            if j < len(toks):
                nxt = _readings(toks[j].norm, definite=True)
                scale = next((lex.numbers[x][0] for x in nxt if lex.numbers.get(x, (0, ""))[1] == "scale"), None)
                if scale:
                    lo, hi, j, end = lo * scale, hi * scale + scale - 1, j + 1, toks[j].end
            return _Num(i, j, tok.start + _orig_len(tok.text, len(tok.norm) - len(r)), end, None, lo, hi, mod="VAGUE")
    total = cur = 0.0
    j = i
    seen = False
    prev_kind = ""
    group_start, last_mag = i, 0.0
    while j < len(toks):
        hit = _lookup(lex, toks[j])
        if hit is None:
            break
        v, kind = hit
        if kind == "zero" or (kind == "teen" and seen and toks[j].norm.startswith("و")):
            break  # صفر only matters in a score (1-صفر); سبع وعشر is two numbers
        if kind == "oneteen":
            nxt_hit = _lookup(lex, toks[j + 1]) if j + 1 < len(toks) else None
            if nxt_hit is None or nxt_hit[1] != "teen":
                break  # أحد المسؤولين is "one of", not a count
            kind = "unit"
        if seen and kind == prev_kind and kind != "scale":
            break  # "ثلاثة خمسة" is two numbers, not one
        if kind == "scale" and not seen and _number_reading(lex, toks[j]) in lex.alone:
            v = lex.alone[_number_reading(lex, toks[j])]  # "ألفا جندي": two thousand
            cur = v
        elif kind == "scale":
            mag = 10.0 ** (len(str(int(v))) - 1)
            if last_mag and mag >= last_mag:
                j, cur = group_start, 0.0  # مليوني وثلاثة ملايين: two amounts, not one
                break
            cur = (cur or 1.0) * v
            total += cur
            cur = 0.0
            group_start, last_mag = j + 1, mag
        elif kind == "hundred" and v == 100 and prev_kind == "unit":
            cur *= 100
        elif kind == "teen":
            cur += 10
        else:
            cur += v
        seen = True
        prev_kind = kind
        j += 1
    if not seen:
        return None
    value = total + cur
    first = toks[i]
    # the span starts after a proclitic that is not part of the number (بثلاث → ثلاث)
    off = _orig_len(first.text, len(first.norm) - len(_number_reading(lex, first)))
    frac = nouns().fractions.get(fold(clean(toks[j].text))) if j < len(toks) else None
    if frac is not None and frac[1] == "times" and 2 <= value <= 10:
        value, j = round(value * frac[0], 3), j + 1  # ثلاثة أرباع = 0.75
    return _tail(lex, toks, _Num(i, j, first.start + off, toks[j - 1].end, value), text)


def _tail(lex: _Lex, toks: Sequence[Token], num: _Num, text: str) -> _Num:
    """A scale amount continued after و: ``مليونين و800 ألف``, ``7 ملايين ونصف``."""
    last = _lookup(lex, toks[num.j - 1])
    if num.value is None or last is None or last[1] != "scale" or num.j >= len(toks):
        return num
    unit = 10.0 ** (len(str(int(last[0]))) - 1)
    k = num.j + (toks[num.j].norm == "و")
    if k >= len(toks) or (k == num.j and not toks[k].norm.startswith("و")):
        return num
    word = clean(toks[k].text)[(k == num.j) :]
    frac = nouns().fractions.get(fold(word))
    if frac is not None and frac[1] == "add":
        num.value += frac[0] * unit
        num.j, num.end = k + 1, toks[k].end
        return num
    nxt = _scan_number(lex, toks, k, text) if toks[k].norm != "و" else None
    if nxt is not None and nxt.value is not None and nxt.mod is None and nxt.value < unit and nxt.value >= 1000:
        num.value += nxt.value
        num.j, num.end = nxt.j, nxt.end
    return num


def _orig_len(word: str, n_folded: int) -> int:
    """Original characters of ``word`` that fold to its first ``n_folded`` characters."""
    k = seen = 0
    while k < len(word) and seen < n_folded:
        seen += len(fold(word[k]))
        k += 1
    while k < len(word) and not fold(word[k]):
        k += 1
    return k


_FIRSTS: dict[int, frozenset[str]] = {}


def _firsts(table: dict[tuple[str, ...], str]) -> frozenset[str]:
    """First words of a (cached, never mutated) lexicon table, for a cheap pre-check."""
    got = _FIRSTS.get(id(table))
    if got is None:
        got = _FIRSTS[id(table)] = frozenset(k[0] for k in table)
    return got


def _match_seq(toks: Sequence[Token], i: int, table: dict[tuple[str, ...], str], maxlen: int) -> tuple[int, str] | None:
    """Longest entry of ``table`` at token ``i`` (first word may carry proclitics/ال)."""
    firsts = _firsts(table)
    readings = _readings(toks[i].norm, definite=True)
    if not any(r in firsts for r in readings):
        return None
    for n in range(min(maxlen, len(toks) - i), 0, -1):
        words = [t.norm for t in toks[i : i + n]]
        if not all(w and w[0].isalpha() or w == "%" for w in words):
            continue
        for first in _readings(words[0], definite=True):
            key = (first, *(_strip_def(w) for w in words[1:]))
            if key in table:
                return n, table[key]
    return None


def _strip_def(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def _gentilic(lex: _Lex, tok: Token) -> str | None:
    for r in _readings(tok.norm, definite=True):
        if r in lex.gentilics:
            return lex.gentilics[r]
    return None


def _is_skipped(lex: _Lex, toks: Sequence[Token], num: _Num, text: str, spans: SpanIndex[Timex]) -> bool:
    """Years, dates, times, phone numbers, codes and anything the time tagger took."""
    if spans.overlaps_any(num.start, num.end):
        return True
    if num.i > 0:
        prev = toks[num.i - 1]
        if any(r in lex.skip_before for r in _readings(prev.norm)):
            return True
        if prev.norm == "(" and num.i > 1 and any(r in lex.skip_before for r in _readings(toks[num.i - 2].norm)):
            return True  # بالرمز (43)
        if prev.norm in ("/", "-", ":", "+") and prev.end == toks[num.i].start:
            return True
        if prev.norm == "/" and num.i > 1 and toks[num.i - 2].norm.isdigit():
            return True  # 25 / 10 / 1436
        if prev.norm in nouns().ordinals and _lookup(lex, toks[num.i]) == (10.0, "teen"):
            return True  # الحادية عشرة
        if prev.norm == '"' and not num.digits and num.j < len(toks) and toks[num.j].norm == '"':
            return True  # «سبعة»: a title
    if num.j < len(toks):
        nxt = toks[num.j]
        if any(r in lex.skip_after for r in _readings(nxt.norm)):
            return True
        if date_after(toks, num.j):
            return True
        if nxt.norm in ("-", ":") and nxt.start == num.end and num.j + 1 < len(toks) and _lookup(lex, toks[num.j + 1]):
            return True  # 1-صفر
    if num.digits:
        raw = fold(text[num.start : num.end])
        bare = re.sub(r"\D", "", raw)
        if len(bare) >= 7 and "," not in raw and "." not in raw:
            return True  # phone numbers and codes
        if len(bare) >= 6 and bare.startswith("0"):
            return True
    return False


def _object_after(lex: _Lex, toks: Sequence[Token], j: int) -> tuple[int, int, str] | None:
    """Counted object right after the number (optionally after من): (first, end, lemma)."""
    k = j
    while k < len(toks) and toks[k].norm in ('"', "'") and toks[k].start == toks[k - 1].end:
        k += 1  # "بين 1500 و3000" عنصر: the closing mark of a quoted range
    if k < len(toks) and toks[k].norm == "من":
        k += 1
    hit = _match_seq(toks, k, lex.objects, lex.max_obj_len) if k < len(toks) else None
    if hit is None:
        return None
    return k, k + hit[0], hit[1]


def _place_after(lex: _Lex, toks: Sequence[Token], j: int, ents: SpanIndex[EntityMention]) -> str | None:
    """``في X`` / ``بـX`` within two tokens of ``j``: X a GPE/LOC mention or a listed place."""
    for k in range(j, min(j + 3, len(toks))):
        t = toks[k]
        if t.norm == "في" and k + 1 < len(toks):
            cand = k + 1
            skip = 0
        elif t.norm.startswith("ب") and len(t.norm) > 3:
            cand, skip = k, 1
        else:
            continue
        ct = toks[cand]
        for e in ents.containing(ct.start + skip):
            if e.type in ("GPE", "LOC"):
                return e.text
        hit = _match_seq(toks, cand, lex.places, 3)
        if hit is not None:
            return hit[1]
    return None


def _before_mod(lex: _Lex, toks: Sequence[Token], i: int) -> tuple[int, str] | None:
    """Modifier phrase ending right before token ``i`` (a count noun may sit between)."""
    for gap in (0, 1):
        end = i - gap
        if gap and (end < 1 or not any(r in lex.count_nouns for r in _readings(toks[end].norm))):
            continue
        for words, mod in lex.mods_before:
            n = len(words)
            if end - n < 0:
                continue
            got = [t.norm for t in toks[end - n : end]]
            first = got[0]
            if tuple(got[1:]) == words[1:] and (first == words[0] or (first[:1] in "وف" and first[1:] == words[0])):
                return end - n, mod
    return None


def _after_mod(lex: _Lex, toks: Sequence[Token], j: int) -> tuple[int, str] | None:
    for words, mod in lex.mods_after:
        n = len(words)
        if tuple(t.norm for t in toks[j : j + n]) == words:
            return j + n, mod
    return None


def extract_quantities(
    text: str,
    doc_id: str = "",
    timex: Iterable[Timex] = (),
    entities: Iterable[EntityMention] = (),
) -> list[Quantity]:
    """Every count in ``text`` with value, bounds, counted object, owner and place."""
    lex = lexicon()
    toks = tokenize(text)
    ents = SpanIndex(entities)
    spans = SpanIndex(t for t in timex if t.type in ("DATE", "TIME"))
    out: list[Quantity] = []
    i = 0
    while i < len(toks):
        num = _scan_number(lex, toks, i, text)
        if num is None:
            dual = _match_seq(toks, i, lex.duals, lex.max_obj_len)
            if dual is not None and toks[i].norm[:1].isalpha():
                n, dual_lemma = dual
                s, e = toks[i].start, toks[i + n - 1].end
                for r in _readings(toks[i].norm, definite=True):
                    if any(key[0] == r for key in lex.duals):
                        s += _orig_len(toks[i].text, len(toks[i].norm) - len(r))
                        break
                if not spans.overlaps_any(s, e):
                    owner = _gentilic(lex, toks[i + n]) if i + n < len(toks) else None
                    out.append(
                        Quantity(doc_id, s, e, text[s:e], 2.0, object=dual_lemma, confidence=0.8,
                                 owner=owner, object_span=Span(s, e),
                                 place=_place_after(lex, toks, i + n + (owner is not None), ents))
                    )
                i += n
                continue
            wc = word_count(toks, i, lex.numbers, lambda k: _match_seq(toks, k, lex.objects, lex.max_obj_len))
            after_dual = bool(out) and out[-1].value == 2.0 and i > 0 and out[-1].end == toks[i - 1].end
            if wc is not None and not spans.overlaps_any(wc[0], wc[1]) and not is_score(toks, i + 1, wc[3]) and not (
                after_dual and wc[2] == 2.0  # بتشكيلتين مختلفتين: the adjective agrees, it counts nothing
            ):
                s, e, v, lem, os_, oe = wc
                out.append(Quantity(doc_id, s, e, text[s:e], v, object=lem, confidence=0.7, object_span=Span(os_, oe)))
            i += 1
            continue
        if _is_skipped(lex, toks, num, text, spans):
            i = num.j
            if i + 1 < len(toks) and toks[i].norm in {join for _, join in lex.ranges if join != "و"}:
                i += 2  # نموذج 101 حتى 119: the other end of a skipped range
            continue
        q_start, mod, approx = num.start, num.mod, False
        value, vmax = num.value, num.vmax
        j = num.j
        # ranges: بين X و Y / من X إلى Y
        rng = _range(lex, toks, num, text)
        if _is_year(num.value) and num.digits and _object_after(lex, toks, rng[1].j if rng else num.j) is None:
            if rng is None or _is_year(rng[1].value):
                i = num.j  # a bare year (or a span of years)
                continue
        if rng is not None and date_after(toks, rng[1].j) or _time_shared(lex, toks, rng[1].j if rng else num.j, text):
            i = rng[1].j if rng else num.j  # من 11 حتى 25 /10, في ثلاثة وستة أشهر
            continue
        if rng is not None:
            q_start, j, vmax = rng[0], rng[1].j, rng[1].value
            mod = "RANGE"
            value = num.value = _distribute(lex, toks, num, rng[1])
        else:
            bm = _before_mod(lex, toks, num.i)
            if bm is not None:
                mod = bm[1]
                q_start = toks[bm[0]].start
                if fold(toks[bm[0]].text[:1]) in "وف" and toks[bm[0]].norm[1:] in {w[0] for w, _ in lex.mods_before}:
                    q_start += 1
        obj = _object_after(lex, toks, j)
        q_end = toks[j - 1].end if j > num.j else num.end
        lemma: str | None = None
        conf = 0.85
        object_span: Span | None = None
        k = j
        if obj is not None:
            lemma = obj[2]
            object_span = Span(toks[obj[0]].start, toks[obj[1] - 1].end)
            q_end = object_span.end
            k = obj[1]
        elif j < len(toks) and toks[j].norm == "%":
            lemma, q_end, k = "%", toks[j].end, j + 1
            object_span = Span(toks[j].start, toks[j].end)
        elif (oth := others(toks, j)) is not None:
            lemma, k = inherit(out, q_start, text) or oth[1], oth[0] + 1
            object_span = Span(toks[oth[0]].start, toks[oth[0]].end)
        elif (
            (num.digits or value not in (1.0, 2.0))
            and not (mod == "VAGUE" and (num.vmin or 0) < 10)
            and (opn := open_object(toks, j, value)) is not None
            and _lookup(lex, toks[opn[0]]) is None
            and (_gentilic(lex, toks[opn[0]]) is None or opn[0] == j)
        ):
            lemma, k = opn[2], opn[1]
            object_span = Span(toks[opn[0]].start, toks[opn[1] - 1].end)
        if lemma is None and not num.digits and value == 1.0 and (nb := noun_before(toks, num.i)) is not None:
            lemma, object_span = nb, Span(toks[num.i - 1].start, toks[num.i - 1].end)
        if lemma is None and num.i > 0 and toks[num.i - 1].norm == "ال" or is_score(toks, k, lemma):
            i = max(j, k)  # دور ال32; بهدفين مقابل هدف
            continue
        if lemma is None and num.digits and re.fullmatch(r"\d{5,}", fold(text[num.start : num.end])):
            i = j  # a code or a phone number
            continue
        if obj is None and not num.digits and value in (1.0, 2.0) and num.i > 0:
            back = _match_seq(toks, num.i - 1, lex.objects, 1)
            if back is not None:  # "جندي واحد": the number follows its noun
                lemma = back[1]
                object_span = Span(toks[num.i - 1].start, toks[num.i - 1].end)
                q_start = min(q_start, object_span.start)
        owner = _gentilic(lex, toks[k]) if k < len(toks) else None
        if owner is not None:
            if lemma is None:
                q_end = toks[k].end
            k += 1
        am = _after_mod(lex, toks, k)
        if am is not None and mod is None:
            mod = am[1]
            q_end = toks[am[0] - 1].end
        place = _place_after(lex, toks, k, ents)
        if lemma is None and not num.digits and value == 1.0:
            i = max(j, k)  # "أسبوع واحد": one of something not counted here
            continue
        if lemma is None:
            inherited = inherit(out, q_start, text)
            if inherited is not None:
                lemma, conf = inherited, 0.55
            elif mod == "VAGUE" and (num.vmin or 0) < 10:
                i = max(j, k)  # "عدة" or "واحد" counting nothing named is not a count
                continue
            else:
                conf = 0.6
        if mod == "APPROX":
            approx = True
        out.append(
            Quantity(
                doc=doc_id,
                start=q_start,
                end=q_end,
                text=text[q_start:q_end],
                value=value,
                value_max=vmax,
                approx=approx or mod == "VAGUE",
                object=lemma,
                confidence=conf,
                mod=mod,
                owner=owner,
                object_span=object_span,
                value_min=num.vmin,
                place=place,
            )
        )
        i = max(j, k if lemma is not None else j)
    return share_forward(out, text)


def _time_shared(lex: _Lex, toks: Sequence[Token], j: int, text: str) -> bool:
    """``ثلاثة وستة أشهر``: the number shares a time unit with the next one (a duration)."""
    for _ in range(4):
        if j >= len(toks) or not toks[j].norm.startswith("و"):
            return False
        k = j + (toks[j].norm == "و")
        nxt = _scan_number(lex, toks, k, text) if k < len(toks) else None
        if nxt is None:
            return False
        j = nxt.j
        if j < len(toks) and any(r in lex.skip_after for r in _readings(toks[j].norm)):
            return True
    return False


def _distribute(lex: _Lex, toks: Sequence[Token], first: _Num, second: _Num) -> float | None:
    """``بين 3.6 و3.7 مليار``: the scale written once applies to both ends."""
    hit = _lookup(lex, toks[second.j - 1])
    if first.value is None or hit is None or hit[1] != "scale" or _lookup(lex, toks[first.j - 1]):
        return first.value
    unit = 10.0 ** (len(str(int(hit[0]))) - 1)
    return first.value * unit if first.value * unit < (second.value or 0) else first.value


def _is_year(v: float | None) -> bool:
    return v is not None and v.is_integer() and 1900 <= v <= 2100


def _range(lex: _Lex, toks: Sequence[Token], num: _Num, text: str) -> tuple[int, _Num] | None:
    """``بين X و Y`` or ``من X إلى Y`` around ``num``: (start offset, second number)."""
    for words, join in lex.ranges:
        n = len(words)
        if num.i - n < 0:
            continue
        got = tuple(_readings(t.norm)[-1] if idx == 0 else t.norm for idx, t in enumerate(toks[num.i - n : num.i]))
        raw = tuple(t.norm for t in toks[num.i - n : num.i])
        if got != words and raw != words:
            continue
        k = num.j
        if k >= len(toks):
            return None
        second: _Num | None = None
        if toks[k].norm == join:
            second = _scan_number(lex, toks, k + 1, text) if k + 1 < len(toks) else None
        elif join == "و" and toks[k].norm.startswith("و"):
            second = _scan_number(lex, toks, k, text)
        if second is None or second.value is None or num.value is None or second.value <= num.value:
            continue
        first_tok = toks[num.i - n]
        start = first_tok.start + (1 if raw != words and fold(first_tok.text[:1]) in "وف" else 0)
        return start, second
    return None
