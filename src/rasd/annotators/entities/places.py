"""Towns and districts no list holds, named after a settlement word: ``بمحافظة [الحجرة]``,
``منطقة [الجية]``.

The model misses small places, and no gazetteer holds every village. After an indefinite
settlement word (``place_cues.txt``; ``المنطقة`` is "the region", no head) the next
word is a place when it is the kind of word place names are: in a cluster of place names
(``place_clusters.txt``), or, with the article, too rare to have a cluster at all. Common
nouns have clusters of their own (``منطقة [الجزاء]``, ``مدينة [الملاهي]``), as do
demonyms and the words of ``common_words.txt``, which never count.

In a sports report, a city said right before a word too rare to have a cluster and without
the article is a team named after its city (``[واشنطن ريزكينس]``, ``[لوس أنجلوس ليكرز]``): a foreign
nickname is transliterated, so it is in no list and no cluster.

A continent said after the compass words of one of its subregions (``compass_regions.tsv``:
``جنوب شرق آسيا``, ``وشمال إفريقيا``) names a region of its own: the words belong to the LOC, or the region would be
linked with the whole continent.
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.cand import Cand
from rasd.annotators.entities.clubs import club_words, is_sport_report
from rasd.annotators.entities.complements import _country_keys
from rasd.annotators.entities.cues import common_words
from rasd.annotators.entities.features import clusters
from rasd.resources import load_lines, load_table
from rasd.text.clitics import affix, affixes, article, conjunctions, proclitic
from rasd.text.tokens import Token

_ART = article()
_ACC = affix("accusative")  # the tanween alef of an adverb or a predicate ("ضيوفا")
_SUFFIXES = tuple(a for a in affixes("pronoun") if len(a) > 1)  # هم, ها: one letter (ه, ي) ends names too


@cache
def _heads() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/place_cues.txt"))


@cache
def _place_clusters() -> frozenset[str]:
    return frozenset(load_lines("entities/place_clusters.txt"))


def _placelike(word: str) -> bool:
    ids = clusters().get(word)
    if ids is None:
        return word.startswith(_ART) and len(word) > 4
    return len(ids) > 1 and ids[1] in _place_clusters()


def settlement_places(toks: list[Token], run: list[int], used: set[int]) -> list[Cand]:
    """``HEAD NAME`` with a place-like NAME not yet in any span: NAME as a GPE candidate."""
    heads, dem, common = _heads(), gz.demonyms(), common_words()
    out: list[Cand] = []
    for i in range(len(toks) - 1):
        t, w = toks[i], toks[i + 1]
        if not t.is_word or not w.is_word or i + 1 in used or run[i] != run[i + 1]:
            continue
        if gz.bare_text(t.text).isdisjoint(heads) or w.norm in dem or w.norm in common:
            continue
        if _placelike(w.norm) and not w.text[0].isdigit():
            out.append(Cand(i + 1, i + 1, w.start, w.end, "GPE", "pattern", 0.7))
    return out


def _known(word: str) -> bool:
    return word in clusters() or word in gz.by_key() or word in gz.cities()


def city_teams(toks: list[Token], text: str, run: list[int], accepted: list[Cand]) -> None:
    """A city GPE + a rare bare word (untagged or a one-word model guess) becomes one ORG; a
    place right after a club word (``نادي [قطر]``, ``فريق [برشلونة]``) is the club, an ORG,
    unless a settlement word opens it (``نادي [بحي الريان]``: where the club is)."""
    if not is_sport_report(toks):
        _club_places(toks, accepted)
        return  # "[بريدة] ضيوفا", "[النجف] تظاهروا": outside sport a rare word after a city is a word
    countries, common = _country_keys(), common_words()
    at = {c.first: c for c in accepted}
    for c in [c for c in accepted if c.type == "GPE"]:
        j = c.last + 1
        if j >= len(toks) or run[j] != run[c.first] or c.end != toks[c.last].end:
            continue
        w, d = toks[j], at.get(j)
        if not w.is_word or w.text[0].isdigit() or w.norm.startswith(_ART) or len(w.norm) < 4:
            continue
        if w.norm in clusters() or w.norm in common or gz.key_of(text[c.start : c.end]) in countries:
            continue
        if text[c.end : w.start] != " " or any(_known(f) for _, f, _ in gz.proclitic_readings(w.text)):
            continue  # "ومومباي", "لوفد": a proclitic before a known word is no nickname
        if w.norm.startswith(conjunctions()) or w.norm.endswith((*_SUFFIXES, _ACC)):
            continue  # "وبورت" starts a list's next item; "بإعفائهن" has a pronoun, "مليئا" a case
        if c.first > 0 and not gz.bare_text(toks[c.first - 1].text).isdisjoint(_heads()):
            continue  # "مدينة [وينستن سيلم]": a settlement word says it is the city
        if any(o is not d and o.first <= j <= o.last for o in accepted):
            continue
        if d is not None and (d.last != j or d.source != "model"):
            continue
        if d is not None:
            accepted.remove(d)
        c.last, c.end, c.type, c.source = j, w.end, "ORG", "pattern"
    _club_places(toks, accepted)


def _club_places(toks: list[Token], accepted: list[Cand]) -> None:
    named, heads = club_words(), _heads()
    for c in accepted:
        if c.type not in ("GPE", "LOC") or c.first == 0 or gz.bare_text(toks[c.first - 1].text).isdisjoint(named):
            continue
        if gz.bare_text(toks[c.first].text).isdisjoint(heads):
            c.type = "ORG"


@cache
def _compass() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Continent key -> its compass phrases (folded words), longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for row in load_table("entities/compass_regions.tsv"):
        out.setdefault(gz.key_of(row[0]), []).append(tuple(gz.key_of(row[1]).split()))
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _compass_start(toks: list[Token], run: list[int], first: int, words: tuple[str, ...]) -> int | None:
    """Char start of ``words`` said right before token ``first`` (a proclitic on the first)."""
    i = first - len(words)
    if i < 0 or run[i] != run[first] or not all(t.is_word for t in toks[i:first]):
        return None
    if any(toks[i + k].norm != w for k, w in enumerate(words) if k):
        return None
    t = toks[i]
    if t.norm == words[0]:
        return t.start
    return next((t.start + k for k, f, _ in gz.proclitic_readings(t.text) if f == words[0]), None)


def compass_regions(toks: list[Token], text: str, run: list[int], accepted: list[Cand]) -> None:
    """A continent LOC right after the compass words of one of its subregions (the first
    may carry a proclitic: ``وشمال``) widens over them."""
    table, entries = _compass(), gz.by_key()
    taken = {i for c in accepted for i in range(c.first, c.last + 1)}
    for c in accepted:
        e = entries.get(gz.key_of(text[c.start : c.end]))
        if c.type != "LOC" or e is None or c.start != toks[c.first].start:
            continue
        for words in table.get(e.key, ()):
            start = _compass_start(toks, run, c.first, words)
            if start is not None and taken.isdisjoint(range(c.first - len(words), c.first)):
                c.first, c.start = c.first - len(words), start
                break


@cache
def _list_heads() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/place_list_cues.txt"))


def listed_places(toks: list[Token], run: list[int], accepted: list[Cand]) -> list[Cand]:
    """``مدن [الحبانية] و[حديثة] ومخمور والموصل``: after a plural settlement word
    (``place_list_cues.txt``), one-word items joined by و are one list of places. An
    item the model left out is a place when a found place comes later in the list (the
    list's last words may be the sentence going on: ``والتي``), or when it is a known place
    (curated or GeoNames); ``و`` leaves a found
    item's span (``[وتلعفر]``). Returns the new places."""
    heads, dem, common = _list_heads(), gz.demonyms(), common_words()
    conj = proclitic("and")
    at = {i: c for c in accepted for i in range(c.first, c.last + 1)}
    out: list[Cand] = []
    for i, t in enumerate(toks):
        if not t.is_word or gz.bare_text(t.text).isdisjoint(heads):
            continue
        items: list[tuple[int, Cand | None]] = []
        j = i + 1
        while j < len(toks) and run[j] == run[i] and toks[j].is_word:
            w, c = toks[j], at.get(j)
            if items and not (w.norm.startswith(conj) and len(w.norm) > len(conj) + 2):
                break
            if c is not None and (c.type != "GPE" or c.first != c.last):
                break
            items.append((j, c))
            j += 1
        found = [k for k, (_, c) in enumerate(items) if c is not None]
        if len(items) < 2 or not found:
            continue
        for k, (j, c) in enumerate(items):
            w = toks[j]
            cut = len(conj) if k else 0
            if c is not None:
                if cut and c.start == w.start:
                    c.start += cut  # "[وتلعفر]": the conjunction is no part of the name
                continue
            stem = w.norm[cut:]
            if stem in dem or stem in common or w.text[0].isdigit():
                continue
            if k > found[-1] and not (stem in gz.cities() or stem in gz.by_key()):
                continue  # after the last found place, only a known one
            out.append(Cand(j, j, w.start + cut, w.end, "GPE", "pattern", 0.7))
    return out


__all__ = ["city_teams", "compass_regions", "listed_places", "settlement_places"]
