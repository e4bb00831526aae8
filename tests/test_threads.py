"""Commitment threads: deadline history, status as of a date, and deadline conflicts."""

from __future__ import annotations

import random

from test_events import ent, make_da, tmx

from rasd.models import DocAnalysis, Entity, Geo
from rasd.story.commitments import find_commitments
from rasd.story.threads import build_threads, deadline_words

AS_OF = "2026-11-22"
IQ = Entity(
    "e_iq",
    "GPE",
    "العراق",
    geo=Geo(33.0, 44.0, "country"),
    attributes={"country": "IQ", "demonyms": ["العراقية"]},
)
AF = Entity("e_af", "GPE", "أفغانستان", geo=Geo(33.9, 67.7, "country"), attributes={"country": "AF"})
US = Entity(
    "e_us",
    "GPE",
    "الولايات المتحدة",
    geo=Geo(38.0, -97.0, "country"),
    attributes={"country": "US", "demonyms": ["الأميركية"]},
)
TR = Entity(
    "e_tr",
    "GPE",
    "تركيا",
    geo=Geo(39.0, 35.0, "country"),
    attributes={"country": "TR", "demonyms": ["التركية"]},
)
COALITION = Entity("e_coal", "ORG", "التحالف الدولي")
BASE = Entity("e_base", "FAC", "قاعدة حرير", geo=Geo(36.3, 44.2, "site"), attributes={"country": "IQ"})
PEOPLE = {"سعد الراوي": "e_p1", "كريم الجبوري": "e_p2", "مارك هيل": "e_p3", "ليلى حسن": "e_p4"}
ENTS = [IQ, AF, US, TR, COALITION, BASE] + [Entity(i, "PER", n) for n, i in PEOPLE.items()]
NAMES = [("التحالف الدولي", "ORG", "e_coal"), ("قاعدة حرير", "FAC", "e_base"), ("العراق", "GPE", "e_iq"),
         ("أفغانستان", "GPE", "e_af")] + [(n, "PER", i) for n, i in PEOPLE.items()]  # fmt: skip


def doc(
    doc_id: str, outlet: str, published: str, text: str, deadline: tuple[str, str, str | None] | None = None
) -> DocAnalysis:
    """One article with its entity mentions and (``surface, value, mod``) its deadline."""
    da = make_da(text, doc_id=doc_id, published=published)
    da.doc.outlet = outlet
    for surface, typ, eid in NAMES:
        n = text.count(surface)
        for k in range(n):
            ent(da, surface, typ, eid, k)
    da.entities.sort(key=lambda m: m.start)  # as the annotators leave them
    if deadline:
        tmx(da, deadline[0], deadline[1], deadline=True, mod=deadline[2])
    return da


def moving() -> list[DocAnalysis]:
    """The coalition's withdrawal from Iraq, stated three times with a later deadline each time."""
    return [
        doc("d_1", "صحيفة أ", "2023-03-10", "أعلن سعد الراوي أن قوات التحالف الدولي ستنسحب من العراق بحلول نهاية عام 2024.",
            ("نهاية عام 2024", "2024", "END")),
        doc("d_2", "صحيفة ب", "2024-06-01", "وقال كريم الجبوري إن انسحاب قوات التحالف الدولي من العراق سيكتمل بحلول أيلول 2025.",
            ("أيلول 2025", "2025-09", None)),
        doc("d_3", "صحيفة ج", "2025-08-15", "وأكد مارك هيل أن التحالف الدولي سينسحب من العراق في موعد لا يتجاوز أيلول 2026.",
            ("أيلول 2026", "2026-09", None)),
    ]  # fmt: skip


def run(das: list[DocAnalysis], as_of: str = AS_OF):  # noqa: ANN201
    found = [f for da in das for f in find_commitments(da, as_of)]
    return build_threads(found, das, ENTS, as_of)


def thread_of(threads, doc_id: str):  # noqa: ANN001, ANN201
    (t,) = [t for t in threads if any(d.source == doc_id for d in t.deadlines)]
    return t


