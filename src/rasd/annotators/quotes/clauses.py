"""Where a cue's frame stops, read from the words around it (used by ``engine.py``).

- ``object_before``: a nominal report's object before a participle cue (``أعلنت الحركة تبني
  التفجير قائلة إن …``): the participle reports on its own;
- ``comma_after_name``: ``وقال المتحدث … X، تلقت الغرفة …``: with no أن, colon or quotation,
  the comma after the speaker's name opens the content;
- ``bare_speech``: ``وقال X لقد سررت …``: a word that only opens the speaker's own sentence,
  right after the cue or its subject's name, opens the content;
- ``told_speech``: ``وقال X لـ«الصحيفة» المدينة آمنة …``: after the outlet told, the words;
- ``strict_frames``: ``ذكر مسؤول، طلب عدم نشر اسمه، أن …``: a strict cue with no أن close after
  it opens no report of its own, so the frame before it goes on;
- ``clock_colon``: the colon of ``18:01`` opens nothing;
- ``quote_after``: ``وأثنى اللاعب على مدربه «…»``: a quotation a few words after the praised
  noun is what the praise said;
- ``kana_subject``: ``وكانت الوزارة أبلغت السفارة أن …``: the subject stands before the cue;
- ``venue_owner``: ``وفي بيان للتنظيم …، أعلن …``: the owner of the statement speaks;
- ``relative_antecedent``: ``نيجيريا التي تعتبره «…»``: the one named before the pronoun speaks;
- ``clause_in``: ``أعرب عن أمله في أن …``: the clause a feeling verb reports;
- ``topic``: ``أما صحيفة X، فكتبت أنه …``: the fronted topic speaks;
- ``sender``: ``تلقى X برقية من Y …، مؤكدا …``: the sender speaks;
- ``when_subject``: ``وعندما سئل الوزير عن … قال إن …``: a cue with no subject after a fronted
  time clause reports the person of that clause.
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.cues import given_names
from rasd.annotators.quotes.context import (
    MAX_SUBJECT,
    NP,
    Ctx,
    binder_at,
    content_end,
    cue_at,
    plural_antecedent,
    relative_person,
    resumptive,
    scripture,
    short_pair,
    trim,
)
from rasd.annotators.quotes.frames import prayed_to
from rasd.annotators.quotes.history import bare
from rasd.annotators.quotes.lexicon import Verb, member
from rasd.annotators.quotes.nominal import nominal_intro
from rasd.annotators.quotes.provisions import document_before
from rasd.annotators.quotes.speakers import (
    clean_np,
    definite,
    is_adjunct_start,
    person_noun,
    speakerish,
    title_np,
)
from rasd.resources import load_lines
from rasd.text import Token, fold
from rasd.text.clitics import affixes, chain, conjunctions, particle, proclitic

_CONJ = conjunctions()  # و، ف
_IN = particle("in")
_TO = chain("to")
_FROM = particle("from")
_SO = proclitic("so")  # ف: "أما X فقد …" answers the fronted X
MAX_WHEN = 12  # tokens of a fronted time clause
MAX_CLAUSE_LEAD = 4  # words between a feeling verb and the أن of its clause ("أعرب عن أمله في أن")
MAX_WISH_LEAD = 10  # words of a wished noun phrase before the clause joined to it ("متمنيا للجميع التوفيق وأن")
MAX_PRAISED = 4  # words between a praise verb's preposition and the quotation that follows


def object_before(cx: Ctx, a: int, j: int, verb: Verb) -> bool:
    """A nominal report's object lies between its subject (from ``a``) and the participle cue
    at ``j`` (``أعلنت الحركة تبني التفجير قائلة إن …``): the participle opens a report of its
    own, not this one's content (``وأوضح X قائلا: إن …`` has no object and goes on)."""
    if "nominal" not in verb.options or verb.participle:
        return False
    nom = nominal_intro(cx.toks, cx.brk, cx.ents, a, cx.names)
    return nom is not None and nom[1] < j


def comma_after_name(cx: Ctx, a: int, b: int) -> int | None:
    """The comma right after a person's name that ends the subject of a saying verb, when the
    sentence has no أن/colon/quotation (``وقال المتحدث الرسمي … سالم الغامدي، تلقت …``): the
    comma stands for the colon. Only a clause that is no adjunct may follow it."""
    toks = cx.toks
    c = next((x for x in range(a, min(b + 1, len(toks))) if toks[x].norm == ","), None)
    if c is None or c == a or c - a > MAX_SUBJECT // 2 or c + 2 >= len(toks) or not all(t.is_word for t in toks[a:c]):
        return None
    nxt = toks[c + 1]
    if not nxt.is_word or is_adjunct_start(cx, c + 1) or nxt.norm in cx.lex.comps or cue_at(cx, c + 1) is not None:
        return None
    if member(nxt.norm, cx.lex.openers) or member(nxt.norm, cx.lex.skip) or member(nxt.norm, cx.lex.titles):
        return None  # "وقال X، المتحدث باسم …، في بيان": a title in apposition, not what was said
    end = toks[c - 1].end
    return c if any(m.type == "PER" and m.end == end for m in cx.ents.overlapping(toks[a].start, end)) else None


