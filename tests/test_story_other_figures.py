"""Figures and days of other happenings an article tells beside an incident (issue 13).

Self-written sentences only. Each case is a kind of wrong disagreement the dev half showed:
a tally after the number (في تفجيرات، في هجومين), "two other attacks", a part told again, a
part after a figure with no slot, a figure of an earlier happening (في وقت سابق), a unit of
measure, a toll broken down by place, a part read with its noun (أربعة من المصابين), a tally
report's day, a condemnation's day, a dual noun naming its own slot, a figure said in a
sentence naming another town, a round-up's item in another town, a "today" gone stale in a
story printed again a day later, the day of a site visit or of a body found, a number
counting a place (أحد فنادق), who a vehicle carried (تقل), and a day told again as a clock
time of it (one date, not two: no round-up); also persons joined to a figure by و (one more
each), two bounds naming one count, one place's share of a toll told place by place, teams of
responders and "one of the injured", a figure listed person by person, and the rest of a toll
told after a contrast word (بينما أصيب 6 آخرون، فيما تعرض شخص آخر لإصابة: added). Each comes with its control:
the same article without the cue is compared as before.
"""

from __future__ import annotations

from datetime import date

from test_events import ent, make_da, qty, tmx
from test_story_precision import AS_OF, BLAST, TOWN, _doc

from rasd.models import DocAnalysis, Entity, Event, EventDate, Evidence, Geo, Quantity, Side, Timex
from rasd.story.assemble import _Builder
from rasd.story.figures import Value
from rasd.story.incidents import Report
from rasd.story.places import APART, UNKNOWN, relation
from rasd.story.slots import disagreements
from rasd.story.stage import build
from rasd.text import tokenize

CITY = Entity("e_city", "GPE", "البصرة", geo=Geo(30.51, 47.78, "city"), attributes={"country": "IQ"})
ENTS = [TOWN, CITY]


def _at(da: DocAnalysis, surface: str, value: float, obj: str | None = None, nth: int = 0, mod: str | None = None) -> None:
    """A quantity at the ``nth`` occurrence of ``surface`` (``qty`` takes the first)."""
    i = -1
    for _ in range(nth + 1):
        i = da.doc.text.index(surface, i + 1)
    da.quantities.append(Quantity(da.doc.id, i, i + len(surface), surface, value, object=obj, mod=mod))


def _other(killed: str = "12", injured: str = "20") -> DocAnalysis:
    """The second outlet's plain report of the blast."""
    da = _doc("d_b", "صحيفة الجنوب", f"قتل {killed} شخصا وأصيب {injured} آخرون {BLAST}.")
    qty(da, f"{killed} شخصا", float(killed), "شخص")
    qty(da, f"{injured} آخرون", float(injured), None)
    return da


def _run(one: DocAnalysis, two: DocAnalysis) -> tuple[set[tuple[str, str, str]], dict[str, list[str]]]:
    """The slot conflicts (slot, value, value) and the blast incident's values by slot."""
    out = build([one, two], ENTS, AS_OF)
    pairs = {(k.slot or "", *sorted((k.side_a.value, k.side_b.value))) for k in out.conflicts
             if k.kind == "slot" and k.side_a and k.side_b}  # fmt: skip
    [inc] = [i for i in out.incidents if "تلعفر" in i.label]
    return pairs, {s: sorted(str(v.value) for v in vs) for s, vs in inc.slots.items()}


def test_a_figure_followed_by_a_tally_word_is_a_tally() -> None:
    for cue, compared in (("في تفجيرات متزامنة", False), ("في هجومين", False), ("في الانفجار نفسه", True)):
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}. وقتل 30 شخصا أمس {cue} في المدينة.")
        qty(one, "12 شخصا", 12.0, "شخص")
        qty(one, "30 شخصا", 30.0, "شخص")
        pairs, _ = _run(one, _other())
        assert (("killed", "12", "30") in pairs) is compared, cue


def test_two_other_attacks_told_after_the_incident_are_not_its_toll() -> None:
    for told, compared in (("هجومين آخرين في الشمال أسفرا", False), ("هجوما في الشمال أسفر", True)):
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}. ونفذ المسلحون {told} عن مقتل ستة جنود.")
        qty(one, "12 شخصا", 12.0, "شخص")
        qty(one, "ستة جنود", 6.0, "جندي")
        pairs, _ = _run(one, _other())
        assert (("killed", "12", "6") in pairs) is compared, told


def test_a_part_of_the_toll_said_again_is_not_a_toll() -> None:
    for among, compared in (("بينهم خمسة جنود ", False), ("", True)):
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {among}{BLAST}. وأكد مصدر عسكري مقتل خمسة جنود.")
        qty(one, "12 شخصا", 12.0, "شخص")
        for n in range(one.doc.text.count("خمسة جنود")):
            _at(one, "خمسة جنود", 5.0, "جندي", nth=n)
        pairs, _ = _run(one, _other())
        assert (("killed", "12", "5") in pairs) is compared


