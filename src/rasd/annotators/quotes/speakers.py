"""Who spoke: the speaker phrase of a cue, split into name, role and the outlet that carried
the words, and whether the source is anonymous.

The subject between a cue and its content is cut into comma pieces; adjuncts (time, place,
``في مؤتمر صحفي``), audiences (``للصحفيين``) and outlets (``لـ«الشرق الأوسط»``) are set
aside, ``عن X`` after a relaying verb makes X the source, and a title next to a name
becomes the role. Word lists come from ``lexicon``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasd.annotators.quotes.adverbs import addressed_object, particle_start, past_time
from rasd.annotators.quotes.articles import definite
from rasd.annotators.quotes.context import NP, Ctx, cue_at, segments, title_dot, tok_at, trim
from rasd.annotators.quotes.frames import accusative, glued_mention, prayed_to, relay, said_head
from rasd.annotators.quotes.history import bare as _bare
from rasd.annotators.quotes.history import nodef as _nodef
from rasd.annotators.quotes.honorific_names import honorific_name
from rasd.annotators.quotes.lexicon import Verb, adjunct_member, governed_prep, member, other_hamza, possessed
from rasd.models import Speaker
from rasd.resources import load_lines
from rasd.text import fold
from rasd.text.clitics import (
    affix,
    affixes,
    article,
    chain,
    conjunctions,
    particle,
    prepositions,
    proclitic,
    written_particle,
)

MAX_MEDIUM = 8  # words of an outlet phrase opened by ل + an outlet noun at the end of a subject
_ART = article()
_TO = proclitic("to")  # لـ«X»: the outlet or audience told
_TO_ART = chain("to", "the")  # للصحفيين
_TO_BY = "".join(prepositions(kaf=False))  # ب ل (a string: "" is in it)
_IN, _ABOUT, _WITH, _FROM = particle("in"), particle("about"), particle("with"), particle("from")
_ON = particle("on")  # folded: also the name علي
_ON_WRITTEN = frozenset(c + written_particle("on") for c in ("", *conjunctions()))  # على، وعلى، فعلى
_ON_BEHALF = particle("on_behalf_of")  # المتحدث باسم
_THEIR = ("", *affixes("pronoun", "venue"))  # في كلمته، في بيانها
_ADJ_PRON = affixes("pronoun", "definite")  # أمامه، أمامكم، معنا: a preposition and its pronoun
_FEM_CONSTRUCT = fold(affix("feminine", "construct"))  # كلمته: ت is the ة of كلمة
_FEM = fold(affix("feminine"))
_NISBA = affixes("nisba", "describes")


def pronoun_adjunct(cx: Ctx, k: int) -> int:
    """Tokens of an adjunct closed by its pronoun at ``k`` (``خلالها``, ``من خلاله``: during
    or through it, no complement follows), which the speaker phrase after it skips; else 0."""
    n = 1 + (cx.toks[k].norm == _FROM)
    if k + n > len(cx.toks):
        return 0
    w = cx.toks[k + n - 1].norm
    return n if any(w.endswith(suf) and len(w) - len(suf) >= 3 and member(w[: len(w) - len(suf)], cx.lex.adjuncts) for suf in _ADJ_PRON) else 0


def is_adjunct_start(cx: Ctx, k: int, segment: bool = False) -> bool:
    """Token ``k`` opens an adjunct (time, place, ``في مؤتمر``), not the speaker."""
    w = cx.toks[k].norm
    if accusative(cx.toks[k]):
        return True  # "كتب سابقاً": an adverb, not the subject
    if _ON in (w, _nodef(w), _bare(w)[-1]) and cx.toks[k].text not in _ON_WRITTEN:
        return False  # the names علي/العلي, not the preposition على
    if (adjunct_member(w, cx.lex.adjuncts) and not other_hamza(cx.toks[k].text)) or (segment and w == _IN):
        return True
    if (w == _FROM or member(w, cx.lex.adjunct_leads)) and k + 1 < len(cx.toks) and member(cx.toks[k + 1].norm, cx.lex.adjuncts):
        return True  # "من قبل", "من خلال", "ذات يوم": a preposition or lead word before an adjunct word
    if w == _IN and k + 1 < len(cx.toks):
        nxt = cx.toks[k + 1].norm
        for suf in _THEIR:
            stem = nxt[: len(nxt) - len(suf)] if suf else nxt
            if nxt.endswith(suf) and (
                member(stem, cx.lex.venues)
                or (
                    stem.endswith(_FEM_CONSTRUCT)
                    and member(stem[: len(stem) - len(_FEM_CONSTRUCT)] + _FEM, cx.lex.venues)
                )
            ):
                return True  # في كلمته، في بيانها
    return False


def medium_start(cx: Ctx, k: int) -> bool:
    """``لـ«X»``, ``للصحيفة``, ``لتلفزيون الحدث`` …: the outlet that was told."""
    t = cx.toks[k]
    if t.norm == _TO and k + 1 < len(cx.toks):
        return True
    if t.norm.startswith(_TO) and len(t.norm) > 2:
        rest = _after_to(t.norm)
        return rest in cx.lex.outlets or (_ART + rest) in cx.lex.outlets or t.norm[len(_TO) :] in cx.lex.outlets
    return False


def _after_to(w: str) -> str:
    """``w`` (folded, starting with ل) without its ل, or without لل (the article's ل too)."""
    return w[len(_TO_ART) :] if w.startswith(_TO_ART) else w[len(_TO) :]


@dataclass
class Subj:
    """What the words between a cue and its content say about the speaker."""
    np: NP | None = None
    name: NP | None = None
    role: NP | None = None
    medium: str | None = None
    chain: bool = False


def strip_marks(s: str) -> str:
    """Text without quotation marks and edge punctuation."""
    for ch in "\u00ab\u00bb\u201c\u201d\"\u2018\u2019":
        s = s.replace(ch, "")
    return " ".join(s.split()).strip(" '\u060c,:")


def medium_text(cx: Ctx, a: int, b: int) -> str | None:
    """The outlet named in tokens ``a..b`` without its ل."""
    np_ = trim(cx, a, b)
    if np_ is None:
        return None
    s = cx.text[cx.toks[np_.first].start : cx.toks[np_.last].end]
    if cx.toks[np_.first].norm == _TO:
        s = s[len(cx.toks[np_.first].text) :]
    elif s[:1] == _TO and cx.toks[np_.first].norm != _TO:
        s = s[len(_TO_ART) :] if fold(s[: len(_TO_ART)]) == _TO_ART else s[len(_TO) :]
        if cx.toks[np_.first].norm.startswith(_TO_ART):
            s = _ART + s
    return strip_marks(s) or None


def parse_subject(cx: Ctx, a: int, b: int, verb: Verb) -> Subj:
    """Speaker phrase, appositions, chain source and medium in tokens ``a..b-1``."""
    sub = Subj()
    if b <= a:
        return sub
    toks = cx.toks
    segs = segments(cx, a, b)
    nps: list[NP] = []
    chain_src: list[NP] = []
    for s, e in segs:
        if s == a and (hit := cue_at(cx, s)) is not None and hit[1].participle:
            s += hit[0]  # "وتابعت قائلة «…»": the participle repeats the cue, it is no subject
        while s < e and (toks[s].norm in cx.lex.skip or _bare(toks[s].norm)[-1] in cx.lex.skip or pronoun_adjunct(cx, s)):
            s += pronoun_adjunct(cx, s) or 1
        if s >= e:
            continue  # "أكدوا لهم أن": only a pronoun object
        if possessed_object(cx, s):
            break  # "أعلن مسؤوليته عن …": the object; the subject is elided
        if e - s == 1 and _audience(cx, s, e, -1):
            continue  # "وقال للصحفيين:"
        if relay(toks[s]) and s + 1 < e and toks[s + 1].norm == _ABOUT:
            np_ = trim(cx, s + 2, e - 1)  # "قالت وكالة X، اليوم، نقلا عن وزارة الداخلية، إن …"
            if np_:
                chain_src.append(np_)
            continue
        if "addressee" in verb.options and (toks[s].norm == _FROM or (s == a and addressed_object(cx, s, verb))):
            continue  # "طلب من الحكومة أن", "ودعا وكالة X إلى": whom he asked, never the speaker
        if "prayer" in verb.options and prayed_to(toks, s):
            continue  # "ودعا الله أن …", "- الله عز وجل -": whom the prayer addresses
        k = past_time(cx, s, e)  # "وأوضح أمس الخميس X أن …": the day, then the subject
        if k > s and not is_adjunct_start(cx, k, segment=True) and (np_t := trim(cx, k, e - 1)) and speakerish(cx, np_t):
            s = k
        if is_adjunct_start(cx, s, segment=True):
            # an outlet inside an adjunct: في حديث للصحيفة / في مقابلة مع وكالة X
            for k in range(s, e):
                if medium_start(cx, k) or (toks[k].norm == _WITH and k + 1 < e and member(toks[k + 1].norm, cx.lex.outlets)):
                    sub.medium = medium_text(cx, k + (toks[k].norm == _WITH), e - 1)
                    break
                if k > s and member(toks[k].norm, cx.lex.outlets) and toks[k - 1].norm in cx.lex.medium_before:
                    sub.medium = medium_text(cx, k, e - 1)
                    break
            continue
        if toks[s].norm == _ABOUT and ("chain" in verb.options or nps):
            np_ = trim(cx, s + 1, e - 1)
            if np_:
                chain_src.append(np_)
            continue
        if medium_start(cx, s):
            o = s + 1 if toks[s].norm == _TO else -1
            if o in cx.open_at and cx.open_at[o] + 1 < e and toks[cx.open_at[o] + 1].is_word:
                sub.medium = medium_text(cx, s, cx.open_at[o])  # "أوضح لـ«عكاظ» مدير المكتب X أن": the
                s = cx.open_at[o] + 1  # outlet in its marks, then the speaker after it
            else:
                sub.medium = medium_text(cx, s, e - 1)  # "وقال لـ«عكاظ»:": told an outlet, never the speaker
                continue
        # inside a piece: cut at an adjunct, an outlet that ends the piece, a chain عن
        end = e
        k = s + 1
        while k < e:
            if k in cx.open_at:
                if verb.options & {"tell"} and k > s:
                    sub.medium = medium_text(cx, k, min(cx.open_at[k], e - 1))
                    end = k
                    break
                k = cx.open_at[k] + 1
                continue
            w = toks[k].norm
            if "prayer" in verb.options and prayed_to(toks, k):
                end = k if toks[k - 1].is_word else k - 1  # "ودعا الأمير X - الله عز وجل - أن": the name ends
                break
            if relay(toks[k]) and k + 1 < e and toks[k + 1].norm == _ABOUT:
                k += 1
                continue
            if "chain" in verb.options and said_head(toks[k]) and k + 1 < e and toks[k + 1].is_word:
                stop = next((x for x in range(k + 2, e) if is_adjunct_start(cx, x) or toks[x].norm == _IN), e)
                if np_ := trim(cx, k + 1, stop - 1):  # "نقلت الوكالة قول الوزير وهو في …": the minister spoke
                    chain_src.append(np_)
                end = k
                break
            if w == _ABOUT and ("chain" in verb.options or relay(toks[k - 1])):
                np_ = trim(cx, k + 1, e - 1)
                if np_:
                    chain_src.append(np_)
                end = k
                break
            if w == _IN and not is_adjunct_start(cx, k) and (
                member(toks[s].norm, cx.lex.anon) or member(toks[s].norm, cx.lex.titles)
            ):
                k += 1
                continue
            if governed_prep(cx.lex, toks[k - 1].norm, w, toks[k - 2].norm if k > 1 else ""):
                k += 1 + (k + 1 < e and (w, toks[k + 1].norm) in cx.lex.prep_adverbs)  # "عن بعد": an adverb
                continue  # "والمشرف على الفريق الأول X": the title goes on to the name
            if is_adjunct_start(cx, k) or w == _IN:
                if "chain" in verb.options:  # "نقل حساب النادي على تويتر عن X قوله": X spoke
                    j = next((x for x in range(k + 1, e) if toks[x].norm == _ABOUT), None)
                    src = trim(cx, j + 1, e - 1) if j is not None else None
                    if src:
                        chain_src.append(src)
                end = k
                break
            if medium_start(cx, k) and _tail_is_medium(cx, k, e):
                sub.medium = medium_text(cx, k, e - 1)
                end = k
                break
            if _audience(cx, k, e, s) or possessed_object(cx, k) or _owned_after_name(cx, k):
                end = k  # "أعلن التنظيم مسؤوليته عن …": the subject ends before the object
                break
            k += 1
        np_ = trim(cx, s, end - 1)
        if np_:
            nps.append(np_)
    if chain_src:
        if nps:
            sub.medium = strip_marks(cx.text[toks[nps[0].first].start : toks[nps[0].last].end])
        nps = [chain_src[0]]
        sub.chain = True
    if not nps:
        return sub
    sub.np = nps[0]
    if len(nps) > 1:
        a0, a1 = nps[0], nps[1]
        if title_np(cx, a0) and not title_np(cx, a1) and (split_role(cx, a0)[1] is None or _person(cx, a1)):
            sub.name, sub.role = a1, a0  # "قائد القيادة، الجنرال X": the title, then the name (a whole one)
        elif title_np(cx, a1):
            sub.name, sub.role = a0, a1
    return sub


def _person(cx: Ctx, np_: NP, whole: bool = True) -> bool:
    """A person's name mention starts the phrase (and, ``whole``, is all of it: an apposition)."""
    s, e = cx.toks[np_.first].start, cx.toks[np_.last].end
    return any(m.type == "PER" and m.start == s and (m.end == e or not whole) for m in cx.ents.overlapping(s, e))


def possessed_object(cx: Ctx, k: int) -> bool:
    """Token ``k`` is a noun of ``object_heads.txt`` with a possessive pronoun (``مسؤوليته``,
    ``دعمها``): the object of the cue, not its subject."""
    w = _bare(cx.toks[k].norm)[-1]
    for suf in _THEIR[1:]:
        if w.endswith(suf) and len(w) > len(suf) + 2:
            stem = w[: len(w) - len(suf)]
            if stem in cx.lex.object_heads or (
                stem.endswith(_FEM_CONSTRUCT) and stem[: len(stem) - len(_FEM_CONSTRUCT)] + _FEM in cx.lex.object_heads
            ):
                return True
    return False


def _owned_after_name(cx: Ctx, k: int) -> bool:
    """A noun with a possessive pronoun right after a person's name (``أكد … محمد السالم سعادته
    بنجاح …``): the name ended the subject, the noun is the verb's object."""
    t, w = cx.toks[k], _bare(cx.toks[k].norm)[-1]
    if not t.is_word or any(m.type in ("PER", "ORG") for m in cx.ents.overlapping(t.start, t.end)):
        return False
    if not any(m.type == "PER" and m.end == cx.toks[k - 1].end for m in cx.ents.overlapping(cx.toks[k - 1].start, cx.toks[k - 1].end)):
        return False
    if t.text.endswith(affix("feminine")):
        return False  # "شيخ قبيلة": the ة of the noun, folded like ه, is no pronoun
    return any(w.endswith(suf) and len(w) > len(suf) + 2 for suf in _THEIR[1:])


def _tail_is_medium(cx: Ctx, k: int, e: int) -> bool:
    """``لـ«X»`` at the end of a piece is the medium; ``لـ«X» حركة Y`` is part of a role."""
    if k in cx.open_at:
        return False
    j = k + 1
    if cx.toks[k].norm == _TO and j in cx.open_at:
        return cx.open_at[j] + 1 >= e
    words = sum(1 for t in cx.toks[k:e] if t.is_word)
    # "لمحطة التلفزيون الكينية «كي تي إن»": an outlet noun after ل names the medium however long
    return words <= 4 or (cx.toks[k].norm != _TO and words <= MAX_MEDIUM)


def _audience(cx: Ctx, k: int, e: int, head: int) -> bool:
    """``للصحفيين``، ``لوسائل الإعلام``: who was addressed, at the end of the phrase."""
    w = cx.toks[k].norm
    if not (w.startswith(_TO) and len(w) > 3) or k == head:
        return False
    rest = _after_to(w)
    if rest in cx.lex.audiences or (_ART + rest) in cx.lex.audiences:
        return True  # "وقال الوزير للصحفيين": right after a title too
    if member(cx.toks[head].norm, cx.lex.titles) and k == head + 1:
        return False  # "الأمين العام للجامعة" : part of the title
    if w.startswith(_TO_ART) and any(m.type == "PER" and m.start < cx.toks[k - 1].end for m in cx.ents.overlapping(cx.toks[k].start, cx.toks[k].end)):
        return True  # "وقال دودا للبرلمان:" tagged as one name: لل + a noun is whom he told, never a name
    # "وقال لزملائه إنه …": to a noun with a possessive pronoun (written ه, not the ة that folds
    # onto it; never with the article), someone addressed, not a speaker
    raw = cx.toks[k].text
    return not w.startswith(_TO_ART) and len(rest) > 4 and raw.endswith(_THEIR[1:]) and not any(
        m.type in ("PER", "ORG") for m in cx.ents.overlapping(cx.toks[k].start, cx.toks[k].end)
    )


def title_np(cx: Ctx, np_: NP) -> bool:
    """The phrase opens with a title (وزير، المتحدث …)."""
    w = cx.toks[np_.first].norm
    return member(w, cx.lex.titles)


def role_word(cx: Ctx, w: str) -> bool:
    """A title or organisation word: it belongs to a role, not a name."""
    lex = cx.lex
    return member(w, lex.titles) or member(w, lex.orgs) or w in lex.titles or w in lex.orgs


def split_role(cx: Ctx, np_: NP) -> tuple[NP | None, NP | None]:
    """(role, name) of a speaker phrase; a PER mention inside it wins.

    Without mentions, for a phrase headed by a title (وزير، المتحدث، الناشطة …) or a definite
    noun: the name is the longest tail that starts with a bare word and holds no role,
    organisation, place or group word ("وزير المالية | خالد الراشد", "… البنتاغون | مايكل
    بي مالروي"); a title keeps its complement. A phrase headed by anything else (هيئة
    النزاهة، واشنطن), or opening with a place or organisation mention, is one name.
    """
    if (hn := honorific_name(cx, np_)) is not None:
        return hn  # "شيخ قبيلة X الشيخ Y": the name after the honorific, whatever the tagger made of the title
    toks = cx.toks
    s, e = toks[np_.first].start, toks[np_.last].end
    titled = member(toks[np_.first].norm, cx.lex.titles)
    # بقيادة leads only before a title or a person ("المتحدث الرسمي بقيادة حرس الحدود": the command he serves)
    led = next((toks[k].end for k in range(np_.first + 1, np_.last) if member(toks[k].norm, cx.lex.led_by)
                and (member(toks[k + 1].norm, cx.lex.titles) or _person(cx, NP(k + 1, k + 1), whole=False))), e + 1)  # fmt: skip
    for m in cx.ents.within(s, e):
        if m.type != "PER" or not (s <= m.start and m.end <= e) or glued_mention(cx.text, m.end):
            continue  # "بي" of "بي.إم.آي": a piece of a glued abbreviation, not a name
        if m.start >= led:  # "الجهاز الفني بقيادة المدرب X": the body he leads speaks
            return None, trim(cx, np_.first, next(k for k in range(np_.first, np_.last + 1) if toks[k].end >= led) - 1) or np_
        # a person named at the start, or after a title and before the end or an apposed
        # title ("الخبير النفطي X مدير مجموعة …"); "بيان مكتب السوداني" is the statement's
        tail = _name_tail(cx, m.end, np_.last) if titled and m.start != s else None
        if m.start == s or (titled and (e - m.end <= 1 or _apposed_title(cx, m.end, np_.last) or _object_after(cx, m.end))) or tail is not None:
            name_first = next(k for k in range(np_.first, np_.last + 1) if toks[k].end > m.start)
            name_last = tail if tail is not None else max(k for k in range(np_.first, np_.last + 1) if toks[k].start < m.end)
            role = trim(cx, np_.first, name_first - 1) if name_first > np_.first else None
            if role is None and name_last == name_first + 1 and _surname_then_title(cx, name_first):
                return trim(cx, name_last, np_.last), NP(name_first, name_first)  # a tagged "المشهداني القيادي"
            return role, NP(name_first, name_last)
    head = toks[np_.first].norm
    if np_.last > np_.first and _surname_then_title(cx, np_.first):
        return trim(cx, np_.first + 1, np_.last), NP(np_.first, np_.first)  # "المشهداني | القيادي في …"
    if not (member(head, cx.lex.titles) or definite(head)):
        return None, np_
    if not titled and any(m.type in ("GPE", "ORG") and m.start == s for m in cx.ents.starting_in(s, toks[np_.first].end)):
        return None, np_  # "الامارات احدى اكبر الدول …", "البحرين وسلطنة عمان": a named place or body
    floor = np_.first + 1
    if member(head, cx.lex.titles) and not definite(head):
        floor += 1  # the title's complement: وزير المالية، رئيس تحالف …، محافظ نينوى
    basm = [k for k in range(np_.first, np_.last + 1) if toks[k].norm == _ON_BEHALF]
    start: int | None = None
    k = np_.last
    while k >= floor:
        t = toks[k]
        w = t.norm
        if k in cx.close_at or not t.is_word:
            break
        second_basm = w == _ON_BEHALF and basm and basm[0] < k
        if role_word(cx, w) and not second_basm:
            break
        if second_basm or (not definite(w) and not (w[:1] in _TO_BY and len(w) > 3)):
            prev = toks[k - 1] if k - 1 >= np_.first else None
            after = prev is None or not prev.is_word or definite(prev.norm) or role_word(cx, prev.norm)
            if after and not _preposition(cx, w) and (prev is None or not _preposition(cx, prev.norm)) and not any(
                    m.type != "PER" and m.start < t.start for m in cx.ents.overlapping(t.start, t.end)):  # fmt: skip
                # a name opens after a role word: "… المكرمة | عبدالوهاب شلبي"; never with من، في,
                # nor right after one ("سفير فرنسا في | جدة"), nor inside a body's name ("جامعة الملك | سعود")
                start = k
        k -= 1
    if start is None:
        return np_, None
    role = trim(cx, np_.first, start - 1)
    return role, NP(start, np_.last)


def _surname_then_title(cx: Ctx, k: int) -> bool:
    """A definite surname the tagger left unnamed, then an apposed title or source word
    (``المشهداني القيادي``, ``العمري العضو``): not a body, title or source itself."""
    w, nxt = cx.toks[k].norm, cx.toks[k + 1].norm
    words = (cx.lex.titles, cx.lex.orgs, cx.lex.anon, cx.lex.outlets)
    return definite(w) and not any(member(w, x) for x in words) and not person_noun(cx, w) and definite(nxt) and (
        member(nxt, cx.lex.titles) or member(nxt, cx.lex.anon))


def _preposition(cx: Ctx, w: str) -> bool:
    """``في``, ``من``, ``لدى``: a word that opens a phrase or clause, never a name; with its
    pronoun too (``البيان الصادر منها``: "from it", no name of its own)."""
    if w in cx.lex.openers or w in cx.lex.left_blockers or w in _pronoun_objects():
        return True  # "المشتبه به": the suspect, "به" no name
    return any(w.endswith(suf) and w[: len(w) - len(suf)] in cx.lex.openers for suf in _ADJ_PRON)


@cache
def _pronoun_objects() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("quotes/pronoun_objects.txt"))  # به، عنه، لها


