"""The day a report gives its happening when the day is said away from the trigger (issue 13).

Self-written sentences only. Two forms the dev half of the incident gold set showed, each with
its control: the day of a notice received of the happening ("تلقت الشرطة مساء أمس بلاغا عن
انفجار …", the emergency services' wording of nearly every local accident), against the day of
a statement about it; and a day said at the end of a long clause that tells the happening,
against the day of a statement made after it.
"""

from __future__ import annotations

from test_events import ent, make_da, qty, tmx
from test_story_precision import AS_OF, TOWN

from rasd.models import DocAnalysis
from rasd.story.stage import build


def _doc(doc_id: str, outlet: str, text: str, day: str, value: str) -> DocAnalysis:
    da = make_da(text, doc_id=doc_id, published="2025-03-04")
    da.doc.outlet = outlet
    ent(da, "تلعفر", "GPE", "e_town")
    qty(da, "12 شخصا", 12.0, "شخص")
    tmx(da, day, value)
    return da


def _dates(text: str) -> list[str]:
    """The blast incident's date values when a first outlet says ``text`` (its day: مساء أمس)
    and a second one dates the blast 3 March 2025."""
    one = _doc("d_a", "صحيفة الشمال", text, "مساء أمس", "2025-03-03TEV")
    two = _doc("d_b", "صحيفة الجنوب", "قتل 12 شخصا في انفجار عبوة ناسفة في سوق تلعفر يوم 3 آذار 2025.",
               "3 آذار 2025", "2025-03-03")  # fmt: skip
    out = build([one, two], [TOWN], AS_OF)
    [inc] = [i for i in out.incidents if "تلعفر" in i.label]
    return sorted(str(v.value) for v in inc.slots.get("date", []))


def test_the_day_a_notice_of_the_happening_came_in_dates_it() -> None:
    notice = "تلقت الشرطة مساء أمس بلاغا من الأهالي عن انفجار عبوة ناسفة في سوق تلعفر أسفر عن مقتل 12 شخصا."
    assert _dates(notice) == ["2025-03-03", "2025-03-03TEV"]
    after = "تلقت الشرطة بلاغا مساء أمس من الأهالي يفيد بوقوع انفجار عبوة ناسفة في سوق تلعفر أسفر عن مقتل 12 شخصا."
    assert _dates(after) == ["2025-03-03", "2025-03-03TEV"]
    # control: the day of a statement about the blast is not the blast's
    said = "قالت الشرطة مساء أمس إن انفجار عبوة ناسفة في سوق تلعفر أسفر عن مقتل 12 شخصا."
    assert _dates(said) == ["2025-03-03"]


def test_a_day_at_the_end_of_a_long_clause_dates_its_happening() -> None:
    long = ("قتل 12 شخصا في انفجار عبوة ناسفة كبيرة داخل سيارة متوقفة قرب مدخل سوق تلعفر الشعبي"
            " في وسط المدينة القديمة مساء أمس.")  # fmt: skip
    assert _dates(long) == ["2025-03-03", "2025-03-03TEV"]
    # control: the day of a statement made after the happening
    said = "قتل 12 شخصا في انفجار عبوة ناسفة في سوق تلعفر، وقال المحافظ مساء أمس إن التحقيق بدأ."
    assert _dates(said) == ["2025-03-03"]


def test_an_attack_and_the_arrest_of_its_attackers_are_an_attack() -> None:
    """The arrest of those behind an attack joins the attack's incident (an arrest about the
    attack: ``story/kinds.tsv``); the incident is still the attack, typed, labelled and dated
    by its attack reports (the ``follow_up`` trait of ARREST), whatever the votes' tie."""
    attack = make_da("قتل 12 شخصا في انفجار عبوة ناسفة في سوق تلعفر يوم 3 آذار 2025.", doc_id="d_a",
                     published="2025-03-04")  # fmt: skip
    attack.doc.outlet = "صحيفة الشمال"
    ent(attack, "تلعفر", "GPE", "e_town")
    qty(attack, "12 شخصا", 12.0, "شخص")
    tmx(attack, "3 آذار 2025", "2025-03-03")
    arrest = make_da("اعتقلت الشرطة في تلعفر يوم 3 آذار 2025 خمسة من المتورطين في الاعتداء على سوق تلعفر.",
                     doc_id="d_b", published="2025-03-04")  # fmt: skip
    arrest.doc.outlet = "صحيفة الجنوب"
    ent(arrest, "تلعفر", "GPE", "e_town")
    tmx(arrest, "3 آذار 2025", "2025-03-03")
    out = build([attack, arrest], [TOWN], AS_OF)
    [inc] = [i for i in out.incidents if "تلعفر" in i.label]
    assert len(inc.reports) == 2
    assert inc.type == "ATTACK" and inc.date.value == "2025-03-03"