def test_a_part_after_a_figure_with_no_slot_is_a_part() -> None:
    # "27 مسلحا، بينهم أربعة قادة، قتلوا": four leaders among the 27, not a toll of four
    one = _doc("d_a", "صحيفة الشمال", f"ذكر البيان أن 27 مسلحا، بينهم أربعة قادة، قتلوا {BLAST}.")
    qty(one, "27 مسلحا", 27.0, "مسلح")
    qty(one, "أربعة قادة", 4.0, "قائد")
    assert ("killed", "12", "4") not in _run(one, _other())[0]
    alone = _doc("d_a", "صحيفة الشمال", f"قال إن أربعة قادة قتلوا {BLAST}.")
    qty(alone, "أربعة قادة", 4.0, "قائد")
    assert ("killed", "12", "4") in _run(alone, _other())[0]


def test_a_figure_of_earlier_in_the_day_is_another_happening() -> None:
    for cue, compared in (("في وقت سابق ", False), ("", True)):
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}، كما قتل 15 شخصا {cue}في هجوم على حاجز.")
        qty(one, "12 شخصا", 12.0, "شخص")
        qty(one, "15 شخصا", 15.0, "شخص")
        assert (("killed", "12", "15") in _run(one, _other())[0]) is compared


def test_a_number_of_a_unit_of_measure_counts_no_one() -> None:
    for counted, obj, compared in (("ملليمتر من الأمطار", "ملليمتر", False), ("شخصا", "شخص", True)):
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}. وبين الضحايا أطفال، وأكثر من 80 {counted}.")
        qty(one, "12 شخصا", 12.0, "شخص")
        _at(one, f"أكثر من 80 {counted.split()[0]}", 80.0, obj, mod="MORE_THAN")
        pairs, table = _run(one, _other())
        assert (("killed", "12", "أكثر من 80") in pairs) is compared
        assert ("80" in table["killed"]) is compared


def test_a_toll_broken_down_by_place_gives_no_figure_of_its_parts() -> None:
    text = f"قتل 21 شخصا {BLAST}. وأوضحت الشرطة أن 15 من الضحايا توفوا في السوق و4 في الشارع و2 في المستشفى."
    one = _doc("d_a", "صحيفة الشمال", text)
    qty(one, "21 شخصا", 21.0, "شخص")
    _at(one, "15", 15.0)
    for digit in ("4", "2"):  # the numbers after و, as the quantity annotator reads them
        i = text.index(f"و{digit} ") + 1
        one.quantities.append(Quantity(one.doc.id, i, i + 1, digit, float(digit)))
    pairs, table = _run(one, _other("21"))
    assert table["killed"] == ["21", "21"] and not any(p[0] == "killed" for p in pairs)


def test_a_part_read_with_its_noun_is_not_compared() -> None:
    for said, compared in (("أربعة من المصابين", False), ("أربعة مصابين", True)):
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا وأصيب 20 آخرون {BLAST}. وقال الطبيب إن {said} نقلوا إلى المستشفى.")
        qty(one, "12 شخصا", 12.0, "شخص")
        qty(one, "20 آخرون", 20.0, None)
        qty(one, said, 4.0, "مصاب")
        assert (("injured", "20", "4") in _run(one, _other())[0]) is compared


def test_a_tally_report_gives_no_day() -> None:
    for said, dated in (("وبهجمات اليوم يرتفع عدد قتلى قوات الأمن منذ بداية الشهر", False),
                        ("وبعد انفجار اليوم قال المحافظ إن الأمن مستتب", True)):  # fmt: skip
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}. {said}.", published="2025-03-04")
        qty(one, "12 شخصا", 12.0, "شخص")
        i = one.doc.text.index("اليوم")
        one.timex.append(Timex(one.doc.id, i, i + 5, "اليوم", "DATE", "2025-03-04"))
        assert ("2025-03-04" in _run(one, _other())[1]["date"]) is dated


def test_the_day_of_a_condemnation_is_not_the_happening_s() -> None:
    for verb, dated in (("ودان", False), ("وزار", True)):
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}. {verb} المحافظ يوم 4 آذار 2025 التفجير الذي أوقع الضحايا.",
                   published="2025-03-05")  # fmt: skip
        qty(one, "12 شخصا", 12.0, "شخص")
        tmx(one, "4 آذار 2025", "2025-03-04")
        assert ("2025-03-04" in _run(one, _other())[1]["date"]) is dated


def test_a_dual_noun_names_its_own_slot_before_the_next_figure_s() -> None:
    one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}. وأوقع الانفجار قتيلين و24 جريحا.")
    qty(one, "12 شخصا", 12.0, "شخص")
    qty(one, "قتيلين", 2.0, "قتيل")
    qty(one, "24 جريحا", 24.0, "جريح")
    _, table = _run(one, _other())
    assert "2" in table["killed"] and "24" in table["injured"] and "26" not in table["injured"]


def test_a_figure_said_in_a_sentence_naming_another_town_is_that_town_s() -> None:
    for place, stop, compared in (("البصرة", " و", False), ("البصرة", ". و", False), ("السوق", " و", True)):
        # the town named in the figure's sentence, or last before it ("… في البصرة. وأصيب ثمانية")
        text = (f"قتل 12 شخصا وأصيب 20 آخرون {BLAST}. "
                f"وأعلن الجيش أن جنديا لقي حتفه في {place} حين انفجر لغم{stop}أصيب ثمانية جنود.")  # fmt: skip
        one = _doc("d_a", "صحيفة الشمال", text)
        qty(one, "12 شخصا", 12.0, "شخص")
        qty(one, "20 آخرون", 20.0, None)
        qty(one, "ثمانية جنود", 8.0, "جندي")
        if place == "البصرة":
            ent(one, "البصرة", "GPE", "e_city")
        assert (("injured", "20", "8") in _run(one, _other())[0]) is compared, stop


