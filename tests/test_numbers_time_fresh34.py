"""Quantities and time: the rules added for the fresh real-news batch rn1030–rn1037.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-07"  # a Friday in summer

_q, _t = readers(DCT)


def test_twelve_at_night_is_the_midnight_that_ends_the_day() -> None:
    """``base._hour_24``: ``الساعة 12 ليلا`` is midnight, written T24:00 as ``منتصف ليل`` is
    (before: T12:00, noon); past midnight it is 00:MM as 12:MM am; noon stays 12:00."""
    assert _t("تقبل طلبات الانتساب إلى النادي حتى 10 ذي القعدة 1436هـ الساعة 12 ليلا.") == [
        ("10 ذي القعدة 1436هـ الساعة 12 ليلا", "TIME", "2015-08-25T24:00")
    ]
    assert _t("عاد الوفد إلى المطار الساعة 12 ليلا أمس.") == [("الساعة 12 ليلا أمس", "TIME", "2015-08-06T24:00")]
    assert _t("انتهى الحفل الساعة 12:30 ليلا أمس.") == [("الساعة 12:30 ليلا أمس", "TIME", "2015-08-06T00:30")]
    assert _t("بدأ الحفل الساعة 12 ظهرا أمس.")[0][2] == "2015-08-06T12:00"


def test_a_count_of_a_family_counts_its_members() -> None:
    """``group_members.tsv``: ``ثلاثة من أسرة`` counts persons of the family (K5), not families;
    the family's own ``واحدة`` is still one family."""
    assert _q("توفي ثلاثة من أسرة واحدة في الحريق.")[0] == ("ثلاثة", 3.0, None, "شخص")
    assert _q("أصيب أربعة من عائلة المزارع.")[0][3] == "شخص"


def test_one_of_in_the_feminine_reads_the_feminine_singular() -> None:
    """``one_of.txt`` (إحدى tagged feminine) and ``plurals.tsv`` (فرق: فريق and فرقة): ``إحدى
    الفرق`` is one troupe (فرقة), ``أحد الفرق`` one team, and a number keeps the first reading."""
    assert _q("أحيت إحدى الفرق الشعبية الحفل.") == [("إحدى", 1.0, None, "فرقة")]
    assert _q("خسر المنتخب أمام أحد الفرق المحلية.") == [("أحد", 1.0, None, "فريق")]
    assert _q("تنافست 6 فرق على اللقب.")[0][3] == "فريق"


def test_road_accidents_keep_their_construct() -> None:
    """``objects.tsv``: ``حوادث سير`` is counted as ``حادث سير`` (as ``حالات وفاة``); a bare
    ``حوادث`` stays ``حادث``."""
    assert _q("سجل المرور 4 حوادث سير في يوم واحد.")[0] == ("4 حوادث سير", 4.0, None, "حادث سير")
    assert _q("وقعت 3 حوادث في الطريق.")[0][3] == "حادث"


def test_a_listed_people_after_a_scale_word_is_counted_though_it_opens_with_ba() -> None:
    """``money.not_counted`` and ``gentilics.txt``: ``270 ألف برماوي`` counts Burmese people;
    its ب is the word's own, not a glued preposition, so the amount no longer inherits the
    currency counted before it."""
    got = _q("أنفقت الجمعية مليوني ريال على نحو 40 ألف برماوي.")
    assert got[-1][1:] == (40000.0, None, "برماوي")
    assert _q("رحلت السلطات 300 باكستاني.")[0][3] == "باكستاني"
    assert _q("خصصت الوزارة 3 ملايين لبناء مدرسة.")[0][3] is None  # a glued ل still ends the amount


def test_two_consecutive_years_joined_by_and_after_a_season_are_one_season() -> None:
    """``base.year_season`` and ``year_heads.txt`` (موسم flagged season): ``موسم 2012 و2013`` is
    one season, null as ``موسم 2012-2013`` (K3); two years after عامي, or not consecutive,
    or with no season before them stay two years."""
    assert _t("سجل المهاجم 20 هدفا في موسم 2012 و2013 مع ناديه.") == [("2012 و2013", "DATE", None)]
    assert _t("تألق الحارس في الموسم 2013 و2014.") == [("2013 و2014", "DATE", None)]
    assert _t("زار الوفد المدينة في عامي 2012 و2013.") == [
        ("عامي 2012", "DATE", "2012"),
        ("2013", "DATE", "2013"),
    ]
    assert [v for _, _, v in _t("فاز النادي بلقب موسم 2010 و2014.")] == ["2010", "2014"]
    assert [v for _, _, v in _t("ارتفعت الأسعار في 2012 و2013.")] == ["2012", "2013"]
