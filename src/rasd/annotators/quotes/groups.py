"""Who a plural zero-subject cue continues: the group the narration made a clause's subject.

``زار عدد من المشرفين مقر البرنامج … وقالوا: «…»`` and ``إلا أن مواطنين رفضوا كلامه،
وطالبوه بـ … مشيرين إلى أن …``: the plural cue has no subject of its own, and the last
quoted speaker (one person) cannot say ``قالوا``. The group is either a group word after a
clause's verb (``عدد من``، ``وفد``: ``quotes/group_heads.txt``) or the noun right before a
plural past verb (``مواطنين رفضوا``). Only groups named after the last quote's content are
looked at, the latest first; a singular cue, or a plural one with no such group, goes on with
``carry.carried``.
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.quotes.carry import carried
from rasd.annotators.quotes.context import NP, Ctx, tok_at, trim
from rasd.annotators.quotes.history import bare, nodef
from rasd.annotators.quotes.lexicon import Verb
from rasd.annotators.quotes.speakers import Subj, clean_np, demonstrative, make_speaker, possessed_object
from rasd.annotators.quotes.state import State
from rasd.models import Speaker
from rasd.resources import load_lines
from rasd.text import fold
from rasd.text.clitics import affixes, article, prepositions

MAX_GROUP = 8  # words of a group phrase (عدد من معلمي مدارس البنات بتعليم تبوك)
MAX_LEAD = 4  # words between a clause's start and its group word (حيث زار مؤخرا عدد)
MAX_SVO = 3  # words of a subject before its plural verb (إلا أن مواطنين رفضوا)
_VERB_PL = affixes("verb_plural")  # قالوا
_VERB_PL_OBJ = tuple(v[:-1] + p for v in _VERB_PL for p in affixes("pronoun"))  # طالبوه: the alef drops
_MASC_PL = affixes("plural", "masc")  # مشيرين، مؤكدين
_IMPERFECT = affixes("imperfect")
_ART = article()
_BY_TO = tuple(p for p in prepositions(kaf=False) if p)


@cache
def _heads() -> frozenset[str]:
    return frozenset(nodef(fold(x)) for x in load_lines("quotes/group_heads.txt"))


@cache
def _openers() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/clause_openers.txt"))


def plural_cue(w: str, verb: Verb) -> bool:
    """The cue word (folded) speaks for several: ``قالوا``، ``طالبوه``، ``مشيرين``."""
    w = bare(w)[-1]
    if verb.participle:
        return len(w) > 4 and w.endswith(_MASC_PL)
    return len(w) > 3 and (w.endswith(_VERB_PL) or w.endswith(_VERB_PL_OBJ))


def _plural_verb(w: str) -> bool:
    w = bare(w)[-1]
    return len(w) > 3 and w.endswith(_VERB_PL) and not w.startswith(_ART)


def _stop(cx: Ctx, j: int) -> bool:
    """Token ``j`` ends a group phrase: a break, a verb, a demonstrative or a possessed object."""
    t = cx.toks[j]
    w = bare(t.norm)[-1]
    if not t.is_word or t.norm in cx.lex.relatives or demonstrative(cx, j) or possessed_object(cx, j):
        return True
    return _plural_verb(t.norm) or (w[:1] in _IMPERFECT and len(w) > 4 and not w.startswith(_ART))


def _group_word(cx: Ctx, c: int, j: int) -> NP | None:
    """``c..j``: a clause whose verb is followed, within a few words, by a group word at ``j``."""
    w = nodef(bare(cx.toks[j].norm)[-1])
    if w not in _heads() or not c < j <= c + MAX_LEAD:
        return None
    prev = bare(cx.toks[j - 1].norm)[-1]
    if prev in _openers() or prev.startswith(_BY_TO) or j - 1 in cx.close_at:
        return None  # "في عدد من", "بحضور عدد": the group is a preposition's, not the subject
    e = j + 1
    while e < len(cx.toks) and e < j + MAX_GROUP and not cx.brk[e - 1] and not _stop(cx, e):
        e += 1
    return clean_np(cx, trim(cx, j, e - 1))


def _subject_before(cx: Ctx, c: int, j: int) -> NP | None:
    """``c..j``: a subject of a few words right before a plural past verb at ``j``, after the
    clause's openers or its أن/إن."""
    if not _plural_verb(cx.toks[j].norm):
        return None
    s = max((x + 1 for x in range(c, j) if cx.toks[x].norm in cx.lex.comps), default=c)
    while s < j and (bare(cx.toks[s].norm)[-1] in _openers() or cx.toks[s].norm in _openers()):
        s += 1
    if not 0 < j - s <= MAX_SVO or cx.toks[s].norm.startswith(_BY_TO):
        return None
    if any(not t.is_word or t.norm in cx.lex.relatives or _plural_verb(t.norm) for t in cx.toks[s:j]):
        return None
    return trim(cx, s, j - 1)


