"""Who said what: direct and indirect quotes with speaker, role, medium and polarity.

Arabic news reports speech in a few regular frames: a reporting verb, its subject, an
optional adjunct (في مؤتمر صحفي، لـ«الشرق الأوسط»، السبت), then ``إن/أن``, a colon or a
quotation. The engine finds cue words from ``resources/quotes/verbs.tsv``, reads the
subject between the cue and the content, splits role from name and the outlet that carried
the words, and follows continuations (وأضاف، مشيرا) back to the last speaker. Attribution
phrases (وفق، بحسب، على حد تعبير) and ``جاء في بيان`` are separate frames. All words are
data; offsets are original-text offsets from ``rasd.text.tokenize``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import islice

from rasd.annotators.quotes.carry import carried
from rasd.annotators.quotes.coref import affiliation, resolve_descriptions
from rasd.annotators.quotes.frames import (
    accusative,
    between,
    connector,
    relay,
    report_noun,
    subordinate,
    whoever,
)
from rasd.annotators.quotes.history import CLITICS as _CLITICS
from rasd.annotators.quotes.history import DEF as _DEF
from rasd.annotators.quotes.history import SpeakerIndex
from rasd.annotators.quotes.history import bare as _bare
from rasd.annotators.quotes.history import nodef as _nodef
from rasd.annotators.quotes.marks import quote_pairs
from rasd.annotators.quotes.nominal import nominal_intro
from rasd.annotators.spans import SpanIndex
from rasd.models import EntityMention, Quote, Span, Speaker, Timex
from rasd.resources import load_lines, load_table
from rasd.text import Token, fold, tokenize

MAX_SUBJECT = 30  # tokens between a cue and its content
MIN_QUOTE_TOKENS = 4  # a shorter quoted run beside a name is a name or a scare quote
MAX_SPAN = 1024  # tokens a sentence look-back or an indirect content may run (real ones < 600)


def _w(s: str) -> tuple[str, ...]:
    return tuple(fold(x) for x in s.split())


@dataclass(frozen=True)
class _Verb:
    lemma: str
    polarity: str
    preps: frozenset[str]
    options: frozenset[str]
    participle: bool
    imperfect: bool = False  # يقول، تؤكد …: no subject and no one before it means no report


@dataclass(frozen=True)
class _Lex:
    cues: dict[tuple[str, ...], _Verb]
    max_cue: int
    comps: frozenset[str]
    say_nouns: frozenset[str]
    anon: frozenset[str]
    anon_adj: frozenset[str]
    titles: frozenset[str]
    orgs: frozenset[str]
    venues: frozenset[str]
    adjuncts: frozenset[str]
    outlets: frozenset[str]
    attributions: tuple[tuple[str, ...], ...]
    sources: frozenset[str]
    deny: tuple[tuple[str, ...], ...]
    skip: frozenset[str]
    relatives: frozenset[str]
    obj_starts: frozenset[str]
    audiences: frozenset[str]
    left_blockers: frozenset[str]


@cache
def lexicon() -> _Lex:
    """All quote word lists, folded, loaded once."""
    cues: dict[tuple[str, ...], _Verb] = {}
    for r in load_table("quotes/verbs.tsv"):
        lemma, pol, preps, opts = r[0], r[1], r[2], r[3]
        pset = frozenset() if preps == "-" else frozenset(fold(p) for p in preps.split("|"))
        oset = frozenset() if opts == "-" else frozenset(opts.split(","))
        for col, part in ((4, False), (5, True)):
            if len(r) > col and r[col] != "-":
                for f in r[col].split("|"):
                    ff, fl = fold(f), fold(lemma)
                    imperf = not part and ff[:1] in "يتن" and not ff.startswith(fl[:2])
                    cues.setdefault(_w(f), _Verb(lemma, pol, pset, oset, part, imperf))

    def lines(name: str) -> frozenset[str]:
        return frozenset(fold(x) for x in load_lines(f"quotes/{name}"))

    from rasd.annotators.quantities.engine import lexicon as qlex

    gentilics = frozenset(qlex().gentilics)
    places = frozenset(" ".join(p) for p in qlex().places)
    return _Lex(
        cues=cues,
        max_cue=max(len(k) for k in cues),
        comps=lines("complementizers.txt"),
        say_nouns=lines("say_nouns.txt"),
        anon=lines("anonymous.txt"),
        anon_adj=lines("anonymous_adjectives.txt") | gentilics | frozenset("ال" + g for g in gentilics),
        titles=lines("titles.txt"),
        orgs=lines("org_words.txt") | gentilics | frozenset("ال" + g for g in gentilics) | places,
        venues=lines("venues.txt"),
        adjuncts=lines("adjuncts.txt"),
        outlets=lines("outlets.txt"),
        attributions=tuple(sorted((_w(r[0]) for r in load_table("quotes/attributions.tsv")), key=len, reverse=True)),
        sources=lines("sources.txt"),
        deny=tuple(_w(x) for x in load_lines("quotes/deny.txt")),
        skip=lines("skip_words.txt"),
        relatives=lines("relatives.txt"),
        obj_starts=lines("object_starts.txt"),
        audiences=lines("audiences.txt"),
        left_blockers=lines("left_blockers.txt"),
    )


def _in(w: str, words: frozenset[str]) -> bool:
    return any(x in words or _nodef(x) in words for x in _bare(w))


# --------------------------------------------------------------------------- engine


@dataclass
class _Ctx:
    text: str
    toks: list[Token]
    lex: _Lex
    open_at: dict[int, int]  # token index of an opening mark -> token index of its close
    close_at: dict[int, int]  # close token -> open token
    ents: SpanIndex[EntityMention]
    brk: list[bool]  # brk[k]: a sentence ends after token k
    s0: list[int]  # s0[k]: the first token of k's sentence
    ends: dict[int, int]  # memo of the raw content end reached from a token (see _content_end)


def _build(text: str, entities: Iterable[EntityMention]) -> _Ctx:
    toks = tokenize(text)
    by_start = {t.start: k for k, t in enumerate(toks)}
    open_at: dict[int, int] = {}
    close_at: dict[int, int] = {}
    for o, c in quote_pairs(text):
        if o in by_start and c in by_start:
            open_at[by_start[o]] = by_start[c]
            close_at[by_start[c]] = by_start[o]
    brk: list[bool] = []
    s0: list[int] = []
    for k, t in enumerate(toks):
        s0.append(k if k == 0 or brk[-1] else s0[-1])
        nxt = toks[k + 1].start if k + 1 < len(toks) else len(text)
        decimal = (
            t.norm == "." and 0 < k < len(toks) - 1 and toks[k - 1].norm.isdigit() and toks[k + 1].norm.isdigit()
            and toks[k - 1].end == t.start and t.end == toks[k + 1].start
        )
        brk.append((t.norm in (".", "!", "?") and not decimal) or "\n" in text[t.end : nxt])
    return _Ctx(text, toks, lexicon(), open_at, close_at, SpanIndex(entities), brk, s0, {})


def _cue_at(cx: _Ctx, k: int) -> tuple[int, _Verb] | None:
    toks = cx.toks
    if k > 0 and toks[k - 1].norm in cx.lex.relatives:
        return None  # "إسرائيل التي أعلنت": a relative clause, not a report
    for n in range(min(cx.lex.max_cue, len(toks) - k), 0, -1):
        words = [t.norm for t in toks[k : k + n]]
        for first in _bare(words[0]):
            v = cx.lex.cues.get((first, *words[1:]))
            if v is not None:
                return None if whoever(toks, k, v.imperfect) or between(toks, k, "strict" in v.options) else (n, v)
    return None


@dataclass
class _Intro:
    content_start: int  # token index where content begins
    direct_open: int | None  # token index of an opening mark, when direct
    kind: str  # comp | colon | quote | prep | obj


def _short_pair(cx: _Ctx, o: int) -> bool:
    c = cx.open_at[o]
    words = [t for t in cx.toks[o + 1 : c] if t.is_word]
    return len(words) < MIN_QUOTE_TOKENS


def _intro_at(cx: _Ctx, k: int, verb: _Verb, first: bool) -> _Intro | None:
    """Does reported content begin at token ``k``?"""
    toks, lex = cx.toks, cx.lex
    t = toks[k]
    nxt = k + 1

    def after(j: int, kind: str) -> _Intro:
        while j < len(toks) and toks[j].norm in (":", ","):
            j += 1
        if j < len(toks) and j in cx.open_at:
            return _Intro(j + 1, j, kind)
        return _Intro(j, None, kind)

    if t.norm == ":":
        return after(nxt, "colon")
    if k in cx.open_at and not _short_pair(cx, k) and not (first and "strict" in verb.options):
        return _Intro(k + 1, k, "quote")
    if t.norm in lex.comps or (t.norm[:1] in _CLITICS and t.norm[1:] in lex.comps and first):
        return after(nxt, "comp")
    if "chain" in verb.options and report_noun(t) and not (nxt < len(toks) and toks[nxt].norm in lex.comps):
        return _Intro(nxt, None, "obj")  # "نقلت الصحيفة عن الوزير توقعه ارتفاع …"
    if t.norm in lex.say_nouns:
        return None
    if (t.norm in verb.preps and t.text != "علي") or (t.norm == "ب" and "ب" in verb.preps):  # علي is a name
        if nxt < len(toks) and (toks[nxt].norm in lex.comps or nxt in cx.open_at):
            return after(nxt + (toks[nxt].norm in lex.comps), "prep")
        if nxt < len(toks) and toks[nxt].is_word:
            return _Intro(nxt, None, "prep")
    if t.norm == "ب" and nxt in cx.open_at:
        return _Intro(nxt + 1, nxt, "quote")
    if "obj" in verb.options and any(x in lex.obj_starts for x in _bare(t.norm)):
        return _Intro(k, None, "obj")  # "نفى المتحدث وقوع أي اشتباك"
    if (
        "ب" in verb.preps
        and t.norm.startswith("ب")
        and len(t.norm) >= 4
        and t.text[1:2] != "ـ"
        and (first or toks[k - 1].norm not in ("في", "فى"))
        and not _in(t.norm, lex.adjuncts)
        and not _in(t.norm, lex.venues)
        and not affiliation(t.norm)
    ):
        return _Intro(k, None, "prep")  # "طالبت النقابة بصرف المستحقات"
    return None


def _content_end(cx: _Ctx, start: int) -> int:
    """One past the last token of indirect content: the sentence or clause end, at most
    ``MAX_SPAN`` tokens on. The walk depends on its position only, so where it ends is
    remembered for every token it passes: a long sentence is walked once, not per cue."""
    toks, ends = cx.toks, cx.ends
    k, path, end = start, [], len(toks)
    while k < len(toks):
        if k in ends:
            end = ends[k]
            break
        path.append(k)
        if k in cx.open_at:
            k = cx.open_at[k]
            if cx.brk[k]:
                end = k + 1
                break
            k += 1
            continue
        if k + 1 < len(toks) and (toks[k].norm == "," or connector(toks[k])) and (
            _cue_at(cx, k + 1) or (toks[k].norm == "," and toks[k + 1].norm in ("فيما", "بينما"))
        ):
            end = k
            break
        if cx.brk[k]:
            end = k + (0 if toks[k].norm in (".", "!", "?") else 1)
            break
        k += 1
    for p in path:
        ends[p] = end
    return min(end, start + MAX_SPAN)


@dataclass
class _NP:
    first: int
    last: int  # inclusive


def _trim(cx: _Ctx, a: int, b: int) -> _NP | None:
    """Tokens ``a..b`` without edge punctuation (quote marks kept when balanced)."""
    while a <= b and not cx.toks[a].is_word and a not in cx.open_at:
        a += 1
    while b >= a and not cx.toks[b].is_word and b not in cx.close_at:
        if cx.toks[b].text == ")" and any(t.text == "(" for t in cx.toks[a:b]):
            break  # keep "(البنتاغون)" whole
        b -= 1
    return _NP(a, b) if a <= b else None


def _segments(cx: _Ctx, a: int, b: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of tokens ``a..b-1`` (commas inside quotes ignored)."""
    out, s, k = [], a, a
    while k < b:
        if k in cx.open_at:
            k = min(cx.open_at[k], b - 1) + 1
            continue
        if cx.toks[k].norm == ",":
            out.append((s, k))
            s = k + 1
        k += 1
    out.append((s, b))
    return [(x, y) for x, y in out if y > x]


