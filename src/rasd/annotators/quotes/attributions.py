"""Attribution phrases: ``وفقا لـX``, ``بحسب X``, ``على حد تعبير X`` name the source of the
clause beside them (after the phrase at a sentence start, else the sentence before it).
Beside a quote already found in the same sentence, X is where the words were carried (decision 6b).
"""

from __future__ import annotations

import dataclasses
from functools import cache

from rasd.annotators.quotes.context import NP, Ctx, content_end, polarity, sentence_start, tok_at, trim
from rasd.annotators.quotes.coref import is_anaphor
from rasd.annotators.quotes.frames import connector
from rasd.annotators.quotes.history import after_l as _after_l
from rasd.annotators.quotes.history import bare as _bare
from rasd.annotators.quotes.history import nodef as _nodef
from rasd.annotators.quotes.lexicon import member, org_head_words
from rasd.annotators.quotes.speakers import (
    Subj,
    is_adjunct_start,
    make_speaker,
    medium_text,
    one_of_words,
    speakerish,
)
from rasd.annotators.quotes.statements import definite_statement
from rasd.annotators.quotes.subjects import main_subject
from rasd.annotators.spans import SpanIndex
from rasd.models import Quote, Span, Speaker
from rasd.resources import load_lines
from rasd.text import fold
from rasd.text.clitics import affix, affixes, article, chain, conjunctions, particle, proclitic

_TO = proclitic("to")  # وفقا لـX
_TO_ART = chain("to", "the")  # وفقا للمصدر
_ART = article()
_CONJ = conjunctions()  # و، ف
_SO = proclitic("so")  # ف
_SO_THAT = _SO + particle("that")  # فإن
_WHAT = particle("what")  # بحسب ما قالت
_WHATS = frozenset({_WHAT, _TO + _WHAT})  # ما، لما (وفقا لما أعلنته)
_OBJ = affixes("pronoun", "definite")  # أعلنته، مكتبه
_TA, _TA_MARBUTA = fold(affix("feminine", "construct")), fold(affix("feminine"))
_SOURCE_MAX = 12  # tokens of a source phrase with its qualifiers
_SHORT = 4  # tokens of an unnamed subject that can tell its own story ("المواطن", "قائد الشرطة")


