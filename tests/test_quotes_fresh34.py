"""Quote rules from the fresh real-news batch rn1130–rn1137 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes

from rasd.annotators.quotes import quote_pairs


def test_an_unclosed_quotation_ends_at_its_paragraph() -> None:
    # the page dropped the closing mark; the next paragraph opens its own quotation after a cue
    text = "وقال سعد الغامدي “المشروع سيكتمل قريبا. سنبدأ العمل غدا.\nوقال مسؤول آخر “التكلفة كبيرة جدا ولن نتحملها وحدنا.”"
    got = _quotes(text)
    assert [(cue, sp) for cue, sp, _ in got] == [("قال", "سعد الغامدي"), ("قال", "مسؤول آخر")]
    assert got[0][2] == "المشروع سيكتمل قريبا. سنبدأ العمل غدا"


def test_a_quotation_running_over_paragraphs_still_pairs() -> None:
    # a new paragraph that opens with the mark continues the quotation: one pair, open to close
    text = "وقال المدير «الخطة جاهزة للتنفيذ.\n«وسنبدأ بها الشهر المقبل»."
    assert quote_pairs(text) == [(text.index("«"), text.index("»"))]


def test_ruled_out_with_a_clause_is_a_report_and_ends_the_previous_one() -> None:
    got = _quotes("وقال الوزير إن الطلب كبير، مستبعدا أن ترتفع الأسعار قريبا.")
    assert got == [("قال", "الوزير", "الطلب كبير"), ("مستبعدا", "الوزير", "ترتفع الأسعار قريبا")]
    assert _quotes("واستبعد المدرب اللاعب من قائمة المباراة المقبلة.") == []  # excluded from the squad


def test_a_negated_imperfect_cue_keeps_its_subject_before_it() -> None:
    got = _quotes("ولم تعرف أسباب الحريق، لكن الخبراء لا يستبعدون أن يكون الحادث متعمدا.")
    assert got == [("يستبعدون", "الخبراء", "يكون الحادث متعمدا")]


def test_a_linking_phrase_glued_before_the_verb_keeps_the_statement_subject() -> None:
    # "من جهتها أصدرت X بيانا أكدت فيه أنها …" with no comma: X's statement, not the last speaker's
    got = _quotes("وقال رئيس اللجنة إن الموسم صعب. من جهتها أصدرت إدارة النادي بيانا أكدت فيه أنها ستدفع الرواتب قريبا.")
    assert got[1] == ("أكدت", "إدارة النادي", "ستدفع الرواتب قريبا")
    got = _quotes("وقال رئيس اللجنة إن الموسم صعب. بدوره أصدر الاتحاد بيانا أكد فيه أنه سيعاقب المخالفين.")
    assert got[1] == ("أكد", "الاتحاد", "سيعاقب المخالفين")