def _is_adjunct_start(cx: _Ctx, k: int, segment: bool = False) -> bool:
    w = cx.toks[k].norm
    if accusative(cx.toks[k]):
        return True  # "كتب سابقاً": an adverb, not the subject
    if "علي" in (w, _nodef(w), _bare(w)[-1]) and cx.toks[k].text not in ("على", "وعلى", "فعلى"):
        return False  # the names علي/العلي, not the preposition على
    if _in(w, cx.lex.adjuncts) or (segment and w in ("في", "فى")):
        return True
    if w in ("في", "فى") and k + 1 < len(cx.toks):
        nxt = cx.toks[k + 1].norm
        for suf in ("", "ه", "ها", "هم", "هما"):
            stem = nxt[: len(nxt) - len(suf)] if suf else nxt
            if nxt.endswith(suf) and (_in(stem, cx.lex.venues) or (stem.endswith("ت") and _in(stem[:-1] + "ه", cx.lex.venues))):
                return True  # في كلمته، في بيانها
    return False


def _medium_start(cx: _Ctx, k: int) -> bool:
    """``لـ«X»``, ``للصحيفة``, ``لتلفزيون الحدث`` …: the outlet that was told."""
    t = cx.toks[k]
    if t.norm == "ل" and k + 1 < len(cx.toks):
        return True
    if t.norm.startswith("ل") and len(t.norm) > 2:
        rest = t.norm[2:] if t.norm.startswith("لل") else t.norm[1:]
        return rest in cx.lex.outlets or ("ال" + rest) in cx.lex.outlets or t.norm[1:] in cx.lex.outlets
    return False


