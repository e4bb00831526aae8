"""Guards that keep cross-document linking from merging two different things.

Linking merges by key, by one-letter spelling variants and by short forms of people. In
Arabic news each of these meets namesakes often: one letter apart are other names
(``محمد``/``أحمد``, ``الصباغ``/``الصبان``, ``القصيم``/``القائم``), a bare family name
(``الشهري``) is a different man in another article, and a name after ``بن`` is a father,
not a family (``خالد`` in ``فيصل بن خالد``). These predicates say when a merge is unsafe.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import cache
from typing import Protocol

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.cues import given_names
from rasd.resources import arabic, load_lines

SPACE = "_"  # the space in spelling_variants.txt (lines are stripped)
LOCAL = "#"  # key infix of names linked within one document only


class _Finder(Protocol):
    """The linker's union-find: the root a key is linked under."""

    def find(self, x: str) -> str: ...


@cache
def _variant_classes() -> tuple[frozenset[str], tuple[frozenset[str], ...], tuple[frozenset[str], ...]]:
    """(letters that may be added or dropped, classes of letters that may replace each other,
    classes whose letters replace each other only as the last letter)."""
    indel: frozenset[str] = frozenset()
    subs: list[frozenset[str]] = []
    last: list[frozenset[str]] = []
    for line in load_lines("entities/spelling_variants.txt"):
        if line.startswith("+"):
            indel = frozenset(line[1:].strip().replace(SPACE, " "))
        elif line.startswith("$"):
            last.append(frozenset(line[1:].strip()))
        else:
            subs.append(frozenset(line.replace(SPACE, " ")))
    return indel, tuple(subs), tuple(last)


def spelling_variant(a: str, b: str) -> bool:
    """Whether keys ``a`` and ``b`` (within one edit) differ only as spellings of one name:
    a long vowel or space added, dropped or moved by one letter, or a letter replaced within its class."""
    if a == b:
        return True
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    j = 0
    while j < min(len(a), len(b)) - i and a[len(a) - 1 - j] == b[len(b) - 1 - j]:
        j += 1
    da, db = a[i : len(a) - j], b[i : len(b) - j]
    indel, subs, last = _variant_classes()
    if not da or not db:  # one letter added or dropped
        extra = da or db
        return len(extra) == 1 and extra in indel
    if len(da) == len(db) == 1:
        at_end = j == 0 or a[len(a) - j] == " "
        return any(da in c and db in c for c in subs) or (at_end and any(da in c and db in c for c in last))
    # a long vowel moved by one letter ("بايدن"/"بادين"); a swap of two other letters is
    # another name as often as a misspelling
    return len(da) == len(db) == 2 and da == db[::-1] and bool(set(da) & indel)


def _known_place(key: str) -> bool:
    e = gz.by_key().get(key)
    return (e is not None and e.type in ("GPE", "LOC", "FAC")) or key in gz.cities()


def distinct_names(a: str, b: str) -> bool:
    """Two keys that name two things however close their letters: two listed places
    (``طهران``/``ظهران``), or two given names in the same slot (``سلمان``/``سليمان``)."""
    if _known_place(a) and _known_place(b):
        return True
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb):
        return False
    given = given_names()
    return any(x != y and x in given and y in given for x, y in zip(ta, tb, strict=True))


def safe_variant(a: str, b: str) -> bool:
    """Keys one edit apart that may be merged as spellings of one name."""
    return spelling_variant(a, b) and not distinct_names(a, b)


@cache
def _state_heads() -> dict[str, str]:
    """Folded head -> the head as written (``ولاية``)."""
    return {gz.key_of(w): w for w in load_lines("entities/state_heads.txt")}


@cache
def _state_homonyms() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/state_homonyms.txt"))


def state_key(key: str, text: str, start: int) -> str | None:
    """The key of a place said as a state (``ولاية واشنطن``) when a place elsewhere bears
    its name (``state_homonyms.txt``: the US capital): ``ولاية`` + the name, an entity of its
    own, also its name; None for any other mention."""
    if key not in _state_homonyms():
        return None
    words = text[max(0, start - 24) : start].split()
    heads = _state_heads()
    found = sorted(gz.bare_text(words[-1]) & heads.keys()) if words else []
    return f"{heads[found[0]]} {key}" if found else None


