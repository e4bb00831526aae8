"""The HTML report: self-contained, right-to-left, escaped, every link landing on its evidence."""

from __future__ import annotations

import dataclasses
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_report_data import TEXT1, ev, sample_analysis
from typer.testing import CliRunner

from rasd.interfaces.export import analysis_to_json
from rasd.interfaces.report import (
    analysis_from_dict,
    date_range,
    format_date,
    render_excerpts,
    render_report,
    render_text,
    write_report,
)
from rasd.models import Analysis, Evidence

AS_OF = "2025-01-15"


class Page(HTMLParser):
    """Collects ids, hrefs, document bodies (text and marks) and SVG timeline marks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.id_list: list[str] = []
        self.hrefs: list[str] = []
        self.srcs: list[str] = []
        self.bodies: dict[str, str] = {}
        self.marks: dict[str, list[tuple[int, int, str]]] = {}
        self.html_attrs: dict[str, str | None] = {}
        self.tl_marks: list[tuple[str, float]] = []
        self.script_tags = 0
        self._doc: str | None = None
        self._mark: list[object] | None = None
        self._tl: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.html_attrs = a
        if tag == "script":
            self.script_tags += 1
        if a.get("id"):
            self.ids.add(str(a["id"]))
            self.id_list.append(str(a["id"]))
        if "href" in a:
            self.hrefs.append(str(a["href"]))
        for key in ("src", "xlink:href", "action", "data"):
            if key in a:
                self.srcs.append(str(a[key]))
        if tag == "div" and str(a.get("class")).split()[:1] == ["doc-text"]:
            self._doc = str(a["data-doc"])
            self.bodies[self._doc] = ""
            self.marks[self._doc] = []
        if self._doc and tag == "mark":
            self._mark = [int(str(a["data-s"])), int(str(a["data-e"])), ""]
        if tag == "a" and a.get("class") == "tl-mark":
            self._tl = str(a["data-event"])
        if self._tl and tag in ("circle", "rect"):
            x = float(str(a.get("cx") or a.get("x")))
            w = float(str(a.get("width") or 0)) / 2
            self.tl_marks.append((self._tl, x + w))
            self._tl = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._doc:
            self._doc = None
        if tag == "mark" and self._doc and self._mark:
            s, e, t = self._mark
            self.marks[self._doc].append((int(str(s)), int(str(e)), str(t)))
            self._mark = None

    def handle_data(self, data: str) -> None:
        if self._doc is not None:
            self.bodies[self._doc] += data
            if self._mark is not None:
                self._mark[2] = str(self._mark[2]) + data


def parse(html: str) -> Page:
    p = Page()
    p.feed(html)
    p.close()
    return p


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return sample_analysis()


@pytest.fixture(scope="module")
def html(analysis: Analysis) -> str:
    return render_report(analysis, AS_OF)


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    return parse(html)


def test_rtl_arabic_document(page: Page, html: str) -> None:
    assert page.html_attrs.get("lang") == "ar"
    assert page.html_attrs.get("dir") == "rtl"
    assert html.startswith("<!doctype html>")
    assert html.count("<html") == 1


def test_self_contained_no_external_requests(page: Page, html: str) -> None:
    assert page.srcs == []  # no src= of any kind: images, scripts, frames
    assert 'id="search-form"' not in html  # the API search box exists only when served
    assert page.hrefs and all(h.startswith("#") for h in page.hrefs)
    low = html.lower()
    for needle in ("http://", "https://", "<link", "@import", "url(", "//cdn", "<img", "<iframe", "fetch("):
        assert needle not in low, needle


def test_every_link_lands_on_an_element(page: Page) -> None:
    missing = {h for h in page.hrefs if h[1:] not in page.ids}
    assert not missing
    assert len(page.id_list) == len(page.ids)  # no id twice: a link has one target


def test_document_bodies_keep_text_and_marks_sit_at_offsets(analysis: Analysis, page: Page) -> None:
    assert set(page.bodies) == {d.id for d in analysis.documents}
    for d in analysis.documents:
        assert page.bodies[d.id] == d.text  # stripping tags gives back the exact body
        for s, e, t in page.marks[d.id]:
            assert d.text[s:e] == t
    # every evidence span has an anchor, and the marks inside it cover it without a gap
    spans = [x for group in (analysis.events, analysis.claims, analysis.commitments, analysis.conflicts)
             for item in group for x in item.evidence]  # fmt: skip
    assert spans
    for sp in spans:
        assert f"{sp.doc}-{sp.start}-{sp.end}" in page.ids
        inside = sorted((s, e) for s, e, _ in page.marks[sp.doc] if sp.start <= s and e <= sp.end)
        assert inside[0][0] == sp.start and inside[-1][1] == sp.end
        assert all(a[1] == b[0] for a, b in zip(inside, inside[1:], strict=False))


def test_big_corpus_mode_renders_cited_documents_as_excerpts(analysis: Analysis) -> None:
    html = render_report(analysis, AS_OF, max_docs=1)
    page = parse(html)
    assert html.count('class="doc-text partial"') == 2  # every sample document is cited
    assert all(h[1:] in page.ids for h in page.hrefs)  # links still land
    for d in analysis.documents:
        assert page.marks[d.id]
        for s, e, t in page.marks[d.id]:
            assert d.text[s:e] == t
        pieces = [p for p in page.bodies[d.id].split(" … ") if p]
        assert all(p in d.text for p in pieces)


def test_excerpts_keep_only_text_around_evidence() -> None:
    text = "".join(f"جملة رقم {i} عن الانسحاب. " for i in range(400))
    s = text.index("جملة رقم 200 ")
    e = s + len("جملة رقم 200")
    body = str(render_excerpts(text, [(s, e)], [], "d_x", pad=50))
    p = parse(f'<div class="doc-text" data-doc="d_x">{body}</div>')
    assert p.marks["d_x"] == [(s, e, "جملة رقم 200")]
    assert f"d_x-{s}-{e}" in p.ids
    kept = p.bodies["d_x"].strip(" …")
    assert kept == text[s - 50 : e + 50]


def test_markup_in_data_is_escaped(analysis: Analysis, html: str, page: Page) -> None:
    assert "<script>alert(1)</script>" in analysis.documents[0].title
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert page.script_tags == 1  # only the report's own inline script


def test_sections_present_with_content(html: str) -> None:
    for sid in ("timeline", "commitments", "conflicts", "entities", "map", "documents"):
        assert f'<section id="{sid}">' in html
    assert 'class="badge st-passed"' in html and 'class="badge st-pending"' in html
    assert len(re.findall(r'class="side( deny)?"', html)) == 2  # one conflict, two columns
    assert 'class="side deny"' in html  # the Pentagon's denial is flagged
    assert "وزارة الدفاع الأميركية" in html and "ثمانية مسؤولين" in html


def test_unattributed_claim_takes_the_quoted_speaker(html: str) -> None:
    conflict = html.split('<article class="conflict"', 1)[1].split("</article>", 1)[0]
    sides = re.split(r'<div class="side(?: deny)?">', conflict)[1:]
    assert len(sides) == 2
    assert "ثمانية مسؤولين" in sides[0].split("</div>", 1)[0]  # claim a had no attributed_to
    assert "وزارة الدفاع الأميركية" in sides[1].split("</div>", 1)[0]


def test_timeline_runs_right_to_left_and_lists_undated(analysis: Analysis, page: Page, html: str) -> None:
    dated = [e for e in analysis.events if e.date.value]
    assert sorted(e for e, _ in page.tl_marks) == sorted(e.id for e in dated)
    x = dict(page.tl_marks)
    by_type = {e.type: e.id for e in analysis.events}
    assert x[by_type["FORMATION"]] > x[by_type["MEETING"]] > x[by_type["ATTACK"]] > x[by_type["WITHDRAWAL"]]
    undated = next(e for e in analysis.events if not e.date.value)
    section = html.split("أحداث بلا تاريخ صالح", 1)[1].split("</section>", 1)[0]
    assert f'id="ev-{undated.id}"' in section


def test_map_dots_inside_box_and_outside_listed(analysis: Analysis, html: str) -> None:
    svg = html.split('<svg class="map"', 1)[1].split("</svg>", 1)[0]
    inside = [e for e in analysis.entities if e.geo and 24 <= e.geo.lon <= 64]
    assert svg.count('class="place"') == len(inside) == 3
    assert svg.count('class="land"') > 5  # bundled country outlines drawn
    assert "<title>العراق</title>" in svg and "<title>اليمن</title>" not in svg  # view fitted to the places
    outside = html.split("أماكن خارج حدود الخريطة", 1)[1].split("</p>", 1)[0]
    assert "واشنطن" in outside


def test_empty_analysis_says_so() -> None:
    html = render_report(Analysis(), AS_OF)
    page = parse(html)
    assert page.html_attrs.get("dir") == "rtl"
    assert html.count('class="empty"') == 8  # every section, incidents and threads included
    assert "لم تُجمع حوادث" in html and "لم تُرصد سلاسل التزامات" in html
    assert all(h[1:] in page.ids for h in page.hrefs)


def test_export_round_trip_renders_identically(analysis: Analysis, html: str) -> None:
    data = json.loads(json.dumps(analysis_to_json(analysis, AS_OF), ensure_ascii=False))
    assert render_report(analysis_from_dict(data), AS_OF) == html


def test_bad_evidence_does_not_break_the_report(analysis: Analysis) -> None:
    broken = dataclasses.replace(analysis, events=list(analysis.events))
    first = broken.events[0]
    broken.events[0] = dataclasses.replace(
        first, evidence=[Evidence(first.evidence[0].doc, 5, 10**6), Evidence("d_missing", 0, 3)]
    )
    claim = broken.claims[0]
    broken.claims = [dataclasses.replace(claim, evidence=[Evidence("d_missing", 0, 3)]), *broken.claims[1:]]
    html = render_report(broken, AS_OF)
    page = parse(html)
    assert "مصدر غير متاح" in html  # the conflict side whose source is gone says so
    assert f'href="#{first.evidence[0].doc}"' in html  # out-of-range span falls back to its document
    assert all(h[1:] in page.ids for h in page.hrefs)  # a missing document links the document list


def test_dates() -> None:
    assert date_range("2024-08") is not None and date_range("2024-08")[2] == "month"  # type: ignore[index]
    assert str(date_range("2024-02")[1]) == "2024-02-29"  # type: ignore[index]
    assert date_range("2024-Q3")[:2] == date_range("2024-07-01")[:1] + date_range("2024-09-30")[:1]  # type: ignore[index]
    assert date_range("PAST_REF") is None and date_range("P2Y") is None and date_range("2024-13") is None
    assert format_date("2021-06-05") == "5 يونيو 2021"
    assert format_date("2024-08") == "أغسطس 2024"
    assert format_date(None) == "غير محدد"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_date_parsing_never_raises(value: str) -> None:
    r = date_range(value)
    assert r is None or r[0] <= r[1]
    assert isinstance(format_date(value), str)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=6))
def test_render_text_round_trips_any_text(text: str, spans: list[tuple[int, int]]) -> None:
    body = str(render_text(text, spans, [(s, e, "ent", "x") for s, e in spans[:2]], "d_x"))
    p = parse(f'<div class="doc-text" data-doc="d_x">{body}</div>')
    assert p.bodies["d_x"] == text
    for s, e, t in p.marks["d_x"]:
        assert text[s:e] == t
    for s, e in spans:
        if 0 <= s < e <= len(text):
            assert f"d_x-{s}-{e}" in p.ids


def test_write_report_and_cli(tmp_path: Path, analysis: Analysis) -> None:
    from rasd.interfaces.cli import _load_commands, app

    _load_commands()
    out = tmp_path / "sub" / "r.html"
    write_report(analysis, out, AS_OF)
    assert parse(out.read_text(encoding="utf-8")).bodies
    src = tmp_path / "analysis.json"
    src.write_text(json.dumps(analysis_to_json(analysis, "2030-01-01"), ensure_ascii=False), encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["report", "--analysis", str(src), "--out", str(tmp_path / "cli.html")])
    assert res.exit_code == 0, res.output
    cli_html = (tmp_path / "cli.html").read_text(encoding="utf-8")
    assert "1 يناير 2030" in cli_html  # as_of taken from the export
    res = runner.invoke(app, ["report", "--analysis", str(src), "--out", str(tmp_path / "old.html"), "--as-of", "2021-06-01"])
    assert res.exit_code == 0, res.output
    old = (tmp_path / "old.html").read_text(encoding="utf-8")
    assert 'class="badge st-passed"' not in old  # in June 2021 no deadline had passed yet
    res = runner.invoke(app, ["report", "--analysis", str(src), "--out", str(tmp_path / "small.html"), "--max-docs", "0"])
    assert res.exit_code == 0 and (tmp_path / "small.html").read_text(encoding="utf-8").count("doc-text partial") == 3
    res = runner.invoke(app, ["report", "--analysis", str(src), "--out", str(tmp_path / "cli.html"), "--as-of", "soon"])
    assert res.exit_code != 0 and "--as-of" in res.output
    res = runner.invoke(app, ["report", "--analysis", str(tmp_path / "nope.json")])
    assert res.exit_code != 0 and "not found" in res.output and "Traceback" not in res.output
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    res = runner.invoke(app, ["report", "--analysis", str(bad)])
    assert res.exit_code != 0 and "cannot read" in res.output


def test_evidence_excerpt_marks_exact_span(analysis: Analysis, html: str) -> None:
    d1 = analysis.documents[0]
    span = ev(d1, "بحلول نهاية أيلول 2025")
    assert TEXT1[span.start : span.end] == "بحلول نهاية أيلول 2025"
    assert re.search(r"<mark>بحلول نهاية أيلول 2025</mark>", html)


@settings(max_examples=40, deadline=None)
@given(
    st.text(min_size=1, max_size=200),
    st.text(max_size=30),
    st.lists(st.tuples(st.integers(0, 220), st.integers(0, 220)), min_size=1, max_size=5),
    st.sampled_from(["2024", "2024-08", "2024-08-08", "PAST_REF", "", "2024-W32", "x"]),
)
def test_any_document_renders_with_exact_marks(text: str, title: str, spans: list[tuple[int, int]], date: str) -> None:
    from rasd.models import Document, Event, EventDate, Published

    doc = Document("d_any", "any.txt", 0, title, None, Published(date or None), "ar", text)
    evidence = [Evidence(doc.id, min(s, e), max(s, e)) for s, e in spans]
    event = Event("v_any", "OTHER", EventDate(date or None, None), summary=title, evidence=evidence)
    html = render_report(Analysis(documents=[doc], events=[event]), AS_OF)
    page = parse(html)
    assert page.bodies["d_any"] == text
    for s, e, t in page.marks["d_any"]:
        assert text[s:e] == t
    valid = [x for x in evidence if 0 <= x.start < x.end <= len(text)]
    assert all(f"d_any-{x.start}-{x.end}" in page.ids for x in valid)
    assert all(h[1:] in page.ids for h in page.hrefs)
    assert len(page.id_list) == len(page.ids)


def test_commitment_quote_only_when_what_is_a_paraphrase(analysis: Analysis) -> None:
    c = analysis.commitments[1]
    d1 = analysis.documents[0]
    verbatim = dataclasses.replace(c, what=d1.text[c.evidence[0].start - 20 : c.evidence[0].end] + " …")
    html = render_report(dataclasses.replace(analysis, commitments=[verbatim]), AS_OF)
    row = html.split(f'<tr id="{c.id}">', 1)[1].split("</tr>", 1)[0]
    assert 'class="quote' not in row and f'href="#{d1.id}-{c.evidence[0].start}-{c.evidence[0].end}"' in row
    row = html_of(analysis).split(f'<tr id="{c.id}">', 1)[1].split("</tr>", 1)[0]
    assert 'class="quote' in row  # the sample's own wording is a paraphrase


def html_of(a: Analysis) -> str:
    return render_report(a, AS_OF)


def test_entity_index_links_to_first_mention(analysis: Analysis, html: str, page: Page) -> None:
    kadhimi = next(e for e in analysis.entities if e.name == "مصطفى الكاظمي")
    row = html.split(f'<tr id="{kadhimi.id}"', 1)[1].split("</tr>", 1)[0]
    m = re.search(r'href="#(d_[0-9a-f]+)-(\d+)-(\d+)"', row)
    assert m
    doc = next(d for d in analysis.documents if d.id == m.group(1))
    assert doc.text[int(m.group(2)) : int(m.group(3))] == "مصطفى الكاظمي"
    assert m.group(0)[7:-1] in page.ids
