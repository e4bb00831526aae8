"""The demo corpus in ``examples/corpus`` and what rasd must make of it.

The corpus is written by us (see ``examples/README.md``); every expectation below is
something planted on purpose in those files. Two groups of tests:

* file-level: the corpus is what the README says it is (encodings, HTML structure, JSONL
  records, the syndicated near-duplicate, the planted phrases); these always run;
* end-to-end: what ``rasd.ingest`` must make of it (documents, titles, dates, languages,
  warnings, furniture removed, offsets traceable). They skip while the ingest stage
  (``iter_pages``/``documents_from_page``) is not importable.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.models import Document, RawPage

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CORPUS = EXAMPLES / "corpus"

CP1256_PAGE = "08_victoria_handover_cp1256.txt"
HTML_PAGE = "09_harir_redeployment.html"
JSONL_FILE = "12_records.jsonl"
TWO_ARTICLE_PAGE = "05_agreement_and_kurdistan_vote.txt"
WRONG_DATE_PAGE = "04_printed_date_wrong.txt"
PERSIAN_PAGE = "06_persian_agreement.txt"
ENGLISH_PAGE = "07_english_agreement.txt"
SYNDICATED = ("10_ain_al_asad_handover_dhaftain.txt", "11_ain_al_asad_handover_marsad.txt")

EXPECTED_FILES = {
    "01_ain_al_asad_rockets.txt",
    "02_military_commission_round.txt",
    "03_abbasi_two_phases.txt",
    WRONG_DATE_PAGE,
    TWO_ARTICLE_PAGE,
    PERSIAN_PAGE,
    ENGLISH_PAGE,
    CP1256_PAGE,
    HTML_PAGE,
    *SYNDICATED,
    JSONL_FILE,
}

# Headline of every article, by file (a list when the page holds several articles).
TITLES: dict[str, list[str]] = {
    "01_ain_al_asad_rockets.txt": ["ثلاثة صواريخ تستهدف عين الأسد وبغداد تطالب بجدول لإنهاء مهمة التحالف"],
    "02_military_commission_round.txt": [
        "انطلاق الجولة الثانية من اجتماعات اللجنة العسكرية العليا بين بغداد وواشنطن"
    ],
    "03_abbasi_two_phases.txt": ["العباسي: خروج التحالف يحتاج إلى عامين والبداية من محيط بغداد"],
    WRONG_DATE_PAGE: ["بعد صاروخين على عين الاسد.. اعتقالات وتأجيل جديد لإعلان نهاية مهمة التحالف"],
    TWO_ARTICLE_PAGE: [
        "اتفاق على إنهاء المهمة العسكرية للتحالف في العراق على مرحلتين",
        "كردستان تستعد لانتخابات برلمانية مؤجلة منذ عامين",
    ],
    PERSIAN_PAGE: ["توافق بغداد و واشنگتن برای پایان مأموریت ائتلاف در عراق"],
    ENGLISH_PAGE: ["Iraq and US set a two-stage end to the coalition mission"],
    CP1256_PAGE: ["القوات الأمريكية تغادر معسكر فكتوريا وتسلمه للجيش العراقي"],
    HTML_PAGE: ["التحالف ينقل مئات الجنود من عين الأسد إلى قاعدة حرير في أربيل"],
    SYNDICATED[0]: ["العراق يتسلم قاعدة عين الأسد بالكامل بعد رحيل قوات التحالف"],
    SYNDICATED[1]: ["آخر جندي أجنبي يغادر عين الأسد.. والمرحلة الثانية تنتهي في 2026"],
}

# Publication date printed on each page (dateline / "published" line / HTML metadata).
# The Persian page (Solar Hijri only) and the page whose printed date is wrong are left out.
PRINTED_DATES = {
    "01_ain_al_asad_rockets.txt": "2024-01-14",  # الأحد 14 يناير 2024
    "02_military_commission_round.txt": "2024-02-03",  # نشر في 03/02/2024 - 10:15
    "03_abbasi_two_phases.txt": "2024-03-12",  # بغداد - 12 آذار 2024
    TWO_ARTICLE_PAGE: "2024-09-27",  # الجمعة 24 ربيع الأول 1446 هـ - 27 سبتمبر 2024 م
    ENGLISH_PAGE: "2024-09-30",  # September 30, 2024
    CP1256_PAGE: "2025-01-15",  # الأربعاء، 15 يناير 2025 - 11:40 ص
    HTML_PAGE: "2025-04-11",  # article:published_time
    SYNDICATED[0]: "2025-09-06",  # نشر في 06/09/2025 - 14:05
    SYNDICATED[1]: "2025-09-06",  # السبت 6 سبتمبر 2025
}

# Page furniture planted in the pages: none of it may survive in a document body.
FURNITURE = [
    "تخطي إلى المحتوى",
    "الرئيسية | العراق | عربي ودولي | اقتصاد | رياضة",
    "الرئيسية > سياسة > العراق",
    "الرئيسية > أمن > العراق",
    "5 دقائق قراءة",
    "7 دقائق قراءة",
    "3 دقائق قراءة",
    "4 دقائق قراءة",
    "جنود أميركيون خلال دورية داخل قاعدة عين الأسد الجوية غربي العراق (أ.ف.ب)",
    "جندي عراقي يرفع العلم فوق مبنى في قاعدة عسكرية بالأنبار (رويترز)",
    "موظفون في مفوضية الانتخابات يجهزون صناديق الاقتراع في أربيل (أ.ف.ب)",
    "السوداني يستقبل قائد قوات التحالف الدولي في بغداد (مكتب رئيس الوزراء)",
    "اقرأ أيضا",
    "الفصائل المسلحة تعلن هدنة جزئية وتشترط جدولا للانسحاب",
    "مصدر أمني: إحباط محاولة لإطلاق طائرة مسيرة قرب مطار بغداد",
    "مقالات ذات صلة",
    "واشنطن تعلن مقتل قيادي في فصيل مسلح بضربة شرق سوريا",
    "تتبع مسؤولون أميركيون تحركات القيادي لأشهر قبل استهدافه بطائرة مسيرة.",
    "جددت الحكومة العراقية تعهدها بمنع الهجمات العابرة للحدود وملاحقة منفذيها.",
    "شارك هذا المقال",
    "فيسبوك | إكس | واتساب | تلغرام",
    "مشاركة الخبر عبر: فيسبوك - إكس - واتساب",
    "كلمات مفتاحية:",
    "اشترك في نشرتنا البريدية",
    "هل أعجبك هذا الخبر؟",
    "أعجبني | لم يعجبني",
    "أعجبني لم يعجبني",
    "ما رأيك في هذا الخبر؟",
    "تابعونا على فيسبوك وتلغرام",
    "جميع الحقوق محفوظة",
    "© 2024",
    "© 2025",
    "آخر تحديث 03/02/2024 - 13:40",
    "السوداني يبحث مع وفد من الكونغرس مستقبل العلاقات الأمنية",
    # HTML page: script, navigation, aside and footer
    "dataLayer",
    "عاجل: تابعوا البث المباشر على قناتنا",
    "مال وأعمال",
    "أسعار الذهب تتراجع في أسواق بغداد",
    "اشترك في نشرتنا اليومية",
    # English page
    "Skip to main content",
    "Share this article",
    "All rights reserved",
    "4 min read",
]


def _read(name: str) -> str:
    data = (CORPUS / name).read_bytes()
    return data.decode("cp1256") if name == CP1256_PAGE else data.decode("utf-8")


def _shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text)
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


# --------------------------------------------------------------------------- files


def test_corpus_holds_exactly_the_documented_files() -> None:
    names = {p.name for p in CORPUS.iterdir() if p.is_file()}
    assert names == EXPECTED_FILES


def test_readme_describes_every_file() -> None:
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    missing = [name for name in sorted(EXPECTED_FILES) if name not in readme]
    assert not missing


def test_utf8_pages_are_utf8_without_bom() -> None:
    for name in sorted(EXPECTED_FILES - {CP1256_PAGE}):
        data = (CORPUS / name).read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf"), name
        data.decode("utf-8")  # raises if not UTF-8


def test_cp1256_page_is_windows_1256_not_utf8() -> None:
    data = (CORPUS / CP1256_PAGE).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("cp1256")
    assert "معسكر فكتوريا" in text
    assert TITLES[CP1256_PAGE][0] in text


class _HtmlProbe(HTMLParser):
    """Collects tag names, meta properties and the text of <title> and <h1>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.meta: dict[str, str] = {}
        self.text: dict[str, str] = {}
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        a = dict(attrs)
        if tag == "meta" and a.get("property") and a.get("content") is not None:
            self.meta[str(a["property"])] = str(a["content"])
        if tag in ("title", "h1"):
            self._open = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.text[self._open] = self.text.get(self._open, "") + data


