"""Quantities and time: the rules added for the fresh real-news batch rn880–rn887.

An ordinary news mix, scored once held out and only then read. Every sentence here was
written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-07-21"  # a Tuesday


_q, _t = readers(DCT)



# --------------------------------------------------------------------------- time


def test_a_bracketed_weekday_that_contradicts_the_record_moves_the_bare_today() -> None:
    # written on Monday, printed on Tuesday: the later bare اليوم is Monday too (F6)
    assert _t("أقرت اللجنة اليوم (الاثنين) خطة جديدة، وقال رئيسها إن الخطة التي أقرت اليوم ستنفذ فورا.") == [
        ("اليوم (الاثنين)", "DATE", "2015-07-20"),
        ("اليوم", "DATE", "2015-07-20"),
    ]
    # a bracketed weekday that agrees moves nothing
    assert _t("أقرت اللجنة اليوم (الثلاثاء) خطة، وستنفذ الخطة التي أقرت اليوم.") == [
        ("اليوم (الثلاثاء)", "DATE", "2015-07-21"),
        ("اليوم", "DATE", "2015-07-21"),
    ]
    # a coming day with a bracketed weekday keeps its own reading
    assert _t("ويصل الوفد غدا (الخميس) إلى العاصمة.") == [("غدا (الخميس)", "DATE", "2015-07-23")]


def test_the_coming_decade_is_ten_years_and_the_current_one_a_contract() -> None:
    assert _t("ستتضاعف صادرات الغاز خلال العقد المقبل.") == [("العقد المقبل", "DURATION", "P10Y")]
    assert _t("يتوقع الخبراء نموا كبيرا في العقد القادم.") == [("العقد القادم", "DURATION", "P10Y")]
    assert _t("جدد اللاعب العقد الحالي مع ناديه.") == []


def test_a_day_of_the_next_or_the_last_month() -> None:
    assert _t("يفتتح المعرض في العاشر من الشهر المقبل.") == [("العاشر من الشهر المقبل", "DATE", "2015-08-10")]
    assert _t("وقع الحادث في 28 من الشهر الماضي.") == [("28 من الشهر الماضي", "DATE", "2015-06-28")]
    assert _t("يبدأ التسجيل في الأول من الشهر القادم.", "2015-12-20") == [
        ("الأول من الشهر القادم", "DATE", "2016-01-01")
    ]
    # the current month as before
    assert _t("يفتتح المعرض في 25 من الشهر الجاري.") == [("25 من الشهر الجاري", "DATE", "2015-07-25")]


def test_the_papers_own_day_in_brackets_after_the_agencys() -> None:
    assert _t("وأغلقت الأسواق الأوروبية اليوم «أمس» على ارتفاع طفيف.") == [
        ("اليوم «أمس»", "DATE", "2015-07-20")
    ]
    assert _t("وسيطرت القوات فجر اليوم (أمس) على الجسر.") == [("فجر اليوم (أمس)", "TIME", "2015-07-20TMO")]
    # a quotation that opens with اليوم after a colon is no correction
    assert _t('وقال الوزير أمس: "اليوم نبدأ مرحلة جديدة".') == [
        ("أمس", "DATE", "2015-07-20"),
        ("اليوم", "DATE", "2015-07-21"),
    ]


# --------------------------------------------------------------------------- quantities


def test_producers_in_construct_or_indefinite_are_a_plural_no_dual() -> None:
    assert _q("اضطر منتجي الغاز إلى خفض الإنتاج") == []
    assert _q("اشترت المصفاة الخام من منتجين آخرين") == []
    assert _q("طرحت الشركة 5 منتجات جديدة") == [("5", 5.0, None, "منتج")]


def test_one_hand_means_united() -> None:
    assert _q("سيبقى أبناء الوطن يدا واحدة في وجه الإرهاب") == []
    assert _q("وقفت القبائل صفا واحدا ويداً واحدة") == []
    assert _q("سجل المهاجم هدفا وحيدا ولعب مباراة واحدة") == [("واحدة", 1.0, None, "مباراة")]


def test_a_size_written_with_the_times_sign_is_no_count() -> None:
    assert _q("يرفق المتقدم أربع صور شمسية مقاس 4×6 مع الطلب") == [
        ("أربع صور شمسية", 4.0, None, "صورة شمسية")
    ]
    assert _q("تأتي الشاشة بدقة 1920 × 1080 بكسل") == []


def test_a_quoted_number_before_its_scale_word() -> None:
    assert _q("النادي يرفض «80» مليون يورو للاعبه") == [("80» مليون", 80000000.0, None, "يورو")]
    # brackets as before
    assert _q("بلغت الأرباح (174) مليون ريال") == [("174) مليون", 174000000.0, None, "ريال")]


def test_duals_and_plurals_of_a_crime_report() -> None:
    assert _q("ضبطت الشرطة لصين وبحوزتهما مسدسين") == [
        ("لصين", 2.0, None, "لص"),
        ("مسدسين", 2.0, None, "مسدس"),
    ]
    assert _q("أعدم التنظيم خمسة أفغان بعد أن حفر عناصره سبع حفر") == [
        ("خمسة", 5.0, None, "أفغاني"),
        ("سبع", 7.0, None, "حفرة"),
    ]


def test_a_news_site_named_by_a_number_is_no_count() -> None:
    assert _q("وبحسب موقع 24 الإخباري قتل ثلاثة أشخاص") == [("ثلاثة أشخاص", 3.0, None, "شخص")]
    # a number word after it still counts the places
    assert _q("كان المصابون في موقع واحد") == [("موقع واحد", 1.0, None, "موقع")]
