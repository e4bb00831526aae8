"""On the real seed pages: counted quantities are never read as years."""

from __future__ import annotations

import re
from pathlib import Path

from rasd.annotators.time import tag

COUNTED = re.compile(r"^(?:نحو |حوالي )?[0-9٠-٩]{3,4}$")


def test_no_quantity_tagged_as_year(shared_dir: Path) -> None:
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    assert seeds
    checked = 0
    for p in seeds:
        for block in re.split(r"\n\s*\n", p.read_text(encoding="utf-8")):
            for t in tag(block, "2024-09-28"):
                assert block[t.start : t.end] == t.text
                if t.type == "DATE" and COUNTED.match(t.text):
                    after = block[t.end : t.end + 12].split()
                    noun = after[0] if after else ""
                    # a bare number tagged as a year must not be followed by a counted noun
                    assert noun[:3] not in {"جند", "عسك", "عنص", "أمي", "هجو", "مقا", "شخص"}, (t.text, noun)
            for m in re.finditer(r"[0-9]{3,4}(?=\"?\s*(?:جندي|جنديا|عسكري|عنصر|أميركي|هجوم|في سوريا))", block):
                checked += 1
                assert not any(t.start <= m.start() < t.end and t.type == "DATE" for t in tag(block, "2024-09-28")), m.group()
    assert checked >= 5  # the seeds do contain counted numbers (2500, 3000, 300, 900, 1500)
