"""Quote rules from the held-out batch rn1420–rn1427 (docs/benchmarks/realnews_fresh.md,
"batch rn1420–rn1427").

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_a_title_with_its_nisba_goes_to_the_person_written_with_that_nisba() -> None:
    # two people share "نائب الرئيس"; only the first is written with "اليمني": the later
    # "نائب الرئيس اليمني" is he, not the nearer colleague
    text = (
        "انتقد نائب الرئيس اليمني سالم الحارثي، في مؤتمر صحفي، نائب الرئيس ناصر العمري بسبب تأخر الإصلاحات. "
        "وفي ختام اللقاء قال نائب الرئيس اليمني إن الحكومة مطالبة بتقديم برنامج واضح."
    )
    assert _quotes(text) == [("قال", "سالم الحارثي", "الحكومة مطالبة بتقديم برنامج واضح")]


def test_a_title_without_the_nisba_still_goes_to_the_nearest_holder() -> None:
    # control: no one is written with the nisba, so the nearest "نائب الرئيس" is kept
    text = (
        "انتقد نائب الرئيس سالم الحارثي، في مؤتمر صحفي، نائب الرئيس ناصر العمري بسبب تأخر الإصلاحات. "
        "وفي ختام اللقاء قال نائب الرئيس اليمني إن الحكومة مطالبة بتقديم برنامج واضح."
    )
    assert _quotes(text) == [("قال", "ناصر العمري", "الحكومة مطالبة بتقديم برنامج واضح")]


def test_a_champion_written_before_the_name_is_a_title_for_the_participle() -> None:
    # "بطل" is a title of sport news (titles.tsv, role): "عاد بطل X NAME …، مؤكدا أن …" is NAME's
    text = "عاد بطل السباحة المغربي يوسف بنعلي أمس إلى بلاده، مؤكدًا أن الميدالية كانت ثمرة سنوات من التدريب."
    assert _quotes(text) == [("مؤكدًا", "يوسف بنعلي", "الميدالية كانت ثمرة سنوات من التدريب")]


def test_then_after_the_subject_is_a_time_adjunct_not_the_speaker() -> None:
    # "حينذاك/آنذاك/وقتها/حينئذ" after the subject start an adjunct (adjuncts.txt), like حينها
    for adverb in ("حينذاك", "آنذاك", "وقتها", "حينئذ"):
        text = f"وقال المسؤولون الفرنسيون {adverb} إن المحادثات ستستأنف بعد العطلة."
        assert _quotes(text) == [("قال", "المسؤولون الفرنسيون", "المحادثات ستستأنف بعد العطلة")]
