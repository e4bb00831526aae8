"""Incident resolution split by kind group (what ``--dask`` runs as one task per group)
gives the incidents of one pass over all reports: same members, same order, same profile."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pytest
from test_incident_joins import ENTS, _doc, _reports

from rasd.models import Entity
from rasd.parallel_dask import _EncodeOnDask
from rasd.story.incidents import Incident, Report, doc_counts, kind_groups, resolve, resolve_part


def _corpus() -> list[Report]:
    """Bombings, an arrest naming one, a fire, two deaths: kinds that meet and kinds that never do."""
    das = [
        _doc("d_b1", "صحيفة أ", "2025-03-03", "قتل ثلاثة أشخاص في تفجير سيارة مفخخة في بلدة الخالص يوم 2 آذار 2025.",
             [("الخالص", "GPE", "e_khalis")], [("2 آذار 2025", "2025-03-02")]),
        _doc("d_b2", "صحيفة ب", "2025-03-03", "أسفر تفجير سيارة مفخخة في الخالص أمس عن مقتل أربعة أشخاص.",
             [("الخالص", "GPE", "e_khalis")], [("أمس", "2025-03-02")]),
        _doc("d_arr", "صحيفة ج", "2025-03-06", "أعلنت الشرطة اليوم اعتقال خمسة مشتبهين في التفجير الإرهابي الذي وقع في الخالص.",
             [("الخالص", "GPE", "e_khalis")], [("اليوم", "2025-03-06")]),
        _doc("d_arr2", "صحيفة د", "2025-03-06", "أعلنت الشرطة اليوم اعتقال تاجر مخدرات في البصرة.",
             [("البصرة", "GPE", "e_basra")], [("اليوم", "2025-03-06")]),
        _doc("d_f1", "صحيفة أ", "2025-03-04", "اندلع حريق كبير في مستودع للأخشاب بالبصرة مساء أمس دون إصابات.",
             [("البصرة", "GPE", "e_basra")], [("أمس", "2025-03-03")]),
        _doc("d_f2", "صحيفة ب", "2025-03-04", "أخمد رجال الدفاع المدني حريقا شب في مستودع أخشاب في البصرة.",
             [("البصرة", "GPE", "e_basra")]),
        _doc("d_p1", "صحيفة أ", "2025-03-05", "أعلنت العائلة أمس وفاة الشيخ سالم العتيبي في مستشفى بالكويت.",
             [("سالم العتيبي", "PER", "e_salem"), ("الكويت", "GPE", "e_kwc")], [("أمس", "2025-03-04")]),
        _doc("d_p2", "صحيفة ب", "2025-03-05", "توفي خالد المري أمس في الرياض.",
             [("خالد المري", "PER", "e_khalid"), ("الرياض", "GPE", "e_ruh")], [("أمس", "2025-03-04")]),
    ]  # fmt: skip
    return _reports(das)


def _here(reports: Sequence[Report], ents: Mapping[str, Entity], df: Mapping[str, int], n: int,
          groups: list[list[int]]) -> list[list[list[int]]]:  # fmt: skip
    """The groups one after another in this process, each from copies of its reports only."""
    return [resolve_part([reports[i] for i in g], ents, df, n) for g in groups]


def _profile(inc: Incident) -> tuple[Any, ...]:
    return (inc.kind, [(r.doc, r.ev.id) for r in inc.reports], inc.lo, inc.hi, inc.dated, sorted(inc.places),
            sorted(inc.words), sorted(inc.counts), sorted(inc.about), sorted(inc.persons))  # fmt: skip


def test_kind_groups_keep_kinds_that_can_meet_together_and_cover_every_report() -> None:
    reports = _corpus()
    groups = kind_groups(reports)
    assert sorted(i for g in groups for i in g) == list(range(len(reports)))
    kinds = [{reports[i].kind for i in g} for g in groups]
    assert {"arrest", "violence"} <= next(k for k in kinds if "arrest" in k)  # the arrest names a bombing
    assert len(groups) >= 3  # fire and death never meet a bombing
    for g in groups:  # no report looks for incidents of a kind outside its group
        inside = {reports[i].kind for i in g}
        assert all(reports[i].about <= inside for i in g)
    assert [len(g) for g in groups] == sorted((len(g) for g in groups), reverse=True)


def test_resolving_each_kind_group_apart_gives_the_incidents_of_one_pass() -> None:
    reports = _corpus()
    whole = resolve(reports, ENTS)
    split = resolve(reports, ENTS, _here)
    assert len(whole) >= 4
    assert [_profile(i) for i in split] == [_profile(i) for i in whole]
    # the parts really were resolved apart: the runner saw more than one group
    seen: list[int] = []
    resolve(reports, ENTS, lambda r, e, df, n, gs: seen.append(len(gs)) or _here(r, e, df, n, gs))
    assert seen and seen[0] >= 3


def test_word_weights_are_the_corpus_s_whatever_the_group() -> None:
    reports = _corpus()
    df, n = doc_counts(reports)
    assert n == len({r.doc for r in reports})
    fire = next(g for g in kind_groups(reports) if reports[g[0]].kind == "fire")
    assert doc_counts([reports[i] for i in fire])[1] < n  # a group alone would count fewer articles


class _Failing:
    """A Dask client stand-in whose tasks all fail (a worker lost for good)."""

    class _Future:
        def result(self) -> Any:
            raise OSError("worker lost")

        def release(self) -> None:
            pass

        def done(self) -> bool:
            return True

    def submit(self, *args: Any, **kwargs: Any) -> _Future:
        return self._Future()

    def cancel(self, futures: Any) -> None:
        pass


class _Encoder:
    def __init__(self) -> None:
        self.encoded: list[str] = []
        self.kept: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.encoded.extend(texts)
        return np.zeros((len(texts), 2), dtype=np.float32)

    def remember(self, texts: Sequence[str], rows: np.ndarray) -> None:
        self.kept.extend(texts)


def test_encoder_batches_whose_task_fails_are_encoded_here() -> None:
    enc = _Encoder()
    with _EncodeOnDask(_Failing(), enc) as fill:  # type: ignore[arg-type]
        fill.put(["أ", "ب"])
        fill.put(["ج"])
        fill.finish()
    assert enc.encoded == ["أ", "ب", "ج"] and enc.kept == []


@pytest.mark.parametrize("n", [0, 1])
def test_resolve_with_parts_takes_empty_and_single_report_input(n: int) -> None:
    reports = _corpus()[:n]
    assert [_profile(i) for i in resolve(reports, ENTS, _here)] == [_profile(i) for i in resolve(reports, ENTS)]
