"""Round-up articles on real news: another item of an article is never its incident, and
figures that are no figure of the happening (tallies, combined counts, repeated figures,
counts of attacks) are not compared across outlets (story/other_items.tsv,
story/tally_triggers.txt, story/slot_context.tsv)."""

from __future__ import annotations

from test_events import qty
from test_slot_disagreements import _doc, _slot

from rasd.models import DocAnalysis
from rasd.story.report_words import moves_on, other_item

AS_OF = "2026-11-22"


def _types(text: str) -> set[str]:
    """The event types the events annotator finds in one self-written sentence."""
    from test_events import make_da

    from rasd.annotators import events

    return {e.type for e in events.extract(make_da(text))}


def test_other_item_openers_and_another_after_the_trigger() -> None:
    assert other_item("من جهة أخرى، انفجرت عبوة في سوق المدينة.", "انفجرت")
    assert other_item("وفي محافظة نينوى، قتل ثلاثة في تفجير.", "تفجير")
    assert other_item("وقتل جندي في هجوم آخر على نقطة تفتيش.", "هجوم")
    assert not other_item("وقتل جندي في الهجوم على نقطة التفتيش.", "الهجوم")
    assert not other_item("في مدينة تلعفر انفجرت عبوة ناسفة صباح اليوم.", "انفجرت")  # a lead, not a shift
    # the strong openers still take the same-article bonus away, as shifts.txt's do
    assert moves_on("إلى ذلك، انفجرت عبوة في سوق المدينة.") and moves_on("أيضا انفجرت عبوة.")


def _two(extra: str, extra_q: list[tuple[str, float, str | None]]) -> list[DocAnalysis]:
    one = _doc("d_a", "صحيفة الشمال", "قتل 5 أشخاص في تفجير سيارة مفخخة في سوق تلعفر يوم 3 آذار 2025." + extra)
    qty(one, "5 أشخاص", 5.0, "شخص")
    for text, v, obj in extra_q:
        qty(one, text, v, obj)
    two = _doc("d_b", "صحيفة الجنوب", "قتل 5 أشخاص في تفجير سيارة مفخخة في سوق تلعفر يوم 3 آذار 2025.")
    qty(two, "5 أشخاص", 5.0, "شخص")
    return [one, two]


def test_a_round_ups_other_item_is_not_compared() -> None:
    das = _two(" من جهة أخرى، قتل 9 أشخاص في تفجير سيارة مفخخة قرب سوق تلعفر.", [("9 أشخاص", 9.0, "شخص")])
    assert _slot(das, "killed") == []
    das = _two(" وقتل 9 أشخاص في هجوم آخر بسيارة مفخخة في تلعفر.", [("9 أشخاص", 9.0, "شخص")])
    assert _slot(das, "killed") == []


def test_a_tally_of_several_attacks_is_no_figure_of_one() -> None:
    das = _two(" وكانت تفجيرات في أنحاء البلاد أدت إلى مقتل 30 شخصا.", [("30 شخصا", 30.0, "شخص")])
    assert _slot(das, "killed") == []
    one = _doc("d_a", "صحيفة الشمال", "قتل 30 شخصا في هجمات متزامنة في تلعفر وسنجار يوم 3 آذار 2025. "
               "وقتل 5 أشخاص في تفجير سيارة مفخخة في سوق تلعفر يوم 3 آذار 2025.")  # fmt: skip
    qty(one, "30 شخصا", 30.0, "شخص")
    qty(one, "5 أشخاص", 5.0, "شخص")
    two = _doc("d_b", "صحيفة الجنوب", "قتل 5 أشخاص في تفجير سيارة مفخخة في سوق تلعفر يوم 3 آذار 2025.")
    qty(two, "5 أشخاص", 5.0, "شخص")
    assert _slot([one, two], "killed") == []


def test_combined_counts_repeated_figures_and_counted_attacks() -> None:
    # "killed and wounded" together is no killed figure
    das = _two(" وارتفعت الحصيلة إلى 12 قتيلا وجريحا.", [("12 قتيلا", 12.0, "قتيل")])
    assert _slot(das, "killed") == []
    # the same figure said twice in a glued headline is not a total of two parts
    one = _doc("d_a", "صحيفة الشمال", "مقتل 5 أشخاص في تفجير بتلعفر وقتل 5 أشخاص في تفجير سيارة مفخخة في سوق تلعفر يوم 3 آذار 2025.")
    qty(one, "5 أشخاص", 5.0, "شخص")
    qty(one, "5 أشخاص", 5.0, "شخص")
    one.quantities[-1].start = one.doc.text.rindex("5 أشخاص")
    one.quantities[-1].end = one.quantities[-1].start + len("5 أشخاص")
    two = _doc("d_b", "صحيفة الجنوب", "قتل 7 أشخاص في تفجير سيارة مفخخة في سوق تلعفر يوم 3 آذار 2025.")
    qty(two, "7 أشخاص", 7.0, "شخص")
    [k] = _slot([one, two], "killed")
    assert k.side_a and k.side_b and {k.side_a.value, k.side_b.value} == {"5", "7"}
    # a number of attacks next to a toll word counts attacks, not dead
    das = _two(" وأكدت مصادر طبية حصيلة الهجومين.", [("الهجومين", 2.0, "هجوم")])
    assert _slot(das, "killed") == []


