"""Quote rules of the speaker-span round (docs/benchmarks/realnews_fresh.md, "speaker spans
that run on, descriptions, subject-first quotes").

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_so_with_the_article_after_a_comma_opens_a_subject_first_clause() -> None:
    # "…، فالبعض يرى أن": ف joins clauses, so the subject starts after the comma (not the
    # whole first clause) and the speaker is written without its ف
    text = "انتقد الجمهور المدرب بعد الخسارة الثقيلة، فالبعض يرى أن خطته كانت خاطئة."
    assert _quotes(text) == [("يرى", "البعض", "خطته كانت خاطئة")]


def test_a_subject_first_clause_without_the_so_is_unchanged() -> None:
    # control: the same clause with no comma before it was found already
    text = "البعض يرى أن خطة المدرب كانت خاطئة."
    assert _quotes(text) == [("يرى", "البعض", "خطة المدرب كانت خاطئة")]


def test_so_with_the_article_opening_a_sentence_is_a_subject_not_a_verb() -> None:
    # "فالوزارة أعلنت أن": no verb opens the clause, so the subject before the cue speaks
    text = "تأخر صرف الرواتب هذا الشهر. فالوزارة أعلنت أن النظام الجديد يحتاج إلى أسبوع."
    assert _quotes(text) == [("أعلنت", "الوزارة", "النظام الجديد يحتاج إلى أسبوع")]
