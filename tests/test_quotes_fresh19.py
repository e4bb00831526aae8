"""Quote rules from the fresh real-news batch rn432–rn439 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_the_statement_speaks_for_the_body_that_issued_it() -> None:
    # "قالت X في بيان إن …" then "وقال البيان" / "وتابع البيان": X, not the word البيان
    got = _quotes("قالت قيادة الدفاع المدني في بيان اليوم إن الحريق أخمد. وقال البيان إن ثلاثة منازل تضررت. "
                  "وتابع البيان ان فرق الإنقاذ بقيت في الموقع.")  # fmt: skip
    assert [sp for _, sp, _ in got] == ["قيادة الدفاع المدني"] * 3
    # the body that issued a statement and then spoke in it
    got = _quotes("أصدرت جمعية حماية المستهلك بيانا قالت فيه إن الأسعار ارتفعت. وأضاف البيان أن الرقابة ضرورية.")
    assert [sp for _, sp, _ in got] == ["جمعية حماية المستهلك"] * 2
    # with no statement before it, the statement stays the speaker
    got = _quotes("قالت الشرطة إن اللصوص فروا. وقال البيان إن العصابة سرقت المتاجر.")
    assert [sp for _, sp, _ in got] == ["الشرطة", "البيان"]


def test_another_speaker_between_leaves_the_statement_its_own_speaker() -> None:
    # once someone else has spoken, which body's statement "البيان" is is no longer plain
    got = _quotes("قالت قيادة الدفاع المدني في بيان إن الحريق أخمد. وقال الخبير سعد النمر إن التحقيق طويل. "
                  "وبحسب البيان، تضررت ثلاثة منازل.")  # fmt: skip
    assert [sp for _, sp, _ in got] == ["قيادة الدفاع المدني", "سعد النمر", "البيان"]


def test_according_to_the_statement_before_a_verb() -> None:
    # "وطبقا للبيان استهدفت …": the source is the statement alone, the clause after it its content
    got = _quotes("قالت قيادة الدفاع المدني في بيان إن الحريق أخمد. وطبقا للبيان أنقذت الفرق عشرة أشخاص من المبنى.")
    assert got[1] == ("طبقا", "قيادة الدفاع المدني", "أنقذت الفرق عشرة أشخاص من المبنى")
    # a definite adjective still belongs to the source
    got = _quotes("فر اللصوص من المدينة وفقا للبيان الصادر عن الشرطة.")
    assert got == [("وفقا", "للبيان الصادر عن الشرطة", "فر اللصوص من المدينة")]


def test_conjunction_written_apart_from_the_cue_continues() -> None:
    # "و اضاف أن …": the و standing alone is no speaker; the one quoted before goes on
    got = _quotes("وقال المدير سامي العلي إن المبيعات زادت. و اضاف أن الشركة ستفتح فروعا جديدة.")
    assert got[1] == ("اضاف", "سامي العلي", "الشركة ستفتح فروعا جديدة")
    got = _quotes("قالت الوزيرة هند سالم إن العمل مستمر. و أكدت أن الخطة جاهزة.")
    assert [sp for _, sp, _ in got] == ["هند سالم", "هند سالم"]


def test_yadhkur_with_its_own_subject_reports() -> None:
    # "يذكر الباحث X في كتابه أن …" is a report; the narrator's "يذكر أن …" is not
    got = _quotes("يذكر الباحث خالد الحربي في كتابه أن المدينة تأسست قبل قرون.")
    assert got == [("يذكر", "خالد الحربي", "المدينة تأسست قبل قرون")]
    got = _quotes("قال المدير سامي العلي إن المبيعات زادت. ويذكر أن الشركة تأسست قبل عشرين عاما.")
    assert [c for c, _, _ in got] == ["قال"]
    assert _quotes("لم يقدم الفريق شيئا يذكر في المباراة.") == []
    # "مما يذكر أن", "مما يؤكد أن": the writer's relative clause, no one's report
    assert _quotes("ارتفعت الأسعار في يوليو. مما يذكر أن الأسعار ارتفعت في العام الماضي أيضا.") == []
    assert _quotes("تراجعت المبيعات مما يؤكد أن السوق ضعيف.") == []


def test_kin_noun_is_not_the_article() -> None:
    # "والدة X" (his mother) opens like و+ال: she speaks, not her son named earlier
    got = _quotes("تعرض السباح جون ماكلين لحادث في البحر. وأكدت والدة ماكلين أنها شاهدت الحادث كاملا.")
    assert got == [("أكدت", "والدة ماكلين", "شاهدت الحادث كاملا")]
    got = _quotes("قال والي الولاية أحمد عثمان إن الأمطار توقفت.")
    assert got == [("قال", "أحمد عثمان", "الأمطار توقفت")]


def test_oblique_plural_after_a_definite_subject_is_the_addressee() -> None:
    # "ودعت الجامعة الراغبين … إلى …": whom it calls on, not part of the speaker
    got = _quotes("أعلنت الجامعة عن وظائف جديدة. ودعت الجامعة الراغبين في العمل ممن تنطبق عليهم الشروط إلى التقديم.")
    assert got[1] == ("دعت", "الجامعة", "التقديم")
    assert _quotes("دعت الشركة المستثمرين إلى حضور الاجتماع.") == [("دعت", "الشركة", "حضور الاجتماع")]
    # a nisba adjective of the subject stays with it
    assert _quotes("دعا الاتحاد الأوروبي الطرفين إلى الحوار.") == [("دعا", "الاتحاد الأوروبي", "الحوار")]


def test_a_promise_with_the_promised_action() -> None:
    # "ووعد بالعمل على …", "وعد X … بخفض …": what is promised is the content, like طالب بـ
    got = _quotes("وقال الرئيس سالم العلي إن الوضع صعب. ووعد بالعمل على تخفيف العبء عن المدينة.")
    assert got[1] == ("وعد", "سالم العلي", "بالعمل على تخفيف العبء عن المدينة")
    got = _quotes("ووعد المرشح سالم العلي الذي يدعمه الحزب أثناء حملته بخفض الضرائب ورفع الأجور.")
    assert got == [("وعد", "سالم العلي", "بخفض الضرائب ورفع الأجور")]
    assert _quotes("وعد الرئيس المواطنين بحياة أفضل.") == [("وعد", "الرئيس", "بحياة أفضل")]
    # the noun (a promise) is no cue
    assert _quotes("صدر وعد بلفور عام 1917.") == []


def test_calling_on_all_without_a_preposition() -> None:
    # "داعيا جميع المواطنين والمقيمين الإبلاغ عن …": the group called on, then the action asked
    got = _quotes("وقال المدير سالم العلي إن الحملة مستمرة، داعيا جميع المواطنين والمقيمين الإبلاغ عن المخالفين.")
    assert got[1] == ("داعيا", "سالم العلي", "جميع المواطنين والمقيمين الإبلاغ عن المخالفين")
    # with إلى the action alone, as before; the group alone asks for nothing
    got = _quotes("وقال الوزير سالم العلي إن الحوار مستمر، داعيا جميع الأطراف إلى التعاون مع اللجنة.")
    assert got[1] == ("داعيا", "سالم العلي", "التعاون مع اللجنة")
    assert len(_quotes("وقال الوزير سالم العلي إن الحوار مستمر، داعيا جميع الحضور.")) == 1
