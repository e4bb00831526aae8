"""Regression tests for quote patterns met on the fresh dev batch rn760–rn771 and counted on
the whole dev list: a description that stands for a person named before or after it (decision
5: a nested construct title, a bare title written beside another person's name, a title named
only further on), whom a speaker told written glued to the name (``للبرلمان``), ``نوه بـ`` + a
noun (praise, not speech) and content before its cue (``… كما أعلن X``).

The sentences are our own, written to show each pattern; the articles are not copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_nested_construct_title_takes_the_name_written_before() -> None:
    """``وكيل وزارة التعليم …``: a title whose complement is itself a construct."""
    got = _quotes(
        "أعلن وكيل وزارة التعليم المساعد للتخطيط سعد المالكي أن المدارس ستفتح في موعدها. "
        "وأكد وكيل وزارة التعليم المساعد للتخطيط أن الكتب وصلت إلى المستودعات. وأشار إلى أن الحافلات جاهزة."
    )
    assert got == [
        ("أعلن", "سعد المالكي", "المدارس ستفتح في موعدها"),
        ("أكد", "سعد المالكي", "الكتب وصلت إلى المستودعات"),
        ("أشار", "سعد المالكي", "الحافلات جاهزة"),
    ]


def test_bare_title_is_the_person_written_with_it_not_the_last_speaker() -> None:
    """``وقال المحافظ`` after another's quote: the governor named beside his title."""
    got = _quotes(
        "التقى فهد الزهراني محافظ جدة مع سارة العمري مديرة الجمعية الخيرية. "
        "وأوضحت العمري أن الجمعية وزعت ألف سلة. وقال المحافظ إن المحافظة تدعم كل المبادرات."
    )
    assert got == [
        ("أوضحت", "سارة العمري", "الجمعية وزعت ألف سلة"),
        ("قال", "فهد الزهراني", "المحافظة تدعم كل المبادرات"),
    ]


def test_title_named_only_further_on() -> None:
    """``أعلن سفير اليابان …`` … ``السفير كينجي تاناكا``: the name written later."""
    got = _quotes(
        "أعلن سفير اليابان في الرياض أن بلاده سترسل فريقا طبيا. وكان السفير كينجي تاناكا قد وصل إلى المملكة الشهر الماضي."
    )
    assert got == [("أعلن", "كينجي تاناكا", "بلاده سترسل فريقا طبيا")]


def test_person_story_noun_does_not_look_forward() -> None:
    """Guard: ``وقال اللاعب`` is the player of the story so far, not one named later."""
    got = _quotes(
        "خضع المدافع الشاب خالد الحربي لفحص طبي. وقال اللاعب: «أريد أن أساعد الفريق». "
        "وكان النادي قد تعاقد مع لاعب الوسط سعد العمري."
    )
    assert got == [("قال", "خالد الحربي", "أريد أن أساعد الفريق")]


def test_whom_he_told_glued_to_the_name_is_cut() -> None:
    """``وقال دودا للبرلمان:``: لل + a noun after a name is never part of it."""
    got = _quotes("تسلم الرئيس أندري دودا مهامه أمس. وقال دودا للبرلمان: «نؤمن بالتعاون مع الحكومة».")
    assert got == [("قال", "أندري دودا", "نؤمن بالتعاون مع الحكومة")]


def test_commending_with_a_noun_is_no_quote() -> None:
    """``منوها بجهود …`` praises (decision 1); ``منوها بأن …`` reports a clause."""
    assert _quotes("أكد الوزير سالم الحربي أن المشروع اكتمل، منوها بجهود العاملين فيه.") == [
        ("أكد", "سالم الحربي", "المشروع اكتمل")
    ]
    assert _quotes("أكد الوزير سالم الحربي أن المشروع اكتمل، منوها بأن العمل استمر عامين.") == [
        ("أكد", "سالم الحربي", "المشروع اكتمل"),
        ("منوها", "سالم الحربي", "العمل استمر عامين"),
    ]


def test_content_before_kama_and_its_cue() -> None:
    """``… كما أعلن X عبر حسابه.``: the words before are what X announced."""
    got = _quotes(
        "ستقام المباراة في ملعب المدينة كما أعلن الاتحاد السعودي لكرة القدم عبر حسابه. وتبدأ المباراة مساء."
    )
    assert got == [("كما", "الاتحاد السعودي لكرة القدم", "ستقام المباراة في ملعب المدينة")]


def test_kama_with_content_after_it_means_also() -> None:
    """Guard: ``كما أعلن X أن …`` is "X also announced"; nothing before it is his."""
    got = _quotes("وصل الفريق إلى الرياض أمس، كما أعلن الاتحاد السعودي لكرة القدم أن المباراة ستقام مساء.")
    assert got == [("أعلن", "الاتحاد السعودي لكرة القدم", "المباراة ستقام مساء")]


def test_source_phrase_ends_where_its_clause_begins() -> None:
    """``وبحسب المصادر لم يتفق …``: a negative particle opens what the sources said."""
    got = _quotes("وبحسب المصادر لم يتفق الطرفان على موعد نهائي للتسليم، إذ يرتبط الأمر بثلاث جهات.")
    assert got == [("بحسب", "المصادر", "لم يتفق الطرفان على موعد نهائي للتسليم، إذ يرتبط الأمر بثلاث جهات")]


def test_calling_for_with_to_and_a_verbal_noun() -> None:
    """``داعيا الجميع للالتفاف …``: دعا with لل + a definite verbal noun."""
    got = _quotes("قال الوزير سالم الحربي إن المشروع اكتمل، داعياً الجميع للالتفاف حول الفريق.")
    assert got == [
        ("قال", "سالم الحربي", "المشروع اكتمل"),
        ("داعياً", "سالم الحربي", "للالتفاف حول الفريق"),
    ]


def test_country_called_on_is_no_part_of_the_speaker() -> None:
    """``دعت الولايات المتحدة الأمريكية باكستان …``: the second name is the addressee."""
    got = _quotes("دعت الولايات المتحدة الأمريكية باكستان للتعاون في مكافحة الإرهاب.")
    assert got == [("دعت", "الولايات المتحدة الأمريكية", "للتعاون في مكافحة الإرهاب")]


def test_title_then_a_name_after_a_place_keeps_the_name() -> None:
    """Guard: ``دعا وزير خارجية مصر سامح شكري …``: a person after a place is the speaker."""
    assert _quotes("دعا وزير خارجية مصر سامح شكري الأطراف إلى الحوار.") == [("دعا", "سامح شكري", "الحوار")]
