"""Index words cut exactly as SQLite's FTS5 ``unicode61 remove_diacritics 2`` cuts them.

The PostgreSQL store must find the same documents as the SQLite one, so both must agree
on what a word is. PostgreSQL's own parser does not: it keeps hyphenated words, URLs,
e-mail addresses and decimal numbers whole and decides what a letter is from the
server's locale. So the words are cut here, in Python, and stored as ready lexemes.

unicode61 decides each character on its own (a word character or a separator; word
characters folded to lower case without diacritics, or dropped), so one look per distinct
character at the stdlib's SQLite gives its exact rule, Unicode table version included;
after that a document is cut with ``str.translate`` and ``split``.
"""

from __future__ import annotations

import sqlite3
import threading

_TABLE: dict[int, str] = {}  # code point -> " " (separator) or its folded text ("" when it folds away)
_local = threading.local()


def _probe_db() -> sqlite3.Connection:
    con: sqlite3.Connection | None = getattr(_local, "con", None)
    if con is None:
        con = sqlite3.connect(":memory:", isolation_level=None)
        con.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
        con.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        _local.con = con
    return con


def _learn(chars: set[str]) -> None:
    """Ask FTS5 how it treats each character: ``a<c>b`` is one word or two."""
    con = _probe_db()
    con.execute("BEGIN")
    try:
        con.execute("DELETE FROM t")
        probes = []
        for i, c in enumerate(sorted(chars)):
            try:
                c.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate: not storable anywhere, treat as a gap
                _TABLE[ord(c)] = " "
                continue
            con.execute("INSERT INTO t (rowid, x) VALUES (?, ?)", (i, "a" + c + "b"))
            probes.append((i, c))
        words: dict[int, list[str]] = {}
        for term, doc in con.execute("SELECT term, doc FROM v ORDER BY doc, offset"):
            words.setdefault(doc, []).append(term)
        for i, c in probes:
            w = words.get(i, [])
            _TABLE[ord(c)] = w[0][1:-1] if len(w) == 1 else " "
    finally:
        con.execute("ROLLBACK")


def words(text: str) -> list[str]:
    """The FTS5 tokens of ``text`` in order (a word whose characters all fold away is none)."""
    new = {c for c in set(text) if ord(c) not in _TABLE}
    if new:
        _learn(new)
    return [w for w in text.translate(_TABLE).split(" ") if w]