def attributions(cx: Ctx, found: list[Quote], doc_id: str, date: str | None) -> list[Quote]:
    """``وفقا لـX``/``بحسب X``/``على حد تعبير X``: X is the source of the clause beside it."""
    toks, lex = cx.toks, cx.lex
    out: list[Quote] = []
    k = 0
    firsts = {p[0] for p in lex.attributions}
    found_at = SpanIndex(found)
    spoke = {q.speaker.start for q in found}
    cues = {tok_at(cx, q.start + 1) - 1 for q in found}  # the token each found quote opens with
    while k < len(toks):
        if not any(b in firsts for b in _bare(toks[k].norm)):
            k += 1
            continue
        hit: int | None = None
        matched: tuple[str, ...] = ()
        for phrase in lex.attributions:
            n = len(phrase)
            words = [t.norm for t in toks[k : k + n]]
            if len(words) < n:
                continue
            last_ok = n == 1 or words[-1] == phrase[-1]
            if phrase[0] in _bare(words[0]) and tuple(words[1:-1]) == phrase[1:-1] and last_ok:
                hit, matched = n, phrase
                break
            # "وفقا للمصدر": the final ل is attached to the source
            if phrase[-1] == _TO and n >= 2 and phrase[0] in _bare(words[0]) and words[1:-1] == list(phrase[1:-1]):
                w = words[-1]
                if w.startswith(_TO) and len(w) > 2:
                    hit, matched = n - 1, phrase
                    break
        if hit is None:
            k += 1
            continue
        src_a = k + hit
        # "بحسب ما قالت مصادر", "على ما نقلت وكالة", "حسبما صرح السفير": the source follows the verb
        said = _said(cx, src_a, glued=len(matched[-1]) > len(_WHAT) and matched[-1].endswith(_WHAT))
        if said:
            src_a += said
        elif matched in lex.attr_verb:
            k += hit
            continue
        if src_a >= len(toks):
            break
        src_b = src_a
        first = sentence_start(cx, k) == k - (k > 0 and toks[k - 1].norm in _CONJ)  # the phrase opens its sentence
        while src_b < len(toks) and src_b - src_a < _SOURCE_MAX and toks[src_b].norm not in _STOPS and not cx.brk[src_b] and not (
            src_b > src_a and any(w in lex.comps for w in _bare(toks[src_b].norm))  # "وفقا للشرطة فإن …"
        ) and not (
            src_b > src_a and is_adjunct_start(cx, src_b)  # "بحسب ما ذكر وكيله يوم الثلاثاء": time ends it
        ) and not (
            src_b > src_a and toks[src_b].norm in _source_stops()  # "بحسب المصادر لم تتوصل …"
        ) and not (
            first and src_b > src_a and src_b in cues  # "وبحسب «رويترز» ذكرت الشركة أن …": a found quote's cue
        ) and not (  # "وطبقا للبيان استهدفت …": a definite statement takes no indefinite word after it
            src_b == src_a + 1 and definite_statement(toks[src_a].norm) and not toks[src_b].norm.startswith(_ART)
        ):
            if src_b in cx.open_at:
                src_b = cx.open_at[src_b]
            src_b += 1
        np_ = trim(cx, src_a, src_b - 1)
        if said and is_adjunct_start(cx, src_a, segment=True):
            # "…، حسب ما أعلن في حسابه": no subject after the verb; the sentence's own subject said it
            zero = main_subject(cx, sentence_start(cx, k), k)
            np_ = zero.np if zero is not None else None
        if np_ is not None and (q := _own_words(cx, np_, k, found, cx.text[toks[k].start : toks[k + hit - 1].end], doc_id, date)):
            out.append(q)  # "حيث يركز المدرب حسب وصفها على …": the clause is hers (E5)
            k = src_b
            continue
        if matched in lex.attr_closing and not _closes(cx, k, src_b):
            k += hit  # "كما أعلن الوزير أن …": "also", with content of its own after it
            continue
        # "وبحسب أحد التجار فإن …": opening its sentence with فإن after it, the phrase can only name a
        # source; a qualifier between ("الذي أبرمه النادي") is neither source nor content
        fin = _framed(cx, src_a, src_b) if first else None
        if fin is not None:
            src_b = fin
        if np_ is None or not (fin is not None or _is_source(cx, np_)) or toks[np_.first].start in spoke:
            k += hit  # not a source, or one already quoted with its own verb ("صحيفة X ونقلا عن مصادر، قد كشفت")
            continue
        glued = matched[0] != toks[k].norm and matched[0] in _bare(toks[k].norm)  # "وبحسب", not "وفق"
        cue = cx.text[toks[k].start + glued : toks[k + hit - 1].end]
        s0 = sentence_start(cx, k)
        s_start = cx.toks[s0].start
        s_end = toks[content_end(cx, k) - 1].end if k < len(toks) else len(cx.text)
        # beside a quote of its own sentence, the phrase names where the words were carried
        inside = found_at.containing(toks[k].start)
        inside += [q for q in found_at.within(s_start, s_end) if not _so_that(cx, src_b) and q not in inside and (
            abs(q.end - toks[k].start) <= 3 or toks[src_b - 1].end <= q.start)]
        if inside and (q := _document_quote(cx, np_, k, src_b, inside[0], cue, doc_id, date)) is not None:
            out.append(q)  # "…، بحسب ما نصت عليه المادة 17": the statute's clause, not a carrier
            k = src_b
            continue
        if inside:
            if inside[0].speaker.medium is None and not member(toks[np_.first].norm, lex.anon):
                inside[0].speaker.medium = medium_text(cx, np_.first, np_.last)
            k = src_b
            continue
        opens = s0 == k or all(not t.is_word for t in toks[s0:k]) or (k - s0 == 1 and toks[s0].norm in _CONJ)
        if opens and s0 > 0 and (src_b >= len(toks) or cx.brk[src_b - 1] or toks[src_b].norm in (".", "!")):
            c_a, c_b = sentence_start(cx, s0 - 1), s0  # "….وفقا لرويترز.": it closes the sentence before
            before = found_at.within(toks[c_a].start, toks[k - 1].end)  # up to a closing mark before the phrase
            # "“… الأول. … القصير.”وفقا لرويترز.": a quotation of several sentences ends right there
            lw = next((x for x in range(s0 - 1, c_a - 1, -1) if toks[x].is_word), s0 - 1)  # its last word, past ”.
            before += [q for q in found_at.containing(toks[lw].start) if q not in before and q.end <= toks[k].start]
            if before:  # "وذكر X أن …، واصفا … .بحسب رويترز.": the agency that carried those words
                for q in before:
                    if q.speaker.medium is None and not member(toks[np_.first].norm, lex.anon):
                        q.speaker.medium = medium_text(cx, np_.first, np_.last)
                k = src_b
                continue
        elif opens or _so_that(cx, src_b):  # "…»، وبحسب المصدر فإنه «…»": فإن opens the content
            c_a = src_b + 1 if src_b < len(toks) and toks[src_b].norm == "," else src_b
            if _so_that(cx, c_a):
                c_a += 1
            c_b = content_end(cx, c_a)
        else:
            c_a, c_b = s0, k
            carried = found_at.within(s_start, toks[k].start) if member(toks[np_.first].norm, lex.outlets) else []
            if carried:  # "وجاء في الحكم أن …، بحسب صحيفة X": the paper carried that quote (decision 6b)
                for q in carried:
                    if q.speaker.medium is None:
                        q.speaker.medium = medium_text(cx, np_.first, np_.last)
                k = src_b
                continue
            if matched in lex.attr_closing:  # "… موجودا بأن تنقل المباراة كما أعلن X": from the clause after بأن
                c_k = k - 1 if toks[k - 1].norm == "," else k  # the comma setting off "، كما أعلن X" ends the content
                c_a = max((x + 1 for x in range(s0, c_k) if toks[x].norm == "," or any(w in lex.comps for w in _bare(toks[x].norm))), default=s0)
        cn = trim(cx, c_a, c_b - 1)
        if cn is None:
            k = src_b
            continue
        if cx.open_at.get(cn.first) == cn.last and cn.last - cn.first > 1:
            cn = NP(cn.first + 1, cn.last - 1)  # "فإنه «…»": the quotation is the content, in its marks
        direct = cn.first - 1 in cx.open_at and cx.open_at[cn.first - 1] == cn.last + 1
        sub = Subj(np=_strip_l(cx, np_))
        spk = _same_as(cx, np_, [*found, *out], toks[k].start) or make_speaker(cx, sub)
        if spk is not None and spk.text[:1] == _TO and not fold(spk.text).startswith(_TO_ART) and len(spk.text) > 3:
            spk.start += 1
            spk.text = cx.text[spk.start : spk.end]
        if spk is None:
            k = src_b
            continue
        c_s, c_e = toks[cn.first].start, toks[cn.last].end
        out.append(
            Quote(doc_id, min(toks[k].start, c_s), max(toks[np_.last].end, c_e), spk, cue, Span(c_s, c_e),
                  direct, polarity(cx, "assert", cn.first, cn.last + 1), 0.7, date)
        )
        k = src_b
    return out


