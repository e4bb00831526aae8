"""A sentence that sets its article's happening in context ("ويأتي الهجوم بعد …", "وسبق أن …")
names earlier happenings in passing: a report read in it may join an incident but adds
nothing the incident is known by, so it never bridges two happenings of two towns into one.
Our own sentences; ``story.report_words.sets_context`` and ``story.reports.Incident.add``."""

from __future__ import annotations

from datetime import date

from rasd.models import Event, EventDate, Evidence
from rasd.story.report_words import sets_context, word_groups
from rasd.story.reports import Incident, Report


def test_context_openers_are_read_with_or_without_waw() -> None:
    assert sets_context("ويأتي الهجوم بعد أيام من تفجير استهدف سوقا في المدينة نفسها.")
    assert sets_context("وسبق أن أعلنت السلطات حالة التأهب في العاصمة.")
    assert sets_context("يذكر أن المنطقة شهدت حريقا مماثلا الشهر الماضي.")
    assert not sets_context("وأسفر الهجوم عن مقتل ثلاثة أشخاص وإصابة خمسة آخرين.")
    # the opener must open the sentence: a verb of it further on is no context
    assert not sets_context("قال شهود إن الانفجار وقع في السوق الذي يأتي إليه المتسوقون صباحا.")


def _report(doc: str, place: str, text: str, context: bool) -> Report:
    ev = Event(f"v_{doc}", "ATTACK", EventDate("2025-03-03", "day"), trigger="هجوم", evidence=[Evidence(doc, 0, 4)])
    day = date(2025, 3, 3)
    groups = word_groups(text)
    return Report(ev, doc, "صحيفة", day, "violence", "هجوم", day, day, True, frozenset({place}), frozenset(),
                  frozenset(w for g in groups for w in g), groups=groups, context=context)  # fmt: skip


def test_a_context_report_joins_without_changing_what_the_incident_is_known_by() -> None:
    inc = Incident("violence")
    inc.add(_report("d_a", "e_north", "هجوم مسلح على مركز للشرطة في البلدة الشمالية", context=False))
    scene, words, window = inc.scene(), set(inc.words), (inc.lo, inc.hi)
    inc.add(_report("d_b", "e_south", "ويأتي الهجوم بعد تفجير سوق البلدة الجنوبية", context=True))
    assert len(inc.reports) == 2  # it is one of the incident's reports …
    assert inc.scene() == scene and inc.words == words and (inc.lo, inc.hi) == window  # … but no bridge
    inc.add(_report("d_c", "e_south", "تفجير سوق البلدة الجنوبية", context=False))
    assert "e_south" in inc.places  # a report of its own still counts
