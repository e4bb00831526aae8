"""Regression tests for quote patterns met on the fresh dev batch rn850–rn857 and the classes
the previous round left open: a plural zero-subject cue continuing a narrated group (``زار عدد
من … وقالوا``، ``إلا أن مواطنين رفضوا …، وطالبوه …، مشيرين``), ``وعلق X بقوله:``, ``قدّر`` with a
report as its subject, ``وصفه كثيرون``, ``تزعم`` and a feeling stated with ``أكد`` (``أكد X
سعادته بـ …``: no report, realnews decision 1).

The sentences are our own, written to show each pattern; the articles are not copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_plural_cue_continues_a_narrated_group() -> None:
    """``زار عدد من … وتجولوا … وقالوا:``: the visitors speak, not the person leading them."""
    got = _quotes(
        "وزار عدد من أعضاء مجلس الشورى يتقدمهم رئيس اللجنة سالم الحربي مقر الجمعية، وتجولوا في أقسامها. "
        "وقالوا في ختام الزيارة: «لقد سعدنا بما شاهدناه»."
    )
    assert got == [("قالوا", "عدد من أعضاء مجلس الشورى", "لقد سعدنا بما شاهدناه")]


def test_plural_verb_after_its_subject_starts_a_group() -> None:
    """``إلا أن مواطنين رفضوا كلامه، وطالبوه …، مشيرين …``: the citizens, not the minister."""
    got = _quotes(
        "وقال الوزير سالم الحربي إن المشروع اكتمل. إلا أن مواطنين رفضوا كلامه، وطالبوه بتوفير الخدمات، "
        "مشيرين إلى أن الطرق لا تزال مغلقة."
    )
    assert [(cue, sp) for cue, sp, _ in got] == [("قال", "سالم الحربي"), ("طالبوه", "مواطنين"), ("مشيرين", "مواطنين")]


def test_singular_cue_still_continues_the_last_speaker() -> None:
    """Guard: a singular ``وأضاف`` after a narrated group goes on with the last speaker."""
    got = _quotes(
        "وقال الوزير سالم الحربي إن المشروع اكتمل. وحضر الحفل عدد من المواطنين. "
        "وأضاف أن المرحلة الثانية تبدأ قريبا."
    )
    assert [(cue, sp) for cue, sp, _ in got] == [("قال", "سالم الحربي"), ("أضاف", "سالم الحربي")]


def test_comment_verb_with_biqawlihi_and_a_colon() -> None:
    """``وعلق X بقوله: «…»``: the colon after بقوله opens the quotation."""
    got = _quotes("وأشاد المدير بالطلاب، وعلق المشرف خالد سعيد بقوله: «أسعدتني مشاركة الأبناء في التجارب».")
    assert got == [("علق", "خالد سعيد", "أسعدتني مشاركة الأبناء في التجارب")]


def test_comment_verb_without_biqawlihi_reports_nothing() -> None:
    """Guard: ``علقت الحكومة المفاوضات`` is "suspended", no report."""
    assert _quotes("وعلقت الحكومة المفاوضات مع النقابة حتى إشعار آخر.") == []


def test_estimate_by_reports_is_a_nominal_report() -> None:
    """``وقدرت تقارير أخرى قيمة الصفقة بنحو …``: reports are speakers (decision 4)."""
    got = _quotes("وقدرت تقارير أخرى قيمة الصفقة بنحو 45 مليون يورو.")
    assert got == [("قدرت", "تقارير أخرى", "قيمة الصفقة بنحو 45 مليون يورو")]


def test_estimate_by_a_person_needs_a_clause() -> None:
    """Guard: ``قدّر`` reports a noun phrase only with data or a document as its subject."""
    assert _quotes("وقدرت الشرطة عدد المشاركين بألف شخص.") == []


def test_described_by_many() -> None:
    """``وصفه كثيرون بأنه …``: the many describe him, not the last speaker."""
    got = _quotes(
        "وقال الوزير سالم الحربي إن القرار نهائي. ولقيت تصريحاته ردود فعل واسعة، حيث وصفه كثيرون "
        "بأنه أكبر خطأ في مسيرته، فيما أشار آخرون إلى أن موقفه لن يتغير."
    )
    assert [(cue, sp) for cue, sp, _ in got] == [("قال", "سالم الحربي"), ("وصفه", "كثيرون"), ("أشار", "آخرون")]


def test_tazum_is_a_reporting_verb() -> None:
    """``وتزعم الشركة أنها …``: the imperfect feminine form of زعم."""
    assert _quotes("وتزعم الشركة أنها الأفضل في السوق.") == [("تزعم", "الشركة", "الأفضل في السوق")]


def test_stated_feeling_is_no_report() -> None:
    """``أكد X سعادته بـ …``: a feeling with a noun only is no nominal report (decision 1)."""
    assert _quotes("وأكد الوزير سالم الحربي سعادته بنجاح المهرجان.") == []


def test_stated_importance_is_still_a_report() -> None:
    """Guard: ``أكد X أهمية …`` stays a nominal report."""
    got = _quotes("وأكد الوزير سالم الحربي أهمية المهرجان للمنطقة.")
    assert got == [("أكد", "سالم الحربي", "أهمية المهرجان للمنطقة")]


def test_stated_feeling_with_fa_word() -> None:
    """``أكد الوزير فخره بـ …``: فخر keeps its own ف (no conjunction)."""
    assert _quotes("وأكد الوزير سالم الحربي فخره بما حققه المنتخب.") == []
