"""Gender agreement of a zero-subject cue with the speaker it is about to continue.

``وقال الناشط X إن …. من ناحيتها، أعطت الهيئة …، فيما شددت على …``: a singular verb agrees
with its subject, so a feminine cue cannot go on with a speaker whose own verb was masculine.
The speaker's gender is read only from a cue whose subject it was, right after the verb (VSO,
title words between allowed, no ``عن``/``من`` as in ``نقلت الوكالة عن X``). On a feminine
cue's clash the subject of the latest feminine past verb of the cue's sentence speaks; with
none the carried speaker stays. A masculine cue after a woman is only read (``cue_gender``):
no clause found its right speaker on the dev half.
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.quotes.context import Ctx, cue_at
from rasd.annotators.quotes.history import bare
from rasd.annotators.quotes.lexicon import Verb
from rasd.annotators.quotes.speakers import make_speaker, speakerish
from rasd.annotators.quotes.state import State
from rasd.annotators.quotes.subjects import main_subject
from rasd.models import Speaker
from rasd.text import fold
from rasd.text.clitics import affix, affixes, article, particle

MAX_BETWEEN = 8  # title words between a cue and its subject's name
_PAST_FEM = fold(affix("past", "feminine"))  # قالت
_FEM = fold(affix("feminine"))  # مشيرة (ة folds to ه)
_SHE, _HE = fold(affix("imperfect", "she")), fold(affix("imperfect", "he"))
_ART = article()
_FEM_PL = affixes("plural", "fem")  # ات
_PLURAL = (*affixes("plural"), *affixes("dual"), *affixes("verb_plural"))


@cache
def _not_subject() -> frozenset[str]:
    """Words that put the next name out of the verb's subject slot (``عن X``, ``من X``)."""
    return frozenset(fold(particle(g)) for g in ("about", "from"))


def cue_gender(word: str, verb: Verb) -> str | None:
    """``"f"``/``"m"`` for a singular cue form (folded), None for a plural or an unknown form."""
    w = bare(word)[-1]
    if w.endswith(_PLURAL):
        return None
    if verb.participle:
        return "f" if w.endswith(_FEM) else "m"
    if verb.imperfect:
        return "f" if w.startswith(_SHE) else "m" if w.startswith(_HE) else None
    lemma = fold(verb.lemma)
    return "f" if w == lemma + _PAST_FEM else "m" if w == lemma else None


def _fem_past(cx: Ctx, j: int) -> bool:
    """Token ``j`` reads as a feminine past verb (``أعطت``): -ت, no article, not the -ات of a
    plural noun (``إمدادات``), a word after it."""
    w = bare(cx.toks[j].norm)[-1]
    nxt = cx.toks[j + 1] if j + 1 < len(cx.toks) else None
    if len(w) <= 3 or not w.endswith(_PAST_FEM) or w.endswith(_FEM_PL) or w.startswith(_ART):
        return False
    return nxt is not None and nxt.is_word


def _own_gender(cx: Ctx, k: int, spk: Speaker) -> str | None:
    """The gender of the cue at ``k`` when ``spk`` is its subject, named right after it."""
    c = cue_at(cx, k)
    if c is None or spk.start < cx.toks[k].end:
        return None
    n, verb = c
    between = [t for t in cx.toks[k + n :] if t.start < spk.start][: MAX_BETWEEN + 1]
    if len(between) > MAX_BETWEEN or any(not t.is_word or t.norm in _not_subject() for t in between):
        return None
    return cue_gender(cx.toks[k].norm, verb)


def _gender(cx: Ctx, st: State, spk: Speaker) -> str | None:
    """The gender of an earlier speaker: the latest cue it was the subject of that shows one."""
    key = fold(spk.text)
    for k, s in reversed(st.hist.items):
        if fold(s.text) == key and (g := _own_gender(cx, k, s)) is not None:
            return g
    return None


def agreeing(cx: Ctx, st: State, k: int, verb: Verb, spk: Speaker | None) -> Speaker | None:
    """``spk`` unless the cue at ``k`` disagrees with its gender; then, for a feminine cue, the
    subject of the latest feminine past verb of its sentence (``من ناحيتها، أعطت الهيئة …
    فيما شددت``). Nothing else is tried: the sentence's first subject or an earlier speaker of
    the cue's gender gave another wrong speaker each time on the dev half."""
    want = cue_gender(cx.toks[k].norm, verb)
    if spk is None or want != "f" or _gender(cx, st, spk) in (None, want):
        return spk
    key = fold(spk.text)
    for a in (j for j in range(k - 1, cx.s0[k] - 1, -1) if _fem_past(cx, j)):
        main = main_subject(cx, a, k)
        if main is not None and main.np is not None and speakerish(cx, main.np):
            own = make_speaker(cx, main)
            if own is not None and fold(own.text) != key:
                return own
    return spk
