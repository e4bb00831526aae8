"""Quote rules from the fresh real-news batch rn1040–rn1047 and the classes earlier rounds left
open (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_a_body_name_holding_a_preposition_does_not_end_the_speaker() -> None:
    # "عن" of "النهي عن الإسراف" is the body's name, not the "عن" that كشف takes
    got = _quotes("كشف رئيس جمعية النهي عن الإسراف بالمحافظة خالد الزهراني، عن وقوع حادث سير، "
                  "مؤكداً أن السائق فر.")  # fmt: skip
    assert got == [("كشف", "خالد الزهراني", "وقوع حادث سير"), ("مؤكداً", "خالد الزهراني", "السائق فر")]


def test_notary_is_a_title_before_the_name() -> None:
    got = _quotes("كشف كاتب العدل في المحافظة خالد الزهراني، عن وقوع حادث سير.")
    assert got == [("كشف", "خالد الزهراني", "وقوع حادث سير")]


def test_an_existential_ends_the_source_of_an_attribution() -> None:
    assert _quotes("وبحسب الدراسة هناك تراجع في عدد الزوار.") == [("بحسب", "الدراسة", "هناك تراجع في عدد الزوار")]
    got = _quotes("ووفقا للشرطة هنالك ثلاثة مصابين.")
    assert len(got) == 1 and got[0][2] == "هنالك ثلاثة مصابين" and "هنالك" not in got[0][1]


def test_a_verb_followed_by_an_adjunct_has_no_written_subject() -> None:
    got = _quotes("وأكد المدير سعد القحطاني أن العمل مستمر. وقدم في ختام كلمته الشكر للعاملين سائلا الله أن يوفقهم.")
    assert got == [("أكد", "سعد القحطاني", "العمل مستمر"), ("سائلا", "سعد القحطاني", "يوفقهم")]
    # a name after the adjunct is still the verb's subject
    got = _quotes("وأكد المدير سعد القحطاني أن العمل مستمر. وقدم في ختام الحفل مدير التعليم خالد الزهراني الشكر "
                  "للعاملين سائلا الله أن يوفقهم.")  # fmt: skip
    assert got[-1] == ("سائلا", "خالد الزهراني", "يوفقهم")


def test_the_suspect_is_no_name() -> None:
    got = _quotes("واتهمت الشرطة المشتبه به بسرقة المحل.")
    assert len(got) == 1 and got[0][1].startswith("الشرطة")


def test_pronoun_forms_of_accuse() -> None:
    got = _quotes("وقال اللاعب سعد القحطاني إنه بريء. واستقال القحطاني من منصبه، بعد أن نشرت صحيفة «الأخبار» الصورة "
                  "واتهمته بتعاطي المخدرات.")  # fmt: skip
    assert got[-1][0] == "اتهمته" and got[-1][1].startswith("صحيفة «الأخبار»") and got[-1][2].endswith("بتعاطي المخدرات")
    got = _quotes("وهاجمت الحركة الحكومة، متهمة إياها بالتعاون مع الخصوم.")
    assert [c for c, _, _ in got] == ["متهمة إياها"] and got[0][1].startswith("الحركة")


def test_a_relative_whose_pronoun_the_cue_carries_is_not_the_speaker() -> None:
    got = _quotes("وانتقد الوزير خالد العمري الشركة التي اتهمها بالتقصير.")
    assert got == [("اتهمها", "خالد العمري", "بالتقصير")]
    # another pronoun leaves the body before the relative as the speaker, as before
    assert all(sp != "الشركة" for _, sp, _ in got)


def test_a_possessed_body_is_a_speaker() -> None:
    got = _quotes("وخفضت الحكومة سعر العملة اليوم فيما وصفه بنكها المركزي بأنه إجراء مؤقت.")
    assert got == [("وصفه", "بنكها المركزي", "إجراء مؤقت")]


def test_a_participle_clause_before_the_verbs_quotation() -> None:
    got = _quotes("وقال سالم الحربي، المتحدث باسم الشرطة، في بيان، مشيرا إلى أن الوضع هادئ: «لن نسمح بأي تجاوز».")
    assert got == [("قال", "سالم الحربي", "لن نسمح بأي تجاوز"), ("مشيرا", "سالم الحربي", "الوضع هادئ")]
    # without a quotation the apposed title after the comma is never what was said
    got = _quotes("وقال سالم الحربي، المتحدث باسم الشرطة، في بيان، مشيرا إلى أن الوضع هادئ.")
    assert got == [("مشيرا", "سالم الحربي", "الوضع هادئ")]
