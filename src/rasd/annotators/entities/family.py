"""Names that need more than one token or more than one document: the proclitics before a
name (``بالعراق`` → ``العراق``, never the article itself), family names shaped like
adjectives (``السوداني``), and the corpus pass that finds a bare family name of a person
named in full elsewhere. Apart from ``tag`` so the package's main module stays short; the
tagger and linking both read them.
"""

from __future__ import annotations

import bisect
from collections import Counter
from functools import cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.cand import Cand
from rasd.annotators.entities.cues import given_names, is_given_name
from rasd.annotators.entities.features import gaz_tokens
from rasd.models import DocAnalysis, EntityMention
from rasd.resources import load_lines
from rasd.text.clitics import affixes, article, conjunctions, prepositions, proclitic
from rasd.text.normalize import fold
from rasd.text.tokens import Token, known_after_proclitics, token_texts, tokenize

_ART = article()
_AND = proclitic("and")  # و
_HAMZA_ALIF = "أإ"  # no given name opens with و + a hamza on alif: "وإدواردو" is "and Eduardo"
_LIST_COMMAS = frozenset("،,")
_AS = proclitic("as")  # ك: before a name only with the article (كالعراق; كامل is a name)
_NOUN_CLITICS = (*conjunctions(), *prepositions())  # و ف ب ل ك (not the verb's س)
_NISBA = affixes("nisba", "base")  # السوداني


@cache
def _known_stems() -> frozenset[str]:
    """Folded words that proclitic stripping may expose at the start of a name."""
    return frozenset(gaz_tokens()) | gz.first_tokens() | frozenset(k.split()[0] for k in gz.cities())


def _clitic_len(tok: Token, known: frozenset[str]) -> int:
    """How many original characters of ``tok`` are attached proclitics, not name.

    The whole word wins when it is itself a known name (``بغداد``, ``واشنطن``); otherwise the
    shortest proclitic reading whose stem is a known name, or whose stem starts with the
    article (``بالعراق`` → ``العراق``; after ``ك`` only a known name: ``كاليفورنيا`` is whole), is taken. ``لـ`` + tatweel is a bare proclitic.
    """
    if tok.norm in known:
        return 0
    readings = gz.proclitic_readings(tok.text)
    best = 0
    for k, f, cut in sorted(readings, key=lambda r: r[0]):
        if not _noun_clitics(tok.text[:k], f):
            continue
        shaped = f.startswith(_ART) and len(f) > 3 and k < len(tok.text) and _AS not in fold(tok.text[:k])
        if f in known or shaped or (k == 1 and f in given_names()):
            # never cut the article itself: "العراق" read as "ال"+"عراق" is not a clitic
            if cut:
                continue
            best = k
            break
    return best


def _noun_clitics(chain: str, stem: str) -> bool:
    """Whether ``chain`` can stand before a name: only و ف ب ل ك (not the verb's س), a stem of
    at least three letters (``بدر`` is no ``ب`` + ``در``), and ``ك`` only before the article
    (``كامل`` is a name, ``كالعراق`` "like Iraq")."""
    c = fold(chain)  # folding drops a tatweel (لـ)
    if not c or any(ch not in _NOUN_CLITICS for ch in c) or len(stem) < 3:
        return False
    return _AS not in c or stem.startswith(_ART)


@cache
def _nisba_stop() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/nisba_stop.txt"))


def _is_nisba(tok: Token) -> bool:
    """A family name shaped like an adjective (``السوداني``, ``الدفاعي``), not a demonym."""
    n = tok.norm
    return (
        tok.is_word
        and n.startswith(_ART)
        and n.endswith(_NISBA)
        and len(n) >= 5
        and n not in gz.demonyms()
        and n not in _nisba_stop()
    )


def adjective_people(toks: list[Token], run: list[int], cands: list[Cand], blocked: frozenset[str]) -> list[Cand]:
    """``cands`` less one-word model persons that are an adjective of the definite noun
    before them (``النص [الفارسي]``): a word of ``nisba_stop.txt`` (adjectives, never a
    family name on their own) right after a definite word that is no title or trigger word
    (``blocked``), and that ends no full name the text gives (``محمد الفارسي``)."""
    families = {toks[c.last].norm for c in cands if c.type == "PER" and c.last > c.first}
    taken = {i for c in cands for i in range(c.first, c.last + 1)}
    out: list[Cand] = []
    for c in cands:
        p = c.first - 1
        if (
            c.type == "PER" and c.source == "model" and c.first == c.last and p >= 0
            and run[p] == run[c.first] and p not in taken and toks[c.first].norm in _nisba_stop()
            and toks[c.first].norm not in families and toks[p].is_word
            and toks[p].norm.startswith(_ART) and not _is_nisba(toks[p])
            and not (gz.bare_forms(toks[p]) & blocked)
        ):  # fmt: skip
            continue
        out.append(c)
    return out


