"""Quote rules of the rn1490 round (docs/benchmarks/realnews_fresh.md, "Quotes, batch
rn1490–rn1497").

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_on_behalf_of_is_the_speakers_office_not_content() -> None:
    # "صرح" takes بـ for its content ("صرح بأن …"), but "باسم" is "on behalf of": it belongs to
    # the title, so the name after the body is the speaker and the content follows "أن"
    text = (
        "صرح المتحدث الرسمي باسم مركز الملك فهد للإغاثة والأعمال الخيرية سعيد الحربي، "
        "أن المركز أرسل قافلة جديدة إلى المتضررين."
    )
    assert _quotes(text) == [("صرح", "سعيد الحربي", "المركز أرسل قافلة جديدة إلى المتضررين")]


def test_by_prefixed_content_still_opens_after_sarraha() -> None:
    # control: a real ب-content after the cue is still read as reported content
    text = "وصرح الوزير خالد العمري بوجود خطة جديدة لدعم المزارعين."
    assert [(c, s) for c, s, _ in _quotes(text)] == [("صرح", "خالد العمري")]


def test_negated_complementizer_opens_content() -> None:
    # "ألا" is أن + لا: it opens the content of the cue before it and keeps the negation
    text = "وأعرب الرئيس خالد العمري عن شكره للوفد على زيارته، داعيًا الله ألا يصيب البلاد أي مكروه."
    assert _quotes(text) == [("داعيًا", "خالد العمري", "ألا يصيب البلاد أي مكروه")]
    text = "واشترطت الهيئة ألا يقل عمر المتقدم عن عشرين عاما."
    assert _quotes(text) == [("اشترطت", "الهيئة", "ألا يقل عمر المتقدم عن عشرين عاما")]


def test_except_written_with_kasra_hamza_opens_nothing() -> None:
    # control: "إلا" (except) folds like "ألا" but is matched as written, so it opens no content
    assert _quotes("وقال المدرب إن الفريق لم يخسر إلا مباراة واحدة هذا الموسم.") == [
        ("قال", "المدرب", "الفريق لم يخسر إلا مباراة واحدة هذا الموسم")
    ]
