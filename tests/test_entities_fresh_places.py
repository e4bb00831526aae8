"""Place names that are also ordinary words (issue 18, "typing and linking a reader can
trust"): ``سيول`` (torrents / Seoul), ``الثورة`` (the revolution / a Syrian town),
``العمارة`` (the building / Amarah). They are not matched as cities in running text
(``city_stop.txt``), and a one-word model place made of one of them stays a place only with
evidence in its sentence (``annotators/entities/homonyms.py``). Our own sentences; where a
model span is needed, the sequence model is replaced by a fixed list of spans (``forced``)."""

from __future__ import annotations

import pytest
from entity_checks import found

from rasd.annotators.entities import annotate
from rasd.models import DocAnalysis, Document, Published
from rasd.resolve.entities import link


@pytest.mark.parametrize(
    "text, word",
    [
        ("جرفت سيول المطر عددا من السيارات في الوادي.", "سيول"),
        ("انطلقت الثورة الصناعية في أوروبا قبل قرنين.", "الثورة"),
        ("تعيش الطبقة الوسطى ظروفا صعبة في المدن الكبرى.", "الطبقة"),
        ("قال القائم بأعمال السفارة إن الوفد سيغادر غدا.", "القائم"),
        ("نحن نعمل دوما من أجل خدمة المواطنين.", "دوما"),
        ("اختار المصمم القميص الأبيض والحذاء الأسود.", "الأبيض"),
    ],
)
def test_common_word_is_not_matched_as_a_city(text: str, word: str) -> None:
    assert word not in [t for t, _ in found(text)]


def test_model_place_that_is_a_common_word_needs_evidence(forced: dict) -> None:
    text = "وشب حريق في العمارة فجر اليوم وأخلت فرق الدفاع المدني السكان."
    forced[text] = [("العمارة", "GPE")]
    assert found(text) == []


def test_torrents_without_a_place_cue_are_no_place(forced: dict) -> None:
    text = "وحذر الدفاع المدني من جريان الأودية بعد أن اجتاحت سيول جارفة عددا من القرى."
    forced[text] = [("سيول", "GPE")]
    assert found(text) == []


def test_a_place_word_before_it_makes_it_a_place(forced: dict) -> None:
    text = "زار الرئيس العاصمة الكورية سيول أمس والتقى نظيره."
    forced[text] = [("سيول", "GPE")]
    assert ("سيول", "GPE") in found(text)


def test_its_country_in_the_sentence_makes_it_a_place(forced: dict) -> None:
    text = "قتل ثلاثة أشخاص في انفجار سيارة مفخخة في العمارة جنوب العراق."
    forced[text] = [("العمارة", "GPE")]
    assert ("العمارة", "GPE") in found(text)


def test_another_country_in_the_sentence_is_no_evidence(forced: dict) -> None:
    text = "قتل ثلاثة أشخاص في انفجار داخل العمارة التي تسكنها أسر من مصر."
    forced[text] = [("العمارة", "GPE")]
    assert ("العمارة", "GPE") not in found(text)


def test_a_list_of_places_makes_it_a_place(forced: dict) -> None:
    text = "وتنقل الوفد بين طوكيو وسيول خلال الجولة."
    forced[text] = [("طوكيو", "GPE"), ("وسيول", "GPE")]
    assert ("سيول", "GPE") in found(text)


def test_the_evidence_is_read_in_the_same_sentence_only(forced: dict) -> None:
    text = "عاد الوفد من كوريا الجنوبية. وجرفت سيول المطر عددا من السيارات."
    forced[text] = [("سيول", "GPE")]
    assert ("سيول", "GPE") not in found(text)


def test_torrents_get_no_pin_after_linking(forced: dict) -> None:
    text = "جرفت سيول المطر عددا من السيارات في الوادي."
    forced[text] = [("سيول", "GPE")]
    doc = Document(
        id="d1", source="t", part=0, title="", outlet=None, published=Published(), language="ar", text=text
    )
    da = DocAnalysis(doc)
    annotate(da)
    assert not [e for e in link([da]) if e.geo is not None and e.name == "سيول"]


def test_a_joiner_word_between_two_places_is_a_list(forced: dict) -> None:
    text = "ولم يحسم المنظمون إن كانت القمة ستعقد في سيول أو طوكيو."
    forced[text] = [("سيول", "GPE"), ("طوكيو", "GPE")]
    assert ("سيول", "GPE") in found(text)


def test_a_preposition_alone_is_no_evidence(forced: dict) -> None:
    text = "تحولت الأمطار إلى سيول غمرت الشوارع والأنفاق."
    forced[text] = [("سيول", "GPE")]
    assert found(text) == []


# A famous person named like a small GeoNames town (Obama, Japan): a definite title before
# the name anywhere in the text (``الرئيس أوباما``) makes every bare mention of it a person.
_PRESIDENT = "انتقد الرئيس الأمريكي أوباما الخطة في كلمته. ثم أعلنت إدارة أوباما موقفا جديدا."
_ADMIN_ONLY = "قالت إدارة أوباما إنها ستدرس العرض الجديد بعناية."


def test_a_titled_name_is_a_person_in_the_whole_text(forced: dict) -> None:
    forced[_PRESIDENT] = [("أوباما", "GPE")]
    assert found(_PRESIDENT) == [("أوباما", "PER"), ("أوباما", "PER")]


def test_the_town_without_a_title_stays_a_place(forced: dict) -> None:
    text = "وصل الوفد إلى أوباما اليابانية ثم عاد إلى العاصمة."
    forced[text] = [("أوباما", "GPE")]
    assert ("أوباما", "GPE") in found(text)


def test_a_bare_head_governs_a_place_not_a_person(forced: dict) -> None:
    text = "أكد رئيس أوباما أن البلدة جاهزة لاستقبال الزوار."  # "the head of Obama (town)"
    forced[text] = [("أوباما", "GPE")]
    assert ("أوباما", "GPE") in found(text)


def test_the_person_gets_no_pin_across_articles(forced: dict) -> None:
    forced[_PRESIDENT] = [("أوباما", "GPE")]
    forced[_ADMIN_ONLY] = [("أوباما", "GPE")]
    das = []
    for i, text in enumerate((_PRESIDENT, _ADMIN_ONLY, _PRESIDENT)):
        doc = Document(
            id=f"d{i}", source="t", part=0, title="", outlet=None, published=Published(), language="ar", text=text
        )
        da = DocAnalysis(doc)
        annotate(da)
        das.append(da)
    named = [e for e in link(das) if e.name == "أوباما"]
    assert named and all(e.type == "PER" and e.geo is None for e in named)
