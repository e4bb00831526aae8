"""Reports that found no event on dev, second round (issue 13): قد before a past verb asserts,
a verbal noun names with its pronoun the one it was done to, and a fire or a collision that
opens the article is its news even with neither date nor place of its own."""

from __future__ import annotations

from test_events import make_da, words

from rasd.annotators.events import BACKGROUND, extract, find_triggers, imperfect


def _hits(text: str) -> list[tuple[str, str]]:
    return [(h.trigger.type, text[h.start : h.end]) for h in find_triggers(words(text))]


def test_qad_before_a_past_verb_says_it_happened() -> None:
    (ev,) = extract(make_da("أفادت مصادر محلية بأن القافلة قد تعرضت لهجوم مسلح قرب البلدة."))
    assert (ev.trigger, ev.modality) == ("تعرضت لهجوم", "happened")
    (ev,) = extract(make_da("ذكرت الشرطة أن الحارس قد تم اختطافه من أمام المصنع."))
    assert (ev.type, ev.modality) == ("ATTACK", "happened")


def test_qad_before_an_imperfect_verb_is_a_maybe() -> None:
    (ev,) = extract(make_da("حذر المسؤول من أن العصابة قد تستهدف نقاط التفتيش على الحدود."))
    assert ev.modality == "expected"


def test_imperfect_reading_of_the_word_after_qad() -> None:
    assert [imperfect(w) for w in words("يكون تؤدي نرى تم تعرضت قتل")] == [True, True, True, False, False, False]


def test_verbal_noun_with_its_pronoun_is_a_trigger() -> None:
    assert _hits("تسبب منشور ساخر في اعتقاله داخل المطار") == [("ARREST", "اعتقاله")]
    assert _hits("طالبت الأسرة بالكشف عن مصير ابنها بعد اختطافهم له") == [("ATTACK", "اختطافهم")]
    # ة is written ت before the pronoun: مداهمة → مداهمته
    assert _hits("ضبطت الدوريات المستودع بعد مداهمته فجرا") == [("ATTACK", "مداهمته")]


def test_a_possessive_on_an_unmarked_noun_is_no_trigger() -> None:
    # "its founding", "his meeting": the pronoun is the owner, an event told before or none
    assert _hits("احتفلت الجمعية بمرور عشرين عاما على تأسيسها") == []
    assert _hits("أشاد الوزير بنتائج اجتماعه الأول") == []


def test_lead_noun_told_again_leaves_the_background() -> None:
    text = (
        "تمكنت فرق الإطفاء من إخماد حريق شب بمخزن للأخشاب. "
        "وأوضح المتحدث أن الحريق لم يسفر عن إصابات، وأن التحقيق جار لمعرفة أسبابه."
    )
    first, *_ = extract(make_da(text))
    assert first.trigger == "حريق" and first.confidence > BACKGROUND


def test_lone_lead_noun_stays_background() -> None:
    (ev,) = extract(make_da("نظمت الجمعية حملة توعوية للوقاية من التسمم في المدارس."))
    assert ev.confidence <= BACKGROUND


def test_background_noun_after_the_lead_stays_background() -> None:
    text = "افتتح المحافظ مبنى الإطفاء الجديد في الحي الشمالي. وتحدث عن حريق شب قبل أعوام في المخازن القديمة."
    (ev,) = extract(make_da(text))
    assert ev.trigger == "حريق" and ev.confidence <= BACKGROUND
