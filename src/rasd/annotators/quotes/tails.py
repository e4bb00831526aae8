"""A body named again by the last word of its full name (``وأوضحت الجوازات``).

Papers name a directorate or ministry once in full, an office head and its complement
(``المديرية العامة للجوازات``, ``وزارة الداخلية``, ``نادي الهلال``), and then by the
complement alone (``الجوازات``, ``الداخلية``, ``الهلال``). That word is no title, office head
or anonymous word, so ``coref``'s kinds pass it by and the shortened form stayed the speaker;
the gold guidelines want the earlier full mention (decision 5). Here a single definite word
resolves to the nearest earlier run of the text that opens with an office head
(``quotes/org_heads.txt``, ``entities/body_heads.txt``) and ends with the same word.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from rasd.annotators.quotes.history import bare, nodef
from rasd.text import Token, fold
from rasd.text.clitics import article, chain

LOOKBACK = 1500  # tokens searched back for the full name
MAX_RUN = 5  # words after the head that may belong to the name (العامة للجوازات بمنطقة …)
MIN_KEY = 3  # letters of the word without its article: shorter ones are no names
_ART = article()
_TO_ART = chain("to", "the")  # لل: the head's complement (المديرية العامة للجوازات)


def _definite(norm: str) -> bool:
    w = bare(norm)[-1]
    return w.startswith(_ART) or w.startswith(_TO_ART)


def full_name(
    text: str, toks: Sequence[Token], pos: int, word: str, heads: frozenset[str]
) -> tuple[int, int] | None:
    """Offsets of the nearest full name before ``pos`` that ``word`` (one definite word, not
    itself a head) shortens, or None."""
    key = nodef(bare(fold(word))[-1])
    if len(key) < MIN_KEY or key in heads or not bare(fold(word))[-1].startswith(_ART):
        return None
    k = bisect_right([t.end for t in toks], pos) - 1
    floor = max(0, k - LOOKBACK)
    while k >= floor:
        t = toks[k]
        if t.is_word and any(nodef(x) in heads for x in bare(t.norm)):
            e = k + 1
            while e < len(toks) and e - k <= MAX_RUN and toks[e].is_word and _definite(toks[e].norm):
                if nodef(bare(toks[e].norm)[-1]) == key:
                    # a glued و/ف is cut only when the word without it is the head (وزارة keeps its و)
                    glued = len(bare(t.norm)) > 1 and nodef(t.norm[1:]) in heads
                    return t.start + (1 if glued else 0), toks[e].end
                e += 1
        k -= 1
    return None
