"""Quote rules from the fresh real-news batch rn568–rn575 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_comma_before_closing_as_announced() -> None:
    # "…، كما أعلن X.": the comma only sets the attribution off; the clause before it is X's
    got = _quotes("أعيد فتح الميناء بعد إغلاق طويل، كما أعلن وزير النقل سالم العلي اليوم.")
    assert got == [("كما", "سالم العلي", "أعيد فتح الميناء بعد إغلاق طويل")]
    got = _quotes("وقال سالم العلي إن الميناء جاهز. ومن المنتظر أن تصل سفن في اليومين المقبلين، كما أضاف الوزير.")
    assert got == [("قال", "سالم العلي", "الميناء جاهز"), ("كما", "سالم العلي", "تصل سفن في اليومين المقبلين")]
    # "، كما أكد أن …" is still "he also stressed", with content of its own after it
    got = _quotes("وقال سالم العلي إن الميناء جاهز، كما أكد أن السفن ستصل.")
    assert got == [("قال", "سالم العلي", "الميناء جاهز"), ("أكد", "سالم العلي", "السفن ستصل")]


def test_importance_is_the_object_not_a_nisba_of_the_subject() -> None:
    # "أكد X أهمية …": أهمية ends in -ية but opens the reported noun phrase
    got = _quotes("وأكد وزير الثقافة أهمية المهرجانات في نشر الفنون.")
    assert got == [("أكد", "وزير الثقافة", "أهمية المهرجانات في نشر الفنون")]
    got = _quotes("وأكد المدير أهمية هذه المهرجانات.")
    assert got == [("أكد", "المدير", "أهمية هذه المهرجانات")]


def test_definite_verbal_noun_opens_the_object() -> None:
    # "أعلنت السلطات X القبض على …": the authorities are the subject, the arrest is announced
    got = _quotes("أعلنت السلطات التونسية القبض على عصابة تتاجر بالسيارات المسروقة.")
    assert got == [("أعلنت", "السلطات التونسية", "القبض على عصابة تتاجر بالسيارات المسروقة")]


def test_object_right_after_the_subject_beats_a_later_preposition() -> None:
    # "أكدت الوزارة مواصلة … على الخارطة": that على belongs to the object, not to أكد
    got = _quotes("وأكدت وزارة الإسكان مواصلة جولاتها في متابعة المشاريع المعروضة على الخارطة.")
    assert got == [("أكدت", "وزارة الإسكان", "مواصلة جولاتها في متابعة المشاريع المعروضة على الخارطة")]
    # an adjunct after the subject: there على is the verb's own and opens the content
    got = _quotes("أكد وزير الخارجية سالم العلي في تصريح له على أهمية الحوار.")
    assert got == [("أكد", "سالم العلي", "أهمية الحوار")]
    # a title chain up to a person's name: the name is the subject, على opens the content
    got = _quotes("أكد مدير عام فرع وزارة العمل بالمنطقة سالم العلي على استمرار الحملات.")
    assert got == [("أكد", "سالم العلي", "استمرار الحملات")]


def test_added_after_a_nested_report_continues_the_outer_speaker() -> None:
    # "أوضحت الوزارة أن التحقيقات كشفت أن …. وأضافت …": the ministry goes on, not the investigations
    got = _quotes("وأوضحت الوزارة في بيان أن التحقيقات كشفت أن المتهمين تدربوا في الخارج. "
                  "وأضافت أنه سيتم تقديمهم إلى القضاء.")  # fmt: skip
    assert [(cue, sp) for cue, sp, _ in got] == [("أوضحت", "الوزارة"), ("كشفت", "التحقيقات"), ("أضافت", "الوزارة")]
    # inside the outer content a participle still follows the nested speaker
    got = _quotes("وذكرت الصحيفة أن الوزير قال إن العمل مستمر، مؤكدا أنه سينتهي قريبا.")
    assert [sp for _, sp, _ in got][-1] == "الوزير"


def test_participle_after_expressing_a_feeling_speaks_for_its_subject() -> None:
    # "وعبر/وأعرب X عن شكره …، سائلا الله أن …": عبر is the verb, X (before عن) prays
    got = _quotes("وعبر الوزير عن أسفه للحادث، مؤكدا أن التحقيق مستمر.")
    assert got == [("مؤكدا", "الوزير", "التحقيق مستمر")]
    got = _quotes("وأعرب الأمير عن شكره للوزير على جهوده، سائلا الله أن يوفقه.")
    assert got == [("سائلا", "الأمير", "يوفقه")]
    # عبر as "via" after a cue is still no verb
    assert _quotes("وقال الوزير عبر تويتر إن الوضع هادئ.") == [("قال", "الوزير", "الوضع هادئ")]


def test_audience_right_after_a_title_is_cut() -> None:
    # "وقال الوزير للصحفيين": the journalists were addressed; a body after a title stays in it
    assert _quotes("وقال الوزير للصحفيين إن العمل مستمر.") == [("قال", "الوزير", "العمل مستمر")]
    assert _quotes("وقال الأمين العام للجامعة إن العمل مستمر.") == [("قال", "الأمين العام للجامعة", "العمل مستمر")]
