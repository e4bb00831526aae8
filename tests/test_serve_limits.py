"""``rasd serve``: 414/431 instead of a connection reset, and security headers on every response.

The middleware is checked through TestClient; the oversized request that h11 itself
refuses is checked against a real uvicorn server on 127.0.0.1 (a handful of requests,
each with a timeout; the server is stopped in teardown).
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import socket
import threading
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from test_report_data import sample_analysis

from rasd.interfaces.export import analysis_to_json
from rasd.interfaces.server import H11_BUFFER_BYTES, server_config
from rasd.interfaces.web import MAX_HEADER_BYTES, MAX_URL_BYTES, create_app

SECURITY = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "x-frame-options": "DENY"}


@pytest.fixture(scope="module")
def analysis_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "analysis.json"
    path.write_text(json.dumps(analysis_to_json(sample_analysis(), "2025-01-15"), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def app(analysis_path: Path) -> FastAPI:
    app = create_app(analysis_path=analysis_path)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("a bug in a handler")

    return app


@pytest.fixture(scope="module")
def client(app: FastAPI) -> TestClient:
    return TestClient(app, raise_server_exceptions=False)


def test_oversized_url_is_414_and_headers_431(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": "a" * MAX_URL_BYTES})  # httpx itself refuses past 64 KiB
    assert r.status_code == 414 and "URL too long" in r.json()["detail"]
    r = client.get("/api", headers={"x-filler": "h" * (MAX_HEADER_BYTES + 1)})
    assert r.status_code == 431 and "headers too large" in r.json()["detail"]
    for name, value in SECURITY.items():
        assert r.headers[name] == value
    assert client.get("/api/search", params={"q": "الأسد"}).status_code == 200  # an ordinary search still passes
    assert client.get("/api", headers={"x-filler": "h" * 1000}).status_code == 200


def test_security_headers_on_every_response(client: TestClient) -> None:
    for path, status in (("/api", 200), ("/api/documents/d_nope", 404), ("/api/documents?limit=0", 422),
                         ("/nothing-here", 404), ("/boom", 500), ("/", 200),
                         ("/report", 200), ("/documents/zz", 404), ("/static/web.js", 200)):  # fmt: skip
        r = client.get(path)
        assert r.status_code == status, path
        for name, value in SECURITY.items():
            assert r.headers[name] == value, (path, name)
        csp = r.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert client.get("/api").headers["content-security-policy"].startswith("default-src 'none'")


class _Inline(HTMLParser):
    """Collects what a CSP has to allow on a page: inline scripts, styles and style attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.style_attrs: list[str] = []
        self.handlers: list[str] = []
        self.external: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "style" and value is not None:
                self.style_attrs.append(value)
            elif name.startswith("on"):
                self.handlers.append(name)
            elif name in ("src", "href", "action") and value and not value.startswith("#"):
                self.external.append(value)
        if tag in ("script", "style"):
            self._open = tag
            (self.scripts if tag == "script" else self.styles).append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open == "script":
            self.scripts[-1] += data
        elif self._open == "style":
            self.styles[-1] += data


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_app_pages_have_no_inline_code_and_allow_only_their_own_files(client: TestClient) -> None:
    for path in ("/", "/search?q=%D8%A7%D9%84%D8%A3%D8%B3%D8%AF", "/documents", "/entities", "/timeline", "/map",
                 "/disagreements", "/threads", "/quotes", "/incidents"):  # fmt: skip
        r = client.get(path)
        assert r.status_code == 200, path
        directives = dict((d.split()[0], d.split()[1:]) for d in r.headers["content-security-policy"].split(";") if d.strip())
        assert directives["script-src"] == ["'self'"] and directives["style-src"] == ["'self'"], path
        page = _Inline()
        page.feed(r.text)
        assert page.scripts == [""] and page.styles == [] and page.style_attrs == [] and page.handlers == [], path
        assert all(u.startswith(("/", "?")) for u in page.external), (path, page.external)  # nothing from elsewhere


def test_report_csp_allows_exactly_the_pages_own_inline_code(client: TestClient) -> None:
    r = client.get("/report")
    directives = dict(
        (d.split()[0], d.split()[1:]) for d in r.headers["content-security-policy"].split(";") if d.strip()
    )
    page = _Inline()
    page.feed(r.text)
    assert len(page.scripts) == 2 and len(page.styles) == 1 and page.style_attrs  # what the report uses today
    assert page.handlers == [] and page.external == []  # no inline handlers, nothing loaded from elsewhere
    assert sorted(directives["script-src"]) == sorted({_hash(s) for s in page.scripts})
    style_src = directives["style-src"]
    assert {_hash(s) for s in page.styles} | {_hash(a) for a in page.style_attrs} | {"'unsafe-hashes'"} == set(style_src)
    assert directives["default-src"] == ["'none'"] and directives["connect-src"] == ["'self'"]  # fetch api/search
    assert 'fetch("api/search' in r.text  # the page's search still asks its own server
    injected = _hash("alert(1)")
    assert injected not in directives["script-src"]


@pytest.fixture(scope="module")
def server(app: FastAPI) -> Iterator[int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    srv = uvicorn.Server(server_config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if srv.started:
                break
            time.sleep(0.05)
        assert srv.started, "uvicorn did not start"
        yield port
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


def _get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request("GET", path, headers=headers or {})
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


def test_real_server_answers_status_for_huge_requests(server: int) -> None:
    assert H11_BUFFER_BYTES < 128 * 1024
    status, headers, body = _get(server, "/api/search?q=" + "a" * (128 * 1024))  # past h11's buffer
    assert status == 414 and "URL too long" in json.loads(body)["detail"] and headers["x-frame-options"] == "DENY"
    status, _, body = _get(server, "/api/search?q=" + "a" * (8 * 1024 * 1024))  # plain uvicorn resets this one
    assert status == 414
    status, _, body = _get(server, "/api/search?q=" + "a" * (MAX_URL_BYTES + 10))  # past Guard, within h11
    assert status == 414
    status, _, body = _get(server, "/api", {"x-filler": "h" * (H11_BUFFER_BYTES + 10)})
    assert status == 431 and "headers too large" in json.loads(body)["detail"]
    status, headers, body = _get(server, "/api")  # the server is still serving
    assert status == 200 and json.loads(body)["counts"]["documents"] == 3
    assert headers["x-content-type-options"] == "nosniff"
