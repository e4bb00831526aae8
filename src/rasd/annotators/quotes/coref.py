"""Speakers named only by a description: resolve them to the full name written earlier.

Real articles name a source once in full (``وزير النفط الكويتي علي العمير``) and then refer
back to it by its title (``الوزير``), an honorific pronoun (``معاليه``), a shortened office
(``قيادة التحالف``, ``الهيئة``) or a definite head (``المصادر``). The gold guidelines
(docs/realnews_gold.md, decision 5) want the full name as the speaker and the title as the
role. The quote engine sees one construction at a time, so this pass runs once over the
finished quotes of a document:

- a description followed by a person's name inside the same construction (``الناطق
  الإعلامي بشرطة … العقيد عاطي …``) takes that name;
- a person title (``الوزير``, ``المدرب الإسباني``) resolves to the nearest earlier person
  mention written next to the same title word, else to the person the article is about
  (the most mentioned one so far);
- an honorific pronoun (``معاليه``) resolves to the latest named speaker, else person;
- an organisation head (``الهيئة``, ``قيادة التحالف``) resolves to the nearest earlier
  organisation name (speaker, ORG mention, or plain text) holding the head and the
  description's other words;
- a definite anonymous head (``المصادر``) resolves to the latest speaker with that head.

Resolved quotes get a lower confidence: the link is inferred, not written. Linear in the
document: mentions are visited once per description only within a bounded look-back.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from rasd.annotators.quotes.bylines import not_bylines
from rasd.annotators.quotes.first_mention import first_mention
from rasd.annotators.quotes.history import bare, nodef
from rasd.annotators.quotes.lexicon import lexicon, org_head_words
from rasd.annotators.quotes.marks import OPENERS
from rasd.annotators.quotes.offices import titled_name
from rasd.annotators.quotes.tails import full_name
from rasd.annotators.spans import SpanIndex
from rasd.models import EntityMention, Quote, Span, Speaker
from rasd.resources import arabic, load_lines, load_table
from rasd.text import Token, fold
from rasd.text.clitics import affixes, article, chain, prepositions

LOOKBACK = 200  # earlier mentions examined per description (nearest first)
MAX_ANON_WORDS = 4  # "المصادر الأمنية والطبية": a definite source head with its adjectives
BAG_BEFORE = 20  # words before a person mention that may hold its title
BAG_AFTER = 8  # words after it (an apposition: "X، وزير الداخلية")
RESOLVED_CONFIDENCE = 0.8  # factor applied to a quote whose speaker was inferred
FORWARD = 600  # tokens searched after an honorific pronoun that has no antecedent
MAX_TITLE = 5  # words of a title phrase taken after the honorific noun
MAX_ORG_DESCRIPTION = 3  # words from which an organisation phrase is a name, not a short form
_ART = article()
_TO_ART = chain("to", "the")  # لل
_BY_TO = prepositions(kaf=False)  # ب، ل
_NISBA = affixes("nisba", "apposition")


@dataclass(frozen=True)
class _Words:
    anaphors: frozenset[str]
    honorifics: frozenset[str]
    titles: frozenset[str]
    org_heads: frozenset[str]
    anon: frozenset[str]
    latter: frozenset[str]
    pronoun_nouns: dict[str, str]  # honorific pronoun -> its noun: سموه -> سمو
    openers: frozenset[str]
    persons: frozenset[str]  # الطالب، اللاعب: persons of the story without an office


@cache
def _words() -> _Words:
    def lines(name: str) -> frozenset[str]:
        return frozenset(nodef(fold(x)) for x in load_lines(f"quotes/{name}"))

    return _Words(
        anaphors=frozenset(fold(x) for x in load_lines("quotes/anaphors.txt")),
        honorifics=frozenset(y for x in arabic.titles("honorific") for y in (nodef(fold(x)), fold(x))),
        titles=frozenset(nodef(fold(x)) for x in arabic.titles("role")),
        org_heads=frozenset(nodef(fold(x)) for x in org_head_words()),
        anon=lines("anonymous.txt"),
        latter=frozenset(fold(x) for x in load_lines("quotes/latter.txt")),
        persons=lines("person_nouns.txt"),
        pronoun_nouns={fold(r[0]): nodef(fold(r[1])) for r in load_table("quotes/honorific_pronouns.tsv")},
        openers=frozenset(fold(x) for x in load_lines("quotes/clause_openers.txt")),
    )


def _key(w: str) -> str:
    """A word reduced for comparison: folded, without the article (و/ف kept: وزير)."""
    return nodef(fold(w))


@lru_cache(maxsize=1 << 16)
def _keys(w: str) -> frozenset[str]:
    """Every reading of ``w``: with and without a glued و/ف, ب or ل (``بمملكة`` → ``مملكه``)."""
    f = fold(w)
    out = {nodef(x) for x in bare(f)}
    for x in list(out):
        if len(x) > 4 and x[0] in _BY_TO:
            out.add(nodef(x[1:]))
    return frozenset(out)


def _like(a: str, b: str) -> bool:
    """Same word, or one a nisba/suffixed form of the other (بحرين ~ بحريني، هلال ~ هلاليه)."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 2


