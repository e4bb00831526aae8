"""Cross-document steps whose cost must not grow with the square of the corpus."""

from __future__ import annotations

from test_events import make_da  # tests/ is on sys.path (pytest prepend mode)
from test_views import ev

from rasd.annotators.entities import recall_family_names
from rasd.models import EntityMention
from rasd.resolve.events import merge


def test_syndicated_event_with_one_figure_has_no_disagreement() -> None:
    reports = [ev(f"r{i}", "ATTACK", "2024-08-05", place="e_base", counts={"rockets": 2}, doc=f"d{i}")
               for i in range(300)]  # fmt: skip
    r = merge(reports)
    assert len(r.events) == 1 and len(r.events[0].evidence) == 300
    assert r.disagreements == []


def test_distinct_figures_give_one_disagreement_per_value_pair() -> None:
    reports = [ev(f"r{i}", "ATTACK", "2024-08-05", place="e_base", counts={"injured": 5 + i % 3}, doc=f"d{i}")
               for i in range(90)]  # fmt: skip
    r = merge(reports)
    assert len(r.events) == 1
    pairs = {tuple(sorted(d.values)) for d in r.disagreements}
    assert pairs == {(5, 6), (5, 7), (6, 7)}
    assert len(r.disagreements) == 3
    for d in r.disagreements:
        assert d.a.counts["injured"] != d.b.counts["injured"]


def test_family_name_recall_matches_after_proclitics_only() -> None:
    full = "التقى محمد شياع السوداني وفدا."
    a = make_da(full, doc_id="a")
    s = full.index("محمد")
    a.entities.append(EntityMention("a", s, s + len("محمد شياع السوداني"), "محمد شياع السوداني", "PER"))
    b = make_da("وقال السوداني إن وللسوداني رأيا، ثم عاد والسوداني.", doc_id="b")
    added = recall_family_names([a, b])
    got = [(m.text, b.doc.text[m.start : m.end]) for m in b.entities]
    assert added == len(b.entities) == 2
    assert all(t == span == "السوداني" for t, span in got)


def test_disagreement_prefers_reports_from_two_articles() -> None:
    same_doc = [ev("a", "ATTACK", "2024-08-05", place="e_base", counts={"injured": 5}, doc="d1", start=0),
                ev("b", "ATTACK", "2024-08-05", place="e_base", counts={"injured": 7}, doc="d1", start=40)]  # fmt: skip
    other = ev("c", "ATTACK", "2024-08-05", place="e_base", counts={"injured": 7}, doc="d2")
    (dis,) = merge([*same_doc, other]).disagreements
    assert {dis.a.evidence[0].doc, dis.b.evidence[0].doc} == {"d1", "d2"}
