"""News outlets are organisations, never places: typing outlet names by their context.

The names come from the one outlet list (``resources/entities/outlets.tsv``, read through
``rasd.ingest.outlets.variants``). Many outlets are named after places or ordinary words
(``الشرق الأوسط`` "the Middle East", ``الرياض``, ``الحياة`` "life"), so a name is an
outlet anywhere only when it is unambiguous: a listed (not weak) variant that is not a
place, not an ordinary word and not a lone word with the article (``الجبال`` "the
mountains"). Any listed name is an outlet in an outlet context:

- right after an outlet word (``outlet_cues.txt``: ``صحيفة``, ``قناة``, ``لوكالة`` …);
- in a reporting frame (``outlet_frames.tsv``: ``بحسب X``, ``نقلت X عن``), for a name
  listed on its own or said between quote marks (``بحسب البيان`` is "the statement",
  ``بحسب «البيان»`` the paper);
- told to it, ``لـ«X»``; credited to it with لـ (``outlet_credits.txt``: ``وفقا للالمانية``),
  also for a weak name, unless a masculine definite adjective follows (``وفقا للبيان العسكري``);
- opening the text before a dash (a dateline: ``سبق- الرياض:``), or between dashes after a
  place opening a line (``عمان - X -``);
- between quote marks in a dateline's credit (``بغداد: «الشرق الأوسط»``: a place and a colon);
- the document's own outlet, between quote marks (``أبلغ مسؤول «الشرق الأوسط»``).

Outside these, an ambiguous name keeps whatever type the place gazetteer or the model
gives it (``في الشرق الأوسط`` stays the region).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.cues import common_words
from rasd.ingest import outlets as ingest_outlets
from rasd.resources import load_lines, load_table
from rasd.text.clitics import affix, article, chain, proclitic
from rasd.text.normalize import fold
from rasd.text.tokens import Token, strip_proclitics, tokenize

_ART = article()
_TO_ART = chain("to", "the")  # للالمانية: ل + الالمانية
# ” also opens a quote in many records ("لـ”العربية”"), as it closes one
_TOLD = re.compile(rf"(?<!\w){re.escape(proclitic('to'))}\s?\u0640?\s*[«\"“”]\s*$")  # لـ«X»: told to X
_OPEN = "«\"“”("
_CLOSE = "»\"”)"
_DASH = re.compile(r"^\s*[-–—]")
_TATWEEL_DASH = re.compile(r"^\s+\u0640")  # a tatweel with a space before it, a dash ("الرياضي ـ جدة")
DATELINE_CHARS = 80  # a dateline ("سبق- الرياض:") opens the text


@dataclass(frozen=True)
class OutletName:
    canonical: str
    anywhere: bool  # an outlet wherever it is said, not only in an outlet context
    listed: bool = True  # a listed (not weak) variant, not only derived from one


@cache
def cues() -> frozenset[str]:
    """Folded outlet words (``صحيفة``, ``قناة`` …)."""
    return frozenset(gz.key_of(w) for w in load_lines("entities/outlet_cues.txt"))


@cache
def _frames() -> dict[str, frozenset[str]]:
    """Folded word before -> folded words allowed after (empty: anything)."""
    out: dict[str, set[str]] = {}
    for row in load_table("entities/outlet_frames.tsv"):
        after = out.setdefault(gz.key_of(row[0]), set())
        if len(row) > 1 and row[1]:
            after.add(gz.key_of(row[1]))
    return {k: frozenset(v) for k, v in out.items()}


def _words(name: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(name) if t.is_word)


def _is_arabic(name: str) -> bool:
    return any("\u0621" <= ch <= "\u064a" for ch in name)


@cache
def _ambiguous_words() -> frozenset[str]:
    """Keys that are also places or ordinary words: outlets only in an outlet context."""
    places = {k for k, e in gz.by_key().items() if e.type in ("GPE", "LOC", "FAC")}
    return frozenset(places) | frozenset(gz.cities()) | common_words()  # the recogniser's ordinary words


@cache
def index() -> dict[tuple[str, ...], OutletName]:
    """Folded token tuple of every Arabic outlet name -> its canonical name and reach."""
    amb = _ambiguous_words()
    cue = cues()
    strong: dict[tuple[str, ...], str] = {}
    context: dict[tuple[str, ...], str] = {}
    for canonical, variant, weak in ingest_outlets.variants():
        for name, is_weak in ((variant, weak), (canonical, True)):
            if not _is_arabic(name):
                continue
            toks = _words(name)
            if not toks:
                continue
            (context if is_weak else strong).setdefault(toks, canonical)
            if len(toks) > 1 and toks[0] in cue:
                context.setdefault(toks[1:], canonical)  # "صحيفة الرياض" -> "الرياض" in context
    out: dict[tuple[str, ...], OutletName] = {}
    for toks, canonical in strong.items():
        lone_article = len(toks) == 1 and toks[0].startswith(_ART)
        out[toks] = OutletName(canonical, not (lone_article or " ".join(toks) in amb))
    for toks, canonical in context.items():
        out.setdefault(toks, OutletName(canonical, False, listed=False))
    return out


@cache
def _first_tokens() -> frozenset[str]:
    return frozenset(k[0] for k in index())


@cache
def _maxlen() -> int:
    return max((len(k) for k in index()), default=1)


def outlet_of(name: str) -> str | None:
    """Canonical outlet a mention's text names (outlet word and proclitics aside), or None."""
    toks = list(_words(name))
    if not toks:
        return None
    idx = index()
    readings = [toks[0], *(fold(s) for _, s in strip_proclitics(toks[0])[1:])]
    if toks[0].startswith(_TO_ART):
        readings.append(_ART + toks[0][len(_TO_ART) :])  # "للالمانية": ل + الالمانية
    for first in readings:
        cand = (first, *toks[1:])
        hit = idx.get(cand) or (idx.get(cand[1:]) if len(cand) > 1 and cand[0] in cues() else None)
        if hit is not None:
            return hit.canonical
    return None


