"""From a raw page to clean documents: clean, segment, title, outlet, date, language.

The body is the kept lines joined by blank lines; ``page_spans`` records where each kept
line lies on the page, so every body character is traceable. Everything removed is kept
in ``removed`` with its kind and page offsets. The document id is derived from the folded
body alone, so the same article read from two files (or twice) gets the same id.
"""

from __future__ import annotations

from rasd.ids import digest, make_id
from rasd.ingest import dates, outlets
from rasd.ingest.clean import Line, Segment, classify, segment, split_lines
from rasd.ingest.langid import identify
from rasd.models import Document, PageSpan, Published, RawPage, Removed
from rasd.text import fold

SEP = "\n\n"


def content_hash(body: str) -> str:
    """Hash of the folded body: spelling variants and diacritics do not change it."""
    return digest(" ".join(fold(body).split()), n=32)


def _body(lines: list[Line]) -> tuple[str, list[PageSpan]]:
    parts: list[str] = []
    spans: list[PageSpan] = []
    pos = 0
    for ln in lines:
        if parts:
            pos += len(SEP)
        spans.append(PageSpan(pos, ln.start, len(ln.text)))
        parts.append(ln.text)
        pos += len(ln.text)
    return SEP.join(parts), spans


def _removed(page_text: str, lines: list[Line]) -> list[Removed]:
    """Consecutive furniture lines of one kind merged into blocks with page offsets."""
    out: list[Removed] = []
    for ln in lines:
        if ln.kind is None:
            continue
        if out and out[-1].kind == ln.kind and _adjacent(page_text, out[-1].end, ln.start):
            out[-1].end = ln.end
            out[-1].text = page_text[out[-1].start : ln.end]
        else:
            out.append(Removed(ln.kind, ln.text, ln.start, ln.end))
    return out


def _adjacent(text: str, end: int, start: int) -> bool:
    return start >= end and not text[end:start].strip()


def _page_outlet(page: RawPage, lines: list[Line]) -> str | None:
    if page.outlet:
        return outlets.canonical(page.outlet) or page.outlet
    for kind in ("footer", "byline"):
        for ln in lines:
            if ln.kind == kind and ln.outlet:
                return ln.outlet
    furniture = "\n".join(ln.text for ln in lines if ln.kind is not None)
    return outlets.from_text(furniture) or outlets.from_text(page.text[:20000])


def _published(page: RawPage, seg: Segment, lines: list[Line], body: str, first: bool) -> Published:
    given = dates.parse_given(page.date)
    if given:
        method = "metadata" if page.date_method == "metadata" else "given"
        return Published(given, _precision(given), method, 0.9 if method == "given" else 0.85)
    pub = _printed_or_estimated(seg, lines, body, first)
    if page.date and page.date.strip():  # "9999-99-99", "2024-13-45": said, not dropped silently
        pub.warnings.append(f"given date {page.date.strip()[:40]!r} is not a valid date: ignored")
    return pub


ESTIMATED_WARNING = "no printed date: publication date estimated from the content; relative dates rest on it"


def _printed_or_estimated(seg: Segment, lines: list[Line], body: str, first: bool) -> Published:
    printed = next((ln.date for ln in seg.lines if ln.kind == "dateline" and ln.date), None)
    if printed is None and first:
        printed = next((ln.date for ln in lines if ln.kind == "dateline" and ln.date), None)
    if printed:
        late = dates.contradiction(printed, body)
        if late is None:
            return Published(printed, "day", "dateline", 0.9)
        est = dates.estimate(body)
        if est.value is None:
            est = Published(late, _precision(late), "content", 0.3)
        est.warnings.append(f"printed date {printed} contradicts content dates (latest {late})")
        return est
    est = dates.estimate(body)
    if est.value is not None:  # the time tagger normalises أمس, الأحد الماضي … against it
        est.warnings.append(ESTIMATED_WARNING)
    return est


def _weak_content(pub: Published) -> bool:
    """An estimate resting only on the latest dated event (no anchor in the text)."""
    return pub.method in ("content", "unknown") and pub.confidence <= 0.4


def _precision(value: str) -> str:
    return {4: "year", 7: "month"}.get(len(value), "day")


def documents_from_page(page: RawPage) -> list[Document]:
    """Clean and segment ``page`` into documents (several when the page holds several articles)."""
    lines = split_lines(page.text)
    record = page.kind == "record"
    classify(lines, structural=not record)
    segs = segment(lines, title=page.title, split=not record)
    outlet = _page_outlet(page, lines)
    docs: list[Document] = []
    for part, seg in enumerate(segs):
        body, spans = _body(seg.body)
        if not body.strip():
            continue
        title = seg.title.text if seg.title else (page.title or "")
        if not title and part == 0 and page.title:
            title = page.title
        if not title:
            title = seg.body[0].text[:120]
        h = digest(" ".join(ln.folded for ln in seg.body), n=32)  # == content_hash(body), folded once
        warnings = list(page.warnings)
        pub = _published(page, seg, lines, body, part == 0)
        if docs and _weak_content(pub) and docs[0].published.value and (pub.value or "") < docs[0].published.value:
            # a later article on the page carries only old history: it appeared with the main one
            main = docs[0].published
            pub = Published(main.value, main.precision, "content", min(main.confidence, 0.25))
            pub.warnings.append(f"date taken from the page's main article ({main.value})")
        lang = identify(body)
        if lang != "ar":
            warnings.append(f"language {lang}: stored, not analysed")
        docs.append(
            Document(
                id=make_id("d", h),
                source=page.source,
                part=len(docs),
                title=title,
                outlet=outlet,
                published=pub,
                language=lang,
                text=body,
                removed=_removed(page.text, seg.lines),
                url=page.url,
                encoding=page.encoding,
                warnings=warnings,
                content_hash=h,
                page_spans=spans,
            )
        )
    return docs
