"""Quote rules from the fresh real-news batch rn1260–rn1267 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_a_topic_bound_by_idh_speaks_for_the_purpose_cue_and_the_verb_joined_to_it() -> None:
    # "X إذ تعلن ذلك لتؤكد …، وتحذر …": the noun before إذ is the speaker of both statements
    got = _quotes(
        "ووزارة الصحة إذ تعلن ذلك لتؤكد للجميع حرص الحكومة على سلامة المرضى وتحذر في الوقت ذاته"
        " كل من يخالف التعليمات بأن العقوبة ستطاله."
    )
    assert [(cue, who) for cue, who, _ in got] == [("لتؤكد", "وزارة الصحة"), ("تحذر", "وزارة الصحة")]
    assert "وتحذر" not in got[0][2]  # the first statement ends where the joined verb begins
    # the bound clause itself (إذ تعلن ذلك) frames the statement, it reports nothing
    got = _quotes("والوزارة إذ تعلن ذلك لتؤكد أن الحكومة حريصة على سلامة المرضى.")
    assert got == [("لتؤكد", "الوزارة", "الحكومة حريصة على سلامة المرضى")]


def test_a_purpose_cue_after_a_plain_sentence_takes_its_subject() -> None:
    got = _quotes("ووقف الوزير خالد السالم أمام الحضور ليؤكد أن الخطة جاهزة.")
    assert got == [("ليؤكد", "خالد السالم", "الخطة جاهزة")]


def test_a_statement_issued_about_a_matter_is_a_nominal_report() -> None:
    got = _quotes("أصدرت وزارة الصحة اليوم بيانًا حول إغلاق مستشفى في المدينة.")
    assert got == [("أصدرت", "وزارة الصحة", "إغلاق مستشفى في المدينة")]
    # a decision issued about a matter is an act, not a statement
    assert _quotes("أصدرت المحكمة قرارا بشأن إغلاق المستشفى.") == []


def test_a_bare_source_noun_goes_back_to_the_unnamed_source_before_it() -> None:
    # "وأكد المصدر" after "مصادر مطلعة" (or "مسؤول …"): the same unnamed source
    got = _quotes("أفادت مصادر مطلعة أن الوفد وصل إلى العاصمة. وأكد المصدر أن المحادثات تبدأ غدا.")
    assert [(cue, who) for cue, who, _ in got] == [("أفادت", "مصادر مطلعة"), ("أكد", "مصادر مطلعة")]
    got = _quotes("وقال مسؤول في وزارة المالية إن الميزانية جاهزة. وأضاف المصدر أن العجز تراجع.")
    assert [who for _, who, _ in got] == ["مسؤول في وزارة المالية", "مسؤول في وزارة المالية"]
