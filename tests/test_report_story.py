"""The report's schema-2 sections: incidents with a slot table per source, commitment threads
with their deadline history, disagreements by kind with both sides, all escaped."""

from __future__ import annotations

import dataclasses
import json
import re
from html.parser import HTMLParser

import pytest
from test_report import parse
from test_report_data import (
    HOSTILE_LABEL,
    HOSTILE_OUTLET,
    HOSTILE_SPEAKER,
    HOSTILE_WHAT,
    story_analysis,
)

from rasd.interfaces.export import analysis_to_json
from rasd.interfaces.report import analysis_from_dict, render_report, thread_state
from rasd.interfaces.report.labels import counted, deadline_text
from rasd.models import Analysis, Evidence, Thread

AS_OF = "2025-03-15"  # the story stage's own day in the sample (thread.as_of)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return story_analysis()


@pytest.fixture(scope="module")
def html(analysis: Analysis) -> str:
    return render_report(analysis, AS_OF)


def section(html: str, sid: str) -> str:
    return html.split(f'<section id="{sid}">', 1)[1].split("</section>", 1)[0]


def article(html: str, item_id: str) -> str:
    return html.split(f'id="{item_id}">', 1)[1].split("</article>", 1)[0]


def row(table: str, label: str) -> str:
    return table.split(f'<th scope="row">{label}', 1)[1].split("</tr>", 1)[0]


def test_incident_slot_table_has_a_column_per_source_and_marks_the_odd_value(analysis: Analysis, html: str) -> None:
    inc = analysis.incidents[0]
    art = article(section(html, "incidents"), inc.id)
    docs = {d.id: d for d in analysis.documents}
    # one column per source, oldest publication first
    heads = re.findall(r'<th scope="col"><a href="#(d_[0-9a-f]+)">', art)
    assert heads == sorted({sv.source for vs in inc.slots.values() for sv in vs}, key=lambda d: docs[d].published.value or "")
    assert "3 مصادر" in art and "تفاصيل تختلف فيها المصادر: 1" in art
    injured = row(art, "الجرحى")
    assert 'class="tag-diff"' in injured  # the row where the outlets differ is marked
    cells = re.findall(r'<div class="val( odd)?">(?:<span class="muted small">([^<]*)</span> )?<a href="#([^"]+)">([^<]+)</a>', injured)
    by_value = {(v, bool(odd)) for odd, _q, _h, v in cells}
    assert by_value == {("5", False), ("7", True)}  # 7 is what only one of three gives
    assert any(q == "على الأقل" for _o, q, _h, v in cells if v == "5")  # the qualifier is shown, "exact" is not
    # each value links to its own evidence, which is marked in the document section
    page = parse(html)
    for sv in inc.slots["injured"]:
        e = sv.evidence[0]
        target = f"{e.doc}-{e.start}-{e.end}"
        assert f'href="#{target}"' in injured and target in page.ids
        assert any(s == e.start for s, _e, _t in page.marks[e.doc])
    # the disagreement is one click away from its row
    slot_conflict = next(k for k in analysis.conflicts if k.slot == "injured")
    assert f'href="#{slot_conflict.id}"' in injured


def test_agreeing_sources_and_one_source_naming_two_places_are_not_differences(analysis: Analysis, html: str) -> None:
    art = article(section(html, "incidents"), analysis.incidents[0].id)
    for label in ("الصواريخ", "المكان", "المنفّذ"):
        r = row(art, label)
        assert "tag-diff" not in r and "odd" not in r
    assert row(art, "المنفّذ").count('class="val"') == 2  # every value shown, never merged


