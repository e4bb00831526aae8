"""Incident joins on the ways outlets tell one happening differently: a city and its
province, a place named only in the words, an arrest days later, the death of one person
told with different dates and places; and what must stay apart (another country, another
person, a round-up's next item). Calls ``story.incidents`` directly (reports → incidents)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from test_events import ent, make_da, tmx

import rasd.story.incidents as incidents
from rasd.annotators.events import extract
from rasd.models import DocAnalysis, Entity, Geo
from rasd.story import incident_types
from rasd.story import places as pl
from rasd.story.incidents import Report, make_reports, resolve
from rasd.story.place_words import named_in
from rasd.story.report_words import moves_on, word_groups

ABHA = Entity("e_abha", "GPE", "أبها", geo=Geo(18.22, 42.51, "city"), attributes={"country": "SA"})
ASIR = Entity("e_asir", "GPE", "عسير")  # a province the linker has no point for
KUWAIT = Entity("e_kwc", "GPE", "الكويت", geo=Geo(29.37, 47.98, "city"), attributes={"country": "KW"})
KHALIS = Entity("e_khalis", "GPE", "الخالص", geo=Geo(33.81, 44.53, "city"), attributes={"country": "IQ"})
BASRA = Entity("e_basra", "GPE", "البصرة", geo=Geo(30.51, 47.78, "city"), attributes={"country": "IQ"})
SALEM = Entity("e_salem", "PER", "سالم العتيبي")
SALEM_FULL = Entity("e_salem2", "PER", "سالم بن فهد العتيبي")  # the same man, a fuller name
KHALID = Entity("e_khalid", "PER", "خالد المري")
RIYADH = Entity("e_ruh", "GPE", "الرياض", geo=Geo(24.69, 46.72, "city"), attributes={"country": "SA"})
ENTS = {e.id: e for e in (ABHA, ASIR, KUWAIT, KHALIS, BASRA, SALEM, SALEM_FULL, KHALID, RIYADH)}


def _doc(doc_id: str, outlet: str, published: str, text: str, marks: Sequence[tuple[str, str, str]] = (),
         dates: Sequence[tuple[str, str]] = ()) -> DocAnalysis:  # fmt: skip
    da = make_da(text, doc_id=doc_id, published=published)
    da.doc.outlet = outlet
    for surface, typ, eid in marks:
        ent(da, surface, typ, eid)
    for surface, value in dates:
        tmx(da, surface, value)
    return da


def _reports(das: Sequence[DocAnalysis], ents: Mapping[str, Entity] = ENTS) -> list[Report]:
    """The story's incident reports of ``das``, built as the story stage builds them."""
    happen = [
        ev for da in das for ev in extract(da) if ev.type in incident_types() and ev.modality == "happened"
    ]
    texts = {da.doc.id: da.doc.text for da in das}
    pubs = {da.doc.id: incidents.parse_day(da.doc.published.value) for da in das}
    outlets = {da.doc.id: da.doc.outlet or "" for da in das}
    doc_places = {
        da.doc.id: [(m.start, m.entity) for m in da.entities if m.entity and m.type == "GPE"] for da in das
    }
    return make_reports(happen, texts, pubs, outlets, ents, doc_places)


def _grouping(das: Sequence[DocAnalysis]) -> list[list[str]]:
    """Each incident's articles, sorted: what resolution decided."""
    return sorted(sorted({r.doc for r in inc.reports}) for inc in resolve(_reports(das), ENTS))


def _together(groups: list[list[str]], *docs: str) -> bool:
    return any(set(docs) <= set(g) for g in groups)


