"""Where a cue's reported content begins: after أن/إن, a colon, a quotation mark, or the
preposition the verb governs (``طالب بـ``, ``أشار إلى``). Split from ``engine`` (which reads a
cue's whole frame) so each file stays small; the frame logic there calls ``intro_at``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasd.annotators.quotes.clauses import clock_colon, quoted_subject
from rasd.annotators.quotes.context import Ctx, short_pair
from rasd.annotators.quotes.frames import report_noun
from rasd.annotators.quotes.history import CLITICS as _CLITICS
from rasd.annotators.quotes.history import bare as _bare
from rasd.annotators.quotes.lexicon import Verb, glued_prep, governed_prep, member
from rasd.annotators.quotes.offices import affiliation, office_head
from rasd.annotators.quotes.speakers import demonstrative, pronoun_adjunct
from rasd.resources import load_lines
from rasd.text.clitics import particle, proclitic

_BY = proclitic("by")  # بـ: "طالبت النقابة بصرف المستحقات"
_IN = particle("in")
_ON = particle("on")  # folded; written so it is the name علي


@cache
def _negated_comps() -> frozenset[str]:
    """``ألا`` (أن + لا) as written: folding would make it ``إلا`` (except)."""
    return frozenset(load_lines("quotes/negated_complementizers.txt"))


def negated_comp(text: str) -> bool:
    """The written token is أن + لا in one word (diacritics other than the shadda ignored)."""
    return "".join(c for c in text if not "\u064b" <= c <= "\u0650" and c != "\u0652") in _negated_comps()


@dataclass
class Intro:
    content_start: int  # token index where content begins
    direct_open: int | None  # token index of an opening mark, when direct
    kind: str  # comp | colon | quote | prep | obj


def _short_speech(cx: Ctx, o: int) -> bool:
    """The short pair opening at ``o`` holds two words or more and ends its clause (a full stop,
    a comma or a paragraph after the closing mark): a brief quotation, not a name the clause
    goes on from."""
    c = cx.open_at[o]
    if sum(t.is_word for t in cx.toks[o + 1 : c]) < 2:
        return False
    return c + 1 >= len(cx.toks) or cx.brk[c] or cx.toks[c + 1].norm in (".", ",", "!", "؟")


def intro_at(cx: Ctx, k: int, verb: Verb, first: bool) -> Intro | None:
    """Does reported content begin at token ``k``?"""
    toks, lex = cx.toks, cx.lex
    t = toks[k]
    nxt = k + 1

    def after(j: int, kind: str) -> Intro:
        while j < len(toks) and toks[j].norm in (":", ","):
            j += 1
        if kind == "colon" and j + 1 < len(toks) and toks[j].norm in lex.comps and toks[j + 1].is_word:
            j += 1  # "قال في بيان: إنه …": the content starts after إن, as with "قال إنه"
        if j < len(toks) and j in cx.open_at and not quoted_subject(cx, j):
            return Intro(j + 1, j, kind)
        return Intro(j, None, kind)

    if "preps" in verb.options and t.norm not in verb.preps and not (k > 0 and toks[k - 1].norm in verb.preps):
        return None  # "واكتفى بأن يلقب …": without its own preposition (or a mark right after it) nothing is reported
    if t.norm == ":" and not clock_colon(toks, k):
        return after(nxt, "colon")
    if k in cx.open_at and not short_pair(cx, k) and not (first and "strict" in verb.options):
        return Intro(k + 1, k, "quote")
    if first and k in cx.open_at and "strict" not in verb.options and _short_speech(cx, k):
        return Intro(k + 1, k, "quote")  # "وأضاف «لن نتراجع»." right after the cue: speech, not a name
    if (t.norm in lex.comps or (t.norm[:1] in _CLITICS and t.norm[1:] in lex.comps and first)) and not (
        k > 0 and member(toks[k - 1].norm, lex.binders)
    ):
        return after(nxt, "comp")  # not "بعد أن"، "إلا أن": another conjunction, not the cue's
    if negated_comp(t.text) and nxt < len(toks) and toks[nxt].is_word:
        return Intro(k, None, "comp")  # "داعيا الله ألا يريه …": the content keeps its negation
    if "chain" in verb.options and report_noun(t) and not (nxt < len(toks) and toks[nxt].norm in lex.comps):
        return Intro(nxt, None, "obj")  # "نقلت الصحيفة عن الوزير توقعه ارتفاع …"
    if t.norm in lex.say_nouns:
        return None
    if ((t.norm in verb.preps and t.text != _ON) or (t.norm == _BY and _BY in verb.preps)) and not (
        k > 0 and governed_prep(lex, toks[k - 1].norm, t.norm, toks[k - 2].norm if k > 1 else "")
    ) and (nxt >= len(toks) or (t.norm, toks[nxt].norm) not in lex.prep_adverbs):  # علي a name; "والمشرف على" a title; "على التوالي" an adverb
        if nxt < len(toks) and (toks[nxt].norm in lex.comps or nxt in cx.open_at):
            return after(nxt + (toks[nxt].norm in lex.comps), "prep")
        if nxt < len(toks) and toks[nxt].is_word:
            return Intro(nxt, None, "prep")
    if t.norm == _BY and nxt in cx.open_at:
        return Intro(nxt + 1, nxt, "quote")
    if "obj" in verb.options and any(x in lex.obj_starts for x in _bare(t.norm)):
        return Intro(k, None, "obj")  # "نفى المتحدث وقوع أي اشتباك"
    if (
        (glued := glued_prep(verb, t.norm)) is not None and len(t.norm) >= len(glued) + 3
        and t.text[len(glued) : len(glued) + 1] != "\u0640"  # بـ«X»: a tatweel after the ب sets it apart
        and (first or toks[k - 1].norm != _IN)
        and not member(t.norm, lex.adjuncts)
        and not pronoun_adjunct(cx, k)  # "بينها": between them, not بـ + a noun
        and not demonstrative(cx, k, glued)  # "حيث صرح بذلك X": the words are before the cue
        and not member(t.norm, lex.venues)
        and not affiliation(t.norm)
        and not (k > 0 and office_head(toks[k - 1].norm))  # "وكيل محافظة بدر": a name, not بـ + content
        and not any(m.type == "PER" and m.start == t.start for m in cx.ents.overlapping(t.start, t.end))  # "بتال": a name
    ):
        return Intro(k, None, "prep")  # "طالبت النقابة بصرف المستحقات"
    return None
