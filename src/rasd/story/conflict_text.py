"""The Arabic sentence that explains a claim conflict (``claims/explanations.tsv``,
``claims/topic_names.tsv``): who said each side, in the nominative, and what they said. Kept
apart from ``story.conflicts`` so the checks read as rules and the wording as wording."""

from __future__ import annotations

from functools import cache

from rasd.resources import load_lines, load_pairs
from rasd.story.claims import ClaimRecord
from rasd.story.slots import templates
from rasd.text.clitics import without_accusative


def side_word(polarity: str | None) -> str:
    """What a polarity conflict shows on one side: يؤكد / ينفي (``story/templates.tsv``)."""
    return templates().get(f"side_{polarity or 'assert'}", polarity or "")


def who(r: ClaimRecord) -> str:
    """Who a side's claim is from, as the subject of the explanation's verb: the speaker as
    written, its head put back in the nominative ("أن مسؤولا …" → "مسؤول …"), else the
    article's own words (``claims/explanations.tsv``: ``narration``)."""
    if not r.speaker_text:
        return _templates().get("narration", "")
    head, _, rest = r.speaker_text.partition(" ")
    bare = without_accusative(head)  # مسؤولا, written with its tanween before or after the alef, or without
    if bare is not None and bare in _source_heads():
        return f"{bare} {rest}".strip()
    return r.speaker_text


@cache
def _source_heads() -> frozenset[str]:
    """Heads of unnamed sources (``quotes/anonymous.txt``): the words whose accusative form
    (مسؤولا، مصدرا) a speaker phrase taken from after أن/إن may carry."""
    return frozenset(load_lines("quotes/anonymous.txt"))


@cache
def _templates() -> dict[str, str]:
    return load_pairs("claims/explanations.tsv")


@cache
def _topic_names() -> dict[str, str]:
    return load_pairs("claims/topic_names.tsv")


def explain(kind: str, **parts: str) -> str:
    """A readable Arabic sentence for a conflict (templates in ``claims/explanations.tsv``)."""
    if "topic" in parts:
        parts["topic"] = _topic_names().get(parts["topic"], parts["topic"])
    tpl = _templates().get(kind, "{x} / {y}")
    try:
        return tpl.format(**parts)
    except (KeyError, IndexError, ValueError):
        return " / ".join(parts.values())


def end_of(v: str, mod: str | None) -> str:
    """A date as a side shows it: "the end of V" when its modifier narrows it to its end."""
    return _templates().get("end_of", "{v}").format(v=v) if mod == "END" else v
