"""Quote rules of the rn1520 round (docs/benchmarks/realnews_fresh.md, "Quotes: the errors of
the two fresh batches").

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes

_FIRST = "قال مدير المرور سعد الحربي إن الحملة ستستمر. "


def test_going_on_cue_before_a_preposition_phrase() -> None:
    # "وأضاف" opens its sentence, names no subject and is followed at once by the clause:
    # the last speaker goes on and what he said starts right after the cue
    got = _quotes(_FIRST + "وأضاف في كل مراحل الحملة نراعي سلامة السائقين.")
    assert got[1] == ("أضاف", "سعد الحربي", "في كل مراحل الحملة نراعي سلامة السائقين")


def test_going_on_cue_before_an_imperfect_verb_is_no_speaker() -> None:
    # "يعتبر" right after "وأفاد" is a verb of the content, never the speaker, and the two
    # continuations after it stay with the official
    got = _quotes(_FIRST + "وأفاد يعتبر الالتزام بالأنظمة واجبا على الجميع. وشدد على أهمية الوعي. "
                  "وأشار إلى أن المخالفات تراجعت.")  # fmt: skip
    assert got[1] == ("أفاد", "سعد الحربي", "يعتبر الالتزام بالأنظمة واجبا على الجميع")
    assert [sp for _, sp, _ in got] == ["سعد الحربي"] * 4


def test_going_on_cue_with_its_subject_named_keeps_it() -> None:
    # control: a title or a name after the cue is its subject, as before
    got = _quotes(_FIRST + "وأضاف المدير أن الحملة تشمل كل الطرق.")
    assert got[1] == ("أضاف", "سعد الحربي", "الحملة تشمل كل الطرق")
    got = _quotes(_FIRST + "وأضاف يوسف العنزي أن الطرق مزدحمة.")
    assert got[1][1] == "يوسف العنزي"


def test_confirmed_with_dhalika_quotes_the_statement_before() -> None:
    # decision 6a: "أكد ذلك X" after a sentence with no source makes that sentence X's words,
    # and "وأشار إلى أن" after it goes on with X
    text = ("ارتفعت أسعار النفط بنسبة كبيرة خلال الأسبوع الماضي بسبب الطلب. "
            "أكد ذلك وزير الطاقة خالد العمري. وأشار إلى أن الأسعار ستستقر.")  # fmt: skip
    assert _quotes(text) == [
        ("أكد", "خالد العمري", "ارتفعت أسعار النفط بنسبة كبيرة خلال الأسبوع الماضي بسبب الطلب"),
        ("أشار", "خالد العمري", "الأسعار ستستقر"),
    ]


def test_confirmed_after_a_sourced_statement_adds_nothing() -> None:
    # control: the sentence before already has its speaker; "أكد ذلك" opens no second quote of it
    text = "قال المدرب سالم العتيبي إن الفريق جاهز. أكد ذلك اللاعب فهد القحطاني."
    got = _quotes(text)
    assert [(c, s) for c, s, _ in got] == [("قال", "سالم العتيبي")]


def test_ministry_anaphor_skips_a_ministry_that_did_not_speak() -> None:
    # "الوزارة" is the ministry that spoke, not one named in a list of its content (لوزارة …)
    text = ("قالت وزارة الصحة إن حملة التطعيم بدأت، وشملت الحملة: 1- مدارس تابعة لوزارة التعليم. "
            "2- مراكز أخرى. وأوضحت الوزارة أن الحملة مستمرة.")  # fmt: skip
    assert [sp for _, sp, _ in _quotes(text)] == ["وزارة الصحة", "وزارة الصحة"]
    text = "قالت وزارة الصحة إن وزارة الداخلية ستساعد في نقل اللقاحات. وأضافت الوزارة أن الحملة مستمرة."
    assert [sp for _, sp, _ in _quotes(text)] == ["وزارة الصحة", "وزارة الصحة"]


def test_ministry_anaphor_takes_the_nearest_ministry_that_spoke() -> None:
    # control: another ministry that spoke in between is the nearer antecedent
    text = ("أعلنت وزارة الصحة أن الحملة بدأت. ثم أعلنت وزارة التعليم تأجيل الدراسة. "
            "وأوضحت الوزارة أن القرار مؤقت.")  # fmt: skip
    assert [sp for _, sp, _ in _quotes(text)] == ["وزارة الصحة", "وزارة التعليم", "وزارة التعليم"]
