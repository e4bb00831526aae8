"""Time: the dev half's missed expressions, issue 12 (a short round). Every sentence here was
written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-07-21"
_q, _t = readers(DCT)


def test_the_hajj_season_after_a_frame_is_its_gregorian_month() -> None:
    """``holidays.tsv`` row marked ``month``: the season spans days, so its value is the month of
    8 Dhu al-Hijjah in the nearest year (1436: 2015-09), after خلال and after حتى."""
    assert _t("تنشر الوزارة فرقا إضافية خلال موسم الحج في المشاعر") == [("موسم الحج", "DATE", "2015-09")]
    assert _t("يتوقع التجار هدوء السوق حتى موسم الحج المقبل") == [("موسم الحج المقبل", "DATE", "2015-09")]


def test_the_hajj_season_without_a_frame_stays_untagged() -> None:
    """Control: no frame word before it, the season is the occasion, not a time."""
    assert _t("أشاد المدير بحسن التطبيق بموسم الحج") == []


def test_a_day_holiday_keeps_its_day() -> None:
    """Control: an unmarked row is still one day (1 Shawwal 1436 = 2015-07-17)."""
    assert _t("تبادل الحضور التهاني بحلول عيد الفطر") == [("عيد الفطر", "DATE", "2015-07-17")]
