"""Quote rules added for real news (issue 12): each test is one general rule, on sentences
written for the test. Entity mentions are given by hand where a rule reads them, so the tests
do not depend on the NER model.
"""

from __future__ import annotations

from rasd.annotators.quotes import extract_quotes
from rasd.models import EntityMention, Quote


def _m(text: str, sub: str, typ: str, nth: int = 0) -> EntityMention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return EntityMention("d", start, start + len(sub), sub, typ)


def _content(text: str, q: Quote) -> str:
    return text[q.content.start : q.content.end]


def _by_cue(qs: list[Quote], cue: str) -> Quote:
    found = [q for q in qs if q.cue == cue]
    assert len(found) == 1, [(q.cue, q.speaker.text) for q in qs]
    return found[0]


def _offsets_hold(text: str, qs: list[Quote]) -> None:
    for q in qs:
        assert 0 <= q.speaker.start < q.speaker.end <= len(text)
        assert text[q.speaker.start : q.speaker.end] == q.speaker.text


# --------------------------------------------------------------------------- sentences and frames


def test_dots_inside_an_abbreviation_do_not_end_the_sentence() -> None:
    text = "وقالت إس.بي.جي للاستشارات إن الطلب على الحديد سيتراجع هذا الربع."
    qs = extract_quotes(text, entities=[_m(text, "إس", "PER")])  # a model that tags the first letters
    q = _by_cue(qs, "قالت")
    assert q.speaker.text == "إس.بي.جي للاستشارات"
    assert _content(text, q) == "الطلب على الحديد سيتراجع هذا الربع"


def test_content_after_a_colon_starts_after_inna() -> None:
    text = "وقال مكتب المحافظ في بيان: إنه تم إغلاق الطريق الساحلي حتى إشعار آخر."
    q = _by_cue(extract_quotes(text), "قال")
    assert _content(text, q) == "تم إغلاق الطريق الساحلي حتى إشعار آخر"


def test_an_accusative_participle_ends_running_content() -> None:
    text = "وقال الاتحاد إنه سيقاطع البطولة متهما اللجنة المنظمة بالتحيز ضد لاعبيه."
    qs = extract_quotes(text)
    said, accused = _by_cue(qs, "قال"), _by_cue(qs, "متهما")
    assert _content(text, said) == "سيقاطع البطولة"
    assert accused.speaker.text == said.speaker.text == "الاتحاد"


def test_a_feminine_participle_that_may_be_an_adjective_does_not_cut_content() -> None:
    text = "وقال المتحدث إن المعلومات غير مؤكدة حتى الآن."
    q = _by_cue(extract_quotes(text), "قال")
    assert _content(text, q) == "المعلومات غير مؤكدة حتى الآن"


def test_a_time_or_place_word_after_the_name_ends_the_speaker() -> None:
    text = "وصرح خالد المطيري أمام المحكمة: «لم أرتكب أي مخالفة»."
    q = _by_cue(extract_quotes(text), "صرح")
    assert q.speaker.text == "خالد المطيري"
    text = "وذكرت الهيئة دون تفاصيل أنه تم توقيف ثلاثة موظفين."
    q = _by_cue(extract_quotes(text), "ذكرت")
    assert q.speaker.text == "الهيئة"


# --------------------------------------------------------------------------- speaker phrases


def test_a_name_between_a_title_and_an_apposed_title_is_the_speaker() -> None:
    text = "وقال المحلل المالي سامر العتيبي مدير شركة الأفق للاستثمار إن السوق سيتعافى."
    qs = extract_quotes(text, entities=[_m(text, "سامر العتيبي", "PER")])
    q = _by_cue(qs, "قال")
    assert q.speaker.text == "سامر العتيبي" and q.speaker.role == "المحلل المالي"


def test_a_subject_opening_with_a_place_is_one_name() -> None:
    text = "وأعلنت قطر وسلطنة عمان أنهما ستخفضان أسعار الوقود."
    qs = extract_quotes(text, entities=[_m(text, "قطر", "GPE"), _m(text, "سلطنة عمان", "GPE")])
    q = _by_cue(qs, "أعلنت")
    assert q.speaker.text == "قطر وسلطنة عمان" and q.speaker.role is None


