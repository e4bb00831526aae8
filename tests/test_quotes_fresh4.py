"""Regression tests for quote patterns met on the fresh dev batch rn400–rn411.

The sentences are our own, written to show each pattern; the articles are not copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_participle_after_a_nominal_object_reports_on_its_own() -> None:
    got = _quotes("وأعلنت حركة الشباب الصومالية تنفيذ أحد عناصرها الهجوم على الفندق صباح اليوم "
                  "قائلة في بيان إن الفندق كان يؤوي مسؤولين أجانب.")  # fmt: skip
    assert [(cue, sp) for cue, sp, _ in got] == [("أعلنت", "حركة الشباب الصومالية"), ("قائلة", "حركة الشباب الصومالية")]
    assert got[0][2].startswith("تنفيذ") and got[1][2].startswith("الفندق")


def test_an_after_baad_or_illa_is_not_the_cues_complementizer() -> None:
    got = _quotes("وكانت الشرطة المحلية أعلنت في مارس تفكيك الخلية، إلا أن عناصر منها عادوا إلى النشاط.")
    assert got == [("أعلنت", "الشرطة المحلية", "تفكيك الخلية")]
    got = _quotes("وتظهر البيانات مؤشرات سلبية بعد أن تراجعت مبيعات الشركة في الربع الأول.")
    assert [(sp, c.split()[0]) for _, sp, c in got] == [("البيانات", "مؤشرات")]


def test_data_show_a_noun_phrase() -> None:
    got = _quotes("وأظهرت بيانات وزارة المالية تراجعا في الإيرادات خلال النصف الأول من العام.")
    assert got == [("أظهرت", "بيانات وزارة المالية", "تراجعا في الإيرادات خلال النصف الأول من العام")]


def test_wire_credit_closing_a_quoted_sentence_is_its_medium() -> None:
    got = _quotes("وذكر الوزير خالد السالم أن الأسعار لن ترتفع هذا العام واصفا تقلبها بأنه أمر عابر.بحسب رويترز.")
    assert [cue for cue, _, _ in got] == ["ذكر", "واصفا"]


def test_the_same_source_is_the_one_named_before() -> None:
    got = _quotes("قتل خمسة أشخاص في انفجار وسط المدينة بحسب مصدر في الشرطة. "
                  "كما أصيب عشرة آخرون بجروح بحسب المصدر نفسه.")  # fmt: skip
    assert [sp for _, sp, _ in got] == ["مصدر في الشرطة", "مصدر في الشرطة"]


def test_praise_with_a_quotation_is_a_report() -> None:
    got = _quotes("وأثنى المهاجم سالم العلي على مدربه «أعطانا ثقة كبيرة قبل المباراة وغير طريقة لعبنا».")
    assert got == [("أثنى", "سالم العلي", "أعطانا ثقة كبيرة قبل المباراة وغير طريقة لعبنا")]
    assert _quotes("وأشاد الوزير بجهود رجال الأمن في حفظ النظام.") == []


def test_renewed_affirmation_continues_the_speaker() -> None:
    got = _quotes("وأكد الوزير خالد السالم أن المفاوضات مستمرة. وجدد التأكيد على أهمية الحوار بين الأطراف.")
    assert [(cue, sp) for cue, sp, _ in got] == [("أكد", "خالد السالم"), ("جدد التأكيد", "خالد السالم")]
    assert got[1][2].startswith("أهمية الحوار")


def test_comma_after_the_speakers_name_opens_the_content() -> None:
    got = _quotes("وقال المتحدث الرسمي للدفاع المدني في المنطقة سالم بن علي الغامدي، "
                  "تلقت غرفة العمليات بلاغا عن حريق في مستودع.")  # fmt: skip
    assert got == [("قال", "سالم بن علي الغامدي", "تلقت غرفة العمليات بلاغا عن حريق في مستودع")]


def test_definite_sources_with_no_earlier_source_are_themselves() -> None:
    got = _quotes("وقال المتحدث الأمني سالم العلي إن الحريق أخمد. وتشير المصادر إلى أن الحريق بدأ في المطبخ.")
    assert [sp for _, sp, _ in got] == ["سالم العلي", "المصادر"]


def test_addressee_with_a_pronoun_is_not_the_speaker() -> None:
    got = _quotes("ونقل موقع الجامعة عن الطالب سالم العتيبي قوله إنه سيعود قريبا. "
                  "وقام الطالب بإغلاق الباب وقال لزملائه إنه لن يتراجع.")  # fmt: skip
    assert [sp for _, sp, _ in got] == ["سالم العتيبي", "سالم العتيبي"]


def test_planned_or_boilerplate_announcements_are_no_reports() -> None:
    assert _quotes("ويتوقع أن تعلن إدارة النادي عن أسماء اللاعبين الجدد بعد انتهاء المعسكر.") == []
    assert _quotes("رابط الخبر بصحيفة الوئام: الوزارة تعلن عن موعد الاختبارات") == []


def test_participle_after_a_coordinated_verb_takes_its_subject() -> None:
    got = _quotes("وأكد المشجعون أن الفريق سيعود، فيما رأت فئة أخرى أن المدرب يتحمل الخطأ، "
                  "وحملت فئة ثالثة اللاعبين الخسارة مشيرة إلى أنهم لم يبذلوا جهدا.")  # fmt: skip
    assert [(cue, sp) for cue, sp, _ in got][-1] == ("مشيرة", "فئة ثالثة")


def test_fronted_subject_before_a_comma_and_afada_an() -> None:
    got = _quotes("وكانت حصيلة أولية للحادث، أفادت مساء الأحد عن وفاة ثلاثة أشخاص.")
    assert got == [("أفادت", "حصيلة أولية للحادث", "وفاة ثلاثة أشخاص")]


def test_person_in_a_fronted_time_clause_speaks() -> None:
    got = _quotes("بدأت محاكمة الشاب سالم العتيبي أمس. وحين تم استجواب الشاب أقر بأنه كان يمزح.")
    assert got == [("أقر", "سالم العتيبي", "كان يمزح")]


def test_named_subject_of_a_nominal_report_ends_at_its_comma() -> None:
    got = _quotes("من جانبه أكد مدير إدارة شؤون الموظفين رئيس مركز التدريب سالم بن خالد العمري، "
                  "أهمية التزام المتدربين بالمواعيد.")  # fmt: skip
    assert got == [("أكد", "سالم بن خالد العمري", "أهمية التزام المتدربين بالمواعيد")]


def test_possessed_object_is_no_subject() -> None:
    got = _quotes("وقد أعلنت منظمة إرهابية مسؤوليتها عن التفجير. "
                  "وكانت المنظمة أعلنت الشهر الماضي مسؤوليتها عن اعتداء آخر قرب الميناء.")  # fmt: skip
    assert [sp for _, sp, _ in got] == ["منظمة إرهابية", "منظمة إرهابية"]


def test_a_clause_after_baynama_is_no_content() -> None:
    got = _quotes("وأعلن نادي الهلال الذي يستعد للموسم الجديد تعاقده مع المدافع سالم العلي أمس "
                  "بينما عبر النصر عن غضبه من الصفقة.")  # fmt: skip
    assert [(sp, "غضبه" in c) for _, sp, c in got] == [("نادي الهلال", False)]


def test_definite_sources_resolve_to_the_matching_earlier_source() -> None:
    got = _quotes("نقلت وكالة الأنباء عن مصادر أمنية وطبية أن عشرة أشخاص قتلوا. وقال شهود إن الانفجار كان قويا. "
                  "غير أن المصادر الأمنية والطبية أوضحت أن بين القتلى طفلين.")  # fmt: skip
    assert [sp for _, sp, _ in got] == ["مصادر أمنية وطبية", "شهود", "مصادر أمنية وطبية"]


def test_zero_subject_cue_after_a_described_person_is_that_person() -> None:
    got = _quotes("ونقل موقع الجامعة عن المبتعث سالم العتيبي قوله إنه سيعود قريبا. وقالت الشرطة إن التحقيق مستمر. "
                  "وقام الطالب بإيذاء الموظفة لفظيا وقال لها إنه سيعود غدا.")  # fmt: skip
    assert [sp for _, sp, _ in got] == ["سالم العتيبي", "الشرطة", "سالم العتيبي"]


def test_subject_after_kana_comes_before_the_cue() -> None:
    got = _quotes("وكانت وزارة الخارجية أبلغت السفارة الأمريكية أن الاجتماع سيعقد في موعده.")
    assert got == [("أبلغت", "وزارة الخارجية", "الاجتماع سيعقد في موعده")]


def test_a_statute_provides() -> None:
    got = _quotes("لكن القانون ينص على سحب الرخصة فورا عند تكرار المخالفة.")
    assert got == [("ينص", "القانون", "سحب الرخصة فورا عند تكرار المخالفة")]
    got = _quotes("وتنص المادة الخامسة من النظام الجديد على أن يكون المرشح سعوديا.")
    assert [sp for _, sp, _ in got] == ["المادة الخامسة من النظام الجديد"]


def test_the_body_led_by_a_person_speaks() -> None:
    got = _quotes("وفي شأن آخر، طالب الجهاز الفني بقيادة المدرب سالم العتيبي بأن تقام المباراة الودية في أبها.")
    assert [sp for _, sp, _ in got] == ["الجهاز الفني"]


def test_unnamed_analysts_expect_a_noun_phrase() -> None:
    got = _quotes("توقع محللون اقتصاديون ارتفاع أسعار النفط في الربع المقبل.")
    assert got == [("توقع", "محللون اقتصاديون", "ارتفاع أسعار النفط في الربع المقبل")]