@dataclass
class _Subj:
    np: _NP | None = None
    name: _NP | None = None
    role: _NP | None = None
    medium: str | None = None
    chain: bool = False


def _strip_marks(s: str) -> str:
    for ch in "\u00ab\u00bb\u201c\u201d\"\u2018\u2019":
        s = s.replace(ch, "")
    return " ".join(s.split()).strip(" '\u060c,:")


def _medium_text(cx: _Ctx, a: int, b: int) -> str | None:
    np_ = _trim(cx, a, b)
    if np_ is None:
        return None
    s = cx.text[cx.toks[np_.first].start : cx.toks[np_.last].end]
    if cx.toks[np_.first].norm == "ل":
        s = s[len(cx.toks[np_.first].text) :]
    elif s[:1] == "ل" and cx.toks[np_.first].norm != "ل":
        s = s[2:] if fold(s[:2]) == "لل" else s[1:]
        if cx.toks[np_.first].norm.startswith("لل"):
            s = "ال" + s
    return _strip_marks(s) or None


def _parse_subject(cx: _Ctx, a: int, b: int, verb: _Verb) -> _Subj:
    """Speaker phrase, appositions, chain source and medium in tokens ``a..b-1``."""
    sub = _Subj()
    if b <= a:
        return sub
    toks = cx.toks
    segs = _segments(cx, a, b)
    nps: list[_NP] = []
    chain_src: list[_NP] = []
    for s, e in segs:
        while s < e and _bare(toks[s].norm)[-1] in cx.lex.skip:
            s += 1
        if s >= e:
            continue  # "أكدوا لهم أن": only a pronoun object
        if e - s == 1 and _audience(cx, s, e, -1):
            continue  # "وقال للصحفيين:"
        if _is_adjunct_start(cx, s, segment=True):
            # an outlet inside an adjunct: في حديث للصحيفة / في مقابلة مع وكالة X
            for k in range(s, e):
                if _medium_start(cx, k) or (toks[k].norm == "مع" and k + 1 < e and _in(toks[k + 1].norm, cx.lex.outlets)):
                    sub.medium = _medium_text(cx, k + (toks[k].norm == "مع"), e - 1)
                    break
                if k > s and _in(toks[k].norm, cx.lex.outlets) and toks[k - 1].norm in ("عنه", "عنها", "عنهم", "نقل", "ذكر"):
                    sub.medium = _medium_text(cx, k, e - 1)
                    break
            continue
        if toks[s].norm == "عن" and ("chain" in verb.options or nps):
            np_ = _trim(cx, s + 1, e - 1)
            if np_:
                chain_src.append(np_)
            continue
        if _medium_start(cx, s) and nps:
            sub.medium = _medium_text(cx, s, e - 1)
            continue
        # inside a piece: cut at an adjunct, an outlet that ends the piece, a chain عن
        end = e
        k = s + 1
        while k < e:
            if k in cx.open_at:
                if verb.options & {"tell"} and k > s:
                    sub.medium = _medium_text(cx, k, min(cx.open_at[k], e - 1))
                    end = k
                    break
                k = cx.open_at[k] + 1
                continue
            w = toks[k].norm
            if relay(toks[k]) and k + 1 < e and toks[k + 1].norm == "عن":
                k += 1
                continue
            if w == "عن" and ("chain" in verb.options or relay(toks[k - 1])):
                np_ = _trim(cx, k + 1, e - 1)
                if np_:
                    chain_src.append(np_)
                end = k
                break
            if w in ("في", "فى") and not _is_adjunct_start(cx, k) and (
                _in(toks[s].norm, cx.lex.anon) or _in(toks[s].norm, cx.lex.titles)
            ):
                k += 1
                continue
            if _is_adjunct_start(cx, k) or w in ("في", "فى"):
                end = k
                break
            if _medium_start(cx, k) and _tail_is_medium(cx, k, e):
                sub.medium = _medium_text(cx, k, e - 1)
                end = k
                break
            if _audience(cx, k, e, s):
                end = k
                break
            k += 1
        np_ = _trim(cx, s, end - 1)
        if np_:
            nps.append(np_)
    if chain_src:
        if nps:
            sub.medium = _strip_marks(cx.text[toks[nps[0].first].start : toks[nps[0].last].end])
        nps = [chain_src[0]]
        sub.chain = True
    if not nps:
        return sub
    sub.np = nps[0]
    if len(nps) > 1:
        a0, a1 = nps[0], nps[1]
        if _title_np(cx, a0) and not _title_np(cx, a1) and _split_role(cx, a0)[1] is None:
            sub.name, sub.role = a1, a0  # "قائد القيادة، الجنرال X": the title, then the name
        elif _title_np(cx, a1):
            sub.name, sub.role = a0, a1
    return sub


