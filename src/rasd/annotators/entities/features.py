"""Token features for the CRF entity model.

Features are plain strings (``"w=بغداد"``) because python-crfsuite hashes strings fastest
and the same function serves training and tagging, so the two can never drift apart.
Per-token base features are computed once and neighbours reuse them: tagging speed is
dominated by this module, not by the CRF.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import NamedTuple

from rasd.resources import arabic, load_table
from rasd.text.clitics import affixes, article
from rasd.text.normalize import fold
from rasd.text.tokens import proclitics

ART = article()
NISBA = affixes("nisba", "base")  # a definite word ending so is shaped like a nisba (السوداني)

GAZ_FILE = "entities/anetac_tokens.tsv"
TRIGGER_FILE = "entities/triggers.tsv"
CACHE_WORDS = 1 << 15  # per-word feature cache entries (about 50 MB when full)


@cache
def gaz_tokens() -> dict[str, str]:
    """Folded name token -> classes it appears in (``P``/``L``/``O`` letters), from ANETAC."""
    return {row[0]: row[1] for row in load_table(GAZ_FILE) if len(row) >= 2}


CLUSTER_FILE = "entities/clusters.tsv"


@cache
def clusters() -> dict[str, tuple[str, ...]]:
    """Folded word -> cluster ids at each granularity (distributional, from SaudiNewsNet)."""
    try:
        rows = load_table(CLUSTER_FILE)
    except FileNotFoundError:
        return {}
    return {row[0]: tuple(row[1:]) for row in rows if len(row) >= 2}


@cache
def title_words() -> frozenset[str]:
    """Folded single words of the tagger's titles (``رئيس``, ``وزير`` …): strong left context
    of PER. The model was trained on exactly these (``ar/people/titles.tsv``, use ``tagger``)."""
    out: set[str] = set()
    for line in arabic.titles("tagger"):
        out.update(fold(line).split())
    return frozenset(out)


@cache
def _stem_clitics() -> tuple[str, ...]:
    return tuple(p for p in proclitics())


@lru_cache(maxsize=CACHE_WORDS)
def stem(w: str) -> str:
    """Folded word without its longest proclitic chain (keeps at least 2 letters)."""
    return w[len(clitic(w)) :]


@cache
def _clitics_by_letter() -> dict[str, tuple[str, ...]]:
    """The chains of ``_stem_clitics`` by first letter, in their order (an empty chain,
    if any, under every letter)."""
    chains = _stem_clitics()
    return {ch: tuple(p for p in chains if not p or p[0] == ch) for ch in {p[0] for p in chains if p}}


def clitic(w: str) -> str:
    """The longest proclitic chain ``w`` starts with (``""`` if none)."""
    by_letter = _clitics_by_letter()
    chains = by_letter.get(w[:1])
    if chains is None:
        chains = tuple(p for p in _stem_clitics() if not p)  # no chain starts with this letter
    for p in chains:
        if w.startswith(p) and len(w) - len(p) >= 2:
            return p
    return ""


def _shape(w: str) -> str:
    if w.isdigit():
        return "D"
    if w.isalpha():
        return "A" if w.isascii() else ("a" if len(w) > 3 else "s")
    if len(w) == 1 and not w.isalnum():
        return "P"
    return "X"


@cache
def triggers() -> dict[str, str]:
    """Folded context word -> class (``O`` organisation head, ``L`` place head, ``M`` event,
    ``V`` reporting verb), from ``triggers.tsv``: words that announce a name next to them."""
    return {fold(row[0]): row[1] for row in load_table(TRIGGER_FILE) if len(row) >= 2}


_QUOTES = frozenset('"\'«»“”(')
_CLOSE = frozenset('"\'«»“”)')


@lru_cache(maxsize=CACHE_WORDS)
def _fold(w: str) -> str:
    return fold(w)


fold_word = _fold  # ``fold`` of one token, remembered (news vocabulary is Zipfian)


class Signals(NamedTuple):
    """What the resources say about one folded word: shared by the CRF's features and the
    BiLSTM-CRF's discrete inputs (``neural.disc_keys``), so the two read them alike."""

    stem: str
    gaz: str  # ANETAC classes of the word
    gaz_stem: str | None  # … of its stem, None when the stem is the word itself
    clusters: tuple[str, ...]  # distributional cluster ids, coarse to fine
    title: bool  # a word of a title (رئيس، وزير)
    trigger: str  # trigger class of the word or its stem
    shape: str


