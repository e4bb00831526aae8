"""Scale features of the orchestrator: parallel annotation, per-stage cost, optional report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_pipeline_fakes import ARTICLE_A, ARTICLE_B, fake_ingest, route_stages, write_pages  # noqa: F401

from rasd import pipeline
from rasd.ids import make_id
from rasd.models import DocAnalysis, Document, Published, Views, to_dict

# Self-written sentences, varied per document so annotators see different inputs.
_EXTRA = [
    "وقال وزير الدفاع في مؤتمر صحفي يوم {n} آذار إن نحو {k} جندي سيغادرون القاعدة قبل نهاية العام.",
    "ونفى متحدث باسم الحكومة وجود أي اتفاق على جدول زمني، مؤكدا أن المحادثات مستمرة منذ {n} يوما.",
    "وأعلنت الشرطة اعتقال {k} مشتبها بهم في بغداد بعد هجوم بصاروخين على مطار المدينة.",
]


def _docs(n: int) -> list[Document]:
    out = []
    for i in range(n):
        body = "\n\n".join([ARTICLE_A if i % 2 else ARTICLE_B, _EXTRA[i % 3].format(n=i % 28 + 1, k=10 + 7 * i)])
        out.append(
            Document(
                id=make_id("d", "scale-test", str(i)), source=f"doc{i}.txt", part=0, title=f"خبر {i}", outlet=None,
                published=Published("2024-09-0" + str(1 + i % 9), "day", "given", 1.0), language="ar", text=body,
            )
        )  # fmt: skip
    return out


def _mentions(das: list[DocAnalysis]) -> list[dict[str, object]]:
    return [{k: [to_dict(m) for m in getattr(da, k)] for k in ("timex", "entities", "quantities", "quotes")} for da in das]


def test_parallel_annotation_gives_the_serial_result() -> None:
    docs = _docs(40)  # more than two batches of 16, so the process pool is used
    serial = [DocAnalysis(doc=d) for d in docs]
    parallel = [DocAnalysis(doc=d) for d in docs]
    err_s: list[tuple[str, str]] = []
    err_p: list[tuple[str, str]] = []
    tim_s: dict[str, list[float]] = {}
    tim_p: dict[str, list[float]] = {}
    pipeline.annotate_all(serial, err_s, workers=1, timings=tim_s)
    ticks: list[int] = []
    pipeline.annotate_all(parallel, err_p, workers=2, timings=tim_p, tick=ticks.append)
    assert _mentions(parallel) == _mentions(serial)
    assert err_p == err_s
    assert sum(len(da.timex) + len(da.entities) + len(da.quantities) + len(da.quotes) for da in serial) > 40
    for da in parallel:  # mentions came back for the right document
        assert all(m.doc == da.doc.id and da.doc.text[m.start : m.end] == m.text for m in da.timex + da.entities)
    assert ticks[-1] == 40 and ticks == sorted(ticks)
    assert set(tim_p) == set(tim_s) and all(t[2] == 40 for t in tim_p.values())


def test_meter_sees_a_stage_s_own_peak() -> None:
    meter = pipeline.Meter()
    with meter.stage("alloc", docs=3):
        block = bytearray(80 * 1024 * 1024)
        block[::4096] = b"x" * len(block[::4096])  # touch every page so it is resident
        del block
    with meter.stage("idle"):
        pass
    alloc, idle = meter.stats
    assert alloc.name == "alloc" and alloc.docs == 3 and alloc.wall > 0
    assert alloc.peak_rss_mb >= alloc.rss_mb + 60  # the block was freed but the peak kept it
    if alloc.peak_reset:  # Linux with clear_refs: the next stage starts from its own level
        assert idle.peak_rss_mb < alloc.peak_rss_mb - 60
    assert alloc.docs_per_s() == pytest.approx(3 / alloc.wall)
    assert idle.docs_per_s() is None


@pytest.mark.usefixtures("fake_ingest")
@pytest.mark.parametrize("workers", [1, 2])
def test_analyze_reports_stage_costs_and_can_skip_the_report(tmp_path: Path, workers: int) -> None:
    pages = write_pages(tmp_path / "pages")
    res = pipeline.analyze(
        [str(pages)], db_path=tmp_path / "s.db", out_dir=tmp_path / "out", as_of="2024-09-01",
        progress=False, workers=workers, report=False,
    )  # fmt: skip
    names = [s.name for s in res.stages]
    for want in ("ingest+store", "load", "annotate", "resolve", "views", "save", "export json", "finish"):
        assert want in names
    assert "report html" not in names and res.report_path is None
    assert not (tmp_path / "out" / "report.html").exists()
    st = {s.name: s for s in res.stages}
    assert st["ingest+store"].docs == res.documents == 3
    assert st["load"].docs == 3 and st["annotate"].docs == 3
    assert st["annotate:time"].docs == 2  # the fake time annotator ran on the two Arabic documents
    assert all(s.wall >= 0 and s.cpu >= 0 for s in res.stages)
    assert all(s.peak_rss_mb > 0 for s in res.stages if not s.name.startswith("annotate:"))
    assert sum(s.wall for s in res.stages if ":" not in s.name) <= res.seconds + 1e-6
    data = json.loads((tmp_path / "out" / "analysis.json").read_text(encoding="utf-8"))
    assert res.found["documents"] == len(data["documents"]) == 3
    assert res.found["mentions.timex"] == len(data["mentions"]["timex"]) > 0


@pytest.mark.usefixtures("fake_ingest")
def test_every_corpus_stage_is_called_once_on_the_analysed_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Instrumenting the run must not drop a stage: resolve, speakers and views all run, in order."""
    calls: list[tuple[str, int]] = []

    def link(das: list[DocAnalysis]) -> list[object]:
        calls.append(("resolve", len(das)))
        return []

    def link_speakers(das: list[DocAnalysis]) -> int:
        calls.append(("speakers", len(das)))
        return 0

    def build(das: list[DocAnalysis], ents: list[object], as_of: str, workers: int = 1) -> Views:
        calls.append(("views", len(das)))
        return Views()

    funcs = {"link": link, "link_speakers": link_speakers, "build": build}
    route_stages(monkeypatch, "rasd_test_corpus_stages", funcs, {"resolve", "speakers", "story"}, others_absent=False)
    res = pipeline.analyze(
        [str(write_pages(tmp_path / "pages"))], db_path=tmp_path / "c.db", out_dir=tmp_path / "out",
        as_of="2024-09-01", progress=False, report=False,
    )  # fmt: skip
    assert calls == [("resolve", 2), ("speakers", 2), ("views", 2)]  # the two Arabic documents
    assert not [m for _, m in res.errors if "resolve" in m or "views" in m]