def _has(bag: frozenset[str] | set[str], w: str, cuts: frozenset[str] | None = None) -> bool:
    """Some reading of ``w`` is ``_like`` a word of ``bag``. With ``cuts`` (``_cuts(bag)``)
    this is set look-ups instead of comparing with every word: the same answer."""
    if cuts is None:
        return any(_like(f, x) for f in _keys(w) for x in bag)
    return any(
        f in bag or f in cuts or (len(f) > 3 and f[:-1] in bag) or (len(f) > 4 and f[:-2] in bag) for f in _keys(w)
    )


def _cuts(bag: frozenset[str] | set[str]) -> frozenset[str]:
    """The words of ``bag`` less their last one or two letters (at least 3 left): a reading
    ``f`` is ``_like`` a longer bag word exactly when ``f`` is among these."""
    return frozenset(x[: len(x) - d] for x in bag for d in (1, 2) if len(x) - d >= 3)


def _nisba(w: str) -> bool:
    return len(w) > 3 and w.endswith(_NISBA)


@dataclass
class _Cand:
    start: int
    end: int
    text: str
    entity: str | None
    bag: set[str]


class _Doc:
    """What the pass needs of one document: tokens, sentence breaks, mentions."""

    def __init__(self, text: str, toks: Sequence[Token], brk: Sequence[bool], ents: SpanIndex[EntityMention]):
        self.text, self.toks, self.brk, self.ents = text, toks, brk, ents
        self.starts = [t.start for t in toks]
        w = _words()
        self.pers = not_bylines(text, (m for m in ents.within(0, len(text)) if m.type == "PER" and fold(m.text) not in w.anaphors))
        self.pers.sort(key=lambda m: m.start)
        self.per_starts = [m.start for m in self.pers]
        self.orgs = sorted((m for m in ents.within(0, len(text)) if m.type == "ORG"), key=lambda m: m.start)
        self.org_starts = [m.start for m in self.orgs]
        self._bags: dict[int, set[str]] = {}
        self.said: list[Span] = []  # contents of the quotes read so far: a name there spoke not
        self._cuts: dict[int, frozenset[str]] = {}
        self._runs: dict[int, set[str]] = {}
        self._apps: dict[int, set[str]] = {}
        # per surname: indexes into ``pers`` and the fullest mention among the first k of them
        self._by_surname: dict[str, tuple[list[int], list[EntityMention]]] = {}
        for i, m in enumerate(self.pers):
            if m.text.split():
                idx, best = self._by_surname.setdefault(_key(m.text.split()[-1]), ([], []))
                top = best[-1] if best else None
                if top is None or (len(m.text.split()), -m.start) > (len(top.text.split()), -top.start):
                    top = m
                idx.append(i)
                best.append(top)

    def fullest(self, surname: str, hi: int) -> EntityMention | None:
        """The earlier person mention (among ``pers[:hi]``) with that surname and the most
        words (the earliest on ties), looked up instead of scanning every earlier one."""
        idx, best = self._by_surname.get(surname, ([], []))
        k = bisect_left(idx, hi)
        return best[k - 1] if k else None

    def sole_fullest(self, surname: str, pos: int) -> EntityMention | None:
        """``fullest`` before ``pos`` when every earlier longer mention with that surname is
        part of it (one person); None when two people share the surname (سالم/محمد القرني)."""
        hi = bisect_left(self.per_starts, pos)
        full = self.fullest(surname, hi)
        if full is None or len(full.text.split()) < 2 or full.end > pos:
            return None
        idx = self._by_surname[surname][0]
        words = [_key(w) for w in full.text.split()]
        for i in idx[max(0, bisect_left(idx, hi) - LOOKBACK) : bisect_left(idx, hi)]:
            other = [_key(w) for w in self.pers[i].text.split()]
            if other != words[len(words) - len(other) :]:
                return None
        return full

    def tok_at(self, pos: int) -> int:
        return max(0, bisect_left(self.starts, pos))

    def bag(self, m: EntityMention) -> set[str]:
        """Words written around a person mention in its sentence: its titles and offices."""
        got = self._bags.get(m.start)
        if got is not None:
            return got
        a = self.tok_at(m.start)
        b = self.tok_at(m.end)
        out: set[str] = set()
        k = a - 1
        while k >= 0 and a - k <= BAG_BEFORE and not self.brk[k] and self.toks[k].norm not in (":", '"'):
            if self.toks[k].is_word:
                out |= _keys(self.toks[k].norm)
            k -= 1
        commas = 0
        k = b
        while k < len(self.toks) and k - b < BAG_AFTER and not (k > b and self.brk[k - 1]):
            t = self.toks[k]
            if t.norm == ",":
                commas += 1
                if commas > 1:
                    break
            elif t.is_word:
                out |= _keys(t.norm)
            k += 1
        self._bags[m.start] = out
        return out

    def title_run(self, m: EntityMention) -> set[str]:
        """The words of the title phrase written right before a person mention: back over
        definite words, titles and nisbas, stopping at the first other word ("وأقال رئيس
        الوزراء أيضا | المدعي العام X": X's run is المدعي العام, not the subject's title)."""
        got = self._runs.get(m.start)
        if got is not None:
            return got
        titles = _words().titles
        out: set[str] = set()
        k = self.tok_at(m.start) - 1
        while k >= 0 and not self.brk[k] and self.toks[k].is_word:
            keys = _keys(self.toks[k].norm)
            if not (keys & titles or bare(self.toks[k].norm)[-1].startswith(_ART) or _nisba(_key(self.toks[k].norm))):
                break
            out |= keys
            k -= 1
        self._runs[m.start] = out
        return out

    def apposition(self, m: EntityMention) -> set[str]:
        """``title_run`` plus the title phrase written right after the name (``X محافظ كركوك``,
        ``X الرئيس التنفيذي للشركة``): the office the article gives that person."""
        got = self._apps.get(m.start)
        if got is not None:
            return got
        out = set(self.title_run(m))
        b = self.tok_at(m.end)
        if b < len(self.toks) and self.toks[b].is_word and _keys(self.toks[b].norm) & _words().titles:
            e = b
            while e < len(self.toks) and e - b < MAX_TITLE and self.toks[e].is_word and not (e > b and self.brk[e - 1]):
                out |= _keys(self.toks[e].norm)
                e += 1
        self._apps[m.start] = out
        return out

    def cuts(self, m: EntityMention) -> frozenset[str]:
        """``_cuts`` of ``bag(m)``, made once per mention."""
        got = self._cuts.get(m.start)
        if got is None:
            got = self._cuts[m.start] = _cuts(self.bag(m))
        return got

    def names_in(self, s: int, e: int) -> list[EntityMention]:
        return [m for m in self.ents.overlapping(s, e) if m.type == "PER" and fold(m.text) not in _words().anaphors]


