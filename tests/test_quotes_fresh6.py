"""Regression tests for quote patterns met on the fresh dev batch rn500–rn511 (an ordinary
news mix: columns, tweets, wire stories).

The sentences are our own, written to show each pattern; the articles are not copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_a_preposition_with_its_pronoun_is_no_speaker() -> None:
    """``اعترفت أمامكم ذات يوم``: the writer's own words; "before you, one day" names nobody."""
    assert _quotes("اعترفت أمامكم ذات يوم بأن الفريق يحتاج إلى مهاجم.") == []


def test_a_manner_adverbial_is_no_speaker() -> None:
    assert _quotes("حذرت بطريقة واضحة من مغبة التعاقد مع المدرب الجديد.") == []


def test_a_leading_dash_does_not_hide_a_fronted_adjunct() -> None:
    """``ـ في مقال سابق حذرت``: a column's bullet; the prepositional phrase is no subject."""
    assert _quotes("ـ في مقال سابق حذرت من مغبة التعاقد مع المدرب الجديد.") == []


def test_a_dash_before_a_real_subject_still_reads_it() -> None:
    """Guard (passes before too): a bulleted report keeps its speaker."""
    got = _quotes("- في بيان رسمي أكدت الوزارة أن الفريق يحتاج إلى مهاجم.")
    assert [(s, c) for _, s, c in got] == [("الوزارة", "الفريق يحتاج إلى مهاجم")]


def test_first_person_confession_is_the_writers_own() -> None:
    """``أعترف`` ("I confess") folds onto اعترف; it never continues the coach's words."""
    got = _quotes("قال المدرب سعيد القحطاني إن الفريق يحتاج إلى وقت.\nـ أعترف بأنني تحفظت على قرار الاستغناء عن المدرب السابق.")
    assert [c for c, _, _ in got] == ["قال"]


def test_a_question_is_no_subject() -> None:
    """``كيف غاب عنهم تذكر أن``: تذكر is "remembering" in a question the column asks."""
    assert _quotes("كيف غاب عنهم تذكر أن الفريق يحتاج إلى مهاجم؟") == []


def test_the_same_source_stays_a_speaker() -> None:
    """Guard for ``ذات يوم``: ``ذات المصدر`` (the same source) is still the speaker."""
    got = _quotes("وقال ذات المصدر إن الفريق يحتاج إلى مهاجم.")
    assert [(s, c) for _, s, c in got] == [("ذات المصدر", "الفريق يحتاج إلى مهاجم")]


def test_a_named_player_in_a_relative_clause_reports() -> None:
    """``المهاجم فابيان الذي أكد أن``: a name without the article after a title is a person,
    and the relative clause reports his words; the participle after it goes on with him."""
    got = _quotes(
        "تحسنت الروح لدى اللاعبين وتحديدا المدافع والاورجواني فابيان الذي اكد في تصريح قصير عقب المران أمس "
        "أن الفريق بات جاهزا للمباراة، مؤكدا أن المدرب أحسن الإعداد."
    )
    assert [(s, c) for _, s, c in got] == [
        ("فابيان", "الفريق بات جاهزا للمباراة"),
        ("فابيان", "المدرب أحسن الإعداد"),
    ]


def test_a_relative_clause_of_a_thing_is_no_report() -> None:
    """Guard: ``المشروع الذي أعلن أن`` has no person before the pronoun."""
    assert _quotes("وناقش المجلس المشروع الذي أعلن أن تنفيذه سيبدأ قريبا.") == []


def test_a_prayer_with_a_clause_is_a_quote_of_the_sentence_subject() -> None:
    """``سائلا الله أن …`` (realnews E3: a wish with a clause): the thanking person's words."""
    got = _quotes(
        "وأوضح المتحدث باسم المركز خالد الحربي أن الطائرة وصلت صباح اليوم. "
        "من جهته رفع الدكتور سامي العتيبي الشكر للقيادة، سائلا الله أن يديم عليها التوفيق."
    )
    assert ("سائلا", "سامي العتيبي", "يديم عليها التوفيق") in got


def test_a_subordinate_report_is_not_the_content_of_the_verb_before_it() -> None:
    """``أكدت خططها … حيث أفادت أنها``: the أن clause belongs to أفادت, so أكدت takes no
    speaker from its own object."""
    got = _quotes("وفي الوقت نفسه، فإن الشركة أكدت خططها للعام المقبل حيث أفادت أنها تستهدف زيادة في الأرباح.")
    assert all(s != "خططها للعام المقبل" for _, s, _ in got)


def test_a_possessed_source_after_hasab() -> None:
    """``حسب مكتبه``: a source noun with its possessive pronoun closes the sentence's source."""
    got = _quotes("وسيعود الرئيس إلى العاصمة غدا، حسب مكتبه.")
    assert got == [("حسب", "مكتبه", "وسيعود الرئيس إلى العاصمة غدا")]


def test_hasab_ma_with_the_verbs_object_pronoun() -> None:
    """``بحسب ما ذكرته``, ``وفقا لما أعلنته``: the pronoun on the verb is its object."""
    for text in (
        "ويشترط في المرشح أن يكون مقيما في الدائرة، بحسب ما ذكرته الوزارة.",
        "ويشترط في المرشح أن يكون مقيما في الدائرة، وفقا لما أعلنته الوزارة.",
    ):
        got = _quotes(text)
        assert [(s, c) for _, s, c in got] == [("الوزارة", "ويشترط في المرشح أن يكون مقيما في الدائرة")]


def test_hasab_ma_with_a_preposition_carrying_the_pronoun() -> None:
    got = _quotes("ويشترط في المرشح أن يكون مقيما في الدائرة، حسب ما أفاد به مصدر مطلع.")
    assert [(s, c) for _, s, c in got] == [("مصدر مطلع", "ويشترط في المرشح أن يكون مقيما في الدائرة")]


def test_a_statutes_article_is_a_source() -> None:
    """Realnews E7: a statute that provides speaks like a decision."""
    got = _quotes("ويشترط في المرشح أن يكون مقيما في الدائرة، بحسب المادة الخامسة من اللائحة الجديدة.")
    assert [s for _, s, _ in got] == ["المادة الخامسة من اللائحة الجديدة"]


def test_hasab_with_a_possessed_non_source_is_no_quote() -> None:
    """Guard: ``حسب أعمارهم`` (by their ages) names no source."""
    assert _quotes("ويرتب المشاركون في المسابقة حسب أعمارهم.") == []


def test_hasab_with_a_speech_noun_names_no_body() -> None:
    """Guard: ``حسب قوله`` / ``حسب تعبيره``: the possessor spoke; the noun is no source."""
    assert _quotes("وكان الفريق قد خسر، حسب قوله، بسبب الإرهاق.") == []
    assert _quotes("وتراجع الإنتاج بنسبة كبيرة، حسب تعبيره.") == []
