"""Incident kinds read from a phrase of the trigger (a person's fall is no air crash), the
triggers of a foiled smuggling attempt and of a freed hostage, and a death told next to the
attack that caused it joining that attack's incident (``story.incidents._tolls``). Our own
sentences; calls the events extractor and ``story.incidents`` directly."""

from __future__ import annotations

from test_events import ent, make_da
from test_incident_joins import ENTS, _doc, _reports

from rasd.annotators.events import extract
from rasd.models import DocAnalysis, Entity, Geo, Timex
from rasd.story.incidents import TOLL_REACH, resolve
from rasd.story.reports import kind_of

TAIF = Entity("e_taif", "GPE", "الطائف", geo=Geo(21.27, 40.41, "city"), attributes={"country": "SA"})
HASAN = Entity("e_hasan", "PER", "حسن الغامدي")
TOLL_ENTS = {**ENTS, TAIF.id: TAIF, HASAN.id: HASAN}


def _events(text: str) -> list[tuple[str, str, str]]:
    """``(type, trigger, kind)`` of every event the extractor reads in ``text``."""
    return [(ev.type, ev.trigger, kind_of(ev)[0]) for ev in extract(make_da(text, published="2025-03-02"))]


def test_a_person_falling_is_a_fall_and_an_aircraft_falling_a_wreck() -> None:
    fall = _events("توفي متسلق في العشرين صباح أمس إثر سقوطه من جرف حاد داخل محمية جبلية.")
    assert ("OTHER", "سقوطه من", "fall") in fall
    report = _events("تلقى الدفاع المدني بلاغا عن حادث سقوط شخص داخل بئر مصعد في مبنى تحت الإنشاء.")
    assert ("OTHER", "حادث سقوط", "fall") in report
    crash = _events("أعلنت السلطات سقوط طائرة تدريب عسكرية صباح اليوم قرب الحدود.")
    assert [k for t, _, k in crash if t == "OTHER"] == ["wreck"]


def test_a_foiled_smuggling_attempt_is_an_arrest_and_smuggling_in_general_is_not() -> None:
    foiled = _events("أحبط رجال الجمارك في المنفذ البري محاولة شخصين لتهريب كمية من الحبوب المخدرة.")
    assert [(t, k) for t, _, k in foiled] == [("ARREST", "arrest")]
    assert [tr for _, tr, _ in foiled] == ["محاولة شخصين لتهريب"]
    general = _events("تناقش الندوة أسباب انتشار التهريب عبر الحدود وسبل الحد منه.")
    assert not [t for t, _, _ in general if t == "ARREST"]


def test_a_freed_hostage_is_a_release() -> None:
    freed = _events("أعلنت الحكومة إطلاق سراح الرهينة الإيطالي بعد أربعة أشهر من احتجازه.")
    assert ("release" in {k for _, _, k in freed}) and any(tr == "سراح الرهينة" for _, tr, _ in freed)


def _article(doc_id: str, outlet: str, text: str) -> DocAnalysis:
    """An article with every place, person and date of ``ATTACK``/``DEATH`` marked, at each
    occurrence, as the annotators would."""
    da = make_da(text, doc_id=doc_id, published="2025-03-02")
    da.doc.outlet = outlet
    for surface, typ, eid in (("الطائف", "GPE", "e_taif"), ("حسن الغامدي", "PER", "e_hasan")):
        for nth in range(text.count(surface)):
            ent(da, surface, typ, eid, nth)
    day = "الأحد 2 آذار 2025"
    at = -1
    for _ in range(text.count(day)):
        at = text.index(day, at + 1)
        da.timex.append(Timex(doc_id, at, at + len(day), day, "DATE", "2025-03-02"))
    return da


ATTACK = "هاجم مسلحون سيارة العميد حسن الغامدي بقذائف صاروخية في حي الشهداء بمدينة الطائف صباح الأحد 2 آذار 2025."
DEATH = "وأكد متحدث باسم الشرطة مقتل العميد حسن الغامدي الأحد 2 آذار 2025 في المستشفى."


def _grouping(das: list[DocAnalysis]) -> list[list[tuple[str, str]]]:
    reports = _reports(das, TOLL_ENTS)
    return sorted(sorted((r.doc, r.kind) for r in inc.reports) for inc in resolve(reports, TOLL_ENTS))


def test_a_death_told_next_to_the_attack_is_its_toll() -> None:
    one = _article("d_one", "صحيفة أ", ATTACK + " " + DEATH)
    groups = _grouping([one])
    assert [("d_one", "death"), ("d_one", "violence")] in groups and len(groups) == 1
    # the same death told paragraphs after the attack is not read as its toll
    gap = " ".join(["وتناولت الصحيفة في بقية التقرير شؤون البلدية والطرق والمدارس في المحافظة."] * 12)
    assert len(gap) > TOLL_REACH
    far = _article("d_far", "صحيفة ب", ATTACK + " " + gap + " " + DEATH)
    kinds = [[k for _, k in g] for g in _grouping([far])]
    assert sorted(kinds) == [["death"], ["violence"]]


