"""Quantities and time: the rules added for the fresh real-news batch rn1170–rn1177.

docs/benchmarks/realnews_fresh.md ("Quantities and time, batch rn1170–rn1177") lists the
error classes. Every sentence here was written for these tests, and each test names the
rule it guards.
"""

from __future__ import annotations

from number_checks import counts, value_objects

from rasd.annotators.time import tag

DCT = "2015-08-11"  # a Tuesday


def _q(text: str) -> list[tuple[float | None, str | None]]:
    return value_objects(text, DCT)


# --------------------------------------------------------------------------- quantities


def test_the_two_peoples_refer_back_to_the_parties() -> None:
    # decision 7: a definite dual of parties already named is no count (anaphoric_duals.txt)
    assert _q("وبحث الوزيران تعزيز التعاون بين الجانبين لمصلحة الشعبين الشقيقين") == []
    assert _q("وتعاون البلدان لمصلحة الشعبين") == []


def test_one_of_the_border_crossings_and_ports() -> None:
    # decision 9: أحد/إحدى + a plural picks one member (plurals.tsv: معابر، منافذ)
    assert _q("وغادر المسافرون عبر إحدى المعابر البرية") == [(1.0, "معبر")]
    assert _q("وضبطت الجمارك الشحنة في أحد المنافذ") == [(1.0, "منفذ")]


def test_checkpoint_is_a_compound_object() -> None:
    # F5: the two words together name the thing (objects.tsv)
    assert _q("وأوقفت الدورية السيارة عند إحدى نقاط التفتيش") == [(1.0, "نقطة تفتيش")]
    assert _q("ونصبت الشرطة نقطتي تفتيش على الطريق") == [(2.0, "نقطة تفتيش")]


def test_owned_plural_before_its_number_word() -> None:
    # F1: a first mention of a group with its count (أطقم in plurals.tsv)
    assert _q("وكشف النادي عن أطقمه الثلاثة للموسم") == [(3.0, "طقم")]


def test_participle_in_ين_is_not_a_dual() -> None:
    # not_duals.txt: معبرين عن is "expressing", not two crossings
    assert _q("وخرج المشجعون من الملعب معبرين عن فرحتهم بالفوز") == []


def test_dual_behind_a_proclitic_with_its_agreeing_adjective() -> None:
    # the adjective in -تين shows the word before it is a dual noun; the adjective is no count
    assert _q("وافتتح الضيوف اللقاء بهجمتين خاطفتين على المرمى") == [(2.0, "هجمة")]
    assert _q("وخرج الاجتماع بتوصيتين مهمتين") == [(2.0, "توصية")]
    # without the adjective a glued ب keeps the word ambiguous (nothing read, as before)
    assert _q("وافتتح الضيوف اللقاء بهجمتين") == []


def test_article_glued_on_a_number_before_its_unit() -> None:
    # الـ60 كيلومترا reads as the spaced الـ 60 كيلومترا
    qs = counts("وتقع البلدة على بعد قرابة الـ45 كيلومترا من الساحل", DCT)
    assert [(q.text, q.value, q.object) for q in qs] == [("45 كيلومترا", 45.0, "كيلومتر")]
    # an ordinal after its noun stays none
    assert _q("وانطلقت النسخة الـ12 من المهرجان") == []
    # F1: the definite amount that repeats one just counted is not counted again
    text = "وخصص الصندوق 300 مليون دولار للمشروع. وستصرف الـ300 مليون دولار على مرحلتين"
    assert [q.value for q in counts(text, DCT) if q.object == "دولار"] == [300000000.0]


# --------------------------------------------------------------------------- time


def test_first_or_last_minutes_are_a_plain_duration() -> None:
    # a length has no START/END of its own: آخر/أول before a duration give no mod
    out = [(t.text, t.type, t.value, t.mod) for t in tag("وطرد الحكم المدافع في آخر دقيقتين من اللقاء", DCT)]
    assert out == [("آخر دقيقتين", "DURATION", "PT2M", None)]
    out = [(t.value, t.mod) for t in tag("وأطلق المحافظ خطته في أول 30 يوما من عمله", DCT)]
    assert out == [("P30D", None)]
    # a point of a period keeps its mod
    out = [(t.value, t.mod) for t in tag("ويعود الوفد نهاية الشهر الجاري", DCT)]
    assert out == [("2015-08", "END")]
