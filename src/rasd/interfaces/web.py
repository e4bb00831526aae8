"""Read-only web UI and JSON API over one analysis (``analysis.json`` or a rasd database).

``create_app(db_path=None, analysis_path=None)`` loads the analysis once and serves the
HTML report at ``/`` and JSON under ``/api/``. Nothing is written and nothing outside
the machine is contacted; ``rasd serve`` binds to 127.0.0.1 by default.

Search: with a database the store's full-text index answers; with only
``analysis.json`` we scan folded document text (``rasd.text.normalize``), which is linear
in the corpus but maps every hit back to exact original offsets. Either way a query over
the store's limits (``rasd.store.base``) is a 400 with a JSON message, never a slow answer.

Every response carries security headers (``SECURITY_HEADERS``; the report page gets a
Content-Security-Policy listing the hashes of its own inline scripts and styles, nothing
else), and ``Guard`` answers 414/431 for an oversized URL or header block before routing
(``rasd.interfaces.server`` does the same for requests too big for the HTTP parser).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse

from rasd.interfaces.export import document_json
from rasd.interfaces.report import date_range, load_analysis, render_report, restatus
from rasd.models import Analysis, Claim, Document, Entity, Event, Mentions, to_dict
from rasd.store.base import QueryError, SearchTimeout, is_url, query_terms
from rasd.text import fold, normalize

MAX_LIMIT = 1000
MAX_URL_BYTES = 16 * 1024  # path + query string as sent; a search URL needs well under 8 KiB
MAX_HEADER_BYTES = 32 * 1024  # all header names and values together
# Default policy for JSON and errors: nothing may load, nothing may frame the API.
DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", DEFAULT_CSP.encode()),
)
_SCRIPT = re.compile(r"<script(?:\s[^>]*)?>(.*?)</script\s*>", re.S | re.I)
_STYLE = re.compile(r"<style(?:\s[^>]*)?>(.*?)</style\s*>", re.S | re.I)
_STYLE_ATTR = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
# module level: FastAPI resolves the (string) annotations against module globals
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0)]


@dataclass
class _Data:
    """The loaded analysis plus the indexes the endpoints need."""

    analysis: Analysis
    as_of: str
    source: str
    docs: dict[str, Document] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    by_doc: dict[str, Mentions] = field(default_factory=dict)
    db_path: str | None = None  # the database, when serving one (opened per search: SQLite is per-thread)
    _report: str | None = None
    _csp: str = ""
    _folded: list[tuple[Document, str]] | None = None

    def __post_init__(self) -> None:
        a = self.analysis
        self.docs = {d.id: d for d in a.documents}
        self.claims = {c.id: c for c in a.claims}
        self.entities = {e.id: e for e in a.entities}
        for kind in ("timex", "entities", "quantities", "quotes"):
            for m in getattr(a.mentions, kind):
                getattr(self.by_doc.setdefault(m.doc, Mentions()), kind).append(m)

    def folded(self) -> list[tuple[Document, str]]:
        """Documents by id with their folded text, built on the first search (a quick
        ``in`` test on it skips the offset-mapping ``normalize`` for documents without a hit)."""
        if self._folded is None:
            self._folded = [(d, fold(d.text)) for d in sorted(self.analysis.documents, key=lambda d: d.id)]
        return self._folded

    def report(self) -> str:
        if self._report is None:
            self._report = render_report(self.analysis, self.as_of, api=True)
            self._csp = page_csp(self._report)
        return self._report

    def csp(self) -> str:
        """The page's Content-Security-Policy (see ``page_csp``), computed with the page."""
        self.report()
        return self._csp


