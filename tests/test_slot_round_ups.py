"""An article that gives many figures of one slot for an incident (a round-up of several
attacks, a monthly tally) is not set against another source: which figure is this
incident's is unknown. One or two figures (an early and an updated toll) still are."""

from __future__ import annotations

from datetime import date

from rasd.models import Event, EventDate, Evidence, Side
from rasd.story.figures import Value
from rasd.story.incidents import Report
from rasd.story.slots import ROUND_UP, disagreements


def _report(doc: str, outlet: str) -> Report:
    ev = Event(f"v_{doc}", "ATTACK", EventDate("2025-03-03", "day"), trigger="هجوم", evidence=[Evidence(doc, 0, 4)])
    day = date(2025, 3, 3)
    return Report(ev, doc, outlet, day, "attack", "هجوم", day, day, True, frozenset(), frozenset(), frozenset())


def _values(r: Report, figures: list[float]) -> list[Value]:
    return [Value("killed", x, None, None, r, Evidence(r.doc, 10 * k, 10 * k + 2)) for k, x in enumerate(figures)]


def _conflicts(a: list[float], b: list[float]) -> list[tuple[str, str]]:
    ra, rb = _report("d_a", "صحيفة الشمال"), _report("d_b", "صحيفة الجنوب")
    found = disagreements("i_1", "هجوم", [*_values(ra, a), *_values(rb, b)], lambda r: r.ev.id,
                          lambda v: Side(f"{v.value:g}", v.report.doc, [v.evidence], v.report.outlet))  # fmt: skip
    return sorted((k.side_a.value, k.side_b.value) for k in found if k.side_a and k.side_b)


def test_a_round_up_with_many_tolls_is_not_compared() -> None:
    many = [float(x) for x in range(6, 6 + ROUND_UP)]  # 6, 7, 8 killed in one article
    assert _conflicts([12.0], many) == []


def test_one_or_two_figures_are_still_compared() -> None:
    assert _conflicts([12.0], [15.0]) == [("12", "15")]
    assert len(_conflicts([12.0], [15.0, 17.0])) == 2  # an early and an updated toll


def test_a_figure_deep_in_its_article_is_shown_but_not_set_against_another_source() -> None:
    from rasd.story.slots import LEAD_CHARS

    ra, rb = _report("d_a", "صحيفة الشمال"), _report("d_b", "صحيفة الجنوب")
    lead = Value("killed", 4.0, None, None, ra, Evidence("d_a", 40, 45))
    other = Value("killed", 6.0, None, None, rb, Evidence("d_b", 60, 65))
    deep = Value("killed", 6.0, None, None, rb, Evidence("d_b", LEAD_CHARS + 200, LEAD_CHARS + 205))

    def found(values: list[Value]) -> int:
        return len(disagreements("i_1", "هجوم", values, lambda r: r.ev.id,
                                 lambda v: Side(f"{v.value:g}", v.report.doc, [v.evidence], v.report.outlet)))  # fmt: skip

    assert found([lead, other]) == 1  # both told in their articles' leads: a disagreement
    assert found([lead, deep]) == 0  # a breakdown, an earlier toll or another happening's figure
