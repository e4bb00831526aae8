"""Every page, each served twice: as HTML at ``/path`` and as JSON at ``/api/path``.

A page is one function returning its view model (a dict of JSON values); ``Pages.page``
registers it as the JSON endpoint and wraps it to render its template for the HTML one.
An id in a path may be a unique prefix (``Corpus.resolve``): the JSON answers for the
full id, the HTML page redirects to its full-id address so links stay canonical.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment

from rasd.interfaces.export import document_json
from rasd.interfaces.webapp import downloads, lists, story
from rasd.interfaces.webapp.common import MAX_LIMIT, BadRequest, label, qs, when
from rasd.interfaces.webapp.corpus import Ambiguous, Corpus, NotFound
from rasd.interfaces.webapp.docview import document_view, entity_view, parse_layers, parse_span
from rasd.interfaces.webapp.search import (
    Filters,
    Unavailable,
    search_documents,
    search_incidents,
    search_quotes,
)
from rasd.models import to_dict

# module level: FastAPI resolves the (string) annotations against module globals
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0)]
From = Annotated[str | None, Query(alias="from")]
To = Annotated[str | None, Query(alias="to")]
AsOf = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")]
Q = Annotated[str, Query(min_length=1)]
# the app's own pages: scripts and styles from its own /static only, nothing inline
APP_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# the menu: each page with its label (web/labels.tsv: a kind's label, or the page's own)
NAV = tuple((path, label(kind, code)) for path, kind, code in (
    ("/", "page", "home"), ("/search", "page", "search"), ("/documents", "kind", "documents"),
    ("/entities", "kind", "entities"), ("/incidents", "kind", "incidents"), ("/disagreements", "kind", "conflicts"),
    ("/threads", "kind", "commitments"), ("/quotes", "kind", "quotes"), ("/timeline", "page", "timeline"),
    ("/map", "page", "map"),
))  # fmt: skip


class Pages:
    """Registers pages on ``app``: one view function, a JSON route and an HTML route."""

    def __init__(self, app: FastAPI, corpus: Corpus, env: Environment) -> None:
        self.app, self.corpus, self.env = app, corpus, env

    def render(self, template: str, data: dict[str, Any], request: Request, status: int = 200) -> HTMLResponse:
        params = dict(request.query_params)
        html = self.env.get_template(template).render(
            d=data, nav=NAV, path=request.url.path, params=params, qs=lambda **kw: qs(params, **kw),
            api=f"/api{request.url.path.rstrip('/') or '/home'}" + (f"?{request.url.query}" if request.url.query else ""),
            label=label, when=when, corpus=self.corpus,
        )  # fmt: skip
        return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": APP_CSP})

    def error(self, request: Request, status: int, detail: str, candidates: list[str] | None = None) -> Response:
        """JSON under /api, and for a download asked for by a client that does not want HTML
        (a script, ``curl``); otherwise the error page."""
        path = request.url.path
        if path.startswith("/api") or (path.startswith("/export/") and "text/html" not in request.headers.get("accept", "")):
            body: dict[str, Any] = {"detail": detail}
            if candidates:
                body["candidates"] = candidates
            return JSONResponse(body, status_code=status)
        return self.render("web_error.html.j2", {"status": status, "detail": detail, "candidates": candidates or []},
                           request, status)  # fmt: skip

    def page(self, path: str, template: str, kind: str | None = None) -> Callable[[Callable[..., Any]], Any]:
        """``path`` may hold one ``{ident}``: an id of ``kind`` or a unique prefix of it."""

        def deco(fn: Callable[..., dict[str, Any]]) -> Any:
            self.app.get("/api" + (path if path != "/" else "/home"), name=f"api_{fn.__name__}")(fn)
            sig = inspect.signature(fn)
            kw = inspect.Parameter.KEYWORD_ONLY
            params = [inspect.Parameter("request", kw, annotation=Request),
                      *(x.replace(kind=kw) for x in sig.parameters.values())]  # fmt: skip

            @functools.wraps(fn)
            def html(request: Request, **kwargs: Any) -> Response:
                data = fn(**kwargs)
                ident = kwargs.get("ident")
                if kind and ident is not None and data.get("id") not in (None, ident):
                    target = path.replace("{ident}", quote(str(data["id"]), safe=""))
                    if request.url.query:
                        target += "?" + request.url.query
                    return RedirectResponse(target, status_code=307)
                return self.render(template, data, request)

            html.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
            self.app.get(path, response_class=HTMLResponse, include_in_schema=False, name=fn.__name__)(html)
            return fn

        return deco


def install(app: FastAPI, corpus: Corpus, env: Environment) -> Pages:
    """Every page and its JSON twin, and the error answers (``Pages.error``); returns the ``Pages``."""
    p = Pages(app, corpus, env)
    c = corpus
    err = p.error

    @app.exception_handler(NotFound)
    def _not_found(request: Request, exc: NotFound) -> Response:
        return err(request, 404, str(exc))

    @app.exception_handler(Ambiguous)
    def _ambiguous(request: Request, exc: Ambiguous) -> Response:
        return err(request, 409, str(exc), exc.candidates)

    @app.exception_handler(BadRequest)
    def _bad(request: Request, exc: BadRequest) -> Response:
        return err(request, 400, str(exc))

    @app.exception_handler(Unavailable)
    def _busy(request: Request, exc: Unavailable) -> Response:
        return err(request, 503, str(exc))

    def entity_filter(value: str | None) -> str | None:
        return c.resolve("entities", value) if value else None

    @p.page("/", "web_home.html.j2")
    def home() -> dict[str, Any]:
        return {**lists.home(c), "downloads": downloads.links()}

    @p.page("/search", "web_search.html.j2")
    def search(q: str = "", kind: str = "documents", outlet: str | None = None, date_from: From = None,
               date_to: To = None, language: str | None = None, entity: str | None = None,
               type: str | None = None, limit: Annotated[int, Query(ge=1, le=100)] = 20,
               offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
        """Folded full-text search: ``kind`` documents (ranked), quotes or incidents."""
        f = Filters(outlet, date_from, date_to, language, entity_filter(entity))
        filters = {"q": q, "kind": kind, "outlet": outlet, "from": date_from, "to": date_to,
                   "language": language, "entity": f.entity, "type": type}  # fmt: skip
        if not q.strip():
            res: dict[str, Any] = {"query": q, "total": 0, "exact": True, "offset": 0, "limit": limit, "items": []}
        elif kind == "quotes":
            res = search_quotes(c, q, f, limit, offset)
        elif kind == "incidents":
            res = search_incidents(c, q, f, type, limit, offset)
        elif kind == "documents":
            res = search_documents(c, q, f, limit, offset)
        else:
            raise BadRequest(f"unknown kind {kind!r} (documents, quotes or incidents)")
        res["hits"] = _legacy_hits(res["items"]) if kind == "documents" else []
        return {**res, "kind": kind, "filters": filters, "outlets": c.outlets, "languages": c.languages,
                "types": sorted({i.type for i in c.views.incidents})}  # fmt: skip

    @p.page("/documents", "web_documents.html.j2")
    def documents(outlet: str | None = None, language: str | None = None, date_from: From = None,
                  date_to: To = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
        out = lists.documents(c, outlet, language, date_from, date_to, limit, offset)
        out["filters"] = {"outlet": outlet, "language": language, "from": date_from, "to": date_to}
        return {**out, "outlets": c.outlets, "languages": c.languages}

    @p.page("/documents/{ident}", "web_document.html.j2", "documents")
    def document(ident: str, layers: Annotated[list[str] | None, Query()] = None,
                 hl: str | None = None) -> dict[str, Any]:  # fmt: skip
        """The document with its annotation layers (``layers=time,PER,…``) and ``hl=start-end`` marked."""
        doc_id = c.resolve("documents", ident)
        d = c.document(doc_id)
        if d is None:
            raise NotFound(f"no document {ident!r}")
        wanted = None if layers is None else ",".join(layers)
        view = document_view(c, d, parse_layers(wanted), parse_span(hl, len(d.text)))
        return {**document_json(d), "mentions": to_dict(c.mentions(doc_id)), "view": view}

    @p.page("/entities", "web_entities.html.j2")
    def entities(type: str | None = None, q: str | None = None, limit: Limit = 100,
                 offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
        return {**lists.entities(c, type, q, limit, offset), "filters": {"type": type, "q": q}}

    @p.page("/entities/{ident}", "web_entity.html.j2", "entities")
    def entity(ident: str, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
        """The entity: names, roles, documents per month, its quotes (paged), incidents, disagreements."""
        return entity_view(c, c.resolve("entities", ident), limit, offset)

    @p.page("/incidents", "web_incidents.html.j2")
    def incidents(type: str | None = None, entity: str | None = None, date_from: From = None, date_to: To = None,
                  limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
        out = lists.incidents(c, type, entity_filter(entity), date_from, date_to, limit, offset)
        return {**out, "filters": {"type": type, "entity": entity, "from": date_from, "to": date_to},
                "types": sorted({i.type for i in c.views.incidents})}  # fmt: skip

    @p.page("/incidents/{ident}", "web_incident.html.j2", "incidents")
    def incident(ident: str) -> dict[str, Any]:
        """The incident: its reports side by side and a slot table with one column per source."""
        return story.incident_view(c, c.incident[c.resolve("incidents", ident)])

    @p.page("/disagreements", "web_disagreements.html.j2")
    def disagreements(kind: str | None = None, slot: str | None = None, incident: str | None = None,
                      thread: str | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
        inc = c.resolve("incidents", incident) if incident else None
        thr = c.resolve("threads", thread) if thread else None
        found = story.filter_conflicts(c, kind, slot, inc, thr)
        items = [story.conflict_view(c, k) for k in found[offset : offset + limit]]
        return {"total": len(found), "offset": offset, "limit": limit, "items": items,
                "filters": {"kind": kind, "slot": slot, "incident": inc, "thread": thr},
                "kinds": sorted({k.kind for k in c.views.conflicts}),
                "slots": sorted({k.slot for k in c.views.conflicts if k.slot})}  # fmt: skip

    @p.page("/disagreements/{ident}", "web_disagreement.html.j2", "conflicts")
    def disagreement(ident: str) -> dict[str, Any]:
        return story.conflict_view(c, c.conflict[c.resolve("conflicts", ident)])

    @p.page("/threads", "web_threads.html.j2")
    def threads(status: str | None = None, entity: str | None = None, as_of: AsOf = None, limit: Limit = 50,
                offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
        out = lists.threads(c, status, entity_filter(entity), as_of or c.as_of, limit, offset)
        return {**out, "filters": {"status": status, "entity": entity, "as_of": as_of}}

    @p.page("/threads/{ident}", "web_thread.html.j2", "threads")
    def thread(ident: str, as_of: AsOf = None) -> dict[str, Any]:
        """The thread: its deadline history and its status as of ``as_of`` (default: the server's date)."""
        return story.thread_view(c, c.thread[c.resolve("threads", ident)], as_of or c.as_of)

    @p.page("/quotes", "web_quotes.html.j2")
    def quotes(speaker: str | None = None, doc: str | None = None, limit: Limit = 50,
               offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
        """Quotes, newest first; ``speaker`` an entity id, ``doc`` a document id (prefixes accepted)."""
        who = entity_filter(speaker)
        d = c.resolve("documents", doc) if doc else None
        return {**lists.quotes(c, who, d, limit, offset), "filters": {"speaker": who, "doc": d},
                "speaker_name": c.entity[who].name if who else None}  # fmt: skip

    @p.page("/timeline", "web_timeline.html.j2")
    def timeline(type: str | None = None, outlet: str | None = None, entity: str | None = None,
                 date_from: From = None, date_to: To = None, limit: Limit = 100,
                 offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
        """Incidents and lone events by date, counted per week or month when dense."""
        out = lists.timeline(c, type, outlet, entity_filter(entity), date_from, date_to, limit, offset)
        return {**out, "filters": {"type": type, "outlet": outlet, "entity": entity, "from": date_from, "to": date_to}}

    @p.page("/map", "web_map.html.j2")
    def map_page(date_from: From = None, date_to: To = None) -> dict[str, Any]:
        """Places (geocoded, not outlets) and incidents on the bundled outline map."""
        return lists.map_view(c, date_from, date_to)

    return p


def _legacy_hits(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``hits`` list of the first API, which the report's search box reads: one hit per
    match with its offsets when they are known (``analysis.json``), else one per document."""
    out: list[dict[str, Any]] = []
    for it in items:
        base = {"doc": it["doc"], "title": it["title"], "published": it["published"]}
        if "occurrences" in it:
            out.extend({**base, **occ} for occ in it["occurrences"])
        else:
            out.append({**base, "snippet": it["snippet"], "score": it.get("score")})
    return out
