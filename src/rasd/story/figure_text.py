"""Words around a number, as the figure reader (``story.figures``) looks them up.

A sentence is read once into its words, each with its folded stem readings (``_words``);
a number's slot is the nearest slot word within that word's window (``story/slot_words.tsv``),
else a toll said to rise to it, else its counted object; phrases of ``story/slot_context.tsv``
within their windows say the number is no figure of the happening (a part, a running total,
another happening). Every look-up costs the number's windows, not its sentence.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache

from rasd.annotators.events import count_words
from rasd.models import Quantity
from rasd.resources import load_lines, load_table
from rasd.story import SLOT_KEYS
from rasd.text import Token, fold
from rasd.text.clitics import definite_chains
from rasd.text.tokens import words_of
from rasd.text.words import stems, word_list

OBJECT_SLOTS = frozenset(SLOT_KEYS) - {"arrested"}  # an accused counted alone is no arrest ("أوراق عشرة متهمين")
WINDOW = 3  # words between a slot word and its number, unless slot_words.tsv gives another
MAX_WINDOW = 10  # the widest window a resource may give
TOLL_REACH = 16  # words between a rising toll's verb and the number it rises to


Word = tuple[int, int, frozenset[str]]  # start, end, folded stem readings
Phrase = tuple[str, ...]


@cache
def _slot_words() -> dict[str, dict[str, tuple[str, int]]]:
    """``where -> folded word -> (slot, window)`` (``story/slot_words.tsv``)."""
    out: dict[str, dict[str, tuple[str, int]]] = {"before": {}, "after": {}}
    for r in load_table("story/slot_words.tsv"):
        if len(r) >= 3 and r[1] in out:
            win = int(r[3]) if len(r) >= 4 and r[3].isdigit() else WINDOW
            out[r[1]].setdefault(fold(r[2]), (r[0], min(win, MAX_WINDOW)))
    return out


@cache
def _context() -> dict[str, dict[Phrase, int]]:
    """``kind -> folded phrase -> window`` (``story/slot_context.tsv``)."""
    out: dict[str, dict[Phrase, int]] = defaultdict(dict)
    for r in load_table("story/slot_context.tsv"):
        if len(r) >= 2:
            win = int(r[2]) if len(r) >= 3 and r[2].isdigit() else WINDOW
            out[r[0]][tuple(fold(w) for w in r[1].split())] = min(win, MAX_WINDOW)
    return out


def _hit(w: Word, table: Mapping[str, object] | frozenset[str]) -> str | None:
    return next((s for s in sorted(w[2]) if s in table), None)


class _Words(list[Word]):
    """One sentence's words with their starts and ``elsewhere`` cues, each found once (a
    number's look-ups then cost its windows, not its sentence: linear on a long page)."""

    def __init__(self, items: Sequence[Word]):
        super().__init__(items)
        self.starts = [w[0] for w in self]
        self._cues: list[int] | None = None

    def cues(self) -> list[int]:
        if self._cues is None:
            heads, idioms = _heads("elsewhere"), _heads("not_elsewhere")
            # a cue word inside an idiom that is no cue ("على بعد 600 كيلومتر": a distance) is none
            held = {k + d for k, w in enumerate(self) for h in w[2] & idioms.keys()
                    for p, _ in idioms[h] if _phrase_at(self, k, p) for d in range(len(p))}  # fmt: skip
            self._cues = [w[0] for k, w in enumerate(self) if k not in held
                          and any(_phrase_at(self, k, p) for h in w[2] & heads.keys() for p, _ in heads[h])]  # fmt: skip
        return self._cues


def _starts(words: Sequence[Word]) -> list[int]:
    return words.starts if isinstance(words, _Words) else [s for s, _, _ in words]


def _word_at(words: Sequence[Word], pos: int) -> int:
    """Index of the word holding offset ``pos`` (a number after a proclitic, "وأربعة", starts
    inside its word), else of the first word after it."""
    starts = _starts(words)
    k = bisect_right(starts, pos) - 1
    return k if k >= 0 and words[k][1] > pos else bisect_left(starts, pos)


