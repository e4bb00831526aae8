"""Named entities: a BiLSTM-CRF trained on ANERcorp, curated gazetteers and facility patterns.

The BiLSTM-CRF (``model/ner_bilstm.npz``, numpy inference in ``neural.py``, trained by
``rasd train ner --arch bilstm``; the CRF ``model/ner.crfsuite`` when it is absent) finds
PER/ORG/LOC/MISC spans; gazetteers add what ANERcorp cannot know (FAC, the GPE/LOC split, domain bodies
such as قيادة العمليات المشتركة) and patterns (``قاعدة …``, ``مطار …``) build facilities.
News outlets (``outlets.py``) are ORG, never places, wherever said as an outlet; sports
clubs (``clubs.py``) are ORG where said as clubs; facilities and events are built from a head
and a name (``facilities.py``); ``shape.py`` then fixes where names start and end (bodies
named after places, ministries, generic heads, demonyms, particles, datelines).
Where sources overlap, pattern > club/gazetteer > model. Spans never include attached
proclitics (``وبغداد`` → ``بغداد``) and always satisfy ``text[start:end] == mention``.
A title said just before a person (``وزير الدفاع العراقي``) becomes the mention's role.
"""

from __future__ import annotations

from collections import Counter
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities import neural, shape
from rasd.annotators.entities.bodies import named_bodies
from rasd.annotators.entities.cand import Cand
from rasd.annotators.entities.clubs import club_spans
from rasd.annotators.entities.commands import command_cands
from rasd.annotators.entities.companies import company_names
from rasd.annotators.entities.complements import refine
from rasd.annotators.entities.consistency import propagate
from rasd.annotators.entities.cues import (
    and_given_name,
    common_words,
    given_names,
    is_given_name,
    misread_verb,
)
from rasd.annotators.entities.extents import widen
from rasd.annotators.entities.facilities import event_cands, facility_cands, title_cands
from rasd.annotators.entities.family import (
    _ART,
    _clitic_len,
    _is_nisba,
    _known_stems,
    _noun_clitics,
    adjective_people,
    compound_given,
    conjoined_people,
    family_after,
    family_clitics,
    full_name_repeats,
    overrun_people,
    recall_family_names,
)
from rasd.annotators.entities.features import gaz_tokens, sent_features, triggers
from rasd.annotators.entities.homonyms import unproven_places
from rasd.annotators.entities.indices import index_cands
from rasd.annotators.entities.kinds import kind_names
from rasd.annotators.entities.labels import chunks, to_bio
from rasd.annotators.entities.neural import NeuralTagger
from rasd.annotators.entities.outlets import outlet_spans
from rasd.annotators.entities.places import city_teams, compass_regions, listed_places, settlement_places
from rasd.annotators.entities.spelled import spelled_names
from rasd.annotators.entities.title_phrases import (
    _title_blocked,
    _title_firsts,
    _title_max,
    _titles,
    rule_title_words,
)
from rasd.models import DocAnalysis, EntityMention
from rasd.resources import arabic, load_lines
from rasd.text.clitics import chain, proclitic
from rasd.text.normalize import fold
from rasd.text.sentences import sentences
from rasd.text.tokens import Token, proclitics, tokenize

MODEL_PATH = Path(__file__).parent / "model" / "ner.crfsuite"
_MODEL_TYPES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
_PRIORITY = {"pattern": 3, "club": 2, "gazetteer": 2, "model": 1, "city": 0}
_AND = proclitic("and")
_TO_ART = chain("to", "the")  # للبنك: ل + البنك


_Cand = Cand


@cache
def _crf_tagger() -> Any:
    """The CRF tagger, or None when no model has been trained (gazetteers still work)."""
    if not MODEL_PATH.exists():
        return None
    import pycrfsuite

    t = pycrfsuite.Tagger()
    t.open(str(MODEL_PATH))
    return t


