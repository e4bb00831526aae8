"""Quote rules from the fresh real-news batch rn1060–rn1067 and the classes earlier rounds left
open (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_a_describing_cue_with_one_name_before_bianna_describes_that_name() -> None:
    # "ووصف X بأنه": X is the one described, the spokesman goes on speaking
    got = _quotes("وقال المتحدث باسم الشرطة خالد العمري إن الدورية أوقفت سالم الحربي قرب الحدود. "
                  "ووصف الحربي بأنه أخطر المطلوبين في المنطقة.")  # fmt: skip
    assert got[-1] == ("وصف", "خالد العمري", "أخطر المطلوبين في المنطقة")
    # with a subject and an object both written, the first phrase is the subject
    got = _quotes("ووصف الوزير سعد القحطاني الاتفاق بأنه خطوة مهمة.")
    assert got == [("وصف", "سعد القحطاني", "خطوة مهمة")]
    # with the object glued to the cue, the name after it is the subject
    got = _quotes("وقال المتحدث خالد العمري إن الدورية أوقفت سالم الحربي. ووصفه الوزير سعد القحطاني بأنه خطير.")
    assert got[-1] == ("وصفه", "سعد القحطاني", "خطير")