def _tail_is_medium(cx: _Ctx, k: int, e: int) -> bool:
    """``لـ«X»`` at the end of a piece is the medium; ``لـ«X» حركة Y`` is part of a role."""
    if k in cx.open_at:
        return False
    j = k + 1
    if cx.toks[k].norm == "ل" and j in cx.open_at:
        return cx.open_at[j] + 1 >= e
    return sum(1 for t in cx.toks[k:e] if t.is_word) <= 4


def _audience(cx: _Ctx, k: int, e: int, head: int) -> bool:
    """``للصحفيين``، ``لوسائل الإعلام``: who was addressed, at the end of the phrase."""
    w = cx.toks[k].norm
    if not (w.startswith("ل") and len(w) > 3) or k == head:
        return False
    if _in(cx.toks[head].norm, cx.lex.titles) and k == head + 1:
        return False  # "الأمين العام للجامعة" : part of the title
    rest = w[2:] if w.startswith("لل") else w[1:]
    return rest in cx.lex.audiences or ("ال" + rest) in cx.lex.audiences


def _title_np(cx: _Ctx, np_: _NP) -> bool:
    w = cx.toks[np_.first].norm
    return _in(w, cx.lex.titles)


def _role_word(cx: _Ctx, w: str) -> bool:
    lex = cx.lex
    return _in(w, lex.titles) or _in(w, lex.orgs) or w in lex.titles or w in lex.orgs


def _definite(w: str) -> bool:
    return any(w.startswith(p) for p in _DEF)


def _split_role(cx: _Ctx, np_: _NP) -> tuple[_NP | None, _NP | None]:
    """(role, name) of a speaker phrase; a PER mention inside it wins.

    Without mentions, for a phrase headed by a title (وزير، المتحدث، الناشطة …) or a definite
    noun: the name is the longest tail that starts with a bare word and holds no role,
    organisation, place or group word ("وزير المالية | خالد الراشد", "… البنتاغون | مايكل
    بي مالروي"); a title keeps its complement. A phrase headed by anything else (هيئة
    النزاهة، واشنطن) is one name.
    """
    toks = cx.toks
    s, e = toks[np_.first].start, toks[np_.last].end
    titled = _in(toks[np_.first].norm, cx.lex.titles)
    for m in cx.ents.within(s, e):
        # a person named at the start, or after a title; "بيان مكتب السوداني" is the statement's
        if m.type == "PER" and s <= m.start and m.end <= e and (m.start == s or (titled and e - m.end <= 1)):
            name_first = next(k for k in range(np_.first, np_.last + 1) if toks[k].end > m.start)
            name_last = max(k for k in range(np_.first, np_.last + 1) if toks[k].start < m.end)
            role = _trim(cx, np_.first, name_first - 1) if name_first > np_.first else None
            return role, _NP(name_first, name_last)
    head = toks[np_.first].norm
    if not (_in(head, cx.lex.titles) or _definite(head)):
        return None, np_
    floor = np_.first + 1
    if _in(head, cx.lex.titles) and not _definite(head):
        floor += 1  # the title's complement: وزير المالية، رئيس تحالف …، محافظ نينوى
    basm = [k for k in range(np_.first, np_.last + 1) if toks[k].norm == "باسم"]
    start: int | None = None
    k = np_.last
    while k >= floor:
        t = toks[k]
        w = t.norm
        if k in cx.close_at or not t.is_word:
            break
        second_basm = w == "باسم" and basm and basm[0] < k
        if _role_word(cx, w) and not second_basm:
            break
        if second_basm or (not _definite(w) and not (w[:1] in "لب" and len(w) > 3)):
            prev = toks[k - 1] if k - 1 >= np_.first else None
            if prev is None or not prev.is_word or _definite(prev.norm) or _role_word(cx, prev.norm):
                start = k  # a name opens after a role word: "… المكرمة | عبدالوهاب شلبي"
        k -= 1
    if start is None:
        return np_, None
    role = _trim(cx, np_.first, start - 1)
    return role, _NP(start, np_.last)


def _anonymous(cx: _Ctx, np_: _NP) -> bool:
    toks = cx.toks
    first = np_.first
    while first < np_.last and toks[first].norm.isdigit():
        first += 1  # "8 مسؤولين أميركيين"
    head = toks[first].norm
    if head.startswith("ل") and not head.startswith("لل") and _in(head[1:], cx.lex.anon):
        head = head[1:]  # "وفقا لمسؤول …"
    if not _in(head, cx.lex.anon):
        return False
    rest = toks[first + 1 : np_.last + 1]
    if _definite(head):
        if _in(head, cx.lex.titles):
            return False  # "المتحدث باسم …" is a known office, not a hidden source
        return all(_in(t.norm, cx.lex.anon_adj) or not t.is_word for t in rest)
    return all(
        _in(t.norm, cx.lex.anon_adj) or _role_word(cx, t.norm) or _definite(t.norm) or _nisba(t.norm) or not t.is_word
        for t in rest
    )


