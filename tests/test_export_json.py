"""``dump_json`` writes exactly what ``json.dump`` writes (it only takes a faster road), and
``to_dict`` / ``document_json`` / ``mentions_json`` keep the contract's shape and order."""

from __future__ import annotations

import io
import json
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.interfaces.export import DOC_FIELDS, document_json, dump_json, mentions_json
from rasd.models import (
    Document,
    EntityMention,
    Mentions,
    PageSpan,
    Published,
    Removed,
    public_fields,
    to_dict,
)


def stdlib(data: Any, indent: int | None) -> str:
    buf = io.StringIO()
    json.dump(data, buf, ensure_ascii=False, indent=indent)
    return buf.getvalue() + "\n"


def ours(data: Any, indent: int | None) -> str:
    buf = io.StringIO()
    dump_json(data, buf, indent=indent)
    return buf.getvalue()


class Num(int):
    pass


class Word(str):
    pass


ODD = {
    "نص": "قال الوزير: «سنبدأ غدا»\n\t\"اقتباس\" \\ \u2028 \x00",
    "أعداد": [0, -3, 2.5, -0.0, 1e-7, 1e300, float("nan"), float("inf"), float("-inf"), Num(7)],
    "قيم": [True, False, None, Word("كلمة"), (), [], {}, ((1, 2), [3])],
    3: "مفتاح عددي", 2.5: "مفتاح عشري", True: "صح", False: "خطأ", None: "لا شيء",
    "مرتب": OrderedDict([("ب", 1), ("أ", 2)]),
    "عد": Counter("بابا"),
    "عميق": [[[[{"أ": [{"ب": {}}]}]]]],
}  # fmt: skip


@pytest.mark.parametrize("indent", [None, 0, 1, 2, 4])
def test_dump_json_is_json_dump_byte_for_byte(indent: int | None) -> None:
    assert ours(ODD, indent) == stdlib(ODD, indent)


@pytest.mark.parametrize("top", [[], {}, "نص", 3, 2.5, None, True, [1], {"أ": 1}])
def test_dump_json_of_top_level_values(top: Any) -> None:
    assert ours(top, 1) == stdlib(top, 1)


@pytest.mark.parametrize("bad", [{"أ": {1, 2}}, {(1, 2): "زوج"}, [object()]])
def test_dump_json_refuses_what_json_refuses(bad: Any) -> None:
    for indent in (None, 1):
        with pytest.raises(TypeError):
            ours(bad, indent)
        with pytest.raises(TypeError):
            stdlib(bad, indent)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=30,
)


@given(json_values)
def test_dump_json_equals_json_dump_on_any_json_value(data: Any) -> None:
    assert ours(data, 1) == stdlib(data, 1)


@dataclass
class Inner:
    name: str
    tags: tuple[str, ...] = ()


@dataclass
class Outer:
    items: list[Inner]
    scores: dict[str, float] = field(default_factory=dict)
    _cache: str = "خاص"
    note: str | None = None


@dataclass
class One:
    only: int


@dataclass
class Nothing:
    pass


def test_to_dict_keeps_field_order_drops_private_fields_and_lists_tuples() -> None:
    scores: dict[str, float] = OrderedDict({"س": 2.0})  # a dict subclass becomes a dict
    got = to_dict(Outer([Inner("أ", ("ب", "ج")), Inner("د")], scores))
    assert got == {"items": [{"name": "أ", "tags": ["ب", "ج"]}, {"name": "د", "tags": []}], "scores": {"س": 2.0}, "note": None}
    assert list(got) == ["items", "scores", "note"]
    assert type(got["scores"]) is dict and type(got["items"][0]["tags"]) is list
    assert to_dict(One(3)) == {"only": 3}
    assert to_dict(Nothing()) == {}
    assert to_dict(Inner) is Inner  # a dataclass type is a value, not an instance
    assert to_dict((Inner("ه"), {"ك": [One(1)]})) == [{"name": "ه", "tags": []}, {"ك": [{"only": 1}]}]


def test_document_json_lists_contract_fields_first_and_keeps_the_trace_out() -> None:
    d = Document(
        "d_1", "ملف.json", 0, "عنوان", "الرياض", Published("2024-01-02", "day"), "ar", "نص الخبر",
        removed=[Removed("byline", "بقلم محرر", 0, 9)], url="https://example.org/1", content_hash="abc",
        page_spans=[PageSpan(0, 0, 8)], duplicate_of="d_0", warnings=["تحذير"],
    )  # fmt: skip
    out = document_json(d)
    assert list(out)[: len(DOC_FIELDS)] == list(DOC_FIELDS)
    assert "page_spans" not in out and "content_hash" not in out
    assert out["url"] == "https://example.org/1" and out["duplicate_of"] == "d_0"
    rest = {k: v for k, v in to_dict(d).items() if k not in ("page_spans", "content_hash")}
    assert out == rest


def test_mentions_at_one_place_are_ordered_by_their_json() -> None:
    a = EntityMention("d_2", 5, 9, "بغداد", "GPE")
    b = EntityMention("d_1", 5, 9, "بغداد", "LOC")
    c = EntityMention("d_1", 5, 9, "بغداد", "GPE")
    d = EntityMention("d_1", 0, 4, "قال", "MISC")
    got = mentions_json(Mentions(entities=[a, b, c, d]))["entities"]
    want = sorted(
        (to_dict(m) for m in (a, b, c, d)),
        key=lambda m: (m["doc"], m["start"], m["end"], json.dumps(m, ensure_ascii=False, sort_keys=True)),
    )
    assert got == want
    assert [(m["doc"], m["start"], m["type"]) for m in got] == [("d_1", 0, "MISC"), ("d_1", 5, "GPE"), ("d_1", 5, "LOC"), ("d_2", 5, "GPE")]


def test_public_fields_as_json_default_writes_what_to_dict_gives() -> None:
    x = [Outer([Inner("أ", ("ب",))], {"س": 1.5}, note="ملاحظة"), {"ك": One(2)}, (Nothing(),)]
    enc = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=public_fields)
    assert enc.encode(x) == json.dumps(to_dict(x), ensure_ascii=False, sort_keys=True)
    with pytest.raises(TypeError):
        enc.encode({"مجموعة": {1, 2}})
