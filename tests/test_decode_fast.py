"""The compiled decoders (``store.codec.from_dict``, ``incremental._dec``) rebuild exactly what the
hint-walking ones they replace rebuilt (issue 14): equal objects with equal ``repr`` — the
same types, ints made floats where a float is expected by the store codec only, frozensets,
tuples, non-init fields, unknown keys ignored and missing ones left to their defaults.

The two old decoders are kept below as the reference (condensed, same logic). Our own sentences.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from rasd import incremental
from rasd.incremental import _dec, _pack, _unpack
from rasd.models import (
    Claim,
    Commitment,
    Conflict,
    Deadline,
    DocAnalysis,
    Document,
    Entity,
    EntityMention,
    Event,
    EventDate,
    Evidence,
    Geo,
    Incident,
    PageSpan,
    Published,
    Quantity,
    Quote,
    Removed,
    Side,
    SlotValue,
    Span,
    Speaker,
    Thread,
    Timex,
    to_dict,
)
from rasd.store import open_store
from rasd.store.codec import from_dict
from rasd.store.shared import analysis_from_blob, annotation_blob
from rasd.story import stage as story
from rasd.story.claims import ClaimRecord
from rasd.story.commitments import Found
from rasd.story.promises import Cue
from rasd.story.reports import Told

# --------------------------------------------------------------------------- the old decoders
# kept once, in benchmarks/decode_reference.py (the decode benchmark times them too)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from decode_reference import ref_build as old_build  # noqa: E402
from decode_reference import ref_dec as old_dec  # noqa: E402


def same(a: Any, b: Any) -> None:
    assert a == b
    assert repr(a) == repr(b)


def via_json(x: Any) -> Any:
    return json.loads(json.dumps(to_dict(x), ensure_ascii=False))


# --------------------------------------------------------------------------- models the store saves

TEXT = "أعلنت وزارة الدفاع في بغداد يوم 3 آذار 2024 أن 12 طائرة مسيرة أسقطت، وقال الناطق سعد الراوي: «لن نتراجع»."
EV = [Evidence("d_1", 0, 40), Evidence("d_2", 5, 9)]


def documents() -> list[Document]:
    bare = Document("d_1", "a.txt", 0, "عنوان", None, Published(), "ar", TEXT)
    full = Document(
        "d_2", "b.zip!x.json#3", 3, "عنوان آخر", "وكالة الأنباء", Published("2024-03-03", "day", "dateline", 0.9, ["تاريخ مقدر"]),
        "ar", TEXT, removed=[Removed("footer", "حقوق النشر", 10, 20), Removed("caption", "صورة")], url="https://example.org/a",
        encoding="cp1256", warnings=["نص قصير"], content_hash="h" * 32, page_spans=[PageSpan(0, 4, 50), PageSpan(51, 60, 10)],
        duplicate_of="d_1",
    )  # fmt: skip
    return [bare, full]


def analyses() -> list[DocAnalysis]:
    bare, full = documents()
    da = DocAnalysis(
        full,
        timex=[
            Timex("d_2", 30, 43, "3 آذار 2024", "DATE", "2024-03-03"),
            Timex("d_2", 0, 5, "أعلنت", "DURATION", None, "APPROX", "dct", 0.5, True, "hijri", "1445-08-22", "2024-04"),
        ],
        entities=[
            EntityMention("d_2", 6, 18, "وزارة الدفاع", "ORG"),
            EntityMention("d_2", 22, 27, "بغداد", "GPE", "e_baghdad", 0.95, "العاصمة", "gazetteer"),
        ],
        quantities=[
            Quantity("d_2", 44, 46, "12", 12.0),
            Quantity("d_2", 44, 58, "12 طائرة", 12.0, 15.0, True, "طائرة", "e_x", 0.6, "RANGE", "العراق", Span(47, 52), 10.0, "بغداد"),
        ],
        quotes=[
            Quote("d_2", 70, 90, Speaker("الناطق"), "قال", Span(80, 89), True),
            Quote("d_2", 60, 95, Speaker("سعد الراوي", "e_r", "الناطق", False, 66, 76, "رويترز"), "قال", Span(80, 89),
                  False, "deny", 0.4, "2024-03-03"),  # fmt: skip
        ],
    )
    return [DocAnalysis(bare), da]


def views() -> list[Any]:
    side = Side("5", "d_1", EV, "وكالة", "e_r", "الناطق", "c_1")
    return [
        Entity("e_baghdad", "GPE", "بغداد", ["بغداد"], ["العاصمة"], ["d_1", "d_2"], Geo(33.3, 44.4, "city"), 3, {"country": "IQ", "n": [1, 2]}),
        Entity("e_x", "ORG", "وزارة"),
        Event("v_1", "attack", EventDate("2024-03-03", "day"), "e_baghdad", ["e_a"], ["e_b"], {"killed": 3.0, "injured": 0.5},
              "planned", "هجوم", "أسقطت", EV, 0.9, "", "هجوم في بغداد", 2),  # fmt: skip
        Event("v_2", "protest", EventDate(None, None)),
        Claim("c_1", "e_a", "قال", "شيء", "2024-03", "deny", "plan", "e_r", EV, 0.5, [12.0, 3.5], "مسؤول"),
        Claim("c_2", "e_a", "قال", "شيء", None),
        Commitment("m_1", "الانسحاب", ["e_a"], "2025-09", "pending", EV, 0.8, "e_a", True),
        Conflict("x_1", "slot", "c_1", "c_2", "أرقام مختلفة", EV, 0.6, "i_1", "killed", "t_1", "differ", side, None),
        Conflict("x_2", "polarity", "c_1", "c_2", "نفي"),
        Incident("i_1", "attack", "هجوم في بغداد", EventDate("2024-03", "month"), "e_baghdad", ["v_1"],
                 {"killed": [SlotValue(3, "d_1", EV, 5.0, "at_least", "e_r", "الناطق", "2024-03-03", "وكالة", "v_1", "ثلاثة"),
                             SlotValue("e_baghdad", "d_2")]},
                 0.7, ["e_a"], ["e_b"], 2, EV),  # fmt: skip
        Thread("t_1", "الانسحاب", ["e_a"], [Deadline("2025-09", "END", "e_a", "الوزير", "2024-03-03", EV, "m_1", "current", "d_1", "وكالة"),
                                            Deadline(None)],
               "due", "2026-01-01", ["m_1"], EV, 0.6, "withdrawal", ["e_baghdad"], EV),  # fmt: skip
    ]


@pytest.mark.parametrize("x", [*documents(), *analyses(), *views()], ids=lambda x: type(x).__name__)
def test_models_round_trip_through_json_as_before(x: Any) -> None:
    data = via_json(x)
    got = from_dict(type(x), data)
    same(got, old_build(type(x), via_json(x)))
    same(got, x)


def test_annotation_blobs_and_a_store_give_what_the_old_decoder_gave(tmp_path: Path) -> None:
    for da in analyses():
        got = analysis_from_blob(da.doc, annotation_blob(da))
        same(got, da)
        data = json.loads(json.dumps({k: v for k, v in via_json(da).items() if k != "doc"}))
        ref = old_build(DocAnalysis, {**data, "doc": None})
        ref.doc = da.doc
        same(got, ref)
    das = [DocAnalysis(dataclasses.replace(a.doc, content_hash=f"h{i}"), a.timex, a.entities, a.quantities, a.quotes)
           for i, a in enumerate(analyses())]  # fmt: skip
    with open_store(str(tmp_path / "rasd.db")) as store:
        store.save_annotations(das, "fp")
        loaded = store.load_annotations([da.doc for da in das], "fp")
    assert len(loaded) == 2
    for da in das:
        same(loaded[da.doc.id], da)


def test_ints_become_floats_where_a_float_is_expected_as_before() -> None:
    data = via_json(Quantity("d", 0, 2, "12", 12.0, 15.0, value_min=10.0, object_span=Span(0, 1)))
    data.update(value=12, value_max=15, value_min=None, confidence=1, approx=True, extra_key="ignored")
    del data["mod"]
    got = from_dict(Quantity, data)
    same(got, old_build(Quantity, data))
    assert repr(got.value) == "12.0" and repr(got.confidence) == "1.0" and got.approx is True and got.mod is None
    ev = via_json(views()[2])
    ev["counts"] = {"killed": 3, "injured": 2.5}
    same(from_dict(Event, ev), old_build(Event, ev))
    assert repr(from_dict(Event, ev).counts) == "{'killed': 3.0, 'injured': 2.5}"
    slot = {"value": 3, "source": "d_1", "value_max": 4}  # Any keeps its int; a float | None gets a float
    same(from_dict(SlotValue, slot), old_build(SlotValue, slot))
    assert repr(from_dict(SlotValue, slot).value) == "3" and repr(from_dict(SlotValue, slot).value_max) == "4.0"
    assert from_dict(Document, None) is None and from_dict(float, 2) == 2.0 and from_dict(float, True) is True


# --------------------------------------------------------------------------- odd hints


@dataclass
class Leaf:
    name: str
    weight: float = 0.0


@dataclass
class Other:
    kind: str
    n: int = 0


@dataclass
class Odd:
    """Every hint shape the decoders handle, a non-init field and a dataclass that holds itself."""

    pair: tuple[int, str]
    many: tuple[Leaf, ...] = ()
    tags: frozenset[str] = frozenset()
    bag: set[int] = field(default_factory=set)
    either: Leaf | Other | None = None
    scalar: int | str = 0
    table: dict[str, list[Leaf]] = field(default_factory=dict)
    anything: Any = None
    child: Odd | None = None
    seen: list[tuple[str, float]] = field(init=False, default_factory=list)


def odd() -> Odd:
    inner = Odd((1, "ب"), tags=frozenset({"ج"}))
    inner.seen = [("د", 2.0)]
    x = Odd((7, "أ"), (Leaf("ه", 1.5), Leaf("و")), frozenset({"ز", "ح", "ط"}), {3, 1, 2}, Other("ي", 4), "نص",
            {"ك": [Leaf("ل", 2.0)], "م": []}, {"n": [1, 2.5]}, inner)  # fmt: skip
    x.seen = [("ن", 0.5), ("س", 3.0)]
    return x


def test_story_decoder_rebuilds_every_hint_shape_as_before() -> None:
    x = odd()
    data = _unpack(_pack(x))
    got = _dec(Odd, data)
    same(got, old_dec(Odd, data))
    assert got.either == {"kind": "ي", "n": 4}  # a union of several types keeps its value as it is
    got.either = x.either
    assert got == x  # tuples, sets, frozensets, the non-init field and the nested Odd (set order aside)


def test_store_codec_reads_a_dict_in_a_union_as_its_first_dataclass() -> None:
    data = json.loads(json.dumps({"pair": [1, "أ"], "either": {"name": "ب", "weight": 2}, "many": [{"name": "ج"}], "extra": 1}))
    got = from_dict(Odd, data)
    same(got, old_build(Odd, data))
    assert got.either == Leaf("ب", 2.0) and got.pair == [1, "أ"] and got.many == [Leaf("ج")]  # tuples stay lists here
    data["either"], data["scalar"] = "نص", 5
    same(from_dict(Odd, data), old_build(Odd, data))


@pytest.mark.parametrize(
    "tp, data",
    [
        (list[int], [1, 2]),
        (tuple[int, ...], [1, 2]),
        (tuple[int, str], [1, "أ"]),
        (tuple[Leaf, int], [{"name": "أ"}, 2]),
        (frozenset[str], ["أ", "ب"]),
        (set[Leaf | None], []),
        (dict[str, Leaf], {"أ": {"name": "ب", "weight": 1}}),
        (dict[str, Any], {"أ": [1]}),
        (int | None, None),
        (Leaf | None, {"name": "أ", "unknown": 0}),
        (Any, {"أ": 1}),
        (str, "أ"),
        (Odd | None, None),
    ],
)
def test_both_decoders_match_the_old_ones_on_single_hints(tp: Any, data: Any) -> None:
    for new, old in ((_dec, old_dec), (from_dict, old_build)):
        try:
            want: Any = old(tp, data)
        except Exception as e:  # the same refusal (the store codec reads every tuple item as the first type)
            with pytest.raises(type(e)):
                new(tp, data)
            continue
        same(new(tp, data), want)


def test_a_fixed_tuple_of_the_wrong_length_is_refused_as_before() -> None:
    with pytest.raises(ValueError):
        old_dec(tuple[int, str], [1])
    with pytest.raises(ValueError):
        _dec(tuple[int, str], [1])


# --------------------------------------------------------------------------- the story cache


def per_doc() -> tuple[Any, ...]:
    """One article's story results as ``story.stage.PerDoc``: every type, optional fields set and unset."""
    evs = [e for e in views() if isinstance(e, Event)]
    claim = ClaimRecord(
        Claim("c_1", "e_a", "قال", "شيء", "2024-03", evidence=EV, numbers=[12.0]), "d_2", "قال الناطق إن 12 طائرة أسقطت",
        {"attack": "assert"}, [("طائرة", "العراق", 12.0), ("جندي", "", 3)], [("2025-09", "END"), ("2025", None)],
        frozenset({"طائر", "سقط"}), "e_r", "الناطق", "2024", frozenset({"e_r", "بغداد"}), frozenset({"بقاء"}), True,
        frozenset({"attack"}), frozenset({"withdraw"}), frozenset({"بغداد"}), True,
    )  # fmt: skip
    found = [
        Found(Commitment("m_1", "الانسحاب", ["e_a"], "2025-09", "pending", EV), frozenset({"انسحاب"}), frozenset({"نسحب"}),
              "e_a", "END", (40, 52)),  # fmt: skip
        Found(Commitment("m_2", "الانتخابات", [], None, "due"), frozenset(), frozenset()),
    ]
    cues = [(0, 40, Cue("done", "withdrawal", 12)), (41, 90, Cue("postponed", "election", 50))]
    told = [Told("attack", "هجوم", True, (frozenset({"قاعدة", "صاروخ"}), frozenset()), False, True), None]
    return (evs, [claim, ClaimRecord(Claim("c_2", "", "", "", None), "d_1", "")], found, cues, told)


def test_story_results_round_trip_through_the_cache_as_before() -> None:
    hints = typing.get_args(story.PerDoc)
    results = per_doc()
    for ids in ({}, {"e_a": "\x000", "e_r": "\x001"}):
        data = incremental._swap(_unpack(_pack(results, ids)), {v: k for k, v in ids.items()})
        got = tuple(_dec(t, x) for t, x in zip(hints, data, strict=True))
        same(got, tuple(old_dec(t, x) for t, x in zip(hints, data, strict=True)))
        assert got == results  # every field, private ones too (set order aside)
        assert isinstance(got[3][0], tuple) and isinstance(got[1][0].stems, frozenset) and got[4][1] is None


def test_decoding_leaves_its_input_as_it_was() -> None:
    for x in [*analyses(), *views()]:
        data = via_json(x)
        before = json.dumps(data, ensure_ascii=False)
        from_dict(type(x), data)
        assert json.dumps(data, ensure_ascii=False) == before
    data = _unpack(_pack(per_doc()))
    before = json.dumps(data, ensure_ascii=False)
    tuple(_dec(t, x) for t, x in zip(typing.get_args(story.PerDoc), data, strict=True))
    assert json.dumps(data, ensure_ascii=False) == before
