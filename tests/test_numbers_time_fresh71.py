"""Batch rn1540–rn1547 (issue 12; docs/benchmarks/realnews_fresh.md): a Hijri holiday placed by
``قبل``/``بعد`` is a time (its date, as the dev gold takes it with BEFORE/AFTER), and the Swiss franc
(``فرنك``/``فرانك``) is a currency object. Every sentence here was written for these tests.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-07-24"
_q, _t = readers(DCT)


def test_a_holiday_before_or_after_which_something_happens_is_its_date() -> None:
    """``time/holiday_frames.txt``: ``قبل``, ``بعد`` make the holiday a time (rn1480, rn1544); a
    frame with a glued و before a frame that starts with ب (``وبعد``) is read too."""
    assert _t("وأنهت اللجنة أعمالها قبل العيد بأيام.") == [("العيد", "DATE", "2015-07-17")]
    assert _t("وتبقى الأسعار مرتفعة إلى ما بعد العيد في القرى.") == [("العيد", "DATE", "2015-07-17")]
    assert _t("وعاد المدرب إلى النادي وبعد عيد الفطر بدأ التدريب.")[0] == ("عيد الفطر", "DATE", "2015-07-17")
    assert _t("وقبل عيد الفطر وزعت الجمعية السلال.") == [("عيد الفطر", "DATE", "2015-07-17")]


def test_a_holiday_as_an_occasion_stays_no_time() -> None:
    """Controls: ``بمناسبة العيد`` is the occasion; a name ``العيدان`` after ``بعد`` is nothing."""
    assert _t("وأقامت الشركة حفلا لموظفيها بمناسبة العيد.") == []
    assert _t("وجلس اللاعب بعد العيدان في المقعد.") == []


def test_the_swiss_franc_is_a_currency_in_either_spelling() -> None:
    """``quantities/objects.tsv``: ``فرنك سويسري`` (written ``فرانك`` too) and ``فرنك``."""
    assert _q("وبلغت قيمة الصفقة 2.5 مليار فرانك سويسري هذا العام.") == [
        ("2.5 مليار فرانك سويسري", 2500000000.0, None, "فرنك سويسري")
    ]
    assert _q("ودفعت الشركة 300 مليون فرنك سويسري.") == [
        ("300 مليون فرنك سويسري", 300000000.0, None, "فرنك سويسري")
    ]
    assert _q("وبلغت الغرامة 40 ألف فرنك.") == [("40 ألف فرنك", 40000.0, None, "فرنك")]
