"""The story stage's per-article reading done ahead (in the per-document step) gives what
the corpus step would read itself: report cues for threads, each report's sentence for
incidents, remembered place relations, and the claim scope's index of threads by topic."""

from __future__ import annotations

from test_incident_joins import ABHA, ASIR, BASRA, ENTS, KHALIS, RIYADH, _doc
from test_threads import AS_OF, doc, moving
from test_threads import ENTS as THREAD_ENTS

from rasd.annotators.events import extract
from rasd.models import Claim, Evidence, Thread
from rasd.story import incident_types
from rasd.story import places as pl
from rasd.story.claims import ClaimRecord
from rasd.story.commitments import find_commitments
from rasd.story.incidents import make_reports, parse_day, resolve
from rasd.story.reports import told_of
from rasd.story.stage import ClaimSpans, _Scope
from rasd.story.threads import build_threads, sentence_cues


def test_threads_read_the_cues_given_as_they_read_them_themselves() -> None:
    extra = [
        doc("d_4", "صحيفة د", "2026-10-05", "وأكملت قوات التحالف الدولي انسحابها من العراق يوم الأحد."),
        doc("d_5", "صحيفة هـ", "2026-10-06", "ولم تكتمل عملية انسحاب قوات التحالف الدولي من العراق رغم انقضاء المهلة."),
        doc("d_6", "صحيفة و", "2099-01-01", "وأكملت قوات التحالف الدولي انسحابها من العراق."),  # after as_of: no cue
    ]  # fmt: skip
    das = [*moving(), *extra]
    cues = {da.doc.id: cs for da in das if (cs := sentence_cues(da, AS_OF))}
    assert {"d_4", "d_5"} <= cues.keys() and "d_6" not in cues
    for d, cs in cues.items():
        text = next(da.doc.text for da in das if da.doc.id == d)
        assert all(0 <= s < e <= len(text) and s <= c.at < e for s, e, c in cs)
    found = [f for da in das for f in find_commitments(da, AS_OF)]
    given = build_threads(found, das, THREAD_ENTS, AS_OF, cues)
    assert given == build_threads(found, das, THREAD_ENTS, AS_OF)
    assert given[1][0].reports  # the cues decided something


def test_reports_from_sentences_read_ahead_are_the_same() -> None:
    das = [
        _doc(
            "a",
            "س",
            "2015-08-06",
            "قتل ثلاثة أشخاص في انفجار بمدينة أبها اليوم.",
            [("أبها", "GPE", "e_abha")],
        ),
        _doc("b", "ص", "2015-08-07", "أسفر تفجير أبها أمس عن مقتل ثلاثة أشخاص.", [("أبها", "GPE", "e_abha")]),
        _doc("c", "ع", "2015-08-07", "اندلع حريق في سوق بالبصرة.", [("البصرة", "GPE", "e_basra")]),
    ]
    evs = {da.doc.id: extract(da) for da in das}
    known = {id(ev): t for da in das for ev, t in zip(evs[da.doc.id], told_of(evs[da.doc.id], da.doc.text), strict=True)
             if t is not None}  # fmt: skip
    assert known
    happen = [
        ev for v in evs.values() for ev in v if ev.type in incident_types() and ev.modality == "happened"
    ]
    texts = {da.doc.id: da.doc.text for da in das}
    pubs = {da.doc.id: parse_day(da.doc.published.value) for da in das}
    outlets = {da.doc.id: da.doc.outlet or "" for da in das}
    ahead = make_reports(happen, texts, pubs, outlets, ENTS, None, known)
    assert ahead == make_reports(happen, texts, pubs, outlets, ENTS)
    plain = sorted(
        sorted({r.doc for r in inc.reports})
        for inc in resolve(make_reports(happen, texts, pubs, outlets, ENTS), ENTS)
    )
    assert sorted(sorted({r.doc for r in inc.reports}) for inc in resolve(ahead, ENTS)) == plain


def test_remembered_relations_are_best_relation() -> None:
    rel = pl.Relations(ENTS)
    sets = [frozenset(), frozenset({ABHA.id}), frozenset({ASIR.id}), frozenset({ABHA.id, RIYADH.id}),
            frozenset({KHALIS.id, BASRA.id}), frozenset({"e_unknown"})]  # fmt: skip
    for _ in range(2):  # the second time from memory
        for xs in sets:
            for ys in sets:
                assert rel(xs, ys) == pl.best_relation(xs, ys, ENTS)


def _record(cid: str, doc_id: str, topics: dict[str, str], ents: frozenset[str], year: str) -> ClaimRecord:
    claim = Claim(
        id=cid, subject="", predicate="says", object="نص", time=None, evidence=[Evidence(doc_id, 0, 3)]
    )
    return ClaimRecord(claim=claim, doc=doc_id, text="نص", topics=topics, entities=ents, year=year)


def test_scope_threads_by_topic_are_those_of_a_scan_of_every_thread() -> None:
    threads = [
        Thread(id="t_a", what="أ", action="withdrawal", actors=["e_us"], places=["e_iq"]),
        Thread(id="t_b", what="ب", action="withdrawal", actors=["e_tr"], places=["e_sy"]),
        Thread(id="t_c", what="ج", action="election", actors=["e_iq"]),
    ]
    scope = _Scope(ClaimSpans([]), [], {}, threads)
    fams = {t: fs for t, fs, _, _ in scope._about}
    recs = [
        _record("c1", "d1", {f: "assert" for f in fams["t_a"]}, frozenset({"e_iq"}), "2020"),
        _record(
            "c2", "d2", {f: "deny" for f in fams["t_b"] | fams["t_c"]}, frozenset({"e_tr", "e_iq"}), "2021"
        ),
        _record("c3", "d3", {"other": "assert"}, frozenset({"e_us"}), "2021"),
    ]
    for r in recs:  # what the scan over every thread gave before the index
        want = {tid for tid, families, names, since in scope._about
                if families & r.topics.keys() and names & scope._names(r.entities) and not (since and r.year and r.year < since)}  # fmt: skip
        assert scope.threads_of(r) == want
    assert any(scope.threads_of(r) for r in recs)
