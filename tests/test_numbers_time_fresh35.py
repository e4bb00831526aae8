"""Quantities and time: the rules added for the fresh real-news batch rn1050–rn1057.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-07-24"  # a Friday in summer

_q, _t = readers(DCT)


def test_a_clock_hour_written_with_the_article_is_a_time() -> None:
    """``patterns.tsv`` (``hour_pod``, ``hour``, ``clock``): ``الـ12 ظهرًا``, ``الساعة الـ8
    صباحا``, ``الساعة الـ12:30`` take the article glued to the digits (before: missed, only
    ``الـ 4 عصرًا`` with a space was read)."""
    got = _t("تستقبل اللجنة المتقدمين من الساعة الـ8 صباحا حتى الـ12 ظهرًا، ثم من الساعة الـ12:30 إلى الـ 4 عصرًا.")
    assert [(m, v[-6:]) for m, _, v in got] == [
        ("الساعة الـ8 صباحا", "T08:00"),
        ("الـ12 ظهرًا", "T12:00"),
        ("الساعة الـ12:30", "T12:30"),
        ("4 عصرًا", "T16:00"),
    ]
    assert all(typ == "TIME" for _, typ, _ in got)


def test_a_fraction_of_a_definite_plural_counts_its_singular() -> None:
    """``objects.open_object``: a fraction before a definite plural reads it as a plural
    (``ثلثا المستخدمين`` is of ``مستخدم``; before: the raw ``مستخدمين``); a singular stays."""
    assert _q("قال ثلثا المستخدمين إنهم راضون عن الخدمة.") == [("ثلثا", 0.667, None, "مستخدم")]
    assert _q("يملك نحو ثلثي البالغين سيارة.")[0][3] == "بالغ"
    assert _q("زرع المزارع ثلثي المساحة قمحا.")[0][3] == "مساحة"


def test_workshops_and_selfies_are_counted_nouns() -> None:
    """Resource lines: ``ورش → ورشة`` (``plurals.tsv``; before, ``6 ورش`` gave no quantity at
    all) and a ``صورة سيلفي`` row (``objects.tsv``, the compound names the thing, F5)."""
    assert _q("نظمت الجمعية ست ورش تدريبية للطلاب.") == [("ست", 6.0, None, "ورشة")]
    assert _q("نظمت الجمعية 4 ورش للطلاب.")[0][3] == "ورشة"
    assert _q("التقط الزوار 3 ملايين صورة سيلفي خلال المهرجان.")[0][3] == "صورة سيلفي"
    assert _q("علق الفنان 30 صورة في المعرض.")[0][3] == "صورة"