def _tagger() -> Any:
    """The sequence model in use: the BiLSTM-CRF (``neural.py``) when its weights are
    shipped, else the CRF, else None. Anything that is not a ``NeuralTagger`` is driven
    through the crfsuite interface (``tag(features)``, ``marginal(label, i)``)."""
    return neural.tagger() or _crf_tagger()


@cache
def _not_names() -> frozenset[str]:
    """Spans never entities: months and weekdays (``ar/calendar/``; نيسان is April, not the car maker)."""
    return frozenset(gz.key_of(w) for w, _ in (*arabic.months(), *arabic.weekdays()))


def _bare(tok: Token, words: frozenset[str] | dict[str, str]) -> bool:
    """``tok`` is one of ``words`` as written or once its proclitics are set aside (``وبريطانية``)."""
    return tok.norm in words or any(f in words for _, f, _ in gz.proclitic_readings(tok.text))


@cache
def _function_words() -> frozenset[str]:
    """Prepositions as spelled, unfolded (``على`` is not ``علي``): never a recalled family name."""
    return frozenset(load_lines("entities/function_words.txt"))


@cache
def _place_heads() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/place_heads.txt"))


_ends_in_article = gz.cuts_article


def _and_off(toks: list[Token], model: list[_Cand], known: frozenset[str]) -> None:
    """``و`` out of a model span whose name the model also finds bare in the same text
    (``نوفوزيم و[دويتشه بوست]`` beside ``دويتشه بوست``): a foreign name is in no list, so
    the text's own bare mention is what shows that ``و`` is the conjunction. So does a
    person right before a two-word person (``لوناتي و[دييجو سيبايوس]``): a list of people."""
    starts = {toks[c.first].norm for c in model if c.start == toks[c.first].start}
    per_ends = {c.last for c in model if c.type == "PER"}
    for c in model:
        t = toks[c.first]
        if c.start != t.start or not t.norm.startswith(_AND) or t.norm in known or t.norm in given_names():
            continue
        if len(t.norm) > 4 and t.norm[len(_AND) :] in starts:
            c.start += len(_AND)
        elif c.type == "PER" and c.last > c.first and c.first - 1 in per_ends and len(t.norm) > len(_AND) + 3:
            c.start += len(_AND)  # a list of people: "بابلو لوناتي و[دييجو سيبايوس]"


def _word_runs(toks: list[Token], text: str) -> list[int]:
    """For each token, the index where its run of space-separated words began."""
    run = [0] * len(toks)
    prev_word, prev_end = False, 0
    for i, t in enumerate(toks):
        word = t.is_word
        if i and word and prev_word and text[prev_end : t.start].isspace():
            run[i] = run[i - 1]
        else:
            run[i] = i
        prev_word, prev_end = word, t.end
    return run


def _model_cands(text: str, toks: list[Token]) -> list[_Cand]:
    """Model spans per sentence, then the document consistency pass (``consistency.py``).

    The BiLSTM-CRF (``neural.py``) tags all sentences of the text in one batch; without its
    weight file the CRF is used. Confidence is the mean per-token probability of the
    span's labels (CRF: marginals); spans added by the consistency pass get 0.5.
    """
    tagger = _tagger()
    if tagger is None or not toks:
        return []
    firsts: list[int] = []
    sents: list[list[str]] = []
    ti = 0
    for s, e in sentences(text):
        while ti < len(toks) and toks[ti].end <= s:
            ti += 1
        first = ti
        while ti < len(toks) and toks[ti].start < e:
            ti += 1
        if ti > first:
            firsts.append(first)
            sents.append([t.text for t in toks[first:ti]])
    labels: list[list[str]] = []
    margs: list[list[float]] = []
    if isinstance(tagger, NeuralTagger):
        labels, margs = tagger.tag_scored(sents)
    else:
        for sent in sents:
            raw = tagger.tag(sent_features(sent))
            labels.append(to_bio(list(raw)))
            margs.append([tagger.marginal(lab, m) if lab != "O" else 0.0 for m, lab in enumerate(raw)])
    words = [[t.norm for t in toks[first : first + len(s)]] for first, s in zip(firsts, sents, strict=True)]
    final = propagate(words, labels)
    out: list[_Cand] = []
    for first, before, after, mg in zip(firsts, labels, final, margs, strict=True):
        for j, k, typ in chunks(after):
            model_said = after[j:k] == before[j:k]
            conf = sum(mg[j:k]) / (k - j) if model_said else 0.5
            out.append(_Cand(first + j, first + k - 1, -1, -1, _MODEL_TYPES.get(typ, "MISC"), "model", conf))
    return out