def test_an_unnamed_childs_death_is_a_report_unless_its_sentence_tells_what_killed_her() -> None:
    alone = _events("أعلنت الشرطة وفاة طفلة في العاشرة من عمرها داخل منزل أسرتها في إحدى القرى مساء أمس.")
    assert ("OTHER", "وفاة طفلة", "death") in alone
    toll = _events("أسفر تفجير عبوة ناسفة قرب السوق عن مصرع طفلة وإصابة ثلاثة من المارة.")
    assert [t for t, _, _ in toll] == ["ATTACK"]  # the death is the bombing's toll, not a second happening
    # an adult unnamed is no report: the daily round-ups of road deaths list them by the dozen
    assert not [t for t, _, _ in _events("وسجلت الفرق الميدانية وفاة شخص على الطريق السريع صباح اليوم.") if t == "OTHER"]


def test_lightning_and_a_stray_bullet_are_kinds_of_their_own() -> None:
    assert ("OTHER", "صاعقة", "lightning") in _events("قتلت صاعقة ثلاثة رعاة في منطقة جبلية جنوب البلاد مساء الأحد.")
    stray = _events("أصيب طفل برصاصة طائشة أطلقت في حفل زفاف بإحدى القرى.")
    assert ("OTHER", "برصاصة طائشة", "stray") in stray  # the trigger as written, its proclitic too


def test_shot_at_is_an_attack_and_a_ceasefire_is_not() -> None:
    shot = _events("تعرضت دورية للشرطة لإطلاق نار من سيارة مجهولة قرب السوق مساء الثلاثاء.")
    assert [(t, k) for t, _, k in shot] == [("ATTACK", "violence")]
    calm = _events("دعت الأمم المتحدة إلى وقف إطلاق النار في المدينة فورا.")
    assert not [t for t, _, _ in calm if t == "ATTACK"]


def test_a_shootout_and_a_stabbing_are_attacks_and_an_appeal_is_not() -> None:
    shootout = _events("قتل رقيب في الشرطة خلال تبادل إطلاق النار مع مسلحين على الطريق الدولي.")
    assert "ATTACK" in [t for t, _, _ in shootout]
    stab = _events("فارق عامل الحياة بعد تعرضه لعدة طعنات داخل متجر في الحي التجاري.")
    assert [(t, k) for t, _, k in stab] == [("ATTACK", "violence")]
    appeal = _events("تقدم محامي الشركة بطعن في الحكم أمام محكمة الاستئناف.")
    assert not [t for t, _, _ in appeal if t == "ATTACK"]


def test_an_assassination_attempt_is_an_attack_not_a_death() -> None:
    tried = _events("نجا وزير الداخلية من محاولة اغتيال استهدفت موكبه قرب العاصمة صباح الأحد.")
    assert ("violence" in {k for _, _, k in tried}) and "death" not in {k for _, _, k in tried}


def test_a_martyred_soldier_is_a_death_and_a_citation_is_not() -> None:
    text = "شيع الأهالي أمس حادثة استشهاد الجندي فهد المطيري في مقبرة القرية."
    da = make_da(text, published="2025-03-02")
    ent(da, "فهد المطيري", "PER", "e_fahd")
    assert [(ev.type, kind_of(ev)[0]) for ev in extract(da)] == [("OTHER", "death")]
    cited = make_da("واستشهد الباحث بأرقام من تقرير البنك الدولي في دراسته.", published="2025-03-02")
    assert extract(cited) == []


def test_a_collision_and_a_capture() -> None:
    assert ("OTHER", "تصادم", "wreck") in _events("وقع حادث تصادم بين شاحنتين على طريق الساحل مساء أمس.")
    assert [t for t, _, _ in _events("وأكدت المقاومة أن القائد الميداني وقع في الأسر خلال معارك السبت.")] == ["ARREST"]


