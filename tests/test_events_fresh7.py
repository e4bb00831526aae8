"""Happening words mined from the corpus (issue 13, seventh round): people trapped (the civil
defence's احتجاز: in a vehicle, a well, a lift), which is no arrest; vehicles held on a road by
floodwater, the flood's; a suffocation told with its verb; a heat death. Each is a trigger row
(events/triggers.tsv) or a manner of death (events/death_causes.txt) and a kind row
(story/kinds.tsv); people trapped in a sentence that tells the crash are the crash's
(story/kind_context.tsv)."""

from __future__ import annotations

from test_events import make_da, words

from rasd.annotators.events import extract, find_triggers
from rasd.story.reports import kind_in, kind_of, word_groups


def _hits(text: str) -> list[tuple[str, str]]:
    return [(h.trigger.type, text[h.start : h.end]) for h in find_triggers(words(text))]


def _kinds(text: str) -> set[tuple[str, str]]:
    return {(ev.type, kind_in(kind_of(ev)[0], word_groups(text))) for ev in extract(make_da(text))}


def test_people_trapped_are_no_arrest() -> None:
    text = "تلقى الدفاع المدني بلاغا عن احتجاز عاملين بداخل بئر في القرية فباشرت الفرق إخراجهما."
    assert _hits(text) == [("OTHER", "احتجاز عاملين بداخل بئر")]
    assert _kinds(text) == {("OTHER", "trapped")}
    # the rescuers' فك and a trapped case reported
    assert _hits("وصلت الفرق متأخرة لفك احتجاز العامل") == [("OTHER", "لفك احتجاز")]
    assert _hits("تبين وجود حالة احتجاز لرجل في المصعد") == [("OTHER", "حالة احتجاز")]
    # with an attached pronoun: احتجازه داخل مركبته
    assert _hits("قامت الفرق بإخراج السائق بعد احتجازه داخل مركبته") == [("OTHER", "احتجازه داخل مركبته")]


def test_detention_stays_an_arrest() -> None:
    assert _hits("قررت النيابة احتجاز المتهم في السجن أربعة أيام للتحقيق") == [("ARREST", "احتجاز")]
    assert _hits("احتجزت الشرطة السائق بعد الحادث") == [("ARREST", "احتجزت")]
    # hostages held in a hotel are a hostage-taking, not people trapped
    assert _hits("انتهت عملية احتجاز الرهائن في الفندق") == [("ATTACK", "عملية احتجاز الرهائن")]


def test_trapped_in_a_crash_is_the_crash() -> None:
    crash = "انقلبت سيارة على الطريق السريع وتم احتجاز قائد الشاحنة التي اصطدمت بها."
    kinds = _kinds(crash)
    assert kinds and {k for _, k in kinds} == {"wreck"}


def test_vehicles_held_by_floodwater_are_the_flood() -> None:
    text = "سالت الأودية فتسببت في قطع الطرق واحتجاز عدد من المركبات جنوب المنطقة."
    assert ("OTHER", "واحتجاز عدد من المركبات") in _hits(text)
    assert {k for _, k in _kinds(text)} == {"flood"}


def test_suffocation_told_with_its_verb() -> None:
    assert _kinds("قالت الشرطة إن عاملا اختنق داخل صهريج فارغ في المصنع أمس.") == {("OTHER", "death")}
    # traffic that "chokes" is told in the feminine: no trigger
    assert _hits("اختنقت الشوارع بالسيارات مساء الخميس") == []


def test_heat_death_needs_a_death_word() -> None:
    (ev,) = extract(make_da("توفي عامل أمس نتيجة ارتفاع درجات الحرارة في موقع البناء بالمدينة."))
    assert (ev.type, ev.modality, kind_of(ev)[0]) == ("OTHER", "happened", "death")
    # flights delayed by the heat: no happening
    assert extract(make_da("تأخرت رحلات عدة أمس بسبب ارتفاع درجات الحرارة في المطار.")) == []


def test_suffocation_with_whose_it_was() -> None:
    (ev,) = extract(make_da("لقي عاملان مصرعهما إثر اختناقهما داخل خزان في المصنع أمس."))
    assert (ev.type, kind_of(ev)[0]) == ("OTHER", "death")
