"""Quote rules of the rn1530 round (docs/benchmarks/realnews_fresh.md, "Quotes, batch
rn1530–rn1537").

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes

from rasd.annotators.quotes.marks import quote_pairs

_FIRST = "قال مدير المرور سعد الحربي إن الحملة ستستمر. "


def test_participle_after_kana_is_its_predicate() -> None:
    # "لم يكن متوقعا" is an adjective of the clause: no second quote cuts the first one short
    got = _quotes("وقال وزير المالية خالد العمري، إن حجم الخسائر في الميناء لم يكن متوقعاً، لا سيما في "
                  "المخازن الكبيرة، مبينا أن الإصلاح سيحتاج أشهرا.")  # fmt: skip
    assert [c for c, _, _ in got] == ["قال", "مبينا"]
    assert got[0][2] == "حجم الخسائر في الميناء لم يكن متوقعاً، لا سيما في المخازن الكبيرة"


def test_title_before_a_short_name_is_the_named_spokesman() -> None:
    # "متحدث هلال الجوف" shortens the title written before the name: the name speaks, and the
    # participle after it goes on with him
    got = _quotes("وذكر المتحدث الإعلامي لهيئة الهلال الأحمر بمنطقة الجوف محمد بن سعد الغامدي أن الفرق "
                  "باشرت عشرين حادثا. وأضاف متحدث هلال الجوف أن معظم الحوادث وقعت ليلا، مشيرا إلى أن "
                  "الإصابات كانت بسيطة.")  # fmt: skip
    assert [sp for _, sp, _ in got] == ["محمد بن سعد الغامدي"] * 3


def test_name_quoted_inside_a_straight_quotation() -> None:
    # straight marks around a short name inside an open quotation pair with each other; the
    # quotation goes on to its own closing mark, and a cue inside it is part of the speech
    text = ('وقال الوزير سالم الحربي "الجماعة تحاول إقناع العالم بأن تنظيم "داعش" يعمل هنا بسبب '
            '"الحرب الطويلة" وقد أعلنت الشرطة عن ضبط خلية تدعي أنها منه". وأضاف "الجميع يعرف الحقيقة الآن".')  # fmt: skip
    pairs = {text[o + 1 : c] for o, c in quote_pairs(text)}
    assert {"داعش", "الحرب الطويلة", "الجميع يعرف الحقيقة الآن"} <= pairs
    got = _quotes(text)
    assert [(c, sp) for c, sp, _ in got] == [("قال", "سالم الحربي"), ("أضاف", "سالم الحربي")]
    assert got[0][2].endswith("ضبط خلية تدعي أنها منه")


def test_straight_quotations_side_by_side_still_pair_in_order() -> None:
    # control: two quotations one after the other are two pairs, none nested
    text = 'وقال "نحن جاهزون للموسم" ثم أضاف "سنقاتل على اللقب".'
    assert [text[o + 1 : c] for o, c in quote_pairs(text)] == ["نحن جاهزون للموسم", "سنقاتل على اللقب"]


def test_request_from_a_plural_then_the_action() -> None:
    # "طلب من اللاعبين التركيز": a definite word that does not end in ين is no adjective of the
    # plural asked, it is the action asked for (realnews E3)
    got = _quotes("قال مدير النادي سعد الحربي إن الفريق جاهز. وطلب الحربي من اللاعبين التركيز في المباراة المقبلة.")
    assert got[1] == ("طلب", "سعد الحربي", "التركيز في المباراة المقبلة")


def test_appeal_with_the_action_and_no_preposition() -> None:
    # "ناشد X ضرورة …" (decision 1: the action called for), with or without بـ
    for text in (_FIRST + "وناشد الحربي السائقين ضرورة الالتزام بالسرعة.",
                 _FIRST + "وناشد الحربي السائقين بضرورة الالتزام بالسرعة."):  # fmt: skip
        got = _quotes(text)
        assert got[1][:2] == ("ناشد", "سعد الحربي")
        assert got[1][2].endswith("ضرورة الالتزام بالسرعة")


def test_appeal_with_a_clause_is_unchanged() -> None:
    # control: "ناشد X أن …" reads the clause after أن, as before
    got = _quotes(_FIRST + "وناشد الحربي السائقين أن يلتزموا بالسرعة.")
    assert got[1] == ("ناشد", "سعد الحربي", "يلتزموا بالسرعة")
