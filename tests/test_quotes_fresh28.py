"""Quote rules from the fresh real-news batch rn1020–rn1027 and the classes earlier rounds left
open (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_time_adverb_between_cue_and_subject_is_skipped() -> None:
    got = _quotes("وأوضح أمس الخميس سالم الحربي مدير الإدارة بأن العمل بدأ.")
    assert got == [("أوضح", "سالم الحربي", "العمل بدأ")]
    got = _quotes("وقال مساء أمس مصدر أمني إن الطريق أغلق.")
    assert got == [("قال", "مصدر أمني", "الطريق أغلق")]
    # with no speaker after the day, the subject stays elided: nothing is invented
    got = _quotes("وأكد اليوم أن العمل بدأ.")
    assert all(sp != "اليوم" for _, sp, _ in got)


def test_particle_opens_no_speaker() -> None:
    got = _quotes("وقد يعتقد ولو للحظة واحدة أننا سننسحب من السوق.")
    assert all(not sp.startswith("ولو") for _, sp, _ in got)
    # the name علي folds like the preposition على: a name is still a speaker
    assert _quotes("وقال علي إن الطريق مفتوح.") == [("قال", "علي", "الطريق مفتوح")]


def test_one_of_a_group_is_a_source() -> None:
    got = _quotes("وأيد النواب المشروع، بحسب ما أعلن أحد النواب، لكن عددهم قليل.")
    assert got == [("بحسب", "أحد النواب", "وأيد النواب المشروع")]
    got = _quotes("وانقطع التيار ساعتين بحسب أحد السكان.")
    assert got == [("بحسب", "أحد السكان", "وانقطع التيار ساعتين")]


def test_so_that_after_the_source_opens_the_content() -> None:
    got = _quotes('قال مصدر عسكري إن "القوات دخلت القرية"، وبحسب المصدر فانه "تم إغلاق الطريق أمام السيارات".')
    assert got == [("قال", "مصدر عسكري", "القوات دخلت القرية"), ("بحسب", "مصدر عسكري", "تم إغلاق الطريق أمام السيارات")]
    assert _quotes("وبحسب المصدر فإنه تم إغلاق الطريق.") == [("بحسب", "المصدر", "تم إغلاق الطريق")]


def test_source_ends_before_in_exchange_for() -> None:
    got = _quotes("وسترفع القيود عن الموانئ بحسب ما ينص عليه الاتفاق مقابل خطوات من الجانب الآخر.")
    assert [sp for _, sp, _ in got] == ["الاتفاق"]


def test_imperfect_cue_before_a_quotation_goes_on() -> None:
    got = _quotes("وقال الوزير سالم: «الوضع جيد»، ويضيف «هذا يوم جميل للجميع».")
    assert got == [("قال", "سالم", "الوضع جيد"), ("يضيف", "سالم", "هذا يوم جميل للجميع")]
    # the writer's own "ويذكر أن" takes no quotation and stays no report
    got = _quotes("وقال الوزير سالم إن الوضع جيد. ويذكر أن المشروع بدأ قبل عامين.")
    assert got == [("قال", "سالم", "الوضع جيد")]


def test_group_subject_before_plural_imperfect_cue() -> None:
    got = _quotes("لكن بعض أعضاء البرلمان يرون أنه ضروري ويجب أن يستمر.")
    assert got == [("يرون", "بعض أعضاء البرلمان", "ضروري ويجب أن يستمر")]


def test_detached_pronoun_is_no_speaker_name() -> None:
    got = _quotes("فهم بحسب قولهم يرون أن الطريق مغلق.")
    assert all(not sp.startswith("فهم") for _, sp, _ in got)


def test_imam_is_not_the_preposition_in_front_of() -> None:
    got = _quotes("وقال إمام المسجد الشيخ سالم الحربي إن الصلاة تقام في موعدها.")
    assert got == [("قال", "سالم الحربي", "الصلاة تقام في موعدها")]
    # the preposition itself still opens an adjunct, not a speaker
    assert all(sp != "أمام الحضور" for _, sp, _ in _quotes("وقال أمام الحضور إن الصلاة تقام في موعدها."))


def test_feminine_object_of_a_masculine_call_is_no_speaker() -> None:
    got = _quotes("وقال الوزير سالم الحربي إن الوضع صعب. ودعا وكالة الإغاثة الدولية إلى تقديم المساعدة للسكان.")
    assert got[-1] == ("دعا", "سالم الحربي", "تقديم المساعدة للسكان")
    # a feminine cue agrees with its feminine subject; a masculine name in ة is still the subject
    assert _quotes("ودعت وكالة الإغاثة الدولية إلى تقديم المساعدة.")[0][1] == "وكالة الإغاثة الدولية"
    assert _quotes("ودعا أسامة الحربي إلى الهدوء.")[0][1] == "أسامة الحربي"