def _framed(cx: Ctx, src_a: int, src_b: int) -> int | None:
    """The token (or the comma before it) of a ``فإن`` that follows the source opening at
    ``src_a`` within its sentence, past a qualifier of the source (``الذي أبرمه …``), else None."""
    toks = cx.toks
    for j in range(src_b, min(len(toks), src_a + _SOURCE_MAX)):
        if _so_that(cx, j):
            return j - (toks[j - 1].norm == ",")
        if toks[j].norm in (".", "!", "?") or cx.brk[j]:
            return None
    return None


def _closes(cx: Ctx, k: int, src_b: int) -> bool:
    """The phrase at ``k`` follows words of its sentence and its source (ending at ``src_b``)
    ends the clause: a stop, a comma or an adjunct (``عبر تويتر``), nothing said after it."""
    toks = cx.toks
    j = k - 1 if k > 0 and toks[k - 1].norm == "," else k  # "…، كما أعلن الوزير.": the comma only sets it off
    if j == sentence_start(cx, k) or j == 0 or not toks[j - 1].is_word:
        return False
    return src_b >= len(toks) or cx.brk[src_b - 1] or toks[src_b].norm in (".", ",", "!") or is_adjunct_start(cx, src_b)


def after_attribution(cx: Ctx, k: int) -> bool:
    """The cue at ``k`` follows an attribution word (``بحسب إعلان …``): it names that source."""
    return k > 0 and any(p[-1] in _bare(cx.toks[k - 1].norm) for p in cx.lex.attributions)


