"""Quantities and time: the rules added for the fresh real-news batch rn772–rn779.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-07-26"  # a Sunday

_q, _t = readers(DCT)


def test_year_like_number_after_a_comparison_and_before_a_noun_is_a_count() -> None:
    """``time/heads._h_year_mod`` and ``quantities/engine._compared_count``: after ``أكثر من``
    or ``نحو`` a four-digit number followed by an indefinite noun counts it, it is no year;
    a period word (``أواخر 2014``) still makes a year."""
    assert _t("وفر المشروع فرص عمل لأكثر من 2000 سوداني في المنطقة.") == []
    assert _q("وفر المشروع فرص عمل لأكثر من 2000 سوداني في المنطقة.") == [
        ("لأكثر من 2000", 2000.0, None, "سوداني")
    ]
    assert _q("شارك في السباق نحو 2014 عداء من الهواة.") == [("نحو 2014", 2014.0, None, "عداء")]
    assert _t("تراجعت الأسعار في أواخر 2014 بشكل حاد.") == [("أواخر 2014", "DATE", "2014")]


def test_comparison_phrase_may_carry_a_glued_preposition() -> None:
    """``around.before_mod``: ``لأكثر من``, ``بأكثر من`` are the comparison with ل/ب glued on."""
    assert _q("تبرع الأهالي بأكثر من 40 وحدة دم.") == [("بأكثر من 40 وحدة دم", 40.0, None, "وحدة دم")]


def test_spelled_latin_letters_name_a_model() -> None:
    """``skip_before.txt``: a digit after a spelled Latin letter (``إم 1 إيه 2``, ``سي 130``)
    belongs to a model's name, not a count; the count before it stays."""
    assert _q("تسلم الجيش ثلاثة أبراج لدبابات إم 1 إيه 2 الحديثة.") == [("ثلاثة", 3.0, None, "برج")]
    assert _q("هبطت طائرة نقل من طراز سي 130 في المطار.") == []


def test_vague_amount_of_a_currency_with_the_article() -> None:
    """``objects.open_object``: ``ملايين اليورو``, ``مليارات الريال``: a vague amount before a
    definite currency counts that currency, as ``ملايين الدولارات`` did."""
    assert _q("قد يكلف إصلاح الشبكة ملايين اليورو.") == [("ملايين", None, 9999999.0, "يورو")]
    assert _q("أنفقت الشركة مليارات الريال على التوسعة.") == [("مليارات", None, 9999999999.0, "ريال")]


def test_several_after_its_noun_is_no_amount() -> None:
    """``engine``: ``عدة``/``بضعة`` (a vague amount under ten) after its noun, with no listed
    noun after it, inherits nothing (it took the currency of an earlier amount); before a
    listed noun (``لعدة هجمات``) or a scale word (``بضعة آلاف``) it still counts."""
    assert _q("قدمت الدولة دعما بمليار دولار للقوات على محاور عدة.") == [
        ("مليار دولار", 1000000000.0, None, "دولار")
    ]
    assert [x[3] for x in _q("تعرضت الدورية لعدة هجمات.")] == ["هجوم"]
    assert [x[3] for x in _q("تجمع بضعة آلاف متظاهر في الساحة.")] == ["متظاهر"]


def test_plural_of_people_of_a_place() -> None:
    """``plurals.tsv``: ``أهالي`` is the plural of ``أهل``."""
    assert _q("شارك 150 من أهالي الحي في حملة النظافة.") == [("150", 150.0, None, "أهل")]


def test_since_a_day_in_construct_names_the_day() -> None:
    """``handlers._h_ago``: ``منذ يوم العيد`` is not "since one day": the unit in construct with a
    definite noun names a day; ``يوم`` before a Hijri holiday gives its date
    (``holiday_frames.txt``); ``منذ يوم`` alone still lasts a day."""
    assert _t("تزدحم الحدائق بالزوار منذ يوم العيد.") == [("العيد", "DATE", "2015-07-17")]
    assert _t("وصل الوفد منذ يوم.") == [("منذ يوم", "DURATION", "P1D")]
    assert _t("تأجل التصويت قبل يوم الاقتراع.") == []


def test_a_while_ago_is_past_ref() -> None:
    """``vague.tsv``: ``قبل فترة``/``قبل مدة`` (a while ago) are PAST_REF like ``في وقت سابق``."""
    assert _t("كان النادي قد تعاقد معه قبل فترة قصيرة.") == [("قبل فترة قصيرة", "DATE", "PAST_REF")]
    assert _t("انتقل إلى المدينة قبل مدة.") == [("قبل مدة", "DATE", "PAST_REF")]
