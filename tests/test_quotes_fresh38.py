"""Quote rules from the fresh real-news batch rn1220–rn1227 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes

from rasd.models import DocAnalysis, Document, Published, Quote
from rasd.pipeline import annotate


def _doc_quotes(text: str) -> list[Quote]:
    doc = Document(id="t", source="t", part=0, title="", outlet=None,
                   published=Published(value="2015-08-01", precision="day", method="given", confidence=1.0),
                   language="ar", text=text)  # fmt: skip
    da = DocAnalysis(doc=doc)
    annotate(da, [])
    return list(da.quotes)


def test_a_verse_in_brackets_after_a_scripture_word_is_no_quote() -> None:
    # "قال الله تعالى (…)" with no colon: the verse's own أن is not the cue's clause (decision 2)
    got = _quotes("ولنتأمل هذا المعنى حيث قال الله تعالى (وأحق الناس بالخير من أحب أن ينفع غيره) وهذا بيّن.")
    assert got == []
    # the colon form stays refused, and an ordinary report after it is still read
    got = _quotes("قال الله تعالى: (وقولوا للناس حسنا). وقال الإمام سعد الحربي إن الخطبة تناولت بر الوالدين.")
    assert got == [("قال", "سعد الحربي", "الخطبة تناولت بر الوالدين")]


def test_a_wish_in_the_plural_after_revealed_is_no_report() -> None:
    # "كشف عن تمنياته بـ …": a wish with a noun alone (E3), like "أعرب عن سعادته"
    assert _quotes("وكشف اللاعب خالد سالم عن تمنياته بتحقيق البطولة هذا الموسم.") == []
    assert _quotes("وكشف المدرب سعد الحربي عن أمنياته بعودة المصابين قبل المباراة.") == []
    # a revealed fact is still reported
    got = _quotes("وكشف مدير النادي خالد سالم عن تعاقد النادي مع لاعب جديد.")
    assert got == [("كشف", "خالد سالم", "تعاقد النادي مع لاعب جديد")]


def test_a_statute_with_a_bracketed_number_and_an_adjunct() -> None:
    # "المادة (77) من نظام العمل في حق المخالفين، التي تنص": the brackets are no words, and the
    # adjunct "في حق …" is not part of the statute's name
    got = _quotes("وطبقت الوزارة العقوبات الواردة في المادة (77) من نظام العمل في حق المخالفين، التي تنص على فرض غرامة مالية.")
    assert got == [("تنص", "المادة (77) من نظام العمل", "فرض غرامة مالية")]


def test_no_doubt_asserts() -> None:
    # "لا يوجد شك في أن …": a denial phrase before a doubt noun asserts (open class from rn1180–rn1200)
    text = "وأضاف الوزير سعد الحربي أنه لا يوجد شك في أن المشروع سينتهي قبل نهاية العام."
    assert [q.polarity for q in _doc_quotes(text)] == ["assert"]
    text = "وأضاف الوزير سعد الحربي أنه ليس هناك أدنى شك في نجاح الخطة."
    assert [q.polarity for q in _doc_quotes(text)] == ["assert"]
    # a real denial stays one
    text = "وأضاف الوزير سعد الحربي أنه لا صحة لما تردد عن اتفاق مع الشركة."
    assert [q.polarity for q in _doc_quotes(text)] == ["deny"]
