"""Articles of a gold incident in which no event was found (issue 13, eighth round): a shooting
told as "إطلاق نار عليه" or as shots fired (إطلاق طلقات), a hostage freed told with the verb and
her pronoun (أطلق سراحها), an unnamed woman's death told by her occupation (توفيت معلمة), a
heat death whose cause comes after the toll of injured (CAUSE_AFTER) and is the heat wave's
(story/kind_context.tsv: a kind may have several rows), the members of a cell taken
(events/counts.tsv: عنصر), and a part of a toll told after a figure of another slot
(story/figures.py: "وفاة 21 وإصابة 66 بينهم 15 حالة وفاة"); and the city of a byline that opens
the sentence (فلان - صحيفة - جدة:) is no event's place while the sentence names another. Each
with its control."""

from __future__ import annotations

from test_events import ent, make_da, qty
from test_events_fresh5 import _hits, _one, _told_kind
from test_story_other_figures import _other, _run
from test_story_precision import BLAST, _doc

from rasd.annotators.events import BACKGROUND, extract
from rasd.story.reports import kind_in, kind_of, word_groups


def test_shot_at_with_the_pronoun_of_the_one_hit() -> None:
    text = "ذكر مصدر أمني أن الحارس مات في المستشفى متأثرا بجراحه بعد إطلاق نار عليه قرب منزله."
    assert _one(text) == ("ATTACK", "happened", "violence")
    # the ceasefire's النار stays no shooting
    assert _hits("أعلن الطرفان وقف إطلاق النار على كل الجبهات") == []


def test_shots_fired() -> None:
    assert _one("حاول السائق الفرار من الدورية فجرى إطلاق ثلاث طلقات تحذيرية نحوه.")[::2] == (
        "ATTACK",
        "violence",
    )
    # a product or a satellite launched is no shot
    assert _hits("أعلنت الشركة إطلاق ثلاثة منتجات جديدة") == []


def test_hostage_freed_told_with_the_verb() -> None:
    text = "قالت الرئاسة إن المهندسة التي خطفت في الربيع أطلق سراحها وتعود إلى بلادها غدا."
    assert {(ev.type, kind_in(kind_of(ev)[0], word_groups(text))) for ev in extract(make_da(text))} >= {
        ("OTHER", "release")
    }
    # a demand to free her is no release
    assert _hits("طالب الحزب بإطلاق سراحها دون شروط") == []


def test_unnamed_woman_death_told_by_her_occupation() -> None:
    assert _one("توفيت ممرضة صباح أمس داخل قسم الطوارئ بالمستشفى العام.") == ("OTHER", "happened", "death")
    assert _one("أوضحت الإدارة ملابسات وفاة المعلمة داخل المبنى.")[2] == "death"
    # an unnamed person's bare death stays no happening (the daily round-ups' شخص; a مواطن told
    # by what he is is a death of its own: test_events_fresh9)
    assert extract(make_da("توفي شخص صباح أمس داخل قسم الطوارئ بالمستشفى العام.")) == []


def test_heat_death_told_after_the_toll_of_injured() -> None:
    text = "أعلنت السلطات وفاة 12 مسنا وإصابة 40 آخرين بالإعياء في المدينة بسبب ارتفاع شديد في درجات الحرارة."
    assert _told_kind(text) == "heat"
    # the same toll with no cause stays no happening
    assert extract(make_da("أعلنت السلطات وفاة 12 مسنا وإصابة 40 آخرين بالإعياء في المدينة أمس.")) == []
    # a kind's first row still wins: a death at sea is a drowning
    assert _told_kind("وفاة طفلة غرقا في البحر قرب الشاطئ الشمالي.") == "drowning"


def test_members_of_a_cell_taken_are_the_arrest_count() -> None:
    text = "أعلنت الشرطة القبض على خلية تضم 6 عناصر تنشط في ثلاث مدن."
    da = make_da(text)
    qty(da, "6 عناصر", 6.0, "عنصر")
    (ev,) = extract(da)
    assert ev.type == "ARREST" and ev.counts == {"arrested": 6.0} and ev.confidence > BACKGROUND
    # a strike that killed members takes no arrest count
    hit = make_da("قتل 6 عناصر من الجماعة في غارة جوية على مواقعها.")
    qty(hit, "6 عناصر", 6.0, "عنصر")
    assert all("arrested" not in e.counts for e in extract(hit))


def test_part_of_a_toll_after_a_figure_of_another_slot() -> None:
    for among, compared in (("بينهم خمسة قتلى من الأطفال", False), ("وقال مسعف إن خمسة قتلى نقلوا", True)):
        one = _doc("d_a", "صحيفة الشمال", f"قتل 12 شخصا وأصيب 20 آخرون {BLAST}، {among} إلى المستشفى.")
        qty(one, "12 شخصا", 12.0, "شخص")
        qty(one, "20 آخرون", 20.0, None)
        qty(one, "خمسة قتلى", 5.0, "قتيل")
        pairs, _ = _run(one, _other())
        assert (("killed", "12", "5") in pairs) is compared, among


def test_byline_city_is_no_place_while_the_sentence_names_another() -> None:
    text = "سالم أحمد - الصحيفة - جدة: قالت الشرطة إن دورية في محافظة رابغ طاردت سيارة وجرى إطلاق ثلاث طلقات تحذيرية نحوها."
    da = make_da(text)
    ent(da, "سالم أحمد", "PER", "e_p")
    ent(da, "جدة", "GPE", "e_j")
    ent(da, "رابغ", "GPE", "e_r")
    assert [ev.place for ev in extract(da)] == ["e_r"]
    # the byline's city alone is still the place; a city named before a colon with no dash is no byline
    alone = make_da("سالم أحمد - الصحيفة - جدة: جرى إطلاق ثلاث طلقات تحذيرية نحو سيارة مسرعة.")
    ent(alone, "جدة", "GPE", "e_j")
    assert [ev.place for ev in extract(alone)] == ["e_j"]
    plain = make_da("قال مدير شرطة جدة: إن دورية في محافظة رابغ جرى إطلاق ثلاث طلقات تحذيرية نحوها.")
    ent(plain, "جدة", "GPE", "e_j")
    ent(plain, "رابغ", "GPE", "e_r")
    assert [ev.place for ev in extract(plain)] == ["e_j"]
