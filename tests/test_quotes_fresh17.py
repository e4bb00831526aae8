"""Quote rules from the fresh real-news batch rn290–rn297 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_a_byline_is_no_antecedent_of_a_title() -> None:
    # the reporter's name on the first line is no one the article quotes: the spokesman
    # stays the speaker instead of falling back to "the person the article is about"
    got = _quotes("محمد علي – الجريدة\nتداول ناشطون صورة. وقال المتحدث الرسمي للهيئة إن الصورة قديمة.")
    assert got == [("قال", "المتحدث الرسمي للهيئة", "الصورة قديمة")]
    # a name in a first line that is a sentence still is an antecedent
    got = _quotes("التقى الوزير محمد علي وفدا.\nوقال الوزير إن اللقاء كان مثمرا.")
    assert got == [("قال", "محمد علي", "اللقاء كان مثمرا")]


def test_bi_qawlihi_announces_the_words_after_the_colon() -> None:
    # "صرح … بقوله:" — the ب of صرح is no content opener here, and بقوله no part of the speaker
    got = _quotes("صرح المتحدث الرسمي للهيئة بقوله: «الصورة قديمة».")
    assert got == [("صرح", "المتحدث الرسمي للهيئة", "الصورة قديمة")]
    got = _quotes("وصرح مدير الفرع بقوله إن العمل مستمر.")
    assert got == [("صرح", "مدير الفرع", "العمل مستمر")]
    # صرح with a glued ب + a noun still reports that noun
    got = _quotes("صرح الوزير بوجود خطة لتطوير الطرق.")
    assert got and got[0][1] == "الوزير" and got[0][2].startswith("بوجود")


def test_claim_is_a_reporting_verb_only_with_a_clause() -> None:
    got = _quotes("تدعي الصحيفة أن اللاعب وقع عقدا جديدا مع النادي.")
    assert got == [("تدعي", "الصحيفة", "اللاعب وقع عقدا جديدا مع النادي")]
    got = _quotes("ادعى المتهم أنه كان خارج المدينة وقت الحادث.")
    assert got == [("ادعى", "المتهم", "كان خارج المدينة وقت الحادث")]
    # "تدعى" (is called) folds alike but reports nothing without أن
    assert _quotes("وصلت إلى المستشفى امرأة تدعى فاطمة بعد الحادث.") == []
