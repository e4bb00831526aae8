"""Search-result snippets: a window of original text around the query's words.

Kept apart from the SQL: it works on any text, folds like the index does and must stay
linear in the text whatever the query (no regex built from the query's words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import islice

from rasd.store.prepare import light
from rasd.text import fold
from rasd.text.normalize import _table as _fold_table

_WORD = re.compile(r"\w+")
# Characters folded first when looking for a match; the rest only when the head has none.
# Exact: a match found in the head is real (a cut word can only end a prefix-matched last
# term) and leftmost (a match starting earlier would end earlier, so also lie in the head).
HEAD_CHARS = 2048


def _find_phrase(folded: str, terms: Sequence[str]) -> tuple[int, int] | None:
    """First range of ``folded`` holding ``terms`` as consecutive words, in linear time.

    Same matches as the regex ``t1\\W+t2\\W+…\\W+tn`` (``t1`` may end a longer word, ``tn``
    begin one, inner terms are whole words), but found with one ``str.find`` over the words
    joined by NUL: no pattern that backtracks over many terms.
    """
    if len(terms) == 1:
        i = folded.find(terms[0])
        return (i, i + len(terms[0])) if i >= 0 else None
    joined = "\0".join(_WORD.findall(folded))
    i = joined.find("\0".join(terms))
    if i < 0:
        return None
    first = joined.count("\0", 0, i)  # the word t1 ends: t1 is followed by a separator
    words = islice(_WORD.finditer(folded), first, first + len(terms))
    w1 = next(words)
    *_, wn = words
    return w1.end() - len(terms[0]), wn.start() + len(terms[-1])


@cache
def _odd_chars() -> tuple[re.Pattern[str], dict[int, str]]:
    """The characters folding deletes or expands (a class built from the folding table, not a query)."""
    table = _fold_table()
    odd = "".join(re.escape(chr(cp)) for cp in sorted(cp for cp, rep in table.items() if len(rep) != 1))
    return re.compile(f"[{odd}]" if odd else "(?!)"), table


def _to_original(text: str, targets: Sequence[int]) -> list[int]:
    """Original index of each folded index in ``targets`` (ascending), like ``normalize(text).map``.

    Folding maps most characters one to one; only deleted and expanded ones shift the
    offsets, so the walk visits just those (found by a regex in C) instead of every character.
    """
    pattern, table = _odd_chars()
    out: list[int] = []
    f = o = 0  # folded and original positions kept in step
    want = iter(targets)
    t = next(want, None)
    for m in pattern.finditer(text):
        i = m.start()
        while t is not None and t < f + (i - o):  # in the one-to-one run before this character
            out.append(o + (t - f))
            t = next(want, None)
        f, o = f + (i - o), i
        k = len(table[ord(text[i])])
        while t is not None and t < f + k:  # inside this character's expansion
            out.append(i)
            t = next(want, None)
        if t is None:
            return out
        f, o = f + k, i + 1
    while t is not None:
        out.append(o + (t - f))
        t = next(want, None)
    return out


def _span(text: str, folded: tuple[int, int]) -> tuple[int, int]:
    """Original range of a non-empty folded range: ``normalize(text).span`` without mapping every character."""
    o_start, last = _to_original(text, [folded[0], folded[1] - 1])
    o_end = last + 1
    table = _odd_chars()[1]
    while o_end < len(text) and table.get(ord(text[o_end])) == "" and not text[o_end].isspace():
        o_end += 1  # diacritics right after the last character belong to it
    return o_start, o_end


def snippet(text: str, terms: Sequence[str], width: int = 80) -> tuple[str, tuple[int, int] | None]:
    """A window of original ``text`` around the first match of folded ``terms``.

    Matching is on the folded text, so ``الاسد`` finds ``الأسد``; the window is cut from the
    original characters via the offset map. Returns the snippet and the match's range
    inside it (``None`` when only the title matched).
    """
    head = fold(text[:HEAD_CHARS])  # folding is per character: a prefix of the folded text
    whole = head if len(text) <= HEAD_CHARS else None

    def find(words: Sequence[str]) -> tuple[int, int] | None:
        """Leftmost match: one wholly inside the head is leftmost overall (see ``HEAD_CHARS``)."""
        nonlocal whole
        found = _find_phrase(head, words)
        if found is None and whole is not head:
            whole = whole if whole is not None else fold(text)
            found = _find_phrase(whole, words)
        return found

    m = find(terms)
    if m is None:  # terms apart, or only in the title: show the first term, else the start
        m = find(terms[:1])
    if m is None and light(terms[0]):  # matched through the proclitic-free column
        m = find([light(terms[0])])
    if m is None:
        end = min(len(text), 2 * width)
        return " ".join(text[:end].split()), None
    s, e = _span(text, m)
    lo = max(0, s - width)
    hi = min(len(text), e + width)
    while lo > 0 and not text[lo - 1].isspace() and s - lo < width + 15:
        lo -= 1
    while hi < len(text) and not text[hi].isspace() and hi - e < width + 15:
        hi += 1
    before, hit, after = text[lo:s], text[s:e], text[e:hi]
    before = ("… " if lo > 0 else "") + " ".join(before.split()) + (" " if before[-1:].isspace() else "")
    after = (" " if after[:1].isspace() else "") + " ".join(after.split()) + (" …" if hi < len(text) else "")
    return before + hit + after, (len(before), len(before) + len(hit))
