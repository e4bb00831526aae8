"""Quote rules of the rn1460 round (docs/benchmarks/realnews_fresh.md, "Quotes, batch
rn1460–rn1467 and the dev half's missed quotes").

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_tell_with_an_object_pronoun_is_a_cue() -> None:
    # "أخبرته لجنة … أنها": the one told is glued to the verb, its subject follows
    text = "وافق المحافظ على المشروع بعد أن أخبرته لجنة فنية في مايو أنها لم تجد خللا."
    assert _quotes(text) == [("أخبرته", "لجنة فنية", "لم تجد خللا")]


def test_tell_without_a_pronoun_is_unchanged() -> None:
    # control: the bare form was a cue already
    text = "وأخبرت اللجنة الفنية المحافظ في مايو أنها لم تجد خللا."
    assert [q[0] for q in _quotes(text)] == ["أخبرت"]