def test_html_page_has_scripts_navigation_and_metadata() -> None:
    probe = _HtmlProbe()
    probe.feed(_read(HTML_PAGE))
    assert {"script", "nav", "footer", "article"} <= probe.tags
    assert probe.meta["og:title"] == TITLES[HTML_PAGE][0]
    assert probe.meta["article:published_time"].startswith(PRINTED_DATES[HTML_PAGE])
    # the <title> carries the site name, so a title taken from metadata is distinguishable
    assert probe.text["title"].strip() != probe.meta["og:title"]
    assert probe.text["h1"].strip() == probe.meta["og:title"]


def test_jsonl_records_parse_with_the_record_fields() -> None:
    lines = _read(JSONL_FILE).splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assert len(records) == 3
    for rec in records:
        assert set(rec) == {"title", "content", "date", "url", "source"}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", rec["date"])
        assert rec["url"].startswith("https://")
        assert re.search("[\u0621-\u064a]", rec["content"])


def test_syndicated_pages_are_near_duplicates_not_copies() -> None:
    a, b = (_read(n) for n in SYNDICATED)
    sa, sb = _shingles(a), _shingles(b)
    jaccard = len(sa & sb) / len(sa | sb)
    assert 0.5 <= jaccard < 1.0
    assert TITLES[SYNDICATED[0]][0] in a and TITLES[SYNDICATED[0]][0] not in b
    assert TITLES[SYNDICATED[1]][0] in b and TITLES[SYNDICATED[1]][0] not in a
    extra = "ويعد هذا أول انسحاب كامل من قاعدة رئيسية"
    assert extra in b and extra not in a
    assert "(الجسر)" in a and "(الجسر)" in b


