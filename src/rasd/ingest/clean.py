"""Furniture removal and article segmentation for page dumps, decided line by line.

A page dump is a list of lines. Each line gets features — length, final punctuation,
repetition on the page, a parenthesised credit at its end, whether it is only a date or
only an outlet name — plus a match against the phrase lists of
``resources/ingest/furniture.tsv``. From these a line is body or furniture of a kind
(navigation, boilerplate, related_articles, footer, caption, byline, dateline, title).
No rule names an outlet: a new site needs new phrases at most, never code.

Segmentation: after a related-articles header every line is furniture until a *new article
start*: a headline-like line that occurs more than once on the page and is followed (past
captions and repeats) by a run of real paragraphs. That is how a page that appends a second
full article after its "related" list yields two documents.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from rasd.ingest import outlets
from rasd.ingest.dates import parse_folded_dateline
from rasd.resources import load_table
from rasd.text import fold

MIN_PARA_WORDS = 12  # a body paragraph has at least this many words …
MAX_HEADLINE_WORDS = 30  # … a headline at most this many
NEW_ARTICLE_PARAS = 3  # paragraphs in a row that make a block after "related" a new article
NEW_ARTICLE_CHARS = 400
MAX_FURNITURE_WORDS = 25  # prefix/contains/regex phrases only apply to lines shorter than this
LOOKAHEAD = 60
SHORT_MASTHEAD_WORDS = 3  # a first "headline" this short, above a longer one, is a site name  # lines looked at after a candidate headline (bounds the cost on huge pages)

_SENT_END = re.compile(r"[.!?؟…:»\"”'’)\]]\s*$")
_FINAL_STOP = re.compile(r"[.!?؟…][\s\"'»”’)\]]*$")
_CREDIT = re.compile(r"\(([^()]{1,60})\)\s*$")
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class _Phrases:
    line: dict[str, str]
    prefix: tuple[tuple[str, str], ...]
    contains: tuple[tuple[str, str], ...]
    regex: tuple[tuple[re.Pattern[str], str], ...]
    headers: frozenset[str]  # folded lines that open a related-articles block


def _f(s: str) -> str:
    return " ".join(fold(s).lower().split())


@cache
def phrases() -> _Phrases:
    """The furniture phrase lists, folded and compiled once."""
    line: dict[str, str] = {}
    prefix: list[tuple[str, str]] = []
    contains: list[tuple[str, str]] = []
    regex: list[tuple[re.Pattern[str], str]] = []
    headers: set[str] = set()
    for row in load_table("ingest/furniture.tsv"):
        if len(row) < 3:
            continue
        kind, mode, pat = row[0], row[1], row[2]
        if mode == "regex":
            regex.append((re.compile(fold(pat).lower()), kind))
            continue
        p = _f(pat)
        if mode == "line":
            line[p] = kind
            if kind == "related_articles":
                headers.add(p)
        elif mode == "prefix":
            prefix.append((p, kind))
        elif mode == "contains":
            contains.append((p, kind))
    return _Phrases(line, tuple(prefix), tuple(contains), tuple(regex), frozenset(headers))


@cache
def masthead_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that open or close an outlet's masthead line (``resources/ingest/masthead_words.tsv``)."""
    first: set[str] = set()
    last: set[str] = set()
    for row in load_table("ingest/masthead_words.tsv"):
        if len(row) >= 2:
            (first if row[0] == "first" else last).add(_f(row[1]))
    return frozenset(first), frozenset(last)


_MENU_SEP = re.compile(r"\s[|>»›•]\s")
_DASH_SEP = re.compile(r"\s[-–]\s")


def is_menu(text: str) -> bool:
    """A navigation, breadcrumb or share menu: short items between separators
    (two are enough with ``|``/``>``; dashes also join headline halves, so three there)."""
    for rx, least in ((_MENU_SEP, 2), (_DASH_SEP, 3)):
        items = rx.split(text)
        if len(items) >= least and all(0 < len(it.split()) <= 3 for it in items):
            return True
    return False


def is_masthead(ln: Line) -> bool:
    """A short line naming an outlet by its kind ("صحيفة …", "… نيوز", "The … Times")."""
    if ln.words > 4 or ln.words < 2 or _FINAL_STOP.search(ln.text):
        return False
    ws = ln.key.split()
    first, last = masthead_words()
    return ws[0] in first or ws[-1] in last


