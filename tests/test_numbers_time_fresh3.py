"""Quantities and time: the rules added for the fresh real-news batch rn460–rn471.

Like rn420–rn431, that batch is an ordinary news mix (no filter towards numbers);
docs/benchmarks/realnews_fresh.md ("Batch rn460–rn471") lists its error classes. Every
sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import counts, timexes

DCT = "2015-08-11"  # a Tuesday


def _q(text: str, dct: str = DCT) -> list[tuple[float | None, float | None, str | None]]:
    """(value, value_max, object) of every count, read after the time tagger as the pipeline does."""
    return [(q.value, q.value_max, q.object) for q in counts(text, dct)]


def _t(text: str, dct: str = DCT) -> list[tuple[str, str, str | None]]:
    return timexes(text, dct)


# --------------------------------------------------------------------------- quantities


def test_definite_participle_in_in_is_a_plural_not_a_dual() -> None:
    # المحركين، المصنعين (مُفعِّل): people, not two engines or two factories
    assert _q("وحذر الخبير من الممولين والمحركين للشبكات في الخارج") == []
    assert _q("ويسمح النظام للمصنّعين بتعديل برامجهم") == []


def test_faail_participle_plural_after_a_number_is_its_object() -> None:
    # فائزين begins with ف, a root letter here, not the conjunction
    assert _q("تأهل إلى النهائي 7 فائزين من المرحلة الأولى") == [(7.0, None, "فائز")]


def test_sound_plural_in_at_of_a_masculine_noun() -> None:
    assert _q("تتوزع المسابقة على 6 مجالات رئيسية") == [(6.0, None, "مجال")]


def test_half_with_its_own_scale_word() -> None:
    got = _q("وصلت قيمة الجوائز إلى مليون ونصف المليون ريال")
    assert got == [(1500000.0, None, "ريال")]


def test_scale_after_a_number_glued_to_its_article_is_a_restatement() -> None:
    text = "خصص الصندوق 400 مليون دولار للمشروع، وستصرف الـ400 مليون دولار على مراحل"
    assert _q(text) == [(400000000.0, None, "دولار")]


def test_waahid_meaning_the_same_is_no_count() -> None:
    assert _q("وقفت الإدارة على مسافة واحدة من كل المرشحين") == []
    assert _q("تعامل المدرب مع اللاعبين من منطلق واحد") == []
    assert _q("سجل اللاعب مرة واحدة فقط") == [(1.0, None, "مرة")]


def test_dual_of_a_listed_feminine_noun_after_a_preposition() -> None:
    assert _q("تدرب الفريق على اللعب من لمستين") == [(2.0, None, "لمسة")]


def test_definite_vague_amount_takes_no_prepositional_object() -> None:
    got = _q("وأصيب المئات بجروح متفاوتة في الانفجار")
    assert got and all(o is None for _, _, o in got)
    assert _q("وانضم العشرات من المتطوعين إلى الحملة")[0][2] == "متطوع"


def test_vague_amount_of_them_counts_no_written_noun() -> None:
    assert _q("ونجح العشرات منهم في الفرار") == []


# --------------------------------------------------------------------------- time


def test_day_of_the_current_month() -> None:
    assert _t("يلعب الفريق مباراته الأولى في 20 الجاري على ملعبه") == [("20 الجاري", "DATE", "2015-08-20")]


def test_definite_plural_unit_with_a_spaced_number() -> None:
    assert _t("سجلت الهيئة خلال الأيام الـ 5 الماضية عشرات البلاغات") == [
        ("الأيام الـ 5 الماضية", "DURATION", "P5D")
    ]


def test_year_after_year_is_a_set() -> None:
    assert _t("ويزداد عدد الزوار عاما بعد عام") == [("عاما بعد عام", "SET", "P1Y")]
    assert _t("وتتحسن النتائج يومًا بعد يوم") == [("يومًا بعد يوم", "SET", "P1D")]


def test_passing_of_a_unit_since_an_event_is_a_duration() -> None:
    assert _t("لا يسمح بالتسجيل إلا بعد مضي شهر على انتهاء الموسم") == [("شهر", "DURATION", "P1M")]


def test_two_years_joined_by_waw_after_a_dual_year_word() -> None:
    got = _t("فاز المنتخب باللقب في عامي 2007 و2011")
    assert [(t, v) for t, _, v in got] == [("عامي 2007", "2007"), ("2011", "2011")]
    ranged = _t("نما الإنتاج بين عامي 2007 و2011")
    assert [(t, v) for t, _, v in ranged] == [("عامي 2007", "2007"), ("2011", "2011")]  # a range: one per end


def test_for_a_long_while_is_a_duration_px() -> None:
    """Gold decision 20 (docs/realnews_gold.md) replaced the old reading (no time expression)."""
    assert _t("تعاني المدينة من انقطاع الكهرباء منذ فترة طويلة") == [("منذ فترة طويلة", "DURATION", "PX")]


def test_unit_glued_to_bi_after_qabl_and_an_event_is_the_margin() -> None:
    assert _t("وصل الوفد قبل بدء المؤتمر بأسبوع") == [("أسبوع", "DURATION", "P1W")]


def test_bare_weekday_in_a_sentence_opened_by_an_imperfect_verb_is_coming() -> None:
    assert _t("يفتتح الأمير المعرض الخميس في الرياض") == [("الخميس", "DATE", "2015-08-13")]
    assert _t("افتتح الأمير المعرض الخميس في الرياض") == [("الخميس", "DATE", "2015-08-06")]
    assert _t("يذكر أن الأمير افتتح المعرض الخميس") == [("الخميس", "DATE", "2015-08-06")]
