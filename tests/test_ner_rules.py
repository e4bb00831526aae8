"""Rules found on ANERcorp dev (the last 10% of train, ``ner_bench.py --split dev``): an outlet
credited after a dateline, a given name with ``و`` before a person, more given names, clubs,
quoted products and programmes. Our own sentences; where a rule acts on a model span, the
sequence model is replaced by a fixed list of spans (``forced``)."""

from __future__ import annotations

from entity_checks import found

from rasd.annotators.entities.train import dev_split


def test_dev_is_the_last_tenth_of_train() -> None:
    data = [([f"w{i}"], ["O"]) for i in range(25)]
    tr, dev = dev_split(data)
    assert tr == data[:23] and dev == data[23:]


def test_quoted_outlet_after_a_dateline_place_and_colon_is_the_paper(forced: dict) -> None:
    text = "الرياض : « الشرق الأوسط » أعلنت الوزارة أمس عن خطة جديدة للنقل"
    forced[text] = [("الشرق الأوسط", "LOC")]
    assert ("الشرق الأوسط", "ORG") in found(text)


def test_quoted_region_after_speech_and_colon_stays_the_region(forced: dict) -> None:
    text = "وقال الوزير : « الشرق الأوسط » يحتاج الى سلام دائم"
    forced[text] = [("الشرق الأوسط", "LOC")]
    assert ("الشرق الأوسط", "LOC") in found(text)


def test_told_to_the_paper_with_a_spaced_tatweel(forced: dict) -> None:
    text = "وقال مسؤول في الوزارة ل ـ « الشرق الأوسط » إن الاجتماع تأجل"
    forced[text] = [("الشرق الأوسط", "LOC")]
    assert ("الشرق الأوسط", "ORG") in found(text)


def test_given_name_with_and_joins_the_next_person_of_a_list(forced: dict) -> None:
    text = "وشارك في الأمسية سامي يوسف ، وعماد الحلبي ، وآخرون"
    forced[text] = [("سامي يوسف", "PER"), ("الحلبي", "PER")]
    assert found(text) == [("سامي يوسف", "PER"), ("عماد الحلبي", "PER")]


def test_given_name_with_and_does_not_join_a_coordinated_person(forced: dict) -> None:
    text = "وتألق في اللقاء فهد ومروان وعماد الحلبي"
    forced[text] = [("فهد", "PER"), ("وعماد الحلبي", "PER")]
    names = found(text)
    assert ("عماد الحلبي", "PER") in names
    assert not any("مروان" in n and "الحلبي" in n for n, _ in names)


def test_female_given_name_left_out_by_the_model_joins(forced: dict) -> None:
    text = "وقالت نوال السعدي إن المعرض يفتح أبوابه غدا"
    forced[text] = [("السعدي", "PER")]
    assert found(text) == [("نوال السعدي", "PER")]


def test_listed_clubs_after_a_club_word_and_in_a_sports_report(forced: dict) -> None:
    text = "وسجل مهاجم سلتيك هدفا في المباراة وكاد دينامو كييف يعادل قبل نهاية اللقاء في الدوري"
    forced[text] = [("دينامو كييف", "PER")]
    assert found(text) == [("سلتيك", "ORG"), ("دينامو كييف", "ORG")]


def test_quoted_programme_after_her_programme_is_one_misc(forced: dict) -> None:
    text = "وتقدم المذيعة برنامجها « نجوم الليل » كل خميس"
    forced[text] = [("نجوم", "PER")]
    assert found(text) == [("نجوم الليل", "MISC")]


def test_quoted_car_model_after_the_car_is_one_misc(forced: dict) -> None:
    text = "وطرحت الشركة السيارة « فالكون إكس » في السوق المحلية"
    forced[text] = [("فالكون إكس", "PER")]
    assert found(text) == [("فالكون إكس", "MISC")]


def test_listed_companies_and_bodies_are_organisations(forced: dict) -> None:
    text = "وزادت تويوتا وجنرال موتورز مبيعاتهما بينما دعمت الاتحاد الأفريقي شركة سابك"
    forced[text] = [("تويوتا وجنرال موتورز", "ORG")]
    assert found(text) == [("تويوتا", "ORG"), ("جنرال موتورز", "ORG"), ("الاتحاد الأفريقي", "ORG"), ("سابك", "ORG")]
