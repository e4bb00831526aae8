"""Fresh dev batch rn920-rn929 (docs/entities_gold.md): outlets said as a demonym or after a
quote mark that opens with ”, a company named once after its head and bare elsewhere, a
line of business after a company's name, a portfolio after a company head, a camp in a
country, a conjunction left out of a person, federations of a group of countries, bodies
headed اتحاد and حزب, and listed names (armed groups, an Arab body, the Yemen coalition, a
festival and its secretariat, a Saudi law and calendar, a city, a helicopter). Our own
sentences; the sequence model is replaced by a fixed list of spans, so each test checks
what the rules and lists do, whatever the shipped weights tag."""

from __future__ import annotations

import pytest
from entity_checks import found


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        # a news agency named by its demonym, in a reporting frame and between quote marks
        ('ونقلت المصادر، بحسب "الألمانية"، أن الوزير استقال', [], [("الألمانية", "ORG")]),
        # ” opens the quote as often as “ does
        ("وأفادت القوات، وفقًا لـ”العربية”، بوصول تعزيزات", [], [("العربية", "ORG")]),
        # a demonym outside an outlet context stays an attribute
        ("وقالت الحكومة الألمانية إن الاتفاق صامد", [], []),
    ],
)
def test_outlets_said_as_demonyms_or_after_a_closing_quote_mark(
    forced: dict, text: str, model: list, expected: list
) -> None:
    forced[text] = model
    assert found(text) == expected


def test_a_company_named_after_its_head_is_an_org_all_through_the_text(forced: dict) -> None:
    text = 'وأعلنت شركة زيتكورا نتائجها. وقالت "زيتكورا" إن أرباحها تضاعفت'
    forced[text] = [("زيتكورا", "GPE")]
    assert found(text) == [("زيتكورا", "ORG"), ("زيتكورا", "ORG")]
    # a listed place after a head keeps its type; so does a district after a definite head
    for place, expected in (
        ("وعبرت السفينة قناة السويس ثم رست في السويس", [("السويس", "GPE"), ("السويس", "GPE")]),
        ("وتقام المباراة على ملاعب النادي بحي الريان غدا", [("بحي الريان", "GPE")]),
    ):
        forced[place] = [(expected[0][0], "GPE")]
        assert found(place) == expected


def test_a_line_of_business_belongs_to_the_company_name(forced: dict) -> None:
    text = "وقال مدير شركة زيتكورا للتأمين إن الطلب ارتفع"
    forced[text] = [("زيتكورا", "ORG")]
    assert found(text) == [("زيتكورا للتأمين", "ORG")]


def test_a_portfolio_after_a_company_head_is_no_ministry(forced: dict) -> None:
    text = "وتعاقدت شركة النفط الكندية مع مقاول جديد"
    forced[text] = []
    assert found(text) == []
    ministry = "وأعلنت الخارجية الباكستانية استدعاء السفير"
    forced[ministry] = []
    assert found(ministry) == [("الخارجية الباكستانية", "ORG")]


def test_a_camp_before_a_country_is_in_that_country(forced: dict) -> None:
    text = "وأنهى الفريق معسكر هولندا بمباراة ودية"
    forced[text] = []
    assert found(text) == [("هولندا", "GPE")]


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        # the last of a list of people
        ("وحضر اللقاء عادل الحربي، وجسار المطيري", [("عادل الحربي", "PER"), ("وجسار المطيري", "PER")],
         [("عادل الحربي", "PER"), ("جسار المطيري", "PER")]),
        # و before a hamza on alif is the conjunction
        ("والتقى الوزير رئيس البعثة وإيفان بتروف في جنيف", [("وإيفان بتروف", "PER"), ("جنيف", "GPE")],
         [("إيفان بتروف", "PER"), ("جنيف", "GPE")]),
        # a given name that opens with و keeps it
        ("وحضر الاجتماع وليد الحارثي", [("وليد الحارثي", "PER")], [("وليد الحارثي", "PER")]),
    ],
)  # fmt: skip
def test_a_conjunction_is_left_out_of_a_person(forced: dict, text: str, model: list, expected: list) -> None:
    forced[text] = model
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a federation of a group of countries, with its sport
        ("وقرر الاتحاد الآسيوي لكرة القدم تأجيل المباراة", [("الاتحاد الآسيوي لكرة القدم", "ORG")]),
        # short forms of a sports federation and a party, by their head
        ("وطالب اتحاد الطائرة جميع اللاعبين بالالتزام بالموعد", [("اتحاد الطائرة", "ORG")]),
        ("وفاز حزب الخضر بمقعدين في الانتخابات", [("حزب الخضر", "ORG")]),
    ],
)
def test_federations_and_parties(forced: dict, text: str, expected: list) -> None:
    forced[text] = []
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ودعا البرلمان العربي إلى وقف القتال فورا", [("البرلمان العربي", "ORG")]),
        ("واشتبكت جبهة النصرة مع فصائل أخرى", [("جبهة النصرة", "ORG")]),
        # the coalition's forces: the head stays out, as with تنظيم
        ("وقصفت قوات التحالف مواقع المسلحين", [("التحالف", "ORG")]),
        (
            "ورحب التحالف العربي بتقدم المقاومة الشعبية نحو المدينة",
            [("التحالف العربي", "ORG"), ("المقاومة الشعبية", "ORG")],
        ),
        # the festival, and its secretariat as one body
        ("وزار الوفد سوق عكاظ ثم التقى أمانة سوق عكاظ", [("سوق عكاظ", "MISC"), ("أمانة سوق عكاظ", "ORG")]),
        (
            "وأشار إلى النظام الأساسي للحكم وإلى تقويم أم القرى",
            [("النظام الأساسي للحكم", "MISC"), ("تقويم أم القرى", "MISC")],
        ),
        ("وعقدت القمة في شرم الشيخ وسط إجراءات أمنية", [("شرم الشيخ", "GPE")]),
        ("وحلقت طائرات الأباتشي فوق المدينة", [("الأباتشي", "MISC")]),
    ],
)
def test_listed_names(forced: dict, text: str, expected: list) -> None:
    forced[text] = []
    assert found(text) == expected
