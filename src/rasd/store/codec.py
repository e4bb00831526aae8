"""Rebuild model dataclasses from their ``to_dict`` JSON.

The store keeps nested parts of the models (``published``, ``removed``, mentions, events…)
as JSON. Rebuilding them from the type hints rather than by hand means a field another
stage adds to ``rasd.models`` round-trips through the store without a change here; keys
the current models do not know are ignored, so an older checkout can read a newer file.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin

T = TypeVar("T")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_dict(cls: type[T], data: Any) -> T:
    """``cls`` instance built from ``data`` (the shape ``rasd.models.to_dict`` gives)."""
    return typing.cast(T, _build(cls, data))


def _build(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        for a in args:
            if dataclasses.is_dataclass(a) and isinstance(data, dict):
                return _build(a, data)
        return _build(args[0], data) if len(args) == 1 else data
    if origin in (list, tuple):
        arg = (get_args(tp) or (Any,))[0]
        return [_build(arg, x) for x in data]
    if origin is dict:
        kv = get_args(tp)
        vt = kv[1] if len(kv) == 2 else Any
        return {k: _build(vt, v) for k, v in data.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        kwargs = {
            f.name: _build(hints[f.name], data[f.name])
            for f in dataclasses.fields(tp)
            if f.init and f.name in data
        }
        return tp(**kwargs)
    if tp is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    return data
