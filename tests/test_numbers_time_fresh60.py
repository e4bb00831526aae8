"""Quantities: ``-ين``/``-ان`` duals shown by a later ``هما`` and listed sound plurals before two
names and a dual word (issue 12; docs/benchmarks/realnews_fresh.md, "Duals shown by a later
هما"). Through the pipeline's per-document stages, as the benchmark runs them, since the named
rule reads the entity mentions. Every sentence here was written for these tests.
"""

from __future__ import annotations

from number_checks import pipeline_counts as _counts


def test_later_dual_pronoun_makes_two() -> None:
    # later_pronoun.pronoun_pair: مدنيين (a sound plural's form) and عاملين (a participle, whose
    # -ين is its plural) are two when هما, alone or attached, refers back to them
    assert _counts("أدى الحادث إلى إصابة مدنيين تم نقلهما إلى المستشفى.") == [("مدنيين", 2.0, "مدني")]
    assert _counts("يتوقف نجاح الخطة على عاملين هما، التمويل والتدريب.") == [("عاملين", 2.0, "عامل")]


def test_plural_pronoun_or_nearer_noun_is_no_pair() -> None:
    # the controls: the plural pronoun هم, a phrase with its own noun between, a clause break,
    # a definite word (it refers back, decision 7), and the particle مهما
    assert _counts("أدى الحادث إلى إصابة مدنيين تم نقلهم إلى المستشفى.") == []
    assert _counts("جرح مدنيين في هجوم استهدفهما أمس.") == []
    assert _counts("أصيب مدنيين. ونقلهما الإسعاف إلى المستشفى.") == []
    assert _counts("أدى الحادث إلى إصابة المدنيين وتم نقلهما إلى المستشفى.") == []
    assert _counts("لن نترك مدنيين مهما كانت الظروف.") == []


def test_dual_behind_proclitic_opening_a_mention() -> None:
    # a mention that opens with the word (here from its proclitic ل) does not make it a name
    text = "ووفقا لمرسومين رئاسيين تم إصدارهما أمس، عين الرئيس محافظا جديدا."
    assert _counts(text) == [("مرسومين", 2.0, "مرسوم")]


def test_listed_sound_plural_before_two_names_and_a_dual_relative() -> None:
    # named_duals.named_dual: المحترفين is a listed plural (plurals.tsv); two names and then the
    # dual relative اللذين show two of them
    text = "ويغيب المحترفين الأرجنتينيين ماتياس فيرنانديز ولوكاس بيريرا اللذين أصيبا في التمرين الأخير."
    assert _counts(text) == [("المحترفين", 2.0, "محترف")]


def test_listed_sound_plural_before_two_names_alone_stays_plural() -> None:
    # the control: without a dual word after the names the listed plural counts nothing
    assert _counts("ويشارك المحترفين البرازيليين كارلوس إدواردو وإيلتون ألميدا في اللقاء.") == []
    assert _counts("وسافر مع الفريق برفقة اللاعبين كارلوس إدواردو وإيلتون ألميدا.") == []