def test_hostile_outlet_label_and_speaker_in_incident_table_are_text(html: str) -> None:
    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
            self.text = ""

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append((tag, attrs))

        def handle_data(self, data: str) -> None:
            self.text += data

    p = Tags()
    p.feed(html)
    assert [t for t, _ in p.tags].count("script") == 1  # the report's own script only
    assert "img" not in [t for t, _ in p.tags]  # no injected image
    handlers = [(t, k) for t, attrs in p.tags for k, _ in attrs if k.startswith("on")]
    assert handlers == []  # no event handler attribute anywhere
    for raw in (HOSTILE_OUTLET, HOSTILE_LABEL, HOSTILE_SPEAKER, HOSTILE_WHAT):
        assert raw not in html
        assert raw in p.text  # shown as text
    incidents = section(html, "incidents")
    assert "&lt;img src=x onerror=" in incidents and "&lt;script&gt;alert(3)&lt;/script&gt;" in incidents
    assert "&lt;b onmouseover=" in incidents
    svgs = [attrs for t, attrs in p.tags if t == "svg"]
    assert all(dict(attrs).get("class") in ("timeline", "map") for attrs in svgs)  # only the report's charts


def test_thread_lists_deadlines_in_order_with_who_and_when(analysis: Analysis, html: str) -> None:
    t = analysis.threads[0]
    art = article(section(html, "threads"), t.id)
    rows = re.findall(r'<tr class="dl-(\w+)">(.*?)</tr>', art, re.S)
    assert [m for m, _ in rows] == ["superseded", "current"]
    assert "<del>نهاية سبتمبر 2025</del>" in rows[0][1]  # replaced: struck through
    assert "ثمانية مسؤولين" in rows[0][1] and "7 سبتمبر 2024" in rows[0][1]
    assert "<strong>سبتمبر 2026</strong>" in rows[1][1] and "التحالف الدولي" in rows[1][1]
    assert 'class="badge st-pending">قائم<' in art
    assert "الموعد المعتمد: سبتمبر 2026" in art
    deadline = next(k for k in analysis.conflicts if k.kind == "deadline")
    assert f'href="#{deadline.id}"' in art
    # the commitment the thread holds is not listed again below
    assert f'id="{t.commitments[0]}"' not in section(html, "commitments")
    assert "عدد الالتزامات داخل السلاسل: 1" in section(html, "commitments")


@pytest.mark.parametrize(
    ("as_of", "marks", "status", "passed"),
    [
        ("2025-01-15", ["current", "future"], "pending", False),  # the postponement is not stated yet
        ("2025-09-10", ["superseded", "current"], "pending", False),
        ("2026-09-10", ["superseded", "current"], "due", False),
        ("2026-12-01", ["superseded", "current"], "due", True),
    ],
)
def test_thread_status_as_of_the_report_date(
    analysis: Analysis, as_of: str, marks: list[str], status: str, passed: bool
) -> None:
    t = analysis.threads[0]
    got, got_marks, current = thread_state(t, as_of, lambda doc: "")
    assert (got, got_marks) == (status, marks)
    assert current is not None and current.value == ("2025-09" if marks[0] == "current" else "2026-09")
    art = article(section(render_report(analysis, as_of), "threads"), t.id)
    assert f'class="badge st-{status}"' in art
    assert ("انقضى الموعد المعتمد" in art) is passed
    if "future" in marks:
        assert '<tr class="dl-future">' in art and "لم يُعلن بعد" in art


def test_a_settled_thread_is_so_from_the_report_that_settled_it(analysis: Analysis) -> None:
    d4 = next(d for d in analysis.documents if d.published.value == "2025-03-10")
    kept = dataclasses.replace(analysis.threads[0], status="kept", reports=[Evidence(d4.id, 0, 5)], as_of="2027-01-01")
    published = {d.id: d.published.value or "" for d in analysis.documents}
    assert thread_state(kept, "2027-01-01", published.__getitem__)[0] == "kept"
    assert thread_state(kept, "2025-01-15", published.__getitem__)[0] == "pending"  # before the report
    assert thread_state(kept, "2024-08-01", published.__getitem__)[0] == "unstated"  # before any deadline
    bare = Thread("t_x", "وعد", deadlines=[])
    assert thread_state(bare, "2025-01-01", published.__getitem__) == ("unstated", [], None)


