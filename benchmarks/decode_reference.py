"""The decoders ``store.codec`` and ``incremental`` used before issue 14 (they walked the type
hints for every value), kept as the reference that ``benchmarks/decode_bench.py`` times and
``tests/test_decode_fast.py`` compares the compiled ones with. Not used by rasd itself."""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, Union, get_args, get_origin

# ``store.codec._build`` and ``incremental._dec`` as they were before issue 14, unchanged.


@cache
def _ref_hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def ref_from_dict(cls: type, data: Any) -> Any:
    return ref_build(cls, data)


def ref_build(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        for a in args:
            if dataclasses.is_dataclass(a) and isinstance(data, dict):
                return ref_build(a, data)
        return ref_build(args[0], data) if len(args) == 1 else data
    if origin in (list, tuple):
        arg = (get_args(tp) or (Any,))[0]
        return [ref_build(arg, x) for x in data]
    if origin is dict:
        kv = get_args(tp)
        vt = kv[1] if len(kv) == 2 else Any
        return {k: ref_build(vt, v) for k, v in data.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _ref_hints(tp)
        kwargs = {
            f.name: ref_build(hints[f.name], data[f.name])
            for f in dataclasses.fields(tp)
            if f.init and f.name in data
        }
        return tp(**kwargs)
    if tp is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    return data


def ref_dec(tp: Any, data: Any) -> Any:
    if data is None or tp is Any:
        return data
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return ref_dec(args[0], data) if len(args) == 1 else data
    if origin is list:
        (arg,) = typing.get_args(tp) or (Any,)
        return [ref_dec(arg, v) for v in data]
    if origin is tuple:
        parts = typing.get_args(tp)
        if len(parts) == 2 and parts[1] is Ellipsis:
            return tuple(ref_dec(parts[0], v) for v in data)
        return tuple(ref_dec(a, v) for a, v in zip(parts, data, strict=True))
    if origin in (set, frozenset):
        (arg,) = typing.get_args(tp) or (Any,)
        return origin(ref_dec(arg, v) for v in data)
    if origin is dict:
        kv = typing.get_args(tp)
        return {k: ref_dec(kv[1] if len(kv) == 2 else Any, v) for k, v in data.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _ref_hints(tp)
        fields = dataclasses.fields(tp)
        obj = tp(**{f.name: ref_dec(hints[f.name], data[f.name]) for f in fields if f.init and f.name in data})
        for f in fields:
            if not f.init and f.name in data:
                setattr(obj, f.name, ref_dec(hints[f.name], data[f.name]))
        return obj
    return data
