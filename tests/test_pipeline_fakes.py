"""Helpers shared by the pipeline and CLI tests (no tests here).

``fake_ingest`` stands in for ``rasd.ingest`` through the stage registry (``rasd.stages``) so
the orchestration (streaming, error lines, idempotency, export) is tested on its own,
whatever state the real ingest is in. ``assert_export_shape`` checks a dict against the
shape written in ``shared/spec/EXPORT.md``.
"""

from __future__ import annotations

import dataclasses
import re
import sys
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from rasd import stages
from rasd.ids import make_id
from rasd.models import DocAnalysis, Document, Published, RawPage, Timex

ARABIC = re.compile(r"[\u0600-\u06FF]")

# Self-written articles (not from ../shared).
ARTICLE_A = (
    "الجيش يعلن إعادة تموضع قواته قرب عين الأسد\n\n"
    "أعلنت قيادة العمليات المشتركة صباح الأحد أن وحدات من القوات الأجنبية بدأت مغادرة قاعدة عين الأسد "
    "الجوية في غرب الأنبار، على أن تكتمل المرحلة الأولى بحلول نهاية أيلول المقبل. وقال متحدث باسم القيادة "
    "إن عدد الجنود المغادرين يقارب خمسمئة جندي، وإن التنسيق مع الحكومة مستمر يوميا لضمان انتقال هادئ "
    "للمسؤوليات الأمنية إلى القوات العراقية في المحافظة."
)
ARTICLE_B = (
    "البرلمان يناقش موازنة العام المقبل\n\n"
    "عقد مجلس النواب جلسة مطولة مساء الأربعاء لمناقشة مشروع قانون الموازنة العامة، وطالب عدد من النواب "
    "بزيادة مخصصات الصحة والتعليم في المحافظات الجنوبية. وأكد رئيس اللجنة المالية أن التصويت النهائي "
    "سيجري خلال أسبوعين بعد استكمال القراءة الثانية وإدخال التعديلات التي اقترحتها الكتل السياسية المختلفة."
)
ENGLISH = "A page in English\n\nThis short page has no Arabic at all and should be stored but not analysed."


@dataclass
class FakeError:
    source: str
    message: str


def _files(inputs: list[str]) -> list[Path]:
    out: list[Path] = []
    for i in inputs:
        p = Path(i)
        out.extend(sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p])
    return out


def fake_iter_pages(inputs: list[str], date: str | None = None) -> Any:
    for p in _files(inputs):
        if not p.exists():
            yield FakeError(str(p), "no such file")
            continue
        raw = p.read_bytes()
        if not raw.strip():
            yield FakeError(p.name, "empty file")
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield FakeError(p.name, "not UTF-8 text")
            continue
        yield RawPage(source=p.name, text=text, date=date)


def fake_documents_from_page(page: RawPage) -> list[Document]:
    if "BOOM" in page.text:
        raise ValueError("cannot segment this page")
    title, _, body = page.text.strip().partition("\n\n")
    lang = "ar" if ARABIC.search(body) else "en"
    pub = Published(page.date, "day", "given", 1.0) if page.date else Published()
    return [
        Document(id=make_id("d", title, body), source=page.source, part=0, title=title.strip(), outlet=None,
                 published=pub, language=lang, text=body.strip())
    ]  # fmt: skip


def fake_time_annotate(da: DocAnalysis) -> None:
    """Marks every 'الأحد'/'الأربعاء', plus one mention with lying offsets to be dropped."""
    for m in re.finditer("الأحد|الأربعاء", da.doc.text):
        da.timex.append(Timex(da.doc.id, m.start(), m.end(), m.group(), "DATE", None))
    da.timex.append(Timex(da.doc.id, 0, 3, "not what the text says", "DATE", None))


REAL = stages.STAGES  # the registered stages, in their order
# each real stage's callable by its name in its module (``annotate``, ``link`` …): the keys of ``funcs``
ATTRS = {s.name: s.fn.__name__ for s in REAL}