def _nisba(w: str) -> bool:
    """Relational adjectives (عماني، غربي، عسكريين، محلية) describe an unnamed source."""
    return len(w) > 3 and w.endswith(("ي", "يه", "يون", "يين", "يا", "يات"))


def _anaphoric(cx: _Ctx, np_: _NP) -> bool:
    """``المسؤول``، ``المتحدث``، ``المصدر العراقي``، ``الأخير``: a definite mention of a speaker."""
    toks = cx.toks
    head = _bare(toks[np_.first].norm)[-1]
    if head in ("الاخير", "الاخيره"):
        return True
    if not head.startswith("ال") or not (_nodef(head) in cx.lex.anon or head in cx.lex.titles):
        return False
    return all(_in(t.norm, cx.lex.anon_adj) for t in toks[np_.first + 1 : np_.last + 1])


def _span_text(cx: _Ctx, np_: _NP) -> tuple[int, int, str]:
    s, e = cx.toks[np_.first].start, cx.toks[np_.last].end
    return s, e, cx.text[s:e]


def _clean_np(cx: _Ctx, np_: _NP | None) -> _NP | None:
    """Drop particles/auxiliaries at the edges and quotation marks around a whole phrase."""
    if np_ is None:
        return None
    a, b = np_.first, np_.last
    while a < b and _bare(cx.toks[a].norm)[-1] in cx.lex.skip:
        a += 1
    while b > a and (cx.toks[b].norm in cx.lex.say_nouns or cx.toks[b].norm in cx.lex.skip or accusative(cx.toks[b])):
        b -= 1
    if a in cx.open_at and cx.open_at[a] == b and b - a >= 2:
        a, b = a + 1, b - 1
    return _NP(a, b)


def _speaker(cx: _Ctx, sub: _Subj) -> Speaker | None:
    np0 = _clean_np(cx, sub.np)
    if np0 is None:
        return None
    if sub.name is None and _anonymous(cx, np0):
        role, name, anonymous = None, None, True
    else:
        role, name = (_clean_np(cx, sub.role), _clean_np(cx, sub.name)) if sub.name is not None else _split_role(cx, np0)
        anonymous = False
    target = name or np0
    s, e, txt = _span_text(cx, target)
    entity = None
    for m in cx.ents.overlapping(s, e):
        if m.entity:
            entity = m.entity
            break
    role_text = _span_text(cx, role)[2] if role is not None and name is not None else None
    return Speaker(text=txt, entity=entity, role=role_text, anonymous=anonymous, start=s, end=e, medium=sub.medium)


def _polarity(cx: _Ctx, verb_pol: str, c_start: int, c_end: int) -> str:
    if verb_pol == "deny":
        return "deny"
    words = list(islice((t.norm for i in range(c_start, c_end) if (t := cx.toks[i]).is_word), 8))
    heads = [_bare(w)[-1] for w in words]
    for phrase in cx.lex.deny:
        n = len(phrase)
        for i in range(0, len(words) - n + 1):
            if heads[i] == phrase[0] or words[i] == phrase[0]:
                if tuple(words[i + 1 : i + n]) == phrase[1:]:
                    return "deny"
    return "assert"


def _sentence_start(cx: _Ctx, k: int) -> int:
    """First token of ``k``'s sentence, at most ``MAX_SPAN`` tokens back."""
    return max(cx.s0[k], k - MAX_SPAN)


def extract_quotes(
    text: str,
    doc_id: str = "",
    entities: Iterable[EntityMention] = (),
    date: str | None = None,
    timex: Iterable[Timex] = (),
) -> list[Quote]:
    """Every reported statement in ``text`` with its speaker, cue, content and polarity."""
    cx = _build(text, entities)
    toks = cx.toks
    dates = SpanIndex(t for t in timex if t.type == "DATE" and t.value)
    out: list[Quote] = []
    st = _State()
    k = 0
    while k < len(toks):
        if k <= st.covered_until:
            k += 1
            continue
        hit = _cue_at(cx, k)
        if hit is None:
            k += 1
            continue
        n, verb = hit
        q = _frame(cx, k, n, verb, st, doc_id)
        if q is None:
            k += n
            continue
        quote, c_first, c_last, direct_open = q
        if direct_open is not None:
            st.used_pairs.add(direct_open)
            st.covered_until = max(st.covered_until, cx.open_at[direct_open])
        else:
            st.indirect_until = max(st.indirect_until, c_last)
        st.used_starts.add(c_first)
        quote.date = _date_for(quote, dates, date)
        out.append(quote)
        prev = st.hist.items[-1] if st.hist.items else None
        st.hist.add(k, quote.speaker)
        if prev is not None and prev[0] >= cx.s0[k] and subordinate(toks, k):
            st.hist.add(*prev)  # "…، حيث أظهرت الأرقام أن …، مشيرا": the sentence's speaker goes on
        k += n
    out.extend(_attributions(cx, out, doc_id, date))
    out.sort(key=lambda q: (q.start, q.end))
    resolve_descriptions(text, toks, cx.brk, out, cx.ents)
    return out


@dataclass
class _State:
    """What earlier quotes in the document leave for later ones."""

    used_pairs: set[int] = dataclasses.field(default_factory=set)
    used_starts: set[int] = dataclasses.field(default_factory=set)
    covered_until: int = -1  # cues inside a direct quote's content are part of the speech
    indirect_until: int = -1  # cues inside indirect content need a full إن/أن/colon frame
    hist: SpeakerIndex = dataclasses.field(default_factory=SpeakerIndex)

    @property
    def last(self) -> Speaker | None:
        return self.hist.items[-1][1] if self.hist.items else None


def _date_for(q: Quote, dates: SpanIndex[Timex], doc_date: str | None) -> str | None:
    for t in dates.within(q.start, q.content.start):
        return t.value
    return doc_date


