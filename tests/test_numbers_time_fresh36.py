"""Quantities and time: the rules added for the fresh real-news batch rn1070–rn1077.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-11"  # a Tuesday

_q, _t = readers(DCT)


def test_one_of_neighbours_brothers_and_facilities() -> None:
    """Resource lines (``plurals.tsv``): ``جيران → جار``, ``أشقاء → شقيق``, ``مرافق → مرفق``;
    before, ``أحد جيرانه``, ``أحد أشقاء``, ``أحد المرافق`` gave no quantity (decision 9)."""
    got = _q("ترك الصياد ابنه عند أحد جيرانه، ثم عبث أحد أشقاء الطفل بالقارب في أحد المرافق العامة.")
    assert [(m, v, o) for m, v, _, o in got] == [("أحد", 1.0, "جار"), ("أحد", 1.0, "شقيق"), ("أحد", 1.0, "مرفق")]


def test_a_definite_dual_of_brother_is_no_count() -> None:
    """``anaphoric_duals.txt``: ``الشقيقين`` after a dual is "brotherly" (or the two already
    named), not a count of two (came up with the new ``أشقاء`` line); ``شقيقين`` still is."""
    got = _q("تتعزز العلاقات بين الشعبين الشقيقين، وقد استقبل التاجر شقيقين له في متجره.")
    assert ("شقيقين", 2.0, None, "شقيق") in got
    assert all(m != "الشقيقين" for m, *_ in got)


def test_others_after_two_counts_of_different_things_are_persons() -> None:
    """``neighbours.mixed_before``: ``N آخرون`` after two counts of different things in its
    sentence takes the default ``شخص`` (before: the last one, ``عامل``); after one count it
    still inherits it."""
    got = _q("قتل ثلاثة جنود واثنان من العمال في الانفجار وأصيب تسعة آخرون، أربعة منهم إصاباتهم بالغة.")
    assert [(v, o) for _, v, _, o in got] == [(3.0, "جندي"), (2.0, "عامل"), (9.0, "شخص"), (4.0, "شخص")]
    assert _q("قتل ثلاثة جنود في الانفجار وأصيب تسعة آخرون.")[1][3] == "جندي"


def test_a_bare_count_before_a_verb_of_people_counts_persons() -> None:
    """``people_verbs.tsv``: a number with no noun right before ``قتلوا``/``أصيبوا`` … counts
    persons (before: no object); a definite number refers back and stays none (F1)."""
    assert _q("قال مسؤول في الإسعاف إن سبعة قتلوا في الانفجار.") == [("سبعة", 7.0, None, "شخص")]
    assert _q("وأوضح الطبيب أن 12 أصيبوا بجروح طفيفة.")[0][3] == "شخص"
    assert _q("وأكد أن الأربعة قتلوا في الحادث.") == []


def test_receiving_is_no_future_reference() -> None:
    """``participle_words.txt``: ``مستقبلا`` before a definite noun or a noun in construct is the
    participle "receiving" (before: FUTURE_REF); before a preposition or a clause it is a time."""
    assert _t("توجه الأمير إلى مقر القيادة مستقبلا أسر الضحايا، ثم زار الجرحى.") == []
    assert _t("وقف المحافظ في القاعة مستقبلا المهنئين.") == []
    assert _t("ستتوسع الخدمة مستقبلا لتشمل المدن الأخرى.") == [("مستقبلا", "DATE", "FUTURE_REF")]
    assert _t("ستتوسع الخدمة مستقبلا عبر المراكز الجديدة.") == [("مستقبلا", "DATE", "FUTURE_REF")]
