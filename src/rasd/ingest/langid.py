"""Per-document language identification from script letters and stop words.

Why no library: fastText's lid model and lingua need model downloads or hundreds of MB of
data, and rasd runs offline on tens of thousands of pages. The distinctions that matter
here (Arabic vs Persian vs Urdu vs Latin-script text) are decided by a handful of letters
(پ چ ژ گ ک ی for Persian, ٹ ڈ ڑ ں ے ھ for Urdu) and stop words, kept in
``resources/ingest/lang.tsv``; one pass over a sample of the text is enough.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rasd.resources import load_table

_SAMPLE = 4_000  # characters looked at: enough to decide, cheap on huge pages
_WORD = re.compile(r"[^\W\d_]+")


_AR_LETTER = re.compile("[\u0620-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFC]")
_LATIN_LETTER = re.compile("[A-Za-z\u00C0-\u024F]")


@dataclass(frozen=True)
class _Data:
    fa: re.Pattern[str]  # letters Persian (or Urdu) writes and Arabic does not
    ur: re.Pattern[str]  # letters only Urdu writes
    stops: dict[str, frozenset[str]]


@cache
def _data() -> _Data:
    letters: dict[str, str] = {}
    stops: dict[str, set[str]] = {}
    for row in load_table("ingest/lang.tsv"):
        if len(row) < 3:
            continue
        kind, lang, value = row[0], row[1], row[2]
        if kind == "letters":
            letters[lang] = letters.get(lang, "") + value
        elif kind == "stop":
            stops.setdefault(lang, set()).add(value.lower())
    fa = re.compile("[" + re.escape(letters.get("fa", "") + letters.get("ur", "")) + "]")
    ur = re.compile("[" + re.escape(letters.get("ur", "")) + "]")
    return _Data(fa, ur, {k: frozenset(v) for k, v in stops.items()})


def _count(rx: re.Pattern[str], s: str) -> int:
    return len(s) - len(rx.sub("", s))


def arabic_ratio(text: str) -> float:
    """Share of letters that are in the Arabic script (0 when there are no letters)."""
    ar, lat = _count(_AR_LETTER, text), _count(_LATIN_LETTER, text)
    if ar == 0:
        return 0.0
    others = sum(1 for c in text if c.isalpha()) - ar - lat if ar + lat < 50 else 0
    return ar / (ar + lat + max(others, 0))


def identify(text: str) -> str:
    """ISO 639-1 code of ``text``: ``ar``, ``fa``, ``ur``, ``en``, ``fr`` or ``und``.

    Arabic-script text is Arabic unless Urdu/Persian letters and stop words outweigh;
    Latin-script text is decided by stop words (``en`` by default).
    """
    sample = text[:_SAMPLE]
    d = _data()
    n_arabic, n_latin = _count(_AR_LETTER, sample), _count(_LATIN_LETTER, sample)
    if n_arabic == 0 and n_latin == 0:
        return "und"
    if n_arabic >= n_latin and d.fa.search(sample) is None:
        return "ar"
    words = _WORD.findall(sample.lower())
    if n_arabic >= n_latin:
        fa_letters, ur_letters = _count(d.fa, sample), _count(d.ur, sample)
        threshold = max(3, n_arabic // 200)  # a few loan words or names never flip a page
        if fa_letters < threshold:
            return "ar"
        score = {lang: sum(1 for w in words if w in d.stops.get(lang, frozenset())) for lang in ("ar", "fa", "ur")}
        if ur_letters >= threshold and score["ur"] >= score["fa"]:
            return "ur"
        if score["fa"] + score["ur"] > 0 and score["fa"] + score["ur"] >= score["ar"] / 2:
            return "ur" if score["ur"] > score["fa"] else "fa"
        return "ar"
    score_latin = {lang: sum(1 for w in words if w in d.stops.get(lang, frozenset())) for lang in ("en", "fr")}
    if score_latin["fr"] > score_latin["en"]:
        return "fr"
    return "en"
