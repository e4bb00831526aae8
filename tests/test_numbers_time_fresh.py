"""Quantities and time: the rules added for the fresh real-news batch rn380–rn391.

docs/benchmarks/realnews_fresh.md ("Quantities and time") lists the error classes; every
sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import counts, timexes


def _q(text: str, dct: str = "2015-08-02") -> list[tuple[str, float | None, str | None]]:
    """(text, value, object) of every count, read after the time tagger as the pipeline does."""
    return [(q.text, q.value, q.object) for q in counts(text, dct)]


def _t(text: str, dct: str = "2015-08-02") -> list[tuple[str, str, str | None]]:
    return timexes(text, dct)


def test_dual_of_billion_is_two_billion() -> None:
    assert [(v, o) for _, v, o in _q("تجاوزت أرباح المجموعة ملياري درهم هذا العام")] == [(2e9, "درهم")]
    assert [(v, o) for _, v, o in _q("رصدت الحكومة مليارين من الدولارات")][0][0] == 2e9


def test_an_amount_after_a_year_and_ila_is_read_whole() -> None:
    # the year is skipped, but إلى after it reaches an amount, not the other end of a year range
    got = _q("ثم هبطت المبيعات في عام 2011 إلى 8.4 مليار دولار")
    assert [(v, o) for _, v, o in got] == [(8.4e9, "دولار")]
    assert _q("بيعت الطرازات من 2001 إلى 2005 فقط") == []  # a span of years stays no count


def test_nisba_adjective_before_ila_is_no_construct_dual() -> None:
    # folded إلى looks like an article: رئيسي (main) before it is no "two presidents"
    assert _q("يعود التراجع بشكل رئيسي إلى ضعف الطلب") == []
    assert [(v, o) for _, v, o in _q("اجتمع رئيسي الوزراء في القاهرة")] == [(2.0, "رئيس")]


def test_construct_dual_of_a_noun_ending_in_ya() -> None:
    assert [(v, o) for _, v, o in _q("لعب المدافع لناديي الوحدة والشباب من قبل")] == [(2.0, "نادي")]


def test_detained_keeps_its_own_lemma() -> None:
    assert [o for _, _, o in _q("أفرجت النيابة عن أحد الموقوفين بكفالة")] == ["موقوف"]
    assert [o for _, _, o in _q("أفرجت النيابة عن ثلاثة معتقلين")] == ["معتقل"]


def test_count_of_a_construct_plural_after_min() -> None:
    assert [(v, o) for _, v, o in _q("أصيب 4 من موظفي البلدية في الحادث")] == [(4.0, "موظف")]
    assert [(v, o) for _, v, o in _q("استقال 7 من نائبي حزب الوسط")] == [(7.0, "نائب")]
    assert [(v, o) for _, v, o in _q("عاد 17 من المدينة")] == [(17.0, None)]  # no plural: no object


def test_a_numbered_brigade_is_a_name() -> None:
    assert _q("أعلن قائد اللواء 35 مشاة ولاءه للحكومة") == []
    assert _q("تحركت الفرقة 12 نحو الحدود") == []


def test_vague_amount_before_a_definite_plural() -> None:
    assert [(v, o) for _, v, o in _q("عبر مئات الراكبين الجسر أمس")] == [(None, "راكب")]
    assert [o for _, _, o in _q("ونجا العشرات الآخرين من الحريق")] == [None]


def test_relative_quarter() -> None:
    assert _t("تراجعت المبيعات في الربع الماضي") == [("الربع الماضي", "DATE", "2015-Q2")]
    assert _t("يتوقع تحسنا في الربع المقبل") == [("الربع المقبل", "DATE", "2015-Q4")]
    assert _t("تراجعت المبيعات في الربع الماضي", "2015-01-10")[0][2] == "2014-Q4"


def test_previous_quarter_counts_from_the_quarter_named_before() -> None:
    text = "ربحت الشركة في الربع الثالث مقابل خسارة العام الماضي وبزيادة عن الربع السابق"
    assert [v for _, _, v in _t(text)] == ["2015-Q3", "2014", "2015-Q2"]


def test_a_phase_of_an_event_is_no_time() -> None:
    assert _t("تبدأ المرحلة المقبلة من المفاوضات في جنيف") == []
    assert _t("سيتحسن الأداء خلال المرحلة المقبلة.") == [("المرحلة المقبلة", "DATE", "FUTURE_REF")]


def test_fraction_of_a_unit_is_a_duration() -> None:
    assert _t("تأخرت الطائرة نصف ساعة عن موعدها") == [("نصف ساعة", "DURATION", "PT30M")]
    assert _t("انتظر المسافرون ربع ساعة") == [("ربع ساعة", "DURATION", "PT15M")]
    assert _t("حكم البلاد نصف قرن") == [("نصف قرن", "DURATION", "P50Y")]


def test_first_time_in_a_week_is_a_duration() -> None:
    assert _t("صعد السهم للمرة الأولى في أسبوع بعد موجة هبوط") == [("أسبوع", "DURATION", "P1W")]


def test_two_clock_times_of_a_schedule_stay_two() -> None:
    got = _t("تفتح العيادة من 9 صباحا وحتى 4 عصرا")
    assert [(x, v) for x, _, v in got] == [("9 صباحا", "XXXX-XX-XXT09:00"), ("4 عصرا", "XXXX-XX-XXT16:00")]