def test_moving_deadlines_form_one_thread_with_superseded_history() -> None:
    _, threads, _ = run(moving(), "2026-03-01")
    (t,) = threads
    assert t.id.startswith("t_") and t.action == "withdrawal"
    assert t.what == "انسحاب التحالف الدولي من العراق"
    assert [(d.value, d.mod) for d in t.deadlines] == [("2024", "END"), ("2025-09", None), ("2026-09", None)]
    assert [d.status for d in t.deadlines] == ["superseded", "superseded", "current"]
    assert [d.stated_by for d in t.deadlines] == ["e_p1", "e_p2", "e_p3"]
    assert [d.stated_on for d in t.deadlines] == ["2023-03-10", "2024-06-01", "2025-08-15"]
    assert [d.outlet for d in t.deadlines] == ["صحيفة أ", "صحيفة ب", "صحيفة ج"]
    for d in t.deadlines:  # evidence is the stating sentence, offsets exact
        (e,) = d.evidence
        assert e.doc == d.source and d.commitment and d.commitment.startswith("m_")
    assert t.places == ["e_iq"] and "e_coal" in t.actors
    assert t.status == "pending"  # the newest deadline, September 2026, is still ahead
    _, later, _ = run(moving(), AS_OF)
    assert later[0].status == "due" and later[0].id == t.id  # reached, and no report since


def test_a_later_report_that_it_was_done_keeps_the_thread() -> None:
    done = doc(
        "d_4",
        "صحيفة د",
        "2026-10-05",
        "وأكملت قوات التحالف الدولي انسحابها من العراق يوم الأحد بعد سنوات من الوجود.",
    )
    _, threads, _ = run([*moving(), done])
    (t,) = threads
    assert t.status == "kept"
    assert [r.doc for r in t.reports] == ["d_4"] and any(e.doc == "d_4" for e in t.evidence)


def test_a_report_after_the_deadline_that_it_was_not_done_breaks_the_thread() -> None:
    text = "ولم تكتمل عملية انسحاب قوات التحالف الدولي من العراق رغم انقضاء المهلة."
    _, threads, _ = run([*moving(), doc("d_4", "صحيفة د", "2026-10-05", text)])
    assert threads[0].status == "broken" and [r.doc for r in threads[0].reports] == ["d_4"]
    # the same words before the deadline say only that it is not done yet
    _, early, _ = run([*moving(), doc("d_4", "صحيفة د", "2026-05-05", text)])
    assert early[0].status == "due" and early[0].reports == []
    # a condition ("if it does not withdraw") reports nothing
    threat = "وهددت الفصائل بالتصعيد إن لم تنسحب قوات التحالف الدولي من العراق."
    _, cond, _ = run([*moving(), doc("d_4", "صحيفة د", "2026-10-05", threat)])
    assert cond[0].status == "due" and cond[0].reports == []
    # presence after the deadline, worded without a negator, is also not done
    still = "وقال مسؤول إن قوات التحالف الدولي لا تزال موجودة في العراق."
    _, present, _ = run([*moving(), doc("d_4", "صحيفة د", "2026-10-05", still)])
    assert present[0].status == "broken"


def test_a_postponement_with_no_new_date_supersedes_the_thread() -> None:
    text = "وأرجأت الحكومة انسحاب قوات التحالف الدولي من العراق إلى أجل غير مسمى."
    _, threads, _ = run([*moving(), doc("d_4", "صحيفة د", "2025-10-01", text)], "2026-03-01")
    assert threads[0].status == "superseded"


def test_iraq_and_afghanistan_are_two_threads() -> None:
    iraq = doc("d_5", "صحيفة أ", "2024-02-01", "وقال سعد الراوي إن القوات الأميركية ستنسحب من العراق بحلول أيار 2025.",
               ("أيار 2025", "2025-05", None))  # fmt: skip
    afgh = doc("d_6", "صحيفة أ", "2024-02-01", "وقال سعد الراوي إن القوات الأميركية ستنسحب من أفغانستان بحلول أيار 2025.",
               ("أيار 2025", "2025-05", None))  # fmt: skip
    commitments, threads, conflicts = run([iraq, afgh])
    assert len(threads) == 2
    assert {tuple(t.places) for t in threads} == {("e_iq",), ("e_af",)}
    assert {t.what for t in threads} == {
        "انسحاب الولايات المتحدة من العراق",
        "انسحاب الولايات المتحدة من أفغانستان",
    }
    assert len(commitments) == 2  # one deadline and one topic, two promises: not merged
    assert conflicts == []


def test_two_countries_forces_leaving_one_country_are_two_threads() -> None:
    us = doc("d_5", "صحيفة أ", "2024-02-01", "وقال سعد الراوي إن القوات الأميركية ستنسحب من العراق بحلول أيار 2025.",
             ("أيار 2025", "2025-05", None))  # fmt: skip
    tr = doc("d_6", "صحيفة ب", "2024-02-03", "وقال كريم الجبوري إن القوات التركية ستنسحب من العراق بحلول آب 2025.",
             ("آب 2025", "2025-08", None))  # fmt: skip
    _, threads, conflicts = run([us, tr])
    assert len(threads) == 2 and conflicts == []


