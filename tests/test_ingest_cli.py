"""``rasd clean``: documents printed, bad inputs one line on stderr, non-zero exit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def _rasd(*args: str) -> subprocess.CompletedProcess[str]:
    code = "import sys; from rasd.interfaces.cli import main; sys.argv[0] = 'rasd'; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)


def test_clean_prints_documents_and_reports_bad_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    res = _rasd("clean", str(FIXTURES / "two_articles.txt"), str(tmp_path / "empty.txt"), "--json")
    assert res.returncode == 1
    docs = [json.loads(line) for line in res.stdout.splitlines()]
    assert [d["part"] for d in docs] == [0, 1]
    assert docs[0]["published"]["value"] == "2025-03-12"
    assert res.stderr.strip() == "rasd: empty.txt: empty file"
    ok = _rasd("clean", str(FIXTURES / "persian.txt"), "--date", "2024-05-01")
    assert ok.returncode == 0, ok.stderr
    assert "2024-05-01 (given" in ok.stdout and "language:  fa" in ok.stdout


def test_dates_must_be_calendar_dates(tmp_path: Path) -> None:
    import re

    (tmp_path / "p.txt").write_text("عنوان الخبر\n\nنص قصير كتبناه لاختبار خيارات التاريخ في سطر الأوامر.\n", encoding="utf-8")
    for opt in ("--as-of", "--date"):
        res = _rasd("analyze", str(tmp_path / "p.txt"), "--out", str(tmp_path / "o"), "--db", str(tmp_path / "x.db"), opt, "2024-13-45")
        assert res.returncode == 2, res.stderr  # a usage error: the shape was right, the date is not
        message = " ".join(re.sub(r"[│╭╮╰╯─]", " ", res.stderr).split())  # the box may wrap the line
        assert "'2024-13-45' is not a calendar date" in message and "Traceback" not in res.stderr
        assert not (tmp_path / "x.db").exists()  # nothing ran
