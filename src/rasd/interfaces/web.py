"""Read-only web app and JSON API over one analysis (``analysis.json`` or a rasd database).

``create_app(db_path=None, analysis_path=None)`` loads the corpus views once
(``webapp.corpus``) and serves the pages (``webapp.routes``: home, search, documents,
entities, incidents, disagreements, threads, quotes, timeline, map), each also as JSON
under ``/api/``, every export format as a download under ``/export/`` (``webapp.downloads``),
the single-page report at ``/report`` and OpenAPI docs at ``/docs`` from bundled files.
Nothing is written and nothing outside the machine is contacted; ``rasd serve`` binds to
127.0.0.1 by default.

Every response carries security headers (``SECURITY_HEADERS``). The app's pages load
their script and stylesheet from ``/static`` and have no inline code, so their policy
allows ``'self'`` only; the report (one self-contained file, also written to disk) gets a
policy listing the hashes of its own inline scripts and styles. ``Guard`` answers 414/431
for an oversized URL or header block before routing (``rasd.interfaces.server`` does the
same for requests too big for the HTTP parser).
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import html
import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from functools import cache
from importlib import resources as _res
from pathlib import Path
from typing import Any, cast

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from rasd.interfaces import news
from rasd.interfaces.export import store_analysis
from rasd.interfaces.report import load_analysis, render_report, restatus
from rasd.interfaces.webapp import api, apidocs, downloads, routes
from rasd.interfaces.webapp.corpus import Corpus, from_analysis, from_store
from rasd.interfaces.webapp.live import LiveCorpus
from rasd.models import Analysis
from rasd.store import open_store
from rasd.store.base import is_url

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
    if not is_url(db_path) and not Path(db_path).is_file():
        raise FileNotFoundError(f"database not found: {db_path}")
    with open_store(db_path, readonly=True) as store:
        return store_analysis(store)


def create_app(
    db_path: str | Path | None = None,
    analysis_path: str | Path | None = None,
    as_of: str | None = None,
    live: bool = True,
) -> FastAPI:
    """The FastAPI app serving one analysis; ``analysis_path`` wins when both are given.

    ``as_of`` (the date commitment statuses are seen from; they are recomputed when it
    differs from the export's) defaults to the export's ``as_of``, else today. Thread
    pages take their own ``?as_of=``. A database is served ``live`` (``webapp.live``):
    runs that add to it while the server is up show without a restart.
    """
    if analysis_path is not None:
        analysis, meta = load_analysis(Path(analysis_path))
        if as_of and as_of != meta.get("as_of"):
            analysis = restatus(analysis, as_of)
        day = as_of or meta.get("as_of") or dt.date.today().isoformat()
        corpus = from_analysis(analysis, day, str(analysis_path))
    elif db_path is not None:
        if not is_url(str(db_path)) and not Path(db_path).is_file():
            raise FileNotFoundError(f"database not found: {db_path}")
        db = str(db_path)
        corpus = cast(Corpus, LiveCorpus(db, lambda: from_store(db, as_of))) if live else from_store(db, as_of)
    else:
        raise ValueError("give an analysis.json (--analysis) or a database (--db)")
    # FastAPI's own /docs and /redoc load their scripts from a CDN: ours are bundled (apidocs)
    app = _GuardedFastAPI(
        title="rasd", description="Read-only API over a rasd analysis", version="2", docs_url=None, redoc_url=None
    )
    app.state.corpus = app.state.data = corpus  # .data: the name callers used before the pages
    report = _Report(corpus)

    @app.get("/report", response_class=HTMLResponse, include_in_schema=False)
    def full_report() -> HTMLResponse:
        """The single-page report (``rasd report``), with a search box asking this server."""
        page = report.page()
        return HTMLResponse(page, headers={"Content-Security-Policy": report.csp})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)  # no icon; answered so browsers log no error

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in STATIC:
            raise HTTPException(status_code=404, detail=f"no static file {name!r}")
        return Response(_static(name), media_type=STATIC[name], headers={"Cache-Control": "max-age=600"})

    _news_routes(app, corpus)
    pages = routes.install(app, corpus, _env())
    downloads.install(app, corpus, pages.error)
    api.install(app, corpus)
    apidocs.install(app)
    return app


STATIC = {"web.css": "text/css", "web.js": "text/javascript"}


def _news_routes(app: FastAPI, corpus: Corpus) -> None:
    """``/api/news?since=D`` and the Atom feed ``/feed.atom`` (``interfaces.news``)."""

    def items(since: str | None, as_of: str | None) -> list[news.NewsItem]:
        day = since or news.default_since(as_of)
        try:
            if corpus.analysis is not None:
                return news.news_from_analysis(corpus.analysis, day, as_of)
            with corpus.store() as st:
                return news.news_from_store(st, day, as_of)
        except ValueError as e:
            raise HTTPException(status_code=400, detail=str(e)) from None

    @app.get("/api/news")
    def api_news(since: str | None = None, as_of: str | None = None, limit: int = 100, offset: int = 0) -> dict[str, Any]:
        """What is new since ``since`` (default: the last 30 days): incidents, disagreements,
        updated figures, deadlines passed or superseded; newest first."""
        if not (0 < limit <= 1000 and offset >= 0):
            raise HTTPException(status_code=400, detail="limit must be 1..1000 and offset >= 0")
        found = items(since, as_of)
        return {"total": len(found), "limit": limit, "offset": offset,
                "items": news.news_json(found[offset : offset + limit])}  # fmt: skip

    @app.get("/feed.atom", include_in_schema=False)
    def feed(request: Request, since: str | None = None, as_of: str | None = None) -> Response:
        body = news.atom_feed(items(since, as_of), self_url=str(request.url), as_of=as_of)
        return Response(body, media_type="application/atom+xml")


@cache
def _static(name: str) -> bytes:
    return _res.files("rasd.interfaces").joinpath(f"static/{name}").read_bytes()


@cache
def _env() -> Environment:
    """Templates of the app's pages; autoescaped, so article text is always shown as text."""
    return Environment(
        loader=PackageLoader("rasd.interfaces", "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


class _Report:
    """The single-page report, rendered on first request (from a database that means reading
    everything, as ``rasd report`` does) and kept."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._page: str | None = None
        self._generation = 0
        self.csp = ""

    def page(self) -> str:
        generation = getattr(self.corpus, "generation", 0)  # a live corpus was reloaded: render again
        if self._page is None or generation != self._generation:
            self._generation = generation
            c = self.corpus
            a = c.analysis if c.analysis is not None else _from_store(c.source)
            if c.analysis is None:
                a = dataclasses.replace(a, commitments=c.views.commitments)
            self._page = render_report(a, c.as_of, api=True)
            self.csp = page_csp(self._page)
        return self._page
