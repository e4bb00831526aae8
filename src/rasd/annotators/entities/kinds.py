"""Names whose kind the word before them says, and two span conventions.

- ``quoted_names``: a name between quote marks right after a word that says its kind
  (``quote_cues.tsv``: ``برنامج «X»`` a programme, ``جماعة “X”`` a group) is one name of
  that type; inside quote marks the model reads a title's words one by one, or a place in
  a campaign's name as the place;
- ``cued_products``: a name right after a product or programme word (``السيارة X``) is MISC;
- ``broadcasters``: a broadcaster head before a place (``تلفزيون الكويت``) is the
  broadcaster, an ORG, not the place;
- ``place_epithets``: a describing word after a place (``الضفة الغربية المحتلة``) is no
  part of its name;
- ``quoted_places``: names between quote marks (not brackets: ``مناطق (الوسطى والشرقية)``
  is a list of directions) after a place word (``بمنطقة "جبل X"``, ``بمناطق "X" و"Y"``) are
  places, not titles;
- ``place_idioms``: a place name that opens an idiom (``مسقط رأس``, "birthplace") is none;
- ``elided_article``: after ``ل`` the article loses its alif (``للجنة`` is ل + اللجنة), so a
  span that a rule started between the two lams takes the whole token (the letters cannot
  be split, docs/entities_gold.md).
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.cand import Cand
from rasd.annotators.entities.complements import _place
from rasd.annotators.entities.cues import is_given_name
from rasd.annotators.entities.shape import clitic_len
from rasd.resources import load_lines, load_table
from rasd.text.clitics import article, proclitic
from rasd.text.normalize import fold
from rasd.text.tokens import Token

_OPEN = '«“"('
_CLOSE = '»”")'
_QUOTES = '«“"'  # quote marks proper, without the bracket
QUOTED_WORDS = 12  # words of a quoted name (a study's title is long); longer is a quotation
_TO = proclitic("to")
_AND = proclitic("and")
_ART = article()


@cache
def _cues() -> dict[str, str]:
    """Folded cue -> type: ``quote_cues.tsv`` and the title cues (``بعنوان``), which say MISC."""
    titles = {gz.key_of(w): "MISC" for w in load_lines("entities/title_cues.txt")}
    return titles | {gz.key_of(r[0]): r[1] for r in load_table("entities/quote_cues.tsv") if len(r) > 1}


@cache
def _cue_adjectives() -> frozenset[str]:
    """Adjectives that may stand between a cue and its quoted name (``مسلسله الجديد «X»``,
    ``ألبومه الثاني «X»``): the list, and the ordinals of ``ar/numbers/ordinals.tsv``."""
    ordinals = {r[0] for r in load_table("ar/numbers/ordinals.tsv") if len(r) > 2 and r[2] == "units"}
    return frozenset(gz.key_of(w) for w in [*load_lines("entities/cue_adjectives.txt"), *sorted(ordinals)])


@cache
def _bare_only() -> frozenset[str]:
    """Cues that count only as written, without proclitics (``باسم`` is "on behalf of")."""
    return frozenset(
        gz.key_of(r[0]) for r in load_table("entities/quote_cues.tsv") if len(r) > 2 and r[2] == "bare"
    )


@cache
def _broadcast_heads() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/broadcast_heads.txt"))


def _closing(toks: list[Token], j: int) -> int | None:
    """Index of the quote mark closing the one at ``j``, when only words lie between."""
    k = j + 1
    while k < len(toks) and k - j <= QUOTED_WORDS + 1:
        t = toks[k]
        if t.text in _CLOSE:
            return k if k > j + 1 else None
        if not (t.is_word or t.text in "-_"):
            return None  # a sentence's punctuation: a quotation, not a name
        k += 1
    return None


def quoted_names(toks: list[Token], accepted: list[Cand]) -> None:
    """``CUE «WORDS»``: WORDS is one name of the cue's type (the cue stays outside)."""
    cues = _cues()
    adjectives = _cue_adjectives()
    for i in range(len(toks) - 2):
        t = toks[i]
        if not t.is_word:
            continue
        q = i + 2 if toks[i + 1].norm in adjectives and i + 3 < len(toks) else i + 1
        if toks[q].text not in _OPEN:
            continue
        types = {cues[f] for f in gz.bare_forms(t) if f in cues and (f == t.norm or f not in _bare_only())}
        k = _closing(toks, q) if len(types) == 1 else None
        if k is None or not any(ch.isalpha() for x in toks[q + 1 : k] for ch in x.text):
            continue
        first, last = q + 1, k - 1
        if any(c.first == first and c.last == last and c.source != "model" for c in accepted):
            continue  # a list or a rule already knows what the name is ("اسم «سبق»": the paper)
        _place(Cand(first, last, toks[first].start, toks[last].end, types.pop(), "pattern", 0.7), accepted)


