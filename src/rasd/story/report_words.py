"""The words of a report, as incident resolution compares them across outlets.

A report's sentence becomes *word groups*: per content word, its readings (folded stems,
whole and with proclitics off: "بمسجد" → بمسجد، مسجد), the hamza on the line dropped
(``match_key``), plus the adjective's base (nisba endings, ``ar/morphology/affixes.tsv``:
أفغانية → أفغاني) and a canonical synonym (``story/synonyms.tsv``: هليكوبتر → مروحية). Two reports share a word
when any readings meet. ``telling`` picks a report's rarest words that other articles use
too; ``word_share`` is the idf-weighted share of them an incident's reports use. Phrase
lists say whether a sentence refers back to a reported happening (``backrefs.txt``),
follows one up (``followups.txt``) or moves on to another item of a round-up
(``shifts.txt``). Everything here is linear in the words of a sentence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache

from rasd.annotators.events import stems
from rasd.resources import load_lines, load_table
from rasd.text import fold, tokenize
from rasd.text.clitics import affix, affixes, conjunctions

MIN_WORD = 3  # letters of a content word
MIN_STEM = 4  # letters left when an adjective's ending is read off (``_endings``)
SHIFT_AT = 3  # words into a sentence where a phrase of shifts.txt may start
TOP_SHARE = 16  # telling words of a report compared with an incident's
SPREAD = 0.34  # share of an incident's articles that must use a word for it to count in full

Group = frozenset[str]


def match_key(stem: str) -> str:
    """A folded stem as words are compared across articles: the hamza on the line dropped
    (``الطوارئ`` folds to ``الطواري`` and ``الطوارىء`` to ``الطواريء``)."""
    return stem.replace("ء", "")


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(
        fold(w) for name in ("claims/stopwords.txt", "entities/function_words.txt") for w in load_lines(name)
    )


@cache
def _phrases(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(w) for w in line.split()) for line in load_lines(name))


@cache
def _synonyms() -> dict[str, str]:
    rows = load_table("story/synonyms.tsv")
    return {match_key(fold(r[0])): match_key(fold(r[1])) for r in rows if len(r) >= 2}


@cache
def _endings() -> tuple[tuple[str, str], ...]:
    """``(ending, base ending)``: a nisba's forms read as its masculine singular (أفغانية →
    أفغاني), longest ending first (``ar/morphology/affixes.tsv``, tags variant and base)."""
    base = fold(affix("nisba", "base"))
    return tuple((end, base) for end in affixes("nisba", "variant"))


@cache
def followup_words() -> frozenset[str]:
    return frozenset(match_key(fold(w)) for w in load_lines("story/followups.txt"))


def _variants(readings: Group) -> Group:
    """Readings plus their adjective base (``_endings``) and canonical synonym."""
    out = set(readings)
    for w in readings:
        for end, rep in _endings():
            if w.endswith(end) and len(w) - len(end) >= MIN_STEM:
                out.add(w[: -len(end)] + rep)
                break
    syn = _synonyms()
    out.update(syn[w] for w in list(out) if w in syn)
    return frozenset(out)


def word_groups(text: str) -> tuple[Group, ...]:
    """Per content word of a sentence (once each), its readings (see module doc)."""
    stop = _stopwords()
    out: dict[Group, None] = {}
    for tok in tokenize(text):
        if not tok.is_word or any(c.isdigit() for c in tok.text) or tok.norm in stop:
            continue
        g = frozenset(k for _, s in stems(tok) if len(k := match_key(s)) >= MIN_WORD and s not in stop)
        if g:
            out.setdefault(_variants(g))
    return tuple(out)


def content_words(text: str) -> frozenset[str]:
    """Every reading of a sentence's content words ("بريطانيا" and "وبريطانيا" meet)."""
    return frozenset(w for g in word_groups(text) for w in g)


def _norms(text: str) -> list[str]:
    return [t.norm for t in tokenize(text) if t.is_word]


def has_backref(text: str) -> bool:
    """Whether a sentence refers back to a happening already reported (``backrefs.txt``)."""
    norms = _norms(text)
    return any(
        tuple(norms[i : i + len(p)]) == p for p in _phrases("story/backrefs.txt") for i in range(len(norms))
    )


@cache
def _other_items() -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    """``(openers, words after a trigger)`` of ``story/other_items.tsv``, folded."""
    rows = load_table("story/other_items.tsv")
    opens = tuple(tuple(fold(w) for w in r[1].split()) for r in rows if len(r) >= 2 and r[0] == "open")
    return opens, frozenset(fold(r[1]) for r in rows if len(r) >= 2 and r[0] == "after")


def _opens_with(norms: Sequence[str], phrases: Sequence[tuple[str, ...]]) -> bool:
    for i in range(min(SHIFT_AT, len(norms))):
        for p in phrases:
            head = norms[i]
            if head != p[0] and head[:1] in conjunctions() and head[1:] == p[0]:
                head = p[0]
            if head == p[0] and tuple(norms[i + 1 : i + len(p)]) == p[1:]:
                return True
    return False