def _split(sp: Speaker) -> tuple[list[str], bool]:
    """The description's words without leading honorifics, and whether any were dropped."""
    w = _words()
    words = sp.text.split()
    k = 0
    while k < len(words) - 1 and (_keys(words[k]) & w.honorifics or fold(words[k]) in w.honorifics):
        k += 1
    out = words[k:]
    if out and fold(out[0]).startswith(_TO_ART):  # "في بيان للتنظيم": the owner, التنظيم
        out[0] = _ART + fold(out[0])[len(_TO_ART) :]
    return out, k > 0


def _kind(words: list[str], honored: bool) -> str | None:
    """What a speaker written without a name is: anaphor, person, org, anon, or a name (None)."""
    w = _words()
    if not words:
        return None
    head = fold(words[0])
    hk = _keys(words[0])
    definite = bare(head)[-1].startswith(_ART)
    if bare(head)[-1] in w.anaphors or head in w.anaphors:
        return "anaphor"
    # a construct, also a nested one ("وكيل وزارة الشؤون الاجتماعية": the article two words on)
    construct = len(words) >= 2 and bare(fold(words[1]))[-1].startswith(_ART)
    construct = construct or (len(words) >= 3 and bool(_keys(words[1]) & w.org_heads) and bare(fold(words[2]))[-1].startswith(_ART))
    if hk & w.titles and (definite or construct or honored or titled_name(words)):
        return "person"
    if hk & w.org_heads and (definite or construct):
        return "org"
    if hk & w.persons and definite:
        return "story"  # الطالب، اللاعب: a person of the story, named earlier
    if hk & w.anon and definite and len(words) <= MAX_ANON_WORDS:
        return "anon"
    return None


