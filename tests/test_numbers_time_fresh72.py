"""Batch rn1560–rn1567 (issue 12; docs/benchmarks/realnews_fresh.md): a percentage after a model
label word, the two bare years of ``بين Y1 وY2``, the broken plural ``عقاقير`` and a nisba
between a noun and ``واحد``. Every sentence here was written for these tests.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-08-07"
_q, _t = readers(DCT)


def test_a_percentage_after_a_label_word_is_a_quantity() -> None:
    """``skips._percent_after``: a model label (``إيرباص 320``) never takes ``%`` or ``في المائة``."""
    assert _q("وتراجع سهم إيرباص 5 في المائة في التداولات.") == [("5 في المائة", 5.0, None, "%")]
    assert _q("وارتفع سهم إيرباص 5% أمس.") == [("5%", 5.0, None, "%")]


def test_a_model_label_without_a_percentage_stays_skipped() -> None:
    """Control: ``طائرة إيرباص 320`` is a model, no count."""
    assert _q("وطرحت الشركة طائرة إيرباص 320 الجديدة.") == []


def test_the_two_bare_years_between_which_something_lasted_are_dates() -> None:
    """``years._years_between``: close years after ``بين`` are each a DATE (a stray dot after و too)."""
    want = [("2004", "DATE", "2004"), ("2006", "DATE", "2006")]
    assert _t("وعمل في الشركة ما بين 2004 و2006 مديرا.") == want
    assert _t("وعمل في الشركة ما بين 2004 و.2006 مديرا.") == want
    assert _t("وتولى المنصب بين 1998 و2003.") == [("1998", "DATE", "1998"), ("2003", "DATE", "2003")]


def test_a_range_of_counts_after_between_stays_a_count() -> None:
    """Controls: far apart, or before a counted noun, the numbers are counts, no years."""
    assert _t("ويتراوح العدد بين 2000 و2500.") == []
    assert _t("وحضر بين 2000 و2010 أشخاص الحفل.") == []
    assert _q("وحضر بين 2000 و2500 شخص الحفل.") == [("بين 2000 و2500 شخص", 2000.0, 2500.0, "شخص")]


def test_a_broken_plural_counted_takes_its_singular() -> None:
    """``plurals.tsv``: ``عقاقير`` → ``عقار``."""
    assert _q("وصرف الطبيب ثلاثة عقاقير للمريض.") == [("ثلاثة", 3.0, None, "عقار")]


def test_a_nisba_between_a_noun_and_one_is_its_adjective() -> None:
    """``objects.nisba_of_noun``: in ``حادث إرهابي واحد`` the count is of ``حادث`` (also with ل)."""
    assert [x[3] for x in _q("ووقع حادث إرهابي واحد في المنطقة.")] == ["حادث"]
    assert [x[3] for x in _q("وتتأهب الدول لحادث إرهابي واحد.")] == ["حادث"]
    assert [x[3] for x in _q("وشارك لاعب سعودي واحد في البطولة.")] == ["لاعب"]


def test_a_nisba_noun_alone_before_one_is_counted() -> None:
    """Controls: ``إرهابي واحد`` and ``جندي واحد`` count the noun itself."""
    assert _q("وقتل إرهابي واحد في الاشتباك.") == [("إرهابي واحد", 1.0, None, "إرهابي")]
    assert _q("ولم يصب سوى جندي واحد في الهجوم.") == [("جندي واحد", 1.0, None, "جندي")]
