"""Quantities and time: the rules added for the fresh real-news batch rn900–rn907.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-04"  # a Tuesday


_q, _t = readers(DCT)



# --------------------------------------------------------------------------- quantities


def test_dots_that_group_thousands_before_a_decimal() -> None:
    got = _q("أغلق المؤشر عند مستوى 2.415.60 نقطة")
    assert [g[:3] for g in got] == [("2.415.60", 2415.6, None)]
    assert [g[:3] for g in _q("بلغت القروض 3.250.000.000 ريال")] == [("3.250.000.000", 3250000000.0, None)]


def test_digits_after_a_thousand_and_wa_join_it() -> None:
    assert [g[1:] for g in _q("بلغت الأسهم المتداولة 312 ألفا و455 سهما")] == [(312455.0, None, "سهم")]
    assert [g[1:] for g in _q("زار المعرض 5 آلاف و 300 زائر")] == [(5300.0, None, "زائر")]


def test_a_dual_after_a_dual_demonstrative_refers_back() -> None:
    assert _q("وقال الوزير إن هذين المشروعين سيغيران وجه المدينة") == []
    assert _q("وأكد أن هاتين الشركتين ستندمجان قريبا") == []
    assert [g[1:] for g in _q("أطلقت الوزارة مشروعين جديدين")] == [(2.0, None, "مشروع")]


def test_the_dual_of_leader() -> None:
    assert _q("وصل زعيمان قبليان إلى المدينة") == [("زعيمان", 2.0, None, "زعيم")]


def test_a_dinar_keeps_its_country() -> None:
    assert [g[1:] for g in _q("بلغت القيمة نحو 4.2 مليون دينار كويتي")] == [(4200000.0, None, "دينار كويتي")]
    assert [g[1:] for g in _q("بقيمة 64 ألفا و210 دنانير بحرينية")] == [(64210.0, None, "دينار بحريني")]


# --------------------------------------------------------------------------- time


def test_a_masculine_first_after_saa_is_no_clock_hour() -> None:
    assert _t("تقدم الضيوف في نصف الساعة الأول من اللقاء") == []
    assert _t("يبدأ الحفل الساعة الثانية ظهرا") == [("الساعة الثانية ظهرا", "TIME", "XXXX-XX-XXT14:00")]


def test_our_present_is_present_ref() -> None:
    assert _t("لا يختلف ماضينا عن حاضرنا في هذا الأمر") == [("حاضرنا", "DATE", "PRESENT_REF")]


def test_the_city_named_after_a_ramadan_day_is_no_date() -> None:
    assert _t("افتتح الوزير مصنعا في مدينة العاشر من رمضان") == []
    assert _t("بدأت الحملة في العاشر من رمضان") == [("العاشر من رمضان", "DATE", "2015-06-27")]
