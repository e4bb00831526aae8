"""Incidents that must not merge two happenings: a report dated only by its month ("in July")
must not hold every happening of that month in one incident, and a routine closing line
("the authorities opened an investigation") does not make a report a follow-up that may join
an incident days before it; fires in two districts of one city are two; a report telling
its own day days after an incident told to the day needs more than a follow-up to join; a
town known by name only is in no other town's province. Calls ``story.incidents`` directly (reports → incidents)."""

from __future__ import annotations

from test_incident_joins import ENTS, _doc, _grouping, _reports, _together

from rasd.models import DocAnalysis, Entity, Geo
from rasd.story import places as pl
from rasd.story.incidents import JOIN, doc_counts, resolve, score, word_weights
from rasd.story.reports import Incident, Report

BASRA = ("البصرة", "GPE", "e_basra")
RIYADH = ("الرياض", "GPE", "e_ruh")


def test_a_month_dated_report_does_not_hold_two_happenings_of_its_month() -> None:
    month = _doc("d_month", "صحيفة أ", "2025-08-03",
                 "قتل جنديان في تفجير لغم استهدف دورية عسكرية في البصرة خلال تموز 2025.",
                 [BASRA], [("تموز 2025", "2025-07")])  # fmt: skip
    # a second outlet's round-up of the month
    month2 = _doc("d_month2", "صحيفة هـ", "2025-08-04",
                  "شهدت البصرة خلال تموز 2025 تفجير لغم استهدف دورية عسكرية وقتل فيه جنديان.",
                  [BASRA], [("تموز 2025", "2025-07")])  # fmt: skip
    early = _doc("d_early", "صحيفة ب", "2025-07-05",
                 "قتل جنديان في تفجير لغم استهدف دورية عسكرية في البصرة يوم 4 تموز 2025.",
                 [BASRA], [("4 تموز 2025", "2025-07-04")])  # fmt: skip
    # the control: another outlet's report of the same day's bombing joins it
    same_day = _doc("d_same", "صحيفة ج", "2025-07-05",
                    "أسفر تفجير لغم استهدف دورية عسكرية في البصرة أمس عن مقتل جنديين.",
                    [BASRA], [("أمس", "2025-07-04")])  # fmt: skip
    # three weeks later, the same kind in the same city: another bombing
    late = _doc("d_late", "صحيفة د", "2025-07-26",
                "قتل جنديان في تفجير لغم استهدف دورية عسكرية في البصرة يوم 25 تموز 2025.",
                [BASRA], [("25 تموز 2025", "2025-07-25")])  # fmt: skip
    reps = {r.doc: r for r in _reports([month, month2, early, same_day, late])}
    assert (reps["d_month"].lo.isoformat(), reps["d_month"].hi.isoformat(), reps["d_month"].dated) == (
        "2025-07-01", "2025-07-31", True,
    )  # fmt: skip
    groups = _grouping([month, month2, early, same_day, late])
    assert _together(groups, "d_early", "d_same")
    assert not _together(groups, "d_early", "d_late")


def test_a_month_still_sets_the_days_of_a_happening_that_lasts() -> None:
    """A flood season told "in July" and by one day's toll: the month is its window."""
    month = _doc("d_fm", "صحيفة أ", "2025-08-03", "اجتاحت فيضانات البصرة خلال تموز 2025 وأودت بحياة عشرين شخصا.",
                 [BASRA], [("تموز 2025", "2025-07")])  # fmt: skip
    day = _doc("d_fd", "صحيفة ب", "2025-07-05", "اجتاحت فيضانات البصرة يوم 4 تموز 2025 وأودت بحياة خمسة أشخاص.",
               [BASRA], [("4 تموز 2025", "2025-07-04")])  # fmt: skip
    reps = _reports([month, day])
    assert {r.kind for r in reps} == {"flood"} and all(r.dated for r in reps)
    inc = Incident("flood")
    for r in sorted(reps, key=lambda r: r.lo):
        inc.add(r)
    assert inc.lo is not None and inc.hi is not None
    assert (inc.lo.isoformat(), inc.hi.isoformat()) == ("2025-07-01", "2025-07-31")
    assert len(resolve(reps, ENTS)) == 1


