"""Quantities and time: the rules added for the fresh real-news batch rn1090–rn1097.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-06"  # a Thursday

_q, _t = readers(DCT)


def test_the_number_of_a_list_item_is_no_count() -> None:
    """``skips._list_item``: a number opening a line, glued to ``-``/``)``/``.`` or before a
    definite word, numbers an item of a list (before: counts of nothing, rn1097); the amounts
    inside the items, and a count opening a line, are still read."""
    text = (
        "أعلنت الشركة ما يلي:\n1-الرصيد المتبقي لدى البنك 3 ملايين ريال\n"
        "2 الفروقات في التكاليف بلغت 400 ألف ريال\n3) تأجيل المشروع\n4 موظفين جدد انضموا للفريق"
    )
    got = _q(text)
    assert [(m, v, o) for m, v, _, o in got] == [
        ("3 ملايين", 3000000.0, "ريال"),
        ("400 ألف", 400000.0, "ريال"),
        ("4", 4.0, "موظف"),
    ]


def test_ongoing_is_no_dual_of_neighbour() -> None:
    """``not_duals.txt``: ``جاري`` is "ongoing, current" (``جاري العمل``, ``حساب جاري``), not the
    construct dual "the two neighbours of" (before: a count of two ``جار``)."""
    assert _q("أودع المبلغ في حساب جاري لدى أحد البنوك جاري العمل على استثماره.") == [("أحد", 1.0, None, "بنك")]


def test_a_nisba_written_with_ha_after_a_feminine_plural_is_an_adjective() -> None:
    """``open_duals._agrees_with_plural``: ``-يه`` right after an indefinite ``-ات`` plural is the
    feminine nisba agreeing with it (``أكلات شعبيه``), not a dual + ``ه`` (rn1054); after a
    singular the dual with its pronoun is still read."""
    assert _q("قدمت الأسر المنتجة أكلات شعبيه وحلويات منزلية.") == []
    assert _q("زار الرجل نجليه في المستشفى.") == [("نجليه", 2.0, None, "نجل")]


def test_a_count_wrapped_over_a_line_break_keeps_its_noun() -> None:
    """``skim.line_bounds``: a single line break right after a number wraps the sentence, it
    does not end the count (``ثمانية\\n أشخاص``, rn916; before: 8 of no object); a blank line
    still separates paragraphs."""
    assert _q("انفجرت عبوة في السوق وقتل سبعة\n أشخاص على الأقل.")[0][2:] == (None, "شخص")
    assert _q("انفجرت عبوة في السوق وقتل سبعة\n أشخاص.")[0][0] == "سبعة\n أشخاص"
    assert [o for *_, o in _q("وبلغ عدد الفائزين 12\n\nأشخاص الحي شاركوا أيضا.")] != ["شخص"]


def test_a_closed_joint_stock_company_is_one_object() -> None:
    """``objects.tsv``: ``شركة مساهمة مقفلة`` is the kind of company counted (F5), not ``شركة``."""
    got = _q("وافقت الوزارة على تأسيس 12 شركة مساهمة مقفلة برأسمال 40 مليون ريال.")
    assert [(v, o) for _, v, _, o in got] == [(12.0, "شركة مساهمة مقفلة"), (40000000.0, "ريال")]


def test_the_nights_of_the_feast_are_its_days() -> None:
    """``patterns.tsv`` (``holiday``): ``ليالي العيد`` dates the feast as ``أيام العيد`` does (F10)."""
    assert _t("كثرت الزيارات العائلية في ليالي العيد.") == [("ليالي العيد", "DATE", "2015-07-17")]


def test_from_the_morning_opens_a_range_of_hours() -> None:
    """``patterns.tsv`` (``pod_def``): a definite part of the day after ``من`` (``من الصباح وحتى
    الـ12 ظهرا``) is that part of the day the article is about (F7; before: missed, rn1051)."""
    got = _t("تبدأ المقابلات الأحد المقبل، وتستمر من الصباح وحتى الـ11 ظهرا.", "2015-07-21")
    assert ("الصباح", "TIME", "2015-07-26TMO") in got
    assert ("الـ11 ظهرا", "TIME", "2015-07-26T11:00") in got