def _report(doc: str, start: int, places: frozenset[str]) -> Report:
    ev = Event(f"v_{doc}_{start}", "ATTACK", EventDate("2025-03-03", "day"), trigger="انفجار",
               evidence=[Evidence(doc, start, start + 5)])  # fmt: skip
    day = date(2025, 3, 3)
    return Report(ev, doc, "صحيفة", day, "bombing", "انفجار", day, day, True, places, frozenset(), frozenset())


def test_a_round_up_item_in_another_town_than_the_scene_and_the_article_lead_is_set_aside() -> None:
    b = _Builder([], {e.id: e for e in ENTS}, lambda _: None)
    lead = _report("d_a", 0, frozenset({"e_town"}))
    item = _report("d_a", 200, frozenset({"e_city"}))
    other = _report("d_b", 0, frozenset({"e_town"}))
    leads = {"d_a": lead, "d_b": other}
    assert b.elsewhere(item, leads, "e_town")
    assert not b.elsewhere(lead, leads, "e_town") and not b.elsewhere(other, leads, "e_town")
    # an article that leads with the other town: its item there is its lead, not set aside
    alone = _report("d_c", 0, frozenset({"e_city"}))
    assert not b.elsewhere(alone, {**leads, "d_c": alone}, "e_town")
    # a report with no place of its own is never set aside
    assert not b.elsewhere(_report("d_a", 300, frozenset()), leads, "e_town")


def _day_value(doc: str, outlet: str, day: str, sentence: str) -> Value:
    ev = Event(f"v_{doc}", "ATTACK", EventDate(day, "day"), trigger="اقتحم", evidence=[Evidence(doc, 0, 5)])
    pub = date.fromisoformat(day)
    r = Report(ev, doc, outlet, pub, "attack", "اقتحام", pub, pub, True, frozenset(), frozenset(), frozenset())
    words = " ".join(t.norm for t in tokenize(sentence) if t.is_word)
    return Value("date", day, None, None, r, Evidence(doc, 10, 15), wording=words)


def test_a_relative_day_in_a_story_printed_again_a_day_later_is_no_clash() -> None:
    said = "وقتل حينها 14 شرطيا حين اقتحم مسلحون مباني في المدينة في اليوم الذي ألقى فيه الرئيس خطابه"
    first = _day_value("d_a", "صحيفة الشمال", "2025-03-03", said)
    # the same sentence a day later, one name spelt otherwise: its "اليوم" reads the 4th
    again = _day_value("d_b", "صحيفة الجنوب", "2025-03-04", said.replace("المدينة", "البلدة"))
    side = lambda v: Side(str(v.value), v.report.doc, [v.evidence], v.report.outlet)  # noqa: E731
    assert disagreements("i_1", "هجوم", [first, again], lambda r: r.ev.id, side) == []
    # another sentence saying "اليوم" a day later is compared as before
    other = _day_value("d_b", "صحيفة الجنوب", "2025-03-04", "واقتحم مسلحون اليوم مركزا للشرطة في البلدة")
    assert len(disagreements("i_1", "هجوم", [first, other], lambda r: r.ev.id, side)) == 1


def test_a_province_the_linker_left_without_a_country_is_apart_from_another_country_s_town() -> None:
    # a round-up of a bombing in a Cameroonian town telling a raid in a Nigerian state: the
    # state has no point and no country from the linker, ``story/regions.tsv`` gives it one
    town = Entity("e_cm", "GPE", "فوتوكول", geo=Geo(12.37, 14.23, "city"), attributes={"country": "CM"})
    state = Entity("e_ng", "GPE", "بورنو")
    unknown = Entity("e_x", "GPE", "وادي الذئاب")
    ents = {e.id: e for e in (town, state, unknown)}
    assert relation("e_cm", "e_ng", ents) == APART
    assert relation("e_cm", "e_x", ents) == UNKNOWN


def test_a_distance_is_no_cue_of_another_happening() -> None:
    # "على بعد 300 كيلومتر" is a distance: the toll after it is still the blast's
    for where, compared in (("على بعد 300 كيلومتر من العاصمة", True), ("بعد أيام على هجوم آخر", False)):
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}. وقال المصدر إن السوق {where} وإن الحصيلة ثمانية قتلى.")
        qty(one, "12 شخصا", 12.0, "شخص")
        qty(one, "ثمانية قتلى", 8.0, "قتيل")
        assert (("killed", "12", "8") in _run(one, _other())[0]) is compared, where


def test_a_number_after_a_proclitic_takes_the_noun_it_counts() -> None:
    # "ثلاثة قتلى وأربعة جرحى" (the number starts inside "وأربعة"): four injured, though "قتلى" is
    # the nearest slot word before it
    one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}. وأضاف أن الحصيلة باتت ثلاثة قتلى وأربعة جرحى في صفوف الشرطة.")
    qty(one, "12 شخصا", 12.0, "شخص")
    _at(one, "أربعة جرحى", 4.0, "جريح")
    pairs, table = _run(one, _other())
    assert table["injured"] == ["20", "4"]
    assert ("injured", "20", "4") in pairs