@cache
def _product_cues() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/product_cues.txt"))


def cued_products(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """``السيارة X``, ``برنامج X``: a name the model found right after a word that says it is
    a product or a programme (``product_cues.txt``, an adjective of ``cue_adjectives.txt``
    may stand between) is MISC; the model reads such foreign names as people or companies.
    Places (``برنامج إيران النووي``), names a list or rule knows, definite bodies and people
    opening with a given name (whose programme it is) keep their type."""
    cues, adjectives = _product_cues(), _cue_adjectives()
    by_first = {c.first: c for c in accepted if c.source == "model" and c.type in ("PER", "ORG")}
    for i, t in enumerate(toks[:-1]):
        if not t.is_word or not gz.bare_forms(t) & cues:
            continue
        j = i + 2 if toks[i + 1].norm in adjectives and run[i + 1] == run[i] else i + 1
        c = by_first.get(j)
        if c is None or run[j] != run[i] or c.start != toks[j].start:
            continue
        if c.type == "ORG" and toks[j].norm.startswith(_ART):
            continue  # a body's own programme: "برنامج البنك التجاري لأوراق الدين"
        if c.type == "PER" and is_given_name(toks[j]):
            continue  # a host's programme: "برنامج جون X"
        c.type = "MISC"


@cache
def _place_words() -> frozenset[str]:
    """One-word place cues (``place_cues.txt``: ``منطقة``, ``مناطق``, ``قرية``), folded."""
    return frozenset(k for k in (gz.key_of(w) for w in load_lines("entities/place_cues.txt")) if " " not in k)


@cache
def _place_first_words() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/place_heads.txt"))


def quoted_places(toks: list[Token], accepted: list[Cand]) -> None:
    """``بمنطقة "جبل العليقة"``, ``بمناطق "المهدية" و"التومة"``: each quoted name after a
    place word (and after و that continues the list) is a place: the gazetteer's type, LOC
    when its first word makes one (``place_heads.txt``: ``جبل``), else GPE. Inside quote
    marks the model reads such names as titles (MISC)."""
    cues, firsts = _place_words(), _place_first_words()
    for i in range(len(toks) - 2):
        t = toks[i]
        # a two-letter cue only as written: "وحي" is "revelation" more often than و + حي
        if not t.is_word or not any(f in cues and (f == t.norm or len(f) > 2) for f in gz.bare_forms(t)):
            continue
        q = i + 1
        while q < len(toks) and toks[q].text in _QUOTES:
            k = _closing(toks, q)
            if k is None:
                break
            first, last = q + 1, k - 1
            key = " ".join(x.norm for x in toks[first:k])
            e = gz.by_key().get(key)
            typ = e.type if e is not None else "LOC" if toks[first].norm in firsts else "GPE"
            if not any(c.first == first and c.last == last and c.source != "model" for c in accepted):
                _place(Cand(first, last, toks[first].start, toks[last].end, typ, "pattern", 0.7), accepted)
            q = k + 2 if k + 2 < len(toks) and toks[k + 1].text == _AND else len(toks)


@cache
def _idioms() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(gz.key_of(w).split()) for w in load_lines("entities/place_idioms.txt"))


def place_idioms(toks: list[Token], accepted: list[Cand]) -> list[Cand]:
    """A place span that, with the words around it, makes an idiom (``place_idioms.txt``:
    ``مسقط رأس`` is "birthplace", not Muscat; ``صلاة المغرب`` the sunset prayer) is dropped."""
    idioms = _idioms()
    out = []
    for c in accepted:
        if c.type in ("GPE", "LOC") and any(_in_idiom(toks, c, m) for m in idioms if len(m) > c.last - c.first + 1):
            continue
        out.append(c)
    return out


