"""Furniture removal, segmentation, title and outlet on pages we wrote ourselves."""

from __future__ import annotations

from pathlib import Path

from rasd.ingest import documents_from_page
from rasd.ingest.clean import classify, phrase_kind, split_lines
from rasd.ingest.document import SEP
from rasd.models import RawPage
from rasd.text import fold

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def _page(name: str) -> RawPage:
    return RawPage(name, (FIXTURES / name).read_text(encoding="utf-8"))


def test_two_articles_split_and_related_block_is_furniture() -> None:
    page = _page("two_articles.txt")
    lines = page.text.split("\n")
    docs = documents_from_page(page)
    assert len(docs) == 2
    first, second = docs
    assert first.title == lines[2]
    sport_headline = "فريق نادي الميناء يفوز بكأس المحافظة في مباراة مثيرة"
    assert second.title == sport_headline and second.part == 1
    # the related list (which also shows the sport headline and a one-line teaser) is removed
    assert "ارتفاع صادرات النفط" not in first.text and "ارتفاع صادرات النفط" not in second.text
    assert any(r.kind == "related_articles" and "مقالات ذات صلة" in r.text for r in first.removed)
    # the main article keeps its four paragraphs, the second article its four
    assert len(first.text.split(SEP)) == 4 and len(second.text.split(SEP)) == 4
    assert second.text.startswith("حقق فريق الميناء فوزا ثمينا على منافسه فريق نفط الجنوب")
    kinds = {r.kind for r in first.removed}
    assert {"navigation", "title", "boilerplate", "dateline", "caption", "related_articles", "byline"} <= kinds
    assert {r.kind for r in second.removed} >= {"title", "caption", "footer"}
    for d in docs:
        for body_line in d.text.split(SEP):
            assert phrase_kind(" ".join(fold(body_line).lower().split())) is None
            assert "(رويترز)" not in body_line and body_line != "AB"
        for r in d.removed:
            assert page.text[r.start : r.end] == r.text
    assert first.outlet == second.outlet == "البصرة نيوز"  # from the copyright line, not a known outlet
    assert first.id != second.id


def test_read_also_line_removed_mid_body() -> None:
    docs = documents_from_page(_page("two_articles.txt"))
    assert all("اقرأ أيضاً" not in d.text for d in docs)
    assert any(r.kind == "related_articles" and r.text.startswith("اقرأ أيضاً") for r in docs[0].removed)


def test_line_features() -> None:
    text = "  سطر أول  \n\n\u00a0\nثاني"
    lines = split_lines(text)
    assert [ln.text for ln in lines] == ["سطر أول", "ثاني"]
    assert all(text[ln.start : ln.end] == ln.text for ln in lines)
    page = (
        "عنوان خبر قصير عن الطقس\n"
        "صورة لسحب ممطرة فوق العاصمة صباح اليوم (وكالة الأنباء)\n"
        "© 2024 الجزيرة نت\n"
        "12 قراءة دقيقة\n"
        "الجبال\n"
        "هطلت أمطار غزيرة على العاصمة صباح اليوم وأدت إلى إغلاق عدد من الطرق الرئيسية لساعات.\n"
    )
    lines = split_lines(page)
    classify(lines)
    assert [ln.kind for ln in lines] == [None, "caption", "footer", "boilerplate", "byline", None]
    assert lines[2].outlet == "الجزيرة نت" and lines[4].outlet == "الجبال"


def test_same_article_same_id_across_spellings() -> None:
    a = RawPage("a.txt", "عنوان\n\nقالت الوزارة إن الأمطار ستستمر حتى نهاية الأسبوع في معظم المحافظات الشمالية والوسطى.\n")
    b = RawPage("b.txt", "عنوان\n\nقالت الوزارة إنّ الأمطار ستستمرّ حتى نهاية الاسبوع في معظم المحافظات الشمالية والوسطى.\n")
    (da,), (db,) = documents_from_page(a), documents_from_page(b)
    assert da.id == db.id and da.text != db.text
    c = RawPage("c.txt", a.text.replace("الأمطار", "الرياح"))
    assert documents_from_page(c)[0].id != da.id