@lru_cache(maxsize=1 << 16)
def _readings(text: str) -> tuple[tuple[int, str], ...]:
    """``(offset, folded first word)`` readings of the token ``text`` that open an outlet
    name, in the order they are tried (remembered per token text; most tokens have none)."""
    firsts = _first_tokens()
    norm = fold(text)
    if not norm or not (norm[0].isalnum() or norm[0] == "_"):
        return ()  # not a word (``Token.is_word``)
    readings = [(0, norm), *((k, f) for k, f, cut in gz.proclitic_readings(text) if f in firsts and not cut)]
    if norm.startswith(_TO_ART):
        readings.append((0, _ART + norm[len(_TO_ART) :]))  # "للالمانية": ل + الالمانية, the whole token
    return tuple(r for r in readings if r[1] in firsts)


def _prev_word(toks: list[Token], text: str, i: int) -> int | None:
    """Index of the word before token ``i`` with only spaces and quote marks between."""
    j = i - 1
    while j >= 0 and not toks[j].is_word and toks[j].text in _OPEN:
        j -= 1
    if j < 0 or not toks[j].is_word:
        return None
    return j


def _bare(tok: Token) -> set[str]:
    return {tok.norm, *(f for _, f, _ in gz.proclitic_readings(tok.text))}


def _quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in _OPEN and end < len(text) and text[end] in _CLOSE


def in_context(toks: list[Token], text: str, i: int, last: int, start: int, name: OutletName, own: str | None) -> bool:
    """Whether tokens ``i..last`` (a name starting at char ``start``) are said as an outlet."""
    end = toks[last].end
    canonical = name.canonical
    if _TOLD.search(text[max(0, start - 8) : start]):
        return True  # "قال لـ«X»": told to the paper
    if own is not None and canonical == own and _quoted(text, start, end):
        return True
    if _credit_line(text, start, end):
        return True
    if _dateline(text, start, end) or (
        own is not None and canonical == own and _dateline(text, start, end, _TATWEEL_DASH)
    ):
        return True  # after a tatweel only the paper's own name: "الرياض ـ الرياضية" is the place
    p = _prev_word(toks, text, i)
    if p is not None:
        if _bare(toks[p]) & cues():
            return True
        if toks[p].norm in _credits() and _to_form(toks[i].text, start - toks[i].start) and not _described(toks, last):
            return name.listed or not _said_before(toks, i)  # "وفقا للالمانية": a news credit, also for a weak name
        after = _frames().get(toks[p].norm)
        if after is not None and (name.listed or _quoted(text, start, end)):
            q = last + 1
            while q < len(toks) and not toks[q].is_word and toks[q].text in _CLOSE:
                q += 1
            if not after or (q < len(toks) and toks[q].norm in after):
                return True
    return False


@cache
def _credits() -> frozenset[str]:
    """Folded words that credit a report to an outlet said with لـ (``outlet_credits.txt``)."""
    return frozenset(gz.key_of(w) for w in load_lines("entities/outlet_credits.txt"))


_FEM = fold(affix("feminine"))


