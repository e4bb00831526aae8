"""Happenings the fresh batch f (inc120-inc134) showed missing, and figures of other items it
showed compared as the incident's: self-written sentences only.

Missing kinds: shot dead (طلقات نارية، تعرضه لإطلاق نار), arson and riots, people swept away
by a flood, abductions, protests, suspects caught (ضبط المتهم) and arrests told with a long
subject between ألقت and القبض. Figures: a digit naming a list or a unit (القائمة 23), a
monthly tally, the breakdown of a toll (القتلى هم …), a toll in two long parts.
"""

from __future__ import annotations

from test_events import make_da, qty, words
from test_round_ups import _two
from test_slot_disagreements import _doc, _slot

from rasd.annotators import events
from rasd.annotators.events import find_triggers
from rasd.story.reports import kind_of
from rasd.story.slots import dates_clash


def _events(text: str) -> list[tuple[str, str]]:
    """``(type, kind)`` of each event the annotator finds in one self-written sentence."""
    return [(e.type, kind_of(e)[0]) for e in events.extract(make_da(text))]


def test_shot_dead_arson_riots_and_abductions_are_violence() -> None:
    assert ("ATTACK", "violence") in _events("لقي شاب مصرعه إثر تعرضه لطلقات نارية في حي الروضة مساء أمس.")
    assert ("ATTACK", "violence") in _events("أصيب حارس المبنى بطلق ناري في ساقه.")
    assert ("ATTACK", "violence") in _events("أضرم مجهولون النار في ثلاث سيارات قرب السوق.")
    assert ("ATTACK", "violence") in _events("أحرق عشرات العمال سيارتين تابعتين للشركة.")
    assert ("ATTACK", "violence") in _events("اندلعت أعمال شغب في الحي بعد المباراة.")
    # an abduction is its own kind: it never joins the bombing or the raid of the same week
    assert ("ATTACK", "abduction") in _events("اختطف مسلحون مهندسين اثنين قرب الحدود.")
    assert ("ATTACK", "abduction") in _events("وخطفت الجماعة خمسة من عناصر الفرقة مساء الأحد.")


def test_people_swept_away_by_a_flood_and_protests_are_happenings() -> None:
    assert ("OTHER", "flood") in _events("تبحث فرق الإنقاذ عن رجلين جرفهما السيل في الوادي.")
    assert ("OTHER", "flood") in _events("جرفت الأمطار سيارة تقل أسرة من خمسة أفراد.")
    assert any(t == "OTHER" for t, _ in _events("بدأ مئات من الأهالي اعتصاما أمام مبنى المحافظة."))
    # the neighbourhood called الجرف is no flood
    assert all(k != "flood" for _, k in _events("شب حريق محدود في منزل بحي الجرف."))


def test_a_suspect_caught_is_an_arrest_and_a_seized_load_is_not() -> None:
    assert "ARREST" in {t for t, _ in _events("وتم ضبط المتهم بعد ساعات من البلاغ.")}
    # a long subject between ألقت and القبض: the verb phrase, not a background noun
    [ev] = events.extract(make_da("ألقت دوريات الأمن في حي النسيم القبض على رجلين."))
    assert ev.type == "ARREST" and ev.confidence > events.BACKGROUND
    assert "ARREST" not in {t for t, _ in _events("أعلنت الجمارك ضبطها كمية من الذخيرة.")}


def test_a_verb_trigger_takes_an_object_pronoun_and_a_noun_does_not() -> None:
    def types(text: str) -> list[str]:
        return [h.trigger.type for h in find_triggers(words(text))]

    assert types("وقال الجيران إن الشرطة اعتقلتهم فجرا.") == ["ARREST"]
    # the hostages' release is a happening of its own (سراح الرهائن, events/triggers.tsv)
    assert types("أطلقوا سراح الرهائن بعد أن احتجزتهم العصابة.") == ["OTHER", "ARREST"]
    assert types("نقل المصاب بعد تعرضه لإطلاق نار.") == ["ATTACK"]
    assert types("تفاخر بقتلة الناس") == []  # a ة folded to ه is no pronoun
    assert types("سمات الرياض الشرطة") == []  # tags: the future س goes before a verb only


def test_had_arrested_is_no_maybe() -> None:
    [ev] = [e for e in events.extract(make_da("وذكرت الصحيفة أن الشرطة كانت قد ألقت القبض على المتهم في المطار.")) if e.type == "ARREST"]
    assert ev.modality == "happened"
    [ev] = [e for e in events.extract(make_da("وقال المحامي إن الشرطة قد تلقي القبض على موكله.")) if e.type == "ARREST"]
    assert ev.modality == "expected"


def test_a_number_naming_a_list_is_no_toll() -> None:
    das = _two(" وأكدت الشرطة مقتل مطلوب القائمة 23 في التفجير.", [("23", 23.0, None)])
    assert _slot(das, "killed") == []
    # … but a number after the happening's noun counts what follows it
    das = _two(" وأصيب في التفجير 9 أشخاص.", [("9 أشخاص", 9.0, "شخص")])
    assert _slot(das, "injured") == [] and _slot(das, "killed") == []


def test_a_monthly_tally_and_a_breakdown_are_no_figure_of_the_happening() -> None:
    das = _two(" ووثقت منظمة حقوقية في تقريرها الشهري مقتل 40 شخصا في أنحاء البلاد.", [("40 شخصا", 40.0, "شخص")])
    assert _slot(das, "killed") == []
    das = _two(" وأوضح الطبيب أن القتلى هم 4 رجال.", [("4 رجال", 4.0, "رجل")])
    assert _slot(das, "killed") == []


def test_a_toll_in_two_long_parts_is_one_total() -> None:
    one = _doc("d_a", "صحيفة الشمال", "قتل 5 أشخاص من سكان الحي القديم في المدينة و6 من المارة في تفجير سيارة مفخخة في سوق تلعفر يوم 3 آذار 2025.")
    qty(one, "5 أشخاص", 5.0, "شخص")
    qty(one, "6", 6.0, None)
    two = _doc("d_b", "صحيفة الجنوب", "قتل 11 شخصا في تفجير سيارة مفخخة في سوق تلعفر يوم 3 آذار 2025.")
    qty(two, "11 شخصا", 11.0, "شخص")
    assert _slot([one, two], "killed") == []


def test_dawn_is_morning() -> None:
    assert not dates_clash("2025-03-03T04:30", "2025-03-03TMO")
    assert dates_clash("2025-03-03T04:30", "2025-03-03TEV")