def _phrase_at(words: Sequence[Word], i: int, p: Phrase) -> bool:
    return i + len(p) <= len(words) and all(p[k] in words[i + k][2] for k in range(len(p)))


def _slot_near(words: Sequence[Word], q: Quantity, lo: int = -1) -> str | None:
    """The slot a number fills: the nearest slot word before it within that word's window
    (``مقتل 5``; none before ``lo``) wins over one after it (``5 قتلى``، ``21 شخصا … مصرعهم``),
    else the counted object (``events/counts.tsv``)."""
    table = _slot_words()
    i = _word_at(words, q.start)
    inside = [w for w in words[i : i + 6] if w[1] <= q.end]
    if len(inside) >= 2 and (hit := _hit(inside[-1], table["after"])):
        return table["after"][hit][0]  # the counted noun closing the number: "25 قتيلا وأكثر من 70 جريحا"
    for d, w in enumerate(reversed(words[max(0, i - MAX_WINDOW) : i]), 1):
        if w[0] < lo:
            break
        hit = _hit(w, table["before"])
        if hit and d <= table["before"][hit][1]:
            return table["before"][hit][0]
    # a window after counts from the number, not its qualifier ("ما لا يقل عن ستة"); the counted noun inside included
    at = i + _number_word(inside, q)
    for k, w in enumerate(words[i + 1 : at + 1 + MAX_WINDOW], i + 1):
        d = max(1, k - at)
        hit = _hit(w, table["after"])
        if hit and d <= table["after"][hit][1]:
            return table["after"][hit][0]
    toll = _toll(words, i, lo)
    if toll is not None:
        return toll
    key = count_words()[0].get(fold(q.object or ""))
    return key if key in OBJECT_SLOTS else None


def _number_word(inside: Sequence[Word], q: Quantity) -> int:
    """Index, among a quantity's words, of its number: the last one written in digits, else
    the one before its counted noun ("ما لا يقل عن ستة أشخاص"), else its last."""
    spans = [q.text[w[0] - q.start : w[1] - q.start] for w in inside]
    digits = [k for k, t in enumerate(spans) if any(c.isdigit() for c in t)]
    if digits:
        return digits[-1]
    return max(0, len(inside) - (2 if q.object and len(inside) >= 2 else 1))


def _toll(words: Sequence[Word], i: int, lo: int) -> str | None:
    """The slot of a toll said to rise to a number ("ارتفع عدد حالات الوفيات في حادث … إلى 29"):
    the number right after a word of ``story/toll_words.tsv`` ``to``, and before it in the
    sentence a ``rise`` word followed by a slot word."""
    table = _toll_words()
    if i == 0 or not _hit(words[i - 1], table["to"]):
        return None
    slot = None
    for w in reversed(words[max(0, i - TOLL_REACH) : i - 1]):
        if w[0] < lo:
            break
        hit = _hit(w, _slot_words()["before"]) or _hit(w, _slot_words()["after"])
        if hit and slot is None:
            slot = (_slot_words()["before"].get(hit) or _slot_words()["after"][hit])[0]
        if slot is not None and _hit(w, table["rise"]):
            return slot
    return None


@cache
def _toll_words() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for r in load_table("story/toll_words.tsv"):
        if len(r) >= 2:
            out[r[0]].add(fold(r[1]))
    return {k: frozenset(out.get(k, ())) for k in ("rise", "to")}


