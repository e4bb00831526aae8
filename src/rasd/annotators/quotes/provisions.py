"""A statute that provides, named before a relative pronoun (realnews decision 4 and E7).

"خالف المصنع المادة 40 من نظام العمل، والتي تنص على منح …": the relative clause reports what
the article provides, so the cue is a report (not the plain relative clause ``cue_at`` refuses)
and its speaker is the document named before the pronoun. Only for verbs marked ``provision``
in verbs.tsv (نص), and only when a word of ``statutes.txt`` heads that noun phrase.
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.quotes.history import after_l, bare, nodef
from rasd.resources import load_lines
from rasd.text import Token, fold
from rasd.text.clitics import definite_chains, particle

MAX_DOCUMENT = 8  # words from the statute's head noun to the relative pronoun ("المادة 122 من نظام العمل في حق X")
_BRACKETS = frozenset("()")
_IN = particle("in")  # في


@cache
def _statutes() -> frozenset[str]:
    return frozenset(nodef(fold(x)) for x in load_lines("quotes/statutes.txt"))


def _head(w: str) -> str:
    """``w`` without a glued preposition or the article (``بالمادة``, ``للائحة``, ``لنظام`` → the noun)."""
    c = next((c for c in definite_chains(kaf=False) if w.startswith(c) and len(w) > len(c) + 1), None)
    return w[len(c) :] if c is not None else nodef(after_l(w))


@cache
def _relatives() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/relatives.txt"))


def document_before(toks: list[Token], brk: list[bool], k: int) -> tuple[int, int] | None:
    """``(first, last)`` tokens of the statute named right before the relative pronoun before the
    cue at ``k`` (a comma between allowed: ``نظام العمل، والذي ينص``), else None. The outermost
    statute word within ``MAX_DOCUMENT`` words, up to a comma or a sentence end, opens it; a glued ل or ب
    (``للمادة``, ``بالمادة``) is kept, as attributions keep it."""
    if k < 2 or not any(b in _relatives() for b in bare(toks[k - 1].norm)):
        return None
    last = k - 3 if toks[k - 2].norm == "," else k - 2
    head, j, words = None, last, 0
    while j >= 0 and words < MAX_DOCUMENT:
        t = toks[j]
        if t.text in _BRACKETS:
            j -= 1  # "المادة (236) من نظام العمل": the number's brackets are no words
            continue
        if brk[j] or not (t.is_word or t.norm.isdigit()):
            break
        if any(_head(b) in _statutes() for b in bare(t.norm)):
            head = j  # the outermost one: "المادة 40 من نظام العمل", not "نظام العمل"
        j, words = j - 1, words + 1
    if head is None:
        return None
    cut = next((x for x in range(head + 1, last + 1) if toks[x].norm == _IN and not _statute_in(toks, x + 1, last)), None)
    return head, (last if cut is None else cut - 1)  # "… من نظام العمل في حق منشآتهم": not the adjunct


def _statute_in(toks: list[Token], a: int, b: int) -> bool:
    return any(_head(x) in _statutes() for t in toks[a : b + 1] for x in bare(t.norm))
