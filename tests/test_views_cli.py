"""The CLI's story commands (timeline, commitments, conflicts) on an analysis built from
self-written articles; split from ``tests/test_views.py``, whose helpers build it."""

from __future__ import annotations

import json

import pytest
from test_events import ent, make_da, tmx
from test_views import AS_OF, _two_sources, compare
from typer.testing import CliRunner

from rasd.story.stage import build


@pytest.fixture()
def analysis_file(tmp_path):  # noqa: ANN001, ANN201
    das = _two_sources()
    extra = make_da("عقد وزيرا الدفاع اجتماعا في بغداد يوم 3 آذار 2022. وسوف تنسحب القوات بحلول نهاية 2026.",
                    published="2022-03-04", doc_id="d_c")  # fmt: skip
    ent(extra, "بغداد", "GPE", "e_bgd")
    tmx(extra, "3 آذار 2022", "2022-03-03")
    tmx(extra, "نهاية 2026", "2026", deadline=True, mod="END")
    das.append(extra)
    from rasd.interfaces.export import analysis_to_json, views_analysis
    from rasd.models import Entity

    v = build(das, [Entity("e_bgd", "GPE", "بغداد")], AS_OF)
    v.conflicts = compare(das)[1]  # the two sources' dispute, as the claim comparison finds it
    an = views_analysis(v)
    an.documents = [d.doc for d in das]
    data = analysis_to_json(an, AS_OF)  # schema 2: conflicts with both sides inline
    p = tmp_path / "analysis.json"
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return p


def _run(*args: str):  # noqa: ANN202
    from rasd.interfaces.cli import _load_commands, app

    _load_commands()
    return CliRunner().invoke(app, list(args))


def test_cli_timeline_filters(analysis_file) -> None:  # noqa: ANN001
    r = _run("timeline", "--analysis", str(analysis_file))
    assert r.exit_code == 0, r.output
    assert "2022-03-03" in r.output and "MEETING" in r.output
    r = _run("timeline", "--analysis", str(analysis_file), "--entity", "بغداد")
    assert r.exit_code == 0 and "MEETING" in r.output and "WITHDRAWAL" not in r.output.split("undated")[0]
    r = _run("timeline", "--analysis", str(analysis_file), "--from", "2030-01-01")
    assert r.exit_code == 0 and "no incidents match" in r.output


def test_cli_commitments_status_as_of(analysis_file) -> None:  # noqa: ANN001
    before = _run("commitments", "--analysis", str(analysis_file), "--as-of", "2023-01-01")
    after = _run("commitments", "--analysis", str(analysis_file), "--as-of", "2027-01-01")
    assert before.exit_code == 0 and after.exit_code == 0
    assert "pending" in before.output and "2026" in before.output
    assert "passed" in after.output


def test_cli_conflicts_side_by_side(analysis_file) -> None:  # noqa: ANN001
    r = _run("conflicts", "--analysis", str(analysis_file))
    assert r.exit_code == 0, r.output
    assert "[polarity]" in r.output and "  A: " in r.output and "  B: " in r.output
    assert "d_a" in r.output and "d_b" in r.output


def test_cli_errors_are_one_line(tmp_path) -> None:  # noqa: ANN001
    r = _run("timeline", "--analysis", str(tmp_path / "missing.json"))
    assert r.exit_code == 1
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    r = _run("conflicts", "--analysis", str(bad))
    assert r.exit_code == 1
    r = _run("commitments", "--analysis", str(bad), "--as-of", "2024-13-01")
    assert r.exit_code == 1