def test_an_investigation_opened_is_no_follow_up_of_a_fire_days_before() -> None:
    first = _doc("d_f1", "صحيفة أ", "2025-05-04",
                 "اندلع حريق في عمارة سكنية بالرياض يوم 3 أيار 2025 وأصيب أربعة أشخاص، وباشرت الجهات المختصة التحقيق.",
                 [RIYADH], [("3 أيار 2025", "2025-05-03")])  # fmt: skip
    # five days later another fire in the same city, closed by the same routine line
    other = _doc("d_f2", "صحيفة ب", "2025-05-09",
                 "اندلع حريق في ورشة بالرياض يوم 8 أيار 2025 وأصيب أربعة أشخاص، وباشرت الجهات المختصة التحقيق.",
                 [RIYADH], [("8 أيار 2025", "2025-05-08")])  # fmt: skip
    # the control: a new toll of the first fire days later is its follow-up
    toll = _doc("d_f3", "صحيفة ج", "2025-05-09",
                "ارتفعت حصيلة المصابين في حريق العمارة السكنية بالرياض إلى ستة أشخاص يوم 8 أيار 2025.",
                [RIYADH], [("8 أيار 2025", "2025-05-08")])  # fmt: skip
    reps = {r.doc: r for r in _reports([first, other, toll])}
    assert not reps["d_f2"].follow and reps["d_f3"].follow
    groups = _grouping([first, other, toll])
    assert not _together(groups, "d_f1", "d_f2")
    assert _together(groups, "d_f1", "d_f3")


JEDDAH = Entity("e_jed", "GPE", "جدة", geo=Geo(21.49, 39.19, "city"), attributes={"country": "SA"})
NUZHA = Entity("e_nuzha", "GPE", "النزهة")  # districts the linker has no point for
RAWDA = Entity("e_rawda", "GPE", "الروضة")
KHALIDIYA = Entity("e_khal", "GPE", "بحي الخالدية")
SPOT_ENTS = {e.id: e for e in (JEDDAH, NUZHA, RAWDA, KHALIDIYA)}


def _fire(doc_id: str, outlet: str, text: str, district: tuple[str, str] | None) -> DocAnalysis:
    marks = [("جدة", "GPE", "e_jed")] + ([(district[0], "GPE", district[1])] if district else [])
    return _doc(doc_id, outlet, "2025-09-11", text, marks, [("أمس", "2025-09-10")])


def test_two_fires_in_two_districts_of_one_city_are_two_incidents() -> None:
    """A district is the finest place an outlet names, and two outlets of one fire name the
    same one: fires of one day in two districts of Jeddah are two happenings."""
    first = _fire("d_f1", "صحيفة أ", "اندلع حريق في شقة سكنية بحي النزهة في جدة أمس وأصيب خمسة أشخاص باختناق.",
                  ("النزهة", "e_nuzha"))  # fmt: skip
    again = _fire("d_f2", "صحيفة ب", "أصيب خمسة أشخاص باختناق أمس في حريق شقة في حي النزهة بجدة.",
                  ("النزهة", "e_nuzha"))  # fmt: skip
    other = _fire("d_f3", "صحيفة ج", "اندلع حريق في شقة سكنية بحي الروضة في جدة أمس وأصيب ثلاثة أشخاص باختناق.",
                  ("الروضة", "e_rawda"))  # fmt: skip
    # the control: an outlet naming no district joins the fire it reports
    plain = _fire("d_f4", "صحيفة د", "أصيب خمسة أشخاص باختناق في حريق شقة سكنية في جدة أمس.", None)
    das = [first, again, other, plain]
    reps = {r.doc: r for r in _reports(das, SPOT_ENTS)}
    assert (reps["d_f1"].spots, reps["d_f2"].spots, reps["d_f3"].spots, reps["d_f4"].spots) == (
        {"النزهه"}, {"النزهه"}, {"الروضه"}, frozenset(),
    )  # fmt: skip
    groups = sorted(sorted({r.doc for r in inc.reports}) for inc in resolve(list(reps.values()), SPOT_ENTS))
    assert _together(groups, "d_f1", "d_f2", "d_f4")
    assert not _together(groups, "d_f1", "d_f3")


