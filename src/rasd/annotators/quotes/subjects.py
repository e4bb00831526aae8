"""A sentence's own subject, for a reporting participle that follows a verb of another kind.

"ورفض المصدر … كشف …، مكتفيا بالقول:" and "وحمّل الضابط … محذرا من أن …": the participle speaks
for the subject of the sentence's first verb, not for the last speaker quoted. Split from
``engine`` (the frames and continuations), which calls ``main_subject`` and ``inner_subject``.
"""

from __future__ import annotations

from rasd.annotators.quotes.addressees import oblique_object
from rasd.annotators.quotes.context import NP, Ctx, segments, short_pair, trim
from rasd.annotators.quotes.groups import relative_group
from rasd.annotators.quotes.history import bare
from rasd.annotators.quotes.lexicon import member
from rasd.annotators.quotes.nominal import opens_object
from rasd.annotators.quotes.speakers import (
    Subj,
    definite,
    demonstrative,
    is_adjunct_start,
    person_noun,
    speakerish,
    split_role,
    title_np,
)
from rasd.resources import arabic, load_lines
from rasd.text import fold
from rasd.text.clitics import affixes, particle

_LONG_TITLE = 20  # tokens of a title chain that ends in a named person ("وكيل وزارة … لشؤون … الدكتور X")
_IN = particle("in")
_ACC = affixes("accusative")  # خطابا، بيانا
_OWN = tuple(p for p in affixes("pronoun") if p)  # جهتها، بدوره
# one-word pieces before a clause that are no subject (في، المقابل، لكن، كما …)
SOFT = frozenset(fold(x) for x in load_lines("quotes/soft_openers.txt"))
_EXPRESSED = frozenset(fold(x) for x in load_lines("quotes/expressed.txt"))  # أعرب، عبر + عن
_ABOUT = particle("about")
_HONORIFIC = frozenset(fold(x) for x in arabic.titles("honorific"))  # الأمير، الشيخ: a subject before عن


def main_subject(cx: Ctx, s0: int, k: int) -> Subj | None:
    """Subject of the sentence's own verb, for a participle that follows a non-report verb.

    "وحمّل الضابط السابق … مايكل بي مالروي، … محذرا من أن …": the warning is Mulroy's.
    """
    if (group := relative_group(cx, s0, k)) is not None:
        return Subj(np=group)  # "سلم X الشهادات للحضور الذين شكروا … وطالبوا": the group asks
    segs = [_past_opener(cx, *sg) for sg in segments(cx, s0, k)]
    about = _expressed(cx, *segs[0]) if segs else None  # "وعبر جلالته عن …": عبر is the verb here
    segs = [sg for n, sg in enumerate(segs) if (n == 0 and about is not None) or not is_adjunct_start(cx, sg[0])]
    segs = [sg for sg in segs if not (sg[1] - sg[0] == 1 and member(cx.toks[sg[0]].norm, SOFT))]
    segs = [sg for sg in segs if not _opener(cx, *sg)]
    if not segs or segs[0][1] - segs[0][0] < 2:
        return None
    a, b = segs[0][0], segs[0][1] - 1
    while a < b and member(cx.toks[a].norm, SOFT):
        a += 1
    a += 1  # skip the verb
    np_ = trim(cx, a, b if about is None else about - 1)
    if np_ is None or _adjunct_only(cx, np_):
        return None
    np_ = before_relative(cx, np_)  # "ورفض المسؤول الذي طلب عدم نشر اسمه تحديد …"
    named = [m for m in cx.ents.starting_in(cx.toks[np_.first].start, cx.toks[min(np_.last, np_.first + 1)].end)
             if m.type in ("PER", "ORG")]  # fmt: skip
    person = [m for m in cx.ents.starting_in(cx.toks[np_.first].start, cx.toks[np_.last].end) if m.type == "PER"][:1] if title_np(cx, np_) else []
    named = person or named  # "وألقى رئيس الشركة الأمير X كلمة …": the person after the title ends it
    if named:  # "ونقل الوزير سالم بن خالد لرئيس الوفد تحيات …": the name ends the subject
        last = max(j for j in range(np_.first, np_.last + 1) if cx.toks[j].start < named[0].end)
        np_ = NP(np_.first, last)
        # "ونقل الأمير X تعازي …": a tagged name that runs into a verbal noun stops before it
        cut = next((j for j in range(np_.first + 1, np_.last + 1) if opens_object(cx.toks[j].norm)), None)
        np_ = trim(cx, np_.first, cut - 1) or np_ if cut is not None else np_
    elif person_noun(cx, cx.toks[np_.first].norm):  # "وقام الطالب بشتم الموظفة": the noun and its adjectives
        last = np_.first
        while last < np_.last and definite(cx.toks[last + 1].norm) and not is_adjunct_start(cx, last + 1):
            last += 1
        np_ = NP(np_.first, last)
    elif not (title_np(cx, np_) or member(cx.toks[np_.first].norm, cx.lex.anon)):
        end = np_.first + 1
        while end <= np_.last and not (is_adjunct_start(cx, end) or cx.toks[end].norm == _IN):
            if _object_after(cx, end):
                break  # "رفعت إدارة النادي خطابا إلى …": the object, not the subject
            if end in cx.open_at:
                if not short_pair(cx, end):
                    break
                end = cx.open_at[end]  # a quoted name: صحيفة "هافنجتون بوست"
            end += 1
        np_ = trim(cx, np_.first, end - 1) or np_
    obj = next((j for j in range(np_.first + 1, np_.last + 1)
                if oblique_object(cx, NP(j, j)) and cx.toks[j - 1].norm not in cx.lex.openers), None)  # fmt: skip
    obj = next((j for j in range(np_.first + 1, np_.last + 1) if demonstrative(cx, j)), obj)  # "… الأهالي هذه المبادرة"
    if obj is not None:  # "وحملت فئة ثالثة اللاعبين الخسارة": the object, never part of the subject
        np_ = trim(cx, np_.first, obj - 1) or np_
    if np_.last - np_.first >= (_LONG_TITLE if person else 10):
        return None  # a long clause, not a speaker phrase; a title chain before a name may run longer
    role, name = split_role(cx, np_)
    if name is not None and role is not None:
        return Subj(np=np_, name=name, role=role)
    head = cx.toks[np_.first].norm
    if any(member(head, words) for words in (cx.lex.titles, cx.lex.anon, cx.lex.orgs, cx.lex.outlets)) or person_noun(cx, head):
        return Subj(np=np_)  # "وقام الطالب بإيذاء الموظفة وقال لها إنه …": the student, resolved by coref
    if about is not None and (speakerish(cx, np_) or head in _HONORIFIC):
        return Subj(np=np_)  # "وأعرب خادم الحرمين الشريفين عن شكره …": the whole phrase before عن
    return None


