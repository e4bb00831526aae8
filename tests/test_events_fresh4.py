"""Happening words mined from the corpus (issue 13, fourth round): an emergency landing, an
animal attack, a death caused by what is no trigger, a harassment, rain that fell, a landmine,
a drowned body recovered, a terrorist act named as such, a suicide bomber, shells that fell,
clashes, a suicide, a brawl, an armed robbery. Each is a trigger row (events/triggers.tsv) and,
where its kind is new, a kind row (story/kinds.tsv); ambiguous words only in phrase forms."""

from __future__ import annotations

from test_events import make_da, words

from rasd.annotators.events import extract, find_triggers
from rasd.story.reports import kind_of


def _hits(text: str) -> list[tuple[str, str]]:
    return [(h.trigger.type, text[h.start : h.end]) for h in find_triggers(words(text))]


def _one(text: str) -> tuple[str, str, str]:
    (ev,) = extract(make_da(text))
    return ev.type, ev.modality, kind_of(ev)[0]


def test_emergency_landing() -> None:
    assert _one("هبطت طائرة تدريب عسكرية اضطراريا في مزرعة قرب القاعدة الجوية.") == (
        "OTHER",
        "happened",
        "landing",
    )
    assert _one("اضطرت الطائرة إلى هبوط اضطراري في مطار المدينة بعد عطل فني.")[2] == "landing"
    # the plain word is a descent of prices or a team's relegation, no happening
    assert _hits("سجلت الأسهم هبوطا حادا في ختام التداولات") == []


def test_animal_attack_is_its_own_kind() -> None:
    assert _one("ثور بري ينطح سائحة حاولت تصويره في المحمية.") == ("OTHER", "happened", "animal")
    assert _one("تعرض غواص لهجوم سمكة قرش قبالة الشاطئ الشمالي.")[2] == "animal"
    assert _one("نقل راع إلى المستشفى بعد لدغة ثعبان في الوادي.")[2] == "animal"


def test_death_caused_by_what_is_no_trigger() -> None:
    assert _one("ناقة سائبة تتسبب في وفاة ثلاثة من أسرة واحدة على طريق المحافظة.") == (
        "OTHER",
        "happened",
        "death",
    )
    # with a crash trigger in the sentence the death is the crash's toll
    ev = extract(make_da("تسبب انقلاب شاحنة في وفاة سائقها على الطريق السريع."))
    assert [e.type for e in ev] == ["OTHER"] and kind_of(ev[0])[0] == "wreck"


def test_harassment_told_as_a_case() -> None:
    assert _one("قبضت الشرطة على شابين بعد واقعة التحرش بفتاة في الممشى.")[0] in ("ATTACK", "ARREST")
    assert _hits("تحرش ثلاثة شبان بفتاة أمام المجمع") == [("ATTACK", "تحرش ثلاثة شبان بفتاة")]
    # the phenomenon discussed is no case
    assert _hits("ناقشت الندوة ظاهرة التحرش في أماكن العمل") == []


def test_rain_that_fell_is_a_flood_kind_and_a_forecast_is_not() -> None:
    assert _one("هطلت أمطار غزيرة على القرى الجبلية مساء أمس.")[2] == "flood"
    assert _hits("توقعت الأرصاد هطول أمطار رعدية على المرتفعات") == []


def test_landmine() -> None:
    assert _one("قتل جنديان عندما مرت مركبتهما فوق لغم في الطريق الصحراوي.")[0] == "ATTACK"
    assert _hits("أصيب راع بانفجار لغم أرضي قرب الحدود")[-1] == ("ATTACK", "لغم أرضي")
    assert _hits("تسلمت الفرق الهندسية خرائط حقول الألغام") == []


def test_drowned_body_recovered_is_a_drowning() -> None:
    assert _one("تمكنت فرق الدفاع المدني من انتشال غريق من بركة زراعية.")[2] == "drowning"


def test_terrorist_act_named_as_such() -> None:
    assert _one("أدان المجلس الحادث الإرهابي الذي هز المدينة أمس.")[0] == "ATTACK"
    assert _hits("استنكر الأهالي العمل الإرهابي الجبان") == [("ATTACK", "العمل الإرهابي")]
    assert _hits("وصف الوزير الحادث الإجرامي بأنه عمل جبان")[0] == ("ATTACK", "الحادث الإجرامي")
    # the indefinite is mostly generic: a fear, a definition, no one act
    assert _hits("حذر الخبراء من احتمال وقوع عمل إرهابي في المواسم") == []


def test_suicide_bomber_and_not_dawn() -> None:
    assert _hits("فجر انتحاري نفسه عند بوابة المعسكر") == [("ATTACK", "فجر انتحاري نفسه")]
    assert _hits("اقترب المهاجم من الحاجز ثم فجر نفسه وسط الجنود") == [("ATTACK", "فجر نفسه")]
    assert _hits("خرج الصيادون مع الفجر إلى البحر") == []


def test_shells_that_fell_are_a_strike_not_a_fall() -> None:
    assert _one("سقوط قذائف على قرية حدودية دون إصابات.") == ("ATTACK", "happened", "violence")
    assert _one("توفي عامل إثر سقوطه من سقالة في موقع البناء.")[2] == "fall"


def test_clashes() -> None:
    assert _one("اندلعت اشتباكات عنيفة بين قبيلتين في ضواحي المدينة.")[0] == "ATTACK"
    assert _hits("اشتبكت دورية أمنية مع مطلوبين في الحي") == [("ATTACK", "اشتبكت")]


def test_suicide_brawl_and_robbery_kinds() -> None:
    assert _one("أقدم نزيل على الانتحار داخل زنزانته.")[2] == "suicide"
    assert _one("انتحر شاب بالقفز من جسر المشاة.")[2] == "suicide"
    assert _one("أصيب خمسة في مشاجرة جماعية داخل الملعب.")[2] == "brawl"
    assert _one("تعرض محل صرافة في السوق إلى سطو مسلح ليلة أمس.")[2] == "robbery"
    # a suicide bomber is no suicide
    assert _hits("قتل الانتحاري حارسين عند البوابة") == [("OTHER", "قتل")]
