"""The demo corpus through the whole pipeline: what ``rasd analyze examples/corpus`` must find.

Split from ``tests/test_demo_corpus.py`` (the corpus files and what ingest makes of them);
every expectation is something planted on purpose in the corpus we wrote (``examples/README.md``):
entities under all their spellings, roles, geocoded bases, quantities, quotes, conflicts and
commitment threads.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_demo_corpus import CORPUS, CP1256_PAGE, SYNDICATED, TWO_ARTICLE_PAGE, WRONG_DATE_PAGE, _ingest_api


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, dict[str, Any], Path]:
    """``rasd analyze examples/corpus`` once, as the README's demo command does."""
    _ingest_api()
    pipeline = pytest.importorskip("rasd.pipeline")
    out = tmp_path_factory.mktemp("demo")
    try:
        result = pipeline.analyze([str(CORPUS)], db_path=out / "rasd.db", out_dir=out, progress=False)
    except pipeline.StageUnavailable as e:
        pytest.skip(str(e))
    analysis = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    return result, analysis, out


def test_analyze_reads_the_whole_corpus(analysed: tuple[Any, dict[str, Any], Path]) -> None:
    result, analysis, _ = analysed
    assert result.errors == []
    assert result.pages == 14
    assert len(analysis["documents"]) == 15


def test_syndicated_copy_is_linked_not_lost(analysed: tuple[Any, dict[str, Any], Path]) -> None:
    result, analysis, _ = analysed
    docs = analysis["documents"]
    by_file = {name: [d for d in docs if Path(d["source"]).name == name] for name in SYNDICATED}
    [a], [b] = by_file[SYNDICATED[0]], by_file[SYNDICATED[1]]
    # one copy points at the other (whichever was read first), never at itself
    assert (a.get("duplicate_of"), b.get("duplicate_of")) in ((None, a["id"]), (b["id"], None))
    linked = [d for d in docs if d.get("duplicate_of")]
    assert [Path(d["source"]).name for d in linked] in ([SYNDICATED[0]], [SYNDICATED[1]])
    assert result.duplicates == 1


def test_second_run_adds_nothing(analysed: tuple[Any, dict[str, Any], Path]) -> None:
    pipeline = pytest.importorskip("rasd.pipeline")
    _, analysis, out = analysed
    again = pipeline.analyze([str(CORPUS)], db_path=out / "rasd.db", out_dir=out / "again", progress=False)
    assert again.new == 0
    second = json.loads((out / "again" / "analysis.json").read_text(encoding="utf-8"))
    assert sorted(d["id"] for d in second["documents"]) == sorted(d["id"] for d in analysis["documents"])


def test_exported_mentions_point_at_their_text(analysed: tuple[Any, dict[str, Any], Path]) -> None:
    _, analysis, _ = analysed
    texts = {d["id"]: d["text"] for d in analysis["documents"]}
    langs = {d["id"]: d["language"] for d in analysis["documents"]}
    for kind, items in analysis["mentions"].items():
        for m in items:
            assert langs[m["doc"]] == "ar", (kind, m)  # Persian and English are left alone
            if "text" in m:
                assert texts[m["doc"]][m["start"] : m["end"]] == m["text"], (kind, m)


# --------------------------------------------------------------------------- the story
# What the analysis stages must find in the story the corpus tells (see examples/README.md).

Analysed = tuple[Any, dict[str, Any], Path]


def _docs_of(analysis: dict[str, Any], source: str, part: int | None = None) -> set[str]:
    """Ids of the documents read from ``source`` (a file name, or ``12_records.jsonl#i``)."""
    return {
        d["id"]
        for d in analysis["documents"]
        if Path(d["source"]).name == source and (part is None or d["part"] == part)
    }


def _holders(analysis: dict[str, Any], form: str) -> set[str]:
    return {e["id"] for e in analysis["entities"] if form in [e["name"], *e.get("aliases", [])]}


@pytest.mark.parametrize(
    "forms",
    [
        ("عين الأسد", "عين الاسد"),
        ("السوداني", "محمد شياع السوداني"),
        ("البنتاغون", "وزارة الدفاع الأميركية", "وزارة الدفاع الأمريكية"),
        ("داعش", "تنظيم الدولة الإسلامية"),
    ],
    ids=["ain-al-asad", "sudani", "pentagon", "isis"],
)
def test_one_entity_under_all_its_spellings(analysed: Analysed, forms: tuple[str, ...]) -> None:
    _, analysis, _ = analysed
    holders = [_holders(analysis, f) for f in forms]
    assert all(len(h) == 1 for h in holders), dict(zip(forms, holders, strict=True))
    assert len(set.union(*holders)) == 1