@lru_cache(maxsize=1 << 16)
def _gaz_readings(text: str) -> tuple[tuple[int, str], ...]:
    """``(offset, folded first word)`` readings of the token ``text`` that open a gazetteer
    phrase, in the order they are tried (remembered per token text; most tokens have none)."""
    firsts = gz.first_tokens()
    norm = fold(text)
    if not norm or not (norm[0].isalnum() or norm[0] == "_"):
        return ()  # not a word (``Token.is_word``)
    readings = [(0, norm)]
    if norm.startswith(_TO_ART) and _ART + norm[len(_TO_ART) :] in firsts:
        readings.append((0, _ART + norm[len(_TO_ART) :]))  # "للبنك …": ل + البنك, the alif elided; the whole token
    if norm not in firsts:  # never the article itself: "الحماس" is not "حماس"; "كبيرا" is no "ك" + "بيرا"
        readings += [(k, f) for k, f, cut in gz.proclitic_readings(text)
                     if f in firsts and not cut and _noun_clitics(text[:k], f)]  # fmt: skip
    return tuple(r for r in readings if r[1] in firsts)


def _gaz_cands(toks: list[Token], run: list[int], known: frozenset[str]) -> list[_Cand]:
    idx, maxlen = gz.phrase_index()
    out: list[_Cand] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        readings = _gaz_readings(t.text)
        if not readings:
            i += 1
            continue
        hit: tuple[int, int, gz.GazEntry] | None = None
        for k, first in readings:
            found = gz.longest_at(toks, i, run, first, idx, maxlen)
            if found is not None:
                hit = (k, *found)
                break
        if hit is None:
            i += 1
            continue
        k, last, e = hit
        # GeoNames cities rank below the model: "أوستن" in "لويد أوستن" is a person
        src = "gazetteer" if e.source and not e.source.startswith("GeoNames") else "city"
        out.append(_Cand(i, last, t.start + k, toks[last].end, e.type, src, 0.9 if src == "gazetteer" else 0.7))
        i = last + 1
    return out


def _extend_people(toks: list[Token], run: list[int], accepted: list[_Cand]) -> None:
    """Grow person spans over a following family name the model left out (``محمد شياع`` + ``السوداني``).

    ANERcorp often tags such nisba words as adjectives; right after a name they are the
    family name. Country demonyms (``العراقي``) and ``nisba_stop.txt`` words never join.
    """
    used = {i for c in accepted for i in range(c.first, c.last + 1)}
    for c in accepted:
        if c.type != "PER":
            continue
        while c.last + 1 < len(toks) and run[c.last + 1] == run[c.first] and c.last + 1 not in used and _is_nisba(toks[c.last + 1]):
            c.last += 1
            c.end = toks[c.last].end
            used.add(c.last)