def before_relative(cx: Ctx, np_: NP) -> NP:
    """``np_`` up to a relative pronoun inside it (``الاجتماع الذي عقد أمس``): the relative
    clause describes the subject and ends it; its verb's words are never the speaker."""
    rel = next((j for j in range(np_.first + 1, np_.last + 1) if cx.toks[j].norm in cx.lex.relatives), None)
    return trim(cx, np_.first, rel - 1) or np_ if rel is not None else np_


def past_binder(cx: Ctx, a: int) -> int:
    """``a`` moved past a conjunction of time or concession and its أن (``، بعد أن نشرت صحيفة X
    الصورة واتهمته``): the clause after it has a subject of its own for a cue coordinated with its verb."""
    toks = cx.toks
    if a + 1 < len(toks) and member(toks[a].norm, cx.lex.binders) and toks[a + 1].norm in cx.lex.comps:
        return a + 2
    return a


def inner_subject(cx: Ctx, s0: int, k: int) -> Subj | None:
    """The subject of the clause that holds a participle cue inside someone's direct speech:
    the clause starts after the last opening mark before the cue."""
    a = max((x + 1 for x in range(s0, k) if x in cx.open_at and cx.open_at[x] > k), default=None)
    if a is None or k - a < 2:
        return None
    main = main_subject(cx, a, k)
    if main is None and cx.toks[a + 1].is_word and definite(cx.toks[a + 1].norm):
        return Subj(np=NP(a + 1, a + 1))  # "صرخ الجنود قائلين": a definite noun after the verb
    return main


def _expressed(cx: Ctx, a: int, b: int) -> int | None:
    """Token of عن after a subject when tokens ``a..b-1`` open with a verb of ``expressed.txt``
    (``أعرب الأمير عن شكره …``): the subject ends there."""
    if a >= b or not any(w in _EXPRESSED for w in bare(cx.toks[a].norm)):
        return None
    return next((j for j in range(a + 2, b) if cx.toks[j].norm == _ABOUT), None)


def _adjunct_only(cx: Ctx, np_: NP) -> bool:
    """The words after the verb open with a preposition (``وقدم في ختام كلمته الشكر …``) and name
    nobody: the verb's subject is not written, so the participle after it goes on with the last
    speaker. A name after the adjunct (``وقدم في ختام الحفل مدير التعليم X``) is still read."""
    if not (is_adjunct_start(cx, np_.first) or cx.toks[np_.first].norm == _IN):
        return False
    lo, hi = cx.toks[np_.first].start, cx.toks[np_.last].end
    return not any(m.type in ("PER", "ORG") for m in cx.ents.starting_in(lo, hi))


def _object_after(cx: Ctx, k: int) -> bool:
    """An indefinite accusative noun (``خطابا``, ``بيانا``) right after a definite word: the
    verb's object begins at ``k``."""
    w, prev = cx.toks[k].norm, cx.toks[k - 1].norm
    return cx.toks[k].is_word and w.endswith(_ACC) and len(w) > 3 and not definite(w) and definite(prev)


def _past_opener(cx: Ctx, a: int, b: int) -> tuple[int, int]:
    """A piece without the linking words glued before its verb (``من جهتها أصدرت الإدارة بيانا
    أكدت فيه …`` with no comma): the clause, and so its subject, starts after them."""
    for n in (3, 2, 1):  # longest first: "من" alone is a preposition, "من جهتها" the link
        last = cx.toks[a + n - 1].norm if a + n < b else ""
        if (a + n + 1 < b and all(t.is_word for t in cx.toks[a : a + n]) and _opener(cx, a, a + n)
                and any(last.endswith(p) and len(last) > len(p) + 2 for p in _OWN)):  # fmt: skip
            return a + n, b  # "بدوره", "من جانبه": a pronoun points back; a bare "في" opens an adjunct
    return a, b


def _opener(cx: Ctx, a: int, b: int) -> bool:
    """A short linking piece before the clause (``من جهة أخرى``, ``على صعيد آخر``, ``من جانبه``)."""
    words = [t.norm for t in cx.toks[a:b] if t.is_word]
    return 0 < len(words) <= 3 and (words[-1] in cx.lex.openers or all(w in cx.lex.openers for w in words))
