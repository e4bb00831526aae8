"""Figures and dates that are not this happening's are not set against another source.

Each case is a wrong disagreement the story stage used to give: a figure of a second
happening set beside the first with فيما, the injured of "more victims" told in the same
clause, a figure of a past happening dated a month back, a part of the injured ("أحد
الجرحى"), a clock time after midnight read as morning, a quoted "أمس" printed a day late."""

from __future__ import annotations

from datetime import date

from test_events import ent, make_da, qty, tmx

from rasd.models import Conflict, DocAnalysis, Entity, Event, EventDate, Evidence, Geo, Side
from rasd.story.figure_words import deictic, long_ago, quoted
from rasd.story.figures import Value
from rasd.story.incidents import Report
from rasd.story.slots import dates_clash, disagreements
from rasd.story.stage import build

AS_OF = "2026-11-22"
TOWN = Entity("e_town", "GPE", "تلعفر", geo=Geo(36.37, 42.45, "city"), attributes={"country": "IQ"})
ENTS = [TOWN]
BLAST = "في انفجار عبوة ناسفة في سوق تلعفر يوم 3 آذار 2025"


def _doc(doc_id: str, outlet: str, text: str, published: str = "2025-03-03") -> DocAnalysis:
    da = make_da(text, doc_id=doc_id, published=published)
    da.doc.outlet = outlet
    ent(da, "تلعفر", "GPE", "e_town")
    tmx(da, "3 آذار 2025", "2025-03-03")
    return da


def _slot(das: list[DocAnalysis], slot: str) -> list[Conflict]:
    return [k for k in build(das, ENTS, AS_OF).conflicts if k.kind == "slot" and k.slot == slot]


def _plain_toll(doc_id: str, outlet: str, killed: str, injured: str) -> DocAnalysis:
    da = _doc(doc_id, outlet, f"قتل {killed} أشخاص وأصيب {injured} آخرون {BLAST}.")
    qty(da, f"{killed} أشخاص", float(killed), "شخص")
    qty(da, f"{injured} آخرون", float(injured), None)
    return da


def test_a_second_toll_set_beside_the_first_with_fima_is_not_compared() -> None:
    one = _doc("d_a", "صحيفة الشمال", f"قتل 11 شخصا {BLAST} فيما لقي 40 شخصا مصرعهم في تفجيرين بمدينة أخرى.")
    qty(one, "11 شخصا", 11.0, "شخص")
    qty(one, "40 شخصا", 40.0, "شخص")
    two = _doc("d_b", "صحيفة الجنوب", f"قتل 11 شخصا {BLAST}.")
    qty(two, "11 شخصا", 11.0, "شخص")
    assert _slot([one, two], "killed") == []


def test_the_injured_of_more_victims_told_in_one_clause_are_not_compared() -> None:
    one = _doc("d_a", "صحيفة الشمال",
               f"قتل 5 أشخاص {BLAST}، وقتل ثمانية أشخاص آخرين وأصيب 16 حين انفجرت عبوة على طريق البلدة المجاورة.")  # fmt: skip
    qty(one, "5 أشخاص", 5.0, "شخص")
    qty(one, "ثمانية أشخاص", 8.0, "شخص")
    qty(one, "16", 16.0, None)
    two = _plain_toll("d_b", "صحيفة الجنوب", "5", "3")
    assert _slot([one, two], "injured") == []


def test_a_toll_of_a_happening_a_month_back_is_background() -> None:
    text = f"أصيب 3 أشخاص {BLAST}. وأحصت المستشفى يوم 1 شباط 2025 نحو 20 جريحا."
    one = _doc("d_a", "صحيفة الشمال", text)
    tmx(one, "1 شباط 2025", "2025-02-01")
    qty(one, "3 أشخاص", 3.0, "شخص")
    qty(one, "20 جريحا", 20.0, "جريح")
    two = _plain_toll("d_b", "صحيفة الجنوب", "2", "3")
    assert _slot([one, two], "injured") == []
    assert long_ago("2025-02-01", date(2025, 3, 3)) and long_ago("2025-02", date(2025, 3, 3))
    assert not long_ago("2025-02-27", date(2025, 3, 3)) and not long_ago("2025-03", date(2025, 3, 3))


def test_one_of_the_injured_is_a_part_not_a_toll() -> None:
    one = _doc("d_a", "صحيفة الشمال", f"أصيب 7 أشخاص {BLAST}. وقال طبيب إن أحد الجرحى في حالة خطيرة.")
    qty(one, "7 أشخاص", 7.0, "شخص")
    qty(one, "أحد", 1.0, None)
    two = _doc("d_b", "صحيفة الجنوب", f"أصيب 7 أشخاص {BLAST}.")
    qty(two, "7 أشخاص", 7.0, "شخص")
    assert _slot([one, two], "injured") == []


