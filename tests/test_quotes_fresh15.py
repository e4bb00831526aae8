"""Quote rules from the fresh real-news batch rn970–rn977 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_a_participle_after_ghayr_is_an_adjective_not_a_cue() -> None:
    # "غير معلنة" (unannounced) and "غير مؤكدة" (unconfirmed) describe a noun; nobody speaks
    got = _quotes(
        "وصل الوزير سالم العتيبي أمس إلى المدينة في زيارة غير معلنة التقى خلالها المحافظ وأعضاء المجلس."
    )
    assert got == []
    got = _quotes("وتداولت المواقع أنباء غير مؤكدة عن استقالة المدرب قبل المباراة.")
    assert got == []
    # the participle itself still reports after a speaker
    got = _quotes("قال الوزير سالم العتيبي إن الزيارة ناجحة، معلنا أن الاتفاق سيوقع غدا.")
    assert [c for c, _, _ in got] == ["قال", "معلنا"]


def test_an_attribution_with_no_subject_after_its_verb_names_the_sentence_subject() -> None:
    # "حسب ما أعلن في حسابه": the adjunct "في حسابه" is no source (it was the speaker); the
    # sentence's subject is taken only when it reads as a source, else nothing is credited
    got = _quotes(
        "لن يجدد المهاجم الدولي خالد المطيري عقده مع النادي وسيرحل نهاية الشهر حسب ما أعلن في حسابه على تويتر."
    )
    assert got == []
    # a source written after the verb is still the source
    got = _quotes("سيرحل المهاجم عن النادي نهاية الشهر حسب ما أعلن وكيله سعد الحربي.")
    assert [c for c, _, _ in got] == ["حسب"] and got[0][1].endswith("سعد الحربي")


def test_a_request_reports_the_action_asked_after_min_and_the_one_asked() -> None:
    # "طلب منه …" / "طلب من الوزارة …" + a verbal noun: the action asked for is the content (E3)
    got = _quotes("وكان المدرب سامي العنزي طلب منه الأسبوع الماضي البقاء مع الفريق حتى نهاية الموسم.")
    assert [(c, sp, ct) for c, sp, ct in got] == [("طلب", "سامي العنزي", "البقاء مع الفريق حتى نهاية الموسم")]
    got = _quotes("وطلب الاتحاد المحلي أيضا من السفير الفرنسي تسهيل إجراءات التأشيرات للاعبين.")
    assert [(c, sp, ct) for c, sp, ct in got] == [
        ("طلب", "الاتحاد المحلي", "تسهيل إجراءات التأشيرات للاعبين")
    ]
    got = _quotes("وطلب الأهالي من البلدية إصلاحه قبل بداية العام الدراسي.")
    assert [(c, ct) for c, _, ct in got] == [("طلب", "إصلاحه قبل بداية العام الدراسي")]


def test_a_request_for_a_thing_is_no_report() -> None:
    # the thing requested, before the one asked or with nothing after him, is no action asked for
    assert _quotes("وطلب اللاعب الملف من الإدارة أمس.") == []
    assert _quotes("وطلب الموظف إجازة من مديره.") == []
