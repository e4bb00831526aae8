"""Lists of durations whose unit is written once, at the end (issue 12; docs/benchmarks/realnews_fresh.md,
batch rn1500–rn1507). Every sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-04"
_q, _t = readers(DCT)


def test_each_number_of_a_list_after_a_range_word_is_a_duration() -> None:
    """``time/duration_lists.range_starts`` with ``_listed``: after ``بين`` (an ``open_counts`` word of
    ``range_words.tsv``) every number joined by و before the duration is a duration of the last unit."""
    assert _t("وطرحت الشركة صكوكا بآجال بين 3 و 6 و 9 سنوات لتمويل مشاريعها.") == [
        ("3", "DURATION", "P3Y"),
        ("6", "DURATION", "P6Y"),
        ("9 سنوات", "DURATION", "P9Y"),
    ]


def test_numbers_in_digits_before_a_duration_are_durations_without_a_range_word() -> None:
    """Digits never join into one number with و, so a list of ages or sentences needs no range word,
    and its items need not rise (``30 و ثمان سنوات``)."""
    assert _t("وأصيب ثلاثة أطفال أعمارهم 4 و7 و11 سنة في الحادث.") == [
        ("4", "DURATION", "P4Y"),
        ("7", "DURATION", "P7Y"),
        ("11 سنة", "DURATION", "P11Y"),
    ]
    assert _t("وقضت المحكمة بسجنهما 20 و ست سنوات.") == [
        ("20", "DURATION", "P20Y"),
        ("ست سنوات", "DURATION", "P6Y"),
    ]


def test_compound_words_years_and_counts_are_not_lists() -> None:
    """Controls: number words joined by و make one number; a year before و is no item; a list
    before a counted noun stays quantities; a two-end range keeps the range rule."""
    assert _t("عاش خمسة وعشرين عاما في المدينة.") == [("خمسة وعشرين عاما", "DURATION", "P25Y")]
    assert _t("وفي عام 2014 و3 أشهر من العام التالي.")[:2] == [
        ("عام 2014", "DATE", "2014"),
        ("3 أشهر", "DURATION", "P3M"),
    ]
    assert _t("سجل اللاعب 3 و4 أهداف في موسمين.") == []
    assert _t("وتراوحت مدد العقود بين 3 و5 سنوات.") == [
        ("3", "DURATION", "P3Y"),
        ("5 سنوات", "DURATION", "P5Y"),
    ]
