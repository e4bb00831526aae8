"""A learned second opinion on who spoke: re-rank speaker candidates around each quote's cue.

The rule engine finds cues and contents well on unseen articles, but its choice of speaker is
what fails most there (a continuation given to the wrong earlier source, a description kept
where a name stands beside it). ``choose`` collects, for each quote, the engine's speaker, the
names and title phrases of the cue's sentence, the speakers of the quotes before it and the
latest names of the two sentences before, scores them with a logistic model trained on the
dev half of the real-news gold set (``benchmarks/realnews/train_chooser.py``, on the engine
output each batch had before its rule round: ``pre_round.py``) and replaces the engine's speaker
only when another candidate wins by the trained margin. Off unless ``RASD_QUOTE_CHOOSER=1``: it
did not beat the rules on the held-out batches (docs/benchmarks/realnews_fresh.md, issue 12).
"""

from __future__ import annotations

import json
import math
import os
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from rasd.annotators.quotes.context import Ctx
from rasd.annotators.quotes.lexicon import org_head_words
from rasd.models import EntityMention, Quote, Speaker
from rasd.text import fold
from rasd.text.clitics import affix, article, conjunctions

MODEL = Path(__file__).parent / "model" / "chooser.json"  # packaged as annotators/**/model/*
_KINDS = ("PER", "ORG", "GPE")
MAX_AFTER = 8  # tokens after the cue where its subject may stand
TITLE_SPAN = 4  # words of a title phrase without a name


@dataclass
class Cand:
    start: int
    end: int
    text: str
    src: str  # engine | prev1 | prev | sent_before | after_cue | title | earlier
    kind: str | None = None  # entity type of a mention
    entity: str | None = None
    speaker: Speaker | None = None  # an earlier quote's speaker, taken over whole


def enabled() -> bool:
    """The chooser runs only when switched on (``RASD_QUOTE_CHOOSER=1``) and its model ships."""
    return os.environ.get("RASD_QUOTE_CHOOSER", "0") == "1" and MODEL.exists()


@cache
def _model() -> dict[str, object]:
    return dict(json.loads(MODEL.read_text(encoding="utf-8")))


@cache
def _heads() -> frozenset[str]:
    return frozenset(fold(w) for w in org_head_words())


def _bare(norm: str) -> str:
    return norm[1:] if len(norm) > 3 and norm[0] in conjunctions() else norm


def _nodef(norm: str) -> str:
    the = article()
    return norm[len(the) :] if norm.startswith(the) and len(norm) > 4 else norm


def _tok(cx: Ctx, off: int) -> int:
    return max(0, bisect_right(cx.starts, off) - 1)


def cue_token(cx: Ctx, q: Quote) -> int:
    """The token of the quote's cue word (the one nearest the content when it repeats)."""
    at = cx.text.rfind(q.cue, q.start, q.content.start) if q.cue else -1
    if at < 0 and q.cue:
        at = cx.text.find(q.cue, q.start, q.end)
    return _tok(cx, at if at >= 0 else q.start)


def _title_like(cx: Ctx, k: int) -> bool:
    b = _bare(cx.toks[k].norm)
    return b in cx.lex.titles or _nodef(b) in cx.lex.titles or _nodef(b) in _heads() or b in cx.lex.anon


def _phrase(cx: Ctx, k: int, stop: int, ments: list[EntityMention]) -> tuple[int, int] | None:
    """A title or body phrase opening at token ``k``: up to the end of a name that starts within
    three words of it, else ``TITLE_SPAN`` words; never across punctuation or ``stop``."""
    toks, last = cx.toks, k
    for j in range(k, min(stop, k + TITLE_SPAN)):
        if not toks[j].is_word or (j > k and (cx.brk[j - 1] or _bare(toks[j].norm) in cx.lex.comps)):
            break
        last = j
    end = toks[last].end
    for m in ments:
        if toks[k].start < m.start <= toks[min(last, len(toks) - 1)].end and m.end > end and m.end <= cx.toks[min(stop, len(toks)) - 1].end:
            end = m.end
    return toks[k].start, end


