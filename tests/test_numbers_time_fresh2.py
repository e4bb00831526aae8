"""Quantities and time: the rules added for the fresh real-news batch rn420–rn431.

That batch was drawn without a filter towards numbers (an ordinary news mix);
docs/benchmarks/realnews_fresh.md ("Batch rn420–rn431") lists its error classes. Every
sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import counts, timexes

from rasd.annotators.time import tag

DCT = "2015-08-02"


def _q(text: str, dct: str = DCT) -> list[tuple[float | None, float | None, str | None]]:
    """(value, value_max, object) of every count, read after the time tagger as the pipeline does."""
    return [(q.value, q.value_max, q.object) for q in counts(text, dct)]


def _t(text: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    return timexes(text, dct)


# --------------------------------------------------------------------------- quantities


def test_range_written_with_a_hyphen_after_bayn() -> None:
    assert _q("حضر المباراة ما بين 300- 400 متفرج") == [(300.0, 400.0, "متفرج")]
    assert _q("أصيب من 3 - 5 أشخاص في الحادث") == [(3.0, 5.0, "شخص")]


def test_score_written_with_spaces_is_no_count() -> None:
    assert _q("وفاز الاتحاد على الفتح بنتيجة 3 - 1 في الجولة الأولى") == []
    assert _q("وتعادل الفريقان 2 : 2 في لقاء الأمس") == []


def test_the_other_side_of_a_score_in_words_is_no_count() -> None:
    assert _q("فاز الهلال على ضيفه بثلاثة أهداف مقابل هدفين") == []
    assert _q("سجل المهاجم هدفين في الشوط الثاني") == [(2.0, None, "هدف")]


def test_kaf_before_a_vague_amount_is_part_of_another_word() -> None:
    # كميات (quantities) folds like ك + مئات
    assert _q("وتدفقت كميات كبيرة من القمح على الأسواق") == []
    assert _q("قتل مئات المدنيين في القصف") == [(None, 999.0, "مدني")]


def test_construct_plural_before_a_name_after_min() -> None:
    assert _q("استدعى المدرب ستة من لاعبي برشلونة إلى المنتخب") == [(6.0, None, "لاعب")]


def test_compound_object_of_an_air_strike() -> None:
    assert _q("نفذت الطائرات 14 ضربة جوية على مواقع التنظيم") == [(14.0, None, "ضربة جوية")]


def test_dual_of_a_training_session() -> None:
    assert _q("أجرى الفريق تدريبين يوم السبت") == [(2.0, None, "تدريب")]


def test_definite_count_of_another_noun_a_paragraph_later_is_new() -> None:
    text = "ضمت الحكومة ثلاث وزارات في البداية." + " وتوسع العمل سنة بعد سنة" * 15 + ". ثم شكلت الحكومة اللجان الثلاث للمتابعة."
    assert [(v, o) for v, _, o in _q(text)] == [(3.0, "وزارة"), (3.0, "لجنة")]


def test_number_after_year_word_that_closes_a_date_is_a_count() -> None:
    got = _q("هبطت مبيعات السيارات خلال الربع الحالي من العام 12 بالمئة")
    assert got == [(12.0, None, "%")]


def test_number_without_four_digits_after_al_aam_is_no_year() -> None:
    assert _q("ارتفع المؤشر العام 120 نقطة في ختام التداولات") == [(120.0, None, "نقطة")]
    assert _q("تأسس النادي العام 1990 في جدة") == []


def test_accusative_noun_ending_in_waw_is_no_verb() -> None:
    assert _q("يضم مجلس الشورى 150 عضوا") == [(150.0, None, "عضو")]


def test_trillions_are_a_scale_word() -> None:
    assert _q("أنفقت الحكومة 3 تريليونات ريال على المشاريع") == [(3e12, None, "ريال")]


def test_one_of_the_drivers_is_no_count() -> None:
    assert _q("كان ارتفاع الأجور أحد المحركات الرئيسية للتضخم") == []


# --------------------------------------------------------------------------- time


def test_hijri_and_gregorian_year_with_a_slash_is_the_gregorian_year() -> None:
    assert _t("تأسست الجمعية عام 1360/ 1941 في مكة") == [("عام 1360/ 1941", "DATE", "1941")]


def test_numeric_date_with_spaces_after_the_slashes() -> None:
    got = _t("افتتحت المدرسة في 5/ 3/ 1380 الموافق 27/ 8/ 1960 بحضور الأهالي")
    assert ("27/ 8/ 1960", "DATE", "1960-08-27") in got


def test_definite_number_before_a_unit_is_a_duration() -> None:
    assert _t("ظل الغلاء طوال الستة أشهر الماضية") == [("الستة أشهر الماضية", "DURATION", "P6M")]
    got = _t("سجلت الوزارة حالات جديدة خلال الأربع والعشرين ساعة الماضية")
    assert got == [("الأربع والعشرين ساعة الماضية", "DURATION", "PT24H")]
    assert _t("خلال الـ48 ساعة المقبلة") == [("الـ48 ساعة المقبلة", "DURATION", "PT48H")]


def test_number_after_a_plural_unit_is_a_duration() -> None:
    assert _t("استمر بناء السور عقودا ثلاثة") == [("عقودا ثلاثة", "DURATION", "P30Y")]
    assert _t("قضى الوفد هناك أياما ثلاثة") == [("أياما ثلاثة", "DURATION", "P3D")]


def test_after_n_months_in_a_story_of_a_past_year_is_a_duration() -> None:
    got = _t("انتقل اللاعب إلى الهلال عام 2009 وبعد عامين عاد إلى ناديه")
    assert got == [("عام 2009", "DATE", "2009"), ("عامين", "DURATION", "P2Y")]
    # a plan counted from the publication stays a date
    assert _t("أعلن النادي أمس أنه سيفتتح الملعب بعد ثلاثة أشهر")[-1] == ("بعد ثلاثة أشهر", "DATE", "2015-11")


def test_then_is_no_time_expression() -> None:
    assert _t("كان الوضع آنذاك صعبا على الجميع") == []


def test_season_without_year_is_the_publication_year() -> None:
    assert _t("يرتفع الطلب على الكهرباء قبل فصل الصيف") == [("الصيف", "DATE", "2015-SU")]


def test_age_written_as_an_ordinal() -> None:
    assert _t("تعلم العزف في سن الثانية عشرة") == [("سن الثانية عشرة", "DURATION", "P12Y")]


def test_around_the_day_is_no_date() -> None:
    assert _t("تتزايد المشاهدات على مدار اليوم") == []


def test_date_of_a_yearly_schedule_has_no_year() -> None:
    got = tag("تستقبل المحمية زوارها بين ١٥ يوليو وحتى ٣٠ نوفمبر من كل عام", DCT)
    assert [(t.value, t.range_end) for t in got if t.type == "DATE"] == [("XXXX-07-15", None), ("XXXX-11-30", None)]
    assert [t.value for t in tag("وصل الوفد في 23 سبتمبر الماضي", DCT)] == ["2014-09-23"]


def test_first_months_of_the_year_are_a_duration_and_the_year_apart() -> None:
    """Was 2015-H1 / 2014-Q1: the gold follows TimeBank ("the first nine months of 1989" is a
    DURATION and the year a DATE of its own; docs/realnews_gold.md, decision 14), so the first N
    months are PnM and the year after them its own DATE; the half and the quarter keep H1/Q1."""
    got = _t("تضاعفت مبيعات المصنع طوال الأشهر الستة الأولى من العام الجاري")
    assert got == [("الأشهر الستة الأولى", "DURATION", "P6M"), ("العام الجاري", "DATE", "2015")]
    got = _t("تراجعت المبيعات في الأشهر الثلاثة الأولى من العام الماضي")
    assert got == [("الأشهر الثلاثة الأولى", "DURATION", "P3M"), ("العام الماضي", "DATE", "2014")]
    # controls: the first half and the first quarter are parts of the year
    assert _t("ارتفعت الأرباح خلال النصف الأول من العام الجاري") == [("النصف الأول من العام الجاري", "DATE", "2015-H1")]
    assert _t("تراجعت المبيعات في الربع الأول من العام الماضي") == [("الربع الأول من العام الماضي", "DATE", "2014-Q1")]


def test_quarter_then_of_the_year_is_one_expression() -> None:
    got = _t("نما الاقتصاد في الربع الماضي من العام الجاري")
    assert got == [("الربع الماضي من العام الجاري", "DATE", "2015-Q2")]


def test_earlier_part_of_a_date_is_that_date_in_one_expression() -> None:
    assert _t("وأعلنت الهيئة في وقت لاحق من اليوم نتائج الفحص") == [("وقت لاحق من اليوم", "DATE", "2015-08-02")]
    assert _t("وصل الوفد في وقت متأخر من مساء أمس") == [("وقت متأخر من مساء أمس", "TIME", "2015-08-01TEV")]
    assert _t("ارتفع السهم في وقت سابق من الجلسة") == [("وقت سابق", "DATE", "PAST_REF")]
