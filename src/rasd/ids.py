"""Stable, content-derived identifiers.

IDs come from content, never from run order, so the same input always gives the same
output and re-runs are idempotent.
"""

from __future__ import annotations

import hashlib


def digest(*parts: object, n: int = 16) -> str:
    h = hashlib.blake2b(digest_size=16)
    for p in parts:
        h.update(str(p).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:n]


def make_id(prefix: str, *parts: object) -> str:
    """``prefix_`` + 16 hex chars of a hash of ``parts``: e.g. ``d_3f2a…`` for documents."""
    return f"{prefix}_{digest(*parts)}"
