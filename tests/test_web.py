"""The read-only web API, served from an analysis.json and from a rasd database."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_report_data import sample_analysis

from rasd.interfaces.export import analysis_to_json
from rasd.interfaces.web import create_app
from rasd.models import Analysis, DocAnalysis, Views


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return sample_analysis()


@pytest.fixture(scope="module")
def client(analysis: Analysis, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = tmp_path_factory.mktemp("web") / "analysis.json"
    path.write_text(json.dumps(analysis_to_json(analysis, "2025-01-15"), ensure_ascii=False), encoding="utf-8")
    return TestClient(create_app(analysis_path=path))


def test_home_at_root_and_report_at_report(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<html lang="ar" dir="rtl">' in r.text and 'href="/documents"' in r.text
    r = client.get("/report")
    assert '<html lang="ar" dir="rtl">' in r.text
    assert "15 يناير 2025" in r.text  # as_of read from the export
    assert 'id="search-form"' in r.text and 'fetch("api/search' in r.text  # served page only: same-origin search


def test_api_docs_are_served_from_bundled_files(client: TestClient) -> None:
    pytest.importorskip("fastapi_offline")
    page = client.get("/docs")
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(s.startswith("/docs/assets/") for s in sources)  # nothing from a CDN
    for s in sources:
        assert client.get(s).status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/docs/assets/nothing.js").status_code == 404
    assert client.get("/openapi.json").json()["paths"]["/api/search"]


def test_api_root_counts(client: TestClient, analysis: Analysis) -> None:
    body = client.get("/api").json()
    assert body["as_of"] == "2025-01-15"
    assert body["counts"]["documents"] == len(analysis.documents)
    assert body["counts"]["conflicts"] == len(analysis.conflicts)


def test_documents_list_and_detail(client: TestClient, analysis: Analysis) -> None:
    body = client.get("/api/documents", params={"limit": 2}).json()
    assert body["total"] == 3 and len(body["items"]) == 2 and "text" not in body["items"][0]
    ids = [d["id"] for d in body["items"]] + [d["id"] for d in client.get("/api/documents?offset=2").json()["items"]]
    assert sorted(ids) == sorted(d.id for d in analysis.documents)
    assert client.get("/api/documents", params={"outlet": "صحيفة الفرات"}).json()["total"] == 1
    d = analysis.documents[0]
    one = client.get(f"/api/documents/{d.id}").json()
    assert one["text"] == d.text
    for m in one["mentions"]["entities"]:
        assert d.text[m["start"] : m["end"]] == m["text"]
    assert one["mentions"]["entities"]
    assert client.get("/api/documents/d_nope").status_code == 404
    assert client.get("/api/documents", params={"limit": 0}).status_code == 422


def test_search_matches_folded_text_and_maps_offsets(client: TestClient, analysis: Analysis) -> None:
    # hamza and alef variants fold: "الاسد" finds "الأسد" (twice, in one document)
    body = client.get("/api/search", params={"q": "عين الاسد"}).json()
    assert body["total"] == 1 and body["exact"] and len(body["hits"]) == 2
    docs = {d.id: d for d in analysis.documents}
    for h in body["hits"] + body["items"]:
        assert docs[h["doc"]].text[h["start"] : h["end"]] == h["text"] == "عين الأسد"
    (item,) = body["items"]
    assert item["match"] == "عين الأسد" and item["before"] + item["match"] + item["after"] == item["snippet"]
    assert client.get("/api/search", params={"q": "كلمةغيرموجودة"}).json()["total"] == 0
    assert client.get("/api/search", params={"q": "وزارة"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "في", "limit": 1}).json()["total"] == 3


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=12))
def test_search_never_errors_and_offsets_hold(client: TestClient, analysis: Analysis, q: str) -> None:
    r = client.get("/api/search", params={"q": q})
    assert r.status_code in (200, 400, 422)
    if r.status_code == 200:
        docs = {d.id: d for d in analysis.documents}
        for h in r.json()["hits"]:
            assert docs[h["doc"]].text[h["start"] : h["end"]] == h["text"]
        body = r.json()
        assert len(body["items"]) <= body["total"]


def test_entities_filters(client: TestClient, analysis: Analysis) -> None:
    body = client.get("/api/entities").json()
    assert body["total"] == len(analysis.entities)
    counts = [e["mentions"] for e in body["items"]]
    assert counts == sorted(counts, reverse=True)
    places = client.get("/api/entities", params={"type": "gpe"}).json()["items"]
    assert {e["name"] for e in places} == {"بغداد", "أربيل", "واشنطن"}
    assert [e["name"] for e in client.get("/api/entities", params={"q": "الاسد"}).json()["items"]] == ["قاعدة عين الأسد"]


def test_entity_detail_and_claims(client: TestClient, analysis: Analysis) -> None:
    asad = next(e for e in analysis.entities if e.type == "FAC")
    body = client.get(f"/api/entities/{asad.id}").json()
    assert body["name"] == "قاعدة عين الأسد" and len(body["mention_list"]) == asad.mentions
    docs = {d.id: d for d in analysis.documents}
    for m in body["mention_list"]:
        assert docs[m["doc"]].text[m["start"] : m["end"]] == m["text"]
    assert [analysis.events[0].id] == body["event_ids"]  # the attack happened there
    assert client.get(f"/api/entities/{asad.id[:7]}").json()["id"] == asad.id  # a unique prefix is enough
    assert client.get("/api/entities/e_nope").status_code == 404
    assert client.get("/api/claims").json()["total"] == len(analysis.claims)
    denials = client.get("/api/claims", params={"polarity": "deny"}).json()["items"]
    assert [c["predicate"] for c in denials] == ["تنفي"]


def test_events_and_timeline(client: TestClient, analysis: Analysis) -> None:
    assert client.get("/api/events").json()["total"] == len(analysis.events)
    aug = client.get("/api/events", params={"from": "2024-08-05", "to": "2024-08-31"}).json()["items"]
    assert sorted(e["type"] for e in aug) == ["ARREST", "ATTACK"]  # month-precision attack overlaps
    kad = next(e for e in analysis.entities if e.name == "مصطفى الكاظمي")
    assert [e["type"] for e in client.get("/api/events", params={"entity": kad.id}).json()["items"]] == ["MEETING"]
    assert client.get("/api/events", params={"from": "last year"}).status_code == 400
    tl = client.get("/api/timeline").json()
    starts = [g["from"] for g in tl["items"]]
    assert tl["grain"] == "day" and starts == sorted(starts) and starts[0] == "2014-01-01"
    assert tl["items_total"] == 5 and tl["undated"] == 1  # the statement has no date


def test_commitments_sorted_by_deadline_and_filtered(client: TestClient) -> None:
    items = client.get("/api/commitments").json()["items"]
    assert [c["deadline"] for c in items] == ["2021-12-31", "2025-09", "2026"]
    assert [c["status"] for c in client.get("/api/commitments", params={"status": "passed"}).json()["items"]] == [
        "passed"
    ]


def test_conflicts_carry_both_claims(client: TestClient) -> None:
    (k,) = client.get("/api/conflicts").json()["items"]
    assert k["claim_a"]["id"] == k["a"] and k["claim_b"]["id"] == k["b"]
    assert {k["claim_a"]["polarity"], k["claim_b"]["polarity"]} == {"assert", "deny"}
    assert client.get("/api/conflicts", params={"kind": "number"}).json()["items"] == []


def test_as_of_recomputes_statuses(analysis: Analysis, tmp_path: Path) -> None:
    path = tmp_path / "analysis.json"
    path.write_text(json.dumps(analysis_to_json(analysis, "2025-01-15"), ensure_ascii=False), encoding="utf-8")
    body = TestClient(create_app(analysis_path=path, as_of="2030-01-01")).get("/api/commitments").json()
    assert body["as_of"] == "2030-01-01" and {c["status"] for c in body["items"]} == {"passed"}


def test_needs_a_source() -> None:
    with pytest.raises(ValueError):
        create_app()
    with pytest.raises(FileNotFoundError):
        create_app(db_path="/nonexistent/rasd.db")


def test_serves_a_database(analysis: Analysis, tmp_path: Path) -> None:
    from rasd.store import open_store

    db = tmp_path / "rasd.db"
    with open_store(str(db)) as store:
        store.add_documents(analysis.documents)
        das = [
            DocAnalysis(d, entities=[m for m in analysis.mentions.entities if m.doc == d.id],
                        timex=[t for t in analysis.mentions.timex if t.doc == d.id])
            for d in analysis.documents
        ]  # fmt: skip
        store.save_mentions(das)
        store.save_views(Views(analysis.entities, analysis.events, analysis.claims, analysis.commitments, analysis.conflicts))
    client = TestClient(create_app(db_path=db, as_of="2025-01-15"))
    assert client.get("/api").json()["counts"]["events"] == len(analysis.events)
    assert client.get("/api/documents").json()["total"] == len(analysis.documents)
    hits = client.get("/api/search", params={"q": "عين الاسد"}).json()["hits"]
    assert hits and all(h["doc"] in {d.id for d in analysis.documents} for h in hits)
    assert '<html lang="ar" dir="rtl">' in client.get("/").text


def test_serve_cli_errors_are_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from rasd.interfaces.cli import _load_commands, app

    _load_commands()
    res = CliRunner().invoke(app, ["serve", "--analysis", str(tmp_path / "missing.json")])
    assert res.exit_code != 0 and "not found" in res.output and "Traceback" not in res.output
    res = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing.db"), "--as-of", "2025-01-15"])
    assert res.exit_code != 0 and "database not found" in res.output
    res = CliRunner().invoke(app, ["serve", "--analysis", str(tmp_path / "x.json"), "--as-of", "soon"])
    assert res.exit_code != 0 and "--as-of" in res.output