@pytest.mark.parametrize(
    ("form", "role"),
    [("محمد شياع السوداني", "رئيس الوزراء العراقي"), ("ثابت العباسي", "وزير الدفاع العراقي")],
    ids=["sudani", "abbasi"],
)
def test_titles_become_roles(analysed: Analysed, form: str, role: str) -> None:
    _, analysis, _ = analysed
    [eid] = _holders(analysis, form)
    [entity] = [e for e in analysis["entities"] if e["id"] == eid]
    assert role in entity["roles"]


@pytest.mark.parametrize(
    ("form", "lat", "lon"),
    [("عين الأسد", (33.5, 34.2), (42.0, 43.0)), ("قاعدة حرير", (36.2, 36.9), (44.0, 44.7))],
    ids=["ain-al-asad", "harir"],
)
def test_bases_are_geocoded(
    analysed: Analysed, form: str, lat: tuple[float, float], lon: tuple[float, float]
) -> None:
    _, analysis, _ = analysed
    [eid] = _holders(analysis, form)
    [entity] = [e for e in analysis["entities"] if e["id"] == eid]
    assert entity["geo"] is not None
    assert lat[0] <= entity["geo"]["lat"] <= lat[1] and lon[0] <= entity["geo"]["lon"] <= lon[1]


@pytest.mark.parametrize(
    ("source", "phrase", "value", "value_max", "obj"),
    [
        ("01_ain_al_asad_rockets.txt", "ثلاثة صواريخ", 3, None, "صاروخ"),
        ("01_ain_al_asad_rockets.txt", "2500 جندي", 2500, None, "جندي"),
        ("03_abbasi_two_phases.txt", "بين 1500 و3000 عنصر", 1500, 3000, "عنصر"),
        (WRONG_DATE_PAGE, "صاروخان", 2, None, "صاروخ"),
        (WRONG_DATE_PAGE, "خمسة جنود", 5, None, "جندي"),
        (SYNDICATED[0], "نحو 900 جندي", 900, None, "جندي"),
        ("12_records.jsonl#0", "قرابة 1500 جندي", 1500, None, "جندي"),
    ],
    ids=[
        "3-rockets",
        "2500-troops",
        "1500-3000-fighters",
        "2-rockets",
        "5-soldiers",
        "900-troops",
        "1500-troops",
    ],
)
def test_planted_quantities(
    analysed: Analysed, source: str, phrase: str, value: float, value_max: float | None, obj: str
) -> None:
    _, analysis, _ = analysed
    [doc] = [d for d in analysis["documents"] if d["id"] in _docs_of(analysis, source)]
    start = doc["text"].index(phrase)
    end = start + len(phrase)
    found = [
        (q["value"], q.get("value_max"), q.get("object"))
        for q in analysis["mentions"]["quantities"]
        if q["doc"] == doc["id"] and q["start"] < end and start < q["end"]
    ]
    assert (value, value_max, obj) in found


def _quotes_in(analysis: dict[str, Any], source: str) -> list[tuple[dict[str, Any], str]]:
    """Quotes of one file with their content text."""
    texts = {d["id"]: d["text"] for d in analysis["documents"]}
    ids = _docs_of(analysis, source)
    return [
        (q, texts[q["doc"]][q["content"]["start"] : q["content"]["end"]])
        for q in analysis["mentions"]["quotes"]
        if q["doc"] in ids
    ]


def test_denials_are_attributed_to_the_denier(analysed: Analysed) -> None:
    _, analysis, _ = analysed
    embassy = [
        q for q, _ in _quotes_in(analysis, "02_military_commission_round.txt") if q["polarity"] == "deny"
    ]
    assert any("السفارة" in q["speaker"]["text"] for q in embassy)
    state = [q for q, _ in _quotes_in(analysis, WRONG_DATE_PAGE) if q["polarity"] == "deny"]
    assert any("الخارجية الأمريكية" in q["speaker"]["text"] for q in state)


