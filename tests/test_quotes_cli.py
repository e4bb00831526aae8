"""``rasd quotes`` over an analysis.json, and the extractors on the real seed pages."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from rasd.annotators.quantities import extract_quantities
from rasd.annotators.quotes import extract_quotes
from rasd.interfaces.cli import _load_commands, app
from rasd.models import to_dict

runner = CliRunner()


def _analysis(tmp_path: Path) -> Path:
    t_new = "وأكد السوداني أن بغداد لن تقبل بأي تأجيل جديد."
    t_old = "وقال رئيس الوزراء محمد شياع السوداني إن الحكومة ستعلن الجدول قريبا. وقالت الوزارة إن الطرق سالكة."
    docs = [
        {"id": "d_new", "text": t_new, "published": {"value": "2024-09-01"}},
        {"id": "d_old", "text": t_old, "published": {"value": "2024-08-01"}},
    ]
    quotes = extract_quotes(t_new, "d_new", date="2024-09-01") + extract_quotes(t_old, "d_old", date="2024-08-01")
    path = tmp_path / "analysis.json"
    path.write_text(json.dumps({"documents": docs, "mentions": {"quotes": [to_dict(q) for q in quotes]}}, ensure_ascii=False))
    return path


def test_quotes_by_speaker_oldest_first(tmp_path: Path) -> None:
    _load_commands()
    res = runner.invoke(app, ["quotes", "--speaker", "السوداني", "--analysis", str(_analysis(tmp_path)), "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [r["date"] for r in rows] == ["2024-08-01", "2024-09-01"]
    assert rows[0]["content"] == "الحكومة ستعلن الجدول قريبا"
    assert all("السوداني" in r["speaker"] for r in rows)


def test_quotes_errors_are_one_line(tmp_path: Path) -> None:
    _load_commands()
    res = runner.invoke(app, ["quotes", "--analysis", str(tmp_path / "missing.json")])
    assert res.exit_code != 0
    assert "no such file" in res.output and "Traceback" not in res.output
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    res = runner.invoke(app, ["quotes", "--analysis", str(bad)])
    assert res.exit_code != 0 and "Traceback" not in res.output
    res = runner.invoke(app, ["quotes", "--db", str(tmp_path / "none.db")])
    assert res.exit_code != 0 and "no database" in res.output


def test_seed_pages(shared_dir: Path) -> None:
    """On the real pages: anonymous officials, a titled spokesman, denials, 2500 troops."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared_dir / "seeds").glob("*.txt"))]
    quotes = [q for t in texts for q in extract_quotes(t)]
    qtys = [q for t in texts for q in extract_quantities(t)]
    assert len(quotes) >= 40
    assert any(q.speaker.anonymous and q.speaker.text == "مسؤول دفاعي كبير" for q in quotes)
    assert any(q.speaker.text == "ماثيو ميلر" and q.speaker.role and "المتحدث" in q.speaker.role for q in quotes)
    assert any(q.speaker.medium == "رويترز" and q.speaker.anonymous for q in quotes)
    # one denial by its cue (نافية); "أكدت عدم وجود …", "مؤكدا أنه لم نناقش …" state negative facts
    assert any(q.polarity == "deny" for q in quotes)
    assert not any(q.polarity == "deny" and q.cue in ("أكدت", "مؤكدا") for q in quotes)
    assert any(q.value == 2500 and q.object == "جندي" for q in qtys)
    assert any(q.value == 1500 and q.value_max == 3000 for q in qtys)
    assert not any(q.value in (2014, 2021, 2024, 2025) for q in qtys)