def test_survivors_are_no_part_of_a_toll() -> None:
    # "انتشال 12 جثة وخمسة ناجين": the five survivors are not added to the dead
    for counted, killed in (("ناجين", "12"), ("جثث أخرى", "17")):
        one = _doc("d_a", "صحيفة الشمال", f"وقال المسؤول إنه جرى انتشال 12 جثة وخمسة {counted} {BLAST}.")
        _at(one, "12 جثة", 12.0, "جثة")
        _at(one, f"خمسة {counted.split()[0]}", 5.0, None)
        _, table = _run(one, _other())
        assert killed in table.get("killed", []), (counted, table)


def _dated(text: str, said: str, value: str, published: str = "2025-03-03") -> tuple[set[tuple[str, str, str]], dict[str, list[str]]]:
    """``_run`` of a blast report whose only day is ``said`` (``value``) against the other outlet's."""
    one = make_da(text, doc_id="d_a", published=published)
    one.doc.outlet = "صحيفة الشمال"
    ent(one, "تلعفر", "GPE", "e_town")
    tmx(one, said, value)
    qty(one, "12 شخصا", 12.0, "شخص")
    return _run(one, _other())


def test_a_day_told_after_a_verb_of_happening_in_a_sentence_of_its_own() -> None:
    # "وكان ذلك قد وقع مساء 2 آذار", "تلقت الشرطة بلاغا مساء …": the article dates its blast in a
    # sentence with no report of its own
    cases = (("وكان ذلك قد وقع مساء 2 آذار 2025", True), ("وتلقت الشرطة بلاغا مساء 2 آذار 2025", True),
             ("وتحدث الشهود مساء 2 آذار 2025", False))  # fmt: skip
    for said, compared in cases:
        text = f"قتل 12 شخصا في انفجار عبوة ناسفة في سوق تلعفر. {said} قرب المسجد."
        pairs, table = _dated(text, "مساء 2 آذار 2025", "2025-03-02TEV")
        assert ("2025-03-02TEV" in table.get("date", [])) is compared, (said, table)
        assert any(p[0] == "date" for p in pairs) is compared, pairs


def test_a_day_after_bitarikh_dates_the_happening_told_before_it() -> None:
    # "قتل 12 شخصا في انفجار … بتاريخ 2 آذار": the day is the blast's, however far from the
    # trigger; without بتاريخ a day that far after it is left unread
    words = " ".join(["وذلك أثناء تجمع الباعة والمتسوقين أمام المحلات الكبيرة في وسط السوق القديم المزدحم"] * 3)
    for said, compared in ((f"{words} بتاريخ 2 آذار 2025", True), (f"{words} 2 آذار 2025", False)):
        text = f"قتل 12 شخصا في انفجار عبوة ناسفة في سوق تلعفر {said}."
        _, table = _dated(text, "2 آذار 2025", "2025-03-02", published="2025-03-05")
        assert ("2025-03-02" in table.get("date", [])) is compared, (said, table)


def test_a_toll_said_as_lives_taken_is_killed() -> None:
    # "أودى الانفجار بحياة تسعة أشخاص": nine killed, compared with the other outlet's twelve
    for said, compared in (("بحياة تسعة أشخاص", True), ("بسيارات تسعة أشخاص", False)):
        one = _doc("d_a", "صحيفة الشمال", f"أودى انفجار عبوة ناسفة في سوق تلعفر يوم 3 آذار 2025 {said}.")
        _at(one, "تسعة أشخاص", 9.0, "شخص")
        pairs, _ = _run(one, _other())
        assert (("killed", "12", "9") in pairs) is compared, said


def test_a_toll_after_earlier_this_month_is_another_happenings() -> None:
    # "وكان تفجير في وقت سابق من الشهر الجاري أودى بحياة 30 شخصا": an earlier happening's toll
    for where, compared in (("في وقت سابق من الشهر الجاري قرب الميناء", False), ("قرب الميناء", True)):
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}. وكان انفجار كبير {where} أودى بحياة 30 شخصا.")
        qty(one, "12 شخصا", 12.0, "شخص")
        qty(one, "30 شخصا", 30.0, "شخص")
        pairs, _ = _run(one, _other())
        assert (("killed", "12", "30") in pairs) is compared, where


def test_a_clock_time_led_by_fi_tamam_after_a_statement_opener_or_a_notice() -> None:
    # "أوضح أنه في تمام الساعة 22:15 من مساء 2 آذار …"، "تبلغ المركز عند تمام الساعة …": the day
    # dates the blast told after it, however far; after a statement verb or another verb it is none
    at = "الساعة 22:15 من مساء 2 آذار 2025"
    rest = "وأثناء تجمع الباعة والمتسوقين انفجرت عبوة ناسفة في سوق تلعفر وقتل 12 شخصا"
    cases = ((f"وأوضح المتحدث أنه في تمام {at} {rest}.", True),
             (f"وأوضح أن مركز العمليات تبلغ عند تمام {at} عن انفجار عبوة ناسفة في سوق تلعفر أدى إلى مقتل 12 شخصا.", True),
             (f"وأوضح أن مركز العمليات تحدث عند تمام {at} عن انفجار عبوة ناسفة في سوق تلعفر أدى إلى مقتل 12 شخصا.", False),
             (f"وأوضح المتحدث في تمام {at} {rest}.", False))  # fmt: skip
    for text, dated in cases:
        _, table = _dated(text, at, "2025-03-02T22:15")
        assert ("2025-03-02T22:15" in table.get("date", [])) is dated, (text, table)


