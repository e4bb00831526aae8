"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import rasd.annotators.entities as ents
from rasd.text.tokens import Token

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout; tests that need it skip when it is absent."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside this checkout (real seeds/data sets unavailable)")
    return SHARED


@pytest.fixture
def forced(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[tuple[str, str]]]]:
    """Make the entity model propose exactly ``spans[text]``: (words as written, type) pairs
    (the entity tests' way to put a model span where a rule must act on it)."""
    spans: dict[str, list[tuple[str, str]]] = {}

    def fake(text: str, toks: list[Token]) -> list[ents._Cand]:
        out = []
        for words, typ in spans.get(text, []):
            n = len(words.split())
            for i in range(len(toks) - n + 1):
                if " ".join(t.text for t in toks[i : i + n]) == words:
                    out.append(ents._Cand(i, i + n - 1, -1, -1, typ, "model", 0.8))
        return out

    monkeypatch.setattr(ents, "_model_cands", fake)
    yield spans