def _name_memory(toks: list[Token], accepted: list[_Cand], known: frozenset[str]) -> list[_Cand]:
    """Later bare family names of people named in full in the same text (``السوداني``,
    ``للعيدان`` whole: ل + العيدان with the alif elided).

    A document names a person in full once and then by family name; the model misses many
    of these short forms because they look like adjectives.
    """
    lasts = {toks[c.last].norm for c in accepted if c.type == "PER" and c.last > c.first}
    lasts -= set(gz.demonyms())
    used = {i for c in accepted for i in range(c.first, c.last + 1)}
    out: list[_Cand] = []
    if not lasts:
        return []
    ends = tuple(lasts)
    func = _function_words()
    for i, t in enumerate(toks):
        if i not in used and t.norm.startswith(_TO_ART) and _ART + t.norm[len(_TO_ART) :] in lasts:
            out.append(_Cand(i, i, t.start, t.end, "PER", "model", 0.6))  # للعيدان: the whole token
            continue
        if not t.norm.endswith(ends) or i in used or not t.is_word or t.text in func:
            continue
        k = _clitic_len(t, frozenset(lasts))
        if fold(t.text[k:]) in lasts:
            out.append(_Cand(i, i, t.start + k, t.end, "PER", "model", 0.6))
    return out


def _title_people(toks: list[Token], run: list[int], accepted: list[_Cand]) -> list[_Cand]:
    """``وزير الدفاع العراقي ثابت العباسي``: a title (and demonyms) then two or three words
    ending in a family name (nisba-shaped or an ANETAC person token) is a person.

    The CRF misses such names when the given name is also a common word (``ثابت``); the
    title is strong evidence. Only untagged tokens are used; the first word may not carry
    the article, be a title or trigger word, or be shorter than 3 letters.
    """
    titles, tmax = _titles(), _title_max()
    opens = _title_firsts()
    dem = gz.demonyms()
    names = gaz_tokens()
    used = {i for c in accepted for i in range(c.first, c.last + 1)}
    blocked = _title_blocked()
    out: list[_Cand] = []
    for j in range(len(toks)):
        if toks[j].norm not in opens:
            continue  # no title starts here
        n = next((n for n in range(min(tmax, len(toks) - j), 0, -1) if tuple(t.norm for t in toks[j : j + n]) in titles), 0)
        if not n:
            continue
        k = j + n
        while k < len(toks) and toks[k].norm in dem and run[k] == run[j]:
            k += 1
        first = toks[k] if k < len(toks) else None
        if first is None or run[k] != run[j] or not first.is_word or first.norm.startswith(_ART):
            continue
        if first.norm.startswith(_AND) and first.norm not in given_names():
            continue  # "الملك ونائبه": a coordinated word, not a first name
        if len(first.norm) < 3 or first.norm in blocked or k in used:
            continue
        for last in (k + 1, k + 2):
            if last >= len(toks) or run[last] != run[k] or any(i in used for i in range(k, last + 1)):
                break
            t = toks[last]
            if _is_nisba(t) or (last == k + 1 and not t.norm.startswith(_ART) and "P" in names.get(t.norm, "")):
                out.append(_Cand(k, last, first.start, t.end, "PER", "pattern", 0.6))
                used.update(range(k, last + 1))
                break
            if t.norm.startswith(_ART) or not t.is_word:
                break
    return out


def _all_common(toks: list[Token], c: _Cand) -> bool:
    """Every word of the span is an ordinary word (``استشاري تدريبي``, ``يكفيان``)."""
    words = [t for t in toks[c.first : c.last + 1] if t.is_word]
    return bool(words) and all(_bare(t, common_words()) for t in words)


def _place_type(name_key: str) -> str:
    e = gz.by_key().get(name_key)
    if e is not None:
        return e.type
    if name_key.split()[0] in _place_heads():
        return "LOC"
    return "GPE"


def _role(toks: list[Token], text: str, first: int, by_last: dict[int, _Cand]) -> str | None:
    """Title phrase said right before token ``first`` (demonyms and one organisation may sit between)."""
    dem = gz.demonyms()
    pos = first - 1
    skipped_org = False
    while pos >= 0:
        org = by_last.get(pos)
        if org is not None and org.type in ("ORG", "GPE") and not skipped_org:
            pos, skipped_org = org.first - 1, True
        elif toks[pos].norm in dem and first - pos <= 6:
            pos -= 1
        else:
            break
    titles, tmax = _titles(), _title_max()
    for n in range(min(tmax, pos + 1), 0, -1):
        seq = toks[pos - n + 1 : pos + 1]
        if not all(x.is_word for x in seq):
            continue
        head = seq[0]
        for k, first_word in ((0, head.norm), *((k, f) for k, f, _ in gz.proclitic_readings(head.text))):
            key = (first_word, *(x.norm for x in seq[1:]))
            if key in titles:
                start = head.start + k
                end = toks[first - 1].end
                return " ".join(text[start:end].split())
    return None


