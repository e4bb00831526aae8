"""Quantities and time: batch rn1340–rn1347 and the "nowadays" / one-idiom classes of dev.

docs/benchmarks/realnews_fresh.md ("Quantities and time, batch rn1340–rn1347") lists the
classes. Every sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import timexes, value_objects

DCT = "2015-08-02"  # a Sunday


def test_to_this_day_after_a_verb_of_continuing() -> None:
    # nowadays.py: the verb pattern is folded ("حتى" is "حتي" there), so the text before the
    # candidate is folded too; before, "ما زالت … حتى اليوم" kept the print date
    assert timexes("ما زالت هذه البيوت حتى اليوم عامرة بأهلها.", DCT) == [("اليوم", "DATE", "PRESENT_REF")]
    # an event day stays the day
    assert timexes("وصل الوفد اليوم إلى الرياض.", DCT) == [("اليوم", "DATE", "2015-08-02")]


def test_world_of_today_is_the_present() -> None:
    # nowadays_words.tsv "before" rows: "عالم اليوم" (today's world) is PRESENT_REF (rn1146)
    assert timexes("يحتاج الطالب إلى مهارات تؤهله لعالم اليوم وما فيه من تقنيات.", DCT) == [
        ("اليوم", "DATE", "PRESENT_REF")
    ]
    # a match of today is the day
    assert timexes("وتقام مباراة اليوم على ملعب المدينة.", DCT) == [("اليوم", "DATE", "2015-08-02")]


def test_this_age_and_this_time_are_the_present() -> None:
    # vague.tsv: "هذا العصر" (rn1314), "هذا الوقت" after في only (vague_needs_before.tsv, rn1214)
    assert timexes("ويواجه الشباب في هذا العصر تحديات كثيرة.", DCT) == [("هذا العصر", "DATE", "PRESENT_REF")]
    assert timexes("وقال إن الشركة في هذا الوقت تبحث عن شريك.", DCT) == [("هذا الوقت", "DATE", "PRESENT_REF")]
    assert timexes("وتعطلت المعاملات خلال هذا الوقت الطويل.", DCT) == []


def test_one_in_idioms_is_no_count() -> None:
    # same_one.txt: "دفعة واحدة" (all at once, rn1272) and "لأصل واحد" (the same origin, rn1146)
    assert value_objects("ارتفع سعر الذهب 40 دولارا دفعة واحدة بعد القرار.", DCT) == [(40.0, "دولار")]
    assert value_objects("فالناس جميعا ينتمون لأصل واحد مهما اختلفت ألوانهم.", DCT) == []
    # a person counted with واحد still counts
    assert value_objects("أصيب شخص واحد في الحادث.", DCT) == [(1.0, "شخص")]