def _a_name(text: str) -> bool:
    """A person mention that is a name: no title word in it, not opening with an adverb or a
    skipped word (the tagger's "أيضا المدعي")."""
    words = text.split()
    lex = lexicon()
    return bool(words) and fold(words[0]) not in lex.skip and fold(words[0]) not in lex.adjuncts and not any(
        _keys(x) & _words().titles for x in words
    )  # fmt: skip


def _person(doc: _Doc, pos: int, words: list[str], fallback: bool, forward: bool = False) -> _Cand | None:
    """Nearest earlier person written with the description's title word (and its nisbas);
    ``forward``: else the first later one written with that title beside the name. A title
    that names its own body (``المتحدث الأمني بوزارة الداخلية``) is never taken for the person
    the story is about: written in full, it stands alone (realnews decision 5)."""
    head = words[0]
    nisbas = [x for x in words[1:] if _nisba(_key(x))]
    hi = bisect_left(doc.per_starts, pos)
    if len(words) >= 2 and bare(fold(words[1]))[-1].startswith(_ART):
        # a title with its complement (رئيس الوزراء): first the person written with that
        # whole title right before the name, nearest first; one whose title also has the
        # description's nisbas before one without (``نائب الرئيس العراقي X نظيره نائب الرئيس Y``)
        for need in (nisbas, []) if nisbas else ([],):
            for i in range(hi - 1, max(-1, hi - 1 - LOOKBACK), -1):
                m = doc.pers[i]
                if m.end > pos or not _a_name(m.text):
                    continue
                run = doc.title_run(m)
                if _has(run, head) and _has(run, words[1]) and all(_has(run, n) for n in need):
                    return _Cand(m.start, m.end, m.text, m.entity, doc.bag(m))
    if len(words) == 1:
        # a bare title (المحافظ): first the person written with that title right beside the name
        for i in range(hi - 1, max(-1, hi - 1 - LOOKBACK), -1):
            m = doc.pers[i]
            if m.end <= pos and _a_name(m.text) and _has(doc.apposition(m), head):
                return _Cand(m.start, m.end, m.text, m.entity, doc.bag(m))
    for i in range(hi - 1, max(-1, hi - 1 - LOOKBACK), -1):
        m = doc.pers[i]
        if m.end > pos:
            continue
        bag = doc.bag(m)
        cuts = doc.cuts(m)
        if _has(bag, head, cuts) and all(_has(bag, n, cuts) for n in nisbas):
            return _Cand(m.start, m.end, m.text, m.entity, bag)
    if not fallback:
        return None
    # named only further on ("أعلن سفير X أن …" … "السفير روبرت غوديك"): the first later person
    # written with the description's title (and its complement) beside the name
    for m in doc.pers[hi : hi + LOOKBACK] if forward and len(words) >= 2 else ():
        app = doc.apposition(m)
        only_head = all(any(_like(x, h) for h in _keys(head)) for x in app)  # "السفير X": the title alone
        if m.start > pos and _a_name(m.text) and _has(app, head) and (len(words) < 2 or only_head or _has(app, words[1])):
            return _Cand(m.start, m.end, m.text, m.entity, doc.bag(m))
    if hi == 0 or any(_keys(x) & _words().org_heads for x in words[1:]):
        return None
    # the person the article is about: the most mentioned surname so far, latest on ties
    counts: Counter[str] = Counter(_key(m.text.split()[-1]) for m in doc.pers[max(0, hi - LOOKBACK) : hi])
    top = max(counts.values())
    for i in range(hi - 1, max(-1, hi - 1 - LOOKBACK), -1):
        m = doc.pers[i]
        if counts[_key(m.text.split()[-1])] == top and m.end <= pos:
            full = doc.fullest(_key(m.text.split()[-1]), hi) or m  # the fullest earlier mention of that person
            return _Cand(full.start, full.end, full.text, full.entity, set())
    return None


