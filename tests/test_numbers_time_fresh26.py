"""Quantities and time: the rules added for the fresh real-news batch rn592–rn599.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-06"  # a Thursday

_q, _t = readers(DCT)


def test_a_group_after_a_demonstrative() -> None:
    """``من تلك العناصر`` (objects.open_object and of_group, ar/morphology/demonstratives.txt): a demonstrative
    between من (or a construct plural) and the definite plural still names the counted group."""
    assert _q("أوقفت الشرطة 12 من هذه العناصر في المداهمة.") == [("12", 12.0, None, "عنصر")]
    assert _q("أوقفت الشرطة اثنين من أعضاء تلك العصابة.") == [("اثنين", 2.0, None, "عضو")]
    assert _q("سلم اثنان من هؤلاء المسلحين أنفسهم.") == [("اثنان", 2.0, None, "مسلح")]
    assert _q("أوقفت الشرطة 12 من العناصر.") == [("12 من العناصر", 12.0, None, "عنصر")]


def test_a_group_after_one_or_two_beats_the_noun_before() -> None:
    """``إصابة اثنين من الضباط`` (engine: the noun-before reading of one or two yields to من +
    a group): officers are counted, not injuries; ``جندي واحد`` keeps its noun before."""
    assert _q("أسفر الانفجار عن إصابة اثنين من الضباط.") == [("اثنين", 2.0, None, "ضابط")]
    assert _q("قتل جندي واحد في الهجوم.") == [("جندي واحد", 1.0, None, "جندي")]


def test_how_the_wounded_were_hurt_is_no_object() -> None:
    """``وأصيب عشرة بجروح`` (not_objects.txt): the wounds are the manner; the people counted
    before are what the number counts."""
    assert _q("قتل شخصان وأصيب عشرة بجروح في الحادث.") == [
        ("شخصان", 2.0, None, "شخص"),
        ("عشرة", 10.0, None, "شخص"),
    ]


def test_one_thing_after_min_is_not_inherited() -> None:
    """neighbours.inherit: the one family (``من عائلة واحدة``) only qualifies the count
    before it, so the ``ثلاثة آخرون`` wounded after it are people."""
    got = _q("لقي أربعة أشخاص من عائلة واحدة حتفهم وأصيب ثلاثة آخرون في الحريق.")
    assert ("ثلاثة", 3.0, None, "شخص") in [g[:4] for g in got]
    assert ("أربعة أشخاص", 4.0, None, "شخص") in got
    assert _q("قتل جندي واحد وأصيب ثلاثة آخرون.")[-1] == ("ثلاثة", 3.0, None, "جندي")


def test_a_noun_with_their_is_the_next_clause() -> None:
    """``بينهم 15 إصاباتهم خطيرة`` (the `their` pronouns of ar/morphology/affixes.tsv): a word with "their" after a number is
    the subject of what follows; the count keeps the object before it. An owned group after
    من still counts (``اثنان من مقاتليهم``), and ``متهم`` is no pronoun."""
    got = _q("قتل 30 مسلحا وجرح 40 آخرون بينهم 15 إصاباتهم خطيرة.")
    assert got[-1] == ("15", 15.0, None, "مسلح")
    assert _q("نقل 12 مصابا منهم ثلاثة حالتهم حرجة.")[-1] == ("ثلاثة", 3.0, None, "مصاب")
    assert _q("قتل اثنان من مقاتليهم.") == [("اثنان", 2.0, None, "مقاتل")]


def test_years_after_their_number_are_a_duration_not_a_count() -> None:
    """``للسنوات العشر القادمة`` (time engine: لل before a definite calendar unit is read as ال;
    plurals.tsv ``سنوات``): a duration, and no count of years."""
    assert _t("أعدت الشركة خطة للسنوات العشر القادمة.") == [("للسنوات العشر القادمة", "DURATION", "P10Y")]
    assert _q("أعدت الشركة خطة للسنوات العشر القادمة.") == []
    assert _t("ارتفعت الأرباح قياسا للعام الماضي.") == [("للعام الماضي", "DATE", "2014")]
    assert _t("وللشهر المقبل خطط أخرى.") == [("للشهر المقبل", "DATE", "2015-09")]
    assert _t("فاز الفريق باللقب للعام الثاني على التوالي.") == []
    assert _t("قدم الأمير الشكر للعاملين.") == []
    assert _q("شاركت الدول الست في الاجتماع.") == [("ست", 6.0, None, "دولة")]


def test_a_number_closing_a_quoted_name() -> None:
    """``"تي في 3"``, ``«آيزك 4»`` (frames.in_brackets): words then a number right before the
    closing mark are a name; a quoted number before its noun still counts, and so does a count
    inside a quoted statement."""
    assert _q('نقلت قناة "تي في 3" المحلية الخبر.') == []
    assert _q("أطلقت الهيئة نظام «رؤية 5» الجديد.") == []
    assert _q("سجل اللاعب «7» أهداف.") == [("7", 7.0, None, "هدف")]
    assert _q('قال المدير: "استقبلنا اليوم 40 مريضا" في المستشفى.') == [("40", 40.0, None, "مريض")]


def test_finals_are_counted_as_final() -> None:
    """``نهائيات`` (plurals.tsv): the plural of ``نهائي`` (a final), not of a feminine noun."""
    assert _q("خاض النادي 5 نهائيات قارية.") == [("5", 5.0, None, "نهائي")]
