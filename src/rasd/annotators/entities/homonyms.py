"""Place names that are also ordinary words: a place only with evidence (issue 18).

``سيول`` is Seoul and "torrents", ``العمارة`` the Iraqi city of Amarah and "the building",
``صور`` the Lebanese city of Tyre and "pictures". The model tags them GPE from the word
alone, the linker then finds the GeoNames city and the reader sees a pin (and the story
stage a shared place) where the article spoke of a flood. ``city_stop.txt`` already keeps
these names out of gazetteer matching; a model span made of one of them (proclitics
aside) stays a place only with evidence in its sentence:

- a place word right before it (``place_cues.txt`` and the place heads of
  ``triggers.tsv``: ``مدينة``، ``العاصمة``، ``جنوب``), a demonym between allowed
  (``العاصمة الكورية سيول``);
- a country of one of its GeoNames namesakes named in the sentence, by name or by demonym
  (``سيول`` beside ``كوريا الجنوبية``);
- another place joined to it by ``و``, a comma or a joiner (``place_joiners.txt``, a
  preposition after it): ``بين طوكيو وسيول``, ``إلى سيول ثم إلى القاهرة``.

Without any, the span is dropped: a missing pin costs less than a false one, which joins
unrelated reports of one "place". Names never matched as cities for other reasons (given
names such as ``احمد``) are not GPE in the model's eyes often enough to matter, and the
same evidence keeps them when they are.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.cand import Cand
from rasd.resources import load_lines, load_table
from rasd.text.clitics import proclitic
from rasd.text.sentences import sentences
from rasd.text.tokens import Token

_AND = proclitic("and")
JOIN_GAP = 2  # words between two joined places: "ثم إلى"


@cache
def homonyms() -> frozenset[str]:
    """Folded place names that are also common words (``city_stop.txt``)."""
    return frozenset(gz.key_of(w) for w in load_lines("entities/city_stop.txt"))


@cache
def _place_words() -> frozenset[str]:
    """Words said right before a place: settlement words and the place heads (class L)."""
    heads = {gz.key_of(r[0]) for r in load_table("entities/triggers.tsv") if len(r) > 1 and r[1] == "L"}
    return frozenset(heads | {gz.key_of(w) for w in load_lines("entities/place_cues.txt")})


@cache
def _countries_of(key: str) -> frozenset[str]:
    """ISO codes of the countries where a place of this name lies (GeoNames, curated)."""
    out = {e.country for e in gz.cities().get(key, ()) if e.country}
    hit = gz.by_key().get(key)
    if hit is not None and hit.country:
        out.add(hit.country)
    return frozenset(out)


def _sentence(toks: list[Token], sents: list[tuple[int, int]], c: Cand) -> range:
    """Token indices of the sentence around ``c`` (``sents``: ``text.sentences`` of the text)."""
    k = bisect_right(sents, toks[c.first].start, key=lambda s: s[0]) - 1
    a, b = sents[k] if k >= 0 else (0, toks[c.last].end)
    b = max(b, toks[c.last].end)
    lo = c.first
    while lo > 0 and toks[lo - 1].start >= a:
        lo -= 1
    hi = c.last
    while hi + 1 < len(toks) and toks[hi + 1].end <= b:
        hi += 1
    return range(lo, hi + 1)


def _cued(toks: list[Token], i: int) -> bool:
    """A place word right before token ``i`` (a demonym may stand between)."""
    words, dem = _place_words(), gz.demonyms()
    j = i - 1
    if j >= 0 and toks[j].is_word and gz.bare_forms(toks[j]) & dem.keys():
        j -= 1  # "العاصمة الكورية سيول"
    return j >= 0 and toks[j].is_word and bool(gz.bare_forms(toks[j]) & words)


def _country_named(toks: list[Token], sent: range, c: Cand, isos: frozenset[str]) -> bool:
    """A country of ``isos`` named in the sentence (outside the span), by name or demonym."""
    if not isos:
        return False
    dem, names = gz.demonyms(), gz.by_key()
    idx, maxlen = gz.phrase_index()
    run = [0] * len(toks)  # one run: the sentence bounds the search
    for i in sent:
        if c.first <= i <= c.last or not toks[i].is_word:
            continue
        forms = gz.bare_forms(toks[i])
        if any(dem.get(f) in isos for f in forms):
            return True
        for f in forms:
            hit = gz.longest_at(toks, i, run, f, idx, min(maxlen, 3))
            if hit is not None and hit[1].iso in isos and hit[1].key in names:
                return True
    return False


@cache
def _joiners() -> frozenset[str]:
    """Words between two places of a list or route: ``place_joiners.txt`` and the
    prepositions of ``function_words.txt`` (``إلى سيول ثم إلى القاهرة``)."""
    words = [*load_lines("entities/place_joiners.txt"), *load_lines("entities/function_words.txt")]
    return frozenset(gz.key_of(w) for w in words)


def _joined(toks: list[Token], a: int, b: int) -> bool:
    """Tokens ``a+1 .. b-1`` join the places ending at ``a`` and starting at ``b``: nothing
    but a comma or joiner words, at most ``JOIN_GAP``, or ``و`` on the second place."""
    between = toks[a + 1 : b]
    if len(between) > JOIN_GAP:
        return False
    if not between:
        return toks[b].text.startswith(_AND)
    joiners = _joiners()
    return all(t.text in ",،" or gz.bare_forms(t) & joiners or t.norm in joiners for t in between)


def _listed(toks: list[Token], c: Cand, others: list[Cand]) -> bool:
    """Another place (not itself a common word) joined to the span on either side."""
    for o in others:
        if o is c or o.type not in ("GPE", "LOC") or _bare_key(toks, o) in homonyms():
            continue
        if (o.last < c.first and _joined(toks, o.last, c.first)) or (
            o.first > c.last and _joined(toks, c.last, o.first)
        ):
            return True
    return False


def _bare_key(toks: list[Token], c: Cand) -> str:
    return " ".join(t.norm for t in toks[c.first : c.last + 1])


def unproven_places(toks: list[Token], text: str, accepted: list[Cand]) -> list[Cand]:
    """``accepted`` without the model's one-word places that are common words and have no
    evidence of a place in their sentence (see the module docstring)."""
    stop = homonyms()
    sents: list[tuple[int, int]] = []  # the text's sentences, split once when first needed
    out = []
    for c in accepted:
        if c.type in ("GPE", "LOC") and c.source == "model" and c.first == c.last:
            key = gz.key_of(text[c.start : c.end])
            if key in stop and not (_cued(toks, c.first) or _listed(toks, c, accepted)):
                sents = sents or sentences(text)
                if not _country_named(toks, _sentence(toks, sents, c), c, _countries_of(key)):
                    continue
        out.append(c)
    return out


__all__ = ["homonyms", "unproven_places"]