def _apposed_title(cx: Ctx, pos: int, last: int) -> bool:
    """The words after character ``pos`` (up to token ``last``) open with a title: an
    apposition after the name (``… بيار تيرزيان مدير مجموعة …``)."""
    k = tok_at(cx, pos)
    return k <= last and (member(cx.toks[k].norm, cx.lex.titles) or cx.toks[k].norm in one_of_words())


def _name_tail(cx: Ctx, pos: int, last: int) -> int | None:
    """A name mention cut short before an apposition (``العميد [سالم ناصر] قحطان أحد القادة``):
    the last of at most two bare words after character ``pos`` that an apposed title follows."""
    k = j = tok_at(cx, pos)
    while j <= min(last, k + 1) and cx.toks[j].is_word and not definite(cx.toks[j].norm) and not (
        role_word(cx, cx.toks[j].norm) or _preposition(cx, cx.toks[j].norm) or _apposed_title(cx, cx.toks[j].start, last)
    ):
        j += 1
    return j - 1 if j > k and j <= last and _apposed_title(cx, cx.toks[j].start, last) else None


@cache
def _demonstratives() -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines("ar/morphology/demonstratives.txt"))


def demonstrative(cx: Ctx, k: int, clitic: str = "") -> bool:
    """``هذه``, ``ذلك`` …: after a subject, the start of the verb's object (``وثمن الأهالي هذه المبادرة``);
    with ``clitic`` (ب), a pointer back to what was said before (``حيث صرح بذلك X``)."""
    w = cx.toks[k].norm
    return w.startswith(clitic) and w[len(clitic) :] in _demonstratives()


