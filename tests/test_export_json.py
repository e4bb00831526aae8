"""``dump_items`` writes JSON that parses back to what ``json.dump`` writes, one item a line;
``dump_json`` one JSONL line; and
``to_dict`` / ``document_json`` / ``mentions_json`` keep the contract's shape and order."""

from __future__ import annotations

import io
import json
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.interfaces.export import (
    DOC_FIELDS,
    analysis_items,
    analysis_to_json,
    document_json,
    dump_items,
    dump_json,
    mentions_json,
)
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


def items(data: Any) -> bytes:
    out: list[bytes] = []
    dump_items(data, out.append)
    return b"".join(out)


def jsonl(data: Any) -> str:
    buf = io.StringIO()
    dump_json(data, buf)
    return buf.getvalue()


class Num(int):
    pass


class Word(str):
    pass


class Pair(NamedTuple):
    a: int
    b: str


ODD = {
    "نص": "قال الوزير: «سنبدأ غدا»\n\t\"اقتباس\" \\ \u2028 \x00",
    "أعداد": [0, -3, 2.5, -0.0, 1e-7, 1e300, Num(7), 2**70],
    "قيم": [True, False, None, Word("كلمة"), (), [], {}, ((1, 2), [3]), Pair(1, "ب")],
    3: "مفتاح عددي", 2.5: "مفتاح عشري", True: "صح", False: "خطأ", None: "لا شيء",
    "مرتب": OrderedDict([("ب", 1), ("أ", 2)]),
    "عد": Counter("بابا"),
    "عميق": [[[[{"أ": [{"ب": {}}]}]]]],
    "mentions": {"entities": [{"doc": "d_1", "start": 0}, {"doc": "d_2", "start": 3}], "quotes": []},
}  # fmt: skip


def _plain(x: Any) -> Any:
    """What ``json.loads(json.dumps(x))`` gives: tuples as lists, keys as strings."""
    return json.loads(json.dumps(x, ensure_ascii=False))


def test_dump_items_parses_back_to_what_json_dump_writes() -> None:
    assert json.loads(items(ODD)) == _plain(ODD)
    assert items(ODD).decode("utf-8").count("كلمة") == 1  # Arabic as it is, not \\u escapes


def test_dump_items_writes_one_item_per_line() -> None:
    lines = items(ODD).decode("utf-8").split("\n")[:-1]
    assert lines[0] == "{" and lines[-1] == "}"
    assert ' "أعداد": [' in lines and "  7," in lines and "  1180591620717411303424" in lines
    assert '   {"doc":"d_1","start":0},' in lines and '   {"doc":"d_2","start":3}' in lines  # one mention a line
    assert ' "mentions": {' in lines and '  "quotes": []' in lines
    assert ' "مرتب": {"ب":1,"أ":2},' in lines  # an object of scalars stays on its line
    assert ' "3": "مفتاح عددي",' in lines and ' "true": "صح",' in lines and ' "null": "لا شيء",' in lines


def test_dump_items_writes_no_bare_nan() -> None:
    got = items({"أ": [float("nan"), float("inf"), -float("inf"), 1.5]})
    assert json.loads(got) == {"أ": [None, None, None, 1.5]}
    assert b"NaN" not in got and b"Infinity" not in got


@pytest.mark.parametrize("top", [[], {}, "نص", 3, 2.5, None, True, [1], {"أ": 1}])
def test_dump_items_of_top_level_values(top: Any) -> None:
    assert json.loads(items(top)) == top and items(top).endswith(b"\n")


@pytest.mark.parametrize("bad", [{"أ": {1, 2}}, {(1, 2): "زوج"}, [object()], {"أ": {(1, 2): "زوج"}}])
def test_dump_items_refuses_what_json_refuses(bad: Any) -> None:
    with pytest.raises(TypeError):
        items(bad)
    with pytest.raises(TypeError):
        json.dumps(bad)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=30,
)


@given(json_values)
def test_dump_items_parses_back_to_any_json_value(data: Any) -> None:
    assert json.loads(items(data)) == data


@given(json_values)
def test_dump_json_is_one_jsonl_line(data: Any) -> None:
    line = jsonl(data)
    assert line.endswith("\n") and "\n" not in line[:-1] and json.loads(line) == data


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


def test_the_writer_of_analysis_json_writes_what_the_contract_dict_gives() -> None:
    """``analysis_items`` leaves mentions and corpus items as dataclasses for orjson to write:
    the file must be byte for byte the one ``analysis_to_json`` gives (private fields such as
    an event's ``_date_source`` left out, mentions at one place ordered by their JSON, items
    by id, conflicts with their sides inline), and dicts in a section still work."""
    from test_report_data import sample_analysis

    an = sample_analysis()
    an.events[0]._date_source = "article"
    m = an.mentions.entities[0]
    an.mentions.entities.append(EntityMention(m.doc, m.start, m.end, m.text, "ORG"))  # a second mention at one place
    an.mentions.entities.reverse()
    an.events.reverse()
    assert an.events and an.conflicts and an.mentions.quotes and an.mentions.timex
    want = items(analysis_to_json(an, "2024-10-01", "2024-10-01T00:00:00Z"))
    assert items(analysis_items(an, "2024-10-01", "2024-10-01T00:00:00Z")) == want
    assert b"_date_source" not in want
    an.claims = [to_dict(c) for c in an.claims]  # not dataclasses: written as the contract's dicts
    assert items(analysis_items(an, "2024-10-01", "2024-10-01T00:00:00Z")) == items(
        analysis_to_json(an, "2024-10-01", "2024-10-01T00:00:00Z")
    )
