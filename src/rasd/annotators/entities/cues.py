"""Small word-level cues about people: given names and verbs the model misreads as names.

Both are data (``given_names.txt``, ``verb_prefixes.txt``). A given name right before a
two-word person span is the first name the model left out (``علي`` + ``موسى دقدوق``); a
one-word "person" that opens like an imperfect verb, is said once and has no title,
first name or known-name evidence is a misspelt verb (``وينشتر`` for ``وينتشر``).
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.features import gaz_tokens
from rasd.resources import load_lines
from rasd.text.clitics import proclitic
from rasd.text.tokens import Token

MIN_STEM = 3  # letters left after a verb opening: "يتم" is too short to judge
_AND = proclitic("and")


@cache
def common_words() -> frozenset[str]:
    """Ordinary words that are never a name on their own (``common_words.txt``)."""
    return frozenset(gz.key_of(w) for w in load_lines("entities/common_words.txt"))


@cache
def given_names() -> frozenset[str]:
    """Folded common given names (``given_names.txt``)."""
    return frozenset(gz.key_of(w) for w in load_lines("entities/given_names.txt"))


@cache
def _function_words() -> frozenset[str]:
    return frozenset(load_lines("entities/function_words.txt"))


def is_given_name(tok: Token) -> bool:
    """The token, as written and without proclitics, is a given name (``على`` is not ``علي``)."""
    return tok.is_word and tok.norm in given_names() and tok.text not in _function_words()


@cache
def and_given_name(tok: Token) -> bool:
    """``وأشرف``: a given name with ``و``, the next person of a list."""
    return tok.is_word and tok.norm.startswith(_AND) and tok.norm[len(_AND) :] in given_names()


def verb_prefixes() -> tuple[str, ...]:
    """Folded imperfect-verb openings, longest first (``verb_prefixes.txt``)."""
    return tuple(sorted({gz.key_of(p) for p in load_lines("entities/verb_prefixes.txt")}, key=len, reverse=True))


def _known_name(norm: str) -> bool:
    return (
        "P" in gaz_tokens().get(norm, "")
        or norm in given_names()
        or norm in gz.by_key()
        or norm in gz.cities()
    )


def misread_verb(toks: list[Token], i: int, word: str, counts: Counter[str], titled: bool) -> bool:
    """Whether a one-word PER ``word`` at token ``i`` is a verb the model took for a name.

    All must hold: it opens like an imperfect verb (``وي``, ``يت`` … with at least
    ``MIN_STEM`` letters after), the document says it once (``counts`` of folded tokens),
    no title precedes it (``titled``), the word before is not a given name, and it is no
    known name (ANETAC person token, given name, gazetteer entry, GeoNames city).
    """
    norm = gz.key_of(word)
    if titled or counts[norm] > 1 or _known_name(norm):
        return False
    if not any(norm.startswith(p) and len(norm) - len(p) >= MIN_STEM for p in verb_prefixes()):
        return False
    return not (i > 0 and is_given_name(toks[i - 1]))


__all__ = ["and_given_name", "given_names", "is_given_name", "misread_verb", "verb_prefixes"]