def test_outlet_self_reference_and_agency_quote() -> None:
    # an agency quoted in running text is not the outlet; "لـ«X»" (told X) is
    told = RawPage("t.txt", "عنوان الخبر هنا\n\nقال مسؤول لـ«شفق نيوز» إن الاجتماع سيعقد غدا، بحسب ما نقلت رويترز عن مصادر أخرى في العاصمة.\n")
    assert documents_from_page(told)[0].outlet == "شفق نيوز"
    quoted = RawPage("q.txt", "عنوان الخبر هنا\n\nونقلت وكالة رويترز عن مسؤول قوله إن الاجتماع سيعقد غدا في العاصمة بحضور الوفود المشاركة.\n")
    assert documents_from_page(quoted)[0].outlet is None


def test_record_without_title_keeps_all_content() -> None:
    page = RawPage("r.json#0", " \u00a0 تمت الموافقة ", kind="record")
    (doc,) = documents_from_page(page)
    assert doc.text == "تمت الموافقة" and doc.title == "تمت الموافقة"


def test_prose_starting_like_a_prompt_is_kept() -> None:
    prose = "شارك علي بن سالم رئيس البلدية الأهالي فرحتهم بافتتاح الحديقة الجديدة وسط المدينة، وتجول في أرجائها مع عدد من المسؤولين."
    page = RawPage("s.txt", "عنوان عن افتتاح حديقة\n\n" + prose + "\n\nشارك على فيسبوك\n")
    (doc,) = documents_from_page(page)
    assert doc.text == prose
    assert [r.kind for r in doc.removed] == ["title", "boilerplate"]
    assert phrase_kind("شارك الخبراء في الندوة") is None and phrase_kind("شارك الخبر") == "boilerplate"


def test_unknown_short_masthead_above_headline_is_not_the_title() -> None:
    headline = "عنوان طويل نسبيا عن افتتاح جسر جديد في بغداد"
    text = (
        "المرصد الجديد\n\n" + headline + "\n\n"
        "افتتح رئيس الوزراء صباح اليوم جسرا جديدا يربط ضفتي نهر دجلة في العاصمة بعد سنوات من العمل المتواصل.\n"
    )
    (doc,) = documents_from_page(RawPage("m.txt", text))
    assert doc.title == headline
    assert [(r.kind, r.text) for r in doc.removed] == [("byline", "المرصد الجديد"), ("title", headline)]


def test_long_repeated_headline_is_the_title_and_repeated_caption_goes() -> None:
    headline = "الحكومة تقر موازنة العام المقبل بعد نقاشات طويلة استمرت أسابيع بين الكتل السياسية في البرلمان والوزارات المعنية"
    caption = "نواب خلال جلسة التصويت على الموازنة في قاعة البرلمان بالعاصمة مساء أمس بعد نقاش استمر ساعات طويلة"
    para = "صوّت البرلمان مساء أمس على مشروع قانون الموازنة العامة بعد جلسات مطولة شهدت خلافات بين الكتل حول حصص المحافظات."
    text = "\n\n".join([headline, caption, headline, caption, para, para.replace("أمس", "الثلاثاء")]) + "\n"
    (doc,) = documents_from_page(RawPage("b.txt", text))
    assert doc.title == headline
    assert caption not in doc.text and doc.text.count("صوّت البرلمان") == 2
    assert [r.kind for r in doc.removed] == ["title", "caption", "title", "caption"]


def test_code_pasted_inside_a_line_is_cut_out() -> None:
    prose = "افتتحت البلدية اليوم سوقا شعبيا جديدا في الحي القديم بحضور عدد من الأهالي والتجار"
    code = "#poll ul { padding: 0; margin: 0; } .box { color: red; } $(function(){ init(); });"
    tail = "ما رأيك في موقع السوق الجديد وأسعاره مقارنة بالأسواق الأخرى في المدينة؟"
    page = RawPage("c.json#0", f"{prose} {code} {tail}", kind="record", title="سوق جديد")
    (doc,) = documents_from_page(page)
    assert "padding" not in doc.text and doc.language == "ar"
    assert doc.text.split(SEP)[0] == prose
    assert any(r.kind == "boilerplate" and r.text.startswith("#poll") for r in doc.removed)
    for sp in doc.page_spans:
        assert doc.text[sp.doc_start : sp.doc_start + sp.length] == page.text[sp.page_start : sp.page_start + sp.length]
