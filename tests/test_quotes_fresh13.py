"""Quote rules from the fresh real-news batch rn860–rn867 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def _speakers(text: str, cue: str | None = None) -> list[str]:
    return [sp for c, sp, _ in _quotes(text) if cue is None or c == cue]


def test_name_before_a_comma_after_a_long_title_speaks_for_the_participle() -> None:
    # the name mention ends at a comma (it used to be dropped there, leaving "بن …" after the
    # title word مساعد), and the title chain before it runs past ten words
    got = _quotes("استنكر وكيل وزارة الشؤون البلدية والقروية لشؤون التخطيط والمتابعة والتطوير الدكتور "
                  "مساعد بن خالد الفهري، حادثة الحريق، مبيناً أن هذا العمل مرفوض.")  # fmt: skip
    assert got == [("مبيناً", "مساعد بن خالد الفهري", "هذا العمل مرفوض")]


def test_an_office_after_bi_qiyada_is_part_of_the_title() -> None:
    # "بقيادة الدفاع المدني" names the command the spokesman serves, not a leader of the speaker
    got = _speakers("وأوضح المتحدث الرسمي بقيادة الدفاع المدني في محافظة الواحة النقيب سالم بن محمد الحربي, "
                    "أن الفرق أنقذت طفلا. وأضاف أن الفرق أنقذت ثلاثة أشخاص.")  # fmt: skip
    assert got == ["سالم بن محمد الحربي"] * 2
    assert _speakers("وطالب الجهاز الفني بقيادة المدرب سالم الحربي بأن يحصل اللاعبون على راحة.") == [
        "الجهاز الفني"
    ]


def test_god_is_whom_a_prayer_addresses_never_its_speaker() -> None:
    got = _quotes("وقدم المدير سالم الحربي واجب العزاء لأسر الضحايا، سائلاً المولى عز وجل أن يغفر لهم، "
                  "كما سأل الله أن يحفظ البلاد من كل سوء.")  # fmt: skip
    assert [(c, sp) for c, sp, _ in got] == [("سائلاً", "سالم الحربي"), ("سأل", "سالم الحربي")]
    assert got[0][2] == "يغفر لهم"  # the participle's content stops before the next prayer
    assert _speakers("ودعا الأمير خالد بن سعد - الله عز وجل - أن يحفظ البلاد.") == ["خالد بن سعد"]
    assert _speakers("وسأل سالم الحربي الله أن يحفظ البلاد.") == ["سالم الحربي"]
    assert (
        _speakers("قال الوزير خالد الفالح إن المشروع مهم. ودعا الله أن يوفق الجميع.") == ["خالد الفالح"] * 2
    )


def test_names_holding_the_word_for_god_stay_names() -> None:
    assert _speakers("ودعا حزب الله إلى الحوار.") == ["حزب الله"]
    assert _speakers("ودعا عبد الله الحربي إلى الحوار.") == ["عبد الله الحربي"]
    assert _speakers("وقال فتح الله غولن إن الحركة سلمية.") == ["فتح الله غولن"]


def test_sa_ala_reports_only_a_prayer_or_a_question_after_a_colon() -> None:
    assert _quotes("وابتسم الجد حين سأل خالد المعلم عن الكتاب الذي قرأه الصغير فعرف أنه «بحر الأمل».") == []
    assert _quotes("وسأل القارئ سالم الحربي: «هل يمكن تسجيل الطفل؟»") == [
        ("سأل", "سالم الحربي", "هل يمكن تسجيل الطفل؟")
    ]


def test_closing_with_bil_qawl_reports_and_the_preposition_is_no_speaker() -> None:
    assert _quotes("واختتم سالم الحربي بالقول إن البطولة ستستمر.") == [
        ("اختتم", "سالم الحربي", "البطولة ستستمر")
    ]
    got = _speakers("قال المدرب سالم الحربي إن الفريق جاهز. وختم بالقول: أتقدم بالشكر للجماهير. "
                    "واكتفى بالقول: الفوز للجميع.")  # fmt: skip
    assert got == ["سالم الحربي"] * 3
    got = _speakers(
        "قال المدرب سالم الحربي إن الفريق جاهز. واختتم المدرب سالم الحربي كلامه بالقول إن البطولة صعبة."
    )
    assert got == ["سالم الحربي"] * 2  # كلامه is the verb's object, not part of the subject


def test_a_quoted_outlet_name_after_its_noun_is_no_speech() -> None:
    got = _quotes("ذكرت صحيفة «ذا نيو يورك ريفيو» اليوم الأحد أن الحكومة تخطط لرفع الأسعار. "
                  "وكشفت الصحيفة أن القرار نهائي.")  # fmt: skip
    assert got == [
        ("ذكرت", "صحيفة «ذا نيو يورك ريفيو»", "الحكومة تخطط لرفع الأسعار"),
        ("كشفت", "صحيفة «ذا نيو يورك ريفيو»", "القرار نهائي"),
    ]


def test_an_adverb_of_manner_is_no_speaker() -> None:
    assert _quotes("أعلنت الوزارة رسميا أن المدارس ستفتح.") == [("أعلنت", "الوزارة", "المدارس ستفتح")]
    assert _quotes("ويُتوقع رسميا أن ينمو الاقتصاد خمسة في المئة هذا العام.") == []
    got = _speakers("قال المدير سالم الحربي إن الفعاليات ناجحة. وبيّن ضمن حديثه أن الأطفال سعداء.")
    assert got == ["سالم الحربي"] * 2


def test_a_statement_issued_by_it_keeps_the_statement_as_source() -> None:
    got = _quotes("وكانت الإدارة دفعت الرواتب كاملة حسب البيان الصادر منها.")
    assert got == [("حسب", "البيان الصادر منها", "وكانت الإدارة دفعت الرواتب كاملة")]


def test_ala_al_tawali_is_an_adverb_not_the_content_of_akkada_ala() -> None:
    assert (
        _quotes("أكد مدير النادي سالم الحربي سعادته بتحقيق الفريق البطولة للمرة الثالثة على التوالي.") == []
    )
    assert _quotes("وأكد الوزير على الرغم من الأزمة أن الاقتصاد قوي.") == [("أكد", "الوزير", "الاقتصاد قوي")]
    assert _quotes("أكد الوزير على أهمية التعاون.") == [("أكد", "الوزير", "أهمية التعاون")]


def test_a_long_title_with_a_place_then_a_feeling_is_no_report() -> None:
    # "بالمنطقة" after the title chain belongs to it; what follows the name is a feeling
    got = _quotes("من جهته، أكد مدير عام الهيئة الإقليمية للثقافة والفنون أمين عام مجلس تطوير الحرف اليدوية "
                  "بالمنطقة المهندس سالم الحربي سعادته بنجاح الدورة الخامسة للمهرجان، مشيرا إلى أنها "
                  "جذبت الزوار.")  # fmt: skip
    assert got == [("مشيرا", "سالم الحربي", "جذبت الزوار")]


def test_whole_name_apposed_after_a_title() -> None:
    got = _speakers("وصرح قائد شرطة لاموكا، كريسبوس أوتينو، لوكالة الأنباء أن خمسة أشخاص قتلوا.")
    assert got == ["كريسبوس أوتينو"]


def test_umum_opens_the_addressee_of_a_call() -> None:
    assert _quotes("دعت الشرطة البريطانية عموم المواطنين إلى حضور الاحتفالات بشكل طبيعي.") == [
        ("دعت", "الشرطة البريطانية", "حضور الاحتفالات بشكل طبيعي")
    ]


def test_a_text_posted_with_nassuha_is_its_author_s() -> None:
    got = _quotes("عبر حسابه في تويتر، نشر الأمير سعود بن خالد تغريدة نصها: «نهنئ الفريق بالفوز المستحق».")
    assert got == [("نصها", "سعود بن خالد", "نهنئ الفريق بالفوز المستحق")]
