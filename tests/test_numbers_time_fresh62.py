"""Quantities and time, batch rn1430-rn1437 (issue 12; docs/benchmarks/realnews_fresh.md). Every
sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-07-21"
_q, _t = readers(DCT)


def test_midnight_alone_is_a_clock_time_of_the_day_named_before() -> None:
    """``parts_of_day.tsv`` row ``منتصف الليل`` (``alone``, family ``pod_alone``): a clock time
    that takes the day named before it (F7)."""
    assert _t("اندلع الحريق أمس الاثنين واستمر حتى منتصف الليل") == [
        ("أمس الاثنين", "DATE", "2015-07-20"),
        ("منتصف الليل", "TIME", "2015-07-20T00:00"),
    ]


def test_midnight_in_a_schedule_keeps_no_day() -> None:
    """Right after another clock time it closes a schedule: no day, as that clock time (F7)."""
    assert _t("تفتح الحديقة أبوابها من الساعة الخامسة مساء وحتى منتصف الليل") == [
        ("الساعة الخامسة مساء", "TIME", "XXXX-XX-XXT17:00"),
        ("منتصف الليل", "TIME", "XXXX-XX-XXT00:00"),
    ]


def test_midnight_before_a_day_stays_the_end_of_that_day() -> None:
    """Control: ``منتصف ليل السبت`` is still read by the ``head`` row (T24:00 of that day)."""
    assert _t("تنتهي المهلة منتصف ليل السبت") == [("منتصف ليل السبت", "TIME", "2015-07-18T24:00")]


def test_a_word_in_ti_before_a_preposition_is_no_construct_dual() -> None:
    """``open_duals._prep_follows``: ``زيارتي للمدينة`` is "my visit"; a construct dual takes its
    members without ``للـ``/``بالـ``."""
    assert _q("قال الضيف إنه سعيد خلال زيارتي للمدينة الساحلية") == []
    assert _q("تحدث المسؤول عن رحلتي بالطائرة إلى جدة") == []


def test_a_construct_dual_with_its_members_still_counts() -> None:
    """Control: ``مدينتي الرياض وجدة`` names its two members."""
    assert _q("زار الوفد مدينتي الرياض وجدة") == [("مدينتي", 2.0, None, "مدينة")]


def test_a_participle_before_a_pronoun_is_its_sound_plural() -> None:
    """``open_duals._pronoun_dual``: ``لزائريه`` (فاعل + ي + ه) is "its visitors", not two."""
    assert _q("يوفر المعرض خدمات متنوعة لزائريه طوال الأسبوع") == []


def test_a_dual_with_a_pronoun_still_counts() -> None:
    """Control: ``نجليه`` (not a فاعل noun) is his two sons."""
    assert _q("ودع الأب نجليه في المطار") == [("نجليه", 2.0, None, "نجل")]