def test_honorific_and_surname_resolve_to_the_full_name() -> None:
    text = (
        "وأوضح مدير المشروع المهندس ماجد بن سالم الحربي أن العمل بدأ. "
        "وبين المهندس الحربي أن المرحلة الثانية تنتهي قريبا."
    )
    qs = extract_quotes(text, entities=[_m(text, "ماجد بن سالم الحربي", "PER"), _m(text, "الحربي", "PER", 1)])
    second = _by_cue(qs, "بين")
    assert second.speaker.text == "ماجد بن سالم الحربي"
    assert second.speaker.start == text.index("ماجد")
    _offsets_hold(text, qs)


def test_a_surname_shared_by_two_people_is_left_alone() -> None:
    text = (
        "وقال فهد القحطاني إن الموسم صعب. وقال ناصر القحطاني إن الفريق جاهز. "
        "وأضاف القحطاني أن الجماهير ستحضر."
    )
    ents = [_m(text, "فهد القحطاني", "PER"), _m(text, "ناصر القحطاني", "PER"), _m(text, "القحطاني", "PER", 2)]
    q = _by_cue(extract_quotes(text, entities=ents), "أضاف")
    assert q.speaker.text == "القحطاني"


def test_a_full_organisation_name_is_not_swapped_for_a_longer_mention() -> None:
    text = (
        "وقالت مصادر إن اشتباكات وقعت بين حركة التحرير الوطني والجيش النظامي أمس. "
        "وقالت حركة التحرير الوطني في بيان: إنها لن تنسحب."
    )
    ents = [_m(text, "حركة التحرير الوطني والجيش النظامي", "ORG"), _m(text, "حركة التحرير الوطني", "ORG", 1)]
    qs = extract_quotes(text, entities=ents)
    q = [x for x in qs if _content(text, x) == "لن تنسحب"][0]
    assert q.speaker.text == "حركة التحرير الوطني"


# --------------------------------------------------------------------------- attribution phrases


def test_according_to_what_a_source_said() -> None:
    text = "أصيب خمسة عمال في انهيار سقف مصنع، بحسب ما قالت مصادر طبية."
    q = _by_cue(extract_quotes(text), "بحسب")
    assert q.speaker.text == "مصادر طبية" and q.speaker.anonymous
    assert _content(text, q) == "أصيب خمسة عمال في انهيار سقف مصنع"


def test_ala_ma_needs_a_reporting_verb() -> None:
    text = "افتتح الوزير المعرض الدولي للكتاب، على ما نقلت وكالة الأنباء الرسمية."
    q = _by_cue(extract_quotes(text), "على")
    assert q.speaker.text == "وكالة الأنباء الرسمية"
    assert not extract_quotes("وافق المجلس على ما جاء في التقرير السنوي.")


def test_wifqan_li_opening_a_sentence_and_closing_the_one_before() -> None:
    text = "وفقا للشرطة فإن الحريق بدأ في المستودع. ارتفعت أسعار القمح 4 في المئة.وفقا لرويترز."
    qs = extract_quotes(text)
    assert [q.speaker.text for q in qs] == ["للشرطة", "رويترز"]  # offsets hold: the article stays glued
    assert _content(text, qs[0]) == "الحريق بدأ في المستودع"
    assert _content(text, qs[1]) == "ارتفعت أسعار القمح 4 في المئة"


def test_a_name_further_on_does_not_make_hasab_a_source() -> None:
    text = "وتبدأ الأعمال حسب الأولوية في أحياء الملك فهد والعزيزية."
    assert not extract_quotes(text, entities=[_m(text, "الملك فهد", "PER")])


