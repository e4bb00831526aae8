"""Second round of rules found on ANERcorp dev (``ner_bench.py --split dev``): lists of
demonym plurals are no people, a name after a product or programme word is MISC, outlets
and a mission known by name, a prayer named after its hour is no country. Our own
sentences; where a rule acts on a model span, the sequence model is replaced by a fixed
list of spans (``forced``)."""

from __future__ import annotations

from entity_checks import found

from rasd.annotators.entities import gazetteer as gz


def test_a_list_of_demonym_plurals_is_no_person(forced: dict) -> None:
    text = "وكان بين الركاب سياح أميركيون وبريطانيون وكنديون"
    forced[text] = [("وبريطانيون وكنديون", "PER")]
    assert found(text) == []


def test_plural_of_a_family_name_demonym_is_a_demonym_but_not_the_singular() -> None:
    dem = gz.demonyms()
    assert {"كنديون", "الكنديين", "سودانيين"} <= dem.keys()
    assert "الكندي" not in dem and "السوداني" not in dem  # also family names
    assert ("سامي الكندي", "PER") in found("وقال الصحفي سامي الكندي إن الجلسة تأجلت")


def test_name_after_a_car_word_is_a_product(forced: dict) -> None:
    text = "وستطرح الشركة السيارة لاندا الجديدة في الأسواق الشهر المقبل"
    forced[text] = [("لاندا", "PER")]
    assert ("لاندا", "MISC") in found(text)


def test_name_after_a_programme_word_is_a_programme(forced: dict) -> None:
    text = "وتقدم القناة برنامج سوبر ستارز مساء كل خميس"
    forced[text] = [("سوبر ستارز", "ORG")]
    assert ("سوبر ستارز", "MISC") in found(text)


def test_a_bodys_or_a_hosts_programme_keeps_the_name(forced: dict) -> None:
    text = "وأعلن عن برنامج المصرف الوطني للتمويل ثم حلقة برنامج جون ستيوارت الأخيرة"
    forced[text] = [("المصرف الوطني", "ORG"), ("جون ستيوارت", "PER")]
    got = found(text)
    assert ("المصرف الوطني", "ORG") in got and ("جون ستيوارت", "PER") in got


def test_a_place_after_a_programme_word_stays_the_place() -> None:
    assert ("إيران", "GPE") in found("وناقش المجلس برنامج إيران النووي أمس")


def test_channel_and_network_names_are_outlets() -> None:
    assert ("أوربت", "ORG") in found("وتبث أوربت المسلسل الجديد يوميا")
    assert ("المحور", "ORG") in found("وظهر الممثل على قناة المحور مساء أمس")


def test_isaf_is_an_organisation() -> None:
    assert ("إيساف", "ORG") in found("وقالت قوات إيساف إن الدورية عادت إلى القاعدة")


def test_prayer_named_after_its_hour_is_no_country() -> None:
    assert not any(t == "GPE" for _, t in found("وأدى المصلون صلاة المغرب في الجامع الكبير"))
    assert ("المغرب", "GPE") in found("وزار الوزير المغرب الأسبوع الماضي")
    assert not any(t == "GPE" for _, t in found("وعاد اللاعب إلى مسقط رأسه"))


def test_a_bank_named_by_its_country_is_the_bank() -> None:
    got = found("ورفع مصرف الكويت المركزي سعر الخصم أمس")
    assert ("مصرف الكويت المركزي", "ORG") in got and not any(t == "GPE" for _, t in got)


def test_outlet_between_dashes_after_a_lines_place_is_the_paper() -> None:
    text = "كتب المحرر مقالا عن الأسعار .\nعمان - الرأي - قررت الحكومة خفض الضرائب"
    assert ("الرأي", "ORG") in found(text)
    assert not any(m == "الرأي" for m, _ in found("وقال إن الرأي - كما يبدو - لم يتغير"))


def test_israeli_paper_after_an_outlet_word() -> None:
    assert ("معاريف", "ORG") in found("ونقلت صحيفة معاريف عن مسؤول أمني قوله")


def test_led_by_before_a_country_is_no_unit_of_the_body() -> None:
    assert ("الناتو", "ORG") in found("وتعمل القوة الدولية بقيادة الناتو بأفغانستان منذ سنوات")
    text = "وأوضح المتحدث بقيادة حرس الحدود بالمنطقة الشرقية أن الدوريات عادت"
    assert ("قيادة حرس الحدود بالمنطقة الشرقية", "ORG") in found(text)