def test_a_flood_season_told_for_two_weeks_is_one_incident_a_fire_is_not() -> None:
    from test_incident_joins import _doc

    def days_apart(text1: str, text2: str) -> int:
        first = _doc("d_first", "صحيفة أ", "2025-07-20", text1, [("أبها", "GPE", "e_abha")], [("أمس", "2025-07-19")])
        later = _doc("d_later", "صحيفة ب", "2025-07-30", text2, [("أبها", "GPE", "e_abha")], [("أمس", "2025-07-29")])
        # other news of those days, so that the flood's words are rare in the corpus as in a real one
        other = [
            _doc(f"d_other{k}", "صحيفة ج", "2025-07-25", text)
            for k, text in enumerate([
                "اندلع حريق في مصنع للورق بمدينة الكويت وأصيب عاملان بحروق طفيفة.",
                "انهار مبنى قديم في حي تجاري بالبصرة دون أن يسفر عن إصابات.",
                "اعتقلت الشرطة ثلاثة متهمين بسرقة محل للذهب في سوق الخالص.",
                "انقلبت حافلة تقل معتمرين على طريق سريع قرب الرياض وأصيب عشرة ركاب.",
            ])
        ]
        reports = _reports([first, later, *other])
        return len({id(i) for i in resolve(reports, ENTS) if any(r.doc in ("d_first", "d_later") for r in i.reports)})

    flood = (
        "أودت الفيضانات التي تضرب منطقة أبها منذ أيام بحياة ستة أشخاص أمس وغمرت المياه عشرات المنازل.",
        "ارتفعت حصيلة الفيضانات التي تضرب منطقة أبها منذ أيام إلى تسعة أشخاص أمس وغمرت المياه عشرات المنازل.",
    )
    assert days_apart(*flood) == 1  # ten days on, the same season's toll: one happening
    fire = (
        "اندلع حريق في مستودع للأخشاب بمدينة أبها أمس وأتى على محتوياته بالكامل.",
        "اندلع حريق في مستودع للأخشاب بمدينة أبها أمس وأتى على محتوياته بالكامل.",
    )
    assert days_apart(*fire) == 2  # a fire ten days later is another fire


def _told_kinds(text: str) -> list[str]:
    """The kind ``story.reports.told`` gives each incident report of ``text`` (its sentence read)."""
    from rasd.story.reports import told

    return [told(ev, text).kind for ev in extract(make_da(text, published="2025-03-02")) if ev.type == "OTHER"]


def test_a_person_drowning_is_no_wreck_but_a_sinking_boat_is() -> None:
    # a child saved from drowning must never join a road crash of the same day nearby
    rescue = _told_kinds("أنقذت فرقة الإنقاذ البحري طفلا من الغرق أثناء سباحته قرب الشاطئ مساء أمس.")
    crash = _told_kinds("توفي ثلاثة أشخاص إثر اصطدام سيارتهم بجمل سائب على الطريق الساحلي أمس.")
    assert rescue == ["drowning"] and crash == ["wreck"]
    sinking = _told_kinds("لقي عشرة ركاب حتفهم في غرق مركب سياحي بعد اصطدامه بعبارة في النهر ليلة الجمعة.")
    assert sinking and set(sinking) == {"wreck"}


BASRA_MARK = ("البصرة", "GPE", "e_basra")


def test_an_undated_arrest_of_a_killer_joins_the_killing() -> None:
    """An arrest whose sentence names a death ("قتل جاره") reports the killing (the ``killing``
    trait, ``story/kind_traits.tsv``); an arrest for a theft stays apart, and so does an
    arrest that dates itself (its day is the arrest's, not the killing's)."""
    killing = _doc("d_kill", "صحيفة أ", "2025-06-02",
                   "أطلق مسلح النار على رجل أمام منزله في حي الروضة بمدينة البصرة مساء أمس وأرداه قتيلا.",
                   [BASRA_MARK], [("مساء أمس", "2025-06-01TEV")])  # fmt: skip
    arrest = _doc("d_arrest", "صحيفة ب", "2025-06-03",
                  "ألقت شرطة البصرة القبض على شاب قتل جاره بإطلاق النار عليه أمام منزله في حي الروضة.",
                  [BASRA_MARK])  # fmt: skip
    theft = _doc("d_theft", "صحيفة ج", "2025-06-03",
                 "ألقت شرطة البصرة القبض على شاب سرق سيارة جاره من أمام منزله في حي الروضة.",
                 [BASRA_MARK])  # fmt: skip
    reps = {r.doc: r for r in _reports([killing, arrest, theft])}
    assert reps["d_kill"].kind == "violence" and reps["d_arrest"].kind == "arrest"
    assert "violence" in reps["d_arrest"].about and "violence" not in reps["d_theft"].about
    groups = [{r.doc for r in inc.reports} for inc in resolve(list(reps.values()), ENTS)]
    assert {"d_kill", "d_arrest"} in groups and {"d_theft"} in groups
    dated = _doc("d_dated", "صحيفة د", "2025-06-12",
                 "ألقت شرطة البصرة يوم 11 حزيران 2025 القبض على شاب قتل جاره بإطلاق النار عليه أمام منزله.",
                 [BASRA_MARK], [("11 حزيران 2025", "2025-06-11")])  # fmt: skip
    assert "violence" not in {r.doc: r for r in _reports([dated])}["d_dated"].about