def test_city_and_its_province_and_a_place_named_only_in_words_are_one_incident() -> None:
    city = _doc("d_city", "صحيفة أ", "2025-05-10",
                "انفجرت عبوة ناسفة قرب مسجد في مدينة أبها مساء الجمعة 9 أيار 2025 وأسفرت عن إصابة أربعة مصلين.",
                [("أبها", "GPE", "e_abha")], [("الجمعة 9 أيار 2025", "2025-05-09")])  # fmt: skip
    province = _doc("d_prov", "صحيفة ب", "2025-05-10", "أصيب أربعة مصلين أمس في تفجير عبوة ناسفة قرب مسجد بمنطقة عسير.",
                    [("عسير", "GPE", "e_asir")], [("أمس", "2025-05-09")])  # fmt: skip
    # the next day, no place entity: "the explosion that hit the Abha mosque"
    words_only = _doc(
        "d_words", "صحيفة ج", "2025-05-11", "وقال شهود إن التفجير الذي استهدف مسجد أبها خلف أضرارا كبيرة."
    )
    # the same kind, the same evening, another country: another happening
    abroad = _doc("d_abroad", "صحيفة د", "2025-05-10",
                  "انفجرت عبوة ناسفة قرب مسجد في مدينة الكويت مساء الجمعة 9 أيار 2025 دون إصابات.",
                  [("الكويت", "GPE", "e_kwc")], [("الجمعة 9 أيار 2025", "2025-05-09")])  # fmt: skip
    told = _reports([words_only])
    assert told and all(
        not r.places and named_in({"e_abha"}, r.words, ENTS) for r in told
    )  # "مسجد أبها"
    groups = _grouping([city, province, words_only, abroad])
    assert _together(groups, "d_city", "d_prov", "d_words")
    assert not _together(groups, "d_city", "d_abroad")


def test_an_arrest_days_later_joins_the_bombing_it_names_and_another_arrest_does_not() -> None:
    first = _doc("d_b1", "صحيفة أ", "2025-03-03", "قتل ثلاثة أشخاص في تفجير سيارة مفخخة في بلدة الخالص يوم 2 آذار 2025.",
                 [("الخالص", "GPE", "e_khalis")], [("2 آذار 2025", "2025-03-02")])  # fmt: skip
    second = _doc("d_b2", "صحيفة ب", "2025-03-03", "أسفر تفجير سيارة مفخخة في الخالص أمس عن مقتل ثلاثة أشخاص.",
                  [("الخالص", "GPE", "e_khalis")], [("أمس", "2025-03-02")])  # fmt: skip
    arrest = _doc("d_arr", "صحيفة ج", "2025-03-06",
                  "أعلنت الشرطة اليوم اعتقال خمسة مشتبهين في التفجير الإرهابي الذي وقع في الخالص.",
                  [("الخالص", "GPE", "e_khalis")], [("اليوم", "2025-03-06")])  # fmt: skip
    other = _doc("d_arr2", "صحيفة د", "2025-03-06", "أعلنت الشرطة اليوم اعتقال تاجر مخدرات في البصرة.",
                 [("البصرة", "GPE", "e_basra")], [("اليوم", "2025-03-06")])  # fmt: skip
    reps = _reports([first, second, arrest, other])
    by_doc = {r.doc: r for r in reps}
    assert by_doc["d_arr"].kind == "arrest" and "violence" in by_doc["d_arr"].about and by_doc["d_arr"].follow
    groups = _grouping([first, second, arrest, other])
    assert _together(groups, "d_b1", "d_b2", "d_arr")
    assert not _together(groups, "d_b1", "d_arr2") and not _together(groups, "d_arr", "d_arr2")


def test_one_death_told_with_other_dates_and_places_is_one_incident_per_person() -> None:
    news = _doc("d_p1", "صحيفة أ", "2025-06-02", "أعلنت العائلة أمس وفاة الشيخ سالم العتيبي في مستشفى بالكويت.",
                [("سالم العتيبي", "PER", "e_salem"), ("الكويت", "GPE", "e_kwc")], [("أمس", "2025-06-01")])  # fmt: skip
    weeks_later = _doc("d_p2", "صحيفة ب", "2025-06-20", "وكان سالم بن فهد العتيبي توفي في أيار 2025 بعد مرض طويل في الرياض.",
                       [("سالم بن فهد العتيبي", "PER", "e_salem2"), ("الرياض", "GPE", "e_ruh")],
                       [("أيار 2025", "2025-05")])  # fmt: skip
    another = _doc("d_p3", "صحيفة ج", "2025-06-02", "توفي خالد المري أمس في الرياض.",
                   [("خالد المري", "PER", "e_khalid"), ("الرياض", "GPE", "e_ruh")], [("أمس", "2025-06-01")])  # fmt: skip
    reps = _reports([news, weeks_later, another])
    assert {r.doc: r.kind for r in reps} == {"d_p1": "death", "d_p2": "death", "d_p3": "death"}
    assert {r.doc: sorted(r.persons) for r in reps} == {
        "d_p1": ["e_salem"],
        "d_p2": ["e_salem2"],
        "d_p3": ["e_khalid"],
    }
    groups = _grouping([news, weeks_later, another])
    assert _together(groups, "d_p1", "d_p2") and not _together(groups, "d_p1", "d_p3")


