"""Quote rules of the rn1570–rn1577 round (issue 12; docs/benchmarks/realnews_fresh.md,
"Quotes, batch rn1570–rn1577").

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_relative_pronoun_with_wa_quotes_the_person_before_it() -> None:
    # "والذي" is the relative pronoun with و: the clause reports the named person (E4), and the
    # first word of the sentence ("التقيت") is never taken for the speaker
    got = _quotes("التقيت اللاعب سعيد الحربي والذي أكد أن الفريق جاهز للموسم الجديد.")
    assert got == [("أكد", "سعيد الحربي", "الفريق جاهز للموسم الجديد")]


def test_relative_pronoun_with_wa_and_its_own_subject() -> None:
    # "والذي قال مديره إن …": the relative clause has a subject of its own, who speaks
    got = _quotes("زار الوزير المصنع والذي قال مديره إن الإنتاج تضاعف هذا العام.")
    assert [(c, sp) for c, sp, _ in got] == [("قال", "مديره")]
    # a relative clause with و that reports nothing stays no quote
    assert _quotes("وأطلقت الوزارة الخدمة الجديدة والتي أعلنت عنها في الشهر الماضي.") == []


def test_time_word_before_relative_pronoun_is_no_name() -> None:
    # "حالياً" before "والذي" is when, not who: no quote is given to the adverb
    got = _quotes(
        "ويغيب عن الاجتماع الأمير سعيد بن خالد لوجوده خارج البلاد حالياً والذي أكد في اتصال أن رأيه مع الأغلبية."
    )
    assert all(sp != "حالياً" for _, sp, _ in got)
