"""Quote rules from the fresh real-news batch rn930–rn937 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def _speakers(text: str, cue: str | None = None) -> list[str]:
    return [sp for c, sp, _ in _quotes(text) if cue is None or c == cue]


def test_a_body_named_again_by_its_complement_is_the_full_name() -> None:
    # "السجون" shortens "المديرية العامة للسجون", as "المرور" does its directorate
    got = _speakers("أعلنت المديرية العامة للسجون أمس افتتاح مبنى جديد. وأوضحت السجون أن المبنى يتسع لألف نزيل.")
    assert got == ["المديرية العامة للسجون"] * 2
    got = _speakers("بدأت الإدارة العامة للمرور أمس حملة على المخالفين. وأوضح المرور أن الحملة ستستمر شهرا.")
    assert got == ["الإدارة العامة للمرور"]
    got = _speakers("شارك لاعبو نادي الشباب في التدريب. وأعلن الشباب أن المدرب باق.")
    assert got == ["نادي الشباب"]


def test_a_short_body_name_with_no_full_name_before_stays() -> None:
    assert _speakers("وأوضحت السجون أن المبنى يتسع لألف نزيل.") == ["السجون"]
    # an earlier name that ends otherwise is not the one shortened
    got = _speakers("أعلنت المديرية العامة للجوازات افتتاح مكتب. وأوضحت السجون أن المبنى جديد.")
    assert got == ["المديرية العامة للجوازات", "السجون"]


def test_a_relative_clause_ends_the_subject_a_participle_speaks_for() -> None:
    # the refusing source speaks, not the agency quoted the sentence before
    got = _quotes("ذكرت وكالة الأنباء أن الوفد غادر المدينة. ورفض المصدر الذي طلب عدم ذكر اسمه كشف أسماء "
                  "المغادرين، مكتفيا بالقول: هم من كبار المسؤولين.")  # fmt: skip
    assert [(c, sp) for c, sp, _ in got] == [("ذكرت", "وكالة الأنباء"), ("مكتفيا", "المصدر")]
    got = _speakers("قال المتحدث إن الاجتماع انتهى. وأدى الرئيس سالم الحربي الذي فاز بالانتخابات اليمين أمس، "
                    "مؤكدا أن البلاد ستمضي في الإصلاح.")  # fmt: skip
    assert got == ["المتحدث", "سالم الحربي"]
