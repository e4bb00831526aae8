"""Time: the first N months of a year, as TimeML writes them (docs/realnews_gold.md, decision 14).

TimeBank annotates "the first nine months of 1989" as a DURATION and the year as a DATE of its
own; the dev gold does the same for the Arabic forms. Every sentence here was written for these
tests; each case comes with a control the rule must leave alone.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-01"
_q, _t = readers(DCT)


def test_first_n_months_are_a_duration_for_any_count() -> None:
    # first_months: any N, in words or digits, is PnM (not only the six/three of a half/quarter)
    assert _t("وحققت الشركة أرباحا في الأشهر السبعة الأولى.") == [("الأشهر السبعة الأولى", "DURATION", "P7M")]
    assert _t("وزاد عدد الزوار خلال الشهور التسعة الأولى.") == [("الشهور التسعة الأولى", "DURATION", "P9M")]
    assert _t("وانخفضت الصادرات في الخمسة أشهر الأولى.") == [("الخمسة أشهر الأولى", "DURATION", "P5M")]
    assert _t("وارتفع الإنتاج في الـ4 أشهر الأولى.") == [("الـ4 أشهر الأولى", "DURATION", "P4M")]


def test_the_year_after_the_first_months_is_a_date_of_its_own() -> None:
    # the year written after them keeps its own span and value, whatever form it takes
    assert _t("وبلغت مبيعات المصنع في الأشهر الستة الأولى من عام 2013 نحو مليون وحدة.") == [
        ("الأشهر الستة الأولى", "DURATION", "P6M"),
        ("عام 2013", "DATE", "2013"),
    ]
    assert _t("وتضاعفت الحجوزات في الأشهر الثمانية الأولى من هذا العام.") == [
        ("الأشهر الثمانية الأولى", "DURATION", "P8M"),
        ("هذا العام", "DATE", "2015"),
    ]
    assert _t("وتراجعت الواردات في الأشهر العشرة الأولى من 2012 بشكل حاد.") == [
        ("الأشهر العشرة الأولى", "DURATION", "P10M"),
        ("2012", "DATE", "2012"),
    ]


def test_half_and_quarter_stay_parts_of_the_year() -> None:
    # controls: the half and the quarter name a part of the year, not a stretch
    assert _t("وصعدت الأسهم في النصف الأول من العام الحالي.") == [("النصف الأول من العام الحالي", "DATE", "2015-H1")]
    assert _t("وهبطت الأسعار في النصف الثاني من عام 2014.") == [("النصف الثاني من عام 2014", "DATE", "2014-H2")]
    assert _t("وتحسنت النتائج في الربع الأول من العام الجاري.") == [("الربع الأول من العام الجاري", "DATE", "2015-Q1")]


def test_a_first_batch_of_a_number_is_no_year() -> None:
    # guard: "من" + a four-digit number after a first-words word with no calendar unit is a count
    assert _t("وتسلم المستودع الشحنة الأولى من 2000 سيارة.") == []
