"""Who a death is about, what an arrest is about, and a denial told beside its happening.

A death joins other reports on the person who died (``story/kind_traits.tsv``, trait
``person``): that person is the event's target (``annotators.events.deaths``), never the
killer named before the trigger, the agent after it or a speaker. An arrest joins only the
crimes its sentence names (trait ``arrested``), not a protest. Self-written sentences only.
"""

from __future__ import annotations

from collections.abc import Sequence

from test_events import ent, make_da
from test_incident_joins import _doc, _reports

from rasd.annotators.events import extract
from rasd.models import DocAnalysis, Entity, Geo
from rasd.story.assemble import assemble
from rasd.story.incidents import resolve
from rasd.story.reports import kind_of

HOMS = Entity("e_homs", "GPE", "حمص", geo=Geo(34.73, 36.71, "city"), attributes={"country": "SY"})
KILLER = Entity("e_killer", "PER", "ماجد الخطيب")
VICTIM = Entity("e_victim", "PER", "نزار العلي")
OTHER_VICTIM = Entity("e_other", "PER", "باسم الحلبي")
ENTS = {e.id: e for e in (HOMS, KILLER, VICTIM, OTHER_VICTIM)}


def _grouping(das: Sequence[DocAnalysis]) -> list[set[str]]:
    return [{r.doc for r in inc.reports} for inc in resolve(_reports(das, ENTS), ENTS)]


def _killed(text: str, *names: tuple[str, str]) -> tuple[list[str], list[str]]:
    """``(actors, targets)`` of the one death event of ``text``."""
    da = make_da(text, published="2025-09-02")
    for surface, eid in names:
        ent(da, surface, "PER", eid)
    [ev] = [e for e in extract(da) if e.type == "OTHER"]
    return ev.actors, ev.targets


def test_who_died_is_the_target_and_the_killer_is_not() -> None:
    # the killer before "على قتل", the victim after the trigger past his rank and unit
    assert _killed("أقدم ماجد الخطيب على قتل الرائد الطبيب في سلاح البحرية نزار العلي مساء الأحد.",
                   ("ماجد الخطيب", "e_killer"), ("نزار العلي", "e_victim")) == (["e_killer"], ["e_victim"])  # fmt: skip
    # told with the killer after it ("على يد"): who died is the name before the verb
    assert _killed("شيع الأهالي نزار العلي الذي قتل على يد ماجد الخطيب.",
                   ("نزار العلي", "e_victim"), ("ماجد الخطيب", "e_killer")) == (["e_killer"], ["e_victim"])  # fmt: skip
    # the name inside the phrase "لقي فلان مصرعه" is who died (no event at all before)
    assert _killed("لقي نزار العلي مصرعه فجر الاثنين.", ("نزار العلي", "e_victim")) == ([], ["e_victim"])
    # a death told as a noun after a speaker: the speaker is no victim
    assert _killed("أكد المحامي ماجد الخطيب مقتل نزار العلي.",
                   ("ماجد الخطيب", "e_killer"), ("نزار العلي", "e_victim")) == (["e_killer"], ["e_victim"])  # fmt: skip


def test_a_killing_told_by_its_killer_joins_the_report_naming_the_victim() -> None:
    named = _doc("d_k1", "صحيفة أ", "2025-09-02", "أقدم ماجد الخطيب على قتل الرائد نزار العلي في حمص أمس بعد شجار على موقف سيارة.",
                 [("ماجد الخطيب", "PER", "e_killer"), ("نزار العلي", "PER", "e_victim"), ("حمص", "GPE", "e_homs")],
                 [("أمس", "2025-09-01")])  # fmt: skip
    unnamed = _doc("d_k2", "صحيفة ب", "2025-09-02", "أقدم ماجد الخطيب على قتل ضابط في حمص أمس بعد شجار على موقف سيارة.",
                   [("ماجد الخطيب", "PER", "e_killer"), ("حمص", "GPE", "e_homs")], [("أمس", "2025-09-01")])  # fmt: skip
    another = _doc("d_k3", "صحيفة ج", "2025-09-02", "أقدم ماجد الخطيب على قتل باسم الحلبي في حمص أمس بعد شجار على موقف سيارة.",
                   [("ماجد الخطيب", "PER", "e_killer"), ("باسم الحلبي", "PER", "e_other"), ("حمص", "GPE", "e_homs")],
                   [("أمس", "2025-09-01")])  # fmt: skip
    reps = {r.doc: r for r in _reports([named, unnamed, another], ENTS)}
    assert {d: (r.kind, sorted(r.persons)) for d, r in reps.items()} == {
        "d_k1": ("death", ["e_victim"]),
        "d_k2": ("death", []),  # names only the killer: joined by dates, place and words
        "d_k3": ("death", ["e_other"]),
    }
    groups = _grouping([named, unnamed, another])
    assert any({"d_k1", "d_k2"} <= g for g in groups)
    assert not any({"d_k1", "d_k3"} <= g for g in groups)  # two victims: two deaths, whoever killed them


