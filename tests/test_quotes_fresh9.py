"""Regression tests for quote patterns met on the fresh dev batch rn660–rn671 (an outlet in
marks between the cue and its speaker, speech after the outlet told, a name cut short before
``أحد …``, a source placed with ``في``, ``بين`` before a passive belief, a coordinated nominal
report with no subject, ``أهاب``/``دعا … بضرورة``, ``وكان مكتب … قد دعا``).

The sentences are our own, written to show each pattern; the articles are not copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_outlet_in_marks_before_the_speaker() -> None:
    """``أوضح لـ«X» مدير … Y، أن``: the outlet told comes first, the speaker after it."""
    got = _quotes("من جانبه أوضح لـ«الصحيفة» مدير مكتب البلدية في المحافظة سالم العتيبي، أن الفريق ضبط خمسة محلات.")
    assert got == [("أوضح", "سالم العتيبي", "الفريق ضبط خمسة محلات")]


def test_outlet_in_marks_before_the_speaker_with_curly_marks() -> None:
    text = "تمكن فريق البلدية من ضبط مخالفين، من جانبه أوضح لـ”الصحيفة” مدير مكتب البلدية سالم العتيبي، أن الفريق ضبط خمسة محلات، مؤكدًا أن ذلك مخالفة للنظام."
    assert _quotes(text) == [
        ("أوضح", "سالم العتيبي", "الفريق ضبط خمسة محلات"),
        ("مؤكدًا", "سالم العتيبي", "ذلك مخالفة للنظام"),
    ]


def test_outlet_told_alone_stays_the_medium() -> None:
    """Guard: ``وقال مدير المكتب لـ«الصحيفة» إن``: the outlet is no part of the speaker."""
    assert _quotes("وقال مدير المكتب لـ «الصحيفة» إن الفريق ضبط خمسة محلات.") == [("قال", "مدير المكتب", "الفريق ضبط خمسة محلات")]


def test_speech_right_after_the_outlet_told() -> None:
    """``وقال X لـ«الصحيفة» المدينة آمنة``: no أن or colon; the words follow the outlet."""
    text = "وقال الإعلامي في الحراك سعيد المالكي لـ «الصحيفة» المدينة آمنة والحياة عادت إلى طبيعتها، مبينا بأن الأسواق فتحت أبوابها."
    assert _quotes(text) == [
        ("قال", "سعيد المالكي", "المدينة آمنة والحياة عادت إلى طبيعتها"),
        ("مبينا", "سعيد المالكي", "الأسواق فتحت أبوابها"),
    ]


def test_adjunct_after_the_outlet_waits_for_the_complementizer() -> None:
    """Guard: ``لـ«الصحيفة» أمس: …``: the colon opens the words, not the adverb."""
    assert _quotes("وقال سعيد المالكي لـ«الصحيفة» أمس: المدينة آمنة.") == [("قال", "سعيد المالكي", "المدينة آمنة")]


def test_field_title_with_fi_runs_to_the_name() -> None:
    assert _quotes("وقال الخبير في الشؤون النفطية سعيد المالكي إن الأسعار سترتفع.") == [("قال", "سعيد المالكي", "الأسعار سترتفع")]


def test_name_cut_short_before_one_of() -> None:
    """``العميد X Y Z أحد القيادات في جبهة …``: the name ends before ``أحد``."""
    text = "ومن جهته، قال العميد سالم فهد الجابري أحد القيادات الميدانية في جبهة الوادي الشرقي لـ «الصحيفة» إنه يجري تطهير مواقع، متوقعا التقدم نحو الجبل."
    assert _quotes(text) == [
        ("قال", "سالم فهد الجابري", "يجري تطهير مواقع"),
        ("متوقعا", "سالم فهد الجابري", "التقدم نحو الجبل"),
    ]


def test_a_source_placed_with_fi_in_a_nominal_report() -> None:
    """``أكد مصدر في محافظة X وصول …``: where the source is belongs to the subject."""
    got = _quotes("إلى ذلك أكد مصدر في محافظة الجوف وصول إمدادات عسكرية إلى المنطقة.")
    assert got == [("أكد", "مصدر في محافظة الجوف", "وصول إمدادات عسكرية إلى المنطقة")]
    got = _quotes("وأعلن مسؤول في وزارة الصحة تسجيل ثلاث إصابات جديدة.")
    assert got == [("أعلن", "مسؤول في وزارة الصحة", "تسجيل ثلاث إصابات جديدة")]


def test_bayna_before_a_passive_belief_is_between() -> None:
    """``بين أفراد يعتقد أنهم``: the أن is the belief's; بين is "between", no cue."""
    text = "أفادت مصادر «الصحيفة» أن مواجهات وقعت في السوق بين أفراد يعتقد أنهم من العصابة وحراس المكان، مبينة بأن هناك حالة من القلق."
    assert _quotes(text) == [
        ("أفادت", "مصادر «الصحيفة»", "مواجهات وقعت في السوق بين أفراد يعتقد أنهم من العصابة وحراس المكان"),
        ("مبينة", "مصادر «الصحيفة»", "هناك حالة من القلق"),
    ]
    assert _quotes("وبين المتحدث الرسمي أن الحريق اندلع فجرا.") == [("بين", "المتحدث الرسمي", "الحريق اندلع فجرا")]


