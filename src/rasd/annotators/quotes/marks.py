"""Quotation marks: which opening mark pairs with which closing one.

Real pages mix «», “”, ‘’ (paired across paragraphs) with straight quotes and apostrophes
(paired within a paragraph, an apostrophe only between spaces so ``it's`` is left alone).
"""

from __future__ import annotations

OPENERS = {"«": "»", "“": "”", "‘": "’", "„": "”"}
STRAIGHT = ('"', "'", "”")  # ” also opens on some sites (بـ”…”): paired like a straight mark


def quote_pairs(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` character offsets of quotation marks, paragraphs allowed for «» “”.

    Straight marks pair within a paragraph; an apostrophe only counts when it opens after
    a space and closes before one, so ``it's`` style words are left alone.
    """
    pairs: list[tuple[int, int]] = []
    open_dir: tuple[int, str] | None = None
    straight: dict[str, int | None] = dict.fromkeys(STRAIGHT)
    for i, ch in enumerate(text):
        if ch == "\n":
            straight = dict.fromkeys(STRAIGHT)
            continue
        if open_dir is not None:
            if ch == open_dir[1]:
                pairs.append((open_dir[0], i))
                open_dir = None
            continue
        if ch in OPENERS:
            open_dir = (i, OPENERS[ch])
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
            else:
                if ch == "'" and i + 1 < len(text) and text[i + 1].isalnum():
                    continue
                pairs.append((o, i))
                straight[ch] = None
    return pairs
