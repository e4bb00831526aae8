"""The words after a qualified number that name its slot are counted from the number itself,
so a qualifier said before it ("ما لا يقل عن"، "أكثر من") does not narrow their window."""

from __future__ import annotations

from rasd.models import Quantity
from rasd.story.figure_text import _slot_near, _words


def _slot(text: str, surface: str, value: float, obj: str | None, mod: str | None) -> str | None:
    i = text.index(surface)
    q = Quantity("d", i, i + len(surface), surface, value, object=obj, mod=mod)
    return _slot_near(_words(text, 0, len(text)), q)


def test_a_qualifier_before_a_number_leaves_the_slot_word_after_it_in_reach() -> None:
    plain = "أفاد شهود بأن سبعة أشخاص من بينهم طفلان لقوا مصرعهم في الانفجار."
    qualified = "أفاد شهود بأن ما لا يقل عن سبعة أشخاص من بينهم طفلان لقوا مصرعهم في الانفجار."
    assert _slot(plain, "سبعة أشخاص", 7.0, "شخص", None) == "killed"
    assert _slot(qualified, "ما لا يقل عن سبعة أشخاص", 7.0, "شخص", "AT_LEAST") == "killed"
    digits = "وقال مدير المستشفى إن أكثر من 40 شخصا آخرين أصيبوا في القصف."
    assert _slot(digits, "أكثر من 40 شخصا", 40.0, "شخص", "MORE_THAN") == "injured"


def test_a_slot_word_beyond_its_window_from_the_number_is_still_not_read() -> None:
    far = "أفاد شهود بأن ما لا يقل عن سبعة أشخاص من سكان القرية الواقعة شمال المدينة الكبيرة في الجبل لقوا مصرعهم."
    assert _slot(far, "ما لا يقل عن سبعة أشخاص", 7.0, "شخص", "AT_LEAST") is None
