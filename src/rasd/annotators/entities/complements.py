"""Names the other sources cut short or never saw, and descriptions they took for names.

Each rule reads a word list (``resources/entities/``) and holds for Arabic news in
general, not for a particular name:

- ``complement_names``: a definite body or event head, adjectives, then a لـ-complement is
  one name (``المفوضية الأمريكية لسلامة المستهلك``, ``المؤتمر الدولي لجمعية الزهايمر``);
  without an adjective the لـ-phrase is more often a dative (``قالت اللجنة لرويترز``);
- ``armed_branches``: a branch of armed forces (or the police, the public prosecution) with its country's demonym is a body
  (``القوة الجوية الملكية السعودية``); ``agreements``: an agreement head before a city is
  the agreement's name (``اتفاق صنعاء``); ``designations``: letter names and a number are
  a model (``بي-29``, ``إف 16``);
- ``event_frames``: a sport other than football after a known event belongs to it
  (``كأس العالم`` + ``للرماية``);
- ``press_names``: the definite word after ``صحيفة``/``جريدة`` is a paper (``صحيفة السفير``);
- ``descriptions``: a model span made of a definite common noun and a demonym names no one
  (``الأثاث السويدية``), and a model place does not run over a demonym (``جبالا`` +
  ``الأذربيجانية``);
- ``one_type``: a lone model PER said elsewhere in the text as an organisation is it
  (``وتلقت ايكيا`` after ``شركة ايكيا``);
- ``head_anaphora``: a lone club name that opens a body named in full is that body said
  short (``الاتحاد`` after ``الاتحاد السعودي للرماية``), a common noun.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.cand import Cand
from rasd.annotators.entities.shape import clitic_len
from rasd.resources import load_lines, load_table
from rasd.text.clitics import affix, affixes, article, proclitic
from rasd.text.normalize import fold
from rasd.text.tokens import Token

_ART = article()
_TO = proclitic("to")  # لـ
_AND = proclitic("and")
_FEM = fold(affix("feminine"))  # a feminine ending, folded
ADJ_MAX = 3  # adjectives between a head and its لـ-complement
TAIL_MAX = 3  # words after the لـ-complement's noun (adjectives, coordinated nouns)


def _keys(path: str) -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines(path))


@cache
def _heads() -> dict[str, str]:
    """Folded definite head (``المفوضيه``) -> type."""
    return {gz.key_of(_ART + r[0]): r[1] for r in load_table("entities/complement_heads.tsv") if len(r) > 1}


@cache
def _no_demonym() -> frozenset[str]:
    """Heads that a demonym alone makes a government, not a body (``الإدارة الأمريكية``)."""
    rows = load_table("entities/complement_heads.tsv")
    return frozenset(gz.key_of(_ART + r[0]) for r in rows if len(r) > 2 and r[2] == "no-demonym")


@cache
def _no_listed() -> frozenset[str]:
    """Heads that before a listed body are its office, not a name (``المكتب الإعلامي لوزارة الدفاع``)."""
    rows = load_table("entities/complement_heads.tsv")
    return frozenset(gz.key_of(_ART + r[0]) for r in rows if len(r) > 2 and r[2] == "no-listed")


@cache
def _adjectives() -> frozenset[str]:
    return _keys("entities/complement_adjectives.txt")


@cache
def _stop() -> frozenset[str]:
    return _keys("entities/body_stop.txt")


@cache
def _press() -> frozenset[str]:
    return _keys("entities/press_heads.txt")


@cache
def _default_sport() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(gz.key_of(w).split()) for w in load_lines("entities/default_sport.txt"))


@cache
def _sports() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(gz.key_of(w).split()) for w in load_lines("entities/federation_sports.txt"))


@cache
def _function() -> frozenset[str]:
    return _keys("entities/function_words.txt")


@cache
def _pronouns() -> frozenset[str]:
    """Attached pronouns: ``لها`` is ل + a pronoun, no complement."""
    return frozenset(gz.key_of(a) for a in affixes("pronoun") if a)


@cache
def _nisba_ends() -> tuple[str, ...]:
    return tuple(sorted({gz.key_of(a) for a in affixes("nisba") if a}, key=len, reverse=True))


def _definite(tok: Token) -> bool:
    n = tok.norm
    return tok.is_word and n.startswith(_ART) and len(n) > len(_ART) + 2 and n not in _stop()


def _adjective(tok: Token) -> bool:
    n = tok.norm
    return _definite(tok) and (n in gz.demonyms() or n in _adjectives() or n.endswith(_nisba_ends()))


def _coordinated(tok: Token) -> bool:
    """``والتراث``: و + a definite noun."""
    n = tok.norm
    return (
        tok.is_word and n.startswith(_AND + _ART) and len(n) > len(_AND + _ART) + 2 and n[1:] not in _stop()
    )


def _complement_end(toks: list[Token], run: list[int], j: int) -> int | None:
    """Last token of a لـ-complement opening at ``j`` (``للرماية``, ``لسلامة المستهلك``), or None."""
    t = toks[j]
    n = t.norm
    if not t.is_word or not n.startswith(_TO) or run[j] != run[j - 1]:
        return None
    for k in (2, 1):  # a sport said in full: "للكرة الطائرة" (the adjective is no nisba)
        if tuple(x.norm for x in toks[j : j + k]) in _sports() and all(
            run[x] == run[j] for x in range(j, min(j + k, len(toks)))
        ):
            return j + k - 1
    if n.startswith(_TO + _TO[0]) and len(n) >= 4 and n not in _function():  # للرماية, للحج: ل + ال…, the alif elided
        last = j
    elif (
        len(n) >= 3
        and n not in _function()
        and n[1:] not in _pronouns()
        and j + 1 < len(toks)
        and run[j + 1] == run[j]
        and _definite(toks[j + 1])
    ):
        last = j + 1  # لسلامة المستهلك: an indefinite noun in construct with a definite one
    else:
        return None
    k = 0
    while k < TAIL_MAX and last + 1 < len(toks) and run[last + 1] == run[j]:
        nxt = toks[last + 1]
        if _adjective(nxt) or _coordinated(nxt):
            last += 1
        elif _coordinated_construct(toks, run, last + 1):
            last += 2  # "للدعوة والإرشاد [وتوعية الجاليات]": و + a noun in construct with a definite one
        else:
            break
        k += 1
    return last


def _coordinated_construct(toks: list[Token], run: list[int], j: int) -> bool:
    """``وتوعية الجاليات``: و + an indefinite verbal noun in ة (a task: ``توعية``, ``سلامة``;
    not a verb, ``ويستطيع``, nor a second body, ``ولجنة``) + a definite noun."""
    t = toks[j]
    n = t.norm
    return (
        t.is_word and n.startswith(_AND) and not n.startswith(_AND + _ART) and len(n) >= len(_AND) + 4
        and n.endswith(_FEM) and _ART + n[len(_AND) :] not in _heads() and t.text not in _function()
        and j + 1 < len(toks) and run[j + 1] == run[j] and _definite(toks[j + 1])
    )  # fmt: skip


def _place(new: Cand, accepted: list[Cand]) -> bool:
    """Put ``new`` in ``accepted`` in place of the candidates inside it; False (nothing
    changed) when one crosses its edges."""
    inside = [c for c in accepted if new.first <= c.first and c.last <= new.last]
    if any(c.first <= new.last and new.first <= c.last and c not in inside for c in accepted):
        return False
    for c in inside:
        accepted.remove(c)
    accepted.append(new)
    return True


def complement_names(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """``HEAD(definite) ADJ+ لـNOUN (DEF)? (ADJ|وDEF)*`` is one ORG or MISC (see the module doc)."""
    heads = _heads()
    for i, t in enumerate(toks[:-2]):
        forms = gz.bare_forms(t) & heads.keys()
        if not t.is_word or not forms:
            continue
        j = i + 1
        while j < len(toks) and j - i <= ADJ_MAX and run[j] == run[i] and _adjective(toks[j]):
            j += 1
        if j == i + 1 or j >= len(toks):
            continue
        if forms & _no_demonym() and all(toks[x].norm in gz.demonyms() for x in range(i + 1, j)):
            continue
        if not min(forms).endswith(_FEM) and toks[i + 1].norm.endswith(_FEM):
            continue  # "برامج المكتب الدعوية": a feminine adjective agrees with another noun
        last = _complement_end(toks, run, j)
        if last is None:
            continue
        typ = heads[min(forms)]
        if forms & _no_listed() and any(c.type == "ORG" and c.source in ("gazetteer", "pattern") and c.first == j for c in accepted):
            continue  # "المكتب الإعلامي لوزارة الدفاع": a listed body's office, the body is the name
        _place(
            Cand(i, last, t.start + clitic_len(t, frozenset(heads)), toks[last].end, typ, "pattern", 0.7),
            accepted,
        )


def event_frames(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """A sport after a known event is part of its name (``كأس العالم للرماية`` is not the
    football ``كأس العالم``); football, the sport a bare cup or league means, is a
    description (``كأس ولي العهد`` + ``لكرة القدم``)."""
    sports = _sports() - _default_sport()
    for c in [c for c in accepted if c.type == "MISC"]:
        for n in (2, 1):
            seq = tuple(t.norm for t in toks[c.last + 1 : c.last + 1 + n])
            if (
                len(seq) == n
                and seq in sports
                and all(run[k] == run[c.first] for k in range(c.last + 1, c.last + 1 + n))
            ):
                c.last += n
                c.end = toks[c.last].end
                break


def press_names(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """The definite word after ``صحيفة``/``جريدة``/``مجلة`` is the paper (ORG)."""
    press, dem = _press(), gz.demonyms()
    by_first = {c.first: c for c in accepted}
    taken = {i for c in accepted for i in range(c.first, c.last + 1)}
    for i in range(1, len(toks)):
        t, prev = toks[i], toks[i - 1]
        if run[i] != run[i - 1] or not _definite(t) or t.norm in dem or not (gz.bare_forms(prev) & press):
            continue
        c = by_first.get(i)
        if c is not None and c.last == i and c.source in ("model", "city"):
            c.type = "ORG"
        elif i not in taken:
            accepted.append(Cand(i, i, t.start, t.end, "ORG", "pattern", 0.7))
            taken.add(i)


def descriptions(toks: list[Token], text: str, accepted: list[Cand]) -> None:
    """Drop model ``ال-noun + demonym`` spans that are no known name; cut a demonym off
    the end of a model place."""
    dem, known = gz.demonyms(), gz.by_key()
    heads = (
        _heads().keys()
        | _keys("entities/org_heads.txt")
        | {gz.key_of(_ART + h) for h in _keys("entities/body_heads.txt")}
    )
    for c in list(accepted):
        if c.source != "model" or c.last <= c.first or toks[c.last].norm not in dem:
            continue
        if gz.key_of(text[c.start : c.end]) in known:
            continue
        if c.type in ("GPE", "LOC"):
            c.last -= 1
            c.end = toks[c.last].end
        elif (
            c.last == c.first + 1 and _definite(toks[c.first]) and not (gz.bare_forms(toks[c.first]) & heads)
        ):
            accepted.remove(c)


def one_type(toks: list[Token], text: str, accepted: list[Cand]) -> None:
    """A one-word model PER whose name the text says more often as an ORG is that ORG
    (``وتلقت ايكيا`` beside ``شركة ايكيا`` and ``بمنتجات ايكيا``); a family name said
    as a person more often stays a person."""
    orgs = Counter(gz.key_of(text[c.start : c.end]) for c in accepted if c.type == "ORG")
    pers = Counter(toks[c.last].norm for c in accepted if c.type == "PER")
    for c in accepted:
        if c.type == "PER" and c.source == "model" and c.first == c.last:
            k = gz.key_of(text[c.start : c.end])
            if orgs[k] > pers[k]:
                c.type = "ORG"


def head_anaphora(toks: list[Token], text: str, accepted: list[Cand]) -> None:
    """A lone club name that is the first word of a body named in full in the same text
    is that body said short (``الاتحاد`` after ``الاتحاد السعودي للرماية``): a common
    noun, not the club ``الاتحاد``."""
    firsts = {
        toks[c.first].norm for c in accepted if c.type == "ORG" and c.last > c.first and c.source != "club"
    }
    for c in list(accepted):
        if c.source == "club" and c.first == c.last and gz.bare_forms(toks[c.first]) & firsts:
            accepted.remove(c)


@cache
def _branches() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(gz.key_of(w).split()) for w in load_lines("entities/armed_branches.txt"))


def armed_branches(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """``القوة الجوية`` (+ adjectives) + a demonym is the ORG of that country's branch."""
    dem, ends, branches = gz.demonyms(), _nisba_ends(), _branches()
    firsts = frozenset(b[0] for b in branches)
    for i in range(len(toks) - 2):
        t = toks[i]
        if not t.is_word or not (gz.bare_forms(t) & firsts):
            continue
        n = next((n for n in (3, 2, 1) if i + n < len(toks) and run[i + n - 1] == run[i]
                  and any((f, *(x.norm for x in toks[i + 1 : i + n])) in branches for f in gz.bare_forms(t))), 0)  # fmt: skip
        j, last = i + n, None
        while (
            n
            and j < len(toks)
            and j - i < n + ADJ_MAX
            and run[j] == run[i]
            and _definite(toks[j])
            and toks[j].norm.endswith(ends)
        ):
            if (
                toks[j].norm in dem or toks[j].norm in _country_keys()
            ):  # السعودية: the demonym is the country's name
                last = j
            j += 1
        if last is not None:
            _place(
                Cand(i, last, t.start + clitic_len(t, firsts), toks[last].end, "ORG", "pattern", 0.7),
                accepted,
            )


