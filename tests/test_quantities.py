"""Quantities: digits, words, vague amounts, ranges, bounds, objects, owners, skips."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.annotators import DocAnalysis
from rasd.annotators.quantities import annotate, extract_quantities
from rasd.models import Document, Published, Timex


def _q(text: str, **kw: object):
    qs = extract_quantities(text, **kw)  # type: ignore[arg-type]
    for q in qs:
        assert text[q.start : q.end] == q.text
    return qs


def test_digits_object_owner_place() -> None:
    (q,) = _q("يوجد 2500 جندي أميركي في العراق.")
    assert (q.value, q.object, q.owner, q.place) == (2500, "جندي", "أميركي", "العراق")
    assert q.object_span is not None and q.text.endswith("جندي")


def test_digit_forms() -> None:
    assert [q.value for q in _q("وصل 2,500 جندي ثم ٣٠٠٠ جندي ثم 2.5 ألف جندي")] == [2500, 3000, 2500]
    assert _q("خسائر 2,5 مليار دولار")[0].value == 2.5e9


def test_number_words_and_mixed() -> None:
    vals = [q.value for q in _q("قتل خمسة وعشرون مسلحا ووصل مئتا لاجئ وأرسل ثلاثة آلاف جندي و3 آلاف عنصر")]
    assert vals == [25, 200, 3000, 3000]


def test_vague_amounts_have_range_not_value() -> None:
    (q,) = _q("أصيب عشرات المدنيين")
    assert q.value is None and q.mod == "VAGUE" and (q.value_min, q.value_max) == (30, 99)
    assert q.object == "مدني"
    (r,) = _q("نزح مئات الآلاف من السكان")
    assert r.value is None and r.value_min == 300000


def test_range_and_bounds() -> None:
    (r,) = _q("يتراوح عددهم بين 1500 و3000 عنصر")
    assert (r.value, r.value_max, r.mod, r.object) == (1500, 3000, "RANGE", "عنصر")
    mods = {q.text: q.mod for q in _q("نحو 300 جندي وأكثر من 40 هجوما وما لا يقل عن 12 قتيلا")}
    assert mods == {"نحو 300 جندي": "APPROX", "أكثر من 40 هجوما": "MORE_THAN", "ما لا يقل عن 12 قتيلا": "AT_LEAST"}
    (a,) = _q("ثلاث هجمات على الأقل")
    assert a.mod == "AT_LEAST" and a.value == 3


def test_dual_nouns_without_digits() -> None:
    got = [(q.text, q.value, q.object) for q in _q("سقط صاروخان ثم استهدفت بصاروخين")]
    assert got == [("صاروخان", 2, "صاروخ"), ("صاروخين", 2, "صاروخ")]


def test_elided_object_is_inherited_with_lower_confidence() -> None:
    first, second = _q("لدى الجيش 2500 جندي في العراق وحوالي 900 داخل سوريا")
    assert second.value == 900 and second.object == "جندي" and first.place == "العراق"
    assert second.confidence < first.confidence


def test_not_quantities() -> None:
    text = "في عام 2014 وفي 26 تموز 2021 وخلال 10 سنوات وعلى الرقم 07701234567 الساعة 10:30 الجولة الرابعة"
    assert _q(text) == []
    assert _q("قال أحد المسؤولين") == []


def test_timex_spans_are_skipped() -> None:
    text = "وصل 300 جندي"
    tx = Timex("d", 4, 7, "300", "DATE", "0300")
    assert _q(text, timex=[tx]) == []


def test_annotate() -> None:
    doc = Document("d_1", "s", 0, "t", None, Published(), "ar", "قتل 4 أشخاص")
    da = DocAnalysis(doc)
    annotate(da)
    assert [(q.value, q.object, q.doc) for q in da.quantities] == [(4, "شخص", "d_1")]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789٢٥,. ") + ["نحو ", "بين ", "و", "جندي", "آلاف", "عشرات ", "ـ", "\u064e"]), max_size=60).map("".join))
def test_offsets_round_trip(text: str) -> None:
    for q in extract_quantities(text):
        assert text[q.start : q.end] == q.text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    for q in extract_quantities(text):
        assert text[q.start : q.end] == q.text


def test_owner_spellings_share_one_canonical_form() -> None:
    owners = {q.owner for q in _q("وصل 900 جندي أمريكي و500 جندي أميركي و40 جنديا امريكيا")}
    assert owners == {"أميركي"}


def test_dual_construct_thousand() -> None:
    (q,) = _q("شارك ألفا جندي في التمرين")
    assert q.value == 2000 and q.object == "جندي"
    (r,) = _q("شارك عشرون ألفا من الجنود")
    assert r.value == 20000
