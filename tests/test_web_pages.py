"""The web app's pages and their JSON twins, served from a store and from an analysis.json.

Incidents, threads and schema-2 disagreements are hand-built (``test_web_data``) and saved
into a temporary store, so these pages are checked whatever the story stage produces.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from fastapi.testclient import TestClient
from test_web_data import HOSTILE_NAME, HOSTILE_OUTLET, HOSTILE_TITLE, save_store, web_analysis

from rasd.interfaces.export import analysis_to_json
from rasd.interfaces.web import create_app
from rasd.models import Analysis, to_dict


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return web_analysis()


@pytest.fixture(scope="module")
def db_client(analysis: Analysis, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("webdb") / "rasd.db"
    save_store(analysis, str(db))
    return TestClient(create_app(db_path=db, as_of="2025-01-15"))


@pytest.fixture(scope="module")
def json_client(analysis: Analysis, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = tmp_path_factory.mktemp("webjson") / "analysis.json"
    data = analysis_to_json(analysis, "2025-01-15")
    data["incidents"] = [to_dict(i) for i in analysis.incidents]  # schema 2, before the export writes them
    data["threads"] = [to_dict(t) for t in analysis.threads]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return TestClient(create_app(analysis_path=path))


@pytest.fixture(params=["db", "json"])
def client(request: pytest.FixtureRequest, db_client: TestClient, json_client: TestClient) -> TestClient:
    return db_client if request.param == "db" else json_client


def pages(a: Analysis) -> list[str]:
    inc, thr = a.incidents[0].id, a.threads[0].id
    ents = {e.name: e.id for e in a.entities}
    return [
        "/", "/search?q=%D8%B9%D9%8A%D9%86+%D8%A7%D9%84%D8%A7%D8%B3%D8%AF", "/search?q=%D8%B3%D8%A8%D8%B9%D8%A9&kind=quotes",
        "/search?q=%D9%87%D8%AC%D9%88%D9%85&kind=incidents", "/documents", *(f"/documents/{d.id}" for d in a.documents),
        "/entities", *(f"/entities/{e.id}" for e in a.entities), "/incidents", f"/incidents/{inc}",
        "/disagreements", *(f"/disagreements/{k.id}" for k in a.conflicts), "/threads", f"/threads/{thr}",
        "/quotes", f"/quotes?speaker={ents[HOSTILE_NAME]}", "/timeline", "/map",
    ]  # fmt: skip


class Page(HTMLParser):
    """Tags and attributes of a page, to check nothing from the articles became markup."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_every_page_is_rtl_html_with_hostile_content_as_text(client: TestClient, analysis: Analysis) -> None:
    for path in pages(analysis):
        r = client.get(path)
        assert r.status_code == 200, path
        assert '<html lang="ar" dir="rtl">' in r.text, path
        page = Page(r.text)
        for tag, attrs in page.tags:
            assert tag not in ("img", "iframe", "b", "i"), (path, tag)  # markup from titles, outlets, text
            assert not [k for k in attrs if k.startswith("on")], (path, tag, attrs)
            for key in ("href", "src", "action"):
                assert not (attrs.get(key) or "").strip().lower().startswith("javascript:"), (path, attrs)
            if tag == "script":
                assert attrs.get("src") == "/static/web.js", path
            if tag == "svg":
                assert "onload" not in attrs
    doc = next(d for d in analysis.documents if d.title == HOSTILE_TITLE)
    text = client.get(f"/documents/{doc.id}").text
    assert "&lt;script&gt;window.__pwned=5&lt;/script&gt;" in text and "&lt;img src=x onerror" in text
    assert "&lt;b onmouseover=" in text and "javascript:window.__pwned=3" in text  # the url shown, not linked


def test_every_page_has_a_json_twin(client: TestClient, analysis: Analysis) -> None:
    for path in pages(analysis):
        api = "/api/home" if path == "/" else "/api" + path
        r = client.get(api)
        assert r.status_code == 200 and r.headers["content-type"] == "application/json", api
        footer = re.search(r'<a href="([^"]+)">هذه الصفحة بصيغة JSON</a>', client.get(path).text)
        assert footer and footer.group(1).replace("&amp;", "&") == api, path  # each page links its JSON
    home = client.get("/api/home").json()
    counts = {c["kind"]: c["count"] for c in home["counts"]}
    assert counts["documents"] == 4 and counts["incidents"] == 1 and counts["conflicts"] == 3 and counts["quotes"] == 3
    assert [i["id"] for i in home["incidents"]] == [analysis.incidents[0].id]
    html = client.get("/").text
    for c in home["counts"]:
        assert f'href="{c["href"]}"' in html


