"""Quantities and time: the rules added for the fresh real-news batch rn520–rn531.

An ordinary news mix like rn460–rn471; docs/benchmarks/realnews_fresh.md ("Batch
rn520–rn531") lists its error classes. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import counts, timexes

DCT = "2015-08-11"  # a Tuesday


def _q(text: str, dct: str = DCT) -> list[tuple[float | None, str | None, str | None]]:
    """(value, mod, object) of every count, read after the time tagger as the pipeline does."""
    return [(q.value, q.mod, q.object) for q in counts(text, dct)]


def _t(text: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    return timexes(text, dct)


# --------------------------------------------------------------------------- quantities


def test_air_raid_keeps_its_adjective() -> None:
    # F5: like طلعة جوية, the adjective names the thing
    assert _q("نفذت الطائرات 12 غارة جوية على مواقع المسلحين") == [(12.0, None, "غارة جوية")]


def test_one_of_a_plural_in_at_of_a_masculine_noun() -> None:
    # أحد + تحصينات: one تحصين, not تحصينة
    assert _q("ودمر القصف أحد التحصينات شمال المدينة") == [(1.0, None, "تحصين")]


def test_dual_of_a_listed_paper() -> None:
    assert _q("وتحتفظ اللجنة بورقتين للتفاوض مع الشركة") == [(2.0, None, "ورقة")]


def test_or_two_after_a_noun_counts_that_noun() -> None:
    # "شرطي أو اثنين": one or two policemen; the two counts the noun before أو
    assert _q("لن يغير مقتل شرطي أو اثنين شيئا في المعادلة") == [(2.0, None, "شرطي")]


def test_kaf_of_comparison_after_a_number_is_no_object() -> None:
    # "ثلاث كبديل" = three (matches) as a substitute: كبديل is not what is counted
    got = _q("خاض اللاعب 10 مباريات، بدأ سبعا منها وفي ثلاث كبديل")
    assert (3.0, None, "بديل") not in got and (3.0, None, "كبديل") not in got
    assert (3.0, None, "مباراة") in got


def test_more_than_once_is_one_time_more_than() -> None:
    # K4: أكثر من مرة = 1 مرة MORE_THAN
    assert _q("حاول المهاجم التسجيل أكثر من مرة دون جدوى") == [(1.0, "MORE_THAN", "مرة")]


# --------------------------------------------------------------------------- time


def test_season_of_two_years_is_one_null_date() -> None:
    # decision 10 / K3: a season spans two years; one DATE, value null
    assert _t("توج الفريق بلقب الدوري في موسم 2008-2009") == [("2008-2009", "DATE", None)]
    assert _t("تأهل الفريق في موسم 2010 ـ 2011 للمرة الأولى") == [("2010 ـ 2011", "DATE", None)]
    assert _t("صدر جدول المسابقات لعام 2016-2017") == [("عام 2016-2017", "DATE", None)]
    # a bare year after a season still continues it; two years joined by و are no season
    got = _t("فاز بها النادي عام 2008 ـ 2009 ثم 2011 نادي آخر")
    assert got == [("2008 ـ 2009", "DATE", None), ("2011", "DATE", "2011")]
    assert _t("زار البلاد في عامي 2009 و2013")[0][2] == "2009"


def test_hijri_academic_year_and_lone_hijri_year_are_null() -> None:
    # decision 13: a Hijri year alone spans two Gregorian years
    assert _t("يبدأ التسجيل للعام الدراسي 1437-1438 قريبا")[0] == ("1437-1438", "DATE", None)
    assert _t("تأسس النادي في عام 1390 في الرياض") == [("عام 1390", "DATE", None)]


def test_last_ten_days_of_ramadan() -> None:
    # F10: the end of a Hijri month without a year is null, END
    assert _t("يزداد الإقبال على المساجد في العشر الأواخر من رمضان") == [
        ("العشر الأواخر من رمضان", "DATE", None)
    ]


def test_early_is_no_past_reference() -> None:
    # "في وقت مبكر من المباراة": early in the match, not PAST_REF; "منذ وقت مبكر" still is
    assert _t("خرج الحارس مصابا في وقت مبكر من اللقاء") == []
    assert _t("بدأ الاستعداد منذ وقت مبكر") == [("منذ وقت مبكر", "DATE", "PAST_REF")]


def test_past_decade_is_ten_years() -> None:
    assert _t("تضاعف عدد السكان خلال العقد المنصرم") == [("العقد المنصرم", "DURATION", "P10Y")]
    assert _t("وقع اللاعب على العقد الحالي مع النادي") == []  # a contract


def test_a_few_hours_is_a_vague_duration() -> None:
    assert _t("وصل الوفد قبيل بضع ساعات من الافتتاح") == [("بضع ساعات", "DURATION", "PTXH")]


def test_bare_part_of_day_takes_the_day_of_its_sentence() -> None:
    # F7: "صباحا" after "أمس" in the same sentence is that morning; a habit has no day
    got = _t("أجرى الفريق حصتين أمس ركز خلالها المدرب على اللياقة صباحا والتكتيك")
    assert ("صباحا", "TIME", "2015-08-10TMO") in got
    assert _t("يتدرب الفريق صباحا ومساء") == []
    got = _t("التقى المدرب اللاعبين أمس حتى الساعة الواحدة ظهرا")
    assert all(x[0] != "ظهرا" for x in got)  # part of a clock time, not a bare part of day
