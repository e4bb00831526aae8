"""Quantities and time from the batches rn1500–rn1507 and rn1510–rn1517 (issue 12; docs/benchmarks/realnews_fresh.md):
``هذا`` before a weekday, a definite count of a plural unit with no direction word, ``ربع سنوية``, ``تزيد على`` before
a duration, and modifiers of a quantity behind a glued preposition or an opening bracket, or before a fraction word.
Every sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import counts, readers

from rasd.annotators.time import tag

DCT = "2015-08-04"  # a Tuesday
_q, _t = readers(DCT)


def _mods(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(q.text, q.value, q.mod) for q in counts(text, DCT)]


def test_this_before_a_weekday_is_that_weekday_of_the_current_week() -> None:
    """``weekday`` in ``patterns.tsv`` takes ``هذا`` (``this_words.txt``) and reads it as direction 0: the
    weekday of the DCT's week, Sunday to Saturday, even where the sentence tells a past act."""
    assert _t("ووصل المهاجم الجديد هذا الخميس إلى معسكر الفريق في النمسا.") == [
        ("هذا الخميس", "DATE", "2015-08-06")
    ]
    assert _t("ووصل المهاجم الجديد هذا الأحد إلى معسكر الفريق.") == [("هذا الأحد", "DATE", "2015-08-02")]
    # a Sunday paper: its week's Saturday is six days on
    assert _t("يلعب الفريق مباراته هذا السبت.", "2015-08-09") == [("هذا السبت", "DATE", "2015-08-15")]


def test_a_bare_weekday_and_a_weekday_after_yawm_keep_their_old_reading() -> None:
    """Controls: without ``هذا`` a weekday in a past sentence is the last one; ``هذا يوم الخميس``
    (``this is Thursday``) leaves ``هذا`` out of the weekday."""
    assert _t("ووصل المهاجم الجديد الخميس إلى معسكر الفريق.") == [("الخميس", "DATE", "2015-07-30")]
    assert _t("وقال المدرب إن هذا يوم الخميس المعتاد للتدريب.")[0][0] == "يوم الخميس"


def test_a_definite_count_after_a_plural_unit_is_a_duration_without_a_direction_word() -> None:
    """``handlers._definite_count``: ``السنوات العشر``, ``الأشهر الستة المنتهية`` count the unit as
    ``السنوات العشر الماضية`` does."""
    assert _t("وتعتزم الحكومة بعد انقضاء السنوات العشر مراجعة الاتفاق.") == [("السنوات العشر", "DURATION", "P10Y")]
    assert _t("ونشر المصرف حساباته عن الأشهر الستة المنتهية في 31 مايو.") == [
        ("الأشهر الستة", "DURATION", "P6M"),
        ("31 مايو", "DATE", "2015-05-31"),
    ]


def test_a_plural_unit_before_digits_or_a_bare_plural_is_no_count() -> None:
    """Controls: digits after a plural unit are years, not a count; a plural unit with no number and
    no direction word stays unread."""
    assert ("الأعوام 2010", "DURATION", "P2010Y") not in _t("ارتفعت الأسعار في الأعوام 2010 و2011 كثيرا.")
    assert _t("وقضى الأيام في المستشفى.") == []


def test_quarterly_is_a_set_of_three_months() -> None:
    """``ربع سنوية`` (``sets.tsv``) is read before ``سنوية``: P3M, not P1Y; ``سنوية`` alone stays P1Y."""
    assert _t("وتعاني الشركة من خسائر ربع سنوية متتالية.") == [("ربع سنوية", "SET", "P3M")]
    assert _t("وتمنح الشركة موظفيها إجازة سنوية طويلة.") == [("سنوية", "SET", "P1Y")]


def test_tazid_ala_before_a_duration_is_more_than() -> None:
    """``يزيد/تزيد على/عن`` in ``time/modifiers.tsv``: MORE_THAN on the duration after it."""
    assert _t("وللمؤسسة خبرة تزيد على 40 عاما في هذا المجال.") == [("تزيد على 40 عاما", "DURATION", "P40Y")]
    assert [t.mod for t in tag("وللمؤسسة خبرة تزيد على 40 عاما في هذا المجال.", DCT)] == ["MORE_THAN"]
    assert [t.mod for t in tag("وللمؤسسة خبرة 40 عاما في هذا المجال.", DCT)] == [None]


def test_an_approx_word_behind_a_glued_preposition_keeps_its_modifier() -> None:
    """``around.mods_ending`` strips a glued preposition or conjunction from a one-word modifier
    (``بنحو``, ``بحوالي``); as in ``بأكثر من`` the span keeps the preposition and drops a conjunction (``around.glued_len``)."""
    assert _mods("وقدرت الخسائر بحوالي 50 مليار دولار هذا العام.") == [
        ("بحوالي 50 مليار دولار", 50_000_000_000.0, "APPROX")
    ]
    assert _mods("ونما الاقتصاد بنحو4% في الربع الأول.") == [("بنحو4%", 4.0, "APPROX")]
    assert _mods("وطالب النادي بأكثر من 10 ملايين ريال.") == [("بأكثر من 10 ملايين", 10_000_000.0, "MORE_THAN")]
    # controls: a bare modifier and a glued conjunction keep their reading
    assert _mods("وقدرت الخسائر نحو 50 مليار دولار.") == [("نحو 50 مليار دولار", 50_000_000_000.0, "APPROX")]
    assert _mods("وحضر ونحو 50 شخصا.") == [("نحو 50 شخصا", 50.0, "APPROX")]


def test_an_approx_word_before_a_bracketed_number_keeps_its_modifier() -> None:
    """``around.before_mod`` looks past an opening bracket: ``نحو (128) مليار``."""
    assert _mods("وتبلغ الديون نحو (128) مليار دولار.") == [("نحو (128) مليار دولار", 128_000_000_000.0, "APPROX")]
    assert _mods("وتبلغ الديون (128) مليار دولار.")[0][2] is None


def test_a_fraction_word_after_a_comparison_is_an_amount() -> None:
    """``numbers._compared``: ``أكثر من نصف سكان``, ``نحو نصف مساحة`` are fractions of the noun after
    them (as ``ثلثي المساحة``); without a comparison ``نصف`` stays unread (``نصف النهائي``)."""
    assert _q("ويملك هؤلاء أكثر من نصف سكان المدينة من المال.") == [("أكثر من نصف سكان", 0.5, None, "ساكن")]
    assert _q("وتسيطر الجماعة على نحو نصف مساحة البلاد.") == [("نحو نصف", 0.5, None, "مساحة")]
    assert _q("وتأهل الفريق إلى نصف النهائي.") == []
    assert _q("واستقبلت المدينة أكثر من نصف مليون نازح.") == [("أكثر من نصف مليون نازح", 500_000.0, None, "نازح")]


def test_the_first_days_of_a_named_period_stay_no_count() -> None:
    """Control of ``handlers._definite_count``: ``الأيام العشرة الأولى من الشهر`` is a part of the month."""
    assert _t("وسيصل الوفد في الأيام العشرة الأولى من الشهر.") == []
