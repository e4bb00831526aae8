"""The story stage's shortcuts give what the plain computations give (issue 16: speed without
a change of output): word tokens, stem readings filtered by a key set, phrase starts, and
the stance model's bound on ``disagree`` that lets the stage skip the sentence encoder."""

from __future__ import annotations

import pytest

from rasd.story.stance import LABELS, load_model
from rasd.text import tokenize
from rasd.text.tokens import words_of
from rasd.text.words import StemHits, phrase_starts, stems

TEXTS = [
    "أعلنت الوزارةُ أن القوات ستنسحب من المدينة بحلول نهاية العام، وفق مصدر مطلع.",
    "وبالقرب من السوق قال الشاهد: «لم نسمع شيئاً» ـ ثم غادر… 12 شخصا و٣ سيارات",
    "",
    " ، . ؟ ",
    "والمسؤولون للصحفيين: ستُفتتح المدرسة الجديدة الأسبوع المقبل",
]


@pytest.mark.parametrize("text", TEXTS)
def test_words_of_is_the_word_tokens_shifted(text: str) -> None:
    for offset in (0, 17):
        plain = [(t.text, t.start + offset, t.end + offset, t.norm) for t in tokenize(text) if t.is_word]
        assert [(t.text, t.start, t.end, t.norm) for t in words_of(text, offset)] == plain
        got = words_of(text, offset)  # remembered: a fresh list, the same tokens
        got.clear()
        assert len(words_of(text, offset)) == len(plain)


def test_stem_hits_are_the_readings_with_a_known_stem() -> None:
    keys = frozenset({"قوات", "مدينه", "سوق", "مسوولون", "انسحاب"})
    hits = StemHits(keys)
    words = [t for text in TEXTS for t in words_of(text)]
    assert any(hits(t) for t in words) and any(not hits(t) for t in words)
    for t in words:
        want = tuple((k, s) for k, s in stems(t) if s in keys)
        assert hits(t) == want
        assert hits(t) == tuple((k, s) for k, s in stems(t, keys) if s in keys)


def test_phrase_starts_by_first_word() -> None:
    norms = ["من", "المقرر", "ان", "من", "المقرر", "على", "ان", "تنسحب"]
    phrases = (("من", "المقرر"), ("على", "ان"), ("تنسحب",), ("ان", "من", "الغد"))
    want = [i for i in range(len(norms)) if any(tuple(norms[i : i + len(p)]) == p for p in phrases)]
    assert list(phrase_starts(norms, phrases)) == want == [0, 3, 5, 7]
    assert list(phrase_starts(norms, (("ان",), ()))) == list(range(len(norms)))  # an empty phrase starts anywhere
    assert list(phrase_starts([], phrases)) == []


def test_disagree_bound_is_never_below_the_full_probability() -> None:
    model = load_model()
    if model is None:
        pytest.skip("stance model not trained yet (run `rasd train stance`)")
    pairs = [
        ("القوات ستنسحب من المدينة نهاية العام", "القوات لن تنسحب من المدينة هذا العام"),
        ("افتتاح المدرسة الجديدة الأسبوع المقبل", "تأجيل افتتاح المدرسة الجديدة"),
        ("ارتفاع عدد الزوار إلى 12 ألفا", "ارتفاع عدد الزوار إلى 12 ألفا"),
        ("المطر يهطل على الساحل", "المنتخب يفوز بالمباراة"),
    ]
    bound = model.disagree_bound(pairs)
    full, base = model.proba_arrays(pairs)
    d = LABELS.index("disagree")
    assert len(bound) == len(pairs)
    assert all(b >= p for b, p in zip(bound, full[:, d], strict=True))
    assert all(b >= p for b, p in zip(bound, base[:, d], strict=True))
    assert model.disagree_bound([]).shape == (0,)
