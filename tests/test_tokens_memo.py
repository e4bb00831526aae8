"""The whole-text memo of ``tokenize`` gives what a fresh tokenisation gives, every call."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text import tokens


def _fresh(text: str) -> list[tokens.Token]:
    tokens._DOCS.clear()
    return tokens.tokenize(text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي ،.0123456789\u064b\u0640\n", min_size=0, max_size=900))
def test_memo_matches_fresh_tokens(text: str) -> None:
    want = _fresh(text)
    first = tokens.tokenize(text)
    first.append(tokens.Token("x", 0, 1, "x"))  # a caller changing its list changes nobody else's
    again = tokens.tokenize(text)
    assert again == want
    assert all(text[t.start : t.end] == t.text for t in again)


def test_memo_is_bounded() -> None:
    tokens._DOCS.clear()
    for k in range(tokens.DOC_MEMO + 3):
        tokens.tokenize(("كلمة " * 100) + str(k))
    assert len(tokens._DOCS) == tokens.DOC_MEMO