def test_anonymous_and_chained_sources(analysed: Analysed) -> None:
    _, analysis, _ = analysed
    quotes = [q for q, _ in _quotes_in(analysis, "02_military_commission_round.txt")]
    assert any(q["speaker"]["text"] == "مسؤول عراقي كبير" and q["speaker"]["anonymous"] for q in quotes)
    chained = [q for q in quotes if "وزارة الدفاع العراقية" in q["speaker"]["text"]]
    assert chained and all(q["speaker"].get("medium") == "وكالة الجسر للأنباء" for q in chained)


def test_continuations_and_colon_quotes(analysed: Analysed) -> None:
    _, analysis, _ = analysed
    rockets = _quotes_in(analysis, "01_ain_al_asad_rockets.txt")
    # «مضيفا أن بلاده "تحتفظ بحق الرد"» continues the Pentagon spokesman
    assert any(
        "البنتاغون" in q["speaker"]["text"] or "وزارة الدفاع الأميركية" in q["speaker"]["text"]
        for q, content in rockets
        if "تحتفظ بحق الرد" in content
    )
    abbasi = _quotes_in(analysis, "03_abbasi_two_phases.txt")
    assert any(
        "العباسي" in q["speaker"]["text"] for q, content in abbasi if "القرار عراقي بالكامل" in content
    )


@pytest.mark.parametrize(
    ("source", "mark"),
    [
        ("01_ain_al_asad_rockets.txt", '"'),
        ("01_ain_al_asad_rockets.txt", "“"),
        ("02_military_commission_round.txt", "«"),
    ],
    ids=["straight", "curly", "guillemets"],
)
def test_direct_quotes_in_every_style(analysed: Analysed, source: str, mark: str) -> None:
    _, analysis, _ = analysed
    texts = {d["id"]: d["text"] for d in analysis["documents"]}
    opened = [
        q
        for q, _ in _quotes_in(analysis, source)
        if q["direct"]
        and mark in texts[q["doc"]][max(0, q["content"]["start"] - 1) : q["content"]["start"] + 1]
    ]
    assert opened


def _conflict_between(analysis: dict[str, Any], kind: str, left: set[str], right: set[str]) -> bool:
    """A figure (a ``slot`` conflict) or a deadline (``deadline``) two outlets disagree on (schema 2)."""
    for c in analysis["conflicts"]:
        docs = {c["a"]["source"], c["b"]["source"]}
        is_kind = (c["kind"] == "slot" and c["slot"] != "date") if kind == "number" else c["kind"] == "deadline"
        if is_kind and docs & left and docs & right:
            return True
    return False


@pytest.mark.parametrize("kind", ["number", "date"])
def test_outlets_disagree(analysed: Analysed, kind: str) -> None:
    """900 vs 1500 troops moved to Harir; phase two ends September 2026 vs end of 2026, a day
    apart (a deadline disagreement inside the withdrawal thread)."""
    _, analysis, _ = analysed
    agency = _docs_of(analysis, SYNDICATED[0]) | _docs_of(analysis, SYNDICATED[1])
    record = _docs_of(analysis, "12_records.jsonl#0")
    assert _conflict_between(analysis, kind, agency, record)


def test_a_later_deadline_from_another_outlet_is_in_the_thread_history(analysed: Analysed) -> None:
    """The same two deadlines in the thread's history: the agency's September 2026 (a
    schedule sentence that borrows its article's promise) superseded by the record's end of
    2026, stated a day later."""
    _, analysis, _ = analysed
    agency = _docs_of(analysis, SYNDICATED[0]) | _docs_of(analysis, SYNDICATED[1])
    record = _docs_of(analysis, "12_records.jsonl#0")
    threads = [t for t in analysis["threads"]
               if {d["evidence"][0]["doc"] for d in t["deadlines"]} & agency
               and {d["evidence"][0]["doc"] for d in t["deadlines"]} & record]  # fmt: skip
    assert len(threads) == 1
    history = [(d["value"], d["evidence"][0]["doc"] in record, d["status"]) for d in threads[0]["deadlines"]]
    assert ("2026-09", False, "superseded") in history
    assert history[-1][:2] == ("2026", True) and history[-1][2] == "current"