def test_id_prefixes_everywhere(client: TestClient, analysis: Analysis) -> None:
    for kind, item in (("documents", analysis.documents[0]), ("entities", analysis.entities[0]),
                       ("incidents", analysis.incidents[0]), ("threads", analysis.threads[0]),
                       ("disagreements", analysis.conflicts[0])):  # fmt: skip
        prefix = item.id[:6]
        assert client.get(f"/api/{kind}/{prefix}").json()["id"] == item.id, kind
        r = client.get(f"/{kind}/{prefix}?x=1", follow_redirects=False)
        assert r.status_code == 307 and r.headers["location"] == f"/{kind}/{item.id}?x=1", kind
        assert client.get(f"/api/{kind}/{item.id}zz").status_code == 404
    r = client.get("/api/documents/d_")
    assert r.status_code == 409 and len(r.json()["candidates"]) == 4 and "ambiguous" in r.json()["detail"]
    page = client.get("/documents/d_")
    assert page.status_code == 409 and all(f'href="/documents/{d.id}"' in page.text for d in analysis.documents)
    asad = next(e for e in analysis.entities if e.name == "قاعدة عين الأسد")
    assert client.get("/api/incidents", params={"entity": asad.id[:8]}).json()["total"] == 1


def test_search_highlights_counts_filters_and_pages(client: TestClient, analysis: Analysis) -> None:
    body = client.get("/api/search", params={"q": "عين الاسد"}).json()
    assert body["total"] == 2 and {h["doc"] for h in body["items"]} == {analysis.documents[0].id, analysis.documents[3].id}
    for h in body["items"]:
        assert h["match"].replace("أ", "ا") == "عين الاسد" and h["before"] + h["match"] + h["after"] == h["snippet"]
    html = client.get("/search", params={"q": "عين الاسد"}).text
    assert "<mark>عين الأسد</mark>" in html and "2 نتيجة" in html
    assert client.get("/api/search", params={"q": "عين الاسد", "outlet": "وكالة الرافدين"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "عين الاسد", "from": "2025-01-01"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "عين الاسد", "to": "2024-12"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "عين الاسد", "language": "en"}).json()["total"] == 0
    first = client.get("/api/search", params={"q": "عين الاسد", "limit": 1}).json()
    second = client.get("/api/search", params={"q": "عين الاسد", "limit": 1, "offset": 1}).json()
    assert len(first["items"]) == len(second["items"]) == 1 and first["items"][0]["doc"] != second["items"][0]["doc"]
    pager = re.search(r'<a rel="next" href="\?([^"]+)"', client.get("/search?q=%D8%B9%D9%8A%D9%86&limit=1").text)
    assert pager and parse_qs(pager.group(1).replace("&amp;", "&"))["offset"] == ["1"]  # a shareable next page
    quotes = client.get("/api/search", params={"q": "انسحاب", "kind": "quotes"}).json()
    assert quotes["total"] == 1 and quotes["items"][0]["speaker"] == "وزارة الدفاع الأميركية"
    incs = client.get("/api/search", params={"q": "عين الاسد", "kind": "incidents", "type": "attack"}).json()
    assert [i["id"] for i in incs["items"]] == [analysis.incidents[0].id]
    assert client.get("/api/search", params={"q": "x", "kind": "nope"}).status_code == 400
    assert client.get("/api/search", params={"q": "x", "from": "soon"}).status_code == 400


def test_document_page_layers_highlight_and_furniture(client: TestClient, analysis: Analysis) -> None:
    d = analysis.documents[3]
    text = client.get(f"/documents/{d.id}").text
    container = re.search(r'<div class="doc-text([^"]*)" id="doc-text">', text)
    assert container and set(container.group(1).split()) == {"show-t", *(f"show-e-{t}" for t in ("PER", "ORG", "GPE", "LOC", "FAC", "MISC"))}
    only = client.get(f"/documents/{d.id}", params={"layers": "quotes,events"}).text
    assert re.search(r'<div class="doc-text show-q show-v" id="doc-text">', only)
    s = d.text.index("سبعة جنود أصيبوا")
    hl = client.get(f"/documents/{d.id}", params={"hl": f"{s}-{s + 16}"}).text
    marked = re.search(r'<span class="[^"]*\bhl\b[^"]*"[^>]*id="hl">([^<]*)</span>', hl)
    assert marked and d.text[s : s + 16].startswith(marked.group(1))
    assert '<details class="removed" id="removed">' in text and "أخبار ذات صلة" in text
    assert "من بيانات الصفحة" in text and "تاريخ &lt;i&gt;مشكوك&lt;/i&gt; فيه" in text  # method and warnings
    view = client.get(f"/api/documents/{d.id}").json()
    assert view["text"] == d.text and view["view"]["incidents"][0]["id"] == analysis.incidents[0].id
    legend = {x["key"]: x["count"] for x in view["view"]["legend"]}
    assert legend["time"] == 1 and legend["quotes"] == 1 and legend["events"] == 1 and legend["ORG"] == 2
    pieces = "".join(s["text"] for s in view["view"]["segments"])
    assert pieces == d.text  # cutting into segments loses and adds nothing


