"""Token features for the CRF entity model.

Features are plain strings (``"w=بغداد"``) because python-crfsuite hashes strings fastest
and the same function serves training and tagging, so the two can never drift apart.
Per-token base features are computed once and neighbours reuse them: tagging speed is
dominated by this module, not by the CRF.
"""

from __future__ import annotations

from functools import cache

from rasd.resources import load_lines, load_table
from rasd.text.normalize import fold
from rasd.text.tokens import proclitics

GAZ_FILE = "entities/anetac_tokens.tsv"


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
    """Folded single words of the title list (``رئيس``, ``وزير`` …): strong left context of PER."""
    out: set[str] = set()
    for line in load_lines("entities/titles.txt"):
        out.update(fold(line).split())
    return frozenset(out)


@cache
def _stem_clitics() -> tuple[str, ...]:
    return tuple(p for p in proclitics())


def stem(w: str) -> str:
    """Folded word without its longest proclitic chain (keeps at least 2 letters)."""
    return w[len(clitic(w)) :]


def clitic(w: str) -> str:
    """The longest proclitic chain ``w`` starts with (``""`` if none)."""
    for p in _stem_clitics():
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


def _base(w: str) -> list[str]:
    """Features of one folded token that neighbours can reuse (without the position prefix)."""
    gz = gaz_tokens()
    s = stem(w)
    g = gz.get(w, "")
    gs = gz.get(s, "") if s != w else g
    cl = clusters()
    c = cl.get(w) or cl.get(s) or ("-", "-", "-")
    return [
        "w=" + w,
        "s=" + s,
        "g=" + g,
        "gs=" + gs,
        "t=" + ("1" if w in title_words() or s in title_words() else "0"),
        "sh=" + _shape(w),
        "c=" + c[0],
        "C=" + c[-1],
        "m=" + c[len(c) // 2],
    ]


def sent_features(words: list[str]) -> list[list[str]]:
    """Feature lists for a sentence of original token strings."""
    folded = [fold(w) for w in words]
    base = [_base(w) for w in folded]
    n = len(words)
    out: list[list[str]] = []
    for i, w in enumerate(folded):
        s = base[i][1][2:]
        f = [
            "b",
            *base[i],
            "p2=" + w[:2],
            "p3=" + w[:3],
            "x2=" + w[-2:],
            "x3=" + w[-3:],
            "sp2=" + s[:2],
            "sx2=" + s[-2:],
            "sx1=" + s[-1:],
            "al=" + ("1" if s.startswith("ال") else "0"),
            "len=" + str(min(len(s), 8)),
            "pc=" + clitic(w),
            "ns=" + ("1" if s.startswith("ال") and s.endswith("ي") and len(s) >= 5 else "0"),
            "c|g=" + base[i][6] + "|" + base[i][2],
        ]
        if i == 0:
            f.append("BOS")
        else:
            prev = base[i - 1]
            f.extend("-1" + x for x in prev)
            f.append("-1w|w=" + folded[i - 1] + "|" + w)
            if i > 1:
                f.append("-2" + base[i - 2][0])
                f.append("-2" + base[i - 2][4])
                f.append("-2" + base[i - 2][2])
                f.append("-2" + base[i - 2][6])
                f.append("-2" + base[i - 2][1])
        if i == n - 1:
            f.append("EOS")
        else:
            nxt = base[i + 1]
            f.extend("+1" + x for x in nxt)
            f.append("w|+1w=" + w + "|" + folded[i + 1])
            if i < n - 2:
                f.append("+2" + base[i + 2][0])
                f.append("+2" + base[i + 2][2])
                f.append("+2" + base[i + 2][6])
                f.append("+2" + base[i + 2][1])
        out.append(f)
    return out