def recall_family_names(das: list[DocAnalysis]) -> int:
    """Corpus pass: bare family names (``السوداني``) of people named in full in any document.

    One article gives the full name, another only the family name, which the model takes
    for an adjective. Only article-prefixed family names qualify (not demonyms or
    ``nisba_stop.txt`` words). Adds PER mentions (confidence 0.5); returns how many.
    """
    fams: set[str] = set()
    for da in das:
        for m in da.entities:
            if m.type != "PER":
                continue
            toks = tokenize(m.text)
            if len(toks) >= 2 and _is_nisba(toks[-1]):
                fams.add(toks[-1].norm)
    if not fams:
        return 0
    known = frozenset(fams)
    seen: set[str] = set()  # token texts looked at, in any document
    hits: set[str] = set()  # those that may be a known family name
    added = 0
    for da in das:
        text = da.doc.text
        words = token_texts(text)
        distinct = set(words)
        for w in distinct - seen:  # each distinct word of the corpus is read once
            n = fold(w)
            if n and (n[0].isalnum() or n[0] == "_") and known_after_proclitics(n, known):
                hits.add(w)
        seen |= distinct
        if distinct.isdisjoint(hits):
            continue
        taken = sorted((m.start, m.end) for m in da.entities)
        starts = [s for s, _ in taken]
        new: list[EntityMention] = []
        pos = 0
        for w in words:  # only whitespace lies between tokens: each is found where it starts
            start = text.find(w, pos)
            pos = start + len(w)
            if w not in hits:
                continue
            t = Token(w, start, pos, fold(w))
            j = bisect.bisect_right(starts, t.start) - 1
            if (j >= 0 and taken[j][1] > t.start) or (j + 1 < len(taken) and taken[j + 1][0] < t.end):
                continue
            k = _clitic_len(t, known)
            if fold(t.text[k:]) in known:
                new.append(EntityMention(da.doc.id, t.start + k, t.end, t.text[k:], "PER", confidence=0.5))
        if new:
            da.entities = sorted([*da.entities, *new], key=lambda m: (m.start, m.end))
            added += len(new)
    return added


@cache
def _family_openers() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/family_openers.txt"))


