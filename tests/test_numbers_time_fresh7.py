"""Quantities and time: the rules added for the fresh real-news batch rn740–rn751.

An ordinary news mix, scored once held out and only then read. Every sentence here was
written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import counts, timexes

from rasd.annotators.time import tag

DCT = "2015-08-11"  # a Tuesday


def _q(text: str, dct: str = DCT) -> list[tuple[float | None, str | None, str | None]]:
    """(value, mod, object) of every count, read after the time tagger."""
    return [(q.value, q.mod, q.object) for q in counts(text, dct)]


def _t(text: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    return timexes(text, dct)


# --------------------------------------------------------------------------- time


def test_a_date_range_is_two_expressions() -> None:
    got = _t("يقام المعرض من 14 إلى 18 أكتوبر المقبل في جدة")
    assert got == [("14", "DATE", "2015-10-14"), ("18 أكتوبر المقبل", "DATE", "2015-10-18")]


def test_the_end_of_a_range_is_no_deadline() -> None:
    got = tag("تستمر الهدنة من 3 حتى 9 نوفمبر المقبل", DCT)
    assert [(t.text, t.deadline) for t in got] == [("3", False), ("9 نوفمبر المقبل", False)]
    assert [(t.text, t.deadline) for t in tag("تنسحب القوات حتى 9 نوفمبر المقبل", DCT)] == [("9 نوفمبر المقبل", True)]


def test_a_range_of_years_is_two_expressions() -> None:
    assert _t("وضعت الوزارة خطتها لعام 2016- 2020 بعد دراسة طويلة") == [
        ("عام 2016", "DATE", "2016"),
        ("2020", "DATE", "2020"),
    ]


def test_a_range_of_months_is_two_expressions() -> None:
    assert _t("تمتد الدورة من يونيو حتى سبتمبر 2016 في الرياض") == [
        ("يونيو", "DATE", "2016-06"),
        ("سبتمبر 2016", "DATE", "2016-09"),
    ]


def test_years_and_a_half_ago_is_a_month() -> None:
    assert _t("انتقل اللاعب إلى النادي قبل ثلاث سنوات ونصف") == [("قبل ثلاث سنوات ونصف", "DATE", "2012-02")]


def test_a_month_and_a_half_ago_keeps_the_month() -> None:
    assert _t("افتتح المستشفى قبل شهر ونصف") == [("قبل شهر", "DATE", "2015-07")]


def test_midday_is_twelve_o_clock() -> None:
    assert _t("يصل الوفد ظهر اليوم إلى المطار") == [("ظهر اليوم", "TIME", "2015-08-11T12:00")]


def test_one_o_clock_takes_the_cardinal() -> None:
    got = _t("تقام اليوم ثلاث مباريات، وتبدأ الأولى في الواحدة ظهرا بتوقيت مكة")
    assert got == [("اليوم", "DATE", "2015-08-11"), ("الواحدة ظهرا", "TIME", "2015-08-11T13:00")]


def test_one_thirty_in_the_afternoon_after_the_hour_word() -> None:
    got = _t("يقام الحفل اليوم في القاعة الكبرى، ويبدأ الساعة الواحدة والنصف ظهرا")
    assert got == [("اليوم", "DATE", "2015-08-11"), ("الساعة الواحدة والنصف ظهرا", "TIME", "2015-08-11T13:30")]


def test_a_margin_after_a_longer_event() -> None:
    assert _t("يعسكر الفريق قبل لقاء الاتحاد الودي في جدة بأسبوع") == [("أسبوع", "DURATION", "P1W")]


def test_a_first_within_a_bare_unit() -> None:
    assert _t("سجل الريال أول ارتفاع له في شهر أمام الين") == [("شهر", "DURATION", "P1M")]


def test_a_clause_closed_by_a_definite_unit_is_the_current_one() -> None:
    assert _t("ارتفع مؤشر السوق 2 في المائة على مدى الأسبوع. وتراجعت الأسهم") == [("الأسبوع", "DATE", "2015-W33")]


def test_once_a_year_is_no_date_of_this_year() -> None:
    assert _t("يجتمع المجلس مرة في العام.") == []


def test_clock_times_right_after_a_daily_schedule_have_no_day() -> None:
    got = _t("افتتح المركز أمس، وتستمر الدروس اليومية من 9 صباحا حتى 2 ظهرا")
    assert got == [
        ("أمس", "DATE", "2015-08-10"),
        ("اليومية", "SET", "P1D"),
        ("9 صباحا", "TIME", "XXXX-XX-XXT09:00"),
        ("2 ظهرا", "TIME", "XXXX-XX-XXT14:00"),
    ]


def test_a_clock_time_of_a_day_named_still_takes_the_day() -> None:
    got = _t("يعقد المجلس اجتماعا يوميا، وقد بدأ اجتماعه أمس عند الساعة 10 صباحا")
    assert got[-1] == ("الساعة 10 صباحا", "TIME", "2015-08-10T10:00")


# --------------------------------------------------------------------------- quantities


def test_a_feminine_dual_whose_word_starts_with_fa() -> None:
    assert _q("أنقذ الغواصون فتاتين من الغرق") == [(2.0, None, "فتاة")]


def test_one_of_a_broken_plural_of_tourists() -> None:
    assert _q("أصيب أحد السياح في الحادث") == [(1.0, None, "سائح")]


def test_one_after_an_indefinite_noun_before_min() -> None:
    assert _q("يفوز لاعب واحد من بين المتسابقين بالجائزة") == [(1.0, None, "لاعب")]


def test_one_after_a_definite_word_before_min_is_still_one_of() -> None:
    assert _q("الرياض واحدة من أكبر المدن") == []


def test_a_broken_plural_of_spiders_after_min() -> None:
    assert _q("وجد العمال ثمانية من العناكب في المخزن") == [(8.0, None, "عنكبوت")]


def test_the_two_leaderships_refer_back() -> None:
    assert _q("أكد البيان التنسيق الكامل بين القيادتين") == []
