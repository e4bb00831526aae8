"""A disagreement needs evidence that both figures count the same people.

Two figures whose counted nouns name two sides of a violent happening (the militants killed
in a raid and the police killed by them; the civilians killed by a strike and the fighters)
are two tolls, not one toll told two ways (``story.slots.other_people``,
``story/victim_sides.tsv``). Figures of one side, or of a noun that may count anyone
(أشخاص), are still compared."""

from __future__ import annotations

from test_events import ent, make_da, qty, tmx

from rasd.models import Conflict, DocAnalysis, Entity, Geo
from rasd.story.slots import _sides_of
from rasd.story.stage import build

AS_OF = "2026-11-22"
TOWN = Entity("e_town", "GPE", "تلعفر", geo=Geo(36.37, 42.45, "city"), attributes={"country": "IQ"})
RAID = "في اشتباك مع قوات الأمن في حي الزهور بمدينة تلعفر يوم 3 آذار 2025"


def _doc(doc_id: str, outlet: str, text: str) -> DocAnalysis:
    da = make_da(text, doc_id=doc_id, published="2025-03-03")
    da.doc.outlet = outlet
    ent(da, "تلعفر", "GPE", "e_town")
    tmx(da, "3 آذار 2025", "2025-03-03")
    return da


def _killed(das: list[DocAnalysis]) -> list[Conflict]:
    return [k for k in build(das, [TOWN], AS_OF).conflicts if k.kind == "slot" and k.slot == "killed"]


def _raid(doc_id: str, outlet: str, number: str, noun: str, lemma: str) -> DocAnalysis:
    da = _doc(doc_id, outlet, f"قتل {number} {noun} {RAID}.")
    qty(da, f"{number} {noun}", float(number), lemma)
    return da


def test_the_militants_killed_and_the_police_killed_are_two_tolls() -> None:
    one = _raid("d_a", "صحيفة الشمال", "9", "مسلحين", "مسلح")
    two = _raid("d_b", "صحيفة الجنوب", "4", "شرطيين", "شرطي")
    assert _killed([one, two]) == []


def test_civilians_and_fighters_are_two_tolls() -> None:
    one = _raid("d_a", "صحيفة الشمال", "12", "مدنيا", "مدني")
    two = _raid("d_b", "صحيفة الجنوب", "6", "عناصر", "عنصر")
    assert _killed([one, two]) == []


def test_two_counts_of_one_side_still_disagree() -> None:
    one = _raid("d_a", "صحيفة الشمال", "9", "مسلحين", "مسلح")
    two = _raid("d_b", "صحيفة الجنوب", "11", "مقاتلا", "مقاتل")
    assert [(k.side_a.value, k.side_b.value) for k in _killed([one, two])] in ([("9", "11")], [("11", "9")])


def test_a_count_of_anyone_still_disagrees_with_a_count_of_one_side() -> None:
    one = _raid("d_a", "صحيفة الشمال", "9", "مسلحين", "مسلح")
    two = _raid("d_b", "صحيفة الجنوب", "7", "أشخاص", "شخص")
    assert len(_killed([one, two])) == 1


def test_the_sides_of_counted_nouns() -> None:
    assert _sides_of("شرطيين") == frozenset({"security"}) and _sides_of("مسلح") == frozenset({"armed"})
    assert _sides_of("عنصر") == frozenset({"armed", "security"}) and _sides_of("شخص") is None
    assert _sides_of(None) is None