def test_a_district_named_two_ways_is_one_spot_and_another_city_is_not_compared() -> None:
    assert not pl.spots_apart(frozenset({"الخالدي"}), frozenset({"الخالديه"}))  # one spot, two spellings
    assert pl.spots_apart(frozenset({"النزهه"}), frozenset({"الروضه"}))
    text = "اندلع حريق بحي الخالدية وآخر في مدينة جدة."
    doc_places = {"d": [(text.index("بحي"), "e_khal"), (text.index("جدة"), "e_jed")]}
    # the district's key leaves its spot word out; the city after مدينة is no spot
    assert pl.spots(doc_places, {"d": text}, SPOT_ENTS) == {"e_khal": "الخالديه"}
    inc = Incident("fire")
    inc.spots = {"الروضه": frozenset({"e_rawda", "e_ruh"})}  # a district told with Riyadh, not Jeddah
    inc.places = {"e_jed"}
    r = _reports([_fire("d_f5", "صحيفة أ", "اندلع حريق في شقة سكنية بحي النزهة في جدة أمس.", ("النزهة", "e_nuzha"))],
                 {**SPOT_ENTS, "e_ruh": ENTS["e_ruh"]})[0]  # fmt: skip
    inc.lo = inc.hi = r.lo
    assert score(r, inc, {}, {**SPOT_ENTS, "e_ruh": ENTS["e_ruh"]}) is not None
    inc.spots = {"الروضه": frozenset({"e_rawda", "e_jed"})}  # the control: a district of Jeddah
    assert score(r, inc, {}, {**SPOT_ENTS, "e_ruh": ENTS["e_ruh"]}) is None


IRAQ = Entity("e_iq", "GPE", "العراق", geo=Geo(33.0, 44.0, "country"), attributes={"country": "IQ"})
BASRA_E = Entity("e_basra", "GPE", "البصرة", geo=Geo(30.51, 47.78, "city"), attributes={"country": "IQ"})
VILLAGE = Entity("e_village", "GPE", "الحمدانية الصغرى")  # a village the linker could not geocode
TOWN_ENTS = {e.id: e for e in (IRAQ, BASRA_E, VILLAGE)}


def _town_docs() -> list[DocAnalysis]:
    city = _doc("d_city", "صحيفة أ", "2025-07-05",
                "قتل خمسة أشخاص في انفجار سيارة مفخخة في سوق شعبي بمدينة البصرة يوم 4 تموز 2025.",
                [("البصرة", "GPE", "e_basra")], [("4 تموز 2025", "2025-07-04")])  # fmt: skip
    # the same day, the same kind and toll, in a village of the same country
    village = _doc("d_vil", "صحيفة ب", "2025-07-05",
                   "قتل خمسة أشخاص في انفجار سيارة مفخخة في سوق شعبي بقرية الحمدانية الصغرى يوم 4 تموز 2025. "
                   "وتقع القرية جنوب العراق.",
                   [("الحمدانية الصغرى", "GPE", "e_village"), ("العراق", "GPE", "e_iq")],
                   [("4 تموز 2025", "2025-07-04")])  # fmt: skip
    # the control: another outlet naming the same village is the same happening
    village2 = _doc("d_vil2", "صحيفة ج", "2025-07-05",
                    "قتل خمسة أشخاص أمس في انفجار سيارة مفخخة في سوق قرية الحمدانية الصغرى. "
                    "وتقع القرية جنوب العراق.",
                    [("الحمدانية الصغرى", "GPE", "e_village"), ("العراق", "GPE", "e_iq")],
                    [("أمس", "2025-07-04")])  # fmt: skip
    return [city, village, village2]


def test_an_unplaced_village_and_a_city_of_its_country_are_two_happenings() -> None:
    """A village the linker could not geocode, named after a settlement word, is a town of its
    article's country: apart from another town of that country, one with itself."""
    das = _town_docs()
    reps = {r.doc: r for r in _reports(das, TOWN_ENTS)}
    assert reps["d_vil"].towns == frozenset({("e_village", "IQ")})
    assert reps["d_city"].towns == frozenset()
    for order in (das, das[::-1]):  # the city's incident first, and the village's first
        groups = sorted(sorted({r.doc for r in inc.reports}) for inc in resolve(_reports(order, TOWN_ENTS), TOWN_ENTS))
        assert not _together(groups, "d_city", "d_vil")
        assert not _together(groups, "d_city", "d_vil2")
        assert _together(groups, "d_vil", "d_vil2")


