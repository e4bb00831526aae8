"""Which tokens of a document can start a count, and where its lines break.

Why: the engine used to try every token as a number, a dual, ``أحد`` + plural and a
post-posed number, reading the word lists and the neighbours each time, although almost
no word can start any of them. Whether a word can is a property of the word as written,
so it is computed once per distinct word (``word_flags``) and the engine visits only the
tokens that may start something (``candidates``). Every test here is a necessary condition
of the engine's own rules, which still decide: the output is what visiting every token gave.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from rasd.annotators.quantities.later_pronoun import pair_stem
from rasd.annotators.quantities.named_duals import construct_stem
from rasd.annotators.quantities.numbers import DIGITS, Lex, lookup, may_start, word_readings
from rasd.annotators.quantities.objects import (
    ONE_ALONE,
    folded,
    nouns,
    post_head,
    post_number,
)
from rasd.annotators.quantities.one_of_plural import one_of_form
from rasd.annotators.quantities.one_of_pronoun import pronoun_form
from rasd.annotators.quantities.open_duals import may_be_dual
from rasd.annotators.quantities.single_after import single_form
from rasd.text import Token
from rasd.text.clitics import without_accusative

NUM, DUAL, ONE_OF, OPEN_DUAL, POST_NUM, POST_DEF = 1, 2, 4, 8, 16, 32
START = NUM | DUAL | ONE_OF | OPEN_DUAL  # a count may start at the word whatever precedes it
FLAGS_MEMO = 1 << 17  # distinct words remembered (a worker sees a few hundred thousand)

_FIRSTS: dict[int, tuple[dict[tuple[str, ...], str], frozenset[str]]] = {}  # id(table) -> (table, firsts)


def first_words(table: dict[tuple[str, ...], str]) -> frozenset[str]:
    """First words of a (cached, never mutated) lexicon table, for a cheap pre-check. The
    table is kept with them, so its id is not reused while remembered."""
    got = _FIRSTS.get(id(table))
    if got is None or got[0] is not table:
        got = _FIRSTS[id(table)] = (table, frozenset(k[0] for k in table))
    return got[1]


def word_flags(lex: Lex, text: str, norm: str) -> int:
    """What a word may start, as bits: a number (``scan_number``), a listed dual, أحد/إحدى,
    an open dual, a post-posed number (``الـ15``, ``الست``: it also needs a definite word
    before it, ``POST_DEF``)."""
    f = 0
    readings = word_readings(norm, definite=True)  # the plain readings are among these
    if (
        DIGITS.search(text)
        or DIGITS.search(norm)
        or folded(text) in nouns().fractions
        or not _start_words(lex).isdisjoint(readings)
        or without_accusative(norm) in lex.numbers  # واحدا (numbers._lookup)
    ):
        if may_start(lex, text, norm):
            f |= NUM
        if not first_words(lex.duals).isdisjoint(readings):
            f |= DUAL
    if one_of_form(text) is not None or norm in ONE_ALONE or pronoun_form(text) is not None or single_form(text):  # أحد أفراد; أكثر من مرة; أحدهم; وحيدا
        f |= ONE_OF
    if may_be_dual(text) or pair_stem(text) is not None or construct_stem(text) is not None:  # named members or هما show it
        f |= OPEN_DUAL
    if post_number(norm, lex.numbers):
        f |= POST_NUM
    if post_head(text):
        f |= POST_DEF
    return f


@lru_cache(maxsize=4)
def _start_words(lex: Lex) -> frozenset[str]:
    """Every reading a number, a fraction, a vague amount or a listed dual starts with."""
    return frozenset((*lex.numbers, *lex.vague, *nouns().fractions, *first_words(lex.duals)))


@lru_cache(maxsize=4)
def _memo(lex: Lex) -> dict[str, int]:
    """The flags of the words seen so far (a cache: cleared with the others)."""
    return {}


def doc_flags(lex: Lex, toks: list[Token]) -> list[int]:
    """``word_flags`` of every token (from ``tokenize``, so ``norm`` is ``fold(text)`` and
    the word as written is the key), remembered across documents."""
    memo = _memo(lex)
    if len(memo) > FLAGS_MEMO:
        memo.clear()
    get = memo.get
    flags = [get(t.text, -1) for t in toks]
    if -1 in flags:
        for k, f in enumerate(flags):
            if f < 0:
                t = toks[k]
                f = get(t.text, -1)
                if f < 0:
                    f = memo[t.text] = word_flags(lex, t.text, t.norm)
                flags[k] = f
    return flags


def candidates(flags: list[int]) -> list[int]:
    """Indexes of the tokens where a count may start. A post-posed number also needs the
    token before it to be definite; at a line start that token is in another line, so the
    list may hold a few more than needed (the engine's rules reject those)."""
    return [k for k, f in enumerate(flags) if f & START or (f & POST_NUM and k > 0 and flags[k - 1] & POST_DEF)]


def line_bounds(text: str, toks: list[Token], lex: Lex | None = None) -> list[tuple[int, int]]:
    """``(first, end)`` token indexes of each line: a new line starts at the first token after
    a line break (no token holds one, so the token before ends before it). With ``lex``, a
    single break right after a number (``وقتل ثمانية\n أشخاص``) only wraps the sentence:
    the count keeps its noun on the next line."""
    starts = [t.start for t in toks]
    cuts = [0]
    pos = text.find("\n")
    while pos >= 0:
        k = bisect_right(starts, pos)
        if k >= len(toks):
            break
        if k > cuts[-1] and not (lex is not None and _wrapped(lex, text, toks, k)):
            cuts.append(k)
        pos = text.find("\n", toks[k].start)
    cuts.append(len(toks))
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _wrapped(lex: Lex, text: str, toks: list[Token], k: int) -> bool:
    """Does the break before token ``k`` fall inside a count: one line break, and a number
    word or digits right before it?"""
    gap = text[toks[k - 1].end : toks[k].start]
    return gap.count("\n") == 1 and not gap.strip() and lookup(lex, toks[k - 1]) is not None
