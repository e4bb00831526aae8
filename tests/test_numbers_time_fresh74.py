"""Issue 12, batch rn1580–rn1587 (docs/benchmarks/realnews_fresh.md): a definite dual that
refers back to a count of two is not counted again even when a name opens the next sentence
(decision 7, F1), an armoured car is a kind of car (F5), and ``سيأتي اليوم الذي …`` is a day
to come. Every sentence here was written for these tests.
"""

from __future__ import annotations

from number_checks import pipeline_counts, readers

DCT = "2015-08-11"
_q, _t = readers(DCT)


def test_a_name_after_the_full_stop_does_not_make_the_dual_new() -> None:
    """``engine._repeated``: only a name in the dual's own sentence introduces new members."""
    text = (
        "استهدف الهجوم حافلتين صغيرتين. وقال الشهود إن ركاب الحافلتين نجوا. "
        "وقال الرئيس أشرف عبد الغني إن بلاده ستواصل القتال."
    )
    assert pipeline_counts(text, DCT) == [("حافلتين", 2.0, "حافلة")]


def test_a_name_in_the_same_sentence_still_introduces_members() -> None:
    """Control: ``الشاحنتين السائقان محمد … وخالد …`` is read as before (a name right after)."""
    text = "نقلت الشرطة شاحنتين إلى المستودع. وقاد الشاحنتين السائقان محمد الهويش وخالد صلاح."
    assert pipeline_counts(text, DCT) == [("شاحنتين", 2.0, "شاحنة"), ("الشاحنتين", 2.0, "شاحنة")]


def test_an_armoured_car_is_the_object_and_the_car_refers_back_to_it() -> None:
    """``objects.tsv`` ``سيارة مصفحة``; ``السيارتين`` after it is the same pair (a kind of car)."""
    text = (
        "وقال شاهد إن المسلحين أطلقوا النار على سيارتين مصفحتين قرب السفارة. "
        "وأضاف أن ركاب السيارتين كانوا دبلوماسيين. وقال المتحدث سامي الفارس إن التحقيق بدأ."
    )
    assert pipeline_counts(text, DCT) == [("سيارتين مصفحتين", 2.0, "سيارة مصفحة")]
    assert _q("وصلت ثلاث سيارات مصفحة إلى المطار.") == [("ثلاث سيارات مصفحة", 3.0, None, "سيارة مصفحة")]


def test_the_day_that_will_come_is_future_ref() -> None:
    """``nowadays``: ``سيأتي اليوم الذي`` / ``سوف يأتي اليوم الذي`` → FUTURE_REF."""
    assert _t("وقال الوزير إن المسلحين يتراجعون، وسيأتي اليوم الذي يغادرون فيه المدينة.") == [
        ("اليوم", "DATE", "FUTURE_REF")
    ]
    assert _t("وأكد أنه سوف يأتي اليوم الذي تعود فيه الحياة إلى طبيعتها.") == [("اليوم", "DATE", "FUTURE_REF")]


def test_today_without_the_frame_stays_the_publication_day() -> None:
    """Controls: a relative with no verb of coming, and a verb of coming with no relative."""
    assert _t("ووصل الوفد اليوم الذي شهد افتتاح المعرض.") == [("اليوم", "DATE", DCT)]
    assert _t("وسيأتي الوفد اليوم إلى الرياض.") == [("اليوم", "DATE", DCT)]
