"""The span candidate every entity source proposes and every shaping rule edits."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Cand:
    first: int  # token index
    last: int  # token index, inclusive
    start: int  # char offsets (proclitics already excluded)
    end: int
    type: str
    source: str
    confidence: float


__all__ = ["Cand"]
