"""Quote recall rules of the dev half's missed-quote classes (issue 12; docs/benchmarks/realnews_fresh.md,
"Quotes: three recall classes across the dev half").

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_attribution_opening_its_sentence_with_fa_inna_names_a_source() -> None:
    # "وبحسب X فإن …": the frame itself says X is the source, even when X is no listed source word
    got = _quotes("وبحسب أحد التجار في السوق فإن الأسعار ارتفعت هذا الأسبوع.")
    assert [(c, sp.split()[:2], ct) for c, sp, ct in got] == [
        ("بحسب", ["أحد", "التجار"], "الأسعار ارتفعت هذا الأسبوع")
    ]
    # a فإن ("if") opening the next sentence frames nothing: the unlisted word stays no source
    assert _quotes("وحسب الجدول يبدأ الدوام صباحا. فإن تأخر الموظف يخصم من راتبه.") == []


def test_qualifier_between_source_and_fa_inna_is_neither_source_nor_content() -> None:
    # "وحسب بنود العقد الذي …، فإن …": the relative clause qualifies the source
    got = _quotes("وحسب بنود العقد الذي وقعه النادي مع اللاعب فإن اللاعب سينضم بعد نهاية البطولة.")
    assert got == [("حسب", "بنود العقد", "اللاعب سينضم بعد نهاية البطولة")]



def test_investigation_or_assessment_after_bihasb_is_a_source() -> None:
    # "بحسب تحقيق أجرته …", "بحسب تقييم شركة …": a study of someone's is a source (decision 4)
    got = _quotes("غادر الشاب منزله قبل شهرين بحسب تحقيق أجرته صحيفة محلية.")
    assert [(c, sp.split()[0], ct) for c, sp, ct in got] == [("بحسب", "تحقيق", "غادر الشاب منزله قبل شهرين")]
    got = _quotes("حصل المتجر على المركز الأول بحسب تقييم شركة محلية.")
    assert [(c, sp.split()[0], ct) for c, sp, ct in got] == [("بحسب", "تقييم", "حصل المتجر على المركز الأول")]
    # the same nouns with no attribution phrase before them name no source
    assert _quotes("وتواصل الشرطة تحقيقها في الحادث بعد تقييم الأضرار.") == []
