"""``rasd news --since D``, ``/api/news`` and the Atom feed (``rasd.interfaces.news``)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd import pipeline
from rasd.interfaces.cli import _load_commands, app
from rasd.interfaces.news import api_news, atom_feed, feed_atom, news_from_analysis, news_json, news_since
from rasd.interfaces.report import load_analysis
from rasd.models import Conflict, Deadline, EventDate, Evidence, Incident, Side, SlotValue, Thread, Views
from rasd.store import open_store

ATOM = "{http://www.w3.org/2005/Atom}"
CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
DATES = {"d_1": "2025-03-01", "d_2": "2025-03-10", "d_3": "2025-03-20", "d_4": "2025-02"}


def _views() -> Views:
    old = Incident("i_old", "ATTACK", "هجوم قديم", EventDate("2025-02-27", "day"), evidence=[Evidence("d_1", 0, 5)])
    fresh = Incident(
        "i_new", "ATTACK", "هجوم على قاعدة", EventDate("2025-03-09", "day"), sources=2,
        evidence=[Evidence("d_2", 0, 5)], slots={"killed": [SlotValue(3, "d_2"), SlotValue(5, "d_3")]},
    )  # fmt: skip
    differ = Conflict("k_1", "slot", "c_a", "c_b", "رقمان مختلفان للقتلى: 3 مقابل 5", relation="differ",
                      side_a=Side("3", "d_2"), side_b=Side("5", "d_3"))  # fmt: skip
    update = Conflict("k_2", "slot", "c_a", "c_c", "ارتفع عدد القتلى إلى 5", relation="update",
                      side_a=Side("3", "d_1"), side_b=Side("5", "d_2"))  # fmt: skip
    before = Conflict("k_3", "polarity", "c_x", "c_y", "نفي مقابل إثبات", side_a=Side("x", "d_1"), side_b=Side("y", "d_4"))
    thread = Thread(
        "t_1", "انسحاب القوات من القاعدة", status="pending",
        deadlines=[Deadline("2025-03", stated_on="2025-01-05"), Deadline("2025-03-15", stated_on="2025-03-10")],
        evidence=[Evidence("d_2", 0, 4)],
    )  # fmt: skip
    kept = Thread("t_2", "تسليم المعسكر", status="kept", deadlines=[Deadline("2025-03-12", stated_on="2025-01-01")])
    return Views(incidents=[old, fresh], conflicts=[differ, update, before], threads=[thread, kept])


def test_what_is_new_in_a_window() -> None:
    items = news_since(_views(), DATES, since="2025-03-05", as_of="2025-03-31")
    got = [(it.kind, it.about, it.date) for it in items]
    assert got == [
        ("conflict", "k_1", "2025-03-20"),  # the later side was published on the 20th
        ("deadline", "t_1", "2025-03-15"),  # the current deadline passed within the window
        ("incident", "i_new", "2025-03-10"),  # first reported on the 10th (one day: in KINDS order)
        ("update", "k_2", "2025-03-10"),
        ("superseded", "t_1", "2025-03-10"),  # 2025-03 replaced by 2025-03-15, stated on the 10th
    ]
    assert all(it.title and it.id.startswith("n_") for it in items)
    assert "هجوم على قاعدة" in next(it.title for it in items if it.kind == "incident")
    # a kept promise is no passed deadline; a thread's deadline after as_of has not passed yet
    assert not [it for it in news_since(_views(), DATES, since="2025-03-05", as_of="2025-03-14") if it.kind == "deadline"]


def test_the_window_is_inclusive_and_checked() -> None:
    assert [it.about for it in news_since(_views(), DATES, since="2025-03-20", as_of="2025-03-20")] == ["k_1"]
    assert news_since(_views(), DATES, since="2025-04-01", as_of="2025-04-30") == []
    with pytest.raises(ValueError):
        news_since(_views(), DATES, since="2025-02-30")
    with pytest.raises(ValueError):
        news_since(_views(), DATES, since="yesterday")


def test_atom_feed_is_valid_atom_and_deterministic() -> None:
    items = news_since(_views(), DATES, since="2025-03-01", as_of="2025-03-31")
    xml = atom_feed(items, self_url="http://127.0.0.1:8000/feed.atom")
    assert xml == atom_feed(items, self_url="http://127.0.0.1:8000/feed.atom")
    root = ET.fromstring(xml)
    assert root.tag == f"{ATOM}feed" and root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    for tag in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{tag}") is not None
    assert root.findtext(f"{ATOM}updated", "").startswith("2025-03-20")  # the newest item, not the clock
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(items)
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) and all(i and i.startswith("urn:rasd:n_") for i in ids)
    assert [e.findtext(f"{ATOM}title") for e in entries] == [it.title for it in items]
    assert all(e.find(f"{ATOM}content") is not None and e.find(f"{ATOM}updated") is not None for e in entries)


def test_cli_and_web_functions_read_the_store(tmp_path: Path) -> None:
    db = tmp_path / "rasd.db"
    pipeline.analyze([str(CORPUS)], db_path=db, out_dir=tmp_path / "out", as_of="2025-10-01", progress=False, report=False)
    _load_commands()
    r = CliRunner().invoke(app, ["news", "--since", "2025-09-01", "--as-of", "2025-10-01", "--db", str(db), "--json",
                                 "--atom", str(tmp_path / "feed.atom")])  # fmt: skip
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert rows and all("2025-09-01" <= row["date"] <= "2025-10-01" for row in rows)
    assert [row["date"] for row in rows] == sorted((row["date"] for row in rows), reverse=True)
    with open_store(str(db), readonly=True) as store:
        assert api_news(store, "2025-09-01", "2025-10-01") == rows
        feed = ET.fromstring(feed_atom(store, since="2025-09-01", as_of="2025-10-01"))
        with pytest.raises(ValueError):
            api_news(store, "2025-13-01")
    assert len(feed.findall(f"{ATOM}entry")) == len(rows)
    analysis, _ = load_analysis(tmp_path / "out" / "analysis.json")  # a server without a store: the same news
    assert news_json(news_from_analysis(analysis, "2025-09-01", "2025-10-01")) == rows
    assert ET.parse(tmp_path / "feed.atom").getroot().tag == f"{ATOM}feed"
    text = CliRunner().invoke(app, ["news", "--since", "2025-09-01", "--as-of", "2025-10-01", "--db", str(db), "--limit", "2"])
    assert text.exit_code == 0 and text.stdout.count("[") == 2
