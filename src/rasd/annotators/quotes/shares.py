"""The company whose share was named earlier in the sentence, for a bare ``الشركة`` that reports.

Market reports name a company only after ``سهم`` ("وتراجع سهم X 1%، بعدما أعلنت الشركة عن …"):
the reporting ``الشركة`` is X, not an earlier speaker whose head is also ``شركة`` nor the bare
word itself. Split from ``engine``, which calls ``share_company`` for a one-word subject.
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.quotes.context import NP, Ctx
from rasd.annotators.quotes.history import bare, nodef
from rasd.resources import load_lines
from rasd.text import fold
from rasd.text.clitics import article

_MAX_NAME = 8  # words of a company's name after سهم when no mention covers it


@cache
def _share_nouns() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/share_nouns.txt"))


@cache
def _org_heads() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/org_heads.txt"))


def share_company(cx: Ctx, np_: NP, s0: int, k: int) -> NP | None:
    """The name after the latest ``سهم`` of the sentence (``s0``…``k``) when the subject ``np_``
    is one definite organisation head (``الشركة``); the name is the mention that starts right
    after ``سهم``, else its words up to the figure that follows (not ``وارتفع السهم 5%``). None otherwise."""
    w = bare(cx.toks[np_.first].norm)[-1]
    if np_.first != np_.last or not w.startswith(article()) or nodef(w) not in _org_heads():
        return None
    for j in range(k - 2, s0 - 1, -1):
        if bare(cx.toks[j].norm)[-1] not in _share_nouns():
            continue
        nxt = cx.toks[j + 1]
        ends = [
            m.end for m in cx.ents.overlapping(nxt.start, nxt.end) if m.start == nxt.start and m.type != "PER"
        ]
        if ends:
            return NP(j + 1, max(x for x in range(j + 1, k) if cx.toks[x].end <= max(ends)))
        last = j  # no mention found: the words up to the figure (``سهم مسيعيد للبتروكيماويات 1.3%``)
        while last + 1 < min(k, j + 1 + _MAX_NAME) and _name_word(cx.toks[last + 1].text):
            last += 1
        if j < last < k - 1 and not _name_word(cx.toks[last + 1].text):
            return NP(j + 1, last)
    return None


def _name_word(w: str) -> bool:
    """A word of a company's name: letters, no figure or punctuation."""
    return w.isalpha()
