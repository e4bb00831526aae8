"""Quote rules from the fresh real-news batch rn1330–rn1337 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_a_time_expression_after_the_subject_of_a_nominal_report_is_skipped() -> None:
    # "أعلن X قبل أيام Y": the time says when it was announced; the noun after it is what
    got = _quotes("أعلن نادي الشباب قبل أيام تعاقده مع المهاجم سالم الحربي.")
    assert got == [("أعلن", "نادي الشباب", "تعاقده مع المهاجم سالم الحربي")]
    # a time alone after the subject is still no content
    assert _quotes("وأعلنت الوزارة الأسبوع الماضي.") == []


def test_a_gloss_in_parentheses_after_the_subject_is_no_content() -> None:
    # "أعلن الاتحاد … (فيفا) إيقاف …": the acronym names the subject again
    got = _quotes("أعلن الاتحاد الآسيوي لكرة القدم (الآسيوي) اليوم إيقاف اللاعب سالم الحربي ثلاث مباريات.")
    assert [(cue, who) for cue, who, _ in got] == [("أعلن", "الاتحاد الآسيوي لكرة القدم")]
    assert got[0][2].startswith("إيقاف اللاعب")


def test_a_nominal_cue_after_kana_and_its_subject_reports_its_object() -> None:
    # "وكان X قد أعلن + time + verbal noun": the subject stands before the cue, the noun is what
    got = _quotes("وكان النادي قد أعلن الأسبوع الماضي تجديده عقد المدافع لموسمين.")
    assert got == [("أعلن", "النادي", "تجديده عقد المدافع لموسمين")]
    got = _quotes("وكان التحالف أعلن أمس هدنة تبدأ يوم الأحد.")
    assert [(cue, who) for cue, who, _ in got] == [("أعلن", "التحالف")]
    # a time alone after the cue is no content
    assert _quotes("وكان النادي قد أعلن الأسبوع الماضي.") == []