def test_a_day_after_the_noun_of_happening_wuqu() -> None:
    # "ورد بلاغ بوقوع الحادث قرابة فجر 2 آذار": the day the happening occurred
    for noun, dated in (("بوقوع", True), ("بتفاصيل", False)):
        text = f"قتل 12 شخصا في انفجار عبوة ناسفة في سوق تلعفر. ورفعت المستشفيات جاهزيتها إذ ورد بلاغ {noun} الحادث قرابة فجر 2 آذار 2025 إلى غرفة الطوارئ."
        _, table = _dated(text, "فجر 2 آذار 2025", "2025-03-02TMO")
        assert ("2025-03-02TMO" in table.get("date", [])) is dated, (noun, table)


def test_a_toll_said_to_be_none_is_zero() -> None:
    # "ولم يصب أحد"، "دون وقوع إصابات": no one injured, set against the other outlet's twenty;
    # "دون إصابات خطيرة" leaves lesser ones, and another verb says nothing of the toll
    cases = (("ولم يصب أحد من المتسوقين", True), ("دون وقوع إصابات", True), ("ولم ترد على الفور أنباء عن سقوط ضحايا", None),
             ("دون وقوع إصابات خطيرة", False), ("ولم يصل أحد من المتسوقين", False))  # fmt: skip
    for said, zero in cases:
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST} {said}.")
        qty(one, "12 شخصا", 12.0, "شخص")
        pairs, table = _run(one, _other())
        if zero is None:  # a none of the killed beside a figure of them: a part's, not read
            assert "0" not in table.get("killed", []), (said, table)
            continue
        assert (("injured", "0", "20") in pairs) is zero, (said, pairs)
        assert ("0" in table.get("injured", [])) is zero, (said, table)


def test_a_none_said_beside_no_figure_of_its_slot_is_read() -> None:
    # "ولم ترد أنباء عن سقوط ضحايا" in an article with no killed figure: 0 against the other's 12;
    # said of a shell after the article gave its own toll, the none is the shell's
    for text, zero in (("انفجرت عبوة ناسفة في سوق تلعفر يوم 3 آذار 2025 ولم ترد على الفور أنباء عن سقوط ضحايا.", True),
                       (f"قتل 9 أشخاص {BLAST}. وسقطت قذيفة قرب السوق دون سقوط ضحايا.", False)):  # fmt: skip
        one = _doc("d_a", "صحيفة الشمال", text)
        if "9 أشخاص" in text:
            qty(one, "9 أشخاص", 9.0, "شخص")
        pairs, _ = _run(one, _other())
        assert (("killed", "0", "12") in pairs) is zero, (text, pairs)


def test_a_day_after_a_verb_of_the_responders_dates_the_happening() -> None:
    # "أنقذت فرقة الإنقاذ التابعة للدفاع المدني مساء 2 آذار ثلاثة أشخاص كانوا عالقين بعد انفجار …":
    # the rescue's day is the blast's, however many words stand between it and the trigger;
    # after another verb the day stays too far from the trigger to be read
    at = "مساء 2 آذار 2025"
    for verb, dated in (("أنقذت", True), ("شاهدت", False)):
        text = (f"{verb} فرقة الإنقاذ التابعة للدفاع المدني {at} ثلاثة أشخاص كانوا عالقين قرب المحلات "
                "بعد انفجار عبوة ناسفة في سوق تلعفر أدى إلى مقتل 12 شخصا.")  # fmt: skip
        _, table = _dated(text, at, "2025-03-02TEV")
        assert ("2025-03-02TEV" in table.get("date", [])) is dated, (verb, table)


def test_a_none_is_said_in_words_and_kept_as_zero() -> None:
    # the explanation reads "لا أحد", the side keeps the number a program compares
    one = _doc("d_a", "صحيفة الشمال", "انفجرت عبوة ناسفة في سوق تلعفر يوم 3 آذار 2025 ولم يصب أحد بأذى.")
    [k] = [k for k in build([one, _other()], ENTS, AS_OF).conflicts if k.slot == "injured"]
    assert "صحيفة الشمال لا أحد" in k.explanation and "20" in k.explanation
    assert k.side_a is not None and k.side_b is not None and {k.side_a.value, k.side_b.value} == {"0", "20"}


def test_a_line_the_site_adds_gives_no_figure() -> None:
    # "رابط الخبر بصحيفة …: <the headline again>": its number is the headline's, no report's figure
    for line, compared in (("رابط الخبر بصحيفة الشمال: بالصور .. 30 قتيلا في انفجار تلعفر", False),
                           ("وتحدث شهود عن 30 قتيلا في انفجار تلعفر", True)):  # fmt: skip
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}.\n{line}")
        qty(one, "12 شخصا", 12.0, "شخص")
        _at(one, "30 قتيلا", 30.0, "قتيل")
        _, table = _run(one, _other())
        assert ("30" in table.get("killed", [])) is compared, (line, table)


