"""The writer's byline at the head of an article is no one the article quotes.

Papers open a story with the reporter's name on a line of its own (``محمد علي – الجريدة``,
``الرياض - سالم القحطاني``). The description pass (``coref``) falls back to "the person the
article is about", the most mentioned name so far; on a page whose only earlier person is
the reporter, ``وقال المتحدث الرسمي للهيئة`` was credited to the byline. A person mention on a
short line among the first lines of the text, with no sentence punctuation on it, is a byline
and is no antecedent.
"""

from __future__ import annotations

from collections.abc import Iterable

from rasd.models import EntityMention

HEAD_LINES = 2  # non-empty lines at the top of the text that may be a byline
MAX_WORDS = 6  # a byline: the name, a dash and the outlet or place
_PUNCT = frozenset(".،,:؛!?؟«»\"“”")


def _head_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the first ``HEAD_LINES`` non-empty lines."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
            if len(out) == HEAD_LINES:
                break
        pos += len(line) + 1
    return out


def not_bylines(text: str, mentions: Iterable[EntityMention]) -> list[EntityMention]:
    """``mentions`` without those that stand on a byline line."""
    heads = [(s, e) for s, e in _head_lines(text)
             if len(text[s:e].split()) <= MAX_WORDS and not _PUNCT & set(text[s:e])]  # fmt: skip
    return [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in heads)]
