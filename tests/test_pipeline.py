"""The orchestrator: streaming, error lines, idempotent re-runs, offsets checked, export written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_pipeline_fakes import ARTICLE_A, assert_export_shape, fake_ingest, write_pages  # noqa: F401

from rasd import pipeline, stages
from rasd.models import MENTION_KINDS, DocAnalysis, Document, EntityMention, Published
from rasd.store.sqlite import SQLiteStore


def test_the_stages_are_declared_in_an_order_that_feeds_each_one() -> None:
    assigned: set[str] = set()
    for s in stages.STAGES:
        assert set(s.requires) <= assigned, s.name  # what it reads, an earlier stage wrote
        assigned |= set(s.assigns)
        assert s.fn.__module__.startswith("rasd.") and s.fn.__module__ != "rasd.stages"  # imported, not wrapped
    assert [s.name for s in stages.STAGES.annotators()] == ["time", "entities", "quantities", "quotes"]
    assert stages.available_stages()[:2] == ["pages", "documents"] and stages.available_stages()[-1] == "report"
    assert {f"mentions.{k}" for k in MENTION_KINDS} <= assigned


def test_a_stage_registered_before_its_inputs_is_refused() -> None:
    reg = stages.Stages([stages.Stage("documents", str, (), ("documents",))])
    with pytest.raises(stages.StageOrderError, match="mentions.timex"):
        reg.register(stages.Stage("quantities", str, ("documents", "mentions.timex"), ("mentions.quantities",)))
    with pytest.raises(stages.StageOrderError, match="twice"):
        reg.register(stages.Stage("documents", str, (), ("documents",)))
    assert [s.name for s in reg] == ["documents"]
    assert stages.stage("no-such-stage") is None


def test_a_stage_that_cannot_load_fails_loudly() -> None:
    """No stage is skipped: a stage module that does not import makes the registry fail to import."""
    code = "import sys; sys.modules['rasd.annotators.quotes'] = None; import rasd.stages"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode != 0 and "rasd.annotators.quotes" in run.stderr


@pytest.mark.usefixtures("fake_ingest")
def test_analyze_batch_with_bad_files(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    db = tmp_path / "r.db"
    res = pipeline.analyze([str(pages)], db_path=db, out_dir=tmp_path / "out", as_of="2024-09-01", progress=False)
    assert (res.pages, res.documents, res.new, res.existing) == (4, 3, 3, 0)  # empty and bad never became pages
    sources = sorted(s for s, _ in res.errors)
    assert sources == ["a.txt", "b.txt", "bad.txt", "boom.txt", "empty.txt"]  # a/b: the dropped lying mention
    assert any("bad offsets" in m for s, m in res.errors if s == "a.txt")
    assert any("cannot segment" in m for s, m in res.errors if s == "boom.txt")
    data = json.loads((tmp_path / "out" / "analysis.json").read_text(encoding="utf-8"))
    assert_export_shape(data)
    assert data["as_of"] == "2024-09-01"
    assert len(data["documents"]) == 3
    langs = {d["title"]: d["language"] for d in data["documents"]}
    assert langs["A page in English"] == "en"
    # the time stage ran on Arabic documents only, and only truthful mentions survived
    timex = data["mentions"]["timex"]
    assert {m["text"] for m in timex} == {"الأحد", "الأربعاء"}
    en_id = next(d["id"] for d in data["documents"] if d["language"] == "en")
    assert all(m["doc"] != en_id for m in timex)
    for section in ("entities", "events", "claims", "commitments", "conflicts"):
        assert data[section] == []
    with SQLiteStore(db) as s:
        assert s.count_documents() == 3
        assert len(s.load_mentions().timex) == 2
        assert s.runs()[-1]["counts"]["errors"] == 5


@pytest.mark.usefixtures("fake_ingest")
def test_rerun_adds_nothing_and_output_is_deterministic(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    kw = {"db_path": tmp_path / "r.db", "as_of": "2024-09-01", "progress": False}
    pipeline.analyze([str(pages)], out_dir=tmp_path / "o1", **kw)  # type: ignore[arg-type]
    res = pipeline.analyze([str(pages)], out_dir=tmp_path / "o2", **kw)  # type: ignore[arg-type]
    assert (res.new, res.existing) == (0, 3)
    a = json.loads((tmp_path / "o1" / "analysis.json").read_text(encoding="utf-8"))
    b = json.loads((tmp_path / "o2" / "analysis.json").read_text(encoding="utf-8"))
    a.pop("generated_at"), b.pop("generated_at")
    assert a == b
    with SQLiteStore(tmp_path / "r.db") as s:
        assert len(s.load_mentions().timex) == 2  # replaced, not doubled


@pytest.mark.usefixtures("fake_ingest")
def test_ingest_streams_with_workers(tmp_path: Path) -> None:
    pages = tmp_path / "many"
    pages.mkdir()
    for i in range(70):
        (pages / f"p{i:03}.txt").write_text(f"خبر رقم {i}\n\n{ARTICLE_A} وهذه الفقرة {i} تختلف.", encoding="utf-8")
    (pages / "p999.txt").write_text("عنوان\n\nBOOM", encoding="utf-8")
    res = pipeline.ingest([str(pages)], db_path=tmp_path / "w.db", progress=False, workers=2)
    assert (res.pages, res.documents, res.new) == (71, 70, 70)
    assert [s for s, _ in res.errors] == ["p999.txt"]
    assert res.duplicate_groups == 1  # 70 near-identical pages form one syndication group
    again = pipeline.ingest([str(pages)], db_path=tmp_path / "w.db", progress=False, workers=1)
    assert (again.new, again.existing) == (0, 70)


def test_without_ingest_stage_the_run_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(stages, "STAGES", stages.Stages())  # nothing registered: no way to read pages
    with pytest.raises(stages.StageUnavailable):
        pipeline.ingest(["x"], db_path=tmp_path / "n.db", progress=False)


@settings(deadline=None)
@given(text=st.text(max_size=60), spans=st.lists(st.tuples(st.integers(-3, 70), st.integers(-3, 70), st.booleans()), max_size=8))
def test_annotate_keeps_exactly_the_truthful_mentions(text: str, spans: list[tuple[int, int, bool]]) -> None:
    doc = Document("d_x", "x.txt", 0, "t", None, Published(), "ar", text)
    da = DocAnalysis(doc)
    for s, e, honest in spans:
        da.entities.append(EntityMention("d_x", s, e, text[s:e] if honest else text[s:e] + "؟", "ORG"))
    errors: list[tuple[str, str]] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(stages, "STAGES", stages.Stages())  # only the offset check runs
        stages.annotate(da, errors)
    for m in da.entities:
        assert 0 <= m.start <= m.end <= len(text) and text[m.start : m.end] == m.text
    expected = sum(1 for s, e, h in spans if h and 0 <= s <= e <= len(text))
    assert len(da.entities) == expected
    assert bool(errors) == (expected != len(spans))


def test_non_arabic_documents_are_not_annotated(fake_ingest: None) -> None:  # noqa: F811
    da = DocAnalysis(Document("d_en", "e.txt", 0, "t", None, Published(), "en", "Sunday الأحد"))
    stages.annotate(da, [])
    assert da.timex == []
    da_ar = DocAnalysis(Document("d_ar", "a.txt", 0, "t", None, Published(), "ar", "يوم الأحد"))
    errors: list[tuple[str, str]] = []
    stages.annotate(da_ar, errors)
    assert [t.text for t in da_ar.timex] == ["الأحد"] and len(errors) == 1


def test_speakers_take_the_canonical_id_of_the_mention_inside_their_span() -> None:
    from rasd.models import DocAnalysis, Document, EntityMention, Published, Quote, Span, Speaker
    from rasd.resolve.speakers import link_speakers

    text = "قال رئيس الوزراء محمد شياع السوداني إن الحوار مستمر"
    doc = Document(id="d_x", source="s", part=0, title="t", outlet=None, published=Published(),
                   language="ar", text=text)
    da = DocAnalysis(doc=doc)
    name_start = text.index("محمد")
    da.entities = [
        EntityMention("d_x", name_start, name_start + len("محمد شياع السوداني"), "محمد شياع السوداني", "PER", entity="e_sudani"),
        EntityMention("d_x", text.index("الحوار"), text.index("الحوار") + 6, "الحوار", "MISC", entity="e_other"),
    ]
    sp = Speaker(text=text[4:name_start + 18], start=4, end=name_start + 18)
    far = Speaker(text="مصدر", start=text.index("مستمر"), end=len(text))
    da.quotes = [
        Quote("d_x", 0, len(text), sp, "قال", Span(40, len(text)), direct=False),
        Quote("d_x", 0, len(text), far, "قال", Span(40, len(text)), direct=False),
    ]
    assert link_speakers([da]) == 1
    assert da.quotes[0].speaker.entity == "e_sudani"
    assert da.quotes[1].speaker.entity is None


def test_a_place_inside_a_speaker_description_is_not_the_speaker() -> None:
    from rasd.models import DocAnalysis, Document, EntityMention, Published, Quote, Span, Speaker
    from rasd.resolve.speakers import link_speakers

    text = "نفى متحدث باسم السفارة في بغداد وجود موعد، وقالت بغداد إن الموعد قائم"
    doc = Document(id="d_p", source="s", part=0, title="t", outlet=None, published=Published(),
                   language="ar", text=text)  # fmt: skip
    da = DocAnalysis(doc=doc)
    first, second = text.index("بغداد"), text.rindex("بغداد")
    da.entities = [EntityMention("d_p", i, i + 5, "بغداد", "GPE", entity="e_baghdad") for i in (first, second)]
    described = Speaker(text=text[4:first + 5], start=4, end=first + 5)
    metonymy = Speaker(text="بغداد", start=second, end=second + 5)
    da.quotes = [
        Quote("d_p", 0, 40, described, "نفى", Span(first + 6, 40), direct=False),
        Quote("d_p", 41, len(text), metonymy, "قالت", Span(second + 9, len(text)), direct=False),
    ]
    assert link_speakers([da]) == 1
    assert described.entity is None and metonymy.entity == "e_baghdad"
