"""Quote rules of the dev round on speakers named earlier (docs/benchmarks/realnews_fresh.md,
"Quotes: another person or body named earlier").

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes

from rasd.annotators.quotes.agreement import cue_gender
from rasd.annotators.quotes.lexicon import lexicon
from rasd.text import fold


def _gender(word: str) -> str | None:
    return cue_gender(fold(word), lexicon().cues[(fold(word).lstrip("و"),)])


def test_cue_gender_reads_the_form() -> None:
    assert [_gender(w) for w in ("وقالت", "وقال", "شددت", "مؤكدة", "مؤكدا", "تقول", "يقول")] == [
        "f", "m", "f", "f", "m", "f", "m"]  # fmt: skip
    assert _gender("وقالوا") is None  # a plural says nothing of one speaker's gender


def test_feminine_cue_goes_to_the_body_of_a_feminine_verb() -> None:
    # "شددت" cannot go on with the man who spoke before: the body the narration made the subject
    # of a feminine verb in the same sentence ("أعطت لجنة التربية") says it
    got = _quotes("وقال الناشط سامي العبيدي إن المدارس تحتاج إلى صيانة عاجلة.\n من ناحيتها، أعطت لجنة "
                  "التربية البرلمانية الأولوية لملف المدارس، فيما شددت على متابعة الصيانة.")  # fmt: skip
    assert [c for c, _, _ in got] == ["قال", "شددت"]
    assert got[0][1] == "سامي العبيدي"
    assert got[1][1].startswith("لجنة التربية")


def test_feminine_cue_after_a_woman_keeps_her() -> None:
    # control: the cue agrees with the speaker it continues, nothing changes
    got = _quotes("وقالت الوزيرة هدى السالم إن الخطة جاهزة. من جهتها، أعطت لجنة التربية البرلمانية "
                  "الأولوية للمدارس. وأضافت أن التنفيذ يبدأ الشهر المقبل.")  # fmt: skip
    assert [sp for _, sp, _ in got] == ["هدى السالم", "هدى السالم"]


def test_masculine_cue_after_a_man_keeps_him() -> None:
    # control: a masculine cue after a man, with a feminine verb's body in between, stays his
    got = _quotes("وقال الناشط سامي العبيدي إن المدارس تحتاج إلى صيانة. من جهتها، أعطت لجنة التربية "
                  "البرلمانية الأولوية للمدارس. وأضاف أن الصيانة تحتاج إلى متابعة.")  # fmt: skip
    assert got and all(sp == "سامي العبيدي" for _, sp, _ in got)