def _title_len(toks: list[Token], i: int, last: int) -> int:
    """How many tokens from ``i`` (up to ``last``) form a title phrase; 0 when none does."""
    titles = _titles()
    forms = {toks[i].norm, *(f for _, f, _ in gz.proclitic_readings(toks[i].text))}
    for n in range(min(_title_max(), last - i + 1), 0, -1):
        rest = tuple(t.norm for t in toks[i + 1 : i + n])
        if any((f, *rest) in titles for f in forms):
            return n
    return 0


def _title_before(toks: list[Token], pos: int) -> bool:
    """A title from ``titles.txt`` ends right before token ``pos`` (demonyms may follow it)."""
    dem = gz.demonyms()
    titles, tmax = _titles(), _title_max()
    p = pos - 1
    while p >= 0 and toks[p].norm in dem and pos - p <= 3:
        p -= 1
    return any(p - n + 1 >= 0 and tuple(t.norm for t in toks[p - n + 1 : p + 1]) in titles for n in range(1, tmax + 1))


@cache
def _not_first_names() -> frozenset[str]:
    """Words that never join a person as a left-out first name: titles, trigger words,
    ordinary words, demonyms (built once, not per document)."""
    return rule_title_words() | frozenset(triggers()) | common_words() | frozenset(gz.demonyms())


def _extend_left(toks: list[Token], run: list[int], accepted: list[_Cand], known: frozenset[str]) -> None:
    """``وزير الدفاع العراقي`` + ``ثابت`` + [``العباسي``]: a word between a title and a
    person's span is the person's first name the model left out (it is often also a common
    word); so is a given name (``given_names.txt``) right before the span (``علي`` +
    ``موسى دقدوق``), also with ``و`` (``وأشرف`` + ``عبد الباقي``) before a span without one.
    Only untagged name-shaped words join: no article, no title or trigger word, no ordinary
    word, demonym or reporting verb, at least 3 letters."""
    used = {i for c in accepted for i in range(c.first, c.last + 1)}
    blocked = _not_first_names()
    for c in accepted:
        p = c.first - 1
        if c.type != "PER" or p < 0 or p in used or run[p] != run[c.first]:
            continue
        t = toks[p]
        if not t.is_word or t.norm.startswith(_ART) or len(t.norm) < 3 or t.norm in blocked:
            continue
        no_and_given = c.start != toks[c.first].start or not and_given_name(t)  # "ومتعب وأسامة حسني": two
        if not _title_before(toks, p) and not is_given_name(t) and no_and_given:
            continue
        c.first, c.start = p, t.start + _clitic_len(t, known)
        used.add(p)


@cache
def _place_cues() -> frozenset[str]:
    return frozenset(gz.key_of(w).split()[-1] for w in load_lines("entities/place_cues.txt"))


def _places_over_people(toks: list[Token], text: str, accepted: list[_Cand]) -> None:
    """A one-word model PER that is a known place (curated place, GeoNames city) right
    after a place word (``place_cues.txt``: ``قضاء هيت``) takes the place's type.

    Both pieces of evidence are needed: on ANERcorp dev, known place names alone also
    cover players and clubs (``ليون``، ``اندرسون``) and the swap costs 0.4 points.
    """
    cues = _place_cues()
    for c in accepted:
        if c.source != "model" or c.type != "PER" or c.first != c.last or c.first == 0:
            continue
        prev = toks[c.first - 1]
        if not prev.is_word or not _bare(prev, cues):
            continue
        k = gz.key_of(text[c.start : c.end])
        e = gz.by_key().get(k)
        if e is not None and e.type in ("GPE", "LOC", "FAC"):
            c.type = e.type
        elif gz.cities().get(k):
            c.type = gz.cities()[k][0].type


