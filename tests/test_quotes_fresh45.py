"""Quote rules from the continuation round on the dev half's wrong speakers
(docs/benchmarks/realnews_fresh.md, "continuations given to the wrong person").

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_a_tagged_name_stops_before_a_verbal_noun_of_condolence() -> None:
    # "قدم الأمير X تعازي …، سائلا …": the tagger runs the name into the object; the name ends before it
    text = "وفي ختام الزيارة، قدم الأمير خالد بن سعد تعازي ومواساة القيادة لأسر الضحايا في الحادث، سائلا الله أن يتغمدهم برحمته."
    assert _quotes(text) == [("سائلا", "خالد بن سعد", "يتغمدهم برحمته")]


def test_a_name_before_another_object_is_kept_whole() -> None:
    # control: the same shape with a noun that is not in zero_subject_objects.txt
    text = "ونقل الأمير خالد بن سعد تحيات القيادة للحضور، داعيا الجميع إلى المشاركة في الحملة."
    assert _quotes(text) == [("داعيا", "خالد بن سعد", "المشاركة في الحملة")]
