"""Third round of rules found on ANERcorp dev (``ner_bench.py --split dev``): two clubs
paired by ``مع`` in a sports report, a club word before a place's name, a person's tail
said again after the words that open the full name, Sudan's armed movements by name.
Our own sentences; where a rule acts on model spans, the sequence model is replaced."""

from __future__ import annotations

import pytest
from entity_checks import found

import rasd.annotators.entities as ents
from rasd.text.tokens import Token

MATCH_REPORT = "وفي الجولة الثالثة من الدوري يلعب السد مع الريان على الملعب الكبير وتنتهي المباراة مساء"


def test_two_weak_clubs_paired_by_ma_in_a_sports_report_are_clubs() -> None:
    got = found(MATCH_REPORT)
    assert ("السد", "ORG") in got and ("الريان", "ORG") in got


def test_ma_pairs_no_clubs_outside_a_sports_report() -> None:
    got = found("وجلس الشيخ مع الشباب في المجلس بعد صلاة العصر")
    assert ("الشباب", "ORG") not in got


def test_a_place_after_a_club_word_is_the_club() -> None:
    assert ("قطر", "ORG") in found("ووقع اللاعب عقدا مع نادي قطر لموسمين")
    assert ("قطر", "GPE") in found("وسافر رئيس النادي إلى قطر أمس")


def test_sudan_movements_are_named_in_full() -> None:
    got = found("ورفضت حركة العدل والمساواة العرض بينما قبلته حركة تحرير السودان")
    assert ("حركة العدل والمساواة", "ORG") in got and ("حركة تحرير السودان", "ORG") in got


def _spans(text: str, toks: list[Token], words: list[tuple[int, int]]) -> list[ents._Cand]:
    return [ents._Cand(i, j, toks[i].start, toks[j].end, "PER", "model", 0.8) for i, j in words]


@pytest.mark.parametrize("second", [[(8, 8)], [(6, 6), (8, 8)]])
def test_the_tail_of_a_full_name_said_again_takes_the_opening_words(
    monkeypatch: pytest.MonkeyPatch, second: list[tuple[int, int]]
) -> None:
    # tokens: 0 استقبل 1 الرئيس 2 سون 3 هي 4 جانغ 5 وقال 6 سون 7 هي 8 جانغ 9 إن …
    text = "استقبل الرئيس سون هي جانغ وقال سون هي جانغ إن الزيارة ناجحة"
    monkeypatch.setattr(ents, "_model_cands", lambda t, toks: _spans(t, toks, [(2, 4), *second]))
    assert found(text) == [("سون هي جانغ", "PER"), ("سون هي جانغ", "PER")]


def test_a_tail_after_other_words_stays_short(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "استقبل الرئيس سون هي جانغ وقال وزير جانغ إن الزيارة ناجحة"
    monkeypatch.setattr(ents, "_model_cands", lambda t, toks: _spans(t, toks, [(2, 4), (7, 7)]))
    assert ("جانغ", "PER") in found(text)
