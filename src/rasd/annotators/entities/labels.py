"""Label encodings: the CRF may be trained on BIOES; everything outside it speaks BIO.

BIOES (``S-`` single-token names, ``E-`` last token) lets the CRF learn where names end,
which BIO leaves to the next token's label. :func:`to_bio` is the identity on BIO, so
callers need not know which encoding the shipped model uses.
"""

from __future__ import annotations


def to_bioes(tags: list[str]) -> list[str]:
    """BIO (conlleval reading: an ``I-`` after another type starts a name) -> BIOES."""
    out: list[str] = []
    for i, t in enumerate(tags):
        if t == "O" or "-" not in t:
            out.append("O")
            continue
        prefix, ty = t.split("-", 1)
        starts = prefix == "B" or i == 0 or tags[i - 1].partition("-")[2] != ty or tags[i - 1] == "O"
        cont = i + 1 < len(tags) and tags[i + 1] == "I-" + ty
        if starts:
            out.append(("B-" if cont else "S-") + ty)
        else:
            out.append(("I-" if cont else "E-") + ty)
    return out


def to_bio(tags: list[str]) -> list[str]:
    """BIOES (or BIO) -> BIO."""
    return ["B-" + t[2:] if t.startswith("S-") else "I-" + t[2:] if t.startswith("E-") else t for t in tags]


def chunks(labels: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` spans of a BIO label sequence, conlleval style."""
    out: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, t in enumerate([*labels, "O"]):
        if t == "O":  # most labels: ends the open name, if any
            if typ:
                out.append((start, i, typ))
                start, typ = -1, ""
            continue
        prefix, _, ty = t.partition("-")
        if prefix in ("B", "O") or (prefix == "I" and ty != typ):
            if typ:
                out.append((start, i, typ))
            start, typ = (i, ty) if prefix in ("B", "I") else (-1, "")
    return out
