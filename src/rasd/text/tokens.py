"""Tokenisation that keeps offsets and knows Arabic proclitics.

A token is a run of letters/digits or a single punctuation mark. ``stem_start`` is where
the word proper begins after attached proclitics (و ف ب ل ك س ال and their chains), so
``وبغداد`` can be matched as ``بغداد`` while its span still points into the original.
Proclitic chains are data (``resources/ar/morphology/proclitics.tsv``, see ``clitics``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rasd.text.clitics import proclitics
from rasd.text.normalize import _table, fold

_TOKEN = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u0640\u06D6-\u06ED]+|[^\w\s]", re.UNICODE)
MIN_STEM = 2


@cache
def _max_proclitic() -> int:
    return max(map(len, proclitics()), default=0)


def known_after_proclitics(norm: str, known: frozenset[str] | set[str] | dict[str, str]) -> bool:
    """Whether the folded word ``norm`` is in ``known`` as it stands or after as many leading
    letters as the longest proclitic chain (``وللسوداني`` no, ``والسوداني`` yes): a few set
    look-ups per word instead of one ``endswith`` per known word. A cheap filter: callers
    that need the reading itself then use :func:`strip_proclitics`."""
    return any(norm[i:] in known for i in range(min(_max_proclitic(), len(norm) - MIN_STEM) + 1))


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    norm: str  # folded form

    @property
    def is_word(self) -> bool:
        return bool(self.norm) and (self.norm[0].isalnum() or self.norm[0] == "_")


_DOCS: dict[str, tuple[Token, ...]] = {}
DOC_MEMO = 4  # whole texts remembered: the entity, quantity and quote annotators each tokenize the same article
DOC_MIN = 400  # characters: shorter texts (the story's sentences) are cheaper to tokenize than to look up


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` with exact offsets: ``text[t.start:t.end] == t.text``. A fresh
    list each call (the tokens themselves are immutable); the last few long texts are
    remembered, since every annotator of a document asks for the same tokens."""
    long_text = len(text) >= DOC_MIN
    if long_text and (hit := _DOCS.get(text)) is not None:
        return list(hit)
    table = _table()  # ``fold`` inline: this runs once per token of every sentence the story reads
    out = []
    for m in _TOKEN.finditer(text):
        g = m.group()
        out.append(Token(g, m.start(), m.end(), g.translate(table)))
    if long_text:
        if len(_DOCS) >= DOC_MEMO:
            del _DOCS[next(iter(_DOCS))]
        _DOCS[text] = tuple(out)
    return out


def token_texts(text: str) -> list[str]:
    """``[t.text for t in tokenize(text)]`` without building tokens: for a corpus pass that
    looks each distinct word up once (a memo by text) and needs no offsets."""
    return _TOKEN.findall(text)


_WORDS: dict[tuple[str, int], tuple[Token, ...]] = {}
WORDS_MEMO = 4096  # sentences remembered: an article's, read in turn by events, claims, commitments


def words_of(text: str, offset: int = 0) -> list[Token]:
    """The word tokens (``Token.is_word``) of ``text``, offsets shifted by ``offset``: what
    ``[t for t in tokenize(text) if t.is_word]`` gives, shifted. Remembered for the last few
    thousand sentences: the story stage's event, claim and commitment readers each ask for
    every sentence of an article (a new list each call; tokens are immutable)."""
    key = (text, offset)
    got = _WORDS.get(key)
    if got is None:
        table = _table()
        out = []
        for m in _TOKEN.finditer(text):
            g = m.group()
            n = g.translate(table)
            if n and (n[0].isalnum() or n[0] == "_"):
                s = m.start() + offset
                out.append(Token(g, s, s + len(g), n))
        if len(_WORDS) >= WORDS_MEMO:
            _WORDS.clear()
        got = _WORDS[key] = tuple(out)
    return list(got)


def strip_proclitics(word: str, known: frozenset[str] | set[str] | None = None) -> list[tuple[int, str]]:
    """Ways to read ``word`` as proclitics + stem, as ``(chars_stripped, stem)`` pairs.

    ``word`` is an original (unfolded) token. The first pair is always ``(0, word)``.
    With ``known`` (a set of folded stems), only readings whose folded stem is known are
    returned after the first, which is how gazetteer matching avoids stripping the
    ``ب`` of ``بغداد``. Offsets count original characters, diacritics included.
    """
    out = [(0, word)]
    f = fold(word)
    for p in proclitics():
        if f.startswith(p) and len(f) - len(p) >= MIN_STEM:
            # walk the original string to find where len(p) folded characters end
            k, seen = 0, 0
            while k < len(word) and seen < len(p):
                if fold(word[k]):
                    seen += 1
                k += 1
            while k < len(word) and not fold(word[k]):
                k += 1  # skip diacritics/tatweel attached to the clitic
            stem = word[k:]
            if known is None or fold(stem) in known:
                out.append((k, stem))
    return out
