"""Fresh dev batch rn472-rn479 (docs/entities_gold.md): a body whose place is a part of a
city named by a compass word (``مستشفى شرق جدة``, ``… بجنوب جدة``). Our own sentences; the
sequence model is replaced by a fixed list of spans, so each test checks what the rules and
lists do, whatever the shipped weights tag. Also: a listed club said with another country's
demonym than its own is another club when linking (``النصر الإماراتي``)."""

from __future__ import annotations

from entity_checks import found

from rasd.models import DocAnalysis, Document, EntityMention, Published
from rasd.resolve.entities import link


def test_compass_word_between_a_body_head_and_its_place(forced: dict) -> None:
    text = "وافتتح الوزير قسما جديدا في مستشفى غرب الدمام أمس"
    forced[text] = [("الدمام", "GPE")]
    assert found(text) == [("مستشفى غرب الدمام", "ORG")]


def test_compass_word_after_bi_joins_a_regional_body(forced: dict) -> None:
    text = "ونظمت اللجنة النسائية للتوعية بشمال الرياض ملتقى للأسر"
    forced[text] = [("اللجنة النسائية للتوعية", "ORG"), ("الرياض", "GPE")]
    assert found(text) == [("اللجنة النسائية للتوعية بشمال الرياض", "ORG")]


def test_park_head_and_its_kind_make_one_facility(forced: dict) -> None:
    text = "وتوافد آلاف الزوار على متنزه الشفا العام خلال العطلة"
    forced[text] = [("الشفا", "GPE")]
    assert found(text) == [("متنزه الشفا العام", "FAC")]


def _doc(doc_id: str, text: str, name: str) -> DocAnalysis:
    da = DocAnalysis(Document(doc_id, doc_id + ".txt", 0, "", None, Published(), "ar", text))
    start = text.index(name)
    da.entities.append(EntityMention(doc_id, start, start + len(name), name, "ORG"))
    return da


def test_a_club_said_with_another_countrys_demonym_is_another_club() -> None:
    home = _doc("d1", "فاز النصر على الشباب في الدوري أمس", "النصر")
    same = _doc("d2", "وتعاقد النصر السعودي مع مدافع جديد", "النصر السعودي")
    other = _doc("d3", "ويلعب الفريق وديا أمام النصر الإماراتي غدا", "النصر الإماراتي")
    after = _doc("d4", "وخسر النصر الإماراتي مباراته الودية الثانية", "النصر")  # the demonym outside the span
    link([home, same, other, after])
    ids = [da.entities[0].entity for da in (home, same, other, after)]
    assert ids[0] == ids[1]
    assert ids[2] != ids[0]
    assert ids[3] == ids[2] != ids[0]


def test_a_command_numbered_by_an_ordinal_is_one_body(forced: dict) -> None:
    text = "وعين الرئيس قائدا جديدا للمنطقة العسكرية الرابعة، ومقر قيادة المنطقة العسكرية الرابعة في المدينة"
    forced[text] = []
    assert found(text) == [("للمنطقة العسكرية الرابعة", "ORG"), ("المنطقة العسكرية الرابعة", "ORG")]
    bare = "وانتشرت القوات في المنطقة العسكرية المحاذية للحدود"
    forced[bare] = []
    assert found(bare) == []


def test_listed_club(forced: dict) -> None:
    text = "وأعلن نادي لاتسيو تعاقده مع مدافع جديد لمدة ثلاثة مواسم"
    forced[text] = []
    assert found(text) == [("لاتسيو", "ORG")]


def test_a_centre_with_a_nisba_is_a_body_and_takes_its_region(forced: dict) -> None:
    text = "ونظم مركز التأهيل المهني بمنطقة الجوف دورة للشباب"
    forced[text] = [("الجوف", "GPE")]
    assert found(text) == [("مركز التأهيل المهني بمنطقة الجوف", "ORG")]
    table = "وانتزع الفريق مركز الصدارة بعد فوزه أمس"
    forced[table] = []
    assert found(table) == []


def test_the_centre_of_a_weather_system_is_no_body(forced: dict) -> None:
    text = "ويقع مركز المنخفض الجوي فوق البحر هذا الصباح"
    forced[text] = []
    assert found(text) == []


def test_a_scale_named_after_a_person_is_no_place(forced: dict) -> None:
    """Two quakes in two countries both "on the Richter scale" once shared a place and
    became one incident; the scale's name is a common word (``common_words.txt``)."""
    text = "وضرب زلزال بقوة خمس درجات على مقياس ريختر جنوب البلاد صباح اليوم"
    forced[text] = [("ريختر", "GPE")]
    assert found(text) == []
    control = "وزار الوفد مدينة ريغا عاصمة لاتفيا"
    forced[control] = [("ريغا", "GPE")]
    assert ("ريغا", "GPE") in found(control)


def test_an_armed_group_is_a_body_not_a_place(forced: dict) -> None:
    """The model read the first word of a listed group as a place, and the group's name made
    two attacks in two countries one scene (``gazetteer.tsv``)."""
    text = "واتهمت الشرطة جماعة بوكو حرام بتنفيذ التفجير في السوق"
    forced[text] = [("بوكو", "GPE")]
    assert found(text) == [("جماعة بوكو حرام", "ORG")]


def test_floods_and_a_sect_named_like_places_are_no_places(forced: dict) -> None:
    """``place_idioms.txt``: "سيول جارفة" are floods (no Seoul), "الطائفة الإسماعيلية" a sect
    (no Ismailia); the same names alone stay places."""
    floods = "وتسببت سيول جارفة في مقتل خمسة أشخاص بالوادي"
    forced[floods] = [("سيول", "GPE")]
    assert found(floods) == []
    sect = "وينتمي المسجد المستهدف إلى الطائفة الإسماعيلية كما قال الشهود"
    forced[sect] = [("الإسماعيلية", "GPE")]
    assert found(sect) == []
    city = "ووصل الوفد إلى سيول ثم إلى الإسماعيلية"
    forced[city] = [("سيول", "GPE"), ("الإسماعيلية", "GPE")]
    assert found(city) == [("سيول", "GPE"), ("الإسماعيلية", "GPE")]


def test_the_building_is_no_iraqi_city_unless_the_model_says_so(forced: dict) -> None:
    """``city_stop.txt``: "العمارة" (the building of a fire report) is not matched as Amara."""
    text = "واندلع الحريق في العمارة المكونة من أربعة طوابق"
    forced[text] = []
    assert found(text) == []