def test_entity_page(client: TestClient, analysis: Analysis) -> None:
    pentagon = next(e for e in analysis.entities if e.name == "وزارة الدفاع الأميركية")
    body = client.get(f"/api/entities/{pentagon.id}").json()
    assert [q["cue"] for q in body["quotes"]["items"]] == ["قالت"] and body["months"] == [{"month": "2024-09", "count": 1}]
    assert [k["kind"] for k in body["conflicts"]] == ["polarity"]  # the claim it denies
    asad = next(e for e in analysis.entities if e.name == "قاعدة عين الأسد")
    body = client.get(f"/api/entities/{asad.id}").json()
    assert [i["id"] for i in body["incidents"]] == [analysis.incidents[0].id]
    assert [m["month"] for m in body["months"]] == ["2024-09", "2025-03"]
    html = client.get(f"/entities/{asad.id}").text
    assert html.count('<rect class="bar"') == 7  # September 2024 to March 2025, empty months drawn
    hostile = next(e for e in analysis.entities if e.name == HOSTILE_NAME)
    q = client.get(f"/api/entities/{hostile.id}").json()["quotes"]["items"]
    assert q and q[0]["text"] == "سبعة جنود أصيبوا"


def test_incident_page_compares_sources(client: TestClient, analysis: Analysis) -> None:
    inc = analysis.incidents[0]
    body = client.get(f"/api/incidents/{inc.id}").json()
    assert [c["doc"] for c in body["columns"]] == [analysis.documents[0].id, analysis.documents[3].id]
    assert len(body["reports"]) == 2 and body["reports"][0]["excerpt"]["match"] == "صاروخان قد سقطا على قاعدة عين الأسد"
    slots = {s["slot"]: s for s in body["slots"]}
    assert list(slots) == ["place", "injured", "rockets"]
    assert slots["injured"]["differs"] and not slots["place"]["differs"]
    (five,), (seven,) = slots["injured"]["cells"]
    assert (five["display"], five["odd"], seven["display"]) == ("5", False, "7")
    assert slots["rockets"]["cells"][1] == [] and slots["place"]["cells"][0][0]["display"] == "قاعدة عين الأسد"
    docs = {d.id: d for d in analysis.documents}
    link = urlparse(seven["evidence"][0]["href"])
    start, end = map(int, parse_qs(link.query)["hl"][0].split("-"))
    assert docs[link.path.rsplit("/", 1)[1]].text[start:end] == "سبعة جنود أصيبوا" and link.fragment == "hl"
    html = client.get(f"/incidents/{inc.id}").text
    assert '<tr class="differs">' in html and '<div class="odd">' in html
    assert [k["slot"] for k in body["conflicts"]] == ["injured"]


def test_disagreements_filter(client: TestClient, analysis: Analysis) -> None:
    assert client.get("/api/disagreements").json()["total"] == 3
    slot = client.get("/api/disagreements", params={"kind": "slot", "slot": "injured"}).json()
    assert slot["total"] == 1 and [s["value"] for s in slot["items"][0]["sides"]] == ["5", "7"]
    inc = client.get("/api/disagreements", params={"incident": analysis.incidents[0].id[:5]}).json()
    assert [k["slot"] for k in inc["items"]] == ["injured"]
    legacy = client.get(f"/api/disagreements/{analysis.conflicts[0].id}").json()
    assert len(legacy["sides"]) == 2 and legacy["sides"][1]["speaker"]["name"] == "وزارة الدفاع الأميركية"
    assert client.get("/api/conflicts", params={"kind": "deadline"}).json()["items"][0]["thread"] == analysis.threads[0].id


