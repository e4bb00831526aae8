"""Words where a subject would stand that are none: a time adverb between a reporting verb and
its subject (``وأوضح أمس الخميس X مدير … أن``), a particle opening a clause (``لأنه``, ``ولو``)
that the speaker phrase was taken to start with, the feminine object of a masculine ``دعا``.

News puts the day right after the cue as often as after the speaker; the subject piece then
opens with an adjunct word and was skipped whole, losing the quote. The adverb is passed over
only when a speaker phrase follows it, so ``قال يوم الخميس في مؤتمر …`` keeps its zero subject.
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.quotes.context import Ctx
from rasd.annotators.quotes.history import bare, nodef
from rasd.annotators.quotes.lexicon import Verb, member, time_adjuncts
from rasd.resources import load_lines
from rasd.text import fold
from rasd.text.clitics import affix, conjunctions

_CONJ = conjunctions()  # و، ف
_FEM = affix("feminine")  # ة, as written (folding makes it ه)

_MAX = 3  # "صباح أمس الخميس": at most three time words in a row


def past_time(cx: Ctx, s: int, e: int) -> int:
    """Index of the first token after the time words (at most three) opening tokens ``s..e-1``;
    ``s`` when none opens them. The caller takes it only when a speaker phrase starts there."""
    times = time_adjuncts()
    k = s
    while k < e and k - s < _MAX and (cx.toks[k].norm in times or nodef(cx.toks[k].norm) in times):
        k += 1
    return k if k < e and cx.toks[k].is_word else s


def particle_start(cx: Ctx, k: int) -> bool:
    """Token ``k`` is a conditional or causal particle (``quotes/particle_openers.txt``: ``لأنه``,
    ``ولو``) as written: the phrase it opens is no speaker."""
    t = cx.toks[k].text
    return t in _particles() or (t[:1] in _CONJ and t[1:] in _particles())


@cache
def _particles() -> frozenset[str]:
    return frozenset(load_lines("quotes/particle_openers.txt"))


def addressed_object(cx: Ctx, s: int, verb: Verb) -> bool:
    """``ودعا وكالة X إلى …``: a masculine singular cue of calling on someone (``addressee`` in
    verbs.tsv: دعا، طالب، حث، ناشد) right before a feminine noun that no name or title covers. A
    feminine subject would make the verb feminine (``ودعت الوكالة``), so the noun is whom he called
    on and the subject is elided (the speaker before goes on)."""
    if "addressee" not in verb.options or s < 1 or s >= len(cx.toks):
        return False
    cue, t = cx.toks[s - 1], cx.toks[s]
    if bare(cue.norm)[-1] != fold(verb.lemma) or not t.text.endswith(_FEM):
        return False
    if member(t.norm, cx.lex.titles) or member(t.norm, cx.lex.anon):
        return False  # "دعا سماحة المفتي": an honorific
    return not any(m.type == "PER" for m in cx.ents.overlapping(t.start, t.end))
