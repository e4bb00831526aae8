"""Quote rules from the fresh real-news batch rn1120–rn1127 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_an_age_apposition_is_not_the_speaker() -> None:
    # "وقال اللاعب البالغ من العمر N عاما إن …": the age is an apposition, the player speaks
    got = _quotes("وقال اللاعب البالغ من العمر 30 عاما إن الموسم صعب.")
    assert got == [("قال", "اللاعب", "الموسم صعب")]
