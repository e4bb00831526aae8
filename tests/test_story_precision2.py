"""More values that are not this happening's, from the dev half's wrong disagreements (issue 13).

Our own sentences only: a number counting a family ("من عائلة واحدة") beside a toll, a day
weeks before the other source's (a past happening recalled), and a count of days before
the article ("قبل أربعة أيام") in a story printed again a day later. Each with its control."""

from __future__ import annotations

from datetime import date

from test_events import qty
from test_story_precision import BLAST, _dated, _doc, _pair_conflicts, _slot

from rasd.story.figure_words import deictic


def test_a_number_counting_a_family_is_no_toll() -> None:
    one = _doc("d_a", "صحيفة الشمال", f"لقي أربعة أشخاص من أسرة واحدة حتفهم {BLAST}.")
    qty(one, "أربعة أشخاص", 4.0, "شخص")
    qty(one, "واحدة", 1.0, "أسرة")
    two = _doc("d_b", "صحيفة الجنوب", f"توفي 4 أشخاص {BLAST}.")
    qty(two, "4 أشخاص", 4.0, "شخص")
    assert _slot([one, two], "killed") == []
    # a figure whose object was only carried over from the family is still a toll
    three = _doc("d_c", "صحيفة الوسط", f"لقي ثلاثة مصرعهم {BLAST} وهم من عائلة واحدة.")
    qty(three, "ثلاثة", 3.0, "عائلة")
    assert len(_slot([two, three], "killed")) == 1


def test_a_day_weeks_before_the_other_source_s_is_a_past_happening_s() -> None:
    ours = _dated("d_a", "صحيفة الشمال", "2025-03-03", date(2025, 3, 4), False)
    recalled = _dated("d_b", "صحيفة الجنوب", "2025-01-20", date(2025, 3, 4), False)
    assert _pair_conflicts(ours, recalled) == []
    days_before = _dated("d_b", "صحيفة الجنوب", "2025-02-28", date(2025, 3, 4), False)
    assert len(_pair_conflicts(ours, days_before)) == 1


def test_a_count_of_days_before_the_article_rests_on_its_day() -> None:
    assert deictic("قبل أربعة أيام") and deictic("منذ يومين")
    assert not deictic("قبل 4 أيام في 26 يونيو") and not deictic("يوم الخميس")


def test_the_dead_and_injured_counted_together_fill_neither_slot() -> None:
    one = _doc("d_a", "صحيفة الشمال", f"وفاة وإصابة 7 أشخاص {BLAST}، إذ لقي ثلاثة مصرعهم وأصيب أربعة آخرون.")
    qty(one, "7 أشخاص", 7.0, "شخص")
    qty(one, "ثلاثة", 3.0, None)
    qty(one, "أربعة آخرون", 4.0, None)
    two = _doc("d_b", "صحيفة الجنوب", f"توفي 3 أشخاص وأصيب 4 آخرون {BLAST}.")
    qty(two, "3 أشخاص", 3.0, "شخص")
    qty(two, "4 آخرون", 4.0, None)
    assert _slot([one, two], "injured") == [] and _slot([one, two], "killed") == []
    # a figure of each slot with its own number is compared as before
    three = _doc("d_c", "صحيفة الوسط", f"توفي 3 أشخاص وأصيب 9 آخرون {BLAST}.")
    qty(three, "3 أشخاص", 3.0, "شخص")
    qty(three, "9 آخرون", 9.0, None)
    assert len(_slot([one, three], "injured")) == 1


def test_the_dead_and_the_injured_counted_one_after_the_other_are_not_added() -> None:
    one = _doc("d_a", "صحيفة الشمال", f"وقع الحادث {BLAST} وكان عدد المتوفين ثلاثة أشخاص وعدد الجرحى سبعة.")
    qty(one, "ثلاثة أشخاص", 3.0, "شخص")
    qty(one, "سبعة", 7.0, None)
    two = _doc("d_b", "صحيفة الجنوب", f"توفي 3 أشخاص وأصيب 7 آخرون {BLAST}.")
    qty(two, "3 أشخاص", 3.0, "شخص")
    qty(two, "7 آخرون", 7.0, None)
    assert _slot([one, two], "injured") == [] and _slot([one, two], "killed") == []


def test_a_breakdown_after_one_of_them_is_part_of_the_figure() -> None:
    one = _doc("d_a", "صحيفة الشمال", f"أصيب ثلاثة أشخاص إحداهما حرجة وحالتين متوسطة {BLAST}.")
    qty(one, "ثلاثة أشخاص", 3.0, "شخص")
    qty(one, "حالتين", 2.0, "حالة")
    two = _doc("d_b", "صحيفة الجنوب", f"أصيب 3 أشخاص {BLAST}.")
    qty(two, "3 أشخاص", 3.0, "شخص")
    assert _slot([one, two], "injured") == []


def test_a_place_of_unknown_country_does_not_hide_two_towns_apart() -> None:
    from test_story_other_figures import _report

    from rasd.models import Entity, Geo
    from rasd.story.assemble import _Builder

    north = Entity("e_n", "GPE", "الموصل", geo=Geo(36.34, 43.13, "city"), attributes={"country": "IQ"})
    south = Entity("e_s", "GPE", "البصرة", geo=Geo(30.51, 47.78, "city"), attributes={"country": "IQ"})
    road = Entity("e_r", "FAC", "طريق القرية الشرقية")  # no point, no country
    b = _Builder([], {e.id: e for e in (north, south, road)}, lambda _: None)
    here, there = _report("d_a", 0, frozenset({"e_n", "e_r"})), _report("d_b", 0, frozenset({"e_s"}))
    assert b.apart(here, there)
    assert not b.apart(here, _report("d_c", 0, frozenset({"e_n"})))
    assert not b.apart(_report("d_d", 0, frozenset({"e_r"})), there)  # the road alone says nothing