def family_clitics(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """One-word person spans that are the family name of a person named in full in the text:
    an attached proclitic leaves the span (``و`` + ``عسيري`` after ``حسن عسيري``; a family
    name without the article is in no list, so only the text shows the cut), and a word that
    opens a family name (``family_openers.txt``: ``آل``) said right before joins it
    (``المهندس [آل الشيخ]``)."""
    families = frozenset(toks[c.last].norm for c in accepted if c.type == "PER" and c.last > c.first)
    used = {i for c in accepted for i in range(c.first, c.last + 1)}
    openers = _family_openers()
    for c in accepted:
        if c.type != "PER":
            continue
        t = toks[c.first]
        if c.first == c.last and c.start == t.start and t.norm not in families:
            k = _clitic_len(t, families)
            if k and fold(t.text[k:]) in families:
                c.start = t.start + k
        p = c.first - 1
        if p >= 0 and p not in used and run[p] == run[c.first] and c.start == t.start and toks[p].norm in openers:
            c.first, c.start = p, toks[p].start
            used.add(p)


def conjoined_people(toks: list[Token], accepted: list[Cand], known: frozenset[str]) -> None:
    """Move the conjunction ``و`` out of a person's span of two words or more, in place, when
    the word with it is no known name (``وليد`` stays) and either a hamza on alif follows it
    (``وإدواردو هرميلينو``) or the person ends a list of people (``تركي اليوسف، وشجاع الشباطي``)."""
    ends = {c.last for c in accepted if c.type == "PER"}
    for c in accepted:
        t = toks[c.first]
        if c.type != "PER" or c.last == c.first or c.start != t.start or len(t.text) < 4 or t.text[0] != _AND:
            continue
        if t.norm in known or t.norm in given_names():
            continue
        listed = c.first >= 2 and toks[c.first - 1].text in _LIST_COMMAS and c.first - 2 in ends
        if t.text[1] in _HAMZA_ALIF or listed:
            c.start = t.start + 1


def overrun_people(toks: list[Token], text: str, accepted: list[Cand]) -> None:
    """A model person span that runs one word past a name the text also says alone as a
    person (``فيدال ثاني لاعب``, with ``فيدال`` elsewhere) ends before that word, unless the
    word is definite, a given name or a person's name token in ANETAC (``باك جون``,
    ``خورخي داسيلفا``: a family name or a second name belongs to it). Only a one-word name
    that is no given name: ``سعد`` said alone does not make ``سعد دوابشة`` too long."""
    said = Counter(gz.key_of(text[c.start : c.end]) for c in accepted if c.type == "PER")
    names = gaz_tokens()
    for c in accepted:
        if c.type != "PER" or c.source != "model" or c.last != c.first + 1 or is_given_name(toks[c.first]):
            continue
        if said[gz.key_of(text[c.start : c.end])] > 1:
            continue  # the two words said together again: a full name (``غسان جمل``)
        w = toks[c.last]
        if not w.is_word or w.norm.startswith(_ART) or is_given_name(w) or "P" in names.get(w.norm, ""):
            continue
        prev = c.last - 1
        while prev > c.first and not toks[prev].is_word:
            prev -= 1
        if gz.key_of(text[c.start : toks[prev].end]) in said:
            c.last, c.end = prev, toks[prev].end


def family_after(toks: list[Token], text: str, run: list[int], accepted: list[Cand]) -> None:
    """A person span the model ended one word early, before a word the text says alone as a
    person (``كارل هينز [رومنيجه]`` with ``رومنيجه`` elsewhere), takes that word, also where
    the model made it a person of its own: it is the family name. Given names are left out:
    two of them side by side may be two people."""
    at = {c.first: c for c in accepted}
    used = {i for c in accepted for i in range(c.first, c.last + 1)}
    alone = {gz.key_of(text[c.start : c.end]) for c in accepted if c.type == "PER" and c.first == c.last}
    for c in list(accepted):
        j = c.last + 1
        if c not in accepted or c.type != "PER" or j >= len(toks) or run[j] != run[c.first]:
            continue
        w, d = toks[j], at.get(j)
        if j in used and (d is None or d.type != "PER" or d.last != j or d.start != w.start):
            continue
        if w.text[0] == _AND:
            continue  # "المالكي وعسيري": the next person of a list, even where the model joined و
        if w.is_word and gz.key_of(w.text) in alone and not is_given_name(w) and w.start == toks[c.last].end + 1:
            c.last, c.end = j, w.end
            used.add(j)
            if d is not None:
                accepted.remove(d)



@cache
def _compound_openers() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/compound_openers.txt"))


def compound_given(toks: list[Token], run: list[int], accepted: list[Cand], blocked: frozenset[str]) -> None:
    """A person span that is only a compound given name (``عبد العزيز``, two words opening
    with ``compound_openers.txt``) takes the next untagged word when the text says the three
    words together again (``عبد المالك سلال`` twice) or says that word at least twice more
    (``الرئيس عبد العزيز [بوتفليقة]``, then ``بوتفليقة`` alone): the family name the model
    left out, which ``_name_memory`` then finds bare; a word after a given name that happens
    to recur once (``عبد القادر جريدة`` beside one more ``جريدة``) is not taken. Never a word
    with the article, a given name (two people side by side), a function word (``بعد``) or an
    ordinary, title or trigger word (``blocked``)."""
    used = {i for c in accepted for i in range(c.first, c.last + 1)}
    opens, func = _compound_openers(), frozenset(load_lines("entities/function_words.txt"))
    seen = Counter(f for t in toks if t.is_word for f in {t.norm, *(f for _, f, _ in gz.proclitic_readings(t.text))})
    triples = Counter(tuple(t.norm for t in toks[k : k + 3]) for k in range(len(toks) - 2) if toks[k].norm in opens)
    for c in accepted:
        j = c.last + 1
        if c.type != "PER" or c.last != c.first + 1 or toks[c.first].norm not in opens or j >= len(toks):
            continue
        w = toks[j]
        if j in used or run[j] != run[c.first] or not w.is_word or w.start != toks[c.last].end + 1:
            continue
        if w.norm.startswith(_ART) or is_given_name(w) or w.norm in blocked or w.text in func or len(w.norm) < 3:
            continue
        if seen[w.norm] > 2 or triples[tuple(t.norm for t in toks[c.first : j + 1])] > 1:
            c.last, c.end = j, w.end
            used.add(j)

def full_name_repeats(toks: list[Token], run: list[int], accepted: list[Cand]) -> None:
    """A person span that is the tail of a longer person name the document says in full,
    right after the words that open that name (``بان كي [مون]`` once ``بان كي مون`` was
    tagged), takes those words, and the person spans inside them (``[بان] كي [مون]``): the
    same name said again, not two people."""
    full: dict[str, set[tuple[str, ...]]] = {}  # by last word: only those names can end a tail
    for c in accepted:
        if c.type == "PER" and c.last > c.first:
            full.setdefault(toks[c.last].norm, set()).add(tuple(t.norm for t in toks[c.first : c.last + 1]))
    if not full:
        return
    owner = {i: c for c in accepted for i in range(c.first, c.last + 1)}
    for c in list(accepted):
        if c.type != "PER" or toks[c.last].norm not in full or c not in accepted:
            continue
        tail = tuple(t.norm for t in toks[c.first : c.last + 1])
        for name in full[toks[c.last].norm]:
            k = len(name) - len(tail)
            i0 = c.first - k
            if k <= 0 or i0 < 0 or name[k:] != tail or tuple(t.norm for t in toks[i0 : c.first]) != name[:k]:
                continue
            inner = list({id(owner[i]): owner[i] for i in range(i0, c.first) if i in owner}.values())
            if any(run[i] != run[c.first] for i in range(i0, c.first)) or any(
                d.type != "PER" or d.first < i0 for d in inner
            ):
                continue
            for d in inner:
                accepted.remove(d)
            for i in range(i0, c.first):
                owner[i] = c
            c.first, c.start = i0, toks[i0].start
            break