def test_a_name_without_a_settlement_word_stays_unknown() -> None:
    """Without a settlement word before it the unplaced name may be a mistagged word or a
    district of the city: no town, and nothing excludes the join."""
    city, village, _ = _town_docs()
    bare = _doc("d_bare", "صحيفة ب", "2025-07-05",
                "قتل خمسة أشخاص في انفجار سيارة مفخخة في سوق الحمدانية الصغرى الشعبي يوم 4 تموز 2025. "
                "وتقع القرية جنوب العراق.",
                [("الحمدانية الصغرى", "GPE", "e_village"), ("العراق", "GPE", "e_iq")],
                [("4 تموز 2025", "2025-07-04")])  # fmt: skip
    assert {r.doc: r.towns for r in _reports([city, bare], TOWN_ENTS)}["d_bare"] == frozenset()
    assert {r.doc: r.towns for r in _reports([city, village], TOWN_ENTS)}["d_vil"]


def _weights_and_incident(reps: list[Report], docs: tuple[str, ...]) -> tuple[dict[str, float], Incident]:
    """The word weights of ``reps`` and a violence incident of the reports of ``docs``."""
    inc = Incident("violence")
    for r in reps:
        if r.doc in docs:
            inc.add(r)
    return word_weights(*doc_counts(reps)), inc


def _days_apart_scores(text: str, day: tuple[str, str] | None) -> list[float | None]:
    """The scores of the reports of an article published 2025-07-09 in Basra against the
    incident of a market shelling two outlets date to 4 July (among unrelated reports, so
    that words weigh)."""
    a = _doc("d_m1", "صحيفة أ", "2025-07-05", "قتل اثنا عشر شخصا في قصف صاروخي استهدف سوقا شعبيا في البصرة يوم 4 تموز 2025.",
             [BASRA], [("4 تموز 2025", "2025-07-04")])  # fmt: skip
    b = _doc("d_m2", "صحيفة ب", "2025-07-05", "أسفر قصف صاروخي على سوق شعبي في البصرة يوم 4 تموز 2025 عن مقتل اثني عشر شخصا.",
             [BASRA], [("4 تموز 2025", "2025-07-04")])  # fmt: skip
    c = _doc("d_m3", "صحيفة ج", "2025-07-09", text, [BASRA], [day] if day else [])
    fill = [_doc(f"d_o{i}", "صحيفة د", "2025-07-06", t, [RIYADH]) for i, t in enumerate((
        "اندلع حريق في مستودع للأخشاب بالرياض وباشرته فرق الدفاع المدني.",
        "أصيب ثلاثة عمال في حادث سقوط رافعة بموقع إنشاءات في الرياض.",
        "ضبطت الجهات الأمنية في الرياض شحنة من المواد المهربة.",
        "انقلبت شاحنة محملة بالحديد على طريق سريع قرب الرياض.",
    ))]  # fmt: skip
    reps = _reports([a, b, c, *fill])
    idf, inc = _weights_and_incident(reps, ("d_m1", "d_m2"))
    late = [r for r in reps if r.doc == "d_m3"]
    assert inc.dated and inc.lo == inc.hi and late and all(r.follow for r in late)
    return [score(r, inc, idf, ENTS) for r in late]


