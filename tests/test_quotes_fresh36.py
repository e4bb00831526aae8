"""Quote rules from the fresh real-news batch rn1180–rn1187 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_instead_is_an_adverb_not_the_speaker() -> None:
    # "لكنه أعلن بدلا من ذلك عن …": the pronoun subject goes on, "instead" is no speaker
    got = _quotes("قال الرئيس سامر الخالدي إن الوضع مستقر. لكنه أعلن بدلا من ذلك عن خطة لدعم المزارعين.")
    assert got == [("قال", "سامر الخالدي", "الوضع مستقر"), ("أعلن", "سامر الخالدي", "خطة لدعم المزارعين")]


def test_a_participle_after_a_prepositional_noun_describes_it() -> None:
    # "بتكلفة متوقعة تصل إلى …": the expected cost, nobody's statement
    assert _quotes("ووافقت الوزارة على شراء معدات بتكلفة متوقعة تصل إلى مليون ريال.") == []
    assert _quotes("ووقعت الشركة عقدا بقيمة متوقعة تتجاوز مليار ريال.") == []
    # a circumstantial participle after a clause still reports, and so does the accusative one
    got = _quotes("وأنهت شركة النور العام بأرباح كبيرة، متوقعة أن ترتفع المبيعات.")
    assert [c for c, _, _ in got] == ["متوقعة"]
    got = _quotes("وختم المدير سعد الحربي حديثه بتفاؤل متوقعا أن ينتهي المشروع قريبا.")
    assert got == [("متوقعا", "سعد الحربي", "ينتهي المشروع قريبا")]


def test_amma_x_faqad_gives_the_fronted_speaker() -> None:
    # "أما X فقد برر غيابه بأنه …": X justified it, "غيابه" is the verb's object
    got = _quotes("وقال المدرب سعد الشهري إن الفريق جاهز. أما اللاعب فهد الحربي فقد برر غيابه بأنه كان مريضا.")
    assert got == [("قال", "سعد الشهري", "الفريق جاهز"), ("برر", "فهد الحربي", "كان مريضا")]
    # after a quotation's closing mark in the same sentence
    got = _quotes("وكتب المغرد سالم «هذا غير مقبول!» أما الكاتب ماجد العنزي فقد برر القرار بأنه ضروري.")
    assert ("برر", "ماجد العنزي", "ضروري") in got


def test_it_is_what_x_said_reports_the_clause_before_it() -> None:
    # "…، وهو ما أكده X": a pronoun, like a demonstrative, points back at the clause
    got = _quotes("ستنخفض أسعار الأسماك خلال الصيف، وهو ما أكده المتحدث باسم وزارة الزراعة سعد القحطاني.")
    assert got == [("أكده", "سعد القحطاني", "ستنخفض أسعار الأسماك خلال الصيف")]
    assert _quotes("وتراجعت المبيعات كثيرا، وهو ما يعني خسائر كبيرة.") == []
