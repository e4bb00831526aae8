"""A statement of a negative fact is no denial (issues 12–13).

"No bodies were found" asserts a fact; only a denying cue (نفى) or a framing that rejects
a claim (لا صحة، غير صحيح، or a negated fact that names what was reported) is ``deny``.
A false ``deny`` would turn a plain fact into "X denies what Y asserts" in the story stage.
"""

from __future__ import annotations

import pytest

from rasd.annotators.quotes.engine import extract_quotes
from rasd.annotators.quotes.lexicon import lexicon


def _polarities(text: str) -> list[str]:
    return [q.polarity for q in extract_quotes(text)]


@pytest.mark.parametrize(
    "text",
    [
        "وقال قائد فرق الإنقاذ إنه لم يتم العثور على أي جثث في موقع الانهيار.",
        "وأضاف مدير المستشفى أنه لا يوجد نقص في الأدوية هذا الشهر.",
        "وأكد رئيس البلدية عدم وجود إصابات بين السكان بعد العاصفة.",
        "وقال وزير النقل إنه ليس لدينا خطط لرفع أسعار التذاكر هذا العام.",
        "وقال المتحدث باسم الشركة إنه لا نية لديها لبيع المصنع.",
        "وقال المدرب إن اللاعب لم يتخذ قراره بعد بشأن مستقبله.",
    ],
)
def test_a_negated_fact_is_an_assertion(text: str) -> None:
    assert _polarities(text) == ["assert"]


@pytest.mark.parametrize(
    "text",
    [
        "وقال المتحدث باسم الوزارة إنه لا صحة لما تردد عن إغلاق المعبر.",
        "وقال مدير الشركة إن هذه المعلومات غير صحيحة جملة وتفصيلا.",
        "وأكد المسؤول أن الخبر عار عن الصحة.",
        # a negated fact that names what was reported rejects it
        "وقال المتحدث باسم الوزارة إنه لا يوجد أي أساس لما نشر عن إغلاق المعبر.",
        "وقال المتحدث إنه لم يصدر أي قرار بشأن ما أشيع عن إغلاق المعبر.",
        # the report named first, the rejection a few words on
        "وقال المتحدث إن الأنباء عن إغلاق المعبر غير صحيحة.",
    ],
)
def test_a_rejected_claim_is_a_denial(text: str) -> None:
    assert _polarities(text) == ["deny"]


def test_a_denying_cue_denies_a_negated_fact_too() -> None:
    assert _polarities("ونفى المتحدث باسم الجيش وجود أي جثث في موقع الانهيار.") == ["deny"]
    assert _polarities("ونفت الوزارة أن يكون المعبر قد أغلق.") == ["deny"]


def test_a_rejection_deep_in_unrelated_content_stays_an_assertion() -> None:
    # a rejecting phrase past the opening words, with no report named, does not frame the content
    assert _polarities("وقال المدير إن الفريق يعمل بجد منذ أسابيع وهذه الأرقام غير صحيحة.") == ["assert"]


def test_a_named_report_called_untrue_further_on_is_a_denial() -> None:
    text = "وقال المتحدث إنه ليس هناك أي بيان للوزير في موقعه، والصورة التي تتداولها الصفحات منذ أمس غير صحيحة."
    assert _polarities(text) == ["deny"]


def test_a_report_named_far_from_a_negated_fact_does_not_make_it_a_denial() -> None:
    # the negated fact opens the content; the reports are only mentioned many words later
    text = ("وقال قائد فرق الإنقاذ إنه لم يتم العثور على أي ناجين في المبنى المنهار حتى مساء "
            "اليوم رغم عمل الفرق طوال الليل قبل رفع التقارير إلى الوزارة.")
    assert _polarities(text) == ["assert"]


def test_every_deny_row_has_a_kind() -> None:
    lex = lexicon()
    assert any(r for _, r in lex.deny) and any(not r for _, r in lex.deny) and lex.said
