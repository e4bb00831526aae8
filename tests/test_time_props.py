"""Property tests: offsets round-trip and no input makes the tagger raise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.annotators.time import tag

WORDS = [
    "في", "عام", "2014", "٢٠٢٤", "أمس", "الجمعة", "مساء", "الساعة", "الثالثة", "فجرا", "يوليو/تموز",
    "سبتمبر", "(أيلول)", "من", "حتى", "بين", "و", "3000", "جندي", "الماضي", "المقبل", "منذ", "ثلاثة",
    "أشهر", "عامين", "كل", "شهر", "12:00", "ص", "هـ", "رمضان", "1445", "نهاية", "أكثر", "بحلول", "ـ",
    "\u064e", "\u0651", ".", "،", "\n", " ", "اليوم", "غدا", "قبل", "بعد", "الخميس", "القرن", "الماضية",
]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_unicode_never_raises(text: str) -> None:
    for t in tag(text, "2024-09-28"):
        assert text[t.start : t.end] == t.text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25), st.sampled_from(["2024-09-28", "2024-02", "2024", None, "bad"]))
def test_offsets_round_trip(words: list[str], dct: str | None) -> None:
    text = " ".join(words)
    found = tag(text, dct)
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.text == t.text.strip()
    spans = sorted((t.start, t.end) for t in found)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))  # no overlaps


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ابتسمة ًٌٍَُِّْـ٠١٢3أإىﻻ\u0670\n")), max_size=30))
def test_fast_folding_maps_like_the_text_layer(text: str) -> None:
    """The tagger's own folded view must map spans back exactly like ``rasd.text.normalize``."""
    from rasd.annotators.time.engine import _Folded
    from rasd.text import normalize

    fast, ref = _Folded(text), normalize(text)
    assert fast.text == ref.text
    n = len(ref.text)
    for s in range(n):
        for e in range(s + 1, n + 1):
            assert fast.span(s, e) == ref.span(s, e)
