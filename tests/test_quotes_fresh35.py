"""Quote rules from the fresh real-news batch rn1160–rn1167 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes

from rasd.annotators.quotes import extract_quotes


def test_an_indefinite_proposal_asks_in_its_relative_clause() -> None:
    # "اقتراح يطلب من X تشكيل …": the proposal is the speaker of what it asks (E3, decision 4)
    got = _quotes("ويصوت المجلس غدا على اقتراح فرنسي يطلب من الأمين العام تشكيل لجنة للتحقيق.")
    assert got == [("يطلب", "اقتراح فرنسي", "تشكيل لجنة للتحقيق")]
    assert _quotes("وقدم الوفد مقترحا يدعو إلى وقف القتال.") == [("يدعو", "مقترحا", "وقف القتال")]


def test_a_trailing_agency_after_a_quotation_is_its_carrier_not_a_quote() -> None:
    for text in (
        "وقال المحلل سامي الغامدي “الطلب ضعيف. أظن أن السوق سيتعافى قريبا.”وفقا لوكالة رويترز. وتراجع المؤشر أمس.",
        "وقال المحلل سامي الغامدي “الطلب ضعيف. أظن أن السوق سيتعافى قريبا”. وفقا لوكالة رويترز. وتراجع المؤشر أمس.",
    ):
        qs = extract_quotes(text)
        assert [(q.cue, q.speaker.text) for q in qs] == [("قال", "سامي الغامدي")]
        assert qs[0].speaker.medium == "وكالة رويترز"
    # after a sentence that is nobody's quote, the phrase still names that sentence's source
    got = _quotes("ووقع اللاعب عقدا لمدة عامين مع النادي.وفقا لوكالة رويترز. ويعد اللاعب من أبرز المواهب.")
    assert got == [("وفقا", "وكالة رويترز", "ووقع اللاعب عقدا لمدة عامين مع النادي")]


def test_this_is_what_x_said_reports_the_words_before_it() -> None:
    got = _quotes("ستنخفض أسعار الأسماك في الأسواق خلال الصيف، هذا ما أكده المتحدث باسم وزارة الزراعة سعد القحطاني.")
    assert got == [("أكده", "سعد القحطاني", "ستنخفض أسعار الأسماك في الأسواق خلال الصيف")]
    got = _quotes("وصل الطلاب إلى المدرسة. «المدرسة مغلقة منذ شهر» هذا ما قاله أحد المعلمين في القرية.")
    assert got == [("قاله", "أحد المعلمين", "المدرسة مغلقة منذ شهر")]
    # the opening mark dropped by the page: the closing one still makes it a quotation
    qs = extract_quotes("وصل الطلاب إلى المدرسة. المدرسة مغلقة منذ شهر” هذا ما قاله أحد المعلمين في القرية.")
    assert len(qs) == 1 and qs[0].direct


def test_this_is_what_explains_is_no_report() -> None:
    assert _quotes("تراجعت المبيعات كثيرا، وهذا ما يفسر إغلاق المتاجر.") == []
    assert _quotes("هذا ما أكده الوزير في المؤتمر.") == []  # nothing before it


def test_a_job_before_the_name_is_a_source_of_an_attribution() -> None:
    got = _quotes("ولم يعلن الموعد بعد. وبحسب مدرب الفريق خالد العمري، فإن اللاعب سيعود الأسبوع المقبل.")
    assert got == [("بحسب", "خالد العمري", "اللاعب سيعود الأسبوع المقبل")]
    got = _quotes("وبحسب مخرج الفيلم سعد الحربي، فأن التصوير سيبدأ في الشتاء.")  # فأن: a common misspelling of فإن
    assert [(cue, content) for cue, _, content in got] == [("بحسب", "التصوير سيبدأ في الشتاء")]
    assert got[0][1].endswith("سعد الحربي")
