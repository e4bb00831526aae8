"""Fuzz: no text and no publication date makes an annotator raise or report a lying span.

Every public per-document entry point runs here — the time tagger's ``tag``, and
``annotate(da)`` of time, entities, quantities, quotes and events in the pipeline's order —
on random Unicode, on Arabic news words (written for these tests) dressed with tatweel,
diacritics and Arabic-Indic / Persian / Latin digits, and on very long lines without a
full stop, with publication dates anywhere from 0001-01-01 to 9999-12-31. Whatever
comes out must point at the characters it names: ``text[start:end] == mention`` for time
expressions, entity mentions, quantities and speakers, and every other span (a quantity's
counted object, a quote and its content, an event's evidence) must lie inside the text
(a counted object also covers some non-blank characters).
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from rasd.annotators import entities, events, quantities, quotes
from rasd.annotators import time as time_ann
from rasd.models import DocAnalysis, Document, Published

WORDS = [
    # time
    "أمس", "غدا", "اليوم", "الأسبوع", "الماضي", "المقبل", "بعد", "قبل", "منذ", "عامين", "أشهر", "يوم",
    "السبت", "الخميس", "مساء", "فجر", "الساعة", "الثالثة", "آذار", "مارس/آذار", "تشرين", "الأول",
    "2023", "١٤٤٥", "هـ", "رمضان", "شوال", "15", "٣", "12:30", "العام", "الجاري", "نهاية", "بحلول",
    "من", "إلى", "حتى", "بين", "و", "سنة", "الصيف", "القرن", "العقد", "عام",
    # counts
    "نحو", "أكثر", "من", "250", "٤٠", "ألف", "مليون", "دولار", "جنديا", "شخصا", "قتلى", "جرحى", "%",
    "ثلاثة", "عشرات", "مئات", "قرابة", "١٫٥", "2,500",
    # people, places, bodies
    "الوزير", "وزير", "الخارجية", "سامر", "الخطيب", "ليلى", "حداد", "بغداد", "الموصل", "دمشق",
    "العراق", "الأمم", "المتحدة", "الجيش", "وزارة", "الصحة", "المتحدث", "باسم", "مصدر", "أمني",
    "مسؤول", "المسؤول", "رئيس", "الحكومة", "وكالة", "«الأنباء»",
    # speech
    "قال", "وقال", "أكد", "وأضاف", "نفى", "أعلن", "مشيرا", "إن", "أن", "إلى", "بحسب", "وفق",
    "«", "»", '"', "“", "”", ":", "،", ",", "؛", "(", ")", "-",
    # events
    "هجوم", "غارة", "اجتماع", "اتفاق", "انسحاب", "اعتقال", "استهدف", "التقى", "وقعت", "سيعقد", "لم",
    # breaks
    ".", "؟", "!", "\n", "\n\n",
]  # fmt: skip
TATWEEL = "\u0640"
DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
LATIN = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


@st.composite
def dressed_word(draw: st.DrawFn) -> str:
    """A news word, maybe with tatweel or diacritics inside and its digits in another script."""
    w = draw(st.sampled_from(WORDS))
    how = draw(st.sampled_from(["plain", "tatweel", "diacritics", "indic", "persian", "latin"]))
    if how == "tatweel" and len(w) > 1:
        k = draw(st.integers(1, len(w) - 1))
        w = w[:k] + TATWEEL * draw(st.integers(1, 4)) + w[k:]
    elif how == "diacritics":
        w = "".join(ch + (draw(st.sampled_from(DIACRITICS)) if draw(st.booleans()) else "") for ch in w)
    elif how in ("indic", "persian", "latin"):
        w = w.translate({"indic": INDIC, "persian": PERSIAN, "latin": LATIN}[how])
    return w


SEPARATORS = st.sampled_from([" ", " ", " ", "", "  ", "\u00a0", "\u200f", "\t"])


@st.composite
def arabic_text(draw: st.DrawFn, max_words: int = 60) -> str:
    words = draw(st.lists(dressed_word(), max_size=max_words))
    return "".join(w + draw(SEPARATORS) for w in words)


@st.composite
def long_line(draw: st.DrawFn) -> str:
    """A line of thousands of words with no full stop or newline: one "sentence"."""
    words = [w for w in draw(st.lists(dressed_word(), min_size=5, max_size=40)) if w.strip(".؟!\n") == w]
    return " ".join(words * draw(st.integers(20, 150)))


DCTS = st.one_of(
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat),
    st.sampled_from(["0001-01-01", "9999-12-31", "9999-12", "0001", "9999", "2024-02-29"]),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(lambda d: d.isoformat()[:7]),
    st.none(),
)
TEXTS = st.one_of(st.text(max_size=300), arabic_text(), st.text(alphabet=st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىة ٠١٢٣٤٥٦٧٨٩0123456789«»:،.\n" + TATWEEL + DIACRITICS)), max_size=300))


def run_all(text: str, dct: str | None) -> DocAnalysis:
    """Every annotator in the pipeline's order, then every span checked against the text."""
    da = DocAnalysis(Document("d_fuzz", "fuzz.txt", 0, "", None, Published(dct, "day" if dct else None), "ar", text))
    for t in time_ann.tag(text, dct, "d_fuzz"):
        assert text[t.start : t.end] == t.text
    time_ann.annotate(da)
    entities.annotate(da)
    quantities.annotate(da)
    quotes.annotate(da)
    events.annotate(da)
    check_spans(text, da)
    return da