def test_coordinated_nominal_report_with_no_subject() -> None:
    """``…. وأكد أهمية …``: the speaker of the sentence before goes on."""
    text = "قال الوزير سعد الناصر إن العلاقات قوية. وأكد أهمية تنسيق الجهود في مواجهة الأزمات."
    assert _quotes(text) == [
        ("قال", "سعد الناصر", "العلاقات قوية"),
        ("أكد", "سعد الناصر", "أهمية تنسيق الجهود في مواجهة الأزمات"),
    ]


def test_zero_subject_needs_a_coordinated_cue() -> None:
    """Guard: a noun after an uncoordinated cue that is not a verbal noun of the list is no content."""
    assert _quotes("وأكد أهمية الموضوع كثيرون.") == []


def test_office_after_kana_calls_on_with_bidarura() -> None:
    """``وكان مكتب … قد دعا جميع … بضرورة …، مهيبا للجميع بضرورة …``: the office speaks."""
    text = "وكان مكتب التعليم في المحافظة قد دعا جميع المدارس بضرورة الالتزام بالتعليمات مهيبًا للجميع بضرورة الإبلاغ عن المخالفات."
    assert _quotes(text) == [
        ("دعا", "مكتب التعليم في المحافظة", "الالتزام بالتعليمات"),
        ("مهيبًا", "مكتب التعليم في المحافظة", "الإبلاغ عن المخالفات"),
    ]


def test_ahaba_calls_on() -> None:
    assert _quotes("وأهابت الشرطة بالمواطنين عدم الاقتراب من الموقع.") == [("أهابت", "الشرطة", "بالمواطنين عدم الاقتراب من الموقع")]


def test_participle_after_a_complementizer_is_a_predicate() -> None:
    """``الجدير بالذكر أن القناة مطالبة بدفع …``: "is required", no speaker's participle."""
    assert _quotes("الجدير بالذكر أن الاتفاقية تغطي ثلاثة مواسم وأن القناة مطالبة أيضا بدفع رسوم البث للاتحاد.") == []
    got = _quotes("وقال المدير إن العقد انتهى مؤكدا أن الشركة ستدفع.")
    assert got == [("قال", "المدير", "العقد انتهى"), ("مؤكدا", "المدير", "الشركة ستدفع")]


def test_the_noun_of_a_governing_adjunct_is_no_nominal_content() -> None:
    """``أعلن الموقع الرسمي للنادي عبر تويتر``: Twitter is where, not what was announced."""
    assert _quotes("وكان الأمل موجودا بأن تنقل المباراة كما أعلن الموقع الرسمي للنادي عبر تويتر حيث أكد إمكانية نقل المباراة.") == [
        ("كما", "الموقع الرسمي للنادي", "تنقل المباراة")  # content before its cue (test_quotes_fresh10), never تويتر
    ]


def test_a_pointer_back_is_no_content() -> None:
    """``حيث صرح بذلك X``: ``بذلك`` points to the words before the cue, it is not what was said."""
    assert _quotes("المباراة لن تنقل على القناة حيث صرح بذلك الموقع الرسمي للنادي.") == []
    assert _quotes("وصرح المتحدث بأن الحريق اندلع فجرا.") == [("صرح", "المتحدث", "الحريق اندلع فجرا")]


def test_a_demonstrative_opens_the_object_of_the_sentence_verb() -> None:
    """``وثمن الأهالي هذه المبادرة مطالبين بـ…``: the residents ask, not the initiative."""
    got = _quotes("وثمن الأهالي هذه المبادرة مطالبين بضرورة إنشاء ملعب للأطفال.")
    assert got == [("مطالبين", "الأهالي", "بضرورة إنشاء ملعب للأطفال")]


def test_misspelt_according_phrases() -> None:
    """Realnews E9: ``وقفًا لـ`` and a tripled و are still ``وفقا``; ``وقفا`` with no source is nothing."""
    assert _quotes("وقفًا لموقع «الأخبار» فإن المدرب سيغادر الفريق.") == [("وقفًا", "موقع «الأخبار»", "المدرب سيغادر الفريق")]
    got = _quotes("وووفقا لإحصاءات الوزارة، ارتفع عدد الزوار إلى مليون زائر.")
    assert [(sp, c) for _, sp, c in got] == [("إحصاءات الوزارة", "ارتفع عدد الزوار إلى مليون زائر")]
    assert _quotes("وجاء ذلك وقفا للخطة الموضوعة.") == []


def test_the_sender_of_a_received_message_speaks() -> None:
    """``تلقى X برقية من الشيخ Y …، مؤكدا …``: the participle is the sender's, not the receiver's."""
    text = "تلقى الأمير فهد بن سالم برقية من الشيخ سعد ناصر الراشد وزير الخارجية في دولة البحرين تضمنت التهنئة بالإنجازات الأخيرة، مؤكداً عمق العلاقات بين البلدين."
    assert _quotes(text) == [("مؤكداً", "سعد ناصر الراشد", "عمق العلاقات بين البلدين")]
    got = _quotes("وأكد الأمير فهد بن سالم أن العلاقات قوية، مشيرا إلى أن التعاون مستمر.")
    assert got == [("أكد", "فهد بن سالم", "العلاقات قوية"), ("مشيرا", "فهد بن سالم", "التعاون مستمر")]