def test_the_latter_as_a_source_is_the_last_name_before_it() -> None:
    text = "وصل المدافع سامي الرشيد إلى نادي الفيصلي لإجراء الفحص الطبي بحسب ما ذكر الأخير يوم الأحد."
    ents = [_m(text, "سامي الرشيد", "PER"), _m(text, "نادي الفيصلي", "ORG")]
    q = _by_cue(extract_quotes(text, entities=ents), "بحسب ما ذكر")
    assert q.speaker.text == "نادي الفيصلي"
    _offsets_hold(text, [q])


def test_a_source_ends_at_a_dash() -> None:
    text = "ونشر الحساب صورا لمقاتل يستريح -بحسب وصف المرصد- في إحدى القرى."
    q = _by_cue(extract_quotes(text), "بحسب")
    assert q.speaker.text == "وصف المرصد"


# --------------------------------------------------------------------------- who goes on speaking


def test_kana_subject_relaying_sources_before_its_verb() -> None:
    text = "وكانت صحيفة «الميدان» الرياضية ونقلا عن مصادر مقربة من المدرب، قد كشفت أن العقد سيوقع الأسبوع المقبل."
    qs = extract_quotes(text)
    q = _by_cue(qs, "كشفت")
    assert q.speaker.text == "مصادر مقربة من المدرب" and q.speaker.anonymous
    assert q.speaker.medium is not None and "الميدان" in q.speaker.medium
    assert len(qs) == 1  # نقلا عن is not a second, verbless quote


def test_a_coordinated_call_names_whom_it_urges() -> None:
    text = "ودعا رئيس البلدية سعد الغامدي السكان إلى ترشيد المياه، وحث المقاولين على إنهاء الأعمال."
    qs = extract_quotes(text, entities=[_m(text, "سعد الغامدي", "PER")])
    urged = _by_cue(qs, "حث")
    assert urged.speaker.text == "سعد الغامدي"
    assert _content(text, urged) == "المقاولين على إنهاء الأعمال"


def test_a_feeling_with_a_noun_is_no_quote_but_its_subject_goes_on() -> None:
    text = "وأعرب المجلس الأوروبي عن قلقه من التصعيد، داعيا الطرفين إلى وقف القتال."
    qs = extract_quotes(text)
    assert [q.cue for q in qs] == ["داعيا"]
    assert qs[0].speaker.text == "المجلس الأوروبي"


def test_a_feeling_with_a_clause_is_a_quote() -> None:
    text = "وأعرب الوزير عن أمله في أن تنتهي المفاوضات قبل نهاية العام."
    q = _by_cue(extract_quotes(text), "أعرب")
    assert _content(text, q) == "تنتهي المفاوضات قبل نهاية العام"
    text = "وزار المحافظ المشروع متمنيا أن يكتمل في موعده."
    q = _by_cue(extract_quotes(text), "متمنيا")
    assert _content(text, q) == "يكتمل في موعده"


def test_a_participle_after_a_loose_stop_continues_the_clause_before() -> None:
    text = "ونقل الشيخ فيصل بن حمد تحيات القيادة للحضور.. مشيراً إلى أن التعاون بين البلدين مستمر."
    q = _by_cue(extract_quotes(text, entities=[_m(text, "فيصل بن حمد", "PER")]), "مشيراً")
    assert q.speaker.text == "فيصل بن حمد"


def test_after_a_comma_a_bare_verb_speaks_for_the_sentence_subject() -> None:
    text = "وقال الوزير إن الاتفاق تأخر. وعلقت صحيفة «المساء» على الاتفاق، فقالت إنه جاء متأخرا."
    qs = extract_quotes(text)
    q = [x for x in qs if _content(text, x) == "جاء متأخرا"][0]
    assert q.speaker.text.startswith("صحيفة «المساء»")


def test_a_letter_speaks_for_the_one_who_sent_it() -> None:
    text = "من جهة أخرى، رفعت إدارة الفريق خطابا إلى اللجنة تطالب فيه بإعادة المباراة."
    q = _by_cue(extract_quotes(text), "تطالب")
    assert q.speaker.text == "إدارة الفريق"
    assert _content(text, q) == "بإعادة المباراة"


