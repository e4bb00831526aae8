"""Two sources' figures are compared only when their articles open on one story (issue 13).

An incident grouped from a campaign's many reports (a week of attacks in one country) can
hold several happenings; on the dev half most wrong disagreements paired two of them. Our
own sentences only: a tally of soldiers in one province against a car bomb in another, both
placeless in their report sentences, stay apart; two outlets telling one bombing in other
words are still compared."""

from __future__ import annotations

from datetime import date

from rasd.models import Event, EventDate, Evidence, Side
from rasd.story.assemble import _Builder
from rasd.story.figures import Value
from rasd.story.incidents import Report, doc_counts
from rasd.story.openings import SAME_STORY, Openings, opening_words
from rasd.story.report_words import content_words
from rasd.story.slots import disagreements

ARTICLES = {
    "d_a": (
        "مقتل ثلاثة جنود في كمين بولاية الشمال",
        "قتل ثلاثة جنود في كمين نصبه مسلحون لدورية عسكرية على طريق جبلي في ولاية الشمال مساء الخميس.",
    ),
    "d_b": (
        "كمين جبلي يقتل خمسة جنود في الشمال",
        "أعلن الجيش أن خمسة من جنوده قتلوا في الكمين الذي استهدف دوريته على الطريق الجبلي في ولاية الشمال.",
    ),
    "d_c": (
        "سيارة مفخخة تهز سوق الخضار في العاصمة",
        "انفجرت سيارة مفخخة قرب سوق الخضار المزدحم وسط العاصمة ظهر الجمعة وأوقعت قتيلين من الباعة.",
    ),
    "d_d": (
        "افتتاح معرض للكتاب في العاصمة",
        "افتتح وزير الثقافة معرض الكتاب السنوي في العاصمة بمشاركة مئات دور النشر من عشرين بلدا.",
    ),
}


def _report(doc: str) -> Report:
    title, text = ARTICLES[doc]
    ev = Event(
        f"v_{doc}", "ATTACK", EventDate("2025-03-06", "day"), trigger="قتل", evidence=[Evidence(doc, 0, 3)]
    )
    day = date(2025, 3, 7)
    words = content_words(text)
    return Report(
        ev, doc, f"صحيفة {doc}", day, "attack", "هجوم", day, day, True, frozenset(), frozenset(), words
    )


def _openings(docs: list[str]) -> Openings:
    return Openings(*doc_counts([_report(d) for d in docs]), lambda d: ARTICLES[d])


def test_an_opening_is_its_title_and_first_lines_with_every_reading_of_a_word() -> None:
    words = opening_words("التفجير في السوق", "وقع انفجار " + "كلمة " * 200 + "الخاتمة")
    assert {"تفجير", "سوق", "انفجار"} <= words
    assert "خاتمه" not in words and "الخاتمه" not in words  # past the opening


def test_articles_on_one_happening_open_alike_and_others_do_not() -> None:
    op = _openings(list(ARTICLES))
    assert op.similarity("d_a", "d_a") == 1.0
    assert op.similarity("d_a", "d_b") == op.similarity("d_b", "d_a")
    assert op.alike("d_a", "d_b")  # one ambush in other words
    assert not op.alike("d_a", "d_c") and not op.alike("d_b", "d_c")  # an ambush and a car bomb
    assert op.similarity("d_a", "d_c") < SAME_STORY <= op.similarity("d_a", "d_b")


def test_in_a_store_of_two_articles_their_shared_words_still_count() -> None:
    # an unsmoothed idf gives a word both articles use no weight at all: nothing would compare
    op = _openings(["d_a", "d_b"])
    assert op.alike("d_a", "d_b")


def test_figures_of_two_happenings_grouped_into_one_incident_are_not_compared() -> None:
    b = _Builder([], {}, lambda _: None)
    b.openings = _openings(list(ARTICLES))
    ambush, again, bomb = _report("d_a"), _report("d_b"), _report("d_c")
    assert b.not_one_story(ambush, bomb) and not b.not_one_story(ambush, again)
    values = [
        Value("killed", n, None, None, r, Evidence(r.doc, 5, 10))
        for n, r in ((3.0, ambush), (5.0, again), (2.0, bomb))
    ]

    def side(v: Value) -> Side:
        return Side(str(v.value), v.report.doc, [v.evidence], v.report.outlet)

    found = disagreements("i_1", "هجوم", values, lambda r: r.ev.id, side, apart=b.not_one_story)
    assert {frozenset((k.side_a.value, k.side_b.value)) for k in found if k.side_a and k.side_b} == {
        frozenset(("3.0", "5.0"))
    }
    # without the openings every pair of figures would clash
    assert len(disagreements("i_1", "هجوم", values, lambda r: r.ev.id, side)) == 3
