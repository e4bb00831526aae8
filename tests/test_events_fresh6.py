"""Happening words mined from the corpus (issue 13, sixth round): a train or an aircraft broken
down, a service cut off from a place, goods seized by inspectors, a death caused by what is no
trigger (أودى بحياة), a gunman who kills told in a headline's present tense, and a bite. Each is a
trigger row (events/triggers.tsv) and a kind row (story/kinds.tsv); a power cut in a sentence
that names the storm is the storm's (story/kind_context.tsv)."""

from __future__ import annotations

from test_events import make_da
from test_events_fresh5 import _hits, _one, _told_kind

from rasd.annotators.events import extract
from rasd.story.reports import kind_in, kind_of, word_groups


def test_train_breakdown_is_its_own_kind() -> None:
    assert _one("تعطل أمس القطار رقم 4 خلال رحلته من المدينة إلى جدة وعلى متنه مئة راكب.") == (
        "OTHER",
        "happened",
        "breakdown",
    )
    # the train named far before its stop: the engine's failure is the happening
    assert _one("وكان القطار يقل مئتي راكب حين توقف عند الكيلو 90 بعد أن تعطل المحرك.")[2] == "breakdown"
    # a law or a vote suspended, a fleet criticised, is no breakdown
    assert _hits("قال النائب إن الخلافات أدت إلى تعطل القانون الجديد") == []
    assert _hits("انتقد الكاتب تعطل القطارات الجديدة في أول أسابيعها") == []
    # an engine failure told with the crash it caused is the crash's
    crash = "قتل عشرة جنود حين تعطل محرك طائرتهم العسكرية فتحطمت فوق الإقليم."
    assert {kind_in(kind_of(ev)[0], word_groups(crash)) for ev in extract(make_da(crash))} == {"wreck"}


def test_service_cut_off_from_a_place() -> None:
    assert _one("أعلنت الشركة انقطاع الكهرباء عن حي الروضة ساعتين مساء أمس.") == (
        "OTHER",
        "happened",
        "outage",
    )
    # a contingency is no outage
    assert _hits("يعمل الجهاز بالبطارية عند انقطاع التيار الكهربائي") == []
    # the storm's power cut is the storm's
    assert _told_kind("ضرب الإعصار الجزيرة فتسبب في انقطاع الكهرباء عن آلاف المنازل.") == "storm"


def test_goods_seized_by_inspectors() -> None:
    assert _one("ضبطت البلدية ثلاثة أطنان من اللحوم في مستودع بالحي الصناعي.") == (
        "OTHER",
        "happened",
        "seizure",
    )
    assert _one("أحبطت الأمانة تهريب وبيع مواد غذائية منتهية الصلاحية عند مدخل المدينة.")[2] == "seizure"
    assert _one("أعلنت الوزارة ضبط وحجز خمسمئة مكيف مخالف للمواصفات.")[2] == "seizure"
    # a suspect caught stays an arrest; frost that ruined crops, self-restraint and the forgers are no seizure
    assert _one("تمكنت الشرطة من ضبط المتهم بعد ساعات.")[::2] == ("ARREST", "arrest")
    assert _hits("أدى الصقيع إلى إتلاف كميات كبيرة من المحاصيل") == []
    assert _hits("دعا الوزير الأطراف إلى ضبط النفس") == []
    assert _hits("تواصل الوزارة جهودها في ضبط المتورطين من مزوري السلع") == []


def test_death_caused_by_what_is_no_trigger() -> None:
    assert _one("جمل سائب يودي بحياة ثلاثة من أسرة واحدة على طريق القرية.")[::2] == ("OTHER", "death")
    # after a crash or an attack trigger it is that happening's toll, no death report of its own
    assert [e.type for e in extract(make_da("وقع تفجير في السوق أودى بحياة عشرة أشخاص."))] == ["ATTACK"]


def test_gunman_kills_and_a_bite() -> None:
    assert _hits("مسلح يقتل ثلاثة أشخاص داخل مطعم ثم يلوذ بالفرار") == [("ATTACK", "مسلح يقتل")]
    assert _one("قالت الشرطة إن أفعى عضت راعيا قرب البئر.")[2] == "animal"
    assert _one("نقل الراعي إلى المستشفى بعد أن عضته أفعى سامة.")[2] == "animal"
    # بعض ("some") is never a bite
    assert _hits("رأى بعضهم الحادث وسمع بعضها الصوت") == []