def patronymic(full: list[str], short: str) -> bool:
    """Whether the one-word ``short`` ends ``full`` only as a father's or grandfather's
    name (``فيصل بن خالد``, ``تركي بن سعود بن محمد``): not a family name to go by."""
    return len(full) >= 2 and full[-1] == short and full[-2] in _nasab()


@cache
def _nasab() -> frozenset[str]:
    """``بن``, ``ابن``, ``بنت`` as folded keys (``ar/people/name_particles.tsv``, use ``nasab``)."""
    return frozenset(gz.key_of(w) for w in arabic.name_particles("nasab"))


_Pairs = dict[tuple[str, str], set[str]]
_Blocks = tuple[dict[str, set[str]], _Pairs, _Pairs, dict[str, set[str]]]


def person_blocks(keys: list[str], key_type: Callable[[str], str]) -> _Blocks:
    """Full names of people by last token, by (first, last), by their last two tokens and
    by first token."""
    by_last: dict[str, set[str]] = defaultdict(set)
    by_ends: _Pairs = defaultdict(set)
    by_suffix: _Pairs = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)
    for k in keys:
        toks = k.split(LOCAL, 1)[0].split()
        if key_type(k) == "PER" and len(toks) >= 2:
            by_last[toks[-1]].add(k)
            by_first[toks[0]].add(k)
            if len(toks) >= 3:
                by_ends[(toks[0], toks[-1])].add(k)
                by_suffix[(toks[-2], toks[-1])].add(k)
    return by_last, by_ends, by_suffix, by_first


def short_candidates(k: str, blocks: _Blocks, uf: _Finder) -> set[str]:
    """The full names a person's one- or two-word form may stand for (``السوداني``,
    ``محمد السوداني``), grouped by their linked entity; a name that ends another only after
    ``بن`` is that man's father (``فيصل بن خالد``), not a family name to go by. A given
    name on its own (``الأمير خالد``) may also be the first name of a full one."""
    by_last, by_ends, _, by_first = blocks
    toks = k.split(LOCAL, 1)[0].split()
    if len(toks) == 2:
        cands = by_ends.get((toks[0], toks[-1]), set())
    elif len(toks) == 1:
        cands = {c for c in by_last.get(toks[0], set()) if not patronymic(c.split(LOCAL, 1)[0].split(), toks[0])}
        if toks[0] in given_names():
            cands = cands | by_first.get(toks[0], set())
    else:
        return set()
    if not cands:
        return set()
    own = uf.find(k)  # once, not per candidate: a common family name has thousands
    return {c for c in cands if c != k and uf.find(c) != own}


def nasab_extensions(keys: list[str], key_type: Callable[[str], str]) -> list[tuple[str, str]]:
    """``(short, full)`` pairs of one person named by a shorter and a longer nasab chain
    (``سلمان بن عبدالعزيز`` / ``سلمان بن عبدالعزيز آل سعود``): the longer forms that extend a
    chain must extend one another, else they are several men (``عبدالله بن محمد …``)."""
    nasab = _nasab()
    by_head: dict[tuple[str, ...], list[list[str]]] = defaultdict(list)
    for k in keys:
        toks = k.split()
        if LOCAL not in k and key_type(k) == "PER" and len(toks) >= 3 and toks[1] in nasab:
            by_head[tuple(toks[:3])].append(toks)
    out: list[tuple[str, str]] = []
    for group in by_head.values():
        for toks in group:
            longer = sorted((o for o in group if len(o) > len(toks) and o[: len(toks)] == toks), key=len)
            if longer and all(b[: len(a)] == a for a, b in zip(longer, longer[1:], strict=False)):
                out.append((" ".join(toks), " ".join(longer[-1])))
    return sorted(out)


__all__ = ["LOCAL", "distinct_names", "nasab_extensions", "patronymic", "person_blocks", "safe_variant", "short_candidates", "spelling_variant"]
