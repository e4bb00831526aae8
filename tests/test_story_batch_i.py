"""Happenings the fresh incident batch i (inc160-inc169) showed unread: a sand or dust storm.
Our own sentences; the first test fails on the code before these triggers (story/kinds.tsv,
events/triggers.tsv), the second guards against the storm an operation is named after."""

from __future__ import annotations

from test_events import make_da
from test_story_precision import AS_OF, TOWN
from test_story_recall import _doc as dated_doc

from rasd.annotators.events import extract
from rasd.story.stage import build


def test_a_sand_storm_told_by_two_outlets_is_one_incident() -> None:
    a = dated_doc("d_a", "صحيفة أ", "اجتاحت عاصفة رملية كثيفة مدينة تلعفر مساء أمس وتدنت الرؤية.", "مساء أمس", "2025-03-02TEV")
    b = dated_doc("d_b", "صحيفة ب", "شهدت مدينة تلعفر مساء الأحد موجة غبار قوية أغلقت الطرق.", "مساء الأحد", "2025-03-02TEV")
    incs = [i for i in build([a, b], [TOWN], AS_OF).incidents if len({r.split(":")[0] for r in i.reports}) >= 1]
    storms = [i for i in incs if "عاصفة" in i.label or "غبار" in i.label]
    assert len(storms) == 1 and len(storms[0].reports) == 2


def test_an_operation_named_storm_is_no_storm() -> None:
    named = make_da("وأشاد المتحدث بنتائج عاصفة الحزم في الشهر الماضي.")
    assert [e for e in extract(named) if "عاصفة" in e.trigger] == []
