"""Regression tests for quote patterns met on the fresh dev batch rn580–rn591 (an ordinary
news mix: wire stories, a crime report, local sports pages).

The sentences are our own, written to show each pattern; the articles are not copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes

from rasd.models import DocAnalysis, Document, Published
from rasd.pipeline import annotate


def test_plural_newspapers_after_l_are_the_medium_not_the_speaker() -> None:
    """``وقالت للصحف المحلية: «…»``: told to the papers; the zero subject continues the writer."""
    got = _quotes("وأكدت الكاتبة سلمى الحربي أنها لن تحضر الحفل. وقالت للصحف المحلية: «الوقت لا يسمح هذه المرة».")
    assert [(s, c) for _, s, c in got] == [
        ("سلمى الحربي", "لن تحضر الحفل"),
        ("سلمى الحربي", "الوقت لا يسمح هذه المرة"),
    ]


def test_a_station_after_a_named_subject_is_cut() -> None:
    got = _quotes("وقال الوزير خالد العمر لمحطة الإذاعة المحلية: «الوقت لا يسمح هذه المرة».")
    assert [(s, c) for _, s, c in got] == [("خالد العمر", "الوقت لا يسمح هذه المرة")]


def test_a_long_station_name_is_the_medium_of_a_title_subject() -> None:
    """``وقال السفير لمحطة التلفزيون المحلية «كي تي في»:``: six words of outlet are the medium,
    not part of the speaker; the bare title then stands for the ambassador named before."""
    text = (
        "وأوضح السفير كينجي تاناكا أن الوفد سيصل غدا. "
        "وقال السفير لمحطة التلفزيون المحلية «كي تي في»: «بوسعي أن أؤكد أن الزيارة ستتم في موعدها»."
    )
    doc = Document(id="t", source="t", part=0, title="", outlet=None,
                   published=Published(value="2015-08-01", precision="day", method="given", confidence=1.0),
                   language="ar", text=text)  # fmt: skip
    da = DocAnalysis(doc=doc)
    annotate(da, [])
    got = [(q.speaker.text, q.speaker.medium) for q in da.quotes if q.speaker]
    assert got == [("كينجي تاناكا", None), ("كينجي تاناكا", "محطة التلفزيون المحلية كي تي في")]


def test_an_exception_particle_after_the_cue_is_no_report() -> None:
    """``إذ لم يعلن سوى عن …``: nothing was announced but a little; no speaker, no quote."""
    assert _quotes("وبقيت التفاصيل غامضة، إذ لم يعلن سوى عن اسم المدينة المضيفة.") == []


def test_a_place_after_a_title_is_no_name() -> None:
    """``سفير فرنسا في جدة``: the place of the title, never the speaker's name."""
    got = _quotes("أعلن سفير فرنسا في جدة أن الوفد سيصل غدا.")
    assert [(s, c) for _, s, c in got] == [("سفير فرنسا في جدة", "الوفد سيصل غدا")]
    got = _quotes("أعلن سفير اليابان لدى المملكة أن الوفد الياباني سيصل غدا.")
    assert [s for _, s, _ in got] == ["سفير اليابان لدى المملكة"]


def test_a_name_after_the_place_of_a_title_is_still_the_speaker() -> None:
    """Guard (passes before too): ``سفير اليابان لدى المملكة X`` names X."""
    got = _quotes("أعلن سفير اليابان لدى المملكة كينجي تاناكا أن الوفد الياباني سيصل غدا.")
    assert [s for _, s, _ in got] == ["كينجي تاناكا"]


def test_hasbama_glued_with_a_verb_attributes_the_clause() -> None:
    """``حسبما صرح X``: ما glued to حسب, then the verb and the source."""
    got = _quotes("وأغلقت الطرق المؤدية إلى الملعب حسبما أعلنته الشرطة المحلية.")
    assert [(cue, s, c) for cue, s, c in got] == [("حسبما", "الشرطة المحلية", "وأغلقت الطرق المؤدية إلى الملعب")]


def test_hasbama_without_a_source_is_no_attribution() -> None:
    """Guard: ``حسبما توقع الجميع`` names no source."""
    assert _quotes("وانتهت المباراة بالتعادل حسبما توقع الجميع.") == []


def test_iktafa_bil_qawl_reports_the_clause() -> None:
    """``اكتفى X بالقول إن …``: "X said only that …"."""
    got = _quotes("واكتفى المدرب خالد العمر بالقول إن الفريق جاهز للمباراة.")
    assert [(s, c) for _, s, c in got] == [("خالد العمر", "الفريق جاهز للمباراة")]


def test_iktafa_with_a_plain_noun_is_no_report() -> None:
    """Guard: ``اكتفى الفريق بالتعادل`` is "settled for a draw"."""
    assert _quotes("واكتفى الفريق بالتعادل في المباراة الأخيرة.") == []
