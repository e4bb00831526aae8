"""Quantities: the rules added for real news (docs/realnews_gold.md, helper F's section).

Every sentence here was written for these tests; each test names the rule it guards.
"""

from __future__ import annotations

import pytest

from rasd.annotators.quantities import extract_quantities
from rasd.annotators.time import tag
from rasd.models import EntityMention


def _q(text: str, dct: str = "2015-07-22", **kw: object) -> list[tuple[str, float | None, float | None, str | None]]:
    """(text, value, value_max, object) of every count, with the time tagger's mentions."""
    qs = extract_quantities(text, "d", tag(text, dct), **kw)  # type: ignore[arg-type]
    for q in qs:
        assert text[q.start : q.end] == q.text
    return [(q.text, q.value, q.value_max, q.object) for q in qs]


def _vo(text: str, **kw: object) -> list[tuple[float | None, str | None]]:
    return [(v, o) for _, v, _, o in _q(text, **kw)]


def test_an_object_never_comes_from_the_next_paragraph() -> None:
    text = "وارتفع عدد المتطوعين في المخيم إلى 12\n\nوقالت الإدارة إن العمل مستمر"
    assert _vo(text) == [(12, "متطوع")]  # from "عدد المتطوعين … إلى" before it (head_before), not after
    # nor does a count without object take the object of a count in the next paragraph
    assert _vo("وقد سجلت 40\n\n15 طنا من القمح") == [(40, None), (15, "طن")]


def test_a_dot_before_three_digits_groups_thousands() -> None:
    assert _vo("حضر الندوات 12.250 طالبا وبلغت الكلفة 3.5 مليون ريال") == [(12250, "طالب"), (3500000, "ريال")]
    assert _vo("وصل الإنتاج إلى 45.120 مليون طن") == [(45120000, "طن")]  # a decimal before a scale word
    assert _vo("وارتفعت النسبة 2.125% وبيع السهم بـ 1.750 دينار") == [(2.125, "%"), (1.75, "دينار")]


def test_half_of_a_scale_word() -> None:
    assert _vo("وبلغت التبرعات نصف مليون ريال وربع مليار دولار") == [(500000, "ريال"), (250000000, "دولار")]


def test_ranges_with_or_and_either_order_between_frame_words() -> None:
    assert _q("أصيب 3 أو 4 عمال في الحادث") == [("3 أو 4", 3, 4, "عامل")]
    ((_, lo, hi, obj),) = _q("تراوح التراجع ما بين 7.5% إلى 2.25%")
    assert (lo, hi, obj) == (2.25, 7.5, "%")
    # "from X to Y" with a smaller Y is a change, not a range
    assert [v for _, v, _, _ in _q("تراجع عدد الزوار من 900 إلى 600 زائر")] == [900, 600]


def test_bracketed_minutes_and_clean_sheet_scores_are_no_counts() -> None:
    assert _q("وسجل المهاجم سالم (23) و(78) ثم طرد المدافع (81)") == []
    assert _q("فاز الفريق بأربعة أهداف نظيفة") == []
    assert _vo("أنجز المكتب (312) معاملة") == [(312, "معاملة")]


def test_a_number_naming_the_thing_before_it_is_no_count() -> None:
    assert _vo("وانسحب مقاتلو الكتيبة 17 من المدينة") == []
    assert _vo("وبلغ العدد 40 ثم ارتفع إلى 55 شخصا") == [(40, None), (55, "شخص")]


def test_the_noun_after_a_number_has_no_article_and_is_no_next_clause() -> None:
    assert _vo("وبثت قناة سما 5 الإخبارية اللقاء") == [(5, None)]
    assert _vo("واشترت الشركة طائرة إيرباص 320 وستتسلمها قريبا") == []
    assert _vo("وصل 140 وافدا و6 وحدات سكنية") == [(140, "وافد"), (6, "وحدة")]
    assert _vo("ثلثي المساحة") == [(0.667, "مساحة")]


def test_a_number_word_that_is_also_another_word_counts_only_a_plural() -> None:
    assert _q("وقع لاعب وست هام الجديد عقده") == []
    assert _vo("وزار الوفد ست دول") == [(6, "دولة")]


def test_one_or_two_of_a_definite_group() -> None:
    assert _vo("وأوقفت الشرطة اثنين من المهربين") == [(2, "مهرب")]
    assert _vo("وغنى اثنين من عمالقة الطرب") == [(2, "عملاق")]


def test_a_definite_count_that_refers_back_is_not_counted_again() -> None:
    text = "ضبطت الدورية شاحنتين محملتين بالأسلحة. وتم تفتيش الشاحنتين في المركز"
    assert _vo(text) == [(2, "شاحنة")]
    text = "أصيب خمسة مزارعين في الحريق. ونقل المصابون الخمسة إلى المستشفى"
    assert _vo(text) == [(5, "مزارع")]
    # a name after it introduces new members: a second pair is counted
    text = "كلف الاتحاد الحكمين سامي العتيبي وفهد الشمري. ثم كلف الحكمين ماجد القحطاني وناصر الزهراني"
    ents = [
        EntityMention("d", text.index(n), text.index(n) + len(n), n, "PER")
        for n in ("سامي العتيبي", "ماجد القحطاني")
    ]
    assert _vo(text, entities=ents) == [(2, "حكم"), (2, "حكم")]


def test_named_pairs_and_sound_plurals() -> None:
    assert _vo("وهبطت الطائرة في مطاري جدة والدمام") == [(2, "مطار")]
    assert _vo("وفحص المفتشون شهادات العاملين الصحية ومساعدة طالبي اللجوء") == []
    assert _vo("واستفاد الفريق من عاملي الأرض والجمهور") == [(2, "عامل")]
    assert _vo("تفقد حالات الإصابة الستة") == [(6, "حالة")]


def test_an_object_is_the_lemma_of_the_word_written() -> None:
    assert _vo("قتل 12 مسلحا ودمرت 4 عربات و3 مركبات") == [(12, "مسلح"), (4, "عربة"), (3, "مركبة")]
    assert _vo("نفذت المقاتلات 14 طلعة جوية وارتفع العائد 25 نقطة أساس") == [(14, "طلعة جوية"), (25, "نقطة أساس")]
    assert _vo("وضبط المراقبون 420 كجم من اللحوم") == [(420, "كيلوجرام")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصدرت منها الآلاف من الدولارات", [(None, "دولار")]),
        ("بعد ظهر الجمعة وفي 8 صباحا وحتى 2 مساء", []),  # clock hours are time expressions
        ("سجنت المحكمة الرجل فوق سن الـ 40", []),  # an age is a time expression
        ("عاش الحيوان قبل 60 إلى 70 مليون سنة", []),  # both ends of a duration range
    ],
)
def test_time_expressions_and_vague_amounts(text: str, expected: list[tuple[float | None, str | None]]) -> None:
    assert _vo(text) == expected
