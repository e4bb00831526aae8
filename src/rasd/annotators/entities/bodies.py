"""Bodies named by an indefinite head and the noun after it: ``لجنة المخابرات``,
``محكمة التمييز``, ``مجلس الشيوخ الأمريكي``.

News names committees, courts and councils this way far more often than any list can hold;
the head (``body_heads.txt``) said indefinite, in construct with a definite noun, is a name,
unless the noun makes a body every institution has (``مجلس الإدارة``, ``body_stop.txt``)
or opens a person's name (``مؤسسة الملك …``).
Nisba adjectives after the noun belong to it (``مجلس الضمان الصحي``). Only where no other
source found a name: the rule adds recall and never reshapes another candidate.
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.cand import Cand
from rasd.annotators.entities.shape import clitic_len
from rasd.resources import load_lines
from rasd.text.clitics import affixes, article
from rasd.text.tokens import Token

_ART = article()
ADJ_MAX = 2  # nisba adjectives after the naming noun


@cache
def _heads() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/body_heads.txt"))


@cache
def _stop() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/body_stop.txt"))


@cache
def _nisba_ends() -> tuple[str, ...]:
    """Endings of a definite nisba adjective, folded (``ي``, ``يه``, ``يين`` …)."""
    return tuple(sorted({gz.key_of(a) for a in affixes("nisba") if a}, key=len, reverse=True))


def _definite(tok: Token) -> bool:
    return tok.is_word and tok.norm.startswith(_ART) and len(tok.norm) > len(_ART) + 1


def named_bodies(toks: list[Token], run: list[int], accepted: list[Cand]) -> list[Cand]:
    """ORG candidates ``HEAD ال-noun (ال-nisba)*`` over words no candidate covers."""
    heads, stop, ends = _heads(), _stop(), _nisba_ends()
    taken = {i for c in accepted for i in range(c.first, c.last + 1)}
    dem = gz.demonyms()
    out: list[Cand] = []
    for i, t in enumerate(toks[:-1]):
        if i in taken or not t.is_word or gz.bare_forms(t).isdisjoint(heads):
            continue
        j = i + 1
        if j in taken or run[j] != run[i] or not _definite(toks[j]) or toks[j].norm in stop:
            continue
        last = j
        while (
            last + 1 < len(toks) and last + 1 - j <= ADJ_MAX and last + 1 not in taken and run[last + 1] == run[i]
            and _definite(toks[last + 1]) and toks[last + 1].norm not in stop
            and (toks[last + 1].norm in dem or toks[last + 1].norm.endswith(ends))
        ):  # fmt: skip
            last += 1
        out.append(Cand(i, last, t.start + clitic_len(t, heads), toks[last].end, "ORG", "pattern", 0.7))
        taken.update(range(i, last + 1))
    return out


__all__ = ["named_bodies"]