def test_closing_a_base_is_not_the_withdrawal() -> None:
    base = doc(
        "d_7",
        "صحيفة ب",
        "2024-06-02",
        "وأعلن كريم الجبوري أن قاعدة حرير ستغلق بحلول آذار 2025.",
        ("آذار 2025", "2025-03", None),
    )
    leave = doc("d_8", "صحيفة ج", "2024-06-02", "وقالت ليلى حسن إن قوات التحالف الدولي ستنسحب من قاعدة حرير بحلول شباط 2025.",
                ("شباط 2025", "2025-02", None))  # fmt: skip
    _, threads, conflicts = run([*moving(), base, leave])
    assert len(threads) == 3
    closure = thread_of(threads, "d_7")
    assert closure.action == "closure" and closure.what == "إغلاق قاعدة حرير"
    whole = thread_of(threads, "d_1")
    assert {d.source for d in whole.deadlines} == {"d_1", "d_2", "d_3"}
    one_base = thread_of(threads, "d_8")  # leaving one base is a promise of its own
    assert one_base.action == "withdrawal" and one_base.places == ["e_base"] and one_base.id != whole.id
    assert not [k for k in conflicts if k.thread == whole.id]


def test_two_outlets_giving_different_deadlines_at_the_same_time_differ() -> None:
    other = doc("d_9", "صحيفة هـ", "2024-06-03",
                "وقالت ليلى حسن إن انسحاب قوات التحالف الدولي من العراق سيكتمل بحلول كانون الأول 2025.",
                ("كانون الأول 2025", "2025-12", None))  # fmt: skip
    _, threads, conflicts = run([*moving(), other])
    (t,) = threads
    (k,) = conflicts
    assert (k.kind, k.relation, k.thread) == ("deadline", "differ", t.id)
    assert k.side_a is not None and k.side_b is not None
    sides = {k.side_a.source: k.side_a, k.side_b.source: k.side_b}
    assert set(sides) == {"d_2", "d_9"}
    assert sides["d_2"].value == "أيلول 2025" and sides["d_9"].value == "كانون الأول 2025"
    assert sides["d_2"].outlet == "صحيفة ب" and sides["d_9"].speaker == "e_p4"
    assert "أيلول 2025" in k.explanation and "صحيفة هـ" in k.explanation
    assert {e.doc for e in k.evidence} == {"d_2", "d_9"} and {k.a, k.b} <= set(t.commitments)
    # one outlet moving its own deadline, or two outlets a year apart, is an update, not a conflict
    same = doc("d_9", "صحيفة ب", "2024-06-03", other.doc.text, ("كانون الأول 2025", "2025-12", None))
    assert run([*moving(), same])[2] == []


def test_phases_of_the_current_plan_are_not_superseded() -> None:
    plan = doc("d_4", "صحيفة د", "2025-09-01",
               "وقال مارك هيل إن قوات التحالف الدولي ستنسحب من العراق بحلول أيلول 2026 ثم بحلول أيلول 2027.",
               ("أيلول 2026", "2026-09", None))  # fmt: skip
    tmx(plan, "أيلول 2027", "2027-09", deadline=True)
    _, threads, _ = run([*moving(), plan])
    (t,) = threads
    assert [(d.value, d.status) for d in t.deadlines][-3:] == [
        ("2026-09", "phase"),
        ("2026-09", "phase"),
        ("2027-09", "current"),
    ]
    assert t.status == "pending"


def test_ids_and_order_do_not_depend_on_input_order() -> None:
    def snapshot(das: list[DocAnalysis]):  # noqa: ANN202
        found = [f for da in das for f in find_commitments(da, AS_OF)]
        random.Random(len(das)).shuffle(found)
        c, t, k = build_threads(found, das, ENTS, AS_OF)
        return (
            sorted(x.id for x in c),
            [(x.id, [d.commitment for d in x.deadlines], x.status) for x in t],
            [x.id for x in k],
        )

    other = doc("d_9", "صحيفة هـ", "2024-06-03", "وقالت ليلى حسن إن انسحاب قوات التحالف الدولي من العراق سيكتمل بحلول كانون الأول 2025.",
                ("كانون الأول 2025", "2025-12", None))  # fmt: skip
    das = [*moving(), other]
    first = snapshot(das)
    assert snapshot(list(reversed(das))) == first
    assert snapshot([das[2], das[0], das[3], das[1]]) == first
    assert first[2]  # the conflict is there to compare


def test_deadlines_in_words() -> None:
    assert deadline_words("2025-09", "END") == "نهاية أيلول 2025"
    assert deadline_words("2021-12-31") == "31 كانون الأول 2021"
    assert deadline_words("2026", "END") == "نهاية 2026"