def test_every_planted_furniture_phrase_is_on_some_page() -> None:
    pages = "\n".join(_read(n) for n in sorted(EXPECTED_FILES))
    assert [f for f in FURNITURE if f not in pages] == []


def test_headlines_are_on_their_pages() -> None:
    for name, titles in TITLES.items():
        text = _read(name)
        for title in titles:
            assert title in text, (name, title)


@pytest.mark.parametrize(
    "needle",
    [
        # quote styles, speakers, cues
        '"',
        "«",
        "“",
        "قال السوداني خلال اللقاء: «",
        "وتابع العباسي: القرار",
        "أكد رئيس الوزراء العراقي محمد شياع السوداني أن",
        "وأضاف السوداني",
        "مضيفا أن",
        "مسؤول عراقي كبير",
        "ونقلت وكالة الجسر للأنباء عن مسؤول",
        "نفى متحدث باسم السفارة الامريكية في بغداد وجود اتفاق",
        # numbers
        "2500 جندي",
        "نحو 900",
        "بين 1500 و3000 عنصر",
        "ثلاثة صواريخ",
        "صاروخان",
        "عشرات الهجمات",
        "خمسة جنود",
        "خمسة جنود أصيبوا",
        "قرابة 1500 جندي",
        # time
        "أمس الجمعة",
        "مطلع الشهر المقبل",
        "نهاية سبتمبر 2025",
        "يوليو/تموز",
        "الأسبوع الماضي",
        "خلال عام",
        "بحلول نهاية سبتمبر 2025",
        "في موعد لا يتجاوز",
        "1446 هـ",
        "12 آذار 2024",
        "نشر في 03/02/2024 - 10:15",
        "نهاية عام 2026",
        # spelling variants of one entity
        "عين الأسد",
        "عين الاسد",
        "الأميركية",
        "الأمريكية",
        "السوداني",
        "محمد شياع السوداني",
        "البنتاغون",
        "وزارة الدفاع الأميركية",
        "داعش",
        "تنظيم الدولة الإسلامية",
        "قاعدة حرير",
        "معسكر فكتوريا",
        "قيادة العمليات المشتركة",
        "ثابت العباسي",
    ],
)
def test_corpus_exercises_the_analysis(needle: str) -> None:
    """The analysis issues rely on these forms being in the demo corpus; keep them there."""
    pages = "\n".join(_read(n) for n in sorted(EXPECTED_FILES))
    assert needle in pages


# --------------------------------------------------------------------------- end to end


@dataclass
class Ingested:
    pages: list[RawPage]
    errors: list[Any]
    docs: list[Document]


def _ingest_api() -> tuple[Callable[..., Iterable[Any]], Callable[[RawPage], Iterable[Document]]]:
    ingest = pytest.importorskip("rasd.ingest")
    iter_pages = getattr(ingest, "iter_pages", None)
    documents_from_page = getattr(ingest, "documents_from_page", None)
    if iter_pages is None or documents_from_page is None:
        pytest.skip("rasd.ingest.iter_pages/documents_from_page not there yet")
    return iter_pages, documents_from_page


