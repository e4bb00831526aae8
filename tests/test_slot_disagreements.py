"""Slot disagreements inside one incident: which figures are read, how two sources' values
stand (contradict, differ, update), that figures of two happenings are never paired, and
that every explanation is Arabic whose verb agrees with the side's speaker."""

from __future__ import annotations

import re

from test_events import ent, make_da, qty, tmx
from test_views import quote

from rasd.models import Conflict, DocAnalysis, Entity, Geo, Timex
from rasd.story.slots import agree, dates_clash, gender
from rasd.story.stage import build

AS_OF = "2026-11-22"
TOWN = Entity("e_town", "GPE", "تلعفر", geo=Geo(36.37, 42.45, "city"), attributes={"country": "IQ"})
OTHER = Entity("e_kw", "GPE", "الكويت", geo=Geo(29.5, 45.75, "country"), attributes={"country": "KW"})
MINISTRY = Entity("e_moi", "ORG", "وزارة الداخلية")
OFFICIAL = Entity("e_salem", "PER", "أحمد سالم")
ENTS = [TOWN, OTHER, MINISTRY, OFFICIAL]


def _doc(doc_id: str, outlet: str, text: str, published: str = "2025-03-03") -> DocAnalysis:
    da = make_da(text, doc_id=doc_id, published=published)
    da.doc.outlet = outlet
    for name, eid in (("تلعفر", "e_town"), ("الكويت", "e_kw")):
        if name in text:
            ent(da, name, "GPE", eid)
    if "3 آذار 2025" in text:
        tmx(da, "3 آذار 2025", "2025-03-03")
    return da


def _slot(das: list[DocAnalysis], slot: str) -> list[Conflict]:
    return [k for k in build(das, ENTS, AS_OF).conflicts if k.kind == "slot" and k.slot == slot]


def _numbers(k: Conflict) -> set[str]:
    return set(re.findall(r"\d+", k.explanation.split(":", 1)[1]))


def _arabic(text: str) -> bool:
    return not re.search(r"[A-Za-z]", text)


def test_two_outlets_giving_2_and_5_injured_contradict() -> None:
    one = _doc("d_a", "صحيفة الشمال", "أصيب 2 من المارة في انفجار عبوة ناسفة قرب سوق تلعفر يوم 3 آذار 2025.")
    qty(one, "2", 2.0, None)
    two = _doc("d_b", "صحيفة الجنوب", "أصيب 5 أشخاص في انفجار عبوة ناسفة قرب سوق تلعفر يوم 3 آذار 2025.")
    qty(two, "5 أشخاص", 5.0, "شخص")
    [k] = _slot([one, two], "injured")
    assert k.relation == "contradict" and _numbers(k) == {"2", "5"}
    assert k.side_a and k.side_b and {k.side_a.value, k.side_b.value} == {"2", "5"}
    assert {k.side_a.outlet, k.side_b.outlet} == {"صحيفة الشمال", "صحيفة الجنوب"}
    # both sides named, each with a verb that agrees with "تقرير" (masculine), in Arabic only
    assert "يذكر تقرير صحيفة الشمال 2" in k.explanation and "يذكر تقرير صحيفة الجنوب 5" in k.explanation
    assert "المصابين" in k.explanation and _arabic(k.explanation)


def test_at_least_5_and_7_differ_rather_than_contradict() -> None:
    one = _doc("d_a", "صحيفة الشمال", "قتل 5 أشخاص على الأقل بانفجار شاحنة مفخخة في سوق تلعفر يوم 3 آذار 2025.")
    qty(one, "5 أشخاص على الأقل", 5.0, "شخص")
    one.quantities[-1].mod = "AT_LEAST"
    two = _doc("d_b", "صحيفة الجنوب", "قتل 7 أشخاص في تفجير سيارة مفخخة في سوق تلعفر يوم 3 آذار 2025.")
    qty(two, "7 أشخاص", 7.0, "شخص")
    [k] = _slot([one, two], "killed")
    assert k.relation == "differ" and k.confidence < 0.8
    assert k.side_a and k.side_b and {k.side_a.value, k.side_b.value} == {"5 على الأقل", "7"}
    assert "5 على الأقل" in k.explanation and "7" in k.explanation and _arabic(k.explanation)


