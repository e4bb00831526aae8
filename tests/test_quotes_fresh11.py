"""Regression tests for quote patterns met on the fresh dev batch rn830–rn837: a short name in
quotation marks right after أن that its clause goes on from, a manner adjunct (``بشكل رسمي``)
and a pointing ``وذلك`` around a nominal report, a verbal noun in -ية after a titled name, a
possessed noun right after a person's name (the object, not the subject) and ``اكتفى`` that
reports only with ``بالقول``.

The sentences are our own, written to show each pattern; the articles are not copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_quoted_name_after_an_is_the_subject_of_indirect_speech() -> None:
    """``أن «مجلس الإدارة» عقد …``: the marks hold a name; the clause is the content."""
    got = _quotes("وأكدت مصادر مطلعة أن «مجلس الإدارة» عقد اجتماعا طارئا أمس لبحث الأزمة.")
    assert got == [("أكدت", "مصادر مطلعة", "«مجلس الإدارة» عقد اجتماعا طارئا أمس لبحث الأزمة")]


def test_quoted_name_then_comma_then_its_verb() -> None:
    """``بأن «اللجنة»، قررت …``: a comma between the quoted subject and its verb."""
    got = _quotes("وأفادت المعلومات المتوفرة بأن «اللجنة العليا»، قررت تأجيل الانتخابات إلى العام المقبل.")
    assert got == [("أفادت", "المعلومات المتوفرة", "«اللجنة العليا»، قررت تأجيل الانتخابات إلى العام المقبل")]


def test_short_quotation_before_a_new_report_stays_direct() -> None:
    """Guard: ``إن «الوضع مستقر»، وأضاف …`` is a short quotation, and a new report follows."""
    got = _quotes("وقال الوزير إن «الوضع مستقر»، وأضاف أن الفرق تعمل في الميدان.")
    assert got == [("قال", "الوزير", "الوضع مستقر"), ("أضاف", "الوزير", "الفرق تعمل في الميدان")]


def test_manner_adjunct_before_a_nominal_report() -> None:
    """``أعلنت الوزارة بشكل رسمي أمس إلغاء …``: the adjective belongs to بشكل."""
    got = _quotes("أعلنت وزارة الرياضة بشكل رسمي أمس إلغاء البطولة الصيفية للناشئين.")
    assert got == [("أعلنت", "وزارة الرياضة", "إلغاء البطولة الصيفية للناشئين")]


def test_name_before_wadhalika_is_the_object_of_a_nominal_report() -> None:
    """``أكدت الجمعية … وفاة مؤسسها X، وذلك …``: the comma after X opens no speech."""
    got = _quotes("أكدت الجمعية الخيرية في بيان رسمي أمس وفاة مؤسسها الشيخ سالم العتيبي، وذلك بعد صراع طويل مع المرض.")
    assert [(cue, sp, c.split("،")[0]) for cue, sp, c in got] == [
        ("أكدت", "الجمعية الخيرية", "وفاة مؤسسها الشيخ سالم العتيبي")
    ]


def test_verbal_noun_in_iya_after_a_titled_name_opens_the_content() -> None:
    """``أعلن أمين منطقة تبوك سعد الحربي تسمية …``: تسمية is no nisba of the name."""
    got = _quotes("أعلن أمين منطقة تبوك سعد الحربي تسمية الشارع الجديد باسم الشهيد، والبدء في رصفه قريبا.")
    assert got == [("أعلن", "سعد الحربي", "تسمية الشارع الجديد باسم الشهيد، والبدء في رصفه قريبا")]


def test_possessed_noun_after_a_name_ends_the_subject() -> None:
    """``أكد مدير … المهندس خالد السالم حرصه على …``: the long title ends at the name, and
    the participle after it goes on with him."""
    got = _quotes(
        "من جهته، أكد مدير عام الشركة الوطنية للنقل رئيس مجلس التنمية بالمنطقة المهندس خالد السالم "
        "حرصه على تطوير الخدمات، مشيرا إلى أن الحافلات الجديدة وصلت إلى المدينة."
    )
    assert [(cue, sp) for cue, sp, _ in got] == [("أكد", "خالد السالم"), ("مشيرا", "خالد السالم")]
    assert got[1][2] == "الحافلات الجديدة وصلت إلى المدينة"


def test_iktafa_reports_only_with_bilqawl() -> None:
    """``اكتفى بأن …`` is "made do with"; ``اكتفى بالقول إن …`` reports."""
    assert _quotes("واكتفى النادي بأن يصدر بيانا مقتضبا عن الحادثة.") == []
    got = _quotes("واكتفى المدرب بالقول إن الفريق قدم مباراة جيدة أمام منافسه.")
    assert got == [("اكتفى", "المدرب", "الفريق قدم مباراة جيدة أمام منافسه")]
