"""Quote rules from the fresh real-news batch rn1100–rn1107 and the classes earlier rounds left
open (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_a_view_with_no_complementizer_is_reported() -> None:
    # "اعتبر X Y" / "عدها X Y": the object and what it was held to be are the content
    got = _quotes("واعتبر المدير خالد العمري القرار خطوة مهمة نحو الإصلاح.")
    assert got == [("اعتبر", "خالد العمري", "القرار خطوة مهمة نحو الإصلاح")]
    got = _quotes("وقد اعتبره الخبراء خطوة مهمة نحو الإصلاح.")
    assert got == [("اعتبره", "الخبراء", "خطوة مهمة نحو الإصلاح")]
    got = _quotes("في قرار عدها خبراء الاقتصاد خطوة جريئة، رفعت الحكومة أسعار الوقود.")
    assert len(got) == 1 and got[0][0] == "عدها" and got[0][1].startswith("خبراء")
    # the imperfect is as often passive ("is considered"): no report without أن
    assert _quotes("ويعتبر الملعب الجديد تحفة معمارية في المنطقة.") == []
    got = _quotes("ويعتبر الخبراء أن القرار خطوة مهمة.")
    assert got == [("يعتبر", "الخبراء", "القرار خطوة مهمة")]


def test_a_plural_cue_inside_a_relative_clause_is_the_groups() -> None:
    # "سلم X الهدايا للحضور الذين أثنوا … وطالبوا": the audience asks, not the one who handed out
    got = _quotes("وسلم المدير سعد العلي الهدايا للحضور الذين بدورهم أثنوا على المبادرة وطالبوا بتكرارها سنويا.")
    assert got == [("طالبوا", "للحضور", "بتكرارها سنويا")]
    # a singular participle after the relative clause still speaks for the sentence's subject
    got = _quotes("وأشاد المدير سعد العلي بالموظفين الذين عملوا بجد، مؤكدا أن النتائج ستظهر قريبا.")
    assert got == [("مؤكدا", "سعد العلي", "النتائج ستظهر قريبا")]


def test_a_title_that_opens_with_waw_makes_a_narrated_subject() -> None:
    # "دافع وزير … X … . وقال «…»": the minister the narration made the subject goes on speaking
    got = _quotes("وقال النائب سعد العمري إن القرار متسرع. وفي غضون ذلك، دافع وزير المالية الأميركي جون سميث أمس "
                  "عن مهلة الأيام العشرة. وقال «المهلة كافية».")  # fmt: skip
    assert got == [("قال", "سعد العمري", "القرار متسرع"), ("قال", "جون سميث", "المهلة كافية")]
