"""Quote rules from the fresh real-news batch rn270–rn277 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_in_it_after_a_cue_is_no_speaker_and_the_noun_after_it_is_the_content() -> None:
    # "بيانا تؤكد فيه …": the cue describes the statement just named; its speaker is the
    # sentence's subject and the noun phrase after "فيه" is what was reported
    got = _quotes("أصدرت الجمعية الخيرية بيانا تؤكد فيه استمرار توزيع المساعدات على الأسر المحتاجة.")
    assert got == [("تؤكد", "الجمعية الخيرية", "استمرار توزيع المساعدات على الأسر المحتاجة")]
    got = _quotes("نشرت الشركة تقريرا أعلنت فيه ارتفاع أرباحها خلال العام.")
    assert got == [("أعلنت", "الشركة", "ارتفاع أرباحها خلال العام")]
    # the verb's own preposition still opens the content, without it
    got = _quotes("أصدر النادي بيانا أكد فيه على ضرورة احترام اللوائح.")
    assert got == [("أكد", "النادي", "ضرورة احترام اللوائح")]
    # a subject written after "فيه" is the speaker, "فيه" is not part of it
    got = _quotes("وقال فيه الوزير إن المشروع سينتهي قريبا.")
    assert got == [("قال", "الوزير", "المشروع سينتهي قريبا")]


def test_the_club_is_a_source_after_hasab_ma() -> None:
    # "حسب ما أذاع النادي": the club is a source (resources/quotes/sources.txt), as a ministry is
    got = _quotes("سيغيب المدافع عن التدريبات أسبوعا حسب ما أذاع النادي أمس.")
    assert got == [("حسب", "النادي", "سيغيب المدافع عن التدريبات أسبوعا")]
    got = _quotes("سيتدرب الفريق في ألمانيا حتى نهاية الشهر بحسب النادي.")
    assert got == [("بحسب", "النادي", "سيتدرب الفريق في ألمانيا حتى نهاية الشهر")]
    # a word that is no source still is none ("حسب الجدول" is "according to plan")
    assert _quotes("ستقام المباراة في موعدها حسب الجدول المعتمد.") == []


def test_broadcast_is_a_reporting_verb_only_with_reported_content() -> None:
    got = _quotes("أذاع التلفزيون الرسمي أن الرئيس سيلقي خطابا الليلة.")
    assert got == [("أذاع", "التلفزيون الرسمي", "الرئيس سيلقي خطابا الليلة")]
    assert _quotes("أذاعت القناة المباراة كاملة مساء أمس.") == []


def test_medical_tests_show_a_finding_like_data() -> None:
    # realnews decision 4: data and documents are speakers of what they show
    got = _quotes("وأظهرت الفحوصات الطبية إصابة اللاعب بكسر في القدم.")
    assert got == [("أظهرت", "الفحوصات الطبية", "إصابة اللاعب بكسر في القدم")]
    got = _quotes("أظهرت التحاليل المخبرية خلو العينات من أي تلوث.")
    assert got == [("أظهرت", "التحاليل المخبرية", "خلو العينات من أي تلوث")]


def test_between_them_is_no_glued_preposition_of_a_participle() -> None:
    # "مقرًا" (a headquarters) reads like the participle of أقر (بـ): "بينها" after it is
    # "between them", not بـ + the reported noun, so nothing is reported
    got = _quotes(
        "وقال المتحدث سالم الحربي إن الوضع هادئ. وهاجمت جماعة مسلحة الجمعة مقرًا للشرطة في البلدة نفسها، "
        "ووقعت اشتباكات بينها وبين الحراس."
    )
    assert got == [("قال", "سالم الحربي", "الوضع هادئ")]
    # the participle with its own preposition still reports
    got = _quotes("وقال المتحدث سالم الحربي إن الوضع هادئ، مقرا بوجود نقص في عدد الحراس.")
    assert [c for c, _, _ in got] == ["قال", "مقرا"]


def test_a_participle_stops_at_a_new_clause_after_a_comma() -> None:
    # ", ووقعت …": a clause of its own; the "participle" (here the noun مقرًا) finds no
    # content there, and the attribution at the end covers the whole sentence
    got = _quotes(
        "وقال المتحدث سالم الحربي إن الوضع هادئ. وهاجمت جماعة مسلحة الجمعة مقرًا للشرطة في البلدة نفسها، "
        "ووقعت اشتباكات أسفرت عن مقتل اثنين بحسب مصادر محلية."
    )
    assert [(c, sp) for c, sp, _ in got] == [("قال", "سالم الحربي"), ("بحسب", "مصادر محلية")]
    # a participle whose preposition follows a comma still reports
    got = _quotes("وقال المدير سالم الحربي إن العمل مستمر، مشيرا، في الوقت نفسه، إلى أن المشروع تأخر.")
    assert [c for c, _, _ in got] == ["قال", "مشيرا"]
