"""Dates of a happening said before its trigger (issue 13, disagreement recall).

Self-written sentences only. The dev half missed many date disagreements because a day said
several words before the trigger was never read: a toll's clause dated before the cause it
leads to ("إسعاف ثلاثين مصابا فجر أمس في انفجار …"), and a victim's verb right before the
day ("تعرض صباح أمس باص … لحادث انقلاب"). Each case comes with its control: the same
sentence without the words that tie the day to the happening gives no day.
"""

from __future__ import annotations

from test_events import ent, make_da, tmx
from test_story_precision import AS_OF, TOWN

from rasd.models import DocAnalysis
from rasd.story.stage import build


def _doc(doc_id: str, outlet: str, text: str, said: str, value: str) -> DocAnalysis:
    da = make_da(text, doc_id=doc_id, published="2025-03-04")
    da.doc.outlet = outlet
    ent(da, "تلعفر", "GPE", "e_town")
    tmx(da, said, value)
    return da


def _dates(da: DocAnalysis) -> list[str]:
    """The date values the article gives its incident."""
    other = _doc("d_b", "صحيفة الجنوب", "انفجرت عبوة ناسفة في سوق تلعفر يوم 3 آذار 2025 وأصيب عدد من المارة.",
                 "3 آذار 2025", "2025-03-03")  # fmt: skip
    out = build([da, other], [TOWN], AS_OF)
    incs = [i for i in out.incidents if "d_a" in {e.doc for v in i.slots.get("date", []) for e in v.evidence}]
    return sorted(str(v.value) for i in incs for v in i.slots.get("date", []) if v.evidence[0].doc == "d_a")


def test_a_day_leading_through_a_cause_word_to_the_trigger_dates_it() -> None:
    for between, dated in (("في", True), ("ونقلتهم سيارات الإسعاف بعد", False)):
        text = f"أعلنت مديرية الصحة في المحافظة إسعاف ثلاثين مصابا من سكان الحي فجر أمس {between} انفجار عبوة ناسفة في سوق تلعفر."
        da = _doc("d_a", "صحيفة الشمال", text, "فجر أمس", "2025-03-03TMO")
        assert ("2025-03-03TMO" in _dates(da)) is dated


def test_a_day_after_a_victim_s_verb_dates_the_happening() -> None:
    for verb, dated in (("تعرض", True), ("وصل", False)):
        text = f"{verb} صباح أمس باص يقل عشرين راكبا من عمال المصنع في تلعفر لحادث انقلاب على الطريق السريع."
        da = _doc("d_a", "صحيفة الشمال", text, "صباح أمس", "2025-03-03TMO")
        assert ("2025-03-03TMO" in _dates(da)) is dated