def _relative_antecedent(cx: Ctx, c: int, j: int) -> NP | None:
    """``c..j``: a relative pronoun at ``j`` whose clause opens with a plural past verb (an adverb
    may come first: ``للحضور الذين بدورهم شكروا …``): the definite noun right before the pronoun,
    a preposition glued to it or not, is the group; a later plural cue coordinated inside the
    relative clause (``… وطالبوا بـ``) is that group's, not the last speaker's."""
    toks = cx.toks
    if toks[j].norm not in cx.lex.relatives or j - 1 < c or not toks[j - 1].is_word:
        return None
    if not any(_plural_verb(toks[x].norm) for x in range(j + 1, min(j + 3, len(toks))) if not cx.brk[x - 1]):
        return None
    w = bare(toks[j - 1].norm)[-1]
    if not (w.startswith(_ART) or any(w.startswith(p + _ART[1:]) or w.startswith(p + _ART) for p in _BY_TO)):
        return None  # a name or an indefinite word: the narration's own subject rules follow
    return trim(cx, j - 1, j - 1)


def relative_group(cx: Ctx, s0: int, k: int) -> NP | None:
    """For a plural past cue at ``k`` (``وطالبوا``), the latest group of tokens ``s0..k-1`` that a
    plural relative clause describes (``للحضور الذين شكروا … وطالبوا``): the sentence's first
    subject (one person) cannot say it, the group does."""
    if not _plural_verb(cx.toks[k].norm):
        return None
    return next((np_ for j in range(k - 1, s0, -1) if (np_ := _relative_antecedent(cx, s0, j)) is not None), None)


def narrated_group(cx: Ctx, lo: int, k: int) -> NP | None:
    """The latest group made a clause's subject in tokens ``lo..k-1``, else None."""
    best: NP | None = None
    c = lo
    for j in range(max(lo, 0), k):
        if j > c and (np_ := _group_word(cx, c, j) or _subject_before(cx, c, j) or _relative_antecedent(cx, c, j)) is not None:
            best = np_
        if cx.toks[j].norm in (",", ":", ";") or cx.brk[j] or j in cx.open_at or j in cx.close_at:
            c = j + 1
    return best


def inner_start(cx: Ctx, st: State, k: int) -> int:
    """The first token of the indirect content the cue at ``k`` stands in or right after, in its sentence; else -1."""
    e = st.indirect_until
    if st.covered_until >= k or e < 0 or any(t.is_word for t in cx.toks[e + 1 : k]) or any(cx.brk[e:k]):
        return -1
    x = tok_at(cx, st.indirect_from)
    return x if x < k else -1


def continued(cx: Ctx, lo: int, k: int, verb: Verb, last: Speaker | None, inner: int = -1) -> Speaker | None:
    """Who a zero-subject cue at ``k`` continues: for a plural cue, a group narrated since the
    last quote's content (token ``lo``); else ``carried`` (``inner``: where that content starts,
    when the cue follows it in its sentence)."""
    if plural_cue(cx.toks[k].norm, verb) and (np_ := narrated_group(cx, lo, k)) is not None:
        spk = make_speaker(cx, Subj(np=np_))
        if spk is not None:
            return spk
    return carried(cx.toks, cx.brk, cx.ents, lo, k, last, inner)
