"""Foreign names spelled out in Arabic letters, which no list holds and the model cuts up.

- ``of_names``: English "of" written ``أوف`` joins the word before it, the name after it
  (a place the gazetteer knows, in ``بنك أوف أميركا``) and a name said right after that
  (``ميريل لينش``) into one organisation; alone the pieces read as a country and a person.
- ``letter_runs``: Latin letters spelled out and joined by dots (``كيه.بي.سي``,
  ``إي. بي. إف .آر جلوبال``) are one name with the words a candidate already joins to them;
  the model tags single letters (``بي``) as names;
- ``suffix_clubs``: a town and ``سبور`` (``club_suffixes.txt``) are a Turkish club, which
  the model reads as a person or a place.
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.cand import Cand
from rasd.resources import load_lines
from rasd.text.clitics import article
from rasd.text.tokens import Token

_ART = article()


@cache
def _letters() -> frozenset[str]:
    """Letter names of acronyms (``resolve/letter_names.txt``) and those only dots make letters."""
    words = (*load_lines("resolve/letter_names.txt"), *load_lines("entities/dotted_letters.txt"))
    return frozenset(gz.key_of(w) for w in words)


@cache
def _joiners() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/spelled_joiners.txt"))


@cache
def _function() -> frozenset[str]:
    return frozenset(load_lines("entities/function_words.txt"))


def _merge(
    first: int, last: int, toks: list[Token], accepted: list[Cand], typ: str, start: int | None = None
) -> None:
    """Replace every candidate touching tokens ``first..last`` by one ``typ`` candidate."""
    for c in [c for c in accepted if c.first <= last and first <= c.last]:
        accepted.remove(c)
    s = toks[first].start if start is None else start
    accepted.append(Cand(first, last, s, toks[last].end, typ, "pattern", 0.7))


def of_names(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """``WORD أوف NAME (NAME)?`` is one ORG, NAME being a candidate that starts right after ``أوف``."""
    joiners = _joiners()
    for i in range(len(toks) - 1):
        if toks[i].norm not in joiners or run[i + 1] != run[i]:
            continue
        right = next((c for c in accepted if c.first == i + 1 and c.start == toks[i + 1].start), None)
        if right is None:
            continue
        last = right.last
        after = next((c for c in accepted if c.first == last + 1 and run[c.first] == run[i]), None)
        if after is not None and after.type in ("PER", "ORG"):
            last = after.last  # "ميريل لينش": the model reads the second half as a person
        first, start = i, toks[i].start
        p = i - 1
        if p >= 0 and run[p] == run[i] and toks[p].is_word and toks[p].text not in _function():
            left = next((c for c in accepted if c.last == p), None)
            first = left.first if left is not None else p
            start = left.start if left is not None else toks[p].start
        _merge(first, last, toks, accepted, "ORG", start)


@cache
def _club_suffixes() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/club_suffixes.txt"))


def suffix_clubs(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """``TOWN سبور``: the town (a candidate ending right before, else one word) and the suffix are one ORG."""
    suffixes = _club_suffixes()
    for s in range(1, len(toks)):
        p = s - 1
        if (
            toks[s].norm not in suffixes
            or run[p] != run[s]
            or not toks[p].is_word
            or toks[p].text in _function()
        ):
            continue
        left = next((c for c in accepted if c.last == p), None)
        if left is None and toks[p].norm.startswith(_ART):
            continue
        first, start = (left.first, left.start) if left is not None else (p, toks[p].start)
        _merge(first, s, toks, accepted, "ORG", start)


def _run_end(toks: list[Token], text: str, i: int) -> int:
    """Last letter token of the dotted run that starts at letter ``i`` (``i`` when none follows).

    After a dot and a space, a letter that is also a function word and has a word after it
    (``سي. في الوقت``) opens the next sentence, not the run (``سي.إن. إن"`` is one name)."""
    letters = _letters()
    j = i
    while j + 2 < len(toks) and toks[j + 1].text == "." and toks[j + 2].norm in letters:
        nxt = toks[j + 2]
        then_word = j + 3 < len(toks) and toks[j + 3].is_word
        if nxt.text in _function() and text[toks[j + 1].end : nxt.start] and then_word:
            break
        j += 2
    return j


def letter_runs(toks: list[Token], text: str, accepted: list[Cand]) -> None:
    """Two or more dotted letters and the words after them that a touching candidate joins:
    one name, typed by those candidates; a head before the letters stays outside."""
    letters = _letters()
    i = 0
    while i < len(toks):
        if toks[i].norm not in letters or (i > 1 and toks[i - 1].text == "." and toks[i - 2].norm in letters):
            i += 1
            continue
        j = _run_end(toks, text, i)
        touching = [c for c in accepted if c.first <= j and i <= c.last]
        if j > i and touching:
            types = {c.type for c in touching}
            typ = next((t for t in ("ORG", "PER", "MISC") if t in types), "ORG")
            first, start = i, toks[i].start  # the letters open the name: "شبكة" stays outside
            last = max(j, *(c.last for c in touching))
            while last > j and toks[last].norm in gz.demonyms():
                last -= 1  # "البلجيكية": a company's demonym is no part of its name
            _merge(first, last, toks, accepted, typ, start)
        i = j + 1


def spelled_names(toks: list[Token], text: str, run: list[int], accepted: list[Cand]) -> list[Cand]:
    """Apply the rules above; returns ``accepted`` (edited in place)."""
    of_names(toks, run, accepted)
    letter_runs(toks, text, accepted)
    suffix_clubs(toks, run, accepted)
    return accepted


__all__ = ["letter_runs", "of_names", "spelled_names", "suffix_clubs"]
