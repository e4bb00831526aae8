"""Names the other sources cut short, for kinds of name Arabic news writes the same way
everywhere (each reads a word list under ``resources/entities/``):

- ``honoree_names``: an institution or building named after a person keeps the title, the
  whole name and its adjective (``جامعة الإمام محمد بن سعود الإسلامية``,
  ``مستشفى الملك فهد التخصصي``); the model cuts such names at the title or reads the
  person alone; ``person_institutions``: so does a head said right before a person's name
  (``متحف جودي جارلاند``);
- ``unit_bodies``: a unit word before a body and a place said with بـ (``قطاع حرس الحدود
  بالقطيف``) makes the unit one ORG, which ``regional_bodies`` then widens over the place;
- ``regional_bodies``: a body that exists once per region takes its place said with بـ, or
  with ``في`` and the division's word (``اللجنة المحلية للانتخابات البلدية بمحافظة
  الطائف``): the place says whose it is;
- ``sector_bodies``: a public service said bare before a city is that city's directorate
  (``تعليم مكة``), the short form papers use as a name;
- ``law_names``: a law cited (``المادة (66) من``، ``بموجب``) is named by its head, up to two
  nouns in construct and the definite words after them (``نظام المجالس البلدية``, ``نظام
  مكافحة غسل الأموال``), its describing adjective left out;
- ``cup_events``: ``بطولة`` before a cup or league stays outside the event's name, and an
  event's adjectives and لـ-complement belong to it (``الكأس الدولية الودية للأبطال``);
- ``tail_facilities``: a name then a facility word said after it (``النخيل مول``) is one FAC;
- ``body_parts``: a faculty said with its university (``كلية الشريعة بجامعة …``) is no name;
- ``repeats``: a name of three words or more that a rule or list found is the same name where the
  text says the same words again (the model often misses the second mention).
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.cand import Cand
from rasd.annotators.entities.complements import _adjective, _complement_end, _country_keys, _place
from rasd.annotators.entities.shape import clitic_len
from rasd.resources import arabic, load_lines, load_table
from rasd.text.clitics import affixes, article, proclitic
from rasd.text.tokens import Token

_ART = article()
_BY = proclitic("by")  # بـ
LAW_CUE_WINDOW = 4  # words between a citing cue and a law's head (``المادة الـ66 من``)
LAW_WORDS = 3  # definite words of a law's name
LAW_CONSTRUCT = 2  # indefinite nouns in construct after the head (``نظام مكافحة غسل …``)
ADJ_MAX = 2  # adjectives after an honoree's name


def _keys(path: str) -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines(path))


@cache
def _honoree_heads() -> dict[str, str]:
    return {gz.key_of(r[0]): r[1] for r in load_table("entities/honoree_heads.tsv") if len(r) > 1}


@cache
def _honoree_titles() -> frozenset[str]:
    one_word = {gz.key_of(t) for t in arabic.titles("name") if " " not in t and t.startswith(_ART)}
    return frozenset(one_word) | _keys("entities/honoree_titles.txt")


@cache
def _particles() -> frozenset[str]:
    return frozenset(gz.key_of(p) for p in arabic.name_particles("span"))


@cache
def _function() -> frozenset[str]:
    return _keys("entities/function_words.txt")


@cache
def _nisba_ends() -> tuple[str, ...]:
    return tuple(sorted({gz.key_of(a) for a in affixes("nisba") if a}, key=len, reverse=True))


def _name_word(t: Token) -> bool:
    n = t.norm
    return (
        t.is_word
        and t.text.isalpha()
        and len(n) >= 2
        and not n.startswith(_ART)
        and t.text not in _function()
    )


def _same_run(run: list[int], a: int, b: int) -> bool:
    return all(run[k] == run[a] for k in range(a, b + 1))


def honoree_names(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """``HEAD TITLE NAME (بن NAME)* ADJ{0,2}`` is one name typed by its head; a body's
    لـ-complement belongs to it too (``مركز الملك سلمان للإغاثة``)."""
    heads, titles, parts = _honoree_heads(), _honoree_titles(), _particles()
    dem, ends, countries = gz.demonyms(), _nisba_ends(), _country_keys()
    for i in range(len(toks) - 2):
        t = toks[i]
        forms = gz.bare_forms(t) & heads.keys()
        if not t.is_word or not forms or toks[i + 1].norm not in titles or not _name_word(toks[i + 2]):
            continue
        last = i + 2
        while last + 2 < len(toks) and toks[last + 1].norm in parts:
            last += 2  # بن سعود، عبد العزيز
        k = 0
        while (
            k < ADJ_MAX and last + 1 < len(toks) and toks[last + 1].norm.startswith(_ART)
            and toks[last + 1].norm.endswith(ends) and toks[last + 1].norm not in dem
            and toks[last + 1].norm not in countries
        ):  # fmt: skip
            last += 1
            k += 1
        if heads[min(forms)] == "ORG" and last + 1 < len(toks):
            last = _complement_end(toks, run, last + 1) or last  # مركز الملك فيصل للبحوث والدراسات الإسلامية
        if not _same_run(run, i, last):
            continue
        if any(c.first <= i and c.last >= last and c.type == heads[min(forms)] for c in accepted):
            continue  # already named whole (a facility pattern, the gazetteer)
        _place(
            Cand(
                i,
                last,
                t.start + clitic_len(t, frozenset(heads)),
                toks[last].end,
                heads[min(forms)],
                "pattern",
                0.7,
            ),
            accepted,
        )


@cache
def _idioms() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(gz.key_of(w).split()) for w in load_lines("entities/head_idioms.txt"))


def person_institutions(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """``HEAD`` (indefinite) + a name of two words or more that the model reads as a person
    (or as a body, when no word has the article) is one name typed by the head
    (``متحف جودي جارلاند``): the head in construct says the name is the institution's or
    the building's. Not in an idiom (``head_idioms.txt``: ``عن طريق`` is "by way of")."""
    heads = _honoree_heads()
    for c in [c for c in accepted if c.type in ("PER", "ORG") and c.source == "model" and c.last > c.first]:
        p = c.first - 1
        if p < 0 or run[p] != run[c.first] or c.start != toks[c.first].start or not toks[p].is_word:
            continue
        if c.type == "ORG" and any(t.norm.startswith(_ART) for t in toks[c.first : c.last + 1]):
            continue  # "مسجد السنة الوحيد": words of a description, not a foreign name
        if p > 0 and any((toks[p - 1].norm, f) in _idioms() for f in gz.bare_forms(toks[p])):
            continue  # "عن طريق": "by way of"
        forms = gz.bare_forms(toks[p]) & heads.keys()
        if forms and not toks[p].norm.startswith(_ART):
            start = toks[p].start + clitic_len(toks[p], frozenset(heads))
            _place(Cand(p, c.last, start, c.end, heads[min(forms)], "pattern", 0.7), accepted)


