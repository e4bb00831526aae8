"""Quantities and time: the rules added for the fresh real-news batch rn1010–rn1017.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-04"  # a Tuesday in summer

_q, _t = readers(DCT)


def test_a_noun_in_lam_keeps_its_lam_after_li_and_the_article() -> None:
    """``objects.strip_article``: ``للاعبين`` is ل + اللاعبين (the noun's own ل is not written
    twice), so its lemma is ``لاعب``, not ``اعب``; and the later ``للاعبين الخمسة`` then refers
    back to ``خمسة لاعبين`` (F1). A noun that is known without the ل keeps the old reading."""
    assert _q("قدم المدرب جوائز للاعبين الخمسة في الفريق.") == [("خمسة", 5.0, None, "لاعب")]
    later = "أقام النادي حفلا لخمسة لاعبين شبان ثم قدم الرئيس مكافآت للاعبين الخمسة."
    assert _q(later) == [("خمسة", 5.0, None, "لاعب")]  # one count: the definite one refers back
    assert _q("قدم النادي مكافآت للمدربين الثلاثة.") == [("ثلاثة", 3.0, None, "مدرب")]


def test_hundreds_plus_three_to_ten_count_a_plural() -> None:
    """``objects.open_object``: 103–110 (and 1003 …) take the plural as 3–10 do (``108 مبايعات``),
    so the plural is cut to its singular; 120 keeps the singular accusative reading."""
    assert _q("سجلت السوق 105 مبايعات أمس.")[0][3] == "مبايعة"
    assert _q("باعت الشركة 1004 سيارات.") == [("1004 سيارات", 1004.0, None, "سيارة")]


def test_one_of_a_plural_whose_ta_marbuta_opens_before_a_pronoun() -> None:
    """``objects.is_plural``: ``أنظمتها`` is أنظمة + ها; the open ت is read as ة only to find a
    listed plural (``plurals.tsv``: أنظمة → نظام), so ``لأحد أنظمتها`` is one system."""
    assert _q("تعرضت الشركة لهجوم على أحد أنظمتها.") == [("أحد", 1.0, None, "نظام")]
    assert _q("أصيب عطل في لأحد أنظمتها الرئيسية.")[0][3] == "نظام"


def test_resource_lines_of_this_batch() -> None:
    """``plurals.tsv``: إناث → أنثى, ذكور → ذكر, رهونات → رهن; ``objects.tsv``: ``استرليني`` alone
    after an amount is the pound sterling; ``حاملتي طائرات`` is a construct dual of a compound
    (2 حاملة طائرات)."""
    assert _q("رزق بخمس إناث وثلاثة ذكور.") == [("خمس", 5.0, None, "أنثى"), ("ثلاثة", 3.0, None, "ذكر")]
    assert _q("سجل البنك عشرة رهونات جديدة.") == [("عشرة", 10.0, None, "رهن")]
    assert _q("انتقل اللاعب مقابل 30 مليون استرليني.") == [("30 مليون استرليني", 30000000.0, None, "جنيه استرليني")]
    assert _q("أرسلت البحرية حاملتي طائرات إلى البحر.") == [("حاملتي طائرات", 2.0, None, "حاملة طائرات")]
    assert _q("تملك الدولة ثلاث حاملات طائرات.") == [("ثلاث حاملات طائرات", 3.0, None, "حاملة طائرات")]


def test_a_bare_unit_after_an_age_is_one_unit() -> None:
    """``duration_cues.txt``: ``عمره سنة``, ``عمرها شهر`` are ages of one unit (DURATION, F8),
    as ``خلال عام`` is one year; a count after ``عمره`` is read as before."""
    assert _t("أصيب طفل عمره سنة في الحادث.") == [("سنة", "DURATION", "P1Y")]
    assert _t("نقلت طفلة عمرها شهر إلى المستشفى.") == [("شهر", "DURATION", "P1M")]
    assert _t("توفي رجل عمره 40 عاما.") == [("40 عاما", "DURATION", "P40Y")]


def test_the_virtuous_month_is_ramadan() -> None:
    """``ar/calendar/hijri_months.tsv``: ``الشهر الفضيل`` is an epithet of Ramadan, so it is read
    as the month: named alone it is null (decision 13), with a day the nearest one (F10)."""
    assert _t("يكثر الزوار خلال الشهر الفضيل في المدينة.") == [("الشهر الفضيل", "DATE", None)]
    assert _t("تغلق المحلات في العاشر من الشهر الفضيل.") == [("العاشر من الشهر الفضيل", "DATE", "2015-06-27")]
    assert _t("يكثر الزوار في الشهر الماضي.") == [("الشهر الماضي", "DATE", "2015-07")]


def test_a_definite_vague_amount_ending_the_text() -> None:
    """``engine._scan_line``: a definite vague amount with no word after it (the last word of a
    page: ``لإنفاق الملايين``) is read without looking past the end of the line (it raised
    IndexError and the page lost all its quantities)."""
    assert _q("دفعت المنافسة الأندية إلى إنفاق الملايين") == [("ملايين", None, 9999999.0, None)]
    assert _q("أنفقت الأندية 30 مليون ريال ثم أنفقت الملايين")[0] == ("30 مليون", 30000000.0, None, "ريال")
