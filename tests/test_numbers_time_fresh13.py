"""Quantities: the rules added for the fresh real-news batch rn910–rn917.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import counts

DCT = "2015-08-11"  # a Tuesday


def _q(text: str, dct: str = DCT) -> list[tuple[str, float | None, str | None]]:
    """(span, value, object) of every count, read after the time tagger."""
    return [(text[q.start : q.end], q.value, q.object) for q in counts(text, dct)]


def test_one_of_two_takes_the_lemma_of_the_listed_dual() -> None:
    # إحدى + a definite dual: the dual's lemma from objects.tsv, not a cut plural ending (مرأت)
    got = _q("وصلت سيدتان إلى المركز وتحدثت إحدى المرأتين إلى الصحفيين")
    assert ("إحدى", 1.0, "امرأة") in got
    assert all(obj != "مرأت" for _, _, obj in got)


def test_one_of_a_plural_with_a_pronoun_and_hamza_on_a_seat() -> None:
    # أعضائها، أبنائه: the final hamza of أعضاء/أبناء sits on ئ before the pronoun
    got = _q("أعلنت الجمعية أن أحد أعضائها فاز بالجائزة")
    assert [(s, v, o) for s, v, o in got if v == 1.0] == [("أحد", 1.0, "عضو")]
    assert [o for _, v, o in _q("سافر أحد أبنائه إلى الخارج للدراسة") if v == 1.0] == ["ابن"]


def test_compound_counted_nouns_keep_their_adjective() -> None:
    # عيار ناري، ركلة جزاء، رجل شرطة name the thing together (like طلعة جوية، رجل أمن)
    assert [o for _, _, o in _q("أطلق المسلح ستة أعيرة نارية في الهواء")] == ["عيار ناري"]
    assert [o for _, _, o in _q("أهدر الفريق ثلاث ركلات جزاء في الشوط الثاني")] == ["ركلة جزاء"]
    assert [o for _, _, o in _q("أصيب أربعة من رجال الشرطة في الحادث")] == ["رجل شرطة"]
