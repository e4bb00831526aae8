"""Quote rules from the fresh real-news batch rn348–rn355 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_subject_before_the_verb_starts_after_fa_inna() -> None:
    # "وعلى الرغم من أن … فإن المجلس قال إن": the subject search stops at فإن, so the speaker is
    # the council (resolved to its earlier full name), not the clause before it
    got = _quotes("قالت الجمعية الخيرية إن التبرعات زادت. وعلى الرغم من ان الدعم قليل فان الجمعية قالت إن العمل مستمر.")
    assert [sp for _, sp, _ in got] == ["الجمعية الخيرية", "الجمعية الخيرية"]
    got = _quotes("ومع ذلك فإن خبراء الطاقة يقولون إن الأسعار سترتفع قريبا.")
    assert got == [("يقولون", "خبراء الطاقة", "الأسعار سترتفع قريبا")]


def test_go_on_saying_continues_the_last_speaker() -> None:
    # "ومضى يقول إن …", "وتابع يقول إن …": more words of the one quoted before
    for lead in ("ومضى", "وتابع"):
        got = _quotes(f"وقال المدير سامي العلي إن المبيعات زادت. {lead} يقول إن الشركة ستفتح فروعا جديدة.")
        assert got[1] == ("يقول", "سامي العلي", "الشركة ستفتح فروعا جديدة")
    got = _quotes("قالت الوزيرة هند سالم إن المبيعات زادت. واستطردت تقول إن الشركة ستفتح فروعا جديدة.")
    assert got[1] == ("تقول", "هند سالم", "الشركة ستفتح فروعا جديدة")
    # a bare imperfect with a description before it still describes, it does not continue
    assert _quotes("وصلت فصائل مسلحة تقول إنها تحمي المدينة.") == []


def test_the_owner_of_data_is_the_antecedent_of_its_definite_mention() -> None:
    # "أظهرت بيانات من إدارة X أن …" then "وقالت الإدارة": the body, not the data
    got = _quotes("أظهرت بيانات من ادارة معلومات السكان ان البطالة انخفضت. وقالت الادارة ايضا ان الأجور ارتفعت.")
    assert [sp for _, sp, _ in got] == ["بيانات من ادارة معلومات السكان", "ادارة معلومات السكان"]
    # the data themselves go on speaking as the data
    got = _quotes("أظهرت بيانات من ادارة معلومات السكان ان البطالة انخفضت. وأضافت البيانات ان الأجور ارتفعت.")
    assert [sp for _, sp, _ in got] == ["بيانات من ادارة معلومات السكان"] * 2


def test_relative_clause_after_kana_has_its_own_subject() -> None:
    # "وكان الوزير … الخطة التي ذكرت الصحيفة أنها …": the paper speaks, not the minister (E4)
    got = _quotes("وكان الوزير سالم العلي لديه فريق لإعداد الخطة التي ذكرت الصحيفة أنها تتطلب ألف موظف.")
    assert got == [("ذكرت", "الصحيفة", "تتطلب ألف موظف")]
    got = _quotes('وأفادت صحيفة "الأنباء" بأن الخطة سرية. وكان الوزير لديه فريق لإعداد الخطة التي ذكرت الصحيفة أنها تتطلب ألف موظف.')
    assert got[1][1] == 'صحيفة "الأنباء"'


def test_by_his_account_with_nobody_quoted_before() -> None:
    # "حسب روايته للشيخ X": the clause is the story of the person it is about (E5)
    got = _quotes("تمكن الداعية المعروف الشيخ سالم العمري من الهرب عبر الجبال حسب روايته للشيخ خالد الزهراني.")
    assert got == [("حسب", "سالم العمري", "تمكن الداعية المعروف الشيخ سالم العمري من الهرب عبر الجبال")]
    got = _quotes("وصل المواطن إلى بيته حسب روايته.")
    assert got == [("حسب", "المواطن", "وصل المواطن إلى بيته")]
    # a long clause with no name and no short subject: nobody to credit
    assert _quotes("وصل الوزير إلى المدينة بعد رحلة طويلة حسب قوله للصحفيين.") == []


def test_scripture_after_a_colon_is_no_quote() -> None:
    # "قال الله تعالى: (…)": a verse cited in a column (decision 2)
    assert _quotes("لا بد من الصدقة، قال فيهم الله تعالى: (لا يسألون الناس شيئا) «البقرة: 1».") == []
    got = _quotes("قال الكاتب: إن الصبر مفتاح الفرج.")
    assert got == [("قال", "الكاتب", "الصبر مفتاح الفرج")]


def test_according_to_the_report_names_the_report_quoted_before() -> None:
    # "بحسب التقرير" after "تقرير شركة X": the report named before (the rn240 anaphor rule)
    got = _quotes("قال تقرير شركة الأفق للاستثمار إن الأسعار ترتفع. وارتفعت الصادرات بنسبة كبيرة، بحسب التقرير.")
    assert [sp for _, sp, _ in got] == ["تقرير شركة الأفق للاستثمار"] * 2
    # with no report before, the report itself
    assert _quotes("ارتفعت الأسعار بحسب التقرير.") == [("بحسب", "التقرير", "ارتفعت الأسعار")]
