"""Nominal reports: a reporting verb whose content is a noun phrase, not a clause.

``أعلنت الإدارة الهلالية مواعيد المباريات``, ``أكد المدير أهمية الالتزام``, ``كشفت الشرطة
تفاصيل الحادث``: the gold guidelines count the reported noun phrase as the content. With no
syntax, the subject/object boundary is guessed: the subject is the verb's first noun phrase
— entity mention tokens, titles, organisation heads, unnamed sources (محللون) and data
(البيانات) with their complement, definite words and nisbas, honorifics, or everything up
to a comma right after a person's name — and the content starts at the first indefinite
word after it (past a comma, time adverbs or ``على``/``عن``). Only verbs marked ``nominal`` in
``verbs.tsv`` take this frame, and only when their clause has no أن/colon/quotation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from rasd.annotators.quotes.history import bare, data_sources, nodef
from rasd.annotators.quotes.lexicon import adjunct_rows, manner_adjuncts, org_head_words, stem_in
from rasd.annotators.spans import SpanIndex
from rasd.models import EntityMention, Timex
from rasd.resources import arabic, load_lines
from rasd.text import Token, fold
from rasd.text.clitics import affixes, article, chain, particle

MAX_SUBJECT = 14  # tokens the subject may run
_NAMES = ("PER", "ORG", "GPE")
_DEF = (article(), chain("to", "the"))  # ال، لل
_AT_THE = chain("by", "the")  # بالمنطقة: where an office is, after its title
_NISBA = affixes("nisba", "apposition")
_TO = chain("to")
_BY = chain("by")  # بمنطقة: a preposition glued to the word
_IN = particle("in")
_PRONOUN = affixes("pronoun", "venue")
_ACC = affixes("accusative")  # تقريرا: a document noun in the accusative  # ه ها هم هما: his/her/their


@cache
def _heads() -> frozenset[str]:
    words = {nodef(fold(x)) for use in ("role", "honorific") for x in arabic.titles(use)}
    words |= {nodef(fold(x)) for x in org_head_words()}
    for name in ("org_words.txt", "data_sources.txt", "anonymous.txt"):
        words |= {nodef(fold(x)) for x in load_lines(f"quotes/{name}")}
    return frozenset(words)


@cache
def _governing() -> frozenset[str]:
    return frozenset(w for w, governs in adjunct_rows().items() if governs)


@cache
def _anon() -> frozenset[str]:
    return frozenset(nodef(fold(x)) for x in load_lines("quotes/anonymous.txt"))


_data = data_sources


def data_subject(toks: Sequence[Token], a: int) -> bool:
    """The word at ``a`` is data or a document (``البيانات``, ``دراسة``): a subject that can
    "show" a noun phrase (realnews decision 4)."""
    return a < len(toks) and nodef(bare(toks[a].norm)[-1]) in _data()


def data_before(toks: Sequence[Token], brk: Sequence[bool], k: int) -> tuple[int, int] | None:
    """An indefinite data or document noun, with at most one word after it, right before the
    cue at ``k`` (``بيانات تظهر …``, ``تقارير سابقة تفيد بأن …``, ``تقارير أشارت إلى …``): the relative
    clause says what the document shows, so the document is the speaker (realnews decision 4).
    ``(first, last)`` token indices, else None."""
    for a in (k - 1, k - 2):
        if a < 0 or any(brk[x] or not toks[x].is_word or toks[x].norm.startswith(_DEF) for x in range(a, k)):
            return None
        w = bare(toks[a].norm)[-1]
        if w in _data() or (w[-1:] in _ACC and w[:-1] in _data()):
            return a, k - 1
    return None


@cache
def _skips() -> frozenset[str]:
    weekdays = frozenset(fold(w) for w, _ in arabic.weekdays())
    return weekdays | frozenset(adjunct_rows()) | frozenset(
        fold(x) for x in load_lines("quotes/nominal_skips.txt")
    )


@cache
def _portfolios() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/portfolios.txt"))


def _portfolio(w: str) -> bool:
    """``للشؤون``/``لشؤون``: an office's portfolio after its body, part of the subject."""
    if w.startswith(_DEF[1]):
        return _DEF[0] + w[len(_DEF[1]) :] in _portfolios()
    return w.startswith(_TO) and w[len(_TO) :] in _portfolios()