@cache
def one_of_words() -> frozenset[str]:
    """``أحد``/``إحدى``: "one of …" after a titled name is an apposition, like a title."""
    return frozenset(fold(x) for x in load_lines("quotes/one_of.txt"))


def _object_after(cx: Ctx, pos: int) -> bool:
    """A definite noun right after a titled name (``دعا رئيس البلدية X السكان إلى``): the
    verb's object, so the name ends the speaker. Not a definite adjective of the name's
    own phrase: nisbas and title words are left to the tail rules."""
    k = tok_at(cx, pos)
    if k >= len(cx.toks):
        return False
    w = cx.toks[k].norm
    return definite(w) and not member(w, cx.lex.titles) and not _nisba(_nodef(w)) and not role_word(cx, w)


def is_anonymous(cx: Ctx, np_: NP) -> bool:
    """An unnamed source: ``مصدر``/``مسؤول`` with only describing words."""
    toks = cx.toks
    first = np_.first
    while first < np_.last and toks[first].norm.isdigit():
        first += 1  # "8 مسؤولين أميركيين"
    head = toks[first].norm
    if head.startswith(_TO) and not head.startswith(_TO_ART) and member(head[len(_TO) :], cx.lex.anon):
        head = head[len(_TO) :]  # "وفقا لمسؤول …"
    if not member(head, cx.lex.anon):
        return False
    rest = toks[first + 1 : np_.last + 1]
    if definite(head):
        if member(head, cx.lex.titles):
            return False  # "المتحدث باسم …" is a known office, not a hidden source
        return all(member(t.norm, cx.lex.anon_adj) or not t.is_word for t in rest)
    return all(
        member(t.norm, cx.lex.anon_adj) or role_word(cx, t.norm) or definite(t.norm) or _nisba(t.norm) or not t.is_word
        for t in rest
    )