def _org_match(words: list[str], cand_words: list[str]) -> bool:
    if len(cand_words) <= len(words) or not _has(_keys(cand_words[0]), words[0]):
        return False
    keys = set().union(*(_keys(x) for x in cand_words))
    return all(_has(keys, x) for x in words[1:])


def _org(doc: _Doc, pos: int, words: list[str], earlier: list[Speaker]) -> _Cand | None:
    """Nearest earlier organisation name with the description's head and other words."""
    best: _Cand | None = None
    for sp in reversed(earlier[-LOOKBACK:]):
        if sp.end <= pos and _org_match(words, sp.text.split()):
            best = _Cand(sp.start, sp.end, sp.text, sp.entity, set())
            break
    hi = bisect_left(doc.org_starts, pos)
    for i in range(hi - 1, max(-1, hi - 1 - LOOKBACK), -1):
        m = doc.orgs[i]
        if best is not None and m.start <= best.start:
            break
        if best is not None and _aside(doc, m.start, m.text.split()[0], words[0]):
            continue  # "… لوزارة التعليم" in a list, or inside the content: the body that spoke stays
        if m.end <= pos and _org_match(words, m.text.split()):
            best = _Cand(m.start, m.end, m.text, m.entity, set())
            break
    # plain text: an indefinite head opening a construct ("هيئة التحقيق والادعاء العام")
    head = _keys(words[0])
    k = doc.tok_at(pos) - 1
    floor = doc.tok_at(best.start) if best is not None else max(0, k - 20 * LOOKBACK)
    while k >= floor:
        t = doc.toks[k]
        if t.is_word and _keys(t.norm) & head and not bare(t.norm)[-1].startswith(_ART) and not (best and _aside(doc, t.start, t.norm, words[0])):
            e = _quoted_name(doc, k + 1)  # "شركة «نجمة» الوطنية": a name in quotation marks
            while e < len(doc.toks) and e - k < 6 and doc.toks[e].is_word and (
                    bare(doc.toks[e].norm)[-1].startswith(_ART) or _nisba(doc.toks[e].norm)
                    or (e == k + 1 and _named(doc, e))):  # "تنظيم داعش": the body's own name
                e += 1  # fmt: skip
            if e - k >= 2 and _org_match(words, [x.norm for x in doc.toks[k:e]]):
                # a glued و/ف is cut only when the word without it is the head (وزارة keeps its و)
                glued = bare(t.norm)[-1] != t.norm and not _like(nodef(fold(t.norm)), _key(words[0]))
                s, en = doc.toks[k].start + (1 if glued else 0), doc.toks[e - 1].end
                return _Cand(s, en, doc.text[s:en], None, set())
        k -= 1
    return best


def _aside(doc: _Doc, start: int, first: str, head: str) -> bool:
    """A mention at ``start`` that did not speak: inside a quote's content, or after a glued
    preposition (``لوزارة``, ``بوزارة``: a genitive in a list, not a subject)."""
    f = fold(first)
    glued = doc.text[start - 1 : start].isalpha() or (f[:1] in _BY_TO and bool(_keys(f[1:]) & _keys(head)))
    return glued or any(c.start <= start < c.end for c in doc.said)


def _quoted_name(doc: _Doc, k: int) -> int:
    """The token after a short name in quotation marks opening at ``k`` (``«نجمة»``, ``“آبل”``),
    else ``k``: companies and brands are often written so, and the marks are no words."""
    if k >= len(doc.toks) or doc.toks[k].text not in OPENERS:
        return k
    close = OPENERS[doc.toks[k].text]
    for e in range(k + 1, min(k + 5, len(doc.toks))):
        if doc.toks[e].text == close:
            return e + 1 if e > k + 1 else k
        if not doc.toks[e].is_word:
            return k
    return k


