"""An article's figures answered from the story cache are what reading them again gives (issue 14).

``incremental.StoryCache.figures`` keeps each article's ``figures.article_values`` under its
``doc:`` key and what the figure reader reads of its reports (``story.figure_cache``): a second
run over the same store reads no article's figures again and builds the same views, and an
article whose text or report changed is read again. Self-written sentences only.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from test_events import ent, make_da, qty, tmx
from test_story_precision import AS_OF, TOWN

from rasd.incremental import StoryCache
from rasd.models import DocAnalysis, Views, to_dict
from rasd.store import open_store
from rasd.story import figure_cache
from rasd.story.figures import Article, Value, article_values
from rasd.story.incidents import Report
from rasd.story.stage import build

BLAST = "تلقت الشرطة مساء أمس بلاغا عن انفجار عبوة ناسفة في سوق تلعفر أسفر عن مقتل 12 شخصا وإصابة 20 آخرين."
OTHER = "قتل 12 شخصا في انفجار عبوة ناسفة في سوق تلعفر يوم 3 آذار 2025 ولم يصب أحد من رجال الأمن."


def _doc(doc_id: str, outlet: str, text: str, day: str, value: str) -> DocAnalysis:
    da = make_da(text, doc_id=doc_id, published="2025-03-04")
    da.doc.outlet = outlet
    ent(da, "تلعفر", "GPE", "e_town")
    qty(da, "12 شخصا", 12.0, "شخص")
    if "20 آخرين" in text:
        qty(da, "20 آخرين", 20.0, "آخر")
    tmx(da, day, value)
    return da


def _corpus(blast: str = BLAST) -> list[DocAnalysis]:
    return [
        _doc("d_a", "صحيفة الشمال", blast, "مساء أمس", "2025-03-03TEV"),
        _doc("d_b", "صحيفة الجنوب", OTHER, "3 آذار 2025", "2025-03-03"),
    ]


def _views(views: Views) -> object:
    return to_dict([views.incidents, views.conflicts, views.events])


def _cached_build(store_path: Path, das: list[DocAnalysis]) -> tuple[Views, StoryCache]:
    with open_store(str(store_path)) as store:
        sc = StoryCache(store)
        out = build(das, [TOWN], AS_OF, 1, **sc.story_kwargs(build, None))
        sc.complete = True
        sc.flush()
    return out, sc


def test_a_second_run_reads_no_figures_again_and_builds_the_same_views(tmp_path: Path) -> None:
    plain = build(_corpus(), [TOWN], AS_OF)
    assert any(inc.slots.get("killed") for inc in plain.incidents) and any(inc.slots.get("date") for inc in plain.incidents)
    first, sc1 = _cached_build(tmp_path / "rasd.db", _corpus())
    second, sc2 = _cached_build(tmp_path / "rasd.db", _corpus())
    assert sc1.counts["fig computed"] == 2 and sc1.counts["fig reused"] == 0
    assert sc2.counts["fig reused"] == 2 and sc2.counts["fig computed"] == 0
    assert _views(first) == _views(plain) == _views(second)


def test_a_changed_article_is_read_again(tmp_path: Path) -> None:
    _cached_build(tmp_path / "rasd.db", _corpus())
    changed = BLAST.replace("عبوة ناسفة", "سيارة مفخخة")
    views, sc = _cached_build(tmp_path / "rasd.db", _corpus(changed))
    assert sc.counts["fig computed"] == 1 and sc.counts["fig reused"] == 1
    assert _views(views) == _views(build(_corpus(changed), [TOWN], AS_OF))


def _read(das: list[DocAnalysis]) -> list[tuple[list[Report], Article]]:
    """The reports and article the figure reader gets for each document (via ``build``)."""
    seen: list[tuple[list[Report], Article]] = []

    def keep(arts: Sequence[tuple[Sequence[Report], Article]]) -> list[list[Value]]:
        seen.extend((list(r), a) for r, a in arts)
        return figure_cache.read_all(arts)

    build(das, [TOWN], AS_OF, figures=keep)
    return seen


def test_values_round_trip_with_their_reports() -> None:
    arts = _read(_corpus())
    assert arts and any(article_values(r, a) for r, a in arts)
    for reports, art in arts:
        values = article_values(reports, art)
        back = figure_cache.decode(figure_cache.encode(values, reports), reports)
        assert back == values
        assert all(b.report is v.report for b, v in zip(back, values, strict=True))
        assert all(isinstance(v, Value) for v in back)


def test_a_changed_report_changes_its_key() -> None:
    [(reports, _), *_] = _read(_corpus())
    base = figure_cache.report_parts(reports)
    r = reports[0]
    assert figure_cache.report_parts([replace(r, kind=r.kind + "_x"), *reports[1:]]) != base
    assert figure_cache.report_parts([replace(r, dated=not r.dated), *reports[1:]]) != base
    ev = copy.copy(r.ev)
    ev.trigger = ev.trigger + "x"
    assert figure_cache.report_parts([replace(r, ev=ev), *reports[1:]]) != base
