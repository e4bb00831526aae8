"""Quantities: the rules added for the fresh real-news batch rn1190–rn1197.

docs/benchmarks/realnews_fresh.md ("Quantities and time, batch rn1190–rn1197") lists the
error classes. Every sentence here was written for these tests, and each test names the
rule it guards.
"""

from __future__ import annotations

from number_checks import value_objects

DCT = "2015-08-07"  # a Friday


def _q(text: str) -> list[tuple[float | None, str | None]]:
    return value_objects(text, DCT)


def test_one_family_is_the_same_family() -> None:
    # same_one.txt: a post-posed واحدة after عائلة/أسرة says "the same family", no count of one
    assert _q("غرق ثلاثة أطفال هم أبناء عائلة واحدة في البركة") == [(3.0, "طفل")]
    assert _q("وأصيب أربعة أشخاص من أسرة واحدة في الحادث") == [(4.0, "شخص")]
    # a count of one of another noun is still a count
    assert _q("وبقي في المخيم جندي واحد") == [(1.0, "جندي")]


def test_one_spirit_is_united() -> None:
    # same_one.txt: بروح واحدة (united), like يدا واحدة
    assert _q("وعمل الفريق بروح واحدة حتى نهاية الموسم") == []


def test_one_of_the_boxes() -> None:
    # decision 9: أحد + a plural picks one member, also with a glued ب (plurals.tsv: صناديق)
    assert _q("ووضع المتبرع الملابس في أحد الصناديق") == [(1.0, "صندوق")]
    assert _q("واتصل المواطن بأحد الصناديق الخيرية") == [(1.0, "صندوق")]
