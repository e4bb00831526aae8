"""Search over documents (the store's full-text index), quotes and incidents.

Documents: with a database the store's folded FTS index ranks the hits (``Store.search``,
which also cuts each snippet and marks the matched words in it). Without filters the store
pages itself (``offset``) and counts every hit (``Store.count_hits``), so the total is exact
and any page up to ``MAX_SEARCH_OFFSET`` can be reached; deeper is refused (400). The filters
(outlet, dates, language, entity) are read from the app's document list and given to the
store as the documents to search among (``only=``), so filtered counts are exact too. With an ``analysis.json`` folded text is
scanned (linear in the corpus) and every count is exact.

Quotes and incidents are matched in memory on folded text, all words required.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from rasd.interfaces.webapp.common import BadRequest, bound, overlaps, shorten
from rasd.interfaces.webapp.corpus import Corpus, DocMeta
from rasd.store.base import MAX_SEARCH_OFFSET, QueryError, SearchHit, SearchTimeout, query_terms
from rasd.store.snippet import snippet
from rasd.text import fold, normalize

SNIPPET_CHARS = 240
MAX_OCCURRENCES = 50  # matches listed per document (``analysis.json`` search)


class Unavailable(RuntimeError):
    """The search ran past its time budget (503)."""


@dataclass
class Filters:
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    language: str | None = None
    entity: str | None = None  # an entity id: documents that mention it

    def active(self) -> bool:
        return any((self.outlet, self.date_from, self.date_to, self.language, self.entity))


def _terms(q: str) -> list[str]:
    try:
        terms = query_terms(q)  # the store's limits for every source: length, distinct words
    except QueryError as err:
        raise BadRequest(str(err)) from None
    if not terms and not fold(q).strip():
        raise BadRequest("empty query after normalisation")
    return terms


def _keep(corpus: Corpus, f: Filters) -> Any:
    lo, hi = bound(f.date_from, False), bound(f.date_to, True)
    docs_of_entity = set(corpus.entity[f.entity].docs) if f.entity and f.entity in corpus.entity else None
    if f.entity and docs_of_entity is None:
        docs_of_entity = set()

    def keep(m: DocMeta | None) -> bool:
        if m is None:
            return False
        if f.outlet and m.outlet != f.outlet:
            return False
        if f.language and m.language != f.language:
            return False
        if docs_of_entity is not None and m.id not in docs_of_entity:
            return False
        return overlaps(m.date, lo, hi)

    return keep


def _hit(m: DocMeta, snip: str, span: tuple[int, int] | None, **extra: Any) -> dict[str, Any]:
    s, e = span if span else (0, 0)
    return {
        "doc": m.id, "title": m.title, "outlet": m.outlet, "published": m.date, "language": m.language,
        "snippet": snip, "before": snip[:s], "match": snip[s:e], "after": snip[e:], **extra,
    }  # fmt: skip


def search_documents(corpus: Corpus, q: str, f: Filters, limit: int, offset: int) -> dict[str, Any]:
    """Ranked document hits for ``q`` after the filters: ``total``, ``exact``, ``items``."""
    terms = _terms(q)
    keep = _keep(corpus, f)
    if corpus.db_path is None:
        return _scan(corpus, q, keep, limit, offset)
    only = [m.id for m in corpus.docs if keep(m)] if f.active() else None
    if only is not None and len(only) == len(corpus.docs):
        only = None  # the filters keep every document: no restriction to send
    return _paged(corpus, q, terms, limit, offset, only)


def _paged(
    corpus: Corpus, q: str, terms: list[str], limit: int, offset: int, only: list[str] | None
) -> dict[str, Any]:
    """One page of the store's ranking among the documents ``only`` (all when ``None``) and
    the exact hit count: the filters become a restriction of the store's query, so filtered
    searches are ranked, counted and paged like unfiltered ones."""
    if offset > MAX_SEARCH_OFFSET:
        raise BadRequest(f"pages start at hit {MAX_SEARCH_OFFSET:,} at most; add words or filters")
    total, found = 0, list[SearchHit]()
    if terms and only != []:
        try:
            with corpus.store() as st:
                total = st.count_hits(q, only=only)
                found = st.search(q, limit=limit, offset=offset, only=only) if offset < total else []
        except SearchTimeout as err:
            raise Unavailable(str(err)) from None
        except QueryError as err:
            raise BadRequest(str(err)) from None
    items = [
        _hit(corpus.doc[h.doc_id], h.snippet, h.match, score=round(h.score, 4))
        for h in found
        if h.doc_id in corpus.doc
    ]  # fmt: skip
    return {"query": q, "total": total, "exact": True, "offset": offset, "limit": limit, "items": items}


def _scan(corpus: Corpus, q: str, keep: Any, limit: int, offset: int) -> dict[str, Any]:
    """``analysis.json``: every document holding the folded query, in id order; exact counts.

    The folded phrase is looked up first (a quick ``in``), then mapped back to original
    offsets with ``normalize``, so ``start``/``end`` index the document's own text.
    """
    needle = fold(q).strip()
    hits: list[dict[str, Any]] = []
    total = 0
    for m in corpus.docs:
        if not keep(m) or needle not in corpus.folded(m.id):
            continue
        total += 1
        if not offset <= total - 1 < offset + limit:
            continue
        d = corpus.document(m.id)
        assert d is not None
        nt = normalize(d.text)
        i = nt.text.find(needle)
        s, e = nt.span(i, i + len(needle))
        lo = max(0, s - SNIPPET_CHARS // 2)
        snip = d.text[lo : min(len(d.text), e + SNIPPET_CHARS // 2)]
        occurrences: list[dict[str, Any]] = []
        while i >= 0 and len(occurrences) < MAX_OCCURRENCES:
            a, b = nt.span(i, i + len(needle))
            occurrences.append(
                {"start": a, "end": b, "text": d.text[a:b], "snippet": d.text[max(0, a - 60) : b + 60]}
            )
            i = nt.text.find(needle, i + len(needle))
        hits.append(
            _hit(m, snip, (s - lo, e - lo), start=s, end=e, text=d.text[s:e], occurrences=occurrences)
        )
    return {"query": q, "total": total, "exact": True, "offset": offset, "limit": limit, "items": hits}


def _all_words(terms: list[str], text: str) -> bool:
    folded = fold(text)
    return all(t in folded for t in terms)


def search_quotes(corpus: Corpus, q: str, f: Filters, limit: int, offset: int) -> dict[str, Any]:
    """Quotes whose words or speaker hold every query word, newest first.

    The longest query word is looked up in one string of every quote's folded words (a C
    scan, ``_quote_index``), so only quotes holding it are checked in Python: at 100k quotes
    a per-quote loop cost half a second a query."""
    terms = _terms(q)
    keep = _keep(corpus, f)
    found = []
    for i in _quotes_holding(corpus, max(terms, key=len)) if terms else range(len(corpus.quotes)):
        row = corpus.quotes[i]
        qu = row.quote
        if f.entity and qu.speaker.entity != f.entity:
            continue
        if not all(t in row.folded for t in terms):
            continue
        if not keep(corpus.doc.get(qu.doc)):
            continue
        found.append(row)
    items = []
    for row in found[offset : offset + limit]:
        snip, span = snippet(row.content, terms)
        items.append({
            "doc": row.quote.doc, "start": row.quote.start, "end": row.quote.end, "speaker": row.quote.speaker.text,
            "speaker_entity": row.quote.speaker.entity, "date": row.date, "outlet": row.outlet,
            **{k: v for k, v in _hit(corpus.doc[row.quote.doc], snip, span).items() if k in ("before", "match", "after")},
        })  # fmt: skip
    return {"query": q, "total": len(found), "exact": True, "offset": offset, "limit": limit, "items": items}


def search_incidents(corpus: Corpus, q: str, f: Filters, incident_type: str | None, limit: int,
                     offset: int) -> dict[str, Any]:  # fmt: skip
    """Incidents whose label or place holds every query word, newest first."""
    terms = _terms(q)
    lo, hi = bound(f.date_from, False), bound(f.date_to, True)
    found = []
    for inc in corpus.views.incidents:
        if incident_type and inc.type != incident_type.upper():
            continue
        if f.entity and f.entity not in {inc.place, *inc.actors, *inc.targets}:
            continue
        if not overlaps(inc.date.value, lo, hi):
            continue
        place = corpus.entity.get(inc.place or "")
        if not _all_words(terms, inc.label + " " + (place.name if place else "")):
            continue
        found.append(inc)
    found.sort(key=lambda i: (i.date.value or "", i.id), reverse=True)
    items = [
        {"id": i.id, "type": i.type, "label": shorten(i.label), "date": i.date.value, "sources": i.sources}
        for i in found[offset : offset + limit]
    ]
    return {"query": q, "total": len(found), "exact": True, "offset": offset, "limit": limit, "items": items}


def _quote_index(corpus: Corpus) -> tuple[str, list[int]]:
    """Every quote's folded words joined by NUL (never in a folded word), and where each starts;
    built once per corpus."""
    got = corpus.memo.get("quote_index")
    if got is None:
        starts, pos = [], 0
        for row in corpus.quotes:
            starts.append(pos)
            pos += len(row.folded) + 1
        got = corpus.memo["quote_index"] = ("\0".join(row.folded for row in corpus.quotes), starts)
    return got  # type: ignore[no-any-return]


def _quotes_holding(corpus: Corpus, term: str) -> list[int]:
    """Indexes (in list order) of the quotes whose folded words contain ``term``."""
    blob, starts = _quote_index(corpus)
    out: list[int] = []
    i = blob.find(term)
    while i >= 0:
        k = bisect.bisect_right(starts, i) - 1
        out.append(k)
        nxt = starts[k + 1] if k + 1 < len(starts) else len(blob)
        i = blob.find(term, nxt)  # the next quote: one hit per quote
    return out
