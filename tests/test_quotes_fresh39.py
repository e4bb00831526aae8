"""Quote rules from the fresh real-news batch rn1240–rn1247 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_a_prosecutor_or_supervisor_title_before_the_name_gives_the_name() -> None:
    # "المدعي العام X" (also spelt with a final ى): the title's العام is no time word; the
    # accused's own statement inside his words is a quote of its own (E2), the accused's
    got = _quotes("وقال المدعى العام سامي الخالدي إن المتهم اعترف بالتهمة.")
    assert got == [("قال", "سامي الخالدي", "المتهم اعترف بالتهمة"), ("اعترف", "المتهم", "بالتهمة")]
    got = _quotes("وقال المدعي العام سامي الخالدي إن المتهم اعترف بالتهمة.")
    assert got == [("قال", "سامي الخالدي", "المتهم اعترف بالتهمة"), ("اعترف", "المتهم", "بالتهمة")]
    # with no name the title stays the speaker, whole
    assert _quotes("وقال المدعي العام إن المتهم اعترف بالتهمة.")[0] == ("قال", "المدعي العام", "المتهم اعترف بالتهمة")


def test_a_title_whose_adjective_stands_before_its_preposition() -> None:
    # "المشرف العام على الفريق X أكد أن": the على is the title's, not "أكد على"
    got = _quotes("وأكد المشرف العام على الفريق سعد الحربي أن النادي تعاقد مع مدرب جديد.")
    assert got == [("أكد", "سعد الحربي", "النادي تعاقد مع مدرب جديد")]
    # the plain form still works
    got = _quotes("وأكد المشرف على الفريق سعد الحربي أن النادي تعاقد مع مدرب جديد.")
    assert got == [("أكد", "سعد الحربي", "النادي تعاقد مع مدرب جديد")]


def test_distance_learning_in_a_deans_title() -> None:
    # "عميد التعليم عن بعد X": عن بعد is "remotely", not "after", so the name is reached
    got = _quotes("وصرح عميد التعليم عن بعد الدكتور سعد الحربي بأن الاختبارات تبدأ غدا.")
    assert got == [("صرح", "سعد الحربي", "الاختبارات تبدأ غدا")]
    # an ordinary "بعد" after a speaker still ends the phrase before the time adjunct
    got = _quotes("وقال الوزير سعد الحربي بعد الاجتماع إن الخطة جاهزة.")
    assert got == [("قال", "سعد الحربي", "الخطة جاهزة")]