@lru_cache(maxsize=CACHE_WORDS)
def signals(w: str) -> Signals:
    """The resource signals of the folded word ``w`` (cached per word)."""
    gz = gaz_tokens()
    tw = title_words()
    trg = triggers()
    s = stem(w)
    cl = clusters()
    return Signals(
        stem=s,
        gaz=gz.get(w, ""),
        gaz_stem=gz.get(s, "") if s != w else None,
        clusters=cl.get(w) or cl.get(s) or ("-", "-", "-"),
        title=w in tw or s in tw,
        trigger=trg.get(w, trg.get(s, "")),
        shape=_shape(w),
    )


@lru_cache(maxsize=CACHE_WORDS)
def _base(w: str) -> tuple[str, ...]:
    """Features of one folded token that neighbours reuse (without the position prefix).

    Cached per word (as is :func:`_own`): news vocabulary is Zipfian, so most tokens are
    hits and tagging speed stays above 20k tokens/s with the richer feature set.

    Order matters: neighbours at distance 2 take the first eight (word, stem, gazetteer
    classes, title, trigger, two cluster levels), the rest are for distance 1 only.
    """
    sg = signals(w)
    c = sg.clusters
    return (
        "w=" + w,
        "s=" + sg.stem,
        "g=" + sg.gaz,
        "gs=" + (sg.gaz if sg.gaz_stem is None else sg.gaz_stem),
        "t=" + ("1" if sg.title else "0"),
        "tr=" + sg.trigger,
        "c=" + c[0],
        "m=" + c[len(c) // 2],
        "C=" + c[-1],
        "sh=" + sg.shape,
    )


@lru_cache(maxsize=CACHE_WORDS)
def _own(w: str) -> tuple[str, ...]:
    """The token's own features that do not depend on its neighbours or position."""
    b = _base(w)
    s = b[1][2:]
    return (
        "b",
        *b,
        "p1=" + w[:1],
        "p2=" + w[:2],
        "p3=" + w[:3],
        "p4=" + w[:4],
        "x1=" + w[-1:],
        "x2=" + w[-2:],
        "x3=" + w[-3:],
        "x4=" + w[-4:],
        "sp2=" + s[:2],
        "sp3=" + s[:3],
        "sp4=" + s[:4],
        "sx1=" + s[-1:],
        "sx2=" + s[-2:],
        "sx3=" + s[-3:],
        "sx4=" + s[-4:],
        "al=" + ("1" if s.startswith(ART) else "0"),
        "len=" + str(min(len(s), 8)),
        "pc=" + clitic(w),
        "ns=" + ("1" if s.startswith(ART) and s.endswith(NISBA) and len(s) >= 5 else "0"),
        "c|g=" + b[6] + "|" + b[2],
    )


def clear_caches() -> None:
    """Forget cached per-word features (after the gazetteer or clusters were rebuilt)."""
    for f in (gaz_tokens, clusters, title_words, triggers, stem, signals, _base, _own):
        f.cache_clear()


def sent_features(words: list[str]) -> list[list[str]]:
    """Feature lists for a sentence of original token strings.

    Per token: word, stem, affixes 1-4 of both, clitic chain, shape, gazetteer/title/trigger
    classes and three cluster levels; the same for neighbours at ±1 and most of it at ±2;
    word and stem bigrams around the token; sentence position and quote/bracket context.
    """
    folded = [_fold(w) for w in words]
    base = [_base(w) for w in folded]
    n = len(words)
    out: list[list[str]] = []
    for i, w in enumerate(folded):
        b = base[i]
        s = b[1][2:]
        f = [*_own(w), "pos=" + (str(i) if i < 2 else "m" if i < n - 1 else "e")]
        if i == 0:
            f.append("BOS")
        else:
            p = base[i - 1]
            f.extend("-1" + x for x in p)
            f.append("-1w|w=" + folded[i - 1] + "|" + w)
            f.append("-1s|s=" + p[1][2:] + "|" + s)
            if folded[i - 1] in _QUOTES:
                f.append("-1q")
            if i > 1:
                f.extend("-2" + x for x in base[i - 2][:8])
                f.append("-2w|-1w=" + folded[i - 2] + "|" + folded[i - 1])
        if i == n - 1:
            f.append("EOS")
        else:
            q = base[i + 1]
            f.extend("+1" + x for x in q)
            f.append("w|+1w=" + w + "|" + folded[i + 1])
            f.append("s|+1s=" + s + "|" + q[1][2:])
            if folded[i + 1] in _CLOSE:
                f.append("+1q")
            if i < n - 2:
                f.extend("+2" + x for x in base[i + 2][:8])
                f.append("+1w|+2w=" + folded[i + 1] + "|" + folded[i + 2])
        out.append(f)
    return out
