"""Reports that found no event on dev (issue 13): deaths told with their manner and nobody
named, a bullet that hit someone, shootings and arrests worded at length, a boat overdue."""

from __future__ import annotations

from test_events import make_da, words

from rasd.annotators.events import extract, find_triggers
from rasd.story.reports import kind_of


def _types(text: str) -> list[tuple[str, str]]:
    ws = words(text)
    return [(h.trigger.type, text[h.start : h.end]) for h in find_triggers(ws)]


def test_unnamed_death_with_its_manner_is_a_happening() -> None:
    # رجل, not عامل: "توفي عامل" is a death of its own (test_events_fresh9), this one by its manner
    da = make_da("توفي رجل في الأربعين من عمره اختناقا داخل خزان مياه في المدينة الصناعية.")
    (ev,) = extract(da)
    assert (ev.type, ev.trigger, ev.modality) == ("OTHER", "توفي", "happened")
    assert kind_of(ev)[0] == "death"


def test_bare_unnamed_death_of_a_round_up_stays_out() -> None:
    assert extract(make_da("توفي شخص وأصيب اثنان آخران في المدينة مساء أمس.")) == []


def test_long_gap_before_the_death_word_and_a_manner() -> None:
    da = make_da("لقي رجل في الخمسين من العمر مصرعه صعقا بالكهرباء أثناء إصلاح عمود إنارة.")
    (ev,) = extract(da)
    assert ev.type == "OTHER" and ev.trigger.startswith("لقي") and ev.trigger.endswith("مصرعه")


def test_breathed_his_last_is_a_death() -> None:
    da = make_da("لفظ الصياد العجوز أنفاسه الأخيرة اختناقا بالدخان في كوخه على الشاطئ.")
    (ev,) = extract(da)
    assert ev.type == "OTHER" and kind_of(ev)[0] == "death"


def test_weak_trigger_without_weapon_does_not_veto_a_death() -> None:
    # تعرضهما is a weak attack word: with no weapon in its clause it is no happening
    da = make_da("توفي طفلان جراء تعرضهما للاختناق داخل سيارة مغلقة تحت الشمس.")
    (ev,) = extract(da)
    assert (ev.type, ev.trigger) == ("OTHER", "توفي")


def test_hit_by_a_bullet_is_a_shooting() -> None:
    assert _types("أصيبت برصاصة في كتفها أثناء عودتها إلى منزلها") == [("ATTACK", "أصيبت برصاصة")]
    assert _types("اخترقت رصاصة نافذة المطبخ ليلا") == [("ATTACK", "اخترقت رصاصة")]
    assert _types("قتل مزارع بعد إصابته برصاصة في الصدر")[-1] == ("ATTACK", "إصابته برصاصة")


def test_volley_of_bullets_and_shot_at_said_at_length() -> None:
    assert _types("أطلق المسلح وابلا من الرصاص على المارة") == [("ATTACK", "أطلق المسلح وابلا من الرصاص")]
    text = "تعرض موكب المحافظ على الطريق الساحلي لإطلاق نار"
    assert _types(text) == [("ATTACK", text)]


def test_explosion_in_the_accusative() -> None:
    assert _types("سمع السكان انفجارا قويا قرب المستودع") == [("ATTACK", "انفجارا")]


def test_cell_caught_with_its_members_named_first() -> None:
    assert _types("أعلنت الشرطة ضبط أفراد خلية تزوير") == [("ARREST", "ضبط أفراد خلية")]


def test_boat_overdue_is_a_sea_accident() -> None:
    da = make_da("ورد بلاغ بتأخر قارب صيد عن موعد عودته إلى الميناء يوم الخميس.")
    (ev,) = extract(da)
    assert ev.type == "OTHER" and kind_of(ev)[0] == "wreck"


def test_hit_by_a_stray_bullet_stays_a_stray_bullet() -> None:
    da = make_da("أعلنت الشرطة أن الشاب أصيب برصاصة طائشة أثناء حفل زفاف في القرية مساء الخميس.")
    (ev,) = extract(da)
    assert ev.type == "OTHER" and kind_of(ev)[0] == "stray"