def test_the_counted_noun_closing_a_number_names_its_slot() -> None:
    one = _doc("d_a", "صحيفة الشمال", "تفجير سيارة مفخخة في سوق تلعفر يوم 3 آذار 2025 وبلغ عدد ضحايا هذا الهجوم الدامي 5 قتلى وأكثر من 20 جريحا.")
    qty(one, "5 قتلى", 5.0, "قتيل")
    qty(one, "أكثر من 20 جريحا", 20.0, "جريح")
    one.quantities[-1].mod = "MORE_THAN"
    two = _doc("d_b", "صحيفة الجنوب", "قتل 30 شخصا في تفجير سيارة مفخخة في سوق تلعفر يوم 3 آذار 2025.")
    qty(two, "30 شخصا", 30.0, "شخص")
    # "ضحايا" before "more than 20" names the dead, but "جريحا" closing it says injured:
    # 5 killed against 30 killed, never "more than 20" killed
    [k] = _slot([one, two], "killed")
    assert k.side_a and k.side_b and {k.side_a.value, k.side_b.value} == {"5", "30"}


def test_a_neighbouring_clause_dates_the_trigger_only_when_it_tells_of_it() -> None:
    from test_events import make_da, tmx

    from rasd.annotators import events

    # the day of "the town that fell into the fighters' hands" is not the crash's day
    da = make_da("تحطمت طائرة حربية فوق بلدة في الشمال التي سقطت في يد المسلحين في أيار 2024.")
    tmx(da, "أيار 2024", "2024-05")
    [crash] = [e for e in events.extract(da) if e.trigger == "تحطمت"]
    assert crash.date.value != "2024-05"
    # … but "the session that was held on 7 April" dates the agreement reached at it
    da = make_da("تم الاتفاق على الخطة في جلسة الحوار التي عقدت في 7 نيسان 2024.")
    tmx(da, "7 نيسان 2024", "2024-04-07")
    [deal] = [e for e in events.extract(da) if e.type == "AGREEMENT"]
    assert deal.date.value == "2024-04-07"


def test_where_an_organisation_sits_is_no_scene() -> None:
    from test_events import ent, make_da, tmx

    from rasd.annotators import events

    da = make_da("وقال المرصد ومقره لندن إن طائرة حربية تحطمت فوق بلدة جسر الشغور يوم 3 آب 2024.")
    ent(da, "لندن", "GPE", "e_london")
    ent(da, "جسر الشغور", "GPE", "e_town")
    tmx(da, "3 آب 2024", "2024-08-03")
    [crash] = [e for e in events.extract(da) if e.trigger == "تحطمت"]
    assert crash.place == "e_town" and "e_london" not in crash.actors + crash.targets


def test_children_among_the_dead_are_a_part_of_the_toll() -> None:
    das = _two(" وأشار الطبيب إلى أن بين القتلى طفلين.", [("طفلين", 2.0, "طفل")])
    assert _slot(das, "killed") == []


def test_shootings_and_heat_waves_are_happenings_and_a_ceasefire_is_not() -> None:
    from test_events import make_da

    from rasd.annotators import events

    def types(text: str) -> set[tuple[str, str]]:
        return {(e.type, e.trigger) for e in events.extract(make_da(text))}

    assert ("ATTACK", "فتح مسلح النار") in types("فتح مسلح النار على رواد مقهى في المدينة مساء أمس.")
    assert ("ATTACK", "وأطلقوا النار") in types("وأطلقوا النار على دورية للشرطة قرب الجسر.")
    assert not {t for t in types("دعت الأمم المتحدة إلى وقف إطلاق النار في المدينة.") if t[0] == "ATTACK"}
    assert ("OTHER", "موجة الحر") in types("توفي عشرة مسنين بسبب موجة الحر التي تضرب البلاد.")


def test_a_huge_number_is_never_a_part_of_a_toll() -> None:
    one = _doc("d_a", "صحيفة الشمال", "غمرت فيضانات قرى تلعفر يوم 3 آذار 2025، وقال المسؤول إن 5 أشخاص لقوا مصرعهم وأكثر من مئتي ألف فقدوا مساكنهم.")
    qty(one, "5 أشخاص", 5.0, "شخص")
    qty(one, "أكثر من مئتي ألف", 200000.0, None)
    one.quantities[-1].mod = "MORE_THAN"
    two = _doc("d_b", "صحيفة الجنوب", "غمرت فيضانات قرى تلعفر يوم 3 آذار 2025 وقتل 7 أشخاص.")
    qty(two, "7 أشخاص", 7.0, "شخص")
    [k] = _slot([one, two], "killed")
    assert k.side_a and k.side_b and {k.side_a.value, k.side_b.value} == {"5", "7"}  # not 200005