def phrase_kind(folded: str) -> str | None:
    """Furniture kind of a folded line from the phrase lists, or ``None``."""
    ph = phrases()
    k = ph.line.get(folded) or ph.line.get(folded.rstrip(" :."))
    if k:
        return k
    if folded.count(" ") >= MAX_FURNITURE_WORDS:
        return None  # furniture lines are short; a long line starting "شارك …" is prose
    for p, kind in ph.prefix:
        if folded.startswith(p) and (len(folded) == len(p) or not folded[len(p)].isalnum()):
            return kind  # whole words only: "شارك الخبر" must not take "شارك الخبراء"
    for p, kind in ph.contains:
        if p in folded:
            return kind
    for rx, kind in ph.regex:
        if rx.search(folded):
            return kind
    return None


@dataclass
class Line:
    """One non-blank line of the page with the features the decisions use."""

    start: int  # page offset of the stripped text
    end: int
    text: str
    folded: str  # folded, whitespace-collapsed
    key: str  # ``folded`` lower-cased: what phrase lists and repeats compare
    words: int
    kind: str | None = None  # furniture kind once decided; None = body
    date: str | None = None  # TimeML value when the line is a date line
    outlet: str | None = None
    code: bool = False  # a run of script/style code cut out of a line

    @property
    def paragraph(self) -> bool:
        """A real body paragraph: long enough and ending like a sentence."""
        return self.words >= MIN_PARA_WORDS and bool(_SENT_END.search(self.text))

    @property
    def headline(self) -> bool:
        return 2 <= self.words <= MAX_HEADLINE_WORDS and not _FINAL_STOP.search(self.text)


_NON_ARABIC_RUN = re.compile(r"[^\u0621-\u064A\u0660-\u0669]{40,}")
_CODE_CHARS = re.compile(r"[{};=()<>]")


def _code_runs(text: str) -> list[tuple[int, int]]:
    """Spans of script/style code inside a line (CSS/JS pasted into an article)."""
    if "{" not in text and "}" not in text:
        return []
    out = []
    for m in _NON_ARABIC_RUN.finditer(text):
        run = m.group()
        if ("{" in run or "}" in run) and len(_CODE_CHARS.findall(run)) >= 4:
            a, b = m.span()
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            out.append((a, b))
    return out