def test_a_death_is_a_report_of_its_own_only_for_a_named_person_outside_an_attack() -> None:
    toll = make_da("قتل النقيب فهد السبيعي في هجوم استهدف دورية للشرطة.", published="2025-04-01")
    ent(toll, "فهد السبيعي", "PER", "e_fahd")
    assert {e.type for e in extract(toll)} == {"ATTACK"}  # the death is the attack's toll
    unnamed = make_da("أعلنت الوزارة وفاة ثلاثة عمال في موقع البناء.", published="2025-04-01")
    assert not [e for e in extract(unnamed) if e.type == "OTHER"]
    byline = make_da("فهد السبيعي - الرياض: قتل عامل في الموقع.", published="2025-04-01")
    ent(byline, "فهد السبيعي", "PER", "e_fahd")
    assert not [e for e in extract(byline) if e.type == "OTHER"]  # a reporter's byline is not who died
    named = make_da("توفي الشاعر فهد السبيعي صباح اليوم.", published="2025-04-01")
    ent(named, "فهد السبيعي", "PER", "e_fahd")
    assert [(e.type, e.targets) for e in extract(named)] == [("OTHER", ["e_fahd"])]  # who died: its target


def test_published_is_not_a_redeployment_but_deploying_forces_is() -> None:
    claim = make_da("وأعلن التنظيم مسؤوليته في بيان نشر على موقعه.", published="2025-04-01")
    assert not [e for e in extract(claim) if e.type == "REDEPLOYMENT"]
    troops = make_da("أعلن الجيش نشر قوات إضافية في المدينة.", published="2025-04-01")
    assert [e.type for e in extract(troops)] == ["REDEPLOYMENT"]


def test_a_round_up_moving_on_to_another_item_gets_no_same_article_bonus() -> None:
    assert moves_on("ومن جهة أخرى، انفجرت عبوة في بلدة مجاورة.")
    assert moves_on("وأيضاً، وقعت ثلاثة انفجارات فجر الجمعة.")
    assert not moves_on("وقال المتحدث إن الانفجار وقع فجر الجمعة.")


def test_words_meet_across_spellings_synonyms_and_adjective_forms() -> None:
    def meet(a: str, b: str) -> bool:
        return any(not ga.isdisjoint(gb) for ga in word_groups(a) for gb in word_groups(b))

    assert meet("مسجد الطوارئ", "بمسجد قوات الطوارىء")  # hamza on the line, proclitic
    assert meet("تحطم مروحية", "تحطم طائرة هليكوبتر")  # synonyms.tsv
    assert meet("مروحية أفغانية", "للجيش الأفغاني")  # endings.tsv
    assert not meet("حريق في مستودع", "غرق مركب صيد")


def test_the_finest_places_both_reports_name_decide() -> None:
    iraq = Entity("e_iq", "GPE", "العراق", geo=Geo(33.0, 44.0, "country"), attributes={"country": "IQ"})
    baghdad = Entity("e_bgw", "GPE", "بغداد", geo=Geo(33.34, 44.4, "city"), attributes={"country": "IQ"})
    mosul = Entity("e_mos", "GPE", "الموصل", geo=Geo(36.34, 43.13, "city"), attributes={"country": "IQ"})
    kadhimiya = Entity(
        "e_kad", "GPE", "الكاظمية", geo=Geo(33.38, 44.34, "city"), attributes={"country": "IQ"}
    )
    ents = {e.id: e for e in (iraq, baghdad, mosul, kadhimiya, ABHA, ASIR)}
    # two cities of one country are apart even when both reports also name the country
    assert pl.best_relation({"e_bgw", "e_iq"}, {"e_mos", "e_iq"}, ents) == pl.APART
    assert pl.best_relation({"e_iq"}, {"e_mos", "e_iq"}, ents) == pl.COUNTRY  # a country alone: one country
    assert pl.best_relation({"e_kad"}, {"e_bgw"}, ents) == pl.CONTAINED  # a district and its city
    assert pl.best_relation({"e_abha"}, {"e_asir"}, ents) == pl.REGION  # regions.tsv: عسير is in SA