@cache
def _links() -> frozenset[str]:
    """Words joining a name's parts (بن، بنت، آل) and a bare article token, folded."""
    return frozenset(fold(w) for w in arabic.name_particles("link")) | {_DEF[0]}


def _definite(w: str) -> bool:
    return bare(w)[-1].startswith(_DEF)


def _nisba(w: str) -> bool:
    return len(w) > 3 and w.endswith(_NISBA)


def nominal_intro(
    toks: Sequence[Token], brk: Sequence[bool], ents: SpanIndex[EntityMention], a: int,
    quoted: Mapping[int, int] | None = None, times: SpanIndex[Timex] | None = None,
) -> tuple[int, int] | None:
    """``(subject_end, content_start)`` token indexes for a verb ending at ``a``, or None.
    ``quoted`` maps the opening mark of a short quoted name to its close (``وأكد "الصفيان"``);
    words of a time expression in ``times`` right after the subject say when, not what
    (``أعلن النادي قبل أيام توصله …``): skipped like a time adverb."""
    n = len(toks)
    if a >= n or (a > 0 and brk[a - 1]):
        return None
    covered: dict[int, int] = {}  # token -> one past the last token of the mention it opens
    hi = min(n - 1, a + MAX_SUBJECT)
    for m in ents.within(toks[a].start, toks[hi].end):
        if m.type in _NAMES:
            first = next((j for j in range(a, hi + 1) if toks[j].start >= m.start), None)
            last = next((j for j in range(hi, a - 1, -1) if toks[j].end <= m.end), None)
            if first is not None and last is not None and last >= first:
                covered[first] = max(covered.get(first, 0), last + 1)
    named_to = _name_then_comma(toks, brk, ents, a)
    if named_to is not None:  # "أكد مدير إدارة … رئيس المركز سالم العمري، أهمية …": the name ends it
        return None if felt(toks[named_to[1]].norm) else named_to
    j, named, heads, closed = a, False, _heads(), False  # closed: a whole name was read
    while j < n and j - a < MAX_SUBJECT and not brk[j]:
        t = toks[j]
        if j in covered:
            j, named, closed = covered[j], True, True
            continue
        if quoted and j in quoted and (j == a or (named and not _relative(toks, quoted[j] + 1))):
            j, named, closed = quoted[j] + 1, True, True  # a name in quotation marks, also after its head
            continue
        if not t.is_word:
            break
        w = bare(t.norm)[-1]
        if j > a and opens_object(t.norm):
            break  # "أكد الوزير أهمية …", "أعلنت الشرطة القبض على …": the verbal noun opens the object
        if named and (_portfolio(t.norm) or w.startswith(_AT_THE)):  # "وكيل وزارة العمل
            j, closed = j + 1, False  # للشؤون الدولية الدكتور X", "أمين عام مجلس التنمية بالمنطقة المهندس X"
            continue
        if nodef(w) in heads or nodef(t.norm) in heads:
            named = True
            j += 1
            if not _definite(t.norm) and j < n and toks[j].is_word and not brk[j - 1] and j not in covered and toks[j].norm != _IN:
                j += 1  # the construct's complement: "بنك X", "وزير الخارجية"
            continue
        if named and t.norm == _IN and j == a + 1 and nodef(bare(toks[a].norm)[-1]) in _anon() and j + 1 < n and toks[j + 1].is_word:
            j += 1  # "أكد مصدر في محافظة X وصول …": where the source is, part of the subject
            continue
        if (_definite(t.norm) and not (closed and not _nisba(w))) or (_nisba(w) and j > a and not closed) or w in _links():
            # after a whole name an indefinite word in -ية opens the content (ترسية، تسمية), it is no nisba
            j += 1
            continue
        break
    if j == a or not named or j >= n or j - a >= MAX_SUBJECT:
        return None  # at the cap the subject may go on (a long title chain): no boundary to trust
    sub_end = j
    j = past_adjuncts(toks, brk, _gloss_end(toks, brk, j), times)
    if j >= n or brk[j - 1] or not toks[j].is_word or (_definite(toks[j].norm) and not closed and not opens_object(toks[j].norm)):
        return None  # a definite word here is as likely the subject going on
    if j > sub_end and toks[j - 1].norm in _governing():
        return None  # "أعلن الموقع عبر تويتر …": the preposition's own noun, not the content
    if felt(toks[j].norm):
        return None  # "أكد المدير سعادته بنجاح …": a feeling, not a report (realnews decision 1)
    if toks[j].norm[:1] == _BY and any(m.type == "PER" and nodef(bare(toks[x - 1].norm)[-1]) in _heads()
                                       for x in range(j + 1, min(j + 4, n)) for m in ents.starting_in(toks[x].start, toks[x].end)):  # fmt: skip
        return None  # "أوضح مدير … بمنطقة عسير المهندس X قائلا": where he serves, then his name: still the subject
    words = 0
    k = j
    while k < n and not brk[k] and words < 2:
        words += toks[k].is_word
        k += 1
    return (sub_end, j) if words >= 2 else None


