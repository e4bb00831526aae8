"""Language identification on sentences we wrote."""

from __future__ import annotations

import pytest

from rasd.ingest.langid import arabic_ratio, identify


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("قالت الحكومة إن المدارس ستفتح أبوابها في موعدها رغم الأمطار التي هطلت على المدينة.", "ar"),
        ("دولت اعلام کرد که مدرسه ها در روز شنبه باز می شوند و این تصمیم برای همه است.", "fa"),
        ("حکومت نے اعلان کیا ہے کہ اسکول پیر کے دن کھلیں گے اور بچوں کو وقت پر آنا ہوگا۔", "ur"),
        ("The government said that schools will open on time and the rain was not a problem.", "en"),
        ("Le gouvernement a dit que les écoles ouvriront à la date prévue dans la ville.", "fr"),
        ("12345 !!! ---", "und"),
    ],
)
def test_identify(text: str, lang: str) -> None:
    assert identify(text) == lang


def test_arabic_with_a_persian_name_stays_arabic() -> None:
    text = "وصل الوزير إلى طهران والتقى نظيره في قصر گلستان، وبحث معه ملفات التعاون الاقتصادي بين البلدين. " * 5
    assert identify(text) == "ar"


def test_arabic_ratio() -> None:
    assert arabic_ratio("abc") == 0.0
    assert arabic_ratio("سلام") == 1.0
    assert 0.4 < arabic_ratio("سلام abcd") < 0.6


def test_persian_yeh_in_arabic_text_stays_arabic() -> None:
    # Arabic typed on a Persian keyboard: ی for ى, no Persian function words
    assert identify("توفی الشیخ سعید والد المبتعثة إلی جامعة أدلید، وتتقدم الأسرة بالشکر.") == "ar"