def _described(toks: list[Token], last: int) -> bool:
    """A definite word that is not feminine right after the name: the adjective of a common
    noun (``وفقا للبيان العسكري``, "the military statement"); a paper's adjectives agree
    with صحيفة (``للحياة اللندنية``)."""
    q = last + 1
    if q >= len(toks) or not toks[q].is_word or toks[q].start != toks[last].end + 1:
        return False
    n = toks[q].norm
    return n.startswith(_ART) and not n.endswith(_FEM)


def _said_before(toks: list[Token], i: int) -> bool:
    """The noun of a definite name said with لل (``للبيان``) appears indefinite earlier in the
    text (``في بيان`` … ``وفقا للبيان``): the statement just mentioned, not the paper."""
    f = toks[i].norm
    if not f.startswith(_TO_ART):
        return False
    stem = f[len(_TO_ART) :]
    return any(stem in _bare(t) for t in toks[:i] if t.is_word)


def _to_form(word: str, k: int) -> bool:
    """The token ``word`` says its name (from offset ``k``) with the preposition لـ:
    ``لرويترز``, or ``للالمانية`` (ل + the article, the whole token)."""
    f = fold(word)
    return f.startswith(_TO_ART) if k == 0 else gz.key_of(word[:k]) == proclitic("to")


def _dateline(text: str, start: int, end: int, dash: re.Pattern[str] = _DASH) -> bool:
    """``سبق- الرياض:``, ``عبدالله البرقاوي -سبق-الرياض:``: the outlet opening the text
    before a dash (after nothing, or after the writer's name and a dash); or between dashes
    after a place that opens a line (``عمان - X -``)."""
    if not dash.match(text[end : end + 3]):
        return False
    line = text[text.rfind("\n", 0, start) + 1 : start].strip()
    if line[-1:] in ("-", "–") and len(line) <= DATELINE_CHARS:
        e = gz.place_lookup(line[:-1].strip())
        if e is not None and e.type in ("GPE", "LOC"):
            return True  # "عمان - X - …": a line's dateline place, then its credit between dashes
    if start > DATELINE_CHARS:
        return False
    before = text[:start].strip()
    return not before or (before.endswith(("-", "–")) and "\n" not in before)


def _credit_line(text: str, start: int, end: int) -> bool:
    """A quoted name right after a place and a colon (``بغداد: «X»``, ``لندن ـ دبي : «X»``):
    the credit of a dateline, not a place said in a sentence (``قال: «X»`` is speech: the
    word before the colon must be a known place)."""
    if not (text[:start].rstrip().endswith(tuple(_OPEN)) and text[end:].lstrip().startswith(tuple(_CLOSE))):
        return False
    head = text[max(0, start - 40) : start].rstrip()[:-1].rstrip()
    if not head.endswith(":"):
        return False
    parts = head[:-1].split()
    if not parts:
        return False
    e = gz.place_lookup(parts[-1])
    return e is not None and e.type in ("GPE", "LOC")


def own_outlet(outlet: str | None) -> str | None:
    """The canonical name of a document's own outlet, when it is on the list."""
    if not outlet:
        return None
    return ingest_outlets.canonical(outlet) or outlet_of(outlet)


def outlet_spans(toks: list[Token], text: str, run: list[int], outlet: str | None = None) -> list[tuple[int, int, int]]:
    """``(first, last, start)`` of every outlet name said as an outlet (ORG, never a place).

    Unambiguous names count anywhere, the others only in an outlet context (see the module
    doc). The first token may carry proclitics, which stay outside the span.
    """
    idx, maxlen = index(), _maxlen()
    own = own_outlet(outlet)
    out: list[tuple[int, int, int]] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        readings = _readings(t.text)
        if not readings:
            i += 1
            continue
        hit: tuple[int, int] | None = None
        for k, first in readings:
            found = gz.longest_at(toks, i, run, first, idx, maxlen)
            if found is not None:
                last, name = found
                if name.anywhere or in_context(toks, text, i, last, t.start + k, name, own):
                    hit = (k, last)
                    break
        if hit is None:
            i += 1
            continue
        k, last = hit
        rest = idx.get(tuple(x.norm for x in toks[i + 1 : last + 1])) if last > i and _bare(t) & cues() else None
        if rest is not None and rest.listed:
            i, k, t = i + 1, 0, toks[i + 1]  # "وكالة رويترز": the outlet word stays outside, as صحيفة does
        out.append((i, last, t.start + k))
        i = last + 1
    return out


__all__ = ["OutletName", "cues", "in_context", "index", "outlet_of", "outlet_spans", "own_outlet"]
