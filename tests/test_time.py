"""Temporal tagger behaviour, on sentences written for these tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rasd.annotators.time import annotate, tag
from rasd.models import DocAnalysis, Document, Published, Timex

DCT = "2024-09-28"  # a Saturday


def one(text: str, dct: str | None = DCT) -> Timex:
    found = tag(text, dct)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def values(text: str, dct: str | None = DCT) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        ("تم التوقيع في 12 تشرين الثاني 2023 ببغداد", "12 تشرين الثاني 2023", "DATE", "2023-11-12"),
        ("تم التوقيع في 12 نوفمبر 2023 ببغداد", "12 نوفمبر 2023", "DATE", "2023-11-12"),
        ("تم التوقيع في ١٢ نوفمبر ٢٠٢٣ ببغداد", "١٢ نوفمبر ٢٠٢٣", "DATE", "2023-11-12"),
        ("صدر الحكم في 4 جويلية 2019 بتونس", "4 جويلية 2019", "DATE", "2019-07-04"),
        ("أغلق المعبر في أوت 2020", "أوت 2020", "DATE", "2020-08"),
        ("اجتمعوا في يوليو/تموز 2022", "يوليو/تموز 2022", "DATE", "2022-07"),
        ("اجتمعوا في أيار/مايو 2018", "أيار/مايو 2018", "DATE", "2018-05"),
        ("تنتهي المهمة في سبتمبر (أيلول) 2025", "سبتمبر (أيلول) 2025", "DATE", "2025-09"),
        ("بني الجسر سنة 1987م", "سنة 1987م", "DATE", "1987"),
        ("بني الجسر عام 1987", "عام 1987", "DATE", "1987"),
        ("وصل الوفد أمس", "أمس", "DATE", "2024-09-27"),
        ("وصل الوفد وأمس غادر", "أمس", "DATE", "2024-09-27"),
        ("وقع الانفجار أمس الأول", "أمس الأول", "DATE", "2024-09-26"),
        ("يعود الوزير غدا", "غدا", "DATE", "2024-09-29"),
        ("يعود الوزير بعد غد", "بعد غد", "DATE", "2024-09-30"),
        ("تراجعت الأسعار العام الماضي", "العام الماضي", "DATE", "2023"),
        ("ترتفع الأسعار العام المقبل", "العام المقبل", "DATE", "2025"),
        ("تنخفض الأسعار هذا العام", "هذا العام", "DATE", "2024"),
        ("ارتفعت الأسعار الشهر الماضي", "الشهر الماضي", "DATE", "2024-08"),
        ("يصل الوفد الأسبوع المقبل", "الأسبوع المقبل", "DATE", "2024-W40"),
        ("بدأت الأزمة منذ ثلاثة أشهر", "منذ ثلاثة أشهر", "DATE", "2024-06"),
        ("غادر البلاد قبل عامين", "قبل عامين", "DATE", "2022"),
        ("استمر النزاع عامين", "عامين", "DURATION", "P2Y"),
        ("سجن خمسة وعشرين عاما", "خمسة وعشرين عاما", "DURATION", "P25Y"),
        ("يتجدد العقد سنويا", "سنويا", "SET", "P1Y"),
        ("يجتمعون كل ثلاثة أشهر", "كل ثلاثة أشهر", "SET", "P3M"),
        ("وصل الساعة الثالثة فجرا", "الساعة الثالثة فجرا", "TIME", "XXXX-XX-XXT03:00"),
        ("نشر في 9:15 م", "9:15 م", "TIME", "XXXX-XX-XXT21:15"),
        ("هاجموا القاعدة مساء أمس", "مساء أمس", "TIME", "2024-09-27TEV"),
        ("تفاقمت الأزمة في الستينيات", "الستينيات", "DATE", "196"),
        ("بني في القرن التاسع عشر", "القرن التاسع عشر", "DATE", "18"),
        ("نما الاقتصاد في الربع الثالث من عام 2023", "الربع الثالث من عام 2023", "DATE", "2023-Q3"),
    ],
)
def test_forms(text: str, span: str, type_: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.type, t.value) == (span, type_, value)
    assert text[t.start : t.end] == t.text


def test_modifiers() -> None:
    assert (one("بدأ الانسحاب مطلع أيلول 2024").mod, one("بدأ الانسحاب مطلع أيلول 2024").value) == ("START", "2024-09")
    assert one("يكتمل في منتصف العام المقبل").mod == "MID"
    assert one("وقع أواخر عام 2019").mod == "END"
    assert one("استمر حوالي عامين").mod == "APPROX"
    t = one("انتظروا أكثر من ستة أشهر")
    assert (t.type, t.value, t.mod) == ("DURATION", "P6M", "MORE_THAN")
    assert one("أنجز في أقل من عام").mod == "LESS_THAN"


def test_deadlines() -> None:
    for text in (
        "تنسحب القوات بحلول سبتمبر 2025",
        "تغادر في موعد لا يتجاوز نهاية 2026",
        "يبقى الجنود حتى أيلول 2026",
        "يجب إقرار الموازنة قبل نهاية العام",
    ):
        t = one(text)
        assert t.deadline, text
    assert not one("وصلوا في سبتمبر 2025").deadline
    assert not one("غادر قبل عامين").deadline  # "ago", not a deadline


def test_weekday_anchoring() -> None:
    assert one("التقى الوزيران الثلاثاء").value == "2024-09-24"  # most recent on/before DCT
    assert one("التقى الوزيران السبت").value == "2024-09-28"  # the DCT itself
    assert one("يلتقي الوزيران الثلاثاء المقبل").value == "2024-10-01"
    assert one("التقى الوزيران الثلاثاء الماضي").value == "2024-09-24"
    assert one("من المقرر أن يلتقي الوزيران الثلاثاء").value == "2024-10-01"  # future cue


def test_weekday_agreement_lowers_confidence() -> None:
    # gold decision 12: a written weekday that contradicts the DCT wins (the latest such
    # day on or before it), with a lower confidence; أمس of a Saturday is Friday
    good = one("صرح أمس الجمعة")
    bad = one("صرح أمس الأحد")
    assert good.value == "2024-09-27"
    assert bad.value == "2024-09-22"
    assert bad.confidence < good.confidence


def test_month_year_from_relative_word_and_tense() -> None:
    assert one("زار المدينة في مارس الماضي").value == "2024-03"
    assert one("يزور المدينة في مارس المقبل").value == "2025-03"
    assert one("زار المدينة في أكتوبر الماضي").value == "2023-10"
    assert one("من المقرر أن يزور المدينة في أغسطس").value == "2025-08"
    assert one("تم ذلك في 17 أيلول المقبل", "2024-09-02").value == "2024-09-17"


def test_unknown_dct_gives_underspecified_values() -> None:
    assert one("تراجعت الأسعار العام الماضي", None).value is None
    assert one("زار المدينة في أكتوبر الماضي", None).value == "XXXX-10"
    assert one("عاد أمس", None).value is None
    assert one("بني عام 1987", None).value == "1987"
    assert one("تراجعت الأسعار العام الماضي", "2024").value == "2023"  # year precision is enough
    assert one("عاد أمس", "2024-09").value is None


def test_vague_references() -> None:
    assert one("تعمل الحكومة حاليا على خطة").value == "PRESENT_REF"
    assert one("تصاعدت الهجمات خلال الأيام الماضية").value == "PAST_REF"
    assert one("تعلن النتائج خلال الأيام القادمة").value == "FUTURE_REF"


def test_ranges() -> None:
    # a range is two expressions, one per end (docs/realnews_gold.md, as the gold tags it)
    got = tag("تستمر الهدنة من 3 حتى 9 نوفمبر 2024", DCT)
    assert [(t.text, t.value, t.range_end) for t in got] == [("3", "2024-11-03", None), ("9 نوفمبر 2024", "2024-11-09", None)]
    got = tag("شملت الدراسة الفترة بين عامي 2010 و2015", DCT)
    assert [(t.text, t.value) for t in got] == [("عامي 2010", "2010"), ("2015", "2015")]
    got = tag("يمتد الموسم من يونيو حتى سبتمبر 2026", DCT)
    assert [(t.text, t.value) for t in got] == [("يونيو", "2026-06"), ("سبتمبر 2026", "2026-09")]


def test_hijri() -> None:
    t = one("وصل الحجاج في 9 ذو الحجة 1445 هـ")
    assert (t.value, t.calendar, t.original) == ("2024-06-15", "hijri", "1445-12-09")
    assert tag("التقى رمضان بأصدقائه", DCT) == []  # a name, not a month


@pytest.mark.parametrize(
    "text",
    [
        "ينتشر نحو 2500 جندي في البلاد",
        "يتراوح عددهم بين 1500 و3000 عنصر",
        "وصل 2000 جندي إلى القاعدة",
        "قال الأمين العام إن الرأي العام منقسم",
        "أكد المدعي العام السابق أن القضية أغلقت",
        "دفع 2020 دولارا ثمنا للتذكرة",
        "اتصل على الرقم 0770 2024 558",
        "يعمل من خلال عقد مؤتمرات دورية",
        "نتطلع إلى غد أفضل",
        "كان بأمس الحاجة إلى المساعدة",
    ],
)
def test_no_false_alarms(text: str) -> None:
    assert [t for t in tag(text, DCT) if t.type == "DATE"] == []


def test_bare_years_need_context() -> None:
    assert values("وفي 2014 سيطر التنظيم على المدينة") == [("2014", "DATE", "2014")]
    assert values("تغيرت الخريطة منذ 2003") == [("2003", "DATE", "2003")]
    assert values("احتلت المدينة (1917) ثم حررت") == [("1917", "DATE", "1917")]
    assert values("أعلنت الحكومة ميزانية 2025") == [("2025", "DATE", "2025")]


def test_annotate_fills_doc_analysis() -> None:
    text = "أعلنت الحكومة اليوم أن الانسحاب يكتمل بحلول أيلول 2026."
    doc = Document("d_x", "x.txt", 0, "t", None, Published("2024-09-28", "day"), "ar", text)
    da = DocAnalysis(doc)
    annotate(da)
    assert [(t.text, t.value, t.doc) for t in da.timex] == [("اليوم", "2024-09-28", "d_x"), ("أيلول 2026", "2026-09", "d_x")]
    en = Document("d_y", "y.txt", 0, "t", None, Published("2024-09-28", "day"), "en", text)
    da_en = DocAnalysis(en)
    annotate(da_en)
    assert da_en.timex == []


def test_dev_set_is_well_formed() -> None:
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "timex_dev.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = [g for r in rows for g in r["gold"]]
    assert len(gold) >= 200
    assert any(not r["gold"] for r in rows)  # negative sentences
    for r in rows:
        for g in r["gold"]:
            assert r["text"][g["start"] : g["end"]] == g["text"]
            assert g["type"] in {"DATE", "TIME", "DURATION", "SET"}


def test_output_is_deterministic() -> None:
    text = "وقع الهجوم مساء أمس وقبل عامين وفي 5 حزيران 2021 وسنويا"
    assert tag(text, DCT) == tag(text, DCT)


def test_following_year_counts_from_the_year_just_named() -> None:
    from rasd.annotators.time import tag

    text = "سيغادر نصف الجنود بحلول أيار 2025، ويغادر الباقون بحلول نهاية العام التالي"
    found = {t.text: t for t in tag(text, "2024-03-10")}
    following = found["نهاية العام التالي"]
    assert (following.value, following.mod, following.anchor) == ("2026", "END", "previous")
    assert following.deadline


def test_following_year_without_an_earlier_time_counts_from_the_article_date() -> None:
    from rasd.annotators.time import tag

    [t] = tag("وتوقع الوزير أن تبدأ المرحلة الثانية في العام التالي", "2024-03-10")
    assert (t.value, t.anchor) == ("2025", "dct")


def test_following_month_counts_from_the_month_just_named() -> None:
    from rasd.annotators.time import tag

    found = {t.text: t.value for t in tag("وصل الوفد في آب 2020 وعاد في الشهر التالي", "2024-09-07")}
    assert found["الشهر التالي"] == "2020-09"


def test_bare_weekday_of_the_publication_day_is_that_day_even_in_future_context() -> None:
    from rasd.annotators.time import tag

    # 2024-09-07 is a Saturday; the reported clause is future tense
    [t] = tag("أبلغ مسؤول كبير الصحيفة، السبت، أن الخطة ستنفذ على مراحل", "2024-09-07")
    assert t.value == "2024-09-07"
    # an explicit المقبل still means next week
    [n] = tag("وسيعقد الاجتماع السبت المقبل", "2024-09-07")
    assert n.value == "2024-09-14"
    # another weekday in a future sentence is the coming one
    [w] = tag("وسيصل الوفد الثلاثاء", "2024-09-07")
    assert w.value == "2024-09-10"


EDGE_RELATIVE = ["غدا", "أمس", "الأسبوع الماضي", "الأسبوع المقبل", "بعد عامين", "قبل 5 سنوات", "قبل 5 أيام",
                 "بعد 3 أشهر", "الشهر الماضي", "العام المقبل", "السبت المقبل", "الجمعة الماضية", "مساء الغد",
                 "منذ ثلاثة أشهر", "الصيف الماضي", "شهر رمضان المقبل", "في 12 ربيع الأول 1445 هـ"]  # fmt: skip


@pytest.mark.parametrize("dct", ["9999-12-31", "9999-12", "9999", "0001-01-01", "0001-01", "0001"])
@pytest.mark.parametrize("text", EDGE_RELATIVE)
def test_relative_expressions_at_the_calendars_edges_never_raise(text: str, dct: str) -> None:
    """A DCT on 9999-12-31 or 0001-01-01 moves off the calendar: the expression is still
    found, its value is None (never a traceback, never a year of five digits or below 1)."""
    found = tag(f"وقال المسؤول إن الوفد وصل {text}", dct)
    assert found, text
    for t in found:
        for v in (t.value, t.range_end):
            assert v is None or re.match(r"-|\d{5}|0000", v) is None, v


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("غدا", "9999-12-31", None),
        ("مساء الغد", "9999-12-31", None),
        ("الأسبوع المقبل", "9999-12-31", None),
        ("بعد عامين", "9999-12-31", None),
        ("العام المقبل", "9999-06-01", None),
        ("أمس", "9999-12-31", "9999-12-30"),
        ("أمس", "0001-01-01", None),
        ("الأسبوع الماضي", "0001-01-01", None),
        ("قبل 5 سنوات", "0001-01-01", None),
        ("العام الماضي", "0001-05-01", None),
        ("غدا", "0001-01-01", "0001-01-02"),
        ("الأسبوع المقبل", "0001-01-01", "0001-W02"),
    ],
)
def test_values_off_the_calendar_are_none(text: str, dct: str, value: str | None) -> None:
    assert one(text, dct).value == value


@pytest.mark.parametrize("later", ["بعد 3000000 يوم", "بعد 500000 أسبوع", "بعد 100000 شهر", "بعد 9000 عام"])
def test_counting_on_from_a_named_day_past_the_calendar_is_none(later: str) -> None:
    """"اعتقل في … وأحيل بعد N": N counts from the day just named; past 9999 it has no value."""
    found = {t.text: t.value for t in tag(f"اعتقل في 30 كانون الأول 2024 وأحيل {later}", DCT)}
    assert found == {"30 كانون الأول 2024": "2024-12-30", later: None}
    assert {t.text: t.value for t in tag("اعتقل في 30 كانون الأول 2024 وأحيل بعد يومين", DCT)}["بعد يومين"] == "2025-01-01"


# --------------------------------------------------------------------------- real-news rules
# (docs/realnews_gold.md, Time and decisions 10-13; sentences written for these tests)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("وستواصل اللجنة عملها خلال الفترة المقبلة", "الفترة المقبلة", "FUTURE_REF"),
        ("تراجعت الأسعار في الفترة الماضية", "الفترة الماضية", "PAST_REF"),
        ("أعلن النادي في وقت سابق تعاقده مع المدرب", "وقت سابق", "PAST_REF"),
        ("ستصل التعزيزات خلال الساعات القليلة المقبلة", "الساعات القليلة المقبلة", "FUTURE_REF"),
    ],
)
def test_vague_periods_of_decision_11(text: str, span: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.type, t.value) == (span, "DATE", value)


def test_since_count_is_a_duration_unless_a_start_is_placed() -> None:
    assert values("ظل المصنع مغلقا منذ خمسة أعوام") == [("منذ خمسة أعوام", "DURATION", "P5Y")]
    assert values("بدأت المحادثات منذ ثلاثة أشهر") == [("منذ ثلاثة أشهر", "DATE", "2024-06")]


def test_ages() -> None:
    t = one("أوقفت الشرطة مواطنا أربعيني")
    assert (t.text, t.type, t.value, t.mod) == ("أربعيني", "DURATION", "P40Y", "EQUAL_OR_MORE")
    t = one("توفيت امرأة في العقد السادس من العمر")
    assert (t.text, t.value, t.mod) == ("العقد السادس من العمر", "P50Y", "EQUAL_OR_MORE")


def test_clock_time_takes_the_day_named_before_it() -> None:
    assert values("افتتح المعرض صباح أمس عند الساعة التاسعة صباحا") == [
        ("صباح أمس", "TIME", "2024-09-27TMO"),
        ("الساعة التاسعة صباحا", "TIME", "2024-09-27T09:00"),
    ]
    assert values("بلغ السعر ذروته أمس عند الساعة 1430 بتوقيت جرينتش")[-1] == (
        "الساعة 1430 بتوقيت جرينتش", "TIME", "2024-09-27T14:30",
    )
    # an agency footer's clock time is the dispatch time on the publication day
    assert values("وصل الوفد إلى العاصمة. // انتهى // 18:05 ت م") == [("18:05", "TIME", "2024-09-28T18:05")]
    assert one("يبدأ الدوام عند الساعة الثامنة").value == "XXXX-XX-XXT08:00"  # no day named


def test_numeric_hijri_dates_and_day_ranges() -> None:
    t = one("تبدأ الدورة في 5/4/1446هـ")
    assert (t.text, t.value, t.calendar, t.original) == ("5/4/1446هـ", "2024-10-08", "hijri", "1446-04-05")
    assert values("تقام البطولة من 3 حتى 9 /4 /1446هـ") == [
        ("3", "DATE", "2024-10-06"),
        ("9 /4 /1446هـ", "DATE", "2024-10-12"),
    ]


def test_weekday_with_explicit_date_is_one_expression() -> None:
    t = one("يغلق باب التسجيل يوم الأحد الموافق 6/4/1446هـ")
    assert (t.text, t.value) == ("يوم الأحد الموافق 6/4/1446هـ", "2024-10-09")
    t = one("يسافر المنتخب بعد غد (الاثنين)")
    assert (t.text, t.value) == ("بعد غد (الاثنين)", "2024-09-30")


def test_day_with_definite_article_and_part_of_day_head() -> None:
    t = one("تقام النهائيات في الـ15 من أكتوبر المقبل")
    assert (t.text, t.value) == ("الـ15 من أكتوبر المقبل", "2024-10-15")
    t = one("تقام المباراة مساء يوم الخميس الـ3 من أكتوبر المقبل")
    assert (t.text, t.type, t.value) == ("مساء يوم الخميس الـ3 من أكتوبر المقبل", "TIME", "2024-10-03TEV")


def test_today_with_contradicting_weekday_wins_and_moves_the_article_day() -> None:
    # DCT is a Saturday: the article was written on Thursday
    assert values("اجتمع المجلس اليوم الخميس. وقال الرئيس إن اجتماع اليوم كان مثمرا") == [
        ("اليوم الخميس", "DATE", "2024-09-26"),
        ("اليوم", "DATE", "2024-09-26"),
    ]


def test_hijri_month_without_year() -> None:
    t = one("صدر القرار في العاشر من شهر صفر الماضي")
    assert (t.value, t.calendar, t.original) == ("2024-08-14", "hijri", "1446-02-10")
    t = one("تنطلق الحملة مطلع شهر ربيع الآخر المقبل")  # decision 13: a month alone is null
    assert (t.text, t.value, t.mod) == ("مطلع شهر ربيع الآخر المقبل", None, "START")


def test_number_lists_are_separate_durations() -> None:
    assert values("تتوقع الشركة الأرباح في ثلاثة وستة أشهر") == [
        ("ثلاثة", "DURATION", "P3M"),
        ("ستة أشهر", "DURATION", "P6M"),
    ]
    assert values("عمل في الشركة خمسة وعشرين عاما") == [("خمسة وعشرين عاما", "DURATION", "P25Y")]


def test_counted_from_now_and_from_an_event() -> None:
    assert values("يعود اللاعب بعد ثلاثة أسابيع من الآن") == [("بعد ثلاثة أسابيع من الآن", "DATE", "2024-10-19")]
    t = one("وقع الانفجار بعد عامين تقريبا على الحادث الأول")
    assert (t.text, t.type, t.value, t.mod) == ("عامين تقريبا", "DURATION", "P2Y", "APPROX")


def test_month_and_day_named_before() -> None:
    assert values("تبدأ المرحلة في الثالث من نوفمبر المقبل وتنتهي في العاشر من الشهر نفسه") == [
        ("الثالث من نوفمبر المقبل", "DATE", "2024-11-03"),
        ("العاشر من الشهر نفسه", "DATE", "2024-11-10"),
    ]
    assert values("وصل الوفد يوم 12 أكتوبر الماضي وغادر في اليوم التالي")[-1] == ("اليوم التالي", "DATE", "2023-10-13")


def test_family_name_is_not_a_set() -> None:
    assert values("سجل الهدف اللاعب فهد الشهري") == []
    assert values("تسلم الموظفون الراتب الشهري") == [("الشهري", "SET", "P1M")]
    assert values("تعقد الجمعية اجتماعها السنوي") == [("السنوي", "SET", "P1Y")]


def test_year_chains_proclitic_digits_and_yesterday_words() -> None:
    assert values("توج الفريق باللقب عام 2008 ثم 2011") == [("عام 2008", "DATE", "2008"), ("2011", "DATE", "2011")]
    assert values("استمر المعسكر ل١٥ يوما") == [("١٥ يوما", "DURATION", "P15D")]
    assert values("عاد الصيادون البارحة الأولى") == [("البارحة الأولى", "DATE", "2024-09-26")]


def test_relative_values_on_an_estimated_date_are_less_sure() -> None:
    from rasd.annotators.time import ESTIMATED_DCT_CONFIDENCE, annotate
    from rasd.models import DocAnalysis, Document, Published

    text = "أعلنت البلدية يوم الأحد 2 أغسطس 2015 افتتاح الحديقة، وقالت إن العمل انتهى أمس."
    for method, conf in (("content", 0.25), ("dateline", 0.9)):
        doc = Document(id="d", source="s", part=0, title="", outlet=None, language="ar", text=text,
                       published=Published(value="2015-08-02", precision="day", method=method, confidence=conf))
        da = DocAnalysis(doc=doc)
        annotate(da)
        yesterday = next(t for t in da.timex if t.text == "أمس")
        absolute = next(t for t in da.timex if "2015" in t.text)
        assert yesterday.value == "2015-08-01"
        if method == "content":
            assert yesterday.confidence <= ESTIMATED_DCT_CONFIDENCE
            assert absolute.confidence > ESTIMATED_DCT_CONFIDENCE  # a written date does not rest on the estimate
        else:
            assert yesterday.confidence > ESTIMATED_DCT_CONFIDENCE
