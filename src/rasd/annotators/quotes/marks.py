"""Quotation marks: which opening mark pairs with which closing one.

Real pages mix «», “”, ‘’ (paired across paragraphs) with straight quotes and apostrophes
(paired within a paragraph, an apostrophe only between spaces so ``it's`` is left alone).
"""

from __future__ import annotations

OPENERS = {"«": "»", "“": "”", "‘": "’", "„": "”"}
STRAIGHT = ('"', "'", "”")  # ” also opens on some sites (بـ”…”): paired like a straight mark
INNER_WORDS = 3  # a name quoted inside a straight quotation ("داعش", "عاصفة الحزم") is this short


def quote_pairs(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` character offsets of quotation marks, paragraphs allowed for «» “”.

    Straight marks pair within a paragraph; an apostrophe only counts when it opens after
    a space and closes before one, so ``it's`` style words are left alone. A directional
    mark left open when a later paragraph opens the same mark inside its text (``وقال X
    “…`` after a quotation whose closing mark the page dropped) ends at its paragraph's
    final full stop; one that opens a paragraph continues the quotation, as usual.
    """
    pairs: list[tuple[int, int]] = []
    open_dir: tuple[int, str] | None = None
    straight: dict[str, int | None] = dict.fromkeys(STRAIGHT)
    inner: set[int] = set()  # closes of names quoted inside an open straight quotation
    para_end: int | None = None  # the newline that ended the open quotation's paragraph
    for i, ch in enumerate(text):
        if ch == "\n":
            straight = dict.fromkeys(STRAIGHT)
            if open_dir is not None and para_end is None:
                para_end = i
            continue
        if open_dir is not None:
            if ch == open_dir[1]:
                pairs.append((open_dir[0], i))
                open_dir = None
            elif ch == text[open_dir[0]] and para_end is not None and text[text.rfind("\n", 0, i) + 1 : i].strip():
                last = len(text[:para_end].rstrip()) - 1
                if text[last] in ".!?":
                    pairs.append((open_dir[0], last))
                open_dir, para_end = (i, open_dir[1]), None
            continue
        if ch in OPENERS:
            open_dir, para_end = (i, OPENERS[ch]), None
            straight = dict.fromkeys(STRAIGHT)
            continue
        if ch in STRAIGHT:
            o = straight[ch]
            if o is None:
                if ch == "'" and i > 0 and not (text[i - 1].isspace() or text[i - 1] in "(:،,"):
                    continue
                if ch == "”" and not (i + 1 < len(text) and text[i + 1].isalpha()):
                    continue  # a closing ” with no opening “ before it
                straight[ch] = i
            elif i in inner:
                continue
            else:
                if ch == "'" and i + 1 < len(text) and text[i + 1].isalnum():
                    continue
                if (j := _inner_close(text, i, ch)) is not None:
                    pairs.append((i, j))  # "… تنظيم "داعش" له …": a name quoted inside the quotation
                    inner.add(j)
                    continue
                pairs.append((o, i))
                straight[ch] = None
    return pairs


def _inner_close(text: str, i: int, ch: str) -> int | None:
    """The close of a short name quoted inside an open straight quotation, when the mark at
    ``i`` opens one: a space before it, a letter right after it, and the same mark closing
    within ``INNER_WORDS`` words (a letter before it, no letter after it), in the paragraph."""
    if ch == "'" or not (0 < i < len(text) - 1 and text[i - 1].isspace() and text[i + 1].isalpha()):
        return None
    j = text.find(ch, i + 1)
    if j < 0 or "\n" in text[i:j] or len(text[i + 1 : j].split()) > INNER_WORDS or not text[j - 1].isalpha():
        return None
    return j if j + 1 == len(text) or not text[j + 1].isalpha() else None
