"""``أحد الأسباب`` and ``أحد/إحدى`` + demonstrative + plural (issue 12, decision 9 of
docs/realnews_gold.md; docs/benchmarks/realnews_fresh.md): one reason picked from several is a
count of one ``سبب`` (reasons are members, not parts: ``part_of.txt`` no longer lists them), and
a demonstrative between ``أحد/إحدى`` and its plural only points at the group. Every sentence
here was written for these tests.
"""

from __future__ import annotations

from number_checks import counts, readers

DCT = "2015-08-07"
_q, _t = readers(DCT)


def test_one_of_the_reasons_counts_one_reason() -> None:
    """``أحد الأسباب`` / ``أحد أسباب`` (construct) → 1 سبب."""
    assert _q("وقال إن الغلاء هو أحد الأسباب التي دفعته إلى الرحيل.") == [("أحد", 1.0, None, "سبب")]
    assert _q("وكانت البطالة أحد أسباب الاحتجاجات في المدينة.") == [("أحد", 1.0, None, "سبب")]


def test_one_of_these_plurals_reads_past_the_demonstrative() -> None:
    """``one_of_plural.one_of``: ``إحدى هذه الشركات`` → 1 شركة, ``أحد هذه الأسباب`` → 1 سبب."""
    assert _q("وتعاقدت الوزارة مع إحدى هذه الشركات لتنفيذ المشروع.") == [("إحدى", 1.0, None, "شركة")]
    assert _q("وأرجع الخبير الأزمة إلى عوامل كثيرة، وأحد هذه الأسباب ضعف الرقابة.") == [
        ("أحد", 1.0, None, "سبب")
    ]


def test_the_object_span_is_the_plural_after_the_demonstrative() -> None:
    """Offsets: the counted noun is the plural, not the demonstrative."""
    text = "وتعاقدت الوزارة مع إحدى هذه الشركات لتنفيذ المشروع."
    (q,) = counts(text, DCT)
    assert q.object_span is not None
    assert text[q.start : q.end] == "إحدى"
    assert text[q.object_span.start : q.object_span.end] == "الشركات"


def test_a_part_or_a_superlative_after_one_of_stays_no_count() -> None:
    """Controls: ``أحد فروع`` (a part, also after a demonstrative) and ``أحد أبرز`` (a superlative)."""
    assert _q("وافتتح البنك أحد فروع الشركة في جدة.") == []
    assert _q("وافتتح البنك أحد هذه الفروع في جدة.") == []
    assert _q("ويعد اللاعب أحد أبرز نجوم الفريق.") == []
