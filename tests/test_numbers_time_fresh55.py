"""Quantities and time: open classes of the dev half (no new batch).

docs/benchmarks/realnews_fresh.md ("Quantities and time, open classes (no new batch)") lists
the classes and their dev figures. Every sentence here was written for these tests; each
test names the rule it guards, and each case comes with a control the rule must leave alone.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-01"
_q, _t = readers(DCT)


def test_number_glued_after_a_word_is_a_count_of_its_own() -> None:
    # numbers.unglue: two digits or more glued after a word, before a noun of a counted shape
    # (a feminine or accusative singular, a plural), are split off with exact offsets
    assert _q("وأعلنت البلدية بتسجيلها17 مبايعة في يوم واحد.") == [("17", 17.0, None, "مبايعة")]
    assert _q("وقامت الدائرة بإصدارها25 رخصة جديدة.") == [("25", 25.0, None, "رخصة")]


def test_one_digit_glued_after_a_name_stays_whole() -> None:
    # guard: a name's number (one digit) is not split, even before a feminine noun
    assert _q("واشترى هاتف جالاكسي5 الجديد.") == []


def test_count_glued_to_its_noun_after_a_proclitic() -> None:
    # numbers.unglue: "بـ1600حافلة" is read as the spaced "بـ1600 حافلة"
    assert _q("ونقلت الشركة الزوار بـ1600حافلة حديثة.") == [("1600", 1600.0, None, "حافلة")]
    assert _q("ونقلت الشركة الزوار ب40حافلة.") == [("40", 40.0, None, "حافلة")]


def test_word_glued_to_a_number_after_a_word_that_is_no_proclitic_stays_whole() -> None:
    # guard: only a proclitic chain may stand before the number (a name written on it is no ب/ل/و)
    assert _q("ونقلت الشركة الزوار عبر رحلة7حافلة.") == []


def test_duration_glued_after_a_word() -> None:
    # time engine: a number of two digits written onto the word before it starts a duration
    assert _t("ومنحت اللجنة الشركات مهلة45 يوما لتسوية أوضاعها.") == [("45 يوما", "DURATION", "P45D")]
    assert _t("ومنحت اللجنة الشركات مهلة 45 يوما لتسوية أوضاعها.") == [("45 يوما", "DURATION", "P45D")]


def test_first_n_units_is_a_duration() -> None:
    # first_words.txt, first_months: "the first N units" with no named period after it is a stretch
    assert _t("وتراجعت المبيعات خلال الثلاثة أشهر الأولى بعد افتتاح المتجر.") == [
        ("الثلاثة أشهر الأولى", "DURATION", "P3M")
    ]
    assert _t("وسيكون الأسبوعان الأولان من المعسكر للياقة.") == [("الأسبوعان الأولان", "DURATION", "P2W")]
    assert _t("وكانت الأيام الخمسة الأولى صعبة على الفريق.") == [("الأيام الخمسة الأولى", "DURATION", "P5D")]


def test_first_n_units_of_a_named_period_stay_a_part_of_it() -> None:
    """Guard: before "من الشهر" (a named period) the first days are still a part of it. The first
    N months before "من العام" were 2015-Q1 here; they are now P3M (the gold follows TimeBank's
    "the first nine months of 1989", docs/realnews_gold.md decision 14), while "النصف الأول من
    العام" stays the first half."""
    assert _t("وتراجعت المبيعات خلال الثلاثة أشهر الأولى من العام.") == [("الثلاثة أشهر الأولى", "DURATION", "P3M")]
    assert _t("وتراجعت المبيعات خلال النصف الأول من العام.") == [("النصف الأول من العام", "DATE", "2015-H1")]
    assert _t("وسيصل الوفد في الأيام العشرة الأولى من الشهر.") == []


def test_dual_score_words_make_a_score() -> None:
    # score_after.txt: the dual "نظيفين" after a dual goal count is a winning margin (F3)
    assert _q("وتغلب النادي على مضيفه بهدفين نظيفين في المباراة الودية.") == []
    # guard: goals a player scored are counted
    assert _q("وسجل المهاجم هدفين في المباراة الودية.") == [("هدفين", 2.0, None, "هدف")]


def test_score_with_the_other_side_a_few_words_later() -> None:
    # neighbours.is_score: "مقابل" + a goal count later in the clause makes the first a score
    assert _q("واستقبلت شباك الحارس أربعة أهداف من الفريق الضيف مقابل هدفين.") == []
    # guard: without the other side it is a count of goals conceded
    assert _q("واستقبلت شباك الحارس أربعة أهداف من الفريق الضيف.") == [("أربعة", 4.0, None, "هدف")]


def test_count_for_a_noun_after_li_takes_the_noun_counted_before() -> None:
    # objects._for_noun: "ل" + a listed noun after a number says what the count is for; the
    # counted noun is elided, the one counted just before (F4)
    assert _q("وسجلت الدائرة 500 صفقة منها 300 لأراض سكنية.") == [
        ("500", 500.0, None, "صفقة"),
        ("300", 300.0, None, "صفقة"),
    ]
    assert _q("ووزعت 900 مقعد، و600 لغرفة التجارة.")[1] == ("600", 600.0, None, "مقعد")


def test_noun_that_starts_with_li_is_still_counted() -> None:
    # guard: a listed noun whose first letter is ل (لجنة، لغم) is the counted noun
    assert _q("وشكلت الحكومة 12 لجنة فرعية.") == [("12", 12.0, None, "لجنة")]
    assert _q("وأزال الفريق 40 لغما.") == [("40", 40.0, None, "لغم")]