def _frame(cx: _Ctx, k: int, n: int, verb: _Verb, st: _State, doc_id: str) -> tuple[Quote, int, int, int | None] | None:
    """One cue at token ``k`` (``n`` tokens): find its content, then its speaker."""
    toks = cx.toks
    intro: _Intro | None = None
    j = k + n
    limit = min(len(toks), j + (6 if "strict" in verb.options else MAX_SUBJECT))
    while j < limit:
        if j > k + n and _cue_at(cx, j) is not None and (toks[j - 1].norm == "," or toks[j].norm[:1] in _CLITICS):
            break  # another report starts: "بين البلدين، تقول عنها …"
        intro = _intro_at(cx, j, verb, first=(j == k + n))
        if intro is not None:
            break
        if j in cx.open_at:
            j = cx.open_at[j] + 1
            if j - 1 < len(cx.brk) and cx.brk[j - 1]:
                break
            continue
        if cx.brk[j]:
            break
        j += 1
    direct_open: int | None = None
    subj_a, subj_b = k + n, (j if intro is not None else k + n)
    if intro is None:
        # postposed direct quote: «…»، قال فلان
        p = k - 1
        while p >= 0 and toks[p].norm in (",", "-"):
            p -= 1
        if p >= 0 and p in cx.close_at and cx.close_at[p] not in st.used_pairs and not _short_pair(cx, cx.close_at[p]):
            direct_open = cx.close_at[p]
            end = k + n
            while end < len(toks) and not cx.brk[end] and toks[end].norm != ",":
                end += 1
            sub = _parse_subject(cx, k + n, end, verb)
            spk = _resolve(cx, sub, verb, st, k)
            if spk is None:
                return None
            c_s, c_e = toks[direct_open].end, toks[p].start
            q = Quote(doc_id, toks[direct_open].start, max(toks[end - 1].end, toks[k].end), spk,
                      _cue_text(cx, k, n), Span(c_s, c_e), True, _polarity(cx, verb.polarity, direct_open + 1, p), 0.8)
            return q, direct_open + 1, p, direct_open
        if "obj" in verb.options and verb.participle:
            segs = _segments(cx, k + n, _content_end(cx, k + n))
            segs = [sg for sg in segs if not _is_adjunct_start(cx, sg[0])]
            if not segs:
                return None
            intro = _Intro(segs[0][0], None, "obj")
            subj_b = k + n
        elif "nominal" in verb.options and not verb.participle and (nom := nominal_intro(toks, cx.brk, cx.ents, k + n)):
            intro, subj_b = _Intro(nom[1], None, "obj"), nom[0]
        else:
            return None
    if ("strict" in verb.options and intro.kind not in ("comp", "colon")) or ("direct" in verb.options and intro.kind not in ("colon", "quote")):
        return None  # بين is also "between": only "بين أن" / "بين:" report; كتب: only the written words
    if k <= st.indirect_until and intro.kind not in ("comp", "colon", "quote"):
        return None  # "لا تزال تشدد على دعمها" inside someone's reported words
    if intro.content_start in st.used_starts:
        return None  # "وفق ما نقل عنه موقع X، أن …": that content has its speaker already
    if intro.direct_open is not None:
        if intro.direct_open in st.used_pairs:
            return None
        direct_open = intro.direct_open
        close = cx.open_at[direct_open]
        c_first, c_last_tok = direct_open + 1, close - 1
        c_s, c_e = toks[direct_open].end, toks[close].start
        q_end = toks[close].end
    else:
        c_first = intro.content_start
        end = _content_end(cx, c_first)
        if end <= c_first:
            return None
        c_last_tok = end - 1
        np_ = _trim(cx, c_first, c_last_tok)
        if np_ is None:
            return None
        c_first, c_last_tok = np_.first, np_.last
        c_s, c_e = toks[c_first].start, toks[c_last_tok].end
        q_end = c_e
    if "noun" in verb.options:
        spk = _noun_speaker(cx, subj_a, subj_b)
    else:
        sub = _parse_subject(cx, subj_a, subj_b, verb)
        if "describe" in verb.options and sub.np is not None and not sub.chain and not _speakerish(cx, sub.np):
            sub = _Subj(medium=sub.medium)  # "ووصف المحادثات بأنها": the object, the subject is elided
        spk = _resolve(cx, sub, verb, st, k)
    if spk is None:
        return None
    q_start = toks[k].start
    if 0 <= spk.start < q_start and spk.end <= q_start and q_start - spk.end < 200 and spk.start not in st.hist.named:
        q_start = spk.start  # SVO: the construction starts with its subject
    q = Quote(
        doc=doc_id,
        start=q_start,
        end=q_end,
        speaker=spk,
        cue=_cue_text(cx, k, n),
        content=Span(c_s, c_e),
        direct=direct_open is not None,
        polarity=_polarity(cx, verb.polarity, c_first, c_last_tok + 1),
        confidence=0.85 if direct_open is not None else 0.75,
    )
    return q, c_first, c_last_tok, direct_open


def _speakerish(cx: _Ctx, np_: _NP) -> bool:
    t = cx.toks[np_.first]
    named = any(m.type in ("PER", "ORG") and m.start <= t.start < m.end for m in cx.ents.overlapping(t.start, t.end))
    return named or _title_np(cx, np_) or _in(t.norm, cx.lex.anon) or _role_word(cx, t.norm)


def _noun_speaker(cx: _Ctx, a: int, b: int) -> Speaker | None:
    """``تصريحات لمسؤول أميركي في «البنتاغون» بأن …``: the speaker follows with ل."""
    t = cx.toks[a] if a < b else None
    if t is None or not t.norm.startswith("ل") or len(t.norm) < 4 or t.norm.startswith("لل"):
        return None
    np_ = _trim(cx, a, b - 1)
    if np_ is None:
        return None
    sub = _Subj(np=np_)
    spk = _speaker(cx, sub)
    if spk is None:
        return None
    spk.anonymous = fold(spk.text[1:]).split()[0] in cx.lex.anon if spk.text[1:].split() else False
    spk.start += 1
    spk.text = cx.text[spk.start : spk.end]
    return spk


