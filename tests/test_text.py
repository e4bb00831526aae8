"""The text layer: folding, the offset map, tokens, proclitics and sentences."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text import fold, normalize, sentences, tokenize
from rasd.text.tokens import strip_proclitics


def test_fold_unifies_common_spelling_variants() -> None:
    assert fold("عين الأسد") == fold("عين الاسد") == fold("عيّن الأسد")
    assert fold("الأميركية") == "الاميركيه"
    assert fold("مستشفى") == fold("مستشفي")
    assert fold("٢٠٢٤") == "2024"
    assert fold("۲۵۰۰") == "2500"
    assert fold("«نص»") == '"نص"'
    assert fold("مـــوعد") == "موعد"


def test_span_maps_folded_match_back_to_original_characters() -> None:
    original = "قصفت قاعدة عيّن الأسد أمس"
    nt = normalize(original)
    i = nt.text.index("عين الاسد")
    s, e = nt.span(i, i + len("عين الاسد"))
    assert original[s:e] == "عيّن الأسد"


def test_span_covers_ligature_expansion() -> None:
    original = "ﻻ شيء"
    nt = normalize(original)
    assert nt.text.startswith("لا")
    s, e = nt.span(0, 2)
    assert original[s:e] == "ﻻ"


def test_tokens_keep_offsets_and_split_punctuation() -> None:
    text = "قال الوزير: «انتهت المهمة»، ثم غادر."
    toks = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert [t.text for t in toks][:3] == ["قال", "الوزير", ":"]
    assert "«" in [t.text for t in toks]


def test_strip_proclitics_with_and_without_lexicon() -> None:
    readings = dict(strip_proclitics("وبغداد"))
    assert readings[1] == "بغداد"
    # with a lexicon, only known stems survive: the ب of بغداد is kept
    known = {fold("بغداد")}
    assert strip_proclitics("بغداد", known) == [(0, "بغداد")]
    assert (1, "بغداد") in strip_proclitics("وبغداد", known)
    assert (1, "العراق") in strip_proclitics("بالعراق", {fold("العراق")})


def test_sentences_respect_decimals_and_paragraphs() -> None:
    text = "أعلن الجيش نشر 2.5 ألف جندي. وقال مسؤول إن الخطة جاهزة؟ نعم\n\nفقرة ثانية"
    spans = sentences(text)
    got = [text[s:e] for s, e in spans]
    assert got[0] == "أعلن الجيش نشر 2.5 ألف جندي."
    assert got[1] == "وقال مسؤول إن الخطة جاهزة؟"
    assert got[-1] == "فقرة ثانية"


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=80))
def test_offset_map_round_trips_on_arbitrary_unicode(text: str) -> None:
    nt = normalize(text)
    assert len(nt.map) == len(nt.text) + 1
    assert list(nt.map) == sorted(nt.map)
    for i in range(len(nt.text)):
        s, e = nt.span(i, i + 1)
        assert 0 <= s < e <= len(text)
        # the original characters fold back to text that contains the folded char
        assert nt.text[i] in fold(text[s:e]) or fold(text[s:e]) == ""


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_tokens_and_sentences_never_raise_and_round_trip(text: str) -> None:
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text
    for s, e in sentences(text):
        assert 0 <= s < e <= len(text)
        assert text[s:e].strip() == text[s:e]