def _sha256(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # what the browser hashes after parsing
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def page_csp(page: str) -> str:
    """Content-Security-Policy for ``page``: only its own inline scripts and styles run.

    The report is one self-contained file (it is also written to disk), so instead of a
    ``'self'`` source its inline ``<script>``/``<style>`` blocks are allowed by hash, and
    its ``style=""`` attributes (event colours) by hash with ``'unsafe-hashes'``. Anything
    injected into the page, or loaded from elsewhere, is refused.
    """
    scripts = sorted({_sha256(m.group(1)) for m in _SCRIPT.finditer(page)})
    styles = sorted({_sha256(m.group(1)) for m in _STYLE.finditer(page)})
    attrs = sorted({_sha256(html.unescape(a if a is not None else b)) for a, b in _STYLE_ATTR.findall(page)})
    script_src = " ".join(scripts) or "'none'"
    style_src = " ".join(styles + (["'unsafe-hashes'", *attrs] if attrs else [])) or "'none'"
    return (
        f"default-src 'none'; script-src {script_src}; style-src {style_src}; "
        "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )


async def _refuse(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close"), *SECURITY_HEADERS]  # fmt: skip
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware around the whole app: size limits first, security headers on every response.

    Sits outside Starlette's error handling so 404s, 422s and 500s get the headers too. A
    header the app set itself (the report page's CSP) is kept.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        url = len(scope.get("raw_path") or scope["path"].encode("utf-8")) + len(scope.get("query_string") or b"")
        if url > MAX_URL_BYTES:
            await _refuse(send, 414, f"URL too long: {url:,} bytes (at most {MAX_URL_BYTES:,})")
            return
        head = sum(len(k) + len(v) + 4 for k, v in scope.get("headers") or [])  # "k: v\r\n"
        if head > MAX_HEADER_BYTES:
            await _refuse(send, 431, f"request headers too large: {head:,} bytes (at most {MAX_HEADER_BYTES:,})")
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                have = {bytes(k).lower() for k, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in have]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_secured)


class _GuardedFastAPI(FastAPI):
    """FastAPI whose outermost layer is ``Guard`` (``add_middleware`` would sit inside the 500 handler)."""

    def build_middleware_stack(self) -> Any:
        return Guard(super().build_middleware_stack())


def _from_store(db_path: str) -> Analysis:
    """Read everything a database holds into an ``Analysis`` (documents, mentions, views)."""
    from rasd.store import open_store

    if not is_url(db_path) and not Path(db_path).is_file():
        raise FileNotFoundError(f"database not found: {db_path}")
    with open_store(db_path, readonly=True) as store:
        v = store.load_views()
        entities, events, claims, commitments, conflicts = v.entities, v.events, v.claims, v.commitments, v.conflicts
        return Analysis(
            documents=list(store.iter_documents()),
            mentions=store.load_mentions(),
            entities=entities,
            events=events,
            claims=claims,
            commitments=commitments,
            conflicts=conflicts,
        )


def _overlaps(value: str | None, lo: dt.date | None, hi: dt.date | None) -> bool:
    """Whether a TimeML value's period meets ``[lo, hi]``; undated values only pass an open range."""
    if lo is None and hi is None:
        return True
    r = date_range(value)
    if r is None:
        return False
    return (hi is None or r[0] <= hi) and (lo is None or r[1] >= lo)


def _bound(value: str | None, end: bool) -> dt.date | None:
    if not value:
        return None
    r = date_range(value)
    if r is None:
        raise HTTPException(status_code=400, detail=f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return r[1] if end else r[0]


def _page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"total": len(items), "offset": offset, "limit": limit, "items": items[offset : offset + limit]}


def _doc_summary(d: Document) -> dict[str, Any]:
    return {
        "id": d.id, "source": d.source, "part": d.part, "title": d.title, "outlet": d.outlet,
        "published": to_dict(d.published), "language": d.language, "chars": len(d.text),
        "duplicate_of": d.duplicate_of,
    }  # fmt: skip


def _mentions_entity(e: Event, ent: str) -> bool:
    return ent == e.place or ent in e.actors or ent in e.targets


def create_app(
    db_path: str | Path | None = None,
    analysis_path: str | Path | None = None,
    as_of: str | None = None,
) -> FastAPI:
    """The FastAPI app serving one analysis; ``analysis_path`` wins when both are given.

    ``as_of`` (the date commitment statuses are seen from; they are recomputed when it
    differs from the export's) defaults to the export's ``as_of``, else today.
    """
    meta: dict[str, Any] = {}
    db = None
    if analysis_path is not None:
        analysis, meta = load_analysis(Path(analysis_path))
        source = str(analysis_path)
        if as_of and as_of != meta.get("as_of"):
            analysis = restatus(analysis, as_of)
    elif db_path is not None:
        db = str(db_path)
        analysis = _from_store(db)
        source = db
        if as_of:
            analysis = restatus(analysis, as_of)
    else:
        raise ValueError("give an analysis.json (--analysis) or a database (--db)")
    data = _Data(analysis, as_of or meta.get("as_of") or dt.date.today().isoformat(), source, db_path=db)
    # no /docs or /redoc: FastAPI's pages load Swagger/ReDoc from a CDN; /openapi.json stays
    app = _GuardedFastAPI(
        title="rasd", description="Read-only API over a rasd analysis", version="1", docs_url=None, redoc_url=None
    )
    app.state.data = data

    @app.get("/", response_class=HTMLResponse)
    def index() -> HTMLResponse:
        page = data.report()
        return HTMLResponse(page, headers={"Content-Security-Policy": data.csp()})

    @app.get("/api")
    def api_root() -> dict[str, Any]:
        a = data.analysis
        return {
            "source": data.source,
            "as_of": data.as_of,
            "counts": {
                "documents": len(a.documents), "entities": len(a.entities), "events": len(a.events),
                "claims": len(a.claims), "commitments": len(a.commitments), "conflicts": len(a.conflicts),
            },
            "endpoints": ["/api/documents", "/api/documents/{id}", "/api/search?q=", "/api/entities",
                          "/api/entities/{id}", "/api/events", "/api/timeline", "/api/claims",
                          "/api/commitments", "/api/conflicts"],
        }  # fmt: skip

    @app.get("/api/documents")
    def documents(
        limit: Limit = 50, offset: Offset = 0, outlet: str | None = None, language: str | None = None
    ) -> dict[str, Any]:
        docs = sorted(data.analysis.documents, key=lambda d: d.id)
        if outlet:
            docs = [d for d in docs if d.outlet == outlet]
        if language:
            docs = [d for d in docs if d.language == language]
        return _page([_doc_summary(d) for d in docs], limit, offset)

    @app.get("/api/documents/{doc_id}")
    def document(doc_id: str) -> dict[str, Any]:
        d = data.docs.get(doc_id)
        if d is None:
            raise HTTPException(status_code=404, detail=f"no document {doc_id!r}")
        out = document_json(d)
        out["mentions"] = to_dict(data.by_doc.get(doc_id, Mentions()))
        return out

    @app.get("/api/search")
    def search(q: Annotated[str, Query(min_length=1)], limit: Limit = 20) -> dict[str, Any]:
        try:
            query_terms(q)  # the same limits for both sources: length, distinct words
        except QueryError as err:
            raise HTTPException(status_code=400, detail=str(err)) from None
        needle = fold(q).strip()
        if not needle:
            raise HTTPException(status_code=400, detail="empty query after normalisation")
        if data.db_path is not None:
            from rasd.store import open_store

            try:
                with open_store(data.db_path, readonly=True) as store:
                    found = store.search(q, limit=limit)
            except SearchTimeout as err:
                raise HTTPException(status_code=503, detail=str(err)) from None
            hits = [
                {"doc": h.doc_id, "title": h.title, "published": h.published, "snippet": h.snippet,
                 "score": h.score}
                for h in found
            ]  # fmt: skip
            return {"query": q, "total": len(hits), "hits": hits}
        hits = []
        total = 0
        for d, folded in data.folded():
            if needle not in folded:
                continue
            nt = normalize(d.text)
            i = nt.text.find(needle)
            while i >= 0:
                total += 1
                if len(hits) < limit:
                    s, e = nt.span(i, i + len(needle))
                    hits.append(
                        {"doc": d.id, "title": d.title, "start": s, "end": e, "text": d.text[s:e],
                         "snippet": d.text[max(0, s - 60) : e + 60]}
                    )  # fmt: skip
                i = nt.text.find(needle, i + len(needle))
        return {"query": q, "total": total, "hits": hits}

    @app.get("/api/entities")
    def entities(
        limit: Limit = 100, offset: Offset = 0, type: str | None = None, q: str | None = None
    ) -> dict[str, Any]:
        ents = sorted(data.analysis.entities, key=lambda e: (-e.mentions, e.id))
        if type:
            ents = [e for e in ents if e.type == type.upper()]
        if q:
            fq = fold(q)
            ents = [e for e in ents if any(fq in fold(n) for n in [e.name, *e.aliases])]
        return _page([to_dict(e) for e in ents], limit, offset)

    @app.get("/api/entities/{entity_id}")
    def entity(entity_id: str, limit: Limit = 100) -> dict[str, Any]:
        e = data.entities.get(entity_id)
        if e is None:
            raise HTTPException(status_code=404, detail=f"no entity {entity_id!r}")
        out = to_dict(e)
        mentions = [m for m in data.analysis.mentions.entities if m.entity == entity_id]
        out["mention_list"] = [to_dict(m) for m in mentions[:limit]]
        out["events"] = sorted(ev.id for ev in data.analysis.events if _mentions_entity(ev, entity_id))
        return out

    @app.get("/api/claims")
    def claims(
        limit: Limit = 100, offset: Offset = 0, entity: str | None = None, polarity: str | None = None
    ) -> dict[str, Any]:
        cs = sorted(data.analysis.claims, key=lambda c: c.id)
        if entity:
            cs = [c for c in cs if entity in (c.attributed_to, c.subject, c.object)]
        if polarity:
            cs = [c for c in cs if c.polarity == polarity]
        return _page([to_dict(c) for c in cs], limit, offset)

    def _events(type: str | None, entity: str | None, date_from: str | None, date_to: str | None) -> list[Event]:
        lo, hi = _bound(date_from, False), _bound(date_to, True)
        evs = data.analysis.events
        if type:
            evs = [e for e in evs if e.type == type.upper()]
        if entity:
            evs = [e for e in evs if _mentions_entity(e, entity)]
        return [e for e in evs if _overlaps(e.date.value if e.date else None, lo, hi)]

    @app.get("/api/events")
    def events(
        limit: Limit = 100,
        offset: Offset = 0,
        type: str | None = None,
        entity: str | None = None,
        date_from: Annotated[str | None, Query(alias="from")] = None,
        date_to: Annotated[str | None, Query(alias="to")] = None,
    ) -> dict[str, Any]:
        evs = sorted(_events(type, entity, date_from, date_to), key=lambda e: e.id)
        return _page([to_dict(e) for e in evs], limit, offset)

    @app.get("/api/timeline")
    def timeline(
        type: str | None = None,
        entity: str | None = None,
        date_from: Annotated[str | None, Query(alias="from")] = None,
        date_to: Annotated[str | None, Query(alias="to")] = None,
    ) -> dict[str, Any]:
        dated, undated = [], []
        for e in _events(type, entity, date_from, date_to):
            r = date_range(e.date.value if e.date else None)
            item = to_dict(e)
            if r is None:
                undated.append(item)
            else:
                item["period"] = {"start": r[0].isoformat(), "end": r[1].isoformat()}
                dated.append((r[0], r[1], e.id, item))
        dated.sort(key=lambda t: (t[0], t[1], t[2]))
        return {"dated": [t[3] for t in dated], "undated": sorted(undated, key=lambda x: x["id"])}

    @app.get("/api/commitments")
    def commitments(status: str | None = None) -> dict[str, Any]:
        cs = [c for c in data.analysis.commitments if status is None or c.status == status]
        far = (dt.date.max, dt.date.max, "")
        cs.sort(key=lambda c: ((date_range(c.deadline) or far)[1], c.id))
        return {"as_of": data.as_of, "items": [to_dict(c) for c in cs]}

    @app.get("/api/conflicts")
    def conflicts(kind: str | None = None) -> dict[str, Any]:
        items = []
        for k in sorted(data.analysis.conflicts, key=lambda k: k.id):
            if kind and k.kind != kind:
                continue
            item = to_dict(k)
            for side in ("a", "b"):
                c = data.claims.get(getattr(k, side))
                item[f"claim_{side}"] = to_dict(c) if c else None
            items.append(item)
        return {"items": items}

    return app