def _bi_rest(tok: Token) -> str | None:
    """The folded word after an attached بـ (``بمحافظة`` → ``محافظه``), else None."""
    for k, f, cut in gz.proclitic_readings(tok.text):
        if not cut and gz.key_of(tok.text[:k]) == proclitic("by"):
            return f
    return None


def unit_bodies(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """``قيادة`` / ``قطاع`` (``unit_heads.txt``) said bare right before an ORG and a place
    said with بـ is that body's unit for the place, one ORG (``قطاع حرس الحدود بالقطيف``;
    ``regional_bodies`` then adds the place). Without the place it is no name
    (``قيادة داعش`` is "the leaders of"), nor ``بقيادة`` before a country ("led by ... in")."""
    heads, regions = _keys("entities/unit_heads.txt"), _keys("entities/region_words.txt")
    places = {c.first for c in accepted if c.type == "GPE"}
    for c in [c for c in accepted if c.type == "ORG" and c.source in ("gazetteer", "pattern")]:
        p, j = c.first - 1, c.last + 1
        if p < 0 or j >= len(toks) or run[p] != run[c.first] or run[j] != run[c.first]:
            continue
        rest = _bi_rest(toks[j])
        if rest is None or not (rest in regions or j in places):
            continue
        if c.start != toks[c.first].start or not toks[p].is_word:
            continue
        if toks[p].norm.startswith(_ART) or not (gz.bare_forms(toks[p]) & heads):
            continue
        k = clitic_len(toks[p], heads)
        if proclitic("by") in gz.key_of(toks[p].text[:k]) and rest in _country_keys():
            continue  # "بقيادة الناتو بأفغانستان" is "led by", no unit (a unit serves a region or a city)
        _place(Cand(p, c.last, toks[p].start + k, c.end, "ORG", "pattern", 0.8), accepted)


def regional_bodies(toks: list[Token], text: str, run: list[int], accepted: list[Cand]) -> None:
    """An ORG opened by ``regional_body_heads.txt`` + ``بـ(منطقة|محافظة)? PLACE`` (not a country) is one ORG."""
    heads, regions, countries, compass = (
        _keys("entities/regional_body_heads.txt"),
        _keys("entities/region_words.txt"),
        _country_keys(),
        _keys("ar/places/compass.txt"),
    )
    places = {c.first: c for c in accepted if c.type == "GPE"}
    for c in [c for c in accepted if c.type == "ORG"]:
        j = c.last + 1
        if j >= len(toks) or run[j] != run[c.first] or not (gz.bare_forms(toks[c.first]) & heads):
            continue
        rest = _bi_rest(toks[j])
        if rest is None and toks[j].text in _function() and j + 1 < len(toks) and toks[j + 1].norm in regions:
            rest, j = toks[j + 1].norm, j + 1  # في محافظة الطائف
        if rest is None:
            continue
        part = rest in compass and j + 1 < len(toks) and run[j + 1] == run[c.first]
        if part:
            rest, j = "", j + 1  # "بجنوب جدة": the part of the place the body serves
        place = places.get(j + 1) if rest in regions else places.get(j)
        if place is None or place not in accepted or run[place.last] != run[c.first]:
            continue
        if place.first == j and place.start == toks[j].start and not part:
            continue  # the place word itself, not بـ + place
        if gz.key_of(text[place.start : place.end]) in countries:
            continue
        accepted.remove(place)
        c.last, c.end = place.last, place.end


def sector_bodies(toks: list[Token], text: str, run: list[int], accepted: list[Cand]) -> None:
    """``تعليم`` / ``صحة`` said bare right before a city (not a country) is that city's ORG."""
    heads, countries = _keys("entities/sector_heads.txt"), _country_keys()
    for c in [c for c in accepted if c.type == "GPE"]:
        p = c.first - 1
        if p < 0 or run[p] != run[c.first] or c.start != toks[c.first].start:
            continue
        forms = gz.bare_forms(toks[p]) & heads
        if not toks[p].is_word or not forms or gz.key_of(text[c.start : c.end]) in countries:
            continue
        _place(
            Cand(p, c.last, toks[p].start + clitic_len(toks[p], heads), c.end, "ORG", "pattern", 0.7),
            accepted,
        )


def _definite(t: Token) -> bool:
    return t.is_word and t.text.isalpha() and t.norm.startswith(_ART) and len(t.norm) > len(_ART) + 1


def _words_before(toks: list[Token], i: int, n: int) -> list[int]:
    """Indices of the ``n`` word tokens before ``i`` (brackets and signs not counted:
    ``المادة (16) من نظام …``)."""
    out: list[int] = []
    k = i - 1
    while k >= 0 and len(out) < n:
        if toks[k].is_word:
            out.append(k)
        k -= 1
    return out


def law_names(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """``CUE … HEAD (noun)? ال-word{1,3}`` is a law's MISC name (see the module doc)."""
    heads, cues, stop = (
        _keys("entities/law_heads.txt"),
        _keys("entities/law_cues.txt"),
        _keys("entities/law_stop.txt"),
    )
    for i in range(1, len(toks) - 1):
        t = toks[i]
        if not t.is_word or t.norm.startswith(_ART) or not (gz.bare_forms(t) & heads):
            continue
        if not any(gz.bare_forms(toks[k]) & cues for k in _words_before(toks, i, LAW_CUE_WINDOW)):
            continue
        j = i + 1
        while (
            j - i <= LAW_CONSTRUCT
            and _name_word(toks[j])
            and j + 1 < len(toks)
            and (_definite(toks[j + 1]) or _name_word(toks[j + 1]))
            and not (gz.bare_forms(toks[j]) & heads)
        ):
            j += 1  # نظام مكافحة الإرهاب, نظام مكافحة غسل الأموال: nouns in construct
        if j > i + 1 and not _definite(toks[j]):
            continue
        last = j - 1
        while (
            last + 1 < len(toks)
            and last + 1 - j < LAW_WORDS
            and _definite(toks[last + 1])
            and toks[last + 1].norm not in stop
        ):
            last += 1
        if last < j or not _same_run(run, i, last):
            continue
        _place(
            Cand(i, last, t.start + clitic_len(t, heads), toks[last].end, "MISC", "pattern", 0.7), accepted
        )


@cache
def _cup_heads() -> frozenset[str]:
    """Event heads that name an event on their own (``كأس``, ``دوري``)."""
    return _keys("entities/cup_heads.txt")


def cup_events(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """``بطولة`` + a cup's name: the cup alone, with its adjectives and لـ-complement."""
    cups = _cup_heads()
    outer, dem = _keys("entities/event_outer.txt"), gz.demonyms()
    for c in [c for c in accepted if c.type == "MISC"]:
        if c.last < c.first + 2 or not (gz.bare_forms(toks[c.first]) & outer):
            continue  # "بطولة دوري" + a name the span left out: no cup alone
        nxt = toks[c.first + 1].norm
        if not (nxt in cups or (nxt.startswith(_ART) and nxt[len(_ART) :] in cups)):
            continue
        c.first += 1
        c.start, c.source = toks[c.first].start, "pattern"
        j = c.last + 1
        while (
            j < len(toks)
            and j - c.last <= ADJ_MAX
            and run[j] == run[c.first]
            and _adjective(toks[j])
            and toks[j].norm not in dem
        ):
            j += 1
        end = (
            _complement_end(toks, run, j) if j < len(toks) and (j > c.last + 1 or c.last > c.first) else None
        )
        last = end if end is not None else j - 1
        if last > c.last and not any(
            o is not c and c.first <= o.last and o.first <= last for o in accepted if o.first > c.last
        ):
            c.last, c.end = last, toks[last].end


def tail_facilities(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """A name then a facility word said after it (``facility_tails.txt``: ``النخيل مول``)
    is one FAC: the name found before the word (any type), else one definite word."""
    tails = _keys("entities/facility_tails.txt")
    for i in range(1, len(toks)):
        if toks[i].norm not in tails or run[i] != run[i - 1]:
            continue
        inside = next((c for c in accepted if c.first < i <= c.last), None)
        if inside is not None:
            if inside.last == i:
                inside.type = "FAC"  # the model read "بارك مول" as a name of another type
            continue
        if any(c.first == i for c in accepted):
            continue
        before = next((c for c in accepted if c.last == i - 1), None)
        if before is not None:
            before.last, before.end, before.type = i, toks[i].end, "FAC"
        elif _definite(toks[i - 1]):
            t = toks[i - 1]
            accepted.append(Cand(i - 1, i, t.start + clitic_len(t, frozenset({t.norm})), toks[i].end, "FAC", "pattern", 0.6))


REPEAT_TYPES = ("ORG", "MISC", "FAC")
REPEAT_MIN = 3  # words: two-word rule spans include descriptions (``التجارة الألمانية``)


def repeats(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """Other occurrences of a multi-word rule or list name (ORG, MISC, FAC) take its span and type."""
    names: dict[tuple[str, ...], str] = {}
    for c in accepted:
        if (
            c.type in REPEAT_TYPES
            and c.last - c.first >= REPEAT_MIN - 1
            and c.source in ("pattern", "gazetteer")
            and c.start == toks[c.first].start
        ):
            names.setdefault(tuple(t.norm for t in toks[c.first : c.last + 1]), c.type)
    for seq, typ in names.items():
        n = len(seq)
        for i in range(len(toks) - n + 1):
            if seq[0] not in gz.bare_forms(toks[i]) or tuple(t.norm for t in toks[i + 1 : i + n]) != seq[1:]:
                continue
            if not _same_run(run, i, i + n - 1) or any(
                c.first == i and c.last == i + n - 1 for c in accepted
            ):
                continue
            if any(c.source != "model" and c.first <= i + n - 1 and i <= c.last for c in accepted):
                continue  # a list or rule said something else here
            t = toks[i]
            _place(
                Cand(
                    i,
                    i + n - 1,
                    t.start + clitic_len(t, frozenset({seq[0]})),
                    toks[i + n - 1].end,
                    typ,
                    "pattern",
                    0.6,
                ),
                accepted,
            )


@cache
def _part_heads() -> dict[str, frozenset[str]]:
    return {gz.key_of(r[0]): frozenset(gz.key_of(w) for w in r[1].split("|")) for r in load_table("entities/part_heads.tsv") if len(r) > 1}


def body_parts(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """An ORG opened by a part word (``part_heads.tsv``) right before ``بـ`` + the head of an
    ORG it belongs to is a department of that body, not a name: it is dropped."""
    parts = _part_heads()
    by_first = {c.first: c for c in accepted if c.type == "ORG"}
    for c in [c for c in accepted if c.type == "ORG" and c.last > c.first]:
        owners = parts.get(toks[c.first].norm)
        body = by_first.get(c.last + 1)
        if not owners or body is None or run[c.last + 1] != run[c.first]:
            continue
        nxt = toks[c.last + 1]
        if nxt.norm.startswith(_BY) and any(f in owners for k, f, _ in gz.proclitic_readings(nxt.text) if k == len(_BY)):
            accepted.remove(c)


def widen(toks: list[Token], text: str, run: list[int], accepted: list[Cand]) -> list[Cand]:
    """Apply the rules above in order; returns ``accepted`` (edited in place)."""
    honoree_names(toks, run, accepted)
    person_institutions(toks, run, accepted)
    unit_bodies(toks, run, accepted)
    regional_bodies(toks, text, run, accepted)
    sector_bodies(toks, text, run, accepted)
    law_names(toks, run, accepted)
    cup_events(toks, run, accepted)
    tail_facilities(toks, run, accepted)
    body_parts(toks, run, accepted)
    repeats(toks, run, accepted)
    return accepted


__all__ = [
    "body_parts",
    "cup_events",
    "honoree_names",
    "law_names",
    "person_institutions",
    "regional_bodies",
    "repeats",
    "unit_bodies",
    "sector_bodies",
    "widen",
]
