"""Issue 12, batch rn1590–rn1597 (docs/benchmarks/realnews_fresh.md, "Quantities and time, batch
rn1590–rn1597"): ``أحد`` + a plural that was not listed, the construct dual of ``دورية`` (a patrol),
the anaphoric ``الرجلان`` and ``الفارط/الفارطة`` ("past"). Every sentence here was written for these tests.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-01"
_q, _t = readers(DCT)


def test_one_of_a_newly_listed_plural() -> None:
    """``plurals.tsv``: أسماك، أمواج، مخارج; ``objects.tsv``: ``سمكة قرش`` (a kind, F5)."""
    assert _q("هاجم أحد أسماك القرش غواصا قرب الشاطئ.") == [("أحد", 1.0, None, "سمكة قرش")]
    assert _q("انقلب القارب تحت أحد الأمواج العالية.") == [("أحد", 1.0, None, "موجة")]
    assert _q("أغلقت الشرطة أحد المخارج الرئيسية للمدينة.") == [("أحد", 1.0, None, "مخرج")]


def test_one_of_stays_out_of_superlatives() -> None:
    """Control (decision 9): ``أحد أبرز`` picks no member."""
    assert _q("يعد الميناء أحد أبرز المخارج التجارية في البلاد.") == []


def test_dual_patrols() -> None:
    """``objects.tsv`` دورية: a construct dual before its genitive, and a dual with its adjective."""
    assert _q("أضرم المحتجون النار في دوريتي شرطة قرب السوق.") == [("دوريتي", 2.0, None, "دورية")]
    assert _q("طاردت دوريتان أمنيتان السيارة المسروقة.") == [("دوريتان", 2.0, None, "دورية")]


def test_periodic_meetings_count_nothing() -> None:
    """Control: ``دورية`` the adjective ("periodic") after a plural is no count."""
    assert _q("تعقد اللجنة اجتماعات دورية مع المستثمرين.") == []


def test_the_two_men_refer_back() -> None:
    """``anaphoric_duals.txt`` رجل: ``الرجلان`` after two people named is no count (decision 7)."""
    assert _q("وصل سالم وخالد إلى القرية، وتحدث الرجلان عن رحلتهما.") == []


def test_two_men_indefinite_still_count() -> None:
    """Control: an indefinite dual states a number."""
    assert _q("اعتقلت الشرطة رجلين مسلحين قرب البنك.") == [("رجلين", 2.0, None, "رجل")]


def test_the_past_days_farit() -> None:
    """``relative_words.tsv`` الفارط/الفارطة: "past", as الماضي/الفائت."""
    assert _t("تحسنت الأسعار خلال الأيام الفارطة.") == [("الأيام الفارطة", "DATE", "PAST_REF")]
    assert _t("ارتفعت الصادرات في الشهر الفارط.") == [("الشهر الفارط", "DATE", "2015-07")]


def test_a_farit_word_alone_is_no_time() -> None:
    """Control: no calendar unit before it, no time expression."""
    assert _t("وصف الإنفاق بأنه مفرط وفارط.") == []
