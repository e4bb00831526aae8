"""Story-layer quality rules (issue 6) on self-written sentences: dates from the article's
"today", postponed plans, merging limits, background mentions, conflict gating."""

from __future__ import annotations

import pytest
from test_events import ent, make_da, qty, tmx  # tests/ is on sys.path (pytest prepend mode)
from test_views import compare, quote

from rasd.annotators.events import BACKGROUND, extract
from rasd.models import Event, EventDate, Evidence
from rasd.resolve.events import compatible, merge
from rasd.story.conflicts import THRESHOLD
from rasd.story.stage import build

AS_OF = "2025-03-15"


@pytest.mark.parametrize(
    ("lead", "when", "expected"),
    [
        # "today" in the lead dates a later undated meeting to the day
        ("أعلنت بغداد وواشنطن، اليوم الأحد، اتفاقا على جدول عمل جديد. ", "اليوم الأحد", ("2024-03-10", "day")),
        # a written-out date is not read as "today" for later sentences
        ("أعلنت الشرطة يوم الأحد 10 آذار 2024 القبض على مطلوب. ", "يوم الأحد 10 آذار 2024", ("2024-03", "month")),
    ],
)
def test_date_of_a_later_undated_meeting(lead: str, when: str, expected: tuple[str, str]) -> None:
    da = make_da(lead + "وعقدت اللجنة العسكرية العليا أول اجتماع لها في مقر الوزارة.", published="2024-03-10")
    tmx(da, when, "2024-03-10")
    ent(da, "اللجنة العسكرية العليا", "ORG", "e_committee")
    meeting = [e for e in extract(da) if e.type == "MEETING"]
    assert [(e.date.value, e.date.precision) for e in meeting] == [expected]


def test_postponed_statement_is_planned_and_not_merged_with_the_issued_one() -> None:
    one = make_da("قال مسؤول إن الحكومة قررت تأجيل إعلان البيان المشترك مع واشنطن.", published="2024-09-02", doc_id="d_1")
    ent(one, "واشنطن", "GPE", "e_us")
    ent(one, "الحكومة", "ORG", "e_gov")
    two = make_da("أصدرت الحكومة وواشنطن الجمعة البيان المشترك حول مستقبل القوات.", published="2024-09-27", doc_id="d_2")
    tmx(two, "الجمعة", "2024-09-27")
    ent(two, "واشنطن", "GPE", "e_us")
    ent(two, "الحكومة", "ORG", "e_gov")
    postponed = [e for e in extract(one) if e.type == "STATEMENT"]
    issued = [e for e in extract(two) if e.type == "STATEMENT"]
    assert [e.modality for e in postponed] == ["planned"]
    assert [e.modality for e in issued] == ["happened"]
    v = build([one, two], [], AS_OF)
    statements = [e for e in v.events if e.type == "STATEMENT"]
    assert len(statements) == 2
    assert {e.modality for e in statements} == {"planned", "happened"}
    incident_of = {r: i.id for i in v.incidents for r in i.reports}
    assert incident_of[statements[0].id] != incident_of[statements[1].id]  # two happenings, not one


def _ev(eid: str, date: str, prec: str, source: str, doc: str, start: int) -> Event:
    return Event(eid, "WITHDRAWAL", EventDate(date, prec), place="e_base", actors=["e_a", "e_b"],
                 evidence=[Evidence(doc, start, start + 9)], _date_source=source)  # fmt: skip


def test_merge_needs_the_same_day_and_own_dates_within_one_article() -> None:
    assert not compatible(_ev("a", "2024-08-01", "day", "own", "d1", 0), _ev("b", "2024-08-09", "day", "own", "d2", 0))
    assert compatible(_ev("a", "2024-08-09", "day", "own", "d1", 0), _ev("b", "2024-08", "month", "own", "d2", 0))
    # two sentences of one article dated only by the article: nothing says they are one event
    assert not compatible(_ev("a", "2024-08", "month", "article", "d1", 0), _ev("b", "2024-08", "month", "article", "d1", 50))
    # across articles the same reports do merge
    assert compatible(_ev("a", "2024-08", "month", "article", "d1", 0), _ev("b", "2024-08", "month", "article", "d2", 0))
    out = merge([_ev("a", "2024-08", "month", "article", "d1", 0), _ev("b", "2024-08", "month", "article", "d1", 50)])
    assert len(out.events) == 2


def test_background_noun_is_kept_low_and_left_out_of_the_story() -> None:
    da = make_da("وتأتي هذه التطورات وسط تصاعد الهجمات في المنطقة منذ أشهر.")
    low = extract(da)
    assert low and all(e.confidence <= BACKGROUND for e in low)
    v = build([da], [], AS_OF)
    assert v.events == [] and v.incidents == []
    # the same noun with a place and a count is an event
    da2 = make_da("وقعت الهجمات بثلاثة صواريخ على قاعدة النخيل.")
    ent(da2, "قاعدة النخيل", "FAC", "e_base")
    qty(da2, "بثلاثة صواريخ", 3, "صاروخ")
    assert [e.type for e in build([da2], [], AS_OF).events] == ["ATTACK"]


# --------------------------------------------------------------------------- conflicts