@pytest.fixture(scope="module")
def ingested() -> dict[str, Ingested]:
    """Every corpus file read and cleaned on its own, so results map back to files."""
    iter_pages, documents_from_page = _ingest_api()
    out: dict[str, Ingested] = {}
    for name in sorted(EXPECTED_FILES):
        pages: list[RawPage] = []
        errors: list[Any] = []
        for item in iter_pages([str(CORPUS / name)]):
            (pages if isinstance(item, RawPage) else errors).append(item)
        docs = [d for p in pages for d in documents_from_page(p)]
        out[name] = Ingested(pages, errors, docs)
    return out


def test_every_file_reads_without_error(ingested: dict[str, Ingested]) -> None:
    assert {n: [str(e) for e in i.errors] for n, i in ingested.items() if i.errors} == {}
    counts = {n: len(i.pages) for n, i in ingested.items()}
    assert counts == {n: (3 if n == JSONL_FILE else 1) for n in EXPECTED_FILES}


def test_reading_the_directory_finds_every_page() -> None:
    iter_pages, _ = _ingest_api()
    items = list(iter_pages([str(CORPUS)]))
    pages = [i for i in items if isinstance(i, RawPage)]
    assert len(pages) == len(items) == 14  # 11 page files and 3 records; README.md is outside


def test_document_count(ingested: dict[str, Ingested]) -> None:
    # 11 pages, one of them holding two articles, plus three records
    assert sum(len(i.docs) for i in ingested.values()) == 15


def test_two_article_page_yields_two_documents(ingested: dict[str, Ingested]) -> None:
    docs = ingested[TWO_ARTICLE_PAGE].docs
    assert len(docs) == 2
    assert [d.part for d in docs] == [0, 1]
    assert docs[0].id != docs[1].id
    assert "ثمرة حوار هادئ وطويل" in docs[0].text and "ثمرة حوار هادئ وطويل" not in docs[1].text
    assert "مفوضية الانتخابات إن نحو 2.9 مليون ناخب" in docs[1].text
    assert "2.9 مليون" not in docs[0].text


@pytest.mark.parametrize("name", sorted(TITLES))
def test_title_is_the_headline(ingested: dict[str, Ingested], name: str) -> None:
    assert [d.title for d in ingested[name].docs] == TITLES[name]


@pytest.mark.parametrize("name", sorted(PRINTED_DATES))
def test_printed_date_is_the_publication_date(ingested: dict[str, Ingested], name: str) -> None:
    for doc in ingested[name].docs:
        assert doc.published.value == PRINTED_DATES[name]
        assert doc.published.precision == "day"
        if doc.part == 0:  # a later article may note that it took the page's date
            assert not doc.published.warnings


def test_html_title_and_date_come_from_metadata(ingested: dict[str, Ingested]) -> None:
    [doc] = ingested[HTML_PAGE].docs
    assert doc.title == TITLES[HTML_PAGE][0]
    assert "الرافدين 24" not in doc.title  # not the <title>, which carries the site name
    assert doc.published.value == "2025-04-11"
    assert doc.published.method == "metadata"
    assert "عشرات الشاحنات تغادر عين الاسد كل ليلة" in doc.text


def test_contradicted_printed_date_is_flagged(ingested: dict[str, Ingested]) -> None:
    [doc] = ingested[WRONG_DATE_PAGE].docs
    # printed 2 January 2024, but it reports the 5 and 9 August 2024 events
    assert doc.published.warnings
    assert doc.published.value is not None and doc.published.value.startswith("2024-08")
    assert doc.published.method == "content"


def test_languages(ingested: dict[str, Ingested]) -> None:
    langs = {name: [d.language for d in i.docs] for name, i in ingested.items()}
    assert langs[PERSIAN_PAGE] == ["fa"]
    assert langs[ENGLISH_PAGE] == ["en"]
    others = [lang for n, ls in langs.items() if n not in (PERSIAN_PAGE, ENGLISH_PAGE) for lang in ls]
    assert others and set(others) == {"ar"}


def test_cp1256_page_decodes_with_a_warning(ingested: dict[str, Ingested]) -> None:
    ing = ingested[CP1256_PAGE]
    [page] = ing.pages
    [doc] = ing.docs
    assert page.encoding.lower().replace("-", "").replace("_", "") in {"cp1256", "windows1256"}
    assert page.warnings or doc.warnings
    assert "تسلمت القوات العراقية، صباح اليوم الأربعاء، معسكر فكتوريا" in doc.text