def test_an_arrest_joins_only_a_crime_it_names_and_a_protest_is_its_own_kind() -> None:
    def kind(text: str) -> str:
        [ev] = [e for e in extract(make_da(text)) if e.type == "OTHER"]
        return kind_of(ev)[0]

    assert kind("نظم مئات العمال اعتصاما أمام مقر الشركة.") == "protest"
    assert kind("خرجت تظاهرات في وسط المدينة مساء الجمعة.") == "protest"
    protest = _doc("d_p1", "صحيفة أ", "2025-09-06", "خرجت تظاهرات في حمص أمس تطالب بمحاسبة المسؤولين.",
                   [("حمص", "GPE", "e_homs")], [("أمس", "2025-09-05")])  # fmt: skip
    arrest = _doc("d_p2", "صحيفة ب", "2025-09-06", "اعتقلت الشرطة عشرين شخصا خلال تظاهرات في حمص أمس.",
                  [("حمص", "GPE", "e_homs")], [("أمس", "2025-09-05")])  # fmt: skip
    storm = _doc("d_p3", "صحيفة ج", "2025-09-06", "اعتقلت الشرطة لصين سرقا متجرا خلال إعصار ضرب حمص أمس.",
                 [("حمص", "GPE", "e_homs")], [("أمس", "2025-09-05")])  # fmt: skip
    bombing = _doc("d_p4", "صحيفة د", "2025-09-06", "اعتقلت الشرطة متهمين في تفجير حمص أمس.",
                   [("حمص", "GPE", "e_homs")], [("أمس", "2025-09-05")])  # fmt: skip
    reps = {(r.doc, r.kind): r for r in _reports([protest, arrest, storm, bombing], ENTS)}
    assert {("d_p1", "protest"), ("d_p2", "arrest"), ("d_p2", "protest")} <= set(reps)
    # an arrest is about the crimes it names (the bombing), not the march or the storm around it
    about = [reps[d, "arrest"].about for d in ("d_p2", "d_p3", "d_p4")]
    assert about == [frozenset(), frozenset(), {"violence"}]
    [arrested] = [inc for inc in resolve(_reports([protest, arrest], ENTS), ENTS) if inc.kind == "arrest"]
    assert [r.doc for r in arrested.reports] == ["d_p2"]  # the march is reported by d_p1 and d_p2 alone


def test_a_denial_beside_the_happening_it_denies_is_a_report_of_that_incident() -> None:
    da = _doc("d_n1", "صحيفة أ", "2025-09-03",
              "نفت الوزارة اختطاف مسلحين لمهندسين قرب حمص. وقال المرصد إن مسلحين اختطفوا المهندسين الخمسة قرب حمص أمس.",
              [("حمص", "GPE", "e_homs")], [("أمس", "2025-09-02")])  # fmt: skip
    ent(da, "حمص", "GPE", "e_homs", nth=1)
    evs = extract(da)
    assert [(e.type, e.modality) for e in evs if e.type == "ATTACK"] == [("ATTACK", "denied"), ("ATTACK", "happened")]
    out = assemble(evs, [da], list(ENTS.values()))
    [attack] = [i for i in out.incidents if i.type == "ATTACK"]
    # the denied abduction (first sentence) and the reported one (second) are one incident
    assert sorted(e.start for e in attack.evidence) == [0, da.doc.text.index("وقال")]