def moves_on(text: str) -> bool:
    """Whether a sentence opens with a phrase that moves on to another item (``shifts.txt``,
    and the openers of ``other_items.tsv``), within its first ``SHIFT_AT`` words; a leading
    و/ف on the phrase's first word is ignored."""
    norms = _norms(text)[: SHIFT_AT + 4]
    return _opens_with(norms, _phrases("story/shifts.txt")) or _opens_with(norms, _other_items()[0])


def sets_context(text: str) -> bool:
    """Whether a sentence opens by setting its article's happening in context
    (``context_openers.txt``: "ويأتي الهجوم بعد …"، "وسبق أن …"): it names earlier happenings."""
    return _opens_with(_norms(text)[: SHIFT_AT + 4], _phrases("story/context_openers.txt"))


def other_item(text: str, trigger: str) -> bool:
    """Whether a sentence tells of another happening than the ones its article told before:
    it opens with an opener of ``other_items.tsv`` ("من جهة أخرى"، "وفي محافظة …"), or a word
    of that file follows the report's trigger ("في هجوم آخر")."""
    norms = _norms(text)
    if _opens_with(norms[: SHIFT_AT + 4], _other_items()[0]):
        return True
    trig = [t.norm for t in tokenize(trigger) if t.is_word]
    if not trig:
        return False
    after = _other_items()[1]
    n = len(trig)
    return any(norms[i : i + n] == trig and i + n < len(norms) and norms[i + n] in after
               for i in range(len(norms) - n))  # fmt: skip


def telling(
    groups: Sequence[Group], df: Mapping[str, int], idf: Mapping[str, float], n: int = 0
) -> list[Group]:
    """The ``n`` (default ``TOP_SHARE``) rarest words of ``groups`` that another article uses
    too, each as the readings other articles use (a word no other article has can neither
    confirm nor refute a match), rarest first."""
    out = []
    for g in groups:
        usable = frozenset(w for w in g if df.get(w, 0) > 1 and idf.get(w, 0.0) > 0)
        if usable:
            out.append(usable)
    out.sort(key=lambda g: (-min(idf[w] for w in g), sorted(g)))
    return out[: n or TOP_SHARE]


class Weights(list[tuple[float, Group]]):
    """Each group of a report's ``top`` with its weight (``weigh``), computed once for every
    incident it is scored against: their sum ``own``, and each reading's groups as bits
    (``bits``), so that the groups an incident meets come from one set intersection."""

    def __init__(self, items: Sequence[tuple[float, Group]]) -> None:
        super().__init__(items)
        self.own = sum(x for x, _ in self)
        index: dict[str, int] = {}
        for k, (_, g) in enumerate(self):
            for w in g:
                index[w] = index.get(w, 0) | (1 << k)
        self.bits = index
        self.words = frozenset(index)

    def met(self, words: set[str] | frozenset[str]) -> list[tuple[float, Group]]:
        """The groups (in order) of which ``words`` holds a reading."""
        hit = self.words & words
        if not hit:
            return []
        mask = 0
        bits = self.bits
        for w in hit:
            mask |= bits[w]
        return [wg for k, wg in enumerate(self) if mask >> k & 1]


def weigh(top: Sequence[Group], idf: Mapping[str, float]) -> Weights:
    """Each group of ``top`` with its weight in ``word_share`` (its rarest reading's idf): a
    report's are the same against every incident, so scoring computes them once."""
    return Weights([(min(idf.get(w, 0.0) for w in g), g) for g in top])


def word_share(
    top: Sequence[Group], words: set[str] | frozenset[str], word_docs: Counter[str], n_docs: int,
    idf: Mapping[str, float], weights: Weights | None = None,
) -> float:  # fmt: skip
    """The idf-weighted share of the words ``top`` among ``words`` (an incident's). A word
    counts in full when at least a ``SPREAD`` share of the incident's ``n_docs`` articles
    use it (``word_docs``), less when fewer do: a big incident's vocabulary holds many words
    once, by chance. ``weights``: ``weigh(top, idf)`` when already known.

    Every word of ``words`` is one some article of the incident uses (``word_docs`` at least
    1), so with at most two articles (``reach`` 1) a word met counts in full, unweighed."""
    if weights is None:
        weights = weigh(top, idf)
    own = weights.own
    if not own:
        return 0.0
    met = weights.met(words)
    if not met:
        return 0.0
    reach = max(1.0, SPREAD * n_docs)
    if reach == 1.0:
        got = sum(x for x, _ in met)
    else:
        docs = word_docs.get
        got = sum(x * min(1.0, max(docs(w, 0) for w in g) / reach) for x, g in met)
    return got / own