def test_one_person_joined_after_a_figure_counts_too() -> None:
    # "إصابة ثلاثة أشخاص وطفل": four injured; a و + a verb after the figure adds no one
    for said, injured in (("وأصيب 14 شخصا وطفل", "15"), ("وأصيب 14 شخصا وقتل شخص", "14")):
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}. {said} في السوق.")
        qty(one, "12 شخصا", 12.0, "شخص")
        _at(one, "14 شخصا", 14.0, "شخص")
        _, table = _run(one, _other())
        assert injured in table.get("injured", []), (said, table)


def test_the_rest_of_a_toll_told_after_a_contrast_word_adds_to_it() -> None:
    # "أصيب 14 … بينما أصيب 6 آخرون بجروح طفيفة"، "… فيما تعرض شخص آخر لإصابة": those hurt less
    # are of the same toll (20, 15); more not said to be others ("بينما أصيب 6 في حافلة"), or
    # one more of another slot, adds nothing
    cases = (("بينما أصيب 6 آخرون بجروح طفيفة", "20"), ("بينما أصيب 6 آخرون في انفجار ثان", "14"),
             ("فيما تعرض شخص آخر لإصابة طفيفة", "15"), ("فيما اعتقل شخص آخر", "14"))  # fmt: skip
    for said, injured in cases:
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}. وأصيب 14 شخصا بجروح خطيرة {said}.")
        qty(one, "12 شخصا", 12.0, "شخص")
        _at(one, "14 شخصا", 14.0, "شخص")
        if "6" in said:
            _at(one, "6", 6.0, None)
        out = build([one, _other(injured="30")], ENTS, AS_OF)
        told = {str(v.value) for i in out.incidents for v in i.slots.get("injured", [])}
        assert told == {injured, "30"}, (said, told)


def test_the_day_of_a_claim_or_a_published_statement_is_not_the_happening_s() -> None:
    # "وتبنت الجماعة يوم 4 آذار التفجير …"، "ونشرت الجماعة يوم 4 آذار بيانا عن التفجير": the
    # day of the claim or of the statement put out, not the blast's; after another verb it is read
    cases = (("وتبنت الجماعة يوم 4 آذار 2025 التفجير الذي أوقع الضحايا", False),
             ("ونشرت الجماعة يوم 4 آذار 2025 بيانا عن التفجير الذي أوقع الضحايا", False),
             ("وأصدرت البلدية بيانا يوم 4 آذار 2025 عن التفجير الذي أوقع الضحايا", False),
             ("وزار المحافظ يوم 4 آذار 2025 التفجير الذي أوقع الضحايا", True))  # fmt: skip
    for said, dated in cases:
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}. {said}.", published="2025-03-05")
        qty(one, "12 شخصا", 12.0, "شخص")
        tmx(one, "4 آذار 2025", "2025-03-04")
        assert ("2025-03-04" in _run(one, _other())[1]["date"]) is dated, said


def test_a_day_after_responders_named_at_length_dates_the_happening() -> None:
    # "أنقذت فرق البحث والإنقاذ التابعة لحرس الحدود في قطاع … مساء 2 آذار ثلاثة أشخاص": the
    # rescue's day is the blast's, however long the responders' name (up to ``RESPOND_GAP``
    # words); after another verb, or a verb further away, the day is too far from the trigger
    at = "مساء 2 آذار 2025"
    rest = "ثلاثة أشخاص كانوا عالقين قرب المحلات بعد انفجار عبوة ناسفة في سوق تلعفر أدى إلى مقتل 12 شخصا."
    cases = ((f"أنقذت فرق البحث والإنقاذ التابعة لحرس الحدود في قطاع الساحل بمحافظة الجزيرة {at} {rest}", True),
             (f"شاهدت فرق البحث والإنقاذ التابعة لحرس الحدود في قطاع الساحل بمحافظة الجزيرة {at} {rest}", False),
             (f"أنقذت فرق البحث التابعة لحرس الحدود في قطاع الساحل الشمالي بمحافظة الجزيرة الشرقية والجنوبية {at} {rest}", False))  # fmt: skip
    for text, dated in cases:
        _, table = _dated(text, at, "2025-03-02TEV")
        assert ("2025-03-02TEV" in table.get("date", [])) is dated, (text, table)


def test_the_day_of_a_site_visit_or_a_body_found_is_not_the_happening_s() -> None:
    # "… مقتل 12 وتفقد المحافظ مساء 2 آذار موقع الانفجار"، "وتم العثور مساء 2 آذار على جثة": the
    # day something was done about the blast after it, not the blast's; after another verb it is
    at = "مساء 2 آذار 2025"
    toll = "أدى انفجار عبوة ناسفة في سوق تلعفر إلى مقتل 12 شخصا"
    cases = ((f"{toll} وتفقد المحافظ {at} موقع الانفجار.", False),
             (f"{toll} وتم العثور {at} على جثة رجل بين الأنقاض.", False),
             (f"{toll} وعثر المسعفون {at} على جثة رجل بين الأنقاض.", False),
             (f"{toll} وتهدم {at} مبنى قريب.", True))  # fmt: skip
    for text, dated in cases:
        _, table = _dated(text, at, "2025-03-02TEV")
        assert ("2025-03-02TEV" in table.get("date", [])) is dated, (text, table)