def _document_quote(cx: Ctx, np_: NP, k: int, src_b: int, outer: Quote, cue: str, doc_id: str, date: str | None) -> Quote | None:
    """A document or statute named by an attribution inside ``outer``'s content (realnews
    decision 4, E2): the clause it qualifies is its own quote. Opening the content (``«بحسب
    تقرير X، فإن …»``), it qualifies what follows; else what comes before it."""
    toks = cx.toks
    head = _nodef(_after_l(_bare(toks[np_.first].norm)[-1]))
    if head not in _documents() or not outer.content.start <= toks[k].start < outer.content.end:
        return None
    first = next(x for x in range(k + 1) if toks[x].end > outer.content.start)
    last = max(x for x in range(len(toks)) if toks[x].start < outer.content.end)
    if first == k:
        a = src_b + (src_b < len(toks) and toks[src_b].norm == ",")
        a += a < len(toks) and toks[a].norm == _SO_THAT
        cn = trim(cx, a, min(last, content_end(cx, a) - 1))
    else:
        cn = trim(cx, first, k - 1)
    src = _strip_l(cx, np_)
    spk = make_speaker(cx, Subj(np=src, name=src))  # "المادة 17 من النظام": one name, no title in it
    if cn is None or spk is None:
        return None
    c_s, c_e = toks[cn.first].start, toks[cn.last].end
    return Quote(doc_id, min(toks[k].start, c_s), max(toks[np_.last].end, c_e), spk, cue, Span(c_s, c_e), False,
                 polarity(cx, "assert", cn.first, cn.last + 1), 0.6, date)  # fmt: skip


@cache
def _org_heads() -> frozenset[str]:
    return frozenset(_nodef(fold(x)) for x in org_head_words())


@cache
def _source_stops() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/source_stops.txt"))


@cache
def _documents() -> frozenset[str]:
    return frozenset(_nodef(fold(x)) for name in ("data_sources.txt", "statutes.txt") for x in load_lines(f"quotes/{name}"))


