"""Timeline, merging, claims, conflicts and commitments on self-written articles."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_events import ent, make_da, qty, tmx  # tests/ is on sys.path (pytest prepend mode)

from rasd.annotators.events import precision_of
from rasd.models import (
    Claim,
    Conflict,
    DocAnalysis,
    Event,
    EventDate,
    Evidence,
    Quote,
    Span,
    Speaker,
    Views,
    to_dict,
)
from rasd.resolve.events import blocking_keys, merge
from rasd.story.claims import ClaimRecord, topics_of, word_tokens
from rasd.story.commitments import period, status
from rasd.story.conflicts import find_conflicts, periods_exclude
from rasd.story.stage import _per_document, build
from rasd.views.timeline import filter_events, is_generic, timeline

AS_OF = "2025-03-15"


def ev(eid: str, typ: str, date: str | None, place: str | None = None, actors: list[str] | None = None,
       counts: dict[str, float] | None = None, doc: str = "d1", start: int = 0) -> Event:  # fmt: skip
    prec = precision_of(date)
    return Event(eid, typ, EventDate(date, prec), place=place, actors=actors or [], counts=counts or {},
                 evidence=[Evidence(doc, start, start + 5)])  # fmt: skip


def quote(da: DocAnalysis, speaker: str, content: str, polarity: str = "assert", entity: str | None = None) -> None:
    t = da.doc.text
    cs = t.index(content)
    ss = t.index(speaker)
    start, end = min(ss, cs), max(ss + len(speaker), cs + len(content))
    da.quotes.append(
        Quote(da.doc.id, start, end, Speaker(speaker, entity, start=ss, end=ss + len(speaker)), "قال",
              Span(cs, cs + len(content)), True, polarity)
    )  # fmt: skip


def compare(das: list[DocAnalysis], use_model: bool = True) -> tuple[list[Claim], list[Conflict]]:
    """Claims of ``das`` and the conflicts the claim comparison alone finds between them:
    ``story.conflicts``' own rules, before the story stage keeps only pairs inside one
    incident or thread (tested in test_incidents.py)."""
    recs = [r for da in sorted(das, key=lambda d: d.doc.id) for r in _per_document(da, {}, AS_OF)[1]]
    return [r.claim for r in recs], find_conflicts(recs, use_model=use_model)


# --------------------------------------------------------------------------- timeline


def test_timeline_sorts_across_precisions_and_sets_undated_apart() -> None:
    evs = [ev("a", "ATTACK", "2024-08-05"), ev("b", "MEETING", None), ev("c", "FORMATION", "2014"),
           ev("d", "AGREEMENT", "2024-08"), ev("e", "OTHER", "PAST_REF")]  # fmt: skip
    dated, undated = timeline(evs)
    assert [e.id for e in dated] == ["c", "d", "a"]
    assert [e.id for e in undated] == ["b", "e"]


def test_generic_events_dated_only_by_their_article_are_listed_apart() -> None:
    bare = ev("g", "ATTACK", "2024-08")  # no actor, target or count
    bare._date_source = "article"
    own = ev("o", "ATTACK", "2024-08-02")
    own._date_source = "own"
    named = ev("n", "MEETING", "2024-08", actors=["e_x"])
    named._date_source = "article"
    dated, undated = timeline([bare, own, named])
    assert [e.id for e in dated] == ["n", "o"] and [e.id for e in undated] == ["g"]
    # read back from analysis.json the source is lost: the extractor's confidence tells
    loaded = ev("l", "ATTACK", "2024-08", place="e_iraq")
    loaded.confidence = 0.6  # 0.55 + 0.05 for the place: dated by the article
    assert is_generic(loaded)
    loaded.confidence = 0.75  # dated by its own clause
    assert not is_generic(loaded)
    two = ev("t", "ATTACK", "2024-08")
    two.confidence = 0.55
    two.evidence.append(Evidence("d2", 0, 5))  # two reports make it a story event
    assert not is_generic(two)


def test_filter_by_entity_and_range_keeps_coarse_dates() -> None:
    evs = [ev("a", "ATTACK", "2024-08-05", place="e_x"), ev("b", "ATTACK", "2024-08", actors=["e_y"]),
           ev("c", "ATTACK", "2023-01-01", place="e_x"), ev("d", "ATTACK", None, place="e_x")]  # fmt: skip
    got = filter_events(evs, date_from="2024-08-03", date_to="2024-08-31")
    assert [e.id for e in got] == ["a", "b"]
    assert [e.id for e in filter_events(evs, entity="e_x")] == ["a", "c", "d"]


# --------------------------------------------------------------------------- merging


def test_merge_blocks_on_type_month_anchor_and_keeps_all_evidence() -> None:
    a = ev("a", "ATTACK", "2024-08-02", place="e_base", counts={"rockets": 2}, doc="d1")
    b = ev("b", "ATTACK", "2024-08", place="e_base", counts={"rockets": 2}, doc="d2")
    c = ev("c", "ATTACK", "2024-07", place="e_base", doc="d3")  # another month: another attack
    d = ev("d", "ARREST", "2024-08-02", place="e_base", doc="d4")  # another type
    r = merge([a, b, c, d])
    assert len(r.events) == 3
    merged = next(e for e in r.events if len(e.evidence) == 2)
    assert {x.doc for x in merged.evidence} == {"d1", "d2"}
    assert merged.date.value == "2024-08-02"  # the most precise date wins
    assert not r.disagreements


def test_merge_never_averages_different_counts() -> None:
    a = ev("a", "ATTACK", "2024-08-02", place="e_base", counts={"injured": 5}, doc="d1")
    b = ev("b", "ATTACK", "2024-08-02", place="e_base", counts={"injured": 7}, doc="d2")
    r = merge([a, b])
    assert len(r.events) == 1
    assert r.events[0].counts["injured"] in (5, 7)
    (dis,) = r.disagreements
    assert dis.key == "injured" and set(dis.values) == {5, 7}


def test_one_shared_actor_is_not_enough_to_merge() -> None:
    a = ev("a", "WITHDRAWAL", "2024-08", actors=["e_capital", "e_army"], doc="d1")
    b = ev("b", "WITHDRAWAL", "2024-08", actors=["e_capital"], doc="d2")
    c = ev("c", "WITHDRAWAL", "2024-08", actors=["e_army", "e_capital"], doc="d3")
    r = merge([a, b, c])
    assert sorted(len(e.evidence) for e in r.events) == [1, 2]


def test_events_without_month_or_anchor_are_not_merged() -> None:
    assert blocking_keys(ev("a", "ATTACK", "2024", place="e_x")) == []
    assert blocking_keys(ev("b", "ATTACK", "2024-08")) == []
    r = merge([ev("a", "ATTACK", "2024-08"), ev("b", "ATTACK", "2024-08", doc="d2")])
    assert len(r.events) == 2


# --------------------------------------------------------------------------- commitments


def test_period_and_status() -> None:
    assert period("2025-09", "END") == ("2025-09-21", "2025-09-30")
    assert period("2026") == ("2026-01-01", "2026-12-31")
    assert period("2026", "END") == ("2026-12-01", "2026-12-31")
    assert period("2025-Q2") == ("2025-04-01", "2025-06-30")
    assert period("PAST_REF") is None
    assert status("2021-12-31", AS_OF) == "passed"
    assert status("2025-03-31", AS_OF) == "due"
    assert status("2025-03", AS_OF) == "due"
    assert status("2025-09", AS_OF) == "pending"
    assert status("2025", AS_OF) == "due"
    assert status(None, AS_OF) == "pending"


def test_week_period() -> None:
    assert period("2024-W04") == ("2024-01-22", "2024-01-28")


@pytest.mark.parametrize(
    ("text", "when", "value"),
    [
        ("وكانت القاعدة قد تعرضت لهجمات متفرقة خلال عام 2024 من دون إصابات.", "عام 2024", "2024"),
        ("وجاء اللقاء بعد غارات جوية شنتها الطائرات الأسبوع الماضي على مواقع في الصحراء.", "الأسبوع الماضي",
         "2025-W05"),
    ],
    ids=["past-year-with-cue", "past-week"],
)  # fmt: skip
def test_past_reports_are_not_commitments(text: str, when: str, value: str) -> None:
    da = make_da(text, published="2025-02-08")
    tmx(da, when, value)
    commitments = build([da], [], AS_OF).commitments
    assert commitments == []


def test_a_past_deadline_with_a_plan_cue_stays_a_commitment() -> None:
    da = make_da("وكان من المقرر أن تنسحب القوات من المدينة خلال عام 2024.", published="2025-02-08")
    tmx(da, "عام 2024", "2024")
    commitments = build([da], [], AS_OF).commitments
    assert [(c.deadline, c.status) for c in commitments] == [("2024", "passed")]


def test_commitment_with_deadline_speaker_and_postponement() -> None:
    text = (
        "قال وزير الخارجية إن البعثة ستنهي عملها في موعد لا يتجاوز نهاية حزيران 2025. "
        "وكان من المقرر إصدار بيان ختامي للبعثة في كانون الثاني 2025. "
        "لكن الجانبين قررا تأجيل البيان الختامي للبعثة بسبب الظروف."
    )
    da = make_da(text, published="2024-12-10")
    tmx(da, "نهاية حزيران 2025", "2025-06", deadline=True, mod="END")
    tmx(da, "كانون الثاني 2025", "2025-01")
    quote(da, "وزير الخارجية", "البعثة ستنهي عملها في موعد لا يتجاوز نهاية حزيران 2025", entity="e_fm")
    commitments = build([da], [], AS_OF).commitments
    by_deadline = {c.deadline: c for c in commitments}
    june = by_deadline["2025-06"]
    assert june.status == "pending" and june.who == "وزير الخارجية" and "e_fm" in june.actors
    assert not june.postponed
    jan = by_deadline["2025-01"]
    assert jan.status == "passed" and jan.postponed
    for c in commitments:
        for e in c.evidence:
            assert 0 <= e.start < e.end <= len(text)


# --------------------------------------------------------------------------- claims and conflicts


def _two_sources() -> list[DocAnalysis]:
    one = make_da(
        "قال المتحدث باسم السفارة إننا لم نناقش موعد انسحاب القوات من البلاد حتى الآن.",
        published="2024-08-20", doc_id="d_a",
    )  # fmt: skip
    quote(one, "المتحدث باسم السفارة", "إننا لم نناقش موعد انسحاب القوات من البلاد حتى الآن", polarity="deny")
    two = make_da(
        "وقال مسؤول حكومي إن الطرفين توصلا إلى اتفاق على انسحاب القوات من البلاد وإن الإعلان تأخر فقط.",
        published="2024-08-22", doc_id="d_b",
    )  # fmt: skip
    quote(two, "مسؤول حكومي", "الطرفين توصلا إلى اتفاق على انسحاب القوات من البلاد وإن الإعلان تأخر فقط")
    return [one, two]


def test_polarity_conflict_between_two_sources() -> None:
    claims, conflicts = compare(_two_sources())
    pol = [k for k in conflicts if k.kind == "polarity"]
    assert len(pol) == 1
    k = pol[0]
    ids = {c.id: c for c in claims}
    assert {ids[k.a].polarity, ids[k.b].polarity} == {"assert", "deny"} or "denies" in k.explanation
    assert {e.doc for e in k.evidence} == {"d_a", "d_b"}
    assert k.side_a is not None and k.side_b is not None  # both sides inline: value, source, claim
    assert {k.side_a.claim, k.side_b.claim} == {k.a, k.b} and {k.side_a.source, k.side_b.source} == {"d_a", "d_b"}
    # the two claims are about no common incident or thread: the story stage does not pair them
    assert [k for k in build(_two_sources(), [], AS_OF).conflicts if k.kind == "polarity"] == []


def test_same_polarity_is_not_a_conflict() -> None:
    das = _two_sources()
    das[0].quotes[0].polarity = "assert"
    das[0].doc.text = das[0].doc.text.replace("لم نناقش", "ناقشنا")
    q = das[0].quotes[0]
    q.content = Span(q.content.start, q.content.end - 2)
    q.end = q.end - 2
    _, conflicts = compare(das)
    assert [k for k in conflicts if k.kind == "polarity"] == []


@pytest.mark.parametrize("how", ["cue", "role"])
def test_an_opinion_is_not_set_against_a_fact(how: str) -> None:
    das = _two_sources()
    q = das[1].quotes[0]
    if how == "cue":
        q.cue = "واعتبر"
    else:
        q.speaker.role = "المحلل السياسي"
    claims, conflicts = compare(das)
    assert len(claims) == 2  # the view is still a claim
    assert [k for k in conflicts if k.kind == "polarity"] == []


def test_an_analyst_stays_an_analyst_through_the_article() -> None:
    """A linked speaker described once as an analyst gives views in every later quote; an
    unlinked speaker sharing only a last word with him ("عسكري") does not."""
    from rasd.story.claims import build_claims

    text = ("وقال المحلل العسكري سامر الناصري إن انسحاب القوات قريب. وأضاف الناصري أن انسحاب القوات "
            "سيتم قبل الصيف. وقال خبير عسكري إن انسحاب القوات صعب. وقال مصدر عسكري إن انسحاب القوات بدأ.")  # fmt: skip
    da = make_da(text, published="2024-09-07")
    quote(da, "سامر الناصري", "انسحاب القوات قريب", entity="e_n")
    da.quotes[-1].speaker.role = "المحلل العسكري"
    quote(da, "الناصري", "انسحاب القوات سيتم قبل الصيف", entity="e_n")
    quote(da, "خبير عسكري", "انسحاب القوات صعب")
    quote(da, "مصدر عسكري", "انسحاب القوات بدأ")
    opinion = {r.speaker_text: r.opinion for r in build_claims(da, []) if r.speaker_text}
    assert opinion == {"سامر الناصري": True, "الناصري": True, "خبير عسكري": True, "مصدر عسكري": False}


def test_an_inference_is_an_opinion() -> None:
    from rasd.story.claims import build_claims

    da = make_da("وقال متحدث باسم الفصائل إن بقاء جندي واحد في القاعدة يعني أن الانسحاب لم يكتمل. "
                 "وانسحبت القوات من القاعدة الغربية.", published="2024-09-07")  # fmt: skip
    quote(da, "متحدث باسم الفصائل", "بقاء جندي واحد في القاعدة يعني أن الانسحاب لم يكتمل")
    opinion = {r.speaker_text or "-": r.opinion for r in build_claims(da, [])}
    assert opinion == {"متحدث باسم الفصائل": True, "-": False}


def test_parties_and_a_reported_deal_rank_above_an_outside_voice() -> None:
    """The polarity weight: a voice outside the parties loses ``OUTSIDER`` (besides missing
    the two-sides bonus), a deal reported as reached gains ``DONE_DEAL``."""
    from rasd.story.claims import build_claims
    from rasd.story.conflicts import DONE_DEAL, OUTSIDER, structured

    def record(speaker: str, content: str, polarity: str = "assert", doc_id: str = "d") -> ClaimRecord:
        da = make_da(f"وقال {speaker} إن {content}.", published="2024-09-07", doc_id=doc_id)
        quote(da, speaker, content, polarity=polarity)
        (r,) = build_claims(da, [])
        return r

    deny = record("مسؤول أميركي", "واشنطن لا تملك أي إعلان عن انسحاب القوات من البلاد", "deny", "d_1")
    deal = "البلدين توصلا إلى اتفاق على انسحاب القوات من البلاد"
    plan = "انسحاب القوات من البلاد سيتم قريبا"

    def weight(speaker: str, content: str) -> float:
        c = structured(deny, record(speaker, content, doc_id="d_2"), "withdrawal")
        assert c is not None and c.kind == "polarity"
        return c.score

    sides_bonus = 0.25
    assert weight("مسؤول عراقي", deal) - weight("المتحدث باسم الحركة", deal) == pytest.approx(sides_bonus + OUTSIDER)
    assert weight("مسؤول عراقي", deal) - weight("مسؤول عراقي", plan) == pytest.approx(DONE_DEAL)


def _topics(text: str) -> dict[str, str]:
    return topics_of(word_tokens(text))


def test_negation_scope() -> None:
    assert _topics("لم تنسحب القوات من المدينة")["withdrawal"] == "deny"
    # a condition is not a denial
    assert _topics("هددت الفصائل بالتصعيد إن لم تنسحب القوات من المدينة")["withdrawal"] == "assert"
    # غير negates the next word only
    assert _topics("تبنت جماعة غير معروفة الهجوم على القاعدة")["attack"] == "assert"
    assert _topics("وقع الهجوم من دون إصابة")["casualties"] == "deny"
    assert _topics("وقع الهجوم من دون إصابة")["attack"] == "assert"  # no casualties is not no attack


def test_an_opposite_word_beside_an_assertion_narrows_it() -> None:
    assert _topics("ستبقى القوات في الإقليم")["withdrawal"] == "deny"
    assert _topics("انسحاب القوات من العاصمة على أن تبقى قوة صغيرة في الإقليم")["withdrawal"] == "assert"
    assert _topics("لن تنسحب القوات وستبقى في الإقليم")["withdrawal"] == "deny"


def test_one_article_elaborating_is_not_a_dispute() -> None:
    a = "القوات الأميركية وصلت إلى قاعدة حرير في الإقليم بعد انسحاب القوات الأميركية من قاعدة العاصمة"
    b = "القوات الأميركية الواصلة إلى قاعدة حرير في الإقليم ستبقى فيها حتى نهاية العام المقبل"
    da = make_da(f"وقالت مصادر محلية إن {a}. وقال مسؤول محلي إن {b}.", published="2025-02-08", doc_id="d_e")
    quote(da, "مصادر محلية", a)
    quote(da, "مسؤول محلي", b)
    _, conflicts = compare([da])
    assert [k for k in conflicts if k.kind == "polarity"] == []
    # the same two statements from the two parties of the story do disagree
    text2 = ("وقال مسؤول عراقي إن القوات الأجنبية ستغادر العاصمة بالكامل. "
             "وقال مسؤول أميركي إن القوات ستبقى في العاصمة.")  # fmt: skip
    da2 = make_da(text2, published="2025-02-08", doc_id="d_f")
    quote(da2, "مسؤول عراقي", "القوات الأجنبية ستغادر العاصمة بالكامل")
    quote(da2, "مسؤول أميركي", "القوات ستبقى في العاصمة")
    _, conflicts2 = compare([da2])
    assert len([k for k in conflicts2 if k.kind == "polarity"]) == 1


def test_number_conflict_from_two_reports_of_one_event() -> None:
    das = []
    for doc_id, n in (("d_1", "5"), ("d_2", "7")):
        text = f"تعرضت قاعدة النخيل يوم 2 آب 2024 لهجوم بصاروخين أدى إلى إصابة {n} جنود."
        da = make_da(text, doc_id=doc_id)
        ent(da, "قاعدة النخيل", "FAC", "e_base")
        tmx(da, "2 آب 2024", "2024-08-02")
        qty(da, "بصاروخين", 2, "صاروخ")
        qty(da, f"{n} جنود", float(n), "جندي")
        das.append(da)
    v = build(das, [], AS_OF)
    attacks = [e for e in v.events if e.type == "ATTACK"]
    assert len(attacks) == 2  # each article's own report, never merged
    [inc] = [i for i in v.incidents if i.type == "ATTACK"]
    assert sorted(inc.reports) == sorted(e.id for e in attacks) and inc.sources == 2
    assert sorted(x.value for x in inc.slots["injured"]) == [5, 7]  # every source's figure, side by side
    nums = [k for k in v.conflicts if k.kind == "slot" and k.slot == "injured"]
    assert len(nums) == 1 and "5" in nums[0].explanation and "7" in nums[0].explanation
    assert nums[0].incident == inc.id and nums[0].relation == "contradict"
    assert {nums[0].a, nums[0].b} <= {c.id for c in v.claims}
    assert nums[0].side_a is not None and nums[0].side_b is not None
    assert {nums[0].side_a.value, nums[0].side_b.value} == {"5", "7"}


def test_date_conflict_between_phase_plans() -> None:
    one = make_da("قال الوزير إن المرحلة الأولى تنتهي في أيلول 2025 والثانية في أيلول 2026.", doc_id="d_x")
    tmx(one, "أيلول 2025", "2025-09", deadline=True)
    tmx(one, "أيلول 2026", "2026-09", deadline=True)
    quote(one, "الوزير", "المرحلة الأولى تنتهي في أيلول 2025 والثانية في أيلول 2026")
    two = make_da("وقال مسؤولون إن المرحلة الأولى تنتهي في أيلول 2025 والثانية نهاية 2027.", doc_id="d_y")
    tmx(two, "أيلول 2025", "2025-09", deadline=True)
    tmx(two, "نهاية 2027", "2027", deadline=True, mod="END")
    quote(two, "مسؤولون", "المرحلة الأولى تنتهي في أيلول 2025 والثانية نهاية 2027")
    _, conflicts = compare([one, two])
    dates = [k for k in conflicts if k.kind == "date"]
    assert len(dates) == 1 and "2026-09" in dates[0].explanation and "2027" in dates[0].explanation
    assert dates[0].side_a is not None and dates[0].side_b is not None and dates[0].slot == "date"


class _AlwaysAgree:
    """A stance model that is sure every pair agrees: the worst case for a structured finding."""

    def predict_proba(self, pairs: list[tuple[str, str]]) -> list[dict[str, float]]:
        return [{"agree": 0.98, "disagree": 0.01, "other": 0.01} for _ in pairs]


def test_text_model_cannot_hide_a_date_conflict(monkeypatch: pytest.MonkeyPatch) -> None:
    import rasd.story.conflicts as conflicts_mod

    one = make_da("قال الوزير إن انسحاب القوات من قاعدة حرير ينتهي في أيلول 2026.", doc_id="d_x")
    tmx(one, "أيلول 2026", "2026-09", deadline=True)
    ent(one, "قاعدة حرير", "FAC", "e_harir")
    quote(one, "الوزير", "انسحاب القوات من قاعدة حرير ينتهي في أيلول 2026")
    two = make_da("وقال مسؤولون إن انسحاب القوات من قاعدة حرير ينتهي نهاية 2026.", doc_id="d_y")
    tmx(two, "نهاية 2026", "2026", deadline=True, mod="END")
    ent(two, "قاعدة حرير", "FAC", "e_harir")
    quote(two, "مسؤولون", "انسحاب القوات من قاعدة حرير ينتهي نهاية 2026")
    monkeypatch.setattr(conflicts_mod, "load_model", lambda: None)
    _, plain = compare([one, two])
    monkeypatch.setattr(conflicts_mod, "load_model", lambda: _AlwaysAgree())
    _, agreeing = compare([one, two])
    before = [k for k in plain if k.kind == "date"]
    after = [k for k in agreeing if k.kind == "date"]
    assert len(before) == 1 and "2026-09" in before[0].explanation
    # the structured finding keeps its own confidence: the text model may add, never subtract
    assert len(after) == 1 and after[0].confidence == before[0].confidence


def test_periods_exclude() -> None:
    assert periods_exclude("2026-09", None, "2026", "END")
    assert not periods_exclude("2026-12", None, "2026", "END")
    assert not periods_exclude("2025-09", "END", "2025-09-30", None)


def test_build_is_deterministic_and_order_independent() -> None:
    a = build(_two_sources(), [], AS_OF)
    b = build(list(reversed(_two_sources())), [], AS_OF)
    assert a.events and a.incidents and a.claims
    assert json.dumps(to_dict(a), ensure_ascii=False) == json.dumps(to_dict(b), ensure_ascii=False)


def test_non_arabic_documents_are_skipped() -> None:
    da = make_da("انسحبت القوات من البلدة أمس.")
    da.doc.language = "en"
    assert build([da], [], AS_OF) == Views()


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200), st.integers(0, 200), st.integers(0, 200), st.sampled_from(["assert", "deny"]))
def test_build_never_raises_and_cites_real_characters(text: str, i: int, j: int, pol: str) -> None:
    text = text + " وقال الوزير إن القوات لن تنسحب من المدينة بحلول نهاية العام."
    da = make_da(text)
    lo, hi = sorted((min(i, len(text)), min(j, len(text))))
    if hi > lo:
        da.quotes.append(Quote(da.doc.id, lo, hi, Speaker("x"), "قال", Span(lo, hi), False, pol))
    v = build([da], [], AS_OF)
    for item in [*v.events, *v.incidents, *v.claims, *v.commitments, *v.threads, *v.conflicts]:
        for e in item.evidence:
            assert e.doc == da.doc.id and 0 <= e.start < e.end <= len(text)


def _stay_and_leave(leave_place: str, leave_type: str) -> list[DocAnalysis]:
    one = make_da(f"وقال المتحدث باسم الحكومة إن القوات الأجنبية ستنسحب من {leave_place} خلال العام المقبل.",
                  doc_id="d_leave")  # fmt: skip
    quote(one, "المتحدث باسم الحكومة", f"القوات الأجنبية ستنسحب من {leave_place} خلال العام المقبل")
    ent(one, leave_place, leave_type, "e_" + leave_type.lower())
    two = make_da("وقال مسؤول في وزارة الدفاع إن القوات الأجنبية ستبقى في الإقليم خلال العام المقبل.",
                  doc_id="d_stay")  # fmt: skip
    quote(two, "مسؤول في وزارة الدفاع", "القوات الأجنبية ستبقى في الإقليم خلال العام المقبل")
    return [one, two]


def test_staying_in_one_place_does_not_deny_leaving_another() -> None:
    claims, conflicts = compare(_stay_and_leave("بغداد", "GPE"))
    by_doc = {c.evidence[0].doc: c for c in claims}
    assert set(by_doc) == {"d_leave", "d_stay"}
    assert [k for k in conflicts if k.kind == "polarity"] == []


def test_staying_in_a_region_denies_leaving_the_whole_country() -> None:
    _, conflicts = compare(_stay_and_leave("العراق", "GPE"))
    assert len([k for k in conflicts if k.kind == "polarity"]) == 1


def test_claim_places_fold_clitics_and_read_region_words() -> None:
    from rasd.resolve.entities import canonical_key
    from rasd.story.claims import scope_places

    assert canonical_key("للعراق")[0] == canonical_key("العراق")[0] == "العراق"
    assert scope_places(word_tokens("ستبقى القوات في الإقليم")) == {"اقليم كردستان"}
    assert scope_places(word_tokens("ستبقى القوات في بغداد")) == set()


def _presence_pair(denial: str, cue: str = "قال") -> list[DocAnalysis]:
    one = make_da("وقال المتحدث باسم الجيش إن القوات الأجنبية متواجدة في القاعدة الجوية.", doc_id="d_fact")
    quote(one, "المتحدث باسم الجيش", "القوات الأجنبية متواجدة في القاعدة الجوية")
    two = make_da(f"و{cue} عضو في البرلمان إن {denial}.", doc_id="d_view")
    quote(two, "عضو في البرلمان", denial)
    two.quotes[0].cue = cue
    return [one, two]


def test_a_refusal_or_a_demand_is_a_position_not_a_denial() -> None:
    fact = compare(_presence_pair("لا يوجد أي تواجد للقوات الأجنبية في القاعدة الجوية"))[1]
    assert len([k for k in fact if k.kind == "polarity"]) == 1  # a factual denial is a conflict
    refusal = compare(_presence_pair("لن نقبل بأي تواجد للقوات الأجنبية في القاعدة الجوية"))[1]
    assert [k for k in refusal if k.kind == "polarity"] == []
    demand = compare(_presence_pair("لا يوجد أي تواجد للقوات الأجنبية في القاعدة الجوية", "طالب"))[1]
    assert [k for k in demand if k.kind == "polarity"] == []


def test_position_phrases_are_found_word_by_word() -> None:
    from rasd.story.claims import is_position

    assert is_position(word_tokens("إننا لن نقبل بأي وجود عسكري أجنبي"))
    assert is_position(word_tokens("وأكد رفضه لأي وجود أجنبي")) and is_position(word_tokens("الإرادة الشعبية رافضة للتواجد"))
    assert not is_position(word_tokens("القوات الأجنبية لن تنسحب قبل نهاية العام"))


def test_per_document_step_in_workers_gives_the_serial_output(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing as mp

    from rasd.story import stage as story

    if "fork" not in mp.get_all_start_methods():
        pytest.skip("the parallel path needs the fork start method")
    texts = [
        "أعلنت قيادة العمليات المشتركة أن القوات الأجنبية ستنسحب من القاعدة بحلول نهاية سبتمبر 2025.",
        "وقال المتحدث باسم السفارة إن واشنطن لم تتفق على أي موعد للانسحاب.",
        "سقط صاروخان على القاعدة الجوية مساء أمس وأصيب خمسة جنود.",
        "اعتقلت القوات الأمنية ثلاثة مشتبه بهم في إطلاق الصواريخ.",
    ]
    das = []
    for i in range(12):
        da = make_da(texts[i % 4], published=f"2024-08-{10 + i:02d}", doc_id=f"d_{i:02d}")
        das.append(da)
        if i % 4 == 1:
            quote(da, "المتحدث باسم السفارة", "واشنطن لم تتفق على أي موعد للانسحاب", polarity="deny")
    monkeypatch.setattr(story, "CHUNK", 2)  # 12 documents > 4 chunks: the worker path runs
    import concurrent.futures as cf

    from rasd import parallel as par

    submitted: list[tuple[int, int]] = []

    class Counting(cf.ProcessPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]  # noqa: ANN001, ANN002, ANN003, ANN202
            submitted.append(args[1:])  # (fn, lo, hi): only the range travels, not the corpus
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(par, "ProcessPoolExecutor", Counting)
    serial = build(das, [], AS_OF, workers=1)
    parallel = build(das, [], AS_OF, workers=2)
    assert json.dumps(to_dict(serial), sort_keys=True) == json.dumps(to_dict(parallel), sort_keys=True)
    assert submitted == [(lo, lo + 2) for lo in range(0, 12, 2)]  # the worker path ran, one task per chunk
    assert serial.events and serial.incidents and serial.claims  # the corpus yields a story
    assert par._SHARED is None  # the corpus handed to the workers is released
