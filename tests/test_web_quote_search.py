"""The quote search's scan over one joined string finds exactly the quotes a per-quote check finds."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.interfaces.webapp.search import _quotes_holding

WORDS = ["قال", "الوزير", "وزير", "الهجوم", "هجوم", "انسحاب", "القوات", "ا", "ال"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join), max_size=25),
    st.sampled_from(WORDS),
)
def test_scan_equals_the_per_quote_check(texts: list[str], term: str) -> None:
    corpus = SimpleNamespace(quotes=[SimpleNamespace(folded=t) for t in texts], memo={})
    want = [i for i, t in enumerate(texts) if term in t]
    assert _quotes_holding(corpus, term) == want  # each quote once, in list order
    assert _quotes_holding(corpus, term) == want  # the index is built once and reused
    assert "quote_index" in corpus.memo


def test_a_word_split_across_two_quotes_is_not_found() -> None:
    corpus = SimpleNamespace(quotes=[SimpleNamespace(folded="قال الوز"), SimpleNamespace(folded="ير غدا")], memo={})
    assert _quotes_holding(corpus, "الوزير") == []
    assert _quotes_holding(corpus, "الوز") == [0]