def _own_words(cx: Ctx, np_: NP, k: int, found: list[Quote], cue: str, doc_id: str, date: str | None) -> Quote | None:
    """``حسب وصفها``/``بحسب قوله`` at ``k``: the clause around the phrase, from the comma or
    connector before it to the end of its clause, is the latest earlier speaker's."""
    toks = cx.toks
    w = toks[np_.first].norm
    told = np_.first < np_.last and toks[np_.first + 1].norm.startswith(_TO)  # "حسب روايته للشيخ X"
    if (np_.first != np_.last and not told) or not any(
        w.endswith(suf) and len(w) - len(suf) >= 3 and _own_stem(w[: len(w) - len(suf)]) in _own() for suf in _OBJ
    ):
        return None
    s0 = sentence_start(cx, k)
    before = [q for q in found if q.start < toks[k].start]
    if before:
        spk = dataclasses.replace(max(before, key=lambda q: q.start).speaker)
    elif (per := _first_person(cx, s0, k)) is not None and (made := make_speaker(cx, Subj(np=per))) is not None:
        spk = made  # "تمكن الداعية … الشيخ X من الإفلات … حسب روايته": nobody quoted yet, the person the sentence is about
    elif (main := main_subject(cx, s0, k)) is not None and main.np is not None and (
        main.np.last - main.np.first < _SHORT and speakerish(cx, main.np)
    ) and (made := make_speaker(cx, main)) is not None:
        spk = made  # "وصل المواطن إلى بيته حسب روايته": an unnamed subject tells it
    else:
        return None
    a = next((x + 1 for x in range(k - 1, s0 - 1, -1) if toks[x].norm == "," or connector(toks[x])), s0)
    cn = trim(cx, a, content_end(cx, np_.last + 1) - 1)
    if cn is None or cn.first >= k:
        return None
    c_s, c_e = toks[cn.first].start, toks[cn.last].end
    if c_e <= toks[np_.last].end:  # the phrase closes the clause: the content stops before it
        c_e = toks[k - 1].end
    cut = a - 1
    while cut > s0 and (toks[cut - 1].norm == "," or connector(toks[cut - 1])):
        cut -= 1
    for q in before:  # the clause is no longer the earlier quote's running content
        if not q.direct and q.content.start < c_s < q.content.end and cut > 0 and toks[cut - 1].end > q.content.start:
            q.content.end = toks[cut - 1].end
    return Quote(doc_id, c_s, max(c_e, toks[np_.last].end), spk, cue, Span(c_s, c_e), False,
                 polarity(cx, "assert", cn.first, cn.last + 1), 0.6, date)  # fmt: skip


def _first_person(cx: Ctx, s0: int, k: int) -> NP | None:
    """Tokens of the first person named between token ``s0`` and the cue at ``k``."""
    per = next((m for m in cx.ents.overlapping(cx.toks[s0].start, cx.toks[k].start) if m.type == "PER" and m.start >= cx.toks[s0].start), None)
    if per is None:
        return None
    a, b = tok_at(cx, per.start), tok_at(cx, per.end) - 1
    return NP(a, b) if s0 <= a <= b < k else None


def _own_stem(w: str) -> str:
    """``روايت`` (of ``روايته``) → ``رواية`` folded: a ta marbuta is written ت before a pronoun."""
    return w[:-1] + _TA_MARBUTA if w.endswith(_TA) else w


@cache
def _own() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/own_words.txt"))


_STOPS = frozenset({",", "-", "–", "—", "(", ")"})  # punctuation that ends a source phrase ("-حسب وصف X- في …")


def _said(cx: Ctx, k: int, glued: bool = False) -> int:
    """Tokens of ``ما`` + a one-word reporting verb at ``k`` (``ما ذكرت``, ``لما أعلنته``, ``ما
    نصت عليه``, ``ما أفاد به``: the verb's object pronoun and a preposition carrying it are
    part of the frame), else 0; not ``ما جاء في`` ("what the text says": no speaker follows).
    ``glued``: the phrase already ends with ما (``حسبما صرح``), so the verb is at ``k``."""
    toks = cx.toks
    if glued:
        k -= 1
    elif k + 1 >= len(toks) or toks[k].norm not in _WHATS:
        return 0
    if k + 1 >= len(toks):
        return 0
    w = toks[k + 1].norm
    forms = [*_bare(w), *(w[: len(w) - len(suf)] for suf in _OBJ if w.endswith(suf) and len(w) - len(suf) >= 3)]
    if not any((f,) in cx.lex.cues for f in forms):
        return 0
    return (3 if k + 2 < len(toks) and toks[k + 2].norm in _carriers() else 2) - glued


@cache
def _carriers() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/pronoun_objects.txt"))


