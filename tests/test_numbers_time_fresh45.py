"""Time: the rules added for the fresh real-news batch rn1250–rn1257.

docs/benchmarks/realnews_fresh.md ("Quantities and time, batch rn1250–rn1257") lists the
error classes. Every sentence here was written for these tests, and each test names the
rule it guards.
"""

from __future__ import annotations

from number_checks import timexes

DCT = "2015-08-02"  # a Sunday


def _t(text: str) -> list[tuple[str, str, str | None]]:
    return timexes(text, DCT)


def test_a_bare_part_of_day_with_no_day_named_is_the_publication_day() -> None:
    # passes._resolve pod_adv: no day named before it, not a habit -> the DCT (rn942)
    assert _t("وأجرى الفريق حصة تدريبية خفيفة صباحا، ثم عاد إلى الفندق.") == [
        ("صباحا", "TIME", "2015-08-02TMO")
    ]


def test_a_bare_part_of_day_after_a_named_day_keeps_that_day() -> None:
    # F7 as before: the day named earlier in the article wins over the DCT
    assert _t("وصل الوفد أمس، وعقد اجتماعا مطولا صباحا، ثم غادر.") == [
        ("أمس", "DATE", "2015-08-01"),
        ("صباحا", "TIME", "2015-08-01TMO"),
    ]


def test_a_paired_part_of_day_without_a_day_is_still_a_habit() -> None:
    # صباحا ومساء with no day named is a schedule, not a time of one day
    assert all(t[0] not in ("صباحا", "مساء") for t in _t("ويستقبل المركز الزوار صباحا ومساء."))


def test_a_bare_evening_before_a_preposition() -> None:
    # patterns.tsv pod_adv: مساء followed by في/على is the adverb, not the head of a day (rn1255)
    assert _t("وأنهى اللاعب برنامجه العلاجي اليوم، والبرنامج التأهيلي مساء في الملعب.") == [
        ("اليوم", "DATE", "2015-08-02"),
        ("مساء", "TIME", "2015-08-02TEV"),
    ]
    assert _t("وتقام المباراة مساء الخميس المقبل.") == [("مساء الخميس المقبل", "TIME", "2015-08-06TEV")]


def test_since_ancient_times_is_a_past_reference() -> None:
    # vague.tsv منذ القدم: PAST_REF (decision 11, rn1252)
    assert _t("وقد عرفت هذه السوق منذ القدم بوصفها ملتقى للشعراء.") == [("منذ القدم", "DATE", "PAST_REF")]
