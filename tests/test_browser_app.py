"""The web app in a real headless browser: an analyst's path through it, and hostile content.

Debian's ``chromium`` is driven over the DevTools pipe (``rasd.interfaces.webapp.headless``;
no WebDriver needed); skipped with a reason when it is not installed (``.ci/run`` installs
it). The server runs on 127.0.0.1 for the module and is stopped in teardown.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from test_web_data import HOSTILE_TITLE, save_store, web_analysis

from rasd.interfaces.server import server_config
from rasd.interfaces.web import create_app
from rasd.interfaces.webapp.headless import Browser, find_chromium
from rasd.models import Analysis

pytestmark = pytest.mark.skipif(find_chromium() is None, reason="chromium not installed (apt-get install -y chromium)")

INJECTED = ("img, iframe, b, [onerror], [onload], [onmouseover], a[href^='javascript:' i], "
            "script:not([src='/static/web.js'])")  # fmt: skip


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return web_analysis()


@pytest.fixture(scope="module")
def base(analysis: Analysis, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "rasd.db"
    save_store(analysis, str(db))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(server_config(create_app(db_path=db, as_of="2025-01-15"), host="127.0.0.1", port=port,
                                          log_level="warning"))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            time.sleep(0.05)
        assert server.started, "uvicorn did not start"
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with Browser() as b:
        yield b


def clean(b: Browser) -> None:
    """The page ran its script, nothing from the articles became an element or ran."""
    where = b.eval("location.pathname")
    assert b.eval("document.documentElement.getAttribute('data-rasd')") == "ok", where
    assert b.eval(f"document.querySelectorAll({json.dumps(INJECTED)}).length") == 0, where
    assert b.eval("window.__pwned === undefined"), where


def test_an_analysts_path_through_the_app(browser: Browser, base: str, analysis: Analysis) -> None:
    b = browser
    b.errors.clear()
    b.goto(base + "/")
    clean(b)
    # search from the box in the header
    b.eval("document.querySelector('form.quick input').value = 'عين الاسد'")
    b.eval("document.querySelector('form.quick').requestSubmit()")
    b.wait_event("Page.loadEventFired")
    assert b.eval("document.getElementById('hit-count').textContent.trim()") == "2 نتيجة"
    assert b.eval("[...document.querySelectorAll('#search-results mark')].map(m => m.textContent)") == ["عين الأسد"] * 2
    assert "q=" in b.eval("location.search")  # the search is in the address: it can be shared
    clean(b)
    # open the first document and switch the quotes layer on
    b.click("#search-results li a", navigates=True)
    assert b.eval("location.pathname").startswith("/documents/d_")
    clean(b)
    colour = "getComputedStyle(document.querySelector('#doc-text .q')).color"
    before = b.eval(colour)
    b.click("#layers input[value=quotes]")
    assert b.eval("document.getElementById('doc-text').classList.contains('show-q')")
    assert b.eval(colour) != before and "quotes" in b.eval("location.search")
    b.click("#layers input[value=FAC]")
    assert not b.eval("document.getElementById('doc-text').classList.contains('show-e-FAC')")
    # follow an entity, then the incident it took part in
    b.click("#doc-text a.e-GPE, #doc-text a.e-FAC", navigates=True)
    assert b.eval("location.pathname").startswith("/entities/e_")
    clean(b)
    b.goto(base + "/entities/" + next(e.id for e in analysis.entities if e.name == "قاعدة عين الأسد"))
    assert b.eval("document.querySelectorAll('svg.bars rect.bar').length") == 7
    b.click("a[href^='/incidents/i_']", navigates=True)
    clean(b)
    assert b.eval("document.querySelectorAll('#slot-table tr.differs .odd').length") == 1
    assert b.eval("document.querySelectorAll('.reports .report').length") == 2
    # an evidence link lands on the marked words
    b.click("#slot-table tr.differs .odd a.ev", navigates=True)
    assert b.eval("document.getElementById('hl').textContent") == "سبعة جنود أصيبوا"
    clean(b)
    # a disagreement about the incident
    b.goto(base + "/incidents/" + analysis.incidents[0].id)
    b.click("a[href^='/disagreements/k_']", navigates=True)
    assert b.eval("document.querySelectorAll('.sides .side .value').length") == 2
    clean(b)
    # a commitment thread, then another as-of date: the status changes
    b.goto(base + "/threads")
    b.click("table.list a[href^='/threads/t_']", navigates=True)
    assert b.eval("document.getElementById('thread-status').textContent") == "قائم"
    b.eval("const i = document.getElementById('as-of'); i.value = '2026-10-01'; i.dispatchEvent(new Event('change'))")
    b.wait_event("Page.loadEventFired")
    assert b.eval("document.getElementById('thread-status').textContent") == "انقضى موعده"
    assert "as_of=2026-10-01" in b.eval("location.search")
    clean(b)
    # the map zooms
    b.goto(base + "/map")
    first = b.eval("document.getElementById('map').getAttribute('viewBox')")
    b.click("#zoom-in")
    assert b.eval("document.getElementById('map').getAttribute('viewBox')") != first
    clean(b)
    assert b.errors == []  # no console errors, no CSP refusals, no failed loads


def test_hostile_content_is_text_on_every_page(browser: Browser, base: str, analysis: Analysis) -> None:
    b = browser
    b.errors.clear()
    hostile = next(d for d in analysis.documents if d.title == HOSTILE_TITLE)
    paths = ["/", f"/documents/{hostile.id}", "/documents", "/entities", "/quotes", "/disagreements",
             f"/incidents/{analysis.incidents[0].id}", "/search?q=%D8%B3%D8%A8%D8%B9%D8%A9&kind=quotes",
             *(f"/entities/{e.id}" for e in analysis.entities if hostile.id in e.docs)]  # fmt: skip
    for path in paths:
        b.goto(base + path)
        clean(b)
    b.goto(f"{base}/documents/{hostile.id}")
    assert b.eval("document.querySelector('h1').textContent") == HOSTILE_TITLE
    assert "<script>window.__pwned=5</script>" in b.eval("document.getElementById('doc-text').textContent")
    b.eval("document.querySelector('#removed summary').click()")
    assert "<iframe" in b.eval("document.getElementById('removed').textContent")
    clean(b)
    assert b.errors == []


def test_api_docs_run_offline(browser: Browser, base: str, tmp_path: Path) -> None:
    pytest.importorskip("fastapi_offline")
    b = browser
    b.errors.clear()
    b.goto(base + "/docs")
    for _ in range(100):
        if b.eval("document.querySelectorAll('.opblock').length"):
            break
        time.sleep(0.05)
    assert b.eval("document.querySelectorAll('.opblock').length") > 10
    assert b.errors == []