@cache
def _feelings() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/feelings.txt"))


def felt(w: str) -> bool:
    """``سعادته``, ``فخرهم``: a feeling noun with a possessive pronoun."""
    for x in bare(w):  # فخره: the ف is the word's own
        p = next((p for p in _PRONOUN if x.endswith(p) and len(x) > len(p) + 1), None)
        s = x[: -len(p)] if p else ""
        if stem_in(s, _feelings()):  # تمنيات, سعادت(ه)
            return True
    return False


def _manner_adjective(toks: Sequence[Token], j: int) -> bool:
    """The indefinite word after a manner adjunct (``بشكل رسمي``, ``بصورة نهائية``) belongs to
    the adjunct: the reported noun phrase starts after it."""
    return j > 0 and toks[j - 1].norm in manner_adjuncts() and toks[j].is_word and not _definite(toks[j].norm)


def _name_then_comma(
    toks: Sequence[Token], brk: Sequence[bool], ents: SpanIndex[EntityMention], a: int
) -> tuple[int, int] | None:
    """A subject that opens with a title or office and runs, without a break, to a person's
    name right before a comma (``مدير إدارة شؤون الموظفين رئيس مركز التدريب سالم العمري،``):
    ``(comma, content_start)`` when an indefinite noun phrase of two words or more follows."""
    n = len(toks)
    if a >= n or nodef(bare(toks[a].norm)[-1]) not in _heads():
        return None
    c = next((x for x in range(a + 1, min(n, a + MAX_SUBJECT)) if toks[x].norm == "," or brk[x] or not toks[x].is_word), None)
    if c is None or toks[c].norm != "," or brk[c - 1]:
        return None
    end = toks[c - 1].end
    if not any(m.type == "PER" and m.end == end and m.start > toks[a].start for m in ents.overlapping(toks[a].start, end)):
        return None
    j = c + 1
    while j < n and not brk[j - 1] and toks[j].norm in _skips():
        j += 1
    if j + 1 >= n or brk[j - 1] or not toks[j].is_word or _definite(toks[j].norm) or not toks[j + 1].is_word:
        return None
    if bare(toks[j].norm)[-1] in _pointers():
        return None  # "أكدت الحركة وفاة مؤسسها X، وذلك غداة …": the name was the object, the writer goes on
    return c, j


@cache
def _pointers() -> frozenset[str]:
    """Demonstratives (``ذلك``, ``هذا``): one after the comma points back, it opens no content."""
    return frozenset(fold(x) for x in load_lines("ar/morphology/demonstratives.txt"))


@cache
def _zero_objects() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/zero_subject_objects.txt"))


def opens_object(w: str) -> bool:
    """A verbal noun of ``zero_subject_objects.txt``, bare or with the article (أهمية، القبض): it never
    goes on a subject (أهمية is no nisba), it opens the reported noun phrase."""
    return w in _zero_objects() or (_definite(w) and nodef(bare(w)[-1]) in _zero_objects())


@cache
def _relatives() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/relatives.txt"))


def _relative(toks: Sequence[Token], j: int) -> bool:
    """A relative pronoun at ``j`` (``شركة «X» التي …``): the clause describes the name, the
    subject's end and the content's start are no longer plain."""
    return j < len(toks) and toks[j].norm in _relatives()