@pytest.mark.parametrize("deadline", ["2025-09", "2026-09"])
def test_joint_statement_commitments(analysed: Analysed, deadline: str) -> None:
    _, analysis, _ = analysed
    statement = _docs_of(analysis, TWO_ARTICLE_PAGE, part=0)
    assert any(
        (m["deadline"] or "").startswith(deadline) and {e["doc"] for e in m["evidence"]} & statement
        for m in analysis["commitments"]
    )


@pytest.mark.parametrize(
    ("types", "source", "part", "date", "counts"),
    [
        ({"ATTACK"}, "01_ain_al_asad_rockets.txt", 0, "2024-01-13", {"rockets": 3}),
        ({"MEETING"}, "02_military_commission_round.txt", 0, "2024-02-03", {}),
        ({"ATTACK"}, WRONG_DATE_PAGE, 0, "2024-08-05", {"rockets": 2, "injured": 5}),
        ({"ARREST"}, WRONG_DATE_PAGE, 0, "2024-08-09", {"arrested": 4}),
        ({"AGREEMENT", "STATEMENT"}, TWO_ARTICLE_PAGE, 0, "2024-09-27", {}),
        ({"ELECTION"}, TWO_ARTICLE_PAGE, 1, "2024-10-20", {}),
        ({"WITHDRAWAL"}, CP1256_PAGE, 0, "2025-01-15", {}),
        ({"WITHDRAWAL", "REDEPLOYMENT"}, SYNDICATED[0], 0, "2025-09-06", {}),
    ],
    ids=[
        "rockets-2024-01",
        "commission-2024-02",
        "rockets-2024-08",
        "arrests-2024-08",
        "joint-statement-2024-09",
        "kurdistan-vote-2024-10",
        "victoria-2025-01",
        "ain-al-asad-exit-2025-09",
    ],
)
def test_story_events(
    analysed: Analysed, types: set[str], source: str, part: int, date: str, counts: dict[str, float]
) -> None:
    _, analysis, _ = analysed
    docs = _docs_of(analysis, source, part)
    found = [
        e
        for e in analysis["events"]
        if e["type"] in types
        and {ev["doc"] for ev in e["evidence"]} & docs
        and (e["date"]["value"] or "").startswith(date)
    ]
    assert any(all(e["counts"].get(k) == v for k, v in counts.items()) for e in found), found


@pytest.mark.parametrize("needle", ["ضربات جوية شنتها", "تعرض لهجمات متفرقة"], ids=["airstrikes", "drone-attacks"])
def test_past_attack_reports_are_not_commitments(analysed: Analysed, needle: str) -> None:
    """A dated past report (last week's strikes, attacks during 2024) promises nothing."""
    _, analysis, _ = analysed
    texts = {d["id"]: d["text"] for d in analysis["documents"]}
    assert any(needle in t for t in texts.values())
    assert not [m for m in analysis["commitments"] if any(needle in texts[e["doc"]][e["start"] : e["end"]]
                                                         for e in m["evidence"])]  # fmt: skip


def test_an_attack_without_casualties_is_not_denied(analysed: Analysed) -> None:
    """"No injuries" and "an unknown group claimed it" do not deny that the attack happened."""
    _, analysis, _ = analysed
    claims = {c["id"]: c for c in analysis["claims"]}
    earlier = {cid for cid, c in claims.items() if "هجوم سابق بأربعة صواريخ" in c["object"]}
    assert earlier
    assert not [k for k in analysis["conflicts"] if k["kind"] == "polarity" and {k["a"]["claim"], k["b"]["claim"]} & earlier]


def test_victoria_is_the_camp_not_the_canadian_city(analysed: Analysed) -> None:
    _, analysis, _ = analysed
    [camp] = _holders(analysis, "معسكر فكتوريا")
    assert _holders(analysis, "فكتوريا") == {camp}
    [entity] = [e for e in analysis["entities"] if e["id"] == camp]
    assert entity["type"] == "FAC" and 30 < entity["geo"]["lat"] < 40


def test_explanations_name_an_unnamed_source_in_the_nominative(analysed: Analysed) -> None:
    """"نقلت عن مسؤولا …" is how the speaker is written after أن; as the verb's subject in the
    explanation it reads "ينفي مسؤول في الخارجية …"."""
    _, analysis, _ = analysed
    polarity = [c["explanation"] for c in analysis["conflicts"] if c["kind"] == "polarity"]
    assert polarity
    assert any("مسؤول في الخارجية" in e for e in polarity)
    assert not any("مسؤولا " in e for e in polarity)
