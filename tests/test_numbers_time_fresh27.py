"""Quantities: the rules added for the fresh real-news batch rn632–rn639.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-07"  # a Friday

_q, _t = readers(DCT)


def test_square_metres_written_m2() -> None:
    """``م2`` (objects.tsv, a form of متر مربع): an area written with the abbreviation is
    counted in square metres, with digits grouped by a dot as thousands (F5); before, the
    number was dropped or took the noun counted earlier."""
    assert _q("تبلغ مساحة الساحة الجديدة 12.000 م2 بعد التوسعة.") == [("12.000 م2", 12000.0, None, "متر مربع")]
    assert _q("أضاف المشروع 25 محلا تجاريا على مساحة 1800 م2.") == [
        ("25", 25.0, None, "محل"),
        ("1800 م2", 1800.0, None, "متر مربع"),
    ]


def test_four_letter_plural_in_at() -> None:
    """``جهات`` → ``جهة`` (plurals.tsv): a short -ات plural keeps no raw form as its object."""
    assert _q("شاركت في الحملة سبع جهات حكومية.") == [("سبع", 7.0, None, "جهة")]


def test_over_the_week_opening_its_clause() -> None:
    """``وعلى مدى الأسبوع`` + verb (patterns.tsv, a rel_unit line): over the current unit, as
    the same words before a full stop already were; a following modifier, ``نفسه`` or a year
    keeps its own reading."""
    assert _t("وعلى مدى الأسبوع تراجع المؤشر العام 1.5 في المائة.") == [("الأسبوع", "DATE", "2015-W32")]
    assert _t("وعلى مدار الشهر صعدت أسعار الذهب.") == [("الشهر", "DATE", "2015-08")]
    assert _t("وعلى مدى الأسبوع الماضي تراجع المؤشر.") == [("الأسبوع الماضي", "DATE", "2015-W31")]
    assert _t("وعلى مدى الشهر نفسه تراجعت الأسعار.") == []
