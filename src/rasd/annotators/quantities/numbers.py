"""Numbers in Arabic news text: digits, number words, scale words and the lexicon.

Why a module of its own: reading the number (``3.6 مليار``, ``مليونين و800 ألف``,
``ثلاثة أرباع``, ``10.100.000``, ``نصف مليون``) is independent of deciding what it
counts; ``engine.py`` does the latter. Every word comes from ``resources/quantities/``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from rasd.annotators.quantities.objects import (
    WORD_MEMO,
    article_forms,
    clean,
    folded,
    is_definite,
    is_plural,
    nouns,
    time_words,
)
from rasd.resources import arabic, load_lines, load_table
from rasd.text import Token, fold
from rasd.text.clitics import (
    affix,
    affixes,
    article,
    conjunctions,
    particle_chains,
    prepositions,
    proclitic,
    proclitics,
    without_accusative,
)

DIGITS = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]+")
_R_DECIMAL = re.compile(r"^([0-9]+)ر([0-9]+)$")
_DOTTED = re.compile(r"(?:\.[0-9]{3}){2,}(?![0-9])")
_DOTTED_DECIMAL = re.compile(r"((?:\.[0-9]{3})+)\.([0-9]{1,2})(?![0-9.])")  # 1.333.15: thousands, then decimals
_HAMZA_ALEF = "\u0623\u0625\u0622"  # أ إ آ: a letter of the word, not a folded ا
_GLUED = (*conjunctions(), *prepositions(kaf=False))  # و ف ب ل
_AS = proclitic("as")  # ك
_AND = proclitic("and")
_ART = article()


@dataclass(frozen=True, eq=False)  # hashed by identity: word-level look-ups are remembered per lexicon
class Lex:
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


_COMPARED = frozenset({"MORE_THAN", "LESS_THAN", "APPROX", "AT_LEAST", "AT_MOST"})


def _compared(lex: Lex, toks: Sequence[Token], i: int) -> bool:
    """A comparison right before a fraction word makes it an amount of the noun after it
    (``أكثر من نصف سكان``, ``نحو نصف المساحة``); alone, ``نصف النهائي`` is a name."""
    if i + 1 >= len(toks) or not toks[i + 1].norm[:1].isalpha():
        return False
    return any(
        mod in _COMPARED and i >= len(w) and tuple(t.norm for t in toks[i - len(w) : i]) == w
        for w, mod in lex.mods_before
    )


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in phrase.split())


def _obj_key(phrase: str) -> tuple[str, ...]:
    """An object form as ``_match_seq`` reads it: later words without their article."""
    w = _words(phrase)
    return (w[0], *(strip_def(x) for x in w[1:]))


@cache
def lexicon() -> Lex:
    """All word lists, folded, loaded once."""
    numbers = {fold(c.form): (c.value, c.kind) for c in arabic.cardinals()}
    vague = {fold(form): (lo, hi) for form, lo, hi in arabic.vague_amounts()}
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
        for suf in affixes("nisba", "gentilic"):
            gentilics.setdefault(stem + suf, canon.strip() or g.strip())
    places = {_words(p): p for p in load_lines("quantities/places.txt")}
    return Lex(
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
        skip_after=time_words(),
        skip_before=frozenset(fold(w) for w in load_lines("quantities/skip_before.txt"))
        | frozenset(fold(w) for w, _ in arabic.weekdays()),
        count_nouns=frozenset(fold(w) for w in load_lines("quantities/count_nouns.txt")),
        alone={fold(r[0]): float(r[1]) for r in load_table("quantities/alone.tsv")},
    )


@lru_cache(maxsize=WORD_MEMO)
def word_readings(norm: str, definite: bool = False) -> tuple[str, ...]:
    """The word and the word without its proclitics (و، ب، ل … and, if asked, ال)."""
    out = [norm]
    for p in _prefixes(definite).get(norm[:1], ()):
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            out.append(norm[len(p) :])
    return tuple(out)


@cache
def _prefixes(definite: bool) -> dict[str, tuple[str, ...]]:
    """The proclitic chains ``word_readings`` strips, by first letter, in their order."""
    chains = (*(article_forms() if definite else ()), *particle_chains())
    return {c: tuple(p for p in chains if p[:1] == c) for c in {p[:1] for p in chains}}


@dataclass
class Num:
    i: int  # first token of the number
    j: int  # one past its last token
    start: int  # original offsets of the number itself
    end: int
    value: float | None
    vmin: float | None = None
    vmax: float | None = None
    digits: bool = False
    mod: str | None = None
    dot3: bool = False  # one dot before three digits (741.500): thousands or a decimal
    definite: bool = False  # المليون ريال: a count only with its noun right after it


def lookup(lex: Lex, tok: Token) -> tuple[float, str] | None:
    return _lookup(lex, tok.text, tok.norm)


@lru_cache(maxsize=WORD_MEMO)
def _lookup(lex: Lex, text: str, norm: str) -> tuple[float, str] | None:
    readings = word_readings(norm)
    if len(text) > 1 and text[0] in _GLUED and text[1] in _HAMZA_ALEF:
        readings = readings[1:]  # وأحد is و + أحد, not واحد
    for r in readings:
        if r in lex.numbers and not (r != norm and norm[: len(norm) - len(r)].endswith(_AS)):
            return lex.numbers[r]  # (و)كمية is not (و +) ك + مية
    return accusative_unit(lex, norm)


def accusative_unit(lex: Lex, norm: str) -> tuple[float, str] | None:
    """``واحدا``, ``خمسا``: a unit word in the indefinite accusative, which the cardinal list
    leaves out. The engine keeps it only before a listed unit (``بلغت واحدا بالمئة``): after a
    noun or before ``من`` it is as often "one of" (``واحدا من أبرز``) as a count."""
    bare = without_accusative(norm)
    hit = lex.numbers.get(bare) if bare is not None and norm not in lex.numbers else None
    return hit if hit is not None and hit[1] == "unit" else None


def may_start(lex: Lex, text: str, norm: str) -> bool:
    """Can ``scan_number`` find a number at a token written ``text``? False for almost
    every word, which is then skipped without reading its neighbours. A superset of every
    way ``scan_number`` starts: digits, a fraction word, a vague amount, a number word."""
    if DIGITS.search(text) or DIGITS.search(norm):
        return True
    fractions = nouns().fractions
    if folded(text) in fractions or not fractions.keys().isdisjoint(word_readings(norm)):
        return True
    if not lex.vague.keys().isdisjoint(word_readings(norm, definite=True)):
        return True
    return _lookup(lex, text, norm) is not None or _definite_round(lex, norm) is not None


_ROUND = frozenset({100.0, 1000.0, 1e6, 1e9})


def _definite_round(lex: Lex, norm: str) -> tuple[float, str] | None:
    """``المليون``, ``المائة``, ``بالألف``: a round number word with the article (and the reading
    without its proclitics), which news writes before a singular noun (``المليون ريال``)."""
    if _ART not in norm[:4]:
        return None
    plain = word_readings(norm)
    for r in word_readings(norm, definite=True):
        hit = lex.numbers.get(r)
        if r not in plain and hit is not None and hit[1] in ("hundred", "scale") and hit[0] in _ROUND:
            return hit[0], r
    return None


_TANWEEN = "\u064b"  # fathatan: an indefinite accusative, never a dual in construct


def number_reading(lex: Lex, tok: Token) -> str:
    """The folded reading of ``tok`` that ``lookup`` used (proclitics stripped)."""
    readings = word_readings(tok.norm)
    if len(tok.text) > 1 and tok.text[0] in _GLUED and tok.text[1] in _HAMZA_ALEF:
        readings = readings[1:]
    return next((r for r in readings if r in lex.numbers), tok.norm)


def digit_number(toks: Sequence[Token], i: int, text: str) -> Num | None:
    """Digits at token ``i`` (with a proclitic like و3000 or بـ4) joined over , and . groups."""
    t = toks[i]
    rd = _R_DECIMAL.match(t.norm)
    if rd:  # the wire-service decimal: 8ر4 is 4.8
        return Num(i, i + 1, t.start, t.end, float(f"{rd.group(2)}.{rd.group(1)}"), digits=True)
    m = DIGITS.search(t.text)
    if not m or m.end() != len(t.text) or fold(t.text[: m.start()]) not in ("", *particle_chains()):
        return None
    start = t.start + m.start()
    raw = fold(m.group())
    j = i + 1
    rlm = _rlm_decimal(toks, i)
    if rlm is not None:  # 3.\u200f2 (a right-to-left mark after the dot): the digits are reversed, 2.3
        return Num(i, i + 4, start, toks[i + 3].end, float(f"{rlm}.{raw}"), digits=True)
    dotted = _DOTTED.match(text, t.end)
    if dotted and not raw.startswith("0") and len(raw) <= 3:  # 10.100.000: dots group thousands
        k = i + 1
        while k < len(toks) and toks[k].end <= dotted.end():
            k += 1
        return Num(i, k, start, toks[k - 1].end, float(raw + dotted.group().replace(".", "")), digits=True)
    dec_dotted = _DOTTED_DECIMAL.match(text, t.end)
    if dec_dotted and not raw.startswith("0") and len(raw) <= 3:  # an index level: 1.333.15 is 1333.15
        k = i + 1
        while k < len(toks) and toks[k].end <= dec_dotted.end():
            k += 1
        value = float(f"{raw}{dec_dotted.group(1).replace('.', '')}.{dec_dotted.group(2)}")
        return Num(i, k, start, toks[k - 1].end, value, digits=True)
    while (
        j + 1 < len(toks)
        and toks[j].norm in (",", ".")
        and toks[j].start == toks[j - 1].end
        and toks[j + 1].start == toks[j].end
        and toks[j + 1].norm.isdecimal()  # not "²": a digit to isdigit, not to float
    ):
        sep, grp = toks[j].norm, toks[j + 1].norm
        if sep == "," and len(grp) == 3:
            raw += grp
        elif "." not in raw:
            raw += "." + grp  # 2.5 and the Arabic decimal comma 2,5
        else:
            break
        j += 2
    whole, _, dec = raw.partition(".")
    dot3 = len(dec) == 3 and 1 <= len(whole) <= 3 and not whole.startswith("0")
    return Num(i, j, start, toks[j - 1].end, float(raw), digits=True, dot3=dot3)


def _rlm_decimal(toks: Sequence[Token], i: int) -> str | None:
    """The integer part of a decimal laid out right to left (``3.\u200f2`` for 2.3), else None.

    Some wire copy stores a decimal as fraction, dot, right-to-left mark, integer; read left to
    right it gives the wrong number (``75.\u200f49`` is 49.75 dollars)."""
    if i + 3 >= len(toks):
        return None
    dot, mark, whole = toks[i + 1], toks[i + 2], toks[i + 3]
    adjacent = dot.start == toks[i].end and mark.start == dot.end and whole.start == mark.end
    if adjacent and dot.text == "." and mark.text == "\u200f" and whole.text.isdecimal():
        return fold(whole.text)
    return None


def scan_number(lex: Lex, toks: Sequence[Token], i: int, text: str) -> Num | None:
    """A number starting at token ``i``: digits (+ scale word) or a run of number words."""
    if not may_start(lex, toks[i].text, toks[i].norm):
        return None
    num = digit_number(toks, i, text)
    if num is not None:
        closed = num.j + 1 < len(toks) and (
            toks[num.j].norm == ")" or (toks[num.j].norm == '"' and i > 0 and toks[i - 1].norm == '"')
        )
        k = num.j + closed  # (174) مليون, «100» مليون
        if k < len(toks):
            hit = lookup(lex, toks[k])
            if hit and hit[1] == "scale" and num.value is not None:
                num.value = round(num.value * hit[0], 6)  # 129.3 مليون is 129300000, not …00001
                num.end = toks[k].end
                num.j = k + 1
                num.dot3 = False  # 45.033 مليون: a decimal before a scale word
        return _tail(lex, toks, num, text)
    tok = toks[i]
    frac = nouns().fractions.get(folded(tok.text))
    if frac is not None and frac[1] == "alone":
        return Num(i, i + 1, tok.start, tok.end, frac[0])
    fr = next((r for r in word_readings(tok.norm) if r in nouns().fractions), None)
    uses = nouns().fractions[fr][1].split("|") if fr is not None else []
    if fr is not None and "add" in uses and i + 1 < len(toks):
        off = orig_len(tok.text, len(tok.norm) - len(fr))
        hit = lookup(lex, toks[i + 1])  # نصف مليون, وربع مليار: a part of the scale word after it
        if hit is not None and hit[1] == "scale" and not toks[i + 1].norm.startswith(_AND):
            return Num(i, i + 2, tok.start + off, toks[i + 1].end, nouns().fractions[fr][0] * hit[0])
        if hit is None and (("alone" in uses and is_definite(toks[i + 1].text)) or _compared(lex, toks, i)):
            return Num(i, i + 1, tok.start + off, tok.end, nouns().fractions[fr][0])  # ثلث السوق
    plain = word_readings(tok.norm)
    for r in word_readings(tok.norm, definite=True):  # آلاف، الآلاف من الدولارات (not العدة)
        if tok.norm[: len(tok.norm) - len(r)].endswith(_AS):
            continue  # (و)كميات is not ك + مئات
        if r in lex.vague and (r in plain or lex.vague[r][0] >= 10):
            lo, hi = lex.vague[r]
            j, end = i + 1, tok.end
            if j < len(toks):
                nxt = word_readings(toks[j].norm, definite=True)
                scale = next(
                    (lex.numbers[x][0] for x in nxt if lex.numbers.get(x, (0, ""))[1] == "scale"), None
                )
                if scale:
                    lo, hi, j, end = lo * scale, hi * scale + scale - 1, j + 1, toks[j].end
            return Num(
                i, j, tok.start + orig_len(tok.text, len(tok.norm) - len(r)), end, None, lo, hi, mod="VAGUE"
            )
    if lookup(lex, tok) is None and (rd := _definite_round(lex, tok.norm)) is not None:
        # the span keeps ال but not a proclitic before it (بالمليون → المليون)
        start = tok.start + orig_len(tok.text, len(tok.norm) - len(rd[1])) - len(_ART)
        return Num(i, i + 1, start, tok.end, rd[0], definite=True)
    total = cur = 0.0
    j = i
    seen = False
    prev_kind = ""
    group_start, last_mag = i, 0.0
    while j < len(toks):
        hit = lookup(lex, toks[j])
        if hit is None:
            break
        v, kind = hit
        if kind == "zero" or (kind == "teen" and seen and toks[j].norm.startswith(_AND)):
            break  # صفر only matters in a score (1-صفر); سبع وعشر is two numbers
        if kind == "oneteen":
            nxt_hit = lookup(lex, toks[j + 1]) if j + 1 < len(toks) else None
            if nxt_hit is None or nxt_hit[1] != "teen":
                break  # أحد المسؤولين is "one of", not a count
            kind = "unit"
        if seen and kind == prev_kind and kind != "scale":
            break  # "ثلاثة خمسة" is two numbers, not one
        if kind == "scale" and not seen and number_reading(lex, toks[j]) in lex.alone and _TANWEEN not in toks[j].text:
            v = lex.alone[number_reading(lex, toks[j])]  # "ألفا جندي": two thousand; "ألفاً" (tanween) is one
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
    off = orig_len(first.text, len(first.norm) - len(number_reading(lex, first)))
    frac = nouns().fractions.get(folded(toks[j].text)) if j < len(toks) else None
    if frac is not None and frac[1] == "times" and 2 <= value <= 10:
        value, j = round(value * frac[0], 3), j + 1  # ثلاثة أرباع = 0.75
    return _tail(lex, toks, Num(i, j, first.start + off, toks[j - 1].end, value), text)


def _tail(lex: Lex, toks: Sequence[Token], num: Num, text: str) -> Num:
    """A scale amount continued after و: ``مليونين و800 ألف``, ``7 ملايين ونصف``; after a
    thousand, digits below it too (``95 ألفا و831 دينارا``, as stock reports write totals)."""
    last = lookup(lex, toks[num.j - 1])
    if num.value is None or last is None or last[1] != "scale" or num.j >= len(toks):
        return num
    unit = 10.0 ** (len(str(int(last[0]))) - 1)
    k = num.j + (toks[num.j].norm == _AND)
    if k >= len(toks) or (k == num.j and not toks[k].norm.startswith(_AND)):
        return num
    word = clean(toks[k].text)[(k == num.j) :]
    frac = nouns().fractions.get(fold(word))
    if frac is not None and "add" in frac[1].split("|"):
        num.value += frac[0] * unit
        num.j, num.end = k + 1, toks[k].end
        own = toks[k + 1] if k + 1 < len(toks) else None
        if own is not None and _lookup(lex, strip_def(own.text), strip_def(own.norm)) == last:
            num.j, num.end = k + 2, own.end  # مليون ونصف المليون: the half's own scale word
        return num
    nxt = scan_number(lex, toks, k, text) if toks[k].norm != _AND else None
    if (
        nxt is not None
        and nxt.value is not None
        and nxt.mod is None
        and nxt.value < unit
        and (nxt.value >= 1000 or (unit == 1000 and nxt.digits))  # 519 ألفا و843 سهما
    ):
        num.value += nxt.value
        num.j, num.end = nxt.j, nxt.end
    return num


def orig_len(word: str, n_folded: int) -> int:
    """Original characters of ``word`` that fold to its first ``n_folded`` characters."""
    k = seen = 0
    while k < len(word) and seen < n_folded:
        seen += len(fold(word[k]))
        k += 1
    while k < len(word) and not fold(word[k]):
        k += 1
    return k


def strip_def(w: str) -> str:
    return w[len(_ART) :] if w.startswith(_ART) and len(w) > 3 else w


_TATWEEL = "\u0640"
# 120كم (a listed unit of two letters too); بـ1600حافلة: a proclitic chain before the number
_NUM_ON_WORD = re.compile(r"((?:([\u0621-\u064a]{1,3})\u0640*)?\d+(?:[.,]\d+)?)([\u0621-\u064a]{2,})")
_LETTERS_ONLY = re.compile(r"[\u0621-\u064a\u064b-\u0652]+")
_FEM = fold(affix("feminine"))  # ة (folded: ه)
_ART_ON_NUM = re.compile(r"([\u0621-\u064a]{2}\u0640*)(\d+(?:[.,]\d+)?)")  # الـ60 before its unit
_GROUP_MARKS = frozenset(",.\u066b\u066c")  # , . and the Arabic decimal and thousands marks
_WORD_ON_NUM = re.compile(r"([\u0621-\u063f\u0641-\u064a]{3,})(\d+(?:[.,]\d+)?)")  # المستفيدين500 (no tatweel: الـ24)


def unglue(lex: Lex, toks: list[Token]) -> list[Token]:
    """``165دولارا`` (a number written onto a listed unit or object, no space) read as two
    tokens, so the unit is the number's object as it is in ``165 دولارا``; a name that
    starts with a number (``1ماليزيا``) stays whole. A number written onto the word before
    it (``المستفيدين500 طفل``) is split off when a listed object, ``%`` or (two digits or
    more) a noun of a counted shape follows it (a name such as ``آيفون6`` has none), and so is the article
    from a number before its unit (``الـ60 كيلومترا``; ``الدورة الـ30`` is an ordinal). A dash drawn with tatweel (``150 ــ 300``)
    reads as the dash of a range."""
    out: list[Token] = []
    for k, t in enumerate(toks):
        if t.text and not t.norm and not t.text.strip(_TATWEEL):
            out.append(Token(t.text, t.start, t.end, "-"))
            continue
        w = _WORD_ON_NUM.fullmatch(t.text) if t.text[-1:].isdigit() else None
        after = _grouped_end(toks, k) if w is not None else k + 1  # التشغيلية1,901 مليون: its groups
        nxt = toks[after].text if after < len(toks) else ""
        if w is not None and (
            nxt == "%" or _unit_word(lex, nxt) or ((len(w.group(2)) > 1 or after > k + 1) and _counted_shape(nxt))
        ):  # one digit before a mere plural is more often a name's (ينبع2 استثمارات)
            cut = t.start + w.end(1)  # بلغ عدد المستفيدين500 طفل: a number glued after a word, its object next
            out += [Token(w.group(1), t.start, cut, fold(w.group(1))), Token(w.group(2), cut, t.end, fold(w.group(2)))]
            continue
        a = _ART_ON_NUM.fullmatch(t.text) if t.text[-1:].isdigit() else None
        if (
            a is not None
            and fold(a.group(1)) == _ART
            and _unit_word(lex, nxt)
            and all(x.norm != fold(a.group(2)) for x in out)  # الـ600 مليون after 600 مليون refers back (F1)
        ):
            cut = t.start + a.end(1)  # قرابة الـ60 كيلومترا: read as the spaced الـ 60 كيلومترا
            out += [Token(a.group(1), t.start, cut, fold(a.group(1))), Token(a.group(2), cut, t.end, fold(a.group(2)))]
            continue
        m = _NUM_ON_WORD.fullmatch(t.text) if t.text[-1:].isalpha() and not t.text.isalpha() else None
        if m is None or not _unit_word(lex, m.group(3)) or (m.group(2) and fold(m.group(2)) not in proclitics()):
            out.append(t)
            continue
        cut = t.start + m.end(1)  # بـ1600حافلة: the proclitic stays on its number, read as بـ1600 حافلة
        out += [Token(m.group(1), t.start, cut, fold(m.group(1))), Token(m.group(3), cut, t.end, fold(m.group(3)))]
    return out


def _grouped_end(toks: list[Token], k: int) -> int:
    """Index of the token after the number that starts glued to ``toks[k]``: the tokenizer cuts
    ``التشغيلية1,901`` into ``التشغيلية1`` ``,`` ``901``, so the groups written on without a space
    (``,``/``.`` then digits) belong to the glued number and the word after them is its unit."""
    j = k + 1
    while (
        j + 1 < len(toks)
        and toks[j].text in _GROUP_MARKS
        and toks[j].start == toks[j - 1].end
        and toks[j + 1].start == toks[j].end
        and toks[j + 1].text.isdigit()
    ):
        j += 2
    return j


def _counted_shape(word: str) -> bool:
    """Whether ``word`` has a counted noun's shape after a number of two digits or more: a
    written plural, an accusative singular (``عقدا``) or a feminine singular (``مبايعة``), so
    ``بتسجيلها17 مبايعة`` is split before its number, while a name's number (``آيفون6``) is not."""
    if not _LETTERS_ONLY.fullmatch(word):
        return False
    return is_plural(word) is not None or without_accusative(word) is not None or fold(word).endswith(_FEM)


def _unit_word(lex: Lex, word: str) -> bool:
    """A listed object, counted noun or scale (``دولارا``, ``ريالا``, ``مليونا``), also
    without its tanween alef."""
    forms = {fold(word), fold(without_accusative(word) or word)}
    known = nouns().singulars
    return any((f,) in lex.objects or f in known or lex.numbers.get(f, (0, ""))[1] == "scale" for f in forms)
