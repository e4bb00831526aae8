"""Reading ``analysis.json`` back into an ``Analysis`` (for ``rasd report --analysis``)."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from pathlib import Path
from typing import Any

from rasd.interfaces.export import conflict_model
from rasd.models import Analysis
from rasd.story.commitments import status

# ``rasd.store.codec`` does the same, but importing anything under ``rasd.store`` loads the
# store's ingest machinery (seconds, numpy); the report must stay light, so it keeps this
# small converter of its own.


def _convert(tp: Any, value: Any) -> Any:
    """``value`` (JSON) as an instance of annotation ``tp``: dataclasses, lists, dicts, unions."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        for a in args:
            if dataclasses.is_dataclass(a) and isinstance(value, dict):
                return _convert(a, value)
        return _convert(args[0], value) if len(args) == 1 else value
    if origin in (list, tuple):
        arg = (typing.get_args(tp) or (Any,))[0]
        return [_convert(arg, v) for v in value] if isinstance(value, list) else []
    if origin is dict:
        kv = typing.get_args(tp)
        return {k: _convert(kv[1], v) for k, v in value.items()} if len(kv) == 2 else dict(value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise ValueError(f"expected an object for {tp.__name__}, got {type(value).__name__}")
        hints = _hints(tp)
        return tp(**{f.name: _convert(hints[f.name], value[f.name]) for f in dataclasses.fields(tp)
                     if f.init and f.name in value})  # fmt: skip
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def analysis_from_dict(data: dict[str, Any]) -> Analysis:
    """Rebuild an ``Analysis`` from the export JSON; unknown keys are ignored, missing ones default."""
    if isinstance(data.get("conflicts"), list):
        data = {**data, "conflicts": [conflict_model(k) if isinstance(k, dict) else k for k in data["conflicts"]]}
    result: Analysis = _convert(Analysis, data)
    return result


def load_analysis(path: Path) -> tuple[Analysis, dict[str, Any]]:
    """Read ``analysis.json``: the analysis and its top-level metadata (``as_of``, ``tool``…)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not an analysis export (top level is not an object)")
    meta = {k: v for k, v in data.items() if not isinstance(v, (list, dict)) or k == "tool"}
    return analysis_from_dict(data), meta


def restatus(analysis: Analysis, as_of: str) -> Analysis:
    """A copy of ``analysis`` whose commitment statuses are seen from ``as_of``.

    For ``rasd report --as-of`` on an export made on another day; uses the story
    stage's own rule (``rasd.story.commitments.status``) so both always agree. Threads
    are seen from the report's date when the report is drawn (``story.thread_view``).
    """
    return dataclasses.replace(
        analysis,
        commitments=[dataclasses.replace(c, status=status(c.deadline, as_of)) for c in analysis.commitments],
    )
