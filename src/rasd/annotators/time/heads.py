"""Years written with a word that makes them years: a period word (``مطلع 2023``), brackets
(``(1881)``), or a noun naming something by its year a few words before (handlers of
``handlers.HANDLERS``, kept apart from that module).

``year_heads.txt`` makes ``رؤية 2030`` a year when the noun is right before it; a name of
two or three words keeps the noun in front (``رؤية قطر الوطنية 2030``, ``كأس العالم للشباب
2019``), so the noun is looked for up to three words back, over words without digits.
"""

from __future__ import annotations

import re
from functools import cache

from rasd.annotators.time.base import ART, CONJ, PREP_NO_KAF, Cand, Ctx, _cand, _mod
from rasd.text.clitics import particle, particle_forms

_BACK = 3  # words a name may put between its head noun and its year


def head_before(ctx: Ctx, pos: int) -> bool:
    """A year-naming noun (``year_heads.txt``) within three digit-free words before ``pos``."""
    words = re.findall(r"\S+", ctx.before(pos, 60))[-_BACK:]
    if any(re.search(r"[\d.,:;()«»\"]", w) for w in words):
        words = words[max(i for i, w in enumerate(words) if re.search(r"[\d.,:;()«»\"]", w)) + 1 :]
    for w in words:
        core = re.sub(rf"^[{CONJ}]?[{PREP_NO_KAF}]?", "", w)
        if w in ctx.lex.year_heads or core in ctx.lex.year_heads:
            return True
    return False


_COUNT_MODS = frozenset({"APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE"})


def _noun_after(ctx: Ctx, pos: int) -> bool:
    """An indefinite Arabic word right after ``pos`` that is no particle (``أكثر من 2000 مصري``):
    after a word of comparison such a word is what the number counts."""
    nxt = ctx.next_word(pos)
    return bool(re.fullmatch(r"[ء-ي]{3,}", nxt)) and not nxt.startswith(ART) and nxt not in _particles()


@cache
def _particles() -> frozenset[str]:
    return frozenset(particle(g) for g in particle_forms())


def _h_year_mod(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """"مطلع 2023": a period word makes a bare year a year; a comparison (``أكثر من``, ``نحو``)
    before a number and a noun after it make it a count."""
    if ctx.counted_after(m.end()):
        return None
    if _mod(m.group("mod"), ctx.lex) in _COUNT_MODS and _noun_after(ctx, m.end()):
        return None
    return _cand(m, "DATE", m.group("yr"), mod=_mod(m.group("mod"), ctx.lex), confidence=0.85)


def _h_year_paren(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """"(1881)": a four-digit number alone in brackets is a year."""
    if not re.search(r"\(\s*$", ctx.before(m.start("all"), 3)):
        return None
    return _cand(m, "DATE", m.group("yr"), confidence=0.75)
