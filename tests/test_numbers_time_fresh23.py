"""Quantities and time: the rules added for the fresh real-news batch rn492–rn499.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-11"  # a Tuesday


_q, _t = readers(DCT)


def test_a_score_written_with_li_is_no_count() -> None:
    """``بهدفين لهدف``, ``بثلاثة أهداف لهدفين`` (neighbours.is_score/score_side): the losing side
    written with ل makes the pair a score, like ``مقابل``; goals for a team (``للفريق``) still count."""
    assert _q("فاز النادي على ضيفه بهدفين لهدف في المباراة الودية.") == []
    assert _q("انتهى اللقاء بثلاثة أهداف لهدفين.") == []
    assert _q("سجل المهاجم هدفين للفريق في الشوط الأول.") == [("هدفين", 2.0, None, "هدف")]


def test_one_of_a_plural_with_a_pronoun_or_a_broken_plural() -> None:
    """``أحد دائنيها`` (a construct sound plural before a possessive), ``أحد أكشاك``, ``إحدى
    شبابيكها`` (plurals.tsv): one member of the group (decision 9)."""
    assert _q("رفع أحد دائنيها دعوى أمام المحكمة.") == [("أحد", 1.0, None, "دائن")]
    assert _q("اشترى الطفل الحلوى من أحد أكشاك الحديقة.") == [("أحد", 1.0, None, "كشك")]
    assert _q("أطل رجل من إحدى شبابيكها.") == [("إحدى", 1.0, None, "شباك")]
    assert _q("لم يحضر أحد يعرفها.") == []


def test_digits_after_arab_name_a_population() -> None:
    """``عرب 48`` (names_before_digits.txt): a name, not 48 of anything; a count of people after a
    number stays (``48 عربيا``)."""
    assert _q("التقى الوفد بنواب من عرب 48 في المدينة.") == []
    assert _q("شارك 48 عربيا في الندوة.") == [("48", 48.0, None, "عربي")]


def test_sixty_as_a_family_name() -> None:
    """``ستون`` (a homograph in ar/numbers/cardinals.tsv): also the name Stone; as a tens word it still counts the
    singular noun after it (``ستون متطوعا``)."""
    assert _q("حضرت الممثلة جين ستون الحفل ووصلت ستون (40 عامًا) متأخرة.") == []
    assert _q("شارك ستون متطوعا في تنظيف الشاطئ.") == [("ستون", 60.0, None, "متطوع")]


def test_ten_after_a_definite_plural() -> None:
    """``النساء العشر``, ``اللاعبون العشرة``: a definite ten after its plural counts it (F1's
    first mention), as ``الدول الست`` did; a day count stays time (``الليالي العشر``)."""
    assert _q("نشرت المجلة أسماء الفائزات العشر في المسابقة.") == [("عشر", 10.0, None, "فائزة")]
    assert _q("وصل اللاعبون العشرة إلى المعسكر.") == [("عشرة", 10.0, None, "لاعب")]
    assert _q("حل الفريق في المركز الحادي عشر.") == []


def test_part_of_a_hijri_month_with_its_year() -> None:
    """``نهاية رجب 1436``, ``مطلع شعبان 1436`` (patterns.tsv ``hijri`` with MOD): the part named
    falls in one Gregorian month (Rajab 1436 ran from late April to mid May 2015)."""
    assert _t("اكتمل المشروع نهاية رجب 1436 بعد تأخير.") == [("نهاية رجب 1436", "DATE", "2015-05")]
    assert _t("بدأ التسجيل في مطلع شعبان 1436هـ.") == [("مطلع شعبان 1436هـ", "DATE", "2015-05")]
    assert _t("صدر القرار في 5 رجب 1436.") == [("5 رجب 1436", "DATE", "2015-04-24")]


def test_midnight_of_a_named_day() -> None:
    """``منتصف ليل السبت`` (parts_of_day.tsv): midnight at the end of that day, ``T24:00``, not
    the night (``TNI``) that ``ليل السبت`` alone is."""
    assert _t("أغلقت الطرق قبيل منتصف ليل السبت الماضي.") == [
        ("منتصف ليل السبت الماضي", "TIME", "2015-08-08T24:00")
    ]
    assert _t("هطلت الأمطار ليل السبت الماضي.") == [("ليل السبت الماضي", "TIME", "2015-08-08TNI")]


def test_a_definite_dual_and_a_half() -> None:
    """``العامين ونصف العام الماضي`` (patterns.tsv ``rel_unit`` and ``duration``): one duration of
    two and a half years, not ``العام الماضي``; ``شهرا ونصف الشهر`` is P1.5M."""
    assert _t("تضاعفت المبيعات خلال العامين ونصف العام الماضي.") == [
        ("العامين ونصف العام الماضي", "DURATION", "P2.5Y")
    ]
    assert _t("استغرق البناء شهرا ونصف الشهر.") == [("شهرا ونصف الشهر", "DURATION", "P1.5M")]
    assert _t("تضاعفت المبيعات خلال العامين الماضيين.") == [("العامين الماضيين", "DURATION", "P2Y")]


def test_a_market_named_after_a_weekday() -> None:
    """``سوق الخميس`` (not_time.txt): a market held on that day is a place; the market's Thursday
    session is still a date."""
    assert _t("تجول الزوار في سوق الخميس الشعبي بالمحافظة.") == []
    assert _t("أغلقت السوق الخميس على ارتفاع.") == [("الخميس", "DATE", "2015-08-06")]
