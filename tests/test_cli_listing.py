"""Listing commands share ``--limit`` and ``--json``; report/serve read RASD_DB; clean --text; train --out.

The store is written by hand (no annotators), so every count, order and date below is
known: entities are listed by mentions, commitments by deadline, conflicts by confidence.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rasd.interfaces.cli import _load_commands, app
from rasd.interfaces.cli.common import package_dir
from rasd.models import (
    Claim,
    Commitment,
    Conflict,
    Deadline,
    DocAnalysis,
    Document,
    Entity,
    Event,
    EventDate,
    Evidence,
    Incident,
    Published,
    Quote,
    SlotValue,
    Span,
    Speaker,
    Thread,
    Views,
)
from rasd.store import open_store

_load_commands()
runner = CliRunner()

TEXT = (
    "قال وزير الدفاع إن الانسحاب سيكتمل بحلول نهاية 2026. وأكد المتحدث أن 500 جندي غادروا. "
    "ونفى مسؤول آخر ذلك وقال إن 900 جندي غادروا."
)
AS_OF = "2025-10-01"


def _ev(s: str) -> Evidence:
    start = TEXT.index(s)
    return Evidence("d_a", start, start + len(s))


def _store(path: Path) -> str:
    doc = Document("d_a", "a.txt", 0, "خبر", "صحيفة", Published("2025-01-05", "day", "given", 1.0), "ar", TEXT)
    entities = [
        Entity("e_per", "PER", "وزير الدفاع", docs=["d_a"], mentions=2),
        Entity("e_org", "ORG", "التحالف", docs=["d_a"], mentions=9),
        Entity("e_gpe", "GPE", "العراق", docs=["d_a"], mentions=5),
    ]
    events = [
        Event("v_late", "WITHDRAWAL", EventDate("2025-01", "month"), evidence=[_ev("500 جندي غادروا")]),
        Event("v_early", "WITHDRAWAL", EventDate("2024-03-02", "day"), evidence=[_ev("900 جندي غادروا")]),
        Event("v_none", "STATEMENT", EventDate(None, None), evidence=[_ev("قال وزير الدفاع")]),
    ]
    incidents = [  # one per event here; stored out of date order on purpose
        Incident("i_late", "WITHDRAWAL", "انسحاب — كانون الثاني 2025", events[0].date, reports=["v_late"],
                 slots={"troops": [SlotValue(500, "d_a", events[0].evidence, outlet="صحيفة", report="v_late")]},
                 evidence=events[0].evidence),
        Incident("i_early", "WITHDRAWAL", "انسحاب — 2 آذار 2024", events[1].date, reports=["v_early"], evidence=events[1].evidence),
        Incident("i_none", "STATEMENT", "بيان", events[2].date, reports=["v_none"], evidence=events[2].evidence),
    ]  # fmt: skip
    claims = [
        Claim("c_1", "e_org", "withdrawal", "500 جندي", "2025-01", evidence=[_ev("500 جندي غادروا")]),
        Claim("c_2", "e_org", "withdrawal", "900 جندي", "2025-01", evidence=[_ev("900 جندي غادروا")]),
        Claim("c_3", "e_org", "withdrawal", "ذلك", "2025-01", polarity="deny", evidence=[_ev("نفى مسؤول آخر ذلك")]),
    ]
    what = _ev("الانسحاب سيكتمل بحلول نهاية 2026")
    threads = [Thread("t_1", "الانسحاب", ["e_per"], [Deadline("2026", "END", "e_per", "وزير الدفاع", "2025-01-05", [what])],
                      "pending", "2025-10-01", ["m_year"], [what])]  # fmt: skip
    commitments = [  # stored out of deadline order on purpose
        Commitment("m_year", "الانسحاب (سنة)", ["e_per"], "2026", "pending", [what]),
        Commitment("m_none", "بلا موعد", ["e_per"], None, "pending", [what]),
        Commitment("m_day", "الانسحاب (يوم)", ["e_per"], "2025-09-30", "pending", [what]),
        Commitment("m_month", "الانسحاب (شهر)", ["e_per"], "2026-09", "pending", [what]),
    ]
    conflicts = [
        Conflict("k_low", "polarity", "c_1", "c_3", "نفي", [_ev("نفى مسؤول آخر ذلك")], 0.6),
        Conflict("k_high", "number", "c_1", "c_2", "500 مقابل 900", [_ev("500 جندي غادروا")], 0.9),
    ]
    speaker = Speaker("وزير الدفاع", entity="e_per", start=TEXT.index("وزير"), end=TEXT.index("وزير") + len("وزير الدفاع"))
    said = TEXT.index("الانسحاب")
    quote = Quote("d_a", 0, TEXT.index("."), speaker, "قال", Span(said, TEXT.index(".")), False, date="2025-01-05")
    db = str(path / "l.db")
    with open_store(db) as store:
        store.add_documents([doc])
        store.save_mentions([DocAnalysis(doc=doc, quotes=[quote])])
        store.save_views(Views(entities, events, claims, commitments, conflicts, incidents, threads))
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _store(tmp_path_factory.mktemp("listing"))


def rasd(*args: str, db: str | None = None) -> tuple[int, str, str]:
    r = runner.invoke(app, list(args), env={"RASD_DB": db} if db else None)
    return r.exit_code, r.stdout, r.stderr


def as_list(out: str) -> list[dict[str, Any]]:
    data = json.loads(out)
    assert isinstance(data, list)
    return data


LISTINGS = [["entities"], ["quotes"], ["timeline"], ["incidents"], ["threads"], ["commitments", "--as-of", AS_OF], ["conflicts"]]


@pytest.mark.parametrize("cmd", LISTINGS, ids=[c[0] for c in LISTINGS])
def test_listings_take_limit_and_json(cmd: list[str], db: str) -> None:
    code, out, err = rasd(*cmd, "--json", db=db)
    assert code == 0, err
    full = as_list(out)
    assert full, cmd
    code, out, _ = rasd(*cmd, "--json", "--limit", "1", db=db)
    assert code == 0 and as_list(out) == full[:1]
    code, text, _ = rasd(*cmd, "--limit", "1", db=db)
    assert code == 0 and text.strip()
    assert rasd(*cmd, "--limit", "0", db=db)[0] == 2  # a usage error, not an empty list


def test_entities_are_sorted_by_mentions_across_types(db: str) -> None:
    _, out, _ = rasd("entities", "--json", db=db)
    assert [(e["id"], e["mentions"]) for e in as_list(out)] == [("e_org", 9), ("e_gpe", 5), ("e_per", 2)]
    _, out, _ = rasd("entities", "--limit", "2", db=db)
    rows = [ln for ln in out.splitlines() if ln.startswith("| ") and "mentions" not in ln]
    assert [r.split(" | ")[0] for r in rows] == ["| ORG", "| GPE"]
    _, out, err = rasd("entities", "--type", "FAC", "--json", db=db)
    assert as_list(out) == []
    _, out, err = rasd("entities", "--type", "FAC", db=db)
    assert out == "" and "no entities of type FAC" in err


def test_commitments_by_deadline_with_the_as_of_date(db: str) -> None:
    code, out, _ = rasd("commitments", "--as-of", AS_OF, db=db)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"as of {AS_OF}:"
    rows = [ln for ln in lines[1:] if not ln.startswith("    ")]
    # by the end of each deadline's period: 30 Sep 2025, Sep 2026, the year 2026, then undated
    assert [r.split()[1] for r in rows] == ["2025-09-30", "2026-09", "2026", "no"]
    assert rows[0].startswith("passed") and rows[1].startswith("pending")
    data = as_list(rasd("commitments", "--as-of", AS_OF, "--json", db=db)[1])
    assert [m["id"] for m in data] == ["m_day", "m_month", "m_year", "m_none"]
    assert {m["as_of"] for m in data} == {AS_OF} and data[0]["status"] == "passed"


def test_timeline_and_conflicts_json_follow_the_text_order(db: str) -> None:
    incidents = as_list(rasd("timeline", "--json", db=db)[1])
    assert [i["id"] for i in incidents] == ["i_early", "i_late", "i_none"]  # dated by date, undated last
    _, text, _ = rasd("timeline", "--limit", "2", db=db)
    assert "2024-03-02" in text and "2025-01" in text and "undated" not in text
    conflicts = as_list(rasd("conflicts", "--json", db=db)[1])
    assert [k["id"] for k in conflicts] == ["k_high", "k_low"]
    assert [c["id"] for c in conflicts[0]["claims"]] == ["c_1", "c_2"]


def test_incidents_show_each_source_value_and_threads_their_deadlines(db: str) -> None:
    code, text, _ = rasd("incidents", db=db)
    assert code == 0 and "troops: 500 (d_a صحيفة)" in text and "انسحاب — 2 آذار 2024" in text
    assert [i["id"] for i in as_list(rasd("incidents", "--type", "statement", "--json", db=db)[1])] == ["i_none"]
    code, text, _ = rasd("threads", db=db)
    assert code == 0 and "pending" in text and "2026 END — وزير الدفاع, 2025-01-05" in text
    assert as_list(rasd("threads", "--json", db=db)[1])[0]["deadlines"][0]["value"] == "2026"


def test_quotes_json_is_one_list(db: str) -> None:
    rows = as_list(rasd("quotes", "--speaker", "وزير", "--json", db=db)[1])
    assert len(rows) == 1 and rows[0]["speaker"] == "وزير الدفاع" and rows[0]["content"].startswith("الانسحاب")
    code, out, err = rasd("quotes", "--speaker", "مجهول", db=db)
    assert code == 0 and out == "" and "no quotes found" in err
    assert as_list(rasd("quotes", "--speaker", "مجهول", "--json", db=db)[1]) == []


def test_report_reads_the_database_from_rasd_db_or_db(db: str, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    code, stdout, err = rasd("report", "--out", str(out), "--as-of", AS_OF, db=db)
    assert code == 0, err
    assert stdout.strip() == f"wrote {out}"
    html = out.read_text(encoding="utf-8")
    assert "التحالف" in html and "500 جندي غادروا" in html
    code, _, err = rasd("report", "--db", str(tmp_path / "none.db"), "--out", str(tmp_path / "x.html"))
    assert code != 0 and "database not found" in err and not (tmp_path / "x.html").exists()
    out2 = tmp_path / "explicit.html"
    assert rasd("report", "--db", db, "--out", str(out2), "--as-of", AS_OF)[0] == 0
    assert out2.read_text(encoding="utf-8") == html  # --db and RASD_DB give the same report


def test_serve_builds_the_app_over_rasd_db(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app_, **kw: calls.append((app_, kw)))
    code, out, err = rasd("serve", "--port", "8123", db=db)
    assert code == 0, err
    [(web_app, kw)] = calls
    assert web_app.state.data.source == db and web_app.state.data.db_path == db
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8123 and f"serving {db}" in out
    code, out, _ = rasd("serve", "--check", db=db)
    assert code == 0 and "--check: not started" in out and len(calls) == 1


def test_clean_text_prints_the_kept_body() -> None:
    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    for page in ("10_ain_al_asad_handover_dhaftain.txt", "12_records.jsonl"):  # one document, several
        code, out, err = rasd("clean", str(corpus / page), "--json")
        assert code == 0, err
        docs = [json.loads(ln) for ln in out.splitlines()]
        code, out, err = rasd("clean", str(corpus / page), "--text")
        assert code == 0, err
        assert out.split("\f\n") == [d["text"].rstrip("\n") + "\n" for d in docs]
        assert len(docs) == 1 if page.endswith(".txt") else len(docs) > 1
        assert docs[0]["removed"] or page.endswith(".jsonl")  # the page had furniture: not printed
        assert not any(r["text"] in out for d in docs for r in d["removed"] if len(r["text"]) > 20)
    assert rasd("clean", str(corpus / "10_ain_al_asad_handover_dhaftain.txt"), "--text", "--json")[0] == 2


def test_train_never_overwrites_the_shipped_model_by_default(tmp_path: Path) -> None:
    conll = tmp_path / "t.conll"
    conll.write_text("كلمة O\n", encoding="utf-8")
    code, _, err = rasd("train", "ner", "--train", str(conll))
    assert code == 1 and "give --out FILE" in err and "--force" in err
    inside = package_dir() / "annotators" / "entities" / "model" / "other.crfsuite"
    code, _, err = rasd("train", "ner", "--train", str(conll), "--out", str(inside))
    assert code == 1 and "inside the installed package" in err and not inside.exists()
    code, _, err = rasd("train", "ner", "--train", str(conll), "--out", str(tmp_path / "m.crfsuite"), "--clusters")
    assert code == 1 and "--force" in err
    data = tmp_path / "ans"
    data.mkdir()
    for name in ("train.csv", "dev.csv"):
        (data / name).write_text("s1,s2,stance\n", encoding="utf-8")
    code, _, err = rasd("train", "stance", "--data", str(data))
    assert code == 1 and "give --out FILE" in err
