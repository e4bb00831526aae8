"""Claims: normalised statements (who says what about what, when, with which polarity).

A claim is made from each quote (its content, attributed to the speaker) and from each
sentence outside quotes that reports an event or touches a known topic (the outlet's own
reported facts). Besides the public ``Claim`` the builder keeps a ``ClaimRecord`` with
what the comparison needs: topics with a polarity each (``resources/claims/topics.tsv``,
negation cues flip a sign), counted facts (object, owner, value), deadline dates, and
content stems.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.events import (
    conditionals,
    count_words,
    find_triggers,
    modality,
    phrase_list,
    phrase_starts,
    precision_of,
    stems,
    word_list,
)
from rasd.annotators.spans import SpanIndex
from rasd.ids import make_id
from rasd.models import Claim, DocAnalysis, EntityMention, Event, Evidence, Quantity, Quote, Timex
from rasd.resolve.entities import canonical_key
from rasd.resources import load_lines, load_pairs, load_table
from rasd.temporal import calendar_year
from rasd.text import Token, fold, sentences
from rasd.text.clitics import definite_chains
from rasd.text.tokens import words_of
from rasd.text.words import StemHits

OBJECT_MAX = 200
# the article with at most one particle before it (وال، بال، لل …), longest first
_ARTICLE = re.compile("^(?:" + "|".join(map(re.escape, definite_chains(max_parts=2))) + ")(?=...)")
NEG_WINDOW = 3
EMBED_WINDOW = 5  # "ما إذا كانت قاعدة حرير ستبقى": the particle may sit a few words back


@dataclass
class ClaimRecord:
    """A claim plus the structured facts the conflict view compares."""

    claim: Claim
    doc: str
    text: str
    topics: dict[str, str] = field(default_factory=dict)  # topic family -> assert | deny
    facts: list[tuple[str, str, float]] = field(default_factory=list)  # (object, owner, value)
    dates: list[tuple[str, str | None]] = field(default_factory=list)  # deadline / plan dates: (value, mod)
    stems: frozenset[str] = frozenset()
    speaker: str = ""  # entity id or folded speaker text, "" for the outlet itself
    speaker_text: str = ""  # the speaker as written, for explanations
    year: str | None = None  # the reporting year (document date): what claims are blocked on
    entities: frozenset[str] = frozenset()  # entities named in the claim (ids, else folded text)
    opposite: frozenset[str] = frozenset()  # families denied by an opposite word (بقاء), not a negation
    opinion: bool = False  # an analyst's view or an evaluative verb (اعتبر، يرى): not a fact to dispute
    reported: frozenset[str] = frozenset()  # event types the claim reports as done ("توصلا إلى اتفاق")
    stated: frozenset[str] = frozenset()  # families asserted by the proposition itself, not an agreement on it
    places: frozenset[str] = frozenset()  # places the claim names (folded gazetteer keys or mention text)
    national: bool = False  # one of them is a country: it may contain the other claim's places


@cache
def topic_lexicon() -> dict[str, tuple[tuple[tuple[str, ...], str, int], ...]]:
    """Topic phrases by first folded word: ``(words, topic, sign)``."""
    idx: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
    for row in load_table("claims/topics.tsv"):
        if len(row) < 2:
            continue
        words = tuple(fold(w) for w in row[0].split())
        sign = -1 if len(row) > 2 and row[2] == "-" else 1
        idx.setdefault(words[0], []).append((words, row[1], sign))
    return {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in idx.items()}


@cache
def _topic_stems() -> StemHits:
    """Readings of a word that start a topic phrase, remembered per word."""
    return StemHits(frozenset(topic_lexicon()))


@cache
def families() -> dict[str, str]:
    """Topic -> family (``resources/claims/topic_families.tsv``)."""
    return load_pairs("claims/topic_families.tsv")


def family(topic: str) -> str:
    return families().get(topic, topic)


@cache
def related_topics() -> frozenset[str]:
    """Topics about a family that do not state its proposition (an agreement on the
    withdrawal): third column ``related`` of ``topic_families.tsv``."""
    return frozenset(r[0] for r in load_table("claims/topic_families.tsv") if len(r) >= 3 and r[2] == "related")


@cache
def negation_words() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lines("claims/polarity_negators.txt"))


def adjacent_negators() -> frozenset[str]:
    """Negators that reach only the next word (غير، دون): ``claims/adjacent_negators.txt``."""
    return word_list("claims/adjacent_negators.txt")


def ending_words() -> frozenset[str]:
    """Words that end the opposite word before them (``claims/ending_words.txt``)."""
    return word_list("claims/ending_words.txt")


def embedding_words() -> frozenset[str]:
    """Relative pronouns and question particles (``claims/embedding_words.txt``)."""
    return word_list("claims/embedding_words.txt")


def opinion_cues() -> frozenset[str]:
    """Reporting verbs that introduce a view rather than a fact (اعتبر، يرى، وصف)."""
    return word_list("claims/opinion_cues.txt")


def opinion_roles() -> frozenset[str]:
    """Speaker descriptions of commentators (محلل، أكاديمي، خبير، مراقبون)."""
    return word_list("claims/opinion_roles.txt")


def _holds_phrase(words: Sequence[Token], resource: str) -> bool:
    return next(phrase_starts([w.norm for w in words], phrase_list(resource)), None) is not None


def is_inference(words: Sequence[Token]) -> bool:
    """Whether the words draw an inference ("X يعني أن Y") rather than report a fact
    (phrases in ``claims/inference_phrases.txt``)."""
    return _holds_phrase(words, "claims/inference_phrases.txt")


def is_position(words: Sequence[Token]) -> bool:
    """Whether the words state a position, a refusal or a demand ("لن نقبل بأي تواجد"),
    rather than a fact (phrases in ``claims/position_phrases.txt``)."""
    return _holds_phrase(words, "claims/position_phrases.txt")


def _is_word(w: Token, folded: str) -> bool:
    """``w`` is the folded word as written or once its proclitics are set aside."""
    return w.norm == folded or any(st == folded for _, st in stems(w)[1:])


def is_opinion_source(cue: str, speaker_texts: Iterable[str]) -> bool:
    """Whether a quote gives a view: an evaluative cue verb, or a speaker described (in
    any of ``speaker_texts``: its name, its role) as an analyst or observer."""
    if any(st in opinion_cues() for w in word_tokens(cue) for _, st in stems(w)):
        return True
    roles = opinion_roles()
    return any(st in roles for t in speaker_texts for w in word_tokens(t) for _, st in stems(w))


@cache
def schedule_words() -> frozenset[str]:
    """Words that make a dated claim a schedule ("المرحلة الثانية تنتهي في سبتمبر 2026")."""
    return frozenset(fold(w) for w in load_lines("claims/schedule_words.txt"))


@cache
def stopwords() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lines("claims/stopwords.txt"))


def word_tokens(text: str, offset: int = 0) -> list[Token]:
    """The word tokens of ``text``, offsets shifted by ``offset`` (``text.tokens.words_of``)."""
    return words_of(text, offset)


def topics_of(
    words: Sequence[Token], opposite: set[str] | None = None, stated: set[str] | None = None
) -> dict[str, str]:
    """Topic family -> ``assert``/``deny`` for the topic words in ``words``; a denial wins.

    Families denied by an opposite word with no negation ("ستبقى" against withdrawal) are
    added to ``opposite`` when given: a stated counter-position, stronger than a negation.
    Families asserted by a topic that states the proposition itself (not a ``related``
    one such as an agreement on it) are added to ``stated``. A negator after a condition
    particle (إن لم) is a condition, and a nominal negator (غير، دون) reaches only the next
    word; an ending word right after an opposite word ("بقاء التحالف انتهت") turns it
    back, and one after a relative pronoun or a question particle ("القوات التي ستبقى")
    states nothing. An opposite word beside a plain assertion of its family narrows the assertion
    ("leave Baghdad, stay in Erbil"): the claim asserts.
    """
    lex = topic_lexicon()
    readings = _topic_stems()
    neg = negation_words()
    cond = conditionals()
    adjacent = adjacent_negators()
    enders = ending_words()
    embedders = embedding_words()
    out: dict[str, str] = {}
    positive: set[str] = set()  # families asserted by a plain topic word
    countered: set[str] = set()  # families denied by an opposite word (بقاء)
    negated_fams: set[str] = set()  # families denied by a negation
    for i, tok in enumerate(words):
        for _, stem in readings(tok):
            for phrase, topic, sign in lex[stem]:
                n = len(phrase)
                if i + n > len(words) or not all(_is_word(words[i + j], phrase[j]) for j in range(1, n)):
                    continue
                lo = max(0, i - NEG_WINDOW)
                negated = any(
                    w.norm in neg
                    and not (k > 0 and words[k - 1].norm in cond)  # "إن لم تنسحب": a condition
                    and (k == i - 1 or w.norm not in adjacent)  # "جماعة غير معروفة تبنت الهجوم"
                    for k, w in enumerate(words[lo:i], start=lo)
                )
                if sign < 0 and not negated and any(w.norm in embedders for w in words[max(0, i - EMBED_WINDOW) : i]):
                    break  # "القوات التي ستبقى", "ما إذا كانت ستبقى": embedded, not a stance
                if sign < 0 and not negated:  # "بقاء التحالف انتهت": the stay is over
                    negated = any(w.norm in enders for w in words[i + n : i + n + NEG_WINDOW])
                pol = "assert" if (sign > 0) != negated else "deny"
                fam = family(topic)
                if negated:
                    negated_fams.add(fam)
                elif sign < 0:
                    countered.add(fam)
                else:
                    positive.add(fam)
                    if stated is not None and topic not in related_topics():
                        stated.add(fam)
                if opposite is not None and sign < 0 and not negated:
                    opposite.add(fam)
                if out.get(fam) != "deny":
                    out[fam] = pol
                break
    for fam in (countered & positive) - negated_fams:
        # "leave Baghdad, stay in Erbil": an opposite word beside a plain assertion narrows
        # its scope; the sentence as a whole asserts the topic
        out[fam] = "assert"
        if opposite is not None:
            opposite.discard(fam)
    return out


def content_stems(words: Iterable[Token]) -> frozenset[str]:
    """Stems of content words (stop words and digits out) for "same thing" tests."""
    stop = stopwords()
    out = set()
    for w in words:
        s = _ARTICLE.sub("", w.norm)  # only the article forms: a bare و may be a root letter (وجود)
        if w.norm not in stop and len(s) > 2 and not s.isdigit():
            out.add(s)
    return frozenset(out)


def _year(value: str | None) -> str | None:
    return calendar_year(value)


def build_claims(da: DocAnalysis, events: Sequence[Event]) -> list[ClaimRecord]:
    """Claims of one document: one per quote, one per unquoted event/topic sentence."""
    text = da.doc.text
    doc = da.doc.id
    out: list[ClaimRecord] = []
    pub = da.doc.published.value
    # a linked speaker's names and roles anywhere in this article ("the analyst X" once,
    # then "X added"); an unlinked one is keyed on a last word that may be shared
    # ("مسؤول عسكري" / "خبير عسكري"), so it keeps only its own description
    spans = DocSpans.of(da)
    described: dict[str, dict[str, None]] = {}  # ordered sets: a long page repeats its speakers
    for q in da.quotes:
        if q.speaker.entity:
            described.setdefault(q.speaker.entity, {}).update(dict.fromkeys(x for x in (q.speaker.text, q.speaker.role) if x))
    for q in da.quotes:
        cs, ce = q.content.start, q.content.end
        if not (0 <= cs < ce <= len(text)):
            continue
        words = word_tokens(text[cs:ce], cs)
        speaker = _speaker_key(q)
        rec = _record(da, words, cs, ce, q.start, q.end, speaker, q.speaker.entity, q.polarity, q.date or pub,
                      spans=spans)  # fmt: skip
        if rec is not None:
            rec.speaker_text = q.speaker.text
            own = [x for x in (q.speaker.text, q.speaker.role) if x]
            rec.opinion = (
                is_opinion_source(q.cue, list(described.get(q.speaker.entity or "", dict.fromkeys(own))))
                or is_inference(words)
                or is_position(words)
            )
            rec.claim.speaker = q.speaker.text
            out.append(rec)
    quoted = SpanIndex(da.quotes, key=lambda q: (q.start, q.end))
    by_start: dict[int, list[Event]] = {}  # events by the sentence start of their evidence here
    for ev in events:
        for st in dict.fromkeys(x.start for x in ev.evidence if x.doc == doc):
            by_start.setdefault(st, []).append(ev)
    for s, e in sentences(text):
        if quoted.overlaps_any(s, e):  # a quote's claim already speaks for the sentence
            continue
        words = word_tokens(text[s:e], s)
        sent_events = by_start.get(s, [])
        if not sent_events and not topics_of(words):
            continue
        rec = _record(da, words, s, e, s, e, "", None, "assert", pub, sent_events, spans=spans)
        if rec is not None:
            rec.opinion = is_inference(words) or is_position(words)
            out.append(rec)
    return out


@dataclass
class DocSpans:
    """One document's mentions indexed by offset once, so each claim or commitment looks up
    its own sentence's instead of scanning the whole page (linear on a 2 MB page)."""

    timex: SpanIndex[Timex]
    quantities: SpanIndex[Quantity]
    entities: SpanIndex[EntityMention]
    quotes: SpanIndex[Quote]

    @classmethod
    def of(cls, da: DocAnalysis) -> DocSpans:
        return cls(SpanIndex(da.timex), SpanIndex(da.quantities), SpanIndex(da.entities), SpanIndex(da.quotes))


