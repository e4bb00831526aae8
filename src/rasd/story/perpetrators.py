"""Who did it: the perpetrators a report's own sentence names (the incident's ``perpetrator`` slot).

The event extractor's actors (every person, organisation or country before the trigger) are
what incident resolution joins on; shown as *who did it* beside each source they were mostly
the scene, the outlet, the victim or an official who spoke (dev half of the incident gold
set: 11 of 173 right). A perpetrator here is what the sentence names as one:

- a group of ``story/perpetrators.tsv`` (named armed groups, and the unnamed perpetrators news
  writes of: مسلحون، مستوطنون), in any listed spelling, its first word also after proclitics
  (لتنظيم، والحوثيين); every spelling gives the group's one name, so sources compare;
- the person or organisation a responsibility cue names (``story/perpetrator_cues.tsv``: right
  after "على يد"، "من قبل"، "تبنى"; right before "مسؤوليته");

never a group right after a word that makes it what was struck or fought (the same file's
``not`` rows: "استهدفت موقعا لتنظيم داعش"، "الحرب بين … وحركة حماس").

Cost: linear in the sentence's words (one dictionary look-up per word and reading).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from rasd.models import EntityMention
from rasd.resources import load_table
from rasd.text import fold
from rasd.text.clitics import article, proclitic, without_accusative
from rasd.text.tokens import Token, words_of
from rasd.text.words import stems, word_list

__all__ = ["Named", "perpetrators", "targets"]

CUE_REACH = 3  # words between a responsibility cue and the name it points to
NOT_REACH = 3  # a listed group starting this many words after a "not" cue is what was struck
TARGET_REACH = 8  # words after the trigger where what it struck is named
TARGET_WORDS = 2  # words after a target noun that qualify it (للشرطة، قوات الطوارئ)
_ACTOR_TYPES = ("PER", "ORG")

Phrases = dict[str, list[tuple[tuple[str, ...], str]]]  # first folded word -> (words, what it gives)


@dataclass(frozen=True)
class Named:
    value: str  # the group's name, or the entity id a cue points to
    text: str  # the name a reader sees
    start: int
    end: int


def _index(rows: Sequence[tuple[str, list[str]]]) -> Phrases:
    idx: Phrases = {}
    for given, spellings in rows:
        for sp in spellings:
            words = tuple(fold(w) for w in sp.split())
            if words:
                idx.setdefault(words[0], []).append((words, given))
    for v in idx.values():
        v.sort(key=lambda p: -len(p[0]))  # the longest spelling first
    return idx


@cache
def _groups() -> Phrases:
    return _index([(r[0], [r[0], *r[1].split("|")]) for r in load_table("story/perpetrators.tsv") if len(r) >= 2])


@cache
def _cues() -> Phrases:
    return _index([(r[1], [r[0]]) for r in load_table("story/perpetrator_cues.tsv") if len(r) >= 2])


def _matches(words: Sequence[Token], idx: Phrases) -> list[tuple[int, int, int, str]]:
    """``(first word, last word + 1, chars of proclitics, given)`` of each phrase of ``idx``
    starting at a word, the longest at each start, none overlapping an earlier one."""
    out: list[tuple[int, int, int, str]] = []
    end = 0
    for i, tok in enumerate(words):
        if i < end:
            continue
        hit = next(((skip, p, given) for skip, stem in stems(tok) for p, given in idx.get(stem, ())
                    if i + len(p) <= len(words) and all(fold(words[i + k].text) == p[k] for k in range(1, len(p)))),
                   None)  # fmt: skip
        if hit is not None:
            skip, p, given = hit
            end = i + len(p)
            out.append((i, end, skip, given))
    return out


def perpetrators(text: str, start: int, end: int, mentions: Sequence[EntityMention],
                 names: dict[str, str], groups: bool = True) -> list[Named]:  # fmt: skip
    """The perpetrators ``text[start:end]`` (a report's sentence) names, in order of mention.

    ``mentions`` are the article's entity mentions sorted by start; ``names`` gives an
    entity's canonical name; ``groups=False`` (an air strike) leaves out the listed groups,
    which there are what was struck."""
    words = words_of(text[start:end], start)
    cues = _matches(words, _cues())
    struck = {k for i, j, _, side in cues if side == "not" for k in range(j, j + NOT_REACH)}
    out: list[Named] = []
    for i, j, skip, name in _matches(words, _groups()) if groups else ():
        if i not in struck:
            out.append(Named(name, name, words[i].start + skip, words[j - 1].end))

    def at(pos: int) -> int:  # the first mention starting at or after ``pos`` (no list of starts per report)
        return bisect_left(mentions, pos, key=lambda m: m.start)

    for i, j, _, side in cues:
        if side == "not":
            continue
        if side == "after":
            lo, hi = words[j - 1].end, words[min(len(words), j + CUE_REACH) - 1].end
            near = [m for m in mentions[at(lo) : at(hi)] if m.end <= end]
        else:
            lo = words[max(0, i - CUE_REACH)].start
            near = [m for m in mentions[at(lo) : at(words[i].start)]][::-1]
        m = next((m for m in near if m.type in _ACTOR_TYPES and m.entity), None)
        if m is not None and m.entity is not None and not any(n.start <= m.start < n.end for n in out):
            out.append(Named(m.entity, names.get(m.entity, m.text), m.start, m.end))
    out.sort(key=lambda n: (n.start, n.end))
    first: dict[str, Named] = {}
    for n in out:
        first.setdefault(n.value, n)
    return list(first.values())


def targets(text: str, start: int, end: int, trigger: int, mentions: Sequence[EntityMention] = ()) -> list[Named]:
    """What the report's sentence ``text[start:end]`` says its trigger (at ``trigger``) struck:
    the first noun of ``story/target_nouns.txt`` within ``TARGET_REACH`` words after it
    ("هجوم على مركز للشرطة"، "تفجير استهدف سوقا شعبية"), with the words after it that qualify
    it (a definite or ل-word, up to ``TARGET_WORDS``, never across a comma), or the whole name
    when an entity mention (``mentions``, sorted by start) starts with it ("قاعدة عين الأسد")."""
    nouns = word_list("story/target_nouns.txt")
    words = [w for w in words_of(text[start:end], start) if w.start >= trigger]
    for i, tok in enumerate(words[1 : TARGET_REACH + 1], 1):
        hit = next((skip for skip, stem in stems(tok) if stem in nouns or without_accusative(stem) in nouns),
                   None)  # an accusative's alif too: "استهدف سوقا"  # fmt: skip
        if hit is None:
            continue
        j = i + 1
        while j < min(len(words), i + 1 + TARGET_WORDS) and _qualifies(text, words[j - 1], words[j]):
            j += 1
        lo, hi = tok.start + hit, words[j - 1].end
        k = bisect_left(mentions, tok.start, key=lambda m: m.start)
        named = [m for m in mentions[k : k + 2] if m.start in (tok.start, lo) and m.end <= end]
        hi = max([hi, *(m.end for m in named)])
        head = tok.text[hit:]
        if fold(head) not in nouns:  # shown without the accusative ending: "فندقًا" -> "فندق"
            head = without_accusative(head) or head
        shown = head + text[tok.end : hi]
        return [Named(shown, shown, lo, hi)]
    return []


def _qualifies(text: str, before: Token, w: Token) -> bool:
    """Whether ``w`` goes on the noun phrase ending with ``before``: nothing but spaces between
    them, and ``w`` a definite or ل-word (الشعبية، للشرطة), not a relative pronoun (التي)."""
    f = fold(w.text)
    return (not text[before.end : w.start].strip() and f.startswith((article(), proclitic("to"))) and len(f) > 3
            and f not in word_list("quotes/relatives.txt"))  # fmt: skip
