"""A ``-ين``/``-ان`` word shown to be a dual by the pronoun that refers to it (``إصابة مدنيين
تم نقلهما``, ``في عاملين هما``, ``لمرسومين رئاسيين تم إصدارهما``).

The same letters are a sound plural (civilians, factors) or a dual (decision 7); only the dual
pronoun ``هما`` (alone, or attached: ``نقلهما``) that points back at the word shows two. It must
point at this word: it follows within a few words in the same clause, and no definite noun
nor free particle (``في``, ``من``: a phrase with its own noun) stands between them. The word
is indefinite: a definite one usually refers back to a pair named before (decision 7).
Kept apart from ``open_duals``, which reads the word and its neighbours alone; ``named_duals``
shares the word test (``pair_stem``) and the dual words (``shows_two``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

from rasd.annotators.quantities.dual_context import MASC_DUAL as _ENDS
from rasd.annotators.quantities.dual_context import not_joined
from rasd.annotators.quantities.objects import (
    WORD_MEMO,
    _bare_text,
    _cut,
    clean,
    is_definite,
    nouns,
    strip_article,
)
from rasd.annotators.quantities.open_duals import dual_forms
from rasd.resources import load_pairs
from rasd.text import Token, fold
from rasd.text.clitics import affix, affixes, conjunctions
from rasd.text.sentences import CLAUSE_MARKS, SENTENCE_ENDS

_TWO = fold(affix("pronoun", "two_owners"))  # هما: the dual pronoun, never هم
_SOUND = tuple(fold(a) for a in affixes("plural", "masc"))  # ون، ين
_CLAUSE_MARKS = CLAUSE_MARKS | frozenset(SENTENCE_ENDS + ':()«»"')  # and a colon, brackets, quotation marks
REACH = 3  # words between the dual and its pronoun (an adjective, a passive auxiliary)
MIN_HOST = 3  # folded letters before an attached هما (نقل، بين): مهما، لهما are particles


@lru_cache(maxsize=WORD_MEMO)
def pair_stem(text: str) -> tuple[int, str, bool] | None:
    """(offset, singular lemma, listed plural) of a word written ``text`` read as the
    ``-ين``/``-ان`` form of a listed noun: what only a confirming context (two names after it,
    a later ``هما``) makes a dual. ``listed plural``: the word is a sound plural of
    ``plurals.tsv`` (``اللاعبين``), a plural unless a dual word confirms it. The candidate skim
    tries every such word."""
    nl = nouns()
    for off, w, _definite, f in dual_forms(text):
        if not f.endswith(_ENDS):
            continue
        stem = _cut(w, f, _ENDS)
        fs = fold(stem)
        if len(fs) < 3 or (fs not in nl.singulars and fs not in nl.sound_masc) or fs in nl.time_units or fs in nl.not_objects:
            continue
        return off, nl.plurals.get(fs, stem), False
    for raw, off in ((text, 0), _bare_text(text)):
        f = fold(strip_article(clean(raw))[0])
        single = nl.plurals.get(f)
        if single is not None and f.endswith(_ENDS) and any(f == fold(single) + e for e in _SOUND):
            return off, single, True
    return None


def pronoun_pair(toks: Sequence[Token], i: int) -> tuple[int, int, str] | None:
    """(start, end, singular lemma) of the dual at token ``i`` that a later ``هما`` refers to;
    None when the word is no listed noun's ``-ين``/``-ان`` form or no such pronoun follows."""
    if is_definite(toks[i].text):
        return None
    got = pair_stem(toks[i].text)
    if got is None:
        return None
    free = not_joined()
    for j in range(i + 1, min(len(toks), i + 2 + REACH)):
        t = toks[j]
        w = fold(clean(t.text))
        if t.norm in _CLAUSE_MARKS or not w[:1].isalpha():
            return None
        if _dual_pronoun(w):
            return toks[i].start + got[0], toks[i].end, got[1]
        if w in free or is_definite(t.text):
            return None  # في المنزلين، الطفلين: a nearer antecedent may take the pronoun
    return None


def shows_two(text: str) -> bool:
    """A word that refers to two: a dual relative (``اللذين``) or the pronoun ``هما``."""
    w = fold(clean(text))
    return w in _dual_relatives() or _dual_pronoun(w)


def _dual_pronoun(w: str) -> bool:
    """``هما``, ``وهما``, or a word with ``هما`` attached to a host of its own (``نقلهما``)."""
    if not w.endswith(_TWO):
        return False
    host = w[: len(w) - len(_TWO)]
    return host in ("", *conjunctions()) or len(host) >= MIN_HOST


@cache
def _dual_relatives() -> frozenset[str]:
    """The relative pronouns whose resumptive pronoun is ``هما`` (``quotes/resumptive.tsv``)."""
    return frozenset(fold(r) for r, p in load_pairs("quotes/resumptive.tsv").items() if fold(p) == _TWO)