def _possessed_source(cx: Ctx, w: str, raw: str) -> bool:
    """``حسب مكتبه``, ``وفقا لحكومته``: a body with a possessive pronoun (not ``حسب قوله`` or
    ``حسب وصفها``: there the possessor spoke, and the attribution is no source of its own)."""
    return any(  # the raw word ends with the pronoun: folding writes the ة of "للألمانية" as ه
        w.endswith(suf) and raw.endswith(suf) and len(w) - len(suf) >= 3 and _after_l(w[: len(w) - len(suf)]) in cx.lex.orgs
        for suf in _OBJ
    )


def _same_as(cx: Ctx, np_: NP, quotes: list[Quote], before: int) -> Speaker | None:
    """``المصدر نفسه``: the latest earlier source with that head word (``مصدر في الوزارة``); so
    too a lone definite noun (``بحسب التقرير`` after ``تقرير شركة X``: the rn240 anaphor rule)."""
    toks = cx.toks
    lone = np_.first == np_.last and _after_l(_bare(toks[np_.first].norm)[-1]).startswith(_ART)
    if not lone and (np_.last == np_.first or toks[np_.last].norm not in _same()):
        return None
    head = _nodef(_after_l(_bare(toks[np_.first].norm)[-1]))
    for q in sorted((q for q in quotes if q.start < before), key=lambda q: q.start, reverse=True):
        words = q.speaker.text.split()
        if words and _nodef(_after_l(fold(words[0]))) == head:
            return dataclasses.replace(q.speaker)
    return None


@cache
def _same() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/same.txt"))


def _so_that(cx: Ctx, k: int) -> bool:
    """``فإن``, ``فإنه``, ``فانه``: ف + a complementizer, the content after an attribution phrase."""
    w = cx.toks[k].norm if k < len(cx.toks) else ""
    return w == _SO_THAT or (w.startswith(_SO) and w[len(_SO) :] in cx.lex.comps)


def _strip_l(cx: Ctx, np_: NP) -> NP:
    """``لـ«رويترز»`` → ``«رويترز»``: a bare ل token before the source is not part of it."""
    if cx.toks[np_.first].norm == _TO and np_.first < np_.last:
        return trim(cx, np_.first + 1, np_.last) or np_
    return np_


def _is_source(cx: Ctx, np_: NP) -> bool:
    toks, lex = cx.toks, cx.lex
    i = np_.first + (toks[np_.first].norm == _TO and np_.first < np_.last)
    if toks[i].norm in one_of_words() and i < np_.last:
        i += 1  # "بحسب ما أعلن أحد النواب": one of a group of sources is a source
    first = toks[i]
    if np_.first in cx.open_at or (toks[np_.first].norm == _TO and np_.first + 1 in cx.open_at):
        return True
    w = first.norm
    cands = {w, _nodef(w)}
    if w.startswith(_TO_ART):
        cands.add(_ART + w[len(_TO_ART) :])
        cands.add(w[len(_TO_ART) :])
    elif w.startswith(_TO):
        cands.add(w[len(_TO) :])
        cands.add(_nodef(w[len(_TO) :]))
    if cands & (lex.sources | lex.outlets | lex.anon | lex.titles) or any(_nodef(c) in lex.anon for c in cands):
        return True
    if any(_nodef(c) in _org_heads() for c in cands):
        return True  # "بحسب الشركة", "وفقا للجامعة": a body, named before or not
    if np_.first == np_.last and _possessed_source(cx, _bare(w)[-1], first.text):
        return True
    if np_.first == np_.last and is_anaphor(first.text):
        return True  # "بحسب ما ذكر الأخير": resolved to the name by coref
    # a person or body named at the head ("بحسب الجيش الأمريكي"), not further on ("حسب الأولوية
    # في مخططات الملك فهد": the order of the works, not a source)
    s, e = first.start, toks[min(np_.last, np_.first + 1)].end
    return any(m.type in ("PER", "ORG") for m in cx.ents.starting_in(s, e))