def candidates(cx: Ctx, quotes: list[Quote], i: int) -> list[Cand]:
    """Who may have said quote ``i``: the engine's speaker first, then every other source nearby."""
    q, toks = quotes[i], cx.toks
    k = cue_token(cx, q)
    s0 = cx.s0[k]
    c_tok = _tok(cx, q.content.start)
    after_end = min(len(toks), k + 1 + MAX_AFTER, c_tok if c_tok > k else len(toks))
    out: list[Cand] = []
    seen: set[tuple[int, int]] = set()

    def add(c: Cand) -> None:
        if c.end > c.start and (c.start, c.end) not in seen and cx.text[c.start : c.end] == c.text:
            seen.add((c.start, c.end))
            out.append(c)

    sp = q.speaker
    if sp.start >= 0 and cx.text[sp.start : sp.end] == sp.text:
        add(Cand(sp.start, sp.end, sp.text, "engine", speaker=sp))
    lo, hi = toks[s0].start, toks[after_end - 1].end if after_end > 0 else 0
    ments = [m for m in cx.ents.within(lo, hi) if m.type in _KINDS]
    for m in ments:
        add(Cand(m.start, m.end, m.text, "after_cue" if m.start >= toks[k].end else "sent_before", m.type, m.entity))
    for j in range(s0, after_end):
        if j != k and _title_like(cx, j) and not (j > s0 and _title_like(cx, j - 1)):
            span = _phrase(cx, j, after_end if j > k else k, ments)
            if span is not None:
                add(Cand(span[0], span[1], cx.text[span[0] : span[1]], "title"))
    for n, p in enumerate(reversed(quotes[max(0, i - 3) : i])):
        ps = p.speaker
        if ps.start >= 0 and cx.text[ps.start : ps.end] == ps.text:
            add(Cand(ps.start, ps.end, ps.text, "prev1" if n == 0 else "prev", speaker=ps))
    prev_s = s0
    for _ in range(2):
        if prev_s == 0:
            break
        prev_s = cx.s0[prev_s - 1]
    earlier = [m for m in cx.ents.within(toks[prev_s].start, toks[s0].start) if m.type in ("PER", "ORG")]
    for m in sorted(earlier, key=lambda m: -m.start)[:3]:
        add(Cand(m.start, m.end, m.text, "earlier", m.type, m.entity))
    return out


SOURCES = ("engine", "prev1", "prev", "sent_before", "after_cue", "title", "earlier")


def _fem_verb(norm: str) -> bool:
    b = _bare(norm)  # -ت of a feminine past verb, ت- of an imperfect one, or the folded ة of a participle
    past, imperfect, fem = fold(affix("past", "feminine")), fold(affix("imperfect", "she")), fold(affix("feminine"))
    return b.endswith(past) or b.startswith(imperfect) or b.endswith(fem)


def _fem_noun(text: str) -> bool:
    words = text.split()
    return bool(words) and words[0].rstrip("»«\"'").endswith(affix("feminine"))


