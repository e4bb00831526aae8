"""Disagreements missed inside one found incident (issue 13, recall): a side's value not read.

Self-written sentences only. The form the dev half of the incident gold set showed in three
batches: the article tells the happening first, then an official's account of it opens with
the day the call came in ("وقال المتحدث إنه مساء أمس تلقى مركز العمليات … بلاغا بالحادث"). That
day is the happening's, though said after the trigger, far from the word "بلاغ" and in a
sentence that refers back to the happening ("بالحادث الذي وقع"), so two
outlets giving two days disagree; its control: the day of something else the official tells
(a visit to the scene) dates nothing.
"""

from __future__ import annotations

from test_story_precision import AS_OF, TOWN
from test_story_report_days import _doc

from rasd.story.stage import build

LEAD = "قتل 12 شخصا في انفجار عبوة ناسفة في سوق تلعفر"


def _run(account: str) -> tuple[list[str], set[tuple[str, ...]]]:
    """The blast incident's dates and its date conflicts when a first outlet tells the blast and
    then ``account`` (its day: مساء أمس, 3 March) and a second dates the blast 2 March."""
    one = _doc("d_a", "صحيفة الشمال", f"{LEAD}، {account}", "مساء أمس", "2025-03-03TEV")
    two = _doc("d_b", "صحيفة الجنوب", f"{LEAD} يوم 2 آذار 2025.", "2 آذار 2025", "2025-03-02")
    out = build([one, two], [TOWN], AS_OF)
    [inc] = [i for i in out.incidents if "تلعفر" in i.label]
    pairs = {tuple(sorted((str(k.side_a.value), str(k.side_b.value)))) for k in out.conflicts
             if k.kind == "slot" and k.slot == "date" and k.side_a and k.side_b}  # fmt: skip
    return sorted(str(v.value) for v in inc.slots.get("date", [])), pairs


def test_the_day_an_official_says_the_call_came_in_dates_the_happening() -> None:
    account = ("وقال المتحدث باسم الدفاع المدني إنه مساء أمس تلقى مركز القيادة والتوجيه في المحافظة بلاغا"
               " بالحادث الذي وقع في السوق.")  # fmt: skip
    dates, pairs = _run(account)
    assert dates == ["2025-03-02", "2025-03-03TEV"]
    assert pairs == {("2025-03-02", "2025-03-03TEV")}


def test_the_day_of_a_visit_the_official_tells_dates_nothing() -> None:
    account = "وقال المتحدث باسم الدفاع المدني إنه مساء أمس زار المحافظ موقع الحادث الذي وقع في السوق."
    dates, pairs = _run(account)
    assert dates == ["2025-03-02"]
    assert pairs == set()
