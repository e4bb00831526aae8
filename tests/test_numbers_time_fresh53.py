"""Quantities: batch rn1360–rn1367 and the construct-dual class of dev (a dual before its
two named members, the second after و a few words later).

docs/benchmarks/realnews_fresh.md ("Quantities and time, batch rn1360–rn1367") lists the
classes. Every sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import value_objects

DCT = "2015-08-06"


def test_construct_dual_with_members_a_few_words_apart() -> None:
    # open_duals._members_follow: the first member carries a nickname or gentilic before the
    # second member's و (rn750, rn1217, rn902); before, only an adjacent pair was read
    assert value_objects('تحدث مدربا الفيصلي "البرتغالي" جوزيه والرائد عن المواجهة.', DCT) == [(2.0, "مدرب")]
    assert value_objects("وقال إن مشروعا جسر الملك والنفق الجديد سيكتملان.", DCT) == [(2.0, "مشروع")]


def test_feminine_nominative_construct_dual() -> None:
    # open_duals._fem_nom: ة written ت before the nominative dual ending (rn1340's class)
    assert value_objects("وعرضت شركتا نوكيا وسامسونج أجهزتهما في المعرض.", DCT) == [(2.0, "شركة")]


def test_accusative_singular_is_no_dual() -> None:
    # the same -ا is an indefinite accusative: an agreeing adjective, a ل phrase, a list of
    # accusatives, their own pronoun or a tanween mark show one thing, not a pair
    assert value_objects("قتلت الشرطة مسلحا متطرفا واعتقلت آخرين.", DCT) == []
    assert value_objects("سيصبح خالد رئيسا لشركة النقل وسيتولى سعد الإدارة.", DCT) == []
    assert value_objects("عمل مستشارا بوزارة المالية وعضوا في اللجنة.", DCT) == []
    assert value_objects("عين رئيسًا للجنة الفنية والإدارية.", DCT) == []
    assert value_objects("اعتقلت الشرطة منفذي عملية التفجير ووالديهم.", DCT) == []


def test_no_nominative_dual_behind_a_preposition() -> None:
    # a word that reads as ل + a nominative dual (لجانا: a broken plural) is none: after a
    # preposition a dual would be genitive (the demo corpus showed this one)
    assert value_objects("قال المتحدث إن لجانا فنية فحصت المعدات والمباني أمس.", DCT) == []
