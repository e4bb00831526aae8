"""CSV cells a spreadsheet would run as formulas are written quoted (article content is hostile)."""

from __future__ import annotations

import csv
import io

from rasd.interfaces.export import spreadsheet_safe, write_csv
from rasd.models import Document, Published


def _doc(title: str, text: str) -> Document:
    return Document(id="d_x", source="s.html", part=0, title=title, outlet="=cmd|' /C calc'!A0",
                    published=Published("2024-08-05", "day", "metadata", 0.9), language="ar", text=text)  # fmt: skip


def test_formula_cells_are_quoted_and_plain_ones_kept() -> None:
    row = spreadsheet_safe({"a": "=HYPERLINK(\"http://x\")", "b": "+1", "c": "-2", "d": "@SUM(A1)", "e": "\tx",
                            "f": "نص عادي", "g": -3, "h": None})  # fmt: skip
    assert row == {"a": "'=HYPERLINK(\"http://x\")", "b": "'+1", "c": "'-2", "d": "'@SUM(A1)", "e": "'\tx",
                   "f": "نص عادي", "g": -3, "h": None}  # fmt: skip


def test_the_documents_csv_has_no_cell_a_spreadsheet_would_run() -> None:
    buf = io.StringIO()
    write_csv([_doc("=1+1 عنوان", "-- نص يبدأ بشرطتين")], buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[0]["title"] == "'=1+1 عنوان"
    assert rows[0]["outlet"].startswith("'=")
    assert rows[0]["text"] == "'-- نص يبدأ بشرطتين"
    assert all(not v.startswith(("=", "+", "-", "@")) for v in rows[0].values())