def _named(doc: _Doc, k: int) -> bool:
    """Token ``k`` lies inside a recognised name (``داعش`` in ``تنظيم داعش``)."""
    t = doc.toks[k]
    return any(m.type in ("ORG", "PER", "GPE", "MISC") for m in doc.ents.overlapping(t.start, t.end))


def _later_title(doc: _Doc, pos: int, noun: str) -> _Cand | None:
    """The first later ``noun`` (``سمو``) with what it names: a person mention right after it
    (``سمو الأمير خالد الفيصل``), else its title phrase (``سمو أمير منطقة مكة المكرمة``) up to a
    preposition. For a page that opens with ``وأكد سموه`` (a continued wire story)."""
    k = doc.tok_at(pos)
    stops = _words().openers
    for j in range(k, min(len(doc.toks), k + FORWARD)):
        if nodef(bare(doc.toks[j].norm)[-1]) != noun:
            continue
        e = j + 1
        while e < len(doc.toks) and e - j <= MAX_TITLE and doc.toks[e].is_word and doc.toks[e].norm not in stops:
            e += 1
        if e == j + 1:
            continue
        for m in doc.names_in(doc.toks[j + 1].start, doc.toks[e - 1].end):
            return _Cand(m.start, m.end, m.text, m.entity, set())
        s, en = doc.toks[j + 1].start, doc.toks[e - 1].end
        return _Cand(s, en, doc.text[s:en], None, set())
    return None


def _latter(doc: _Doc, pos: int) -> EntityMention | None:
    """``الأخير`` (the latter): the nearest person, organisation or place mention before ``pos``
    in its sentence or the one before."""
    k = doc.tok_at(pos) - 1
    breaks = 0
    while k > 0 and breaks < 2:
        breaks += doc.brk[k - 1]
        k -= 1
    found = [m for m in doc.ents.within(doc.toks[max(k, 0)].start, pos) if m.type in ("PER", "ORG", "GPE")]
    found = [m for m in found if fold(m.text) not in _words().anaphors]
    return max(found, key=lambda m: m.end) if found else None


def is_anaphor(w: str) -> bool:
    """``الأخير``, ``معاليه``: a word that refers back to someone named before."""
    return bare(fold(w))[-1] in _words().anaphors or fold(w) in _words().anaphors


def _after_name(doc: _Doc, q: Quote) -> EntityMention | None:
    """A person named right after the description, before the content (``الناطق … العقيد X``)."""
    sp = q.speaker
    if not (q.start <= sp.start and sp.end <= q.content.start) or q.content.start - sp.end > 120:
        return None
    for m in doc.names_in(sp.end, q.content.start):
        if m.start >= sp.end and m.end <= q.content.start:
            gap = doc.text[sp.end : m.start]
            if not any(c in gap for c in '.\n:«»"“”') and len(gap.split()) <= 10:
                return m
    return None


def resolve_descriptions(
    text: str, toks: Sequence[Token], brk: Sequence[bool], quotes: list[Quote], ents: SpanIndex[EntityMention]
) -> None:
    """Replace description speakers in ``quotes`` (sorted by start) with the full earlier name."""
    doc = _Doc(text, toks, brk, ents)
    named: list[Speaker] = []  # speakers with a name so far, in order
    earlier: list[Speaker] = []
    outer: Quote | None = None
    for q in sorted(quotes, key=lambda x: x.start):
        sp = q.speaker
        new = _resolve_one(doc, q, named, earlier)
        if new is not None and outer is not None and outer.content.start <= sp.start and q.end <= outer.content.end and new.text == outer.speaker.text and (
                doc.names_in(outer.speaker.start, outer.speaker.end)):  # fmt: skip
            new = None  # "قال X إن المتهم اعترف …": a description inside a person's words is someone he reports (E2)
        if new is None and sp.start >= 0 and not doc.names_in(sp.start, sp.end):
            words, honored = _split(sp)  # else a definite description: its first mention (``اللجنة``)
            if _kind(words, honored) in (None, "org", "anon"):
                new = first_mention(text, toks, brk, sp, earlier, words)
        if new is not None:
            q.speaker = new
            q.confidence = round(q.confidence * RESOLVED_CONFIDENCE, 2)
            sp = new
        earlier.append(sp)
        outer = q if outer is None or q.content.end > outer.content.end else outer
        doc.said.append(q.content)
        if doc.names_in(sp.start, sp.end):
            named.append(sp)


