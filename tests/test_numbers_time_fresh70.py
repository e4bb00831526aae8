"""Gold decisions 20 and 21 (issue 12; docs/realnews_gold.md, docs/benchmarks/realnews_fresh.md):
a long stretch up to now with no number (``منذ فترة طويلة`` and kin) is a DURATION ``PX``, and quarterly
words (``فصلي``, ``الفصلية``, ``الربع سنوي``) on a per-period measure are a SET ``P3M``.
Every sentence here was written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-04"
_q, _t = readers(DCT)


def test_a_long_stretch_up_to_now_is_a_duration_px() -> None:
    """``time/vague.tsv`` gives these phrases the value ``PX``; ``handlers._h_vague`` reads a duration
    value as a DURATION (decision 20; ``منذ زمن طويل`` was PAST_REF)."""
    assert _t("ويتوقع المراقبون منذ فترة طويلة أن تتغير خطة النقل.") == [("منذ فترة طويلة", "DURATION", "PX")]
    assert _t("والمشروع مطروح منذ وقت طويل دون أن ينفذ.") == [("منذ وقت طويل", "DURATION", "PX")]
    assert _t("وقد عرفت القرية هذه العادة منذ زمن طويل.") == [("منذ زمن طويل", "DURATION", "PX")]
    assert _t("ويستعد الفريق لهذه البطولة منذ مدة طويلة.") == [("منذ مدة طويلة", "DURATION", "PX")]


def test_a_stretch_without_long_is_no_duration() -> None:
    """Controls: ``منذ زمن`` alone stays PAST_REF; ``منذ فترة`` alone is no PX duration; a counted
    stretch keeps its count."""
    assert _t("وقد عرفت القرية هذه العادة منذ زمن.") == [("منذ زمن", "DATE", "PAST_REF")]
    assert all(x[1] != "DURATION" for x in _t("وسمعنا بهذا الخبر منذ فترة ثم نسيناه."))
    assert _t("ويستعد الفريق لهذه البطولة منذ ثلاث سنوات.")[0][1:] == ("DURATION", "P3Y")


def test_quarterly_words_are_a_set_of_three_months() -> None:
    """``time/sets.tsv``: ``فصلي/فصلية`` with or without the article, the adverb ``فصليا`` and
    ``الربع سنوي`` (which read ``سنوي`` alone, P1Y) are P3M (decision 21)."""
    assert _t("وارتفع الدخل الفصلي للمصرف إلى عشرة ملايين.") == [("الفصلي", "SET", "P3M")]
    assert _t("وفي تقرير فصلي توقع البنك تراجع النمو.") == [("فصلي", "SET", "P3M")]
    assert _t("وأعلنت الشركة نتائجها الفصلية بعد الإغلاق.") == [("الفصلية", "SET", "P3M")]
    assert _t("وتوزع الشركة أرباحها على المساهمين فصليا.") == [("فصليا", "SET", "P3M")]
    assert _t("ونشرت الشركة تقريرها الربع سنوي للمساهمين.") == [("الربع سنوي", "SET", "P3M")]


def test_a_school_term_or_a_chapter_is_no_set() -> None:
    """Controls: ``الفصل`` (a school term, a book's chapter) and term exams (``not_time.txt``) are
    no recurring time; ``سنوي`` alone stays P1Y."""
    assert _t("وبدأ الفصل الدراسي الأول في المدارس.") == []
    assert _t("ويتناول الفصل الثالث من الكتاب تاريخ المدينة.") == []
    assert _t("وتبدأ الاختبارات الفصلية للطلاب في المدارس.") == []
    assert _t("ونشرت الشركة تقريرها السنوي للمساهمين.") == [("السنوي", "SET", "P1Y")]
