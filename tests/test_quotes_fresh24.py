"""Quote rules from the fresh real-news batch rn712–rn719 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_chain_verb_with_a_noun_of_saying_relays_its_genitive() -> None:
    # "نقلت الوكالة قول الوزير إن …": the minister spoke, the agency only relays (no عن)
    got = _quotes("ونقلت وكالة «الأناضول» قول وزير الخارجية التركي إن الأزمة تتطلب حلا سياسيا.")
    assert got == [("نقلت", "وزير الخارجية التركي", "الأزمة تتطلب حلا سياسيا")]
    # the usual chain with عن and قوله is unchanged
    assert _quotes("ونقلت الصحيفة عن الوزير قوله إن الأزمة انتهت.") == [("نقلت", "الوزير", "الأزمة انتهت")]


def test_circumstantial_clause_is_no_part_of_the_speaker() -> None:
    # "قول الوزير وهو في أنقرة إن …": وهو opens a circumstantial clause, the name ends before it
    got = _quotes("ونقلت وكالة «الأناضول» قول وزير الخارجية التركي وهو في أنقرة إن الأزمة تتطلب حلا سياسيا.")
    assert got == [("نقلت", "وزير الخارجية التركي", "الأزمة تتطلب حلا سياسيا")]
    assert _quotes("وقال الوزير وهو في جدة إن الأزمة انتهت.") == [("قال", "الوزير", "الأزمة انتهت")]


def test_relative_clause_after_a_plural_group_reports_the_group() -> None:
    # "وسط المواطنين، الذين أكدوا أن …": a past plural cue after الذين, a comma between or not
    got = _quotes("أثارت الخطة ردودا واسعة وسط المواطنين، الذين أكدوا أن من شأنها أن تضر بالاقتصاد. ودعوا إلى مراجعتها.")
    assert got == [("أكدوا", "المواطنين", "من شأنها أن تضر بالاقتصاد"), ("دعوا", "المواطنين", "مراجعتها")]
    assert _quotes("تجمع أمام المبنى عشرات المحتجين الذين قالوا إن الرواتب تأخرت.") == [("قالوا", "المحتجين", "الرواتب تأخرت")]
    # a relative clause that reports nothing stays no quote
    assert _quotes("زار الوزير المعلمين الذين كرموا في الحفل.") == []
