"""Quantities and time: the rules added for the fresh real-news batch rn792–rn799.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-04"  # a Tuesday in summer

_q, _t = readers(DCT)


def test_a_relative_season_is_the_last_one_over_or_the_next_one_not_begun() -> None:
    """``periods._season_year``: in August ``الربيع الماضي`` is this year's spring (already over)
    and ``الصيف الماضي`` last year's (this one is not over); ``الخريف المقبل`` is this year's
    autumn (not begun), ``الصيف المقبل`` next year's."""
    assert _t("بدأت المحادثات الربيع الماضي في العاصمة.") == [("الربيع الماضي", "DATE", "2015-SP")]
    assert _t("ارتفعت درجات الحرارة الصيف الماضي بشدة.") == [("الصيف الماضي", "DATE", "2014-SU")]
    assert _t("يفتتح الجسر في الخريف المقبل.") == [("الخريف المقبل", "DATE", "2015-FA")]
    assert _t("تقام البطولة الصيف المقبل في المدينة.") == [("الصيف المقبل", "DATE", "2016-SU")]
    assert _t("تقام البطولة الصيف المقبل في المدينة.", "2015-01-15") == [("الصيف المقبل", "DATE", "2015-SU")]
    assert _t("تراجعت المبيعات منذ الخريف الماضي.") == [("الخريف الماضي", "DATE", "2014-FA")]


def test_a_hijri_month_after_an_ending_verb_or_a_trading_noun_is_the_month() -> None:
    """``holiday_frames.txt``: ``انتهى رمضان`` and ``تداولات رمضان`` name the month (null,
    decision 13); a month name with no frame stays out (``رمضان`` may be a name)."""
    assert _t("انتهى رمضان وعاد الموظفون إلى مكاتبهم.") == [("رمضان", "DATE", None)]
    assert _t("أغلقت السوق تداولات رمضان على ارتفاع طفيف.") == [("رمضان", "DATE", None)]
    assert _t("استقبل المدرب رمضان في مكتبه.") == []


def test_a_post_posed_number_may_follow_adjectives_of_its_plural() -> None:
    """``objects._head_before_adjectives``: one or two definite adjectives between a definite
    plural and its number (``اللاعبين المحليين الجدد التسعة``): only a known noun heads it,
    a word in ون no plural (``التعاون``), a guessed singular no noun."""
    assert _q("استقبل النادي اللاعبين المحليين الجدد التسعة في الملعب.") == [("تسعة", 9.0, None, "لاعب")]
    assert _q("فتشت الشرطة منزل أحد المتهمين الأجانب الأربعة.") == [
        ("أحد", 1.0, None, "متهم"),
        ("أربعة", 4.0, None, "متهم"),
    ]
    assert _q("ناقش المجلس تقارير السنوات المالية الثلاث.") == []
