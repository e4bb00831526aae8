"""Happening words mined from the corpus (issue 13, fifth round): a rescue, a person gone
missing, a building evacuated, a plot foiled, a named resident caught for an assault, a body
recovered or found, the dead told in the dual or plural, harassment in a harasser's own verb
forms, mines laid, a storm in the accusative and gunmen described at length. Each is a trigger
row (events/triggers.tsv) and a kind row (story/kinds.tsv); a rescue, a body and an evacuation
take the drowning's or the fire's kind where their sentence names it (story/kind_context.tsv)."""

from __future__ import annotations

from test_events import make_da, words

from rasd.annotators.events import extract, find_triggers
from rasd.story.reports import _kinds, kind_in, kind_of, word_groups


def _hits(text: str) -> list[tuple[str, str]]:
    return [(h.trigger.type, text[h.start : h.end]) for h in find_triggers(words(text))]


def _one(text: str) -> tuple[str, str, str]:
    (ev,) = extract(make_da(text))
    return ev.type, ev.modality, kind_of(ev)[0]


def _told_kind(text: str) -> str:
    """The kind the story stage gives the sentence's one report (its words may change it)."""
    (ev,) = extract(make_da(text))
    return kind_in(kind_of(ev)[0], word_groups(text))


def test_rescue_is_its_own_kind_and_a_drowning_where_the_sentence_says_so() -> None:
    assert _one("تمكنت فرقة الإنقاذ من إنقاذ أسرة علقت سيارتها في الوادي.") == ("OTHER", "happened", "rescue")
    assert _told_kind("دوريات السواحل تنقذ غريقا قبالة الكورنيش الجنوبي.") == "drowning"
    # a bailout or a cause to save is no happening
    assert _hits("طالب الخبراء بخطة لإنقاذ الاقتصاد من الركود") == []
    assert _hits("أنقذ الحارس المرمى من هدف محقق في الدقيقة الأخيرة") == []


def test_person_gone_missing() -> None:
    assert _one("أبلغت أسرة عن اختفاء طفلة في ظروف غامضة بعد خروجها من المدرسة.") == (
        "OTHER",
        "happened",
        "missing",
    )
    # a loss mourned is no disappearance
    assert _hits("عبر الحضور عن حزنهم لفقدان شاب في مقتبل العمر") == []


def test_building_evacuated_is_the_fires_where_its_smoke_is_named() -> None:
    assert _told_kind("أخلت الفرق جميع سكان العمارة بعد أن تم إخلاء سكان الطابق الأول بسبب الدخان.") == "fire"
    assert _one("تم إخلاء المستشفى القديم بعد بلاغ عن تصدع جدرانه.")[2] == "evacuation"


def test_foiled_plot_is_the_security_operation() -> None:
    assert _one("أحبطت الدوريات البحرية محاولة تهريب كمية من الأسلحة قرب الساحل.")[:2] == (
        "ARREST",
        "happened",
    )
    assert _hits("أعلنت الوزارة إحباط مخطط لاستهداف منشأة نفطية")[0][0] == "ARREST"
    # praise of the forces in general, and a frustration, are no operation
    assert _hits("أشاد المتحدثون بجهود رجال الأمن في إحباط مخططات الإرهابيين") == []
    assert _hits("عبر اللاعبون عن إحباطهم بعد الخسارة") == []


def test_resident_caught_for_an_assault_is_a_report_of_the_assault() -> None:
    (ev,) = extract(make_da("تمكنت الشرطة من ضبط مواطن بتهمة الاعتداء على جاره بعصا غليظة."))
    assert ev.type == "ARREST"
    # the sentence names the assault: the arrest report may join its incident (incidents.py ``about``)
    assert "اعتدا" in {w for g in word_groups("بتهمة الاعتداء على جاره") for w in g}
    assert _kinds()["اعتدا"][0] == "violence"
    # the seized load is no arrest of a person (it is a seizure: test_events_fresh6.py)
    assert [t for t, _ in _hits("ضبط المراقبون كميات من الأغذية الفاسدة في مستودع")] == ["OTHER"]


def test_body_found_is_a_death_and_a_drowning_by_the_sea() -> None:
    assert _one("أعلنت الشرطة العثور على جثة رجل في شقته بوسط المدينة.") == ("OTHER", "happened", "death")
    assert _told_kind("انتشلت فرق البحث جثة الشاب من البحر بعد ساعات من سقوط سيارته.") == "drowning"


def test_the_dead_in_the_dual_with_how_they_died() -> None:
    assert _one("لقي عاملان مصرعهما اختناقا داخل خزان مياه في المزرعة.") == ("OTHER", "happened", "death")
    # nobody named and no manner: a daily round-up's line, no happening of its own
    assert extract(make_da("لقي ثلاثة أشخاص مصرعهم خلال الأسبوع الماضي.")) == []


def test_harasser_verb_forms_mines_laid_storm_and_gunmen_told_at_length() -> None:
    assert _one("يظهر المقطع شابا يتحرش بفتاة عند بوابة الحديقة.")[2] == "harassment"
    assert _one("قالت القيادة إن الجنود اتهموا الطرف الآخر بزرع ألغام على طريق الدورية.")[0] == "ATTACK"
    assert _one("ضرب الساحل الشرقي إعصارا عنيفا صباح اليوم.")[2] == "storm"
    assert _one("أطلق أربعة رجال ملثمين مجهولي الهوية النار على سيارة التاجر.")[0] == "ATTACK"
