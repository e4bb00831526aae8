"""``rasd export``: every format through the command, on the corpus of ``test_exports_formats``
(two short fictional articles) saved in a SQLite store; usage errors and missing extras."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import geojson
import pytest
from test_exports_formats import make, plain_and_tags
from typer.testing import CliRunner

from rasd.interfaces import exports
from rasd.interfaces.cli import _load_commands, app
from rasd.interfaces.exports import LAYERS, Corpus
from rasd.interfaces.exports.timeml import file_name
from rasd.models import DocAnalysis, Views
from rasd.store import open_store

_load_commands()
runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    an = make()
    path = str(tmp_path / "x.db")
    with open_store(path) as store:
        store.add_documents(an.documents)
        das = []
        for d in an.documents:
            m = Corpus.from_analysis(an).mentions_of([d.id])
            das.append(DocAnalysis(d, m.timex, m.entities, m.quantities, m.quotes))
        store.save_mentions(das)
        store.save_views(Views(an.entities, an.events, an.claims, an.commitments, an.conflicts))
    return path


def run(*args: str) -> tuple[int, str, str]:
    r = runner.invoke(app, ["export", *args])
    return r.exit_code, r.stdout, r.stderr


def test_cli_every_format(db: str, tmp_path: Path) -> None:
    code, out, err = run("--format", "geojson", "--db", db)
    assert code == 0, err
    assert geojson.loads(out).is_valid and len(geojson.loads(out)["features"]) == 4
    code, out, err = run("--format", "acled", "--db", db)
    assert code == 0 and len(list(csv.DictReader(io.StringIO(out)))) == 3
    code, out, err = run("--format", "timeml", "--db", db, "--out", str(tmp_path / "tml"))
    assert code == 0, err
    for doc in make().documents:
        _, plain, _ = plain_and_tags((tmp_path / "tml" / file_name(doc.id)).read_text(encoding="utf-8"))
        assert plain == doc.text
    code, out, _ = run("--format", "timeml", "--db", db)
    assert code == 0 and out.count("<TimeML ") == 2
    code, out, _ = run("--format", "csv", "--layer", "events", "--db", db)
    assert code == 0 and [r["id"] for r in csv.DictReader(io.StringIO(out))] == ["v_1", "v_2", "v_3", "v_4"]
    code, out, _ = run("--format", "csv", "--db", db)  # default layer: documents, as before
    assert code == 0 and [r["id"] for r in csv.DictReader(io.StringIO(out))] == ["d_a", "d_b"]
    assert "text" in next(csv.DictReader(io.StringIO(out)))


def test_cli_parquet(db: str, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="pyarrow is the optional [parquet] extra; pip install pyarrow")
    code, _, err = run("--format", "parquet", "--db", db, "--out", str(tmp_path / "pq"))
    assert code == 0, err
    assert len(list((tmp_path / "pq").glob("*.parquet"))) == len(LAYERS)


def test_cli_usage_errors(db: str, tmp_path: Path) -> None:
    assert run("--format", "geojson", "--layer", "events", "--db", db)[0] == 2  # --layer is for csv
    assert run("--format", "csv", "--layer", "words", "--db", db)[0] == 2
    assert run("--format", "parquet", "--db", db)[0] == 2  # needs --out DIR
    (tmp_path / "f").write_text("x")
    code, _, err = run("--format", "timeml", "--db", db, "--out", str(tmp_path / "f"))
    assert code == 1 and "directory" in err


def test_cli_parquet_without_pyarrow_says_which_extra(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    code, _, err = run("--format", "parquet", "--db", db, "--out", str(tmp_path / "pq"))
    assert code == 1 and "pip install 'rasd[parquet]'" in err and err.count("\n") == 1


def test_one_text_dispatch_refuses_what_is_not_a_text_export() -> None:
    assert set(exports.TEXT_FORMATS) <= set(exports.FORMATS)
    with pytest.raises(ValueError, match="not a text export"):
        exports.write_text(None, "parquet", "documents", io.StringIO())  # type: ignore[arg-type]
