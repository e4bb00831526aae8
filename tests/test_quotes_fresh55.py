"""Quote rules of the short round on nested statements and two reading bugs (issue 12;
docs/benchmarks/realnews_fresh.md, "Quotes: a statement nested inside another quote").

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_nested_statement_in_quotation_subject_first() -> None:
    # inside the presidency's quotation the meeting's own statement (E2), subject first, noun object
    got = _quotes("وقالت الرئاسة في بيانها: «الاجتماع أكد ضرورة توحيد الصف الوطني».")
    assert [(c, sp) for c, sp, _ in got] == [("قالت", "الرئاسة"), ("أكد", "الاجتماع")]
    assert got[1][2] == "ضرورة توحيد الصف الوطني"  # stops at the closing mark


def test_nested_subject_with_relative_clause() -> None:
    # the relative clause's verb ("عقد أمس") is no speaker: the subject ends at الذي
    got = _quotes("وقالت الرئاسة في بيانها: «الاجتماع الذي عقد أمس أكد أن توحيد الصف ضرورة».")
    assert got[1][:2] == ("أكد", "الاجتماع")
    assert got[1][2] == "توحيد الصف ضرورة"
    got = _quotes("وقالت الرئاسة إن «الاجتماع الذي خصص لبحث الأزمة، أكد أهمية توحيد الصف الوطني».")
    assert [(c, sp) for c, sp, _ in got] == [("قالت", "الرئاسة"), ("أكد", "الاجتماع")]


def test_nested_statement_in_indirect_content() -> None:
    # after أن, a subject-first report with a preposition or a noun object is its own quote
    got = _quotes("وأضاف البيان أن الوزيرة شددت على ضرورة تعزيز التعاون بين البلدين.")
    assert [(c, sp) for c, sp, _ in got] == [("أضاف", "البيان"), ("شددت", "الوزيرة")]
    got = _quotes("وقالت الرئاسة إن الاجتماع أكد ضرورة توحيد الصف الوطني.")
    assert got[1][:2] == ("أكد", "الاجتماع")
    got = _quotes("وأشارت الصحيفة إلى أن مسلحا من الجماعة تعهد باستخدام كل الوسائل.")
    assert got[1][:2] == ("تعهد", "مسلحا من الجماعة")


def test_nested_description_is_not_the_reporter() -> None:
    # "السيناتورة" inside the statement's content names whom it reports, not the statement itself
    got = _quotes("وأضاف البيان أن السيناتورة شددت على ضرورة مساهمة البلدين في الجهود.")
    assert [(c, sp) for c, sp, _ in got] == [("أضاف", "البيان"), ("شددت", "السيناتورة")]


def test_nested_controls() -> None:
    # a zero-subject cue inside reported words is still the reporter's (no nested quote) …
    got = _quotes("وقال الوزير إن الحكومة لا تزال تشدد على دعمها للمزارعين.")
    assert [c for c, _, _ in got] == ["قال"]
    # … and so is a present form describing a document ("ينص")
    got = _quotes("وأوضح المحامي أن العقد ينص على دفع المبلغ كاملا.")
    assert [c for c, _, _ in got] == ["أوضح"]
    # a quotation with no statement inside stays one quote
    got = _quotes("وقالت الرئاسة: «توحيد الصف الوطني ضرورة للجميع».")
    assert [(c, sp) for c, sp, _ in got] == [("قالت", "الرئاسة")]


def test_adverb_after_cue_is_no_speaker() -> None:
    # "لاحقا" (later) after a subject-first cue is an adverb, the subject before the cue speaks
    got = _quotes("غير أن المصادر الأمنية أوضحت لاحقا أن المتهم غادر البلاد قبل أسبوع.")
    assert [(c, sp) for c, sp, _ in got] == [("أوضحت", "المصادر الأمنية")]
    got = _quotes("وأوضحت المصادر الأمنية لاحقا أن المتهم غادر البلاد.")
    assert [sp for _, sp, _ in got] == ["المصادر الأمنية"]
    # control: another adverb already listed
    got = _quotes("غير أن المصادر الأمنية أوضحت مؤخرا أن المتهم غادر البلاد.")
    assert [sp for _, sp, _ in got] == ["المصادر الأمنية"]


def test_verbal_noun_after_preposition_is_no_cue() -> None:
    # "إلى نقل نظام التحكيم": the verbal noun "transfer", not the verb نقل, before a quotation
    got = _quotes("ودعا رئيس اللجنة إلى نقل نظام التحكيم إلى الاتحاد الآسيوي «حتى تتحقق العدالة للجميع».")
    assert [(c, sp) for c, sp, _ in got] == [("دعا", "رئيس اللجنة")]
    got = _quotes("وأشار المدرب إلى نقل نظام التحكيم «الذي أصبح عبئا على الأندية».")
    assert [c for c, _, _ in got] == ["أشار"]
    # control: the verb نقل still relays a statement
    got = _quotes("ونقل التلفزيون الرسمي عن الوزير قوله إن الخطة جاهزة.")
    assert "نقل" in [c for c, _, _ in got]
