"""Regression tests for quote patterns met on the fresh dev batch rn360–rn371.

The sentences are our own, written to show each pattern; the articles are not copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_time_clause_after_the_cue_is_no_speaker() -> None:
    got = _quotes("وكان المدرب سالم العتيبي قد قال حين وصل إلى النادي «أريد أن أبني فريقا قويا».")
    assert [sp for _, sp, _ in got] == ["سالم العتيبي"]


def test_oblique_plural_after_a_calling_verb_is_the_addressee() -> None:
    got = _quotes("وتحدثت صحيفة النهار عن أزمة المياه ودعت المواطنين إلى ترشيد الاستهلاك، وأضافت: «الوضع صعب هذا الصيف».")
    assert [(cue, sp) for cue, sp, _ in got] == [("دعت", "صحيفة النهار"), ("أضافت", "صحيفة النهار")]
    assert got[0][2].startswith("ترشيد")


def test_linking_words_then_a_cue_end_the_content() -> None:
    got = _quotes("وحذرت البعثة الكندية من أن المؤتمر قد يكون هدفا للمخربين، من جهته قال رئيس الوزراء سالم العلي: "
                  "إن المؤتمر سيعقد في موعده.")  # fmt: skip
    assert [(sp, c) for _, sp, c in got] == [
        ("البعثة الكندية", "المؤتمر قد يكون هدفا للمخربين"),
        ("سالم العلي", "المؤتمر سيعقد في موعده"),
    ]


def test_qad_after_a_comma_does_not_split_an_attribution() -> None:
    got = _quotes('وبحسب "رويترز"، فقد ذكر محللون من كبار البنوك في استطلاع أن الأسعار ستتراجع هذا العام.')
    assert [cue for cue, _, _ in got] == ["ذكر"]


def test_ibban_is_the_preposition_during() -> None:
    got = _quotes("وتأخر تسجيل اللاعب إبان انتقاله من النادي التركي بعد أن تعذر وصول بطاقته.")
    assert got == []


def test_columnist_first_person_is_no_quote() -> None:
    got = _quotes("الإدارة الجديدة تحتاج إلى المال، أقول عليه أن يدعم النادي إذا أراد النجاح.")
    assert got == []


def test_activists_are_a_source_after_hasab() -> None:
    got = _quotes("وحسب نشطاء فإن المعتقلين نقلوا إلى سجن آخر في شمال المدينة.")
    assert [(cue, sp) for cue, sp, _ in got] == [("حسب", "نشطاء")]


def test_call_for_the_need_with_a_glued_lam() -> None:
    got = _quotes("ودعا نائب الرئيس، خلال اجتماعه مع قادة الأجهزة، لضرورة تكثيف الجهود في مواجهة الأزمة.")
    assert [(cue, sp) for cue, sp, _ in got] == [("دعا", "نائب الرئيس")]
    assert "تكثيف الجهود" in got[0][2]


def test_colon_of_a_clock_time_opens_no_statement() -> None:
    got = _quotes("وسترفع الأعلام في مئة موقع نقلت إلى الدولة الجارة بعد منتصف الليل (18:01 بتوقيت غرينتش).")
    assert got == []
