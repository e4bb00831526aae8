"""Issue 12, duals and single counts missed across the dev half (docs/benchmarks/realnews_fresh.md,
"Duals and single counts across the dev half"): a post-posed ``وحيد/وحيدة/وحيدا`` counts one of the
indefinite noun before it, as ``واحد`` does, while the definite ``الوحيد`` ("the only") and the
first name ``وحيد`` count nothing. Every sentence here was written for these tests.
"""

from __future__ import annotations

from number_checks import pipeline_counts, readers

DCT = "2015-08-11"
_q, _t = readers(DCT)


def test_a_single_victory_counts_one() -> None:
    """``single_after``: an accusative noun and ``وحيدا`` agree; a listed compound (F5) before ``وحيدة``."""
    assert _q("حقق الفريق انتصارا وحيدا في خمس مباريات.") == [
        ("وحيدا", 1.0, None, "انتصار"),
        ("خمس", 5.0, None, "مباراة"),
    ]
    assert _q("نال المدافع بطاقة صفراء وحيدة طوال الموسم.") == [("وحيدة", 1.0, None, "بطاقة صفراء")]


def test_the_only_one_and_the_name_count_nothing() -> None:
    """Control: ``الوحيد`` is "the only", ``وحيد`` after a verb is a first name, ``وحيدا`` after a definite noun "alone"."""
    assert _q("كان الفريق الوحيد الذي فاز في الجولة.") == []
    assert _q("قال وحيد إن الفريق جاهز للمباراة.") == []
    assert _q("بقي المدرب وحيدا بعد رحيل مساعديه.") == []


def test_a_construct_dual_behind_a_comma_or_a_bracket() -> None:
    """``open_duals._members_at``: a comma before two definite members joined by و, or the
    bracket that closes the dual alone, does not hide the members (``plurals.tsv`` ظواهر)."""
    assert _q("تعهدت الحكومة بمحاربة ظاهرتي، التهريب والتزوير، في الموانئ.") == [("ظاهرتي", 2.0, None, "ظاهرة")]
    assert _q("وقعت اتفاقية بين (جامعتي) الرياض وجدة أمس.") == [("جامعتي", 2.0, None, "جامعة")]


def test_no_pair_after_the_comma_and_the_pronoun_ha() -> None:
    """Control: after the comma one member only is "my …"; ``ظاهرها`` is a noun with ها (no شركتا)."""
    assert _q("تحدث عن ظاهرتي، وهي التهريب في الموانئ.") == []
    assert _q("حذر من مشاريع يكون ظاهرها الخير وباطنها الفساد.") == []


def test_a_construct_dual_before_its_genitive_and_two_names() -> None:
    """``named_duals.construct_stem``: ``لاعبي الوسط X وY`` counts two players (the names show it)."""
    text = "جدد النادي عقد الحارس سلطان الغامدي، ولاعبي الوسط محمد العتيبي وفهد القحطاني، قبل بداية الموسم."
    assert pipeline_counts(text, DCT) == [("لاعبي", 2.0, "لاعب")]


def test_a_construct_plural_before_three_names_or_none() -> None:
    """Control: three names make a list (a plural), and no name leaves the plural construct."""
    text = "وأشاد المدرب بلاعبي الوسط محمد العتيبي وفهد القحطاني وسالم الدوسري."
    assert pipeline_counts(text, DCT) == []
    assert pipeline_counts("جدد النادي عقود لاعبي الفريق الأول قبل بداية الموسم.", DCT) == []