def inside(text: str, start: int, end: int) -> bool:
    return 0 <= start <= end <= len(text)


def check_spans(text: str, da: DocAnalysis) -> None:
    for t in da.timex:
        assert inside(text, t.start, t.end) and t.start < t.end and text[t.start : t.end] == t.text
    for m in da.entities:
        assert inside(text, m.start, m.end) and m.start < m.end and text[m.start : m.end] == m.text
    for q in da.quantities:
        assert inside(text, q.start, q.end) and text[q.start : q.end] == q.text
        if q.object_span is not None:
            os_ = q.object_span
            assert inside(text, os_.start, os_.end) and text[os_.start : os_.end].strip()
    for qt in da.quotes:
        assert inside(text, qt.start, qt.end) and inside(text, qt.content.start, qt.content.end)
        spk = qt.speaker
        if spk.start >= 0:
            assert inside(text, spk.start, spk.end) and text[spk.start : spk.end] == spk.text
    for ev in da.events:  # type: ignore[attr-defined]
        for e in ev.evidence:
            assert inside(text, e.start, e.end)
        assert ev.trigger in text[ev.evidence[0].start : ev.evidence[0].end]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, DCTS)
@example("وصل الوفد غدا وغادر أمس", "9999-12-31")
@example("عاد الوزير أمس بعد الأسبوع الماضي", "0001-01-01")
def test_random_text_and_any_date(text: str, dct: str | None) -> None:
    run_all(text, dct)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(arabic_text(max_words=25), min_size=1, max_size=6), DCTS)
@example(["وأضاف "], None)  # a continuation cue as the last word: its speaker search ran past the end
def test_news_like_paragraphs(paragraphs: list[str], dct: str | None) -> None:
    run_all("\n\n".join(paragraphs), dct)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(long_line(), DCTS)
def test_very_long_lines(text: str, dct: str | None) -> None:
    run_all(text, dct)


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(["غدا", "أمس", "الأسبوع الماضي", "الأسبوع المقبل", "بعد عامين", "قبل 5 سنوات",
                        "بعد 3 أشهر", "قبل ٧ أيام", "السبت المقبل", "الجمعة الماضية", "العام المقبل",
                        "في 12 ربيع الأول 1445 هـ", "منذ عشرة أعوام", "الشهر الماضي", "مساء الغد"]),
       st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))  # fmt: skip
@example("غدا", dt.date(9999, 12, 31))
@example("بعد عامين", dt.date(9999, 6, 1))
@example("أمس", dt.date(1, 1, 1))
@example("قبل 5 سنوات", dt.date(1, 1, 1))
def test_relative_expressions_on_any_date(expr: str, day: dt.date) -> None:
    """Relative arithmetic never raises; a value, when given, stays on the calendar."""
    for t in time_ann.tag(f"وقال الوزير إن الوفد يصل {expr}", day.isoformat()):
        for v in (t.value, t.range_end):
            assert v is None or re.match(r"-|\d{5}|0000", v) is None, v
