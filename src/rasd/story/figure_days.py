"""Where a day said in a report's sentence stands towards its trigger (``story.figures.own_day``).

A day said before the trigger dates the happening only when something ties it to it: the words
leading from it to the trigger (``story/cause_words.txt``: "فجر أمس في حادث انقلاب"), a notice
received of the happening or a responders' verb beside it (``story/notice_words.txt``), an opener
of a statement's content before it ("قال إنه في تمام الساعة …"), or its place at the head of the
sentence with only the subject between it and the trigger (``clear_to``: "وصباح أمس، قتلت الشرطة
مسلحين"، "أصيب راع مساء أمس الأول بقذيفة"): news opens a sentence with the day of
what it tells. A day after a verb of the future is of something to come (``to_come``). A day
right after a statement verb is the statement's (``statement_day``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from rasd.annotators.events import imperfect
from rasd.resources import load_table
from rasd.story.figure_text import MAX_WINDOW, Word, _hit, _slot_words, _Words
from rasd.text import Token, fold, tokenize
from rasd.text.clitics import future_chains
from rasd.text.words import word_list

CAUSE_GAP = 2  # words leading from a day said before the trigger to it ("فجر أمس في حادث انقلاب")
RESPOND_GAP = 12  # words between a responders' verb and the day after it ("أنقذت فرقة … أمس")
NOTICE_GAP = 2  # words between a day and the notice received of a happening ("تلقت بلاغا مساء أمس عن")


def to_come(text: str) -> bool:
    """Whether ``text`` (the words before a head day) holds a verb of the future ("وستلتئم
    المحكمة الخميس"): that day is of something to come, not of the happening."""
    chains = future_chains()
    return any(tok.norm.startswith(c) and imperfect(Token(tok.text, tok.start, tok.end, tok.norm[len(c):]))
               for tok in tokenize(text) for c in chains)  # fmt: skip


def head_of(words: Sequence[Word], i: int, most: int) -> bool:
    """Whether the day at word ``i`` opens its sentence (only words leading to a time before it:
    "وفي 8 آذار"، "وصباح أمس") or comes at most ``most`` words after a victim's verb that opens it
    (``story/slot_words.tsv``: "أصيب مواطن مساء أمس"; after another verb, "وصل صباح أمس باص", it
    is that verb's day)."""
    k = led(words, i)
    return k == 0 or (k <= most and _hit(words[0], _slot_words()["before"]) is not None)


def clear_to(words: _Words, j: int, ti: int, busy: Sequence[int], stop: frozenset[str]) -> bool:
    """Whether nothing but the subject stands between the day ending at word ``j`` and the trigger
    (word ``ti``): no other day, report, cue, statement verb or opener of a statement's content."""
    if not j < ti < len(words):
        return False
    lo, hi = words[j][0], words[ti][0]
    if any(lo <= x < hi for x in busy) or any(lo <= c < hi for c in words.cues()):
        return False
    return not any(_hit(w, stop) for w in words[j:ti])


def led(words: Sequence[Word], i: int) -> int:
    """The first word of the day at word ``i`` with the words leading to a time said before
    it (``story/time_leads.txt``: "في تمام الساعة"، "عند حلول المساء")."""
    leads = word_list("story/time_leads.txt")
    while i > 0 and _hit(words[i - 1], leads):
        i -= 1
    return i


@cache
def notice_words(kind: str | None = None) -> frozenset[str]:
    """The folded words of ``story/notice_words.txt``: all, or one kind's (``notice``: a notice
    and the verbs of receiving it; ``act``: the responders' and agents' verbs)."""
    return frozenset(fold(r[0]) for r in load_table("story/notice_words.txt") if kind in (None, r[-1]))


def notice(words: Sequence[Word], i: int, j: int, trig: int) -> bool:
    """Whether the day at words ``i``–``j`` is said beside a notice received of the happening
    (``story/notice_words.txt``: "تبلغ المركز عند الساعة العاشرة عن حريق"),
    before the trigger: that notice's day is the happening's."""
    return trig > i and received(words, i, j, notice_words())


def received(words: Sequence[Word], i: int, j: int, notices: frozenset[str] | None = None) -> bool:
    """Whether one of ``notices`` (by default a notice or a verb of receiving it, not a
    responders' act) is said within ``NOTICE_GAP`` words of the day at words ``i``–``j``."""
    notices = notice_words("notice") if notices is None else notices
    return any(_hit(w, notices) for w in words[max(0, led(words, i) - NOTICE_GAP) : j + NOTICE_GAP])


def responded(words: Sequence[Word], i: int, trig: int) -> bool:
    """Whether a word of ``story/notice_words.txt`` (a responders' or agents' verb: "أنقذت فرقة
    الإنقاذ التابعة لقطاع … أمس شخصين كانا يصارعان الغرق") comes within ``RESPOND_GAP`` words
    before the day at word ``i``, the trigger after it: that verb's day is the happening's."""
    return trig > i and any(_hit(w, notice_words()) for w in words[max(0, i - RESPOND_GAP) : i])


def leads_to(words: Sequence[Word], j: int, trig: int) -> bool:
    """Whether the words from ``j`` (right after a day) to the trigger (word ``trig``) are
    only ``CAUSE_GAP`` words leading to it (``story/cause_words.txt``: "فجر أمس في حادث انقلاب"):
    the day is the happening's, however far before it the sentence began."""
    cause = word_list("story/cause_words.txt")
    return j < trig and trig - j <= CAUSE_GAP and all(_hit(w, cause) for w in words[j:trig])


def statement_day(words: Sequence[Word], i: int, trig: int, verbs: frozenset[str]) -> bool:
    """Whether the day at word ``i`` is a statement's: the nearest word before it that is a
    statement verb or the trigger (word ``trig``) is the verb ("أعلن الأربعاء الماضي وفاة …"),
    with no word opening the statement's content between (``أن``، ``إنه``: "قال إنه في صباح
    الخميس انفجرت …" dates the explosion)."""
    openers = word_list("story/content_openers.txt")
    for k in range(i - 1, max(-1, i - 1 - 2 * MAX_WINDOW), -1):
        if k == trig or _hit(words[k], openers):
            return False
        if _hit(words[k], verbs):
            return True
    return False
