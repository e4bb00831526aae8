"""Event extraction: typed events with arguments, from trigger lexicons kept as data.

The engine is small on purpose: triggers, modality cues, count words and argument cues
all live in ``resources/events/``. Per sentence, triggers are matched on folded token
stems (proclitics stripped), and arguments are taken from the mentions other annotators
already found in the same sentence: entities (actors before the trigger, targets after a
target cue), the nearest time expression (else the article's date at month precision and
lower confidence), and quantities (counts by their counted object). One event per
(clause, type): a clause that says both هجوم and تعرضت لهجوم reports one attack.

``extract(da)`` is pure; ``annotate(da)`` stores the result as ``da.events`` for pipelines
that run annotators in order.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from rasd.annotators.events.dates import TODAY_REACH as TODAY_REACH
from rasd.annotators.events.dates import _date, _today_before
from rasd.annotators.events.dates import precision_of as precision_of
from rasd.annotators.events.deaths import role_cues, victims
from rasd.annotators.events.recall import past_dates, recalled
from rasd.annotators.events.types import incident_types
from rasd.annotators.spans import SpanIndex
from rasd.ids import make_id
from rasd.models import DocAnalysis, EntityMention, Event, Evidence, Quantity
from rasd.resources import load_lines, load_table
from rasd.text import Token, fold, sentences
from rasd.text.clitics import affix, affixes, conjunctions, future_chains
from rasd.text.tokens import words_of
from rasd.text.words import StemHits

# word matching lives in rasd.text.words; re-exported for this module's callers
from rasd.text.words import phrase_list as phrase_list
from rasd.text.words import phrase_starts as phrase_starts
from rasd.text.words import stems as stems
from rasd.text.words import word_list as word_list

TYPES = (
    "ATTACK", "AIRSTRIKE", "AGREEMENT", "STATEMENT", "DENIAL", "MEETING", "WITHDRAWAL",
    "REDEPLOYMENT", "ARREST", "FORMATION", "ELECTION", "OTHER",
)  # fmt: skip
_TYPE_NAME = re.compile(r"[A-Z][A-Z_]*")  # an event type as triggers.tsv names it
_PRIORITY = {"denied": 3, "planned": 2, "expected": 1, "happened": 0}
_FUTURE_PREFIX = future_chains()  # س، وس، فس: ستنسحب is planned
_CONJ = conjunctions()  # و، ف
SUMMARY_MAX = 240
HAPPENINGS = frozenset({"ATTACK", "AIRSTRIKE", "OTHER"})  # trigger types whose toll a death may be
PERSON_BEFORE, PERSON_AFTER = 5, 2  # words between a death trigger and the person it names
# words after a death trigger that may say how the unnamed victim died (اختناقا), reaching past a
# toll of injured told before the cause (وفاة 21 حالة وإصابة 66 شخصا بالإجهاد نتيجة ارتفاع الحرارة)
CAUSE_AFTER = 14
BACKGROUND = 0.4  # confidence of background mentions; story.stage lists events above it
# an event's confidence: base, + own date (date confidence >= 0.9), + participants, + place,
# - a weak trigger; views.timeline reads back from these which events only the article dates
CONF_BASE, CONF_OWN_DATE, CONF_PARTICIPANTS, CONF_PLACE, CONF_WEAK = 0.55, 0.15, 0.1, 0.05, 0.1
_OBJECT_POS = frozenset({"verb", "weak", "person"})  # one-word triggers that may carry an object pronoun
BYLINE_WORDS = 8  # words a byline (فلان - سبق - الرياض:) may take before its colon
GAP = 3  # words a "*" in a trigger phrase may skip (بيان أميركي عراقي مشترك)
MAX_WORDS = 1000  # a longer "sentence" (a page without stops) is read in pieces this long


@dataclass(frozen=True)
class Trigger:
    words: tuple[str, ...]  # folded words of the form
    type: str
    pos: str  # verb | noun | phrase
    pronoun: bool = False  # its first word may carry an object pronoun (جرفهما السيل)


@dataclass(frozen=True)
class TriggerHit:
    trigger: Trigger
    start: int  # original offsets of the matched words
    end: int
    first_token: int  # index into the sentence's word tokens
    last_token: int
    future: bool  # the first word carries the future prefix س


@cache
def triggers() -> dict[str, tuple[Trigger, ...]]:
    """Triggers indexed by their first folded word; longest phrases first."""
    idx: dict[str, list[Trigger]] = {}
    for row in load_table("events/triggers.tsv"):
        if len(row) < 2 or not _TYPE_NAME.fullmatch(row[1]):
            continue  # a new type is one trigger line away (docs/architecture.md); TYPES lists the core ones
        forms = row[0].split()
        words = tuple(fold(w.rstrip("+")) for w in forms)
        pos = row[2] if len(row) > 2 else "noun"
        # a verb takes an object pronoun; in a phrase, a first word marked + does
        pronoun = forms[0].endswith("+") or (len(words) == 1 and pos in _OBJECT_POS)
        t = Trigger(words, row[1], pos, pronoun)
        idx.setdefault(words[0], []).append(t)
    return {k: tuple(sorted(v, key=lambda t: -len(t.words))) for k, v in idx.items()}


@cache
def modality_cues() -> tuple[tuple[tuple[str, ...], str, int, str], ...]:
    """``(folded cue words, modality, window, condition)`` rows of ``events/modality.tsv``."""
    out = []
    for row in load_table("events/modality.tsv"):
        if len(row) >= 3:
            out.append((tuple(fold(w) for w in row[0].split()), row[1], int(row[2]), row[3] if len(row) > 3 else ""))
    return tuple(out)


def imperfect(tok: Token) -> bool:
    """Whether a word reads as an imperfect verb (يكون، تؤدي، نرى): a person prefix and two
    letters at least after it, and no feminine past ending (تعرضت، تجددت are past). قد before
    it hedges ("قد يستهدف": may target); before a past verb it asserts ("قد تم", "قد قتل")."""
    w = tok.norm
    pre = next((p for p in affixes("imperfect") if w.startswith(p)), "")
    return bool(pre) and len(w) - len(pre) >= 2 and not w.endswith(affixes("past", "feminine"))


@cache
def count_words() -> tuple[dict[str, str], dict[str, str]]:
    """``(object -> key, context word -> key)`` from ``events/counts.tsv``."""
    obj: dict[str, str] = {}
    ctx: dict[str, str] = {}
    for row in load_table("events/counts.tsv"):
        if len(row) >= 3 and row[0] in ("object", "context"):
            (obj if row[0] == "object" else ctx)[fold(row[2])] = row[1]
    return obj, ctx


@cache
def count_keys(event_type: str) -> frozenset[str]:
    """Count keys an event type takes (``type`` rows of ``events/counts.tsv``)."""
    for row in load_table("events/counts.tsv"):
        if len(row) >= 3 and row[0] == "type" and row[1] == event_type:
            return frozenset(row[2].split())
    return frozenset()


@cache
def subsumed() -> frozenset[tuple[str, str]]:
    return frozenset((r[0], r[1]) for r in load_table("events/subsumes.tsv") if len(r) >= 2)


def clauses(words: Sequence[Token], text: str) -> list[tuple[int, int]]:
    """Token index ranges ``[i, j)`` of the clauses of one sentence.

    A clause starts at a word from ``events/clause_breaks.txt`` (phrases allowed, a leading
    و/ف ignored) or after a semicolon in ``text`` between two words.
    """
    breaks = _clause_breaks()
    starts = [0]
    for i in range(1, len(words)):
        gap = text[words[i - 1].end : words[i].start]
        if ";" in gap or "؛" in gap:
            starts.append(i)
            continue
        for phrase in breaks:
            n = len(phrase)
            head = words[i].norm
            head = head[1:] if head[:1] in _CONJ and head[1:] == phrase[0] else head
            if head == phrase[0] and all(i + j < len(words) and words[i + j].norm == phrase[j] for j in range(1, n)):
                starts.append(i)
                break
    starts = sorted(set(starts))
    return [(a, b) for a, b in zip(starts, [*starts[1:], len(words)], strict=True) if b > a]


@cache
def _clause_breaks() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(w) for w in line.split()) for line in load_lines("events/clause_breaks.txt"))


def _free_neighbours(ci: int, n: int, busy: set[int]) -> list[int]:
    """Clauses next to clause ``ci`` without a trigger of their own, up to the first one with."""
    out: list[int] = []
    for step in (1, -1):
        k = ci + step
        while 0 <= k < n and k not in busy:
            out.append(k)
            k += step
    return out


def has_weapon(words: Sequence[Token]) -> bool:
    """Whether a clause names a weapon (what confirms a weak trigger such as تعرضت)."""
    weapons = word_list("events/weapon_words.txt")
    return any(any(s in weapons for _, s in stems(w)) for w in words)


def _death_of_person(
    hit: TriggerHit,
    hits: Sequence[TriggerHit],
    words: Sequence[Token],
    ents: Sequence[EntityMention],
    text: str,
) -> bool:
    """Whether a ``person`` trigger (توفي، لقي حتفه) reports a named person's death (a ``victim``
    one, "وفاة طفلة", anyone's): a PER right before it (``PERSON_BEFORE`` words: "الشيخ سالم توفي")
    or right after it ("وفاة الشيخ سالم"), nothing but words and commas between (not a byline's
    "فلان - المدينة: قتل …"), or a manner of death after it (``_death_cause``: "توفي شاب
    اختناقا"), and no other trigger of a happening in its sentence (in "مقتل الرائد فلان في
    هجوم" the death is the attack's toll, reported by the attack)."""
    if any(h.trigger.pos not in ("person", "victim") and h.trigger.type in HAPPENINGS for h in hits):
        return False
    if hit.trigger.pos == "victim" or _death_cause(words[hit.last_token + 1 : hit.last_token + 1 + CAUSE_AFTER]):
        return True  # an unnamed victim ("وفاة طفلة"), or anyone's death told with its manner
    starts = [w.start for w in words]
    for e in ents:
        if e.type != "PER":
            continue
        first, last = bisect_left(starts, e.start), bisect_right(starts, e.end - 1) - 1
        if hit.start <= e.start and e.end <= hit.end:
            return True  # inside the phrase: "لقي فلان مصرعه"
        if 0 <= hit.first_token - last <= PERSON_BEFORE:
            between = text[e.end : hit.start]
        elif 0 < first - hit.last_token <= PERSON_AFTER:
            between = text[hit.end : e.start]
        else:
            continue
        if not any(c in between for c in ':-–—|«»"\n'):
            return True
    return False


def _death_cause(words: Sequence[Token]) -> bool:
    """Whether ``words`` say how someone died (``events/death_causes.txt``: اختناقا، صعقا،
    بطلقة): "توفي مغربي … اختناقا في حقيبة" is a happening even with nobody named, while the
    bare "توفي شخص" of a daily round-up is not."""
    causes = word_list("events/death_causes.txt")
    return any(any(s in causes for _, s in stems(w)) for w in words)


def find_triggers(words: Sequence[Token]) -> list[TriggerHit]:
    """Trigger matches among ``words`` (tokens of one sentence), longest phrase first."""
    idx = triggers()
    readings = _trigger_stems()
    hits: list[TriggerHit] = []
    for i, tok in enumerate(words):
        for k, stem, suffixed in (*((k, s, False) for k, s in readings(tok)), *_suffixed_readings(tok.text)):
            cands = idx.get(stem)
            if not cands:
                continue
            future = fold(tok.text[:k]) in _FUTURE_PREFIX
            for t in cands:
                if (suffixed and not t.pronoun) or (future and t.pos != "verb"):
                    continue  # a possessive (هجومه، ضبطها); the future س is a verb's (سمات is no سـ + مات)
                last = _match_rest(words, i + 1, t.words[1:])
                if last is not None:
                    last = last if len(t.words) > 1 else i
                    hits.append(TriggerHit(t, tok.start, words[last].end, i, last, future))
                    break
            else:
                continue
            break
    # drop hits contained in a longer hit
    hits.sort(key=lambda h: (h.first_token, -(h.last_token - h.first_token)))
    out: list[TriggerHit] = []
    for h in hits:
        if out and h.first_token <= out[-1].last_token:
            continue
        out.append(h)
    return out


@lru_cache(maxsize=1 << 16)
def _suffixed_readings(word: str) -> tuple[tuple[int, str, bool], ...]:
    """Readings of a word that ends in an attached pronoun (``ar/morphology/affixes.tsv``),
    read without it (جرفهما السيل، إثر تعرضه لطلقات، اعتقلهم): a verb trigger matches with its
    object, so no trigger line lists each pronoun. Only a written pronoun counts (قتلة: no)."""
    suf = next((p for p in affixes("pronoun", "definite") if word.endswith(p) and len(word) - len(p) >= 3), "")
    if not suf:
        return ()
    bare = word[: -len(suf)]
    # a noun's ة is written ت before the pronoun (إصابته، وفاتها): read it back
    tied = affix("feminine", "construct")
    forms = [bare, bare[: -len(tied)] + affix("feminine")] if bare.endswith(tied) else [bare]
    return tuple((k, s, True) for f in forms for k, s in _trigger_stems()(Token(f, 0, 0, "")))


@cache
def _trigger_stems() -> StemHits:
    """The readings of a word that start a trigger (``stems(tok, first words)`` filtered by
    them), remembered per word."""
    return StemHits(frozenset(triggers()))


def _match_rest(words: Sequence[Token], i: int, rest: Sequence[str]) -> int | None:
    """Index of the last word matching ``rest`` from ``i`` on (``*`` skips up to ``GAP`` words)."""
    if not rest:
        return i - 1
    if rest[0] == "*":
        for skip in range(GAP + 1):
            got = _match_rest(words, i + skip, rest[1:])
            if got is not None:
                return got
        return None
    if i < len(words) and _word_matches(words[i], rest[0]):
        return _match_rest(words, i + 1, rest[1:])
    return None


def _word_matches(tok: Token, want: str) -> bool:
    return tok.norm == want or any(s == want for _, s in stems(tok)[1:])


def conditionals() -> frozenset[str]:
    """Particles that make a following negator a condition ("إن لم تنسحب"), not a denial."""
    return word_list("events/conditionals.txt")


def modality(words: Sequence[Token], hit: TriggerHit, norms: Sequence[str] | None = None) -> str:
    """happened | planned | expected | denied, from cues in a window before the trigger.

    A negator right after a conditional particle ("إن لم تنسحب") makes the event a
    hypothesis (expected), not a denial. ``norms``: the words' folded forms, when the
    caller has them already (one list per sentence, not one per trigger). A ``happened`` cue
    (كانت قد: "had arrested") says it happened: its words are no other cue (قد alone: may)."""
    best = "planned" if hit.future else "happened"
    norms = [w.norm for w in words] if norms is None else norms
    cond = conditionals()
    cues = modality_cues()
    held = {i + j for cue, mod, window, _ in cues if mod == "happened"  # words of a happened cue
            for i in range(max(0, hit.first_token - window - len(cue) + 1), hit.first_token - len(cue) + 1)
            if tuple(norms[i : i + len(cue)]) == cue for j in range(len(cue))}  # fmt: skip
    for cue, mod, window, need in cues:
        n = len(cue)
        lo = max(0, hit.first_token - window - n + 1)
        for i in range(lo, hit.first_token - n + 1):
            if mod == "happened" or i in held:
                continue
            if need == "imperfect" and not imperfect(words[i + n]):
                continue  # قد before a past verb: it happened
            if tuple(norms[i : i + n]) == cue or (n == 1 and _has_stem(words[i], cue[0])):
                if mod == "denied" and i > 0 and norms[i - 1] in cond:
                    mod = "expected"
                if _PRIORITY[mod] > _PRIORITY[best]:
                    best = mod
                break
    if hit.trigger.type == "DENIAL" and best == "denied":
        best = "happened"  # "نفى" is itself the event, not a negation of it
    return best


def _has_stem(tok: Token, stem: str) -> bool:
    if len(stem) <= 2:  # short cues (لا، قد، لم) only as whole words, never as stems
        return tok.norm == stem
    return any(s == stem for _, s in stems(tok))


def _counts(words: Sequence[Token], quantities: Sequence[Quantity], keys: frozenset[str]) -> dict[str, float]:
    obj_map, ctx_map = count_words()
    out: dict[str, float] = {}
    for q in quantities:
        if q.value is None:
            continue
        key = None
        i = next((j for j, w in enumerate(words) if w.end > q.start), len(words))
        for w in words[max(0, i - 3) : i]:
            key = next((ctx_map[s] for _, s in stems(w) if s in ctx_map), key)
        if key is None and q.object:
            key = obj_map.get(fold(q.object))
        if key is None and q.object_span is None:
            # quantity without an object: look at the word right after it
            after = [w for w in words if w.start >= q.end][:1]
            if after:
                key = next((obj_map[s] for _, s in stems(after[0]) if s in obj_map), None)
        if key is not None and key in keys and key not in out:
            out[key] = float(q.value)
    return out


def _arguments(
    event_type: str, hit: TriggerHit, words: Sequence[Token], ents: Sequence[EntityMention], text: str,
    parts: Sequence[tuple[int, int]] = (), past: Sequence[int] = (), others: Sequence[int] = (),
) -> tuple[list[str], list[str], str | None]:
    """``(actors, targets, place)`` from entity mentions in the sentence (``parts``: its
    clauses; ``past``: its dates well before the article; ``others``: its triggers' last words).
    A happening's place or actor is never a place of a clause recalling another happening
    (``events.recall``): the town of last month's attack is not today's scene. Its targets
    stay (what a recalled attack hit, named as this one's target, is a cued role, not a scene
    guess), and so do a statement's or a meeting's parties."""
    happening = bool(parts) and event_type in incident_types()
    spans = recalled(words, parts, hit.first_token, hit.last_token, past, others) if happening else []
    recall = {id(e) for e in ents if e.type in ("GPE", "LOC", "FAC") and any(a <= e.start < b for a, b in spans)}
    targets_cues = role_cues("target")
    actors: list[str] = []
    targets: list[str] = []
    place: str | None = None
    source_cues = role_cues("source") | role_cues("seat")
    ends = [w.end for w in words]

    def preceding(e: EntityMention, n: int) -> Sequence[Token]:
        """The ``n`` words that end before ``e`` starts."""
        j = bisect_right(ends, e.start)
        return words[max(0, j - n) : j]

    ents = [e for e in ents if not any(any(s in source_cues for _, s in stems(w)) for w in preceding(e, 3))]
    facs = [e for e in ents if e.type == "FAC" and id(e) not in recall]
    geos = [e for e in ents if e.type in ("GPE", "LOC") and id(e) not in recall]
    # the scene follows its happening ("اتهمت بغداد طرفا خارجيا بالتفجير الذي وقع في
    # البصرة"): a place after the trigger first, else the sentence's first
    after_geos = [e for e in geos if e.start >= hit.end]
    byline = _byline_end(words, text)  # "فلان - سبق - الرياض:": the reporter's city, the scene only if alone
    for e in facs + [g for g in after_geos + geos if g.start >= byline] + geos:
        place = _eid(e)
        break
    before = sorted((e for e in ents if e.end <= hit.start), key=lambda e: hit.start - e.end)
    after = sorted((e for e in ents if e.start >= hit.end), key=lambda e: e.start)
    for e in after:
        cued = any(any(s in targets_cues for _, s in stems(w)) for w in preceding(e, 2))
        if event_type in ("ATTACK", "AIRSTRIKE", "ARREST") and (cued or e.type in role_cues("attackable")):
            targets.append(_eid(e))
        elif e.type in ("PER", "ORG", "GPE") and event_type not in ("ATTACK", "AIRSTRIKE", "ARREST"):
            if id(e) not in recall:
                actors.append(_eid(e))
        elif cued:
            targets.append(_eid(e))
    violent = event_type in ("ATTACK", "AIRSTRIKE")
    passive = role_cues("passive")
    undergoes = violent and any(any(s in passive for _, s in stems(w)) for w in words[: hit.first_token + 1])
    attackable = role_cues("attackable")
    for e in before:
        if violent and (undergoes or e.type in attackable):
            targets.append(_eid(e))
        elif e.type in ("PER", "ORG", "GPE") and id(e) not in recall:
            actors.append(_eid(e))
    return _uniq(actors), _uniq([t for t in targets if t not in actors]), place


def _byline_end(words: Sequence[Token], text: str) -> int:
    """Where a byline that opens the sentence ends ("فلان - سبق - الرياض:"): the colon after
    one of its first ``BYLINE_WORDS`` words, with a dash before it; 0 when there is none."""
    for w, nxt in zip(words[:BYLINE_WORDS], words[1 : BYLINE_WORDS + 1], strict=False):
        if ":" in text[w.end : nxt.start]:
            head = text[words[0].start : w.end]
            return w.end if any(c in head for c in "-–—") else 0
    return 0


def _eid(e: EntityMention) -> str:
    return e.entity or f"?{fold(e.text)}"


def _uniq(xs: list[str]) -> list[str]:
    seen: set[str] = set()
    return [x for x in xs if not (x in seen or seen.add(x))]  # type: ignore[func-returns-value]


def extract(da: DocAnalysis) -> list[Event]:
    """Events of one document, in text order, one per (clause, type)."""
    text = da.doc.text
    if not text:
        return []
    events: list[Event] = []
    pub = (da.doc.published.value or "")[:10]
    # "اليوم السبت" / "الجمعة": a relative day (no digits) resolved to the article's own day
    today_at = sorted(
        t.start for t in da.timex
        if len(pub) == 10 and (t.value or "")[:10] == pub and not any(c.isdigit() for c in t.text)
    )  # fmt: skip
    sents = sentences(text)
    starts = [a for a, _ in sents]
    lead = next((a for a, b in sents if words_of(text[a:b], a)), -1)  # the first sentence with words
    ents_at, qs_at, tx_at = SpanIndex(da.entities), SpanIndex(da.quantities), SpanIndex(da.timex)
    leads: dict[int, float] = {}  # background events of the lead sentence: index -> confidence
    for s0, s, e, words in _pieces(text, sents):
        hits = find_triggers(words)
        if not hits:
            continue
        seen: set[tuple[int, str]] = set()
        parts = clauses(words, text)
        bounds = [(words[a].start, words[parts[k + 1][0]].start if k + 1 < len(parts) else e) for k, (a, _) in enumerate(parts)]
        firsts = [a for a, _ in parts]
        clause_of = [bisect_right(firsts, h.first_token) - 1 for h in hits]
        # a weak trigger with no weapon in its clause (تعرضهما للاختناق) is no happening
        strong = [
            (h, ci) for h, ci in zip(hits, clause_of, strict=True)
            if not (h.trigger.pos == "weak" and not has_weapon(words[parts[ci][0] : parts[ci][1]]))
        ]  # fmt: skip
        firm = [h for h, _ in strong]
        kept = [(h, ci) for h, ci in strong
                if not (h.trigger.pos in ("person", "victim") and not _death_of_person(h, firm, words, ents_at.within(s, e), text))]  # fmt: skip
        busy = {ci for _, ci in kept}
        in_clause: dict[int, list[TriggerHit]] = {}
        for h, ci in kept:
            in_clause.setdefault(ci, []).append(h)
        norms = [w.norm for w in words]
        ents = ents_at.within(s, e)
        timex = tx_at.within(s, e)  # every date _date may take lies in this sentence
        past = past_dates(timex, pub)  # dates of other, earlier happenings (``events.recall``)
        ends = [h.last_token for h in hits]
        today_at_s: list[int | None] = []  # _today_before of this sentence, once
        for hit, ci in kept:
            etype = hit.trigger.type
            a, b = parts[ci]
            cwords = words[a:b]
            if (ci, etype) in seen:
                continue
            if any((h2.trigger.type, etype) in subsumed() and h2.first_token < hit.first_token for h2 in in_clause[ci]):
                continue
            seen.add((ci, etype))
            cs, ce = bounds[ci]
            free = [bounds[k] for k in _free_neighbours(ci, len(parts), busy)]
            qs = qs_at.within(cs, ce)
            mod = modality(words, hit, norms)
            actors, targets, place = _arguments(etype, hit, words, ents, text, parts, past, ends)
            if hit.trigger.pos == "person":  # who died is its target, never the killer or speaker
                dead = [_eid(x) for x in victims(hit.first_token, hit.last_token, hit.start, hit.end, words, ents, text)]
                actors, targets = [a for a in actors if a not in dead], _uniq(dead + targets)
            if (actors or targets) and not today_at_s:
                today_at_s.append(_today_before(today_at, s0, text, starts))
            today = today_at_s[0] if (actors or targets) else None
            date, date_conf, source = _date(
                hit, (cs, ce), free, timex, da, planned=mod in ("planned", "expected"), today_from=today
            )
            counts = _counts(cwords, qs, count_keys(etype))
            # a noun in a background clause ("amid attacks …", "the withdrawal talks"), with no
            # date, place, target or count of its own: kept, but below what the story lists
            background = source == "article" and hit.trigger.pos == "noun" and not (place or counts or targets)
            conf = round(
                CONF_BASE
                + CONF_OWN_DATE * (date_conf >= 0.9)
                + CONF_PARTICIPANTS * bool(actors or targets)
                + CONF_PLACE * bool(place),
                2,
            )
            if hit.trigger.pos == "weak":
                conf = round(conf - CONF_WEAK, 2)
            if background and s0 == lead and mod == "happened" and etype in incident_types():
                leads[len(events)] = conf  # raised back if the article tells it again (_lead_news)
            if background:
                conf = min(conf, BACKGROUND)
            summary = text[s:e] if e - s <= SUMMARY_MAX else text[s : s + SUMMARY_MAX].rstrip() + "…"
            events.append(
                Event(
                    id=make_id("v", da.doc.id, s, e, etype, hit.start),
                    type=etype,
                    date=date,
                    place=place,
                    actors=actors,
                    targets=targets,
                    counts=counts,
                    modality=mod,
                    summary=summary,
                    trigger=text[hit.start : hit.end],
                    evidence=[Evidence(da.doc.id, s, e)],
                    confidence=conf,
                    _date_source=source,
                )
            )
    return _lead_news(events, leads, lead)


def _lead_news(events: list[Event], leads: dict[int, float], lead: int) -> list[Event]:
    """Lift a lead-sentence noun of an incident type out of the background when a later
    sentence tells an event of its type again: "إخماد حريق شب بمستودع" opening a report on
    the fire is that article's news, though neither date nor place is its own; a lone
    mention ("حملة للوقاية من التسمم") stays background."""
    for i, conf in leads.items():
        ev = events[i]
        if any(o.type == ev.type and o.evidence[0].start != lead for o in events):
            events[i] = replace(ev, confidence=conf)
    return events


def _pieces(text: str, sents: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int, int, list[Token]]]:
    """``(sentence start, piece start, piece end, words)`` of each sentence with words; a
    sentence of more than ``MAX_WORDS`` words comes in pieces of that many, so that no
    step per trigger reads a whole page that has no full stops."""
    for s, e in sents:
        words = words_of(text[s:e], s)
        for k in range(0, len(words), MAX_WORDS):
            part = words[k : k + MAX_WORDS]
            end = e if k + MAX_WORDS >= len(words) else part[-1].end
            yield s, (s if k == 0 else part[0].start), end, part


def annotate(da: DocAnalysis) -> None:
    """Store ``extract(da)`` on the analysis as ``da.events``, for callers outside ``rasd analyze``.

    ``rasd analyze`` does not run this per document: ``story.stage.build`` extracts events
    once, after linking, because their arguments need canonical entity ids.
    """
    da.events = extract(da)  # type: ignore[attr-defined]
