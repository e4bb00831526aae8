"""Regression tests for quote patterns met on the fresh dev batch rn600–rn611 and on the
whole dev split after it (a long title with its own preposition, a one-letter title, speech
with no mark at all, a bidi mark before a cue, إعلان as a cue, طلب من X أن, حسب وصفها).

The sentences are our own, written to show each pattern; the articles are not copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes

from rasd.models import DocAnalysis, Document, Published
from rasd.pipeline import annotate


def _speakers(text: str) -> list[tuple[str, str | None]]:
    doc = Document(id="t", source="t", part=0, title="", outlet=None,
                   published=Published(value="2015-08-01", precision="day", method="given", confidence=1.0),
                   language="ar", text=text)  # fmt: skip
    da = DocAnalysis(doc=doc)
    annotate(da, [])
    return [(q.speaker.text, q.speaker.role) for q in da.quotes]


def test_a_title_that_governs_on_runs_to_the_name() -> None:
    """``والمشرف على الفريق الأول X أن``: the على is the title's, not ``أكد على``."""
    got = _quotes("أكد عضو مجلس إدارة النادي والمشرف على الفريق الأول سامي العتيبي أن المدرب يملك خبرة كبيرة.")
    assert got == [("أكد", "سامي العتيبي", "المدرب يملك خبرة كبيرة")]
    got = _quotes("وأكد المسؤول عن المشروع فهد الزهراني أن العمل سينتهي قريبا.")
    assert got == [("أكد", "فهد الزهراني", "العمل سينتهي قريبا")]


def test_on_after_the_cue_still_opens_the_content() -> None:
    """Guard: ``أكد الوزير على أن`` keeps its على as the content's preposition."""
    assert _quotes("أكد الوزير على أن المشروع سينتهي قريبا.") == [("أكد", "الوزير", "المشروع سينتهي قريبا")]


def test_a_one_letter_title_is_no_sentence_end() -> None:
    """``أشار د.خالد السالم أن``: the dot of د. ends nothing; the title is the role."""
    text = "من جانبه أشار د.خالد السالم أن القسم سيفتتح العام المقبل."
    assert _quotes(text) == [("أشار", "خالد السالم", "القسم سيفتتح العام المقبل")]
    assert _speakers(text) == [("خالد السالم", "د.")]


def test_a_letter_after_a_year_still_ends_the_sentence() -> None:
    """Guard: ``عام 2015 م.`` closes its sentence; the next one has its own speaker."""
    got = _quotes("وافتتح المبنى عام 2015 م. وقال خالد السالم إن القسم سيفتتح العام المقبل.")
    assert got == [("قال", "خالد السالم", "القسم سيفتتح العام المقبل")]


def test_speech_with_no_mark_after_the_name() -> None:
    """``وقال الفارس X لقد سعدت …``: no إن, colon or quotation; لقد opens the words."""
    got = _quotes("وقال الفارس سامي العتيبي لقد سعدت بنجاح السباق الذي شارك فيه الأهالي.")
    assert got == [("قال", "الفارس سامي العتيبي", "لقد سعدت بنجاح السباق الذي شارك فيه الأهالي")]


def test_speech_with_no_mark_and_no_subject_continues() -> None:
    got = _quotes("وأكد خالد السالم أن القسم سيفتتح العام المقبل. وقال سيتم العمل على آليات جديدة في التسويق.")
    assert got == [
        ("أكد", "خالد السالم", "القسم سيفتتح العام المقبل"),
        ("قال", "خالد السالم", "سيتم العمل على آليات جديدة في التسويق"),
    ]


def test_a_bidi_mark_before_the_cue_is_no_word() -> None:
    """``من جهته \\u200fأثنى X …. واضاف «…»``: the mark hides nothing; X goes on speaking."""
    text = (
        "من جهته \u200fأثنى الحكم الدولي سامي العتيبي على مستوى الحكام في الدورة. "
        "واضاف «الاتحاد حريص على اقامة دورة دولية للحكام في الفترة المقبلة»."
    )
    assert _quotes(text) == [("اضاف", "سامي العتيبي", "الاتحاد حريص على اقامة دورة دولية للحكام في الفترة المقبلة")]


def test_announcement_noun_with_its_speaker() -> None:
    """``بعد إعلان النائب X أنه سيصوت``: the noun reports, with its speaker right after it."""
    got = _quotes("بعد إعلان النائب البارز سامي العتيبي أنه سيصوت ضد القرار.")
    assert got == [("إعلان", "سامي العتيبي", "سيصوت ضد القرار")]


def test_announcement_noun_without_a_speaker_is_no_report() -> None:
    """``إعلان الاتفاق``: an announced thing, nobody speaks; ``بحسب إعلان X``: one quote, the attribution's."""
    assert _quotes("وتواصلت التعليقات عقب إعلان الاتفاق التجاري بين البلدين في الأوساط الاقتصادية.") == []
    got = _quotes("وبحسب إعلان وزارة الصحة فإن عدد المصابين بلغ عشرين.")
    assert got == [("بحسب", "إعلان وزارة الصحة", "عدد المصابين بلغ عشرين")]