def _nisba(w: str) -> bool:
    """Relational adjectives (عماني، غربي، عسكريين، محلية) describe an unnamed source."""
    return len(w) > 3 and w.endswith(_NISBA)


def anaphoric(cx: Ctx, np_: NP) -> bool:
    """``المسؤول``، ``المتحدث``، ``المصدر العراقي``، ``الأخير``: a definite mention of a speaker."""
    toks = cx.toks
    head = _bare(toks[np_.first].norm)[-1]
    if head in cx.lex.latter:
        return True
    if not head.startswith(_ART) or not (_nodef(head) in cx.lex.anon or head in cx.lex.titles):
        return False
    return all(member(t.norm, cx.lex.anon_adj) for t in toks[np_.first + 1 : np_.last + 1])


def span_text(cx: Ctx, np_: NP) -> tuple[int, int, str]:
    """``(start, end, text)`` of a phrase."""
    s, e = cx.toks[np_.first].start, cx.toks[np_.last].end
    return s, e, cx.text[s:e]


def clean_np(cx: Ctx, np_: NP | None) -> NP | None:
    """Drop particles/auxiliaries at the edges and quotation marks around a whole phrase."""
    if np_ is None:
        return None
    a, b = np_.first, np_.last
    while a < b and _bare(cx.toks[a].norm)[-1] in cx.lex.skip:
        a += 1
    while b > a and (cx.toks[b].norm in cx.lex.say_nouns or cx.toks[b].norm in cx.lex.skip or accusative(cx.toks[b])):
        b -= 1
    if a in cx.open_at and cx.open_at[a] == b and b - a >= 2:
        a, b = a + 1, b - 1
    return NP(a, b)


