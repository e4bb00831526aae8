"""Quote attribution: frames, speakers, chains, continuations, polarity, offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.annotators.quotes import annotate, extract_quotes, quote_pairs
from rasd.models import DocAnalysis, Document, EntityMention, Published, Timex


def _one(text: str, **kw: object):
    qs = extract_quotes(text, **kw)  # type: ignore[arg-type]
    assert len(qs) == 1, [(q.cue, q.speaker.text) for q in qs]
    return qs[0]


def _content(text: str, q) -> str:
    return text[q.content.start : q.content.end]


def test_direct_guillemets_with_titled_speaker() -> None:
    text = "وقال وزير الري مهدي الحمداني: «الخزين المائي يكفي حتى الصيف»."
    q = _one(text)
    assert q.direct and q.cue == "قال" and q.polarity == "assert"
    assert q.speaker.text == "مهدي الحمداني" and q.speaker.role == "وزير الري"
    assert _content(text, q) == "الخزين المائي يكفي حتى الصيف"
    assert text[q.speaker.start : q.speaker.end] == q.speaker.text


def test_every_quotation_style_is_direct() -> None:
    for o, c in (("«", "»"), ("“", "”"), ('"', '"'), ("'", "'")):
        text = f"وقالت الوزارة إن {o}المدارس ستفتح أبوابها الأحد المقبل{c}."
        q = _one(text)
        assert q.direct, o
        assert _content(text, q) == "المدارس ستفتح أبوابها الأحد المقبل"


def test_indirect_an_clause_and_continuation_inherits_speaker() -> None:
    text = "وأكدت هيئة الموانئ أن الرصيف الجديد جاهز للعمل. وأضافت أن السفن الأولى ستصل قريبا."
    first, second = extract_quotes(text)
    assert not first.direct and first.speaker.text == "هيئة الموانئ"
    assert _content(text, first) == "الرصيف الجديد جاهز للعمل"
    assert second.cue == "أضافت" and second.speaker.text == "هيئة الموانئ"
    assert second.speaker.start == first.speaker.start  # points at where the speaker is named


def test_participle_continuation() -> None:
    text = "وقال النائب سعد الموسوي إن الجلسة تأجلت، مشيرا إلى أن النصاب لم يكتمل."
    qs = extract_quotes(text)
    assert [q.cue for q in qs] == ["قال", "مشيرا"]
    assert qs[1].speaker.text == "سعد الموسوي"
    assert _content(text, qs[0]) == "الجلسة تأجلت"


def test_anonymous_source_and_medium() -> None:
    text = "وقال مسؤول أمني رفيع لـ«المدى» إن الطريق أعيد فتحه."
    q = _one(text)
    assert q.speaker.anonymous and q.speaker.text == "مسؤول أمني رفيع"
    assert q.speaker.medium == "المدى"


def test_chain_agency_is_medium_official_is_speaker() -> None:
    text = "ونقلت رويترز عن مسؤول أوروبي كبير قوله إن العقوبات ستمدد ستة أشهر."
    q = _one(text)
    assert q.speaker.text == "مسؤول أوروبي كبير" and q.speaker.anonymous
    assert q.speaker.medium == "رويترز"


def test_told_outlet_is_medium() -> None:
    text = "أبلغ مصدر حكومي «العالم» أن الموازنة أرسلت إلى البرلمان."
    q = _one(text)
    assert q.speaker.text == "مصدر حكومي" and q.speaker.medium == "العالم"


def test_denials() -> None:
    a = _one("ونفت الشركة وجود أي تسريب في الأنبوب.")
    assert a.polarity == "deny" and a.cue == "نفت"
    b = _one("وقال المتحدث باسم الجيش: «لا صحة لما نشر عن أي انسحاب من المدينة».")
    assert b.polarity == "deny"
    c = _one("وقال المتحدث باسم الجيش إن القوات ستبقى في مواقعها.")
    assert c.polarity == "assert"


def test_attribution_phrase_and_statement() -> None:
    text = "وبحسب وزارة الصحة، فإن عدد الإصابات انخفض هذا الأسبوع."
    q = _one(text)
    assert q.speaker.text == "وزارة الصحة" and q.cue == "بحسب"
    assert _content(text, q) == "عدد الإصابات انخفض هذا الأسبوع"
    text2 = "وجاء في بيان للرئاسة أن القمة ستعقد في الرياض."
    q2 = _one(text2)
    assert q2.cue == "جاء في" and q2.speaker.text == "بيان للرئاسة"


def test_according_to_timings_is_not_a_source() -> None:
    assert extract_quotes("وسينفذ الاتفاق وفق توقيتات متفق عليها بين البلدين.") == []


def test_between_is_not_a_cue() -> None:
    assert extract_quotes("جرت مباحثات بين الوفدين في العاصمة وسط أجواء إيجابية.") == []


def test_multi_paragraph_quote() -> None:
    text = "وقال الوزير: «الوضع تحسن كثيرا.\n\nوسنعلن خطة جديدة الأسبوع المقبل»."
    q = _one(text)
    assert q.direct and "\n\n" in _content(text, q)
    assert _content(text, q).endswith("الأسبوع المقبل")


def test_postposed_direct_quote() -> None:
    text = "«لن نرفع الضرائب هذا العام»، قال وزير المالية."
    q = _one(text)
    assert q.direct and q.speaker.text == "وزير المالية"
    assert _content(text, q) == "لن نرفع الضرائب هذا العام"


def test_speaker_linked_to_entity_mention_and_role_split() -> None:
    text = "وقال رئيس الوزراء محمد شياع السوداني إن الحكومة ملتزمة بالجدول."
    s = text.index("محمد")
    ent = EntityMention("d", s, s + len("محمد شياع السوداني"), "محمد شياع السوداني", "PER", entity="e_1")
    q = _one(text, entities=[ent])
    assert q.speaker.entity == "e_1" and q.speaker.role == "رئيس الوزراء"
    assert (q.speaker.start, q.speaker.end) == (ent.start, ent.end)


def test_date_from_text_or_document() -> None:
    text = "وقال المتحدث، الخميس، إن الاجتماع انتهى."
    s = text.index("الخميس")
    tx = Timex("d", s, s + 6, "الخميس", "DATE", "2024-05-02")
    q = _one(text, date="2024-05-05", timex=[tx])
    assert q.date == "2024-05-02"
    q2 = _one("وقال المتحدث إن الاجتماع انتهى.", date="2024-05-05")
    assert q2.date == "2024-05-05"


def test_annotate_fills_doc_analysis() -> None:
    text = "وقالت الوزارة إن الامتحانات ستبدأ في موعدها."
    doc = Document("d_x", "x.txt", 0, "t", None, Published("2024-01-02"), "ar", text)
    da = DocAnalysis(doc)
    annotate(da)
    assert len(da.quotes) == 1 and da.quotes[0].doc == "d_x" and da.quotes[0].date == "2024-01-02"
    doc.language = "en"
    da2 = DocAnalysis(doc)
    annotate(da2)
    assert da2.quotes == []


def test_quote_pairs_skip_apostrophes_inside_words() -> None:
    assert quote_pairs("it's fine") == []
    assert quote_pairs("قال «نعم» ثم 'لا'") == [(4, 8), (13, 16)]


_ALPHABET = st.sampled_from(list("قال إن أن «»“”\"':،,.\n مسؤول كبير وزير نفى لم نناقش 2500 جندي") + ["\u064b", "\u0640", "😀", "\x00"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_offsets_round_trip_on_arabic_like_text(text: str) -> None:
    for q in extract_quotes(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert 0 <= q.content.start <= q.content.end <= len(text)
        if q.speaker.start >= 0:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    for q in extract_quotes(text):
        assert text[q.speaker.start : q.speaker.end] == q.speaker.text


def test_audience_is_not_a_speaker_and_svo_denial() -> None:
    text = "غير أن مسؤولا في وزارة المالية نفى وجود عجز، وقال للصحفيين: الرواتب مؤمنة حتى نهاية العام."
    deny, said = extract_quotes(text)
    assert deny.polarity == "deny" and deny.speaker.text == "مسؤولا في وزارة المالية" and deny.speaker.anonymous
    assert said.speaker.text == deny.speaker.text  # "للصحفيين" is who heard it
    assert text[said.content.start : said.content.end] == "الرواتب مؤمنة حتى نهاية العام"


def test_parenthesised_office_and_decimal_number_in_content() -> None:
    text = "وقالت هيئة الإحصاء (الرسمية) إن 2.5 مليون شخص يعملون في القطاع العام."
    q = _one(text)
    assert q.speaker.text == "هيئة الإحصاء (الرسمية)"
    assert _content(text, q) == "2.5 مليون شخص يعملون في القطاع العام"


def test_imperfect_cue_without_subject_is_a_description() -> None:
    assert extract_quotes("وتبنت الهجمات جماعات تقول إنها ترد على القصف.") == []


def test_titled_definite_office_is_not_anonymous() -> None:
    q = _one("وقال المتحدث باسم وزارة الصحة إن المستشفيات جاهزة.")
    assert not q.speaker.anonymous and q.speaker.text == "المتحدث باسم وزارة الصحة"
    q2 = _one("وقال مسؤول عماني إن الجولة المقبلة ستعقد في مسقط.")
    assert q2.speaker.anonymous


# --------------------------------------------------------------------------- real-news patterns


def _ments(text: str, *spans: tuple[str, str]) -> list[EntityMention]:
    """Mentions for the given (name, type) pairs at their first occurrence."""
    out = []
    for name, typ in spans:
        s = text.index(name)
        out.append(EntityMention("d", s, s + len(name), name, typ, entity=f"e_{name}"))
    return out


def _check_offsets(text: str, qs) -> None:
    for q in qs:
        assert text[q.speaker.start : q.speaker.end] == q.speaker.text


def test_title_description_resolves_to_earlier_full_name() -> None:
    text = (
        "استقبل وزير الصحة الأردني سامر الخطيب وفدا من الأطباء أمس. "
        "وقال الوزير إن المستشفيات الجديدة ستفتح أبوابها في الخريف."
    )
    q = _one(text, entities=_ments(text, ("سامر الخطيب", "PER")))
    assert q.speaker.text == "سامر الخطيب"
    assert q.speaker.role == "الوزير"
    assert q.speaker.entity == "e_سامر الخطيب"
    assert q.confidence < 0.75  # inferred, not written
    _check_offsets(text, [q])


def test_honorific_pronoun_continues_the_named_speaker() -> None:
    text = (
        "أكد معالي الشيخ ناصر الحمدان وزير النقل أن الطريق الجديد سيخفف الزحام.\n"
        "وأوضح معاليه أن الأعمال ستنتهي قبل نهاية العام."
    )
    qs = extract_quotes(text, entities=_ments(text, ("ناصر الحمدان", "PER")))
    assert len(qs) == 2
    assert "ناصر الحمدان" in qs[1].speaker.text
    _check_offsets(text, qs)


def test_shortened_organisation_resolves_to_its_full_name() -> None:
    text = (
        "تبدأ هيئة الرقابة المالية غدا استقبال الطلبات.\n"
        "وأوضحت الهيئة أن التقديم سيكون عبر موقعها فقط."
    )
    q = _one(text)
    assert q.speaker.text == "هيئة الرقابة المالية"
    _check_offsets(text, [q])


def test_definite_source_refers_to_earlier_anonymous_sources() -> None:
    text = (
        "قالت مصادر مطلعة إن المفاوضات توقفت مساء الأحد.\n"
        "ونقلت صحيفة الغد عن المصادر قولها إن الوفدين غادرا الفندق."
    )
    qs = extract_quotes(text)
    assert [q.speaker.text for q in qs] == ["مصادر مطلعة", "مصادر مطلعة"]
    assert qs[1].speaker.medium is not None


def test_name_after_office_inside_the_construction_is_the_speaker() -> None:
    text = "صرح المتحدث الإعلامي بشرطة منطقة تبوك العقيد فهد الزهراني بأن الدوريات أوقفت المشتبه به."
    q = _one(text, entities=_ments(text, ("فهد الزهراني", "PER")))
    assert q.speaker.text == "فهد الزهراني"
    assert q.speaker.role is not None and "المتحدث الإعلامي" in q.speaker.role
    assert _content(text, q).startswith("الدوريات")


def test_continuation_takes_the_new_narrative_subject() -> None:
    text = (
        "قال المحلل سعيد النمر إن الأسواق ستتعافى قريبا.\n"
        "وفي الرياض، انتقد خالد العتيبي، رئيس الغرفة التجارية، القرار الأخير. "
        "وقال إن التجار لم يستشاروا قبل صدوره."
    )
    ents = _ments(text, ("سعيد النمر", "PER"), ("خالد العتيبي", "PER"))
    qs = extract_quotes(text, entities=ents)
    assert [q.speaker.text for q in qs] == ["سعيد النمر", "خالد العتيبي"]
    _check_offsets(text, qs)


def test_continuation_ignores_names_inside_the_previous_content() -> None:
    text = "قال المحلل سعيد النمر إن خالد العتيبي أخطأ في تقديره. وأضاف أن السوق أقوى مما يظن."
    ents = _ments(text, ("سعيد النمر", "PER"), ("خالد العتيبي", "PER"))
    qs = extract_quotes(text, entities=ents)
    assert [q.speaker.text for q in qs] == ["سعيد النمر", "سعيد النمر"]


def test_nominal_report_after_named_subject() -> None:
    text = "أعلنت إدارة نادي الفجر التعاقد مع المهاجم البرازيلي لموسمين."
    q = _one(text, entities=_ments(text, ("نادي الفجر", "ORG")))
    assert q.speaker.text.endswith("نادي الفجر")
    assert _content(text, q).startswith("التعاقد") or _content(text, q).startswith("مع")


def test_nominal_report_with_person_and_preposition() -> None:
    text = "أكد مدير التعليم في المحافظة سالم البقمي على أهمية التزام الطلاب بالمواعيد."
    q = _one(text, entities=_ments(text, ("سالم البقمي", "PER")))
    assert q.speaker.text == "سالم البقمي"
    assert _content(text, q).startswith("أهمية")
    assert q.polarity == "assert"


def test_nominal_frame_needs_a_named_subject() -> None:
    assert extract_quotes("أعلن أمس عن موعد جديد للحفل في الحديقة.") == []


# --- frame rules for real news (annotators/quotes/frames.py), sentences written for these tests


def test_document_is_a_source_of_an_attribution_phrase() -> None:
    text = "وبحسب نص الاتفاقية، يحصل النادي على نصف قيمة انتقال اللاعب."
    q = _one(text)
    assert q.speaker.text == "نص الاتفاقية"
    assert _content(text, q).startswith("يحصل النادي")
    text = "ارتفعت أسعار الخضار في الأسواق الشعبية بنسبة كبيرة وفق مسح أجرته الغرفة التجارية."
    assert _one(text).speaker.text.startswith("مسح")


def test_time_phrase_ends_an_attribution_source() -> None:
    text = "انتقل الحارس إلى نادي الساحل بحسب ما ذكر وكيل أعماله يوم الأربعاء."
    q = _one(text)
    assert "الأربعاء" not in q.speaker.text and "وكيل" in (q.speaker.role or "") + q.speaker.text


def test_connector_with_cue_ends_running_content() -> None:
    text = "أكد الوزير سالم النعيمي أن الميزانية متوازنة كما أشار النعيمي إلى أن العجز تراجع."
    qs = extract_quotes(text, entities=_ments(text, ("سالم النعيمي", "PER"), ("النعيمي", "PER")))
    assert [q.cue for q in qs] == ["أكد", "أشار"]
    assert _content(text, qs[0]) == "الميزانية متوازنة"


def test_whoever_says_is_not_a_report() -> None:
    text = "وقال المدرب: «الفريق قدم كل ما عنده اليوم» ومن يقول غير ذلك لم يشاهد المباراة."
    assert [q.cue for q in extract_quotes(text)] == ["قال"]


def test_between_after_pronoun_is_the_preposition() -> None:
    text = "وأعلن الأمير فهد الذي أكد في اتصال بينه وبين اللجنة أن الدعم مستمر."
    assert all(q.cue != "بين" for q in extract_quotes(text))


def test_adverb_with_tanween_is_not_the_speaker() -> None:
    text = "قال المذيع حمد الراشد إن البرنامج توقف. وكتب سابقاً منتقداً القناة: «لن أعود إلى الشاشة قريبا»."
    qs = extract_quotes(text, entities=_ments(text, ("حمد الراشد", "PER")))
    assert [q.cue for q in qs] == ["قال", "كتب"]
    assert qs[1].speaker.text == "حمد الراشد"


def test_describe_takes_an_object_and_a_plain_noun_is_no_content() -> None:
    text = "قال الوزير ماجد العلي إن المفاوضات طويلة، ووصف الجولة الأخيرة بأنها صعبة ومفيدة."
    qs = extract_quotes(text, entities=_ments(text, ("ماجد العلي", "PER")))
    assert [q.speaker.text for q in qs] == ["ماجد العلي", "ماجد العلي"]
    assert extract_quotes("وصف رئيس الجمعية خالد العمر الحملة بالناجحة والمثمرة.") == []


def test_relayed_source_inside_the_subject_is_the_speaker() -> None:
    text = "وذكرت المصادر نقلاً عن صيادين محليين، أن المياه غمرت الشاطئ الشمالي."
    q = _one(text)
    assert q.speaker.text.startswith("صيادين محليين")


def test_chain_with_a_reporting_verbal_noun() -> None:
    text = "نقلت صحيفة الأفق عن وزير المالية حسن الدباغ، توقعه تحسن الإيرادات خلال العام المقبل."
    q = _one(text, entities=_ments(text, ("حسن الدباغ", "PER")))
    assert q.speaker.text == "حسن الدباغ"
    assert _content(text, q).startswith("تحسن الإيرادات")


def test_subordinate_report_does_not_take_over_the_continuation() -> None:
    text = (
        "قال مدير الصندوق نايف السالم إن العام كان جيدا، حيث أظهرت الأرقام أن القروض زادت، "
        "مشيرا إلى أن الطلب مرتفع."
    )
    qs = extract_quotes(text, entities=_ments(text, ("نايف السالم", "PER")))
    assert [(q.cue, q.speaker.text) for q in qs] == [
        ("قال", "نايف السالم"), ("أظهرت", "الأرقام"), ("مشيرا", "نايف السالم")
    ]


def test_purpose_verb_with_object_pronoun_makes_a_new_narrative_subject() -> None:
    text = (
        "قال المطرب نادر الفهد إن الحفل تأجل. وانتقده الناقد سعيد الهاجري ليرد عليه الفهد "
        "في اليوم التالي. وقال إن النقد لا يزعجه."
    )
    at = text.index("عليه الفهد") + len("عليه ")
    ents = [*_ments(text, ("نادر الفهد", "PER"), ("سعيد الهاجري", "PER")), EntityMention("d", at, at + 5, "الفهد", "PER")]
    qs = extract_quotes(text, entities=ents)
    assert qs[-1].speaker.text.endswith("الفهد")  # the singer answering, not the critic
