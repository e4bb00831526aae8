"""``أحد/إحدى`` + plural (= 1, decision 9): ``أحد المتعاملين`` counts one ``متعامل``.

Split out of ``objects`` (which keeps the noun forms and lemmas read here). The plural may
follow a demonstrative that points at the group it names (``إحدى هذه الشركات``: one
``شركة``). Not a count when the noun names a part (``أحد فروع``, ``part_of.txt``) nor before a
superlative (``أحد أبرز``: no plural to read). The forms are rows of ``one_of.txt``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rasd.annotators.quantities.objects import (
    _FEM,
    LexMatch,
    _bare_text,
    _construct_sound,
    _pointed,
    clean,
    folded,
    is_plural,
    nouns,
    strip_article,
)
from rasd.text import Token, fold


def one_of(toks: Sequence[Token], i: int, lex_match: LexMatch) -> tuple[int, int, int, int, str] | None:
    """``أحد/إحدى`` + plural at token ``i``: (start, end, object start, object end, lemma)."""
    nl = nouns()
    if i + 1 >= len(toks):
        return None
    tok = toks[i]
    found = one_of_form(tok.text)
    if found is None:
        return None
    text, off = found
    k = i + 2 if _pointed(toks, i + 1) else i + 1  # إحدى هذه الشركات: the plural after the demonstrative
    nxt = toks[k]
    hit = lex_match(k)
    if hit is not None:
        n, got = hit
        end = toks[k + n - 1].end
    else:
        single = is_plural(nxt.text) or _construct_sound(clean(nxt.text))
        if single is None:
            return None
        got, end = single, nxt.end
        if folded(text) in nl.one_of_fem and not got.endswith(_FEM):  # إحدى الفرق: فرقة, not فريق
            got = nl.feminine.get(fold(strip_article(clean(nxt.text))[0]), got)
    if fold(got) in nl.part_of:
        return None
    return tok.start + off, tok.start + off + len(text), nxt.start, end, got


def one_of_form(text: str) -> tuple[str, int] | None:
    """``text`` or ``text`` without one proclitic when it is أحد/إحدى (``one_of.txt``)."""
    nl = nouns()
    return next((c for c in ((text, 0), _bare_text(text)) if folded(c[0]) in nl.one_of), None)