@cache
def _speech_openers() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/speech_openers.txt"))


def colon_quote(cx: Ctx, j: int) -> int | None:
    """The colon before an opening mark that closes the clause of the participle at ``j``
    (``وقال X، المتحدث …، مشيرًا إلى أن …: «…»``), with no stop between: the quotation after it
    belongs to the verb before the participle, the participle's clause ends at the colon."""
    toks = cx.toks
    for c in range(j + 2, min(len(toks) - 1, j + MAX_SUBJECT)):  # a clause of its own before the colon
        if cx.brk[c - 1] or c - 1 in cx.open_at:
            return None
        if toks[c].norm == ":":
            return c if c + 1 in cx.open_at else None
    return None


def bare_speech(cx: Ctx, a: int, b: int) -> int | None:
    """The token in ``a..b`` that opens what was said when a saying verb has no أن, colon or
    quotation (``وقال الفارس X لقد سررت …``, ``وقال سيتم العمل …``): a word that only opens the
    speaker's own sentence (``speech_openers.txt``), right after the cue or right after a
    person's name that follows it, with only words between."""
    toks = cx.toks
    for p in range(a, min(b + 1, len(toks) - 1, a + MAX_SUBJECT // 2)):
        if not toks[p].is_word or any(cx.brk[x] for x in range(a, p)):
            return None
        if toks[p].norm not in _speech_openers() or not toks[p + 1].is_word:
            continue
        if p == a:
            return p
        end = toks[p - 1].end
        return p if any(m.type == "PER" and m.end == end for m in cx.ents.overlapping(toks[a].start, end)) else None
    return None


def bare_clause(cx: Ctx, k: int, a: int, verb: Verb) -> int | None:
    """``a`` when a going-on cue (``bare`` in verbs.tsv) with its و opens the sentence and a
    clause starts right after it (``وأضاف في كل مراحل …``, ``وأفاد يعتبر …``): an imperfect
    verb, or a clause opener (``clause_openers.txt``) that is not the cue's own preposition.
    No subject is named, so the last speaker goes on and what was said starts at ``a``; a
    name, title or person noun there is the subject instead."""
    toks = cx.toks
    if "bare" not in verb.options or k != cx.s0[k] or bare(toks[k].norm)[-1] == toks[k].norm:
        return None
    if a + 1 >= len(toks) or cx.brk[a - 1] or not toks[a].is_word or not toks[a + 1].is_word:
        return None
    t = toks[a]
    if ((hit := cue_at(cx, a)) is not None and not hit[1].imperfect) or any(m.start <= t.start < m.end for m in cx.ents.overlapping(t.start, t.end)):
        return None  # a name is the subject; an imperfect cue there ("يعتبر") is a verb of the content
    if member(t.norm, cx.lex.openers):
        return a if t.norm not in verb.preps else None
    if gz.key_of(t.norm) in given_names() or person_noun(cx, t.norm) or title_np(cx, NP(a, a)):
        return None  # "وأضاف يوسف …", "وأضاف المدير …": the subject
    pre = next((p for p in affixes("imperfect") if t.norm.startswith(p)), "")
    return a if pre and len(t.norm) - len(pre) >= 3 and not t.norm.endswith(affixes("past", "feminine")) else None


def told_speech(cx: Ctx, a: int, b: int) -> int | None:
    """The token in ``a..b`` that opens what was said when a saying verb has no أن, colon or
    quotation but names the outlet told right after the speaker's name (``وقال الناشط X
    لـ«الصحيفة» المدينة آمنة …``): the first word after the outlet's closing mark."""
    toks = cx.toks
    for p in range(a + 1, min(b, len(toks) - 2, a + MAX_SUBJECT)):
        if cx.brk[p - 1] or not toks[p - 1].is_word:
            return None
        if toks[p].norm != _TO or p + 1 not in cx.open_at:
            continue
        c = cx.open_at[p + 1] + 1
        end = toks[p - 1].end
        if (
            c < len(toks) - 1 and not cx.brk[c - 1] and toks[c].is_word and toks[c + 1].is_word
            and not is_adjunct_start(cx, c) and cue_at(cx, c) is None
            and any(m.type == "PER" and m.end == end for m in cx.ents.overlapping(toks[a].start, end))
        ):
            return c
        return None
    return None


def strict_frames(cx: Ctx, j: int, n: int, verb: Verb) -> bool:
    """The cue at ``j`` can open a report of its own: a strict one (بين، طلب) only with its
    أن or colon close after it and no comma between (``ذكر مسؤول، طلب عدم نشر اسمه، أن …``)."""
    if "strict" not in verb.options:
        return True
    for x in range(j + n, min(len(cx.toks), j + n + 6)):
        if cx.toks[x].norm in cx.lex.comps or cx.toks[x].norm == ":":
            return True
        if cx.toks[x].norm == "," or cx.brk[x]:
            return False
    return False


def clock_colon(toks: list[Token], k: int) -> bool:
    """The colon at ``k`` sits between digits with no space (``18:01``): a clock time or a
    score, not the colon that opens a statement."""
    if not 0 < k < len(toks) - 1:
        return False
    a, b = toks[k - 1], toks[k + 1]
    return a.norm.isdigit() and b.norm.isdigit() and a.end == toks[k].start and toks[k].end == b.start


@cache
def _when() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/when_clauses.txt"))


def when_subject(cx: Ctx, s0: int, k: int) -> NP | None:
    """The person in a fronted time clause that opens the sentence right before the cue at
    ``k`` (``وحين تم استجواب الشاب أقر بأنه …``): a named person, or a title or a
    person noun with its definite adjectives; None when the clause names none or runs long."""
    toks = cx.toks
    if not (s0 < k <= s0 + MAX_WHEN) or not any(w in _when() for w in bare(toks[s0].norm)):
        return None
    if any(t.norm == "," for t in toks[s0:k]) and toks[k - 1].norm != ",":
        return None  # "وعندما وصل، قال": a comma closes the clause before another subject
    for j in range(s0 + 1, k):
        t = toks[j]
        per = [m for m in cx.ents.overlapping(t.start, t.end) if m.type == "PER" and m.start == t.start]
        if per:
            last = max(x for x in range(j, k) if toks[x].start < per[0].end)
            return NP(j, last)
        if t.is_word and definite(t.norm) and (person_noun(cx, t.norm) or title_np(cx, NP(j, j))):
            last = j
            while last + 1 < k and toks[last + 1].is_word and definite(toks[last + 1].norm) and not member(
                toks[last + 1].norm, cx.lex.adjuncts
            ):
                last += 1
            return NP(j, last)
    return None


def quote_after(cx: Ctx, a: int) -> int | None:
    """The opening mark of a quotation (not a quoted name) within a few words from ``a``, in the
    same sentence; None when a comma, a break or a longer phrase comes first."""
    for j in range(a, min(a + MAX_PRAISED, len(cx.toks))):
        if j in cx.open_at:
            return None if j in cx.names else j
        if cx.brk[j] or not cx.toks[j].is_word:
            return None
    return None


@cache
def _aux() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/auxiliaries.txt"))


def object_first(cx: Ctx, a: int, nom: tuple[int, int], prep: int) -> bool:
    """A nominal report's object opens right after its subject, before the preposition at ``prep``:
    ``أكدت الوزارة مواصلة … على الخارطة`` reports the مواصلة phrase, the later على is not the verb's.
    Not after an adjunct (``في تصريح له على``), nor when a person is named before the preposition
    (``أكد مدير عام فرع الوزارة X على``: a title chain, X is the subject)."""
    if nom[0] != nom[1] or any(is_adjunct_start(cx, x, segment=True) for x in range(a, nom[1] + 1)):
        return False
    return not any(m.type == "PER" for m in cx.ents.overlapping(cx.toks[nom[1]].start, cx.toks[prep].start))


def kana_subject(cx: Ctx, s0: int, k: int) -> NP | None:
    """The subject between ``كان`` and the cue at ``k`` when the sentence or its last comma
    piece (or the clause after أن) opens with ``كان`` and a speaker-like noun phrase (``وكانت الوزارة أبلغت …``,
    ``…، وكانت الوزارة قد أعلنت …``), with no other cue between; else None."""
    toks = cx.toks
    s0 = max((x + 1 for x in range(s0, k) if toks[x].norm == "," or toks[x].norm in cx.lex.comps), default=s0)  # "…، وكان
    # المدرب أبلغ", "بعد أن كان المدرب قد أبلغ"
    if not (s0 + 1 < k <= s0 + MAX_WHEN) or not any(w in _aux() for w in bare(toks[s0].norm)):
        return None
    if any(not t.is_word for t in toks[s0 + 1 : k]) or any(cue_at(cx, j) for j in range(s0 + 1, k)):
        return None
    if toks[k - 1].norm in cx.lex.relatives and k - 1 > s0 + 1:
        return None  # "وكان الوزير … الخطة التي ذكرت الصحيفة أنها": the relative clause has its own subject
    t = toks[s0 + 1]
    named = any(m.type in ("PER", "ORG") and m.start == t.start for m in cx.ents.overlapping(t.start, t.end))
    if not (named or title_np(cx, NP(s0 + 1, s0 + 1)) or member(t.norm, cx.lex.anon) or member(t.norm, cx.lex.orgs) or person_noun(cx, t.norm)):
        return None  # "وكان مكتب العمل قد دعا …": a body's office speaks too
    last = k - 1
    while last > s0 + 1 and member(toks[last].norm, cx.lex.skip):
        last -= 1  # "وكانت الوزارة قد أعلنت": قد is no part of the subject
    return NP(s0 + 1, last)


def venue_owner(cx: Ctx, s0: int, k: int) -> NP | None:
    """``وفي بيان للتنظيم نشرته حسابات مؤيدة له، أعلن مسؤوليته …``: a cue with no subject after
    a fronted ``في`` + venue + ``ل``-owner speaks for the owner (the statement's author), not
    for whoever relayed the statement."""
    toks = cx.toks
    if k - s0 < 4 or _IN not in bare(toks[s0].norm) or not any(toks[x].norm == "," for x in range(s0, k)):
        return None
    venue = bare(toks[s0 + 1].norm)[-1]
    own = s0 + 2
    if not (member(venue, cx.lex.venues) and toks[own].is_word and toks[own].norm.startswith(_TO) and len(toks[own].norm) > 3):
        return None
    last = own + (not definite(toks[own].norm))  # "لوزارة الداخلية": the construct's complement
    while last + 1 < k and toks[last + 1].is_word and definite(toks[last + 1].norm) and not is_adjunct_start(cx, last + 1):
        last += 1
    return NP(own, min(last, k - 1))


def relative_antecedent(cx: Ctx, k: int) -> NP | None:
    """``… في نيجيريا التي تعتبره «…»``: a cue right after a relative pronoun, with no subject of
    its own, quotes the person, body or country named just before the pronoun; else None."""
    toks = cx.toks
    if (cue := cue_at(cx, k)) is not None and resumptive(cx, k, cue[1]):
        return None  # "إيران التي اتهمها بـ…": Iran is the one accused
    if cue is not None and "provision" in cue[1].options and (doc := document_before(toks, cx.brk, k)) is not None:
        return NP(*doc)  # "نظام العمل، والذي ينص على …": the statute provides
    if (group := plural_antecedent(cx, k)) is not None:
        return NP(group, group)  # "وسط المحتجين، الذين أكدوا أن": the group
    if k < 2 or toks[k - 1].norm not in cx.lex.relatives or not toks[k - 2].is_word:
        return None
    end = toks[k - 2].end
    m = next((m for m in cx.ents.overlapping(toks[k - 2].start, end) if m.end == end and m.type in ("PER", "ORG", "GPE")), None)
    if m is None:
        first_tok = relative_person(cx, k)  # "والاورجواني فابيان الذي أكد": a name no mention covers
        return None if first_tok is None else NP(first_tok, k - 2)
    first = next(j for j in range(k - 2, -1, -1) if toks[j].start <= m.start or j == 0)
    return NP(first, k - 2)


def wished_clause(cx: Ctx, a: int) -> int | None:
    """Where a wish or prayer participle's content starts when it wishes a noun first and joins a
    clause to it with و (``متمنيا للجميع التوفيق وأن يعود …``, ``سائلا الله للراحلين الرحمة، وأن
    …``): the noun, after God whom a prayer addresses. None without that joined clause, so a wish
    with a noun alone (``متمنيا لهما الشفاء``) stays no report (realnews E3)."""
    toks, s = cx.toks, a
    while s < len(toks) and (prayed_to(toks, s) or toks[s].norm in scripture()):
        s += 1  # "سائلا الله تعالى …": whom the prayer addresses is not what is asked
    end = min(content_end(cx, a), s + MAX_WISH_LEAD)
    for j in range(s + 1, end):
        w = toks[j].norm
        if w in cx.lex.comps or cx.brk[j] or j in cx.open_at:
            return None  # a clause of its own, or a quotation: the ordinary rules read it
        if w[:1] in _CONJ and w[1:] in cx.lex.comps:
            return s
    return None


def clause_in(cx: Ctx, a: int) -> int | None:
    """The token after a complementizer within the first words from ``a`` (``أمله في أن``), if any."""
    for j in range(a, min(a + MAX_CLAUSE_LEAD, len(cx.toks) - 1)):
        if cx.toks[j].norm in cx.lex.comps:
            return j + 1
        if cx.brk[j] or not cx.toks[j].is_word:
            return None
    return None


def topic(cx: Ctx, s0: int, k: int) -> NP | None:
    """``أما X، …``: the phrase between a fronting particle at the sentence start and its comma."""
    if not any(w in cx.lex.topics for w in bare(cx.toks[s0].norm)):
        return None
    comma = next((j for j in range(s0 + 1, min(k, s0 + 12)) if cx.toks[j].norm == ","), None)
    if comma is None:
        return None
    np_ = clean_np(cx, trim(cx, s0 + 1, comma - 1))
    return np_ if np_ is not None and speakerish(cx, np_) else None


def answered_topic(cx: Ctx, s0: int, k: int) -> NP | None:
    """``أما X فقد برر … بأنه``, ``أما X فأكد``: with no comma, the ف glued to the cue (or to a
    particle right before it, ``فقد``) answers the fronted X, which is the cue's subject even when
    a noun after the cue looks like one (the justified act is its object)."""
    toks = cx.toks
    # the particle may follow a quotation's closing mark in the same sentence ("…!» أما X فقد …")
    s0 = next((j for j in range(k - 2, s0 - 1, -1) if not toks[j].is_word or any(w in cx.lex.topics for w in bare(toks[j].norm))), s0)
    if k - s0 < 3 or not any(w in cx.lex.topics for w in bare(toks[s0].norm)):
        return None  # no particle, or a comma or a mark after it (the comma form is ``topic``'s)
    end = next((j for j in (k - 1, k) if j > s0 + 1 and toks[j].norm[:1] == _SO
                and (j == k or toks[j].norm[1:] in cx.lex.openers) and len(bare(toks[j].norm)) > 1), None)  # fmt: skip
    if end is None:
        return None
    np_ = clean_np(cx, trim(cx, s0 + 1, end - 1))
    return np_ if np_ is not None and speakerish(cx, np_) else None


@cache
def _receive() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/receive_verbs.txt"))


def sender(cx: Ctx, s0: int, k: int) -> NP | None:
    """``تلقى الأمير X برقية من الشيخ Y نائب …، مؤكدا …``: the person named right after the
    first من of a sentence that opens with a verb of receiving sends the words."""
    toks = cx.toks
    if not any(w in _receive() for w in bare(toks[s0].norm)):
        return None
    j = next((x for x in range(s0 + 1, k - 1) if toks[x].norm == _FROM), None)
    if j is None:
        return None
    for a in (j + 1, j + 2):  # "من الشيخ Y": past one title word
        t = toks[a]
        per = [m for m in cx.ents.overlapping(t.start, t.end) if m.type == "PER" and m.start == t.start]
        if per and a < k:
            return NP(j + 1, max(x for x in range(a, k) if toks[x].start < per[0].end))
    return None


def quoted_subject(cx: Ctx, o: int) -> bool:
    """A short quoted name right after أن that the clause goes on from (``أكدت أن «مجلس
    الشورى» عقد …``, ``بأن «المجلس»، قرر …``): the subject of indirect speech, not a quotation."""
    if not short_pair(cx, o):
        return False
    j = cx.open_at[o] + 1
    if j < len(cx.toks) and cx.toks[j].norm == "," and not cx.brk[j]:
        j += 1  # a comma between the subject and its verb, not before another report
        if j < len(cx.toks) and (bare(cx.toks[j].norm)[-1] != cx.toks[j].norm or cue_at(cx, j) is not None):
            return False  # "أن «الوضع صعب»، وقال …": the quotation ended, a new clause begins
    return j < len(cx.toks) and cx.toks[j].is_word and not cx.brk[j - 1]



def bound_topic(cx: Ctx, s0: int, k: int) -> NP | None:
    """``ووزارة الداخلية إذ تعلن ذلك لتؤكد …``: a noun phrase opening the sentence, then ``إذ``
    and its clause before the cue; the topic is the speaker of a cue with no subject of its own."""
    x = binder_at(cx, s0, k)
    if x is None:
        return None
    np_ = clean_np(cx, trim(cx, s0, x - 1))
    return np_ if np_ is not None and speakerish(cx, np_) else None
