"""Fresh dev batch rn960-rn967 (docs/entities_gold.md): a continent's subregion named by
compass words, a weak outlet name credited with لـ before a masculine adjective, a person
span the model ran one word too far or ended one word early, and listed names (a UN
agency said in full, the task force against ISIS and the group's long name, Turkey's
parties, towns of Iraq and Turkey). Our own sentences; the sequence model is replaced by a
fixed list of spans, so each test checks what the rules and lists do, whatever the
shipped weights tag."""

from __future__ import annotations

import pytest
from entity_checks import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وتراجعت الواردات من شمال أفريقيا وجنوب شرق آسيا هذا الشهر",
            [("شمال أفريقيا", "LOC"), ("جنوب شرق آسيا", "LOC")],
        ),
        ("وارتفع الطلب في دول شرق أوروبا بعد الشتاء", [("شرق أوروبا", "LOC")]),
        # no subregion of the UN geoscheme: the continent stands alone
        ("وتشتري مصافي شمال آسيا كميات أكبر من الخام", [("آسيا", "LOC")]),
        ("وزار الوزير أفريقيا وأوروبا خلال العام", [("أفريقيا", "LOC"), ("أوروبا", "LOC")]),
    ],
)
def test_compass_subregions_of_a_continent(forced: dict, text: str, expected: list) -> None:
    forced[text] = []
    assert found(text) == expected


def test_weak_outlet_credit_before_a_masculine_adjective_is_a_common_noun(forced: dict) -> None:
    text = "وفقا للبيان الختامي للاجتماع فإن الموعد تأجل"
    forced[text] = []
    assert found(text) == []
    paper = "وفقا للحياة اللندنية فإن الموعد تأجل"
    forced[paper] = []
    assert found(paper) == [("للحياة", "ORG")]


def test_person_span_over_the_next_word_ends_at_the_name_said_alone(forced: dict) -> None:
    text = "وقال سانشو إنه سعيد، وسيكون سانشو ثاني لاعب يوقع مع الفريق"
    forced[text] = [("سانشو ثاني", "PER"), ("سانشو", "PER")]
    assert found(text) == [("سانشو", "PER"), ("سانشو", "PER")]
    # a person's name token (ANETAC) after it is a second name, not a common word
    korean = "وقال باك إن الزيارة ناجحة، والتقى باك جون نظيره أمس"
    forced[korean] = [("باك جون", "PER"), ("باك", "PER")]
    assert ("باك جون", "PER") in found(korean)


def test_person_span_takes_the_family_name_said_alone_elsewhere(forced: dict) -> None:
    text = "وأكد هانز بيتر كروجمان أن الصفقة تمت، وقال كروجمان إن اللاعب سيصل غدا"
    forced[text] = [("هانز بيتر", "PER"), ("كروجمان", "PER")]
    assert found(text) == [("هانز بيتر كروجمان", "PER"), ("كروجمان", "PER")]
    # a list of people: the one after و is another person
    pair = "وبدأ الخلاف بين كروجمان وشتايلر منذ عامين، ورد شتايلر على كروجمان"
    forced[pair] = [("كروجمان", "PER"), ("وشتايلر", "PER"), ("شتايلر", "PER")]
    assert ("كروجمان وشتايلر", "PER") not in found(pair)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وأصدرت منظمة الأمم المتحدة للأغذية والزراعة (فاو) تقريرها الشهري",
            [("منظمة الأمم المتحدة للأغذية والزراعة", "ORG"), ("فاو", "ORG")],
        ),
        (
            "وقالت قوة المهام المشتركة المجمعة إنها قصفت تنظيم الدولة الإسلامية في العراق وسوريا قرب مخمور والحويجة",
            [
                ("قوة المهام المشتركة المجمعة", "ORG"),
                ("الدولة الإسلامية في العراق وسوريا", "ORG"),
                ("مخمور", "GPE"),
                ("الحويجة", "GPE"),
            ],
        ),
        (
            "وبدأ حزب الشعب الجمهوري محادثات مع حزب العدالة والتنمية بينما رفضها حزب الحركة القومية",
            [("حزب الشعب الجمهوري", "ORG"), ("حزب العدالة والتنمية", "ORG"), ("حزب الحركة القومية", "ORG")],
        ),
        ("وزار الوفد مدينة سروج بعد التفجير", [("سروج", "GPE")]),
    ],
)
def test_listed_bodies_and_places(forced: dict, text: str, expected: list) -> None:
    forced[text] = []
    assert found(text) == expected
