"""Quantities and time: the rules added for the fresh real-news batch rn372–rn379.

An ordinary news mix, scored once held out and only then read. Every sentence here was
written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

from rasd.annotators.time import handlers, years

DCT = "2015-08-04"  # a Tuesday


_q, _t = readers(DCT)


def test_year_handlers_live_in_their_own_module() -> None:
    """``handlers.py`` lost the year normalisers to ``years.py``; the table still names them."""
    assert handlers.HANDLERS["year"] is years._h_year
    assert handlers.HANDLERS["year_bare"] is years._h_year_bare
    assert _t("افتتح المصنع عام 2012 وتوسع في 2014.") == [("عام 2012", "DATE", "2012"), ("2014", "DATE", "2014")]


def test_a_definite_round_number_before_its_noun_counts() -> None:
    """``المليون ريال``, ``المائة صفحة``, ``بالألف دولار``: a round number word with the article
    before a singular noun is a count; without the noun right after it, it is none."""
    assert _q("دفع النادي المليون ريال كاملة للاعب.") == [("المليون", 1000000.0, None, "ريال")]
    assert _q("قرأت اللجنة المائة صفحة في يومين.") == [("المائة", 100.0, None, "صفحة")]
    assert _q("تبرع بالألف دولار للجمعية.") == [("الألف دولار", 1000.0, None, "دولار")]
    assert _q("تجاوز عدد المشاهدين المليون.") == []
    assert _q("حقق الفيلم المليون الأول في أسبوعه.") == []


def test_a_definite_round_number_keeps_the_percent_reading() -> None:
    """``في المائة`` after a number stays the percent sign of that number."""
    assert _q("ارتفعت الأرباح 12 في المائة خلال الربع.") == [("12 في المائة", 12.0, None, "%")]


def test_a_round_number_after_a_project_word_is_a_name() -> None:
    """``مشروع المليون قارئ``, ``حملة المليون شجرة``: the project's name, not a count
    (``quantities/round_name_heads.txt``)."""
    assert _q("انضمت المدرسة إلى مشروع المليون قارئ هذا العام.") == []
    assert _q("أطلقت البلدية حملة المليون شجرة.") == []


def test_since_glued_to_a_year_is_that_year() -> None:
    """``منذ1998`` written without a space is the year, as ``منذ 1998`` is."""
    assert _t("لم يزر الوفد البلاد منذ1998 حتى الآن.") == [
        ("منذ1998", "DATE", "1998"),
        ("الآن", "DATE", "PRESENT_REF"),
    ]
    assert _t("وصل منذ1500 شخص إلى الساحة.") == []  # not a year: a count glued to منذ


def test_salif_places_a_unit_in_the_past() -> None:
    """``السالف/السالفة`` is ``الماضي`` (``relative_words.tsv``): ``العام السالف`` is last year,
    ``السنوات السالفة`` a vague past; ``السالف ذكره`` (aforementioned) is no time."""
    assert _t("تضاعفت الصادرات في العام السالف.") == [("العام السالف", "DATE", "2014")]
    assert _t("تكررت الأخطاء في السنوات السالفة.") == [("السنوات السالفة", "DATE", "PAST_REF")]
    assert _t("ألغت الوزارة القرار السالف ذكره.") == []