def test_an_official_raising_his_own_figure_a_day_later_is_an_update() -> None:
    first = _doc("d_a", "صحيفة الشمال",
                 "وقال أحمد سالم إن 8 أشخاص قتلوا في تفجير سيارة مفخخة في سوق تلعفر يوم 3 آذار 2025.")  # fmt: skip
    qty(first, "8 أشخاص", 8.0, "شخص")
    quote(first, "أحمد سالم", "8 أشخاص قتلوا في تفجير سيارة مفخخة في سوق تلعفر يوم 3 آذار 2025", entity="e_salem")
    later = _doc("d_b", "صحيفة الجنوب",
                 "وقال أحمد سالم إن حصيلة قتلى تفجير السيارة المفخخة في سوق تلعفر ارتفعت إلى 11 قتيلا.", "2025-03-04")  # fmt: skip
    qty(later, "11 قتيلا", 11.0, "قتيل")
    quote(later, "أحمد سالم", "حصيلة قتلى تفجير السيارة المفخخة في سوق تلعفر ارتفعت إلى 11 قتيلا", entity="e_salem")
    [k] = _slot([first, later], "killed")
    assert k.relation == "update"
    assert k.side_a and k.side_b and (k.side_a.value, k.side_b.value) == ("8", "11")  # earlier first
    assert k.side_a.speaker == k.side_b.speaker == "e_salem"
    assert "يذكر أحمد سالم 8 بحسب صحيفة الشمال" in k.explanation and "ثم يذكر أحمد سالم 11" in k.explanation


def test_figures_of_two_happenings_are_never_paired() -> None:
    # one outlet recalls an earlier attack in the same sentence: its 9 soldiers are not this blast's toll
    one = _doc("d_a", "صحيفة الشمال",
               "قتل 4 أشخاص في انفجار عبوة ناسفة في سوق تلعفر يوم 3 آذار 2025، ويأتي الانفجار بعد أيام على مقتل 9 جنود في هجوم على حاجز للجيش.")  # fmt: skip
    qty(one, "4 أشخاص", 4.0, "شخص")
    qty(one, "9 جنود", 9.0, "جندي")
    two = _doc("d_b", "صحيفة الجنوب", "قتل 4 أشخاص في انفجار عبوة ناسفة في سوق تلعفر يوم 3 آذار 2025.")
    qty(two, "4 أشخاص", 4.0, "شخص")
    # the same day in another country: another happening with its own toll
    far = _doc("d_c", "صحيفة الوسط", "قتل 6 أشخاص في انفجار داخل مستودع في الكويت يوم 3 آذار 2025.")
    qty(far, "6 أشخاص", 6.0, "شخص")
    v = build([one, two, far], ENTS, AS_OF)
    assert [k for k in v.conflicts if k.kind == "slot" and k.slot == "killed"] == []
    tolls = sorted(sorted(x.value for x in inc.slots.get("killed", [])) for inc in v.incidents if inc.slots.get("killed"))
    assert tolls == [[4, 4], [6]]


def test_a_feminine_and_a_masculine_speaker_get_agreeing_verbs() -> None:
    one = _doc("d_a", "صحيفة الشمال", "وقالت وزارة الداخلية إن 3 أشخاص قتلوا في تفجير سوق تلعفر يوم 3 آذار 2025.")
    qty(one, "3 أشخاص", 3.0, "شخص")
    ent(one, "وزارة الداخلية", "ORG", "e_moi")
    quote(one, "وزارة الداخلية", "3 أشخاص قتلوا في تفجير سوق تلعفر يوم 3 آذار 2025", entity="e_moi")
    two = _doc("d_b", "صحيفة الجنوب", "وقال المتحدث باسم الشرطة إن 6 أشخاص قتلوا في تفجير سوق تلعفر يوم 3 آذار 2025.")
    qty(two, "6 أشخاص", 6.0, "شخص")
    quote(two, "المتحدث باسم الشرطة", "6 أشخاص قتلوا في تفجير سوق تلعفر يوم 3 آذار 2025")
    [k] = _slot([one, two], "killed")
    assert "تذكر وزارة الداخلية 3 بحسب صحيفة الشمال" in k.explanation
    assert "يذكر المتحدث باسم الشرطة 6 بحسب صحيفة الجنوب" in k.explanation
    assert "يذكر وزارة" not in k.explanation and "تذكر المتحدث" not in k.explanation


def test_gender_from_the_head_word_the_entity_type_and_the_resource() -> None:
    assert gender("الوزارة") == gender("السلطات المحلية") == gender("مصادر أمنية") == "f"
    assert gender("المتحدث الأمني") == gender("تقرير صحيفة الشمال") == gender("مسؤولون محليون") == "m"
    assert gender("المتحدثة باسم الشرطة", "PER") == "f" and gender("أسامة", "PER") == "m"
    assert gender("العراق", "GPE") == "m" and gender("تلعفر", "GPE") == "f"
    assert (agree("deny", "الخارجية"), agree("affirm", "المتحدث")) == ("تنفي", "يؤكده")


