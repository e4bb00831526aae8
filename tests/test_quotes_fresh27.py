"""Quote rules from the fresh real-news batch rn1000–rn1007 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_name_after_an_honorific_is_the_speaker_not_the_title() -> None:
    # "description, honorific, name": the person after الشيخ speaks, whatever the tagger made of "شيخ قبيلة"
    got = _quotes("وفي هذا الإطار، أكد شيخ قبيلة بني سالم الشيخ حمد بن علي الراشد أن الأمن مستتب في القرى.")
    assert got == [("أكد", "حمد بن علي الراشد", "الأمن مستتب في القرى")]
    got = _quotes("وأوضح مدير الجامعة الدكتور حمد الراشد أن الدراسة تبدأ غدا.")
    assert got == [("أوضح", "حمد الراشد", "الدراسة تبدأ غدا")]


def test_honorific_inside_a_name_opens_no_name() -> None:
    got = _quotes("وقال عبد الأمير الزبيدي إن الوضع هادئ.")
    assert got == [("قال", "عبد الأمير الزبيدي", "الوضع هادئ")]


def test_feminine_ending_after_a_name_is_no_possessive() -> None:
    # the ة of "قبيلة" folds like the pronoun ه: after a one-word mention ("شيخ") it must not end
    # the subject as "أكد X سعادته" does, or the speaker is the title alone
    got = _quotes("وأكد شيخ قبيلة بني سالم الشيخ حمد بن علي الراشد أن الأمن مستتب.")
    assert got == [("أكد", "حمد بن علي الراشد", "الأمن مستتب")]
    # a real possessive after a name still ends it
    got = _quotes("وأكد الوزير سالم الحربي سعادته بأن المشروع اكتمل.")
    assert all(sp == "سالم الحربي" for _, sp, _ in got)
