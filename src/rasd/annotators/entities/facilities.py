"""Facilities and events built from a head and a name: ``مطار بغداد الدولي``, ``طريق الملك فهد``,
``بطولة غرب آسيا``.

The heads and the suffixes they allow are data (``facilities.tsv``); between head and name
may sit chained heads (``facility_chains.txt``: ``ملعب مدينة الأمير …``) and titles
(``الملك``, ``الأمير``). The name is a candidate another source found (a place, person,
event or club) or a known name token; two places may be chained by a dash
(``طريق الرياض - الدمام السريع``). A head after one of its blocking words is no head
(``عن طريق`` "by means of"). Events work the same way from ``event_heads.tsv``.
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.cand import Cand
from rasd.annotators.entities.shape import clitic_len
from rasd.resources import load_lines, load_table
from rasd.text.tokens import Token

_DASHES = frozenset("-–")
_NAMED = ("GPE", "LOC", "PER", "MISC")


@cache
def heads() -> dict[str, tuple[tuple[tuple[str, ...], ...], frozenset[str]]]:
    """Folded facility head -> (suffix token tuples, words after which it is no head)."""
    return _head_table("entities/facilities.tsv")


def _head_table(path: str) -> dict[str, tuple[tuple[tuple[str, ...], ...], frozenset[str]]]:
    out: dict[str, tuple[tuple[tuple[str, ...], ...], frozenset[str]]] = {}
    for row in load_table(path):
        sufs = tuple(tuple(gz.key_of(s).split()) for s in (row[1].split("|") if len(row) > 1 else []) if s)
        block = frozenset(gz.key_of(w) for w in (row[2].split("|") if len(row) > 2 else []) if w)
        out[gz.key_of(row[0])] = (sufs, block)
    return out


@cache
def _in_country() -> frozenset[str]:
    """Heads that before a country say where, not a name (``facility_in_country.txt``)."""
    return frozenset(gz.key_of(w) for w in load_lines("entities/facility_in_country.txt"))


@cache
def _country_keys() -> frozenset[str]:
    return frozenset(gz.key_of(n) for e in gz.countries() for n in (e.name, *e.aliases))


def _cand_text(toks: list[Token], c: Cand) -> str:
    return " ".join(t.text for t in toks[c.first : c.last + 1])


@cache
def _chains() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/facility_chains.txt"))


_bare = gz.bare_forms  # a head is indefinite: "مطار بغداد", never "المطار" said of it


def _name_token(tok: Token) -> bool:
    """A known place name on its own (curated, a country, a GeoNames city matched in text) of
    three letters or more; the ANETAC token lists also hold ``في`` and ``جديد``."""
    return tok.is_word and len(tok.norm) >= 3 and (tok.norm in gz.by_key() or tok.norm in _city_keys())


@cache
def _city_keys() -> frozenset[str]:
    return frozenset(k for k, _ in gz._matchable_cities())


def facility_cands(toks: list[Token], run: list[int], taken: list[Cand], titles: frozenset[str]) -> list[Cand]:
    """FAC candidates ``head (chain|title)* name (- place)* suffix?`` (see the module doc)."""
    return head_cands(toks, run, taken, titles, heads(), _chains(), "FAC")


def event_cands(toks: list[Token], run: list[int], taken: list[Cand], titles: frozenset[str]) -> list[Cand]:
    """MISC candidates for named events (``بطولة غرب آسيا``, ``ألعاب المحيط الهادئ``), the
    same way from ``events_heads.tsv``."""
    return head_cands(toks, run, taken, titles, _event_heads(), _event_chains(), "MISC")


@cache
def _event_heads() -> dict[str, tuple[tuple[tuple[str, ...], ...], frozenset[str]]]:
    return _head_table("entities/event_heads.tsv")


@cache
def _event_chains() -> frozenset[str]:
    """Words between an event's head and its name, and the compass words before a region's."""
    return frozenset(gz.key_of(w) for f in ("entities/event_chains.txt", "ar/places/compass.txt") for w in load_lines(f))


@cache
def _title_cues() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/title_cues.txt"))


TITLE_MAX = 10  # words of a quoted title


def title_cands(toks: list[Token]) -> list[Cand]:
    """A quoted text right after a title cue (``بعنوان «…»``, ``title_cues.txt``) as one
    MISC: the title of a work, not the names inside it (``الدولة الإسلامية`` in a video's title)."""
    cues = _title_cues()
    out: list[Cand] = []
    for i, t in enumerate(toks[:-2]):
        if not t.is_word or gz.bare_text(t.text).isdisjoint(cues) or toks[i + 1].norm != '"':
            continue
        close = next((k for k in range(i + 2, min(len(toks), i + 3 + TITLE_MAX)) if toks[k].norm == '"'), None)
        if close is None or close == i + 2 or not all(x.is_word for x in toks[i + 2 : close]):
            continue
        out.append(Cand(i + 2, close - 1, toks[i + 2].start, toks[close - 1].end, "MISC", "pattern", 0.75))
    return out


@cache
def _cup_heads() -> frozenset[str]:
    """Heads that name a cup or league themselves (``كأس``, ``دوري``)."""
    return frozenset(gz.key_of(w) for w in load_lines("entities/cup_heads.txt"))


def head_cands(
    toks: list[Token],
    run: list[int],
    taken: list[Cand],
    titles: frozenset[str],
    table: dict[str, tuple[tuple[tuple[str, ...], ...], frozenset[str]]],
    chains: frozenset[str],
    typ: str,
) -> list[Cand]:
    """``head (chain|title)* name (- place)* suffix?`` as ``typ`` candidates."""
    starts: dict[int, Cand] = {}
    rank = {"model": 0, "city": 1, "gazetteer": 2, "club": 3}
    for c in sorted(taken, key=lambda c: (c.last - c.first, rank.get(c.source, 2))):  # the longest, then lists over the model
        starts[c.first] = c
    covered = {i for c in taken if c.source != "model" for i in range(c.first, c.last + 1)}
    forms = frozenset(table)
    out: list[Cand] = []
    bare_text = gz.bare_text
    for i, t in enumerate(toks[:-1]):
        bare = bare_text(t.text)  # ``_bare(t)``
        if bare.isdisjoint(forms) or i in covered or not t.is_word:
            continue
        head = next((b for b in bare if b in table), None)
        if head is None or run[i + 1] != run[i]:
            continue
        sufs, block = table[head]
        if i > 0 and toks[i - 1].norm in block:
            continue
        j = i + 1
        while j < len(toks) and j - i <= 3 and run[j] == run[i] and toks[j].is_word and (toks[j].norm in chains or toks[j].norm in titles) and j not in starts:
            j += 1
        if j >= len(toks) or run[j] != run[i]:
            continue
        nxt = starts.get(j)
        if typ == "FAC" and nxt is not None and head in _in_country() and gz.key_of(_cand_text(toks, nxt)) in _country_keys():
            continue  # "معسكر النمسا": the camp is in Austria
        named = _NAMED if typ == "FAC" else ("GPE", "LOC", "PER")  # "بطولة كأس …" names the cup, "مؤتمر ريال مدريد" no event
        if nxt is not None and (nxt.type in named or (nxt.source == "club" and typ == "FAC")):
            last = nxt.last
        elif nxt is not None and nxt.source == "model" and typ == "FAC":
            last = nxt.last  # the model's span, whatever it typed it: "ملعب سانتياغو برنابيو"
        elif nxt is not None and nxt.source == "model" and nxt.type == "MISC" and head in _cup_heads():
            last = nxt.last  # a cup the model names alone: "كأس الليبرتادوريس"
        elif nxt is None and j not in covered and _name_token(toks[j]) and toks[j].norm not in table:
            last = j
        else:
            continue
        for _ in range(2):  # "طريق الرياض - الدمام", "طريق الرياض الدمام"
            k = last + 1
            if k < len(toks) and toks[k].text in _DASHES:
                k += 1
            nc = starts.get(k)
            if nc is None or nc.type != "GPE" or run[k] != run[i] and toks[k - 1].text not in _DASHES:
                break
            last = nc.last
        for suf in sufs:
            n = len(suf)
            if last + n < len(toks) and run[last + n] == run[last] and tuple(x.norm for x in toks[last + 1 : last + 1 + n]) == suf:
                last += n
                break
        out.append(Cand(i, last, t.start + clitic_len(t, forms), toks[last].end, typ, "pattern", 0.75))
    return out


__all__ = ["event_cands", "facility_cands", "head_cands", "heads", "title_cands"]
