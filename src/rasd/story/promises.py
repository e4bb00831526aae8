"""What a sentence says about a promise: its action, where, who acts, and done/not-done cues.

Read by ``story.threads`` for the statements that set deadlines and for the later reports
that say a promise was (not) carried out or was postponed. All words come from
``resources/story/thread_*``:
- action: phrases of ``thread_actions.tsv`` (withdrawal, handover, closure, election …), the
  one nearest the anchor (the deadline, or the cue of a report);
- where: places after a place preposition (``thread_place_preps.txt``: "من العراق",
  "بالعراق") or a nationality after a noun of land (``thread_territory_nouns.txt``: "من
  الأراضي العراقية"); when there is
  none, every place the sentence names. The main place is the one nearest after the
  action word; a facility (FAC) among them narrows the promise to it;
- who acts: an organisation, country or nationality right after a forces noun
  (``thread_force_nouns.txt``: "القوات الأميركية", "قوات التحالف") next to the action
  word, or an organisation
  right beside the action word ("انسحاب التحالف"); other named parties are kept as actors.

Each reading is linear in the sentence's words (a few dictionary look-ups per word).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from rasd.annotators.events import conditionals, stems, word_list
from rasd.models import Entity, EntityMention
from rasd.resources import load_table
from rasd.story.claims import adjacent_negators, negation_words, word_tokens
from rasd.story.commitments import postpone_cues
from rasd.story.places import country
from rasd.text import Token, fold
from rasd.text.clitics import conjunctions
from rasd.text.words import StemHits

GAP = 4  # words a "*" in a phrase may skip
REACH = 6  # words between a report's cue and its action word
FORCE_REACH = 3  # words after a forces noun that still name whose forces
FORCE_BEFORE, FORCE_AFTER = 4, 3  # where a forces noun names who does the action ("القوات الأميركية ستغادر")
NEG_REACH = 2  # words before a done cue where a negator turns it into "not done"
COND_REACH = 3  # words before a cue where a condition particle makes it a condition
_CONJ_LETTERS = "".join(conjunctions())  # و ف, stripped off a word's start
PLACE_TYPES = ("GPE", "LOC", "FAC")
PARTY_TYPES = ("ORG", "PER", "GPE")

Phrases = Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]


@cache
def phrases(name: str) -> Phrases:
    """``PHRASE<TAB>TAG`` rows by first folded word, longest first (TAG "" when absent)."""
    idx: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for row in load_table(name):
        words = tuple(fold(w) for w in row[0].split())
        if words:
            idx.setdefault(words[0], []).append((words, row[1].strip() if len(row) > 1 else ""))
    return {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in idx.items()}


def _is(tok: Token, folded: str) -> bool:
    return tok.norm == folded or any(st == folded for _, st in stems(tok)[1:])


def _rest(words: Sequence[Token], i: int, phrase: tuple[str, ...]) -> int | None:
    """Index after the last word of ``phrase`` whose first word is ``words[i]``, or None."""
    j, k = i + 1, 1
    while k < len(phrase):
        if phrase[k] == "*" and k + 1 < len(phrase):
            j = next((g for g in range(j, min(len(words), j + GAP + 1)) if _is(words[g], phrase[k + 1])), -1)
            if j < 0:
                return None
            j, k = j + 1, k + 2
            continue
        if j >= len(words) or not _is(words[j], phrase[k]):
            return None
        j, k = j + 1, k + 1
    return j


def find(words: Sequence[Token], name: str) -> list[tuple[int, int, str]]:
    """``(first word, end word, tag)`` of each phrase of resource ``name`` in ``words``."""
    idx = phrases(name)
    readings = _first_stems(name)
    out: list[tuple[int, int, str]] = []
    for i, tok in enumerate(words):
        for _, st in readings(tok):
            hit = next(
                ((i, end, tag) for p, tag in idx[st] if (end := _rest(words, i, p)) is not None), None
            )
            if hit is not None:
                out.append(hit)
                break
    return out


@cache
def _first_stems(name: str) -> StemHits:
    """Readings of a word that start a phrase of resource ``name``, remembered per word."""
    return StemHits(frozenset(phrases(name)))


@cache
def _postpone_stems() -> StemHits:
    return StemHits(postpone_cues())


def actions() -> Phrases:
    return phrases("story/thread_actions.tsv")


@cache
def _screen(kind: str) -> re.Pattern[str]:
    """Any first word of the action phrases (``kind`` "action") or of the report cues, as a
    substring of the folded sentence: a cheap test that skips nearly every sentence."""
    cues = ["story/thread_done.tsv", "story/thread_not_done.tsv"]
    if kind == "action":  # an action word, or a cue that names its action ("لا تزال * موجودة")
        words = set(phrases("story/thread_actions.tsv"))
        words |= {w for n in cues for w, rows in phrases(n).items() if any(tag for _, tag in rows)}
    else:
        words = {w for n in cues for w in phrases(n)} | postpone_cues()
    return re.compile("|".join(sorted(map(re.escape, words), key=lambda w: (-len(w), w))))


@dataclass(frozen=True)
class Reading:
    """What one sentence says about a promise."""

    action: str | None
    action_at: int  # word index of the action word, -1 without one
    where: tuple[str, ...]  # place entity ids, nearest the action first
    country: str | None  # the main place's country code (else the place id): what threads block on
    facilities: frozenset[str]
    agents: tuple[str, ...]  # who is to act: entity ids after a forces noun or beside the action
    agent_countries: frozenset[str]
    parties: frozenset[str]  # every other named party (entity ids)


@dataclass
class Lookups:
    """Corpus-level look-ups: entities by id and place nationalities (العراقية → العراق)."""

    ents: Mapping[str, Entity]
    demonyms: Mapping[str, str]

    @classmethod
    def of(cls, entities: Sequence[Entity]) -> Lookups:
        dem: dict[str, str] = {}
        for e in sorted(entities, key=lambda e: (-e.mentions, e.id)):
            if e.type in PLACE_TYPES and country(e):
                for d in e.attributes.get("demonyms") or ():
                    dem.setdefault(fold(str(d)), e.id)
        return cls({e.id: e for e in entities}, dem)

    def demonym(self, tok: Token) -> str | None:
        return next((self.demonyms[st] for _, st in stems(tok) if st in self.demonyms), None)

    def place_key(self, pid: str) -> str:
        return country(self.ents.get(pid)) or pid

    def is_facility(self, pid: str) -> bool:
        e = self.ents.get(pid)
        return e is not None and (e.type == "FAC" or (e.geo is not None and e.geo.kind == "site"))


def read(
    text: str,
    s: int,
    e: int,
    mentions: Sequence[EntityMention],
    anchor: int,
    lk: Lookups,
    action: str | None = None,
) -> Reading:
    """The reading of sentence ``text[s:e]``; ``mentions`` are its entity mentions.

    ``action`` given (a report whose cue names it) skips the search for one."""
    words = word_tokens(text[s:e], s)
    starts = [w.start for w in words]
    hits = [
        (i, tag) for i, _, tag in find(words, "story/thread_actions.tsv") if action is None or tag == action
    ]
    at = -1
    if hits:
        i, tag = min(hits, key=lambda h: (abs(words[h[0]].start - anchor), h[0]))
        at, action = i, action or tag
    ms = [m for m in mentions if m.entity and m.entity in lk.ents and s <= m.start and m.end <= e]
    pos = {id(m): max(0, bisect_left(starts, m.start + 1) - 1) for m in ms}  # word holding the mention start
    forces = word_list("story/thread_force_nouns.txt")
    preps = word_list("story/thread_place_preps.txt")
    agent_ids: list[str] = []
    agent_cc: set[str] = set()
    taken: set[int] = set()  # word indexes naming who acts
    lo, hi = (at - FORCE_BEFORE, at + FORCE_AFTER) if at >= 0 else (0, len(words))
    for i, w in enumerate(words):
        if not lo <= i <= hi or not any(st in forces for _, st in stems(w)):
            continue
        for j in range(i, min(len(words), i + FORCE_REACH + 1)):
            if (d := lk.demonym(words[j])) is not None:
                taken.add(j)
                agent_ids.append(d)
        for m in ms:
            if m.type in PARTY_TYPES and i <= pos[id(m)] <= i + FORCE_REACH and m.type != "PER":
                taken.add(pos[id(m)])
                agent_ids.append(str(m.entity))
    if at >= 0:
        agent_ids.extend(str(m.entity) for m in ms if m.type == "ORG" and abs(pos[id(m)] - at) <= 2)
    for a in agent_ids:
        if (c := country(lk.ents.get(a))) is not None:
            agent_cc.add(c)

    def after_prep(i: int, attached: str) -> bool:
        head = fold(attached).lstrip(_CONJ_LETTERS)
        if head in preps:
            return True
        return i > 0 and (words[i - 1].norm in preps or words[i - 1].norm.lstrip(_CONJ_LETTERS) in preps)

    places = [m for m in ms if m.type in PLACE_TYPES and pos[id(m)] not in taken]
    where: list[tuple[int, str]] = []
    for m in places:
        i = pos[id(m)]
        if after_prep(i, text[words[i].start : m.start] if words[i].start < m.start else ""):
            where.append((i, str(m.entity)))
    land = word_list("story/thread_territory_nouns.txt")
    for i, w in enumerate(words):
        d = lk.demonym(w)
        if d is not None and i not in taken and i > 0 and any(st in land for _, st in stems(words[i - 1])):
            where.append((i, d))
    if not where:
        where = [(pos[id(m)], str(m.entity)) for m in places]
    ref = at if at >= 0 else len(words)
    where.sort(key=lambda x: (x[0] < ref, abs(x[0] - ref), x[1]))
    ids = tuple(dict.fromkeys(p for _, p in where))
    main = lk.place_key(ids[0]) if ids else None
    parties = frozenset(str(m.entity) for m in ms if m.type in PARTY_TYPES and m.entity not in ids)
    facilities = frozenset(p for p in ids if lk.is_facility(p))
    return Reading(
        action, at, ids, main, facilities, tuple(dict.fromkeys(agent_ids)), frozenset(agent_cc), parties
    )


@dataclass(frozen=True)
class Cue:
    """A report in one sentence that a promise was done, not done, or postponed."""

    kind: str  # done | not_done | postponed
    action: str
    at: int  # offset of the cue


def report_cue(text: str, s: int, e: int) -> Cue | None:
    """The first done / not-done / postponement report in ``text[s:e]``, or None.

    A cue counts when an action word stands within ``REACH`` words (or the cue names its
    action); not after a condition particle ("إن لم تنسحب"); a negator just before a done
    cue, or a nominal one just before the action word ("دون انسحاب"), makes it not done."""
    folded = fold(text[s:e])
    if not _screen("action").search(folded) or not _screen("cue").search(folded):
        return None
    words = word_tokens(text[s:e], s)
    acts = find(words, "story/thread_actions.tsv")
    cond, neg, adj = conditionals(), negation_words(), adjacent_negators()
    cues = [(i, end, tag, "not_done") for i, end, tag in find(words, "story/thread_not_done.tsv")]
    cues += [(i, end, tag, "done") for i, end, tag in find(words, "story/thread_done.tsv")]
    pp = _postpone_stems()
    cues += [(i, i + 1, "", "postponed") for i, w in enumerate(words) if pp(w)]
    order = {"not_done": 0, "done": 1, "postponed": 2}
    for i, end, tag, kind in sorted(cues, key=lambda c: (order[c[3]], c[0])):
        if any(words[j].norm in cond for j in range(max(0, i - COND_REACH), i)):
            continue
        near = [(a, t) for a, _, t in acts if (not tag or t == tag) and (i - REACH <= a <= end + REACH - 1)]
        if tag and not near:
            near = [(i, tag)]  # the cue names its action
        if not near:
            continue
        a, act = min(near, key=lambda x: (abs(x[0] - i), x[0]))
        if kind == "done" and (
            any(words[j].norm in neg for j in range(max(0, i - NEG_REACH), i))
            or (a > 0 and words[a - 1].norm in adj)
        ):
            kind = "not_done"
        return Cue(kind, act, words[i].start)
    return None
