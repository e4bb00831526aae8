"""Quote rules from the fresh real-news batch rn1290–rn1297 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_an_indefinite_report_before_a_perfect_cue_is_the_speaker() -> None:
    # "بعد تقارير … أشارت إلى …": the reports said it, not the speaker quoted before
    got = _quotes(
        "وقال المتحدث باسم الجيش سامر الحداد إن القوات تقدمت نحو المدينة."
        " ويأتي ذلك بعد تقارير صحفية أشارت إلى انسحاب المسلحين من الأحياء الشرقية."
    )
    assert [(cue, who) for cue, who, _ in got] == [("قال", "سامر الحداد"), ("أشارت", "تقارير صحفية")]
    # the imperfect form kept its reading
    got = _quotes("وظهرت تقارير تفيد بأن المصنع سيغلق أبوابه.")
    assert [(cue, who) for cue, who, _ in got] == [("تفيد", "تقارير")]


def test_the_company_of_a_share_named_in_the_sentence_speaks_as_alshareka() -> None:
    # a market report names the company after سهم; "الشركة" is that company, not the one quoted before
    got = _quotes(
        "وقالت شركة النخيل للاستثمار إن أرباحها ارتفعت. وتراجع سهم مصنع الواحة للألبان 2%، بعدما أعلنت"
        " الشركة عن خسائر في الربع الثاني."
    )
    assert [(cue, who) for cue, who, _ in got] == [
        ("قالت", "شركة النخيل للاستثمار"),
        ("أعلنت", "مصنع الواحة للألبان"),
    ]
    # "السهم" followed by a figure names no company: the earlier company goes on
    got = _quotes(
        "وقالت شركة النخيل للاستثمار إن أرباحها ارتفعت. وارتفع السهم 3%، بعدما أعلنت الشركة عن توزيع أرباح."
    )
    assert [who for _, who, _ in got] == ["شركة النخيل للاستثمار", "شركة النخيل للاستثمار"]