def test_a_number_counting_a_place_an_attack_strikes_counts_no_one() -> None:
    # "وأصيب نزلاء في أحد فنادق البلدة": one hotel (story/target_nouns.txt), not one injured;
    # "وأصيب أحد العمال" is one injured
    for said, counted, obj, a_place in (("وأصيب نزلاء في أحد فنادق البلدة", "أحد فنادق", "فندق", True),
                                        ("وأصيب أحد العمال في البلدة", "أحد العمال", "عامل", False)):  # fmt: skip
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}. {said}.")
        qty(one, "12 شخصا", 12.0, "شخص")
        _at(one, counted, 1.0, obj)
        _, table = _run(one, _other())
        assert ("1" in table.get("injured", [])) is not a_place, (said, table)


def test_who_a_vehicle_carried_is_not_its_toll() -> None:
    # "ولقي سائق الحافلة التي كانت تقل 30 شخصا مصرعه": 30 aboard, not 30 dead; "ولقي ركاب
    # الحافلة وعددهم 30 شخصا مصرعهم": 30 dead
    for said, compared in (("ولقي سائق الحافلة التي كانت تقل 30 شخصا مصرعه", False),
                           ("ولقي ركاب الحافلة وعددهم 30 شخصا مصرعهم", True)):  # fmt: skip
        one = _doc("d_a", "صحيفة الشمال", f"أصيب 20 شخصا {BLAST}. {said}.")
        qty(one, "20 شخصا", 20.0, "شخص")
        qty(one, "30 شخصا", 30.0, "شخص")
        _, table = _run(one, _other())
        assert ("30" in table.get("killed", [])) is compared, (said, table)


def _dated_at(doc: str, outlet: str, day: str, said: str, text: str) -> Value:
    """A date of ``doc`` read from the words ``said`` of ``text``."""
    ev = Event(f"v_{doc}", "ATTACK", EventDate(day[:10], "day"), trigger="انفجار", evidence=[Evidence(doc, 0, 5)])
    pub = date.fromisoformat(day[:10])
    r = Report(ev, doc, outlet, pub, "bombing", "انفجار", pub, pub, True, frozenset(), frozenset(), frozenset())
    i = text.index(said)
    return Value("date", day, None, None, r, Evidence(doc, i, i + len(said)))


def test_a_day_and_a_clock_time_within_it_date_one_happening_once() -> None:
    text = "هز انفجار سوقا شعبية في المدينة صباح الأحد. ووقع الانفجار في الساعة السادسة والنصف صباحا قرب المدخل"
    morning = _dated_at("d_a", "صحيفة الشمال", "2025-03-02TMO", "صباح الأحد", text)
    clock = _dated_at("d_a", "صحيفة الشمال", "2025-03-02T06:30", "الساعة السادسة والنصف صباحا", text)
    other = _dated_at("d_b", "صحيفة الجنوب", "2025-03-03", "الاثنين", "هز انفجار سوقا شعبية في المدينة يوم الاثنين")
    side = lambda v: Side(str(v.value), v.report.doc, [v.evidence], v.report.outlet)  # noqa: E731
    found = disagreements("i_1", "هجوم", [morning, clock, other], lambda r: r.ev.id, side)
    # the clock time meets the morning: one date, the morning set against the other outlet's day
    assert [(c.side_a.value, c.side_b.value) for c in found if c.side_a and c.side_b] == [("2025-03-02TMO", "2025-03-03")]
    # control: a clock time of the evening does not meet the morning: two dates, not compared
    evening = "هز انفجار سوقا شعبية في المدينة صباح الأحد. ووقع انفجار ثان في الساعة التاسعة مساء قرب المدخل"
    late = _dated_at("d_a", "صحيفة الشمال", "2025-03-02T21:00", "الساعة التاسعة مساء", evening)
    assert disagreements("i_1", "هجوم", [morning, late, other], lambda r: r.ev.id, side) == []


def test_a_singular_person_joined_to_a_figure_counts_one_more() -> None:
    """"رجل واحد وامرأة" read as one woman, a dual with an accusative singular after it, and a
    singular past two words ("مصريان بجروح"): each person after و is one more injured."""
    cases = (
        ("أصيب رجل واحد وامرأة", "واحد وامرأة", 1.0, "امرأة", "2"),
        ("أصيب ضابطا شرطة ومجندا", "ضابطا شرطة", 2.0, "ضابط", "3"),
        ("أصيب ضابطا شرطة مصريان بجروح ومواطن", "ضابطا شرطة", 2.0, "ضابط", "3"),
    )
    for said, surface, value, obj, total in cases:
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}. و{said} في الانفجار.")
        qty(one, "12 شخصا", 12.0, "شخص")
        _at(one, surface, value, obj)
        pairs, table = _run(one, _other(injured=total))
        assert table["injured"] == [total, total] and not any(p[0] == "injured" for p in pairs), said
    one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}. وأصيب ضابطا شرطة في الانفجار، ومواطن آخر في منزله.")
    qty(one, "12 شخصا", 12.0, "شخص")
    _at(one, "ضابطا شرطة", 2.0, "ضابط")
    assert "2" in _run(one, _other(injured="3"))[1]["injured"]  # a stop between: the citizen is told apart


