"""Temporal tagger: the rules added for real news (docs/realnews_gold.md, helper F's section).

Every sentence here was written for these tests; each test names the rule it guards.
"""

from __future__ import annotations

import pytest

from rasd.annotators.time import tag

TUE = "2015-07-21"  # a Tuesday
FRI = "2015-07-31"  # a Friday


def found(text: str, dct: str = TUE) -> dict[str, tuple[str, str | None]]:
    out = {}
    for t in tag(text, dct):
        assert text[t.start : t.end] == t.text
        out[t.text] = (t.type, t.value)
    return out


def test_a_weekday_after_yesterday_wins_and_moves_the_article_day() -> None:
    # decision 12: "أمس الاثنين" in a Friday record is that Monday; the article was written on
    # the Tuesday, so its bare أمس and اليوم move with it
    got = found("داهمت الشرطة المخزن ليلا أمس الاثنين. وقال المتحدث اليوم إن التحقيق مستمر", FRI)
    assert got["ليلا أمس الاثنين"] == ("TIME", "2015-07-27TNI")
    assert got["اليوم"] == ("DATE", "2015-07-28")
    # a Tuesday record speaking of "أمس الثلاثاء" was written the next day
    got = found("انتهت الجولة مساء أمس الثلاثاء، وسبق أن تعادل الفريقان أمس في التدريب")
    assert got["مساء أمس الثلاثاء"] == ("TIME", "2015-07-21TEV")
    assert got["أمس"] == ("DATE", "2015-07-21")


def test_tomorrow_with_its_weekday_or_after_yawm() -> None:
    assert found("يفتتح المعرض يوم غد الأربعاء") == {"يوم غد الأربعاء": ("DATE", "2015-07-22")}
    assert found("ينطلق السباق يوم غد") == {"يوم غد": ("DATE", "2015-07-22")}
    assert found("نحو غد أفضل للجميع") == {}


def test_an_expected_hearing_is_on_the_coming_weekday() -> None:
    assert found("ويتوقع أن يمثل المتهم أمام القاضي يوم الخميس") == {"يوم الخميس": ("DATE", "2015-07-23")}


def test_a_month_after_since_is_past_and_a_bare_month_prefers_the_past() -> None:
    assert found("لم تمطر منذ نوفمبر الماضي") == {"نوفمبر الماضي": ("DATE", "2014-11")}
    assert found("أدنى مستوى منذ أكتوبر") == {"أكتوبر": ("DATE", "2014-10")}
    assert found("ارتفعت المبيعات في فبراير") == {"فبراير": ("DATE", "2015-02")}
    # a month only a little ahead stays a coming one
    assert found("تبدأ الدراسة في سبتمبر") == {"سبتمبر": ("DATE", "2015-09")}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("تعيش هذه الزواحف منذ 200 مليون سنة", "منذ 200 مليون سنة", "P200000000Y"),
        ("يستمر التسجيل لمدة (10) أيام", "10) أيام", "P10D"),
        ("بقي في المنصب ثلاث سنوات ونصف", "ثلاث سنوات ونصف", "P3.5Y"),
        ("يعاقب من هم فوق سن الـ 18", "فوق سن الـ 18", "P18Y"),
    ],
)
def test_durations_with_scales_brackets_halves_and_ages(text: str, span: str, value: str) -> None:
    assert found(text)[span] == ("DURATION", value)


def test_the_first_end_of_a_range_of_durations_borrows_the_unit() -> None:
    got = found("عاشت هذه الكائنات قبل نحو 30 إلى 40 مليون عام وسجن بين 5 و7 سنوات")
    assert got["30"] == ("DURATION", "P30000000Y")
    assert got["40 مليون عام"] == ("DURATION", "P40000000Y")
    assert got["5"] == ("DURATION", "P5Y")


def test_words_that_look_like_time_but_are_not() -> None:
    assert found("كان منزله قريبا من المسجد وحضر خطبة الجمعة ثم اليوم الوطني") == {}
    assert found("وصل الوفد قريبا") == {"قريبا": ("DATE", "FUTURE_REF")}


def test_a_year_compared_with_the_same_period() -> None:
    assert found("نمت الأرباح مقارنة مع الفترة ذاتها من 2013")["2013"] == ("DATE", "2013")


def test_a_quarter_without_its_year() -> None:
    assert found("ارتفعت مبيعات الربع الأول", "2015-08-10") == {"الربع الأول": ("DATE", "2015-Q1")}
    assert found("ارتفعت مبيعات الربع الرابع", "2015-08-10") == {"الربع الرابع": ("DATE", "2014-Q4")}
    assert found("ستعلن الشركة نتائج الربع الرابع", "2015-08-10") == {"الربع الرابع": ("DATE", "2015-Q4")}


def test_recently_but_not_finally() -> None:
    assert found("أعلنت الوزارة أخيرا زيادة الرواتب") == {"أخيرا": ("DATE", "PAST_REF")}
    assert found("وأخيرا وصل القطار") == {}


def test_clock_times_take_the_day_and_the_afternoon_before_them() -> None:
    text = "توقف القطار يوم الاثنين ١٣-٧-٢٠١٥م عند الساعة ٦:١٠ مساءً. وعاد في الساعة (٦:٥٥) دقيقة."
    got = found(text)
    assert got["يوم الاثنين ١٣-٧-٢٠١٥م"] == ("DATE", "2015-07-13")
    assert got["الساعة ٦:١٠ مساءً"] == ("TIME", "2015-07-13T18:10")
    assert got["الساعة (٦:٥٥) دقيقة"] == ("TIME", "2015-07-13T18:55")
    # a clock time in a later paragraph takes the day named in an earlier one
    got = found("ارتفع الذهب أمس الاثنين.\nوبلغ السعر ذروته بحلول الساعة 09:30 بتوقيت جرينتش.")
    assert got["الساعة 09:30"] == ("TIME", "2015-07-20T09:30")
    assert found("يفتح المتحف من 9 صباحا")["9 صباحا"][0] == "TIME"


def test_a_day_of_this_month_and_the_month_before_one_named() -> None:
    assert found("تقام المباراة في 28 من الشهر الجاري")["28 من الشهر الجاري"] == ("DATE", "2015-07-28")
    got = found("ارتفعت الصادرات في مايو مقارنة بالشهر السابق", "2015-08-10")
    assert got["الشهر السابق"] == ("DATE", "2015-04")


def test_a_day_of_a_hijri_holiday_but_not_the_occasion() -> None:
    got = found("نقل المريض إلى المستشفى في ثاني أيام عيد الفطر", "2015-07-27")
    assert got == {"ثاني أيام عيد الفطر": ("DATE", "2015-07-18")}
    assert found("هنأ الأمير المواطنين بمناسبة عيد الفطر المبارك", "2015-07-27") == {}


def test_daily_as_an_adjective_but_not_two_days_or_a_name() -> None:
    assert found("ويتم التعقيم بشكل يومي") == {"يومي": ("SET", "P1D")}
    assert "يومي" not in found("تقام الدورة يومي الأحد والاثنين")
    assert found("شارك الفنان بيومي فؤاد") == {}
