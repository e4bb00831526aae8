"""Downloads in the web app (``/export/…``): each is the file ``rasd export`` writes for the same store.

The data is the web tests' sample (``test_web_data``: incidents, threads, disagreements and
a hostile document) saved into a temporary store; ``rasd export`` runs on that store and
its files are compared byte for byte with what the app serves.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import geojson
import pytest
from fastapi.testclient import TestClient
from test_web_data import save_store, web_analysis
from test_web_live import _add_incidents, _half
from typer.testing import CliRunner

from rasd.interfaces.cli import _load_commands
from rasd.interfaces.cli import app as cli
from rasd.interfaces.export import analysis_to_json
from rasd.interfaces.exports import LAYERS
from rasd.interfaces.exports.acled import COLUMNS
from rasd.interfaces.web import create_app
from rasd.interfaces.webapp.downloads import FORMATS, parquet_ready
from rasd.models import Analysis

_load_commands()
runner = CliRunner()
AS_OF = "2025-01-15"
# every download: (url, media type, file name)
DOWNLOADS = [
    ("/export/json", "application/json", "rasd.json"),
    ("/export/jsonl", "application/x-ndjson", "rasd.jsonl"),
    ("/export/geojson", "application/geo+json", "rasd.geojson"),
    ("/export/acled", "text/csv; charset=utf-8", "rasd-acled.csv"),
    ("/export/timeml", "application/zip", "rasd-timeml.zip"),
    ("/export/parquet", "application/zip", "rasd-parquet.zip"),
    ("/export/csv", "text/csv; charset=utf-8", "rasd-documents.csv"),
    *((f"/export/csv?layer={x}", "text/csv; charset=utf-8", f"rasd-{x}.csv") for x in LAYERS),
]


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return web_analysis()


@pytest.fixture(scope="module")
def db(analysis: Analysis, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("webexp") / "rasd.db")
    save_store(analysis, path)
    return path


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(db_path=db, as_of=AS_OF))


def exported(db: str, out: Path, *args: str) -> Path:
    """``rasd export --db DB --out OUT ARGS``; the path written."""
    r = runner.invoke(cli, ["export", "--db", db, "--out", str(out), *args])
    assert r.exit_code == 0, r.stderr
    return out


@pytest.mark.parametrize(("url", "media", "name"), DOWNLOADS)
def test_every_download_is_an_attachment_of_its_type(client: TestClient, url: str, media: str, name: str) -> None:
    if "parquet" in url:
        pytest.importorskip("pyarrow", reason="pyarrow is the optional [parquet] extra")
    r = client.get(url)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == media
    assert r.headers["content-disposition"] == f'attachment; filename="{name}"'
    assert int(r.headers["content-length"]) == len(r.content) > 0
    assert r.headers["x-content-type-options"] == "nosniff"  # the app's security headers too


@pytest.mark.parametrize(
    ("url", "args"),
    [("/export/geojson", ["--format", "geojson"]), ("/export/acled", ["--format", "acled"]),
     ("/export/csv?layer=incidents", ["--format", "csv", "--layer", "incidents"]),
     ("/export/csv?layer=events", ["--format", "csv", "--layer", "events"]),
     ("/export/csv?layer=quotes", ["--format", "csv", "--layer", "quotes"]),
     ("/export/csv", ["--format", "csv"])],
)  # fmt: skip
def test_download_is_the_command_file_byte_for_byte(
    client: TestClient, db: str, tmp_path: Path, url: str, args: list[str]
) -> None:
    want = exported(db, tmp_path / "out", *args).read_bytes()
    got = client.get(url).content
    assert got == want
    assert client.get(url).content == got  # and the same bytes every time


def test_json_downloads_differ_from_the_command_only_in_generated_at(client: TestClient, db: str, tmp_path: Path) -> None:
    want = json.loads(exported(db, tmp_path / "a.json", "--format", "json", "--as-of", AS_OF).read_text("utf-8"))
    got = client.get("/export/json").json()
    assert got.pop("generated_at") and want.pop("generated_at")
    assert got == want and got["as_of"] == AS_OF and len(got["incidents"]) > 0
    cli_lines = exported(db, tmp_path / "a.jsonl", "--format", "jsonl", "--as-of", AS_OF).read_text("utf-8").splitlines()
    web_lines = client.get("/export/jsonl").text.splitlines()
    assert web_lines[1:] == cli_lines[1:] and len(web_lines) > 1  # line 0: the header, with generated_at
    assert json.loads(web_lines[0])["record"] == "header"


def test_geojson_validates_and_acled_has_its_columns(client: TestClient, analysis: Analysis) -> None:
    fc = geojson.loads(client.get("/export/geojson").text)
    assert fc.is_valid and fc["type"] == "FeatureCollection"
    kinds = {f["properties"]["kind"] for f in fc["features"]}
    assert kinds == {"place", "incident"}
    rows = list(csv.reader(io.StringIO(client.get("/export/acled").text)))
    assert tuple(rows[0]) == COLUMNS
    assert rows[0][:5] == ["event_id", "event_date", "year", "time_precision", "event_type"]
    ids = {r[COLUMNS.index("rasd_incident_id")] for r in rows[1:]}
    assert ids and ids <= {i.id for i in analysis.incidents}


def test_timeml_zip_holds_the_command_files(client: TestClient, db: str, tmp_path: Path, analysis: Analysis) -> None:
    out = exported(db, tmp_path / "tml", "--format", "timeml")
    want = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    z = zipfile.ZipFile(io.BytesIO(client.get("/export/timeml").content))
    assert z.testzip() is None
    assert z.namelist() == sorted(want) and len(want) == len(analysis.documents)
    for name in want:
        assert z.read(name) == want[name]
        assert ET.fromstring(z.read(name)).tag == "TimeML"  # each entry a document TempEval readers open
        assert z.getinfo(name).date_time == (1980, 1, 1, 0, 0, 0)
    doc = analysis.documents[0].id
    one = client.get("/export/timeml", params={"doc": doc[:7]})  # a unique prefix is enough
    assert one.status_code == 200 and one.headers["content-type"] == "application/xml"
    assert one.headers["content-disposition"] == f'attachment; filename="{doc}.tml"'
    assert one.content == want[f"{doc}.tml"]


def test_parquet_zip_holds_every_layer_as_the_command_writes_it(client: TestClient, db: str, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is the optional [parquet] extra")
    out = exported(db, tmp_path / "pq", "--format", "parquet")
    body = client.get("/export/parquet").content
    z = zipfile.ZipFile(io.BytesIO(body))
    assert z.namelist() == [f"{x}.parquet" for x in LAYERS]
    for name in z.namelist():
        assert z.read(name) == (out / name).read_bytes(), name
        assert pq.read_table(io.BytesIO(z.read(name))).num_rows == pq.read_table(out / name).num_rows
    assert pq.read_table(io.BytesIO(z.read("incidents.parquet"))).num_rows > 0
    assert client.get("/export/parquet").content == body


def test_errors_in_the_app_style(client: TestClient) -> None:
    r = client.get("/export/csv", params={"layer": "words"})
    assert r.status_code == 400 and r.headers["content-type"] == "application/json"
    assert "unknown layer 'words'" in r.json()["detail"] and "incidents" in r.json()["detail"]
    page = client.get("/export/csv?layer=words", headers={"accept": "text/html,*/*;q=0.8"})  # a browser
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert "طلب غير صالح" in page.text and "unknown layer" in page.text and "content-disposition" not in page.headers
    assert client.get("/export/geojson?layer=incidents").status_code == 400  # layer is for csv only
    assert client.get("/export/acled?doc=d_").status_code == 400
    assert client.get("/export/xlsx").status_code == 404
    r = client.get("/export/timeml", params={"doc": "d_nothing"})
    assert r.status_code == 404 and "d_nothing" in r.json()["detail"]
    assert client.get("/export/timeml?doc=d_nothing", headers={"accept": "text/html"}).text.count("غير موجود") >= 1


def test_without_the_parquet_extra_a_clear_error_and_no_link(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    r = client.get("/export/parquet")
    assert r.status_code == 501 and "pip install 'rasd[parquet]'" in r.json()["detail"]
    page = client.get("/export/parquet", headers={"accept": "text/html"})
    assert page.status_code == 501 and "rasd[parquet]" in page.text and "Traceback" not in page.text
    home = client.get("/").text
    assert "/export/parquet" not in home and "/export/geojson" in home
    assert "parquet" not in [x["format"] for x in client.get("/api/home").json()["downloads"]]


def _export_links(html: str) -> list[str]:
    return [h.replace("&amp;", "&") for h in re.findall(r'href="(/export/[^"]+)"', html)]


def test_pages_link_the_downloads_and_every_link_works(client: TestClient, analysis: Analysis) -> None:
    home = client.get("/").text
    assert '<h2>تنزيل</h2>' in home
    found = _export_links(home)
    want = {f"/export/{f}" for f in FORMATS if f != "csv"} | {f"/export/csv?layer={x}" for x in LAYERS}
    if not parquet_ready():
        want.discard("/export/parquet")
    assert set(found) == want
    assert _export_links(client.get("/map").text) == ["/export/geojson"]
    assert _export_links(client.get("/incidents").text) == ["/export/acled", "/export/csv?layer=incidents", "/export/geojson"]
    doc = analysis.documents[-1].id
    assert _export_links(client.get(f"/documents/{doc}").text) == [f"/export/timeml?doc={doc}"]
    for url in set(found) | {f"/export/timeml?doc={doc}"}:
        r = client.get(url)
        assert r.status_code == 200 and r.headers["content-disposition"].startswith("attachment;"), url


def test_api_index_lists_the_downloads(client: TestClient) -> None:
    urls = client.get("/api").json()["exports"]
    assert {u.split("?")[0] for u in urls} == {f"/export/{f}" for f in FORMATS}
    assert any(u.startswith("/export/csv?layer=") and all(x in u for x in LAYERS) for u in urls)
    assert client.get("/openapi.json").json()["paths"]["/export/{fmt}"]["get"]


def test_downloads_hold_data_added_while_serving(tmp_path: Path) -> None:
    db, n = _half(tmp_path)
    client = TestClient(create_app(db_path=db, as_of=AS_OF))  # the live corpus checks every 5 s
    before = list(csv.DictReader(io.StringIO(client.get("/export/csv?layer=incidents").text)))
    assert before == []
    _add_incidents(db)
    after = list(csv.DictReader(io.StringIO(client.get("/export/csv?layer=incidents").text)))
    assert len(after) == n > 0  # read when asked for, not from the corpus loaded at start
    assert client.get("/export/acled").content == exported(db, tmp_path / "acled.csv", "--format", "acled").read_bytes()


def test_an_analysis_json_gives_the_same_downloads_as_its_store(
    client: TestClient, analysis: Analysis, tmp_path: Path
) -> None:
    path = tmp_path / "analysis.json"
    path.write_text(json.dumps(analysis_to_json(analysis, AS_OF), ensure_ascii=False), encoding="utf-8")
    served = TestClient(create_app(analysis_path=path))
    # (not the incidents CSV: a store hands slots back in another key order than the JSON file)
    for url in ("/export/geojson", "/export/acled", "/export/csv", "/export/csv?layer=timex", "/export/timeml"):
        r = served.get(url)
        assert r.status_code == 200 and r.content == client.get(url).content, url