def _in_idiom(toks: list[Token], c: Cand, m: tuple[str, ...]) -> bool:
    """The span's words stand at some place in the idiom ``m`` and the text around them says the rest
    (the first word bare of proclitics: ``بصلاة المغرب``)."""
    n = c.last - c.first + 1
    for o in range(len(m) - n + 1):
        a = c.first - o
        if a < 0 or a + len(m) > len(toks):
            continue
        seq = toks[a : a + len(m)]
        if all(t.norm == w for t, w in zip(seq[1:], m[1:], strict=True)) and m[0] in gz.bare_forms(seq[0]):
            return True
    return False


def broadcasters(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """``تلفزيون`` / ``إذاعة`` + a place candidate: one ORG; with the heads coordinated
    before it (``إذاعة وتلفزيون الخليج``) and the body that runs it (``broadcast_bodies.txt``:
    ``جهاز إذاعة وتلفزيون الخليج``)."""
    heads, bodies = _broadcast_heads(), _keys("entities/broadcast_bodies.txt")
    for c in [c for c in accepted if c.type in ("GPE", "LOC", "ORG")]:
        p = c.first - 1
        if c.type == "ORG" and not _is_place(toks, c):
            continue  # an outlet named after a place ("الخليج" after تلفزيون) is the place here
        if p < 0 or run[p] != run[c.first] or c.start != toks[c.first].start or not toks[p].is_word:
            continue
        if gz.bare_forms(toks[p]) & heads:
            while (
                p > 0 and run[p - 1] == run[p] and toks[p - 1].is_word and gz.bare_forms(toks[p - 1]) & heads
                and fold(toks[p].text).startswith(_AND) and toks[p].norm not in heads
            ):  # fmt: skip
                p -= 1  # "إذاعة وتلفزيون": two heads joined by و
            first = p - 1 if p > 0 and run[p - 1] == run[p] and toks[p - 1].is_word and gz.bare_forms(toks[p - 1]) & bodies else p
            start = toks[first].start + clitic_len(toks[first], heads | bodies)
            _place(Cand(first, c.last, start, c.end, "ORG", "pattern", 0.7), accepted)


def _is_place(toks: list[Token], c: Cand) -> bool:
    e = gz.by_key().get(" ".join(t.norm for t in toks[c.first : c.last + 1]))
    return e is not None and e.type in ("GPE", "LOC")


def _keys(path: str) -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines(path))


@cache
def _epithets() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/place_epithets.txt"))


def place_epithets(toks: list[Token], accepted: list[Cand]) -> None:
    """A place span of two words or more ending in a describing word (``المحتلة``) ends before it."""
    epithets = _epithets()
    for c in accepted:
        if c.type in ("GPE", "LOC") and c.last > c.first and toks[c.last].norm in epithets:
            c.last -= 1
            c.end = toks[c.last].end


def elided_article(toks: list[Token], text: str, accepted: list[Cand]) -> None:
    """A span cut between ``ل`` and ``ل`` of ``للـ…`` and followed by a definite word (the
    article's agreement: ``للجنة الأولمبية``) starts at the whole token's proclitics' end;
    one word may begin with ل itself (``لليفربول``)."""
    for c in accepted:
        t = toks[c.first]
        if c.last == c.first or not toks[c.first + 1].norm.startswith(_ART):
            continue
        k = c.start - t.start
        if k >= 1 and fold(text[c.start - 1 : c.start + 1]) == _TO + _TO and fold(t.text[:k]).endswith(_TO):
            c.start -= 1


def kind_names(toks: list[Token], text: str, run: list[int], accepted: list[Cand]) -> list[Cand]:
    """Apply the rules above; returns ``accepted`` (edited in place)."""
    quoted_names(toks, accepted)
    cued_products(toks, run, accepted)
    quoted_places(toks, accepted)
    broadcasters(toks, run, accepted)
    place_epithets(toks, accepted)
    elided_article(toks, text, accepted)
    accepted[:] = place_idioms(toks, accepted)
    return accepted


__all__ = ["broadcasters", "cued_products", "elided_article", "kind_names", "place_epithets", "place_idioms", "quoted_names", "quoted_places"]