def _speaker_key(q: Quote) -> str:
    """The linked entity, else the last word of the name ("غالب الدعمي" / "الدعمي")."""
    return q.speaker.entity or (fold(q.speaker.text).split() or [""])[-1]


def _record(
    da: DocAnalysis,
    words: list[Token],
    cs: int,
    ce: int,
    es: int,
    ee: int,
    speaker: str,
    speaker_entity: str | None,
    polarity: str,
    fallback_time: str | None,
    sent_events: Sequence[Event] = (),
    spans: DocSpans | None = None,
) -> ClaimRecord | None:
    text = da.doc.text
    sp = spans or DocSpans.of(da)
    opposite: set[str] = set()
    stated: set[str] = set()
    topics = topics_of(words, opposite, stated)
    hits = find_triggers(words)
    mods = [modality(words, h) for h in hits]
    predicate = hits[0].trigger.type.lower() if hits else (next(iter(topics), "says"))
    for h, m in zip(hits, mods, strict=True):
        topic = "event:" + h.trigger.type.lower()
        fam = family(topic)
        if m == "denied" or fam not in topics:
            topics[fam] = "deny" if m == "denied" else "assert"
        if m != "denied" and topic not in related_topics():
            stated.add(fam)
    timexes = [t for t in sp.timex.within(cs, ce) if t.type in ("DATE", "TIME") and t.value]
    sched = schedule_words()
    scheduled = any(any(st in sched for _, st in stems(w)) for w in words)
    deadlines = [t for t in timexes if t.deadline or (scheduled and precision_of(t.value))]
    if deadlines:
        topics.setdefault("schedule", "assert")  # any two deadline claims may disagree on dates
    facts = [
        (fold(q.object or "") + _role(words, q.start), _owner(q.owner), float(q.value))
        for q in sp.quantities.within(cs, ce)
        if q.value is not None and q.object
    ]
    if not topics and not sent_events and not facts:
        return None
    neg = negation_words()
    if polarity == "deny" and not any(w.norm in neg for w in words):
        # the denial is in the cue (نفى أن …, نفت ما صدر بشأن بقاء …), not in the words:
        # it reverses what the words say
        topics = {t: ("deny" if p == "assert" else "assert") for t, p in topics.items()}
    pol = "deny" if polarity == "deny" or (mods and mods[0] == "denied") else "assert"
    mod = {"planned": "plan", "expected": "expectation"}.get(mods[0] if mods else "happened", "fact")
    time = timexes[0].value if timexes else (sent_events[0].date.value if sent_events else fallback_time)
    dates = [(t.value, t.mod) for t in timexes if t.value and (t in deadlines or mod == "plan" or t.mod == "END")]
    ents = sp.entities.within(cs, ce)
    linked = [canonical_key(m.text) for m in ents if m.type in PLACE_TYPES]  # "للعراق" -> العراق
    places = frozenset({k for k, _ in linked} | scope_places(words))
    subject = next((m.entity or m.text for m in ents if m.type in ("PER", "ORG", "GPE")), "")
    if sent_events and sent_events[0].actors:
        subject = sent_events[0].actors[0]
    obj = text[cs:ce] if ce - cs <= OBJECT_MAX else text[cs : cs + OBJECT_MAX].rstrip() + "…"
    numbers = [v for _, _, v in facts]
    for ev in sent_events:
        numbers.extend(v for v in ev.counts.values() if v not in numbers)
    claim = Claim(
        id=make_id("c", da.doc.id, es, ee, cs, ce),
        subject=subject,
        predicate=predicate,
        object=obj,
        time=time,
        polarity=pol,
        modality=mod,
        attributed_to=speaker_entity,
        evidence=[Evidence(da.doc.id, es, ee)],
        confidence=0.6 + 0.1 * bool(speaker) + 0.1 * bool(timexes),
        numbers=numbers,
    )
    return ClaimRecord(
        claim=claim,
        doc=da.doc.id,
        text=text[cs:ce],
        topics=topics,
        facts=facts,
        dates=dates,
        stems=content_stems(words),
        speaker=speaker,
        year=_year(da.doc.published.value) or _year(time),
        entities=frozenset(m.entity or fold(m.text) for m in ents),
        opposite=frozenset(f for f in opposite if topics.get(f) == "deny"),
        reported=frozenset(h.trigger.type for h, m in zip(hits, mods, strict=True) if m == "happened"),
        stated=frozenset(f for f in stated if topics.get(f) == "assert"),
        places=places,
        national=any(e is not None and e.iso is not None for _, e in linked),
    )