def test_a_report_telling_its_own_day_days_after_an_incident_told_to_the_day_needs_more_to_join() -> None:
    """Shelling in one city on 4 July and on 8 July, each dated to its day by its own words:
    two happenings more often than not (the later one names the first in passing: "last
    week's shelling", which alone made it a follow-up). Without its own day the same report
    is still a follow-up told days later, and a new toll of the first still joins."""
    other = "قتل خمسة أطفال في قصف صاروخي استهدف منزلا في البصرة يوم 8 تموز 2025 بعد أيام من قصف السوق الشعبي الأسبوع الماضي."
    assert _days_apart_scores(other, ("8 تموز 2025", "2025-07-08")) == [None]
    undated = "قتل خمسة أطفال في قصف صاروخي استهدف منزلا في البصرة بعد أيام من قصف السوق الشعبي الأسبوع الماضي."
    assert max(s or 0.0 for s in _days_apart_scores(undated, None)) >= 1.5
    toll = "ارتفعت حصيلة قتلى القصف الصاروخي الذي استهدف سوقا شعبيا في البصرة إلى خمسة عشر شخصا يوم 8 تموز 2025."
    assert max(s or 0.0 for s in _days_apart_scores(toll, ("8 تموز 2025", "2025-07-08"))) >= 1.5


TOWN_BY_NAME = Entity("e_tuz", "GPE", "طوزخورماتو", attributes={"country": "IQ"})  # a country, no point, no province
SALAH = Entity("e_salah", "GPE", "صلاح الدين", geo=Geo(34.5, 43.5, "region"), attributes={"country": "IQ"})
NAMED_ENTS = {e.id: e for e in (IRAQ, BASRA_E, TOWN_BY_NAME, SALAH)}


def _town_score(scene: tuple[str, str, str]) -> float | None:
    """The score of a bombing at a checkpoint in a town the linker knows by name only against
    the incident of a market bombing the same day that two outlets place at ``scene``."""
    day = [("4 تموز 2025", "2025-07-04")]
    a = _doc("d_a", "صحيفة أ", "2025-07-05",
             f"قتل سبعة أشخاص في انفجار سيارة مفخخة قرب سوق شعبي في {scene[0]} يوم 4 تموز 2025.", [scene], day)  # fmt: skip
    b = _doc("d_b", "صحيفة ب", "2025-07-05",
             f"أسفر انفجار سيارة مفخخة قرب سوق شعبي في {scene[0]} يوم 4 تموز 2025 عن مقتل سبعة أشخاص.", [scene], day)  # fmt: skip
    t = _doc("d_t", "صحيفة ج", "2025-07-05",
             "قتل ثلاثة أشخاص في انفجار سيارة مفخخة عند حاجز أمني في طوزخورماتو يوم 4 تموز 2025.",
             [("طوزخورماتو", "GPE", "e_tuz")], day)  # fmt: skip
    fill = [_doc(f"d_o{i}", "صحيفة د", "2025-07-06", text, [("البصرة", "GPE", "e_basra")]) for i, text in enumerate((
        "اندلع حريق في مستودع للأخشاب بالبصرة وباشرته فرق الدفاع المدني.",
        "أصيب ثلاثة عمال في حادث سقوط رافعة بموقع إنشاءات في البصرة.",
        "انقلبت شاحنة محملة بالحديد على طريق سريع قرب البصرة.",
    ))]  # fmt: skip
    reps = _reports([a, b, t, *fill], NAMED_ENTS)
    idf, inc = _weights_and_incident(reps, ("d_a", "d_b"))
    [town] = [r for r in reps if r.doc == "d_t"]
    return score(town, inc, idf, NAMED_ENTS)


def test_a_town_known_by_name_only_is_in_no_other_towns_province() -> None:
    """A town the linker gives a country but neither a point nor a province is not "perhaps
    inside" every other town of its country (as a province is): beside a city it is unknown,
    and the same kind of happening the same day in the city is not its incident on the
    country alone; beside a province it may still lie in it."""
    assert pl.best_relation({"e_tuz"}, {"e_basra"}, NAMED_ENTS) == pl.UNKNOWN
    assert pl.best_relation({"e_tuz"}, {"e_basra", "e_iq"}, NAMED_ENTS) == pl.COUNTRY  # the country both name
    assert (_town_score(("البصرة", "GPE", "e_basra")) or 0.0) < JOIN
    # the control: an incident placed in a province of the country may be the town's
    assert pl.best_relation({"e_tuz"}, {"e_salah"}, NAMED_ENTS) == pl.REGION
    assert (_town_score(("صلاح الدين", "GPE", "e_salah")) or 0.0) >= JOIN