def _family_names(toks: list[Token], text: str, accepted: list[_Cand]) -> None:
    """A one-word model span equal to the family name of a person named in full in the
    same text is that person (``ترامب`` after ``دونالد ترامب``); so is one equal to a word
    said after a title anywhere in the text (``الرئيس أوباما`` … ``إدارة أوباما``), unless
    it is a curated place or a city matched in running text (``رئيس مصر``): a small
    GeoNames town named like a famous person (Obama, Japan) is not pinned for him."""
    families = {toks[c.last].norm for c in accepted if c.type == "PER" and c.last > c.first}
    one = [c for c in accepted if c.source == "model" and c.first == c.last and toks[c.first].text not in _function_words()]
    titled = {k for c in one if _definite_title(toks, text, c.first) and _townish(k := gz.key_of(text[c.start : c.end]))}
    for c in one:
        k = gz.key_of(text[c.start : c.end])
        if k in families or k in titled:
            c.type = "PER"


def _definite_title(toks: list[Token], text: str, first: int) -> bool:
    """A title ending in a definite word before ``first`` (``الرئيس``, ``وزير الخارجية``):
    apposition, so a person; ``محافظ عدن`` (a bare head) governs a place."""
    role = _role(toks, text, first, {})
    return role is not None and fold(role.split()[-1]).startswith(_ART)


def _townish(key: str) -> bool:
    """No curated entry and no city matched in running text: a title before it makes a person."""
    return key not in gz.by_key() and key not in gz.matchable_city_map() and key not in gz.demonyms()