PLACE_TYPES = ("GPE", "LOC", "FAC")


@cache
def _scope_place_phrases() -> dict[tuple[str, ...], str]:
    return {tuple(fold(r[0]).split()): gz.key_of(r[1]) for r in load_table("claims/scope_places.tsv") if len(r) >= 2}


def scope_places(words: Sequence[Token]) -> set[str]:
    """Places named by words of ``claims/scope_places.tsv`` ("الإقليم" -> Kurdistan region)."""
    phrases = _scope_place_phrases()
    out = set()
    for i in range(len(words)):
        for phrase, place in phrases.items():
            n = len(phrase)
            if i + n <= len(words) and all(_is_word(words[i + j], phrase[j]) for j in range(n)):
                out.add(place)
    return out


def _role(words: Sequence[Token], start: int) -> str:
    """``@injured`` / ``@killed`` … when a context word of ``events/counts.tsv`` precedes the
    number: "5 soldiers injured" is not a count of the troops deployed."""
    ctx = count_words()[1]
    before = [w for w in words if w.end <= start][-3:]
    for w in reversed(before):
        for _, st in stems(w):
            if st in ctx:
                return "@" + ctx[st]
    return ""


def _owner(owner: str | None) -> str:
    """Folded owner of a count, spelling variants joined (``claims/spelling_variants.tsv``)."""
    out = fold(owner or "")
    for variant, canonical in spelling_variants():
        out = out.replace(variant, canonical)
    return out


@cache
def spelling_variants() -> tuple[tuple[str, str], ...]:
    return tuple((fold(r[0]), fold(r[1])) for r in load_table("claims/spelling_variants.tsv") if len(r) >= 2)
