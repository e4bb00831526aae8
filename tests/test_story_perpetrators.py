"""Who did it and what was struck, as a report's sentence names them (story.perpetrators).

Our own sentences. Before this module the perpetrator slot was every person, organisation or
country before the trigger (the scene, the outlet, an official who spoke) and the target every
entity after it; these tests fail on that code's slot values."""

from __future__ import annotations

from test_events import ent, make_da, tmx

from rasd.models import Entity, EntityMention, Geo
from rasd.story.perpetrators import perpetrators, targets
from rasd.story.stage import build


def _mention(text: str, name: str, typ: str, eid: str) -> EntityMention:
    i = text.index(name)
    return EntityMention("d1", i, i + len(name), name, typ, eid)


def _names(text: str, mentions: list[EntityMention] | None = None, groups: bool = True) -> list[str]:
    got = perpetrators(text, 0, len(text), mentions or [], {m.entity: m.text for m in mentions or [] if m.entity}, groups)
    for n in got:
        assert n.start < n.end and text[n.start : n.end].strip()
    return [n.value for n in got]


def test_a_listed_group_in_any_spelling_gives_its_one_name() -> None:
    assert _names("وأعلن تنظيم الدولة مسؤوليته عن تفجير السوق الشعبي مساء الخميس.") == ["داعش"]
    assert _names("وقصفت ميليشيا الحوثي حيا سكنيا بالقذائف فجر اليوم.") == ["الحوثيون"]
    text = "واتهم المحافظ الحوثيين بتنفيذ القصف على الحي."
    got = perpetrators(text, 0, len(text), [], {})
    assert [n.value for n in got] == ["الحوثيون"]
    assert text[got[0].start : got[0].end] == "الحوثيين"


def test_places_officials_and_a_base_are_no_perpetrators() -> None:
    text = "قال المتحدث باسم شرطة المدينة إن هجوما استهدف القاعدة العسكرية في بلدة النخيل."
    ms = [_mention(text, "شرطة المدينة", "ORG", "e_police"), _mention(text, "بلدة النخيل", "GPE", "e_town")]
    assert _names(text, ms) == []


def test_a_group_that_was_struck_or_fought_is_not_who_did_it() -> None:
    assert _names("واستهدفت طائرات حربية موقعا لتنظيم داعش شرق المدينة.") == []
    assert _names("وتجددت الاشتباكات بين الجيش وحركة طالبان في الإقليم.") == []
    assert _names("وأغارت الطائرات على مواقع حركة الشباب جنوب البلاد.", groups=False) == []


def test_a_responsibility_cue_points_to_the_person_or_body() -> None:
    text = "وقتل الحارس على يد سالم الفهيد بعد شجار أمام المتجر."
    assert _names(text, [_mention(text, "سالم الفهيد", "PER", "e_salem")]) == ["e_salem"]
    text = "وأعلنت جماعة النور المسلحة مسؤوليتها عن الهجوم على الحاجز."
    assert _names(text, [_mention(text, "جماعة النور", "ORG", "e_noor")]) == ["e_noor"]


def _targets(text: str, trigger: str, mentions: list[EntityMention] | None = None) -> list[str]:
    got = targets(text, 0, len(text), text.index(trigger), mentions or [])
    for n in got:
        assert text[n.start : n.end].startswith(n.text.split()[0])
    return [n.text for n in got]


def test_what_the_attack_struck() -> None:
    assert _targets("ووقع هجوم مسلح على مركز للشرطة في البلدة ليلا.", "هجوم") == ["مركز للشرطة"]
    assert _targets("وأسفر تفجير استهدف سوقا شعبية عن مقتل خمسة.", "تفجير") == ["سوق"]  # shown without its ending
    text = "وسقطت ثلاث قذائف على قاعدة الريان الجوية دون إصابات."
    assert _targets(text, "قذائف", [_mention(text, "قاعدة الريان الجوية", "FAC", "e_base")]) == ["قاعدة الريان الجوية"]


def test_a_target_stops_before_a_relative_clause_and_a_car_bomb_is_no_target() -> None:
    assert _targets("وهاجم مسلح الجامعة التي يدرس فيها الطالب.", "هاجم") == ["جامعة"]
    assert _targets("وأدى انفجار سيارة مفخخة قرب الجسر إلى مقتل اثنين.", "انفجار") == ["جسر"]


def test_a_report_without_a_place_in_its_sentence_shows_its_articles_lead_place() -> None:
    town = Entity("e_town", "GPE", "تلعفر", geo=Geo(36.37, 42.45, "city"), attributes={"country": "IQ"})
    text = ("تلعفر - شهدت المدينة صباح اليوم يوما داميا. وقال شهود إن انفجار عبوة ناسفة في السوق "
            "أدى إلى مقتل خمسة أشخاص يوم 3 آذار 2025.")  # fmt: skip
    da = make_da(text, doc_id="d_lead", published="2025-03-03")
    ent(da, "تلعفر", "GPE", "e_town")
    tmx(da, "3 آذار 2025", "2025-03-03")
    views = build([da], [town], "2026-11-22")
    places = [(v.value, text[v.evidence[0].start : v.evidence[0].end]) for i in views.incidents
              for v in i.slots.get("place", [])]  # fmt: skip
    assert ("e_town", "تلعفر") in places


def test_a_branch_of_a_group_is_named_as_the_branch() -> None:
    assert _names("وتبنى لاحقا تنظيم القاعدة في بلاد المغرب الإسلامي الهجوم على الثكنة.") == ["القاعدة في بلاد المغرب"]
    assert _names("وقال مسؤول إن تنظيم القاعدة يقف وراء التفجير.") == ["تنظيم القاعدة"]
