"""A post-posed ``وحيد/وحيدة/وحيدا`` ("a single"), read like a post-posed ``واحد``: one of the
indefinite noun before it (``انتصارا وحيدا``, ``بطاقة صفراء وحيدة``). The same letters are a
first name (``وحيد``) and, definite, "the only" (``اللاعب الوحيد``: no count), so the word must
agree with an indefinite noun: ``وحيدة`` after a word in ة (or a listed compound), ``وحيدا``
after an accusative in ا, and the bare masculine ``وحيد`` only after a listed noun."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from rasd.annotators.quantities.objects import LexMatch, clean, is_definite, lemma, nouns
from rasd.resources import load_lines
from rasd.text import Token, fold
from rasd.text.clitics import affix, affixes, particle

_FEM = fold(affix("feminine"))  # ة
_ACC = fold(affixes("construct", "nom_dual")[0])  # ا: the indefinite accusative, as in وحيدا
_FROM = particle("from")  # من, decision 9: before من a word picks one of a group


@cache
def _singles() -> dict[str, str]:
    """Folded form -> the ending the noun before it must share ('' for the bare masculine)."""
    out = {}
    for w in load_lines("quantities/single_after.txt"):
        f = fold(w)
        out[f] = _FEM if f.endswith(_FEM) else _ACC if f.endswith(_ACC) else ""
    return out


def single_form(text: str) -> bool:
    """Is the word as written a ``single_after.txt`` form (no article, no proclitic)?"""
    return fold(clean(text)) in _singles()


def single_after(toks: Sequence[Token], i: int, lex_match: LexMatch) -> tuple[int, int, str, int, int] | None:
    """(start, end, lemma, object start, object end) of a post-posed single at token ``i``."""
    end = _singles().get(fold(clean(toks[i].text)))
    if end is None or i == 0 or (i + 1 < len(toks) and toks[i + 1].norm == _FROM):
        return None
    tok = toks[i]
    if i > 1 and (two := lex_match(i - 2)) is not None and two[0] == 2 and not is_definite(toks[i - 2].text):
        head = toks[i - 2]
        if fold(clean(toks[i - 1].text)).endswith(end) or end == _FEM:  # بطاقة صفراء وحيدة: a listed compound (F5)
            return tok.start, tok.end, two[1], head.start, toks[i - 1].end
    prev = toks[i - 1]
    word = clean(prev.text)
    f = fold(word)
    if is_definite(prev.text) or not f.endswith(end) or len(f) < 4:
        return None
    got = lemma(word, acc=end == _ACC)
    if got is None:
        return None
    nl = nouns()
    if not end and fold(got) not in nl.singulars and fold(got) not in nl.sound_masc:
        return None  # قال وحيد: the bare masculine is also a first name
    if fold(got) in nl.time_units or fold(got) in nl.score_objects:
        return None  # هدفا وحيدا: a goal is a score's, not counted (as هدفا واحدا)
    return tok.start, tok.end, got, prev.start, prev.end