def test_a_fronted_topic_speaks() -> None:
    text = "وقال الوزير إن الخطة ناجحة. أما صحيفة الصباح، فكانت أقل تفاؤلا وكتبت أن «الخطة لم تبدأ بعد»."
    q = _by_cue(extract_quotes(text), "كتبت")
    assert q.speaker.text == "صحيفة الصباح" and q.direct
    assert _content(text, q) == "الخطة لم تبدأ بعد"


def test_an_honorific_pronoun_with_no_one_before_takes_the_title_named_later() -> None:
    text = (
        "وأكد سموه أن المهرجان منصة للشباب. "
        "وعبر سمو أمير المنطقة الشرقية عن ترحيبه بالزوار. "
        "وقال المدير إن البرنامج يبدأ غدا."
    )
    q = _by_cue(extract_quotes(text), "أكد")
    assert q.speaker.text == "أمير المنطقة الشرقية"
    _offsets_hold(text, [q])


# --------------------------------------------------------------------------- nominal reports


def test_a_denial_of_a_noun_phrase_starts_at_the_noun() -> None:
    text = "نفت إدارة النادي وصول أي عرض رسمي للاعب من الأندية الخليجية."
    q = _by_cue(extract_quotes(text), "نفت")
    assert q.polarity == "deny" and q.speaker.text == "إدارة النادي"
    assert _content(text, q).startswith("وصول أي عرض")


def test_a_quoted_name_can_open_a_nominal_report() -> None:
    text = 'وأكد "الزهراني" ضرورة التزام جميع الفرق بالمواعيد.'
    q = _by_cue(extract_quotes(text), "أكد")
    assert q.speaker.text == '"الزهراني"' or q.speaker.text == "الزهراني"
    assert _content(text, q) == "ضرورة التزام جميع الفرق بالمواعيد"


def test_a_participle_of_a_nominal_verb_reports_a_noun_phrase() -> None:
    text = "وقالت مصادر أمنية إن الانفجار وقع قرب الحدود، مؤكدة أنباء نشرتها الوكالة الرسمية."
    q = _by_cue(extract_quotes(text), "مؤكدة")
    assert q.speaker.text == "مصادر أمنية"
    assert _content(text, q) == "أنباء نشرتها الوكالة الرسمية"


def test_new_reporting_verbs() -> None:
    text = "وسئل المدرب خالد العمر عن الإصابات فأجاب: «كل اللاعبين جاهزون للمباراة المقبلة»."
    q = _by_cue(extract_quotes(text, entities=[_m(text, "خالد العمر", "PER")]), "أجاب")
    assert q.direct and q.speaker.text == "خالد العمر"
    text = "وقالت الوكالة إن الحريق أخمد. وزادت أن التحقيق بدأ صباح اليوم."
    assert _content(text, _by_cue(extract_quotes(text), "زادت")) == "التحقيق بدأ صباح اليوم"


def test_a_relay_piece_between_commas_names_the_source() -> None:
    text = "قالت وكالة الأنباء الرسمية، مساء أمس، نقلا عن وزارة الصحة، إن المستشفى استقبل عشرين مصابا."
    q = _by_cue(extract_quotes(text), "قالت")
    assert q.speaker.text == "وزارة الصحة"
    assert q.speaker.medium == "وكالة الأنباء الرسمية"


def test_a_relative_clause_with_its_own_subject_reports() -> None:
    text = "وضبطت الشرطة أسلحة قرب الحدود، التي يقول المحققون إنها دخلت عبر البحر."
    q = _by_cue(extract_quotes(text), "يقول")
    assert q.speaker.text == "المحققون"
    assert _content(text, q) == "دخلت عبر البحر"
    assert not extract_quotes("وهاجمت الصحيفة الحكومة التي أعلنت الحرب على الفساد.")


def test_a_calling_verb_leaves_its_addressee_out_of_the_speaker() -> None:
    text = "ودعا وزير التعليم السعودي المدارس الأهلية إلى خفض الرسوم."
    q = _by_cue(extract_quotes(text), "دعا")
    assert q.speaker.text == "وزير التعليم السعودي"
