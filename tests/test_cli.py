"""The core CLI through typer's CliRunner: analyze, ingest, search, show, export, error lines."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_pipeline_fakes import (  # noqa: F401
    ARTICLE_A,
    assert_export_shape,
    fake_documents_from_page,
    fake_ingest,
    fake_iter_pages,
    fake_time_annotate,
    route_stages,
    write_pages,
)
from typer.testing import CliRunner

from rasd.interfaces.cli import _load_commands, app

_load_commands()
runner = CliRunner()


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    r = runner.invoke(app, list(args), input=input)
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture
def db(tmp_path: Path, fake_ingest: None) -> str:  # noqa: F811
    pages = write_pages(tmp_path / "pages")
    path = str(tmp_path / "c.db")
    code, out, err = run("analyze", str(pages), "--out", str(tmp_path / "out"), "--db", path, "--as-of", "2024-09-01")
    assert code == 1, err  # write_pages holds rejected pages (exit 1); the good ones are stored
    return path


def test_analyze_writes_contract_and_reports_bad_files(tmp_path: Path, fake_ingest: None) -> None:  # noqa: F811
    pages = write_pages(tmp_path / "pages")
    args = ("analyze", str(pages), "--out", str(tmp_path / "out"), "--db", str(tmp_path / "c.db"), "--as-of", "2024-09-01")
    code, out, err = run(*args)
    assert code == 1  # some inputs rejected: exit 1, the good documents still stored and exported
    assert "3 new" in out and "0 already stored" in out
    err_lines = err.strip().splitlines()
    assert any(line.startswith("error: empty.txt: ") for line in err_lines)
    assert any(line.startswith("error: boom.txt: ") for line in err_lines)
    assert "Traceback" not in err
    data = json.loads((tmp_path / "out" / "analysis.json").read_text(encoding="utf-8"))
    assert_export_shape(data)
    assert len(data["documents"]) == 3
    code, out, err = run(*args)  # re-run: nothing new
    assert code == 1 and "0 new" in out and "3 already stored" in out


def test_analyze_fails_cleanly_when_nothing_readable(tmp_path: Path, fake_ingest: None) -> None:  # noqa: F811
    code, out, err = run("analyze", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o"), "--db", str(tmp_path / "x.db"), "-q")
    assert code == 1
    assert err.strip().splitlines() == [f"error: {tmp_path / 'missing.txt'}: no such file"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("analyze", "x", "--out", str(tmp_path), "--date", "5/6/2021")[0] == 2
    assert run("export", "--format", "xml", "--db", str(tmp_path / "x.db"))[0] == 2
    assert run("analyze", "x")[0] == 2  # --out is required


def test_ingest_prints_counts(tmp_path: Path, fake_ingest: None) -> None:  # noqa: F811
    pages = write_pages(tmp_path / "pages")
    db = str(tmp_path / "i.db")
    code, out, _ = run("ingest", str(pages), "--db", db)
    assert code == 1  # 3 inputs rejected
    assert "read 4 page(s), 3 document(s): 3 new, 0 already stored, 3 error(s), 0 duplicate group(s)" in out
    code, out, _ = run("ingest", str(pages), "--db", db, "--quiet")
    assert code == 1 and out == ""


def test_search_finds_folded_spelling(db: str) -> None:
    code, out, _ = run("search", "عين الاسد", "--db", db)
    assert code == 0
    assert "عين الأسد" in out and "الجيش يعلن" in out
    code, _, err = run("search", "كلمةغائبة", "--db", db)
    assert code == 1 and "no document matches" in err


def test_show_by_prefix(db: str) -> None:
    code, out, _ = run("export", "--format", "csv", "--db", db)
    rows = list(csv.DictReader(io.StringIO(out)))
    target = next(r for r in rows if r["title"].startswith("الجيش"))
    code, out, err = run("show", target["id"][:8], "--db", db)
    if code == 1:  # the 8-char prefix happens to be shared: the message must say so
        assert "ambiguous" in err
        code, out, err = run("show", target["id"], "--db", db)
    assert code == 0, err
    assert "title:     الجيش يعلن" in out and "method unknown" in out
    assert ARTICLE_A.split("\n\n", 1)[1] in out
    code, _, err = run("show", "d_nothing", "--db", db)
    assert code == 1 and err.startswith("rasd: error: no document")


def test_export_formats(db: str, tmp_path: Path) -> None:
    target = tmp_path / "all.json"
    assert run("export", "--format", "json", "--db", db, "--out", str(target))[0] == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert_export_shape(data)
    assert len(data["documents"]) == 3 and len(data["mentions"]["timex"]) == 2
    code, out, _ = run("export", "--format", "jsonl", "--db", db)
    recs = [json.loads(line) for line in out.splitlines()]
    assert recs[0]["record"] == "header" and recs[0]["schema_version"] == "2"
    docs = [r for r in recs if r["record"] == "document"]
    assert len(docs) == 3 and sum(len(r["mentions"]["timex"]) for r in docs) == 2
    code, out, _ = run("export", "--format", "csv", "--db", db)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert sorted(r["id"] for r in rows) == sorted(d["id"] for d in data["documents"])
    assert {r["language"] for r in rows} == {"ar", "en"}


def test_commands_on_missing_db_fail_in_one_line(tmp_path: Path) -> None:
    for cmd in (("search", "x"), ("show", "d_1"), ("export",)):
        code, _, err = run(*cmd, "--db", str(tmp_path / "none.db"))
        assert code == 1
        assert err.count("\n") == 1 and "no database" in err


def test_stdin_dash_is_passed_to_ingest(tmp_path: Path, fake_ingest: None, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    seen: list[list[str]] = []

    def spy(inputs: list[str], date: str | None = None):  # type: ignore[no-untyped-def]
        seen.append(list(inputs))
        return fake_iter_pages([str(tmp_path / "pages")], date)

    write_pages(tmp_path / "pages")
    funcs = {"iter_pages": spy, "documents_from_page": fake_documents_from_page, "annotate": fake_time_annotate}
    route_stages(monkeypatch, "rasd_test_spy", funcs, {"pages", "documents", "time"}, others_absent=True)
    code, out, _ = run("ingest", "-", "--db", str(tmp_path / "s.db"), "--date", "2024-09-07")
    assert code == 1 and seen == [["-"]]  # the spy reads write_pages, rejected pages included
    code, out, _ = run("export", "--format", "csv", "--db", str(tmp_path / "s.db"))
    assert {r["published"] for r in csv.DictReader(io.StringIO(out))} == {"2024-09-07"}


def test_readers_take_a_postgresql_url_instead_of_a_file() -> None:
    """A URL is not looked up as a file: the store reports why it cannot connect."""
    for cmd in (["search", "x"], ["show", "d_1"], ["entities"], ["quotes"], ["conflicts"]):
        code, out, err = run(*cmd, "--db", "postgresql://127.0.0.1:1/none")
        assert code != 0
        assert "no database at" not in err and "not found" not in err, (cmd, err)
        assert "PostgreSQL" in err or "postgres" in err, (cmd, err)


def test_a_failed_corpus_stage_exits_1_and_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in a corpus stage leaves its sections empty: the run says so and exits 1, so a
    script never takes an empty timeline for a quiet news day (a control run exits 0)."""
    import shutil

    from rasd import pipeline

    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(Path(__file__).resolve().parents[1] / "examples" / "corpus" / "01_ain_al_asad_rockets.txt", pages)
    args = ("analyze", str(pages), "--out", str(tmp_path / "out"), "--db", str(tmp_path / "c.db"), "-q")
    code, _, err = run(*args)
    assert code == 0, err
    real = pipeline.stages.stage

    def broken(*a: object, **k: object) -> None:
        raise RuntimeError("bug in the story step")

    monkeypatch.setattr(pipeline.stages, "stage", lambda name: broken if name == "story" else real(name))
    code, _, err = run(*args)
    assert code == 1
    lines = err.strip().splitlines()
    assert "error: story: RuntimeError: bug in the story step" in lines
    assert lines[-1] == "error: corpus stage(s) failed, their sections are empty: story"