def _cue_text(cx: _Ctx, k: int, n: int) -> str:
    t = cx.toks[k]
    s = t.start + (1 if t.norm[:1] in _CLITICS and _bare(t.norm)[-1] != t.norm and _is_clitic_cue(cx, k, n) else 0)
    return cx.text[s : cx.toks[k + n - 1].end]


def _is_clitic_cue(cx: _Ctx, k: int, n: int) -> bool:
    words = [t.norm for t in cx.toks[k : k + n]]
    return (words[0], *words[1:]) not in cx.lex.cues


def _resolve(cx: _Ctx, sub: _Subj, verb: _Verb, st: _State, k: int) -> Speaker | None:
    """The speaker: the subject after the cue, else a subject before it, else the last one."""
    s0 = _sentence_start(cx, k)
    if verb.participle:
        if not st.hist.items or st.hist.items[-1][0] < s0:
            main = _main_subject(cx, s0, k)
            if main is not None:
                return _speaker(cx, main)
        return _inherit(carried(cx.toks, cx.brk, cx.ents, max(s0, st.covered_until + 1, st.indirect_until + 1), k, st.last), sub.medium)
    if sub.np is not None:
        if sub.name is None and st.hist.items:
            if _anaphoric(cx, sub.np):
                return _inherit(_antecedent(cx, sub.np, st), sub.medium)
            if all(_definite(t.norm) for t in cx.toks[sub.np.first : sub.np.last + 1] if t.is_word):
                ante = _antecedent(cx, sub.np, st, strict=True)
                if ante is not None:  # "وأشارت القيادة" after "قيادة العمليات المشتركة"
                    return _inherit(ante, sub.medium)
        return _speaker(cx, sub)
    # SVO: "واشنطن قالت إن", "قائد …، الجنرال X، بين أن", "… أن الوزير X قال إن"
    a = next((x + 1 for x in range(k - 1, s0 - 1, -1) if cx.toks[x].norm in cx.lex.comps or cx.toks[x].norm == ":"), s0)
    lead = cx.toks[a].norm if a < k else ""
    verb_first = lead[:1] in _CLITICS and len(lead) > 3 and _bare(lead)[-1] not in cx.lex.skip
    verb_first = verb_first or any(b in cx.lex.left_blockers for b in _bare(lead))
    verb_first = verb_first or _bare(cx.toks[k].norm)[-1] != cx.toks[k].norm  # "، ووصف": a coordinated verb
    if 0 < k - a <= 12 and not verb_first and not any(_cue_at(cx, x) for x in range(a, k)):
        segs = [sg for sg in _segments(cx, a, k) if not _is_adjunct_start(cx, sg[0])]
        nps = [np_ for sg in segs if (np_ := _clean_np(cx, _trim(cx, sg[0], sg[1] - 1)))]
        nps = [
            np_ for np_ in nps
            if not (np_.first == np_.last and (_in(cx.toks[np_.first].norm, _SOFT) or _bare(cx.toks[np_.first].norm)[-1] in cx.lex.skip))
        ]
        if nps:
            if len(nps) == 1 and _anaphoric(cx, nps[0]) and st.hist.items:
                return _inherit(_antecedent(cx, nps[0], st), sub.medium)
            left = _Subj(np=nps[0], medium=sub.medium)
            if len(nps) > 1:
                if _title_np(cx, nps[0]):
                    left.name, left.role = nps[1], nps[0]
                else:
                    left.name, left.role = nps[0], nps[1]
            return _speaker(cx, left)
    if verb.imperfect:
        return None  # "فصائل مسلحة تقول إنها …": a description, not a continuation
    return _inherit(carried(cx.toks, cx.brk, cx.ents, max(st.covered_until, st.indirect_until) + 1, k, st.last), sub.medium)


_SOFT = frozenset({"في", "المقابل", "بالمقابل", "لكن", "كما", "اما", "ثم", "وبالمقابل", "فيما"})


def _main_subject(cx: _Ctx, s0: int, k: int) -> _Subj | None:
    """Subject of the sentence's own verb, for a participle that follows a non-report verb.

    "وحمّل الضابط السابق … مايكل بي مالروي، … محذرا من أن …": the warning is Mulroy's.
    """
    segs = [sg for sg in _segments(cx, s0, k) if not _is_adjunct_start(cx, sg[0])]
    segs = [sg for sg in segs if not (sg[1] - sg[0] == 1 and _in(cx.toks[sg[0]].norm, _SOFT))]
    if not segs or segs[0][1] - segs[0][0] < 2:
        return None
    a, b = segs[0][0], segs[0][1] - 1
    while a < b and _in(cx.toks[a].norm, _SOFT):
        a += 1
    a += 1  # skip the verb
    np_ = _trim(cx, a, b)
    if np_ is None:
        return None
    if not (_title_np(cx, np_) or _in(cx.toks[np_.first].norm, cx.lex.anon)):
        end = np_.first + 1
        while end <= np_.last and not (_is_adjunct_start(cx, end) or cx.toks[end].norm in ("في", "فى")):
            if end in cx.open_at:
                break
            end += 1
        np_ = _trim(cx, np_.first, end - 1) or np_
    if np_.last - np_.first >= 10:
        return None  # a long clause, not a speaker phrase
    role, name = _split_role(cx, np_)
    if name is not None and role is not None:
        return _Subj(np=np_, name=name, role=role)
    head = cx.toks[np_.first].norm
    if _in(head, cx.lex.titles) or _in(head, cx.lex.anon) or _in(head, cx.lex.orgs):
        return _Subj(np=np_)
    return None


