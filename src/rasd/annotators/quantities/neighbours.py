"""Counts read against their neighbours: match scores, an object shared with or inherited
from the next or previous count, and a date part after a number (moved out of ``objects.py``
to keep it short; they need the noun lexicon only).
"""

from __future__ import annotations

from collections.abc import Sequence

from rasd.annotators.quantities.objects import is_definite, is_plural, nouns
from rasd.models import Quantity, Span
from rasd.text import Token, fold
from rasd.text.clitics import particle, proclitic

_AND = proclitic("and")
_LI = proclitic("to")
_BI_LI = {proclitic("by"), _LI}
_FROM = particle("from")
INHERIT_WINDOW = 160  # characters back to look for the object an elided count inherits
SCORE_WINDOW = 6  # words after a goal count in which "مقابل" + a goal count makes it a score


def is_score(toks: Sequence[Token], k: int, obj: str | None) -> bool:
    """A goal count followed by ``مقابل`` (within two words) or by the other side with ``ل``
    (``بهدفين لهدف``, ``بثلاثة أهداف لهدفين``) is a match score; so is one whose other side,
    a score word and a goal count, comes a few words later in the same clause (``أربعة أهداف
    من فريق X مقابل هدفين``)."""
    nl = nouns()
    if obj is None or fold(obj) not in nl.score_objects:
        return False
    if any(t.norm in nl.score_after for t in toks[k : k + 2]) or (k < len(toks) and _goal_with_li(toks[k].norm)):
        return True
    for j in range(k, min(k + SCORE_WINDOW, len(toks) - 1)):
        if not toks[j].is_word:
            return False
        if toks[j].norm in nl.score_after and _goal_word(toks[j + 1].norm):
            return True
    return False


def score_side(toks: Sequence[Token], i: int, obj: str | None) -> bool:
    """A goal count right after ``مقابل`` (``بثلاثة أهداف مقابل هدفين``), or written with ``ل``
    right after a goal count (``بثلاثة أهداف لهدفين``), is the other side of a score."""
    nl = nouns()
    if obj is None or fold(obj) not in nl.score_objects or i == 0:
        return False
    return toks[i - 1].norm in nl.score_after or (_goal_with_li(toks[i].norm) and _goal_word(toks[i - 1].norm))


def _goal_word(norm: str) -> bool:
    """Is the word a form of a score object (``هدف``, ``هدفين``, ``بهدفين``, ``أهداف``)?"""
    nl = nouns()
    f = fold(norm)
    bare = f[1:] if f[:1] in _BI_LI and len(f) > 3 else f
    return any(bare == o or (bare.startswith(o) and len(bare) - len(o) <= 2) for o in nl.score_objects) or nl.plurals.get(
        bare
    ) in nl.score_objects


def _goal_with_li(norm: str) -> bool:
    """Is the word ``ل`` + a goal form (``لهدف``, ``لهدفين``): the losing side of a score?"""
    f = fold(norm)
    return f[:1] == _LI and len(f) > 3 and _goal_word(f[1:])


def share_forward(out: list[Quantity], text: str, joins: frozenset[str] = frozenset()) -> list[Quantity]:
    """``عند 56 و55 دولارا``: a count without object takes the object of the next one, also
    across a range word in ``joins`` (``من 3.8 إلى 3.5 في المائة``, a change from one to the other)."""
    for a, b in reversed(list(zip(out, out[1:], strict=False))):  # a chain takes the unit written last
        gap = text[a.end : b.start]
        if a.object is None and b.object and fold(gap.strip()) in {_AND, "", *joins} and "\n" not in gap and b.start > a.end:
            a.object, a.confidence = b.object, 0.55
    return out


def date_after(toks: Sequence[Token], j: int) -> bool:
    """``/ 10`` or ``-10`` (a day/month/year part) follows at token ``j``."""
    if j + 1 >= len(toks) or not toks[j + 1].norm.isdigit():
        return False
    return toks[j].norm == "/" or (toks[j].norm in ("-", ":") and toks[j].start == toks[j - 1].end)


def inherit(out: list[Quantity], start: int, text: str) -> str | None:
    """An elided object (``ونحو 900 في سوريا``) is the one counted just before, same sentence;
    one thing that only qualifies the count before it (``أربعة أشخاص من عائلة واحدة``) is
    passed over: ``وأصيب ثلاثة آخرون`` counts people, not families."""
    last = out[-2] if len(out) > 1 and _qualifies(out[-2], out[-1], text) else out[-1] if out else None
    if last is None or not last.object or start - out[-1].end > INHERIT_WINDOW:
        return None
    if _sentence_ends(text[out[-1].end : start]):
        return None
    return last.object


_ENDS = ("\n", ".", "؟")  # a line or a sentence ends: an elided object is not carried across


def _sentence_ends(between: str) -> bool:
    return any(c in between for c in _ENDS)


def mixed_before(out: list[Quantity], start: int, text: str) -> bool:
    """The two counts before ``start`` in its sentence count different things (``قتل جنديان
    وثلاثة عمال وأصيب تسعة آخرون``): "others" then inherits neither, it takes its default."""
    if len(out) < 2 or _qualifies(out[-2], out[-1], text) or start - out[-1].end > INHERIT_WINDOW:
        return False
    a, b = out[-2], out[-1]
    if _sentence_ends(text[a.start : start]):
        return False
    return bool(a.object and b.object) and fold(a.object or "") != fold(b.object or "")


def _qualifies(before: Quantity, one: Quantity, text: str) -> bool:
    """``one`` is a single thing named after من right behind the count ``before``."""
    at = one.object_span.start if one.object_span is not None else one.start
    return one.value == 1.0 and at > before.end and text[before.end : at].strip() == _FROM


def plural_before(toks: Sequence[Token], i: int) -> tuple[str, Span] | None:
    """``ركائز ثلاث``, ``دول خمس``: a number word 3–10 with no noun after it counts the
    indefinite plural right before it (the number after its noun); a definite plural before it
    is a predicate (``المشاريع ثلاثة``) and is left alone."""
    if i == 0 or is_definite(toks[i - 1].text):
        return None
    prev = toks[i - 1]
    single = is_plural(prev.text)
    if single is None or fold(single) in nouns().time_units or prev.end >= toks[i].start:
        return None
    return single, Span(prev.start, prev.end)
