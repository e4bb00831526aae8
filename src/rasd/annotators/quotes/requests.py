"""What a request asks for when no أن follows it: ``طلب منه سداد …``, ``طلب من البلدية تجهيزه``.

A strict calling verb (``طلب``) reports only with أن or a colon after it, because its bare
object is often a thing (``طلب الملف``). After ``من`` and the one asked, though, the word that
follows is the action asked for (realnews decision E3), so the content starts there.
"""

from __future__ import annotations

from rasd.annotators.quotes.context import Ctx
from rasd.annotators.quotes.history import nodef as _nodef
from rasd.annotators.quotes.lexicon import member
from rasd.annotators.quotes.speakers import is_adjunct_start
from rasd.annotators.spans import SpanIndex
from rasd.models import Timex
from rasd.text.clitics import affixes, article, particle

_FROM = particle("from")
_ART = article()
_NISBA = affixes("nisba", "describes")  # المالية، الإسلامية: the complement's adjectives
_OBLIQUE = affixes("dual", "obl")  # ين: the oblique plural of the one asked
_PRON = frozenset(affixes("pronoun", "definite"))  # منه، منها، منهم
_NOT_ACTION = frozenset(particle(g) for g in ("in", "on", "about", "with", "from"))
_MAX = 12  # tokens between the cue and the asked action


def asked_action(cx: Ctx, a: int, times: SpanIndex[Timex]) -> tuple[int, int] | None:
    """``(من, action)``: the tokens where the one asked and the action asked for begin, after ``من`` + the one asked within a few
    tokens of ``a`` (the token after the cue), else None. The one asked is a pronoun (``منه``)
    or a definite noun with its definite adjectives, a title with its complement (``من وزير
    المالية``) or a name (``من السفير الألماني``); a time
    expression may come between (``طلب منه الأسبوع الماضي البقاء``)."""
    toks = cx.toks
    for x in range(a, min(a + _MAX, len(toks))):
        w = toks[x].norm
        if w in (",", ":", ".") or x in cx.open_at:
            return None
        if w == _FROM and x + 1 < len(toks):
            end = _addressee_end(cx, x + 1)
            y, definite_ok = end if end is not None else (None, False)
        elif w.startswith(_FROM) and w[len(_FROM) :] in _PRON:
            y, definite_ok = x + 1, True
        else:
            if cx.brk[x]:
                return None
            continue
        if y is None:
            return None
        while y < len(toks) and times.containing(toks[y].start):
            y, definite_ok = y + 1, True
        return (x, y) if y < len(toks) and _action(cx, y, definite_ok) else None
    return None


def _addressee_end(cx: Ctx, y: int) -> tuple[int, bool] | None:
    """(the token after the one asked that starts at ``y``, whether the action after it may be
    definite): a name, a title with its complement (``وزير المالية الالتزام``: the action may
    then be definite), or a definite noun and the definite adjectives after it (``من البلدية
    تجهيزه``: a definite word there is another adjective); None when none starts there."""
    toks = cx.toks
    names = [m for m in cx.ents.starting_in(toks[y].start, toks[y].end) if m.type in ("PER", "ORG")]
    if names:
        while y < len(toks) and toks[y].start < names[0].end:
            y += 1
        return y, False
    if member(toks[y].norm, cx.lex.titles) and not _definite(toks[y].norm) and y + 1 < len(toks) and not cx.brk[y]:
        # "من وزير المالية الالتزام": a title, its definite complement and its nisbas; then the action
        if not _definite(toks[y + 1].norm) or cx.brk[y + 1]:
            return None
        y += 2
        while y < len(toks) and _definite(toks[y].norm) and _nodef(toks[y].norm).endswith(_NISBA) and not cx.brk[y - 1]:
            y += 1
        return y, True
    if not _definite(toks[y].norm) or cx.brk[y]:
        return None
    plural = toks[y].norm.endswith(_OBLIQUE) and len(_nodef(toks[y].norm)) >= 5  # اللاعبين، المواطنين
    y += 1
    while y < len(toks) and _definite(toks[y].norm) and not cx.brk[y - 1]:
        if plural and not toks[y].norm.endswith(_OBLIQUE):
            return y, True  # "من اللاعبين التركيز": an adjective of theirs would end in ين too
        y += 1
    return y, False


def _definite(w: str) -> bool:
    return w.startswith(_ART) and len(w) > len(_ART) + 1


def _action(cx: Ctx, y: int, definite_ok: bool) -> bool:
    """Token ``y`` can open the action asked for: a word, not a particle or an adjunct."""
    t = cx.toks[y]
    if not t.is_word or len(t.norm) < 3 or t.norm in _NOT_ACTION or t.norm in cx.lex.comps:
        return False
    if is_adjunct_start(cx, y, segment=True) or cx.ents.starting_in(t.start, t.end):
        return False
    return definite_ok or not _definite(t.norm)
