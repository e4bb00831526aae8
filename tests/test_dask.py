"""``--dask``: per-document steps on a Dask cluster give the serial output, failures stay local."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rasd import pipeline, stages
from rasd.ids import make_id
from rasd.models import MENTION_KINDS, DocAnalysis, Document, Published, to_dict
from rasd.parallel_dask import DaskUnavailable, dask_client, parse_target

DEMO = Path(__file__).resolve().parents[1] / "examples" / "corpus"
ARTICLE = (
    "قال وزير الدفاع العراقي يوم الاثنين 3 آذار 2025 إن نحو 2500 جندي أمريكي سيغادرون قاعدة عين الأسد "
    "قبل نهاية أيلول المقبل.\n\nوأضاف الوزير أن الحكومة ستعلن الجدول الزمني خلال أسبوعين.\n\n"
    "وسقط صاروخان على قاعدة عين الأسد في محافظة الأنبار مساء الأحد، وأعلنت الشرطة اعتقال ثلاثة مشتبه بهم."
)  # self-written


def _needs_distributed() -> None:
    pytest.importorskip("distributed", reason="distributed is not installed (pip install -e '.[dask]')")


def _analysis(path: Path) -> dict[str, Any]:
    data = json.loads((path / "analysis.json").read_text(encoding="utf-8"))
    data.pop("generated_at", None)
    return data


def test_targets_are_parsed_and_bad_ones_refused() -> None:
    assert parse_target("local:2") == 2
    assert parse_target("tcp://10.0.0.5:8786") == "tcp://10.0.0.5:8786"
    for bad in ("local:0", "local:", "localhost:8786", "tcp://host", "2"):
        with pytest.raises(ValueError):
            parse_target(bad)


def test_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    with pytest.raises(DaskUnavailable, match=r"rasd\[dask\]"), dask_client("local:1"):
        pass


def test_demo_corpus_on_a_local_cluster_equals_the_serial_run(tmp_path: Path) -> None:
    _needs_distributed()
    kw: dict[str, Any] = dict(as_of="2024-06-01", progress=False, report=False)
    serial = pipeline.analyze([str(DEMO)], db_path=tmp_path / "s.db", out_dir=tmp_path / "s", **kw)
    dask = pipeline.analyze([str(DEMO)], db_path=tmp_path / "d.db", out_dir=tmp_path / "d", dask="local:2", **kw)
    corpus = pipeline.analyze([str(DEMO)], db_path=tmp_path / "c.db", out_dir=tmp_path / "c", dask="local:2",
                              dask_corpus=True, **kw)  # fmt: skip
    want, got = _analysis(tmp_path / "s"), _analysis(tmp_path / "d")
    assert want["documents"] and want["mentions"]["entities"] and want["events"] and want["claims"]
    assert want["incidents"] and want["conflicts"]
    assert got == want
    assert _analysis(tmp_path / "c") == want  # incidents, claim blocks and encoder as cluster tasks
    assert dask.errors == serial.errors == corpus.errors


def test_the_corpus_step_goes_to_a_cluster_given_by_address_unless_told_otherwise() -> None:
    assert not pipeline._remote_corpus(None, None) and not pipeline._remote_corpus(None, True)
    assert not pipeline._remote_corpus("local:2", None) and pipeline._remote_corpus("local:2", True)
    assert pipeline._remote_corpus("tcp://10.0.0.5:8786", None)
    assert not pipeline._remote_corpus("tcp://10.0.0.5:8786", False)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    _needs_distributed()
    with dask_client("local:2") as c:
        yield c


def _doc(i: int, text: str = ARTICLE) -> Document:
    return Document(
        id=make_id("d", "dask-test", str(i)), source=f"doc{i}.txt", part=0, title=f"خبر {i}", outlet=None,
        published=Published("2025-03-0" + str(1 + i % 9), "day", "given", 1.0), language="ar", text=text,
    )  # fmt: skip


def test_workers_have_one_blas_thread(client: Any) -> None:
    from rasd.parallel_dask import blas_threads

    counts = [client.submit(blas_threads, pure=False, workers=[w]).result() for w in client.nthreads()]
    assert len(counts) == 2 and all(counts), counts  # numpy's BLAS is loaded in both workers
    assert {n for c in counts for n in c} == {1}


def test_a_failing_document_is_reported_and_the_rest_annotated(client: Any) -> None:
    from rasd.parallel_dask import annotate_on_dask

    docs = [_doc(i) for i in range(6)]
    broken = _doc(99)
    broken.language = ["ar"]  # type: ignore[assignment]  # unhashable: annotate_batch itself raises
    das = [DocAnalysis(doc=d) for d in docs]
    errors: list[tuple[str, str]] = []
    ticks: list[int] = []
    annotate_on_dask(client, [*das[:3], DocAnalysis(doc=broken), *das[3:]], errors, batch=7, tick=ticks.append)

    serial = [DocAnalysis(doc=d) for d in docs]
    pipeline.annotate_all(serial, [], workers=1)
    assert [[to_dict(m) for k in MENTION_KINDS for m in getattr(da, k)] for da in das] == [
        [to_dict(m) for k in MENTION_KINDS for m in getattr(da, k)] for da in serial
    ]
    assert any(da.entities for da in das)
    assert [e[0] for e in errors if "(dask)" in e[1]] == ["doc99.txt"]
    assert ticks[-1] == 7


def test_a_failing_document_in_the_story_step_is_reported(client: Any) -> None:
    from rasd.parallel_dask import per_document_on_dask
    from rasd.story.stage import _name_index, _per_document

    das = [DocAnalysis(doc=_doc(i)) for i in range(3)]
    pipeline.annotate_all(das, [], workers=1)
    link = stages.stage("resolve")
    assert link is not None
    names = _name_index(link(das))
    broken = DocAnalysis(doc=_doc(99))
    broken.entities = None  # type: ignore[assignment]
    errors: list[tuple[str, str]] = []
    got = per_document_on_dask(client, [das[0], broken, das[1], das[2]], names, "2025-06-01", errors)
    assert len(got) == 4 and got[1] == ([], [], [], [], [])
    assert [e[0] for e in errors] == ["doc99.txt"]
    want = [_per_document(da, names, "2025-06-01") for da in das]
    assert [got[0], got[2], got[3]] == want
    assert any(evs and recs for evs, recs, *_ in want)


def test_client_and_cluster_are_closed_when_the_run_fails() -> None:
    _needs_distributed()
    seen: list[Any] = []
    with pytest.raises(RuntimeError, match="boom"), dask_client("local:1") as c:
        seen += [c, c.cluster]
        raise RuntimeError("boom")
    client, cluster = seen
    assert client.status == "closed"
    assert cluster.status.name == "closed"
