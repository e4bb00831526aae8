"""Regression tests for quote patterns met on the fresh dev batch rn480–rn491 (an ordinary
news mix) and left over from rn400–rn411.

The sentences are our own, written to show each pattern; the articles are not copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes

from rasd.annotators.quotes.engine import extract_quotes


def test_an_office_portfolio_does_not_open_a_nominal_report() -> None:
    got = _quotes(
        'أكد وكيل وزارة النقل للشؤون الفنية الدكتور سامي العتيبي لـ"الصحيفة" جاهزية وزارته لتشغيل الطريق الجديد قبل نهاية العام.'
    )
    assert len(got) == 1
    cue, speaker, content = got[0]
    assert speaker == "سامي العتيبي"
    assert "جاهزية وزارته" in content and "للشؤون" not in content


def test_parentheses_after_a_saying_verb_are_quotation_marks() -> None:
    got = _quotes("وقال أحد السكان (سمعنا صوت انفجار قوي ثم رأينا الدخان يتصاعد).")
    assert got == [("قال", "أحد السكان", "سمعنا صوت انفجار قوي ثم رأينا الدخان يتصاعد")]


def test_a_gloss_in_parentheses_is_no_quotation() -> None:
    """Guard for the rule above (passes before it too)."""
    got = _quotes("وقال المتحدث باسم الشرطة (في المنطقة الشرقية للمملكة) إن الحادث وقع ليلا.")
    assert [c for _, _, c in got] == ["الحادث وقع ليلا"]


def test_a_verse_in_parentheses_is_no_quote() -> None:
    """Guard: scripture cited in parentheses stays no quote (realnews decision 2)."""
    got = _quotes("وجاء في خطبة الجمعة بجامع الحي: قال الله تعالى (وتعاونوا على البر).")
    assert all(cue != "قال" for cue, _, _ in got)


def test_words_quoted_inside_a_witness_speech_have_their_own_speaker() -> None:
    got = _quotes(
        "وقال الحارس إن الرجل اقترب من البوابة. "
        "وأضاف “صرخ الجنود قائلين له (توقف مكانك وارفع يديك فورا) ثم أطلقوا طلقة تحذيرية.” "
        "وتابع أن الرجل هرب بعد ذلك."
    )
    inner = [(cue, sp, c) for cue, sp, c in got if c.startswith("توقف مكانك")]
    assert inner and inner[0][1] == "الجنود"
    # the witness, not the soldiers, goes on speaking afterwards
    assert [sp for cue, sp, _ in got if cue == "تابع"] == ["الحارس"]


def test_statement_of_an_organisation_fronted_with_fi_bayan() -> None:
    got = _quotes(
        "واستهدف تفجير سوقا شعبية في المدينة، في هجوم تبناه تنظيم الجبهة. "
        "وفي بيان للتنظيم نشرته حسابات مؤيدة له، أعلن مسؤوليته عن تفجير السيارة في السوق."
    )
    assert [sp for cue, sp, _ in got if cue == "أعلن"] == ["تنظيم الجبهة"]


def test_relative_describe_verb_with_a_quotation() -> None:
    got = _quotes("ونشرت الجماعة تسجيلا يعرض ما وصفته بـ«انتصارات مقاتليها في الجبهة الشمالية».")
    assert got == [("وصفته", "الجماعة", "انتصارات مقاتليها في الجبهة الشمالية")]


def test_relative_clause_with_a_quotation_quotes_the_named_antecedent() -> None:
    got = _quotes("ويسعى الاتحاد إلى اعتماد نظام التحكيم في البرازيل التي تعتبره «النظام الأنجح في القارة».")
    assert got == [("تعتبره", "البرازيل", "النظام الأنجح في القارة")]


def test_closing_mark_used_as_an_opener_pairs_like_a_straight_quote() -> None:
    got = _quotes("ونشر التنظيم دليلا يعرض ما وصفه بـ”استمتاع عناصره بالعطلة الصيفية في المزارع” في المناطق.")
    assert [(sp, c) for _, sp, c in got] == [("التنظيم", "استمتاع عناصره بالعطلة الصيفية في المزارع")]


def test_a_negation_deep_inside_the_content_is_no_denial() -> None:
    assert _polarities("وقال المدير إن الفريق يعمل بجد والجميع متفائلون ولا توجد أي مشكلة في الإدارة.") == ["assert"]
    assert _polarities("وقال المدير إنه لا صحة لوجود أي مشكلة في الإدارة.") == ["deny"]


def test_participle_mubayyinan_reports_a_noun_phrase() -> None:
    got = _quotes(
        "وأكد مدير المكتب سالم الحربي على استمرار الجولات الميدانية مبيناً أهمية التعاون مع الجهات الأمنية."
    )
    assert ("مبيناً", "سالم الحربي", "أهمية التعاون مع الجهات الأمنية") in got


def test_adjunct_closed_by_a_pronoun_is_no_part_of_the_speaker() -> None:
    got = _quotes("وعقد الفريق حصة تدريبية كشف من خلالها المدرب سالم الحربي عن التشكيلة الأساسية للمباراة.")
    assert [sp for _, sp, _ in got] == ["سالم الحربي"]


def test_kana_after_an_complementizer_puts_the_subject_before_the_cue() -> None:
    got = _quotes("وتم استبعاد اللاعبين بعد أن كان المدرب قد أبلغ الإدارة بضرورة تقليص القائمة قبل بداية الموسم.")
    assert [(sp, c) for _, sp, c in got] == [("المدرب", "بضرورة تقليص القائمة قبل بداية الموسم")]


def _polarities(text: str) -> list[str]:
    return [q.polarity for q in extract_quotes(text)]