def _resolve_one(doc: _Doc, q: Quote, named: list[Speaker], earlier: list[Speaker]) -> Speaker | None:
    sp = q.speaker
    if sp.start < 0 or sp.end <= sp.start:
        return None
    words, honored = _split(sp)
    if len(words) == 1 and (honored or doc.names_in(sp.start, sp.end)):
        # "المهندس السيد", "هاشمي": a surname alone stands for the one person named in full before
        full = doc.sole_fullest(_key(words[0]), sp.start)
        if full is not None:
            lead = doc.text[sp.start : sp.end - len(words[0])].strip() if honored else ""
            return dataclasses.replace(sp, text=full.text, start=full.start, end=full.end,
                                       entity=full.entity or sp.entity, role=sp.role or lead or None)  # fmt: skip
    if doc.names_in(sp.start, sp.end):
        return None
    kind = _kind(words, honored)
    if kind is None:
        got = full_name(doc.text, doc.toks, sp.start, words[0], _words().org_heads) if len(words) == 1 else None
        return None if got is None else dataclasses.replace(sp, text=doc.text[got[0] : got[1]], start=got[0], end=got[1])
    if kind == "person":
        m = _after_name(doc, q)
        if m is not None:
            lead = doc.text[sp.start : m.start].rstrip(" ،,")
            return dataclasses.replace(sp, text=m.text, start=m.start, end=m.end, entity=m.entity or sp.entity,
                                       role=lead or sp.role, anonymous=False)  # fmt: skip
    cand: _Cand | None = None
    role: str | None
    if kind == "anaphor":
        if bare(fold(words[0]))[-1] in _words().latter:
            m = _latter(doc, sp.start)  # "بحسب ما ذكر الأخير": the last body or person named
            if m is not None:
                return dataclasses.replace(sp, text=m.text, start=m.start, end=m.end, entity=m.entity or sp.entity)
        prev = next((x for x in reversed(named) if x.end <= sp.start), None)
        if prev is not None:
            return dataclasses.replace(prev, medium=sp.medium or prev.medium)
        cand = _person(doc, sp.start, words, fallback=True) if len(words) else None
        if cand is None and (noun := _words().pronoun_nouns.get(fold(words[0]))):
            cand = _later_title(doc, sp.end, noun)  # "وشدد سموه" on a page that names him further on
        role = sp.role
    elif kind == "person":
        cand = _person(doc, sp.start, words, fallback=True, forward=True)
        role = sp.text
    elif kind == "story":
        cand = _person(doc, sp.start, words, fallback=True)  # as a title: else the person the story is about
        role = sp.role
    elif kind == "org":
        if len(words) >= MAX_ORG_DESCRIPTION:
            return None  # "حزب العمال الكردستاني": a full name already, not a shortened office
        cand = _org(doc, sp.start, words, earlier)
        role = sp.role
    else:
        head = _keys(words[0])
        rest = {k for x in words[1:] for k in _keys(x)}
        cands = [x for x in reversed(earlier[-LOOKBACK:]) if x.end <= sp.start and x.text.split()
                 and _keys(x.text.split()[0]) & head and not bare(fold(x.text.split()[0]))[-1].startswith(_ART)]  # fmt: skip
        # the nearest, unless a farther one shares more of the description's words
        # ("المصادر الامنية والطبية" → "مصادر امنية وطبية", not "مصادر طبية في …")
        prev = max(cands, key=lambda x: len(rest & {k for y in x.text.split()[1:] for k in _keys(y)}), default=None)
        if prev is None and len(words) == 1:
            # a bare "المصدر" after "مصادر مطلعة" or "مسؤول …": the latest unnamed source, whatever its head
            prev = next((x for x in reversed(earlier[-LOOKBACK:]) if x.end <= sp.start and x.anonymous
                         and len(x.text.split()) > 1), None)  # fmt: skip
        if prev is not None:
            return dataclasses.replace(prev, medium=sp.medium or prev.medium)
        return None
    if cand is None:
        return None
    return Speaker(text=cand.text, entity=cand.entity or sp.entity, role=role, anonymous=False,
                   start=cand.start, end=cand.end, medium=sp.medium)  # fmt: skip
