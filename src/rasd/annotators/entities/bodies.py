"""Bodies named by an indefinite head and the noun after it: ``لجنة المخابرات``,
``محكمة التمييز``, ``مجلس الشيوخ الأمريكي``.

News names committees, courts and councils this way far more often than any list can hold;
the head (``body_heads.txt``) said indefinite, in construct with a definite noun (one
indefinite noun may sit between: ``لجنة سلامة المستهلك``), is a name,
unless the noun makes a body every institution has (``مجلس الإدارة``, ``body_stop.txt``)
or opens a person's name (``مؤسسة الملك …``). Some heads (``adjective_body_heads.txt``:
``مركز``) name a body only with a nisba after the noun (``مركز التكامل التنموي``).
Nisba adjectives after the noun belong to it (``مجلس الضمان الصحي``), and a few others
(``body_adjectives.txt``: ``لجنة الحكام الرئيسة``). Only where no other
source found a name: the rule adds recall and never reshapes another candidate.
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.cand import Cand
from rasd.annotators.entities.cues import common_words
from rasd.annotators.entities.shape import clitic_len
from rasd.resources import load_lines
from rasd.text.clitics import affixes, article, proclitic
from rasd.text.tokens import Token

_ART = article()
_TO = proclitic("to")  # لـ
_AND = proclitic("and")  # و
ADJ_MAX = 2  # nisba adjectives after the naming noun


@cache
def _heads() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/body_heads.txt"))


@cache
def _adjective_heads() -> frozenset[str]:
    """Heads that name a body only with a nisba after the noun (``adjective_body_heads.txt``)."""
    return frozenset(gz.key_of(w) for w in load_lines("entities/adjective_body_heads.txt"))


@cache
def _stop() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/body_stop.txt"))


@cache
def _adjectives() -> frozenset[str]:
    """Adjectives of a body's name that are no nisba (``body_adjectives.txt``: ``الرئيسة``)."""
    return frozenset(gz.key_of(w) for w in load_lines("entities/body_adjectives.txt"))


@cache
def _pronoun_suffixes() -> tuple[str, ...]:
    return tuple(sorted({gz.key_of(a) for a in affixes("pronoun") if len(a) > 1}, key=len, reverse=True))


@cache
def _function_words() -> frozenset[str]:
    return frozenset(load_lines("entities/function_words.txt"))


@cache
def _nisba_ends() -> tuple[str, ...]:
    """Endings of a definite nisba adjective, folded (``ي``, ``يه``, ``يين`` …)."""
    return tuple(sorted({gz.key_of(a) for a in affixes("nisba") if a}, key=len, reverse=True))


def _definite(tok: Token) -> bool:
    return tok.is_word and tok.norm.startswith(_ART) and len(tok.norm) > len(_ART) + 1


def _construct(toks: list[Token], run: list[int], j: int, taken: set[int], stop: frozenset[str], chain: bool = True) -> bool:
    """Token ``j`` is an indefinite noun in construct between a head and a definite noun
    (``سلامة`` in ``لجنة سلامة المستهلك``; with ``chain``, before a second such noun:
    ``لجنة تكافؤ فرص العمل``): a word of 3+ letters, no article or لـ (``لجنة
    لتوطين …`` is a committee *for* something, said indefinite), no ordinary
    or function word, not a noun that makes a generic body (``إدارة``), no pronoun suffix
    (``محكمة تنفذها``: a noun in construct takes none) and no second head (``بلدية وهيئة``)."""
    if j + 1 >= len(toks) or j in taken or run[j] != run[j - 1] or run[j + 1] != run[j]:
        return False
    t = toks[j]
    return (
        t.is_word and t.text.isalpha() and len(t.norm) >= 3 and not t.norm.startswith((_ART, _TO))
        and (chain or not t.norm.startswith(_AND))  # "لجنة [واستقالة رئيس] اللجنة": a second clause
        and gz.key_of(_ART + t.norm) not in stop and t.norm not in stop and t.text not in _function_words()
        and t.norm not in common_words() and not t.norm.endswith(_pronoun_suffixes())
        and (_definite(toks[j + 1]) or chain and not t.norm.startswith(_AND) and _construct(toks, run, j + 1, taken, stop, chain=False))
        and gz.bare_forms(t).isdisjoint(_heads())
    )  # fmt: skip


def named_bodies(toks: list[Token], run: list[int], accepted: list[Cand]) -> list[Cand]:
    """ORG candidates ``HEAD ال-noun (ال-nisba)*`` over words no candidate covers but a
    model or rule ORG inside the name (``لجنة تكافؤ فرص [العمل الأمريكية]``), which the body
    replaces: it is removed from ``accepted``."""
    strict = _adjective_heads()
    heads, stop, ends = _heads() | strict, _stop(), _nisba_ends()
    inner = [c for c in accepted if c.source in ("model", "pattern") and c.type == "ORG"]
    taken = {i for c in accepted if c not in inner for i in range(c.first, c.last + 1)}
    dem = gz.demonyms()
    out: list[Cand] = []
    for i, t in enumerate(toks[:-1]):
        if i in taken or not t.is_word or gz.bare_forms(t).isdisjoint(heads) or any(c.first <= i <= c.last for c in inner):
            continue
        j = i + 1
        if _construct(toks, run, j, taken, stop):
            j += 1  # "لجنة سلامة المستهلك": an indefinite noun in construct before the definite one
            if not _definite(toks[j]):
                j += 1  # "لجنة تكافؤ فرص العمل": two of them
        if j in taken or run[j] != run[i] or not _definite(toks[j]) or toks[j].norm in stop:
            continue
        last = j
        while (
            last + 1 < len(toks) and last + 1 - j <= ADJ_MAX and last + 1 not in taken and run[last + 1] == run[i]
            and _definite(toks[last + 1]) and toks[last + 1].norm not in stop
            and (toks[last + 1].norm in dem or toks[last + 1].norm.endswith(ends) or toks[last + 1].norm in _adjectives())
        ):  # fmt: skip
            last += 1
        if last == j and not gz.bare_forms(t).isdisjoint(strict) and gz.bare_forms(t).isdisjoint(_heads()):
            continue  # "مركز الصدارة": no nisba, no name
        over = [c for c in inner if c.first <= last and i <= c.last]
        if any(not (i < c.first <= j <= c.last <= last) for c in over):
            continue  # an ORG running out of the name, or one that is not its naming noun ("محكمة [بروكسل] الجنائية")
        for c in over:
            accepted.remove(c)
            inner.remove(c)
        out.append(Cand(i, last, t.start + clitic_len(t, heads), toks[last].end, "ORG", "pattern", 0.7))
        taken.update(range(i, last + 1))
    return out


__all__ = ["named_bodies"]
