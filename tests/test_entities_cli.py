"""``rasd entities`` and ``rasd train ner`` command-line behaviour."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from rasd.interfaces.cli import _load_commands, app

_load_commands()
runner = CliRunner()


def test_entities_on_files_lists_linked_entities(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("أعلنت قيادة العمليات المشتركة أن قاعدة عين الاسد تعرضت لهجوم.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("قالت العمليات المشتركة إن الهجوم على قاعدة عين الأسد فشل.\n", encoding="utf-8")
    res = runner.invoke(app, ["entities", str(tmp_path)])
    assert res.exit_code == 0, res.output
    rows = [r for r in res.output.splitlines() if "قيادة العمليات المشتركة" in r]
    assert len(rows) == 1 and "| ORG | 2 | 2 |" in rows[0]
    fac = [r for r in res.output.splitlines() if "قاعدة عين الأسد الجوية" in r]
    assert len(fac) == 1 and "33.80, 42.44" in fac[0]
    only = runner.invoke(app, ["entities", str(tmp_path), "--type", "FAC"])
    assert "قيادة العمليات المشتركة" not in only.output and "قاعدة عين الأسد الجوية" in only.output


def test_entities_errors_are_one_line(tmp_path: Path) -> None:
    res = runner.invoke(app, ["entities", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1
    assert "not found" in res.output and "Traceback" not in res.output
    bad = runner.invoke(app, ["entities", str(tmp_path), "--type", "XYZ"])
    assert bad.exit_code == 1 and "unknown type" in bad.output


def test_train_ner_reports_missing_training_file(tmp_path: Path) -> None:
    res = runner.invoke(app, ["train", "ner", "--train", str(tmp_path / "missing.conll")])
    assert res.exit_code == 1
    assert "not found" in res.output and "Traceback" not in res.output