def _near(words: Sequence[Word], q: Quantity, kind: str, within: bool = False, reach: int = MAX_WINDOW) -> bool:
    """A phrase of ``kind`` (``slot_context.tsv``) within its window (and ``reach`` words)
    before the number (``*_before`` kinds) or after it; ``within``: after the number's first
    word, the words the quantity spans counted too ("أربعة من المصابين" read as one quantity)."""
    i = bisect_left(_starts(words), q.start)
    if kind.endswith("_before"):
        span = range(i - 1, max(-1, i - 1 - MAX_WINDOW), -1)
        dist = {k: i - k for k in span}
    else:
        past = q.start if within else q.end - 1
        after = [k for k in range(i, min(len(words), i + 1 + MAX_WINDOW)) if words[k][0] > past]
        dist = {k: n for n, k in enumerate(after, 1)}
    heads = _heads(kind)
    return any(
        d <= min(win, reach) and _phrase_at(words, k, p)
        for k, d in dist.items() for h in words[k][2] & heads.keys() for p, win in heads[h]
    )  # fmt: skip


@cache
def _heads(kind: str) -> dict[str, tuple[tuple[Phrase, int], ...]]:
    """The phrases of a ``slot_context.tsv`` kind by their first word."""
    out: dict[str, list[tuple[Phrase, int]]] = defaultdict(list)
    for p, win in _context()[kind].items():
        out[p[0]].append((p, win))
    return {k: tuple(v) for k, v in out.items()}


def _last_cue(words: Sequence[Word], before: int) -> int:
    """Start of the last ``elsewhere`` word (``slot_context.tsv``) before offset ``before``, else -1."""
    cues = words.cues() if isinstance(words, _Words) else _Words(words).cues()
    k = bisect_left(cues, before)
    return cues[k - 1] if k else -1


def _words(text: str, lo: int, hi: int) -> _Words:
    return _Words([(t.start, t.end, _stem_set(t.text)) for t in words_of(text[lo:hi], lo)])


@lru_cache(maxsize=1 << 16)
def _stem_set(word: str) -> frozenset[str]:
    """The folded readings of a word (``stems``), as a set, remembered: every sentence of an
    article with an incident is read for its figures."""
    return frozenset(s for _, s in stems(Token(word, 0, len(word), fold(word))))


@cache
def _site_lines() -> tuple[str, ...]:
    """Openings of lines a site adds around an article (``quotes/boilerplate.txt``), folded."""
    return tuple(" ".join(fold(w) for w in line.split()) for line in load_lines("quotes/boilerplate.txt"))


def site_line(text: str, pos: int) -> bool:
    """Whether offset ``pos`` lies in a line the site adds ("رابط الخبر بصحيفة …: <the headline
    again>"): its numbers are the headline's, said again, no report's figures."""
    start = text.rfind("\n", 0, pos) + 1
    head = " ".join(fold(w) for w in text[start : start + 40].split())
    return head.startswith(_site_lines())


def _label_number(words: Sequence[Word], q: Quantity, text: str) -> bool:
    """Whether a number written in digits names what the definite noun right before it is
    called ("مقتل مطلوب القائمة 23"، "عناصر الفرقة 30"): a count comes before its noun or
    after a slot or toll word ("عدد القتلى 29"), never right after another definite noun."""
    if q.mod or not any(c.isdigit() for c in q.text) or any(c.isalpha() for c in q.text):
        return False
    if q.object and _stem_set(q.object) & _counted_nouns():
        return False  # "نتج عن الحريق 15 حالة اختناق": the number counts the noun after it
    k = bisect_left(_starts(words), q.start) - 1
    if k < 0 or any(c.isalnum() for c in text[words[k][1] : q.start]):
        return False
    head, sw, tw = words[k], _slot_words(), _toll_words()
    if not fold(text[head[0] : head[1]]).startswith(definite_chains()):
        return False
    return not (_hit(head, sw["before"]) or _hit(head, sw["after"]) or _hit(head, tw["to"]) or _hit(head, tw["rise"]))


@cache
def _counted_nouns() -> frozenset[str]:
    """Nouns a number counts (``events/counts.tsv`` objects, slot words after a number, the
    people of ``story/casualty_objects.txt``), folded."""
    return frozenset(count_words()[0]) | frozenset(_slot_words()["after"]) | word_list("story/casualty_objects.txt")
