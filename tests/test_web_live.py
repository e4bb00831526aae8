"""``rasd serve`` on a database shows data added after it started, and serves the news feed."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path

from fastapi.testclient import TestClient
from test_web_data import save_store, web_analysis

from rasd.interfaces.web import create_app
from rasd.interfaces.webapp.corpus import from_store
from rasd.interfaces.webapp.live import LiveCorpus, run_stamp
from rasd.models import Views
from rasd.store import open_store


def _half(tmp_path: Path) -> tuple[str, int]:
    """A store holding the web sample without its incidents; the number left out."""
    a = web_analysis()
    left_out = len(a.incidents)
    db = str(tmp_path / "live.db")
    save_store(dataclasses.replace(a, incidents=[]), db)
    with open_store(db) as st:
        st.record_run(["first batch"], {"documents": len(a.documents)}, [])
    return db, left_out


def _add_incidents(db: str) -> None:
    a = web_analysis()
    with open_store(db) as st:
        v = st.load_views()
        st.save_views(Views(**{**{f.name: getattr(v, f.name) for f in dataclasses.fields(v)}, "incidents": a.incidents}))
        st.record_run(["second batch"], {"documents": 0}, [])


def test_a_new_run_is_served_without_a_restart(tmp_path: Path) -> None:
    db, n = _half(tmp_path)
    live = LiveCorpus(db, lambda: from_store(db, "2025-01-15"), check_every=0.0)
    assert live.views.incidents == [] and live.generation == 0
    before = run_stamp(db)
    _add_incidents(db)
    assert run_stamp(db) != before
    live.current()  # notices the new run and reloads in the background
    assert live.wait_idle(30)
    assert live.generation == 1
    assert len(live.views.incidents) == n > 0
    live.current()  # nothing new: no second reload
    assert live.wait_idle(5) and live.generation == 1


def test_served_pages_follow_the_store(tmp_path: Path) -> None:
    db, n = _half(tmp_path)
    app = create_app(db_path=db, as_of="2025-01-15")
    corpus = app.state.corpus
    corpus._every = 0.0  # look at the run log on every request
    client = TestClient(app)
    assert client.get("/api/incidents").json()["total"] == 0
    _add_incidents(db)
    client.get("/api/incidents")  # this request starts the reload
    assert corpus.wait_idle(30)
    assert client.get("/api/incidents").json()["total"] == n


def test_news_api_and_atom_feed(tmp_path: Path) -> None:
    a = web_analysis()
    db = str(tmp_path / "news.db")
    save_store(a, db)
    client = TestClient(create_app(db_path=db, as_of="2025-12-31", live=False))
    got = client.get("/api/news", params={"since": "2000-01-01", "as_of": "2025-12-31"})
    assert got.status_code == 200
    body = got.json()
    assert body["total"] == len(body["items"]) > 0
    assert {it["kind"] for it in body["items"]} & {"incident", "conflict"}
    assert client.get("/api/news", params={"since": "2025-99-01"}).status_code == 400
    feed = client.get("/feed.atom", params={"since": "2000-01-01", "as_of": "2025-12-31"})
    assert feed.status_code == 200 and feed.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(feed.content)
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == body["total"]
    assert b"<script>" not in feed.content  # article text is escaped by the XML writer
