"""Names inside which a place is written (an agency named after a region, a district named
after its country, a company named after its kingdom) are one entity each, not the place:
found on dev articles whose short spans were linked to the country or region (rn805, rn807).
Our own sentences; the sequence model is replaced by a fixed list of spans, so each test
checks what the curated lists do, whatever the shipped weights tag."""

from __future__ import annotations

import pytest
from entity_checks import found


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        # the Egyptian news agency, not the region it is named after
        (
            "ونقلت وكالة أنباء الشرق الأوسط عن مصدر أمني قوله إن التحقيق بدأ",
            [("الشرق الأوسط", "LOC")],
            [("وكالة أنباء الشرق الأوسط", "ORG")],
        ),
        # the Cairo district, not the country
        ("ووقع الانفجار قرب ميدان في حي مصر الجديدة صباح اليوم", [("مصر", "GPE")], [("مصر الجديدة", "GPE")]),
        # the catering company, not the kingdom
        (
            "وأعلنت السعودية للتموين عن نتائجها المالية للربع الثاني",
            [("السعودية", "GPE")],
            [("السعودية للتموين", "ORG")],
        ),
    ],
)
def test_a_name_holding_a_place_is_its_own_entity(
    forced: dict, text: str, model: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    forced[text] = model
    assert found(text) == expected
