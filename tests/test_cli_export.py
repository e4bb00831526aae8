"""The export module: contract shape, deterministic order, JSONL and CSV forms."""

from __future__ import annotations

import csv
import io
import json
import random

from test_pipeline_fakes import assert_export_shape

from rasd.interfaces.export import (
    DOC_FIELDS,
    analysis_to_json,
    jsonl_records,
    write_csv,
    write_json,
    write_jsonl,
)
from rasd.models import (
    Analysis,
    Commitment,
    Document,
    Entity,
    EntityMention,
    Evidence,
    Mentions,
    PageSpan,
    Published,
    Timex,
)

TEXT = "أعلن الجيش يوم الخميس انسحاب آخر الوحدات من القاعدة، وقال إن العملية انتهت قبل موعدها."


def make() -> Analysis:
    docs = [
        Document(f"d_{c}", f"{c}.txt", 0, f"عنوان {c}", "صحيفة", Published("2024-09-05", "day", "dateline", 0.9),
                 "ar", TEXT, page_spans=[PageSpan(0, 10, len(TEXT))], content_hash="h" + c, url="https://e.org/" + c)
        for c in "cab"
    ]  # fmt: skip
    s = TEXT.index("الخميس")
    timex = [Timex(f"d_{c}", s, s + 6, "الخميس", "DATE", "2024-09-05", anchor="dct") for c in "bca"]
    timex.append(Timex("d_a", 0, 4, TEXT[:4], "DATE", None))
    e = TEXT.index("الجيش")
    ents = [EntityMention("d_a", e, e + 5, "الجيش", "ORG", entity="e_2")]
    return Analysis(
        documents=docs,
        mentions=Mentions(timex=timex, entities=ents),
        entities=[Entity("e_2", "ORG", "الجيش"), Entity("e_1", "GPE", "العراق")],
        commitments=[Commitment("m_1", "انسحاب", ["e_2"], "2024-09", "passed", [Evidence("d_a", 0, 10)])],
    )


def test_contract_shape_and_order() -> None:
    data = analysis_to_json(make(), "2024-10-01")
    assert_export_shape(data)
    assert [d["id"] for d in data["documents"]] == ["d_a", "d_b", "d_c"]
    assert list(data["documents"][0])[: len(DOC_FIELDS)] == list(DOC_FIELDS)
    assert "page_spans" not in data["documents"][0] and "content_hash" not in data["documents"][0]
    assert data["documents"][0]["url"] == "https://e.org/a"  # extra fields come after the contract's
    s = TEXT.index("الخميس")
    assert [(m["doc"], m["start"]) for m in data["mentions"]["timex"]] == [("d_a", 0), ("d_a", s), ("d_b", s), ("d_c", s)]
    assert [e["id"] for e in data["entities"]] == ["e_1", "e_2"]
    assert data["events"] == [] and data["claims"] == [] and data["conflicts"] == []
    assert data["commitments"][0]["evidence"] == [{"doc": "d_a", "start": 0, "end": 10}]


def test_deterministic_whatever_the_input_order() -> None:
    a, b = make(), make()
    rng = random.Random(7)
    for lst in (b.documents, b.mentions.timex, b.entities):
        rng.shuffle(lst)
    ja = analysis_to_json(a, "2024-10-01", generated_at="2024-10-01T00:00:00Z")
    jb = analysis_to_json(b, "2024-10-01", generated_at="2024-10-01T00:00:00Z")
    assert json.dumps(ja, ensure_ascii=False) == json.dumps(jb, ensure_ascii=False)


def test_write_json_is_utf8_not_escaped() -> None:
    buf = io.StringIO()
    write_json(make(), buf, "2024-10-01")
    assert "الخميس" in buf.getvalue() and "\\u06" not in buf.getvalue()
    assert_export_shape(json.loads(buf.getvalue()))


def test_jsonl_records() -> None:
    an = make()
    by_doc: dict[str, Mentions] = {}
    for t in an.mentions.timex:
        by_doc.setdefault(t.doc, Mentions()).timex.append(t)
    buf = io.StringIO()
    docs = sorted(an.documents, key=lambda d: d.id)
    n = write_jsonl(jsonl_records(docs, lambda i: by_doc.get(i, Mentions()), an, "2024-10-01"), buf)
    recs = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert n == len(recs) == 1 + 3 + 2 + 1
    assert [r["record"] for r in recs] == ["header", "document", "document", "document", "entity", "entity", "commitment"]
    assert [len(r["mentions"]["timex"]) for r in recs[1:4]] == [2, 1, 1]
    assert recs[0]["schema_version"] == "2" and recs[0]["as_of"] == "2024-10-01"


def test_csv_round_trips_text() -> None:
    buf = io.StringIO()
    assert write_csv(make().documents, buf) == 3
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert [r["id"] for r in rows] == ["d_c", "d_a", "d_b"]  # streaming: the caller's order
    assert rows[0]["text"] == TEXT and rows[0]["published"] == "2024-09-05" and rows[0]["method"] == "dateline"