def test_compatible_statements_on_one_topic_are_not_a_conflict() -> None:
    one = make_da("قال وزير الدفاع إن القوات الأجنبية ستغادر قاعدة النخيل بحلول أيلول 2025.", doc_id="d_a")
    ent(one, "قاعدة النخيل", "FAC", "e_base")
    tmx(one, "أيلول 2025", "2025-09", deadline=True)
    quote(one, "وزير الدفاع", "القوات الأجنبية ستغادر قاعدة النخيل بحلول أيلول 2025")
    two = make_da("وأكد مسؤول في السفارة أن انسحاب القوات من قاعدة النخيل يكتمل في أيلول 2025.", doc_id="d_b")
    ent(two, "قاعدة النخيل", "FAC", "e_base")
    tmx(two, "أيلول 2025", "2025-09", deadline=True)
    quote(two, "مسؤول في السفارة", "انسحاب القوات من قاعدة النخيل يكتمل في أيلول 2025")
    claims, conflicts = compare([one, two])
    assert len(claims) >= 2  # both statements were read as claims on the withdrawal
    assert conflicts == []
    assert build([one, two], [], AS_OF).conflicts == []


def test_opposite_claims_without_shared_entity_or_words_are_not_paired() -> None:
    one = make_da("قال المتحدث إننا لن ننسحب من الجزيرة.", doc_id="d_a")
    quote(one, "المتحدث", "إننا لن ننسحب من الجزيرة", polarity="deny")
    two = make_da("وقال قائد الشرطة إن عناصر العصابة بدأوا مغادرة الضواحي الشمالية.", doc_id="d_b")
    quote(two, "قائد الشرطة", "عناصر العصابة بدأوا مغادرة الضواحي الشمالية")
    assert [k for k in compare([one, two])[1] if k.kind == "polarity"] == []


def test_one_speaker_restating_itself_is_not_a_conflict() -> None:
    one = make_da("قال الوزير إننا لم نتفق على انسحاب القوات من البلاد.", doc_id="d_a")
    quote(one, "الوزير", "إننا لم نتفق على انسحاب القوات من البلاد", polarity="deny", entity="e_min")
    two = make_da("وقال الوزير إن الاتفاق على انسحاب القوات من البلاد قريب.", doc_id="d_b")
    quote(two, "الوزير", "الاتفاق على انسحاب القوات من البلاد قريب", entity="e_min")
    assert [k for k in compare([one, two])[1] if k.kind == "polarity"] == []


def test_conflict_has_confidence_above_threshold_and_an_arabic_explanation() -> None:
    one = make_da("قال المتحدث باسم السفارة الأميركية إننا لم نناقش موعد انسحاب القوات من البلاد.", doc_id="d_a")
    quote(one, "المتحدث باسم السفارة الأميركية", "إننا لم نناقش موعد انسحاب القوات من البلاد", polarity="deny")
    two = make_da("وقال مسؤول عراقي إن الطرفين توصلا إلى اتفاق على انسحاب القوات من البلاد.", doc_id="d_b")
    quote(two, "مسؤول عراقي", "الطرفين توصلا إلى اتفاق على انسحاب القوات من البلاد")
    [k] = [k for k in compare([one, two])[1] if k.kind == "polarity"]
    assert k.confidence >= THRESHOLD
    assert "ينفي" in k.explanation and "مسؤول عراقي" in k.explanation
    assert not any("a" <= ch.lower() <= "z" for ch in k.explanation)


def test_casualty_count_is_not_compared_with_a_deployment_count() -> None:
    one = make_da("وينتشر نحو 2500 جندي أميركي في البلاد ضمن التحالف.", doc_id="d_a")
    qty(one, "2500 جندي", 2500, "جندي")
    two = make_da("وأدى الهجوم على القاعدة إلى إصابة خمسة جنود أميركيين في البلاد.", doc_id="d_b")
    qty(two, "خمسة جنود", 5, "جندي")
    assert [k for k in compare([one, two])[1] if k.kind == "number"] == []


def test_two_outlets_give_different_troop_numbers_without_a_shared_event() -> None:
    one = make_da("وقال المتحدث إن نحو 900 جندي أميركي انتقلوا إلى قاعدة حرير.", doc_id="d_a", published="2025-09-06")
    qty(one, "900 جندي", 900, "جندي")
    ent(one, "قاعدة حرير", "FAC", "e_harir")
    quote(one, "المتحدث", "نحو 900 جندي أميركي انتقلوا إلى قاعدة حرير")
    two = make_da("وقالت مصادر إن قرابة 1500 جندي أمريكي وصلوا إلى قاعدة حرير.", doc_id="d_b", published="2025-09-07")
    qty(two, "1500 جندي", 1500, "جندي")
    ent(two, "قاعدة حرير", "FAC", "e_harir")
    quote(two, "مصادر", "قرابة 1500 جندي أمريكي وصلوا إلى قاعدة حرير")
    nums = [k for k in compare([one, two])[1] if k.kind == "number"]
    assert len(nums) == 1 and "900" in nums[0].explanation and "1500" in nums[0].explanation
    assert {nums[0].side_a.value, nums[0].side_b.value} == {"900", "1500"}  # type: ignore[union-attr]
    # the story stage keeps a claim's figure against another only inside one incident
    v = build([one, two], [], AS_OF)
    inc = {r: i.id for i in v.incidents for r in i.reports}
    kept = [k for k in v.conflicts if k.kind == "slot" and k.slot != "date"]
    for k in kept:
        assert k.incident is not None and k.incident in inc.values()


def test_each_phase_deadline_of_one_sentence_is_a_commitment() -> None:
    text = "ونص الاتفاق على أن تنتهي المهمة في بغداد في موعد لا يتجاوز 30 أيلول 2025، على أن تمتد المرحلة الثانية حتى أيلول 2026."
    da = make_da(text, published="2024-09-27")
    tmx(da, "30 أيلول 2025", "2025-09-30")
    tmx(da, "أيلول 2026", "2026-09")
    commitments = build([da], [], AS_OF).commitments
    assert sorted(c.deadline or "" for c in commitments) == ["2025-09-30", "2026-09"]
