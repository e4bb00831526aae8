"""Quantities and time: the rules added for the fresh real-news batch rn532–rn539.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-07-23"  # a Thursday
RLM = "\u200f"

_q, _t = readers(DCT)


def test_a_decimal_laid_out_right_to_left() -> None:
    """``3.<RLM>2`` (numbers._rlm_decimal): wire copy that stores fraction, dot, right-to-left mark,
    integer is 2.3; a plain decimal is read as written."""
    assert _q(f"زاد المخزون 3.{RLM}2 مليون برميل.") == [(f"3.{RLM}2 مليون", 2300000.0, None, "برميل")]
    assert _q(f"بلغ سعر الخام 75.{RLM}49 دولار.") == [(f"75.{RLM}49 دولار", 49.75, None, "دولار")]
    assert _q("زاد المخزون 3.2 مليون برميل.") == [("3.2 مليون", 3200000.0, None, "برميل")]


def test_won_and_percentage_points() -> None:
    """``وون`` and ``نقطة مئوية`` (objects.tsv, currencies.txt): a currency and a compound unit
    (F5), not the article's last unit nor a bare ``نقطة``."""
    assert _q("بلغت أرباح الشركة 3 تريليونات وون في الربع.") == [("3 تريليونات وون", 3e12, None, "وون")]
    assert _q("ارتفع معدل البطالة 0.4 نقطة مئوية.") == [("0.4 نقطة مئوية", 0.4, None, "نقطة مئوية")]


def test_plural_and_not_a_dual() -> None:
    """``مؤلفات`` → مؤلف (plurals.tsv); ``مولى`` (a client, a freed slave) is no dual of مول."""
    assert _q("أصدر الكاتب خمسة مؤلفات عن التاريخ.") == [("خمسة", 5.0, None, "مؤلف")]
    assert _q("روى الحديث رجل مولى لبني هاشم.") == []


def test_a_number_alone_in_quotation_marks_is_a_minute() -> None:
    """``سالم »23»`` (frames.in_brackets): a scorer's minute between guillemets, like ``(23)``
    (F3); a quoted number with its noun after the marks still counts."""
    assert _q("سجل هدف الفوز اللاعب سالم »23» في الشوط الأول.") == []
    assert _q("سجل هدف الفوز اللاعب سالم « 88 « في الشوط الثاني.") == []
    assert _q("خسر المؤشر «40» نقطة أمس.") == [("40", 40.0, None, "نقطة")]


def test_a_partitive_names_its_group_with_a_pronoun() -> None:
    """``اثنين من مقاتليه``, ``ثلاثة من جنودها`` (objects._owned_group): the plural after من with
    its owner's pronoun is what is counted, as with the article (``اثنين من الجنود``)."""
    assert _q("أقر التنظيم بمقتل اثنين من مقاتليه في الاشتباك.") == [("اثنين", 2.0, None, "مقاتل")]
    assert _q("أصيب ثلاثة من جنودها في الهجوم.") == [("ثلاثة", 3.0, None, "جندي")]
    assert _q("خرج سبعة من أبنائه إلى السوق.") == [("سبعة", 7.0, None, "ابن")]
    assert _q("عاد 12 من مدينته.") == [("12", 12.0, None, None)]


def test_a_vague_stretch_counted_from_an_event_with_ala() -> None:
    """``بعد أسابيع على تحرير`` (handlers._h_ago): counted from an event with على as with من, a
    duration; ``بعد أيام`` alone still points into the future."""
    assert _t("تقدمت القوات بعد أسابيع على تحرير المدينة.") == [("أسابيع", "DURATION", "PXW")]
    assert _t("تقدمت القوات بعد أسابيع من تحرير المدينة.") == [("أسابيع", "DURATION", "PXW")]
    assert _t("سيعود الوفد بعد أيام.") == [("بعد أيام", "DATE", "FUTURE_REF")]


def test_per_single_unit_is_a_set() -> None:
    """``في السنة الواحدة`` (sets.tsv): "per year", a recurring time, not the current year."""
    assert _t("ينتج المصنع ألف طن في السنة الواحدة.") == [("السنة الواحدة", "SET", "P1Y")]
    assert _t("يصل دخله إلى ألفي ريال في الشهر الواحد.") == [("الشهر الواحد", "SET", "P1M")]
    assert _t("تقام البطولة مرتين في العام الواحد.") == [("العام الواحد", "SET", "P1Y")]