@pytest.mark.parametrize(("as_of", "status", "deadline", "known"), [
    ("2024-06-01", "unstated", None, 0), ("2025-01-15", "pending", "2025-09", 1), ("2025-10-01", "pending", "2026-09", 2), ("2026-09-10", "due", "2026-09", 2),
    ("2026-10-01", "passed", "2026-09", 2),
])  # fmt: skip
def test_thread_status_as_of(db_client: TestClient, analysis: Analysis, as_of: str, status: str,
                             deadline: str | None, known: int) -> None:  # fmt: skip
    t = analysis.threads[0]
    body = db_client.get(f"/api/threads/{t.id}", params={"as_of": as_of}).json()
    assert (body["status"], body["deadline"]) == (status, deadline)
    assert sum(d["known"] for d in body["deadlines"]) == known and body["as_of"] == as_of
    assert len(body["chart"]["points"]) == 2
    html = db_client.get(f"/threads/{t.id}", params={"as_of": as_of}).text
    assert f'value="{as_of}"' in html and 'id="thread-status"' in html
    listed = db_client.get("/api/threads", params={"as_of": as_of}).json()["items"]
    assert [x["status"] for x in listed] == [status]
    assert db_client.get(f"/api/threads/{t.id}", params={"as_of": "soon"}).status_code == 422


def test_timeline_groups_dense_periods(analysis: Analysis, tmp_path: Path) -> None:
    import dataclasses

    from rasd.models import EventDate

    many = [dataclasses.replace(analysis.events[1], id=f"v_{i:04d}", date=EventDate(f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "day"))
            for i in range(120)]  # fmt: skip
    a = dataclasses.replace(analysis, events=analysis.events + many)
    db = tmp_path / "rasd.db"
    save_store(a, str(db))
    c = TestClient(create_app(db_path=db))
    tl = c.get("/api/timeline").json()
    assert tl["grain"] == "month" and tl["items_total"] == 125
    months = [g["key"] for g in tl["items"]]
    assert months == sorted(months) and all(len(g["items"]) <= 6 for g in tl["items"])
    assert all(g["count"] == len(g["items"]) + g["more"] for g in tl["items"])
    assert all(len(it["label"]) <= 90 for g in tl["items"] for it in g["items"])  # labels, not paragraphs
    zoom = c.get("/api/timeline", params={"from": "2024-03-01", "to": "2024-03-31"}).json()
    assert zoom["grain"] == "day" and zoom["items_total"] == 10
    assert c.get("/api/timeline", params={"type": "arrest", "outlet": "صحيفة الفرات"}).json()["items_total"] == 121
    assert c.get("/api/timeline", params={"outlet": "وكالة الرافدين"}).json()["items_total"] == 2


def test_map_plots_only_geographic_places(client: TestClient, analysis: Analysis) -> None:
    body = client.get("/api/map").json()
    names = {p["name"] for p in body["places"]}
    assert names == {"قاعدة عين الأسد", "بغداد", "أربيل"}  # not the newspaper الشرق الأوسط
    assert [p["name"] for p in body["outside"]] == ["واشنطن"]
    assert [i["id"] for i in body["incidents"]] == [analysis.incidents[0].id]
    later = client.get("/api/map", params={"from": "2025-01-01"}).json()
    assert {p["name"] for p in later["places"]} == {"قاعدة عين الأسد", "أربيل"} and later["incidents"] == []
    html = client.get("/map").text
    assert html.count('class="land"') > 20 and 'id="map"' in html


def test_quotes_list_and_api_extras(client: TestClient, analysis: Analysis) -> None:
    body = client.get("/api/quotes").json()
    assert body["total"] == 3 and [q["date"] for q in body["items"]] == sorted((q["date"] for q in body["items"]), reverse=True)
    d1 = analysis.documents[0]
    one = client.get("/api/quotes", params={"doc": d1.id[:8]}).json()["items"]
    assert len(one) == 1 and d1.text[one[0]["start"] : one[0]["end"]].startswith("أفاد")
    api = client.get("/api").json()
    assert api["counts"]["incidents"] == 1 and api["counts"]["threads"] == 1 and "/api/quotes" in api["endpoints"]
    assert client.get("/api/events", params={"limit": 1}).json()["total"] == len(analysis.events)
    assert client.get("/api/documents", params={"outlet": HOSTILE_OUTLET}).json()["total"] == 1


def test_entity_chart_skips_documents_dated_to_a_year_or_a_week(analysis: Analysis, tmp_path: Path) -> None:
    """A publication date without a month (``2024``, ``2024-W10``) is left out of the
    mentions-per-month chart instead of breaking the entity page."""
    docs = list(analysis.documents)
    docs[0] = replace(docs[0], published=replace(docs[0].published, value="2024", precision="year"))
    docs[1] = replace(docs[1], published=replace(docs[1].published, value="2024-W10", precision="week"))
    db = tmp_path / "rasd.db"
    save_store(replace(analysis, documents=docs), str(db))
    client = TestClient(create_app(db_path=db, as_of="2025-01-15"))
    for e in analysis.entities:
        body = client.get(f"/api/entities/{e.id}")
        assert body.status_code == 200
        assert all(re.fullmatch(r"\d{4}-\d{2}", m["month"]) for m in body.json()["months"])