def test_a_request_with_what_is_asked() -> None:
    """``طلب من X أن …`` (E3) reports; the noun ``بطلب`` does not."""
    got = _quotes("وكان المدرب قد طلب من الإدارة أن تمنحه الفرصة حتى نهاية الشهر.")
    assert got == [("طلب", "المدرب", "تمنحه الفرصة حتى نهاية الشهر")]
    assert _quotes("وتقدم اللاعب بطلب رسمي للإدارة لتمديد عقده.") == []


def test_others_announce_their_intention() -> None:
    """``فيما أعلن آخرون عزمهم …``: unnamed others speak; عزمهم is the object, not the subject."""
    got = _quotes("وبدأ عدد من المواطنين التواصل مع القبائل، فيما أعلن آخرون عزمهم خوض الانتخابات مبكرا.")
    assert got == [("أعلن", "آخرون", "خوض الانتخابات مبكرا")]


def test_according_to_her_description_is_her_quote() -> None:
    """``حيث يركز المدرب حسب وصفها على …`` (E5): the clause is the paper's, a quote of its own."""
    text = (
        'وأوضحت صحيفة "ماركا" الإسبانية أن أرقام الفريق مقلقة حاليا، '
        "حيث يركز المدرب حسب وصفها على تحسين الجانب الدفاعي."
    )
    assert _quotes(text) == [
        ("أوضحت", 'صحيفة "ماركا" الإسبانية', "أرقام الفريق مقلقة حاليا"),
        ("حسب", 'صحيفة "ماركا" الإسبانية', "يركز المدرب حسب وصفها على تحسين الجانب الدفاعي"),
    ]
    assert _quotes("ويقام الحفل حسب الموعد المحدد.") == []


def test_believes_reports_a_view() -> None:
    got = _quotes("ويعتقد المهندس سامي العتيبي أن المشروع نجح إلى حد كبير.")
    assert got == [("يعتقد", "سامي العتيبي", "المشروع نجح إلى حد كبير")]


def test_a_haythu_clause_after_a_comma_is_not_the_cues() -> None:
    """``أضافت خاصية الترجمة، حيث أنه …``: added a feature; the حيث clause explains, nobody speaks."""
    text = "وطرحت الشركة نسخة جديدة من برنامجها، حيث أضافت خاصية الترجمة الفورية، حيث أنه بمجرد أن يختار القارئ فقرة تظهر ترجمتها أسفل الشاشة."
    assert _quotes(text) == []
    got = _quotes("وأضاف الوزير أن العمل مستمر، حيث أن المشروع في مراحله الأخيرة.")
    assert got == [("أضاف", "الوزير", "العمل مستمر، حيث أن المشروع في مراحله الأخيرة")]


def test_an_anonymity_request_is_no_report_of_its_own() -> None:
    """``وأوضح ضابط، طلب عدم ذكر اسمه، أن …``: the request names nothing asked of anyone; the
    officer's report goes on past it."""
    got = _quotes("وأوضح ضابط في الشرطة، طلب عدم ذكر اسمه، أن الدوريات ستبقى في الحي.")
    assert got == [("أوضح", "ضابط في الشرطة", "الدوريات ستبقى في الحي")]


def test_a_statute_named_inside_a_report_is_its_own_source() -> None:
    """``…، بحسب ما نصت عليه المادة 12 من اللائحة``: the article provides the clause (decision 4)."""
    got = _quotes("وأشار المدير إلى أنه يحق لكل مواطن التسجيل إذا اكتملت فيه الشروط، بحسب ما نصت عليه المادة 12 من اللائحة الجديدة.")
    assert got == [
        ("أشار", "المدير", "يحق لكل مواطن التسجيل إذا اكتملت فيه الشروط، بحسب ما نصت عليه المادة 12 من اللائحة الجديدة"),
        ("بحسب", "المادة 12 من اللائحة الجديدة", "يحق لكل مواطن التسجيل إذا اكتملت فيه الشروط"),
    ]


def test_a_report_opening_a_quotation_is_its_own_source() -> None:
    """``أنه «بحسب تقرير اللجنة، فإن …»`` (E2): the team relays what the report says."""
    got = _quotes("وأعلن الفريق الطبي في بيان أنه «بحسب تقرير اللجنة الطبية، فإن الفحص أظهر تناول اللاعب مادة محظورة».")
    assert got == [
        ("أعلن", "الفريق الطبي", "بحسب تقرير اللجنة الطبية، فإن الفحص أظهر تناول اللاعب مادة محظورة"),
        ("بحسب", "تقرير اللجنة الطبية", "الفحص أظهر تناول اللاعب مادة محظورة"),
    ]


def test_an_agency_beside_a_report_still_carries_it() -> None:
    """Guard: ``…، بحسب وكالة الأنباء``: an outlet carried the minister's words, no quote of its own."""
    got = _quotes("وقال الوزير إن العمل مستمر، بحسب وكالة الأنباء الرسمية.")
    assert [(c, s) for c, s, _ in got] == [("قال", "الوزير")]