def make_speaker(cx: Ctx, sub: Subj) -> Speaker | None:
    """The ``Speaker`` of a parsed subject: name, role, medium, anonymity, entity."""
    np0 = clean_np(cx, sub.np)
    if np0 is None or particle_start(cx, np0.first):
        return None  # "وقد يعتقد ولو للحظة أننا …": a particle opens no speaker
    lead: NP | None = None
    if sub.name is None and np0.last > np0.first + 1 and title_dot(cx.toks, np0.first + 1):
        lead, np0 = NP(np0.first, np0.first + 1), NP(np0.first + 2, np0.last)  # "د.خالد السالم": the title, then the name
    if sub.name is None and is_anonymous(cx, np0):
        role, name, anonymous = None, None, True
    else:
        role, name = (clean_np(cx, sub.role), clean_np(cx, sub.name)) if sub.name is not None else split_role(cx, np0)
        anonymous = False
    target = name or np0
    s, e, txt = span_text(cx, target)
    entity = None
    for m in cx.ents.overlapping(s, e):
        if m.entity:
            entity = m.entity
            break
    if lead is not None and role is None:
        role, name = lead, name or np0
    role_text = span_text(cx, role)[2] if role is not None and name is not None else None
    return Speaker(text=txt, entity=entity, role=role_text, anonymous=anonymous, start=s, end=e, medium=sub.medium)