def test_disagreements_by_kind_with_both_sides(analysis: Analysis, html: str) -> None:
    sec = section(html, "conflicts")
    kinds = re.findall(r'<h3 id="conflicts-(\w+)">', sec)
    assert kinds == ["slot", "deadline", "polarity"]  # incident details first, schema 1 last
    k = next(k for k in analysis.conflicts if k.kind == "slot")
    art = article(sec, k.id)
    assert k.explanation in art and "تباين" in art and "الجرحى" in art
    assert f'<a href="#{k.incident}">' in art  # what it is about
    sides = re.split(r'<div class="side(?: deny)?">', art)[1:]
    assert len(sides) == 2
    assert '<div class="value">' in sides[0] and ">5</a>" in sides[0] and "وكالة الرافدين" in sides[0]
    assert ">7</a>" in sides[1] and "&lt;b onmouseover=" in sides[1] and "&lt;img src=x onerror=" in sides[1]
    for side, sv in zip(sides, (k.side_a, k.side_b), strict=True):
        assert sv is not None
        e = sv.evidence[0]
        assert f'href="#{e.doc}-{e.start}-{e.end}"' in side
    d = next(k for k in analysis.conflicts if k.kind == "deadline")
    art = article(sec, d.id)
    values = re.findall(r'<div class="value"><a class="plain" href="[^"]+">([^<]+)</a>', art)
    assert values == ["سبتمبر 2025", "سبتمبر 2026"] and "تحديث" in art  # TimeML values read as dates
    assert f'<a href="#{d.thread}">' in art


def test_every_story_link_lands_and_every_story_span_is_marked(analysis: Analysis, html: str) -> None:
    page = parse(html)
    assert {h for h in page.hrefs if h[1:] not in page.ids} == set()
    assert len(page.id_list) == len(page.ids)
    spans = [e for i in analysis.incidents for vs in i.slots.values() for sv in vs for e in sv.evidence]
    spans += [e for t in analysis.threads for dl in t.deadlines for e in dl.evidence]
    spans += [e for k in analysis.conflicts for s in (k.side_a, k.side_b) if s for e in s.evidence]
    for sp in spans:
        assert f"{sp.doc}-{sp.start}-{sp.end}" in page.ids
    for d in analysis.documents:
        assert page.bodies[d.id] == d.text


def test_timeline_rows_are_incidents_with_their_range_of_figures(analysis: Analysis, html: str) -> None:
    inc = analysis.incidents[0]
    tl = section(html, "timeline")
    tr = tl.split(f'id="ev-{inc.id}"', 1)[1].split("</tr>", 1)[0]
    assert f'href="#{inc.id}"' in tr and "3 مصادر" in tr
    assert "جرحى: 5–7" in tr  # never one source's figure alone
    grouped = {r for i in analysis.incidents for r in i.reports}
    assert not any(f'id="ev-{r}"' in tl for r in grouped)  # a report shows through its incident


def test_export_round_trip_renders_identically(analysis: Analysis, html: str) -> None:
    data = json.loads(json.dumps(analysis_to_json(analysis, AS_OF), ensure_ascii=False))
    assert data["incidents"] and data["threads"]
    assert render_report(analysis_from_dict(data), AS_OF) == html


def test_many_incidents_fold_and_links_still_land(analysis: Analysis) -> None:
    inc = analysis.incidents[0]
    many = [dataclasses.replace(inc, id=f"i_{n:04d}") for n in range(35)]
    html = render_report(dataclasses.replace(analysis, incidents=many, conflicts=[]), AS_OF)
    sec = section(html, "incidents")
    assert sec.count('<article class="incident') == 35
    assert "<details class=\"more\"><summary>عرض 5 حوادث أخرى</summary>" in sec
    page = parse(html)
    assert all(h[1:] in page.ids for h in page.hrefs)


def test_words() -> None:
    assert [counted(n, "source") for n in (1, 2, 3, 10, 11, 103)] == [
        "مصدر واحد", "مصدران", "3 مصادر", "10 مصادر", "11 مصدراً", "103 مصادر",
    ]  # fmt: skip
    assert counted(4, "unknown-noun") == "4 unknown-noun"
    assert deadline_text("2025-09", "END") == "نهاية سبتمبر 2025"
    assert deadline_text("2021-12-31", "END") == "31 ديسمبر 2021"  # a day needs no "end of"
    assert deadline_text(None) == "غير محدد"
