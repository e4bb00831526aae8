"""The ``rasd timex`` command."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from rasd.interfaces.cli import _load_commands, app

_load_commands()
runner = CliRunner()


def test_json_output() -> None:
    r = runner.invoke(app, ["timex", "ينسحب الجنود بحلول أيلول 2026 وعادوا أمس", "--dct", "2024-09-28", "--json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert [(x["text"], x["value"], x["deadline"]) for x in rows] == [("أيلول 2026", "2026-09", True), ("أمس", "2024-09-27", False)]


def test_table_output() -> None:
    r = runner.invoke(app, ["timex", "وصلوا مساء أمس", "--dct", "2024-09-28"])
    assert r.exit_code == 0
    assert "2024-09-27TEV" in r.stdout


def test_bad_dct_is_one_line_error() -> None:
    r = runner.invoke(app, ["timex", "أمس", "--dct", "2024-13-40"])
    assert r.exit_code == 2
    assert "Traceback" not in r.output


def test_relative_expression_at_the_calendars_end_is_null_not_a_traceback() -> None:
    for text, dct in (("غدا", "9999-12-31"), ("أمس", "0001-01-01"), ("الأسبوع الماضي", "0001-01-01")):
        r = runner.invoke(app, ["timex", text, "--dct", dct, "--json"])
        assert r.exit_code == 0, r.output
        assert "Traceback" not in r.output
        assert [(x["text"], x["value"]) for x in json.loads(r.stdout)] == [(text, None)]
    r = runner.invoke(app, ["timex", "غدا", "--dct", "9999-12-31"])
    assert r.exit_code == 0 and "null" in r.stdout