def test_records_keep_their_given_fields(ingested: dict[str, Ingested]) -> None:
    records = [json.loads(line) for line in _read(JSONL_FILE).splitlines() if line.strip()]
    docs = ingested[JSONL_FILE].docs
    assert [d.title for d in docs] == [r["title"] for r in records]
    assert [d.published.value for d in docs] == [r["date"] for r in records]
    assert [d.published.method for d in docs] == ["given"] * 3
    assert [d.url for d in docs] == [r["url"] for r in records]


def test_no_planted_furniture_left_in_any_body(ingested: dict[str, Ingested]) -> None:
    left = {
        (name, doc.part, phrase)
        for name, ing in ingested.items()
        for doc in ing.docs
        for phrase in FURNITURE
        if phrase in doc.text
    }
    assert left == set()


def test_bodies_keep_the_article_text(ingested: dict[str, Ingested]) -> None:
    """Cleaning must not throw the article away with the furniture."""
    kept = {
        "01_ain_al_asad_rockets.txt": "سقطت ثلاثة صواريخ، مساء أمس السبت",
        "02_military_commission_round.txt": "استقبل رئيس مجلس الوزراء محمد شياع السوداني",
        "03_abbasi_two_phases.txt": "وتابع العباسي: القرار عراقي بالكامل",
        WRONG_DATE_PAGE: "غير أن مسؤولا في الخارجية الأمريكية نفى وجود اتفاق نهائي",
        SYNDICATED[0]: "وكانت القاعدة قد تعرضت منذ تشرين الأول 2023",
        SYNDICATED[1]: "ويعد هذا أول انسحاب كامل من قاعدة رئيسية",
        ENGLISH_PAGE: "About 2,500 US troops are currently deployed in Iraq",
    }
    for name, sentence in kept.items():
        [doc] = ingested[name].docs
        assert sentence in doc.text, name


def test_body_characters_trace_back_to_the_page(ingested: dict[str, Ingested]) -> None:
    for name, ing in ingested.items():
        if name in (HTML_PAGE, JSONL_FILE):
            continue  # extracted HTML text and records have no furniture to trace around
        [page] = ing.pages
        for doc in ing.docs:
            assert doc.page_spans, (name, doc.part)
            covered = [False] * len(doc.text)
            for ps in doc.page_spans:
                piece = doc.text[ps.doc_start : ps.doc_start + ps.length]
                assert piece == page.text[ps.page_start : ps.page_start + ps.length], (name, doc.part)
                covered[ps.doc_start : ps.doc_start + ps.length] = [True] * ps.length
            # what the pieces do not cover is only the separators between them
            assert all(c.isspace() for c, cov in zip(doc.text, covered, strict=True) if not cov), name


def test_removed_blocks_keep_what_was_cut(ingested: dict[str, Ingested]) -> None:
    ing = ingested[TWO_ARTICLE_PAGE]
    removed = " ".join(r.text for d in ing.docs for r in d.removed)
    assert "مقالات ذات صلة" in removed
    assert "جددت الحكومة العراقية تعهدها بمنع الهجمات العابرة للحدود" in removed


def test_ids_are_stable_across_runs(ingested: dict[str, Ingested]) -> None:
    _, documents_from_page = _ingest_api()
    ing = ingested[TWO_ARTICLE_PAGE]
    again = [d.id for p in ing.pages for d in documents_from_page(p)]
    assert again == [d.id for d in ing.docs]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(sorted(TITLES.keys() - {HTML_PAGE})),
    at=st.floats(min_value=0.0, max_value=1.0),
    noise=st.text(max_size=40),
)
def test_noisy_pages_never_raise_and_stay_traceable(
    ingested: dict[str, Ingested], name: str, at: float, noise: str
) -> None:
    """Arbitrary Unicode spliced into a real-looking page: no exception, offsets still hold."""
    _, documents_from_page = _ingest_api()
    [page] = ingested[name].pages
    cut = int(len(page.text) * at)
    noisy = dataclasses.replace(page, text=page.text[:cut] + noise + page.text[cut:])
    for doc in documents_from_page(noisy):
        for ps in doc.page_spans:
            piece = doc.text[ps.doc_start : ps.doc_start + ps.length]
            assert piece == noisy.text[ps.page_start : ps.page_start + ps.length]
