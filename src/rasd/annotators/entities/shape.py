"""Span shaping after the sources agreed: where a name starts and ends, and what it is.

Each rule reads a word list (``resources/entities/``) and edits accepted candidates in
place or proposes new ones; none looks at a particular name:

- ``org_bodies``: a body named after a place (``شرطة منطقة الرياض``, ``جامعة حائل``,
  ``org_heads.txt``) and ministries (``وزارة الخارجية``, ``الخارجية الباكستانية``,
  ``ministries.txt``) are one ORG;
- ``trim_heads``: generic heads stay out of a name (``تنظيم داعش`` → ``داعش``,
  ``generic_heads.tsv``), and so does a title the model put at a person's start;
- ``add_demonyms``: a body every country has runs over the demonym that says whose it is
  (``مجلس النواب العراقي``); a name that stands on its own does not (``برشلونة الإسباني``);
- ``people``: a person's span never ends on a particle (``لويس فان`` + ``غال``,
  ``ar/people/name_particles.tsv``) and is cut at a coordinated ``و`` (``سراج`` | ``وصالح العمري``);
- ``places_not_orgs``: a model ORG that is exactly a known place is the place (datelines,
  ``سبق- الدمام``); ``country_adjective``: ``كرة القدم السعودية`` names no country.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.cand import Cand
from rasd.annotators.entities.cues import given_names
from rasd.resources import arabic, load_lines, load_table
from rasd.text.clitics import affixes, article, chain, conjunctions, prepositions, proclitic
from rasd.text.normalize import fold
from rasd.text.tokens import Token

_NOUN_CLITICS = "".join((*conjunctions(), *prepositions()))  # و ف ب ل ك
_ART = article()
_AND = proclitic("and")
_TO_ART = chain("to", "the")  # للاتحاد: ل + الاتحاد
_FEM_NISBA = affixes("nisba", "fem", "sg")  # الباكستانية
DATELINE_CHARS = 80  # a dateline opens the text


def _keys(path: str) -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines(path))


@cache
def _generic_heads() -> dict[str, frozenset[str]]:
    return {gz.key_of(r[0]): frozenset(r[1].split("|")) for r in load_table("entities/generic_heads.tsv") if len(r) > 1}


@cache
def _org_generic() -> frozenset[str]:
    """Generic heads of organisations (``شركة``, ``مجموعة``): a portfolio after one is a line of business."""
    return frozenset(k for k, types in _generic_heads().items() if "ORG" in types)


@cache
def _particles() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in arabic.name_particles("span"))


@cache
def _org_heads() -> dict[tuple[str, ...], str]:
    return {tuple(gz.key_of(h).split()): h for h in load_lines("entities/org_heads.txt")}


@cache
def _head_suffixes() -> dict[str, frozenset[str]]:
    """Folded head -> adjectives that belong to a body named by head + place (``org_head_suffixes.tsv``)."""
    return {gz.key_of(r[0]): frozenset(gz.key_of(w) for w in r[1].split("|")) for r in load_table("entities/org_head_suffixes.tsv") if len(r) > 1}


@cache
def _ministries() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(gz.key_of(m).split()) for m in load_lines("entities/ministries.txt"))


@cache
def _ministry_word() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lines("entities/ministry_heads.txt"))


@cache
def _place_cues() -> frozenset[str]:
    return _keys("entities/place_cues.txt")


def clitic_len(tok: Token, forms: frozenset[str] | set[str]) -> int:
    """Characters of the noun proclitic chain (و ف ب ل ك) before ``tok`` when its stem is
    one of ``forms`` (``بشرطة`` → 1 for ``شرطة``); 0 when the word itself is (``وزارة``)."""
    if tok.norm in forms:
        return 0
    for k, f, _ in gz.proclitic_readings(tok.text):
        chain = fold(tok.text[:k])  # folding drops a tatweel (لـ) too
        if chain and all(ch in _NOUN_CLITICS for ch in chain) and f in forms:
            return k
    return 0


_bare = gz.bare_forms


def _seq_before(toks: list[Token], end: int, table: dict[tuple[str, ...], str] | frozenset[tuple[str, ...]]) -> int | None:
    """Start index of the longest phrase of ``table`` ending right before token ``end`` (the
    phrase's first word may carry proclitics)."""
    best = None
    for n in range(1, 4):
        i = end - n
        if i < 0 or not all(t.is_word for t in toks[i:end]):
            break
        rest = tuple(t.norm for t in toks[i + 1 : end])
        if any((b, *rest) in table for b in _bare(toks[i])):
            best = i
    return best


def org_bodies(
    toks: list[Token], run: list[int], accepted: list[Cand], used: set[int], titles: frozenset[str]
) -> list[Cand]:
    """Bodies named after a place, and ministries, as new ORG candidates (see the module doc).

    A place candidate that a head turns into a body is removed from ``accepted``;
    ``titles`` are title words (``وزير``): a portfolio after one is part of a title.
    """
    out: list[Cand] = []
    heads = _org_heads()
    cues, compass = _place_cues(), _keys("ar/places/compass.txt")
    for c in list(accepted):
        if c.type not in ("GPE", "LOC", "ORG", "MISC") or c.start != toks[c.first].start:  # MISC: "أمانة سوق عكاظ"
            continue
        p = c.first
        if p > 0 and toks[p - 1].is_word and _bare(toks[p - 1]) & compass and run[p - 1] == run[c.first]:
            p -= 1  # "مستشفى شرق جدة": the part of the place the body serves
        if p > 0 and toks[p - 1].is_word and _bare(toks[p - 1]) & cues and run[p - 1] == run[c.first]:
            p -= 1  # "شرطة منطقة الرياض": the place word between head and place
        h = _seq_before(toks, p, heads)
        if h is None and p < c.first:  # a head that holds the place word: "إمارة منطقة" + حائل
            h = _seq_before(toks, c.first, heads)
        if h is None or run[h] != run[c.first] or any(i in used for i in range(h, p) if i not in range(c.first, c.last + 1)):
            continue
        accepted.remove(c)
        firsts = {k[0] for k in heads}
        end = c.last
        sufs = _head_suffixes().get(next(iter(_bare(toks[h]) & _head_suffixes().keys()), ""), frozenset())
        if end + 1 < len(toks) and run[end + 1] == run[h] and toks[end + 1].norm in sufs and end + 1 not in used:
            end += 1  # "مستشفى صبيا العام": the kind of hospital belongs to its name
        out.append(Cand(h, end, toks[h].start + clitic_len(toks[h], firsts), toks[end].end, "ORG", "pattern", 0.8))
    minis = _ministries()
    dem = gz.demonyms()
    taken = used | {i for c in accepted for i in range(c.first, c.last + 1)}
    starts = frozenset(m[0] for m in minis) | _ministry_word()
    i = 0
    while i < len(toks):
        t = toks[i]
        if gz.bare_text(t.text).isdisjoint(starts) or not t.is_word:
            i += 1
            continue
        is_head = bool(_bare(t) & _ministry_word())
        j = i + 1 if is_head else i
        last = None
        for n in range(4, 0, -1):  # the longest portfolio
            seq = toks[j : j + n]
            if len(seq) == n and all(x.is_word for x in seq) and run[j + n - 1] == run[i]:
                first_forms = _bare(seq[0]) if not is_head else {seq[0].norm}
                if any((f, *(x.norm for x in seq[1:])) in minis for f in first_forms):
                    last = j + n - 1
                    break
        if last is None or (is_head and j >= len(toks)):
            i += 1
            continue
        said_with = last + 1 < len(toks) and toks[last + 1].norm in dem and run[last + 1] == run[i]
        if said_with and (is_head or toks[last + 1].norm.endswith(_FEM_NISBA)):
            last += 1
        elif not is_head:
            i += 1
            continue  # "الخارجية" alone is no ministry, nor "النفط العراقي"; "الخارجية الباكستانية" is
        if not is_head and i > 0 and toks[i - 1].is_word and (
            toks[i - 1].norm.startswith(_ART) or _bare(toks[i - 1]) & (titles | _org_generic())
        ):
            i += 1
            continue  # "وزير الخارجية المصري" is a title, "السياسة الخارجية المصرية" a policy, "شركة النفط البرازيلية" a firm
        inner = [c for c in accepted if c.first <= last and i <= c.last]
        if is_head and inner and all(c.source == "model" and i <= c.first and c.last <= last for c in inner):
            for c in inner:  # the model cut the portfolio short: "وزارة [الأمن] الداخلي"
                accepted.remove(c)
                taken.difference_update(range(c.first, c.last + 1))
        if not any(k in taken for k in range(i, last + 1)):
            forms = _ministry_word() if is_head else {m[0] for m in minis}
            out.append(Cand(i, last, t.start + clitic_len(t, forms), toks[last].end, "ORG", "pattern", 0.8))
            taken.update(range(i, last + 1))
        i = last + 1
    return out


def trim_heads(toks: list[Token], accepted: list[Cand], titles: Callable[[list[Token], int, int], int]) -> None:
    """Generic heads out of ORG/GPE spans; a leading title out of a person's span.

    ``titles(toks, i, last)`` is how many tokens from ``i`` form a title phrase (0: none).
    """
    heads = _generic_heads()
    for c in accepted:
        if c.last <= c.first or c.source == "pattern" and c.type == "FAC":
            continue
        head = toks[c.first]
        if c.type == "PER":
            n = titles(toks, c.first, c.last)
            if 0 < n <= c.last - c.first:
                c.first += n
                c.start = toks[c.first].start
            continue
        if any(c.type in heads.get(b, ()) for b in _bare(head)) and toks[c.first + 1].is_word:
            if c.source == "gazetteer" and _description(toks[c.first + 1 : c.last + 1]):
                continue  # listed with its head: "نادي الطلبة السعوديين", the rest names no one
            c.first += 1
            c.start = toks[c.first].start


def _description(rest: list[Token]) -> bool:
    """A definite common noun and a demonym (``الطلبة السعوديين``): a description, no name."""
    return (
        len(rest) == 2 and rest[0].norm.startswith(_ART) and rest[1].norm in gz.demonyms()
        and rest[0].norm not in gz.first_tokens()
    )  # fmt: skip


@cache
def generic_bodies() -> frozenset[tuple[str, ...]]:
    """Heads of bodies every country has (``generic_bodies.txt``: وزارة, البرلمان, مجلس النواب)."""
    return frozenset(tuple(gz.key_of(w).split()) for w in load_lines("entities/generic_bodies.txt"))


def is_generic_body(words: list[str]) -> bool:
    """Whether folded ``words`` open with the head of a body every country has (also after
    a ``ل`` that swallowed the article's alif: ``للاتحاد`` is ل + ``الاتحاد``)."""
    heads = generic_bodies()
    if words and words[0].startswith(_TO_ART):
        words = [_ART + words[0][len(_TO_ART) :], *words[1:]]
    return any(tuple(words[:n]) in heads for n in range(1, min(3, len(words)) + 1))


def add_demonyms(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """A body every country has runs over the demonym that says whose it is
    (``مجلس النواب العراقي``, ``البرلمان الليبي``); a name that stands on its own does not
    (``برشلونة الإسباني`` is ``برشلونة``, said of a Spanish club)."""
    dem = gz.demonyms()
    used = {i for c in accepted for i in range(c.first, c.last + 1)}
    for c in accepted:
        n = c.last + 1
        if c.type != "ORG" or n >= len(toks) or n in used or run[n] != run[c.first]:
            continue
        words = [fold(toks[c.first].text[c.start - toks[c.first].start :])] + [t.norm for t in toks[c.first + 1 : c.last + 1]]
        if c.source == "club" and not is_generic_body(words):
            continue  # "الهلال السعودي" is the club; "الاتحاد السعودي" the federation
        if (
            toks[n].norm in _demonym_joiners()
            and n + 1 < len(toks)
            and toks[n + 1].norm in dem
            and run[n + 1] == run[n]
            and n + 1 not in used
        ):
            n += 1  # "الاتحاد العربي السعودي": the demonym says the country
        if (toks[n].norm in dem or toks[n].norm in _region_nisbas()) and is_generic_body(words):
            used.update(range(c.last + 1, n + 1))
            c.last, c.end = n, toks[n].end
            for sport in _federation_sports():  # "الاتحاد السعودي" + "لكرة القدم"
                k = n + 1 + len(sport)
                if k <= len(toks) and tuple(t.norm for t in toks[n + 1 : k]) == sport and run[k - 1] == run[n]:
                    c.last, c.end = k - 1, toks[k - 1].end
                    used.update(range(n + 1, k))
                    break


@cache
def _region_nisbas() -> frozenset[str]:
    """Adjectives of a group of countries that say whose a body is (``region_nisbas.txt``)."""
    return _keys("entities/region_nisbas.txt")


@cache
def _demonym_joiners() -> frozenset[str]:
    return _keys("entities/demonym_joiners.txt")


@cache
def _federation_sports() -> tuple[tuple[str, ...], ...]:
    """Sports after a federation's demonym (``federation_sports.txt``), longest first."""
    return tuple(sorted((tuple(gz.key_of(w).split()) for w in load_lines("entities/federation_sports.txt")), key=len, reverse=True))


def people(toks: list[Token], run: list[int], accepted: list[Cand]) -> list[Cand]:
    """Particles never end a person's span; a coordinated ``وX`` starts a second person.

    Returns the persons split off (``accepted`` keeps the first part).
    """
    parts = _particles()
    given = given_names()
    used = {i for c in accepted for i in range(c.first, c.last + 1)}
    out: list[Cand] = []
    for c in accepted:
        if c.type != "PER":
            continue
        n = c.last + 1
        while toks[c.last].norm in parts and n < len(toks) and n not in used and run[n] == run[c.first] and toks[n].is_word:
            c.last, c.end = n, toks[n].end
            used.add(n)
            n += 1
        for j in range(c.first + 1, c.last + 1):
            t = toks[j]
            if t.norm.startswith(_AND) and len(t.norm) >= 4 and t.norm not in given and t.norm[len(_AND) :] not in parts:
                out.append(Cand(j, c.last, t.start + len(_AND), c.end, "PER", c.source, c.confidence))
                c.last, c.end = j - 1, toks[j - 1].end
                break
    return out


def places_not_orgs(text: str, accepted: list[Cand]) -> None:
    """A model ORG in a dateline (``سبق- الدمام:``, ``نايف السعدي – الطائف``: after a dash in
    the text's first line) that is exactly a known place name is that place. Elsewhere a
    place-named ORG may well be a club (``هامبورغ``)."""
    cities = gz.matchable_city_map()
    for c in accepted:
        if c.source != "model" or c.type != "ORG" or c.start > DATELINE_CHARS:
            continue
        before = text[: c.start].rstrip()
        if not before.endswith(("-", "–")) or "\n" in before.strip():
            continue
        k = gz.key_of(text[c.start : c.end])
        e = gz.by_key().get(k) or cities.get(k)
        if e is not None and e.type in ("GPE", "LOC"):
            c.type = e.type


def country_adjective(toks: list[Token], text: str, c: Cand, key: str) -> bool:
    """A country name shaped like a feminine nisba (``السعودية``) right after a definite noun
    on the same line is the adjective: ``كرة القدم السعودية`` is Saudi football, not the country."""
    if c.first != c.last or c.first == 0 or c.start != toks[c.first].start:
        return False
    if not (key.startswith(_ART) and key.endswith(_FEM_NISBA)):
        return False
    prev = toks[c.first - 1]
    return prev.is_word and prev.text.startswith(_ART) and "\n" not in text[prev.end : c.start]  # "إلى" folds to "الي"


__all__ = ["add_demonyms", "clitic_len", "country_adjective", "generic_bodies", "is_generic_body", "org_bodies", "people", "places_not_orgs", "trim_heads"]
