"""``أحد/إحدى`` with an attached pronoun (``أحدهم``, ``إحداها``): one member of a group named
just before (decision 9: ``13 عنصرا … لاذ أحدهم بالفرار`` counts one ``عنصر``).

No noun follows, so the counted thing is the pronoun's referent: the nearest earlier plural,
dual or counted noun, in the same sentence or the one before, whose singular has the gender
the pronoun shows (``إحداها``: feminine ``طلقات`` → ``طلقة``; ``أحدها``: ``نصوص`` → ``نص``).
The forms and their genders are rows of ``resources/quantities/one_of.txt``. Not a count
before an elative (``إحداها أبرز``, a superlative) nor of a part (``part_of.txt``), as for
``أحد`` + plural; nothing when no referent is found (``قال أحدهم``: someone).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from rasd.annotators.quantities.objects import _bare_text, clean, folded, is_plural, nouns, strip_article
from rasd.models import Quantity, Span
from rasd.resources import load_table
from rasd.text import Token, fold
from rasd.text.clitics import affix, affixes
from rasd.text.sentences import SENTENCE_ENDS

_FEM = affix("feminine")
# dual endings and what the singular takes back: فتاتين → فتاة, حكمين → حكم
_DUAL_ENDS = (*((e, _FEM) for e in affixes("dual", "fem")), *((e, "") for e in affixes("dual", "masc")))
_STOPS = frozenset(SENTENCE_ENDS)  # a sentence ends at these tokens
SENTENCES = 2  # the pronoun's own sentence and the one before
REACH = 40  # tokens back at most
_ELATIVE = re.compile(r"^ا(?!ل)\w{2,3}$")  # أبرز، أقوى، أهم (folded): a superlative follows


@cache
def _forms() -> dict[str, str]:
    """Folded pronoun form -> the gender of its referent's singular (``masc``/``fem``)."""
    return {fold(r[0]): r[2] for r in load_table("quantities/one_of.txt") if r[1:2] == ("pronoun",) and len(r) > 2}


def pronoun_form(text: str) -> tuple[str, int] | None:
    """``text`` (or ``text`` without one proclitic) when it is a form of ``one_of.txt``'s
    pronoun rows, with its offset in ``text``; else None."""
    return next((c for c in ((text, 0), _bare_text(text)) if folded(c[0]) in _forms()), None)


def one_of_pronoun(toks: Sequence[Token], i: int, out: Sequence[Quantity]) -> tuple[int, int, str, Span] | None:
    """(start, end, object lemma, object span) of the count at token ``i``, else None."""
    found = pronoun_form(toks[i].text)
    if found is None:
        return None
    if i + 1 < len(toks) and _ELATIVE.match(folded(toks[i + 1].text)):
        return None
    gender = _forms()[folded(found[0])]
    ref = _referent(toks, i, out, gender)
    if ref is None or fold(ref[0]) in nouns().part_of:
        return None
    start = toks[i].start + found[1]
    return start, start + len(found[0]), ref[0], ref[1]


def _referent(toks: Sequence[Token], i: int, out: Sequence[Quantity], gender: str) -> tuple[str, Span] | None:
    stops = 0
    for k in range(i - 1, max(-1, i - 1 - REACH), -1):
        tok = toks[k]
        if tok.norm in _STOPS:
            stops += 1
            if stops == SENTENCES:
                return None
            continue
        got = _group_at(tok, out)
        if got is not None and (clean(got[0]).endswith(_FEM)) == (gender == "fem"):
            return got
    return None


def _group_at(tok: Token, out: Sequence[Quantity]) -> tuple[str, Span] | None:
    """The singular a token names as a group: the object of a count found there (``13 عنصرا``,
    ``بورقتين``), else the singular of a written plural (``الجهات``)."""
    for q in reversed(out):
        span = q.object_span
        if q.object and span is not None and span.start <= tok.start < span.end and q.object != "%":
            return q.object, span
        if q.end < tok.start:
            break
    single = _dual_singular(tok.text) or is_plural(tok.text)
    return (single, Span(tok.start, tok.end)) if single else None


def _dual_singular(text: str) -> str | None:
    """Singular of a dual of a listed noun (``بورقتين`` → ورقة), which the scan may count only
    after this pronoun is read; a sound plural's stem is not among ``singulars``."""
    for raw in (text, _bare_text(text)[0]):
        w = strip_article(clean(raw))[0]
        for end, add in _DUAL_ENDS:
            if w.endswith(end) and fold(w[: -len(end)] + add) in nouns().singulars:
                return w[: -len(end)] + add
    return None