def _antecedent(cx: _Ctx, np_: _NP, st: _State, strict: bool = False) -> Speaker | None:
    """Most recent speaker whose head word matches a definite mention (المسؤول → مسؤول …)."""
    head = _nodef(_bare(cx.toks[np_.first].norm)[-1])
    if head in ("اخير", "اخيره"):
        return st.last
    extra = {_nodef(t.norm) for t in cx.toks[np_.first + 1 : np_.last + 1] if t.is_word}
    found = st.hist.antecedent(head, extra)
    return st.last if found is None and not strict else found


def _inherit(last: Speaker | None, medium: str | None) -> Speaker | None:
    if last is None:
        return None
    spk = dataclasses.replace(last)
    if medium:
        spk.medium = medium
    return spk


# --------------------------------------------------------------------------- وفق/بحسب


def _attributions(cx: _Ctx, found: list[Quote], doc_id: str, date: str | None) -> list[Quote]:
    """``وفقا لـX``/``بحسب X``/``على حد تعبير X``: X is the source of the clause beside it."""
    toks, lex = cx.toks, cx.lex
    out: list[Quote] = []
    k = 0
    firsts = {p[0] for p in lex.attributions}
    found_at = SpanIndex(found)
    while k < len(toks):
        if not any(b in firsts for b in _bare(toks[k].norm)):
            k += 1
            continue
        hit = None
        for phrase in lex.attributions:
            n = len(phrase)
            words = [t.norm for t in toks[k : k + n]]
            if len(words) < n:
                continue
            last_ok = n == 1 or words[-1] == phrase[-1]
            if phrase[0] in _bare(words[0]) and tuple(words[1:-1]) == phrase[1:-1] and last_ok:
                hit = n
                break
            # "وفقا للمصدر": the final ل is attached to the source
            if phrase[-1] == "ل" and n >= 2 and _bare(words[0])[-1] == phrase[0] and words[1:-1] == list(phrase[1:-1]):
                w = words[-1]
                if w.startswith("ل") and len(w) > 2:
                    hit = n - 1
                    break
        if hit is None:
            k += 1
            continue
        src_a = k + hit
        if src_a >= len(toks):
            break
        src_b = src_a
        while src_b < len(toks) and src_b - src_a < 12 and toks[src_b].norm != "," and not cx.brk[src_b] and not (
            src_b > src_a + 1 and _is_adjunct_start(cx, src_b)  # "بحسب ما ذكر وكيله يوم الثلاثاء": time ends it
        ):
            if src_b in cx.open_at:
                src_b = cx.open_at[src_b]
            src_b += 1
        np_ = _trim(cx, src_a, src_b - 1)
        if np_ is None or not _is_source(cx, np_):
            k += hit
            continue
        cue = cx.text[toks[k].start + (1 if _bare(toks[k].norm)[-1] != toks[k].norm else 0) : toks[k + hit - 1].end]
        s0 = _sentence_start(cx, k)
        s_start = cx.toks[s0].start
        s_end = toks[_content_end(cx, k) - 1].end if k < len(toks) else len(cx.text)
        # beside a quote of its own sentence, the phrase names where the words were carried
        inside = found_at.containing(toks[k].start)
        inside += [q for q in found_at.within(s_start, s_end) if q not in inside and (
            abs(q.end - toks[k].start) <= 3 or toks[src_b - 1].end <= q.start)]
        if inside:
            if inside[0].speaker.medium is None and not _in(toks[np_.first].norm, lex.anon):
                inside[0].speaker.medium = _medium_text(cx, np_.first, np_.last)
            k = src_b
            continue
        if s0 == k or all(not t.is_word for t in toks[s0:k]) or (k - s0 == 1 and toks[s0].norm in ("و", "ف")):
            c_a = src_b + 1 if src_b < len(toks) and toks[src_b].norm == "," else src_b
            if c_a < len(toks) and toks[c_a].norm == "فان":
                c_a += 1
            c_b = _content_end(cx, c_a)
        else:
            c_a, c_b = s0, k
        cn = _trim(cx, c_a, c_b - 1)
        if cn is None:
            k = src_b
            continue
        direct = cn.first - 1 in cx.open_at and cx.open_at[cn.first - 1] == cn.last + 1
        sub = _Subj(np=_strip_l(cx, np_))
        spk = _speaker(cx, sub)
        if spk is not None and spk.text[:1] == "ل" and not fold(spk.text).startswith("لل") and len(spk.text) > 3:
            spk.start += 1
            spk.text = cx.text[spk.start : spk.end]
        if spk is None:
            k = src_b
            continue
        c_s, c_e = toks[cn.first].start, toks[cn.last].end
        out.append(
            Quote(doc_id, min(toks[k].start, c_s), max(toks[np_.last].end, c_e), spk, cue, Span(c_s, c_e),
                  direct, _polarity(cx, "assert", cn.first, cn.last + 1), 0.7, date)
        )
        k = src_b
    return out


def _strip_l(cx: _Ctx, np_: _NP) -> _NP:
    """``لـ«رويترز»`` → ``«رويترز»``: a bare ل token before the source is not part of it."""
    if cx.toks[np_.first].norm == "ل" and np_.first < np_.last:
        return _trim(cx, np_.first + 1, np_.last) or np_
    return np_


def _is_source(cx: _Ctx, np_: _NP) -> bool:
    toks, lex = cx.toks, cx.lex
    first = toks[np_.first]
    if first.norm == "ل" and np_.first + 1 <= np_.last:
        first = toks[np_.first + 1]
    if np_.first in cx.open_at or (toks[np_.first].norm == "ل" and np_.first + 1 in cx.open_at):
        return True
    w = first.norm
    cands = {w, _nodef(w)}
    if w.startswith("لل"):
        cands.add("ال" + w[2:])
        cands.add(w[2:])
    elif w.startswith("ل"):
        cands.add(w[1:])
        cands.add(_nodef(w[1:]))
    if cands & (lex.sources | lex.outlets | lex.anon | lex.titles) or any(_nodef(c) in lex.anon for c in cands):
        return True
    s, e = first.start, toks[np_.last].end
    return any(m.type in ("PER", "ORG") for m in cx.ents.starting_in(s, e))

