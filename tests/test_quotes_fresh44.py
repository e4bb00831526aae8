"""Quote rules from the fresh real-news batch rn1410–rn1417 and the wrong speakers of the dev half
(docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_a_verbal_noun_before_a_preposition_is_no_subject() -> None:
    # "وأكد حرص X على …": whose zeal is the content, the speaker goes on (not "حرص حكومته")
    got = _quotes("وقال الوزير إن التعاون مستمر، وأكد حرص حكومته على تعزيز التعاون في المنطقة.")
    assert got[1] == ("أكد", "الوزير", "حرص حكومته على تعزيز التعاون في المنطقة")


def test_a_verbal_noun_with_a_possessive_pronoun_is_no_subject() -> None:
    # "وأكد ثقته بأن …", "وأكد حرصه على …": the pronoun is the speaker's own, the noun is the object
    got = _quotes("وقال الوزير إن الأزمة عابرة، وأكد ثقته بأن المفاوضات ستنجح قريبا.")
    assert got[1] == ("أكد", "الوزير", "المفاوضات ستنجح قريبا")
    got = _quotes("وقال الوزير إن التعاون مستمر، وأكد حرصه على دعم المشاريع الصغيرة.")
    assert [who for _, who, _ in got] == ["الوزير", "الوزير"]


def test_a_written_subject_before_a_preposition_is_still_read() -> None:
    # not every word after the cue is an object: a written speaker stays the speaker
    got = _quotes("وأكد رئيس الهيئة على أهمية تطوير الخدمات الرقمية.")
    assert [(cue, who) for cue, who, _ in got] == [("أكد", "رئيس الهيئة")]


def test_a_name_in_quotation_marks_after_its_head_ends_the_subject() -> None:
    # "أعلنت شركة X «Y» تسجيل …": the company's short name in quotation marks, then the reported event
    text = 'أعلنت شركة الخليج للأسمنت "أسمنت الخليج" تسجيل أرباح قيمتها 20 مليون ريال في الربع الثاني.'
    assert _quotes(text) == [
        ("أعلنت", 'شركة الخليج للأسمنت "أسمنت الخليج"', "تسجيل أرباح قيمتها 20 مليون ريال في الربع الثاني")
    ]
    got = _quotes("وكشف المدير الفني «سامي» خطة الفريق للمباراة المقبلة أمام الضيوف.")
    assert [(cue, who) for cue, who, _ in got] == [("كشف", "سامي")]


def test_a_relative_clause_after_a_quoted_name_opens_no_content() -> None:
    # "ونفى الوزير وشركة «X» التي …": the relative describes the company, it is not what was denied
    text = "ونفى الوزير وشركة «الأفق للتجارة» التي تبلغ ديونها مليار ريال ارتكاب أي مخالفة."
    got = _quotes(text)
    assert [(cue, who) for cue, who, _ in got] == [("نفى", "الوزير وشركة «الأفق للتجارة»")]
    assert not got[0][2].startswith("التي")
