"""A description, an honorific, then the name: ``شيخ قبيلة X الشيخ Y``, ``مدير الجامعة الدكتور Y``.

The person named after the honorific is the speaker and the words before it are the role,
even where the entity tagger took the title words themselves for a name (``شيخ قبيلة``);
without this the first mention of the phrase won and the speaker was the title alone.
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.quotes.articles import definite
from rasd.annotators.quotes.context import NP, Ctx, trim
from rasd.annotators.quotes.history import bare
from rasd.resources import arabic, load_lines
from rasd.text import fold


@cache
def _honorifics() -> frozenset[str]:
    """Folded one-word honorifics written with the article (الشيخ، الدكتور، الأمير …)."""
    return frozenset(fold(x) for x in arabic.titles("honorific") if " " not in x and definite(fold(x)))


@cache
def _name_heads() -> frozenset[str]:
    """Words that make a name with the word after them (``عبد``; quotes/theophoric.txt)."""
    return frozenset(fold(x) for x in load_lines("quotes/theophoric.txt"))


def honorific_name(cx: Ctx, np_: NP) -> tuple[NP | None, NP] | None:
    """``(role, name)`` when an honorific inside ``np_`` (not its first word) opens a person
    mention (the tagger may have run the mention over it); an honorific inside a name
    (``عبد الأمير``) opens nothing."""
    toks = cx.toks
    for k in range(np_.first + 1, np_.last):
        t, nxt = toks[k], toks[k + 1]
        if t.norm not in _honorifics() or any(x in _name_heads() for x in bare(toks[k - 1].norm)):
            continue
        m = next((m for m in cx.ents.overlapping(nxt.start, nxt.end) if m.type == "PER" and m.start <= nxt.start), None)
        if m is None:
            continue
        last = max(j for j in range(k + 1, np_.last + 1) if toks[j].start < m.end)
        return trim(cx, np_.first, k - 1), NP(k + 1, last)
    return None
