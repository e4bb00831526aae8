"""Quote rules from the fresh real-news batch rn808–rn815 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_company_named_in_quotation_marks_is_the_antecedent() -> None:
    # "الشركة" refers back to "شركة “نجمة”": the marks around the name are no obstacle
    got = _quotes("سجلت شركة “نجمة” أرباحا كبيرة. وذكرت الشركة أن الأرباح زادت.")
    assert got == [("ذكرت", "شركة “نجمة”", "الأرباح زادت")]
    got = _quotes("قالت شركة «نجمة» الوطنية إن الأرباح زادت. وذكرت الشركة أن المبيعات زادت.")
    assert [sp for _, sp, _ in got] == ["شركة «نجمة» الوطنية"] * 2


def test_body_head_is_a_source_after_according() -> None:
    got = _quotes("وارتفعت المبيعات إلى مليار دولار، بحسب شركة نجمة.")
    assert got == [("بحسب", "شركة نجمة", "وارتفعت المبيعات إلى مليار دولار")]
    got = _quotes("سجلت شركة “نجمة” أرباحا. وارتفعت المبيعات إلى مليار دولار، بحسب الشركة.")
    assert got[-1][:2] == ("بحسب", "شركة “نجمة”")


def test_according_phrase_before_a_cue_names_the_carrier() -> None:
    # "وبحسب «X» ذكرت الشركة أن …": one quote, the company's; the agency only carried it
    got = _quotes("وبحسب «رويترز» ذكرت الشركة أمس أن الأرباح زادت.")
    assert got == [("ذكرت", "الشركة", "الأرباح زادت")]
    # after content, a relative clause's cue still leaves the phrase its own quote
    got = _quotes("وارتفعت المبيعات، وفق صحيفة الأمة التي قالت إن الأرقام صحيحة.")
    assert [c for c, _, _ in got] == ["وفق", "قالت"]


def test_short_quotation_right_after_the_cue_is_speech() -> None:
    got = _quotes("وقال الوزير سالم العلي إن الخطة جاهزة. وأضاف «سنبدأ قريبا».")
    assert got[-1] == ("أضاف", "سالم العلي", "سنبدأ قريبا")
    got = _quotes("وقال الوزير سالم العلي إن الخطة جاهزة، مضيفا «العمل مستمر».")
    assert got[-1] == ("مضيفا", "سالم العلي", "العمل مستمر")
    # a one-word pair is still a name, and a short name the clause goes on from is no quotation
    got = _quotes("وأضاف «الهلال» في بيانه أن الفريق جاهز.")
    assert all(c != "الهلال" for _, _, c in got)