def test_a_clock_time_after_midnight_is_morning() -> None:
    assert not dates_clash("2025-03-03T01:59", "2025-03-03TMO")
    assert dates_clash("2025-03-03T01:59", "2025-03-03TEV") and dates_clash("2025-03-03TMO", "2025-03-03TNI")


def _dated(doc: str, outlet: str, day: str, pub: date, moves: bool) -> Value:
    ev = Event(f"v_{doc}", "ATTACK", EventDate(day[:10], "day"), trigger="هجوم", evidence=[Evidence(doc, 0, 4)])
    r = Report(ev, doc, outlet, pub, "attack", "هجوم", pub, pub, True, frozenset(), frozenset(), frozenset())
    return Value("date", day, None, None, r, Evidence(doc, 10, 20), deictic=moves)


def _pair_conflicts(a: Value, b: Value) -> list[Conflict]:
    return disagreements("i_1", "هجوم", [a, b], lambda r: r.ev.id,
                         lambda v: Side(str(v.value), v.report.doc, [v.evidence], v.report.outlet))  # fmt: skip


def test_a_quoted_yesterday_printed_a_day_late_does_not_contradict_the_day_before() -> None:
    # "وقال المرصد: «خطف المسلحون … مساء أمس»" printed on the 5th reads the 4th; the other
    # outlet names the 3rd (Wednesday): the quote may be of the 4th
    wednesday = _dated("d_a", "صحيفة الشمال", "2025-03-03TEV", date(2025, 3, 4), False)
    quoted_yesterday = _dated("d_b", "صحيفة الجنوب", "2025-03-04TEV", date(2025, 3, 5), True)
    assert _pair_conflicts(wednesday, quoted_yesterday) == []
    # the same words outside a quote are read against the article's day and compared
    said_plainly = _dated("d_b", "صحيفة الجنوب", "2025-03-04TEV", date(2025, 3, 5), False)
    assert len(_pair_conflicts(wednesday, said_plainly)) == 1
    # two days apart still contradict
    far = _dated("d_b", "صحيفة الجنوب", "2025-03-05TEV", date(2025, 3, 6), True)
    assert len(_pair_conflicts(wednesday, far)) == 1


def test_which_dates_rest_on_the_article_day_and_a_quote() -> None:
    assert deictic("مساء أمس") and deictic("فجر اليوم") and deictic("الليلة الماضية")
    assert deictic("الساعة 6:00 صباح اليوم")  # a clock time pins no day
    assert not deictic("أمس الخميس") and not deictic("في 26 يونيو") and not deictic("الخميس")
    assert quoted("وقال المرصد: «خطف مسلحون ") and quoted('وقال المتحدث "إن المسلحين ')
    assert not quoted("وقال المرصد إن مسلحين ") and not quoted("وقال: «انتهى». ثم ")


def test_a_figure_of_a_report_of_another_kind_than_the_lead_is_not_compared() -> None:
    a = _dated("d_a", "صحيفة الشمال", "2025-03-03", date(2025, 3, 3), False)
    b = _dated("d_b", "صحيفة الجنوب", "2025-03-03", date(2025, 3, 3), False)
    twelve = Value("killed", 12.0, None, None, a.report, Evidence("d_a", 30, 32))
    fifteen = Value("killed", 15.0, None, None, b.report, Evidence("d_b", 30, 32))
    assert len(_pair_conflicts(twelve, fifteen)) == 1
    # the article of d_b leads with another happening (a fire) and tells this one beside it
    beside = Value("killed", 15.0, None, None, b.report, Evidence("d_b", 30, 32), main=False)
    assert _pair_conflicts(twelve, beside) == []


def test_an_article_giving_two_dates_of_one_happening_is_not_compared_on_its_date() -> None:
    sunday = _dated("d_a", "صحيفة الشمال", "2025-03-02", date(2025, 3, 3), False)
    monday = _dated("d_b", "صحيفة الجنوب", "2025-03-03", date(2025, 3, 4), False)
    assert len(_pair_conflicts(sunday, monday)) == 1
    # d_b also dates it to the 4th (its statement's day read as the happening's): its date is in doubt
    also = _dated("d_b", "صحيفة الجنوب", "2025-03-04", date(2025, 3, 4), False)
    found = disagreements("i_1", "هجوم", [sunday, monday, also], lambda r: r.ev.id,
                          lambda v: Side(str(v.value), v.report.doc, [v.evidence], v.report.outlet))  # fmt: skip
    assert found == []
