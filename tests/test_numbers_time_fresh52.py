"""Quantities: batch rn1350–rn1357 and the compound-object and -ات lemma classes of dev.

docs/benchmarks/realnews_fresh.md ("Quantities and time, batch rn1350–rn1357") lists the
classes. Every sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import value_objects

DCT = "2015-08-06"


def test_compound_objects_keep_their_second_word() -> None:
    # objects.tsv: a construct or noun + adjective that names the thing (F5), rn1340, rn1343,
    # rn1316, rn339 and this batch; before, the object was cut to its first noun
    assert value_objects("سقطت 14 قذيفة هاون على أطراف البلدة.", DCT) == [(14.0, "قذيفة هاون")]
    assert value_objects("دشن المصنع خمسة خطوط إنتاج جديدة.", DCT) == [(5.0, "خط إنتاج")]
    assert value_objects("رست 4 سفن حاويات في الميناء أمس.", DCT) == [(4.0, "سفينة حاويات")]
    assert value_objects("تربط الشبكة أكثر من 20 طريقا سريعا بين المدن.", DCT) == [(20.0, "طريق سريع")]
    assert value_objects("أوقفت الشرطة 35 مشتبها به في الحملة.", DCT) == [(35.0, "مشتبه به")]
    # a merely descriptive word after the noun is still dropped
    assert value_objects("عبرت 4 سفن كبيرة القناة.", DCT) == [(4.0, "سفينة")]


def test_one_after_a_listed_compound() -> None:
    # engine.py: a post-posed واحدة after a listed two-word object keeps both words (rn654);
    # a feminine nisba that is only an adjective is still dropped (مظلة إدارية واحدة → مظلة)
    assert value_objects("لم تصل إلى المكتب عاملة منزلية واحدة هذا الشهر.", DCT) == [(1.0, "عاملة منزلية")]
    assert value_objects("تعمل الفروع تحت مظلة إدارية واحدة.", DCT) == [(1.0, "مظلة")]


def test_sound_plurals_of_masculine_nouns() -> None:
    # plurals.tsv: -ات plurals whose singular has no ة (rn1310 حفار, rn1347 مخطط, rn1355 ترشيح)
    assert value_objects("أضافت الشركة 6 حفارات إلى أسطولها.", DCT) == [(6.0, "حفار")]
    assert value_objects("قدم الحزب أكثر من 9 ترشيحات في الدائرة.", DCT) == [(9.0, "ترشيح")]
    assert value_objects("اعتمدت البلدية 7 مخططات سكنية.", DCT) == [(7.0, "مخطط")]