def test_totals_in_parts_and_parts_of_a_total() -> None:
    # a singular noun joined to a number by و counts too; "بينهم طفلان" is part of the 13
    one = _doc("d_a", "صحيفة الشمال", "قتل ضابط و3 جنود في انفجار عبوة ناسفة في سوق تلعفر يوم 3 آذار 2025.")
    qty(one, "3 جنود", 3.0, "جندي")
    two = _doc("d_b", "صحيفة الجنوب",
               "لقي 13 شخصا بينهم طفلان مصرعهم في انفجار عبوة ناسفة في سوق تلعفر يوم 3 آذار 2025.")  # fmt: skip
    qty(two, "13 شخصا", 13.0, "شخص")
    qty(two, "طفلان", 2.0, "طفل")
    # 15 people choked and two burnt (a dual noun, no digit): one total of 17
    three = _doc("d_c", "صحيفة الوسط",
                 "أصيب 15 شخصا بحالات اختناق وكذلك بإصابتين بحروق في انفجار عبوة ناسفة في سوق تلعفر يوم 3 آذار 2025.")  # fmt: skip
    qty(three, "15 شخصا", 15.0, "شخص")
    v = build([one, two, three], ENTS, AS_OF)
    [inc] = [i for i in v.incidents if "killed" in i.slots]
    assert sorted(x.value for x in inc.slots["killed"]) == [4, 13]
    assert [x.value for x in inc.slots["injured"]] == [17]
    texts = {d.doc.id: d.doc.text for d in (one, two, three)}
    for x in [*inc.slots["killed"], *inc.slots["injured"]]:  # evidence covers the words that say it
        e = x.evidence[0]
        assert texts[e.doc][e.start : e.end].split()[0] in ("ضابط", "13", "15")
    [k] = [k for k in v.conflicts if k.slot == "killed"]
    assert _numbers(k) == {"4", "13"}


def test_friday_and_saturday_contradict_and_a_statement_day_is_not_the_happening_day() -> None:
    one = _doc("d_a", "صحيفة الشمال", "وقع انفجار في سوق تلعفر مساء الجمعة 7 آذار 2025 وأسفر عن مقتل 3 أشخاص.", "2025-03-08")
    one.timex.append(Timex("d_a", one.doc.text.index("مساء"), one.doc.text.index(" وأسفر"), "مساء الجمعة 7 آذار 2025",
                           "TIME", "2025-03-07TEV"))  # fmt: skip
    qty(one, "3 أشخاص", 3.0, "شخص")
    two = _doc("d_b", "صحيفة الجنوب", "وقع انفجار في سوق تلعفر يوم السبت 8 آذار 2025 وأسفر عن مقتل 3 أشخاص.", "2025-03-09")
    tmx(two, "يوم السبت 8 آذار 2025", "2025-03-08")
    qty(two, "3 أشخاص", 3.0, "شخص")
    # a third outlet dates only its statement ("أعلنت الشرطة الأحد …"): no date of the blast
    three = _doc("d_c", "صحيفة الوسط", "أعلنت الشرطة الأحد 9 آذار 2025 مقتل 3 أشخاص في انفجار سوق تلعفر.", "2025-03-09")
    tmx(three, "الأحد 9 آذار 2025", "2025-03-09")
    qty(three, "3 أشخاص", 3.0, "شخص")
    v = build([one, two, three], ENTS, AS_OF)
    [inc] = [i for i in v.incidents if "date" in i.slots]
    assert sorted(x.value for x in inc.slots["date"]) == ["2025-03-07TEV", "2025-03-08"]
    [k] = [k for k in v.conflicts if k.slot == "date"]
    assert k.relation == "contradict" and "مساء 7 آذار 2025" in k.explanation and "8 آذار 2025" in k.explanation
    assert [k for k in v.conflicts if k.slot == "killed"] == []  # all say 3


def test_dates_that_contain_each_other_agree() -> None:
    assert dates_clash("2015-07-23TMO", "2015-07-23TNI") and dates_clash("2013-04", "2013-07")
    assert dates_clash("2015-07-23", "2015-07-24") and dates_clash("2015-08-06T10:30", "2015-08-06TEV")
    assert not dates_clash("2015-07-24T19:00", "2015-07-24TEV") and not dates_clash("2013", "2013-04")
    assert not dates_clash("2015-07-31T14:00", "2015-07-31T14:08") and not dates_clash("2015-07-23", "2015-07-23TMO")