def test_two_bounds_naming_one_count_agree() -> None:
    def pairs(other: str, mod: str) -> set[tuple[str, str, str]]:
        one = _doc("d_a", "صحيفة الشمال", f"قتل أكثر من عشرين شخصا {BLAST}.")
        _at(one, "أكثر من عشرين شخصا", 20.0, "شخص", mod="MORE_THAN")
        two = _doc("d_b", "صحيفة الجنوب", f"قتل {other} شخصا على الأقل {BLAST}.")
        _at(two, f"{other} شخصا على الأقل", float(other), "شخص", mod=mod)
        return _run(one, two)[0]

    assert not any(p[0] == "killed" for p in pairs("21", "AT_LEAST"))  # > 20 is >= 21
    assert any(p[0] == "killed" for p in pairs("25", "AT_LEAST"))  # two bounds, two counts


def test_one_places_share_of_a_toll_told_place_by_place_is_no_toll() -> None:
    def table(tail: str) -> tuple[set[tuple[str, str, str]], dict[str, list[str]]]:
        one = _doc("d_a", "صحيفة الشمال", f"قتل 30 شخصا {BLAST}. وسجلت 20 حالة وفاة في محافظة نينوى في أقصى شمال غربي البلاد{tail}.")
        qty(one, "30 شخصا", 30.0, "شخص")
        qty(one, "20 حالة وفاة", 20.0, "حالة")
        if tail:
            _at(one, "10", 10.0, "حالة")
        return _run(one, _other("30"))

    pairs, values = table(" و10 حالات في محافظة الأنبار")
    assert "20" not in values["killed"] and not any(p[0] == "killed" for p in pairs)
    assert "20" in table("")[1]["killed"]  # one place named, no other share: still a figure


def test_teams_and_one_of_the_injured_are_no_figures() -> None:
    for said, surface, value, obj in (("ونقل المصابين عبر 17 فرقة", "17", 17.0, None),
                                      ("ويظهر في الصورة أحد مصابي الانفجار", "أحد", 1.0, "مصاب")):  # fmt: skip
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا وأصيب 20 آخرون {BLAST}. {said}.")
        qty(one, "12 شخصا", 12.0, "شخص")
        qty(one, "20 آخرون", 20.0, None)
        _at(one, surface, value, obj)
        pairs, table = _run(one, _other())
        assert table["injured"] == ["20", "20"] and not any(p[0] == "injured" for p in pairs), said


def test_a_figure_listed_person_by_person_is_not_added_to() -> None:
    # also when a mark opens the list: a quote, a parenthesis, a colon
    cases = (("4 وفيات سائق الحافلة وامرأتين وطفلة", ["4", "4"]), ("4 وفيات «سائق الحافلة وامرأتين وطفلة»", ["4", "4"]),
             ("4 وفيات (سائق الحافلة وامرأتين وطفلة)", ["4", "4"]), ("4 وفيات: سائق الحافلة وامرأتين وطفلة", ["4", "4"]),
             ("4 وفيات وامرأتين", ["4", "6"]))  # fmt: skip
    for said, killed in cases:
        one = _doc("d_a", "صحيفة الشمال", f"نتج {BLAST} {said}.")
        _at(one, "4 وفيات", 4.0, "وفاة")
        _at(one, "امرأتين", 2.0, "امرأة")
        assert _run(one, _other("4"))[1]["killed"] == killed, said  # a plain "و": two more


def test_a_figure_after_kama_and_a_second_explosion_is_that_explosion_s() -> None:
    # "كما انفجرت سيارة مفخخة في حي آخر ما أدى إلى مقتل أربعة": a second blast told alongside,
    # its toll not the first one's; the same toll said of the blast itself is compared
    for said, compared in (("كما انفجرت سيارة مفخخة في حي آخر", False), ("وقال المصدر إن الانفجار وقع في السوق", True)):
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا {BLAST}. {said} ما أدى إلى مقتل أربعة أشخاص.")
        qty(one, "12 شخصا", 12.0, "شخص")
        _at(one, "أربعة أشخاص", 4.0, "شخص")
        pairs, table = _run(one, _other())
        assert ("4" in table.get("killed", [])) is compared, (said, table)


def test_a_day_at_the_head_of_its_sentence_dates_the_trigger_after_its_subject() -> None:
    # "أصيب مساء 2 آذار رجلان … إثر انفجار" (``figure_days``); after a warning, a future or another verb: not
    at, rest = "مساء 2 آذار 2025", "رجلان من سكان الحي الشرقي إثر انفجار عبوة ناسفة في سوق تلعفر أدى إلى مقتل 12 شخصا."
    for lead, dated in (("أصيب", True), ("حذرت البلدية", False), ("وستغلق البلدية", False), ("وتحدث رئيس بلدية المدينة", False)):
        _, table = _dated(f"{lead} {at} {rest}", at, "2025-03-02TEV")
        assert ("2025-03-02TEV" in table.get("date", [])) is dated, (lead, table)
