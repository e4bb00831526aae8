"""The time tagger's rules about single words read those words from its resource files.

Which noun heads a day's name (``day_head`` in ``time/units.tsv``), which relative day needs
a companion (``bound``) or is also the noun "the day" (``noun``, ``time/relative_days.tsv``),
which year suffix is a lone abbreviation (``time/year_suffixes.tsv``): each is a flag on a
line, so the tests below run the rule over every flagged word. Sentences are made up.
"""

from __future__ import annotations

from rasd.annotators.time import tag
from rasd.annotators.time.lexicon import day_nouns, lexicon, word_set

DCT = "2024-05-03"


def _found(text: str) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in tag(text, DCT)]


def test_flags_name_known_words() -> None:
    lex = lexicon()
    assert day_nouns() and all(lex.units[n] == ("D", "1") for n in day_nouns())
    assert lex.bound_days and lex.bound_days <= set(lex.relative_days)
    assert lex.noun_days and lex.noun_days <= set(lex.relative_days)
    assert lex.year_abbreviations and lex.year_abbreviations <= lex.year_suffixes
    assert lex.year_suffixes - lex.year_abbreviations  # the spelled-out suffixes stay years


def test_a_bound_day_needs_a_part_of_day_or_the_day_noun() -> None:
    for w in lexicon().bound_days:
        assert _found(f"نتطلع إلى {w} أفضل") == [], w
        for noun in day_nouns():
            assert [v for _, _, v in _found(f"يبدأ الاجتماع {noun} {w}")] == ["2024-05-04"], (noun, w)


def test_a_noun_day_before_an_adjective_is_a_named_day() -> None:
    for w in lexicon().noun_days:
        assert _found(f"احتفل الناس {w} الوطني") == [], w
        assert [v for _, _, v in _found(f"وصل الوفد {w}")] == [DCT], w


def test_a_lone_letter_suffix_before_a_counted_noun_is_no_year() -> None:
    counted = sorted(w for w in word_set("counted_nouns.txt") if w.isalpha())[0]  # a word, not the sign $
    for a in lexicon().year_abbreviations:
        assert _found(f"وصل 1990 {a} {counted} إلى المدينة") == [], a
        assert [v for _, _, v in _found(f"وصل 1990 {a} إلى المدينة")] == ["1990"], a
