"""Export formats for analysts' tools: GeoJSON, TimeML, per-layer CSV, Parquet, ACLED.

The corpus is two short articles written for this test (fictional places and outlets),
with mentions and corpus items placed by hand, so every expected value is known. The
same corpus goes through a SQLite store and ``rasd export`` to test the command wiring.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import geojson
import pytest

from rasd.interfaces.export import write_csv
from rasd.interfaces.exports import (
    LAYERS,
    Corpus,
    MissingExtra,
    feature_collection,
    layer_table,
    timeml_document,
    write_acled,
    write_geojson,
    write_layer_csv,
    write_parquet,
    write_timeml,
)
from rasd.interfaces.exports.acled import COLUMNS, acled_date, mapping
from rasd.models import (
    Analysis,
    Claim,
    Commitment,
    Conflict,
    Document,
    Entity,
    EntityMention,
    Event,
    EventDate,
    Evidence,
    Geo,
    Incident,
    Mentions,
    Published,
    Quantity,
    Quote,
    SlotValue,
    Span,
    Speaker,
    Timex,
)
from rasd.resources import load_table

# Written for this test; places and outlets are fictional.
TEXT_A = (
    "قصفت طائرات مسيرة قاعدة النخلة الجوية قرب مدينة الزهراء مساء الثلاثاء 4 آذار 2025، "
    "ما أدى إلى مقتل جنديين وإصابة ثلاثة آخرين، بحسب ما نقلت صحيفة الوادي عن مصدر أمني.\n"
    'وقال المتحدث باسم وزارة الدفاع: "الرد سيكون <حازما> & سريعا" خلال أيام.'
)
TEXT_B = (
    "أعلنت السلطات في الزهراء، الأربعاء، اعتقال خمسة أشخاص يشتبه بتورطهم في الهجوم،\r\n"
    "على أن يلتقي الوفدان مطلع نيسان المقبل لبحث الترتيبات الأمنية."
)


def span(text: str, s: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return i, i + len(s)


def make() -> Analysis:
    docs = [
        Document("d_a", "a.txt", 0, "مسيرات تقصف قاعدة النخلة", "صحيفة المرفأ", Published("2025-03-05", "day", "dateline", 0.9),
                 "ar", TEXT_A, url="https://marfa.example/a"),
        Document("d_b", "b.txt", 0, "اعتقالات في الزهراء", "الوادي", Published("2025-03-06", "day", "dateline", 0.9),
                 "ar", TEXT_B),
    ]  # fmt: skip
    a, b = TEXT_A, TEXT_B
    timex = [
        Timex(
            "d_a", *span(a, "مساء الثلاثاء 4 آذار 2025"), "مساء الثلاثاء 4 آذار 2025", "TIME", "2025-03-04TEV"
        ),
        Timex(
            "d_a", *span(a, "4 آذار 2025"), "4 آذار 2025", "DATE", "2025-03-04"
        ),  # inside the first: not tagged
        Timex("d_a", *span(a, "خلال أيام"), "خلال أيام", "DURATION", None),
        Timex("d_b", *span(b, "الأربعاء"), "الأربعاء", "DATE", "2025-03-05", anchor="dct"),
        Timex(
            "d_b",
            *span(b, "مطلع نيسان المقبل"),
            "مطلع نيسان المقبل",
            "DATE",
            "2025-04",
            mod="START",
            anchor="dct",
        ),
    ]
    ents = [
        EntityMention("d_a", *span(a, "قاعدة النخلة الجوية"), "قاعدة النخلة الجوية", "FAC", entity="e_base"),
        EntityMention("d_a", *span(a, "الزهراء"), "الزهراء", "GPE", entity="e_city"),
        EntityMention(
            "d_a", *span(a, "الوادي"), "الوادي", "GPE", entity="e_paper"
        ),  # after "صحيفة": an outlet
        EntityMention("d_a", *span(a, "وزارة الدفاع"), "وزارة الدفاع", "ORG", entity="e_org"),
        EntityMention("d_b", *span(b, "الزهراء"), "الزهراء", "GPE", entity="e_city"),
    ]
    qs, qe = span(a, "جنديين")
    quantities = [Quantity("d_a", qs, qe, "جنديين", 2.0, object="جندي", object_span=Span(qs, qe))]
    cs, ce = span(a, "الرد سيكون <حازما> & سريعا")
    ss, se = span(a, "المتحدث باسم وزارة الدفاع")
    quotes = [
        Quote(
            "d_a",
            ss - 5,
            ce + 1,
            Speaker("المتحدث باسم وزارة الدفاع", start=ss, end=se),
            "قال",
            Span(cs, ce),
            True,
        )
    ]
    entities = [
        Entity("e_base", "FAC", "قاعدة النخلة الجوية", docs=["d_a"], geo=Geo(33.1, 43.2), mentions=1),
        Entity(
            "e_city",
            "GPE",
            "الزهراء",
            docs=["d_a", "d_b"],
            geo=Geo(32.5, 44.9),
            mentions=2,
            attributes={"country": "IQ"},
        ),
        Entity("e_paper", "GPE", "الوادي", docs=["d_a"], geo=Geo(30.0, 40.0), mentions=1),
        Entity("e_org", "ORG", "وزارة الدفاع", docs=["d_a"], geo=Geo(33.3, 44.4), mentions=1),
        Entity("e_nowhere", "GPE", "بلدة مجهولة", docs=["d_b"]),
    ]
    s1 = a.index("\n")
    s2 = b.index("\r")
    events = [
        Event("v_1", "AIRSTRIKE", EventDate("2025-03-04", "day"), place="e_base", targets=["e_base"],
              counts={"killed": 2.0, "injured": 3.0}, summary=a[:s1], evidence=[Evidence("d_a", 0, s1)]),
        Event("v_2", "ARREST", EventDate("2025-03", "month"), place="e_city", actors=["e_city"], counts={"arrested": 5.0},
              summary=b[:s2], evidence=[Evidence("d_b", 0, s2)]),
        Event("v_3", "STATEMENT", EventDate("2025-03-05", "day"), place="e_paper", modality="planned",
              evidence=[Evidence("d_a", s1 + 1, len(a))]),
        Event("v_4", "MEETING", EventDate(None, None), modality="happened", evidence=[Evidence("d_b", s2 + 2, len(b))]),
    ]  # fmt: skip
    claims = [
        Claim(
            "c_2", "السلطات", "اعتقال", "خمسة", "2025-03-05", evidence=[Evidence("d_b", 0, s2)], numbers=[5.0]
        ),
        Claim(
            "c_1",
            "المسيرات",
            "قصف",
            "قاعدة النخلة",
            "2025-03-04",
            evidence=[Evidence("d_a", 0, s1)],
            numbers=[2.0, 3.0],
        ),
    ]
    commitments = [
        Commitment("m_1", "لقاء الوفدين", ["e_city"], "2025-04", "pending", [Evidence("d_b", s2 + 2, len(b))])
    ]
    conflicts = [
        Conflict(
            "k_1", "number", "c_1", "c_2", "رقمان مختلفان", [Evidence("d_b", 0, 5), Evidence("d_a", 0, 4)]
        )
    ]
    return Analysis(
        docs, Mentions(timex, ents, quantities, quotes), entities, events, claims, commitments, conflicts
    )


@pytest.fixture
def corpus() -> Corpus:
    return Corpus.from_analysis(make())


# --------------------------------------------------------------------------- GeoJSON


def test_geojson_is_valid_with_lon_lat_and_no_outlets(corpus: Corpus) -> None:
    buf = io.StringIO()
    n = write_geojson(corpus, buf)
    fc = geojson.loads(buf.getvalue())
    assert fc.is_valid and fc["type"] == "FeatureCollection" and len(fc["features"]) == n
    feats = {f["id"]: f for f in fc["features"]}
    # places: GPE/LOC/FAC with coordinates; the ORG, the outlet named like a place and the ungeocoded one are not
    assert sorted(feats) == ["e_base", "e_city", "v_1", "v_2"]
    geo = {e.id: e.geo for e in corpus.views.entities}
    for f in fc["features"]:
        place = f["id"] if f["properties"]["kind"] == "place" else f["properties"]["place"]
        g = geo[place]
        assert g is not None and f["geometry"] == {"type": "Point", "coordinates": [g.lon, g.lat]}
    city = feats["e_city"]["properties"]
    assert (
        city["kind"] == "place"
        and city["type"] == "GPE"
        and city["label"] == "الزهراء"
        and city["mentions"] == 2
    )
    assert city["sources"] == {"outlets": ["الوادي", "صحيفة المرفأ"], "documents": ["d_a", "d_b"]}
    assert city["evidence"][0] == {"doc": "d_a", "start": TEXT_A.index("الزهراء"), "end": TEXT_A.index("الزهراء") + 7,
                                   "url": "https://marfa.example/a"}  # fmt: skip
    assert city["evidence"][1]["url"] is None  # d_b has no URL
    strike = feats["v_1"]["properties"]  # an analysis without incidents: one incident per event
    assert strike["kind"] == "incident" and strike["type"] == "AIRSTRIKE" and strike["date"] == "2025-03-04"
    assert strike["counts"] == {"injured": 3, "killed": 2} and strike["mentions"] == 1 and strike["reports"] == ["v_1"]
    assert strike["label"] == "AIRSTRIKE — قاعدة النخلة الجوية — 2025-03-04"
    assert strike["sources"] == {"outlets": ["صحيفة المرفأ"], "documents": ["d_a"]}
    assert "الوادي" in buf.getvalue() and "\\u06" not in buf.getvalue()  # UTF-8, not escaped


def test_outlets_named_like_places_stay_off_the_map() -> None:
    an = make()
    an.documents[1].outlet = None  # "الوادي" is no document's outlet now: "صحيفة" before it still tells
    text = "وصل الوفد إلى الرياض أمس، وقالت وكالة الجبل إن المحادثات بدأت."
    an.documents.append(Document("d_c", "c.txt", 0, "وفد", None, Published(), "ar", text))
    an.mentions.entities += [
        EntityMention(
            "d_c", *span(text, "الرياض"), "الرياض", "GPE", entity="e_riyadh"
        ),  # a weak outlet name: a city here
        EntityMention("d_c", *span(text, "الجبل"), "الجبل", "LOC", entity="e_mountain"),  # "وكالة" before it
    ]
    an.entities += [
        Entity("e_riyadh", "GPE", "الرياض", geo=Geo(24.7, 46.7)),
        Entity("e_mountain", "LOC", "الجبل", geo=Geo(36.0, 43.0)),
    ]
    fc = feature_collection(Corpus.from_analysis(an))
    ids = {f["id"] for f in fc["features"]}
    assert "e_riyadh" in ids and "e_mountain" not in ids and "e_paper" not in ids and "v_3" not in ids


def test_geojson_deterministic_whatever_the_input_order() -> None:
    a, b = make(), make()
    rng = random.Random(3)
    for lst in (b.entities, b.events, b.mentions.entities, b.documents):
        rng.shuffle(lst)
    out = []
    for an in (a, b):
        buf = io.StringIO()
        write_geojson(Corpus.from_analysis(an), buf)
        out.append(buf.getvalue())
    assert out[0] == out[1]


# --------------------------------------------------------------------------- TimeML


def plain_and_tags(xml: str) -> tuple[ET.Element, str, list[tuple[int, int, dict[str, str], str]]]:
    """Parse a TimeML document: root, the <TEXT> without tags, and each TIMEX3's offsets there."""
    root = ET.fromstring(xml.encode("utf-8"))
    text_el = root.find("TEXT")
    assert text_el is not None
    out = text_el.text or ""
    tags = []
    for el in text_el:
        assert el.tag == "TIMEX3" and len(el) == 0
        start = len(out)
        out += el.text or ""
        tags.append((start, len(out), dict(el.attrib), el.text or ""))
        out += el.tail or ""
    return root, out, tags


