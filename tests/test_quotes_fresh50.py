"""A definite description that refers back to its first, indefinite mention
(docs/benchmarks/realnews_fresh.md, "Quotes: a definite description and its first mention").

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_committee_takes_its_first_mention() -> None:
    # "اللجنة" after "لجنة من …" that is no speaker: the phrase, up to its purpose clause
    text = "وشكلت الوزارة لجنة من الخبراء لدراسة الحادث. وقالت اللجنة إن السبب خطأ بشري."
    assert _quotes(text) == [("قالت", "لجنة من الخبراء", "السبب خطأ بشري")]


def test_study_takes_its_quoted_title() -> None:
    text = 'ونشر المعهد العام الماضي دراسة: "مستقبل المياه في القرى". وأكدت الدراسة أن الآبار تتناقص كل عام.'
    assert _quotes(text) == [("أكدت", 'دراسة: "مستقبل المياه في القرى"', "الآبار تتناقص كل عام")]


def test_company_takes_its_quoted_name() -> None:
    text = 'وتقع مكاتب شركة "نجمة" في وسط المدينة. وأعلنت الشركة أن أرباحها ارتفعت.'
    assert _quotes(text) == [("أعلنت", 'شركة "نجمة"', "أرباحها ارتفعت")]


def test_one_of_a_plural_in_the_previous_paragraph() -> None:
    # the singular description ("الجمعية") against "إحدى" + the definite plural ("الجمعيات")
    text = "وأطلقت إحدى الجمعيات الخيرية حملة أمس.\nوقالت الجمعية إن التبرعات تضاعفت."
    assert _quotes(text) == [("قالت", "إحدى الجمعيات الخيرية", "التبرعات تضاعفت")]


def test_construct_takes_the_earlier_speaker() -> None:
    text = "وأظهرت نتائج مسح ميداني أن الأسعار ارتفعت. وبينت نتائج المسح أن الإيجارات تضاعفت."
    assert _quotes(text) == [
        ("أظهرت", "نتائج مسح ميداني", "الأسعار ارتفعت"),
        ("بينت", "نتائج مسح ميداني", "الإيجارات تضاعفت"),
    ]


def test_other_head_bare_noun_or_definite_construct_is_not_linked() -> None:
    # controls: another head ("المصادر" after "تقارير"), a bare "تقرير" that says no more than
    # "التقرير", and an earlier definite construct ("إدارة المدرسة" is a description itself)
    text = "وذكرت تقارير صحافية أن اللاعب سينتقل. وأوضحت المصادر الصحافية أن الصفقة ستتم قريبا."
    assert [q[1] for q in _quotes(text)] == ["تقارير صحافية", "المصادر الصحافية"]
    assert _quotes("وصدر تقرير أمس. وقال التقرير إن البطالة تراجعت.") == [
        ("قال", "التقرير", "البطالة تراجعت")
    ]
    text = "وعقدت إدارة المدرسة اجتماعا أمس. وقالت الإدارة الجديدة إن الدوام سيبدأ مبكرا."
    assert _quotes(text) == [("قالت", "الإدارة الجديدة", "الدوام سيبدأ مبكرا")]


def test_statement_keeps_its_own_link() -> None:
    # control: "البيان" stands for the body that issued it, never for "بيان" as a first mention
    text = "وقالت الوزارة في بيان إن الطريق سيفتح غدا. وأضاف البيان أن العمل سينتهي قريبا."
    assert [q[1] for q in _quotes(text)] == ["الوزارة", "الوزارة"]
