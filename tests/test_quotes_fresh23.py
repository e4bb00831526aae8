"""Quote rules from the fresh real-news batch rn672–rn679 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_cue_after_a_pronoun_complementizer_predicate_is_impersonal() -> None:
    # "أنه عثر على أشلاء يعتقد أنها …": the words after أنه are a predicate, never a subject
    got = _quotes("وأشار المدير إلى أنه عثر على أسلحة يعتقد أنها مهربة.")
    assert got == [("أشار", "المدير", "عثر على أسلحة يعتقد أنها مهربة")]
    # a subject written after a bare إن still speaks
    assert _quotes("وقال إن الوزير أكد أن المشروع مهم.") == [("أكد", "الوزير", "المشروع مهم")]


def test_contrast_after_a_comma_opens_the_cue_clause() -> None:
    # "X فعل كذا، فيما شددت على …": the sentence's own subject speaks, not the verb phrase
    got = _quotes("وقال الناشط سالم العلي إن المظاهرات مستمرة. أعطت الوزارة الأولوية لملف الخدمات، فيما شددت على فرض دورها الرقابي.")
    assert got[0] == ("قال", "سالم العلي", "المظاهرات مستمرة")
    assert got[1][0] == "شددت" and got[1][1].startswith("الوزارة") and got[1][2] == "فرض دورها الرقابي"
    # a subject written after فيما is still the subject
    got = _quotes("قال الوزير إن الخطة جاهزة، فيما الحكومة أكدت أنها ستنفذها.")
    assert got == [("قال", "الوزير", "الخطة جاهزة"), ("أكدت", "الحكومة", "ستنفذها")]


def test_request_to_a_titled_addressee() -> None:
    # "طلب X من وزير المالية الالتزام …": a title and its complement are the one asked
    got = _quotes("وطلب الرئيس من وزير المالية الالتزام بالخطة.")
    assert got == [("طلب", "الرئيس", "الالتزام بالخطة")]
    got = _quotes("وطلب الوزير من مدير الشؤون الإسلامية الإشراف على المساجد.")
    assert got == [("طلب", "الوزير", "الإشراف على المساجد")]
    # the definite-noun addressee keeps its adjectives (unchanged)
    assert _quotes("وطلب المحافظ من البلدية تجهيز الملعب.") == [("طلب", "المحافظ", "تجهيز الملعب")]


def test_condition_takes_a_nominal_object() -> None:
    # "اشترط X + a verbal noun", also as a participle after a statement
    assert _quotes("واشترطت الوزارة حصول المتقدم على الشهادة.") == [("اشترطت", "الوزارة", "حصول المتقدم على الشهادة")]
    got = _quotes("وأوضح الوزير في بيان أمس أن الوضع صعب، مشترطا حضور جميع الأعضاء.")
    assert got == [("أوضح", "الوزير", "الوضع صعب"), ("مشترطا", "الوزير", "حضور جميع الأعضاء")]


def test_plural_hospitals_are_a_body() -> None:
    got = _quotes("بدورها أعلنت مستشفيات المدينة حالة الاستنفار.")
    assert got == [("أعلنت", "مستشفيات المدينة", "حالة الاستنفار")]


def test_surname_then_apposed_title_is_cut_at_the_surname() -> None:
    got = _quotes("وأوضح العمري القيادي في الحزب في بيان أمس أن الوضع صعب.")
    assert got == [("أوضح", "العمري", "الوضع صعب")]
    got = _quotes("دعا النائب سالم المطيري إلى الهدوء. وأوضح المطيري العضو في الحزب أن الظروف صعبة.")
    assert got[-1] == ("أوضح", "سالم المطيري", "الظروف صعبة")
    # a source word with its adjective stays whole
    assert _quotes("وقال المصدر المسؤول إن الوضع صعب.") == [("قال", "المصدر المسؤول", "الوضع صعب")]