def test_timeml_round_trips_text_and_offsets(corpus: Corpus) -> None:
    an = make()
    for doc in an.documents:
        stored = [t for t in an.mentions.timex if t.doc == doc.id]
        xml = timeml_document(doc, stored)
        root, plain, tags = plain_and_tags(xml)
        assert root.tag == "TimeML" and root.findtext("DOCID") == doc.id
        assert plain == doc.text  # tags stripped and unescaped: the body, exactly (\r and <>& included)
        by_span = {(t.start, t.end): t for t in stored}
        for start, end, attrs, inner in tags:
            t = by_span[(start, end)]
            assert inner == doc.text[start:end] == t.text
            assert attrs["type"] == t.type and attrs.get("value") == t.value and attrs.get("mod") == t.mod
            assert attrs["functionInDocument"] == "NONE" and re.fullmatch(r"t[1-9]\d*", attrs["tid"])
            assert attrs.get("anchorTimeID") == ("t0" if t.anchor == "dct" else None)
        dct = root.find("DCT/TIMEX3")
        assert dct is not None and dct.get("functionInDocument") == "CREATION_TIME"
        assert dct.get("value") == dct.text == doc.published.value and dct.get("tid") == "t0"
        assert len({a["tid"] for *_, a, _ in tags}) == len(tags)
    _, _, tags_a = plain_and_tags(timeml_document(an.documents[0], an.mentions.timex))
    assert len(tags_a) == 2  # "4 آذار 2025" lies inside the longer expression: one tag, no overlap
    assert "value" not in tags_a[1][2]  # unknown value: no attribute, not a guess
    assert [
        t[2].get("mod") for t in plain_and_tags(timeml_document(an.documents[1], an.mentions.timex))[2]
    ] == [None, "START"]


