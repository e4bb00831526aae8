"""Statements reported before their cue: ``«…» هذا ما قاله X``, ``…، وهذا ما أكده X``, ``وهو ما أكده X``.

The demonstrative (or the pronoun ``هو/هي``) and ``ما`` point back to what was just said, and the cue carries the object
pronoun (``أكده``, ``قالته``), so the verb form is not in the lexicon as written: the pronoun is
cut off and the rest looked up. The content is the quotation right before the demonstrative,
else its clause (from the sentence start); the speaker is the subject after the cue.
``pointed_back`` reads the sentence form of the same thing, ``…. أكد ذلك X`` (decision 6a).
"""

from __future__ import annotations

from rasd.annotators.quotes.context import Ctx, content_end, cue_at, polarity, sentence_start, trim
from rasd.annotators.quotes.history import bare
from rasd.annotators.quotes.lexicon import Verb, pronoun_adjuncts
from rasd.annotators.quotes.marks import OPENERS
from rasd.annotators.quotes.speakers import demonstrative, make_speaker, parse_subject
from rasd.annotators.spans import SpanIndex
from rasd.models import Quote, Span
from rasd.text.clitics import affixes, conjunctions, particle

_WHAT = particle("what")  # ما
_OBJ = sorted((p for p in affixes("pronoun", "definite") if p), key=len, reverse=True)  # ه، ها، هم
_CONJ = conjunctions()  # و، ف: "وهذا ما …"
_CLOSERS = frozenset(OPENERS.values())


def _cue(cx: Ctx, w: str) -> Verb | None:
    """The finite reporting verb of ``w`` less its object pronoun (``أكده`` → ``أكد``)."""
    for suf in _OBJ:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            for stem in bare(w[: -len(suf)]):
                v = cx.lex.cues.get((stem,))
                if v is not None and not v.participle and "noun" not in v.options:
                    return v
    return None


def resumed(cx: Ctx, found: list[Quote], doc_id: str, date: str | None) -> list[Quote]:
    """Quotes whose content comes before ``هذا ما`` + a cue with an object pronoun."""
    toks = cx.toks
    out: list[Quote] = []
    taken = SpanIndex(q.content for q in found)
    for i in range(1, len(toks) - 3):
        if toks[i + 1].norm != _WHAT or not (toks[i].norm in pronoun_adjuncts() or any(demonstrative(cx, i, c) for c in ("", *_CONJ))):
            continue
        verb = _cue(cx, toks[i + 2].norm)
        if verb is None:
            continue
        sub = parse_subject(cx, i + 3, content_end(cx, i + 3), verb)
        spk = make_speaker(cx, sub) if sub.np is not None else None
        p = i - 1
        while p >= 0 and not toks[p].is_word and p not in cx.close_at:
            p -= 1  # "…، هذا ما": past the comma or the full stop
        if spk is None or p < 0:
            continue
        if p in cx.close_at:  # "«…» هذا ما قاله X": the quotation
            a, b, direct = cx.close_at[p] + 1, p - 1, True
        else:  # its clause; a closing mark with no opening one (the page dropped it) still quotes
            a, b, direct = sentence_start(cx, p), p, any(t.text in _CLOSERS for t in toks[p + 1 : i])
        cn = trim(cx, a, b)
        if cn is None:
            continue
        c_s, c_e = toks[cn.first].start, toks[cn.last].end
        if taken.overlapping(c_s, c_e):
            continue  # already someone's reported words
        cue = cx.text[toks[i + 2].start : toks[i + 2].end]
        out.append(
            Quote(doc_id, c_s, max(spk.end, toks[i + 2].end), spk, cue, Span(c_s, c_e), direct,
                  polarity(cx, verb.polarity, cn.first, cn.last + 1), 0.7, date)  # fmt: skip
        )
    return out


def pointed_back(cx: Ctx, k: int, n: int) -> tuple[int, int] | None:
    """``(first, last)`` tokens of the statement before ``أكد ذلك X`` (realnews decision 6a): the
    cue at ``k`` opens its sentence, ``ذلك`` follows it, and the sentence before names no
    source (no cue of its own), so that sentence is what the speaker after ``ذلك`` said."""
    toks = cx.toks
    if k < 2 or k != cx.s0[k] or k + n + 1 >= len(toks) or not demonstrative(cx, k + n):
        return None
    p = k - 1
    while p >= 0 and not toks[p].is_word and p not in cx.close_at:
        p -= 1
    a = sentence_start(cx, p) if p >= 0 else 0
    if p < 0 or any(cue_at(cx, x) is not None for x in range(a, p + 1)):
        return None  # "قال X إن …. أكد ذلك Y": that statement has its source already
    cn = trim(cx, a, p)
    return None if cn is None else (cn.first, cn.last)
