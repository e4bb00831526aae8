"""Fresh dev batch rn392-rn399 (docs/entities_gold.md): a list of places after a plural
settlement word, a compound given name the model cut before the family name, a committee
named by two nouns in construct, an office named by coordinated tasks, a weak outlet name
that is the statement said just before, a generic head left out of a short listed name,
and listed names (a palace, an Algerian movement, a ministry portfolio). Our own
sentences; the sequence model is replaced by a fixed list of spans, so each test checks
what the rules and lists do, whatever the shipped weights tag."""

from __future__ import annotations

from entity_checks import found


def test_places_listed_after_a_plural_settlement_word(forced: dict) -> None:
    text = "وقصفت الطائرات مواقع قرب مدن الفلوجة وحديثة والرمادي وقرطبان في العراق"
    forced[text] = [("الفلوجة", "LOC"), ("والرمادي", "LOC"), ("وقرطبان", "LOC"), ("العراق", "LOC")]
    # the word before a found place is a place ("حديثة" is also "modern"); a found item
    # keeps no conjunction
    assert found(text) == [
        ("الفلوجة", "GPE"), ("حديثة", "GPE"), ("الرمادي", "GPE"), ("قرطبان", "GPE"), ("العراق", "GPE"),
    ]
    # after the last found place the sentence goes on: no place is made of "والتي"
    after = "وزار الوفد مدن الفلوجة والرمادي والتي شهدت معارك"
    forced[after] = [("الفلوجة", "LOC"), ("الرمادي", "LOC")]
    assert found(after) == [("الفلوجة", "GPE"), ("الرمادي", "GPE")]
    # a singular settlement word names one place, no list
    one = "ووصل الوفد إلى مدينة الفلوجة وكبيسة صباحا"
    forced[one] = [("الفلوجة", "LOC")]
    assert ("كبيسة", "GPE") not in found(one)


def test_compound_given_name_takes_the_family_name_said_again(forced: dict) -> None:
    text = "واستقبل الرئيس عبد الكريم بوزيدة الوفد، وقال بوزيدة إن الزيارة مهمة، وأثنى الوفد على بوزيدة"
    forced[text] = [("عبد الكريم", "PER")]
    assert found(text) == [("عبد الكريم بوزيدة", "PER"), ("بوزيدة", "PER"), ("بوزيدة", "PER")]
    # the whole name said twice
    twice = "وترأس عبد الرحيم قرماط الجلسة، ثم غادر عبد الرحيم قرماط القاعة"
    forced[twice] = [("عبد الرحيم", "PER")]
    assert found(twice) == [("عبد الرحيم قرماط", "PER"), ("عبد الرحيم قرماط", "PER")]
    # a word after the given name that recurs once more is an ordinary word of the sentence
    once = "وأصدر عبد الكريم صحيفة أسبوعية ثم أغلقت صحيفة أخرى"
    forced[once] = [("عبد الكريم", "PER")]
    assert found(once) == [("عبد الكريم", "PER")]


def test_committee_named_by_two_nouns_in_construct(forced: dict) -> None:
    text = "وأصدرت لجنة حماية حقوق المستهلك الكندية قرارها أمس"
    forced[text] = [("المستهلك الكندية", "ORG")]
    assert found(text) == [("لجنة حماية حقوق المستهلك الكندية", "ORG")]
    # a generic body (مجلس الإدارة) stays none
    board = "واجتمع مجلس إدارة الشركة أمس"
    forced[board] = []
    assert found(board) == []


def test_office_named_by_coordinated_tasks(forced: dict) -> None:
    text = "وأقام المكتب التعاوني للإغاثة والإرشاد ورعاية الأيتام بالبلدة ملتقى"
    forced[text] = []
    assert found(text) == [("المكتب التعاوني للإغاثة والإرشاد ورعاية الأيتام", "ORG")]


def test_weak_outlet_name_after_the_statement_it_names(forced: dict) -> None:
    text = "وقالت القيادة في بيان إن الطائرات عادت سالمة وفقا للبيان."
    forced[text] = []
    assert found(text) == []
    paper = "وارتفعت أسعار العقار في دبي وفقا للبيان."
    forced[paper] = [("دبي", "LOC")]
    assert ("للبيان", "ORG") in found(paper)


def test_generic_head_out_of_a_short_listed_name(forced: dict) -> None:
    text = "وتوقع محللون أن ترفع منظمة أوبك إنتاجها"
    forced[text] = []
    assert found(text) == [("أوبك", "ORG")]


def test_listed_palace_movement_and_portfolio(forced: dict) -> None:
    palace = "وأقيم الحفل في قصر السلام مساء أمس"
    forced[palace] = []
    assert found(palace) == [("قصر السلام", "FAC")]
    movement = "وكان عضوا في الحركة الثقافية الأمازيغية منذ شبابه"
    forced[movement] = []
    assert found(movement) == [("الحركة الثقافية الأمازيغية", "ORG")]
    ministry = "وانتقلت الصلاحيات إلى وزارة الصيد البحري هذا العام"
    forced[ministry] = []
    assert found(ministry) == [("وزارة الصيد البحري", "ORG")]
