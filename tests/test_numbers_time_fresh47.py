"""Quantities and time: the rules added for the fresh real-news batch rn1280–rn1287.

docs/benchmarks/realnews_fresh.md ("Quantities and time, batch rn1280–rn1287") lists the
error classes. Every sentence here was written for these tests, and each test names the
rule it guards.
"""

from __future__ import annotations

from number_checks import timexes, value_objects

DCT = "2015-08-11"  # a Tuesday


def test_a_dual_of_decree_counts_two() -> None:
    # plurals.tsv: مراسيم -> مرسوم makes مرسوم a known noun, so its dual is read (rn1287)
    assert value_objects("وأصدر الرئيس مرسومين يقضيان بتعيين قائدين جديدين.", DCT)[0] == (2.0, "مرسوم")
    assert value_objects("وصدرت ثلاثة مراسيم أمس.", DCT) == [(3.0, "مرسوم")]


def test_a_bare_unit_after_to_last_is_a_duration() -> None:
    # duration_cues.txt: تستمر/يستمر/استمر/استمرت before a bare unit (وتستمر شهرا, rn1143)
    assert timexes("وتنطلق الدورة غدا وتستمر شهرا.", DCT)[-1] == ("شهرا", "DURATION", "P1M")
    assert timexes("وبدأت المفاوضات واستمرت أسبوعا قبل أن تنهار.", DCT) == [("أسبوعا", "DURATION", "P1W")]
    # a named period after the verb stays a date, and a verb without a unit is nothing
    assert [t[1] for t in timexes("ويستمر شهر رمضان بعد ذلك.", DCT)] == ["DATE"]
    assert timexes("ويستمر العمل في المشروع.", DCT) == []


def test_a_suspended_year_of_a_sentence_is_a_duration() -> None:
    # duration_cues.txt: وقف تنفيذ + a bare unit (rn1286)
    text = "وعاقبته المحكمة بالسجن عامين مع وقف تنفيذ سنة منها."
    assert ("سنة", "DURATION", "P1Y") in timexes(text, DCT)
    assert timexes("وطالب المحامي بوقف تنفيذ القرار.", DCT) == []
