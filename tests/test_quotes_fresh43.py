"""Quote rules from the fresh real-news batch rn1390–rn1397 and the spurious quotes of the dev half
(docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_a_title_after_a_title_noun_is_no_quotation() -> None:
    # "التقرير الذي حمل عنوان «…»، أن …": the quotation is the report's title, the clause is what it says
    got = _quotes('وأشار التقرير الذي حمل عنوان "الطاقة النظيفة في القارة السمراء بين الواقع والطموح"، '
                  "أن الاستثمار في القارة يتزايد كل عام.")  # fmt: skip
    assert got == [("أشار", "التقرير", "الاستثمار في القارة يتزايد كل عام")]


def test_a_name_after_a_company_or_study_noun_is_no_quotation() -> None:
    # "وشركة «…»" names the company; "دراسة: «…»" names the study: neither is what was said
    # (the denial itself is a nominal report of both: the quoted name ends the subject, rn255's gold)
    assert _quotes("ونفى الوزير وشركة «النور للتجارة والمقاولات العامة» قيامهما بأي مخالفة.") == [
        ("نفى", "الوزير وشركة «النور للتجارة والمقاولات العامة»", "قيامهما بأي مخالفة")]
    got = _quotes('وأجرى المركز دراسة: "الزراعة في الواحات بين الماضي والحاضر"، وقال مدير المركز إن النتائج مشجعة.')
    assert [(cue, content) for cue, _, content in got] == [("قال", "النتائج مشجعة")]
    # a quotation after a speaker still quotes
    got = _quotes("وقال مدير الشركة: «سنفتتح فرعا جديدا في المدينة قريبا».")
    assert [(cue, who) for cue, who, _ in got] == [("قال", "مدير الشركة")]


def test_an_attribution_to_a_newspaper_named_in_quotation_marks() -> None:
    # "ووفقا لجريدة «…» الإيطالية،": جريدة is an outlet like صحيفة
    got = _quotes('ووفقا لجريدة "الأخبار اليومية" الإيطالية، وقع اللاعب عقدا مع النادي لمدة عامين.')
    assert got == [("وفقا", 'جريدة "الأخبار اليومية" الإيطالية', "وقع اللاعب عقدا مع النادي لمدة عامين")]


def test_an_attribution_to_some_reports() -> None:
    # "بحسب ما ذكرته بعض التقارير": some of a group of sources is a source, as "أحد النواب" is
    got = _quotes("وقع اللاعب عقدا مع النادي لمدة عامين، بحسب ما ذكرته بعض التقارير الإعلامية.")
    assert got == [("بحسب", "بعض التقارير الإعلامية", "وقع اللاعب عقدا مع النادي لمدة عامين")]
    got = _quotes("ارتفعت أسعار النفط اليوم، بحسب تقارير صحفية.")
    assert [(cue, who) for cue, who, _ in got] == [("بحسب", "تقارير صحفية")]
