"""Sports clubs are organisations: typing club names by how a document says them.

Most club names are common words or places (``الاتحاد`` "the union", ``النصر`` "victory",
``الشباب`` "the youth", ``نجران`` the city), and the tagger, trained on ANERcorp, misses
them. The names are data (``clubs.tsv``); a mention is a club when

- a club word is right before it (``club_frames.txt``: ``نادي``, ``فريق``, ``مهاجم`` …;
  some only in a sports report: ``أمام``, ``نظيره``);
- it stands in a fixture (``الأهلي × الشباب``; in a sports report also ``الريان مع الوكرة``,
  two club names on either side of a pairing word), is coordinated with a club
  (``بين الأهلي والشباب``) or takes a masculine demonym (``برشلونة الإسباني``: the city
  would be ``الإسبانية``);
- the same document said that club as a club somewhere else;
- it is not 'weak' and the document is a sports report (``sport_words.txt``).

Never after a place word (``منطقة نجران``) nor as an adjective after a definite noun
(``القطاع الأهلي`` "the private sector"). ``للأهلي`` (ل + الأهلي, the alif elided) is
one token: the whole token is the mention.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from rasd.annotators.entities import gazetteer as gz
from rasd.resources import load_lines, load_table
from rasd.text.clitics import affixes, article, chain, conjunctions, proclitic
from rasd.text.normalize import fold
from rasd.text.tokens import Token

_ART = article()
_AND = proclitic("and")
_TO_ART = chain("to", "the")  # للأهلي: ل + الأهلي
_MASC_NISBA = affixes("nisba", "base")  # الإسباني (the club), not الإسبانية (the city)

SPORT_MIN = 3  # sport words that make a document a sports report
_FIXTURE = frozenset("×xX–-")


@dataclass(frozen=True)
class Club:
    canonical: str
    weak: bool


@cache
def index() -> dict[tuple[str, ...], Club]:
    """Folded token tuple of every club name and variant -> the club."""
    out: dict[tuple[str, ...], Club] = {}
    for row in load_table("entities/clubs.tsv"):
        name = row[0]
        variants = [v for v in (row[1].split("|") if len(row) > 1 else []) if v]
        club = Club(name, len(row) > 2 and row[2] == "weak")
        for v in (name, *variants):
            out.setdefault(tuple(gz.key_of(v).split()), club)
    return out


@cache
def _frames() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Club words that count anywhere, those that count only in sports reports, and the
    pairing words of a fixture said in words (``مع``)."""
    kinds: dict[str, set[str]] = {"": set(), "sport": set(), "pair": set()}
    for row in load_table("entities/club_frames.txt"):
        kinds[row[1] if len(row) > 1 and row[1] in ("sport", "pair") else ""].add(gz.key_of(row[0]))
    return frozenset(kinds[""]), frozenset(kinds["sport"]), frozenset(kinds["pair"])


@cache
def club_words() -> frozenset[str]:
    """Club words that name the club after them (``club_frames.txt`` 'club'): ``نادي قطر``
    is the club named after the country, not the country."""
    return frozenset(gz.key_of(row[0]) for row in load_table("entities/club_frames.txt") if len(row) > 1 and row[1] == "club")


@cache
def _sport_words() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/sport_words.txt"))


@cache
def _place_cues() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/place_cues.txt"))


_bare = gz.bare_forms


def is_sport_report(toks: list[Token]) -> bool:
    words = _sport_words()
    return sum(1 for t in toks if not gz.bare_text(t.text).isdisjoint(words) and t.is_word) >= SPORT_MIN


@dataclass
class _Hit:
    first: int
    last: int
    start: int
    club: Club
    clitic: bool  # a proclitic was read off the first token


@cache
def _firsts() -> tuple[frozenset[str], int]:
    idx = index()
    return frozenset(k[0] for k in idx), max((len(k) for k in idx), default=1)


@lru_cache(maxsize=1 << 16)
def _readings(text: str) -> tuple[tuple[int, str, bool], ...]:
    """``(offset, folded first word, proclitic read off)`` readings of the token ``text``
    that open a club name, in the order they are tried (remembered per token text)."""
    firsts = _firsts()[0]
    norm = fold(text)
    if not norm or not (norm[0].isalnum() or norm[0] == "_"):
        return ()  # not a word (``Token.is_word``)
    readings = [(0, norm, False), *((k, f, True) for k, f, cut in gz.proclitic_readings(text) if f in firsts and not cut)]
    lil = norm.find(_TO_ART)
    if 0 <= lil <= 1 and norm[:lil] in ("", *conjunctions()):  # "للأهلي", "وللأهلي": the whole "لل…"
        readings.append((lil, _ART + norm[lil + len(_TO_ART) :], True))
    return tuple(r for r in readings if r[1] in firsts)


