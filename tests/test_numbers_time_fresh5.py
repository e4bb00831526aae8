"""Quantities and time: the rules added for the fresh real-news batch rn620–rn631.

An ordinary news mix like rn520–rn531, scored once held out and only then read. Every
sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import counts, timexes

from rasd.annotators.quantities import extract_quantities
from rasd.annotators.time import tag
from rasd.models import EntityMention

DCT = "2015-08-11"  # a Tuesday


def _q(text: str, dct: str = DCT) -> list[tuple[float | None, str | None, str | None]]:
    """(value, mod, object) of every count, read after the time tagger as the pipeline does."""
    return [(q.value, q.mod, q.object) for q in counts(text, dct)]


def _t(text: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    return timexes(text, dct)


# --------------------------------------------------------------------------- quantities


def test_one_of_a_broken_plural_written_with_tatweel() -> None:
    # decision 9: أحد + plural is 1; العرب, المعارك, الكفار are broken plurals (plurals.tsv)
    assert _q("جلس الرحالة بجوار أحد الـعَـرب في المقهى") == [(1.0, None, "عربي")]
    assert _q("سقط الجندي في إحدى المعارك قرب الحدود") == [(1.0, None, "معركة")]


def test_one_of_new_broken_plurals() -> None:
    # plurals.tsv: نواب → نائب, كتائب → كتيبة, أكراد → كردي
    assert _q("وانسحب أحد النواب من الجلسة") == [(1.0, None, "نائب")]
    assert _q("وأعلنت إحدى الكتائب انسحابها") == [(1.0, None, "كتيبة")]
    assert _q("وأصيب ثلاثة أكراد في الانفجار") == [(3.0, None, "كردي")]


def test_food_basket_keeps_its_adjective() -> None:
    # F5: سلة غذائية names the thing, as غارة جوية does
    assert _q("سيوزع البرنامج 250 ألف سلة غذائية على الأسر") == [(250000.0, None, "سلة غذائية")]


def test_dual_naming_its_two_members() -> None:
    # decision 7 / P1: a dual that names its members after it is a count
    assert _q("وشارك في الندوة القياديان خالد وسعيد") == [(2.0, None, "قيادي")]
    assert _q("وارتفع المؤشران داكس ونيكي في الجلسة") == [(2.0, None, "مؤشر")]


def test_number_of_an_index_name_is_no_count() -> None:
    # F3: ستوكس يورب 600 and ستاندرد آند بورز 500 are names; بعدما, بمقدار are no objects
    assert _q("خسر مؤشر ستوكس يورب 600 بعدما صدرت البيانات") == []
    assert _q("وتقدم مؤشر ستاندرد آند بورز 500 بمقدار 12 نقطة في ختام الجلسة") == [(12.0, None, "نقطة")]


def test_conjunction_after_a_number_is_no_object() -> None:
    # not_objects.txt: عندما is a conjunction, never the counted noun
    assert [o for _, _, o in _q("وصل 20 عندما بدأ الحفل")] == [None]


def test_number_written_onto_its_unit() -> None:
    # "165دولارا": the digits run into a listed unit; a name like "1ماليزيا" stays whole
    assert _q("بيعت التذكرة الواحدة بمبلغ 165دولارا في السوق") == [(165.0, None, "دولار")]
    assert _q("وحقق صندوق 1ماليزيا أرباحا") == []


def test_members_of_a_group_named_after_min() -> None:
    # group_members.tsv: "40 من تنظيم داعش" counts militants; "اثنان من الجنسية" persons
    assert _q("قتلت الغارات 40 من تنظيم داعش في الرقة") == [(40.0, None, "مسلح")]
    assert _q("وضبطت الدورية اثنان من الجنسية الإثيوبية") == [(2.0, None, "شخص")]


def test_imperfect_verb_after_a_number_is_no_object() -> None:
    # "60 ألفا يعيشون": يـ…ون is a verb; a nisba plural (يمنيون) stays a noun
    assert _q("وما زال 60 ألفا يعيشون في المخيمات") == [(60000.0, None, None)]
    assert _q("ووصل 40 يمنيون إلى المنفذ") == [(40.0, None, "يمني")]


def test_others_after_the_killed_are_persons() -> None:
    # not_inherited.txt: "آخرون" after قتيل are wounded persons (as rn132's gold: شخص)
    assert _q("وخلف الهجوم 12 قتيلا وجرح 30 آخرون") == [(12.0, None, "قتيل"), (30.0, None, "شخص")]
    assert _q("قتل 14 من عناصر التنظيم وجرح اثنين آخرين") == [(14.0, None, "عنصر"), (2.0, None, "عنصر")]


def test_decimal_times_a_scale_is_exact() -> None:
    # 129.3 × مليون is 129300000 exactly, not 129300000.00000001
    assert [q.value for q in counts("وأنفق النادي 129.3 مليون دولار", DCT)] == [129300000.0]
    assert str(counts("وأنفق النادي 129.3 مليون دولار", DCT)[0].value) == "129300000.0"


def test_a_single_day_is_no_date() -> None:
    # not_time.txt: "خلال اليوم الواحد" is any one day
    assert _t("ترتفع القيمة المتداولة خلال اليوم الواحد إلى مليون ريال") == []


def test_definite_units_then_an_indefinite_ten() -> None:
    # "الأربع وعشرين ساعة" is 24 hours, not 20
    assert _t("الخدمة متاحة على مدار الأربع وعشرين ساعة") == [("الأربع وعشرين ساعة", "DURATION", "PT24H")]


def test_accusative_object_after_a_decimal() -> None:
    # after a decimal the counted noun is an accusative singular: درهما → درهم
    assert _q("ويبلغ سعر الليتر 2,15 درهما") == [(2.15, None, "درهم")]


def test_dash_drawn_with_tatweel_joins_a_range() -> None:
    assert _q("وتتراوح الأسعار بين 200 ــ 350 ريال") == [(200.0, "RANGE", "ريال")]


def test_range_object_agrees_with_its_upper_end() -> None:
    # "بين 200 و350 ريالا": the noun after 350 (…50) is an accusative singular
    assert _q("ويتراوح الإيجار بين 200 و350 ريالا") == [(200.0, "RANGE", "ريال")]


def test_post_posed_number_counts_the_noun_it_agrees_with() -> None:
    # K5 / rn331: ثماني (no ة) counts a feminine noun, ثمانية a masculine one
    assert _q("وافقت الدول الأعضاء الثماني على الخطة") == [(8.0, None, "دولة")]
    assert _q("وتشمل أفرع جوائز المهرجان الثمانية الشعر والرواية") == [(8.0, None, "فرع")]


def test_a_year_like_number_before_min_and_a_plural_is_a_count() -> None:
    # "نحو 2000 من الحضور": a count of people, no year (the time tagger leaves it too)
    text = "وقدر المنظمون أن نحو 2000 من المتطوعين شاركوا في الحملة"
    assert _q(text) == [(2000.0, "APPROX", "متطوع")]
    assert _t(text) == []


def test_number_of_after_the_number() -> None:
    # count_heads.txt: "إلى 8500 عدد الجنود" counts جندي
    assert _q("وبذلك يرتفع إلى 6400 عدد الموظفين في الشركة") == [(6400.0, None, "موظف")]


def test_count_head_before_the_number() -> None:
    # count_heads.txt: "ارتفاع العدد الإجمالي للجرحى إلى 75" counts جريح; a noun after the
    # number keeps its own reading
    assert _q("وأعلنت الوزارة ارتفاع العدد الإجمالي للجرحى إلى 75 على الأقل") == [(75.0, "AT_LEAST", "جريح")]
    assert _q("ارتفعت حصيلة الضحايا إلى 18 في البلدة") == [(18.0, None, "ضحية")]


def test_more_broken_plurals_and_nouns() -> None:
    assert _q("صادرت الدورية 12 سجائر مهربة وثلاثة أعيرة") == [(12.0, None, "سيجارة"), (3.0, None, "عيار")]
    assert _q("وبلغ عدد الوفيات 95 وفاة") == [(95.0, None, "وفاة")]


def test_product_names_with_a_number() -> None:
    # skip_before.txt: ويندوز 10 is a product, not ten things
    assert _q("وأطلقت الشركة ويندوز 10 مجانا للمستخدمين") == []


def test_dual_shaped_name_is_no_count() -> None:
    # a word inside a name (الأرجنتين, a family name in -ين) is no dual; a dual that opens
    # the mention of its two members still counts (شركتي آبل وجوجل)
    text = "تنظم الأرجنتين الانتخابات ويواجه سيطرة شركتي آبل وجوجل"
    ents = [EntityMention("d", 5, 14, "الأرجنتين", "GPE"), EntityMention("d", 41, 55, text[41:55], "ORG")]
    got = extract_quantities(text, "d", tag(text, DCT), ents)
    assert [(q.text, q.value, q.object) for q in got] == [("شركتي", 2.0, "شركة")]


# --------------------------------------------------------------------------- time


def test_recently_only_after_a_participle() -> None:
    # vague_needs_before.tsv: "المنضم حديثا" is recently; "أجرى حديثا" is an interview
    assert _t("وشارك المدافع المنضم حديثا إلى النادي في المران") == [("حديثا", "DATE", "PAST_REF")]
    assert _t("وأجرى المدير حديثا مع الإذاعة") == []


def test_until_this_moment_is_the_present() -> None:
    # "حتى (هذه) اللحظة" = so far; "قبل هذه اللحظة التاريخية" is a moment of an event
    assert _t("لم تصدر اللجنة قرارها حتى هذه اللحظة") == [("هذه اللحظة", "DATE", "PRESENT_REF")]
    assert _t("لم يعرف السبب حتى اللحظة") == [("اللحظة", "DATE", "PRESENT_REF")]
    assert _t("احتشد الناس قبل هذه اللحظة التاريخية") == []


def test_the_whole_year_is_the_current_one() -> None:
    # whole_words.txt: "العام بأكمله" = this year, as "هذا العام"
    assert _t("رفعت المجموعة تقديراتها لإيرادات العام بأكمله") == [("العام بأكمله", "DATE", "2015")]
    assert _t("استمرت الحملة طوال الشهر كله") == [("الشهر كله", "DATE", "2015-08")]


def test_a_day_of_the_eid_is_the_nearer_eid() -> None:
    # holidays.tsv: bare العيد is الفطر or الأضحى, whichever is nearer the record's date (F10)
    assert _t("وفي ثالث أيام العيد زار الأمير المرضى", "2015-07-21") == [("ثالث أيام العيد", "DATE", "2015-07-19")]
    assert _t("وفي ثاني أيام العيد زار الأمير المرضى", "2015-09-30") == [("ثاني أيام العيد", "DATE", "2015-09-24")]
    assert _t("تبادل الناس التهاني بمناسبة العيد", "2015-07-21") == []


def test_age_in_a_decade_of_life() -> None:
    # "في العشرينيات من عمره" is an age (F8), not the 1920s
    assert _t("شاب في الثلاثينيات من عمره") == [("الثلاثينيات", "DURATION", "P30Y")]
    assert _t("ازدهرت المدينة في الثلاثينيات") == [("الثلاثينيات", "DATE", "193")]


def test_today_before_an_ordinal_with_a_full_stop() -> None:
    # "اليوم الأول." is day one, not the publication day (the next word read without its stop)
    assert _t("لقد بدأنا العمل منذ اليوم الأول.") == []


def test_bare_weekday_after_the_same_weekday_to_come() -> None:
    # "مباراة الخميس" after "يوم الخميس" of a coming match is that Thursday (DCT a Tuesday)
    text = "يلعب الفريق يوم الخميس المقبل أمام الضيوف. وقال المدرب إن مباراة الخميس صعبة."
    assert [v for _, _, v in _t(text)] == ["2015-08-13", "2015-08-13"]
    # not after the same weekday in the past
    text = "وصل الوفد الأحد الماضي. وسيعقد اجتماع الأحد المقبل. وكان الوزير قال الأحد إن"
    assert [v for _, _, v in _t(text)] == ["2015-08-09", "2015-08-16", "2015-08-09"]


def test_day_and_month_after_the_same_day_with_its_year() -> None:
    text = "تقام الجمعية في الـ15 من مارس المقبل. وأكد الاتحاد أن موعد 15 مارس نهائي."
    assert [v for _, _, v in _t(text)] == ["2016-03-15", "2016-03-15"]


def test_after_n_years_in_a_story_of_a_past_year_over_a_duration() -> None:
    # "في 1997 … لبضع سنوات … بعد 18 سنة": counted from 1997, a duration, not 2033
    text = "افتتح الجسر في 1997 ليعمل بضع سنوات فقط، لكن شيئا لم يتغير بعد 18 سنة."
    assert ("18 سنة", "DURATION", "P18Y") in _t(text)


def test_last_quarter_of_a_named_year() -> None:
    # last_words.txt: "الربع الأخير من 2014" is 2014-Q4; alone it stays the quarter before
    assert _t("تراجعت الأرباح في الربع الأخير من 2014") == [("الربع الأخير من 2014", "DATE", "2014-Q4")]
    assert _t("تراجعت الأرباح في الربع الأخير") == [("الربع الأخير", "DATE", "2015-Q2")]


def test_a_unit_and_a_half() -> None:
    # "لمدة عام ونصف" is P1.5Y (as "خمس سنوات ونصف"); after بعد it stays the ago family's
    assert _t("تم تمديد العقد لمدة عام ونصف") == [("عام ونصف", "DURATION", "P1.5Y")]
    # the repeated unit belongs to the expression (as in "العامين ونصف العام الماضي", rn448)
    assert _t("استمر الاجتماع ساعة ونصف الساعة") == [("ساعة ونصف الساعة", "DURATION", "PT1.5H")]
