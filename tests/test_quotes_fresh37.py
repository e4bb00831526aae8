"""Quote rules from the fresh real-news batch rn1200–rn1207 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_a_statute_before_a_relative_pronoun_provides() -> None:
    # "…، والتي تنص على …": the article named before the pronoun is the speaker (E7)
    got = _quotes("وخالف المصنع اللائحة التنفيذية التي تنص على توفير وسائل السلامة للعمال.")
    assert got == [("تنص", "اللائحة التنفيذية", "توفير وسائل السلامة للعمال")]
    # inside someone's reported words too (E2), with a comma before the pronoun
    got = _quotes(
        "وأكد المدير سعد الحربي أن الشركة التزمت بالمادة الخامسة من نظام العمل، والتي تنص على منح العامل إجازة سنوية."
    )
    assert ("تنص", "بالمادة الخامسة من نظام العمل", "منح العامل إجازة سنوية") in got
    assert got[0][:2] == ("أكد", "سعد الحربي")


def test_a_relative_clause_of_no_statute_stays_no_report() -> None:
    # an agreement is no statute of statutes.txt, and other cues after a pronoun stay relative clauses
    assert _quotes("ووقعت الدولتان على الاتفاقية التي تنص على إنشاء منطقة تجارة حرة.") == []
    assert _quotes("وزار الوفد المدينة التي أعلنت عن مهرجان جديد.") == []


def test_hope_with_a_clause_is_reported() -> None:
    # "يأمل X أن …": a hope with a clause is a statement (E3); with a noun alone it is not
    got = _quotes(
        "وقال مسؤولون في الوزارة إن المشروع سيكتمل قريبا، فيما يأمل سكان المدينة أن يخفف ذلك من الزحام."
    )
    assert ("يأمل", "سكان المدينة", "يخفف ذلك من الزحام") in got
    assert _quotes("ويأمل الفريق في تحقيق الفوز على منافسه.") == []


def test_warned_plural_in_the_oblique_is_the_addressee() -> None:
    # "وحذر المواطنين من …": an oblique plural after the verb is whom he warned, the speaker goes on
    got = _quotes("قال وزير الصحة خالد الفالح إن الوضع مستقر. وحذر المواطنين من السباحة في الأودية.")
    assert got[1] == ("حذر", "خالد الفالح", "السباحة في الأودية")
    # a subject of its own still speaks
    assert _quotes("وحذرت الأمم المتحدة من تفاقم الأزمة.") == [("حذرت", "الأمم المتحدة", "تفاقم الأزمة")]
