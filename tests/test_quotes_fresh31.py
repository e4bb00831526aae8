"""Quote rules from the fresh real-news batch rn1080–rn1087 and the classes earlier rounds left
open (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_a_wish_with_a_noun_and_a_joined_clause_is_reported() -> None:
    # "متمنيا للجميع التوفيق وأن …": the wished noun and the clause joined to it are the content
    got = _quotes("وهنأ المدير خالد العمري الموظفين بالعيد، متمنيا للجميع دوام النجاح وأن يعود العيد عليهم بالخير.")
    assert got == [("متمنيا", "خالد العمري", "للجميع دوام النجاح وأن يعود العيد عليهم بالخير")]
    # a prayer: God, whom it addresses, is not what is asked
    got = _quotes("وعقب الصلاة، قدم الأمير سعد بن فهد تعازي ومواساة الملك لأسر الضحايا، سائلا الله تعالى للراحلين الرحمة، "
                  "وأن يلهم ذويهم الصبر.")  # fmt: skip
    assert got == [("سائلا", "سعد بن فهد", "للراحلين الرحمة، وأن يلهم ذويهم الصبر")]
    # a wish with a noun alone stays no report (realnews E3)
    assert _quotes("وقال الوزير سعد القحطاني إن الخطة جاهزة، متمنيا للفريق التوفيق.") == [
        ("قال", "سعد القحطاني", "الخطة جاهزة")
    ]
    # a clause right after the wish is read as before
    got = _quotes("وشكر المدير خالد العمري الحضور، متمنيا أن تتكرر اللقاءات.")
    assert got == [("متمنيا", "خالد العمري", "تتكرر اللقاءات")]


def test_a_time_after_the_subject_is_not_what_was_announced() -> None:
    # "كما أعلنت الوزارة الأسبوع الماضي.": the words before it are the announcement, not the time
    got = _quotes("وتوفي الرجل في مستشفى بالعاصمة، كما أعلنت وزارة الداخلية الاسبوع الماضي.")
    assert len(got) == 1
    cue, speaker, content = got[0]
    assert cue == "كما" and speaker.startswith("وزارة الداخلية")
    assert content == "وتوفي الرجل في مستشفى بالعاصمة"
    # a real nominal report after the subject is kept
    got = _quotes("وأعلنت وزارة الداخلية أمس القبض على ثلاثة مهربين.")
    assert got == [("أعلنت", "وزارة الداخلية", "القبض على ثلاثة مهربين")]


def test_an_intelligence_service_is_a_source() -> None:
    got = _quotes("وتوفي الرجل في مستشفى بالعاصمة، كما ذكرت الاستخبارات.")
    assert got == [("كما", "الاستخبارات", "وتوفي الرجل في مستشفى بالعاصمة")]

