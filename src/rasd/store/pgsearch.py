"""PostgreSQL full-text rows and queries that rank exactly as SQLite's FTS5 ``bm25``.

The SQLite store ranks with ``bm25(documents_fts, 2.0, 1.0, 0.5)``; to give the same hits
in the same order the PostgreSQL store needs the same words (``rasd.store.words``), the
same matching (every query word, as written in any column or proclitic-cut in ``light``)
and the same formula, computed from what FTS5 keeps for it: the number of rows and of
words, each row's word count (``ntok``) and each word's count per column (``tf``).
The constants and the order of operations follow FTS5's ``fts5Bm25Function``, so equal
inputs give bit-equal scores and ties fall to the id in both backends.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from rasd.store.prepare import light
from rasd.store.words import words

WEIGHTS = (2.0, 1.0, 0.5)  # title, body, light: as the SQLite store's bm25 call
K1, B = 1.2, 0.75  # FTS5's bm25 constants
MAX_LEXEME = 2046  # bytes; PostgreSQL refuses longer words (FTS5 would index them)
MAX_POS = 16383  # PostgreSQL's largest word position; later ones are clamped to it
MAX_POSITIONS = 256  # positions PostgreSQL keeps per word


def _lexeme(w: str) -> str:
    return "'" + w.replace("\\", "\\\\").replace("'", "''") + "'"


def _storable(w: str) -> bool:
    return len(w.encode("utf-8")) <= MAX_LEXEME


def tsvector(ws: list[str]) -> str:
    """``tsvector`` input text of words in order (positions as PostgreSQL keeps them)."""
    pos: dict[str, list[int]] = {}
    for i, w in enumerate(ws, 1):
        p = pos.setdefault(w, [])
        i = min(i, MAX_POS)
        if len(p) < MAX_POSITIONS and (not p or p[-1] != i):
            p.append(i)
    return " ".join(f"{_lexeme(w)}:{','.join(map(str, p))}" for w, p in pos.items() if _storable(w))


def fts_row(title: str, body: str, light_text: str) -> tuple[str, str, str, int, str]:
    """``(title, body, light, ntok, tf)`` of ``documents_fts`` from the folded texts."""
    cols = (words(title), words(body), words(light_text))
    tf: dict[str, list[int]] = {}
    for c, ws in enumerate(cols):
        for w in ws:
            tf.setdefault(w, [0, 0, 0])[c] += 1
    return (
        tsvector(cols[0]), tsvector(cols[1]), tsvector(cols[2]), sum(map(len, cols)),
        json.dumps({w: n for w, n in tf.items() if _storable(w)}, ensure_ascii=False),
    )  # fmt: skip


@dataclass(frozen=True)
class Phrase:
    """One FTS5 phrase of the query: its words, and whether it is limited to ``light``."""

    words: tuple[str, ...]
    light_only: bool

    def tsquery(self) -> str:
        return " <-> ".join(_lexeme(w) for w in self.words)

    def match_sql(self) -> tuple[str, list[object]]:
        """SQL condition (alias ``f``) that the phrase occurs in its columns."""
        q = self.tsquery()
        if self.light_only:
            return "f.light @@ %s::tsquery", [q]
        return "(f.title @@ %s::tsquery OR f.body @@ %s::tsquery OR f.light @@ %s::tsquery)", [q, q, q]

    def freq_sql(self) -> tuple[str, list[object]]:
        """SQL for FTS5's phrase frequency: instances in each column times that column's weight.

        A one-word phrase reads its counts from ``tf``; a phrase of several words (a query
        word FTS5 cuts in two, such as ``a_b``) counts 1 per column holding it.
        """
        cols = ("light",) if self.light_only else ("title", "body", "light")
        parts: list[str] = []
        params: list[object] = []
        for c in cols:
            i = ("title", "body", "light").index(c)
            if len(self.words) == 1:
                parts.append(f"coalesce((f.tf -> %s ->> {i})::float8, 0) * %s::float8")
                params += [self.words[0], WEIGHTS[i]]
            else:
                parts.append(f"(f.{c} @@ %s::tsquery)::int::float8 * %s::float8")
                params += [self.tsquery(), WEIGHTS[i]]
        return "(" + " + ".join(parts) + ")", params


def query_phrases(terms: list[str]) -> list[list[Phrase]] | None:
    """Per query word, the phrases any of which must match; ``None`` when nothing can match.

    As ``sqlite._term_query``: the word as written, in any column, or its proclitic-cut
    form in ``light``. A phrase with no storable word matches nothing, as in FTS5.
    """
    out: list[list[Phrase]] = []
    for term in terms:
        alts = [Phrase(tuple(words(term)), False)]
        lt = light(term)
        if lt != term and lt:
            alts.append(Phrase(tuple(words(lt)), True))
        alts = [p for p in alts if p.words and all(map(_storable, p.words))]
        if not alts:
            return None
        out.append(alts)
    return out


def where_sql(groups: list[list[Phrase]]) -> tuple[str, list[object]]:
    """SQL condition (alias ``f``) that every query word matches, in one of its phrases."""
    where: list[str] = []
    params: list[object] = []
    for alts in groups:
        conds = [p.match_sql() for p in alts]
        where.append("(" + " OR ".join(c for c, _ in conds) + ")")
        params += [x for _, ps in conds for x in ps]
    return " AND ".join(where), params


def idf(n_rows: int, n_hit: int) -> float:
    """FTS5's inverse document frequency of a phrase found in ``n_hit`` of ``n_rows`` rows."""
    v = math.log((n_rows - n_hit + 0.5) / (n_hit + 0.5))
    return v if v > 0.0 else 1e-6


def score_sql(phrases: list[Phrase], idfs: list[float], avgdl: float) -> tuple[str, list[object]]:
    """SQL for FTS5's bm25 score (negated: higher is better) of a matching row ``f``."""
    sql = "0.0::float8"
    params: list[object] = []
    for p, w in zip(phrases, idfs, strict=True):
        f, fp = p.freq_sql()
        sql = (
            f"({sql} + %s::float8 * (({f} * %s::float8) / ({f} + %s::float8 * "
            f"(%s::float8 + %s::float8 * f.ntok::float8 / %s::float8))))"
        )
        params += [w, *fp, K1 + 1.0, *fp, K1, 1 - B, B, avgdl]
    return sql, params
