"""A statement as the speaker: ``قالت X في بيان إن …`` then ``وقال البيان إن …`` or
``وطبقا للبيان …``. The definite ``البيان`` is the statement X issued, so the reader needs X
(docs/realnews_gold.md: an anaphoric description takes the earlier full mention), not the word
``البيان``, which names no one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from functools import cache

from rasd.annotators.quotes.history import after_l, bare, nodef
from rasd.models import Quote, Speaker
from rasd.resources import load_lines
from rasd.text import Token, fold
from rasd.text.clitics import affix, article

_ART = article()
_STOPS = ".!?؟\n"
_MARKS = "،,.:؛«»\"'()"


@cache
def statement_nouns() -> frozenset[str]:
    """Folded, without the article (``quotes/statement_nouns.txt``)."""
    return frozenset(nodef(fold(x)) for x in load_lines("quotes/statement_nouns.txt"))


def issued(toks: Sequence[Token], k: int) -> bool:
    """Token ``k`` is a statement noun, also indefinite with its accusative alef (``بيانا``)."""
    if not 0 <= k < len(toks):
        return False
    w = nodef(fold(toks[k].norm))
    return w in statement_nouns() or (w.endswith("ا") and w[:-1] in statement_nouns())



def _head(w: str) -> str:
    w = bare(fold(w))[-1]
    return nodef(w.removesuffix(fold(affix("accusative"))))  # "بيانا" (accusative) is the same noun


def definite_statement(w: str) -> bool:
    """``البيان``, ``وللبيان``, ``للبيان``: the definite statement noun, alone."""
    w = after_l(bare(fold(w))[-1])
    return w.startswith(_ART) and nodef(w) in statement_nouns()


def resolve_statements(text: str, quotes: list[Quote]) -> None:
    """Give a quote whose speaker is the bare definite statement the speaker of the latest
    earlier quote framed by a statement (``في بيان``, ``أصدر بيانا قال فيه``)."""
    owner: Speaker | None = None
    for q in sorted(quotes, key=lambda q: q.start):
        sp = q.speaker
        if sp is None:
            continue
        words = sp.text.split()
        if len(words) == 1 and definite_statement(words[0]):
            if owner is not None:
                q.speaker = dataclasses.replace(owner, medium=sp.medium or owner.medium)
            continue
        if words and _head(words[0].strip(_MARKS)) in statement_nouns():
            owner = sp  # "على حد تعبير بيان وزارة الخارجية": the statement named with its issuer
            continue
        s0 = max((text.rfind(c, 0, q.start) for c in _STOPS), default=-1) + 1
        frame = text[s0 : q.content.start] if q.content.start > s0 else ""
        if any(_head(w.strip(_MARKS)) in statement_nouns() for w in frame.split()):
            owner = sp
        elif owner is not None and sp.text != owner.text:
            owner = None  # another speaker since: which statement "البيان" is is no longer plain
