"""Quote rules from the fresh real-news batch rn752–rn759 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes

_LONG = "«سنبدأ التنفيذ في الأسابيع المقبلة بعد اكتمال الدراسات»"


def test_participle_after_a_finite_cue_is_no_subject() -> None:
    # "وتابعت قائلة «…»": قائلة repeats the cue; the zero subject continues the speaker before
    got = _quotes(f"وقالت الوزيرة هند العلي إن الخطة جاهزة. وتابعت قائلة {_LONG}.")
    assert got[-1][:2] == ("تابعت", "هند العلي")
    got = _quotes("وقال الوزير خالد العلي إن الخطة جاهزة. وأضاف قائلا إن التنفيذ سيبدأ قريبا.")
    assert got[-1] == ("أضاف", "خالد العلي", "التنفيذ سيبدأ قريبا")
    # a named subject after the cue is unchanged
    got = _quotes("وقال الوزير خالد العلي إن الخطة جاهزة. وأضاف المتحدث باسم الوزارة سعد الحربي أن التنفيذ سيبدأ قريبا.")
    assert got[-1][:2] == ("أضاف", "سعد الحربي")