def _line(text: str, start: int, code: bool = False) -> Line:
    folded = " ".join(fold(text).split())
    key = folded.lower()
    return Line(start, start + len(text), text, folded, key, key.count(" ") + 1, code=code)


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with exact page offsets (``text[l.start:l.end] == l.text``).

    A run of code inside a line becomes a line of its own (marked ``code``), so the prose
    around it is kept and the code removed.
    """
    out: list[Line] = []
    pos = 0
    # fold the page once: folding never adds or removes a newline, so lines correspond
    for raw, fraw in zip(text.split("\n"), fold(text).split("\n"), strict=True):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            s = pos + lead
            runs = _code_runs(stripped) if len(stripped) >= 40 else []
            if runs:
                cur = 0
                for a, b in runs:
                    piece = stripped[cur:a]
                    if piece.strip():
                        off = len(piece) - len(piece.lstrip())
                        out.append(_line(piece.strip(), s + cur + off))
                    out.append(_line(stripped[a:b], s + a, code=True))
                    cur = b
                piece = stripped[cur:]
                if piece.strip():
                    off = len(piece) - len(piece.lstrip())
                    out.append(_line(piece.strip(), s + cur + off))
            else:
                folded = " ".join(fraw.split())
                key = folded.lower()
                out.append(Line(s, s + len(stripped), stripped, folded, key, key.count(" ") + 1))
        pos += len(raw) + 1
    return out


def _credit_kind(line: Line) -> str | None:
    """caption / byline for lines ending in a parenthesised credit or place."""
    m = _CREDIT.search(line.text)
    if not m or line.words > 45:
        return None
    before = line.text[: m.start()].rstrip()
    if not before or _FINAL_STOP.search(before):
        return None
    inner_words = len(_WORD.findall(m.group(1)))
    if inner_words > 6:
        return None
    return "byline" if len(_WORD.findall(before)) <= 4 else "caption"


def classify(lines: list[Line], *, structural: bool = True) -> None:
    """Decide the furniture kind of each line in place (body lines keep ``kind=None``).

    ``structural=False`` (records) applies only the phrase lists and date lines: record
    bodies have no captions or mastheads, and their paragraphs may end in a credit.
    """
    prev_kind: str | None = None
    prev_text = ""  # a source header ("المصادر:") makes the next short line a source list
    for ln in lines:
        kind = "boilerplate" if ln.code else phrase_kind(ln.key)
        if kind is None and _DIGIT.search(ln.key):
            d = parse_folded_dateline(ln.key)
            if d:
                kind, ln.date = "dateline", d
        if kind == "footer":
            ln.outlet = outlets.from_copyright(ln.text)
        if structural and kind is None:
            o = outlets.from_line(ln.text)
            if o:
                kind, ln.outlet = "byline", o
            elif is_masthead(ln):
                kind, ln.outlet = "byline", outlets.canonical(ln.text) or ln.text
            elif is_menu(ln.text):
                kind = "navigation"
            elif prev_kind == "byline" and ln.words <= 12 and not ln.paragraph and prev_text.endswith((":", "：")):
                kind, ln.outlet = "byline", outlets.from_sources(ln.text)
            else:
                kind = _credit_kind(ln)
        ln.kind = kind
        prev_kind, prev_text = kind, ln.text


@dataclass
class Segment:
    """One article found on a page: its title line and the lines that belong to it."""

    title: Line | None
    lines: list[Line] = field(default_factory=list)  # every line of the segment, in order
    body: list[Line] = field(default_factory=list)


def _is_start(i: int, lines: list[Line], counts: Counter[str]) -> bool:
    """Whether line ``i`` opens a new full article (repeated headline + paragraphs)."""
    head = lines[i]
    if not head.headline or counts[head.key] < 2 or head.kind in ("caption", "byline", "dateline", "footer"):
        return False
    paras = chars = 0
    for ln in lines[i + 1 : i + 1 + LOOKAHEAD]:
        if ln.key == head.key or ln.kind in ("caption", "boilerplate", "dateline", "byline") and not ln.paragraph:
            if paras:
                break
            continue
        if ln.paragraph and ln.kind is None:
            paras += 1
            chars += len(ln.text)
            if paras >= NEW_ARTICLE_PARAS and chars >= NEW_ARTICLE_CHARS:
                return True
            continue
        if paras == 0 and ln.headline and counts[ln.key] > 1:
            continue  # another repeated headline/caption before the body starts
        break
    return False


def _pick_title(lines: list[Line], start: int, given: str | None) -> int | None:
    if given:
        g = _f(given)
        for i in range(start, len(lines)):
            if lines[i].key == g:
                return i
        return None
    first: int | None = None
    for i in range(start, len(lines)):
        ln = lines[i]
        if ln.kind is None and ln.paragraph:
            break
        if ln.kind is None and ln.headline:
            if first is None:
                first = i
                if ln.words > SHORT_MASTHEAD_WORDS:
                    return i
            elif ln.words > SHORT_MASTHEAD_WORDS:
                # a very short line above a real headline is a masthead we do not know
                lines[first].kind = "byline"
                return i
    return first


def segment(lines: list[Line], *, title: str | None = None, split: bool = True) -> list[Segment]:
    """Split classified lines into articles, marking titles, repeats and related blocks."""
    counts = Counter(ln.key for ln in lines)
    ph = phrases()
    segs: list[Segment] = []
    i = 0
    n = len(lines)
    while i < n:
        # a record's content is all body: only a given title is looked for in it
        t_idx = _pick_title(lines, i, title if not segs else None) if (split or title) else None
        seg = Segment(lines[t_idx] if t_idx is not None else None)
        if t_idx is not None:
            lines[t_idx].kind = "title"
        tkey = seg.title.key if seg.title else None
        related = False
        j = i
        while j < n:
            ln = lines[j]
            if j > i and related and split and _is_start(j, lines, counts):
                break
            if tkey and ln.kind is None and (ln.key == tkey or (ln.key.startswith(tkey) and not ln.paragraph)):
                ln.kind = "title"  # the headline again, or the headline glued to a caption
            elif split and ln.kind is None and counts[ln.key] > 1 and not ln.paragraph and ln.words > 15:
                ln.kind = "caption"  # a long unpunctuated line shown twice: a photo caption
            if ln.kind == "related_articles" and ln.key.rstrip(" :.") in ph.headers:
                related = True
            elif related and ln.kind is None:
                ln.kind = "related_articles"
            seg.lines.append(ln)
            if ln.kind is None:
                seg.body.append(ln)
            j += 1
        # short lines after the last paragraph are signatures and tags, not body
        last_para = max((k for k, b in enumerate(seg.body) if b.paragraph), default=-1)
        if last_para >= 0 and split:
            for b in seg.body[last_para + 1 :]:
                if not b.paragraph and b.words <= 8:
                    b.kind = "byline"
            seg.body = [b for b in seg.body if b.kind is None]
        if not seg.body and segs:
            segs[-1].lines.extend(seg.lines)  # nothing new: fold back into the previous article
        else:
            segs.append(seg)
        i = j
        title = None
    # lines before a segment's title (navigation, datelines) that are still body-less stay furniture
    for seg in segs if split else ():
        if seg.title is not None:
            before = [ln for ln in seg.lines if ln.start < seg.title.start and ln.kind is None]
            for ln in before:
                if not ln.paragraph:
                    ln.kind = "navigation"
                    seg.body.remove(ln)
    return segs