def _object_noun(w: str) -> bool:
    """``w`` is a verbal noun of ``zero_subject_objects.txt``, also with a possessive pronoun
    (``حرصه``, ``ثقتها``: the construct ت back to ة): whose zeal or trust, never who spoke."""
    if w in _zero_objects():
        return True
    for p in _PRONOUN:
        s = w[: -len(p)]
        if w.endswith(p) and len(s) >= 3 and stem_in(s, _zero_objects()):
            return True
    return False



def zero_subject_object(toks: Sequence[Token], brk: Sequence[bool], a: int) -> bool:
    """A verbal noun right after a coordinated cue (``وأكد أهمية تنسيق …``, ``وأكدت ثقتها بأن …``):
    the cue has no subject of its own, the speaker goes on and the noun opens the reported noun phrase."""
    if a >= len(toks) or a == 0 or brk[a - 1] or not toks[a].is_word:
        return False
    return _object_noun(toks[a].norm) and a + 1 < len(toks) and toks[a + 1].is_word


def in_which(toks: Sequence[Token], brk: Sequence[bool], a: int, preps: frozenset[str] | Sequence[str] = ()) -> bool:
    """``فيه``/``فيها`` (in it) right after a cue with an indefinite word after it (``أصدرت
    الجمعية بيانا تؤكد فيه استمرار …``): the cue describes the statement just named, its subject is
    the sentence's and the noun phrase after ``فيه`` is the reported content (not one of the
    verb's ``preps``, which open the content by the usual rule)."""
    if a + 1 >= len(toks) or (a > 0 and brk[a - 1]) or brk[a] or not toks[a + 1].is_word:
        return False
    w = toks[a].norm
    nxt = toks[a + 1].norm
    return w in {_IN + p for p in _PRONOUN} and not _definite(nxt) and nxt not in preps


def past_adjuncts(toks: Sequence[Token], brk: Sequence[bool], j: int, times: SpanIndex[Timex] | None = None) -> int:
    """The first token from ``j`` past commas, time and manner adjuncts and ``على``/``عن``: where
    the reported noun phrase of a nominal report starts."""
    while j < len(toks) and not brk[j] and (toks[j].norm in (",", "-") or toks[j].norm in _skips() or _manner_adjective(toks, j)
                                            or (times is not None and _in_time(toks[j], times))):
        j += 1
    return j


def kana_object(toks: Sequence[Token], brk: Sequence[bool], a: int, times: SpanIndex[Timex]) -> int | None:
    """Where the object of a nominal cue starts when its subject stands before it (``وكان النادي قد
    أعلن قبل أيام توصله إلى …``): the first indefinite word past the time adjuncts, with a second
    word after it; None for a definite word, a preposition's own noun or a feeling."""
    j = past_adjuncts(toks, brk, a, times)
    if j >= len(toks) or brk[j - 1] or not toks[j].is_word or _definite(toks[j].norm) or felt(toks[j].norm):
        return None
    if j > a and toks[j - 1].norm in _governing():
        return None
    return j if j + 1 < len(toks) and not brk[j] and toks[j + 1].is_word else None


def _gloss_end(toks: Sequence[Token], brk: Sequence[bool], j: int) -> int:
    """Past a short gloss in parentheses right after the subject (``أعلن الاتحاد الأوروبي لكرة القدم
    (يويفا) احتساب …``): the subject's acronym or other name, not the start of the content."""
    if j >= len(toks) or toks[j].text != "(":
        return j
    for c in range(j + 2, min(j + 5, len(toks))):
        if brk[c - 1] or not all(t.is_word for t in toks[j + 1 : c]):
            return j
        if toks[c].text == ")":
            return c + 1
    return j


def _in_time(t: Token, times: SpanIndex[Timex]) -> bool:
    """A word inside one of the time expressions (``قبل`` of ``قبل أيام``)."""
    return t.is_word and any(x.start <= t.start and t.end <= x.end for x in times.overlapping(t.start, t.end))


def time_only(toks: Sequence[Token], a: int, b: int, times: SpanIndex[Timex]) -> bool:
    """Tokens ``a..b-1`` are words of time expressions and nothing else: after ``أعلنت الوزارة``
    (``كما أعلنت الوزارة الأسبوع الماضي.``) a time says when it was said, never what."""
    words = [t for t in toks[a:b] if t.is_word]
    return bool(words) and all(any(x.start <= t.start and t.end <= x.end for x in times.within(toks[a].start, toks[b - 1].end)) for t in words)
