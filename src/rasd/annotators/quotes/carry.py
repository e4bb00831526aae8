"""Who a zero-subject cue continues when the narration named someone new since the last quote.

``وفي طهران، رفض محمد علي جعفري … القرار. وقال إن …``: the cue ``وقال`` has no subject; the
last quoted speaker may be someone from three paragraphs earlier, but the narration has
since made Jafari the subject of a clause. A person named as the subject of a clause that
opens with a verb, after the last quote's content and before the cue, is the one who goes on
speaking; so is one written first after the clause's openers or ``لكن``/``غير أن`` and before a
verb (``… لكن زعيم الحزب X عبر عن …``). Names inside earlier content are never taken (the
search starts after it), except one that content turned to with ``لكن``/``غير أن`` right before
the cue; nor ones introduced by a preposition (``التقى الوزير بالرئيس X``: X is the object).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from rasd.annotators.quotes.frames import contrast_before
from rasd.annotators.quotes.history import bare, nodef
from rasd.annotators.quotes.nominal import opens_object
from rasd.annotators.spans import SpanIndex
from rasd.models import EntityMention, Speaker
from rasd.resources import arabic, load_lines
from rasd.text import Token, fold
from rasd.text.clitics import affixes, article, prepositions, proclitic
from rasd.text.clitics import chain as clitic_chain

MAX_CHAIN = 8  # title words between a clause's verb and its subject's name
MAX_BACK = 400  # tokens looked back from the cue
_TO = proclitic("to")
_IMPERFECT = affixes("imperfect")  # ي ت ن: "ليرد" is ل + an imperfect verb
_ART = article()
_NOUNISH = (_ART, clitic_chain("to", "the"))  # ال، لل: a noun, not a verb
_BY_TO = prepositions(kaf=False)  # ب، ل: a prepositional phrase


@cache
def _openers() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/clause_openers.txt"))


@cache
def _titles() -> frozenset[str]:
    return frozenset(nodef(fold(x)) for x in arabic.titles("role"))


@cache
def _pronoun_objects() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/pronoun_objects.txt"))


def _pronoun(m: EntityMention) -> bool:
    return fold(m.text) in frozenset(fold(x) for x in load_lines("quotes/anaphors.txt"))


def narrative_subject(
    toks: Sequence[Token], brk: Sequence[bool], ents: SpanIndex[EntityMention], lo: int, k: int, contrast: bool = False
) -> EntityMention | None:
    """The latest person named as a clause's subject in tokens ``lo..k-1``, or None; with
    ``contrast``, only a subject written first after ``لكن``/``غير أن``."""
    lo = max(lo, k - MAX_BACK, 0)
    if lo >= k:
        return None
    quoted = 0  # inside quotation marks: someone else's words
    best: EntityMention | None = None
    clause = lo  # first token of the current clause
    pers = {m.start: m for m in ents.within(toks[lo].start, toks[k - 1].end) if m.type == "PER" and not _pronoun(m)}
    for j in range(lo, k):
        t = toks[j]
        if t.norm in ('"', "«", "»", "“", "”"):
            quoted ^= 1
        if not quoted and t.start in pers and ((not contrast and _subject_at(toks, clause, j)) or _fronted_at(toks, clause, j, pers[t.start].end, k, contrast)):
            best = pers[t.start]
        if t.norm in (",", ":", ";") or brk[j]:
            clause = j + 1
    return best


def _subject_at(toks: Sequence[Token], clause: int, j: int) -> bool:
    """Tokens ``clause..j-1`` are: openers, one verb, then title words (no preposition)."""
    a = clause
    while a < j and (bare(toks[a].norm)[-1] in _openers() or toks[a].norm in _openers()):
        a += 1
    if a >= j or not toks[a].is_word:
        return False
    verb = bare(toks[a].norm)[-1]
    purpose = verb[:1] == _TO and verb[1:2] in _IMPERFECT and len(verb) > 3  # "ليرد": ل + imperfect
    if verb.startswith(_NOUNISH) or len(verb) < 3 or (toks[a].norm[:1] in _BY_TO and not purpose):
        return False  # a noun or a prepositional phrase, not a verb
    chain = toks[a + 1 : j]
    while chain and chain[0].norm in _pronoun_objects():
        chain = chain[1:]  # "ليرد عليه X": the object pronoun sits before the subject
    if len(chain) > MAX_CHAIN or any(not t.is_word for t in chain):
        return False
    for t in chain:
        w = bare(t.norm)[-1]
        if w[:1] in _BY_TO and nodef(w[1:]) in _titles():
            return False  # "بالرئيس X": the object of the verb
    # any reading of the first word: "وزير" is a title as written, not و + "زير"
    return not chain or any(nodef(x) in _titles() for x in bare(chain[0].norm)) or chain[0].norm.startswith(_ART)


def _fronted_at(toks: Sequence[Token], clause: int, j: int, end: int, k: int, contrast: bool = False) -> bool:
    """Subject first: the clause's openers or a connector that a subject may follow (``لكن``),
    title words, the name at ``j`` (ending at character ``end``), then a verb before the cue at
    ``k``: ``… لكن زعيم الحزب X عبر عن تشككه. وقال …``."""
    b = j
    while b > clause and j - b < MAX_CHAIN and toks[b - 1].is_word and not _opener(toks[b - 1]) and not contrast_before(toks, b):
        b -= 1
    after = contrast_before(toks, b)
    if not after and (contrast or not all(_opener(t) for t in toks[clause:b])):
        return False
    chain = toks[b:j]
    if chain and not any(nodef(x) in _titles() for x in bare(chain[0].norm)):
        return False
    e = next((x for x in range(j, k) if toks[x].start >= end), k)
    if e >= k or not toks[e].is_word:
        return False
    w = bare(toks[e].norm)[-1]
    return not (w.startswith(_NOUNISH) or len(w) < 3 or _opener(toks[e]) or any(nodef(x) in _titles() for x in bare(toks[e].norm)))


def _opener(t: Token) -> bool:
    return bare(t.norm)[-1] in _openers() or t.norm in _openers()


def carried(
    toks: Sequence[Token], brk: Sequence[bool], ents: SpanIndex[EntityMention], lo: int, k: int, last: Speaker | None,
    within: int = -1,
) -> Speaker | None:
    """The speaker a zero-subject cue at ``k`` continues: a person made the subject since the
    last quote's content (token ``lo``), else one the content (from token ``within``, when the cue
    follows it in its sentence) turned to with ``لكن``/``غير أن`` (``… أن … لكن X رفض …، مؤكدا``:
    X's own words, the reporter only narrated them), else the last speaker."""
    m = narrative_subject(toks, brk, ents, lo, k)
    if m is None and 0 <= within < k:
        m = narrative_subject(toks, brk, ents, within, k, contrast=True)
    if m is None:
        return last
    if last is not None and fold(m.text).split()[-1] in fold(last.text).split():
        return last  # the same person, named as before
    # "نقل الأمير X تعازي …": a tagged name that runs into a verbal noun stops before it
    inner = [t for t in toks[max(0, k - MAX_BACK) : k] if m.start <= t.start < m.end]
    end = next((p.end for p, t in zip(inner, inner[1:], strict=False) if opens_object(t.norm)), m.end)
    return Speaker(text=m.text[: end - m.start], entity=m.entity, start=m.start, end=end)
