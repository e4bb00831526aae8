"""Quote rules from the fresh real-news batch rn512–rn519 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_party_name_in_quotation_marks_is_no_addressee() -> None:
    # "دعا رئيس حزب «X» Y إلى …": the quoted party name is the title's complement, Y speaks
    got = _quotes("ودعا رئيس حزب «الوحدة» سامي العلي إلى الحفاظ على الأمن.")
    assert got == [("دعا", "سامي العلي", "الحفاظ على الأمن")]
    # the addressee after a title is still cut off
    got = _quotes("دعا رئيس الجمهورية القوى السياسية إلى الحوار.")
    assert got == [("دعا", "رئيس الجمهورية", "الحوار")]


def test_ceremony_and_presence_end_the_speaker() -> None:
    # "في حفل …" is where he spoke; "بحضور X" names who was there, never the speaker
    got = _quotes("ودعا نائب الرئيس في حزب «الوحدة» سامي العلي في حفل أقامه الحزب بحضور النمر إلى الحفاظ على الأمن.")
    assert got == [("دعا", "سامي العلي", "الحفاظ على الأمن")]
    got = _quotes("قال الوزير بحضور السفير إن العلاقات قوية.")
    assert got == [("قال", "الوزير", "العلاقات قوية")]


def test_tone_is_a_manner_adjunct() -> None:
    # "ودعت بنبرة هادئة إلى …": the tone is how she called, the subject of the sentence speaks
    got = _quotes("عقدت الحكومة الجديدة اجتماعا ودعت بنبرة هادئة إلى وقف القتال.")
    assert got == [("دعت", "الحكومة الجديدة", "وقف القتال")]
    got = _quotes("ودعا الوزير سامي العلي بلهجة حازمة إلى وقف الهدر.")
    assert got == [("دعا", "سامي العلي", "وقف الهدر")]


def test_but_he_opens_a_report_of_the_same_speaker() -> None:
    # "…، لكنه حذر من …": the first content ends, the warning is a report of its own
    got = _quotes("وقال العلي إن المطالب ستتحقق، لكنه حذر من الإسراف في المياه.")
    assert got == [("قال", "العلي", "المطالب ستتحقق"), ("حذر", "العلي", "الإسراف في المياه")]
    got = _quotes("وقالت هند سالم إن العمل مستمر لكنها أكدت أن الخطة تأخرت.")
    assert [sp for _, sp, _ in got] == ["هند سالم", "هند سالم"]


def test_imam_in_a_body_name_is_not_the_preposition_in_front_of() -> None:
    # "جامعة الإمام …": الإمام (the imam) is part of the name, not أمام (in front of)
    got = _quotes("وأضاف مدير جامعة الإمام أحمد بن خالد الأهلية أن المدارس جاهزة.")
    assert got == [("أضاف", "مدير جامعة الإمام أحمد بن خالد الأهلية", "المدارس جاهزة")]
    assert _quotes("قال الوزير أمام الصحفيين إن العمل مستمر.") == [("قال", "الوزير", "العمل مستمر")]


def test_a_name_inside_a_body_name_is_not_the_speakers_name() -> None:
    # "مدير جامعة الملك سعود": سعود is part of the university's name, the director is not named
    got = _quotes("وأضاف مدير جامعة الملك سعود أن المدارس جاهزة.")
    assert got == [("أضاف", "مدير جامعة الملك سعود", "المدارس جاهزة")]
    got = _quotes("وقال وزير المالية خالد الراشد إن الميزانية جاهزة.")
    assert got == [("قال", "خالد الراشد", "الميزانية جاهزة")]


def test_spokesman_of_a_named_body_is_not_the_story_person() -> None:
    # a title that names its own body stands alone; it is not the person the story is about
    got = _quotes("وقع انفجار في السوق قتل فيه خالد بن سعيد بن علي. وصرح المتحدث الأمني بوزارة الداخلية بأن التحقيق بدأ.")
    assert got == [("صرح", "المتحدث الأمني بوزارة الداخلية", "التحقيق بدأ")]
    got = _quotes("قتل خالد بن سعيد في الانفجار. وقال المتحدث باسم الشرطة إن التحقيق بدأ.")
    assert got == [("قال", "المتحدث باسم الشرطة", "التحقيق بدأ")]


def test_the_two_refers_back_to_the_speakers() -> None:
    # "وكتب الاثنان «…»" after two people spoke together: not a new source called "the two"
    got = _quotes("قالت الوزيرة هند سالم والوزير سعد النمر في مقال مشترك «الأزمة كبيرة جدا الآن». "
                  "وكتب الاثنان «لا بد من الحل السريع للأزمة».")  # fmt: skip
    assert [sp for _, sp, _ in got] == ["هند سالم", "هند سالم"]


def test_clarified_with_a_noun_phrase_is_a_nominal_report() -> None:
    # "أوضحت الوزارة أسباب …": what was made clear is the reported content
    got = _quotes("أوضحت وزارة الصحة أسباب انتشار المرض في المدينة.")
    assert got == [("أوضحت", "وزارة الصحة", "أسباب انتشار المرض في المدينة")]
    # a long title that reaches a titled name is still the subject, not a nominal content
    got = _quotes("أوضح مدير عام الهيئة بمنطقة تبوك المهندس سامي العلي قائلا: إن السباق ناجح جدا هذا العام.")
    assert [content for _, _, content in got] == ["السباق ناجح جدا هذا العام"]
    assert "سامي العلي" in got[0][1]