def test_timeml_unrepresentable_characters_keep_offsets() -> None:
    text = "قبل\x01 يوم الأحد"
    doc = Document("d_x", "x.txt", 0, "عنوان", None, Published(), "ar", text)
    s, e = span(text, "يوم الأحد")
    root, plain, tags = plain_and_tags(
        timeml_document(doc, [Timex("d_x", s, e, "يوم الأحد", "DATE", "2025-03-02")])
    )
    assert plain == text.replace("\x01", "\ufffd") and tags[0][:2] == (s, e)
    assert root.find("DCT/TIMEX3") is None  # no publication date: an empty DCT


def test_timeml_stream_is_one_document_per_article(corpus: Corpus) -> None:
    buf = io.StringIO()
    assert write_timeml(corpus, buf) == 2
    parts = [p for p in buf.getvalue().split('<?xml version="1.0" encoding="UTF-8"?>\n') if p]
    assert [ET.fromstring(p).findtext("DOCID") for p in parts] == ["d_a", "d_b"]


# --------------------------------------------------------------------------- CSV layers


def read_csv(layer: str, corpus: Corpus) -> list[dict[str, str]]:
    buf = io.StringIO()
    n = write_layer_csv(corpus, layer, buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert len(rows) == n
    return rows


def test_csv_layers_are_flat_and_cite_their_text(corpus: Corpus) -> None:
    texts = {"d_a": TEXT_A, "d_b": TEXT_B}
    expected = {
        "timex": 5,
        "entities": 5,
        "quantities": 1,
        "quotes": 1,
        "events": 4,
        "claims": 2,
        "commitments": 1,
        "conflicts": 1,
    }
    for layer, n in expected.items():
        rows = read_csv(layer, corpus)
        assert len(rows) == n, layer
        assert list(rows[0])[:4] == ["doc", "start", "end", "text"], layer
        for r in rows:
            if r["doc"]:
                assert r["text"] == texts[r["doc"]][int(r["start"]) : int(r["end"])], (layer, r)
    timex = read_csv("timex", corpus)
    assert [(r["doc"], int(r["start"])) for r in timex] == sorted((r["doc"], int(r["start"])) for r in timex)
    assert timex[-1]["mod"] == "START" and timex[-1]["value"] == "2025-04"
    ents = {r["text"]: r for r in read_csv("entities", corpus)}
    assert (
        ents["قاعدة النخلة الجوية"]["entity.name"] == "قاعدة النخلة الجوية"
        and ents["قاعدة النخلة الجوية"]["entity.lon"] == "43.2"
    )
    quote = read_csv("quotes", corpus)[0]
    assert (
        quote["speaker.text"] == "المتحدث باسم وزارة الدفاع"
        and quote["content.text"] == "الرد سيكون <حازما> & سريعا"
    )
    assert quote["direct"] == "True"
    q = read_csv("quantities", corpus)[0]
    assert q["object_span.start"] == q["start"] and float(q["value"]) == 2
    events = read_csv("events", corpus)
    assert [r["id"] for r in events] == ["v_1", "v_2", "v_3", "v_4"]
    assert [c for c in events[0] if c.startswith("counts.")] == [
        "counts.arrested",
        "counts.injured",
        "counts.killed",
    ]
    assert (
        events[0]["counts.killed"] == "2.0"
        and events[0]["counts.arrested"] == ""
        and events[0]["date.value"] == "2025-03-04"
    )
    assert events[0]["place.name"] == "قاعدة النخلة الجوية" and json.loads(events[0]["targets.names"]) == [
        "قاعدة النخلة الجوية"
    ]
    assert json.loads(events[1]["evidence"]) == [{"doc": "d_b", "start": 0, "end": TEXT_B.index("\r")}]
    assert [r["id"] for r in read_csv("claims", corpus)] == ["c_1", "c_2"]  # sorted by id
    conflict = read_csv("conflicts", corpus)[0]
    assert (
        conflict["doc"] == "d_a" and len(json.loads(conflict["evidence"])) == 2
    )  # first citation in order, all kept


def test_csv_documents_layer_is_the_plain_documents_csv(corpus: Corpus) -> None:
    a, b = io.StringIO(), io.StringIO()
    write_csv(corpus.documents(), a)
    write_layer_csv(corpus, "documents", b)
    assert a.getvalue() == b.getvalue()


# --------------------------------------------------------------------------- Parquet


def test_parquet_one_typed_file_per_layer(corpus: Corpus, tmp_path: Path) -> None:
    pq = pytest.importorskip(
        "pyarrow.parquet", reason="pyarrow is the optional [parquet] extra; pip install pyarrow"
    )
    counts = write_parquet(corpus, tmp_path / "pq")
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == sorted(f"{x}.parquet" for x in LAYERS)
    for layer in LAYERS:
        table = pq.read_table(tmp_path / "pq" / f"{layer}.parquet")
        cols, rows = layer_table(corpus, layer)
        assert table.column_names == [c.name for c in cols] and table.num_rows == counts[layer] == len(
            list(rows)
        )
    events = pq.read_table(tmp_path / "pq" / "events.parquet").to_pylist()
    assert (
        events[0]["counts.killed"] == 2.0 and events[0]["start"] == 0 and events[3]["counts.killed"] is None
    )
    assert json.loads(events[0]["actors.names"]) == []
    quotes = pq.read_table(tmp_path / "pq" / "quotes.parquet")
    assert str(quotes.schema.field("direct").type) == "bool"


def test_parquet_without_pyarrow_names_the_extra(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    with pytest.raises(MissingExtra, match=r"rasd\[parquet\]"):
        write_parquet(corpus, tmp_path / "pq")
    assert not (tmp_path / "pq").exists()


# --------------------------------------------------------------------------- ACLED


def test_acled_columns_and_values(corpus: Corpus) -> None:
    buf = io.StringIO()
    write_acled(corpus, buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert tuple(rows[0]) == COLUMNS
    assert [r["rasd_incident_id"] for r in rows] == ["v_2", "v_1", "v_4"]  # happened only; by date, undated last
    arrest, strike, meeting = rows
    assert (
        strike["event_date"] == "2025-03-04" and strike["time_precision"] == "1" and strike["year"] == "2025"
    )
    assert strike["fatalities"] == "2" and arrest["fatalities"] == "0"
    assert (strike["latitude"], strike["longitude"], strike["location"]) == (
        "33.1",
        "43.2",
        "قاعدة النخلة الجوية",
    )
    assert (
        strike["event_type"] == "Explosions/Remote violence"
        and strike["sub_event_type"] == "Air/drone strike"
    )
    assert (
        strike["plover_event"] == "ASSAULT"
        and strike["cameo_code"] == "195"
        and strike["source"] == "صحيفة المرفأ"
    )
    assert strike["actor2"] == "قاعدة النخلة الجوية" and strike["geo_precision"] == "1"
    assert (
        arrest["event_date"] == "2025-03-01"
        and arrest["time_precision"] == "2"
        and arrest["sub_event_type"] == "Arrests"
    )
    assert (
        arrest["country"] == "Iraq" and arrest["event_id"].startswith("IRQ") and arrest["actor1"] == "الزهراء"
    )
    assert meeting["event_date"] == "" and meeting["time_precision"] == "3" and meeting["latitude"] == ""
    assert strike["notes"] == TEXT_A[: TEXT_A.index("\n")] + " | killed: 2 (صحيفة المرفأ); injured: 3 (صحيفة المرفأ)"


def _with_incident() -> Analysis:
    """``make()`` plus one incident: the strike reported by both papers, with their figures."""
    an = make()
    s2 = TEXT_B.index("\r")
    an.events.append(Event("v_5", "AIRSTRIKE", EventDate("2025-03-04", "day"), place="e_base", targets=["e_base"],
                           counts={"killed": 4.0}, evidence=[Evidence("d_b", 0, s2)]))  # fmt: skip
    a0, b0 = an.events[0].evidence[0], an.events[-1].evidence[0]
    slots = {"killed": [SlotValue(2, "d_a", [a0], outlet="صحيفة المرفأ", report="v_1"),
                        SlotValue(4, "d_b", [b0], outlet="الوادي", report="v_5")]}  # fmt: skip
    an.incidents = [
        Incident("i_00000000000000aa", "AIRSTRIKE", "غارة جوية على قاعدة النخلة الجوية — 4 آذار 2025",
                 EventDate("2025-03-04", "day"), "e_base", ["v_1", "v_5"], slots, 0.8, [], ["e_base"], 2, [a0, b0]),
        *(Incident(f"i_{n}", e.type, "", e.date, e.place, [e.id], {}, 0.6, e.actors, e.targets, 1, e.evidence)
          for n, e in enumerate(an.events[1:4])),
    ]  # fmt: skip
    return an


def test_acled_one_row_per_incident_with_every_source_figure() -> None:
    buf = io.StringIO()
    write_acled(Corpus.from_analysis(_with_incident()), buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    ids = [r["rasd_incident_id"] for r in rows]
    assert "v_1" not in ids and "v_5" not in ids and ids.count("i_00000000000000aa") == 1
    [strike] = [r for r in rows if r["rasd_incident_id"] == "i_00000000000000aa"]
    assert strike["fatalities"] == "2"  # the lowest figure any source gave
    assert strike["notes"] == "غارة جوية على قاعدة النخلة الجوية — 4 آذار 2025 | killed: 2 (صحيفة المرفأ)، 4 (الوادي)"
    assert strike["source"] == "الوادي; صحيفة المرفأ"


def test_geojson_incident_feature_keeps_each_source_value() -> None:
    fc = feature_collection(Corpus.from_analysis(_with_incident()))
    [inc] = [f["properties"] for f in fc["features"] if f["id"] == "i_00000000000000aa"]
    assert inc["kind"] == "incident" and inc["mentions"] == 2 and inc["counts"] == {"killed": 2}
    assert inc["slots"]["killed"] == [{"value": 2, "source": "d_a", "outlet": "صحيفة المرفأ"},
                                      {"value": 4, "source": "d_b", "outlet": "الوادي"}]  # fmt: skip
    assert inc["label"].startswith("غارة جوية") and not [f for f in fc["features"] if f["id"] in ("v_1", "v_5")]


def test_csv_layers_hold_incidents_and_threads() -> None:
    corpus = Corpus.from_analysis(_with_incident())
    buf = io.StringIO()
    assert write_layer_csv(corpus, "incidents", buf) == 4
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(buf.getvalue()))}
    assert json.loads(rows["i_00000000000000aa"]["reports"]) == ["v_1", "v_5"]
    assert [v["value"] for v in json.loads(rows["i_00000000000000aa"]["slots"])["killed"]] == [2, 4]
    buf = io.StringIO()
    assert write_layer_csv(corpus, "threads", buf) == 0 and buf.getvalue().startswith("doc,start,end,text,id,what")


def test_acled_dates() -> None:
    assert acled_date("2024-W04") == ("2024-01-22", 2)
    assert acled_date("2024-Q3") == ("2024-07-01", 3)
    assert acled_date("2014-SU") == ("2014-06-01", 3)
    assert acled_date("2024") == ("2024-01-01", 3)
    assert acled_date("2024-08-05T20:00") == ("2024-08-05", 1)
    assert acled_date("PAST_REF") == ("", 3) and acled_date(None) == ("", 3)


def test_mapping_file_has_one_line_per_event_type() -> None:
    rows = load_table("events/cameo_plover_acled.tsv")
    types = [r[0] for r in rows]
    assert len(types) == len(set(types)) and all(len(r) == 7 for r in rows)
    triggered = {r[1] for r in load_table("events/triggers.tsv") if len(r) > 1}
    assert triggered | {"OTHER"} == set(types) == set(mapping())
    assert mapping()["DENIAL"].acled_event_type == ""  # "-" in the file: no equivalent
    events_md = (Path(__file__).resolve().parents[1] / "docs" / "events.md").read_text(encoding="utf-8")
    assert "cameo_plover_acled.tsv" in events_md and "| ATTACK | 18 ASSAULT" not in events_md  # one copy only