def test_a_province_the_linker_left_without_a_country_meets_its_country() -> None:
    """``story/regions.tsv``: a province of Afghanistan named with no point is in Afghanistan,
    so a report naming the country joins the report naming the province (one country) instead
    of scoring them as unknown to each other; a province of another country stays apart."""
    afg = Entity("e_afg", "GPE", "أفغانستان", geo=Geo(33.9, 67.7, "country"), attributes={"country": "AF"})
    logar = Entity("e_logar", "GPE", "لوغار")  # no point, no country from the linker
    waziristan = Entity("e_wzr", "GPE", "وزيرستان")
    ents = {e.id: e for e in (afg, logar, waziristan)}
    assert pl.best_relation({"e_afg"}, {"e_logar"}, ents) == pl.COUNTRY
    assert pl.best_relation({"e_wzr"}, {"e_logar"}, ents) == pl.APART
    province = _doc("d_logar", "صحيفة أ", "2025-03-04",
                    "قتل سبعة جنود في هجوم بسيارة مفخخة على قاعدة عسكرية في ولاية لوغار يوم الاثنين 3 آذار 2025.",
                    [("لوغار", "GPE", "e_logar")], [("الاثنين 3 آذار 2025", "2025-03-03")])  # fmt: skip
    country = _doc("d_afg", "صحيفة ب", "2025-03-04",
                   "أعلنت وزارة الدفاع مقتل سبعة جنود في هجوم بسيارة مفخخة على قاعدة عسكرية في أفغانستان أمس.",
                   [("أفغانستان", "GPE", "e_afg")], [("أمس", "2025-03-03")])  # fmt: skip
    # other news of the day, so that the words the two reports share are rare among articles
    others = [_doc(f"d_o{k}", "صحيفة ج", "2025-03-04", text) for k, text in enumerate((
        "اندلع حريق في مستودع للأخشاب في ميناء جدة أمس دون إصابات.",
        "غرقت سفينة صيد قبالة سواحل اليمن وفقد ثلاثة بحارة.",
        "ارتفعت أسعار النفط في ختام تداولات الأسبوع."))]  # fmt: skip
    reports = _reports([province, country, *others], ents)
    groups = sorted(sorted({r.doc for r in inc.reports}) for inc in resolve(reports, ents))
    assert _together(groups, "d_logar", "d_afg"), groups

def test_resolution_is_blocked_not_all_pairs() -> None:
    """A year of daily reports of one kind in one city: each meets the incidents of its own
    weeks only, so the score calls grow with the reports, not with their square."""
    base = _reports([_doc("d_0", "صحيفة أ", "2025-01-01", "انفجرت عبوة ناسفة في مدينة أبها يوم 1 كانون الثاني 2025.",
                          [("أبها", "GPE", "e_abha")], [("1 كانون الثاني 2025", "2025-01-01")])])[0]  # fmt: skip
    from dataclasses import replace
    from datetime import timedelta

    n = 365
    reps = [
        replace(base, doc=f"d_{k}", lo=base.lo + timedelta(days=2 * k), hi=base.hi + timedelta(days=2 * k))
        for k in range(n)
    ]
    calls = 0
    real = incidents.score

    def counted(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        nonlocal calls
        calls += 1
        return real(*args, **kw)

    incidents.score = counted  # type: ignore[assignment]
    try:
        out = resolve(reps, ENTS)
    finally:
        incidents.score = real  # type: ignore[assignment]
    assert len(out) == n  # two days apart: no two are one happening
    assert calls < 20 * n  # all pairs would be n²/2 ≈ 66,000
