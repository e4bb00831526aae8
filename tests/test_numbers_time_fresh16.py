"""Quantities and time: the rules added for the fresh real-news batch rn980–rn987 and the
incident articles' clock times.

An ordinary news mix, scored once held out and only then read. Every sentence here was
written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-07-23"  # a Thursday


_q, _t = readers(DCT)


# --------------------------------------------------------------------------- time


def test_a_weekday_with_a_clock_time_wins_over_the_record_date() -> None:
    # gold decision 12, as for "مساء اليوم الأربعاء" alone: the clock time keeps its minutes
    assert _t("انطلق السباق عند الساعة 16:05 من عصر اليوم الأربعاء بمشاركة واسعة") == [
        ("الساعة 16:05 من عصر اليوم الأربعاء", "TIME", "2015-07-22T16:05")
    ]
    assert _t("وصلت الطائرة مساء اليوم الأربعاء الساعة 20:05 إلى جدة") == [
        ("مساء اليوم الأربعاء الساعة 20:05", "TIME", "2015-07-22T20:05")
    ]
    # the article was written the day after, so its other clock time on "اليوم" moves too (F6)
    assert _t("بدأ الحريق الساعة الخامسة من مساء اليوم الأربعاء، وأخمد الساعة 19:40 من مساء اليوم") == [
        ("الساعة الخامسة من مساء اليوم الأربعاء", "TIME", "2015-07-22T17:00"),
        ("الساعة 19:40 من مساء اليوم", "TIME", "2015-07-22T19:40"),
    ]
    # a clock time joined with the explicit date of its day stays a clock time of that day
    assert _t("يعرض الفيلم الساعة الثامنة من ليل بعد غد الأربعاء (27 شوال)", "2015-08-10") == [
        ("الساعة الثامنة من ليل بعد غد الأربعاء (27 شوال)", "TIME", "2015-08-12T20:00")
    ]
    # a weekday that agrees with the record changes nothing
    assert _t("افتتح المعرض الساعة 10:15 من صباح اليوم الخميس") == [
        ("الساعة 10:15 من صباح اليوم الخميس", "TIME", "2015-07-23T10:15")
    ]


def test_minutes_written_after_the_hour_make_one_clock_time() -> None:
    assert _t("هبطت الطائرة الساعة الثامنة وخمس وثلاثين دقيقة مساء أمس في المطار") == [
        ("الساعة الثامنة وخمس وثلاثين دقيقة مساء أمس", "TIME", "2015-07-22T20:35")
    ]
    assert _t("انطلق السباق الساعة السابعة وعشر دقائق صباح اليوم") == [
        ("الساعة السابعة وعشر دقائق صباح اليوم", "TIME", "2015-07-23T07:10")
    ]
    assert _t("يبدأ الاجتماع الساعة العاشرة و20 دقيقة") == [("الساعة العاشرة و20 دقيقة", "TIME", "XXXX-XX-XXT10:20")]
    # minutes that are a stretch of their own stay a duration
    assert _t("توقف العمل عند الساعة الثانية والنصف ثم استراح العمال عشر دقائق") == [
        ("الساعة الثانية والنصف", "TIME", "XXXX-XX-XXT02:30"),
        ("عشر دقائق", "DURATION", "PT10M"),
    ]


def test_a_bare_first_day_after_the_word_for_period() -> None:
    assert _t("تنظم الجمعية دورة خلال الفترة 14 – 16 شوال الجاري بمقرها") == [
        ("14", "DATE", "2015-07-30"),
        ("16 شوال الجاري", "DATE", "2015-08-01"),
    ]
    assert _t("يقام المعرض في الفترة 3 - 6 أغسطس المقبل") == [
        ("3", "DATE", "2015-08-03"),
        ("6 أغسطس المقبل", "DATE", "2015-08-06"),
    ]


# --------------------------------------------------------------------------- quantities


def test_plurals_of_machine_guns_and_transformers() -> None:
    assert _q("ضبطت الدوريات ( 6 ) رشاشات وتسعة مسدسات") == [
        ("6", 6.0, None, "رشاش"),
        ("تسعة", 9.0, None, "مسدس"),
    ]
    assert _q("انقطعت الكهرباء بعد أن تعطل أحد المحولات في الحي") == [("أحد", 1.0, None, "محول")]


def test_a_definite_dual_that_names_its_two_members_is_no_refer_back() -> None:
    # decision 7: the two adjectives name the pair, so an earlier count of two other things
    # does not make it a restatement (F1)
    assert _q("تدرب اللاعبون على فترتين، ثم أشرف الجهازان الفني والطبي على الاختبارات") == [
        ("فترتين", 2.0, None, "فترة"),
        ("الجهازان", 2.0, None, "جهاز"),
    ]
    # a definite dual with no members named after a count of two still refers back
    assert _q("اصطدمت شاحنتان على الطريق السريع، واحترقت الشاحنتان بالكامل") == [("شاحنتان", 2.0, None, "شاحنة")]
    # nor do a noun pair after it, ordinals or a preposition name its members
    assert _q("غرمت الهيئة شركتين، بعد أن خالفت الشركتان الأنظمة واللوائح") == [("شركتين", 2.0, None, "شركة")]
    assert _q("نقل المسعفون مصابين اثنين، وعولجت الحالتان الأولى والثانية في الموقع") == [
        ("مصابين اثنين", 2.0, None, "مصاب")
    ]


def test_today_after_a_verb_of_continuing_is_the_present() -> None:
    # "to this day" (as the gold writes "ما زالت … حتى اليوم"): nowadays, not the record's day
    assert _t("شيدت هذه الدور قديما وما زالت حتى اليوم عامرة بأهلها") == [
        ("قديما", "DATE", "PAST_REF"),
        ("اليوم", "DATE", "PRESENT_REF"),
    ]
    assert _t("لا يزال السوق القديم مفتوحا حتى اليوم") == [("اليوم", "DATE", "PRESENT_REF")]
    # an event lasting up to the record's day keeps its date
    assert _t("تستمر الحملة التطوعية حتى اليوم") == [("اليوم", "DATE", "2015-07-23")]
