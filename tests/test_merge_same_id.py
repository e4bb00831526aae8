"""Two reports with one id (one type at one evidence start, not merged) stay two groups.

At 31k SaudiNewsNet articles such a pair made ``merge`` keep only the second group under
the shared id, and ``story.assemble.article_groups`` then failed on the report it had lost.
"""

from __future__ import annotations

from rasd.models import Event, EventDate, Evidence
from rasd.resolve.events import merge
from rasd.story.assemble import article_groups


def _report(value: str, place: str) -> Event:
    return Event(
        id="v_same", type="MEETING", date=EventDate(value, "day"), place=place,
        evidence=[Evidence("d_1", 10, 30)],
    )  # fmt: skip


def test_reports_sharing_an_id_keep_their_groups() -> None:
    a, b = _report("2024-03-01", "e_bagdad"), _report("2024-05-20", "e_basra")  # different days: not one meeting
    got = merge([a, b])
    assert len(got.events) == 2 and len({e.id for e in got.events}) == 2
    assert sorted(r.date.value for rs in got.members.values() for r in rs) == ["2024-03-01", "2024-05-20"]
    groups = article_groups([a, b])
    assert sorted(len(g) for g in groups) in ([1, 1], [2])
    assert sum(len(g) for g in groups) == 2
