"""OpenAPI docs at ``/docs`` from bundled files: Swagger UI as the ``fastapi-offline`` package ships it.

FastAPI's own ``/docs`` loads Swagger UI from a CDN, which a server that contacts nothing
cannot do. ``fastapi-offline`` carries the same files in its wheel; we serve them from
``/docs/assets/`` with a page and a start script of our own, so the page needs no inline
script and its policy allows only its own files (plus ``data:`` images, which Swagger UI's
stylesheet uses for its icons). Without the package ``/docs`` is a 404 and
``/openapi.json`` is still served.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response

DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
)
ASSETS = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css", "favicon.png": "image/png"}
_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>rasd API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"><link rel="icon" href="/docs/assets/favicon.png">
</head><body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script><script src="/docs/assets/start.js"></script>
</body></html>"""
_START = """window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout"});
"""


@cache
def assets_dir() -> Path | None:
    """The folder of Swagger UI files inside the installed ``fastapi_offline``, if any."""
    try:
        import fastapi_offline
    except ImportError:
        return None
    d = Path(fastapi_offline.__file__).parent / "static"
    return d if all((d / name).is_file() for name in ASSETS) else None


def install(app: FastAPI) -> bool:
    """Add ``/docs`` and its assets; False (nothing added) when the files are not installed."""
    folder = assets_dir()
    if folder is None:
        return False

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(_PAGE, headers={"Content-Security-Policy": DOCS_CSP})

    @app.get("/docs/assets/{name}", include_in_schema=False)
    def asset(name: str) -> Response:
        if name == "start.js":
            return Response(_START, media_type="text/javascript", headers={"Cache-Control": "max-age=3600"})
        if name not in ASSETS:
            return Response(status_code=404)
        return Response(_read(name), media_type=ASSETS[name], headers={"Cache-Control": "max-age=3600"})

    return True


@cache
def _read(name: str) -> bytes:
    folder = assets_dir()
    assert folder is not None
    return (folder / name).read_bytes()
