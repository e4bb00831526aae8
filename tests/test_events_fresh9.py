"""Reports of a gold incident in which no event was found (issue 13, ninth round): an unnamed
resident's death told by what he is (توفي مواطن، لقي مقيم عربي مصرعه، وفاة مبتعث), harassment
told by its paraphrase aimed at someone (تصرفات غير لائقة تجاه سائحة), and an aircraft off the
runway described at length (تجاوزت طائرة الشحن … المدرج). Each with its control."""

from __future__ import annotations

from test_events import make_da
from test_events_fresh5 import _hits, _one

from rasd.annotators.events import extract


def test_unnamed_resident_death_told_by_what_he_is() -> None:
    death = ("OTHER", "happened", "death")
    assert _one("توفي مواطن في الأربعين من عمره بعد نزوله إلى قاع بئر بالقرية.") == death
    assert _one("لقي مقيم آسيوي يعمل في المزرعة مصرعه مساء أمس شرق المدينة.") == death
    assert _one("أكدت السفارة وفاة مبتعث في مدينة جامعية بعد أن عثر عليه في موقف السيارات.")[2] == "death"
    # the round-ups' bare شخص stays no happening
    assert extract(make_da("توفي شخص وأصيب ثلاثة آخرون في حوادث متفرقة أمس.")) == []
    # in a sentence naming an attack the death is the attack's toll, not a report of its own
    toll = extract(make_da("لقي مواطن مصرعه وأصيب اثنان في هجوم مسلح على نقطة تفتيش."))
    assert [e.type for e in toll] == ["ATTACK"]
    # a factor (عامل) with no death word before it is no death
    assert _hits("قال الخبير إن الطقس عامل مهم في وفرة المحصول") == []


def test_harassment_told_by_its_paraphrase() -> None:
    text = "أظهر تسجيل مصور رجلا بدرت منه تصرفات غير لائقة تجاه سائحة عند مدخل الحديقة."
    assert _one(text)[:2] == ("ATTACK", "happened")
    assert _one("رصدت الشرطة مجموعة من الشباب قاموا بتصرفات غير لائقة بحق امرأتين قرب السوق.")[0] == "ATTACK"
    # conduct blamed in general, aimed at nobody, is no happening
    assert extract(make_da("قال المدرب إن اللاعب قام بتصرفات غير لائقة خلال المباراة.")) == []


def test_aircraft_off_the_runway_described_at_length() -> None:
    text = "تجاوزت طائرة ركاب تقل مئة وعشرين راكبا المدرج بسبب الأمطار الغزيرة."
    assert _one(text) == ("OTHER", "happened", "wreck")
    # seats sold past a share of the stands are no aircraft
    assert _hits("تجاوزت مبيعات التذاكر نصف المدرجات في الملعب") == []