def route_stages(
    monkeypatch: pytest.MonkeyPatch, name: str, funcs: dict[str, Any], routed: set[str], others_absent: bool
) -> None:
    """Run the ``routed`` stages with ``funcs`` (by the real callable's name); the other stages
    of the current registry are kept, or left out (``others_absent``: their sections stay
    empty). A fake requires only what the stages before it assign. The fakes also form a
    module ``name``, for tests that import them."""
    mod = types.ModuleType(name)
    for attr, f in funcs.items():
        setattr(mod, attr, f)
    monkeypatch.setitem(sys.modules, name, mod)
    out = stages.Stages()
    for s in REAL:
        if s.name in routed:
            have = out.assigned()
            out.register(dataclasses.replace(s, fn=funcs[ATTRS[s.name]], requires=tuple(r for r in s.requires if r in have)))
        elif not others_absent and (now := stages.STAGES.get(s.name)) is not None:
            out.register(now)
    monkeypatch.setattr(stages, "STAGES", out)


@pytest.fixture
def fake_ingest(monkeypatch: pytest.MonkeyPatch) -> None:
    """Route the pipeline's ingest and time stages to the fakes above."""
    funcs = {"iter_pages": fake_iter_pages, "documents_from_page": fake_documents_from_page, "annotate": fake_time_annotate}
    route_stages(monkeypatch, "rasd_test_fake_ingest", funcs, {"pages", "documents", "time"}, others_absent=True)


def write_pages(d: Path) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    (d / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (d / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (d / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8 broken \x80\x81")
    (d / "boom.txt").write_text("عنوان\n\nBOOM صفحة لا يمكن تقسيمها", encoding="utf-8")
    return d


# --------------------------------------------------------------------------- export shape

_DOC_KEYS = {"id": str, "source": str, "part": int, "title": str, "language": str, "text": str, "removed": list}
_PUBLISHED_KEYS = {"value", "precision", "method", "confidence", "warnings"}
_MENTION_KEYS = {
    "timex": {"doc", "start", "end", "text", "type", "value", "mod", "anchor", "confidence"},
    "entities": {"doc", "start", "end", "text", "type", "entity", "confidence"},
    "quantities": {"doc", "start", "end", "text", "value", "value_max", "approx", "object", "object_entity", "confidence"},
    "quotes": {"doc", "start", "end", "speaker", "cue", "content", "direct", "polarity", "confidence"},
}


def assert_export_shape(data: dict[str, Any]) -> None:
    """Fail unless ``data`` has the EXPORT.md shape and its offsets hold."""
    assert data["schema_version"] == "2"
    assert data["tool"]["name"] == "rasd" and isinstance(data["tool"]["version"], str)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", data["generated_at"])
    assert data["as_of"] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", data["as_of"])
    for key in ("documents", "entities", "events", "incidents", "claims", "commitments", "threads", "conflicts"):
        assert isinstance(data[key], list), key
    texts = {}
    ids = [d["id"] for d in data["documents"]]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for d in data["documents"]:
        for k, t in _DOC_KEYS.items():
            assert isinstance(d[k], t), (k, d[k])
        assert d["outlet"] is None or isinstance(d["outlet"], str)
        assert _PUBLISHED_KEYS <= set(d["published"])
        assert 0.0 <= d["published"]["confidence"] <= 1.0
        assert all({"kind", "text"} <= set(r) for r in d["removed"])
        texts[d["id"]] = d["text"]
    assert set(data["mentions"]) == set(_MENTION_KEYS)
    for kind, keys in _MENTION_KEYS.items():
        items = data["mentions"][kind]
        assert [(m["doc"], m["start"], m["end"]) for m in items] == sorted((m["doc"], m["start"], m["end"]) for m in items)
        for m in items:
            assert keys <= set(m), (kind, keys - set(m))
            assert 0.0 <= m["confidence"] <= 1.0
            if "text" in m:
                assert texts[m["doc"]][m["start"] : m["end"]] == m["text"]
    for section in ("events", "incidents", "claims", "commitments", "threads", "conflicts"):
        for item in data[section]:
            for ev in item["evidence"]:
                assert set(ev) == {"doc", "start", "end"}
    events = {e["id"] for e in data["events"]}
    owners = [r for i in data["incidents"] for r in i["reports"]]
    assert sorted(owners) == sorted(events) and len(owners) == len(set(owners))  # each report in one incident
    for k in data["conflicts"]:  # schema 2: both sides inline, citing real text
        assert k["kind"] in ("slot", "polarity", "deadline") and k["relation"] in ("differ", "contradict", "update")
        for side in (k["a"], k["b"]):
            assert {"value", "source", "evidence", "claim"} <= set(side)
            assert all(texts[e["doc"]][e["start"] : e["end"]] for e in side["evidence"])
