"""Quantities and time: the rules added for the fresh real-news batch rn990–rn997.

An ordinary news mix, scored once held out and only then read. Every sentence here was
written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-06"  # a Thursday


_q, _t = readers(DCT)


# --------------------------------------------------------------------------- quantities


def test_a_definite_dual_that_ends_its_clause_refers_back() -> None:
    # the two towns were named, not counted: the dual at the end of the clause points back
    assert _q("زار الوفد كلا من تبوك وحائل، واطلع على المشاريع التنموية في المحافظتين.") == []
    assert _q("وقعت انفجارات في السوق وعند الجسر، ولم يتبن أحد أيا من الهجومين .") == []
    # a definite dual whose members follow is a new count (decision 7)
    assert _q("استقبل الأمير الحكمين الدوليين سالم وفهد") == [("الحكمين", 2.0, None, "حكم")]
    # an indefinite dual at the end of a clause still counts
    assert _q("أطلق المسلحون صاروخين.") == [("صاروخين", 2.0, None, "صاروخ")]


def test_digits_after_latin_letters_are_a_code() -> None:
    assert _q("يشترط اجتياز اختبار اللغة (STEP/ 50) قبل القبول") == []
    assert _q("طرحت الشركة هاتف iPhone 6 في الأسواق") == []
    # a percentage before it does not lend the code its unit
    got = _q("اشترط المعهد درجة لا تقل عن 80% في الثانوية، ومستوى (STEP/ 45) في اللغة")
    assert [g[1] for g in got] == [80.0]
    # a count written after an Arabic word still counts
    assert _q("اجتاز الاختبار 50 طالبا") == [("50", 50.0, None, "طالب")]


# --------------------------------------------------------------------------- time


def test_a_verb_of_taking_time_makes_a_bare_plural_unit_a_duration() -> None:
    assert _t("قال الخبير إن إصلاح النظام قد يستغرق عقودا") == [("عقودا", "DURATION", "PXDE")]
    assert _t("كانت معاملة الترخيص تستغرق أسابيع") == [("أسابيع", "DURATION", "PXW")]