def tag(text: str, doc_id: str = "", outlet: str | None = None) -> list[EntityMention]:
    """Entity mentions of ``text`` in order; offsets exact, proclitics excluded.

    ``outlet`` is the document's own outlet: its name between quote marks is the outlet.
    """
    toks = tokenize(text)
    if not toks:
        return []
    known = _known_stems()
    run = _word_runs(toks, text)
    model = _model_cands(text, toks)
    bare = frozenset(proclitics())
    for c in model:
        while c.first < c.last and (not toks[c.first].is_word or toks[c.first].norm in bare):
            c.first += 1  # a detached clitic such as "لـ" before a quoted name
        while c.last > c.first and not toks[c.last].is_word:
            c.last -= 1
        c.start = toks[c.first].start + _clitic_len(toks[c.first], known)
        c.end = toks[c.last].end
    _and_off(toks, model, known)
    gazc = _gaz_cands(toks, run, known)
    outc = [_Cand(i, j, s, toks[j].end, "ORG", "gazetteer", 0.9) for i, j, s in outlet_spans(toks, text, run, outlet)]
    longer = {i for c in gazc + outc if c.last > c.first for i in range(c.first, c.last + 1)}
    clubc = [_Cand(i, j, s, toks[j].end, "ORG", "club", 0.85) for i, j, s in club_spans(toks, text, run, longer)]
    pats = facility_cands(toks, run, clubc + gazc + model, rule_title_words())
    pats += [c for c in event_cands(toks, run, clubc + gazc + model, rule_title_words())
             if not any(p.first <= c.last and c.first <= p.last for p in pats)]  # fmt: skip
    pats += [c for c in title_cands(toks) if not any(p.first <= c.last and c.first <= p.last for p in pats)]
    pats += [c for c in index_cands(toks) if not any(p.first <= c.last and c.first <= p.last for p in pats)]
    pats += [c for c in command_cands(toks, run) if not any(p.first <= c.last and c.first <= p.last for p in pats)]
    accepted: list[_Cand] = []
    used: set[int] = set()
    dem = gz.demonyms()
    for c in sorted(pats + outc + clubc + gazc + model, key=lambda c: (-_PRIORITY[c.source], -(c.last - c.first), c.first)):
        if c.end <= c.start or any(i in used for i in range(c.first, c.last + 1)):
            continue
        key = gz.key_of(text[c.start : c.end])
        if (key in dem and c not in outc) or not any(ch.isalpha() for ch in key):
            continue  # demonyms are attributes of their country, not entities (an outlet said as one is: «الألمانية»)
        if c.source == "model" and all(_bare(toks[i], dem) for i in range(c.first, c.last + 1)):
            continue  # also with proclitics the model left in ("وبريطانية"), or a list ("بريطانيون وكنديون")
        if c.source == "model" and (key in _not_names() or _all_common(toks, c)):
            continue
        if c.type == "LOC" and c.source == "model":
            c.type = _place_type(key)
        if c.type == "GPE" and shape.country_adjective(toks, text, c, key):
            continue
        accepted.append(c)
        used.update(range(c.first, c.last + 1))
    accepted.extend(settlement_places(toks, run, used))
    accepted.extend(shape.org_bodies(toks, run, accepted, used, rule_title_words()))
    city_teams(toks, text, run, accepted)
    compass_regions(toks, text, run, accepted)
    accepted.extend(listed_places(toks, run, accepted))
    shape.places_not_orgs(text, accepted)
    shape.trim_heads(toks, accepted, _title_len)
    accepted.extend(shape.people(toks, run, accepted))
    shape.add_demonyms(toks, run, accepted)
    bodies = named_bodies(toks, run, accepted)  # may drop a model ORG inside a body's name
    accepted = refine(toks, run, text, [*accepted, *bodies])
    accepted = widen(toks, text, run, accepted)
    accepted = unproven_places(toks, text, kind_names(toks, text, run, spelled_names(toks, text, run, accepted)))
    accepted.extend(_title_people(toks, run, accepted))
    _extend_people(toks, run, accepted)
    family_after(toks, text, run, accepted)
    compound_given(toks, run, accepted, _not_first_names())
    overrun_people(toks, text, accepted)
    accepted.extend(_name_memory(toks, accepted, known))
    _extend_left(toks, run, accepted, known)
    _places_over_people(toks, text, accepted)
    _family_names(toks, text, accepted)
    family_clitics(toks, run, accepted)
    full_name_repeats(toks, run, accepted)
    conjoined_people(toks, accepted, known)
    accepted = adjective_people(toks, run, accepted, _title_blocked())
    company_names(toks, text, accepted)
    # one-word PERs that are misread verbs: dropped (``misread_verb`` reads the word count of
    # its own word only: only those words are counted)
    asked = {gz.key_of(text[c.start : c.end]) for c in accepted if c.type == "PER" and c.source == "model" and c.first == c.last}
    counts = Counter(t.norm for t in toks if t.norm in asked and t.is_word)
    accepted = [c for c in accepted if not (c.type == "PER" and c.source == "model" and c.first == c.last and misread_verb(
        toks, c.first, text[c.start : c.end], counts, _title_before(toks, c.first)))]  # fmt: skip
    accepted.sort(key=lambda c: c.start)
    by_last = {c.last: c for c in accepted}
    out: list[EntityMention] = []
    for c in accepted:
        role = _role(toks, text, c.first, by_last) if c.type == "PER" else None
        out.append(
            EntityMention(
                doc=doc_id,
                start=c.start,
                end=c.end,
                text=text[c.start : c.end],
                type=c.type,
                confidence=round(c.confidence, 3),
                role=role,
                source="gazetteer" if c.source in ("city", "club") else c.source,
            )
        )
    return out


def annotate(da: DocAnalysis) -> None:
    """Fill ``da.entities`` for an Arabic document (others are left alone)."""
    if da.doc.language not in ("ar", "", None):
        return
    da.entities = tag(da.doc.text, da.doc.id, da.doc.outlet)


__all__ = ["MODEL_PATH", "annotate", "recall_family_names", "rule_title_words", "tag"]