def test_killed_and_wounded_by_verbs_and_subsets_of_a_toll() -> None:
    # "فقتل شخصين وأصاب سبعة": the seven are wounded, not more dead
    one = _doc("d_a", "صحيفة الشمال", "فتح مسلح النار في سوق تلعفر يوم 3 آذار 2025 فقتل 5 أشخاص وأصاب سبعة آخرين.")
    qty(one, "5 أشخاص", 5.0, "شخص")
    qty(one, "سبعة", 7.0, None)
    two = _doc("d_b", "صحيفة الجنوب", "فتح مسلح النار في سوق تلعفر يوم 3 آذار 2025 فقتل 6 أشخاص.")
    qty(two, "6 أشخاص", 6.0, "شخص")
    [k] = _slot([one, two], "killed")
    assert k.side_a and k.side_b and {k.side_a.value, k.side_b.value} == {"5", "6"}  # not 12
    # "4 من المصابين حالتهم خطرة": four of the wounded, not a count of the wounded
    das = _two(" وأصيب 20 شخصا. وكانت حالات 4 من المصابين خطرة.", [("20 شخصا", 20.0, "شخص"), ("4 من المصابين", 4.0, None)])
    assert [k for k in _slot(das, "injured") if "4" in (k.side_a.value if k.side_a else "")] == []


def test_a_figure_dated_to_an_earlier_year_is_background() -> None:
    from test_events import tmx

    one = _doc("d_a", "صحيفة الشمال", "قتل 5 أشخاص في تفجير سيارة مفخخة في سوق تلعفر يوم 3 آذار 2025. "
               "وكان تفجير مماثل في المدينة نفسها عام 2019 قد أدى إلى مقتل 40 شخصا.")  # fmt: skip
    qty(one, "5 أشخاص", 5.0, "شخص")
    qty(one, "40 شخصا", 40.0, "شخص")
    tmx(one, "عام 2019", "2019")
    two = _doc("d_b", "صحيفة الجنوب", "قتل 5 أشخاص في تفجير سيارة مفخخة في سوق تلعفر يوم 3 آذار 2025.")
    qty(two, "5 أشخاص", 5.0, "شخص")
    assert _slot([one, two], "killed") == []


def test_burma_is_myanmar() -> None:
    from rasd.annotators.entities.gazetteer import place_lookup

    assert place_lookup("بورما") is not None and place_lookup("بورما") == place_lookup("ميانمار")


def test_a_follow_up_of_an_accident_refers_back_to_it() -> None:
    from rasd.story.report_words import followup_words, has_backref

    assert has_backref("تعافى عدد من المصابين جراء الحادث الذي أدى إلى انقلاب حافلة على الطريق.")
    assert "تعافي" in followup_words() or "تعافى" in followup_words()


def test_a_cell_caught_is_an_arrest_and_self_restraint_is_not() -> None:
    assert "ARREST" in _types("ضبطت الأجهزة الأمنية شبكة تهريب تضم ستة أشخاص في الميناء أمس.")
    assert "ARREST" in _types("أعلنت الشرطة تفكيك خلية مسلحة في المدينة.")
    assert "ARREST" in _types("قبضت الشرطة أمس على ثلاثة مهربين قرب الحدود.")
    assert "ARREST" not in _types("دعا الوزير جميع الأطراف إلى ضبط النفس.")


def test_a_flood_lasts_days() -> None:
    """A report of a lasting kind (story/kind_traits.tsv) may join days after its start, as a
    follow-up does; an attack report without follow-up words may not."""
    from datetime import date

    from test_events import make_da

    from rasd.annotators import events
    from rasd.story.incidents import make_reports

    def follow(text: str) -> bool:
        da = make_da(text, published="2025-03-06")
        evs = [e for e in events.extract(da) if e.evidence]
        [r] = make_reports(evs, {da.doc.id: text}, {da.doc.id: date(2025, 3, 6)}, {da.doc.id: "x"}, {})
        return r.follow

    assert follow("غمرت الفيضانات قرى الوادي وشردت مئات العائلات.")
    assert not follow("قتل 5 أشخاص في هجوم على قرية في الوادي.")


def test_stabbings_hostage_takings_and_poisonings_are_happenings() -> None:
    assert "ATTACK" in _types("قتل شخصان في هجوم بسكين داخل متجر.")
    assert "ATTACK" in _types("احتجز مسلحون عددا من الرهائن في فندق بالمدينة صباح أمس.")
    assert "OTHER" in _types("أصيب 20 شخصا بحالات تسمم غذائي بعد تناول وجبة في مطعم.")
    assert _types("قدم المحامي طعنا في الحكم أمام المحكمة.") == set()  # an appeal, not a stabbing
