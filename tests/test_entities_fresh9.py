"""Fresh dev batch rn890-rn899 (docs/entities_gold.md): bodies named by an adjective and a
لـ-complement (an administration, a committee for a three-letter noun), armed forces with
their country's demonym, quoted places after a place word, a birthplace idiom, family names
after a proclitic or after آل, and listed names (a court, an armed group, governorates, a
student club, an oilfield company, two clubs). Our own sentences; the sequence model is
replaced by a fixed list of spans, so each test checks what the rules and lists do,
whatever the shipped weights tag."""

from __future__ import annotations

import pytest
from entity_checks import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an administration named by its adjective and what it runs
        (
            "وتتابع الإدارة المركزية للمشروعات التطويرية أعمال التوسعة",
            [("الإدارة المركزية للمشروعات التطويرية", "ORG")],
        ),
        # a committee for a three-letter noun (للحج: ل + الحج, the alif elided)
        ("وترأس الأمير اجتماع اللجنة المركزية للحج أمس", [("اللجنة المركزية للحج", "ORG")]),
        # a demonym alone after إدارة is a government and the لـ-phrase a dative
        ("وقالت الإدارة الأمريكية للصحفيين إن القرار نهائي", []),
    ],
)
def test_bodies_named_by_adjective_and_complement(forced: dict, text: str, expected: list) -> None:
    forced[text] = []
    assert found(text) == expected


def test_armed_forces_with_a_demonym_are_a_body(forced: dict) -> None:
    text = "وأعلنت القوات المسلحة الأردنية إغلاق المعبر مساء الخميس"
    forced[text] = []
    assert found(text) == [("القوات المسلحة الأردنية", "ORG")]
    bare = "وقال إن القوات المسلحة قادرة على حماية الحدود"
    forced[bare] = []
    assert found(bare) == []


def test_quoted_names_after_a_place_word_are_places(forced: dict) -> None:
    text = 'وقصفت الطائرات مواقع بمناطق "الحمراء" و"جبل الريان" قرب الحدود'
    forced[text] = [("الحمراء", "MISC"), ("جبل الريان", "MISC")]
    assert found(text) == [("الحمراء", "GPE"), ("جبل الريان", "LOC")]
    # brackets hold a list of directions; "وحي" before a quoted verse is "revelation"
    for other in ("وقسمت الأندية على مناطق (الوسطى والشمالية) في القرعة", "وما قاله إلا من وحي “كلام في القلب” كما قال"):
        forced[other] = []
        assert found(other) == []


def test_birthplace_idiom_is_no_place(forced: dict) -> None:
    text = "وعاد اللاعب إلى مسقط رأسه بعد غياب طويل"
    forced[text] = [("مسقط", "GPE")]
    assert found(text) == []
    city = "ووصل الوزير إلى مسقط أمس في زيارة رسمية"
    forced[city] = [("مسقط", "GPE")]
    assert found(city) == [("مسقط", "GPE")]


def test_adjective_between_a_kind_word_and_its_quoted_title(forced: dict) -> None:
    text = "وبدأ الممثل تصوير مسلسله الجديد (سعيد بن راشد) هذا الشهر"
    forced[text] = [("سعيد بن راشد", "PER")]
    assert found(text) == [("سعيد بن راشد", "MISC")]


def test_family_names_after_a_proclitic_or_al(forced: dict) -> None:
    text = "واتهم ماجد عسيري زميله، والخلاف بين الرجلين وعسيري قديم، وشكر المدرب للعيدان دعمه بعد أن تبرع فهد العيدان"
    forced[text] = [("ماجد عسيري", "PER"), ("وعسيري", "PER"), ("فهد العيدان", "PER")]
    assert found(text) == [("ماجد عسيري", "PER"), ("عسيري", "PER"), ("للعيدان", "PER"), ("فهد العيدان", "PER")]
    al = "وأكد المهندس آل الشيخ أن المشاريع جاهزة"
    forced[al] = [("الشيخ", "PER")]
    assert found(al) == [("آل الشيخ", "PER")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وأصدرت المحكمة الجنائية الدولية مذكرة توقيف", [("المحكمة الجنائية الدولية", "ORG")]),
        ("وتبنت حركة الشباب الهجوم على الفندق", [("حركة الشباب", "ORG")]),
        ("وقتل جنديان قرب الشيخ زويد في شمال سيناء", [("الشيخ زويد", "GPE"), ("شمال سيناء", "GPE")]),
        ("وارتفع عدد الحفارات بحسب بيانات بيكر هيوز الأسبوعية", [("بيكر هيوز", "ORG")]),
        # the head stays: the rest is a description (a plural noun and a demonym)
        ("ونظم نادي الطلبة السعوديين أمسية ثقافية", [("نادي الطلبة السعوديين", "ORG")]),
        # a First Division club after a match word, in a sports report
        ("ويلعب الفريق مباراة ودية أمام النجمة قبل انطلاق الدوري", [("النجمة", "ORG")]),
    ],
)
def test_listed_names(forced: dict, text: str, expected: list) -> None:
    forced[text] = []
    assert found(text) == expected
