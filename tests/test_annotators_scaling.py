"""No document may stall a run: each annotator's work grows linearly with the page.

Work is counted, not timed: the number of Python function calls an annotator makes
(``cProfile``'s call counts, deterministic for a given input) on a page of N paragraphs
and on one of 4N. A linear pass makes 4 times the calls (4.0-4.2 here: look-backs that
are bounded, but not yet full on the small page, add a little); the quadratic steps these
tests guard against (every quote compared with every earlier speaker or person mention,
every time candidate with every chosen one, every number with every time expression,
every event trigger with every mention of the page) made 5.3 to 12.7 times as many at
these sizes, and more on bigger pages. The paragraphs are written for these tests.
"""

from __future__ import annotations

import cProfile
from collections.abc import Callable
from functools import cache

from rasd.annotators.events import extract
from rasd.annotators.quantities import extract_quantities
from rasd.annotators.quotes import extract_quotes
from rasd.annotators.time import tag
from rasd.models import DocAnalysis, Document, EntityMention, Published
from rasd.text import tokens

DCT = "2024-03-12"
PARAGRAPHS = (
    "قال المتحدث باسم وزارة الداخلية سامر العلي، يوم الأربعاء، إن قوات الأمن اعتقلت 14 مشتبها "
    "في مدينة البصرة. وأضاف المتحدث أن العملية ستستمر حتى نهاية الشهر المقبل.",
    "وأكد المسؤول أن الحكومة ستعقد اجتماعا مع ممثلي العشائر يوم السبت المقبل لبحث الأوضاع في "
    "محافظة الأنبار، مشيرا إلى أن 300 عائلة عادت إلى منازلها منذ كانون الثاني/يناير 2024.",
    "هاجم مسلحون نقطة تفتيش قرب مدينة كركوك فجر أمس، ما أسفر عن مقتل ثلاثة جنود وإصابة خمسة "
    "آخرين، بحسب مصدر في الشرطة المحلية. وقال المصدر إن المهاجمين فروا باتجاه الصحراء.",
    "وفي 20 شعبان 1445 هـ، وقعت الحكومتان اتفاقا لتبادل الكهرباء بقيمة 90 مليون دولار، على أن "
    "يبدأ التنفيذ بعد ستة أشهر. وصرح الوزير بأن الاتفاق سيوفر 500 ميغاواط للمنطقة الجنوبية.",
    "وأوضحت الوزارة في بيان أن فرقها أنجزت 40 في المئة من أعمال الصيانة، وقال الوزير إن المرحلة "
    "الثانية تبدأ في أيار المقبل. وذكرت الهيئة أن المشروع يشمل 12 محطة.",
)
NAMES = {"البصرة": "GPE", "الأنبار": "GPE", "كركوك": "GPE", "سامر العلي": "PER", "وزارة الداخلية": "ORG"}
N = 96  # paragraphs of the small page; the big one has 4N
LINEAR = 4 * 1.1  # allowed growth of the work for 4 times the page


def page(n: int) -> str:
    return "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(n))


def mentions(text: str) -> list[EntityMention]:
    """Entity mentions of the known names (the tagger itself is not under test here)."""
    out = []
    for name, typ in NAMES.items():
        i = text.find(name)
        while i >= 0:
            out.append(EntityMention("d", i, i + len(name), name, typ, entity=f"e_{typ}_{len(name)}"))
            i = text.find(name, i + 1)
    return sorted(out, key=lambda m: m.start)


@cache
def analysis(n: int) -> DocAnalysis:
    """The page with its time expressions, entity mentions and quantities (shared: read only)."""
    text = page(n)
    da = DocAnalysis(Document("d", "d.txt", 0, "", None, Published(DCT, "day"), "ar", text))
    da.timex = tag(text, DCT, "d")
    da.entities = mentions(text)
    da.quantities = extract_quantities(text, "d", da.timex, da.entities)
    return da


def calls(fn: Callable[[], object]) -> int:
    """Python function calls made by ``fn()``."""
    pr = cProfile.Profile()
    pr.enable()
    try:
        fn()
    finally:
        pr.disable()
    return sum(s.callcount for s in pr.getstats())


def growth(run: Callable[[DocAnalysis], object]) -> float:
    """Calls on a page of 4N paragraphs over calls on one of N.

    Word lists are loaded before counting; the memo of tokenised sentences
    (``tokens.words_of``) and of tokenised texts are emptied before each count, so both pages
    are read cold."""
    small, big = analysis(N), analysis(4 * N)
    run(small)

    def cold(da: DocAnalysis) -> int:
        tokens._WORDS.clear()
        tokens._DOCS.clear()
        return calls(lambda: run(da))

    return cold(big) / cold(small)


def test_quote_speaker_lookup_is_linear() -> None:
    """``وقال المصدر``, ``وقال الوزير``, ``وأوضحت الوزارة`` find their antecedent (an earlier
    speaker, person or body) without reading every earlier one."""
    g = growth(lambda da: extract_quotes(da.doc.text, "d", da.entities, DCT, da.timex))
    assert g <= LINEAR, g


def test_time_tagger_is_linear() -> None:
    """Candidate selection, future cues and blocked phrases are looked up, not scanned."""
    g = growth(lambda da: tag(da.doc.text, DCT))
    assert g <= LINEAR, g


def test_quantities_are_linear() -> None:
    """A number is checked against the time expressions and places near it only."""
    g = growth(lambda da: extract_quantities(da.doc.text, "d", da.timex, da.entities))
    assert g <= LINEAR, g


def test_events_are_linear() -> None:
    """An event trigger reads the mentions of its own sentence, not of the whole page."""
    g = growth(extract)
    assert g <= LINEAR, g


def test_the_measure_tells_quadratic_from_linear() -> None:
    """The yardstick itself: a pass that compares each item with all earlier ones fails it."""

    def pairwise(da: DocAnalysis) -> int:
        seen: list[int] = []
        hits = 0
        for m in da.entities:
            hits += sum(1 for s in seen if abs(s - m.start) < 10)
            seen.append(m.start)
        return hits

    def per_item(da: DocAnalysis) -> int:
        return sum(1 for m in da.entities if m.end - m.start > 3)

    assert growth(pairwise) > LINEAR
    assert growth(per_item) <= LINEAR
