"""Quantities and time: the rules added for the fresh real-news batch rn280–rn287.

An ordinary news mix, scored once held out and only then read. Every sentence here was
written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-07"  # a Friday


_, _t = readers(DCT)


# --------------------------------------------------------------------------- time


def test_twelve_in_the_morning_is_just_after_midnight() -> None:
    assert _t("اندلع الحريق في الساعة 12:40 من صباح أمس") == [
        ("الساعة 12:40 من صباح أمس", "TIME", "2015-08-06T00:40")
    ]
    # twelve at noon and the other morning hours keep their readings
    assert _t("يبدأ الحفل الساعة 12 ظهرا") == [("الساعة 12 ظهرا", "TIME", "XXXX-XX-XXT12:00")]
    assert _t("وصل الوفد في الساعة العاشرة من صباح أمس") == [
        ("الساعة العاشرة من صباح أمس", "TIME", "2015-08-06T10:00")
    ]