def features(cx: Ctx, quotes: list[Quote], i: int, c: Cand, engine: Cand | None) -> dict[str, float]:
    """The facts the model weighs for candidate ``c`` of quote ``i`` (names in the model file)."""
    q, toks = quotes[i], cx.toks
    k = cue_token(cx, q)
    ck = _tok(cx, c.start)
    cue_norm = _bare(toks[k].norm)
    slot = range(k + 1, max(k + 1, _tok(cx, q.content.start)))
    cont = cue_norm in cx.lex.go_on or not any(toks[j].is_word and cx.ents.overlaps_any(toks[j].start, toks[j].end) for j in slot)
    words = [_bare(fold(w)) for w in c.text.split()]
    prev_sp = [p.speaker for p in quotes[:i]]
    f: dict[str, float] = {f"src_{s}": float(c.src == s) for s in SOURCES}
    f.update({f"type_{t}": float(c.kind == t) for t in _KINDS})
    is_eng = engine is not None and (c.start, c.end) == (engine.start, engine.end)
    f["is_engine"] = float(is_eng)
    f["overlaps_engine"] = float(engine is not None and not is_eng and c.start < engine.end and engine.start < c.end)
    f["engine_in_prev"] = float(engine is not None and any(p.start == engine.start for p in prev_sp))
    dist = ck - k
    f["after_cue"] = float(dist > 0)
    f["right_after_cue"] = float(0 < dist <= 2)
    f["log_dist"] = math.log1p(abs(dist)) / 4
    f["sent_dist"] = min(3, sum(cx.brk[j] for j in range(min(ck, k), max(ck, k)))) / 3
    f["in_content"] = float(q.content.start <= c.start < q.content.end)
    f["continuation"] = float(cont)
    f["cont_x_prev1"] = float(cont and c.src == "prev1")
    f["cont_x_engine"] = float(cont and is_eng)
    fv, fn = _fem_verb(toks[k].norm), _fem_noun(c.text)
    f["gender_agree"] = float(fv == fn)
    f["fem_verb"] = float(fv)
    f["has_title"] = float(any(w in cx.lex.titles or _nodef(w) in cx.lex.titles for w in words))
    f["org_head"] = float(bool(words) and _nodef(words[0]) in _heads())
    f["anonymous"] = float(any(w in cx.lex.anon for w in words))
    f["outlet"] = float(any(w in cx.lex.outlets or _nodef(w) in cx.lex.outlets for w in words))
    f["is_medium"] = float(bool(q.speaker.medium) and fold(c.text) == fold(q.speaker.medium or ""))
    f["anaphor"] = float(bool(words) and (words[0] in cx.lex.latter or words[0].endswith("ه") and len(words) == 1 and c.kind is None))
    f["n_words"] = min(6, len(words)) / 6
    f["times_speaker"] = min(3, sum(fold(p.text) == fold(c.text) for p in prev_sp)) / 3
    f["mentions_before"] = min(5, len(list(cx.ents.within(0, c.start)))) / 5
    f["is_entity"] = float(c.entity is not None)
    f["engine_is_entity"] = float(engine is not None and cx.ents.overlaps_any(engine.start, engine.end))
    f["x_engine_cont"] = float(is_eng and f["engine_in_prev"] > 0)
    weak = engine is not None and not _plausible(cx, engine)
    f["engine_weak"] = float(weak and is_eng)
    f["alt_to_weak"] = float(weak and not is_eng)
    f["plausible"] = float(_plausible(cx, c))
    e_words = [_nodef(_bare(fold(w))) for w in engine.text.split()] if engine is not None else []
    c_set = {_nodef(w) for w in words}
    f["expands_engine"] = float(not is_eng and bool(e_words) and e_words[-1] in c_set and len(words) > len(e_words))
    f["engine_definite"] = float(is_eng and len(e_words) <= 2 and fold(engine.text).startswith(article()) and not f["engine_is_entity"])  # type: ignore[union-attr]
    return f


def _plausible(cx: Ctx, c: Cand) -> bool:
    """A name, a title, a body or an anonymous source: what a speaker phrase usually is."""
    words = [_bare(fold(w)) for w in c.text.split()]
    return cx.ents.overlaps_any(c.start, c.end) or any(
        w in cx.lex.titles or _nodef(w) in cx.lex.titles or _nodef(w) in _heads() or w in cx.lex.anon or w in cx.lex.persons
        for w in words)


def score(f: dict[str, float]) -> float:
    m = _model()
    w: dict[str, float] = m["weights"]  # type: ignore[assignment]
    return float(m["intercept"]) + sum(w.get(n, 0.0) * v for n, v in f.items())  # type: ignore[arg-type]


def choose(cx: Ctx, quotes: list[Quote]) -> None:
    """Replace a quote's speaker by the model's top candidate when it beats the engine's own
    speaker by the trained margin; offsets stay those of the chosen words."""
    margin = float(_model()["margin"])  # type: ignore[arg-type]
    picks: list[tuple[int, Cand]] = []
    for i in range(len(quotes)):
        cands = candidates(cx, quotes, i)
        eng = next((c for c in cands if c.src == "engine"), None)
        scored = [(score(features(cx, quotes, i, c, eng)), -c.start, c) for c in cands]
        if not scored or eng is None:
            continue
        best = max(scored, key=lambda s: (s[0], s[1]))
        e_score = next(s for s, _, c in scored if c is eng)
        if best[2] is not eng and best[0] - e_score > margin:
            picks.append((i, best[2]))
    for i, c in picks:
        q = quotes[i]
        if c.speaker is not None:
            q.speaker = replace(c.speaker, medium=q.speaker.medium or c.speaker.medium)
        else:
            q.speaker = Speaker(text=c.text, entity=c.entity, start=c.start, end=c.end, medium=q.speaker.medium,
                                anonymous=any(_bare(fold(w)) in cx.lex.anon for w in c.text.split()))  # fmt: skip