@cache
def _country_keys() -> frozenset[str]:
    return frozenset(gz.key_of(n) for e in gz.countries() for n in (e.name, *e.aliases))


@cache
def _agreements() -> frozenset[str]:
    return _keys("entities/agreement_heads.txt")


def agreements(toks: list[Token], text: str, accepted: list[Cand]) -> None:
    """``اتفاق`` + a city (not a country) is the agreement's MISC name (``اتفاق صنعاء``)."""
    heads, countries = _agreements(), _country_keys()
    for c in list(accepted):
        p = c.first - 1
        if c.type != "GPE" or p < 0 or not toks[p].is_word or not (gz.bare_forms(toks[p]) & heads):
            continue
        if gz.key_of(text[c.start : c.end]) in countries or "\n" in text[toks[p].end : c.start]:
            continue
        _place(
            Cand(p, c.last, toks[p].start + clitic_len(toks[p], heads), c.end, "MISC", "pattern", 0.7),
            accepted,
        )


@cache
def _letters() -> frozenset[str]:
    """Letter names that are no Arabic word too (``إن`` is also the particle)."""
    return _keys("resolve/letter_names.txt") - _function()


def designations(toks: list[Token], text: str, accepted: list[Cand]) -> None:
    """Letter names and a number (``بي-29``, ``إف 16``) are a model of aircraft or weapon: MISC."""
    letters = _letters()
    for i, t in enumerate(toks):
        if (
            not t.is_word
            or t.norm not in letters
            or t.norm == _ART
            or (i > 0 and toks[i - 1].norm in letters)
        ):
            continue
        j = i + 1 if i + 1 < len(toks) and toks[i + 1].norm in letters else i
        k = j + 1
        if k < len(toks) and toks[k].text == "-" and toks[k].start == toks[j].end:
            k += 1
        if k < len(toks) and toks[k].text.isdigit() and not text[toks[j].end : toks[k].start].strip("- "):
            _place(Cand(i, k, t.start, toks[k].end, "MISC", "pattern", 0.7), accepted)


def refine(toks: list[Token], run: list[int], text: str, accepted: list[Cand]) -> list[Cand]:
    """Apply the rules above in order; returns ``accepted`` (edited in place)."""
    descriptions(toks, text, accepted)
    complement_names(toks, run, accepted)
    armed_branches(toks, run, accepted)
    agreements(toks, text, accepted)
    designations(toks, text, accepted)
    event_frames(toks, run, accepted)
    press_names(toks, run, accepted)
    one_type(toks, text, accepted)
    head_anaphora(toks, text, accepted)
    return accepted


__all__ = [
    "agreements",
    "armed_branches",
    "complement_names",
    "descriptions",
    "designations",
    "event_frames",
    "head_anaphora",
    "one_type",
    "press_names",
    "refine",
]
