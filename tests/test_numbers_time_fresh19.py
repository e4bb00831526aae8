"""Quantities: the rules added for the fresh real-news batch rn332–rn339.

An ordinary news mix, scored once held out and only then read. Every sentence here was
written for these tests, and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

from rasd.annotators.quantities.open_duals import dual_forms, may_be_dual

DCT = "2015-07-31"  # a Friday


_q, _ = readers(DCT)


def test_floors_of_a_building_count_the_singular_role() -> None:
    """``أدوار`` is the broken plural of ``دور`` (``plurals.tsv``)."""
    assert _q("شيد المستثمر مبنى من أربعة أدوار وسط المدينة.") == [("أربعة", 4.0, None, "دور")]


def test_a_league_is_no_construct_dual_of_a_role() -> None:
    """With ``دور`` a known singular, ``دوري`` would read as "the two roles of": it is a noun
    of its own (``not_duals.txt``), bare, with the article or with a proclitic."""
    assert _q("تأهل النادي إلى دوري الدرجة الأولى بعد موسم طويل.") == []
    assert _q("ينافس الفريق في الدوري ويستعد لمباريات دوري الأبطال.") == []
    assert _q("وقع اللاعب عقدا للعب في دوري المحترفين لثلاثة مواسم.") == [("ثلاثة", 3.0, None, "موسم")]
    assert dual_forms("الدوري") == () and not may_be_dual("دوري") and not may_be_dual("ودوري")
    # a true construct dual of another noun keeps its reading
    assert may_be_dual("فريقي")