def speakerish(cx: Ctx, np_: NP) -> bool:
    """The phrase can be a speaker: a named person or body, a title, an anonymous source or an outlet."""
    t = cx.toks[np_.first]
    named = any(m.type in ("PER", "ORG") and m.start <= t.start < m.end for m in cx.ents.overlapping(t.start, t.end))
    return named or title_np(cx, np_) or member(t.norm, cx.lex.anon) or role_word(cx, t.norm) or member(t.norm, cx.lex.outlets) or (
        person_noun(cx, t.norm) or possessed(t.norm, cx.lex.orgs)  # "بنكها المركزي"
    )


def person_noun(cx: Ctx, w: str) -> bool:
    """``الطالب``, ``اللاعب``: a definite description of a person of the story (person_nouns.txt)."""
    return definite(w) and member(w, cx.lex.persons)


def noun_speaker(cx: Ctx, a: int, b: int) -> Speaker | None:
    """``تصريحات لمسؤول أميركي في «البنتاغون» بأن …``: the speaker follows with ل."""
    t = cx.toks[a] if a < b else None
    if t is None or not t.norm.startswith(_TO) or len(t.norm) < 4 or t.norm.startswith(_TO_ART):
        return None
    np_ = trim(cx, a, b - 1)
    if np_ is None:
        return None
    sub = Subj(np=np_)
    spk = make_speaker(cx, sub)
    if spk is None:
        return None
    spk.anonymous = fold(spk.text[1:]).split()[0] in cx.lex.anon if spk.text[1:].split() else False
    spk.start += 1
    spk.text = cx.text[spk.start : spk.end]
    return spk