def _hits(toks: list[Token], run: list[int]) -> list[_Hit]:
    idx = index()
    maxlen = _firsts()[1]
    out: list[_Hit] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        readings = _readings(t.text)
        if not readings:
            i += 1
            continue
        hit = None
        for k, first, clitic in readings:
            found = gz.longest_at(toks, i, run, first, idx, maxlen)
            if found is not None:
                hit = _Hit(i, found[0], t.start + k, found[1], clitic)
                break
        if hit is None:
            i += 1
            continue
        out.append(hit)
        i = hit.last + 1
    return out


def _prev_word(toks: list[Token], i: int) -> int | None:
    j = i - 1
    while j >= 0 and not toks[j].is_word and toks[j].text in "«\"“(":
        j -= 1
    return j if j >= 0 and toks[j].is_word else None


def _fixture(toks: list[Token], h: _Hit) -> bool:
    """``X × Y``: a score-board line or fixture names two clubs."""
    before = h.first - 1
    after = h.last + 1
    return (before >= 0 and toks[before].text in _FIXTURE and toks[before].text != "-") or (
        after < len(toks) and toks[after].text in _FIXTURE and toks[after].text != "-"
    )


def club_spans(toks: list[Token], text: str, run: list[int], taken: set[int] | None = None) -> list[tuple[int, int, int]]:
    """``(first, last, start)`` of every club mention said as a club (see the module doc).

    ``taken`` token indexes belong to longer names found before (``الهلال الأحمر``,
    ``الاتحاد الأوروبي``): no club starts inside them.
    """
    taken = taken or set()
    hits = [h for h in _hits(toks, run) if not any(i in taken for i in range(h.first, h.last + 1))]
    if not hits:
        return []
    sport = is_sport_report(toks)
    anywhere, sport_only, pairing = _frames()
    frames = anywhere | sport_only if sport else anywhere
    places = _place_cues()
    ok: list[_Hit] = []
    for h in hits:
        p = _prev_word(toks, h.first)
        if p is not None and not h.clitic:
            prev = toks[p]
            if _bare(prev) & places:
                continue  # "منطقة نجران" is the region
            same_line = "\n" not in text[prev.end : toks[h.first].start]
            if same_line and prev.norm.startswith(_ART) and prev.norm not in frames and h.club.canonical.startswith(_ART):
                continue  # "القطاع الأهلي": an adjective after a definite noun
        ok.append(h)
    confirmed: set[str] = set()
    dem = gz.demonyms()
    for h in ok:
        p = _prev_word(toks, h.first)
        nxt = toks[h.last + 1].norm if h.last + 1 < len(toks) else ""
        # "برشلونة الإسباني" (masculine: the club; the city is feminine, "برشلونة الإسبانية")
        with_demonym = nxt in dem and nxt.endswith(_MASC_NISBA)
        if (p is not None and _bare(toks[p]) & frames) or _fixture(toks, h) or (sport and not h.club.weak) or with_demonym:
            confirmed.add(h.club.canonical)
    if sport:  # "الريان مع الوكرة": two clubs paired by a word in a sports report
        for a, b in zip(ok, ok[1:], strict=False):
            if b.first == a.last + 2 and not b.clitic and toks[a.last + 1].norm in pairing:
                confirmed.update((a.club.canonical, b.club.canonical))
    changed = True
    while changed:  # "بين الأهلي والشباب": a club coordinated with a club is one
        changed = False
        for a, b in zip(ok, ok[1:], strict=False):
            if b.first == a.last + 1 and fold(toks[b.first].text).startswith(_AND) and b.clitic:
                for x, y in ((a, b), (b, a)):
                    if x.club.canonical in confirmed and y.club.canonical not in confirmed:
                        confirmed.add(y.club.canonical)
                        changed = True
    return [(h.first, h.last, h.start) for h in ok if h.club.canonical in confirmed]


__all__ = ["Club", "club_spans", "club_words", "index", "is_sport_report"]
