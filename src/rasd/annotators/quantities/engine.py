"""Counts in Arabic news: numbers, what they count, whose they are and where.

The engine walks the token list (``rasd.text.tokenize``: exact offsets, folded forms) and
reads every word list from ``resources/quantities/``: number words, vague amounts,
modifiers (نحو، أكثر من …), range frames, counted objects with their plural and dual
forms, group adjectives and places. Years, dates, times and phone numbers are skipped
here as well as via the time tagger's mentions, because the tagger may be absent.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import cache

from rasd.annotators.quantities import dual_context as duals
from rasd.annotators.quantities.around import (
    after_mod,
    before_mod,
    gentilic,
    glued_len,
    match_seq,
    object_after,
    place_after,
    unit_after,
)
from rasd.annotators.quantities.dual_context import anaphoric_dual, not_joined
from rasd.annotators.quantities.frames import (
    frame_words,
    in_brackets,
    label_before,
    needs_object,
    same_object,
)
from rasd.annotators.quantities.groups import (
    group_member,
    in_name,
    others,
    others_lemma,
    singular_before,
    unwritten_object,
)
from rasd.annotators.quantities.later_pronoun import pronoun_pair
from rasd.annotators.quantities.money import last_currency, not_counted, scaled
from rasd.annotators.quantities.named_duals import named_dual
from rasd.annotators.quantities.neighbours import (
    date_after,
    inherit,
    is_score,
    mixed_before,
    plural_before,
    score_side,
    share_forward,
)
from rasd.annotators.quantities.numbers import (
    Lex,
    Num,
    accusative_unit,
    lexicon,
    lookup,
    orig_len,
    scan_number,
    unglue,
    word_readings,
)
from rasd.annotators.quantities.objects import (
    ONE_ALONE,
    is_definite,
    is_plural,
    nisba_of_noun,
    noun_before,
    nouns,
    of_group,
    open_object,
)
from rasd.annotators.quantities.one_of_pronoun import one_of_pronoun
from rasd.annotators.quantities.open_duals import word_count
from rasd.annotators.quantities.skim import candidates, doc_flags, line_bounds
from rasd.annotators.quantities.skips import is_multiple, is_skipped, names_round
from rasd.annotators.spans import SpanIndex
from rasd.models import EntityMention, Quantity, Span, Timex
from rasd.resources import load_lines, load_table
from rasd.text import Token, fold, tokenize
from rasd.text.clitics import affixes, article, conjunctions, particle, proclitic
from rasd.text.sentences import SENTENCE_ENDS

__all__ = ["extract_quantities", "lexicon"]

_AND = proclitic("and")
_MY = fold(affixes("construct", "dual", "masc")[0])  # the ي that ends a construct dual and "my" alike
_BY = proclitic("by")
_ART = article()
_CONJ_LETTERS = "".join(conjunctions())  # و ف (a string: "" is in it, as before)
_FROM, _IN, _BETWEEN = particle("from"), particle("in"), particle("between")
_OF_THEM = frozenset(_FROM + fold(p) for p in affixes("pronoun"))  # منهم، منها
_OR = frozenset(fold(w) for w in load_lines("quantities/or_words.txt"))  # شرطي أو اثنين
_PEOPLE_VERBS = {fold(r[0]): r[1] for r in load_table("quantities/people_verbs.tsv")}


def extract_quantities(
    text: str,
    doc_id: str = "",
    timex: Iterable[Timex] = (),
    entities: Iterable[EntityMention] = (),
) -> list[Quantity]:
    """Every count in ``text`` with value, bounds, counted object, owner and place."""
    lex = lexicon()
    out: list[Quantity] = []
    toks = unglue(lex, tokenize(text))
    starts = candidates(doc_flags(lex, toks))
    if not starts:
        return out
    ents = SpanIndex(entities)
    spans = SpanIndex(timex)
    # lines are read apart: a number never takes its object, modifier or range end from the
    # next paragraph (a count ending one line is not followed by the next)
    for a, b in line_bounds(text, toks, lex):
        lo, hi = bisect_left(starts, a), bisect_left(starts, b)
        if lo < hi:
            _scan_line(lex, toks[a:b], [k - a for k in starts[lo:hi]], text, doc_id, spans, ents, out)
    return share_forward(out, text, frozenset(fold(w) for _, w in lex.ranges if w.isalpha() and w != _AND))


def _scan_line(
    lex: Lex,
    toks: list[Token],
    starts: list[int],
    text: str,
    doc_id: str,
    spans: SpanIndex[Timex],
    ents: SpanIndex[EntityMention],
    out: list[Quantity],
) -> None:
    """The counts of one line, appended to ``out`` (earlier lines' counts are there too).
    Only the tokens in ``starts`` (``skim.candidates``) are tried: no count starts elsewhere."""
    i = 0
    while True:
        nxt = bisect_left(starts, i)
        if nxt == len(starts):
            return
        i = starts[nxt]
        num = scan_number(lex, toks, i, text)
        if num is None:
            i = _wordless(lex, toks, i, text, doc_id, spans, ents, out)
            continue
        if num.j == num.i + 1 and accusative_unit(lex, toks[num.i].norm) and object_after(lex, toks, num.j) is None:
            i = num.j  # واحدا من أبرز, هدفا واحدا: only واحدا بالمئة is read (numbers.accusative_unit)
            continue
        if num.mod == "VAGUE" and (num.vmin or 0) < 10 and object_after(lex, toks, num.j) is None:
            i = num.j  # جبهات عدة: "several" after its noun counts nothing (لعدة هجمات, بضعة آلاف do)
            continue
        if is_skipped(lex, toks, num, text, spans):
            i = num.j
            if i + 1 < len(toks) and toks[i].norm in {join for _, join in lex.ranges if join != _AND}:
                other = scan_number(lex, toks, i + 1, text)
                if other is not None and not (_is_year(num.value) and not _is_year(other.value)):
                    i = other.j  # نموذج 101 حتى 119: the other end of a skipped range
                # else: عام 2009 إلى 15.7 مليار: after a year, إلى reaches an amount, not another year
            continue
        if num.dot3 and _thousands(lex, toks, num.j):
            num.value = (num.value or 0.0) * 1000  # 741.500 شخص: the dot groups thousands
        q_start, mod, approx = num.start, num.mod, False
        value, vmax = num.value, num.vmax
        j = num.j
        # ranges: بين X و Y / من X إلى Y
        rng = _range(lex, toks, num, text)
        if (
            _is_year(num.value) and num.digits and not of_group(toks, num.j)  # 2000 من المصلين
            and object_after(lex, toks, rng[1].j if rng else num.j) is None
            and not (rng is None and _compared_count(lex, toks, num))
        ):
            if rng is None or _is_year(rng[1].value):
                i = num.j  # a bare year (or a span of years)
                continue
        if (
            rng is not None
            and (date_after(toks, rng[1].j) or any(t.type == "DURATION" for t in spans.overlapping(rng[1].start, rng[1].end)))
            or _time_shared(lex, toks, rng[1].j if rng else num.j, text)
        ):
            i = rng[1].j if rng else num.j  # من 11 حتى 25 /10, في ثلاثة وستة أشهر
            continue
        if rng is not None:
            q_start, j, vmax = rng[0], rng[1].j, rng[1].value
            mod = "RANGE"
            value = num.value = _distribute(lex, toks, num, rng[1])
            if value is not None and vmax is not None and vmax < value:
                value, vmax = vmax, value  # ما بين 9.72% إلى 1.21%
        else:
            bm = before_mod(lex, toks, num.i)
            if bm is not None:
                mod = bm[1]
                q_start = toks[bm[0]].start + glued_len(lex, toks[bm[0]])
        obj = object_after(lex, toks, j)
        q_end = toks[j - 1].end if j > num.j else num.end
        lemma: str | None = None
        conf = 0.85
        object_span: Span | None = None
        k = j
        if _percent_before(toks, num):
            lemma, object_span = "%", Span(toks[num.i - 1].start, toks[num.i - 1].end)
            q_start = min(q_start, object_span.start)
        elif obj is not None:
            lemma = obj[2]
            object_span = Span(toks[obj[0]].start, toks[obj[1] - 1].end)
            q_end = object_span.end
            k = obj[1]
        elif j < len(toks) and toks[j].norm == "%":
            lemma, q_end, k = "%", toks[j].end, j + 1
            object_span = Span(toks[j].start, toks[j].end)
        elif (
            grp := unwritten_object(toks, num.i, j, value) or group_member(toks, (after_mod(lex, toks, j) or (j,))[0])
        ) is not None:  # 40 من تنظيم داعش; 40 على الأقل من تنظيم داعش
            lemma = grp
        elif (oth := others(toks, j)) is not None:
            kin = None if mixed_before(out, q_start, text) else inherit(out, q_start, text) or singular_before(toks, num.i)
            lemma, k = others_lemma(kin, oth[1]), oth[0] + 1
            object_span = Span(toks[oth[0]].start, toks[oth[0]].end)
        elif (
            (num.digits or value not in (1.0, 2.0) or of_group(toks, j))
            and not (mod == "VAGUE" and (num.vmin or 0) < 10)
            # العشرات بجروح: a definite vague amount names its group only after من
            and not (mod == "VAGUE" and is_definite(toks[num.i].text) and (j >= len(toks) or toks[j].norm != _FROM))
            and (opn := open_object(toks, j, vmax if mod == "RANGE" else value)) is not None  # و350 ريالا
            and lookup(lex, toks[opn[0]]) is None
            and not (opn[0] == j and scaled(lex, toks, num) and not_counted(lex, toks[opn[0]]))
            and (gentilic(lex, toks[opn[0]]) is None or opn[0] == j)
            and _plural_ok(lex, toks, num, opn[0])
        ):
            lemma, k = opn[2], opn[1]
            object_span = Span(toks[opn[0]].start, toks[opn[1] - 1].end)
        at = num.i - 1 if value == 2.0 and num.i > 1 and toks[num.i - 1].norm in _OR else num.i  # فئة أو اثنتين
        if lemma is None and not num.digits and (value == 1.0 or at < num.i) and (nb := noun_before(toks, at, one=at == num.i)):
            whole = match_seq(toks, nb[1], lex.objects, at - nb[1])  # عاملة منزلية واحدة: a listed compound (F5)
            n = whole[0] if whole and nb[1] + whole[0] == at else 1
            lemma, object_span = whole[1] if whole and n > 1 else nb[0], Span(toks[nb[1]].start, toks[nb[1] + n - 1].end)
        if lemma is None and not num.digits and value is not None and 3 <= value <= 10 and (pb := plural_before(toks, num.i)):
            lemma, object_span = pb
        if lemma is None and j < len(toks) and toks[j].norm in _PEOPLE_VERBS and not is_definite(toks[num.i].text):
            lemma = _PEOPLE_VERBS[toks[j].norm]  # "إن ثمانية قتلوا": the verb names who is counted
        if (
            lemma is None
            and num.i > 0
            and toks[num.i - 1].norm == _ART
            or is_score(toks, k, lemma)
            or score_side(toks, num.i, lemma)
        ):
            i = max(j, k)  # دور ال32; بهدفين مقابل هدف
            continue
        listed = lemma is None and num.digits and _listed_with_unit(lex, toks, j, text)  # its unit comes last
        if lemma is None and num.digits and re.fullmatch(r"\d{5,}", fold(text[num.start : num.end])):
            i = j  # a code or a phone number
            continue
        if lemma is None and num.digits and label_before(lex, toks, num.i) and not scaled(lex, toks, num) and not listed:
            i = j  # "الفرقة 30", "الطائرة 370" name the thing before them; "العجز 62.5 مليار" is an amount
            continue
        if lemma is None and num.digits and in_brackets(toks, num):
            i = j  # "الشمراني (61)": a minute, a rank or a reference in brackets, not a count
            continue
        if lemma is None and not num.digits and needs_object(toks[num.i]):
            i = j  # "وست بروميتش": a number word that is also another word counts only with its noun
            continue
        # not before من + a group: "إصابة اثنين من الضباط" counts officers, not injuries
        if obj is None and not num.digits and value in (1.0, 2.0) and num.i > 0 and not of_group(toks, j):
            b = num.i - 1
            if value == 2.0 and b > 0 and toks[b].norm in _OR:
                b -= 1  # "شرطي أو اثنين": one or two, the noun before أو
            back = None if nisba_of_noun(toks, b) else match_seq(toks, b, lex.objects, 1)  # حادث إرهابي واحد
            if back is not None:  # "جندي واحد": the number follows its noun
                lemma = back[1]
                object_span = Span(toks[b].start, toks[b].end)
                q_start = min(q_start, object_span.start)
        owner = gentilic(lex, toks[k]) if k < len(toks) else None
        if owner is not None:
            if lemma is None:
                q_end = toks[k].end
            k += 1
        am = after_mod(lex, toks, k)
        if am is not None and mod is None:
            mod = am[1]
            q_end = toks[am[0] - 1].end
        place = place_after(lex, toks, k, ents)
        if lemma is None and not num.digits and value == 1.0:
            i = max(j, k)  # "أسبوع واحد": one of something not counted here
            continue
        if lemma is None and mod == "VAGUE" and j < len(toks) and toks[j].norm in _OF_THEM:
            i = j + 1  # "العشرات منهم": no counted noun written (F4)
            continue
        if lemma is None and not listed:
            inherited = inherit(out, q_start, text) or (last_currency(out) if scaled(lex, toks, num) else None)
            if inherited is not None:
                lemma, conf = inherited, 0.55
            elif mod == "VAGUE" and (num.vmin or 0) < 10:
                i = max(j, k)  # "عدة" or "واحد" counting nothing named is not a count
                continue
            else:
                conf = 0.6
        if num.definite and (
            object_span is None or j >= len(toks) or object_span.start != toks[j].start or names_round(toks, num)
        ):
            i = num.j  # "المليون" alone, "في المائة": no count without its noun right after it
            continue
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


def _thousands(lex: Lex, toks: Sequence[Token], j: int) -> bool:
    """After ``741.500``: no percent sign or word, no unit written with three decimals."""
    if j >= len(toks):
        return True
    if toks[j].norm == "%":
        return False
    hit = match_seq(toks, j, lex.objects, lex.max_obj_len)
    return (hit is None or hit[1] != "%") and not any(
        r in _decimal_units() for r in word_readings(toks[j].norm)
    )


@cache
def _decimal_units() -> frozenset[str]:
    """Units whose amounts are written with three decimals (``1.250 دينار``)."""
    return frozenset(load_lines("quantities/decimal_units.txt"))


def _percent_before(toks: Sequence[Token], num: Num) -> bool:
    """``بنسبة %3.5``: a percent sign glued before digits, as text copied across a change of
    writing direction leaves it, is the number's unit (not an object that follows, ``%3.5 هدفا``);
    not when the sign closes an earlier number (``20%30``)."""
    if not num.digits or num.i == 0 or toks[num.i - 1].norm != "%" or toks[num.i - 1].end != num.start:
        return False
    prev = toks[num.i - 2] if num.i > 1 else None
    return prev is None or prev.end != toks[num.i - 1].start or not prev.text[-1:].isdigit()


def _plural_ok(lex: Lex, toks: Sequence[Token], num: Num, k: int) -> bool:
    """An ambiguous number word (a homograph of ``ar/numbers/cardinals.tsv``) counts only a plural noun after it, or
    any noun when it takes a singular (``ستون متطوعا``, 11–99)."""
    if num.digits or not needs_object(toks[num.i]) or (num.value or 0) >= 11:
        return True
    return (
        is_plural(toks[k].text) is not None or match_seq(toks, k, lex.objects, lex.max_obj_len) is not None
    )


def _wordless(
    lex: Lex,
    toks: list[Token],
    i: int,
    text: str,
    doc_id: str,
    spans: SpanIndex[Timex],
    ents: SpanIndex[EntityMention],
    out: list[Quantity],
) -> int:
    """A count written without a number at token ``i`` (``صاروخان``, ``أحد أفراد``,
    ``الدول الست``), appended to ``out``; returns the next token to read."""
    dual = match_seq(toks, i, lex.duals, lex.max_obj_len)
    if dual is not None and toks[i].norm[:1].isalpha():
        n, dual_lemma = dual
        s, e = toks[i].start, toks[i + n - 1].end
        for r in word_readings(toks[i].norm, definite=True):
            if any(key[0] == r for key in lex.duals):
                s += orig_len(toks[i].text, len(toks[i].norm) - len(r))
                break
        definite = is_definite(toks[i].text)
        anaphoric = definite and (
            fold(dual_lemma) in nouns().anaphoric
            or _repeated(out, 2.0, dual_lemma, toks, i + n, ents)
            or duals.refers_back(text, toks, i, e)
        )
        if not spans.overlaps_any(s, e) and not anaphoric and not score_side(toks, i, dual_lemma) and not is_score(toks, i + n, dual_lemma):
            owner = gentilic(lex, toks[i + n]) if i + n < len(toks) else None
            place = place_after(lex, toks, i + n + (owner is not None), ents)
            out.append(
                Quantity(
                    doc_id,
                    s,
                    e,
                    text[s:e],
                    2.0,
                    object=dual_lemma,
                    confidence=0.8,
                    owner=owner,
                    object_span=Span(s, e),
                    place=place,
                )  # fmt: skip
            )
        return i + n
    if toks[i].norm in ONE_ALONE and not spans.overlaps_any(toks[i].start, toks[i].end):
        bm = before_mod(lex, toks, i)
        if bm is not None and bm[1] in ("MORE_THAN", "LESS_THAN"):  # "أكثر من مرة": more than once
            s, e = toks[i].start, toks[i].end
            hit = match_seq(toks, i, lex.objects, 1)
            obj = hit[1] if hit is not None else text[s:e]
            out.append(Quantity(doc_id, s, e, text[s:e], 1.0, mod=bm[1], object=obj, confidence=0.6, object_span=Span(s, e)))
            return i + 1
    if (op := one_of_pronoun(toks, i, out)) is not None:  # لاذ أحدهم بالفرار: one of a group named before
        out.append(Quantity(doc_id, op[0], op[1], text[op[0] : op[1]], 1.0, object=op[2], confidence=0.6, object_span=op[3]))
        return i + 1
    # the noun after أحد/إحدى: a listed form, or a listed dual (إحدى المرأتين: one of the two women)
    wc = word_count(
        toks, i, lex.numbers,
        lambda k: match_seq(toks, k, lex.objects, lex.max_obj_len) or match_seq(toks, k, lex.duals, lex.max_obj_len),
    )  # fmt: skip
    if wc is None and (named := named_dual(toks, i, ents) or pronoun_pair(toks, i)) is not None:  # عاملين هما
        wc = (named[0], named[1], 2.0, named[2], named[0], named[1])
    after_dual = i > 0 and (
        (bool(out) and out[-1].value == 2.0 and out[-1].end == toks[i - 1].end)
        or (is_definite(toks[i].text) and anaphoric_dual(toks[i - 1].text))  # الشركتين المسؤولتين
    )
    my = i + 1 < len(toks) and toks[i].norm.endswith(_MY) and toks[i + 1].norm in not_joined()  # مهنتي في
    if (
        wc is not None
        and not spans.overlaps_any(wc[0], wc[1])
        and not (wc[2] == 2.0 and in_name(ents, toks[i].start, wc[1]))  # الأرجنتين، أحمد الحيان: no dual
        and not is_score(toks, i + 1, wc[3])
        and not (
            i > 0 and not lex.skip_before.isdisjoint(word_readings(toks[i - 1].norm))
            and (wc[2] != 2.0 or lookup(lex, toks[i]) is not None)  # الجمعة برحلتين: a noun's dual is no date part
        )  # بالذكرى السبعين: which one
        and not score_side(toks, i, wc[3]) and not is_multiple(toks[i].norm)  # الضعفين: a ratio
        and not ((after_dual or my or duals.refers_back(text, toks, i, wc[1])) and wc[2] == 2.0)  # بتشكيلتين مختلفتين، هذين المشروعين
        and not (
            wc[2] >= 2
            and is_definite(toks[i].text) and not duals.names_members(toks, i)  # الجهازان الفني واللياقي: a new pair
            and _repeated(out, wc[2], None, toks, i + 1, ents, wc[3] if wc[2] >= 3 else None)
        )
    ):
        s, e, v, lem, os_, oe = wc
        out.append(
            Quantity(doc_id, s, e, text[s:e], v, object=lem, confidence=0.7, object_span=Span(os_, oe))
        )
    return i + 1


REPEAT_WINDOW = 1200  # characters back in which a definite count may refer to an earlier one
NAME_REACH = 40  # characters after it in which a name introduces new members instead
NEAR_WINDOW = 300  # the same for a count of another noun (المرضى الأربعة after أربعة مصابين)


def _repeated(
    out: list[Quantity],
    value: float,
    lemma: str | None,
    toks: list[Token],
    k: int,
    ents: SpanIndex[EntityMention],
    near: str | None = None,
) -> bool:
    """A definite count that refers back (``الشاحنتين`` after ``بشاحنتين``, ``المرضى الأربعة``
    after ``أربعة مصابين``): the same amount was counted just before (the same thing, for a
    dual, or a kind of it: ``السيارتين`` after ``سيارتين مصفحتين``) and no name follows in its
    sentence to introduce new members (``الحكمين الدوليين شكري …``; a name after the full stop,
    ``… كانوا أجانب. سمات أشرف``, introduces nobody).
    With ``near`` (a number word's object), an earlier count of another thing is the same
    group only within ``NEAR_WINDOW`` (``ثلاث وزارات`` … a paragraph later ``السلطات الثلاث``)."""
    if k < len(toks):
        ends = (t.start for t in toks[k : k + 12] if t.text and t.text[0] in SENTENCE_ENDS)
        reach = next(ends, toks[k].start + NAME_REACH)
        if any(e.type == "PER" for e in ents.starting_in(toks[k].start, min(reach, toks[k].start + NAME_REACH))):
            return False
    here = toks[k - 1].start if k > 0 else 0
    return any(
        q.value == value
        and (lemma is None or q.object == lemma or (q.object or "").startswith(lemma + " "))  # سيارة مصفحة
        and 0 <= here - q.end <= (REPEAT_WINDOW if near is None or q.object == near else NEAR_WINDOW)
        for q in out[-8:]
    )


def _time_shared(lex: Lex, toks: Sequence[Token], j: int, text: str) -> bool:
    """``ثلاثة وستة أشهر``: the number shares a time unit with the next one (a duration)."""
    for _ in range(4):
        if j >= len(toks) or not toks[j].norm.startswith(_AND):
            return False
        k = j + (toks[j].norm == _AND)
        nxt = scan_number(lex, toks, k, text) if k < len(toks) else None
        if nxt is None:
            return False
        j = nxt.j
        if j < len(toks) and any(r in lex.skip_after for r in word_readings(toks[j].norm)):
            return True
    return False


def _listed_with_unit(lex: Lex, toks: Sequence[Token], j: int, text: str) -> bool:
    """``الجنوبية 2.9 و2.6 و2.4 في المائة``: the number opens a list joined by و whose last
    member carries a unit or object, so it is an amount in that list, not a label's number."""
    for _ in range(4):
        if j >= len(toks) or not toks[j].norm.startswith(_AND):
            return False
        k = j + (toks[j].norm == _AND)
        nxt = scan_number(lex, toks, k, text) if k < len(toks) else None
        if nxt is None or not nxt.digits:
            return False
        j = nxt.j
        if j < len(toks) and (toks[j].norm == "%" or object_after(lex, toks, j) is not None):
            return True
    return False


def _distribute(lex: Lex, toks: Sequence[Token], first: Num, second: Num) -> float | None:
    """``بين 3.6 و3.7 مليار``: the scale written once applies to both ends."""
    hit = lookup(lex, toks[second.j - 1])
    if first.value is None or hit is None or hit[1] != "scale" or lookup(lex, toks[first.j - 1]):
        return first.value
    unit = 10.0 ** (len(str(int(hit[0]))) - 1)
    return first.value * unit if first.value * unit < (second.value or 0) else first.value


def _compared_count(lex: Lex, toks: Sequence[Token], num: Num) -> bool:
    """``أكثر من 2000 مصري``: a comparison before a year-like number and a noun after it make it
    a count (the time tagger leaves it for the same reason: ``time/heads._h_year_mod``)."""
    bm = before_mod(lex, toks, num.i)
    return bm is not None and bm[1] != "VAGUE" and open_object(toks, num.j, num.value) is not None


def _is_year(v: float | None) -> bool:
    return v is not None and v.is_integer() and 1900 <= v <= 2100


def _range(lex: Lex, toks: Sequence[Token], num: Num, text: str) -> tuple[int, Num] | None:
    """``بين X و Y``, ``من X إلى Y`` or ``X أو Y`` around ``num``: (start offset, second number).

    A frame whose opening word is ``*`` needs none (``5 أو 6 رجال``). Between the frame
    words the ends may come in either order (``ما بين 9.72% إلى 1.21%``): the smaller one is
    the value; ``من X إلى Y`` with a smaller Y is a change, not a range.
    """
    windows: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # n words before num, read once
    for words, join in lex.ranges:
        n = 0 if words == ("*",) else len(words)
        if num.i - n < 0:
            continue
        got, raw = windows.get(n) or windows.setdefault(n, frame_words(toks[num.i - n : num.i]))
        if n and got != words and raw != words:
            continue
        k = num.j + (num.j < len(toks) and toks[num.j].norm == "%")  # 9.72% إلى 1.21%
        between = n > 0 and words[-1].endswith(_BETWEEN)  # بين, ما بين, مابين (one word)
        obj = unit_after(lex, toks, k, num.value) if between and k < len(toks) else None
        k = obj[1] if obj else k  # "بين مائة ألف ريال ومليون ريال": the unit written after both ends
        if k >= len(toks):
            return None
        second: Num | None = None
        if toks[k].norm == join:
            second = scan_number(lex, toks, k + 1, text) if k + 1 < len(toks) else None
        elif join == _AND and toks[k].norm.startswith(_AND):
            second = scan_number(lex, toks, k, text)
        if second is None or second.value is None or num.value is None or second.value == num.value:
            continue
        if obj and not same_object(obj, unit_after(lex, toks, second.j, second.value)):
            continue
        if second.value < num.value and not between:
            continue
        if n == 0 and (num.digits != second.digits or object_after(lex, toks, num.j) is not None):
            continue  # "5 أو 6": both ends written alike, the object after the second
        if n == 0 and (_is_year(num.value) or _is_year(second.value)):
            continue  # a bare range ("2012 إلى 21700"): a year reaching an amount is none
        first_tok = toks[num.i - n] if n else toks[num.i]
        start = first_tok.start + (
            1 if n and raw != words and fold(first_tok.text[:1]) in _CONJ_LETTERS else 0
        )
        return (start if n else num.start), second
    return None
