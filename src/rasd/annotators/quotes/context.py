"""One document as the quote engine sees it: tokens, quotation pairs, sentence breaks and
entity mentions, with the token-range helpers every frame uses (phrases, comma pieces,
where a cue sits, where indirect content ends).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import islice

from rasd.annotators.quotes.frames import (
    between,
    connector,
    contrast,
    exceptive,
    irrealis,
    opens_clause,
    subject_next,
    whoever,
)
from rasd.annotators.quotes.history import CLITICS, after_l
from rasd.annotators.quotes.history import bare as _bare
from rasd.annotators.quotes.lexicon import Lex, Verb, lexicon
from rasd.annotators.quotes.marks import quote_pairs
from rasd.annotators.quotes.provisions import document_before
from rasd.annotators.spans import SpanIndex
from rasd.models import EntityMention
from rasd.resources import load_lines, load_pairs
from rasd.text import Token, fold, tokenize
from rasd.text.clitics import affixes, article, particle, particle_chains, prepositions, proclitic

MAX_SUBJECT = 30  # tokens between a cue and its content
MAX_TOPIC = 8  # tokens from the sentence start to a binder (إذ) after its topic
MAX_DENY_LEAD = 4  # words before a denial phrase that still frame the content ("أنه لا صحة …")
MAX_SAID_WORDS = 10  # content words in which a negated fact may name the claim it denies
MAX_REJECT_WORDS = 20  # content words in which a named report may be called untrue
MAX_PAREN_LEAD = 8  # words between a reporting verb and a quotation in parentheses
MIN_QUOTE_TOKENS = 4  # a shorter quoted run beside a name is a name or a scare quote
MAX_RELATIVE_SUBJECT = 4  # words of a subject between a relative clause's cue and its أن
MAX_RELATIVE_ADJUNCT = 12  # tokens between a person's relative-clause cue and its أن
MAX_SPAN = 1024  # tokens a sentence look-back or an indirect content may run (real ones < 600)
_BY = proclitic("by")  # ب
_TO_BY = _BY + proclitic("to")  # بـ/لـ glued to an outlet noun: لصحيفة «…»
MAX_OUTLET_NAME = 6  # words of a quoted outlet name after its noun ("صحيفة «ذي ميل أون صنداي»")
MAX_TITLE = 12  # words of a quoted title after a title noun ("تقرير بعنوان «…»")
_ACC = affixes("accusative")  # مؤكدا، مشيراً
_MASC_PL, _VERB_PL = affixes("plural", "masc"), affixes("verb_plural")  # المحتجين؛ أكدوا
# prepositions after which a cue-looking word is a noun or an adjective ("عن أبلغ التهاني")
_BY_TO = prepositions(kaf=False)  # ب، ل glued to a noun
_NOUN_AFTER = frozenset(particle(g) for g in ("about", "in", "on", "with"))


@cache
def _negators() -> frozenset[str]:
    """غير and its like, and the forms of كان/ليس: the participle after one is an adjective
    (``زيارة غير معلنة``, ``لم يكن متوقعا``)."""
    return frozenset(fold(w) for w in load_lines("quotes/negators.txt"))


def _described(prev: Token, w: Token) -> bool:
    """A participle not in the accusative (``متوقعة``, not ``متوقعا``) right after an indefinite
    noun behind a glued ب/ل (``بتكلفة``): it describes that noun; a speaker's circumstantial
    participle follows a clause, not a prepositional noun."""
    if not prev.is_word or prev.norm[:1] not in _BY_TO or w.norm.endswith(_ACC) or prev.norm.endswith(_ACC):
        return False
    rest = prev.norm[1:]
    return len(rest) >= 3 and not rest.startswith(article()) and not rest.startswith(_BY_TO)


@dataclass
class Ctx:
    """The document as the engine reads it; built once by ``build``."""
    text: str
    toks: list[Token]
    lex: Lex
    open_at: dict[int, int]  # token index of an opening mark -> token index of its close
    close_at: dict[int, int]  # close token -> open token
    ents: SpanIndex[EntityMention]
    brk: list[bool]  # brk[k]: a sentence ends after token k
    s0: list[int]  # s0[k]: the first token of k's sentence
    ends: dict[int, int]  # memo of the raw content end reached from a token (see content_end)
    names: dict[int, int]  # opening mark -> close, for pairs of fewer than MIN_QUOTE_TOKENS words
    starts: list[int]  # token start offsets, for tok_at


def build(text: str, entities: Iterable[EntityMention]) -> Ctx:
    """Tokens, quotation pairs, sentence breaks and mentions of ``text``."""
    toks = [t for t in tokenize(text) if not all(unicodedata.category(c) == "Cf" for c in t.text)]  # "\u200fأثنى": a bidi mark is no word
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
        brk.append((t.norm in (".", "!", "?") and not _glued_dot(toks, k) and not title_dot(toks, k)) or "\n" in text[t.end : nxt])
    lex = lexicon()
    for o, c in _paren_quotes(text, toks, brk, lex):
        open_at[o], close_at[c] = c, o
    names = {o: c for o, c in open_at.items() if sum(t.is_word for t in islice(toks, o + 1, min(c, o + 1 + 2 * MIN_QUOTE_TOKENS))) < MIN_QUOTE_TOKENS}
    names.update((o, c) for o, c in open_at.items() if _outlet_name(toks, o, c))
    return Ctx(text, toks, lex, open_at, close_at, SpanIndex(entities), brk, s0, {}, names, [t.start for t in toks])


@cache
def _outlet_nouns() -> dict[str, int]:
    """Folded head noun -> most words of the name it heads (a ``title`` tag allows a title's length)."""
    rows = (x.split() for x in load_lines("quotes/outlet_nouns.txt"))
    return {fold(r[0]): MAX_TITLE if r[1:] == ["title"] else MAX_OUTLET_NAME for r in rows}


def _outlet_name(toks: list[Token], o: int, c: int) -> bool:
    """The pair ``o..c`` names the outlet, company or work the indefinite noun before it heads
    (``صحيفة «ذي ميل أون صنداي»``, ``لوكالة "…"``, ``دراسة: "…"``, ``بعنوان "…"``), a colon
    allowed between: a name of a few words (a title's length after a title noun), never speech."""
    h = o - 1 - (o > 1 and toks[o - 1].text == ":")
    if h < 0:
        return False
    w = toks[h].norm
    forms = [*_bare(w), *(_bare(w[1:]) if w[:1] in _TO_BY else ())]
    most = max((_outlet_nouns().get(f, -1) for f in forms), default=-1)
    return sum(t.is_word for t in toks[o + 1 : c]) <= most


@cache
def scripture() -> frozenset[str]:
    """Words right before a verse or a saying of the Prophet (``quotes/scripture.txt``), folded."""
    return frozenset(fold(x) for x in load_lines("quotes/scripture.txt"))


def _paren_quotes(text: str, toks: list[Token], brk: list[bool], lex: Lex) -> list[tuple[int, int]]:
    """Parentheses used as quotation marks (``وقال أحد السكان (سمعنا دويا …)``): a pair of
    ``MIN_QUOTE_TOKENS`` words of letters or more (a clock time is no speech), a few words after
    a reporting verb, that closes its clause (a break, a comma, a connector such as ثم or a new
    و-clause follows). A gloss (``قوات الاتحاد (اميصوم)``, ``قال المسؤول (في الوزارة) إن``) is
    shorter or is followed by the rest of its clause; a verse after ``تعالى`` is scripture."""
    out: list[tuple[int, int]] = []
    for o, t in enumerate(toks):
        if t.text != "(" or o == 0 or brk[o - 1] or toks[o - 1].norm in scripture():
            continue
        c = next((x for x in range(o + 1, min(len(toks), o + MAX_SPAN)) if toks[x].text in "()" or "\n" in text[toks[x - 1].end : toks[x].start]), None)
        if c is None or toks[c].text != ")" or sum(x.norm[:1].isalpha() for x in toks[o + 1 : c]) < MIN_QUOTE_TOKENS:
            continue
        nxt = toks[c + 1] if c + 1 < len(toks) else None
        if not (brk[c] or nxt is None or nxt.norm in (",", ".") or connector(nxt) or (nxt.is_word and nxt.norm[:1] in CLITICS and len(nxt.norm) > 3)):
            continue
        lo = max(0, o - MAX_PAREN_LEAD)
        if any(
            toks[x].is_word and any((b,) in lex.cues for b in _bare(toks[x].norm)) for x in range(lo, o) if not any(brk[x:o])
        ):
            out.append((o, c))
    return out


def _own_subject(cx: Ctx, k: int) -> bool:
    """After a relative pronoun, the cue at ``k`` has a subject of its own before an
    ``أن/إن`` (``التي تقول السلطات إنها …``, ``التي توقع الكثيرون أنها …``): the relative is the
    object, and the clause reports what that subject said."""
    toks = cx.toks
    for j in range(k + 2, min(len(toks), k + 2 + MAX_RELATIVE_SUBJECT)):
        if toks[j].norm in cx.lex.comps:
            return toks[k + 1].is_word and toks[k + 1].norm not in cx.lex.comps
        if cx.brk[j - 1] or not toks[j].is_word:
            return False
    return False


@cache
def _resumptive() -> dict[str, str]:
    return {fold(r): fold(p) for r, p in load_pairs("quotes/resumptive.tsv").items()}


def resumptive(cx: Ctx, k: int, v: Verb) -> bool:
    """The cue at ``k`` carries the pronoun that points back to the relative before it (``إيران
    التي اتهمها بـ…``, ``resumptive.tsv``): the antecedent is what the cue is about, not who spoke."""
    p = _resumptive().get(cx.toks[k - 1].norm) if k > 0 else None
    return p is not None and any(x.endswith(p) and (b := cx.lex.cues.get((x[: -len(p)],))) is not None and b.lemma == v.lemma
                                 for x in _bare(cx.toks[k].norm))  # fmt: skip


def described_object(cx: Ctx, k: int, v: Verb, a: int, b: int) -> bool:
    """``ووصف الفضلي بأنه …``: a describing cue with no object pronoun of its own, whose subject
    piece ``a..b`` is one word or one name right before ``بأن``, has that phrase as its object (``وصف X Y
    بأنه`` names the subject first, ``وصفه X بأنه`` has its object glued); the speaker goes on."""
    if "describe" not in v.options or b >= len(cx.toks) or b <= a or not cx.toks[b].norm.startswith(_BY):
        return False
    if any(cx.brk[j] or not cx.toks[j].is_word for j in range(a, b)):
        return False
    s, e = cx.toks[a].start, cx.toks[b - 1].end  # one word or one name: "الوزير الاتفاق" is subject + object
    if b - a > 1 and not any(m.start <= s and m.end >= e for m in cx.ents.overlapping(s, e)):
        return False
    return not any(x.endswith(p) and (c := cx.lex.cues.get((x[: -len(p)],))) is not None and c.lemma == v.lemma
                   for p in set(_resumptive().values()) for x in _bare(cx.toks[k].norm))  # fmt: skip


def relative_person(cx: Ctx, k: int) -> int | None:
    """First token of the person's name right before the relative pronoun before the cue at
    ``k`` (``والاورجواني فابيان الذي أكد …``), else None: a PER mention, or a word without the
    article after a definite title or adjective (a proper name needs no article, while
    ``الفريق الذي`` and ``بيان الوزارة الذي`` are no names)."""
    toks = cx.toks
    if k < 3 or toks[k - 1].norm not in cx.lex.relatives or not toks[k - 2].is_word:
        return None
    end = toks[k - 2].end
    m = next((m for m in cx.ents.overlapping(toks[k - 2].start, end) if m.end == end and m.type == "PER"), None)
    if m is not None:
        return next(j for j in range(k - 2, -1, -1) if toks[j].start <= m.start or j == 0)
    art = article()

    def definite(w: str) -> bool:
        return any(x.startswith(art) and len(x) > len(art) + 1 for x in _bare(w))

    w, prev = toks[k - 2].norm, toks[k - 3]
    if not prev.is_word or definite(w) or not definite(prev.norm) or len(_bare(w)[-1]) < 3 or not w.isalpha() or w in cx.lex.adjuncts:
        return None  # "خارج البلاد حاليا والذي أكد": a time word, not the name
    return k - 2


def plural_antecedent(cx: Ctx, k: int) -> int | None:
    """``وسط المحتجين، الذين أكدوا أن …``: a past plural cue right after a relative pronoun, with a
    definite masculine sound plural (people) before the pronoun, a comma between or not: the token
    of that plural (the group speaks, realnews E4), else None."""
    toks = cx.toks
    a = k - 3 if k >= 3 and toks[k - 2].norm == "," else k - 2
    if a < 1 or toks[k - 1].norm not in cx.lex.relatives or not toks[a].is_word:
        return None
    cue, w = _bare(toks[k].norm)[-1], _bare(toks[a].norm)[-1]
    return a if cue.endswith(_VERB_PL) and w.startswith(article()) and w.endswith(_MASC_PL) and len(w) > 5 else None


def _body_before(cx: Ctx, k: int) -> bool:
    """An organisation mention ends right before the relative pronoun before the cue at ``k``."""
    if k < 2 or not cx.toks[k - 2].is_word:
        return False
    end = cx.toks[k - 2].end
    return any(m.end == end and m.type == "ORG" for m in cx.ents.overlapping(cx.toks[k - 2].start, end))


def _person_report(cx: Ctx, k: int) -> bool:
    """The relative clause at ``k`` reports its person's words: an أن/إن follows the cue in
    the same sentence (``فابيان الذي أكد في حديث مقتضب أن …``; realnews E4); a body named
    just before the pronoun speaks the same way (``صحيفة X التي قالت إن …``)."""
    if relative_person(cx, k) is None and plural_antecedent(cx, k) is None:
        # a body speaks only with its clause right after the cue: "التي تصفه أنقرة بأنه" has a subject of its own
        return _body_before(cx, k) and k + 1 < len(cx.toks) and cx.toks[k + 1].norm in cx.lex.comps
    for j in range(k + 1, min(len(cx.toks), k + 1 + MAX_RELATIVE_ADJUNCT)):
        if cx.toks[j].norm in cx.lex.comps:
            return True
        if cx.brk[j - 1] or cx.toks[j].norm == ",":
            return False
    return False


def _named_as(cx: Ctx, j: int, v: Verb) -> bool:
    """``ما وصفه بـ«…»``, ``التي تعتبره «…»``: a verb in a relative clause followed by a
    quotation (a describing verb also by ب and a quotation) reports the words used."""
    toks = cx.toks
    if j < len(toks) and j in cx.open_at and not short_pair(cx, j):
        return True  # "نيجيريا التي تعتبره «…»": the quotation right after the cue
    if "describe" not in v.options or j >= len(toks) or not toks[j].norm.startswith(_BY):
        return False
    return j in cx.open_at or j + 1 in cx.open_at


def _glued_dot(toks: list[Token], k: int) -> bool:
    """A dot with no space on either side inside a number (``1.5``) or an abbreviation of
    letter names (``بي.إم.آي``, ``U.S``): not a sentence end."""
    if toks[k].norm != "." or not 0 < k < len(toks) - 1:
        return False
    a, b = toks[k - 1], toks[k + 1]
    if a.end != toks[k].start or toks[k].end != b.start:
        return False
    if a.norm.isdigit() and b.norm.isdigit():
        return True
    return a.is_word and b.is_word and len(a.norm) <= 2 and len(b.norm) <= 2 and not a.norm.isdigit()


@cache
def _letter_abbrevs() -> frozenset[str]:
    """One-letter abbreviations (``د.``, ``م.``) from the sentence splitter's list."""
    return frozenset(a[:-1] for a in load_lines("text/abbreviations.txt") if len(a) == 2 and a.endswith("."))


def title_dot(toks: list[Token], k: int) -> bool:
    """The dot of a one-letter title before a name (``د.خالد``, ``د. خالد``): not a sentence
    end, so the cue before it still reaches its speaker; never after a number (``2015 م.``)."""
    if toks[k].norm != "." or not 0 < k < len(toks) - 1:
        return False
    a = toks[k - 1]
    if a.text not in _letter_abbrevs() or a.end != toks[k].start or not toks[k + 1].is_word:
        return False
    return k < 2 or (toks[k - 2].end < a.start and not toks[k - 2].norm.isdigit())


def cue_at(cx: Ctx, k: int) -> tuple[int, Verb] | None:
    """``(tokens, verb)`` of a reporting cue at token ``k``, else None (also past the last token)."""
    toks = cx.toks
    if not 0 <= k < len(toks):
        return None
    rel = k > 0 and toks[k - 1].norm in cx.lex.relatives and not _own_subject(cx, k)
    if k > 0 and (toks[k - 1].norm in _NOUN_AFTER or toks[k - 1].norm in cx.lex.noun_after):
        return None  # "عن أبلغ التهاني", "إلى نقل نظام …": a verb never follows a preposition
    if any(w in cx.lex.not_cues for w in _bare(toks[k].text)):
        return None  # "إبان انتقاله": the preposition "during", not the verb أبان
    s0 = cx.s0[k]
    if any(tuple(t.norm for t in toks[s0 : s0 + len(p)]) == p for p in cx.lex.boilerplate):
        return None  # "رابط الخبر بصحيفة X: الوزارة تعلن …": the headline again, not a report
    for n in range(min(cx.lex.max_cue, len(toks) - k), 0, -1):
        words = [t.norm for t in toks[k : k + n]]
        for first in _bare(words[0]):
            v = cx.lex.cues.get((first, *words[1:]))
            if v is not None:
                if rel and not _named_as(cx, k + n, v) and not _person_report(cx, k) and not resumptive(cx, k, v) and not (
                        "provision" in v.options and document_before(toks, cx.brk, k) is not None):  # fmt: skip
                    return None  # "إسرائيل التي أعلنت": a relative clause, not a report
                if whoever(toks, k, v.imperfect) or irrealis(toks, k, v.imperfect) or between(toks, k, "strict" in v.options):
                    return None
                if exceptive(toks, k + n - 1):
                    return None  # "لم يعلن سوى عن القليل": nothing was said but …
                if v.participle and k > 0 and toks[k - 1].norm in _negators():
                    return None  # "في زيارة غير معلنة": an adjective, not a speaker's participle
                if v.participle and k > 0 and _described(toks[k - 1], toks[k]):
                    return None  # "بتكلفة متوقعة تصل إلى …": the expected cost, nobody expects aloud
                return n, v
    return None


@dataclass
class _Intro:
    content_start: int  # token index where content begins
    direct_open: int | None  # token index of an opening mark, when direct
    kind: str  # comp | colon | quote | prep | obj | ask (the action a request asks for)


def tok_at(cx: Ctx, pos: int) -> int:
    """Index of the first token that starts at or after character ``pos`` (``len(toks)`` if none)."""
    return bisect_left(cx.starts, pos)


def short_pair(cx: Ctx, o: int) -> bool:
    """The quotation opened at token ``o`` holds a name or a scare quote, not speech."""
    return o in cx.names




def _glued_report(cx: Ctx, k: int) -> bool:
    """Token ``k`` is a perfect reporting verb with a glued و/ف after a word (``وقال``,
    ``وأضاف``): a new report by the same or another speaker, not more content."""
    t = cx.toks[k]
    if k == 0 or not t.is_word or len(t.norm) < 4 or t.norm[:1] not in CLITICS or not cx.toks[k - 1].is_word:
        return False
    cue = cue_at(cx, k)
    if cue is None or cue[1].participle:
        return False
    # "X إذ تعلن ذلك لتؤكد … وتحذر …": the topic's statements go on in the present tense
    return not cue[1].imperfect or binder_at(cx, cx.s0[k], k) is not None


@cache
def _binders() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/topic_binders.txt"))


def binder_at(cx: Ctx, s0: int, k: int) -> int | None:
    """Token of ``إذ`` after a plain noun phrase opening the sentence at ``s0`` and before a later
    verb at ``k`` (``ووزارة الداخلية إذ تعلن ذلك لتؤكد …``), else None."""
    toks = cx.toks
    x = next((j for j in range(s0 + 1, min(k, s0 + MAX_TOPIC)) if toks[j].norm in _binders()), None)
    if x is None or x + 1 >= k or any(not toks[j].is_word for j in range(s0, x)):
        return None
    return x


def content_end(cx: Ctx, start: int) -> int:
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
            if cx.brk[k] or _hal(cx, k + 1):
                end = k + 1  # "ستحاسب «الجناة» مؤكدة …": the participle after a quotation, too
                break
            k += 1
            continue
        if k + 1 < len(toks) and (toks[k].norm == "," or connector(toks[k])) and (
            cue_at(cx, k + 1) or (toks[k].norm == "," and contrast(toks[k + 1]))
        ):
            end = k
            break
        if cx.brk[k]:
            end = k + (0 if toks[k].norm in (".", "!", "?") else 1)
            break
        if toks[k].norm == "," and _linked_report(cx, k + 1):
            end = k  # "…، من جهته قال X: …": another report begins after linking words
            break
        if k > start and opens_clause(toks[k - 1], toks[k]) and toks[k - 1].norm != ",":
            end = k  # "… أمس بينما عبر النصر عن غضبه": another clause, not more of this content
            break
        if k > start and subject_next(toks[k]) and any(cue_at(cx, j) for j in range(k + 2, min(k + 5, len(toks)))):
            end = k  # "… ستقل لكن سعيد قال إن …": another speaker's report begins
            break
        if _glued_report(cx, k):
            end = k  # "… وسنعمل على الفوز وقال «…»": the next report starts, this one ends
            break
        if k > start and _hal(cx, k + 1):
            end = k + 1  # "إنه سيصعد هجماته متهمًا تركيا …": the participle opens a report of its own
            break
        k += 1
    for p in path:
        ends[p] = end
    return min(end, start + MAX_SPAN)


def _linked_report(cx: Ctx, j: int) -> bool:
    """Tokens from ``j`` are one or two linking words (``من جهته``, ``بدوره``) then a
    reporting verb: the clause after the comma is a report of its own."""
    for m in range(j, min(j + 3, len(cx.toks))):
        if m > j and cue_at(cx, m) is not None:
            return True
        words = _bare(cx.toks[m].norm)
        if not cx.toks[m].is_word or not any(x in cx.lex.openers for x in words) or any(x in cx.lex.skip for x in words):
            return False  # "…، وقد أقر …" goes on with the same clause: قد is no link to a new speaker
    return False


@dataclass
class NP:
    """A phrase as an inclusive token range."""
    first: int
    last: int  # inclusive


def trim(cx: Ctx, a: int, b: int) -> NP | None:
    """Tokens ``a..b`` without edge punctuation (quote marks kept when balanced)."""
    while a <= b and not cx.toks[a].is_word and a not in cx.open_at:
        a += 1
    while b >= a and not cx.toks[b].is_word and b not in cx.close_at:
        if cx.toks[b].text == ")" and any(t.text == "(" for t in cx.toks[a:b]):
            break  # keep "(البنتاغون)" whole
        b -= 1
    return NP(a, b) if a <= b else None


def segments(cx: Ctx, a: int, b: int) -> list[tuple[int, int]]:
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



def _hal(cx: Ctx, k: int) -> bool:
    """A reporting participle in the accusative (``مؤكدا``, ``مشيراً``, ``متهمًا``) at ``k``;
    ``مؤكدة`` may be an adjective ("معلومات مؤكدة"), so other forms count only when an
    ``أن/إن`` or a colon follows within a few words (``… قائلة في بيان إن …``) or a
    quotation opens right after it."""
    if k >= len(cx.toks):
        return False
    hit = cue_at(cx, k)
    if hit is None or not hit[1].participle:
        return False
    if cx.toks[k].norm.endswith(_ACC):
        return True
    if k + 1 in cx.open_at and not short_pair(cx, k + 1):
        return True  # "… مؤكدة «سنواصل …»": a quotation of its own right after the participle
    for j in range(k + 1, min(k + 1 + MAX_RELATIVE_SUBJECT * 2, len(cx.toks))):
        if cx.toks[j].norm in cx.lex.comps or cx.toks[j].norm == ":":
            return True
        if cx.brk[j - 1] or cx.toks[j].norm == ",":
            return False
    return False


def sentence_start(cx: Ctx, k: int) -> int:
    """First token of ``k``'s sentence, at most ``MAX_SPAN`` tokens back."""
    return max(cx.s0[k], k - MAX_SPAN)


def polarity(cx: Ctx, verb_pol: str, c_start: int, c_end: int) -> str:
    """``deny`` for a denying cue or content opening with a phrase that rejects a claim
    (``لا صحة``); a phrase that only negates a fact (``لا يوجد``, ``لم يتم``) asserts that
    fact unless the content names something said before (``لما تردد``, ``الأنباء``): "no
    bodies were found" is no denial of anyone's claim (``deny.txt``). A content that names
    a report may reject it further on ("والصورة التي تتداولها الصفحات … غير صحيحة")."""
    if verb_pol == "deny":
        return "deny"
    ahead = list(islice((t.norm for i in range(c_start, c_end) if (t := cx.toks[i]).is_word), MAX_REJECT_WORDS))
    at = _said_at(cx, ahead)
    near, far = at is not None and at < MAX_SAID_WORDS, at is not None
    heads = [_bare(w)[-1] for w in ahead]
    for phrase, rejects in cx.lex.deny:
        n = len(phrase)
        reach = len(ahead) if rejects and far else MAX_DENY_LEAD
        for i in range(0, min(reach, len(ahead)) - n + 1):
            if heads[i] == phrase[0] or ahead[i] == phrase[0]:
                if tuple(ahead[i + 1 : i + n]) == phrase[1:] and not any(w in _doubts() for w in ahead[i + n : i + n + 2]):
                    if rejects or near:  # not "لا يوجد شك في أن …": no doubt asserts
                        return "deny"
    return "assert"


def _said_at(cx: Ctx, words: list[str]) -> int | None:
    """Index of the first word of ``words`` that names a claim or report said before (``said``
    rows of ``deny.txt``), with a glued particle or ل before the article (``لما تردد``,
    ``للأنباء``); None when none does."""
    for j, w in enumerate(words):
        forms = {w, after_l(w)} | {w[len(p) :] for p in particle_chains() if w.startswith(p) and len(w) - len(p) >= 2}
        if any(said[0] in forms and tuple(words[j + 1 : j + len(said)]) == said[1:] for said in cx.lex.said):
            return j
    return None


@cache
def _doubts() -> frozenset[str]:
    """Doubt nouns (``quotes/doubts.txt``): a denial phrase before one asserts ("لا يوجد أدنى شك")."""
    return frozenset(fold(x) for x in load_lines("quotes/doubts.txt"))
