"""Rebuild model dataclasses from their ``to_dict`` JSON.

The store keeps nested parts of the models (``published``, ``removed``, mentions, events…)
as JSON. Rebuilding them from the type hints rather than by hand means a field another
stage adds to ``rasd.models`` round-trips through the store without a change here; keys
the current models do not know are ignored, so an older checkout can read a newer file.

An update decodes every stored document's annotations, so reading the hints for every value
was most of its cost: each hint is compiled once (``_decoder``) into a function that knows
its fields' decoders, and a hint whose values need no conversion (``str``, ``list[str]``,
``dict[str, Any]``…) into none at all — its JSON value is returned as it is (``json.loads``
gives fresh lists and dicts, so nothing is shared with another object).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin

T = TypeVar("T")
Decoder = Callable[[Any], Any] | None  # None: the value is kept as it is


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_dict(cls: type[T], data: Any) -> T:
    """``cls`` instance built from ``data`` (the shape ``rasd.models.to_dict`` gives)."""
    dec = _decoder(cls)
    return typing.cast(T, data if dec is None else dec(data))


def _decoder(tp: Any) -> Decoder:
    """The decoder of hint ``tp``, compiled once per hint (an unhashable hint each time)."""
    try:
        hash(tp)
    except TypeError:
        return _compile(tp)
    return _cached(tp)


@cache
def _cached(tp: Any) -> Decoder:
    return _compile(tp)


def _compile(tp: Any) -> Decoder:
    """What ``from_dict`` does with a value of hint ``tp``: ``None`` stays ``None``; of a union,
    a dict is read as its first dataclass, else as its one non-``None`` type (several: as it
    is); lists and tuples become lists, dict values are decoded, dataclasses are built from
    the keys they know, an int where a float is expected becomes a float."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        classes = [a for a in args if dataclasses.is_dataclass(a)]
        rest = _decoder(args[0]) if len(args) == 1 else None
        if not classes:
            return rest
        first = _decoder(classes[0])
        assert first is not None  # a dataclass always has a decoder

        def union(data: Any) -> Any:
            if data is None:
                return None
            if isinstance(data, dict):
                return first(data)
            return data if rest is None else rest(data)

        return union
    if origin in (list, tuple):
        item = _decoder((get_args(tp) or (Any,))[0])
        if item is None:
            return None

        def seq(data: Any) -> Any:
            return None if data is None else [item(x) for x in data]

        return seq
    if origin is dict:
        kv = get_args(tp)
        value = _decoder(kv[1] if len(kv) == 2 else Any)
        if value is None:
            return None

        def mapping(data: Any) -> Any:
            return None if data is None else {k: value(v) for k, v in data.items()}

        return mapping
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass(tp)
    if tp is float:
        return _to_float
    return None


def _to_float(data: Any) -> Any:
    return float(data) if isinstance(data, int) and data.__class__ is not bool else data


def _dataclass(cls: type) -> Callable[[Any], Any]:
    """Decoder of a dataclass: its init fields that ``data`` holds, each through its own
    decoder, into the constructor (missing ones take their defaults). The field decoders are
    compiled on first use, so a dataclass that holds itself compiles.

    A dict whose keys are all init fields (what ``to_dict`` gives) is copied whole and only
    the fields that need it are decoded in the copy; ``None`` needs no decoding, and a float
    field is coerced in place rather than through a call."""
    plan: list[tuple[frozenset[str], tuple[str, ...], tuple[tuple[str, Callable[[Any], Any]], ...]]] = []

    def compile_fields() -> None:
        hints = _hints(cls)
        fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls) if f.init]
        floats = tuple(n for n, d in fields if d is _to_float)
        decoded = tuple((n, d) for n, d in fields if d is not None and d is not _to_float)
        plan.append((frozenset(n for n, _ in fields), floats, decoded))

    def build(data: Any) -> Any:
        if data is None:
            return None
        if not plan:
            compile_fields()
        names, floats, decoded = plan[0]
        if data.__class__ is dict and data.keys() <= names:
            kwargs = data.copy()
        else:  # unknown keys, or not a dict: the init fields it holds
            kwargs = {n: data[n] for n in names if n in data}
        for n in floats:
            v = kwargs.get(n)
            if v.__class__ is not float and isinstance(v, int) and v.__class__ is not bool:
                kwargs[n] = float(v)
        for n, dec in decoded:
            v = kwargs.get(n)
            if v is not None:
                kwargs[n] = dec(v)
        return cls(**kwargs)

    return build
